/* build_plan.c - the node tree to the typed model: the key table of every section, every default resolved. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "build.h"
#include "build_engine.h"
#include "cal.h"
#include "catalog.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "strmap.h"
#include "suggest.h"
#include "yload.h"

#define O struct org
static const struct keydef host_keys[] = {
	{ KEY("id", KT_TEXT, O, id), .node = KEYOFF(O, id_node) },
	{ KEY("name", KT_TEXT, O, name), .required = true,
	    .node = KEYOFF(O, name_node) },
	{ KEY("level", KT_TEXT, O, level) },
};

static const struct keydef partner_keys[] = {
	{ KEY("id", KT_TEXT, O, id), .node = KEYOFF(O, id_node) },
	{ KEY("name", KT_TEXT, O, name), .required = true,
	    .node = KEYOFF(O, name_node) },
	{ KEY("kind", KT_TEXT, O, kind) },
	{ KEY_INT("classes", O, classes, 0, INT32_MAX) },
	{ KEY_INT("children", O, children, 0, INT32_MAX) },
	{ KEY_INT("teachers", O, teachers, 0, INT32_MAX) },
	{ KEY_INT("staff", O, staff, 0, INT32_MAX) },
	{ KEY("needs", KT_TEXTS, O, needs), .aux = KEYOFF(O, nneeds) },
};
#undef O

static void
org_init(struct org *g, const struct ynode *v)
{
	g->classes = g->children = g->teachers = g->staff = -1;
	g->node = v;
}

static void
build_partners(struct bctx *b, const struct ynode *v, void *unused)
{
	struct plan *p = b->p;
	struct org *orgs;
	uint32_t i, n;

	(void)unused;
	if (bld_items(b, v, "partners", 1, &n) == NULL)
		return;
	if (n == 0) {
		bld_diag(b, v, R_REQUIRED, "'partners' is empty: a plan needs at "
		    "least one partner");
		return;
	}
	orgs = arena_alloc(b->a, ((size_t)n + 1) * sizeof(*orgs));
	orgs[0] = p->orgs[0];
	for (i = 0; i < n; i++) {
		struct org *g = &orgs[i + 1];

		org_init(g, &v->u.kids[i]);
		bld_map(b, &v->u.kids[i], partner_keys, NKEYS(partner_keys),
		    g, "a partner");
	}
	p->orgs = orgs;
	p->norgs = n + 1;
}

#define P struct person
static const struct keydef person_keys[] = {
	{ KEY("id", KT_TEXT, P, id), .node = KEYOFF(P, id_node) },
	{ KEY("name", KT_TEXT, P, name), .required = true },
	{ KEY("org", KT_REF, P, org), .ns = NS_ORG,
	    .has = KEYOFF(P, has_org) },
	{ KEY("role", KT_TEXT, P, role) },
	{ KEY("duty", KT_TEXT, P, duty) },
};
#undef P

static void
build_people(struct bctx *b, const struct ynode *v, void *unused)
{
	struct plan *p = b->p;
	uint32_t i;

	(void)unused;
	if ((p->people = bld_items(b, v, "people", sizeof(*p->people),
	    &p->npeople)) == NULL)
		return;
	for (i = 0; i < p->npeople; i++) {
		p->people[i].node = &v->u.kids[i];
		bld_map(b, &v->u.kids[i], person_keys, NKEYS(person_keys),
		    &p->people[i], "a person");
	}
}

#define P struct plan
static const struct keydef leadership_keys[] = {
	{ KEY("leader", KT_REFS, P, leader), .ns = NS_PERSON },
	{ KEY("deputies", KT_REFS, P, deputies), .ns = NS_PERSON },
	{ KEY("members", KT_REFS, P, members), .ns = NS_PERSON },
};
#undef P

static void
build_leadership(struct bctx *b, const struct ynode *v, void *unused)
{
	(void)unused;
	b->p->has_leadership = true;
	b->p->leadership_node = v;
	bld_map(b, v, leadership_keys, NKEYS(leadership_keys), b->p,
	    "'leadership'");
}

/* ---- scheduling keys ----------------------------------------------- */

