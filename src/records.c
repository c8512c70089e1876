/* records.c - what was held: the records file read into a model and checked against the plan (§11). */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "build_engine.h"
#include "catalog.h"
#include "date.h"
#include "diag.h"
#include "output.h"
#include "plan.h"
#include "recstore.h"
#include "records.h"
#include "strmap.h"
#include "suggest.h"
#include "yload.h"

static const char *const status_words[] = {
	"held", "cancelled", "moved", NULL	/* enum rec_status */
};

const char *
records_status_name(int status)
{
	return status >= REC_HELD && status <= REC_MOVED ?
	    status_words[status] : "held";
}

const char *
records_path(struct arena *a, const char *plan_path)
{
	size_t n = strlen(plan_path);

	if (strcmp(plan_path, "-") == 0)
		return NULL;
	if (n > 5 && strcmp(plan_path + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(plan_path + n - 4, ".yml") == 0)
		n -= 4;
	return arena_printf(a, "%.*s.records.yaml", (int)n, plan_path);
}

bool
records_split_event(struct arena *a, const char *event, const char **series,
    uint32_t *occurrence)
{
	const char *slash = strrchr(event, '/'), *p;
	unsigned long k = 0;

	if (slash == NULL || slash == event || slash[1] == '\0')
		return false;
	for (p = slash + 1; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || k > 100000000)
			return false;
		k = k * 10 + (unsigned long)(*p - '0');
	}
	if (k == 0)
		return false;
	*series = arena_strndup(a, event, (size_t)(slash - event));
	*occurrence = (uint32_t)k;
	return true;
}

/* ---- the key table ----------------------------------------------------- */

/* A day, or A..B of days. */
static void
rec_date(struct bctx *b, const struct ynode *v, void *o)
{
	struct record *r = o;
	const char *s, *dots;
	enum date_err e1, e2 = DATE_OK;

	if ((s = bld_text(b, v, "date")) == NULL)
		return;
	r->date_pos = bld_pos(v);
	if ((dots = strstr(s, "..")) == NULL) {
		e1 = date_parse_day(s, strlen(s), &r->date.from);
		r->date.to = r->date.from;
	} else {
		const char *t = dots + 2;
		size_t la = (size_t)(dots - s);

		while (la > 0 && s[la - 1] == ' ')
			la--;
		while (*t == ' ')
			t++;
		e1 = date_parse_day(s, la, &r->date.from);
		if (e1 == DATE_OK)
			e2 = date_parse_day(t, strlen(t), &r->date.to);
	}
	if (e1 == DATE_INVALID || e2 == DATE_INVALID) {
		bld_diag(b, v, R_BAD_DATE, "'%s' is not a real date", s);
		return;
	}
	if (e1 != DATE_OK || e2 != DATE_OK) {
		bld_diag(b, v, R_BAD_DATE, "'%s' is not a date of a record: write "
		    "YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD", s);
		return;
	}
	if (r->date.to < r->date.from) {
		bld_diag(b, v, R_RANGE_ORDER, "the record's dates '%s' end before "
		    "they start", s);
		return;
	}
	r->has_date = true;
}

/* A measured value: a number or a percentage, as a target is given. */
static bool
parse_value(const char *s, double *x, bool *percent)
{
	size_t len = strlen(s);
	char *end;

	*percent = len > 0 && s[len - 1] == '%';
	if (len == 0 || strchr("+-.0123456789", s[0]) == NULL)
		return false;
	errno = 0;
	*x = strtod(s, &end);
	return end != s && (size_t)(end - s) == len - (*percent ? 1 : 0) &&
	    errno != ERANGE && isfinite(*x);
}

