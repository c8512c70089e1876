/* render_doc.c - the plan as the document a kindergarten files: sections, numbering and dates shared by md and html. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "l10n.h"
#include "plan.h"
#include "render_doc.h"
#include "render_util.h"
#include "sbuf.h"
#include "sched.h"

/* ---- the document ---------------------------------------------------- */

/*
 * Parts of the document that the export makes from data. A section of
 * the plan whose title is a part's title holds that part: the part is
 * written after the section's text and items, not in a section of its
 * own.
 */
enum part { PART_AID, PART_PAIRINGS, PART_TARGETS, PART_QUOTAS, PART__COUNT };

#define NONE	SIZE_MAX

struct doc {
	const struct doc_ops	*o;
	void			*ctx;
	const struct plan	*p;
	const struct schedule	*s;
	bool			 en;
	struct sbuf		 b;		/* the text being built */
	unsigned		 sections;	/* numbered so far */
	int32_t			 writer;	/* author: partner, else -1 */
	unsigned		 types;		/* partners' org types, bit mask */
	int64_t			 part_at[PART__COUNT]; /* section, or -1 */
	/* Events and unplaced occurrences of series i, in schedule order. */
	size_t			*ev, *ev_start, *un, *un_start;
	/* The series of activity i (plan->acts) and mentorship i. */
	size_t			*act_first, *act_last, *ment_first, *ment_last;
	size_t			*pair_series;	/* of pairing i, or NONE */
	/* Activities by phase in `after` order: phase i is [ph_start[i], ...). */
	uint32_t		*by_phase, *ph_start;
	uint32_t		*phase_off;	/* index of a phase's first act */
};

/* zh or en. */
#define L(d, zh, english)	((d)->en ? (english) : (zh))

static const char *const per_zh[] = { "年", "学期", "月" };
static const char *const per_en[] = { "year", "semester", "month" };
static const char *const type_zh[] = { "幼儿园", "村", "户", "单位" };
static const char *const type_en[] = { "kindergarten", "village",
    "household", "unit" };

/* Hands the text built in d->b to the backend and empties it. */
static void
flush(struct doc *d)
{
	d->o->text(d->ctx, d->b.p != NULL ? d->b.p : "");
	sbuf_clear(&d->b);
}

/* A table cell holding the text built. */
static void
cell(struct doc *d)
{
	d->o->cell(d->ctx, d->b.p != NULL ? d->b.p : "");
	sbuf_clear(&d->b);
}

static size_t
series_index(const struct doc *d, const struct sched_series *sr)
{
	return (size_t)(sr - d->s->series);
}

/* Groups what n items of size sz point at (their series) by series. */
static void
index_by_series(struct doc *d, const void *v, size_t n, size_t sz,
    size_t **idxp, size_t **startp)
{
	size_t ns = d->s->nseries, *idx, *start, i, k;
	const struct sched_series *sr;

	if ((start = calloc(ns + 2, sizeof(*start))) == NULL ||
	    (idx = calloc(n + 1, sizeof(*idx))) == NULL)
		arena_oom();
	for (i = 0; i < n; i++) {
		/* Each item starts with its series pointer. */
		memcpy(&sr, (const char *)v + i * sz, sizeof(sr));
		start[series_index(d, sr) + 2]++;
	}
	for (k = 2; k < ns + 2; k++)
		start[k] += start[k - 1];
	for (i = 0; i < n; i++) {
		memcpy(&sr, (const char *)v + i * sz, sizeof(sr));
		idx[start[series_index(d, sr) + 1]++] = i;
	}
	*idxp = idx;
	*startp = start;	/* series i: [start[i], start[i + 1]) */
}

static void *
xcalloc(size_t n, size_t sz)
{
	void *v = calloc(n + 1, sz);

	if (v == NULL)
		arena_oom();
	return v;
}

/* The index of an activity in plan->acts. */
static uint32_t
act_index(const struct doc *d, const struct activity *a)
{
	return d->phase_off[a->phase] +
	    (uint32_t)(a - d->p->phases[a->phase].acts);
}

/*
 * The pairing whose visits a series is, or NONE: a series that is
 * neither an activity's nor a mentorship's, under the id of a pairing
 * (v1, v2, ... by position).
 */
static size_t
pairing_of(const struct plan *p, const struct sched_series *sr)
{
	const char *s = sched_activity(sr);
	uint64_t n = 0;

	if (s == NULL || s[0] != 'v' || s[1] < '1' || s[1] > '9')
		return NONE;
	for (s++; *s >= '0' && *s <= '9' && n <= UINT32_MAX; s++)
		n = n * 10 + (uint64_t)(*s - '0');
	if (*s != '\0' || n == 0 || n > p->npairings ||
	    p->pairings[n - 1].id == NULL ||
	    strcmp(p->pairings[n - 1].id, sched_activity(sr)) != 0)
		return NONE;
	return (size_t)(n - 1);
}

/* The series of each activity, mentorship and pairing of the plan. */
static void
index_series(struct doc *d)
{
	const struct plan *p = d->p;
	const struct sched_series *sr;
	size_t i, k, n;

	d->act_first = xcalloc(p->nacts, sizeof(size_t));
	d->act_last = xcalloc(p->nacts, sizeof(size_t));
	d->ment_first = xcalloc(p->nmentorships, sizeof(size_t));
	d->ment_last = xcalloc(p->nmentorships, sizeof(size_t));
	d->pair_series = xcalloc(p->npairings, sizeof(size_t));
	for (i = 0; i < p->npairings; i++)
		d->pair_series[i] = NONE;
	for (i = 0; i < p->nacts; i++)
		d->act_first[i] = d->act_last[i] = NONE;
	for (i = 0; i < p->nmentorships; i++)
		d->ment_first[i] = d->ment_last[i] = NONE;
	for (i = 0; i < d->s->nseries; i++) {
		sr = &d->s->series[i];
		if (rs_plan(d->s, sr) != p)
			continue;
		if (sched_act(sr) != NULL) {
			k = act_index(d, sched_act(sr));
			if (k >= p->nacts)
				continue;
			if (d->act_first[k] == NONE)
				d->act_first[k] = i;
			d->act_last[k] = i + 1;
		} else if (sched_ment(sr) != NULL) {
			n = (size_t)(sched_ment(sr) - p->mentorships);
			if (n >= p->nmentorships)
				continue;
			if (d->ment_first[n] == NONE)
				d->ment_first[n] = i;
			d->ment_last[n] = i + 1;
		} else if ((n = pairing_of(p, sr)) != NONE)
			d->pair_series[n] = i;
	}
}

/*
 * The activities of each phase in `after` order: file order, except that
 * an activity comes after every activity it follows (those are pulled
 * forward, depth first). A cycle is an error of the plan, never
 * exported; here it only stops the walk.
 */
static void
order_activities(struct doc *d)
{
	const struct plan *p = d->p;
	uint32_t i, k, sp, n = 0, *stack, *next, *order, *fill;
	uint8_t *state;
	const struct activity *a;
	int32_t r;

	d->phase_off = xcalloc(p->nphases, sizeof(uint32_t));
	for (i = 0, k = 0; i < p->nphases; i++) {
		d->phase_off[i] = k;
		k += p->phases[i].nacts;
	}
	state = xcalloc(p->nacts, 1);
	stack = xcalloc(p->nacts, sizeof(uint32_t));
	next = xcalloc(p->nacts, sizeof(uint32_t));
	order = xcalloc(p->nacts, sizeof(uint32_t));
	for (i = 0; i < p->nacts; i++) {
		if (state[i] != 0)
			continue;
		state[i] = 1;
		stack[0] = i;
		next[0] = 0;
		sp = 1;
		while (sp > 0) {
			a = p->acts[stack[sp - 1]];
			if (next[sp - 1] < a->after.n) {
				r = a->after.v[next[sp - 1]++].idx;
				if (r >= 0 && (uint32_t)r < p->nacts &&
				    state[r] == 0) {
					state[r] = 1;
					stack[sp] = (uint32_t)r;
					next[sp++] = 0;
				}
				continue;
			}
			state[stack[sp - 1]] = 2;
			order[n++] = stack[--sp];
		}
	}
	/* By phase, keeping that order. */
	d->ph_start = xcalloc(p->nphases + 1, sizeof(uint32_t));
	d->by_phase = xcalloc(p->nacts, sizeof(uint32_t));
	fill = xcalloc(p->nphases, sizeof(uint32_t));
	for (i = 0; i < p->nphases; i++)
		d->ph_start[i + 1] = d->ph_start[i] + p->phases[i].nacts;
	for (i = 0; i < n; i++) {
		a = p->acts[order[i]];
		if (a->phase < p->nphases)
			d->by_phase[d->ph_start[a->phase] +
			    fill[a->phase]++] = order[i];
	}
	free(fill);
	free(state);
	free(stack);
	free(next);
	free(order);
}