static void
when_at(struct bctx *b, const struct ynode *v, void *o)
{
	struct when *w = o;
	const char *s;

	if ((s = bld_text(b, v, "at")) == NULL)
		return;
	if (strcmp(s, "host") == 0)
		w->at = AT_HOST;
	else if (strcmp(s, "partner") == 0)
		w->at = AT_PARTNER;
	else if (strcmp(s, "online") == 0)
		w->at = AT_ONLINE;
	else {
		w->at = AT_ORG;
		bld_add_ref(b, &w->at_org, v, NS_ORG);
	}
}

static void
when_every(struct bctx *b, const struct ynode *v, void *o)
{
	struct when *w = o;
	const char *s, *unit;
	char *end;
	unsigned long n = 1;

	if ((s = bld_text(b, v, "every")) == NULL)
		return;
	w->every_pos = bld_pos(v);
	unit = s;
	if (*s >= '0' && *s <= '9') {
		errno = 0;
		n = strtoul(s, &end, 10);
		if (errno != 0 || n > 100000) {
			bld_diag(b, v, R_BAD_NUMBER, "'every' period '%s' is too "
			    "long", s);
			return;
		}
		unit = end;
		while (*unit == ' ')
			unit++;
	}
	if (unit == s && strcmp(unit, "week") == 0)
		w->every = EV_WEEK;
	else if (unit == s && strcmp(unit, "month") == 0)
		w->every = EV_MONTH;
	else if (unit != s && n == 1 && (strcmp(unit, "month") == 0 ||
	    strcmp(unit, "months") == 0))
		w->every = EV_MONTH;
	else if (unit != s &&
	    (strcmp(unit, "week") == 0 || strcmp(unit, "weeks") == 0))
		w->every = EV_WEEKS;
	else if (unit != s &&
	    (strcmp(unit, "day") == 0 || strcmp(unit, "days") == 0))
		w->every = EV_DAYS;
	else {
		bld_diag(b, v, R_TYPE, "'every' must be week, month, 'N weeks' or "
		    "'N days', not '%s'", s);
		return;
	}
	if (n == 0) {
		bld_diag(b, v, R_BAD_NUMBER, "'every' period must be at least 1, "
		    "not '%s'", s);
		w->every = EV_NONE;
		return;
	}
	w->every_n = (uint32_t)n;
	if (w->every == EV_WEEKS && n == 1)
		w->every = EV_WEEK;
}

static void
when_init(struct when *w)
{
	w->times = 1;
	w->days = 1;
	w->weekdays = 0x7F;
	w->every_n = 1;
}

/*
 * The scheduling keys of an activity and of a mentorship's meeting but
 * `at`, rows of the key table of struct S, whose struct when is member w.
 */
#define WHEN_KEYS(S, w)							\
	{ KEY("when", KT_SPAN, S, w.window), .seen = KEYOFF(S, w.when_pos), \
	    .has = KEYOFF(S, w.has_when) },				\
	{ KEY_INT("times", S, w.times, 1, 1000000),			\
	    .seen = KEYOFF(S, w.times_pos) },				\
	{ KEY_FN("every", when_every), .field = KEYOFF(S, w) },		\
	{ KEY("weekday", KT_WEEKDAYS, S, w.weekdays),			\
	    .has = KEYOFF(S, w.has_weekday) },				\
	{ KEY_INT("days", S, w.days, 1, 366) }

static void
act_kind(struct bctx *b, const struct ynode *v, void *o)
{
	struct activity *x = o;
	int k;

	if ((x->kind_text = bld_text(b, v, "kind")) == NULL)
		return;
	x->kind_pos = bld_pos(v);
	k = plan_kind_from_name(x->kind_text);
	x->kind = k < 0 ? K_OTHER : (enum kind)k;
}

#define A struct activity
static const struct keydef activity_keys[] = {
	{ KEY("title", KT_TEXT, A, title), .required = true },
	{ KEY("id", KT_TEXT, A, id), .pos = KEYOFF(A, id_pos) },
	{ KEY_FN("kind", act_kind) },
	{ KEY_FN("at", when_at), .field = KEYOFF(A, w) },
	{ KEY("partners", KT_PARTNERS, A, partners),
	    .aux = KEYOFF(A, all_partners) },
	{ KEY("owner", KT_REFS, A, owners), .ns = NS_PERSON },
	{ KEY("people", KT_REFS, A, people), .ns = NS_PERSON },
	{ KEY("date", KT_DAY, A, date), .seen = KEYOFF(A, date_pos),
	    .has = KEYOFF(A, has_date) },
	WHEN_KEYS(A, w),
	{ KEY("note", KT_TEXT, A, note) },
};
#undef A