static void
rec_targets(struct bctx *b, const struct ynode *v, void *o)
{
	struct record *r = o;
	uint32_t i;

	if (v->kind != YN_MAP) {
		bld_diag(b, v, R_TYPE, "'targets' must be a mapping of target "
		    "names to measured values, not a %s", ynode_kind_name(v));
		return;
	}
	r->values = arena_alloc(b->a, (v->n ? v->n : 1) * sizeof(*r->values));
	r->nvalues = 0;
	for (i = 0; i < v->n; i++) {
		const struct ynode *k = &v->u.kids[2 * i];
		const struct ynode *x = &v->u.kids[2 * i + 1];
		struct rec_value *rv = &r->values[r->nvalues];

		if (k->kind != YN_SCALAR) {
			bld_diag(b, k, R_TYPE, "a target name must be text, not a %s",
			    ynode_kind_name(k));
			continue;
		}
		if (x->kind != YN_SCALAR ||
		    !parse_value(x->u.str, &rv->value, &rv->percent)) {
			bld_diag(b, x, R_TYPE, "the measured value of '%s' must be a "
			    "number or a percentage, not %s%s%s", k->u.str,
			    x->kind == YN_SCALAR ? "'" : "a ",
			    x->kind == YN_SCALAR ? x->u.str : ynode_kind_name(x),
			    x->kind == YN_SCALAR ? "'" : "");
			continue;
		}
		rv->name = k->u.str;
		rv->text = x->u.str;
		rv->pos = bld_pos(k);
		rv->target = -1;
		r->nvalues++;
	}
}

#define R struct record
static const struct keydef record_keys[] = {
	{ KEY_INT("n", R, n, 1, INT64_MAX), .pos = KEYOFF(R, n_pos),
	    .required = true },
	{ KEY("event", KT_TEXT, R, event), .pos = KEYOFF(R, event_pos) },
	{ KEY("activity", KT_TEXT, R, activity),
	    .pos = KEYOFF(R, activity_pos) },
	{ KEY("partner", KT_REF, R, partner), .ns = NS_PARTNER,
	    .has = KEYOFF(R, has_partner) },
	{ KEY_FN("date", rec_date) },
	{ KEY("status", KT_CHOICE, R, status), .width = sizeof(uint8_t),
	    .words = status_words, .pos = KEYOFF(R, status_pos) },
	{ KEY("people", KT_REFS, R, people), .ns = NS_PERSON,
	    .has = KEYOFF(R, has_people) },
	{ KEY_INT("participants", R, participants, 0, INT32_MAX) },
	{ KEY("note", KT_TEXT, R, note) },
	{ KEY_FN("targets", rec_targets) },
	{ KEY("confirmed-by", KT_TEXTS, R, confirmed_by),
	    .aux = KEYOFF(R, nconfirmed_by) },
	{ KEY_INT("replaces", R, replaces, 1, INT64_MAX),
	    .pos = KEYOFF(R, replaces_pos) },
	{ KEY("recorded", KT_TEXT, R, recorded) },
	{ KEY("by", KT_TEXT, R, by) },
};
#undef R

/* ---- checks against the plan ------------------------------------------ */

/* Every id and name a reference of ns could have meant. */
static const char **
ref_candidates(const struct plan *p, struct arena *a, enum ns ns, size_t *n)
{
	const char **v;
	uint32_t i, first = ns == NS_PARTNER ? 1 : 0,
	    count = ns == NS_PERSON ? p->npeople : p->norgs;
	size_t k = 0;

	v = arena_alloc(a, (2 * (size_t)count + 1) * sizeof(*v));
	for (i = first; i < count; i++) {
		v[k++] = ns == NS_PERSON ? p->people[i].id : p->orgs[i].id;
		v[k++] = ns == NS_PERSON ? p->people[i].name : p->orgs[i].name;
	}
	*n = k;
	return v;
}

