/* sched_filter.h - which events, unplaced occurrences and quotas of a schedule are printed. */
#ifndef PAIRPLAN_SCHED_FILTER_H
#define PAIRPLAN_SCHED_FILTER_H

#include <stdbool.h>

#include "date.h"

struct schedule;
struct sched_event;
struct sched_series;
struct sched_quota;

/*
 * What `schedule` prints (§5.6): the schedule is always computed for the
 * whole input; these only select the events shown.
 */
struct sched_filter {
	const char	*phase;		/* 1-based number or phase id, or NULL */
	bool		 has_from, has_to;
	day_t		 from, to;
	const char	*person;	/* person id, or NULL */
	const char	*partner;	/* partner id, or NULL */
};

bool	 sched_filter_match(const struct sched_filter *,
	    const struct schedule *, const struct sched_event *);
/*
 * The same for what is not an event: an unplaced occurrence (its window)
 * or a skipped period, by its series and days. A NULL filter matches all.
 */
bool	 sched_filter_match_span(const struct sched_filter *,
	    const struct schedule *, const struct sched_series *, struct span);
/* A quota, by its person (--person) and period (--from, --to). */
bool	 sched_filter_match_quota(const struct sched_filter *,
	    const struct schedule *, const struct sched_quota *);

#endif