static void
act_init(struct activity *a, const struct ynode *v, uint32_t pos)
{
	a->pos = bld_pos(v);
	a->order = pos;
	a->kind = K_OTHER;
	a->all_partners = true;
	when_init(&a->w);
}

/* The activities of a phase, unless the loader handed them over already. */
static void
phase_activities(struct bctx *b, const struct ynode *v, void *o)
{
	struct phase *x = o;
	uint32_t i;

	if (v->kind == YN_BUILT) {
		struct actlist *l = v->u.ext;

		if (l != NULL && l->n < l->cap) {	/* give back the slack */
			l->v = arena_realloc_owned(b->a, l->v,
			    (size_t)l->n * sizeof(*l->v));
			l->cap = l->n;
		}
		x->acts = l != NULL ? l->v : NULL;
		x->nacts = l != NULL ? l->n : 0;
		return;
	}
	if ((x->acts = bld_items(b, v, "activities", sizeof(*x->acts),
	    &x->nacts)) == NULL)
		return;
	for (i = 0; i < x->nacts; i++) {
		struct activity *a = &x->acts[i];

		act_init(a, &v->u.kids[i], i + 1);
		bld_map(b, &v->u.kids[i], activity_keys,
		    NKEYS(activity_keys), a, "an activity");
	}
}

#define P struct phase
static const struct keydef phase_keys[] = {
	{ KEY("id", KT_TEXT, P, id), .node = KEYOFF(P, id_node) },
	{ KEY("name", KT_TEXT, P, name) },
	{ KEY("period", KT_SPAN, P, period), .required = true,
	    .node = KEYOFF(P, period_node) },
	{ KEY("goal", KT_TEXT, P, goal) },
	{ KEY_FN("activities", phase_activities) },
};
#undef P

static void
build_phases(struct bctx *b, const struct ynode *v, void *unused)
{
	struct plan *p = b->p;
	uint32_t i;

	(void)unused;
	p->phases_node = v;
	if ((p->phases = bld_items(b, v, "phases", sizeof(*p->phases),
	    &p->nphases)) == NULL)
		return;
	if (p->nphases == 0)
		bld_diag(b, v, R_REQUIRED, "'phases' is empty: a plan needs at "
		    "least one phase");
	for (i = 0; i < p->nphases; i++) {
		p->phases[i].node = &v->u.kids[i];
		bld_map(b, &v->u.kids[i], phase_keys, NKEYS(phase_keys),
		    &p->phases[i], "a phase");
	}
}

/* Read into the mentorship, whose member meet they fill. */
static const struct keydef meet_keys[] = {
	{ KEY_FN("at", when_at), .field = KEYOFF(struct mentorship, meet) },
	WHEN_KEYS(struct mentorship, meet),
};

static void
ment_meet(struct bctx *b, const struct ynode *v, void *o)
{
	struct mentorship *x = o;

	x->has_meet = true;
	bld_map(b, v, meet_keys, NKEYS(meet_keys), x, "'meet'");
}

#define M struct mentorship
static const struct keydef mentorship_keys[] = {
	{ KEY("mentor", KT_REF, M, mentor), .required = true,
	    .ns = NS_PERSON },
	{ KEY("apprentice", KT_REF, M, apprentice), .required = true,
	    .ns = NS_PERSON },
	{ KEY("period", KT_SPAN, M, period), .node = KEYOFF(M, period_node),
	    .has = KEYOFF(M, has_period) },
	{ KEY_FN("meet", ment_meet) },
};
#undef M

static void
build_mentorships(struct bctx *b, const struct ynode *v, void *unused)
{
	struct plan *p = b->p;
	uint32_t i;

	(void)unused;
	if ((p->mentorships = bld_items(b, v, "mentorships",
	    sizeof(*p->mentorships), &p->nmentorships)) == NULL)
		return;
	for (i = 0; i < p->nmentorships; i++) {
		struct mentorship *m = &p->mentorships[i];

		m->node = &v->u.kids[i];
		m->mentor.idx = m->apprentice.idx = REF_UNKNOWN;
		when_init(&m->meet);
		bld_map(b, m->node, mentorship_keys, NKEYS(mentorship_keys),
		    m, "a mentorship");
	}
}