static const char *
person_name(const struct person *pe)
{
	return pe->name != NULL ? pe->name : pe->id;
}

static const char *
org_name(const struct plan *p, int32_t i)
{
	return rs_site_name(p, i);
}

/* Are all partners kindergartens? */
static bool
kindergartens(const struct doc *d)
{
	return (d->types & ~(1u << ORG_KINDERGARTEN)) == 0;
}

/* What the partners are called: 结对园, or 帮扶对象 when not kindergartens. */
static const char *
partner_word(const struct doc *d)
{
	return kindergartens(d) ? "结对园" : "帮扶对象";
}

/* Names of the people a reference list points at, joined. */
static void
ref_names(struct doc *d, const struct reflist *l)
{
	const char *sep = L(d, "、", ", ");
	uint32_t i, n = 0;
	int32_t k;

	for (i = 0; i < l->n; i++) {
		k = l->v[i].idx;
		if (k < 0 || (uint32_t)k >= d->p->npeople)
			continue;
		if (n++ > 0)
			sbuf_puts(&d->b, sep);
		sbuf_puts(&d->b, person_name(&d->p->people[k]));
	}
}

static uint32_t
ref_count(const struct doc *d, const struct reflist *l)
{
	uint32_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (l->v[i].idx >= 0 && (uint32_t)l->v[i].idx < d->p->npeople)
			n++;
	return n;
}

/*
 * Post of a person: role, after the kindergarten when it is not the
 * writer's (the host's, or the partner's that writes the plan).
 */
static void
person_post(struct doc *d, const struct person *pe)
{
	int32_t org = pe->has_org ? pe->org.idx : 0,
	    home = d->writer > 0 ? d->writer : 0;
	bool other = org != home && org >= 0 && (uint32_t)org < d->p->norgs;

	if (other) {
		sbuf_puts(&d->b, org_name(d->p, org));
		if (pe->role != NULL)
			sbuf_puts(&d->b, d->en ? ", " : "");
	}
	if (pe->role != NULL)
		sbuf_puts(&d->b, pe->role);
}

/* Does a person have a post to show: a role, or another kindergarten? */
static bool
has_post(const struct doc *d, const struct person *pe)
{
	int32_t org = pe->has_org ? pe->org.idx : 0,
	    home = d->writer > 0 ? d->writer : 0;

	return pe->role != NULL || (org != home && org >= 0 &&
	    (uint32_t)org < d->p->norgs);
}

/*
 * Name (post), or the name alone; a role that only repeats what the
 * text says (师傅 of a mentor) is left out.
 */
static void
person_desc(struct doc *d, int32_t k, const char *said)
{
	const struct person *pe;

	if (k < 0 || (uint32_t)k >= d->p->npeople)
		return;
	pe = &d->p->people[k];
	sbuf_puts(&d->b, person_name(pe));
	if (!has_post(d, pe))
		return;
	if (pe->role != NULL && said != NULL && strcmp(pe->role, said) == 0 &&
	    (pe->has_org ? pe->org.idx : 0) == (d->writer > 0 ? d->writer : 0))
		return;
	sbuf_puts(&d->b, L(d, "（", " ("));
	person_post(d, pe);
	sbuf_puts(&d->b, L(d, "）", ")"));
}

static void
section(struct doc *d, const char *zh, const char *en)
{
	d->sections++;
	if (d->en)
		sbuf_printf(&d->b, "%u. %s", d->sections, en);
	else {
		l10n_cn_number(&d->b, d->sections);
		sbuf_printf(&d->b, "、%s", zh);
	}
	d->o->heading(d->ctx, 2, d->b.p);
	sbuf_clear(&d->b);
}

/* A sub-section of the section numbered last: （一）, or 3.1. */
static void
subsection(struct doc *d, unsigned n, const char *title)
{
	if (d->en)
		sbuf_printf(&d->b, "%u.%u %s", d->sections, n, title);
	else {
		sbuf_puts(&d->b, "（");
		l10n_cn_number(&d->b, n);
		sbuf_printf(&d->b, "）%s", title);
	}
	d->o->heading(d->ctx, 3, d->b.p);
	sbuf_clear(&d->b);
}

static void
paragraph(struct doc *d)
{
	d->o->para(d->ctx);
	flush(d);
	d->o->para_end(d->ctx);
}

/* An item of a bulleted list holding the text built. */
static void
item(struct doc *d)
{
	d->o->item(d->ctx, 0);
	flush(d);
	d->o->item_end(d->ctx);
}

/* An ordered list of texts. */
static void
text_list(struct doc *d, const char *const *v, uint32_t n)
{
	uint32_t i;

	if (n == 0)
		return;
	d->o->list(d->ctx, true);
	for (i = 0; i < n; i++) {
		d->o->item(d->ctx, i + 1);
		sbuf_puts(&d->b, v[i] != NULL ? v[i] : "");
		flush(d);
		d->o->item_end(d->ctx);
	}
	d->o->list_end(d->ctx);
}

/* ---- title, partners, leadership, goals ------------------------------ */

/* A line of the opening block: a line break before all but the first. */
static void
head_line(struct doc *d, bool *first)
{
	if (!*first)
		d->o->line_break(d->ctx);
	*first = false;
	flush(d);
}

/* An organisation with its level: 城关幼儿园（省级示范幼儿园）. */
static void
org_with_level(struct doc *d, int32_t i)
{
	const struct org *o = &d->p->orgs[i];

	sbuf_puts(&d->b, org_name(d->p, i));
	if (o->level != NULL)
		sbuf_printf(&d->b, L(d, "（%s）", " (%s)"), o->level);
}

/* The partners' names but skip, joined. */
static void
partner_names(struct doc *d, int32_t skip)
{
	uint32_t i, n = 0;

	for (i = 1; i < d->p->norgs; i++) {
		if ((int32_t)i == skip)
			continue;
		if (n++ > 0)
			sbuf_puts(&d->b, L(d, "、", ", "));
		sbuf_puts(&d->b, org_name(d->p, (int32_t)i));
	}
}

/*
 * Who helps whom, and when. A plan the helped kindergarten writes names
 * itself first and the host as the one it learns from; the other kinds
 * name the body that carries the plan out.
 */
static void
doc_head(struct doc *d)
{
	const struct plan *p = d->p;
	bool first = true;

	d->o->para(d->ctx);
	if (p->issuer != NULL) {
		sbuf_printf(&d->b, L(d, "发文单位：%s", "Issued by: %s"),
		    p->issuer);
		head_line(d, &first);
	}
	switch (p->kind) {
	case PK_PAIRING:
		if (d->writer > 0) {
			sbuf_puts(&d->b, L(d, "受援园（我园）：",
			    "Our kindergarten (being helped): "));
			sbuf_puts(&d->b, org_name(p, d->writer));
			head_line(d, &first);
			sbuf_puts(&d->b, L(d, "向帮扶园学习：",
			    "Learning from the helping kindergarten: "));
			org_with_level(d, 0);
			head_line(d, &first);
			if (p->norgs > 2) {
				sbuf_puts(&d->b, L(d, "同时受援：",
				    "Also helped: "));
				partner_names(d, d->writer);
				head_line(d, &first);
			}
			sbuf_puts(&d->b, L(d, "结对时间：", "Period: "));
			break;
		}
		sbuf_puts(&d->b, L(d, "帮扶园：", "Host: "));
		org_with_level(d, 0);
		head_line(d, &first);
		sbuf_puts(&d->b, p->norgs > 2 ? L(d, "结对园：", "Partners: ") :
		    L(d, "结对园：", "Partner: "));
		partner_names(d, -1);
		head_line(d, &first);
		sbuf_puts(&d->b, L(d, "帮扶时间：", "Period: "));
		break;
	case PK_MENTORSHIP:
		sbuf_puts(&d->b, L(d, "幼儿园：", "Kindergarten: "));
		org_with_level(d, 0);
		head_line(d, &first);
		sbuf_puts(&d->b, L(d, "带教时间：", "Period: "));
		break;
	default:
		sbuf_puts(&d->b, L(d, "实施单位：", "Carried out by: "));
		org_with_level(d, 0);
		head_line(d, &first);
		if (p->norgs > 1) {
			sbuf_puts(&d->b, L(d, "帮扶对象：", "Partners: "));
			partner_names(d, -1);
			head_line(d, &first);
		}
		sbuf_puts(&d->b, L(d, "实施时间：", "Period: "));
		break;
	}
	l10n_span(&d->b, p->period, d->en);
	head_line(d, &first);
	d->o->para_end(d->ctx);
}

/*
 * The partners with their figures; columns no partner fills are left
 * out. Villages, households and units get their type, village and head.
 * A plan the helped kindergarten writes marks itself 我园, and leaves the
 * table out when it would hold names alone.
 */