static struct diag *
rdiag(struct diags *d, struct pos at, enum rule_id r, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static struct diag *
rdiag(struct diags *d, struct pos at, enum rule_id r, const char *fmt, ...)
{
	struct diag *g;
	va_list ap;

	va_start(ap, fmt);
	g = diag_vadd(d, r, at.line ? at.line : 1, at.line ? at.col : 1, fmt,
	    ap);
	va_end(ap);
	return g;
}

static void
check_ref(struct diags *d, const struct plan *p, const struct ref *r,
    enum ns ns, struct record *rec)
{
	const char *what = ns == NS_PERSON ? "person" : "partner", *hint;
	const char **cands;
	size_t n;

	if (r->idx >= 0)
		return;
	rec->bad = true;
	if (r->idx == REF_AMBIGUOUS) {
		rdiag(d, r->pos, R_UNKNOWN_REF, "'%s' is the name of more than "
		    "one %s: use an id", r->text, what);
		return;
	}
	cands = ref_candidates(p, d->arena, ns, &n);
	hint = suggest(r->text, cands, n);
	rdiag(d, r->pos, R_UNKNOWN_REF, "unknown %s '%s'" SUGGEST_FMT, what,
	    r->text, SUGGEST_ARGS(hint));
}

/* The activity a record names: the plan's, or a mentorship's m1, m2, .... */
static void
find_activity(struct diags *d, const struct plan *p, struct record *r)
{
	const char **cands;
	const char *hint;
	uint32_t i, j, k = 0, n = 0;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			if (strcmp(p->phases[i].acts[j].id, r->activity) == 0) {
				r->act = &p->phases[i].acts[j];
				r->act_phase = (int32_t)i;
				return;
			}
			n++;
		}
	for (i = 0; i < p->nmentorships; i++)
		if (p->mentorships[i].has_meet &&
		    strcmp(arena_printf(d->arena, "m%u", i + 1),
		    r->activity) == 0) {
			r->ment = (int32_t)i;
			return;
		}
	cands = arena_alloc(d->arena, ((size_t)n + p->nmentorships + 1) *
	    sizeof(*cands));
	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++)
			cands[k++] = p->phases[i].acts[j].id;
	for (i = 0; i < p->nmentorships; i++)
		if (p->mentorships[i].has_meet)
			cands[k++] = arena_printf(d->arena, "m%u", i + 1);
	hint = suggest(r->activity, cands, k);
	rdiag(d, r->activity_pos, R_UNKNOWN_REF, "unknown activity '%s'"
	    SUGGEST_FMT, r->activity, SUGGEST_ARGS(hint));
	r->bad = true;
}

static void
check_values(struct diags *d, const struct plan *p, struct record *r)
{
	const char **cands;
	const char *hint;
	uint32_t i, k;

	for (i = 0; i < r->nvalues; i++) {
		struct rec_value *v = &r->values[i];

		for (k = 0; k < p->ntargets; k++)
			if (p->targets[k].name != NULL &&
			    strcmp(p->targets[k].name, v->name) == 0)
				break;
		if (k < p->ntargets) {
			v->target = (int32_t)k;
			if (v->percent != p->targets[k].percent)
				rdiag(d, v->pos, R_TYPE, "target '%s' is %s: "
				    "measure it as one, not '%s'", v->name,
				    p->targets[k].percent ? "a percentage" :
				    "a number", v->text);
			else if (v->value < 0 || (v->percent && v->value > 100))
				rdiag(d, v->pos, R_BAD_NUMBER, "the measured "
				    "value '%s' of '%s' is outside %s", v->text,
				    v->name, v->percent ? "0%-100%" :
				    "the numbers from 0 up");
			continue;
		}
		cands = arena_alloc(d->arena, (p->ntargets + 1) *
		    sizeof(*cands));
		for (k = 0; k < p->ntargets; k++)
			cands[k] = p->targets[k].name != NULL ?
			    p->targets[k].name : "";
		hint = suggest(v->name, cands, p->ntargets);
		rdiag(d, v->pos, R_UNKNOWN_REF, "unknown target '%s'" SUGGEST_FMT,
		    v->name, SUGGEST_ARGS(hint));
	}
}

static void
check_dates(struct diags *d, const struct plan *p, struct record *r)
{
	char a[11], b[11], c[11];
	day_t x;

	if (!r->has_date || !p->has_period)
		return;
	if (!span_inside(r->date, p->period)) {
		date_format(p->period.from, a);
		date_format(p->period.to, b);
		date_format(r->date.from < p->period.from ? r->date.from :
		    r->date.to, c);
		rdiag(d, r->date_pos, R_OUTSIDE_PLAN, "the record's date %s is "
		    "outside the plan period %s..%s", c, a, b);
		r->bad = true;
		return;
	}
	if (r->status != REC_HELD)
		return;
	for (x = r->date.from; x <= r->date.to; x++)
		if (!plan_is_working(p, x)) {
			date_format(x, c);
			rdiag(d, r->date_pos, R_NON_WORKING_DATE, "the record's "
			    "date %s is not a working day", c);
			return;
		}
}

/* The records by number, then file order: duplicates and replaces. */
struct nidx {
	int64_t		 n;
	uint32_t	 i;
};