static void
target_value(struct bctx *b, const struct ynode *v, struct target *t,
    enum cmp cmp, const char *key)
{
	const char *s;
	char *end;
	size_t len;
	double x;

	if (t->value_node != NULL) {
		t->extra_cmp_node = v;
		return;
	}
	t->value_node = v;
	t->cmp = cmp;
	if (v->kind != YN_SCALAR) {
		bld_diag(b, v, R_TYPE, "'%s' must be a number or a percentage, not "
		    "a %s", key, ynode_kind_name(v));
		return;
	}
	s = v->u.str;
	len = v->n;
	t->percent = len > 0 && s[len - 1] == '%';
	errno = 0;
	x = strtod(s, &end);
	if (end == s || (size_t)(end - s) != len - (t->percent ? 1 : 0) ||
	    strchr("+-.0123456789", s[0]) == NULL || errno == ERANGE ||
	    !isfinite(x)) {
		bld_diag(b, v, R_TYPE, "'%s' must be a number or a percentage, not "
		    "'%s'", key, s);
		return;
	}
	if (x < 0 || (t->percent && x > 100)) {
		bld_diag(b, v, R_BAD_NUMBER, "'%s' %s is outside %s", key, s,
		    t->percent ? "0%-100%" : "the numbers from 0 up");
		return;
	}
	t->value = x;
}

static void
target_at_least(struct bctx *b, const struct ynode *v, void *o)
{
	target_value(b, v, o, CMP_AT_LEAST, "at-least");
}

static void
target_at_most(struct bctx *b, const struct ynode *v, void *o)
{
	target_value(b, v, o, CMP_AT_MOST, "at-most");
}

static void
target_equals(struct bctx *b, const struct ynode *v, void *o)
{
	target_value(b, v, o, CMP_EQUALS, "equals");
}

#define T struct target
static const struct keydef target_keys[] = {
	{ KEY("name", KT_TEXT, T, name), .required = true },
	{ KEY_FN("at-least", target_at_least) },
	{ KEY_FN("at-most", target_at_most) },
	{ KEY_FN("equals", target_equals) },
	{ KEY("partners", KT_PARTNERS, T, partners),
	    .aux = KEYOFF(T, all_partners) },
	{ KEY("by", KT_SPAN, T, by), .node = KEYOFF(T, by_node),
	    .has = KEYOFF(T, has_by) },
};
#undef T

static void
build_targets(struct bctx *b, const struct ynode *v, void *unused)
{
	struct plan *p = b->p;
	uint32_t i;

	(void)unused;
	if ((p->targets = bld_items(b, v, "targets", sizeof(*p->targets),
	    &p->ntargets)) == NULL)
		return;
	for (i = 0; i < p->ntargets; i++) {
		struct target *t = &p->targets[i];

		t->node = &v->u.kids[i];
		t->all_partners = true;
		bld_map(b, t->node, target_keys, NKEYS(target_keys), t,
		    "a target");
		if (t->node->kind == YN_MAP && t->value_node == NULL)
			bld_diag(b, t->node, R_REQUIRED, "a target has no "
			    "'at-least', 'at-most' or 'equals'");
	}
}

static void
quota_people(struct bctx *b, const struct ynode *v, void *o)
{
	static const char *const groups[] = {
		NULL, "leadership.leader", "leadership.deputies",
		"leadership.members", "leadership"
	};
	struct quota *q = o;
	size_t i;

	q->people_node = v;
	if (v->kind == YN_SCALAR)
		for (i = 1; i < NKEYS(groups); i++)
			if (strcmp(v->u.str, groups[i]) == 0) {
				q->group = (enum quota_group)i;
				return;
			}
	q->group = QG_LIST;
	bld_refs(b, v, "people", NS_PERSON, &q->people);
}

static const char *const per_words[] = {
	"year", "semester", "month", NULL	/* enum per */
};