static void
doc_partners(struct doc *d)
{
	enum { C_NAME, C_TYPE, C_KIND, C_VILLAGE, C_HEAD, C_CLASSES,
	    C_CHILDREN, C_TEACHERS, C_STAFF, C_NEEDS, C__N };
	static const char *const head_zh[C__N] = { "幼儿园", "类型", "类别",
	    "所在村", "户主", "班级数", "幼儿数", "教师数", "教职工数",
	    "帮扶需求" };
	static const char *const head_en[C__N] = { "Kindergarten", "Type",
	    "Kind", "Village", "Head of household", "Classes", "Children",
	    "Teachers", "Staff", "Needs" };
	const char *head[C__N];
	bool right[C__N], have[C__N] = { true };
	size_t col[C__N], ncols = 0, c;
	const struct plan *p = d->p;
	const struct org *o;
	uint32_t i, j;
	int64_t v;

	for (i = 1; i < p->norgs; i++) {
		o = &p->orgs[i];
		have[C_TYPE] |= o->type != ORG_KINDERGARTEN;
		have[C_KIND] |= o->kind != NULL;
		have[C_VILLAGE] |= o->has_village && o->village.idx > 0;
		have[C_HEAD] |= o->head != NULL;
		have[C_CLASSES] |= o->classes >= 0;
		have[C_CHILDREN] |= o->children >= 0;
		have[C_TEACHERS] |= o->teachers >= 0;
		have[C_STAFF] |= o->staff >= 0;
		have[C_NEEDS] |= o->nneeds > 0;
	}
	for (c = 0; c < C__N; c++)
		if (have[c]) {
			head[ncols] = d->en ? head_en[c] : head_zh[c];
			right[ncols] = c >= C_CLASSES && c <= C_STAFF;
			col[ncols++] = c;
		}
	if (ncols == 1 && d->writer > 0)
		return;
	if (!kindergartens(d))
		head[0] = L(d, "名称", "Name");
	if (d->writer > 0)
		section(d, "受援园基本情况", "Kindergartens being helped");
	else if (!kindergartens(d) || p->kind == PK_RESPONSIBILITY)
		section(d, "帮扶对象", "Partners");
	else
		section(d, "结对对象", "Partner kindergartens");
	d->o->table(d->ctx, ncols, head, right);
	for (i = 1; i < p->norgs; i++) {
		o = &p->orgs[i];
		for (c = 0; c < ncols; c++) {
			v = -1;
			switch (col[c]) {
			case C_NAME:
				sbuf_puts(&d->b, org_name(p, (int32_t)i));
				if ((int32_t)i == d->writer)
					sbuf_puts(&d->b, L(d, "（我园）",
					    " (us)"));
				break;
			case C_TYPE:
				sbuf_puts(&d->b, d->en ? type_en[o->type & 3] :
				    type_zh[o->type & 3]);
				break;
			case C_KIND:
				sbuf_puts(&d->b, o->kind != NULL ? o->kind : "");
				break;
			case C_VILLAGE:
				if (o->has_village && o->village.idx > 0)
					sbuf_puts(&d->b, org_name(p,
					    o->village.idx));
				break;
			case C_HEAD:
				sbuf_puts(&d->b, o->head != NULL ? o->head : "");
				break;
			case C_CLASSES:
				v = o->classes;
				break;
			case C_CHILDREN:
				v = o->children;
				break;
			case C_TEACHERS:
				v = o->teachers;
				break;
			case C_STAFF:
				v = o->staff;
				break;
			default:
				for (j = 0; j < o->nneeds; j++)
					sbuf_printf(&d->b, "%s%s", j ?
					    L(d, "、", ", ") : "", o->needs[j]);
				break;
			}
			if (v >= 0)
				sbuf_printf(&d->b, "%lld", (long long)v);
			cell(d);
		}
		d->o->row_end(d->ctx);
	}
	d->o->table_end(d->ctx);
}

/* Does anyone on l have a post (role, or another kindergarten) or duty? */
static void
leader_cols(const struct doc *d, const struct reflist *l, bool *post,
    bool *duty)
{
	const struct person *pe;
	uint32_t i;
	int32_t k;

	for (i = 0; i < l->n; i++) {
		k = l->v[i].idx;
		if (k < 0 || (uint32_t)k >= d->p->npeople)
			continue;
		pe = &d->p->people[k];
		*post |= has_post(d, pe);
		*duty |= pe->duty != NULL;
	}
}

static void
leader_rows(struct doc *d, const struct reflist *l, const char *what,
    bool post, bool duty)
{
	const struct person *pe;
	uint32_t i;
	int32_t k;

	for (i = 0; i < l->n; i++) {
		k = l->v[i].idx;
		if (k < 0 || (uint32_t)k >= d->p->npeople)
			continue;
		pe = &d->p->people[k];
		d->o->cell(d->ctx, what);
		d->o->cell(d->ctx, person_name(pe));
		if (post) {
			person_post(d, pe);
			d->o->cell(d->ctx, d->b.p != NULL ? d->b.p : "");
			sbuf_clear(&d->b);
		}
		if (duty)
			d->o->cell(d->ctx, pe->duty != NULL ? pe->duty : "");
		d->o->row_end(d->ctx);
	}
}

/* A table: position, name, then post and duties when anyone has them. */
static void
doc_leadership(struct doc *d)
{
	static const char *const head_zh[] = { "职务", "姓名", "岗位", "分工" };
	static const char *const head_en[] = { "Position", "Name", "Post",
	    "Duties" };
	static const bool right[4] = { false, false, false, false };
	const char *head[4];
	const struct plan *p = d->p;
	bool post = false, duty = false;
	size_t n = 0;

	if (!p->has_leadership || ref_count(d, &p->leader) +
	    ref_count(d, &p->deputies) + ref_count(d, &p->members) == 0)
		return;
	leader_cols(d, &p->leader, &post, &duty);
	leader_cols(d, &p->deputies, &post, &duty);
	leader_cols(d, &p->members, &post, &duty);
	head[n++] = d->en ? head_en[0] : head_zh[0];
	head[n++] = d->en ? head_en[1] : head_zh[1];
	if (post)
		head[n++] = d->en ? head_en[2] : head_zh[2];
	if (duty)
		head[n++] = d->en ? head_en[3] : head_zh[3];
	section(d, "领导小组", "Leadership group");
	d->o->table(d->ctx, n, head, right);
	leader_rows(d, &p->leader, L(d, "组长", "Leader"), post, duty);
	leader_rows(d, &p->deputies, L(d, "副组长", "Deputy leader"), post,
	    duty);
	leader_rows(d, &p->members, L(d, "成员", "Member"), post, duty);
	d->o->table_end(d->ctx);
}

/* ---- phases and activities ------------------------------------------- */

/* A separator before a part of a text, unless it is the first. */
static void
part(struct doc *d, bool *any)
{
	if (*any)
		sbuf_puts(&d->b, L(d, "，", ", "));
	*any = true;
}

/*
 * How often: 5次, 每周1次（周二、周四）, 每次2天; 5 times, weekly (Tue).
 * With lead, after a text it is separated from. False when it said
 * nothing.
 */
static bool
how_often(struct doc *d, const struct when *w, bool lead)
{
	static const char *const unit_zh[] = { [EV_WEEK] = "周",
	    [EV_MONTH] = "月", [EV_YEAR] = "年", [EV_SEMESTER] = "学期" };
	static const char *const unit_en[] = { [EV_WEEK] = "week",
	    [EV_MONTH] = "month", [EV_YEAR] = "year",
	    [EV_SEMESTER] = "semester" };
	static const char *const once_en[] = { [EV_WEEK] = "weekly",
	    [EV_MONTH] = "monthly", [EV_YEAR] = "yearly",
	    [EV_SEMESTER] = "once a semester" };
	bool any = lead;
	size_t len = d->b.n;
	uint32_t i, n;

	switch (w->every) {
	case EV_NONE:
		if (w->times > 1) {
			part(d, &any);
			sbuf_printf(&d->b, L(d, "%u次", "%u times"), w->times);
		}
		break;
	case EV_WEEK:
	case EV_MONTH:
	case EV_YEAR:
	case EV_SEMESTER:
		part(d, &any);
		if (!d->en)
			sbuf_printf(&d->b, "每%s%u次", unit_zh[w->every],
			    w->times);
		else if (w->times == 1)
			sbuf_puts(&d->b, once_en[w->every]);
		else
			sbuf_printf(&d->b, "%u times a %s", w->times,
			    unit_en[w->every]);
		break;
	case EV_WEEKS:
	case EV_DAYS:
	case EV_MONTHS:
		part(d, &any);
		if (!d->en)
			sbuf_printf(&d->b, "每%u%s%u次", w->every_n,
			    w->every == EV_WEEKS ? "周" : w->every == EV_DAYS ?
			    "天" : "个月", w->times);
		else {
			if (w->times > 1)
				sbuf_printf(&d->b, "%u times ", w->times);
			sbuf_printf(&d->b, "every %u %s", w->every_n,
			    w->every == EV_WEEKS ? "weeks" : w->every ==
			    EV_DAYS ? "days" : "months");
		}
		break;
	default:
		break;
	}
	if (w->has_weekday && (w->weekdays & 0x7F) != 0x7F) {
		sbuf_puts(&d->b, L(d, "（", any ? " (" : "("));
		for (i = 0, n = 0; i < 7; i++)
			if (w->weekdays & (1u << i))
				sbuf_printf(&d->b, "%s%s", n++ ?
				    L(d, "、", ", ") : "",
				    d->en ? rs_weekday_abbr[i] : l10n_weekday_zh[i]);
		sbuf_puts(&d->b, L(d, "）", ")"));
		any = true;
	}
	if (w->days > 1) {
		part(d, &any);
		sbuf_printf(&d->b, L(d, "每次%u天", "%u days each"), w->days);
	}
	return d->b.n > len;
}

