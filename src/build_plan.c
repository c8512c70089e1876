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
#include "holfile.h"
#include "plan.h"
#include "strmap.h"
#include "suggest.h"
#include "yload.h"

static const char *const org_types[] = {	/* enum org_type */
	"kindergarten|幼儿园", "village|村", "household|户", "unit|单位", NULL
};

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
	{ KEY("type", KT_CHOICE, O, type), .width = 1, .words = org_types },
	{ KEY("village", KT_REF, O, village), .ns = NS_PARTNER,
	    .has = KEYOFF(O, has_village) },
	{ KEY("head", KT_TEXT, O, head) },
};
#undef O

/*
 * A complete streamed list of n items of sz, its slack given back. A list
 * of a small plan moves into the arena's chunks, so that the next plan's
 * lists grow in the heap pages this one leaves: a county keeps thousands
 * of plans, and kept in the heap their lists took a fresh 4 KB page, a
 * page fault, every 4 KB (bench/README.md).
 */
#define STREAM_SETTLE_MAX	(64u << 10)

static void *
stream_fit(struct bctx *b, void *v, uint32_t n, uint32_t *cap, size_t sz)
{
	size_t bytes = (size_t)n * sz;

	if (bytes <= STREAM_SETTLE_MAX && n > 0) {
		*cap = n;
		return arena_settle_owned(b->a, v, bytes);
	}
	if (n >= *cap)
		return v;
	*cap = n;
	return arena_realloc_owned(b->a, v, bytes);
}

/*
 * A streamed list that its key takes: true, after a type error, when it
 * was taken already (the key is an alias of the whole list).
 */
static bool
stream_taken(struct bctx *b, const struct ynode *v, bool *owned,
    const char *key)
{
	if (*owned) {
		bld_diag(b, v, R_TYPE, "'%s' must be a list of its own, not an "
		    "alias to another list of %s", key, key);
		return true;
	}
	*owned = true;
	return false;
}

static void
org_init(struct org *g, const struct ynode *v)
{
	g->classes = g->children = g->teachers = g->staff = -1;
	g->node = v;
	g->pos = g->name_pos = g->key_pos = bld_pos(v);
}

/*
 * The positions its messages need. A partner then drops its nodes (a
 * streamed partner's are gone after); the host keeps them, so that a
 * repeated 'host' key keeps the first one's id where the second has none.
 */
static void
org_done(struct org *g)
{
	if (g->name_node != NULL)
		g->name_pos = bld_pos(g->name_node);
	g->key_pos = g->id_node != NULL ? bld_pos(g->id_node) : g->name_pos;
}

static void
partner_done(struct org *g)
{
	org_done(g);
	g->node = g->id_node = g->name_node = NULL;
}

/*
 * The partners, as the loader streamed them (orgs[0], the host, is put
 * in their list's first place) or as a list.
 */
