/* sched.h - fuzzy plans become dated events on real working days. */
#ifndef PAIRPLAN_SCHED_H
#define PAIRPLAN_SCHED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"

struct plan;
struct activity;
struct mentorship;
struct pairing;
struct sitecal;

/*
 * One series: an activity, or one partner's share of an `at: partner`
 * activity, or a mentorship's meetings, or a pairing's visits. Every
 * event, unplaced occurrence and skipped period points at its series.
 */
/* What a series is made from: its src. */
enum sched_type { SCHED_ACT, SCHED_MENT, SCHED_PAIR };

/*
 * Pointers first, then the 32-bit fields, so that no padding comes between
 * them: a big plan has hundreds of thousands of series, and every field
 * that the activity holds is read from it (sched_title, sched_kind,
 * sched_activity).
 */
struct sched_series {
	const void		*src;		/* struct activity, mentorship or
						   pairing, by type */
	const char		*id;		/* "p2.1#shaliang" or "p2.1" */
	const struct sitecal	*cal;		/* its working days (§13) */
	const int32_t		*people;	/* person indexes in its plan: */
	uint32_t		 npeople;	/* owners first, then people */
	uint32_t		 plan;		/* index into the plans given */
	int32_t			 phase;		/* index into phases, or -1 */
	int32_t			 partner;	/* org index in its plan, or -1 */
	int32_t			 site;		/* org index in its plan, -1 online */
	uint32_t		 of;		/* occurrences in all */
	uint8_t			 type;		/* enum sched_type */
	bool			 shared;	/* takes no room at its site */
};

/* The activity, mentorship or pairing of a series; NULL for the others. */
static inline const struct activity *
sched_act(const struct sched_series *r)
{
	return r->type == SCHED_ACT ? r->src : NULL;
}

static inline const struct mentorship *
sched_ment(const struct sched_series *r)
{
	return r->type == SCHED_MENT ? r->src : NULL;
}

static inline const struct pairing *
sched_pair(const struct sched_series *r)
{
	return r->type == SCHED_PAIR ? r->src : NULL;
}

/* Its activity's id ("p2.1"; "m1" for a mentorship, "v1" a pairing). */
const char	*sched_activity(const struct sched_series *);
/* Its title: the activity's; 师徒结对 for mentorships, 结对走访 pairings. */
const char	*sched_title(const struct sched_series *);
/* Its kind as a plan writes it: "other" for a kind unknown; "mentoring",
 * "visit". */
const char	*sched_kind(const struct sched_series *);

struct sched_event {
	const struct sched_series *series;
	day_t			 date, end;	/* first and last day */
	uint32_t		 occurrence;	/* 1-based */
	bool			 fixed;
};

struct sched_unplaced {
	const struct sched_series *series;
	uint32_t		 occurrence;
	struct span		 window;	/* the days it could have had */
	const char		*reason;
};

struct sched_skipped {
	const struct sched_series *series;
	struct span		 period;	/* the period met by the window */
	const char		*reason;
};

enum quota_unit { QU_VISITS, QU_DAYS };

/*
 * A quota's count in one period: visits (events at partner sites the
 * person attends) or working days spent at partner sites; a pairing's
 * days count only the days at its partner.
 */
struct sched_quota {
	uint32_t		 plan;
	int32_t			 person;	/* index in its plan */
	int32_t			 partner;	/* org index, or -1: any */
	struct span		 period;
	uint32_t		 required, got;
	uint8_t			 unit;		/* enum quota_unit */
};

/* The schedule of one or more plans; all memory is in the arena. */
struct schedule {
	const struct plan *const *plans;
	size_t			 nplans;
	struct sched_series	*series;
	size_t			 nseries;
	struct sched_event	*events;	/* by date, file order, id */
	size_t			 nevents;
	struct sched_unplaced	*unplaced;	/* in file order */
	size_t			 nunplaced;
	struct sched_skipped	*skipped;
	size_t			 nskipped;
	struct sched_quota	*quotas;
	size_t			 nquotas;
};

/*
 * Schedules plans together (§5 of the contract): people and sites with
 * the same id in several plans are one. The plans must be free of errors.
 * Deterministic.
 */
void	 sched_run(struct schedule *, const struct plan *const *plans,
	    size_t nplans, struct arena *);

/*
 * What records say of one occurrence (§11): held or moved to days, or
 * cancelled.
 */
struct sched_fix {
	uint32_t		 plan;		/* index into the plans given */
	const char		*series;	/* series id: "p2.1#shaliang" */
	uint32_t		 occurrence;	/* 1-based */
	bool			 cancelled;	/* dropped from the schedule */
	struct span		 days;		/* held or moved: from..to; one
						   day starts an occurrence of
						   the series' `days` */
};

/*
 * sched_run with occurrences fixed or dropped by records: a fixed one is
 * an event on its days, placed first like a fixed date (§5.3); a
 * cancelled one is neither an event nor unplaced; every other occurrence
 * is placed around them. The last fix of an occurrence counts; a fix
 * that names no occurrence is ignored.
 */
void	 sched_run_fixed(struct schedule *, const struct plan *const *plans,
	    size_t nplans, const struct sched_fix *, size_t nfix,
	    struct arena *);

/* Something was unplaced or a quota is short: exit status 1. */
bool	 sched_incomplete(const struct schedule *);

/* The event id: series id, '/', occurrence ("p2.1#shaliang/3"). */
const char *sched_event_id(const struct sched_event *, struct arena *);

#endif
