/* report_records.c - the records of the county view: which scheduled events were held. */
#include <stdbool.h>
#include <string.h>

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
    day_t on, bool *held, struct arena *a)
{
	struct status st;
	size_t i;

	if (s->nevents == 0)
		return;
	memset(held, 0, s->nevents * sizeof(*held));
	status_compute(&st, s, recs, on, a);
	for (i = 0; i < s->nevents; i++)
		held[i] = st.held_by[i] != NULL && s->events[i].date <= on;
}