static int
nidx_cmp(const void *x, const void *y)
{
	const struct nidx *a = x, *b = y;

	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static struct nidx *
nidx_make(const struct records *rs)
{
	struct nidx *v;
	uint32_t i;

	if ((v = malloc(((size_t)rs->n + 1) * sizeof(*v))) == NULL)
		arena_oom();
	for (i = 0; i < rs->n; i++) {
		v[i].n = rs->v[i].n;
		v[i].i = i;
	}
	qsort(v, rs->n, sizeof(*v), nidx_cmp);
	return v;
}

/* The first record numbered n in file order, or UINT32_MAX. */
static uint32_t
nidx_first(const struct nidx *v, uint32_t count, int64_t n, uint32_t *at)
{
	uint32_t lo = 0, hi = count, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].n < n)
			lo = mid + 1;
		else
			hi = mid;
	}
	*at = lo;
	return lo < count && v[lo].n == n ? v[lo].i : UINT32_MAX;
}

/* Checks of one record that need no schedule. */
static void
check_record(struct diags *d, const struct plan *p, struct records *rs,
    uint32_t i, const struct nidx *ni)
{
	struct record *r = &rs->v[i];
	uint32_t k, at;

	if (r->event != NULL && r->activity != NULL) {
		rdiag(d, r->activity_pos, R_EXCLUSIVE_KEYS, "a record names an "
		    "'event' or an 'activity', not both");
		r->bad = true;
	} else if (r->event == NULL && r->activity == NULL) {
		rdiag(d, r->pos, R_REQUIRED, "a record has no 'event' or "
		    "'activity'");
		r->bad = true;
	}
	if (r->event != NULL && r->has_partner) {
		rdiag(d, r->partner.pos, R_EXCLUSIVE_KEYS, "'partner' goes with "
		    "'activity': an event id names its partner already");
		r->bad = true;
	}
	if (r->event != NULL && !records_split_event(d->arena, r->event,
	    &(const char *){ NULL }, &(uint32_t){ 0 })) {
		rdiag(d, r->event_pos, R_TYPE, "'%s' is not an event id: write "
		    "SERIES/N, as `pairplan schedule` prints them", r->event);
		r->bad = true;
	}
	if (!r->has_date && r->status != REC_CANCELLED && !r->bad) {
		rdiag(d, r->pos, R_REQUIRED, "a %s record has no 'date'",
		    records_status_name(r->status));
		r->bad = true;
	}
	if (r->activity != NULL && r->status != REC_HELD) {
		rdiag(d, r->status_pos, R_TYPE, "an occurrence held beyond the "
		    "plan ('activity') can only be held, not %s",
		    records_status_name(r->status));
		r->bad = true;
	}
	if (r->n > 0 && (k = nidx_first(ni, rs->n, r->n, &at)) < i) {
		struct diag *g = rdiag(d, r->n_pos, R_DUPLICATE_ID, "record "
		    "number %lld is already used", (long long)r->n);

		diag_set_note(d, g, rs->v[k].n_pos.line, rs->v[k].n_pos.col,
		    "record %lld is first numbered here", (long long)r->n);
	}
	if (r->replaces > 0) {
		if (nidx_first(ni, rs->n, r->replaces, &at) >= i) {
			rdiag(d, r->replaces_pos, R_BAD_NUMBER, "'replaces' %lld "
			    "names no earlier record", (long long)r->replaces);
			r->bad = true;
		}
	}
	if (p == NULL)
		return;
	if (r->has_partner)
		check_ref(d, p, &r->partner, NS_PARTNER, r);
	for (k = 0; k < r->people.n; k++)
		check_ref(d, p, &r->people.v[k], NS_PERSON, r);
	if (r->activity != NULL && r->event == NULL)
		find_activity(d, p, r);
	check_values(d, p, r);
	check_dates(d, p, r);
}

/* Which records later ones replace. */
/*
 * Which records later ones replace: every record numbered N before the
 * last good record that says `replaces: N`.
 */
static void
mark_replaced(struct records *rs, const struct nidx *ni)
{
	struct nidx *last;
	uint32_t i, m = 0, at, j;

	if ((last = malloc(((size_t)rs->n + 1) * sizeof(*last))) == NULL)
		arena_oom();
	for (i = 0; i < rs->n; i++)
		if (rs->v[i].replaces > 0 && !rs->v[i].bad) {
			last[m].n = rs->v[i].replaces;
			last[m++].i = i;
		}
	qsort(last, m, sizeof(*last), nidx_cmp);
	for (j = 0; j < m; j++) {
		if (j + 1 < m && last[j + 1].n == last[j].n)
			continue;	/* the last replacer of N counts */
		if (nidx_first(ni, rs->n, last[j].n, &at) == UINT32_MAX)
			continue;
		for (; at < rs->n && ni[at].n == last[j].n &&
		    ni[at].i < last[j].i; at++)
			rs->v[ni[at].i].replaced = true;
	}
	free(last);
}