/* Where: a kindergarten, each partner, or online. */
static void
where(struct doc *d, const struct activity *a)
{
	const struct plan *p = d->p;
	uint32_t i, n = 0;

	sbuf_puts(&d->b, L(d, "地点：", "Where: "));
	switch (a->w.at) {
	case AT_PARTNER:
		if (a->all_partners && p->norgs > 2) {
			sbuf_printf(&d->b, d->en ? "each partner%s" : "各%s",
			    d->en ? (kindergartens(d) ? " kindergarten" : "") :
			    partner_word(d));
			return;
		}
		if (a->all_partners) {
			sbuf_puts(&d->b, org_name(p, p->norgs > 1 ? 1 : -1));
			return;
		}
		for (i = 0; i < a->partners.n; i++) {
			if (a->partners.v[i].idx < 1)
				continue;
			sbuf_printf(&d->b, "%s%s", n++ ? L(d, "、", ", ") : "",
			    org_name(p, a->partners.v[i].idx));
		}
		return;
	case AT_ONLINE:
		sbuf_puts(&d->b, L(d, "线上", "online"));
		return;
	case AT_ORG:
		sbuf_puts(&d->b, org_name(p, when_org(&a->w)));
		return;
	default:
		sbuf_puts(&d->b, org_name(p, 0));
		return;
	}
}

/* The dates of the events of series si: 2024年4月2日、4月9日. */
static void
dates(struct doc *d, size_t si)
{
	const struct sched_event *e;
	int y, m, dd, year = 0;
	size_t i;

	for (i = d->ev_start[si]; i < d->ev_start[si + 1]; i++) {
		e = &d->s->events[d->ev[i]];
		date_to_civil(e->date, &y, &m, &dd);
		if (i > d->ev_start[si])
			sbuf_puts(&d->b, L(d, "、", ", "));
		l10n_day_range(&d->b, e->date, e->end, d->en, y != year);
		year = y;
	}
}

static size_t
nevents(const struct doc *d, size_t si)
{
	return d->ev_start[si + 1] - d->ev_start[si];
}

static size_t
nunplaced(const struct doc *d, size_t si)
{
	return d->un_start[si + 1] - d->un_start[si];
}

/*
 * The scheduled dates of series [first, last): one line, or a line per
 * partner when the activity is held at each; then what is unplaced.
 */
static void
schedule_items(struct doc *d, size_t first, size_t last)
{
	size_t si, n = 0, un = 0;
	bool per_partner = last - first > 1;

	if (first == NONE)
		return;
	for (si = first; si < last; si++) {
		n += nevents(d, si);
		un += nunplaced(d, si);
	}
	if (n > 0 && !per_partner) {
		sbuf_puts(&d->b, L(d, "安排日期：", "Dates: "));
		dates(d, first);
		item(d);
	} else if (n > 0) {
		d->o->item(d->ctx, 0);
		sbuf_puts(&d->b, L(d, "安排日期：", "Dates:"));
		flush(d);
		d->o->list(d->ctx, false);
		for (si = first; si < last; si++) {
			if (nevents(d, si) == 0)
				continue;
			sbuf_printf(&d->b, L(d, "%s：", "%s: "),
			    org_name(d->p, d->s->series[si].site));
			dates(d, si);
			item(d);
		}
		d->o->list_end(d->ctx);
		d->o->item_end(d->ctx);
	}
	if (un > 0) {
		if (d->en)
			sbuf_printf(&d->b, "Not yet scheduled: %zu "
			    "occurrence%s", un, un == 1 ? "" : "s");
		else
			sbuf_printf(&d->b, "尚未排定：%zu次", un);
		item(d);
	}
}

/*
 * The least working days of a publicity (公示): its own publicity-days,
 * else the plan's (aid, default 5); 0 when none is asked.
 */
static int64_t
publicity_days(const struct doc *d, const struct activity *a)
{
	if (a->kind != K_PUBLICITY)
		return 0;
	return a->publicity_days >= 0 ? a->publicity_days :
	    d->p->aid.publicity_days;
}

/* The activities a follows: “申请”、“审核”. */
static void
after_titles(struct doc *d, const struct activity *a)
{
	uint32_t i, n = 0;
	int32_t k;

	for (i = 0; i < a->after.n; i++) {
		k = a->after.v[i].idx;
		if (k < 0 || (uint32_t)k >= d->p->nacts)
			continue;
		if (n++ > 0)
			sbuf_puts(&d->b, L(d, "、", ", "));
		sbuf_printf(&d->b, "“%s”", d->p->acts[k]->title);
	}
}

static void
doc_activity(struct doc *d, const struct activity *a, unsigned number)
{
	const struct plan *p = d->p;
	uint32_t i, n, k = act_index(d, a);
	int64_t pd;

	d->o->item(d->ctx, number);
	sbuf_puts(&d->b, a->title != NULL ? a->title : "");
	flush(d);
	d->o->list(d->ctx, false);

	sbuf_puts(&d->b, L(d, "时间：", "When: "));
	if (a->has_date)
		l10n_day(&d->b, a->date, d->en, true);
	else {
		l10n_span(&d->b, a->w.window, d->en);
		how_often(d, &a->w, true);
	}
	if (a->w.at == AT_PARTNER && p->norgs > 2 && (a->all_partners ||
	    a->partners.n > 1) && (a->w.times > 1 || a->w.every != EV_NONE)) {
		if (d->en)
			sbuf_puts(&d->b, " at each partner");
		else
			sbuf_printf(&d->b, "（每个%s）", partner_word(d));
	}
	item(d);

	if (a->after.n > 0) {
		sbuf_puts(&d->b, L(d, "顺序：在", "After: "));
		after_titles(d, a);
		sbuf_puts(&d->b, L(d, "之后", ""));
		if (a->gap > 0)
			sbuf_printf(&d->b, L(d, "，间隔不少于%u个工作日",
			    ", at least %u working days later"), a->gap);
		item(d);
	}
	if ((pd = publicity_days(d, a)) > 0) {
		sbuf_printf(&d->b, L(d, "公示期：不少于%lld个工作日",
		    "Publicity: at least %lld working days"), (long long)pd);
		item(d);
	}
	where(d, a);
	item(d);
	if (a->w.at != AT_PARTNER && !a->all_partners) {
		sbuf_printf(&d->b, L(d, "参与%s：", "Partners taking part: "),
		    partner_word(d));
		for (i = 0, n = 0; i < a->partners.n; i++)
			if (a->partners.v[i].idx >= 1)
				sbuf_printf(&d->b, "%s%s", n++ ?
				    L(d, "、", ", ") : "",
				    org_name(p, a->partners.v[i].idx));
		item(d);
	}
	if (ref_count(d, &a->owners) > 0) {
		sbuf_puts(&d->b, L(d, "责任人：", "Responsible: "));
		ref_names(d, &a->owners);
		item(d);
	}
	if (ref_count(d, &a->people) > 0) {
		sbuf_puts(&d->b, L(d, "参加人员：", "Taking part: "));
		ref_names(d, &a->people);
		item(d);
	}
	if (!a->has_date && k < p->nacts)	/* a fixed day: said above */
		schedule_items(d, d->act_first[k], d->act_last[k]);
	if (a->note != NULL) {
		sbuf_puts(&d->b, L(d, "备注：", "Note: "));
		sbuf_puts(&d->b, a->note);
		item(d);
	}
	d->o->list_end(d->ctx);
	d->o->item_end(d->ctx);
}

/* Is activity i of plan->acts in an `after` chain? */
static bool
chained(const struct doc *d, uint32_t i, const bool *followed)
{
	return d->p->acts[i]->after.n > 0 || followed[i];
}

/*
 * An aid plan's procedure in one line under its heading, the chained
 * activities in order: 申请 → 审核 → 公示（不少于5个工作日）→ 上报 → 发放. An activity
 * of kind other is named by its title.
 */
