/* render_status.h - `pairplan status` as a table, JSON, CSV or one printable HTML page. */
#ifndef PAIRPLAN_RENDER_STATUS_H
#define PAIRPLAN_RENDER_STATUS_H

#include <stdbool.h>
#include <stdio.h>

struct status;
struct status_target;

/* The formats: "table", "json", "csv", "html"; NULL-terminated. */
extern const char *const render_status_formats[];

/*
 * Writes the status in format (one of render_status_formats); false when
 * the format is unknown or writing failed.
 */
bool	 render_status(FILE *, const struct status *, const char *format);

/* The words of a target's state: "met", "not-met", "unmeasured", "overdue". */
const char *render_status_state(int state);

/*
 * The end of a target's JSON object, as status and summary write it:
 * `, "measured": VALUE, "date": DAY, "state": STATE}` (null when nothing
 * was measured).
 */
void	 render_status_json_result(FILE *, const struct status_target *);

#endif
