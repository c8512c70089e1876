/* report.h - the county view (§12): many plans' schedule counted per plan, host, partner kindergarten and person. */
#ifndef PAIRPLAN_REPORT_H
#define PAIRPLAN_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "date.h"

struct arena;
struct plan;
struct schedule;

/*
 * Events counted as `status` counts them (§11) as of a day: events all
 * that are scheduled, due those dated up to and including the day, held
 * those of them with a held record, overdue the rest of them.
 */
struct report_count {
	uint32_t	 events, due, held, overdue;
};

/* A file given: a plan counted, or one left out (errors, unreadable). */
struct report_plan {
	const char	*file;		/* as found */
	const char	*title;		/* NULL when left out or untitled */
	const char	*host;		/* host id; NULL when left out */
	size_t		 errors;	/* its errors: > 0 means left out */
	bool		 unreadable;	/* could not be read: left out */
	bool		 counted;
	struct report_count c;
	uint32_t	 unplaced;	/* occurrences the schedule could not place */
	uint32_t	 quotas_short;	/* quota periods short */
};

/* A host kindergarten, by id across the plans counted. */
struct report_host {
	const char	*id, *name;
	uint32_t	*plans;		/* indexes into report.plans, file order */
	uint32_t	 nplans;
	const char	**partners;	/* ids, sorted */
	uint32_t	 npartners;
	struct report_count c;
	uint32_t	 unplaced, quotas_short;
};

/* Why a partner is flagged. */
enum report_flag {
	RF_OK,
	RF_NONE,	/* no visit planned at all */
	RF_FEW,		/* a semester with fewer visits than --min-visits */
};

/*
 * A semester is a half of the school year: the autumn semester September
 * to February (第一学期) and the spring semester March to August (第二学
 * 期). Numbered 2 * YEAR for the spring semester of YEAR and 2 * YEAR + 1
 * for the autumn semester that starts in YEAR.
 */
struct report_term {
	int		 sem;
	uint32_t	 planned, held;	/* visits in it; held up to the day */
};

/*
 * A partner kindergarten, by id across the plans counted; visits are the
 * events held at its site.
 */
struct report_partner {
	const char	*id, *name;
	const char	**hosts;	/* ids, sorted */
	uint32_t	 nhosts;
	struct report_count c;		/* its visits */
	struct report_term *terms;	/* the semesters its plans meet */
	uint32_t	 nterms;
	enum report_flag flag;
};

/* Events of a person in a month (y * 12 + m - 1). */
struct report_month {
	int32_t		 month;
	uint32_t	 n;
};

/* A person, by id across the plans counted. */
struct report_person {
	const char	*id, *name;
	const char	*org;		/* id of their kindergarten */
	uint32_t	 nplans, events;
	struct report_month *months;	/* months with events, in order */
	uint32_t	 nmonths;
	uint32_t	 busiest;	/* index into months (the first of
					   equals); 0 when no month */
};

struct report {
	day_t			 on;
	uint32_t		 min_visits;
	struct report_plan	*plans;		/* file order */
	size_t			 nplans;
	struct report_host	*hosts;		/* by id */
	size_t			 nhosts;
	struct report_partner	*partners;	/* by id */
	size_t			 npartners;
	struct report_person	*people;	/* by id */
	size_t			 npeople;
	int			 sem_first, sem_last; /* semesters met;
						   first > last: none */
	int32_t			 month_first, month_last; /* months with
						   events; first > last: none */
	struct report_count	 total;
	uint32_t		 with_errors;	/* plans left out */
	uint32_t		 unplaced, quotas_short;
	uint32_t		 flagged;	/* partners flagged */
};

/* A file as report_build reads it. */
struct report_file {
	const char		*file;
	const struct plan	*plan;		/* NULL: left out */
	size_t			 errors;
	bool			 unreadable;
};

/*
 * Counts the report as of on. files are every file given, in order; s is
 * the schedule of the plans of those whose plan is not NULL, in the same
 * order; held[i] tells whether s->events[i] was held (report_held).
 * Everything is allocated in the arena.
 */
void	 report_build(struct report *, const struct report_file *files,
	    size_t nfiles, const struct schedule *s, const bool *held,
	    day_t on, uint32_t min_visits, struct arena *);

/*
 * Sets held[i] for every event s->events[i] that a held record of its
 * plan's records (recs[plan], NAME.records.yaml beside the plan, §11)
 * stands for, dated on or before on, as `status` counts them.
 */
struct records;
void	 report_held(const struct schedule *s, struct records *const *recs,
	    day_t on, bool *held);

/* The semester of a day, its first and last day, and "2024-09..2025-02". */
int	 report_semester(day_t);
struct span report_semester_span(int sem);
void	 report_semester_key(int sem, char buf[20]);
/* A month as "2024-10" (buf of at least 8 bytes). */
void	 report_month_key(int32_t month, char buf[8]);
/* The partner's term of a semester, or NULL when none of its plans meets it. */
const struct report_term *report_term(const struct report_partner *, int sem);

/*
 * The formats of `report --format`: md and html in Chinese, or English
 * with en; json and csv in neither. false when writing failed.
 */
struct report_format {
	const char	*name;
	bool		(*write)(FILE *, const struct report *, bool en);
};
extern const struct report_format report_md;
extern const struct report_format report_html;
extern const struct report_format report_json;
extern const struct report_format report_csv;

#endif