static void
procedure(struct doc *d)
{
	const struct plan *p = d->p;
	const struct activity *a;
	bool *followed;
	uint32_t i, j, n = 0;
	int32_t k;
	int64_t pd;

	followed = xcalloc(p->nacts, sizeof(bool));
	for (i = 0; i < p->nacts; i++)
		for (j = 0; j < p->acts[i]->after.n; j++) {
			k = p->acts[i]->after.v[j].idx;
			if (k >= 0 && (uint32_t)k < p->nacts)
				followed[k] = true;
		}
	for (i = 0; i < p->nphases; i++)
		for (j = d->ph_start[i]; j < d->ph_start[i + 1]; j++) {
			if (!chained(d, d->by_phase[j], followed))
				continue;
			a = p->acts[d->by_phase[j]];
			if (n++ > 0)
				sbuf_puts(&d->b, " → ");
			sbuf_puts(&d->b, a->kind == K_OTHER ? a->title :
			    plan_kind_label(a->kind, d->en));
			if ((pd = publicity_days(d, a)) > 0)
				sbuf_printf(&d->b, L(d, "（不少于%lld个工作日）",
				    " (at least %lld working days)"),
				    (long long)pd);
		}
	free(followed);
	if (n > 1)
		paragraph(d);
	sbuf_clear(&d->b);
}

static void
doc_phases(struct doc *d)
{
	const struct phase *ph;
	uint32_t i, j;

	switch (d->p->kind) {
	case PK_AID:
		section(d, "工作程序", "Procedure");
		procedure(d);
		break;
	case PK_MENTORSHIP:
		section(d, "带教安排", "Schedule");
		break;
	default:
		section(d, "实施步骤", "Implementation steps");
		break;
	}
	for (i = 0; i < d->p->nphases; i++) {
		ph = &d->p->phases[i];
		if (d->en) {
			sbuf_printf(&d->b, "%u.%u Phase %u", d->sections,
			    i + 1, i + 1);
			if (ph->name != NULL)
				sbuf_printf(&d->b, ": %s", ph->name);
			sbuf_puts(&d->b, " (");
			l10n_span(&d->b, ph->period, true);
			sbuf_puts(&d->b, ")");
		} else {
			sbuf_puts(&d->b, "（");
			l10n_cn_number(&d->b, i + 1);
			sbuf_puts(&d->b, "）第");
			l10n_cn_number(&d->b, i + 1);
			sbuf_puts(&d->b, "阶段");
			if (ph->name != NULL)
				sbuf_printf(&d->b, "：%s", ph->name);
			sbuf_puts(&d->b, "（");
			l10n_span(&d->b, ph->period, false);
			sbuf_puts(&d->b, "）");
		}
		d->o->heading(d->ctx, 3, d->b.p);
		sbuf_clear(&d->b);
		if (ph->goal != NULL) {
			sbuf_puts(&d->b, L(d, "目标：", "Goal: "));
			sbuf_puts(&d->b, ph->goal);
			paragraph(d);
		}
		if (ph->nacts == 0)
			continue;
		d->o->list(d->ctx, true);
		for (j = d->ph_start[i]; j < d->ph_start[i + 1]; j++)
			doc_activity(d, d->p->acts[d->by_phase[j]],
			    j - d->ph_start[i] + 1);
		d->o->list_end(d->ctx);
	}
}

static void
doc_mentorships(struct doc *d)
{
	const struct mentorship *m;
	size_t first, last;
	uint32_t i;

	if (d->p->nmentorships == 0)
		return;
	section(d, "师徒结对", "Mentor–apprentice pairs");
	d->o->list(d->ctx, true);
	for (i = 0; i < d->p->nmentorships; i++) {
		m = &d->p->mentorships[i];
		d->o->item(d->ctx, i + 1);
		sbuf_puts(&d->b, L(d, "师傅：", "Mentor: "));
		person_desc(d, m->mentor.idx, L(d, "师傅", "mentor"));
		sbuf_puts(&d->b, L(d, "；徒弟：", "; apprentice: "));
		person_desc(d, m->apprentice.idx, L(d, "徒弟", "apprentice"));
		flush(d);
		d->o->list(d->ctx, false);
		sbuf_puts(&d->b, L(d, "时间：", "When: "));
		l10n_span(&d->b, m->period, d->en);
		item(d);
		if (m->has_meet) {
			sbuf_puts(&d->b, L(d, "结对活动：", "Meetings: "));
			/* The window defaults to the mentorship's period. */
			if (m->meet.window.from != m->period.from ||
			    m->meet.window.to != m->period.to) {
				l10n_span(&d->b, m->meet.window, d->en);
				how_often(d, &m->meet, true);
			} else if (!how_often(d, &m->meet, false))
				sbuf_puts(&d->b, L(d, "1次", "once"));
			item(d);
			first = d->ment_first[i];
			last = d->ment_last[i];
			if (first != NONE) {
				sbuf_puts(&d->b, L(d, "地点：", "Where: "));
				sbuf_puts(&d->b, org_name(d->p,
				    d->s->series[first].site));
				item(d);
			}
			schedule_items(d, first, last);
		}
		d->o->list_end(d->ctx);
		d->o->item_end(d->ctx);
	}
	d->o->list_end(d->ctx);
}

/* ---- sections of text ------------------------------------------------- */

static void part_body(struct doc *, enum part);

/* Text first, then the items as a numbered list. */
static void
section_body(struct doc *d, const struct section *x)
{
	if (x->text != NULL) {
		sbuf_puts(&d->b, x->text);
		paragraph(d);
	}
	text_list(d, x->items, x->nitems);
}

/* Section i of the plan: its text and items, the parts it holds, then
 * its numbered sub-sections. */
static void
doc_section(struct doc *d, uint32_t i)
{
	const struct section *x = &d->p->sections[i];
	uint32_t j;
	int k;

	section(d, x->title != NULL ? x->title : "",
	    x->title != NULL ? x->title : "");
	section_body(d, x);
	for (k = 0; k < PART__COUNT; k++)
		if (d->part_at[k] == (int64_t)i)
			part_body(d, (enum part)k);
	for (j = 0; j < x->nsubs; j++) {
		subsection(d, j + 1, x->subs[j].title != NULL ?
		    x->subs[j].title : "");
		section_body(d, &x->subs[j]);
	}
}

/* The sections placed at place, in order. */
static void
doc_sections(struct doc *d, enum place place)
{
	uint32_t i;

	for (i = 0; i < d->p->nsections; i++)
		if (d->p->sections[i].place == place)
			doc_section(d, i);
}

/* ---- financial aid ------------------------------------------------------ */

/* Periods of a year: a year, two semesters, twelve months. */
static double
per_year(enum per per)
{
	return per == PER_SEMESTER ? 2 : per == PER_MONTH ? 12 : 1;
}

/* 1000元/年, 不低于3000元/学期; 1,000 yuan a year. */
static void
standard(struct doc *d, const struct aid_standard *x)
{
	unsigned per = x->per <= PER_MONTH ? x->per : PER_YEAR;

	if (x->amount_at_least)
		sbuf_puts(&d->b, L(d, "不低于", "at least "));
	l10n_amount(&d->b, x->amount, "元", d->en);
	if (d->en)
		sbuf_printf(&d->b, " a %s", per_en[per]);
	else
		sbuf_printf(&d->b, "/%s", per_zh[per]);
}

/*
 * 资助对象与标准: category, standard, children, the amount a year and
 * proofs; a totals row when any category counts its children. A
 * category without children has no amount a year.
 */
static void
doc_aid(struct doc *d)
{
	enum { C_CATEGORY, C_STANDARD, C_CHILDREN, C_TOTAL, C_PROOFS, C__N };
	static const char *const head_zh[C__N] = { "资助对象", "资助标准",
	    "受助人数", "每年金额", "证明材料" };
	static const char *const head_en[C__N] = { "Category", "Standard",
	    "Children", "A year", "Proof" };
	const struct aid *x = &d->p->aid;
	const struct aid_standard *st;
	const char *head[C__N];
	bool right[C__N], have[C__N] = { true, true };
	size_t col[C__N], ncols = 0, c;
	int64_t children = 0;
	double total = 0;
	uint32_t i, j;

	for (i = 0; i < x->nstandards; i++) {
		have[C_CHILDREN] |= x->standards[i].children >= 0;
		have[C_PROOFS] |= x->standards[i].nproofs > 0;
	}
	have[C_TOTAL] = have[C_CHILDREN];
	for (c = 0; c < C__N; c++)
		if (have[c]) {
			head[ncols] = d->en ? head_en[c] : head_zh[c];
			right[ncols] = c == C_CHILDREN || c == C_TOTAL;
			col[ncols++] = c;
		}
	if (x->nstandards > 0) {
		d->o->table(d->ctx, ncols, head, right);
		for (i = 0; i < x->nstandards; i++) {
			st = &x->standards[i];
			for (c = 0; c < ncols; c++) {
				switch (col[c]) {
				case C_CATEGORY:
					sbuf_puts(&d->b, st->category != NULL ?
					    st->category : "");
					break;
				case C_STANDARD:
					standard(d, st);
					break;
				case C_CHILDREN:
					if (st->children >= 0)
						sbuf_printf(&d->b, "%lld",
						    (long long)st->children);
					break;
				case C_TOTAL:
					if (st->children >= 0)
						l10n_amount(&d->b, st->amount *
						    (double)st->children *
						    per_year(st->per), "元",
						    d->en);
					break;
				default:
					for (j = 0; j < st->nproofs; j++)
						sbuf_printf(&d->b, "%s%s", j ?
						    L(d, "、", ", ") : "",
						    st->proofs[j]);
					break;
				}
				cell(d);
			}
			d->o->row_end(d->ctx);
			if (st->children >= 0) {
				children += st->children;
				total += st->amount * (double)st->children *
				    per_year(st->per);
			}
		}
		if (have[C_CHILDREN]) {
			for (c = 0; c < ncols; c++) {
				if (col[c] == C_CATEGORY)
					sbuf_puts(&d->b, L(d, "合计", "Total"));
				else if (col[c] == C_CHILDREN)
					sbuf_printf(&d->b, "%lld",
					    (long long)children);
				else if (col[c] == C_TOTAL)
					l10n_amount(&d->b, total, "元", d->en);
				cell(d);
			}
			d->o->row_end(d->ctx);
		}
		d->o->table_end(d->ctx);
	}
	if (x->has_budget) {
		sbuf_puts(&d->b, L(d, "资助预算：", "Budget: "));
		l10n_amount(&d->b, x->budget, "元", d->en);
		sbuf_puts(&d->b, L(d, "", " a year"));
		paragraph(d);
	}
}

