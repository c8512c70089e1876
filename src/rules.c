/* rules.c - the catalogue of validation rules: one row per rule, checks included. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "plan.h"
#include "rules.h"
#include "suggest.h"
#include "yload.h"

static void check_range_order(const struct plan *, struct diags *);
static void check_duplicate_id(const struct plan *, struct diags *);
static void check_unknown_ref(const struct plan *, struct diags *);
static void check_outside_plan(const struct plan *, struct diags *);
static void check_outside_phase(const struct plan *, struct diags *);
static void check_exclusive_keys(const struct plan *, struct diags *);
static void check_bad_number(const struct plan *, struct diags *);
static void check_limit(const struct plan *, struct diags *);
static void check_unknown_kind(const struct plan *, struct diags *);
static void check_placeholder(const struct plan *, struct diags *);
static void check_phase_overlap(const struct plan *, struct diags *);
static void check_empty_phase(const struct plan *, struct diags *);
static void check_partner_unvisited(const struct plan *, struct diags *);
static void check_non_working_date(const struct plan *, struct diags *);
static void check_conflict(const struct plan *, struct diags *);
static void check_calendar_coverage(const struct plan *, struct diags *);
static void check_no_leader(const struct plan *, struct diags *);

/* The catalogue: `pairplan rules` prints it; rows follow enum rule_id. */
const struct rule rule_catalogue[R__COUNT] = {
	{ "yaml-syntax", SEV_ERROR,
	  "the file is not well-formed YAML, or holds more than one document",
	  NULL },
	{ "encoding", SEV_ERROR,
	  "the file is not UTF-8 text (invalid bytes, NUL, control characters)",
	  NULL },
	{ "duplicate-key", SEV_ERROR,
	  "a mapping repeats a key", NULL },
	{ "unknown-key", SEV_ERROR,
	  "a key the format does not define", NULL },
	{ "type", SEV_ERROR,
	  "a value of the wrong type (a list for text, text for a number, ...)",
	  NULL },
	{ "required", SEV_ERROR,
	  "a required key is missing or empty", NULL },
	{ "version", SEV_ERROR,
	  "'pairplan' is not the supported format version 1", NULL },
	{ "bad-date", SEV_ERROR,
	  "a date that is malformed or does not exist (2024-02-30, year 0)",
	  NULL },
	{ "range-order", SEV_ERROR,
	  "a date range that ends before it starts", check_range_order },
	{ "duplicate-id", SEV_ERROR,
	  "two people, organisations, phases or activities share an id",
	  check_duplicate_id },
	{ "unknown-ref", SEV_ERROR,
	  "a reference that names no person, partner or organisation, or "
	  "several", check_unknown_ref },
	{ "outside-plan", SEV_ERROR,
	  "a phase or mentorship period outside the plan period",
	  check_outside_plan },
	{ "outside-phase", SEV_ERROR,
	  "an activity's date or window outside its phase period",
	  check_outside_phase },
	{ "exclusive-keys", SEV_ERROR,
	  "keys that exclude each other (date with when, times or every; two "
	  "target comparisons)", check_exclusive_keys },
	{ "bad-number", SEV_ERROR,
	  "a negative or too large count, a percentage outside 0-100, more "
	  "times than eligible days", check_bad_number },
	{ "limit", SEV_ERROR,
	  "an input beyond a limit: size, nesting depth, alias expansion, "
	  "period length, occurrences to schedule", check_limit },
	{ "unknown-kind", SEV_WARNING,
	  "an activity kind the format does not define", check_unknown_kind },
	{ "placeholder", SEV_WARNING,
	  "template text left in the plan (20xx, 20__, XXX, 某某, xx or __ in "
	  "names)", check_placeholder },
	{ "phase-overlap", SEV_WARNING,
	  "two phases whose periods overlap", check_phase_overlap },
	{ "empty-phase", SEV_WARNING,
	  "a phase without activities", check_empty_phase },
	{ "partner-unvisited", SEV_WARNING,
	  "a partner that no activity is held at", check_partner_unvisited },
	{ "non-working-date", SEV_WARNING,
	  "a fixed date that is not a working day", check_non_working_date },
	{ "conflict", SEV_WARNING,
	  "fixed events that double-book a person or overfill a site",
	  check_conflict },
	{ "calendar-coverage", SEV_WARNING,
	  "the plan reaches years the built-in holiday table does not cover",
	  check_calendar_coverage },
	{ "no-leader", SEV_WARNING,
	  "the leadership group has no leader", check_no_leader },
};

