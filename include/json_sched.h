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
/* `schedule --format json`: the object and a newline; false when writing failed. */
bool	 json_schedule(FILE *, const struct schedule *,
	    const struct sched_filter *);

#endif