#define Q struct quota
static const struct keydef quota_keys[] = {
	{ KEY_FN("people", quota_people), .required = true },
	{ KEY_INT("visits", Q, visits, 0, 100000), .required = true,
	    .node = KEYOFF(Q, visits_node) },
	{ KEY("per", KT_CHOICE, Q, per), .width = sizeof(enum per),
	    .words = per_words },
};
#undef Q

static void
build_quotas(struct bctx *b, const struct ynode *v, void *unused)
{
	struct plan *p = b->p;
	uint32_t i;

	(void)unused;
	if ((p->quotas = bld_items(b, v, "quotas", sizeof(*p->quotas),
	    &p->nquotas)) == NULL)
		return;
	for (i = 0; i < p->nquotas; i++) {
		p->quotas[i].node = &v->u.kids[i];
		bld_map(b, &v->u.kids[i], quota_keys, NKEYS(quota_keys),
		    &p->quotas[i], "a quota");
	}
}

static void
cal_holidays(struct bctx *b, const struct ynode *v, void *o)
{
	struct plan *p = o;
	const char *s;

	if ((s = bld_text(b, v, "holidays")) == NULL)
		return;
	p->holidays_node = v;
	if (strcmp(s, "cn") == 0)
		p->cal.cn = true;
	else if (strcmp(s, "none") == 0)
		p->cal.cn = false;
	else
		bld_diag(b, v, R_TYPE, "'holidays' must be cn or none, not '%s'", s);
}

static void
cal_closed(struct bctx *b, const struct ynode *v, void *o)
{
	struct plan *p = o;
	const struct ynode *items = v;
	uint32_t i, n = 1;

	if (v->kind == YN_SEQ) {
		items = v->u.kids;
		n = v->n;
	}
	p->nclosed_raw = 0;
	p->closed_raw = arena_alloc(b->a, (n ? n : 1) *
	    sizeof(*p->closed_raw));
	p->closed_nodes = arena_alloc(b->a, (n ? n : 1) *
	    sizeof(*p->closed_nodes));
	for (i = 0; i < n; i++)
		if (bld_span(b, &items[i], "closed", false,
		    &p->closed_raw[p->nclosed_raw]))
			p->closed_nodes[p->nclosed_raw++] = &items[i];
}

static void
cal_open(struct bctx *b, const struct ynode *v, void *o)
{
	struct plan *p = o;
	const struct ynode *items = v;
	uint32_t i, n = 1;
	struct span s;

	if (v->kind == YN_SEQ) {
		items = v->u.kids;
		n = v->n;
	}
	p->cal.nopen = 0;
	p->cal.open = arena_alloc(b->a, (n ? n : 1) * sizeof(day_t));
	for (i = 0; i < n; i++)
		if (bld_span(b, &items[i], "open", true, &s))
			p->cal.open[p->cal.nopen++] = s.from;
}

#define P struct plan
static const struct keydef calendar_keys[] = {
	{ KEY("workdays", KT_WEEKDAYS, P, cal.workdays) },
	{ KEY_FN("holidays", cal_holidays) },
	{ KEY_FN("closed", cal_closed) },
	{ KEY_FN("open", cal_open) },
	{ KEY_INT("visits-per-day", P, cal.visits_per_day, 1, 1000) },
};

static void
build_calendar(struct bctx *b, const struct ynode *v, void *unused)
{
	(void)unused;
	b->p->calendar_node = v;
	bld_map(b, v, calendar_keys, NKEYS(calendar_keys), b->p,
	    "'calendar'");
}

static void
plan_host(struct bctx *b, const struct ynode *v, void *o)
{
	struct plan *p = o;

	org_init(&p->orgs[0], v);
	if (v->kind == YN_SCALAR) {	/* just the name */
		p->orgs[0].name = v->u.str;
		p->orgs[0].name_node = v;
		return;
	}
	bld_map(b, v, host_keys, NKEYS(host_keys), &p->orgs[0], "'host'");
}

static void
plan_lang(struct bctx *b, const struct ynode *v, void *o)
{
	struct plan *p = o;
	const char *s;

	if ((s = bld_text(b, v, "lang")) == NULL)
		return;
	p->lang_node = v;
	if (strcmp(s, "zh") == 0 || strcmp(s, "en") == 0)
		p->lang = s;
	else
		bld_diag(b, v, R_TYPE, "'lang' must be zh or en, not '%s'", s);
}