void
rules_check(const struct plan *p, struct diags *d)
{
	size_t i;

	for (i = 0; i < R__COUNT; i++)
		if (rule_catalogue[i].check != NULL)
			rule_catalogue[i].check(p, d);
}

const struct rule *
rule_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < R__COUNT; i++)
		if (strcmp(rule_catalogue[i].id, name) == 0)
			return &rule_catalogue[i];
	return NULL;
}

const char *
severity_name(enum severity s)
{
	return s == SEV_ERROR ? "error" : "warning";
}

/* ---- helpers ------------------------------------------------------- */

/* Where node n is; nowhere (reported at 1:1) for NULL. */
static struct pos
npos(const struct ynode *n)
{
	struct pos p = { 0, 0 };

	if (n != NULL) {
		p.line = n->line;
		p.col = n->col;
	}
	return p;
}

static struct diag *
report(struct diags *d, enum rule_id r, struct pos at, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static struct diag *
report(struct diags *d, enum rule_id r, struct pos at, const char *fmt,
    ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = arena_vprintf(d->arena, fmt, ap);
	va_end(ap);
	return diag_add(d, r, at.line ? at.line : 1, at.line ? at.col : 1,
	    "%s", msg);
}

/* "2024-03-01..2024-07-31", or one day. */
static const char *
span_text(struct diags *d, struct span s)
{
	char a[11], b[11];

	date_format(s.from, a);
	if (s.from == s.to)
		return arena_strdup(d->arena, a);
	date_format(s.to, b);
	return arena_printf(d->arena, "%s..%s", a, b);
}

static bool
span_inside(struct span in, struct span out)
{
	return in.from >= out.from && in.to <= out.to;
}

static bool
span_ok(struct span s)
{
	return s.from <= s.to;
}

/* ---- checks -------------------------------------------------------- */

static void
order(struct diags *d, struct pos n, struct span s, const char *what)
{
	char a[11], b[11];

	if (n.line == 0 || span_ok(s))
		return;
	date_format(s.to, a);
	date_format(s.from, b);
	report(d, R_RANGE_ORDER, n, "%s ends %s before it starts %s", what, a,
	    b);
}

static void
check_range_order(const struct plan *p, struct diags *d)
{
	uint32_t i, j;

	if (p->has_period)
		order(d, npos(p->period_node), p->period, "the plan period");
	for (i = 0; i < p->nphases; i++) {
		const struct phase *ph = &p->phases[i];

		order(d, npos(ph->period_node), ph->period,
		    arena_printf(d->arena, "phase '%s'", ph->id));
		for (j = 0; j < ph->nacts; j++)
			if (ph->acts[j].w.has_when)
				order(d, ph->acts[j].w.when_pos,
				    ph->acts[j].w.window, arena_printf(
				    d->arena, "the window of activity '%s'",
				    ph->acts[j].id));
	}
	for (i = 0; i < p->nmentorships; i++) {
		const struct mentorship *m = &p->mentorships[i];

		if (m->has_period)
			order(d, npos(m->period_node), m->period,
			    "a mentorship period");
		if (m->meet.has_when)
			order(d, m->meet.when_pos, m->meet.window,
			    "a mentorship's meeting window");
	}
	for (i = 0; i < p->nclosed_raw; i++)
		order(d, npos(p->closed_nodes[i]), p->closed_raw[i],
		    "a closed range");
}

static void
check_duplicate_id(const struct plan *p, struct diags *d)
{
	uint32_t i;

	for (i = 0; i < p->ndups; i++) {
		const struct dup_id *u = &p->dups[i];
		const char *id = u->id;
		struct diag *g;

		g = report(d, R_DUPLICATE_ID, u->second,
		    "%s id '%s' is already used", u->what, id);
		diag_set_note(d, g, u->first.line, u->first.col,
		    "'%s' is first used here", id);
	}
}

static const char *const ns_names[NS__COUNT] = {
	"person", "organisation", "partner"
};

/* Every id and name a reference of namespace ns could have meant. */
static const char **
candidates(const struct plan *p, struct arena *a, enum ns ns, size_t *n)
{
	const char **v;
	uint32_t i;
	size_t k = 0;

	if (ns == NS_PERSON) {
		v = arena_alloc(a, (2 * (size_t)p->npeople + 1) * sizeof(*v));
		for (i = 0; i < p->npeople; i++) {
			v[k++] = p->people[i].id;
			v[k++] = p->people[i].name;
		}
	} else {
		v = arena_alloc(a, (2 * (size_t)p->norgs + 4) * sizeof(*v));
		if (ns == NS_ORG) {
			/* `at` takes these words as well as an org id */
			v[k++] = "host";
			v[k++] = "partner";
			v[k++] = "online";
		}
		for (i = ns == NS_PARTNER ? 1 : 0; i < p->norgs; i++) {
			v[k++] = p->orgs[i].id;
			v[k++] = p->orgs[i].name;
		}
	}
	*n = k;
	return v;
}

/* Suggestions cost O(candidates) each: stop offering them after a while. */
#define MAX_SUGGESTION_WORK	(20u * 1000 * 1000)

static void
check_unknown_ref(const struct plan *p, struct diags *d)
{
	const char **cands[NS__COUNT] = { NULL };
	size_t ncands[NS__COUNT] = { 0 };
	size_t work = 0;
	uint32_t i;

	for (i = 0; i < p->nrefs; i++) {
		const struct ref *r = p->refs[i].ref;
		enum ns ns = p->refs[i].ns;
		const char *s = plan_ref_text(r), *hint = NULL;

		if (r->idx >= 0)
			continue;
		if (r->idx == REF_AMBIGUOUS) {
			report(d, R_UNKNOWN_REF, r->pos, "'%s' is the name of "
			    "more than one %s: use an id", s, ns_names[ns]);
			continue;
		}
		if (cands[ns] == NULL)
			cands[ns] = candidates(p, d->arena, ns, &ncands[ns]);
		if (work < MAX_SUGGESTION_WORK) {
			work += ncands[ns];
			hint = suggest(s, cands[ns], ncands[ns]);
		}
		if (hint != NULL)
			report(d, R_UNKNOWN_REF, r->pos, "unknown %s '%s' "
			    "(did you mean '%s'?)", ns_names[ns], s, hint);
		else
			report(d, R_UNKNOWN_REF, r->pos, "unknown %s '%s'",
			    ns_names[ns], s);
	}
}

static void
check_outside_plan(const struct plan *p, struct diags *d)
{
	const char *pp;
	uint32_t i;

	if (!p->has_period || !span_ok(p->period))
		return;
	pp = span_text(d, p->period);
	for (i = 0; i < p->nphases; i++) {
		const struct phase *ph = &p->phases[i];

		if (ph->period_node != NULL && span_ok(ph->period) &&
		    !span_inside(ph->period, p->period))
			report(d, R_OUTSIDE_PLAN, npos(ph->period_node), "phase '%s' "
			    "(%s) is outside the plan period %s", ph->id,
			    span_text(d, ph->period), pp);
	}
	for (i = 0; i < p->nmentorships; i++) {
		const struct mentorship *m = &p->mentorships[i];

		if (m->has_period && span_ok(m->period) &&
		    !span_inside(m->period, p->period))
			report(d, R_OUTSIDE_PLAN, npos(m->period_node), "mentorship "
			    "period %s is outside the plan period %s",
			    span_text(d, m->period), pp);
		if (m->meet.has_when && span_ok(m->meet.window) &&
		    span_ok(m->period) &&
		    !span_inside(m->meet.window, m->period))
			report(d, R_OUTSIDE_PLAN, m->meet.when_pos, "meeting "
			    "window %s is outside the mentorship period %s",
			    span_text(d, m->meet.window),
			    span_text(d, m->period));
	}
}

static void
check_outside_phase(const struct plan *p, struct diags *d)
{
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++) {
		const struct phase *ph = &p->phases[i];

		if (ph->period_node == NULL || !span_ok(ph->period))
			continue;
		for (j = 0; j < ph->nacts; j++) {
			const struct activity *a = &ph->acts[j];

			if (a->has_date && !span_inside(a->w.window,
			    ph->period))
				report(d, R_OUTSIDE_PHASE, a->date_pos,
				    "activity '%s' on %s is outside phase '%s' "
				    "(%s)", a->id, span_text(d, a->w.window),
				    ph->id, span_text(d, ph->period));
			else if (!a->has_date && a->w.has_when &&
			    span_ok(a->w.window) &&
			    !span_inside(a->w.window, ph->period))
				report(d, R_OUTSIDE_PHASE, a->w.when_pos,
				    "the window %s of activity '%s' is outside "
				    "phase '%s' (%s)", span_text(d,
				    a->w.window), a->id, ph->id,
				    span_text(d, ph->period));
		}
	}
}

