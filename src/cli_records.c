/* cli_records.c - plans read with their records: the records file beside each plan, checked, applied to the schedule; the day of --on. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "cli.h"
#include "cli_records.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "plandoc.h"
#include "rectrack.h"
#include "records.h"
#include "sched.h"

int
cli_tracked_load(struct cli_tracked *t, char **files, int nfiles,
    const char *records, const struct yload_opts *o,
    const struct diag_out *out, bool json, bool *first, bool schedule,
    bool print)
{
	struct avec fixes = { 0 };
	bool all_ok = true, any = false;
	int i, status = EXIT_OK;

	memset(t, 0, sizeof(*t));
	t->n = nfiles;
	arena_init(&t->arena);
	if ((t->pds = calloc((size_t)nfiles + 1, sizeof(*t->pds))) == NULL ||
	    (t->plans = calloc((size_t)nfiles + 1, sizeof(*t->plans))) ==
	    NULL ||
	    (t->recs = calloc((size_t)nfiles + 1, sizeof(*t->recs))) == NULL ||
	    (t->recp = calloc((size_t)nfiles + 1, sizeof(*t->recp))) == NULL)
		arena_oom();
	for (i = 0; i < nfiles; i++) {
		struct plandoc *pd = &t->pds[i];
		const char *path;
		bool bad;

		if (!plandoc_init(pd, files[i], o)) {
			status = cli_worst(status, EXIT_USAGE);
			all_ok = false;
			continue;
		}
		t->plans[i] = pd->plan;
		bad = pd->plan == NULL || diags_has_errors(&pd->diags, false);
		all_ok &= !bad;
		path = records != NULL ? records :
		    records_path(&pd->arena, files[i]);
		if (path == NULL)
			continue;
		switch (records_load(&t->recs[i], path, bad ? NULL : pd->plan,
		    &pd->arena, &pd->diags, o != NULL ? o->max_size : 0)) {
		case RECORDS_LOADED:
			t->recp[i] = &t->recs[i];
			any = true;
			break;
		case RECORDS_UNREADABLE:
			status = cli_worst(status, EXIT_USAGE);
			break;
		default:
			break;
		}
	}
	if (all_ok && (schedule || any)) {
		for (i = 0; i < nfiles; i++)
			rectrack_add_fixes(&fixes, t->recp[i], (uint32_t)i,
			    &t->arena);
		sched_run_fixed(&t->s, t->plans, (size_t)nfiles, fixes.v,
		    fixes.n, &t->arena);
		t->scheduled = true;
		for (i = 0; i < nfiles; i++)
			if (t->recp[i] != NULL)
				rectrack_check(t->recp[i], &t->s, (uint32_t)i,
				    &t->pds[i].diags, 0);
	}
	for (i = 0; i < nfiles; i++) {
		struct plandoc *pd = &t->pds[i];

		if (pd->unreadable)
			continue;
		diags_sort(&pd->diags);
		if (print && json)
			diags_print_json(&pd->diags, out, first);
		else if (print)
			diags_print_text(&pd->diags, out);
		if (pd->plan == NULL || diags_has_errors(&pd->diags,
		    out->strict))
			status = cli_worst(status, EXIT_PLAN);
	}
	return status;
}

void
cli_tracked_release(struct cli_tracked *t)
{
	int i;

	arena_release(&t->arena);
	for (i = 0; i < t->n; i++)
		plandoc_release(&t->pds[i]);
	free(t->pds);
	free(t->plans);
	free(t->recs);
	free(t->recp);
	memset(t, 0, sizeof(*t));
}

time_t
cli_now(void)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long long x = 0;
	const char *p;

	if (env != NULL && *env != '\0') {
		for (p = env; *p >= '0' && *p <= '9' && x < 253402300799LL; p++)
			x = x * 10 + (*p - '0');
		if (*p == '\0' && x <= 253402300799LL)	/* to year 9999 */
			return (time_t)x;
	}
	return time(NULL);
}

day_t
cli_today(void)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	time_t now = cli_now();
	struct tm tm;

	if ((env == NULL || *env == '\0') && localtime_r(&now, &tm) != NULL)
		return date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
		    tm.tm_mday);
	return (day_t)((long long)now / 86400);
}

bool
cli_parse_day(const char *s, day_t *out)
{
	return date_parse_day(s, strlen(s), out) == DATE_OK;
}