static void
build_partners(struct bctx *b, const struct ynode *v, void *unused)
{
	struct plan *p = b->p;
	struct orglist *l;
	struct org *orgs;
	uint32_t i, n;

	(void)unused;
	if (v->kind == YN_BUILT && v->path == STREAM_PARTNERS) {
		p->partners_node = v;
		if ((l = v->u.ext) == NULL)
			return;
		if (stream_taken(b, v, &l->owned, "partners"))
			return;
		l->v = stream_fit(b, l->v, l->n, &l->cap, sizeof(*l->v));
		l->v[0] = p->orgs[0];
		p->orgs = l->v;
		p->norgs = l->n;
		return;
	}
	if (v->kind == YN_BUILT) {
		bld_diag(b, v, R_TYPE, "'partners' must be a list of partners, "
		    "not an alias to %s", bld_stream_what(v));
		return;
	}
	if (bld_items(b, v, "partners", 1, &n) == NULL)
		return;
	p->partners_node = v;
	if (n == 0)
		return;		/* required for some kinds of plan: see below */
	orgs = arena_alloc(b->a, ((size_t)n + 1) * sizeof(*orgs));
	orgs[0] = p->orgs[0];
	for (i = 0; i < n; i++) {
		struct org *g = &orgs[i + 1];

		org_init(g, &v->u.kids[i]);
		bld_map(b, &v->u.kids[i], partner_keys, NKEYS(partner_keys),
		    g, "a partner");
		partner_done(g);
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

/* Positions kept, nodes dropped: a streamed person's are gone after. */
static void
person_done(struct bctx *b, void *item)
{
	struct person *x = item;

	(void)b;
	x->pos = bld_pos(x->node);
	x->id_pos = x->id_node != NULL ? bld_pos(x->id_node) : x->pos;
	x->node = x->id_node = NULL;
}

static const struct listdef person_list = {
	sizeof(struct person), KEYOFF(struct person, node), person_keys,
	NKEYS(person_keys), "a person", NULL, person_done
};

/*
 * The people, as the loader streamed them (their org references wait
 * for the organisations, built in the pass before) or as a list.
 */
static void
build_people(struct bctx *b, const struct ynode *v, void *o)
{
	struct plan *p = o;
	struct personlist *l;
	uint32_t i;

	b->early_used = false;
	if (v->kind != YN_BUILT) {
		p->people = bld_list(b, v, "people", &person_list,
		    &p->npeople);
		return;
	}
	if (v->path != STREAM_PEOPLE) {
		bld_diag(b, v, R_TYPE, "'people' must be a list of people, "
		    "not an alias to %s", bld_stream_what(v));
		return;
	}
	if ((l = v->u.ext) == NULL)
		return;
	/* an alias of the whole list: each person once is enough */
	if (stream_taken(b, v, &l->owned, "people"))
		return;
	l->v = stream_fit(b, l->v, l->n, &l->cap, sizeof(*l->v));
	p->people = l->v;
	p->npeople = l->n;
	b->early_used = l == b->early;
	for (i = 0; i < p->npeople; i++)
		if (p->people[i].has_org &&
		    p->people[i].org.idx == REF_PENDING)
			bld_resolve(b, &p->people[i].org, NS_ORG);
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
	else if (strcmp(s, "online") == 0 || strcmp(s, "线上") == 0)
		w->at = AT_ONLINE;
	else if (strcmp(s, "本园") == 0)
		w->at = AT_OWN;		/* by the author: fix_sides */
	else if (strcmp(s, "结对园") == 0)
		w->at = AT_OTHER;
	else {
		w->at = AT_ORG;
		w->at_org = arena_alloc_align(b->a, sizeof(*w->at_org),
		    _Alignof(struct ref));
		bld_add_ref(b, w->at_org, v, NS_ORG);
	}
}

/* The English of a Chinese `every`: 每周 week, 每月 month, ... or NULL. */
static const char *
every_word(const char *s)
{
	static const char *const zh[][2] = {
		{ "每周", "week" }, { "每月", "month" }, { "每学期", "semester" },
		{ "每年", "year" }, { "每天", "1 days" }, { "每日", "1 days" },
	};
	size_t i;

	for (i = 0; i < NKEYS(zh); i++)
		if (strcmp(s, zh[i][0]) == 0)
			return zh[i][1];
	return NULL;
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
	if ((unit = every_word(s)) != NULL)	/* 每周, 每学期, ... */
		s = unit;
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
	else if (unit == s && strcmp(unit, "year") == 0)
		w->every = EV_YEAR;
	else if (unit == s && strcmp(unit, "semester") == 0)
		w->every = EV_SEMESTER;
	else if (unit != s && n == 1 && (strcmp(unit, "month") == 0 ||
	    strcmp(unit, "months") == 0))
		w->every = EV_MONTH;
	else if (unit != s &&
	    (strcmp(unit, "month") == 0 || strcmp(unit, "months") == 0))
		w->every = EV_MONTHS;
	else if (unit != s &&
	    (strcmp(unit, "week") == 0 || strcmp(unit, "weeks") == 0))
		w->every = EV_WEEKS;
	else if (unit != s &&
	    (strcmp(unit, "day") == 0 || strcmp(unit, "days") == 0))
		w->every = EV_DAYS;
	else {
		bld_diag(b, v, R_TYPE, "'every' must be week, month, semester, "
		    "year, 'N weeks', 'N days' or 'N months', not '%s'", s);
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
 * `at`, rows of the key table of struct S, whose struct when is member w;
 * where the keys are written goes to the struct when_pos at offset
 * OFF(P, wp) (KEYOFF or SIDEOFF).
 */
#define WHEN_KEYS(S, w, OFF, P, wp)					\
	{ KEY("when", KT_SPAN, S, w.window),				\
	    .seen = OFF(P, wp.when_pos), .has = KEYOFF(S, w.has_when) },	\
	{ KEY_INT("times", S, w.times, 1, 1000000),			\
	    .seen = OFF(P, wp.times_pos) },				\
	{ KEY_FN("every", when_every), .field = KEYOFF(S, w),		\
	    .seen = OFF(P, wp.every_pos) },				\
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
	((struct act_pos *)b->side)->kind_pos = bld_pos(v);
	k = plan_kind_from_name(x->kind_text);
	x->kind = k < 0 ? K_OTHER : (enum kind)k;
}

/* `site:` of an activity; shared takes no room at its site. */
static const char *const site_words[] = { "own", "shared|共用", NULL };

#define A struct activity
static const struct keydef activity_keys[] = {
	{ KEY("title", KT_TEXT, A, title), .required = true,
	    .pos = SIDEOFF(struct act_pos, title_pos) },
	{ KEY("id", KT_TEXT, A, id), .pos = SIDEOFF(struct act_pos, id_pos),
	    .has = KEYOFF(A, id_given) },
	{ KEY_FN("kind", act_kind) },
	{ KEY_FN("at", when_at), .field = KEYOFF(A, w) },
	{ KEY("partners", KT_PARTNERS, A, partners),
	    .aux = KEYOFF(A, all_partners) },
	{ KEY("owner", KT_REFS, A, owners), .ns = NS_PERSON },
	{ KEY("people", KT_REFS, A, people), .ns = NS_PERSON },
	{ KEY("date", KT_DAY, A, date),
	    .seen = SIDEOFF(struct act_pos, date_pos),
	    .has = KEYOFF(A, has_date) },
	WHEN_KEYS(A, w, SIDEOFF, struct act_pos, wp),
	{ KEY("note", KT_TEXT, A, note) },
	{ KEY("after", KT_REFS, A, after), .ns = NS_ACTIVITY },
	{ KEY_INT("gap", A, gap, 0, 10000) },
	{ KEY("site", KT_CHOICE, A, shared), .width = 1,
	    .words = site_words },
	{ KEY_INT("publicity-days", A, publicity_days, 0, 1000) },
};
#undef A

static void
act_init(struct activity *a, struct act_pos *at, const struct ynode *v,
    uint32_t pos)
{
	at->pos = bld_pos(v);
	a->where = at;
	a->order = pos;
	a->kind = K_OTHER;
	a->all_partners = true;
	a->publicity_days = -1;
	when_init(&a->w);
}

/* Builds activity a from mapping v, its title named in its messages. */
static void
build_activity(struct bctx *b, struct activity *a, const struct ynode *v,
    uint32_t pos)
{
	const struct ynode *t = v->kind == YN_MAP ? ynode_get(v, "title") :
	    NULL;
	char what[256];
	size_t len;

	/* where its keys are: the tree's, like the rules that read them */
	b->side = arena_alloc_align(b->tmp, sizeof(struct act_pos),
	    _Alignof(struct act_pos));
	act_init(a, b->side, v, pos);
	b->activity = t != NULL && t->kind == YN_SCALAR ? t->u.str : NULL;
	/*
	 * "activity 'TITLE'" for its messages, which copy it: made on the
	 * stack, as most titles are short, not kept for every activity.
	 */
	if (b->activity == NULL)
		bld_map(b, v, activity_keys, NKEYS(activity_keys), a,
		    "an activity");
	else if ((len = strlen(b->activity)) + 12 <= sizeof(what)) {
		memcpy(what, "activity '", 10);
		memcpy(what + 10, b->activity, len);
		memcpy(what + 10 + len, "'", 2);
		bld_map(b, v, activity_keys, NKEYS(activity_keys), a, what);
	} else
		bld_map(b, v, activity_keys, NKEYS(activity_keys), a,
		    arena_printf(b->a, "activity '%s'", b->activity));
	b->activity = NULL;
	b->side = NULL;
}

/* "PHASE.N", the id of an activity without one (§3). */
static const char *
default_act_id(struct arena *a, const char *phase, uint32_t n)
{
	char num[12];
	size_t k = sizeof(num);

	num[--k] = '\0';
	do {
		num[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n != 0);
	return arena_join(a, phase, '.', num + k);
}

/* The activities of a phase, unless the loader handed them over already. */
static void
phase_activities(struct bctx *b, const struct ynode *v, void *o)
{
	struct phase *x = o;
	uint32_t i;

	if (v->kind == YN_BUILT && v->path != STREAM_ACTIVITIES) {
		bld_diag(b, v, R_TYPE, "'activities' must be a list of "
		    "activities, not an alias to %s", bld_stream_what(v));
		return;
	}
	if (v->kind == YN_BUILT) {
		struct actlist *l = v->u.ext;

		if (l == NULL)
			return;
		l->v = stream_fit(b, l->v, l->n, &l->cap, sizeof(*l->v));
		x->nacts = l->n;
		if (!l->owned) {
			l->owned = true;
			x->acts = l->v;
			return;
		}
		/* An alias of a whole list: a copy, in its own place (§10). */
		x->acts = arena_alloc(b->a, (l->n ? l->n : 1) *
		    sizeof(*x->acts));
		memcpy(x->acts, l->v, l->n * sizeof(*x->acts));
		for (i = 0; i < x->nacts; i++) {	/* written at the alias */
			struct act_pos *at = arena_alloc_align(b->tmp,
			    sizeof(*at), _Alignof(struct act_pos));

			*at = *x->acts[i].where;
			at->pos = bld_pos(v);
			if (x->acts[i].id_given)
				at->id_pos = bld_pos(v);
			x->acts[i].where = at;
		}
		return;
	}
	if ((x->acts = bld_items(b, v, "activities", sizeof(*x->acts),
	    &x->nacts)) == NULL)
		return;
	for (i = 0; i < x->nacts; i++)
		build_activity(b, &x->acts[i], &v->u.kids[i], i + 1);
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

static const struct listdef phase_list = {
	sizeof(struct phase), KEYOFF(struct phase, node), phase_keys,
	NKEYS(phase_keys), "a phase", NULL, NULL
};

/* Read into the mentorship, whose member meet they fill. */
static const struct keydef meet_keys[] = {
	{ KEY_FN("at", when_at), .field = KEYOFF(struct mentorship, meet) },
	WHEN_KEYS(struct mentorship, meet, KEYOFF, struct mentorship,
	    meet_pos),
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
ment_init(struct bctx *b, void *o, uint32_t i)
{
	struct mentorship *m = o;

	(void)b, (void)i;
	m->mentor.idx = m->apprentice.idx = REF_UNKNOWN;
	when_init(&m->meet);
}

static const struct listdef mentorship_list = {
	sizeof(struct mentorship), KEYOFF(struct mentorship, node),
	mentorship_keys, NKEYS(mentorship_keys), "a mentorship", ment_init,
	NULL
};

/* A number or a percentage of a target; false after reporting. */
static bool
target_number(struct bctx *b, const struct ynode *v, const char *key,
    double *out, bool *percent)
{
	const char *s;
	char *end;
	size_t len;
	double x;
	bool pc;

	if (v->kind != YN_SCALAR) {
		bld_diag(b, v, R_TYPE, "'%s' must be a number or a percentage, "
		    "not a %s", key, ynode_kind_name(v));
		return false;
	}
	s = v->u.str;
	len = v->n;
	pc = len > 0 && s[len - 1] == '%';
	errno = 0;
	x = strtod(s, &end);
	if (end == s || (size_t)(end - s) != len - (pc ? 1 : 0) ||
	    strchr("+-.0123456789", s[0]) == NULL || errno == ERANGE ||
	    !isfinite(x)) {
		bld_diag(b, v, R_TYPE, "'%s' must be a number or a percentage, "
		    "not '%s'", key, s);
		return false;
	}
	if (x < 0 || (pc && x > 100)) {
		bld_diag(b, v, R_BAD_NUMBER, "'%s' %s is outside %s", key, s,
		    pc ? "0%-100%" : "the numbers from 0 up");
		return false;
	}
	*out = x;
	if (percent != NULL)
		*percent = pc;
	return true;
}

/*
 * at-least, at-most, equals: one of them, or at-least with at-most for a
 * range (1-2项); equals with another is exclusive-keys.
 */
static void
target_value(struct bctx *b, const struct ynode *v, struct target *t,
    enum cmp cmp, const char *key)
{
	bool range = t->value_node != NULL && cmp != CMP_EQUALS &&
	    t->cmp != CMP_EQUALS && t->cmp != cmp && !t->has_max;
	double x;
	bool pc;

	if (t->value_node != NULL && !range) {
		t->extra_cmp_node = v;
		return;
	}
	if (!range) {
		t->value_node = v;
		t->cmp = cmp;
	}
	if (!target_number(b, v, key, &x, &pc))
		return;
	if (!range) {
		t->value = x;
		t->percent = pc;
		t->has_value = true;
		return;
	}
	if (!t->has_value)
		return;
	t->has_max = true;
	if (cmp == CMP_AT_MOST)
		t->max = x;
	else {
		t->max = t->value;
		t->value = x;
		t->cmp = CMP_AT_LEAST;
	}
	if (t->value > t->max)
		bld_diag(b, v, R_BAD_NUMBER, "the range of target '%s' is "
		    "empty: 'at-least' %g is more than 'at-most' %g",
		    t->name != NULL ? t->name : "", t->value, t->max);
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

static void
target_baseline(struct bctx *b, const struct ynode *v, void *o)
{
	struct target *t = o;

	t->has_baseline = target_number(b, v, "baseline", &t->baseline, NULL);
}

static void
target_total(struct bctx *b, const struct ynode *v, void *o)
{
	struct target *t = o;

	t->total_node = v;
	t->has_total = target_number(b, v, "total", &t->total, NULL);
}

/* by-year: {2016: 223, 2017: 210}, its keys calendar years. */
static void
target_by_year(struct bctx *b, const struct ynode *v, void *o)
{
	struct target *t = o;
	uint32_t i;

	t->by_year_node = v;
	if (v->kind != YN_MAP) {
		bld_diag(b, v, R_TYPE, "'by-year' must be a mapping of years to "
		    "figures, not a %s", ynode_kind_name(v));
		return;
	}
	t->by_year = arena_alloc(b->a, (v->n ? v->n : 1) *
	    sizeof(*t->by_year));
	t->nby_year = 0;
	for (i = 0; i < v->n; i++) {
		const struct ynode *k = &v->u.kids[2 * i];
		struct year_value *y = &t->by_year[t->nby_year];
		int64_t year;

		if (k->kind != YN_SCALAR || !bld_int(b, k, "by-year", 1901,
		    2099, &year))
			continue;
		if (!target_number(b, &v->u.kids[2 * i + 1], "by-year",
		    &y->value, NULL))
			continue;
		y->year = (int32_t)year;
		y->pos = bld_pos(k);
		t->nby_year++;
	}
}

static const char *const target_per_words[] = { "year|每年", NULL };

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
	{ KEY("unit", KT_TEXT, T, unit) },
	{ KEY("approx", KT_BOOL, T, approx) },
	{ KEY_FN("baseline", target_baseline) },
	{ KEY_FN("total", target_total) },
	{ KEY_FN("by-year", target_by_year) },
	{ KEY("cumulative", KT_BOOL, T, cumulative) },
	{ KEY("per", KT_CHOICE, T, per_year), .width = 1,
	    .words = target_per_words, .has = KEYOFF(T, per_year) },
};
#undef T

static void
target_init(struct bctx *b, void *o, uint32_t i)
{
	(void)b, (void)i;
	((struct target *)o)->all_partners = true;
}

static void
target_check(struct bctx *b, void *o)
{
	const struct target *t = o;

	if (t->node->kind == YN_MAP && t->value_node == NULL &&
	    t->total_node == NULL && t->by_year_node == NULL)
		bld_diag(b, t->node, R_REQUIRED, "a target has no "
		    "'at-least', 'at-most', 'equals', 'total' or 'by-year'");
}

static const struct listdef target_list = {
	sizeof(struct target), KEYOFF(struct target, node), target_keys,
	NKEYS(target_keys), "a target", target_init, target_check
};

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

static const char *const per_words[] = {	/* enum per */
	"year|每年|年", "semester|每学期|学期", "month|每月|月", NULL
};

#define Q struct quota
static const struct keydef quota_keys[] = {
	{ KEY_FN("people", quota_people), .required = true },
	{ KEY_INT("visits", Q, visits, 0, 100000),
	    .node = KEYOFF(Q, visits_node) },
	{ KEY_INT("days", Q, days, 0, 100000) },
	{ KEY("per", KT_CHOICE, Q, per), .width = sizeof(enum per),
	    .words = per_words },
};
#undef Q

static void
quota_init(struct bctx *b, void *o, uint32_t i)
{
	struct quota *q = o;

	(void)b, (void)i;
	q->visits = q->days = -1;
}

static void
quota_check(struct bctx *b, void *o)
{
	const struct quota *q = o;

	if (q->node->kind == YN_MAP && ynode_get(q->node, "visits") == NULL &&
	    ynode_get(q->node, "days") == NULL)
		bld_diag(b, q->node, R_REQUIRED, "a quota has no 'visits' or "
		    "'days'");
}

static const struct listdef quota_list = {
	sizeof(struct quota), KEYOFF(struct quota, node), quota_keys,
	NKEYS(quota_keys), "a quota", quota_init, quota_check
};

/* ---- calendar ------------------------------------------------------ */

/*
 * A holiday file's path: relative to the plan's directory, or to the
 * working directory for standard input; an absolute path as it is.
 */
static const char *
holiday_path(struct bctx *b, const char *f)
{
	const char *plan = b->p->file, *slash;

	if (f[0] == '/' || plan == NULL || strcmp(plan, "-") == 0 ||
	    (slash = strrchr(plan, '/')) == NULL)
		return f;
	return arena_printf(b->a, "%.*s/%s", (int)(slash - plan), plan, f);
}

/*
 * Reads a holiday file (through the cache the plans share, or a cache of
 * its own) and gives its years to the plan-wide calendar; a file that
 * cannot be read is reported at its name in the plan.
 */
static void
holiday_file(struct bctx *b, const struct ynode *v)
{
	struct holfile_cache *cache = b->holidays, *own = NULL;
	const struct holfile *hf;
	const char *path = holiday_path(b, v->u.str), *why;
	int y;

	if (cache == NULL)
		cache = own = holfile_cache_new();
	if ((hf = holfile_get(cache, path, &why)) == NULL)
		bld_diag(b, v, R_HOLIDAY_FILE, "cannot read holiday file '%s': "
		    "%s", path, why);
	else if ((y = holfile_repeated_year(hf, &b->p->cal)) != 0)
		/* one file a year: two would each be half an arrangement */
		bld_diag(b, v, R_HOLIDAY_FILE, "holiday file '%s' gives %d, "
		    "which an earlier holiday file of the plan gives already: "
		    "a year's arrangement is one file", path, y);
	else
		holfile_apply(hf, &b->p->cal, b->a, b->d, path);
	holfile_cache_free(own);
}

/* holidays: cn | none | [cn, FILE...] (a list without cn: files only). */
static void
cal_holidays(struct bctx *b, const struct ynode *v, void *o)
{
	struct plan *p = o;
	const struct ynode *it;
	uint32_t i;
	bool cn = false;

	p->holidays_node = v;
	if (v->kind == YN_SCALAR) {
		if (strcmp(v->u.str, "cn") == 0)
			p->cal.cn = true;
		else if (strcmp(v->u.str, "none") == 0)
			p->cal.cn = false;
		else
			bld_diag(b, v, R_TYPE, "'holidays' must be cn, none or a "
			    "list [cn, FILE...], not '%s'", v->u.str);
		return;
	}
	if (v->kind != YN_SEQ) {
		bld_diag(b, v, R_TYPE, "'holidays' must be cn, none or a list "
		    "[cn, FILE...], not a %s", ynode_kind_name(v));
		return;
	}
	p->nholiday_files = 0;
	p->holiday_files = arena_alloc(b->a, (v->n + 1) *
	    sizeof(*p->holiday_files));
	p->holiday_file_nodes = arena_alloc(b->a, (v->n + 1) *
	    sizeof(*p->holiday_file_nodes));
	for (i = 0; i < v->n; i++) {
		it = &v->u.kids[i];
		if (it->kind != YN_SCALAR)
			bld_diag(b, it, R_TYPE, "an item of 'holidays' must be cn "
			    "or a file name, not a %s", ynode_kind_name(it));
		else if (it->u.str[0] == '\0')
			bld_diag(b, it, R_TYPE, "an item of 'holidays' must be cn "
			    "or a file name, not empty text");
		else if (strcmp(it->u.str, "cn") == 0)
			cn = true;
		else if (strcmp(it->u.str, "none") == 0)
			bld_diag(b, it, R_TYPE, "'none' cannot be an item of a "
			    "list of holidays: leave cn out of the list for no "
			    "built-in holidays");
		else {
			p->holiday_file_nodes[p->nholiday_files] = it;
			p->holiday_files[p->nholiday_files++] = it->u.str;
		}
	}
	p->cal.cn = cn;
	for (i = 0; i < p->nholiday_files; i++)
		holiday_file(b, p->holiday_file_nodes[i]);
}

/* The items of a list, or one value as a list of one. */
static const struct ynode *
cal_items(const struct ynode *v, uint32_t *n)
{
	if (v->kind == YN_SEQ) {
		*n = v->n;
		return v->u.kids;
	}
	*n = 1;
	return v;
}

/* dates: D | A..B | [..] of a {dates, at} entry. */
static void
entry_dates(struct bctx *b, const struct ynode *v, void *o)
{
	struct site_entry *e = o;
	const struct ynode *items;
	uint32_t i, n;

	items = cal_items(v, &n);
	e->nspans = 0;
	e->spans = arena_alloc(b->a, (n + 1) * sizeof(*e->spans));
	e->span_nodes = arena_alloc(b->a, (n + 1) * sizeof(*e->span_nodes));
	for (i = 0; i < n; i++)
		if (bld_span(b, &items[i], "dates", e->open,
		    &e->spans[e->nspans]))
			e->span_nodes[e->nspans++] = &items[i];
}

/* at: host | ORG | [..] of a {dates, at} entry: "host" is orgs[0]. */
static void
entry_at(struct bctx *b, const struct ynode *v, void *o)
{
	struct site_entry *e = o;
	const struct ynode *items;
	uint32_t i, n;

	items = cal_items(v, &n);
	e->at.n = 0;
	e->at.v = arena_alloc(b->a, (n + 1) * sizeof(*e->at.v));
	for (i = 0; i < n; i++) {
		struct ref *r = &e->at.v[e->at.n];

		if (items[i].kind == YN_SCALAR &&
		    strcmp(items[i].u.str, "host") == 0) {
			r->text = items[i].u.str;
			r->pos = bld_pos(&items[i]);
			r->idx = 0;
			e->at.n++;
		} else if (bld_ref(b, &items[i], "at", NS_ORG, r))
			e->at.n++;
	}
}

static const struct keydef site_entry_keys[] = {
	{ KEY_FN("dates", entry_dates), .required = true },
	{ KEY_FN("at", entry_at), .required = true },
};

/*
 * closed or open: dates and ranges for every site, and {dates, at}
 * entries for some. Every closed range goes to closed_raw for
 * range-order; the plain ones to the plan-wide calendar.
 */
static void
cal_entries(struct bctx *b, const struct ynode *v, struct plan *p, bool open)
{
	const char *key = open ? "open" : "closed";
	const struct ynode *items;
	struct site_entry *se;
	uint32_t i, j, n, nmaps = 0, nspans = 0;
	struct span s;

	items = cal_items(v, &n);
	for (i = 0; i < n; i++)
		if (items[i].kind == YN_MAP) {
			const struct ynode *d = ynode_get(&items[i], "dates");

			nmaps++;
			nspans += d != NULL && d->kind == YN_SEQ ? d->n : 1;
		} else
			nspans++;
	se = arena_alloc(b->a, (p->nsite_entries + nmaps + 1) * sizeof(*se));
	if (p->nsite_entries > 0)
		memcpy(se, p->site_entries, p->nsite_entries * sizeof(*se));
	p->site_entries = se;
	if (open) {
		p->cal.nopen = 0;
		p->cal.open = arena_alloc(b->a, (n + 1) * sizeof(day_t));
	} else {
		p->nclosed_raw = 0;
		p->closed_raw = arena_alloc(b->a, (nspans + 1) *
		    sizeof(*p->closed_raw));
		p->closed_nodes = arena_alloc(b->a, (nspans + 1) *
		    sizeof(*p->closed_nodes));
		p->cal.nclosed = 0;
		p->cal.closed = arena_alloc(b->a, (n + 1) *
		    sizeof(*p->cal.closed));
	}
	for (i = 0; i < n; i++) {
		if (items[i].kind == YN_MAP) {
			se = &p->site_entries[p->nsite_entries++];
			memset(se, 0, sizeof(*se));
			se->open = open;
			se->node = &items[i];
			bld_map(b, &items[i], site_entry_keys,
			    NKEYS(site_entry_keys), se, open ?
			    "an open entry" : "a closed entry");
			for (j = 0; !open && j < se->nspans; j++) {
				p->closed_nodes[p->nclosed_raw] =
				    se->span_nodes[j];
				p->closed_raw[p->nclosed_raw++] = se->spans[j];
			}
			continue;
		}
		if (!bld_span(b, &items[i], key, open, &s))
			continue;
		if (open)
			p->cal.open[p->cal.nopen++] = s.from;
		else {
			p->closed_nodes[p->nclosed_raw] = &items[i];
			p->closed_raw[p->nclosed_raw++] = s;
			p->cal.closed[p->cal.nclosed++] = s;
		}
	}
}

static void
cal_closed(struct bctx *b, const struct ynode *v, void *o)
{
	cal_entries(b, v, o, false);
}

static void
cal_open(struct bctx *b, const struct ynode *v, void *o)
{
	cal_entries(b, v, o, true);
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

/* The plan-wide calendar, once every key is read: sorted and merged. */
static void
calendar_finish(struct bctx *b)
{
	cal_normalise(&b->p->cal);
}

/*
 * Days of workmaps the site calendars may have between them (about 29
 * bytes a day); the calendars past it answer from their dates, slower.
 */
#define SITECAL_WM_BUDGET	2000000

/* A new site calendar of the ncals calendars c, working when all do. */
static uint32_t
sitecal_add(struct bctx *b, struct avec *v, const struct calendar *const *c,
    uint32_t ncals)
{
	struct plan *p = b->p;
	struct sitecal *sc = avec_push(b->a, v, sizeof(*sc));
	int64_t days = p->has_wm ? (int64_t)p->wm.ndays : 0;

	memset(sc, 0, sizeof(*sc));
	sc->cals = c;
	sc->ncals = ncals;
	if (p->has_wm && (int64_t)(v->n - 1) * days <= SITECAL_WM_BUDGET) {
		workmap_init_all(&sc->wm, b->a, c, ncals, p->period);
		sc->has_wm = true;
	}
	return (uint32_t)v->n - 1;
}

/* The plan-wide calendar with a site's entries (indexes into site_entries). */
static const struct calendar *
site_calendar(struct bctx *b, const uint32_t *ent, uint32_t n)
{
	struct plan *p = b->p;
	struct calendar *c = arena_alloc(b->a, sizeof(*c));
	size_t nc = p->cal.nclosed, no = p->cal.nopen;
	uint32_t i, j;

	*c = p->cal;
	for (i = 0; i < n; i++)
		if (p->site_entries[ent[i]].open)
			no += p->site_entries[ent[i]].nspans;
		else
			nc += p->site_entries[ent[i]].nspans;
	c->closed = arena_alloc(b->a, (nc + 1) * sizeof(*c->closed));
	c->open = arena_alloc(b->a, (no + 1) * sizeof(*c->open));
	if (p->cal.nclosed > 0)
		memcpy(c->closed, p->cal.closed, p->cal.nclosed *
		    sizeof(*c->closed));
	if (p->cal.nopen > 0)
		memcpy(c->open, p->cal.open, p->cal.nopen * sizeof(*c->open));
	for (i = 0; i < n; i++) {
		const struct site_entry *e = &p->site_entries[ent[i]];

		for (j = 0; j < e->nspans; j++)
			if (e->open)
				c->open[c->nopen++] = e->spans[j].from;
			else
				c->closed[c->nclosed++] = e->spans[j];
	}
	cal_normalise(c);
	return c;
}

/* The calendars of the sites with entries of their own: org_cal. */
static void
site_calendars(struct bctx *b, struct avec *v)
{
	struct plan *p = b->p;
	uint32_t *count, *start, *ent, i, j, k, o, total = 0;
	const struct calendar **one;
	struct strmap seen;
	int32_t *slot;
	bool existed;

	count = arena_alloc(b->a, ((size_t)p->norgs + 1) * sizeof(*count));
	start = arena_alloc(b->a, ((size_t)p->norgs + 1) * sizeof(*start));
	for (i = 0; i < p->nsite_entries; i++)
		for (j = 0; j < p->site_entries[i].at.n; j++)
			if ((o = (uint32_t)p->site_entries[i].at.v[j].idx) <
			    p->norgs) {
				count[o]++;
				total++;
			}
	for (o = 0; o < p->norgs; o++)
		start[o + 1] = start[o] + count[o];
	ent = arena_alloc(b->a, ((size_t)total + 1) * sizeof(*ent));
	memset(count, 0, p->norgs * sizeof(*count));
	for (i = 0; i < p->nsite_entries; i++)
		for (j = 0; j < p->site_entries[i].at.n; j++)
			if ((o = (uint32_t)p->site_entries[i].at.v[j].idx) <
			    p->norgs && (count[o] == 0 ||
			    ent[start[o] + count[o] - 1] != i))
				ent[start[o] + count[o]++] = i;
	strmap_init(&seen, b->tmp);
	for (o = 0; o < p->norgs; o++) {
		if ((k = count[o]) == 0)
			continue;
		slot = strmap_put(&seen, (const char *)(ent + start[o]),
		    k * sizeof(*ent), &existed);
		if (!existed) {
			one = arena_alloc(b->a, sizeof(*one));
			one[0] = site_calendar(b, ent + start[o], k);
			*slot = (int32_t)sitecal_add(b, v, one, 1);
		}
		p->org_cal[o] = (uint32_t)*slot;
	}
}

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* What online_cal needs across calls. */
struct online {
	struct strmap	 seen;		/* sets of site calendars */
	uint32_t	*mark;		/* [site calendar]: stamp */
	uint32_t	*set;
	uint32_t	 stamp, nsite;
};

static void
online_add(const struct plan *p, struct online *ol, const struct reflist *l,
    uint32_t *n)
{
	uint32_t i, c;
	int32_t who, org;

	for (i = 0; l != NULL && i < l->n; i++) {
		if ((who = l->v[i].idx) < 0 || (uint32_t)who >= p->npeople)
			continue;
		org = p->people[who].has_org ? p->people[who].org.idx : 0;
		if (org < 0 || (uint32_t)org >= p->norgs)
			continue;
		c = p->org_cal[org];
		if (ol->mark[c] != ol->stamp) {
			ol->mark[c] = ol->stamp;
			ol->set[(*n)++] = c;
		}
	}
}

/*
 * An online series' calendar (§13): the days when every one of its
 * people's kindergartens works (the host for people without org, and
 * for a series without people).
 */
static uint32_t
online_cal(struct bctx *b, struct avec *v, struct online *ol,
    const struct reflist *l1, const struct reflist *l2)
{
	struct plan *p = b->p;
	const struct calendar **cals;
	const struct sitecal *sc;
	uint32_t i, n = 0, *key;
	int32_t *slot;
	bool existed;

	ol->stamp++;
	online_add(p, ol, l1, &n);
	online_add(p, ol, l2, &n);
	if (n == 0)
		return p->org_cal[0];
	if (n == 1)
		return ol->set[0];
	qsort(ol->set, n, sizeof(*ol->set), u32_cmp);
	key = arena_alloc(b->a, n * sizeof(*key));
	memcpy(key, ol->set, n * sizeof(*key));
	slot = strmap_put(&ol->seen, (const char *)key, n * sizeof(*key),
	    &existed);
	if (!existed) {
		cals = arena_alloc(b->a, n * sizeof(*cals));
		for (i = 0; i < n; i++) {
			sc = &((const struct sitecal *)v->v)[key[i]];
			cals[i] = sc->cals[0];
		}
		*slot = (int32_t)sitecal_add(b, v, cals, n);
	}
	return (uint32_t)*slot;
}

/*
 * The calendars per site (§13): the plan-wide one, one per distinct set
 * of site entries, one per distinct set of kindergartens of the people of
 * online series. Most plans have just the first.
 */
static void
build_site_calendars(struct bctx *b)
{
	struct plan *p = b->p;
	const struct calendar **wide;
	struct avec v = { 0 };
	struct online ol;
	struct sitecal *sc;
	uint32_t i, j;

	p->org_cal = arena_alloc(b->a, ((size_t)p->norgs + 1) *
	    sizeof(*p->org_cal));
	wide = arena_alloc(b->a, sizeof(*wide));
	wide[0] = &p->cal;
	sc = avec_push(b->a, &v, sizeof(*sc));
	memset(sc, 0, sizeof(*sc));
	sc->cals = wide;
	sc->ncals = 1;
	sc->has_wm = p->has_wm;
	sc->wm = p->wm;
	if (p->nsite_entries > 0)
		site_calendars(b, &v);
	memset(&ol, 0, sizeof(ol));
	strmap_init(&ol.seen, b->tmp);
	ol.nsite = (uint32_t)v.n;
	ol.mark = arena_alloc(b->a, ((size_t)ol.nsite + 1) * sizeof(*ol.mark));
	ol.set = arena_alloc(b->a, ((size_t)ol.nsite + 1) * sizeof(*ol.set));
	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			struct activity *a = &p->phases[i].acts[j];

			if (a->w.at == AT_ONLINE)
				a->w.cal = ol.nsite == 1 ? 0 : online_cal(b, &v,
				    &ol, &a->owners, &a->people);
		}
	for (i = 0; i < p->nmentorships; i++) {
		struct mentorship *m = &p->mentorships[i];
		struct reflist l1 = { &m->mentor, 1 }, l2 = { &m->apprentice, 1 };

		if (m->has_meet && m->meet.at == AT_ONLINE)
			m->meet.cal = ol.nsite == 1 ? 0 : online_cal(b, &v, &ol,
			    &l1, &l2);
	}
	p->sitecals = v.v;
	p->nsitecals = (uint32_t)v.n;
}

static void
plan_host(struct bctx *b, const struct ynode *v, void *o)
{
	struct plan *p = o;

	org_init(&p->orgs[0], v);
	if (v->kind == YN_SCALAR) {	/* just the name */
		p->orgs[0].name = v->u.str;
		p->orgs[0].name_node = v;
	} else
		bld_map(b, v, host_keys, NKEYS(host_keys), &p->orgs[0],
		    "'host'");
	org_done(&p->orgs[0]);
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

static const char *const author_words[] = {	/* enum author */
	"host|帮扶园", "partner|受援园|结对园", NULL
};

static const char *const plan_kind_words[] = {	/* enum plan_kind */
	"pairing|结对帮扶", "mentorship|师徒结对", "aid|资助",
	"responsibility|挂点包村", "programme|行动计划", NULL
};

static const struct keydef plan_keys[] = {
	{ KEY("title", KT_TEXT, P, title), .required = true },
	{ KEY_FN("host", plan_host), .required = true },
	{ KEY("period", KT_SPAN, P, period), .required = true,
	    .node = KEYOFF(P, period_node), .has = KEYOFF(P, has_period) },
	{ KEY_FN("lang", plan_lang) },
	{ KEY("guiding", KT_TEXT, P, guiding) },
	{ KEY("goals", KT_TEXTS, P, goals), .aux = KEYOFF(P, ngoals) },
	{ KEY("kind", KT_CHOICE, P, kind), .width = 1,
	    .words = plan_kind_words, .node = KEYOFF(P, kind_node) },
	{ KEY("author", KT_CHOICE, P, author), .width = 1,
	    .words = author_words, .node = KEYOFF(P, author_node) },
	{ KEY("writer", KT_REF, P, writer), .ns = NS_PARTNER,
	    .has = KEYOFF(P, has_writer) },
	{ KEY("issuer", KT_TEXT, P, issuer) },
	{ KEY("preamble", KT_TEXT, P, preamble) },
	{ KEY("closing", KT_TEXT, P, closing) },
	{ KEY("confirm", KT_TEXTS, P, confirm), .aux = KEYOFF(P, nconfirm) },
	{ KEY_INT("pairings-per-person", P, pairings_per_person, 1, 1000),
	    .node = KEYOFF(P, pairings_per_person_node) },
};
#undef P

/* ---- sections, pairings, aid --------------------------------------- */

static const char *const place_words[] = {	/* enum place */
	"after-phases", "before-goals", "before-phases", NULL
};

/* Numbered sub-sections (（一）...): one level deep, no place of their own. */
#define S struct section
static const struct keydef subsection_keys[] = {
	{ KEY("title", KT_TEXT, S, title), .required = true },
	{ KEY("text", KT_TEXT, S, text) },
	{ KEY("items", KT_TEXTS, S, items), .aux = KEYOFF(S, nitems) },
};

static const struct listdef subsection_list = {
	sizeof(struct section), KEYOFF(struct section, node), subsection_keys,
	NKEYS(subsection_keys), "a sub-section", NULL, NULL
};

static const struct keydef section_keys[] = {
	{ KEY("title", KT_TEXT, S, title), .required = true },
	{ KEY("text", KT_TEXT, S, text) },
	{ KEY("items", KT_TEXTS, S, items), .aux = KEYOFF(S, nitems) },
	{ KEY("place", KT_CHOICE, S, place), .width = 1,
	    .words = place_words },
	{ KEY_LIST("sections", S, subs, nsubs, &subsection_list) },
};
#undef S

static const struct listdef section_list = {
	sizeof(struct section), KEYOFF(struct section, node), section_keys,
	NKEYS(section_keys), "a section", NULL, NULL
};


#define V struct pairing
static const struct keydef pairing_keys[] = {
	{ KEY("person", KT_REF, V, person), .required = true,
	    .ns = NS_PERSON },
	{ KEY("partner", KT_REF, V, partner), .required = true,
	    .ns = NS_PARTNER },
	{ KEY("role", KT_TEXT, V, role) },
	{ KEY_INT("visits", V, visits, 0, 100000) },
	{ KEY("per", KT_CHOICE, V, per), .width = sizeof(enum per),
	    .words = per_words },
	{ KEY_INT("days", V, days, 0, 100000) },
};
#undef V

static void
pairing_init(struct bctx *b, void *o, uint32_t i)
{
	struct pairing *x = o;

	x->id = arena_printf(b->a, "v%u", i + 1);
	x->visits = x->days = -1;
	x->person.idx = x->partner.idx = REF_UNKNOWN;
}

static const struct listdef pairing_list = {
	sizeof(struct pairing), KEYOFF(struct pairing, node), pairing_keys,
	NKEYS(pairing_keys), "a pairing", pairing_init, NULL
};

#define D struct aid_standard
static const struct keydef standard_keys[] = {
	{ KEY("category", KT_TEXT, D, category), .required = true },
	{ KEY("amount", KT_NUM, D, amount), .required = true,
	    .node = KEYOFF(D, amount_node) },
	{ KEY("per", KT_CHOICE, D, per), .width = sizeof(enum per),
	    .words = per_words },
	{ KEY_INT("children", D, children, 0, INT32_MAX) },
	{ KEY("proofs", KT_TEXTS, D, proofs), .aux = KEYOFF(D, nproofs) },
	{ KEY("amount-at-least", KT_BOOL, D, amount_at_least) },
};
#undef D

static void
standard_init(struct bctx *b, void *o, uint32_t i)
{
	(void)b, (void)i;
	((struct aid_standard *)o)->children = -1;
}

static const struct listdef standard_list = {
	sizeof(struct aid_standard), KEYOFF(struct aid_standard, node),
	standard_keys, NKEYS(standard_keys), "an aid standard", standard_init,
	NULL
};

#define X struct aid
static const struct keydef aid_keys[] = {
	{ KEY_LIST("standards", X, standards, nstandards, &standard_list) },
	{ KEY("budget", KT_NUM, X, budget), .node = KEYOFF(X, budget_node),
	    .has = KEYOFF(X, has_budget) },
	{ KEY_INT("publicity-days", X, publicity_days, 0, 1000) },
};
#undef X

static void
build_aid(struct bctx *b, const struct ynode *v, void *unused)
{
	struct plan *p = b->p;

	(void)unused;
	p->has_aid = true;
	p->aid.node = v;
	bld_map(b, v, aid_keys, NKEYS(aid_keys), &p->aid, "'aid'");
}

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
#define P struct plan
static const struct keydef top_keys[] = {
	{ KEY_FN("pairplan", build_version), .required = true, .pass = 2 },
	{ KEY_FN("plan", build_plan), .required = true, .pass = 0 },
	{ KEY_FN("partners", build_partners), .pass = 0 },
	{ KEY_FN("people", build_people), .pass = 1 },
	{ KEY_FN("leadership", build_leadership), .pass = 2 },
	{ KEY_LIST("phases", P, phases, nphases, &phase_list), .pass = 2 },
	{ KEY_LIST("mentorships", P, mentorships, nmentorships,
	    &mentorship_list), .pass = 2 },
	{ KEY_LIST("targets", P, targets, ntargets, &target_list),
	    .pass = 2 },
	{ KEY_LIST("quotas", P, quotas, nquotas, &quota_list), .pass = 2 },
	{ KEY_FN("calendar", build_calendar), .pass = 2 },
	{ KEY_LIST("sections", P, sections, nsections, &section_list),
	    .pass = 2 },
	{ KEY_LIST("pairings", P, pairings, npairings, &pairing_list),
	    .pass = 2 },
	{ KEY_FN("aid", build_aid), .pass = 2 },
};
#undef P

/* ---- defaults and references --------------------------------------- */

static void
note_dup(struct bctx *b, struct pos second, struct pos first,
    const char *what, const char *id)
{
	struct dup_id *d = avec_push(b->tmp, &b->dups, sizeof(*d));

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
		firsts[i] = p->orgs[i].key_pos;
	/* at full size at once: grown by doubling, a big plan's were
	   rehashed and rewritten eighteen times */
	strmap_reserve(&b->oid, p->norgs);
	strmap_reserve(&b->oname, p->norgs);
	for (i = 0; i < p->norgs; i++)
		index_entry(b, &b->oid, &b->oname, p->orgs[i].id, firsts[i],
		    p->orgs[i].name, (int32_t)i, firsts,
		    i == 0 ? "organisation" : "partner");
	/* Without id or name (a required error): named by place in rules. */
	for (i = 1; i < p->norgs; i++)
		if (p->orgs[i].id == NULL)
			p->orgs[i].id = arena_printf(b->a, "partner %u", i);
}

/*
 * Whether the people were indexed as they streamed (early_person): the
 * plan's people are the one list streamed, every person of it indexed.
 * Else index_people makes pid and pname, and the early indexes go.
 */
static bool
early_people(struct bctx *b)
{
	const struct plan *p = b->p;

	if (b->early_used && !b->early_off && b->early_n == p->npeople)
		return true;
	strindex_release(&b->early_id);
	strindex_release(&b->early_name);
	strmap_release(&b->early_twice);
	return false;
}

static void
index_people(struct bctx *b)
{
	struct plan *p = b->p;
	struct pos *firsts;
	const uint32_t *dup;
	uint32_t i;

	if ((b->early_ok = early_people(b))) {
		for (i = 0; i < p->npeople; i++)
			if (p->people[i].id == NULL)
				p->people[i].id = p->people[i].name;
		dup = b->early_dups.v;
		for (i = 0; i < b->early_dups.n; i++)
			note_dup(b, p->people[dup[2 * i]].id_pos,
			    p->people[dup[2 * i + 1]].id_pos, "person",
			    p->people[dup[2 * i]].id);
		goto unnamed;
	}
	firsts = arena_alloc(b->a, (p->npeople + 1) * sizeof(*firsts));
	strmap_reserve(&b->pid, p->npeople);
	strmap_reserve(&b->pname, p->npeople);
	for (i = 0; i < p->npeople; i++) {
		if (p->people[i].id == NULL)
			p->people[i].id = p->people[i].name;
		firsts[i] = p->people[i].id_pos;
	}
	for (i = 0; i < p->npeople; i++)
		index_entry(b, &b->pid, &b->pname, p->people[i].id, firsts[i],
		    p->people[i].name, (int32_t)i, firsts, "person");
unnamed:
	for (i = 0; i < p->npeople; i++)
		if (p->people[i].id == NULL)
			p->people[i].id = arena_printf(b->a, "person %u",
			    i + 1);
}

/*
 * A pairing plan has dated steps (§3), unless its work is written as
 * undated sections or one-to-one pairings (§10: seeds 第八、二十一篇);
 * the other kinds need none.
 */
static void
need_phases(struct bctx *b, const struct ynode *root)
{
	const struct plan *p = b->p;
	const struct ynode *v = root->kind == YN_MAP ?
	    ynode_get(root, "phases") : NULL;

	if (p->kind != PK_PAIRING || p->nphases > 0 || p->nsections > 0 ||
	    p->npairings > 0 || root->kind != YN_MAP)
		return;
	if (v == NULL)
		bld_diag(b, root, R_REQUIRED, "the plan file has no 'phases': a "
		    "pairing plan needs at least one phase (实施步骤), or "
		    "sections that say its work");
	else if (v->kind == YN_NULL || (v->kind == YN_SEQ && v->n == 0))
		bld_diag(b, v, R_REQUIRED, "'phases' is empty: a pairing plan "
		    "needs at least one phase (实施步骤), or sections that say "
		    "its work");
}

/* Where an activity's id is written, or the activity when it is not. */
static struct pos
id_pos_of(const struct activity *a)
{
	return a->where->id_pos.line ? a->where->id_pos : a->where->pos;
}

/* The i-th activity's id, for b->actid. */
static const char *
act_id(const void *ctx, uint32_t i)
{
	const struct plan *p = ctx;

	return p->acts[i]->id;
}

/*
 * Phase and activity ids must be unique too. The activities, in phase
 * order, are plan->acts from here on; their index, each id to the first
 * activity that has it, is the one `after` looks ids up in.
 */
static void
index_ids(struct bctx *b)
{
	struct plan *p = b->p;
	struct strmap phid;
	struct pos *pf;
	uint32_t i, j, n = 0;
	int32_t first;

	strmap_init(&phid, b->tmp);
	pf = arena_alloc(b->tmp, (p->nphases + 1) * sizeof(*pf));
	for (i = 0; i < p->nphases; i++) {
		pf[i] = bld_pos(p->phases[i].id_node ? p->phases[i].id_node :
		    p->phases[i].node);
		index_entry(b, &phid, NULL, p->phases[i].id, pf[i], NULL,
		    (int32_t)i, pf, "phase");
		n += p->phases[i].nacts;
	}
	p->acts = arena_alloc(b->a, ((size_t)n + 1) * sizeof(*p->acts));
	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++)
			p->acts[p->nacts++] = &p->phases[i].acts[j];
	strindex_init(&b->actid, b->tmp, n, act_id, p);
	for (i = 0; i < n; i++)
		if ((first = strindex_add(&b->actid, i)) >= 0)
			note_dup(b, id_pos_of(p->acts[i]),
			    id_pos_of(p->acts[first]), "activity",
			    p->acts[i]->id);
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
				a->id = default_act_id(b->a, ph->id, a->order);
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
	for (i = 0; i < p->npairings; i++) {
		struct pairing *x = &p->pairings[i];

		/* N visits in each period of the plan, at that partner. */
		x->window = p->period;
		when_init(&x->w);
		x->w.window = p->period;
		x->w.every = x->per == PER_YEAR ? EV_YEAR :
		    x->per == PER_SEMESTER ? EV_SEMESTER : EV_MONTHS;
		x->w.times = x->visits > 0 ? (uint32_t)x->visits : 0;
		x->w.at = AT_ORG;
		x->w.at_org = &x->partner;
	}
	if (p->has_aid && p->aid.node != NULL &&
	    ynode_get(p->aid.node, "publicity-days") == NULL)
		p->aid.publicity_days = 5;
	if (p->lang == NULL)
		p->lang = "zh";
	if (p->title == NULL)
		p->title = "";
}

/* ---- streaming and the whole build -------------------------------- */

struct plan_builder {
	struct bctx	 b;
};

/*
 * The block of a streamed list of n items of size sz with room for one
 * more: it grows by half, owned by the arena, as a big plan streams
 * hundreds of thousands.
 */
static void *
stream_room(struct bctx *b, void *v, uint32_t n, uint32_t *cap, size_t sz)
{
	if (n < *cap)
		return v;
	if (*cap > UINT32_MAX / 4)
		arena_oom();
	*cap = *cap ? *cap + *cap / 2 : 16;
	return arena_realloc_owned(b->a, v, (size_t)*cap * sz);
}

/* An activity read while the file loads: built now, its subtree dropped. */
static void *
stream_activity(void *ctx, void *list, const struct ynode *item)
{
	struct bctx *b = ctx;
	struct actlist *l = list;
	struct activity *a;

	if (l == NULL)
		l = arena_alloc(b->a, sizeof(*l));
	l->v = stream_room(b, l->v, l->n, &l->cap, sizeof(*l->v));
	a = &l->v[l->n++];
	memset(a, 0, sizeof(*a));
	build_activity(b, a, item, l->n);
	return l;
}

/* What the early indexes hold of the person at place i of the list ctx. */
static const char *
early_id_of(const void *ctx, uint32_t i)
{
	const struct person *x = &((const struct personlist *)ctx)->v[i];

	return x->id != NULL ? x->id : x->name;
}

static const char *
early_name_of(const void *ctx, uint32_t i)
{
	return ((const struct personlist *)ctx)->v[i].name;
}

/*
 * The person just streamed into l, indexed as index_people would: the
 * loader's thread waits for libyaml most of the time, and a plan of half
 * a million people would spend a tenth of a second on it after the load.
 * Only the first list streamed; repeated ids are kept to be noted then,
 * in index_people's place in the order of things.
 */
static void
early_person(struct bctx *b, const struct personlist *l)
{
	const struct person *x = &l->v[l->n - 1];
	uint32_t *dup, i = l->n - 1;
	int32_t first;
	bool existed;

	if (b->early == NULL) {
		b->early = l;
		strindex_init(&b->early_id, b->tmp, 0, early_id_of, l);
		strindex_init(&b->early_name, b->tmp, 0, early_name_of, l);
		strmap_init(&b->early_twice, b->tmp);
	}
	if (b->early != l || b->early_n != i || b->early_off) {
		b->early_off = true;
		return;
	}
	b->early_n++;
	if ((x->id != NULL || x->name != NULL) &&
	    (first = strindex_add(&b->early_id, i)) >= 0) {
		dup = avec_push(b->tmp, &b->early_dups, 2 * sizeof(*dup));
		dup[0] = i;
		dup[1] = (uint32_t)first;
	}
	if (x->name != NULL && strindex_add(&b->early_name, i) >= 0)
		*strmap_put(&b->early_twice, x->name, strlen(x->name),
		    &existed) = 0;
}

/* A person read while the file loads: built now, its subtree dropped. */
static void *
stream_person(struct bctx *b, struct personlist *l, const struct ynode *item)
{
	struct person *x;

	if (l == NULL)
		l = arena_alloc(b->a, sizeof(*l));
	l->v = stream_room(b, l->v, l->n, &l->cap, sizeof(*l->v));
	x = &l->v[l->n++];
	memset(x, 0, sizeof(*x));
	x->node = item;
	bld_map(b, item, person_keys, NKEYS(person_keys), x, "a person");
	person_done(b, x);
	early_person(b, l);
	return l;
}

/*
 * A partner read while the file loads: built now, its subtree dropped.
 * The list's first place waits for the host (build_partners).
 */
static void *
stream_partner(struct bctx *b, struct orglist *l, const struct ynode *item)
{
	struct org *g;

	if (l == NULL) {
		l = arena_alloc(b->a, sizeof(*l));
		l->v = stream_room(b, l->v, l->n, &l->cap, sizeof(*l->v));
		memset(&l->v[l->n++], 0, sizeof(*l->v));
	}
	l->v = stream_room(b, l->v, l->n, &l->cap, sizeof(*l->v));
	g = &l->v[l->n++];
	memset(g, 0, sizeof(*g));
	org_init(g, item);
	bld_map(b, item, partner_keys, NKEYS(partner_keys), g, "a partner");
	partner_done(g);
	return l;
}

/* What the loader streams, in enum bld_stream order. */
static const char *const activity_path[] = { "phases", "activities", NULL };
static const char *const people_path[] = { "people", NULL };
static const char *const partners_path[] = { "partners", NULL };
static const char *const *const stream_paths[] = { activity_path,
    people_path, partners_path, NULL };

static void *
stream_item(void *ctx, int path, void *list, const struct ynode *item)
{
	switch (path) {
	case STREAM_ACTIVITIES:
		return stream_activity(ctx, list, item);
	case STREAM_PEOPLE:
		return stream_person(ctx, list, item);
	default:
		return stream_partner(ctx, list, item);
	}
}

struct plan_builder *
plan_builder_init(struct arena *a, struct arena *tmp, struct diags *d)
{
	struct plan_builder *pb = arena_alloc(tmp, sizeof(*pb));

	pb->b.a = a;
	pb->b.tmp = tmp;
	pb->b.d = d;
	strmap_init(&pb->b.pid, tmp);
	strmap_init(&pb->b.pname, tmp);
	strmap_init(&pb->b.oid, tmp);
	strmap_init(&pb->b.oname, tmp);
	return pb;
}

void
plan_builder_stream(struct plan_builder *pb, struct yload_opts *o,
    struct arena *scratch)
{
	o->stream_paths = stream_paths;
	o->stream = stream_item;
	o->stream_ctx = &pb->b;
	o->scratch = scratch;
	pb->b.holidays = o->holidays;
}

/*
 * References of activities read before the people they name, or found
 * with an early index that index_people did not keep.
 */
static void
resolve_pending(struct bctx *b)
{
	struct plan *p = b->p;
	uint32_t i, j, k;
	bool redo = b->early_refs && !b->early_ok;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			struct activity *a = &p->phases[i].acts[j];

			for (k = 0; k < a->owners.n; k++)
				if (a->owners.v[k].idx == REF_PENDING ||
				    (redo && a->owners.v[k].idx >= 0))
					bld_resolve(b, &a->owners.v[k],
					    NS_PERSON);
			for (k = 0; k < a->people.n; k++)
				if (a->people.v[k].idx == REF_PENDING ||
				    (redo && a->people.v[k].idx >= 0))
					bld_resolve(b, &a->people.v[k],
					    NS_PERSON);
			for (k = 0; k < a->partners.n; k++)
				if (a->partners.v[k].idx == REF_PENDING)
					bld_resolve(b, &a->partners.v[k],
					    NS_PARTNER);
			if (a->w.at == AT_ORG && a->w.at_org != NULL &&
			    a->w.at_org->idx == REF_PENDING)
				bld_resolve(b, a->w.at_org, NS_ORG);
		}
	if (p->has_writer && p->writer.idx == REF_PENDING)
		bld_resolve(b, &p->writer, NS_PARTNER);
	for (i = 1; i < p->norgs; i++)
		if (p->orgs[i].has_village &&
		    p->orgs[i].village.idx == REF_PENDING)
			bld_resolve(b, &p->orgs[i].village, NS_PARTNER);
}

/*
 * The activities (plan->acts, made by index_ids), indexed by title too
 * for `after`, whose references are resolved then.
 */
static void
index_activities(struct bctx *b)
{
	struct plan *p = b->p;
	uint32_t i, k;
	int32_t *slot;
	bool existed, after = false;

	for (i = 0; i < p->nacts; i++)
		after |= p->acts[i]->after.n > 0;
	b->acts_ready = true;
	/*
	 * b->actid is index_ids'. Titles are looked up only by `after`: a
	 * plan without it (most, and the big ones) needs no map of them.
	 */
	strmap_init(&b->acttitle, b->tmp);
	if (!after)
		return;
	for (i = 0; i < p->nacts; i++) {
		const struct activity *a = p->acts[i];

		if (a->title[0] != '\0') {
			slot = strmap_put(&b->acttitle, a->title,
			    strlen(a->title), &existed);
			*slot = existed ? REF_AMBIGUOUS : (int32_t)i;
		}
	}
	for (i = 0; i < p->nacts; i++)
		for (k = 0; k < p->acts[i]->after.n; k++)
			if (p->acts[i]->after.v[k].idx == REF_PENDING)
				bld_resolve(b, &p->acts[i]->after.v[k],
				    NS_ACTIVITY);
}

/*
 * One `at` as fix_sides reads it; own is the writer as an org (at_org),
 * or NULL when there is none.
 */
static void
fix_side(const struct plan *p, struct when *w, struct ref *own)
{
	if (w->at == AT_OWN && p->author == AUTHOR_PARTNER && own != NULL) {
		w->at = AT_ORG;
		w->at_org = own;
	} else if (w->at == AT_OWN)
		w->at = AT_HOST;
	else if (w->at == AT_OTHER)
		w->at = p->author == AUTHOR_PARTNER ? AT_HOST : AT_PARTNER;
}

/*
 * 本园 and 结对园 read from the writer's side (§10): with author: host,
 * the host and the partners; with author: partner, the writer and the
 * host. The writer is the only partner when not named.
 */
static void
fix_sides(struct bctx *b)
{
	struct plan *p = b->p;
	struct ref *own = NULL;
	int32_t writer = -1;
	uint32_t i;

	if (p->author == AUTHOR_PARTNER) {
		if (p->has_writer)
			writer = p->writer.idx;
		else if (p->norgs == 2)
			writer = 1;
		else if (p->author_node != NULL)
			bld_diag(b, p->author_node, R_REQUIRED, "'author: "
			    "partner' needs 'writer': the plan has %u partners",
			    p->norgs - 1);
	}
	if (writer > 0) {	/* one reference, for every 本园 */
		own = arena_alloc_align(b->a, sizeof(*own),
		    _Alignof(struct ref));
		own->idx = writer;
		own->text = p->orgs[writer].id;
	}
	for (i = 0; i < p->nacts; i++)
		fix_side(p, &p->acts[i]->w, own);
	for (i = 0; i < p->nmentorships; i++)
		fix_side(p, &p->mentorships[i].meet, own);
}

struct plan *
plan_build(const struct ynode *root, struct arena *a, struct diags *d)
{
	return plan_builder_build(plan_builder_init(a, a, d), root);
}

struct plan *
plan_builder_build(struct plan_builder *pb, const struct ynode *root)
{
	struct bctx *bp = &pb->b;
	struct arena *a = bp->a;
	struct diags *d = bp->d;
	struct plan *p;

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
	org_done(&p->orgs[0]);
	cal_init(&p->cal);
	p->pairings_per_person = -1;
	p->aid.publicity_days = 5;
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
	calendar_finish(&b);
	fill_defaults(&b);
	index_ids(&b);
	index_activities(&b);
	fix_sides(&b);
	if (p->norgs < 2 && (p->kind == PK_PAIRING ||
	    p->kind == PK_RESPONSIBILITY))
		bld_diag(&b, p->partners_node != NULL ? p->partners_node : root,
		    R_REQUIRED, p->partners_node != NULL ? "'partners' is "
		    "empty: a %s plan needs at least one partner" :
		    "the plan file has no 'partners': a %s plan needs at "
		    "least one partner", p->kind == PK_PAIRING ? "pairing" :
		    "responsibility");
	need_phases(&b, root);
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
	build_site_calendars(&b);
	/* The plan keeps indexes, not these maps: a big plan's are megabytes. */
	strmap_release(&b.pid);
	strmap_release(&b.pname);
	strindex_release(&b.early_id);
	strindex_release(&b.early_name);
	strmap_release(&b.early_twice);
	strmap_release(&b.oid);
	strmap_release(&b.oname);
	strindex_release(&b.actid);
	strmap_release(&b.acttitle);
	return p;
#undef b
}