static void
check_exclusive_keys(const struct plan *p, struct diags *d)
{
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];
			const char *key = a->w.when_pos.line ? "when" :
			    a->w.times_pos.line ? "times" :
			    a->w.every_pos.line ? "every" : NULL;
			struct pos other = a->w.when_pos.line ?
			    a->w.when_pos : a->w.times_pos.line ?
			    a->w.times_pos : a->w.every_pos;

			if (a->date_pos.line == 0 || key == NULL)
				continue;
			report(d, R_EXCLUSIVE_KEYS, other, "activity '%s' has "
			    "a fixed 'date' and also '%s'", a->id, key);
		}
	for (i = 0; i < p->ntargets; i++)
		if (p->targets[i].extra_cmp_node != NULL)
			report(d, R_EXCLUSIVE_KEYS,
			    npos(p->targets[i].extra_cmp_node), "a target takes "
			    "one of 'at-least', 'at-most' and 'equals'");
}

/*
 * Eligible days: working days of the plan calendar on an allowed weekday.
 * With every, the most any one period of the window offers.
 */
#define MAX_PERIODS	1000

static int32_t
eligible_days(const struct plan *p, const struct when *w)
{
	struct span per;
	int32_t best = 0, k;
	day_t start, next;
	uint32_t n;

	if (w->every == EV_NONE)
		return workmap_count(&p->wm, w->window, w->weekdays);
	/*
	 * A window of many short periods need not be searched to its end:
	 * after MAX_PERIODS periods the best seen so far stands.
	 */
	for (start = plan_period_first(w), n = 0;
	    start <= w->window.to && n < MAX_PERIODS; start = next, n++) {
		next = plan_period_next(w, start);
		per.from = start < w->window.from ? w->window.from : start;
		per.to = next - 1 > w->window.to ? w->window.to : next - 1;
		if ((k = workmap_count(&p->wm, per, w->weekdays)) > best)
			best = k;
		if ((uint32_t)best >= w->times)
			break;	/* enough: no need to look further */
	}
	return best;
}