static const struct keydef plan_keys[] = {
	{ KEY("title", KT_TEXT, P, title), .required = true },
	{ KEY_FN("host", plan_host), .required = true },
	{ KEY("period", KT_SPAN, P, period), .required = true,
	    .node = KEYOFF(P, period_node), .has = KEYOFF(P, has_period) },
	{ KEY_FN("lang", plan_lang) },
	{ KEY("guiding", KT_TEXT, P, guiding) },
	{ KEY("goals", KT_TEXTS, P, goals), .aux = KEYOFF(P, ngoals) },
	{ KEY("confirm", KT_TEXTS, P, confirm), .aux = KEYOFF(P, nconfirm) },
};
#undef P

static void
build_version(struct bctx *b, const struct ynode *v, void *o)
{
	struct plan *p = o;

	p->version_node = v;
	if (v->kind != YN_SCALAR || v->quoted || strcmp(v->u.str, "1") != 0) {
		bld_diag(b, v, R_VERSION, "unsupported format version '%s': this "
		    "pairplan reads 'pairplan: 1'", v->kind == YN_SCALAR ?
		    v->u.str : ynode_kind_name(v));
		return;
	}
	p->version = 1;
}

static void
build_plan(struct bctx *b, const struct ynode *v, void *o)
{
	b->p->plan_node = v;
	bld_map(b, v, plan_keys, NKEYS(plan_keys), o, "'plan'");
}

/*
 * Pass 0 builds what references point at (the host and partners), pass 1
 * the people (whose org refers to those), each indexed after its pass, so
 * whatever the order of the file; pass 2 builds the rest, resolving
 * references as it goes.
 */
static const struct keydef top_keys[] = {
	{ KEY_FN("pairplan", build_version), .required = true, .pass = 2 },
	{ KEY_FN("plan", build_plan), .required = true, .pass = 0 },
	{ KEY_FN("partners", build_partners), .required = true, .pass = 0 },
	{ KEY_FN("people", build_people), .pass = 1 },
	{ KEY_FN("leadership", build_leadership), .pass = 2 },
	{ KEY_FN("phases", build_phases), .required = true, .pass = 2 },
	{ KEY_FN("mentorships", build_mentorships), .pass = 2 },
	{ KEY_FN("targets", build_targets), .pass = 2 },
	{ KEY_FN("quotas", build_quotas), .pass = 2 },
	{ KEY_FN("calendar", build_calendar), .pass = 2 },
};

/* ---- defaults and references --------------------------------------- */

static void
note_dup(struct bctx *b, struct pos second, struct pos first,
    const char *what, const char *id)
{
	struct dup_id *d = avec_push(b->a, &b->dups, sizeof(*d));

	d->id = id;
	d->second = second;
	d->first = first;
	d->what = what;
}

/* Indexes ids (recording repeats) and names (REF_AMBIGUOUS on repeats). */
static void
index_entry(struct bctx *b, struct strmap *ids, struct strmap *names,
    const char *id, struct pos idpos, const char *name,
    int32_t i, const struct pos *firsts, const char *what)
{
	int32_t *slot;
	bool existed;

	if (id != NULL) {
		slot = strmap_put(ids, id, strlen(id), &existed);
		if (existed)
			note_dup(b, idpos, firsts[*slot], what, id);
		else
			*slot = i;
	}
	if (name != NULL && names != NULL) {
		slot = strmap_put(names, name, strlen(name), &existed);
		*slot = existed ? REF_AMBIGUOUS : i;
	}
}

/* The host and partners: ids defaulted, then indexed for references. */
static void
index_orgs(struct bctx *b)
{
	struct plan *p = b->p;
	struct pos *firsts;
	uint32_t i;

	if (p->orgs[0].id == NULL)
		p->orgs[0].id = "host";
	for (i = 1; i < p->norgs; i++)
		if (p->orgs[i].id == NULL)
			p->orgs[i].id = p->orgs[i].name;
	firsts = arena_alloc(b->a, p->norgs * sizeof(*firsts));
	for (i = 0; i < p->norgs; i++)
		firsts[i] = bld_pos(p->orgs[i].id_node ? p->orgs[i].id_node :
		    p->orgs[i].name_node ? p->orgs[i].name_node :
		    p->orgs[i].node);
	for (i = 0; i < p->norgs; i++)
		index_entry(b, &b->oid, &b->oname, p->orgs[i].id, firsts[i],
		    p->orgs[i].name, (int32_t)i, firsts,
		    i == 0 ? "organisation" : "partner");
}

