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

struct doc {
	const struct doc_ops	*o;
	void			*ctx;
	const struct plan	*p;
	const struct schedule	*s;
	bool			 en;
	struct sbuf		 b;		/* the text being built */
	unsigned		 sections;	/* numbered so far */
	/* Events and unplaced occurrences of series i, in schedule order. */
	size_t			*ev, *ev_start, *un, *un_start;
};

/* zh or en. */
#define L(d, zh, english)	((d)->en ? (english) : (zh))

/* Hands the text built in d->b to the backend and empties it. */
static void
flush(struct doc *d)
{
	d->o->text(d->ctx, d->b.p != NULL ? d->b.p : "");
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

/* Post of a person: role, after the kindergarten when not the host's. */
static void
person_post(struct doc *d, const struct person *pe)
{
	bool other = pe->has_org && pe->org.idx > 0 &&
	    (uint32_t)pe->org.idx < d->p->norgs;

	if (other) {
		sbuf_puts(&d->b, org_name(d->p, pe->org.idx));
		if (pe->role != NULL)
			sbuf_puts(&d->b, d->en ? ", " : "");
	}
	if (pe->role != NULL)
		sbuf_puts(&d->b, pe->role);
}

/* Name (post), or the name alone. */
static void
person_desc(struct doc *d, int32_t k)
{
	const struct person *pe;

	if (k < 0 || (uint32_t)k >= d->p->npeople)
		return;
	pe = &d->p->people[k];
	sbuf_puts(&d->b, person_name(pe));
	if (pe->role == NULL && !(pe->has_org && pe->org.idx > 0))
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

/* ---- title, partners, leadership, goals ------------------------------ */

static void
doc_head(struct doc *d)
{
	const struct plan *p = d->p;
	const struct org *host = &p->orgs[0];
	uint32_t i;

	d->o->para(d->ctx);
	sbuf_puts(&d->b, L(d, "帮扶园：", "Host: "));
	sbuf_puts(&d->b, org_name(p, 0));
	if (host->level != NULL)
		sbuf_printf(&d->b, L(d, "（%s）", " (%s)"), host->level);
	flush(d);
	d->o->line_break(d->ctx);
	sbuf_puts(&d->b, p->norgs > 2 ? L(d, "结对园：", "Partners: ") :
	    L(d, "结对园：", "Partner: "));
	for (i = 1; i < p->norgs; i++) {
		if (i > 1)
			sbuf_puts(&d->b, L(d, "、", ", "));
		sbuf_puts(&d->b, org_name(p, (int32_t)i));
	}
	flush(d);
	d->o->line_break(d->ctx);
	sbuf_puts(&d->b, L(d, "帮扶时间：", "Period: "));
	l10n_span(&d->b, p->period, d->en);
	flush(d);
	d->o->para_end(d->ctx);
}

static void
doc_partners(struct doc *d)
{
	static const char *const head_zh[] = { "幼儿园", "类别", "班级数",
	    "幼儿数", "教师数", "教职工数", "帮扶需求" };
	static const char *const head_en[] = { "Kindergarten", "Kind",
	    "Classes", "Children", "Teachers", "Staff", "Needs" };
	const char *head[7];
	bool right[7], have[7] = { true };
	size_t col[7], ncols = 0, c;
	const struct plan *p = d->p;
	const struct org *o;
	uint32_t i, j;
	int64_t v;

	for (i = 1; i < p->norgs; i++) {
		o = &p->orgs[i];
		have[1] |= o->kind != NULL;
		have[2] |= o->classes >= 0;
		have[3] |= o->children >= 0;
		have[4] |= o->teachers >= 0;
		have[5] |= o->staff >= 0;
		have[6] |= o->nneeds > 0;
	}
	/* Columns no partner fills are left out. */
	for (c = 0; c < 7; c++)
		if (have[c]) {
			head[ncols] = d->en ? head_en[c] : head_zh[c];
			right[ncols] = c >= 2 && c <= 5;
			col[ncols++] = c;
		}
	section(d, "结对对象", "Partner kindergartens");
	d->o->table(d->ctx, ncols, head, right);
	for (i = 1; i < p->norgs; i++) {
		o = &p->orgs[i];
		for (c = 0; c < ncols; c++) {
			v = -1;
			switch (col[c]) {
			case 0:
				sbuf_puts(&d->b, org_name(p, (int32_t)i));
				break;
			case 1:
				sbuf_puts(&d->b, o->kind != NULL ? o->kind : "");
				break;
			case 2:
				v = o->classes;
				break;
			case 3:
				v = o->children;
				break;
			case 4:
				v = o->teachers;
				break;
			case 5:
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
			d->o->cell(d->ctx, d->b.p != NULL ? d->b.p : "");
			sbuf_clear(&d->b);
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
		*post |= pe->role != NULL || (pe->has_org && pe->org.idx > 0);
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

static void
doc_goals(struct doc *d)
{
	uint32_t i;

	if (d->p->ngoals == 0)
		return;
	section(d, "工作目标", "Goals");
	d->o->list(d->ctx, true);
	for (i = 0; i < d->p->ngoals; i++) {
		d->o->item(d->ctx, i + 1);
		sbuf_puts(&d->b, d->p->goals[i]);
		flush(d);
		d->o->item_end(d->ctx);
	}
	d->o->list_end(d->ctx);
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
		part(d, &any);
		if (!d->en)
			sbuf_printf(&d->b, "每%s%u次",
			    w->every == EV_WEEK ? "周" : "月", w->times);
		else if (w->times == 1)
			sbuf_puts(&d->b, w->every == EV_WEEK ? "weekly" :
			    "monthly");
		else
			sbuf_printf(&d->b, "%u times a %s", w->times,
			    w->every == EV_WEEK ? "week" : "month");
		break;
	case EV_WEEKS:
	case EV_DAYS:
		part(d, &any);
		if (!d->en)
			sbuf_printf(&d->b, "每%u%s%u次", w->every_n,
			    w->every == EV_WEEKS ? "周" : "天", w->times);
		else {
			if (w->times > 1)
				sbuf_printf(&d->b, "%u times ", w->times);
			sbuf_printf(&d->b, "every %u %s", w->every_n,
			    w->every == EV_WEEKS ? "weeks" : "days");
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
			sbuf_puts(&d->b, L(d, "各结对园",
			    "each partner kindergarten"));
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
		sbuf_puts(&d->b, org_name(p, a->w.at_org.idx));
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

/* The series of the plan in [*cur, ...) that belong to a or m. */
static void
series_of(struct doc *d, size_t *cur, const struct activity *a,
    const struct mentorship *m, size_t *first, size_t *last)
{
	const struct sched_series *sr;

	*first = *last = *cur;
	while (*cur < d->s->nseries) {
		sr = &d->s->series[*cur];
		if (rs_plan(d->s, sr) == d->p &&
		    (a != NULL ? sr->act == a : sr->ment == m))
			break;
		(*cur)++;
	}
	if (*cur == d->s->nseries) {	/* none: start again next time */
		*cur = *first;
		return;
	}
	*first = *cur;
	while (*cur < d->s->nseries) {
		sr = &d->s->series[*cur];
		if (rs_plan(d->s, sr) != d->p ||
		    (a != NULL ? sr->act != a : sr->ment != m))
			break;
		(*cur)++;
	}
	*last = *cur;
}

static void
doc_activity(struct doc *d, const struct activity *a, unsigned number,
    size_t *cur)
{
	const struct plan *p = d->p;
	size_t first, last;
	uint32_t i, n;

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
	    a->partners.n > 1) && (a->w.times > 1 || a->w.every != EV_NONE))
		sbuf_puts(&d->b, L(d, "（每个结对园）", " at each partner"));
	item(d);

	where(d, a);
	item(d);
	if (a->w.at != AT_PARTNER && !a->all_partners) {
		sbuf_puts(&d->b, L(d, "参与结对园：", "Partners taking part: "));
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
	series_of(d, cur, a, NULL, &first, &last);
	if (!a->has_date)	/* a fixed day: its date is said above */
		schedule_items(d, first, last);
	if (a->note != NULL) {
		sbuf_puts(&d->b, L(d, "备注：", "Note: "));
		sbuf_puts(&d->b, a->note);
		item(d);
	}
	d->o->list_end(d->ctx);
	d->o->item_end(d->ctx);
}

static void
doc_phases(struct doc *d, size_t *cur)
{
	const struct phase *ph;
	uint32_t i, j;

	section(d, "实施步骤", "Implementation steps");
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
		for (j = 0; j < ph->nacts; j++)
			doc_activity(d, &ph->acts[j], j + 1, cur);
		d->o->list_end(d->ctx);
	}
}

static void
doc_mentorships(struct doc *d, size_t *cur)
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
		person_desc(d, m->mentor.idx);
		sbuf_puts(&d->b, L(d, "；徒弟：", "; apprentice: "));
		person_desc(d, m->apprentice.idx);
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
			series_of(d, cur, NULL, m, &first, &last);
			if (last > first) {
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

/* A number as written: 30, 0.5. */
static void
number(struct sbuf *b, double v)
{
	sbuf_printf(b, "%.15g", v);
}

static void
doc_targets(struct doc *d)
{
	static const char *const cmp[3] = { "≥", "≤", "=" };
	const struct target *t;
	const struct plan *p = d->p;
	uint32_t i, j, n;

	if (p->ntargets == 0)
		return;
	section(d, "效果检测", "Targets");
	d->o->list(d->ctx, true);
	for (i = 0; i < p->ntargets; i++) {
		t = &p->targets[i];
		d->o->item(d->ctx, i + 1);
		sbuf_printf(&d->b, "%s %s ", t->name != NULL ? t->name : "",
		    cmp[t->cmp <= CMP_EQUALS ? t->cmp : CMP_EQUALS]);
		number(&d->b, t->value);
		if (t->percent)
			sbuf_putc(&d->b, '%');
		sbuf_puts(&d->b, L(d, "（", " ("));
		if (t->all_partners && p->norgs > 2)
			sbuf_puts(&d->b, L(d, "全部结对园", "all partners"));
		else if (t->all_partners)
			sbuf_puts(&d->b, org_name(p, p->norgs > 1 ? 1 : -1));
		for (j = 0, n = 0; !t->all_partners && j < t->partners.n; j++)
			if (t->partners.v[j].idx >= 1)
				sbuf_printf(&d->b, "%s%s", n++ ?
				    L(d, "、", ", ") : "",
				    org_name(p, t->partners.v[j].idx));
		if (t->has_by) {
			sbuf_puts(&d->b, L(d, "，到", ", by "));
			l10n_span(&d->b, t->by, d->en);
		}
		sbuf_puts(&d->b, L(d, "）", ")"));
		flush(d);
		d->o->item_end(d->ctx);
	}
	d->o->list_end(d->ctx);
}

static void
doc_quotas(struct doc *d)
{
	static const char *const per_zh[] = { "年", "学期", "月" };
	static const char *const per_en[] = { "year", "semester", "month" };
	const struct plan *p = d->p;
	const struct quota *q;
	const struct reflist *l;
	uint32_t i;

	if (p->nquotas == 0)
		return;
	section(d, "保障措施", "Safeguards");
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
		if (d->en && q->visits >= 0)
			sbuf_printf(&d->b, ": at least %lld visit%s to "
			    "partner kindergartens a %s", (long long)q->visits,
			    q->visits == 1 ? "" : "s", per_en[q->per]);
		else if (q->visits >= 0)
			sbuf_printf(&d->b, "每%s到结对园不少于%lld次",
			    per_zh[q->per], (long long)q->visits);
		if (d->en && q->days >= 0)
			sbuf_printf(&d->b, "%s at least %lld working day%s at "
			    "partner sites a %s", q->visits >= 0 ? "," : ":",
			    (long long)q->days, q->days == 1 ? "" : "s",
			    per_en[q->per]);
		else if (q->days >= 0)
			sbuf_printf(&d->b, "%s每%s在结对园不少于%lld个工作日",
			    q->visits >= 0 ? "，" : "", per_zh[q->per],
			    (long long)q->days);
		flush(d);
		d->o->item_end(d->ctx);
	}
	d->o->list_end(d->ctx);
}

void
render_doc(const struct doc_ops *o, void *ctx, const struct plan *p,
    const struct schedule *s, bool en)
{
	struct doc d;
	size_t cur = 0;

	memset(&d, 0, sizeof(d));
	d.o = o;
	d.ctx = ctx;
	d.p = p;
	d.s = s;
	d.en = en;
	index_by_series(&d, s->events, s->nevents, sizeof(*s->events),
	    &d.ev, &d.ev_start);
	index_by_series(&d, s->unplaced, s->nunplaced, sizeof(*s->unplaced),
	    &d.un, &d.un_start);

	o->begin(ctx, p->title != NULL ? p->title : "", en);
	doc_head(&d);
	if (p->guiding != NULL) {
		section(&d, "指导思想", "Guiding principles");
		sbuf_puts(&d.b, p->guiding);
		paragraph(&d);
	}
	if (p->norgs > 1)
		doc_partners(&d);
	doc_leadership(&d);
	doc_goals(&d);
	if (p->nphases > 0)
		doc_phases(&d, &cur);
	doc_mentorships(&d, &cur);
	doc_targets(&d);
	doc_quotas(&d);
	if (o->timeline != NULL)
		o->timeline(ctx, p, s, en);
	o->end(ctx);

	sbuf_free(&d.b);
	free(d.ev);
	free(d.ev_start);
	free(d.un);
	free(d.un_start);
}