static void
check_times(const struct plan *p, struct diags *d, const struct when *w,
    const char *what, const char *id)
{
	int32_t k;

	if (!p->has_wm || !span_ok(w->window) ||
	    w->window.from < p->period.from || w->window.to > p->period.to)
		return;
	if (w->days > 1 && (k = workmap_count(&p->wm, w->window, 0x7F)) <
	    (int32_t)w->days) {
		report(d, R_BAD_NUMBER, w->when_pos.line ? w->when_pos :
		    w->times_pos, "%s '%s' lasts %u working days but its "
		    "window has only %d", what, id, w->days, k);
		return;
	}
	k = eligible_days(p, w);
	if ((uint32_t)k >= w->times)
		return;
	report(d, R_BAD_NUMBER, w->times_pos.line ? w->times_pos :
	    w->when_pos, "%s '%s' wants %u time%s %sbut %s only %d eligible "
	    "day%s", what, id, w->times, w->times == 1 ? "" : "s",
	    w->every != EV_NONE ? "a period " : "",
	    w->every != EV_NONE ? "a period has" : "its window has", k,
	    k == 1 ? "" : "s");
}

static void
check_bad_number(const struct plan *p, struct diags *d)
{
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];

			if (!a->has_date)
				check_times(p, d, &a->w, "activity", a->id);
		}
	for (i = 0; i < p->nmentorships; i++)
		if (p->mentorships[i].has_meet)
			check_times(p, d, &p->mentorships[i].meet,
			    "mentorship", arena_printf(d->arena, "m%u", i + 1));
}