static void
index_people(struct bctx *b)
{
	struct plan *p = b->p;
	struct pos *firsts;
	uint32_t i;

	firsts = arena_alloc(b->a, (p->npeople + 1) * sizeof(*firsts));
	for (i = 0; i < p->npeople; i++) {
		if (p->people[i].id == NULL)
			p->people[i].id = p->people[i].name;
		firsts[i] = bld_pos(p->people[i].id_node ?
		    p->people[i].id_node : p->people[i].node);
	}
	for (i = 0; i < p->npeople; i++)
		index_entry(b, &b->pid, &b->pname, p->people[i].id, firsts[i],
		    p->people[i].name, (int32_t)i, firsts, "person");
}

/* Phase and activity ids must be unique too. */
static void
index_ids(struct bctx *b)
{
	struct plan *p = b->p;
	struct strmap phid, actid;
	struct pos *pf, *af;
	uint32_t i, j, n = 0;

	strmap_init(&phid, b->a);
	strmap_init(&actid, b->a);
	pf = arena_alloc(b->a, (p->nphases + 1) * sizeof(*pf));
	for (i = 0; i < p->nphases; i++) {
		pf[i] = bld_pos(p->phases[i].id_node ? p->phases[i].id_node :
		    p->phases[i].node);
		index_entry(b, &phid, NULL, p->phases[i].id, pf[i], NULL,
		    (int32_t)i, pf, "phase");
		n += p->phases[i].nacts;
	}
	strmap_reserve(&actid, n);
	af = arena_alloc(b->a, ((size_t)n + 1) * sizeof(*af));
	for (i = 0, n = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++, n++) {
			struct activity *a = &p->phases[i].acts[j];
			int32_t *slot;
			bool existed;

			af[n] = a->id_pos.line ? a->id_pos : a->pos;
			slot = strmap_put(&actid, a->id, strlen(a->id),
			    &existed);
			if (existed)
				note_dup(b, af[n], af[*slot], "activity", a->id);
			else
				*slot = (int32_t)n;
		}
}

static void
fill_defaults(struct bctx *b)
{
	struct plan *p = b->p;
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++) {
		struct phase *ph = &p->phases[i];

		if (ph->id == NULL)
			ph->id = arena_printf(b->a, "p%u", i + 1);
		for (j = 0; j < ph->nacts; j++) {
			struct activity *a = &ph->acts[j];

			a->phase = i;
			if (a->id == NULL)
				a->id = arena_printf(b->a, "%s.%u", ph->id,
				    a->order);
			if (a->title == NULL)
				a->title = "";
			if (a->has_date) {
				a->w.window.from = a->w.window.to = a->date;
			} else if (!a->w.has_when)
				a->w.window = ph->period;
		}
	}
	for (i = 0; i < p->nmentorships; i++) {
		struct mentorship *m = &p->mentorships[i];

		if (!m->has_period)
			m->period = p->period;
		if (!m->meet.has_when)
			m->meet.window = m->period;
	}
	if (p->lang == NULL)
		p->lang = "zh";
	if (p->title == NULL)
		p->title = "";
}

/* ---- streaming and the whole build -------------------------------- */

struct plan_builder {
	struct bctx	 b;
};

/* An activity read while the file loads: built now, its subtree dropped. */
static void *
stream_activity(void *ctx, void *list, const struct ynode *item)
{
	struct bctx *b = ctx;
	struct actlist *l = list;
	struct activity *a;

	if (l == NULL)
		l = arena_alloc(b->a, sizeof(*l));
	if (l->n == l->cap) {
		if (l->cap > UINT32_MAX / 4)
			arena_oom();
		l->cap = l->cap ? l->cap + l->cap / 2 : 16;
		l->v = arena_realloc_owned(b->a, l->v,
		    (size_t)l->cap * sizeof(*l->v));
	}
	a = &l->v[l->n++];
	memset(a, 0, sizeof(*a));
	act_init(a, item, l->n);
	bld_map(b, item, activity_keys, NKEYS(activity_keys), a,
	    "an activity");
	return l;
}

