/* rectrack.h - records against the schedule: the fixes they make, the occurrence each names, duplicates. */
#ifndef PAIRPLAN_RECTRACK_H
#define PAIRPLAN_RECTRACK_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct diags;
struct plan;
struct records;
struct schedule;

/*
 * Adds to fixes (struct sched_fix, for sched_run_fixed) what the event
 * records of plan index plan say, in file order: held and moved ones fix
 * their occurrence on their dates, cancelled ones drop it. Records with
 * an error and records a later one replaces make none.
 */
void	 rectrack_add_fixes(struct avec *fixes, const struct records *,
	    uint32_t plan, struct arena *);

/*
 * Schedules plans together with the fixes of their records (recs[i], or
 * NULL, of plans[i]) and points each event record's series at s's: a
 * record's series is first found in its plan's own schedule
 * (rectrack_check), which numbers series apart from other plans.
 */
void	 rectrack_schedule(struct schedule *s, const struct plan *const *plans,
	    struct records *const *recs, size_t nplans, struct arena *);

/*
 * Checks records [from, n) of plan index plan against schedule s (made
 * with the records' fixes): an event the schedule has no occurrence of
 * (unknown-ref, with a did-you-mean), and a second held record for one
 * event (records-duplicate), against every record before. Sets each event
 * record's series (index into s->series) and occurrence; marks the
 * unknown ones bad. Diagnostics go
 * to d at the records file's lines.
 */
void	 rectrack_check(struct records *, const struct schedule *s,
	    uint32_t plan, struct diags *d, uint32_t from);

#endif
