/* status.h - where the year stands on a day: planned, held, cancelled, overdue, upcoming, quotas and targets (§11). */
#ifndef PAIRPLAN_STATUS_H
#define PAIRPLAN_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "plan.h"

struct arena;
struct sbuf;
struct record;
struct records;
struct schedule;
struct sched_event;

/* Events planned up to the day, and what became of them (§11). */
struct status_counts {
	uint32_t	 planned;	/* dated up to the day, not cancelled */
	uint32_t	 held;		/* of those, with a held record */
	uint32_t	 cancelled;	/* cancelled by a record, any date */
	uint32_t	 overdue;	/* planned, not held */
	uint32_t	 upcoming;	/* in the 14 days after the day */
	uint32_t	 extra;		/* held beyond the plan, up to the day */
};

/* A phase (idx), partner (org idx) or person (idx) of plan `plan`. */
struct status_row {
	uint32_t		 plan;
	int32_t			 idx;
	struct status_counts	 c;	/* partners and people: planned and
					   held, extra included in held */
};

struct status_quota {
	uint32_t	 plan;
	int32_t		 person;
	int32_t		 partner;	/* a pairing's partner (org), or -1 */
	struct span	 period;
	uint32_t	 required;
	uint32_t	 got;		/* visits or working days held, from
					   the records */
	uint8_t		 unit;		/* enum quota_unit */
	bool		 finished;	/* the period ended by the day */
};

enum status_target_state { ST_MET, ST_NOT_MET, ST_UNMEASURED, ST_OVERDUE };

struct status_target {
	uint32_t		 plan;
	uint32_t		 target;	/* index into the plan's targets */
	const struct record	*rec;		/* the latest measurement */
	uint32_t		 value;		/* index into rec->values */
	/*
	 * The threshold in force: the target's comparison (a range when
	 * has_max), else at least its figure for the year measured (or
	 * the day's year) or its total (§10).
	 */
	enum cmp		 cmp;
	double			 goal, max;
	bool			 has_goal, has_max, percent;
	enum status_target_state state;
	bool			 missed;	/* not met, and its date passed */
};

/* An occurrence a record speaks of that is not an event of the schedule. */
struct status_rec {
	uint32_t		 plan;
	const struct record	*rec;
};

struct status {
	day_t			 on;
	const struct schedule	*s;
	struct status_counts	 totals;
	struct status_row	*phases, *partners, *people;
	size_t			 nphases, npartners, npeople;
	struct status_quota	*quotas;	/* as the schedule's */
	size_t			 nquotas;
	struct status_target	*targets;
	size_t			 ntargets;
	/* per event of s, in its order: the held record, or NULL */
	const struct record	**held_by;
	size_t			*overdue;	/* indexes into s->events */
	size_t			 noverdue;
	struct status_rec	*cancelled, *extra;	/* in file order */
	size_t			 ncancelled, nextra;
};

/*
 * Where plans stand on day on: s is the schedule of the plans with their
 * records applied (sched_run_fixed), recs[i] the checked records of plan
 * i (NULL or empty when none). Memory is the arena's.
 */
void	 status_compute(struct status *, const struct schedule *s,
	    struct records *const *recs, day_t on, struct arena *);

/*
 * Only held_by of status_compute: held_by[i] for each event of s, the
 * held record in force for it or NULL, whatever its date.
 */
void	 status_held(const struct schedule *s, struct records *const *recs,
	    const struct record **held_by);

/*
 * A target's threshold in words, "at-least 1, at-most 2" (json, csv), or
 * signs, "≥ 1, ≤ 2" (table, html, documents); "" when it has none.
 */
void	 status_goal_text(struct sbuf *, const struct status_target *,
	    bool symbols);

/*
 * Something is overdue, a finished period's quota is short, or a target
 * is missed by its date: exit status 1.
 */
bool	 status_failing(const struct status *);

/* The days after on that count as upcoming. */
#define STATUS_UPCOMING_DAYS	14

/*
 * The people a held record says took part: its own people, else those of
 * its event's series, else its activity's owners and people. Indexes in
 * the plan, written to out (room for np entries); returns how many.
 */
uint32_t status_rec_people(const struct record *, const struct schedule *,
	    const struct plan *, int32_t *out, uint32_t np);
/* The site of a record: its event's, or its partner, or its activity's. */
int32_t	 status_rec_site(const struct record *, const struct schedule *,
	    const struct plan *);

#endif
