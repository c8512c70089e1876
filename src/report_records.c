/* report_records.c - the records hook of the county view: which scheduled events were held. */
#include <stdbool.h>
#include <string.h>

#include "date.h"
#include "report.h"
#include "sched.h"

/*
 * STUB, until the records of issue 11 can be read: no event is held.
 *
 * When they can, this is the one place to change: for each event
 * s->events[i] dated on or before on, set held[i] when the records file
 * of its plan (s->plans[s->events[i].series->plan]->file, with .yaml
 * replaced by .records.yaml) holds a record with status held for its
 * event id (sched_event_id), not replaced by a later record. The
 * schedule given is already made with the records applied (held and
 * moved events fixed on their dates, cancelled ones dropped), as
 * `schedule` makes it.
 */
void
report_held(const struct schedule *s, day_t on, bool *held)
{
	(void)on;
	if (s->nevents > 0)
		memset(held, 0, s->nevents * sizeof(*held));
}