/* ---- one-to-one pairings ------------------------------------------------ */

/* 每年不少于3次，累计不少于120个工作日; false when nothing is asked. */
static bool
requirement(struct doc *d, int64_t visits, int64_t days, enum per per)
{
	unsigned k = per <= PER_MONTH ? per : PER_YEAR;

	if (visits <= 0 && days <= 0)
		return false;
	if (d->en) {
		sbuf_puts(&d->b, "at least ");
		if (visits > 0)
			sbuf_printf(&d->b, "%lld visit%s", (long long)visits,
			    visits == 1 ? "" : "s");
		if (visits > 0 && days > 0)
			sbuf_puts(&d->b, " and ");
		if (days > 0)
			sbuf_printf(&d->b, "%lld working day%s",
			    (long long)days, days == 1 ? "" : "s");
		sbuf_printf(&d->b, " a %s", per_en[k]);
		return true;
	}
	sbuf_printf(&d->b, "每%s", per_zh[k]);
	if (visits > 0)
		sbuf_printf(&d->b, "不少于%lld次", (long long)visits);
	if (visits > 0 && days > 0)
		sbuf_puts(&d->b, "，");
	if (days > 0)
		sbuf_printf(&d->b, "累计不少于%lld个工作日", (long long)days);
	return true;
}

/* The title of the pairings: 挂点包村包户安排 and the like, by partner type. */
static void
pairings_title(struct doc *d)
{
	const struct plan *p = d->p;
	unsigned types = 0;
	int32_t k;
	uint32_t i;

	for (i = 0; i < p->npairings; i++) {
		k = p->pairings[i].partner.idx;
		if (k > 0 && (uint32_t)k < p->norgs)
			types |= 1u << p->orgs[k].type;
	}
	if (p->kind != PK_RESPONSIBILITY) {
		section(d, "结对安排", "Pairings");
		return;
	}
	if ((types & (1u << ORG_VILLAGE)) && (types & (1u << ORG_HOUSEHOLD)))
		section(d, "挂点包村包户安排",
		    "Villages and households assigned");
	else if (types & (1u << ORG_VILLAGE))
		section(d, "挂点包村安排", "Villages assigned");
	else if (types & (1u << ORG_HOUSEHOLD))
		section(d, "包户安排", "Households assigned");
	else
		section(d, "帮扶责任安排", "Assignments");
}

/*
 * Who is assigned to which village, household or kindergarten (挂点,
 * 包村, 包户, 园长对园长): person, role, partner, its type and head, what
 * is asked per period; then the visits as scheduled.
 */
static void
doc_pairings(struct doc *d)
{
	enum { C_PERSON, C_ROLE, C_PARTNER, C_TYPE, C_HEAD, C_ASKED, C__N };
	static const char *const head_zh[C__N] = { "责任人", "帮扶方式",
	    "帮扶对象", "类型", "户主", "要求" };
	static const char *const head_en[C__N] = { "Person", "Role",
	    "Partner", "Type", "Head of household", "Required" };
	const struct plan *p = d->p;
	const struct pairing *x;
	const struct org *o;
	const char *head[C__N];
	bool right[C__N] = { false }, have[C__N] = { true, false, true };
	size_t col[C__N], ncols = 0, c, si;
	uint32_t i, nvisits = 0;
	int32_t k;

	for (i = 0; i < p->npairings; i++) {
		x = &p->pairings[i];
		k = x->partner.idx;
		o = k > 0 && (uint32_t)k < p->norgs ? &p->orgs[k] : NULL;
		have[C_ROLE] |= x->role != NULL;
		have[C_TYPE] |= o != NULL && o->type != ORG_KINDERGARTEN;
		have[C_HEAD] |= o != NULL && o->head != NULL;
		have[C_ASKED] |= x->visits > 0 || x->days > 0;
	}
	for (c = 0; c < C__N; c++)
		if (have[c]) {
			head[ncols] = d->en ? head_en[c] : head_zh[c];
			col[ncols++] = c;
		}
	d->o->table(d->ctx, ncols, head, right);
	for (i = 0; i < p->npairings; i++) {
		x = &p->pairings[i];
		k = x->partner.idx;
		o = k > 0 && (uint32_t)k < p->norgs ? &p->orgs[k] : NULL;
		for (c = 0; c < ncols; c++) {
			switch (col[c]) {
			case C_PERSON:
				if (x->person.idx >= 0 &&
				    (uint32_t)x->person.idx < p->npeople)
					sbuf_puts(&d->b, person_name(
					    &p->people[x->person.idx]));
				break;
			case C_ROLE:
				sbuf_puts(&d->b, x->role != NULL ? x->role : "");
				break;
			case C_PARTNER:
				if (o != NULL)
					sbuf_puts(&d->b, org_name(p, k));
				if (o != NULL && k == d->writer)
					sbuf_puts(&d->b, L(d, "（我园）",
					    " (us)"));
				break;
			case C_TYPE:
				if (o != NULL)
					sbuf_puts(&d->b, d->en ?
					    type_en[o->type & 3] :
					    type_zh[o->type & 3]);
				break;
			case C_HEAD:
				if (o != NULL && o->head != NULL)
					sbuf_puts(&d->b, o->head);
				break;
			default:
				requirement(d, x->visits, x->days, x->per);
				break;
			}
			cell(d);
		}
		d->o->row_end(d->ctx);
	}
	d->o->table_end(d->ctx);
	for (i = 0; i < p->npairings; i++) {
		x = &p->pairings[i];
		if ((si = d->pair_series[i]) == NONE ||
		    nevents(d, si) + nunplaced(d, si) == 0)
			continue;
		if (nvisits++ == 0) {
			sbuf_puts(&d->b, L(d, "走访安排：", "Visits:"));
			paragraph(d);
			d->o->list(d->ctx, false);
		}
		d->o->item(d->ctx, 0);
		if (x->person.idx >= 0 && (uint32_t)x->person.idx < p->npeople)
			sbuf_puts(&d->b, person_name(&p->people[x->person.idx]));
		sbuf_puts(&d->b, " → ");
		if (x->partner.idx > 0 && (uint32_t)x->partner.idx < p->norgs)
			sbuf_puts(&d->b, org_name(p, x->partner.idx));
		flush(d);
		d->o->list(d->ctx, false);
		schedule_items(d, si, si + 1);
		d->o->list_end(d->ctx);
		d->o->item_end(d->ctx);
	}
	if (nvisits > 0)
		d->o->list_end(d->ctx);
}

/* ---- targets -------------------------------------------------------------- */

/* A figure of a target: 945所, 1000万元, 30%, 16所左右. */
static void
figure(struct doc *d, const struct target *t, double v)
{
	if (t->approx && d->en)
		sbuf_puts(&d->b, "about ");
	l10n_amount(&d->b, v, t->percent ? "%" : t->unit, d->en);
	if (t->approx && !d->en)
		sbuf_puts(&d->b, "左右");
}

/* Does a target go in the table of yearly figures? */
static bool
yearly(const struct target *t)
{
	return t->nby_year > 0 || t->has_total;
}