/* The most occurrences a plan may expand to (§5.1), so schedule stays bounded. */
#define MAX_OCCURRENCES	10000000u

/* Occurrences of one series: times, in each period when every is set. */
static uint64_t
occurrences(const struct when *w)
{
	uint64_t periods = 1, len;
	int y1, m1, d1, y2, m2, d2;

	if (!span_ok(w->window))
		return 0;
	len = (uint64_t)(w->window.to - w->window.from) + 1;
	switch (w->every) {
	case EV_WEEK:
		periods = len / 7 + 2;
		break;
	case EV_WEEKS:
		periods = len / (7 * (uint64_t)w->every_n) + 2;
		break;
	case EV_DAYS:
		periods = (len + w->every_n - 1) / w->every_n;
		break;
	case EV_MONTH:
		date_to_civil(w->window.from, &y1, &m1, &d1);
		date_to_civil(w->window.to, &y2, &m2, &d2);
		periods = (uint64_t)((y2 - y1) * 12 + (m2 - m1) + 1);
		break;
	default:
		break;
	}
	return periods * w->times;
}

static void
check_limit(const struct plan *p, struct diags *d)
{
	uint64_t total = 0, n;
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];

			if (a->has_date)
				continue;
			n = occurrences(&a->w);
			if (a->w.at == AT_PARTNER)
				n *= a->all_partners ? p->norgs - 1 :
				    a->partners.n;
			total += n;
			if (total > MAX_OCCURRENCES) {
				report(d, R_LIMIT, a->pos, "the plan expands to "
				    "more than %u occurrences to schedule "
				    "(activity '%s' passes the limit)",
				    MAX_OCCURRENCES, a->id);
				return;
			}
		}
	for (i = 0; i < p->nmentorships; i++)
		if (p->mentorships[i].has_meet)
			total += occurrences(&p->mentorships[i].meet);
	if (total > MAX_OCCURRENCES)
		report(d, R_LIMIT, npos(p->root), "the plan expands to more "
		    "than %u occurrences to schedule", MAX_OCCURRENCES);
}

static void
check_unknown_kind(const struct plan *p, struct diags *d)
{
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];
			const char *hint;

			if (a->kind_pos.line == 0 ||
			    plan_kind_from_name(a->kind_text) >= 0)
				continue;
			hint = suggest(a->kind_text, plan_kind_names, K__COUNT);
			if (hint != NULL)
				report(d, R_UNKNOWN_KIND, a->kind_pos,
				    "unknown kind '%s' (did you mean '%s'?)",
				    a->kind_text, hint);
			else
				report(d, R_UNKNOWN_KIND, a->kind_pos,
				    "unknown kind '%s', taken as 'other'",
				    a->kind_text);
		}
}