/* ---- reading ----------------------------------------------------------- */

/* Resolves references to the plan's people and partners. */
static void
index_plan(struct bctx *b, const struct plan *p)
{
	uint32_t i;
	bool existed;
	int32_t *slot;

	strmap_init(&b->pid, b->a);
	strmap_init(&b->pname, b->a);
	strmap_init(&b->oid, b->a);
	strmap_init(&b->oname, b->a);
	if (p == NULL)
		return;		/* references stay pending: not checked */
	for (i = 0; i < p->npeople; i++) {
		*strmap_put(&b->pid, p->people[i].id, strlen(p->people[i].id),
		    &existed) = (int32_t)i;
		slot = strmap_put(&b->pname, p->people[i].name,
		    strlen(p->people[i].name), &existed);
		*slot = existed ? REF_AMBIGUOUS : (int32_t)i;
	}
	for (i = 0; i < p->norgs; i++) {
		*strmap_put(&b->oid, p->orgs[i].id, strlen(p->orgs[i].id),
		    &existed) = (int32_t)i;
		slot = strmap_put(&b->oname, p->orgs[i].name,
		    strlen(p->orgs[i].name), &existed);
		*slot = existed ? REF_AMBIGUOUS : (int32_t)i;
	}
	b->people_ready = b->orgs_ready = true;
}

/* Only blank lines and comments: no records, not an empty document. */
static bool
blank_yaml(const char *buf, size_t len)
{
	size_t i = 0;

	while (i < len) {
		while (i < len && (buf[i] == ' ' || buf[i] == '\t' ||
		    buf[i] == '\r'))
			i++;
		if (i < len && buf[i] == '#')
			while (i < len && buf[i] != '\n')
				i++;
		if (i < len && buf[i] != '\n')
			return false;
		i++;
	}
	return true;
}

/* The diagnostics of rd, in file, added to d at their lines plus shift. */
static void
merge_diags(struct diags *d, const struct diags *rd, const char *file,
    unsigned long shift)
{
	size_t i;

	for (i = 0; i < rd->n; i++) {
		const struct diag *g = &rd->v[i];
		struct diag *h = diag_add_in(d, file, g->rule,
		    g->line + (uint32_t)shift, g->col, "%s", g->msg);

		if (g->note != NULL)
			diag_set_note(d, h, g->note_line + (uint32_t)shift,
			    g->note_col, "%s", g->note);
	}
}

static void
load_tree(struct records *rs, const char *name, const char *buf,
    size_t len, unsigned long first_line, const struct plan *p,
    struct arena *a, struct diags *d)
{
	struct diags rd;
	struct bctx b;
	struct nidx *ni;
	const struct ynode *root;
	uint32_t i, first = rs->n;
	size_t errors;
	unsigned long shift = first_line > 0 ? first_line - 1 : 0;

	diags_init(&rd, a, name);
	if (blank_yaml(buf, len))
		goto out;
	if ((root = yload_buffer(buf, len, a, &rd, NULL)) == NULL)
		goto out;
	if (root->kind != YN_SEQ) {
		rs->broken = !ynode_is_null(root);
		if (!ynode_is_null(root))
			diag_add(&rd, R_TYPE, root->line, root->col, "a records "
			    "file is a list of records, one '- {...}' a line, not "
			    "a %s", ynode_kind_name(root));
		goto out;
	}
	memset(&b, 0, sizeof(b));
	b.a = b.tmp = a;
	b.d = &rd;
	index_plan(&b, p);
	rs->v = arena_realloc_owned(a, rs->v, ((size_t)rs->n + root->n + 1) *
	    sizeof(*rs->v));
	for (i = 0; i < root->n; i++) {
		struct record *r = &rs->v[rs->n++];

		memset(r, 0, sizeof(*r));
		r->participants = -1;
		r->partner.idx = -1;
		r->series = -1;
		r->act_phase = -1;
		r->ment = -1;
		r->pos = bld_pos(&root->u.kids[i]);
		errors = rd.count[SEV_ERROR];
		bld_map(&b, &root->u.kids[i], record_keys, NKEYS(record_keys),
		    r, "a record");
		if (rd.count[SEV_ERROR] > errors)
			r->bad = true;	/* a key of its own was wrong */
		if (r->n > rs->max_n)
			rs->max_n = r->n;
	}
	ni = nidx_make(rs);
	for (i = first; i < rs->n; i++)
		check_record(&rd, p, rs, i, ni);
	mark_replaced(rs, ni);
	free(ni);
	/* A correction with the signatures settles a record without. */
	for (i = first; p != NULL && p->nconfirm > 0 && i < rs->n; i++) {
		const struct record *r = &rs->v[i];

		if (r->status == REC_HELD && !r->bad && !r->replaced &&
		    r->nconfirmed_by < p->nconfirm)
			rdiag(&rd, r->pos, R_RECORDS_UNCONFIRMED, "a held "
			    "record is signed by %u of the %u names "
			    "plan.confirm asks for", r->nconfirmed_by,
			    p->nconfirm);
	}
out:
	for (i = 0; i < rd.n; i++)
		switch (rd.v[i].rule) {
		case R_YAML_SYNTAX:
		case R_ENCODING:
		case R_LIMIT:
		case R_DUPLICATE_KEY:
		case R_DUPLICATE_ID:
			rs->broken = true;
			break;
		default:
			break;
		}
	merge_diags(d, &rd, name, shift);
}