static const char *const activity_path[] = { "phases", "activities" };

struct plan_builder *
plan_builder_init(struct arena *a, struct diags *d)
{
	struct plan_builder *pb = arena_alloc(a, sizeof(*pb));

	pb->b.a = a;
	pb->b.d = d;
	strmap_init(&pb->b.pid, a);
	strmap_init(&pb->b.pname, a);
	strmap_init(&pb->b.oid, a);
	strmap_init(&pb->b.oname, a);
	return pb;
}

void
plan_builder_stream(struct plan_builder *pb, struct yload_opts *o,
    struct arena *scratch)
{
	o->stream_path = activity_path;
	o->stream_depth = 2;
	o->stream = stream_activity;
	o->stream_ctx = &pb->b;
	o->scratch = scratch;
}

/* References of activities read before the people they name. */
static void
resolve_pending(struct bctx *b)
{
	struct plan *p = b->p;
	uint32_t i, j, k;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			struct activity *a = &p->phases[i].acts[j];

			for (k = 0; k < a->owners.n; k++)
				if (a->owners.v[k].idx == REF_PENDING)
					bld_resolve(b, &a->owners.v[k],
					    NS_PERSON);
			for (k = 0; k < a->people.n; k++)
				if (a->people.v[k].idx == REF_PENDING)
					bld_resolve(b, &a->people.v[k],
					    NS_PERSON);
			for (k = 0; k < a->partners.n; k++)
				if (a->partners.v[k].idx == REF_PENDING)
					bld_resolve(b, &a->partners.v[k],
					    NS_PARTNER);
			if (a->w.at == AT_ORG && a->w.at_org.idx == REF_PENDING)
				bld_resolve(b, &a->w.at_org, NS_ORG);
		}
}

struct plan *
plan_build(const struct ynode *root, struct arena *a, struct diags *d)
{
	return plan_builder_build(plan_builder_init(a, d), root);
}

struct plan *
plan_builder_build(struct plan_builder *pb, const struct ynode *root)
{
	struct bctx *bp = &pb->b;
	struct arena *a = bp->a;
	struct diags *d = bp->d;
	struct plan *p;
	uint32_t i;

#define b (*bp)
	if (root->kind != YN_MAP) {
		diag_add(d, R_TYPE, root->line, root->col, "the top level of a "
		    "plan must be a mapping, not a %s", ynode_kind_name(root));
		return NULL;
	}
	p = b.p = arena_alloc(a, sizeof(*p));
	p->file = d->file;
	p->root = root;
	p->orgs = arena_alloc(a, sizeof(*p->orgs));
	p->norgs = 1;
	org_init(&p->orgs[0], root);
	cal_init(&p->cal);
	bld_map_pass(&b, root, top_keys, NKEYS(top_keys), p, "the plan file",
	    0);
	index_orgs(&b);
	b.orgs_ready = true;
	bld_map_pass(&b, root, top_keys, NKEYS(top_keys), p, "the plan file",
	    1);
	index_people(&b);
	b.people_ready = true;
	bld_map_pass(&b, root, top_keys, NKEYS(top_keys), p, "the plan file",
	    2);
	resolve_pending(&b);
	p->cal.closed = arena_alloc(a, (p->nclosed_raw + 1) *
	    sizeof(*p->cal.closed));
	for (i = 0; i < p->nclosed_raw; i++)
		if (p->closed_raw[i].from <= p->closed_raw[i].to)
			p->cal.closed[p->cal.nclosed++] = p->closed_raw[i];
	cal_normalise(&p->cal);
	fill_defaults(&b);
	index_ids(&b);
	p->refs = b.refs.v;
	p->nrefs = (uint32_t)b.refs.n;
	p->dups = b.dups.v;
	p->ndups = (uint32_t)b.dups.n;
	if (p->has_period && p->period.from <= p->period.to) {
		if (p->period.to - p->period.from >= PLAN_MAX_DAYS) {
			bld_diag(&b, p->period_node, R_LIMIT, "the plan period is "
			    "longer than 100 years");
			p->has_period = false;
		} else {
			workmap_init(&p->wm, a, &p->cal, p->period);
			p->has_wm = true;
		}
	}
	return p;
#undef b
}