/* Keys whose values are names, where xx and __ also mark a template. */
static bool
is_name_key(const char *k)
{
	static const char *const keys[] = {
		"name", "title", "owner", "people", "leader", "deputies",
		"members", "mentor", "apprentice",
	};
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(k, keys[i]) == 0)
			return true;
	return false;
}

/* The key whose value s is (NULL in a list of no key) decides "name". */
static const char *
placeholder_in(const char *s, const struct ynode *key)
{
	static const char *const anywhere[] = {
		"20xx", "20XX", "20__", "XXX", "某某",
	};
	static const char *const in_names[] = { "xx", "XX", "__" };
	size_t i;

	/* Every pattern holds x, X, _ or the first byte of 某: most text has none. */
	if (s[strcspn(s, "xX_\xe6")] == '\0')
		return NULL;
	for (i = 0; i < sizeof(anywhere) / sizeof(anywhere[0]); i++)
		if (strstr(s, anywhere[i]) != NULL)
			return anywhere[i];
	if (key != NULL && key->kind == YN_SCALAR && is_name_key(key->u.str))
		for (i = 0; i < sizeof(in_names) / sizeof(in_names[0]); i++)
			if (strstr(s, in_names[i]) != NULL)
				return in_names[i];
	return NULL;
}

/*
 * key is the mapping key above n (lists pass theirs on), looked at only
 * for text that may hold a pattern: most values never need it.
 */
static void
placeholder_walk(struct diags *d, const struct ynode *n,
    const struct ynode *key, int depth)
{
	const char *hit;
	uint32_t i;

	if (depth > YLOAD_MAX_DEPTH)
		return;
	switch (n->kind) {
	case YN_SCALAR:
		if ((hit = placeholder_in(n->u.str, key)) != NULL)
			report(d, R_PLACEHOLDER, npos(n), "template text '%s' left "
			    "in the plan", hit);
		break;
	case YN_MAP:
		for (i = 0; i < n->n; i++)
			placeholder_walk(d, &n->u.kids[2 * i + 1],
			    &n->u.kids[2 * i], depth + 1);
		break;
	case YN_SEQ:
		for (i = 0; i < n->n; i++)
			placeholder_walk(d, &n->u.kids[i], key, depth + 1);
		break;
	default:
		break;
	}
}

void
rules_scan_placeholders(const struct ynode *n, struct diags *d)
{
	placeholder_walk(d, n, NULL, 0);
}

static void
check_placeholder(const struct plan *p, struct diags *d)
{
	placeholder_walk(d, p->root, NULL, 0);
}