void
records_load_buffer(struct records *rs, const char *name, const char *buf,
    size_t len, unsigned long first_line, const struct plan *p,
    struct arena *a, struct diags *d)
{
	if (rs->file == NULL)
		rs->file = name;
	rs->exists = true;
	load_tree(rs, name, buf, len, first_line, p, a, d);
}

enum records_load_result
records_load(struct records *rs, const char *path, const struct plan *p,
    struct arena *a, struct diags *d, unsigned long long max_size)
{
	struct recstore_tail tail;
	struct recstore_err err;
	struct stat st;
	unsigned long long max = max_size ? max_size : YLOAD_DEFAULT_MAX_SIZE;
	size_t len, got;
	char *buf;
	FILE *fp;

	memset(rs, 0, sizeof(*rs));
	rs->file = path;
	switch (recstore_check_tail(path, &tail, &err)) {
	case RECSTORE_OK:
		break;
	case RECSTORE_ETORN:
		rs->torn = true;
		diag_add_in(d, path, R_RECORDS_TORN, (uint32_t)tail.line,
		    (uint32_t)tail.col, "the last line of the records file is "
		    "incomplete (%s): repair it with: %s", tail.reason,
		    tail.repair);
		break;
	default:
		if (err.errnum == ENOENT)
			return RECORDS_MISSING;
		fprintf(stderr, "pairplan: %s\n", err.msg);
		return RECORDS_UNREADABLE;
	}
	rs->exists = true;
	if ((fp = fopen(path, "rb")) == NULL || fstat(fileno(fp), &st) != 0) {
		fprintf(stderr, "pairplan: cannot open '%s': %s\n", path,
		    strerror(errno));
		if (fp != NULL)
			fclose(fp);
		return RECORDS_UNREADABLE;
	}
	output_note_input(fileno(fp));
	/*
	 * Only the bytes the tail check saw under its lock: the file is only
	 * ever appended to, so they are whole lines that do not change,
	 * while a record appended since would not match the tail's count.
	 */
	len = (size_t)(rs->torn ? tail.keep : tail.size);
	if ((long long)len > (long long)st.st_size)
		len = (size_t)st.st_size;	/* cut by hand meanwhile */
	if ((unsigned long long)len > max) {
		diag_add_in(d, path, R_LIMIT, 1, 1, "the records file is %llu "
		    "bytes, larger than the size limit of %llu bytes (see "
		    "--max-size)", (unsigned long long)len, max);
		fclose(fp);
		return RECORDS_LOADED;
	}
	if ((buf = malloc(len + 1)) == NULL)
		arena_oom();
	got = fread(buf, 1, len, fp);
	if (got < len && ferror(fp)) {
		fprintf(stderr, "pairplan: cannot read '%s': %s\n", path,
		    strerror(errno));
		free(buf);
		fclose(fp);
		return RECORDS_UNREADABLE;
	}
	fclose(fp);
	load_tree(rs, path, buf, got, 1, p, a, d);
	free(buf);
	/* what record numbers from must be what the records say */
	if (tail.records != rs->n || tail.max_n != rs->max_n)
		rs->broken = true;
	return RECORDS_LOADED;
}
