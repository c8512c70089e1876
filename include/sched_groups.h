/* sched_groups.h - plans that share no person and no site, scheduled on two threads. */
#ifndef PAIRPLAN_SCHED_GROUPS_H
#define PAIRPLAN_SCHED_GROUPS_H

#include <stddef.h>

struct arena;
struct plan;
struct sched_fix;
struct schedule;

/*
 * sched_run_fixed, on two threads when it can be: plans are scheduled
 * together only through the people and sites (by id) they have in
 * common, so plans that fall into groups sharing none can be scheduled
 * group by group. Each thread schedules some of the groups, and the two
 * schedules are merged into the one sched_run_fixed makes of all the
 * plans, the same to the byte; a big merge of events is done in halves
 * on two threads too. threads: 1, one thread; 2, two whenever the plans
 * form two groups or more, the merge in halves whatever its size; 0, two
 * when a core is spare and the plans are enough to gain by it. With
 * fixes (records), one thread.
 */
void	 sched_run_groups(struct schedule *, const struct plan *const *plans,
	    size_t nplans, const struct sched_fix *, size_t nfix,
	    unsigned threads, struct arena *);

#endif