static int
phase_cmp(const void *a, const void *b)
{
	const struct phase *x = *(const struct phase *const *)a;
	const struct phase *y = *(const struct phase *const *)b;

	if (x->period.from != y->period.from)
		return x->period.from < y->period.from ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void
check_phase_overlap(const struct plan *p, struct diags *d)
{
	const struct phase **v, *last = NULL;
	uint32_t i, n = 0;

	v = arena_alloc(d->arena, (p->nphases + 1) * sizeof(*v));
	for (i = 0; i < p->nphases; i++)
		if (p->phases[i].period_node != NULL &&
		    span_ok(p->phases[i].period))
			v[n++] = &p->phases[i];
	qsort(v, n, sizeof(*v), phase_cmp);
	for (i = 0; i < n; i++) {
		if (last != NULL && v[i]->period.from <= last->period.to) {
			const struct phase *later = v[i] > last ? v[i] : last;
			const struct phase *other = later == v[i] ? last : v[i];

			report(d, R_PHASE_OVERLAP, npos(later->period_node),
			    "phase '%s' (%s) overlaps phase '%s' (%s)",
			    later->id, span_text(d, later->period), other->id,
			    span_text(d, other->period));
		}
		if (last == NULL || v[i]->period.to > last->period.to)
			last = v[i];
	}
}

static void
check_empty_phase(const struct plan *p, struct diags *d)
{
	uint32_t i;

	for (i = 0; i < p->nphases; i++)
		if (p->phases[i].nacts == 0)
			report(d, R_EMPTY_PHASE, npos(p->phases[i].node), "phase '%s' "
			    "has no activities", p->phases[i].id);
}

static void
check_partner_unvisited(const struct plan *p, struct diags *d)
{
	bool *seen;
	uint32_t i, j, k;

	if (p->norgs < 2)
		return;
	seen = arena_alloc(d->arena, p->norgs * sizeof(*seen));
	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];

			if (a->w.at == AT_ORG && a->w.at_org.idx > 0)
				seen[a->w.at_org.idx] = true;
			if (a->w.at != AT_PARTNER)
				continue;
			if (a->all_partners)
				for (k = 1; k < p->norgs; k++)
					seen[k] = true;
			for (k = 0; k < a->partners.n; k++)
				if (a->partners.v[k].idx > 0)
					seen[a->partners.v[k].idx] = true;
		}
	for (i = 0; i < p->nmentorships; i++) {
		const struct when *w = &p->mentorships[i].meet;

		if (p->mentorships[i].has_meet && w->at == AT_ORG &&
		    w->at_org.idx > 0)
			seen[w->at_org.idx] = true;
	}
	for (k = 1; k < p->norgs; k++)
		if (!seen[k])
			report(d, R_PARTNER_UNVISITED, npos(p->orgs[k].node),
			    "no activity is held at partner '%s'",
			    p->orgs[k].id);
}

/* Why day is not a working day, for a message. */
static const char *
why_not_working(const struct calendar *c, day_t day)
{
	static const char *const names[7] = {
		"a Monday", "a Tuesday", "a Wednesday", "a Thursday",
		"a Friday", "a Saturday", "a Sunday"
	};
	const char *holiday = NULL;
	size_t i;

	if (c->cn && cal_cn_status(day, &holiday) == CN_OFF)
		return holiday;
	for (i = 0; i < c->nclosed; i++)
		if (day >= c->closed[i].from && day <= c->closed[i].to)
			return "the kindergarten is closed";
	return names[date_weekday(day)];
}

static void
check_non_working_date(const struct plan *p, struct diags *d)
{
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];
			char day[11];

			if (!a->has_date || cal_is_working(&p->cal, a->date))
				continue;
			date_format(a->date, day);
			report(d, R_NON_WORKING_DATE, a->date_pos, "activity "
			    "'%s' is fixed on %s, which is not a working day "
			    "(%s)", a->id, day, why_not_working(&p->cal,
			    a->date));
		}
}

/* ---- conflict: what the fixed events occupy, sorted and compared ---- */

struct claim {
	day_t			 day;
	int32_t			 who;	/* person index, or -1 - org index */
	uint32_t		 seq;	/* file order */
	int32_t			 partner;	/* at: partner series, or -1 */
	const struct activity	*act;
};