/* The partners of a target, and when: 全部结对园，到2025年1月. */
static void
target_scope(struct doc *d, const struct target *t, bool any)
{
	const struct plan *p = d->p;
	uint32_t j, n;

	if (t->per_year) {
		part(d, &any);
		sbuf_puts(&d->b, L(d, "每年", "every year"));
	}
	if (t->all_partners && p->norgs > 2) {
		part(d, &any);
		if (d->en)
			sbuf_puts(&d->b, "all partners");
		else
			sbuf_printf(&d->b, "全部%s", partner_word(d));
	} else if (t->all_partners && p->norgs == 2) {
		part(d, &any);
		sbuf_puts(&d->b, org_name(p, 1));
	}
	for (j = 0, n = 0; !t->all_partners && j < t->partners.n; j++)
		if (t->partners.v[j].idx >= 1) {
			if (n++ == 0)
				part(d, &any);
			else
				sbuf_puts(&d->b, L(d, "、", ", "));
			sbuf_puts(&d->b, org_name(p, t->partners.v[j].idx));
		}
	if (t->has_by) {
		part(d, &any);
		sbuf_puts(&d->b, L(d, "到", "by "));
		l10n_span(&d->b, t->by, d->en);
	}
}

/*
 * A target in words: 教师优课率 ≥ 30%（全部结对园，到2025年1月）, a range
 * 1-2项, about 16 所 a year, and the baseline it starts from.
 */
static void
target_line(struct doc *d, const struct target *t)
{
	static const char *const cmp[3] = { "≥", "≤", "=" };
	size_t open;

	sbuf_puts(&d->b, t->name != NULL ? t->name : "");
	if (t->has_max) {
		sbuf_putc(&d->b, ' ');
		l10n_number(&d->b, t->value);
		sbuf_puts(&d->b, L(d, "-", "–"));
		figure(d, t, t->max);
	} else if (t->has_value) {
		sbuf_printf(&d->b, " %s ",
		    cmp[t->cmp <= CMP_EQUALS ? t->cmp : CMP_EQUALS]);
		figure(d, t, t->value);
	}
	sbuf_puts(&d->b, L(d, "（", " ("));
	open = d->b.n;
	if (t->has_baseline) {
		sbuf_puts(&d->b, L(d, "基数", "baseline "));
		l10n_amount(&d->b, t->baseline, t->percent ? "%" : t->unit,
		    d->en);
	}
	target_scope(d, t, d->b.n > open);
	if (d->b.n == open)	/* nothing to say in brackets */
		d->b.n -= strlen(L(d, "（", " ("));
	else
		sbuf_puts(&d->b, L(d, "）", ")"));
	if (d->b.p != NULL)
		d->b.p[d->b.n] = '\0';
}

/* The years of the yearly targets, in order, without repeats. */
static uint32_t
target_years(const struct doc *d, int32_t *years, uint32_t max)
{
	const struct target *t;
	uint32_t i, j, k, n = 0;
	int32_t y;

	for (i = 0; i < d->p->ntargets; i++) {
		t = &d->p->targets[i];
		for (j = 0; j < t->nby_year; j++) {
			y = t->by_year[j].year;
			for (k = 0; k < n && years[k] < y; k++)
				continue;
			if (k < n && years[k] == y)
				continue;
			if (n == max)
				break;
			memmove(&years[k + 1], &years[k],
			    (n - k) * sizeof(*years));
			years[k] = y;
			n++;
		}
	}
	return n;
}

/* by-year years are 1901-2099: at most 199 columns. */
#define MAX_YEARS	200

/*
 * The yearly figures as a table: target, baseline, one column a year,
 * total; a running total (cumulative) or a ceiling (at-most) is said
 * after the name.
 */
static void
target_table(struct doc *d)
{
	const struct plan *p = d->p;
	const struct target *t;
	int32_t years[MAX_YEARS];
	const char **head;
	bool *right, baseline = false, total = false;
	uint32_t ny, i, j, k;
	size_t ncols, c;
	struct sbuf hb = { 0 };
	size_t *off;
	bool any;

	ny = target_years(d, years, MAX_YEARS);
	for (i = 0; i < p->ntargets; i++) {
		baseline |= yearly(&p->targets[i]) &&
		    p->targets[i].has_baseline;
		total |= p->targets[i].has_total;
	}
	ncols = 1 + (baseline ? 1 : 0) + ny + (total ? 1 : 0);
	head = xcalloc(ncols, sizeof(*head));
	right = xcalloc(ncols, sizeof(*right));
	off = xcalloc(ncols, sizeof(*off));
	c = 0;
	off[c++] = hb.n;
	sbuf_puts(&hb, L(d, "指标", "Target"));
	sbuf_putc(&hb, '\0');
	if (baseline) {
		off[c++] = hb.n;
		sbuf_puts(&hb, L(d, "基数", "Baseline"));
		sbuf_putc(&hb, '\0');
	}
	for (j = 0; j < ny; j++) {
		off[c++] = hb.n;
		sbuf_printf(&hb, L(d, "%d年", "%d"), (int)years[j]);
		sbuf_putc(&hb, '\0');
	}
	if (total) {
		off[c++] = hb.n;
		sbuf_puts(&hb, L(d, "合计", "Total"));
		sbuf_putc(&hb, '\0');
	}
	for (c = 0; c < ncols; c++) {
		head[c] = hb.p + off[c];
		right[c] = c > 0;
	}
	d->o->table(d->ctx, ncols, head, right);
	for (i = 0; i < p->ntargets; i++) {
		t = &p->targets[i];
		if (!yearly(t))
			continue;
		sbuf_puts(&d->b, t->name != NULL ? t->name : "");
		sbuf_puts(&d->b, L(d, "（", " ("));
		any = false;
		if (t->cumulative) {
			part(d, &any);
			sbuf_puts(&d->b, L(d, "逐年累计", "running totals"));
		}
		if (t->has_value && t->cmp == CMP_AT_MOST) {
			part(d, &any);
			sbuf_puts(&d->b, L(d, "不超过", "at most"));
		}
		target_scope(d, t, any);
		if (d->b.n > strlen(t->name != NULL ? t->name : "") +
		    strlen(L(d, "（", " (")))
			sbuf_puts(&d->b, L(d, "）", ")"));
		else {
			d->b.n -= strlen(L(d, "（", " ("));
			d->b.p[d->b.n] = '\0';
		}
		cell(d);
		if (baseline) {
			if (t->has_baseline)
				figure(d, t, t->baseline);
			cell(d);
		}
		for (j = 0; j < ny; j++) {
			for (k = 0; k < t->nby_year; k++)
				if (t->by_year[k].year == years[j]) {
					figure(d, t, t->by_year[k].value);
					break;
				}
			cell(d);
		}
		if (total) {
			if (t->has_total)
				figure(d, t, t->total);
			cell(d);
		}
		d->o->row_end(d->ctx);
	}
	d->o->table_end(d->ctx);
	sbuf_free(&hb);
	free(head);
	free(right);
	free(off);
}

static void
doc_targets(struct doc *d)
{
	const struct plan *p = d->p;
	uint32_t i, n = 0, nyearly = 0;

	for (i = 0; i < p->ntargets; i++)
		nyearly += yearly(&p->targets[i]);
	if (nyearly > 0)
		target_table(d);
	if (nyearly == p->ntargets)
		return;
	d->o->list(d->ctx, true);
	for (i = 0; i < p->ntargets; i++) {
		if (yearly(&p->targets[i]))
			continue;
		d->o->item(d->ctx, ++n);
		target_line(d, &p->targets[i]);
		flush(d);
		d->o->item_end(d->ctx);
	}
	d->o->list_end(d->ctx);
}

/* ---- quotas ---------------------------------------------------------------- */

/*
 * Where a quota's visits go, by what the partners are: 到结对园, 到村到户,
 * 到我园 in a plan the helped kindergarten writes.
 */
static void
quota_phrase(struct doc *d, const struct quota *q)
{
	const bool village = d->types & (1u << ORG_VILLAGE),
	    household = d->types & (1u << ORG_HOUSEHOLD);
	unsigned per = q->per <= PER_MONTH ? q->per : PER_YEAR;
	const char *to, *stay, *to_en, *stay_en;

	if (d->writer > 0) {
		to = "到我园";
		stay = "在我园";
		to_en = "to our kindergarten";
		stay_en = "at our kindergarten";
	} else if (kindergartens(d)) {
		to = "到结对园";
		stay = "在结对园";
		to_en = "to partner kindergartens";
		stay_en = "at partner kindergartens";
	} else if (village && household) {
		to = "到村到户";
		stay = "在村到户";
		to_en = "to villages and households";
		stay_en = "in villages and households";
	} else if (village && d->types == (1u << ORG_VILLAGE)) {
		to = "到村";
		stay = "驻村";
		to_en = "to villages";
		stay_en = "in villages";
	} else if (household && d->types == (1u << ORG_HOUSEHOLD)) {
		to = "到户";
		stay = "在户";
		to_en = "to households";
		stay_en = "with households";
	} else if (d->types == (1u << ORG_UNIT)) {
		to = "到帮扶单位";
		stay = "在帮扶单位";
		to_en = "to partner units";
		stay_en = "at partner units";
	} else {
		to = "到帮扶对象";
		stay = "在帮扶对象处";
		to_en = "to partners";
		stay_en = "at partners";
	}
	if (d->en) {
		sbuf_puts(&d->b, ": at least ");
		if (q->visits >= 0)
			sbuf_printf(&d->b, "%lld visit%s %s", (long long)q->visits,
			    q->visits == 1 ? "" : "s", to_en);
		if (q->visits >= 0 && q->days >= 0)
			sbuf_puts(&d->b, " and ");
		if (q->days >= 0)
			sbuf_printf(&d->b, "%lld working day%s %s",
			    (long long)q->days, q->days == 1 ? "" : "s",
			    stay_en);
		sbuf_printf(&d->b, " a %s", per_en[per]);
		return;
	}
	sbuf_printf(&d->b, "每%s", per_zh[per]);
	if (q->visits >= 0)
		sbuf_printf(&d->b, "%s不少于%lld次", to, (long long)q->visits);
	if (q->visits >= 0 && q->days >= 0)
		sbuf_puts(&d->b, "，");
	if (q->days >= 0)
		sbuf_printf(&d->b, "%s累计不少于%lld个工作日", stay,
		    (long long)q->days);
}

