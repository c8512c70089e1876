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

/*
 * The records step of reading one plan (cli_load's check, in the thread
 * that read it): the records file beside the plan (or the one named),
 * read and checked against the plan and, when there are records and the
 * plan is free of errors, against the plan's own schedule. The records
 * live in the plan's arena.
 */
void
cli_records_check(void *ctx, int i, struct plandoc *pd)
{
	struct cli_records *cr = ctx;
	struct records *rs;
	const char *path;
	bool bad;

	if (pd->unreadable)
		return;
	bad = pd->plan == NULL || diags_has_errors(&pd->diags, false);
	path = cr->records != NULL ? cr->records :
	    records_path(&pd->arena, cr->files[i]);
	if (path == NULL)
		return;
	rs = arena_alloc(&pd->arena, sizeof(*rs));
	switch (records_load(rs, path, bad ? NULL : pd->plan, &pd->arena,
	    &pd->diags, cr->max_size)) {
	case RECORDS_LOADED:
		if (cr->recp != NULL)
			cr->recp[i] = rs;
		if (!bad) {
			struct schedule s;
			const struct plan *p = pd->plan;

			rectrack_schedule(&s, &p, &rs, 1, &pd->arena);
			rectrack_check(rs, &s, 0, &pd->diags, 0);
		}
		break;
	case RECORDS_UNREADABLE:
		cr->unreadable[i] = true;
		break;
	default:
		break;
	}
	diags_sort(&pd->diags);
}

bool
cli_plan_has_errors(const struct plandoc *pd)
{
	size_t i;

	if (pd->plan == NULL)
		return true;
	for (i = 0; i < pd->diags.n; i++)
		if (pd->diags.v[i].file == NULL &&
		    diag_severity(&pd->diags.v[i], false) == SEV_ERROR)
			return true;
	return false;
}

int
cli_tracked_load(struct cli_tracked *t, char **files, int nfiles,
    const char *records, const struct yload_opts *o,
    const struct diag_out *out, enum cli_diag_format format, bool *first,
    bool schedule, unsigned jobs)
{
	struct cli_records cr;
	struct cli_load l;
	bool all_ok = true, any = false;
	int i, status;

	memset(t, 0, sizeof(*t));
	t->n = nfiles;
	arena_init(&t->arena);
	if ((t->pds = calloc((size_t)nfiles + 1, sizeof(*t->pds))) == NULL ||
	    (t->plans = calloc((size_t)nfiles + 1, sizeof(*t->plans))) ==
	    NULL ||
	    (t->recp = calloc((size_t)nfiles + 1, sizeof(*t->recp))) == NULL ||
	    (cr.unreadable = calloc((size_t)nfiles + 1,
	    sizeof(*cr.unreadable))) == NULL)
		arena_oom();
	cr.files = files;
	cr.records = records;
	cr.recp = t->recp;
	cr.max_size = o != NULL ? o->max_size : 0;
	memset(&l, 0, sizeof(l));
	l.files = files;
	l.nfiles = nfiles;
	l.opts = o;
	l.jobs = jobs;
	l.out = out;
	l.format = format;
	l.first = first;
	l.keep = t->pds;
	l.check = cli_records_check;
	l.check_ctx = &cr;
	status = cli_load_plans(&l);
	for (i = 0; i < nfiles; i++) {
		struct plandoc *pd = &t->pds[i];

		if (cr.unreadable[i])
			status = cli_worst(status, EXIT_USAGE);
		if (pd->unreadable) {
			all_ok = false;
			continue;
		}
		t->plans[i] = pd->plan;
		if (pd->plan == NULL || diags_has_errors(&pd->diags,
		    out->strict))
			status = cli_worst(status, EXIT_PLAN);
		if (cli_plan_has_errors(pd))
			all_ok = false;
		any |= t->recp[i] != NULL;
	}
	free(cr.unreadable);
	if (all_ok && (schedule || any)) {
		rectrack_schedule(&t->s, t->plans, t->recp, (size_t)nfiles,
		    &t->arena);
		t->scheduled = true;
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
	free(t->recp);
	memset(t, 0, sizeof(*t));
}

time_t
cli_now(void)
{
	long long t;

	return date_source_epoch(&t) ? (time_t)t : time(NULL);
}

day_t
cli_today(void)
{
	long long t;
	time_t now;
	struct tm tm;

	if (date_source_epoch(&t))
		return (day_t)(t / 86400);
	now = time(NULL);
	if (localtime_r(&now, &tm) != NULL)
		return date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
		    tm.tm_mday);
	return (day_t)((long long)now / 86400);
}

bool
cli_parse_day(const char *s, day_t *out)
{
	return date_parse_day(s, strlen(s), out) == DATE_OK;
}