static int
claim_cmp(const void *a, const void *b)
{
	const struct claim *x = a, *y = b;

	if (x->who != y->who)
		return x->who < y->who ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
claim_add(struct arena *ar, struct avec *v, const struct plan *p,
    const struct activity *a, int32_t who, uint32_t seq, int32_t partner)
{
	struct claim *c;
	day_t day, end = plan_occupied_end(p, a->date, a->w.days);

	if (end == INT32_MAX)
		end = a->date;	/* as the schedule does */
	for (day = a->date; day <= end; day++) {
		if (day != a->date && !plan_is_working(p, day))
			continue;
		c = avec_push(ar, v, sizeof(*c));
		c->day = day;
		c->who = who;
		c->seq = seq;
		c->partner = partner;
		c->act = a;
	}
}

static void
fixed_claims(const struct plan *p, struct arena *ar, struct avec *v)
{
	uint32_t i, j, k, seq = 0;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];
			const struct reflist *lists[2] = {
				&a->owners, &a->people
			};
			uint32_t l, nsites = 1, s;

			if (!a->has_date)
				continue;
			if (a->w.at == AT_PARTNER)
				nsites = a->all_partners ? p->norgs - 1 :
				    a->partners.n;
			seq++;
			for (s = 0; s < nsites; s++) {
				int32_t site = -1;

				if (a->w.at == AT_HOST)
					site = 0;
				else if (a->w.at == AT_ORG)
					site = a->w.at_org.idx;
				else if (a->w.at == AT_PARTNER)
					site = a->all_partners ?
					    (int32_t)s + 1 :
					    a->partners.v[s].idx;
				int32_t series = a->w.at == AT_PARTNER ?
				    site : -1;

				if (site >= 0)
					claim_add(ar, v, p, a, -1 - site, seq,
					    series);
				for (l = 0; l < 2; l++)
					for (k = 0; k < lists[l]->n; k++)
						if (lists[l]->v[k].idx >= 0)
							claim_add(ar, v, p, a,
							    lists[l]->v[k].idx,
							    seq, series);
			}
		}
}

/* An activity id, or <activity id>#<partner id> for one partner's series. */
static const char *
series_id(struct diags *d, const struct plan *p, const struct claim *c)
{
	if (c->partner < 0)
		return c->act->id;
	return arena_printf(d->arena, "%s#%s", c->act->id,
	    p->orgs[c->partner].id);
}

static void
check_conflict(const struct plan *p, struct diags *d)
{
	struct avec v = { 0 };
	struct claim *c;
	size_t i, j;
	char day[11];

	fixed_claims(p, d->arena, &v);
	c = v.v;
	if (v.n < 2)
		return;
	qsort(c, v.n, sizeof(*c), claim_cmp);
	for (i = 0; i < v.n; i = j) {
		size_t limit = c[i].who < 0 ? p->cal.visits_per_day : 1;

		for (j = i + 1; j < v.n && c[j].who == c[i].who &&
		    c[j].day == c[i].day; j++)
			if (j - i >= limit) {
				const struct activity *a = c[j].act;

				date_format(c[j].day, day);
				if (c[i].who >= 0)
					report(d, R_CONFLICT, a->date_pos,
					    "%s: '%s' at '%s' is also at '%s' "
					    "that day", day,
					    p->people[c[i].who].id,
					    series_id(d, p, &c[j]),
					    series_id(d, p, &c[i]));
				else
					report(d, R_CONFLICT, a->date_pos,
					    "%s: site '%s' already hosts %zu "
					    "event%s that day (visits-per-day: "
					    "%u)", day,
					    p->orgs[-1 - c[i].who].id, j - i,
					    j - i == 1 ? "" : "s",
					    p->cal.visits_per_day);
			}
	}
}

static void
check_calendar_coverage(const struct plan *p, struct diags *d)
{
	int y1, y2, m, dd;

	if (!p->cal.cn || !p->has_period || !span_ok(p->period))
		return;
	date_to_civil(p->period.from, &y1, &m, &dd);
	date_to_civil(p->period.to, &y2, &m, &dd);
	if (y1 >= CN_FIRST_YEAR && y2 <= CN_LAST_YEAR)
		return;
	report(d, R_CALENDAR_COVERAGE, npos(p->holidays_node != NULL ?
	    p->holidays_node : p->period_node), "the built-in China holiday "
	    "table covers %d-%d; the plan runs %d-%d, and the years outside "
	    "the table are taken to have no holidays", CN_FIRST_YEAR,
	    CN_LAST_YEAR, y1, y2);
}

static void
check_no_leader(const struct plan *p, struct diags *d)
{
	if (p->leader.n > 0)
		return;
	report(d, R_NO_LEADER, npos(p->has_leadership ?
	    p->leadership_node : p->root), "the leadership group has no leader (组长)");
}