static void
doc_quotas(struct doc *d)
{
	const struct plan *p = d->p;
	const struct quota *q;
	const struct reflist *l;
	uint32_t i;

	d->o->list(d->ctx, true);
	for (i = 0; i < p->nquotas; i++) {
		q = &p->quotas[i];
		d->o->item(d->ctx, i + 1);
		switch (q->group) {
		case QG_LEADER:
			sbuf_puts(&d->b, L(d, "组长", "Leader"));
			l = &p->leader;
			break;
		case QG_DEPUTIES:
			sbuf_puts(&d->b, L(d, "副组长", "Deputy leaders"));
			l = &p->deputies;
			break;
		case QG_MEMBERS:
			sbuf_puts(&d->b, L(d, "领导小组成员",
			    "Members of the leadership group"));
			l = &p->members;
			break;
		case QG_LEADERSHIP:
			sbuf_puts(&d->b, L(d, "领导小组全体成员",
			    "Everyone in the leadership group"));
			l = NULL;
			break;
		default:
			l = &q->people;
			ref_names(d, l);
			l = NULL;
			break;
		}
		if (l != NULL && ref_count(d, l) > 0) {
			sbuf_puts(&d->b, L(d, "（", " ("));
			ref_names(d, l);
			sbuf_puts(&d->b, L(d, "）", ")"));
		}
		quota_phrase(d, q);
		flush(d);
		d->o->item_end(d->ctx);
	}
	d->o->list_end(d->ctx);
}

/* ---- the parts ------------------------------------------------------------ */

static bool
part_has(const struct doc *d, enum part k)
{
	const struct plan *p = d->p;

	switch (k) {
	case PART_AID:
		return p->has_aid && (p->aid.nstandards > 0 ||
		    p->aid.has_budget);
	case PART_PAIRINGS:
		return p->npairings > 0;
	case PART_TARGETS:
		return p->ntargets > 0;
	default:
		return p->nquotas > 0;
	}
}

/* The title of a part: zh, or en. */
static const char *
part_title(const struct doc *d, enum part k, bool en)
{
	switch (k) {
	case PART_AID:
		return en ? "Aid categories and standards" : "资助对象与标准";
	case PART_PAIRINGS:
		return en ? "Pairings" : "结对安排";
	case PART_TARGETS:
		switch (d->p->kind) {
		case PK_PROGRAMME:
			return en ? "Key figures" : "主要指标";
		case PK_RESPONSIBILITY:
			return en ? "Targets" : "目标任务";
		default:
			return en ? "Targets" : "效果检测";
		}
	default:
		return en ? "Safeguards" : "保障措施";
	}
}

static void
part_body(struct doc *d, enum part k)
{
	switch (k) {
	case PART_AID:
		doc_aid(d);
		break;
	case PART_PAIRINGS:
		doc_pairings(d);
		break;
	case PART_TARGETS:
		doc_targets(d);
		break;
	default:
		doc_quotas(d);
		break;
	}
}

/* A part in a section of its own, unless a section of the plan holds it. */
static void
doc_part(struct doc *d, enum part k)
{
	if (!part_has(d, k) || d->part_at[k] >= 0)
		return;
	if (k == PART_PAIRINGS)
		pairings_title(d);
	else
		section(d, part_title(d, k, false), part_title(d, k, true));
	part_body(d, k);
}

/*
 * Are two titles the same, but for spaces and the words for "and" (和,
 * 与, 及): 资助对象和标准 is 资助对象与标准.
 */
static bool
same_title(const char *a, const char *b)
{
	static const char *const skip[] = { " ", "\xe3\x80\x80", "和", "与", "及" };
	const char **s[2] = { &a, &b };
	size_t i, k, n;

	for (;;) {
		for (k = 0; k < 2; k++)
			for (i = 0; i < sizeof(skip) / sizeof(*skip); i++) {
				n = strlen(skip[i]);
				if (strncmp(*s[k], skip[i], n) == 0) {
					*s[k] += n;
					i = (size_t)-1;	/* again from the first */
				}
			}
		if (*a != *b)
			return false;
		if (*a == '\0')
			return true;
		a++;
		b++;
	}
}

/* Which section of the plan, by its title, holds each part. */
static void
find_parts(struct doc *d)
{
	const struct section *x;
	uint32_t i;
	int k;

	for (k = 0; k < PART__COUNT; k++) {
		d->part_at[k] = -1;
		if (!part_has(d, (enum part)k))
			continue;
		for (i = 0; i < d->p->nsections; i++) {
			x = &d->p->sections[i];
			if (x->title != NULL &&
			    (same_title(x->title, part_title(d, k, false)) ||
			    same_title(x->title, part_title(d, k, true)))) {
				d->part_at[k] = i;
				break;
			}
		}
	}
}

/* The writer of a plan the helped kindergarten writes, else -1. */
static int32_t
writer(const struct plan *p)
{
	if (p->author != AUTHOR_PARTNER || p->kind != PK_PAIRING)
		return -1;
	if (p->has_writer && p->writer.idx > 0 &&
	    (uint32_t)p->writer.idx < p->norgs)
		return p->writer.idx;
	return p->norgs == 2 ? 1 : -1;
}

void
render_doc(const struct doc_ops *o, void *ctx, const struct plan *p,
    const struct schedule *s, bool en)
{
	struct doc d;
	uint32_t i;

	memset(&d, 0, sizeof(d));
	d.o = o;
	d.ctx = ctx;
	d.p = p;
	d.s = s;
	d.en = en;
	d.writer = writer(p);
	for (i = 1; i < p->norgs; i++)
		d.types |= 1u << (p->orgs[i].type & 3);
	index_by_series(&d, s->events, s->nevents, sizeof(*s->events),
	    &d.ev, &d.ev_start);
	index_by_series(&d, s->unplaced, s->nunplaced, sizeof(*s->unplaced),
	    &d.un, &d.un_start);
	order_activities(&d);
	index_series(&d);
	find_parts(&d);

	o->begin(ctx, p->title != NULL ? p->title : "", en);
	doc_head(&d);
	if (p->preamble != NULL) {
		sbuf_puts(&d.b, p->preamble);
		paragraph(&d);
	}
	if (p->guiding != NULL) {
		section(&d, "指导思想", "Guiding principles");
		sbuf_puts(&d.b, p->guiding);
		paragraph(&d);
	}
	if (p->kind == PK_MENTORSHIP)
		doc_mentorships(&d);
	if (p->norgs > 1)
		doc_partners(&d);
	doc_leadership(&d);
	doc_sections(&d, PLACE_BEFORE_GOALS);
	if (p->ngoals > 0) {
		section(&d, "工作目标", "Goals");
		text_list(&d, p->goals, p->ngoals);
	}
	doc_part(&d, PART_AID);
	doc_part(&d, PART_PAIRINGS);
	doc_sections(&d, PLACE_BEFORE_PHASES);
	if (p->nphases > 0)
		doc_phases(&d);
	doc_sections(&d, PLACE_AFTER_PHASES);
	if (p->kind != PK_MENTORSHIP)
		doc_mentorships(&d);
	doc_part(&d, PART_TARGETS);
	doc_part(&d, PART_QUOTAS);
	if (p->closing != NULL) {
		sbuf_puts(&d.b, p->closing);
		paragraph(&d);
	}
	if (o->timeline != NULL)
		o->timeline(ctx, p, s, en);
	o->end(ctx);

	sbuf_free(&d.b);
	free(d.ev);
	free(d.ev_start);
	free(d.un);
	free(d.un_start);
	free(d.act_first);
	free(d.act_last);
	free(d.ment_first);
	free(d.ment_last);
	free(d.pair_series);
	free(d.by_phase);
	free(d.ph_start);
	free(d.phase_off);
}
