/* rectrack.c - records against the schedule: the fixes they make, the occurrence each names, duplicates. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "diag.h"
#include "plan.h"
#include "rectrack.h"
#include "records.h"
#include "sched.h"
#include "sched_groups.h"
#include "strmap.h"
#include "suggest.h"

void
rectrack_add_fixes(struct avec *fixes, const struct records *rs,
    uint32_t plan, struct arena *a)
{
	struct strmap held;
	const char *key;
	uint32_t i;
	bool existed;

	strmap_init(&held, a);
	for (i = 0; rs != NULL && i < rs->n; i++) {
		const struct record *r = &rs->v[i];
		struct sched_fix *f;
		const char *series;
		uint32_t occ;

		if (r->bad || r->replaced || r->event == NULL ||
		    !records_split_event(a, r->event, &series, &occ))
			continue;
		if (r->status != REC_CANCELLED && !r->has_date)
			continue;
		if (r->status == REC_HELD) {
			/* a second held record is the duplicate: the first counts */
			key = arena_printf(a, "%s/%u", series, occ);
			strmap_put(&held, key, strlen(key), &existed);
			if (existed)
				continue;
		}
		f = avec_push(a, fixes, sizeof(*f));
		memset(f, 0, sizeof(*f));
		f->plan = plan;
		f->series = series;
		f->occurrence = occ;
		f->cancelled = r->status == REC_CANCELLED;
		f->days = r->date;
	}
}

void
rectrack_schedule(struct schedule *s, const struct plan *const *plans,
    struct records *const *recs, size_t nplans, struct arena *a)
{
	struct avec fixes = { 0 };
	struct strmap ids;
	const char *series;
	uint32_t occ, i;
	size_t pi, j;
	int32_t si;
	bool existed;

	for (pi = 0; recs != NULL && pi < nplans; pi++)
		rectrack_add_fixes(&fixes, recs[pi], (uint32_t)pi, a);
	sched_run_groups(s, plans, nplans, fixes.v, fixes.n, 0, a);
	/* Each record's series was found in its plan's own schedule. */
	for (pi = 0; recs != NULL && pi < nplans; pi++) {
		struct records *rs = recs[pi];

		if (rs == NULL)
			continue;
		strmap_init(&ids, a);
		for (j = 0; j < s->nseries; j++)
			if (s->series[j].plan == pi)
				*strmap_put(&ids, s->series[j].id,
				    strlen(s->series[j].id), &existed) =
				    (int32_t)j;
		for (i = 0; i < rs->n; i++) {
			struct record *r = &rs->v[i];

			if (r->series < 0)
				continue;
			r->series = -1;
			if (!records_split_event(a, r->event, &series, &occ))
				continue;
			si = strmap_get(&ids, series, strlen(series));
			if (si >= 0 && occ <= s->series[si].of)
				r->series = si;
		}
	}
}

/* A diagnostic in the records file, unless d is that file's own. */
static struct diag *
at(struct diags *d, const struct records *rs, struct pos p,
    enum rule_id rule, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static struct diag *
at(struct diags *d, const struct records *rs, struct pos p,
    enum rule_id rule, const char *fmt, ...)
{
	const char *file = rs->file != NULL && (d->file == NULL ||
	    strcmp(d->file, rs->file) != 0) ? rs->file : NULL;
	struct diag *g;
	va_list ap;

	va_start(ap, fmt);
	g = diag_vadd_in(d, file, rule, p.line ? p.line : 1, p.line ? p.col :
	    1, fmt, ap);
	va_end(ap);
	return g;
}

/* The event a record names, or a diagnostic with a did-you-mean. */
static void
find_event(struct records *rs, struct record *r, const struct schedule *s,
    uint32_t plan, struct diags *d, struct strmap *ids)
{
	const char *series, *hint, **cands;
	uint32_t occ;
	int32_t si;
	size_t i, n = 0;

	if (!records_split_event(d->arena, r->event, &series, &occ))
		return;		/* reported by records_load */
	si = strmap_get(ids, series, strlen(series));
	if (si >= 0 && occ <= s->series[si].of) {
		r->series = si;
		r->occurrence = occ;
		return;
	}
	r->bad = true;
	if (si >= 0) {
		at(d, rs, r->event_pos, R_UNKNOWN_REF, "unknown event '%s': '%s' has "
		    "%u occurrence%s", r->event, series, s->series[si].of,
		    s->series[si].of == 1 ? "" : "s");
		return;
	}
	cands = arena_alloc(d->arena, (s->nseries + 1) * sizeof(*cands));
	for (i = 0; i < s->nseries; i++)
		if (s->series[i].plan == plan && s->series[i].of > 0)
			cands[n++] = arena_printf(d->arena, "%s/%u",
			    s->series[i].id, occ <= s->series[i].of ? occ :
			    s->series[i].of);
	hint = suggest(r->event, cands, n);
	at(d, rs, r->event_pos, R_UNKNOWN_REF, "unknown event '%s'" SUGGEST_FMT,
	    r->event, SUGGEST_ARGS(hint));
}

void
rectrack_check(struct records *rs, const struct schedule *s, uint32_t plan,
    struct diags *d, uint32_t from)
{
	struct strmap ids;
	uint32_t i, k;
	size_t j;
	bool existed;

	strmap_init(&ids, d->arena);
	for (j = 0; j < s->nseries; j++)
		if (s->series[j].plan == plan)
			*strmap_put(&ids, s->series[j].id,
			    strlen(s->series[j].id), &existed) = (int32_t)j;
	for (i = from; i < rs->n; i++) {
		struct record *r = &rs->v[i];

		if (r->event != NULL)	/* even beside another error */
			find_event(rs, r, s, plan, d, &ids);
	}
	for (i = from; i < rs->n; i++) {
		struct record *r = &rs->v[i];

		if (r->bad || r->replaced || r->series < 0 ||
		    r->status != REC_HELD)
			continue;
		for (k = 0; k < i; k++) {
			const struct record *q = &rs->v[k];
			struct diag *g;

			if (q->bad || q->replaced || q->series != r->series ||
			    q->occurrence != r->occurrence ||
			    q->status != REC_HELD)
				continue;
			g = at(d, rs, r->pos, R_RECORDS_DUPLICATE, "event '%s' is "
			    "already recorded as held by record %lld: a "
			    "correction says 'replaces: %lld'", r->event,
			    (long long)q->n, (long long)q->n);
			diag_set_note(d, g, q->pos.line, q->pos.col, "record "
			    "%lld holds it first", (long long)q->n);
			break;
		}
	}
}
