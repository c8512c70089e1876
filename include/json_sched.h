/* json_sched.h - the schedule as the JSON object of the contract's section 5. */
#ifndef PAIRPLAN_JSON_SCHED_H
#define PAIRPLAN_JSON_SCHED_H

#include <stdbool.h>
#include <stdio.h>

struct schedule;
struct sched_filter;

/* The schedule object, its lines indented by ind; a NULL filter prints all. */
void	 json_schedule_object(FILE *, const struct schedule *,
	    const struct sched_filter *, const char *ind);
/*
 * The same, its events written by threads (0: two for a long schedule
 * when a core is spare, else one) in chunks of chunk events (0: the
 * default). The bytes do not depend on either: tests compare them.
 */
void	 json_schedule_object_split(FILE *, const struct schedule *,
	    const struct sched_filter *, const char *ind, unsigned threads,
	    size_t chunk);
/* `schedule --format json`: the object and a newline; false when writing failed. */
bool	 json_schedule(FILE *, const struct schedule *,
	    const struct sched_filter *);

#endif
