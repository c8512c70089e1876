/* report_records.c - the records of the county view: which scheduled events were held. */
#include <stdbool.h>
#include <stdlib.h>

#include "arena.h"
#include "date.h"
#include "records.h"
#include "report.h"
#include "sched.h"
#include "status.h"

/*
 * held[i] for each event s->events[i] dated on or before on that a held
 * record of its plan stands for (not replaced by a later record), as
 * `status` counts them; s is made with the records applied.
 */
void
report_held(const struct schedule *s, struct records *const *recs,
    day_t on, bool *held)
{
	const struct record **by;
	size_t i;

	if (s->nevents == 0)
		return;
	if ((by = calloc(s->nevents, sizeof(*by))) == NULL)
		arena_oom();
	status_held(s, recs, by);
	for (i = 0; i < s->nevents; i++)
		held[i] = by[i] != NULL && s->events[i].date <= on;
	free(by);
}
