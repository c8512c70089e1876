/* render_summary.c - the year-end summary (总结) of a plan from its records: md and html through the document backends, and json. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "jw.h"
#include "l10n.h"
#include "plan.h"
#include "records.h"
#include "render_doc.h"
#include "render_status.h"
#include "render_summary.h"
#include "render_util.h"
#include "sbuf.h"
#include "sched.h"
#include "status.h"

const char *const render_summary_formats[] = { "md", "html", "json", NULL };

/* ---- what the summary says, gathered once for every format ------------- */

/* One occurrence held up to the day: an event, or beyond the plan. */
struct sitem {
	int32_t			 phase;		/* nphases: mentorships */
	int			 kind;
	uint32_t		 krank;		/* the kind's place in its phase */
	day_t			 date, end;
	const struct sched_event *ev;		/* NULL beyond the plan */
	const struct record	*rec;
	uint32_t		 ord;
};

struct sum {
	const struct status	*st;
	const struct records	*recs;
	const struct schedule	*s;
	const struct plan	*p;
	bool			 en;
	struct sitem		*held;
	size_t			 nheld;
	size_t			*next;		/* events after the day */
	size_t			 nnext;
	uint64_t		 participants;
	/* the backend, while walking */
	const struct doc_ops	*o;
	void			*ctx;
	struct sbuf		 b;
	unsigned		 sections, subs;
};

#define L(x, zh, english)	((x)->en ? (english) : (zh))

/* The place of kind k in phase ph: the position of its first activity. */
static uint32_t
kind_rank(const struct plan *p, int32_t ph, int k)
{
	uint32_t j;

	if (ph < 0 || (uint32_t)ph >= p->nphases)
		return 0;
	for (j = 0; j < p->phases[ph].nacts; j++)
		if (p->phases[ph].acts[j].kind == k)
			return j;
	return p->phases[ph].nacts;
}

static int
sitem_cmp(const void *x, const void *y)
{
	const struct sitem *a = x, *b = y;

	if (a->phase != b->phase)
		return a->phase < b->phase ? -1 : 1;
	if (a->krank != b->krank)
		return a->krank < b->krank ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return a->ord < b->ord ? -1 : a->ord > b->ord;
}

static void
gather(struct sum *x)
{
	const struct status *st = x->st;
	const struct schedule *s = x->s;
	const struct plan *p = x->p;
	size_t i, n = 0;

	x->held = calloc(s->nevents + st->nextra + 1, sizeof(*x->held));
	x->next = calloc(s->nevents + 1, sizeof(*x->next));
	if (x->held == NULL || x->next == NULL)
		arena_oom();
	for (i = 0; i < s->nevents; i++) {
		const struct sched_event *e = &s->events[i];
		struct sitem *it;

		if (e->date > st->on) {
			x->next[x->nnext++] = i;
			continue;
		}
		if (st->held_by[i] == NULL)
			continue;
		it = &x->held[n];
		it->ev = e;
		it->rec = st->held_by[i];
		it->phase = e->series->phase >= 0 ? e->series->phase :
		    (int32_t)p->nphases;
		it->kind = rs_series_kind(e->series);
		it->krank = kind_rank(p, it->phase, it->kind);
		it->date = e->date;
		it->end = e->end;
		it->ord = (uint32_t)n++;
	}
	for (i = 0; i < st->nextra; i++) {
		const struct record *r = st->extra[i].rec;
		struct sitem *it = &x->held[n];

		it->rec = r;
		it->phase = r->act_phase >= 0 ? r->act_phase :
		    (int32_t)p->nphases;
		it->kind = r->act != NULL ? r->act->kind : K_MENTORING;
		it->krank = kind_rank(p, it->phase, it->kind);
		it->date = r->date.from;
		it->end = r->date.to;
		it->ord = (uint32_t)n++;
	}
	x->nheld = n;
	if (n > 1)
		qsort(x->held, n, sizeof(*x->held), sitem_cmp);
	for (i = 0; i < n; i++)
		if (x->held[i].rec->participants > 0)
			x->participants +=
			    (uint64_t)x->held[i].rec->participants;
}

/* The note of a moved record of the event, in force: why it moved. */
static const struct record *
moved_of(const struct sum *x, const struct sched_event *e)
{
	const struct record *found = NULL;
	uint32_t i, si = (uint32_t)(e->series - x->s->series);

	for (i = 0; x->recs != NULL && i < x->recs->n; i++) {
		const struct record *r = &x->recs->v[i];

		if (!r->bad && !r->replaced && r->status == REC_MOVED &&
		    r->series == (int32_t)si && r->occurrence == e->occurrence &&
		    r->note != NULL)
			found = r;
	}
	return found;
}

static const char *
person_name(const struct plan *p, int32_t i)
{
	if (i < 0 || (uint32_t)i >= p->npeople)
		return "";
	return p->people[i].name != NULL ? p->people[i].name :
	    p->people[i].id;
}

static void
names(struct sum *x, struct sbuf *b, const int32_t *who, uint32_t n)
{
	uint32_t k;

	for (k = 0; k < n; k++) {
		if (k > 0)
			sbuf_puts(b, L(x, "、", ", "));
		sbuf_puts(b, person_name(x->p, who[k]));
	}
}

/* The title an item is known by: "送教下乡 (3/5)", or its activity's. */
static void
item_title(struct sum *x, struct sbuf *b, const struct sitem *it)
{
	if (it->ev != NULL) {
		rs_title(b, it->ev->series, it->ev->occurrence);
		return;
	}
	if (it->rec->act != NULL)
		sbuf_puts(b, it->rec->act->title);
	else
		sbuf_puts(b, "师徒结对");
	sbuf_puts(b, L(x, "（计划外）", " (beyond the plan)"));
}

/*
 * 2024年4月1日，送教下乡 (1/5)，河西镇中心幼儿园，李萍、马雯，15人次：
 * note（改期：note）.
 */
static void
item_text(struct sum *x, struct sbuf *b, const struct sitem *it)
{
	const struct record *r = it->rec, *m;
	int32_t who[64];
	uint32_t n;
	int32_t site = status_rec_site(r, x->s, x->p);
	const char *sep = L(x, "，", ", ");

	l10n_day_range(b, it->date, it->end, x->en, true);
	sbuf_puts(b, sep);
	item_title(x, b, it);
	if (site >= 0 || it->ev != NULL) {
		sbuf_puts(b, sep);
		sbuf_puts(b, rs_site_name(x->p, it->ev != NULL ?
		    it->ev->series->site : site));
	}
	n = status_rec_people(r, x->s, x->p, who, 64);
	if (n > 0) {
		sbuf_puts(b, sep);
		names(x, b, who, n);
	}
	if (r->participants >= 0)
		sbuf_printf(b, L(x, "，%lld人次", ", %lld reached"),
		    (long long)r->participants);
	if (r->note != NULL)
		sbuf_printf(b, L(x, "：%s", ": %s"), r->note);
	if (it->ev != NULL && (m = moved_of(x, it->ev)) != NULL)
		sbuf_printf(b, L(x, "（改期：%s）", " (moved: %s)"), m->note);
}

/* An event to come or overdue: date, title, site, people. */
static void
event_text(struct sum *x, struct sbuf *b, const struct sched_event *e)
{
	const char *sep = L(x, "，", ", ");
	const struct record *m;

	l10n_day_range(b, e->date, e->end, x->en, true);
	sbuf_puts(b, sep);
	rs_title(b, e->series, e->occurrence);
	sbuf_puts(b, sep);
	sbuf_puts(b, rs_site_name(x->p, e->series->site));
	if (e->series->npeople > 0) {
		sbuf_puts(b, sep);
		names(x, b, e->series->people, e->series->npeople);
	}
	if ((m = moved_of(x, e)) != NULL)
		sbuf_printf(b, L(x, "（改期：%s）", " (moved: %s)"), m->note);
}

static const char *
summary_title(struct sum *x, struct sbuf *b)
{
	const char *t = x->p->title != NULL ? x->p->title : "";
	size_t n = strlen(t);

	if (x->en)
		sbuf_printf(b, "Year-end summary: %s", t);
	else if (n >= 6 && strcmp(t + n - 6, "计划") == 0)
		sbuf_printf(b, "%.*s总结", (int)(n - 6), t);
	else
		sbuf_printf(b, "%s总结", t);
	return b->p;
}

/* ---- md and html: the walk over the backend's doc_ops ------------------- */

static void
flush(struct sum *x)
{
	x->o->text(x->ctx, x->b.p != NULL ? x->b.p : "");
	sbuf_clear(&x->b);
}

static void
section(struct sum *x, const char *zh, const char *en)
{
	x->sections++;
	x->subs = 0;
	if (x->en)
		sbuf_printf(&x->b, "%u. %s", x->sections, en);
	else {
		l10n_cn_number(&x->b, x->sections);
		sbuf_printf(&x->b, "、%s", zh);
	}
	x->o->heading(x->ctx, 2, x->b.p);
	sbuf_clear(&x->b);
}

/* （一）TEXT or 1.1 TEXT, from what x->b holds. */
static void
subsection(struct sum *x, const char *text)
{
	struct sbuf h = { 0 };

	x->subs++;
	if (x->en)
		sbuf_printf(&h, "%u.%u %s", x->sections, x->subs, text);
	else {
		sbuf_puts(&h, "（");
		l10n_cn_number(&h, x->subs);
		sbuf_printf(&h, "）%s", text);
	}
	x->o->heading(x->ctx, 3, h.p);
	sbuf_free(&h);
}

static void
para(struct sum *x)
{
	x->o->para(x->ctx);
	flush(x);
	x->o->para_end(x->ctx);
}

static void
item(struct sum *x, unsigned number)
{
	x->o->item(x->ctx, number);
	flush(x);
	x->o->item_end(x->ctx);
}

static void
head(struct sum *x)
{
	const struct plan *p = x->p;
	uint32_t i;

	x->o->para(x->ctx);
	sbuf_puts(&x->b, L(x, "帮扶园：", "Host: "));
	sbuf_puts(&x->b, rs_site_name(p, 0));
	flush(x);
	x->o->line_break(x->ctx);
	sbuf_puts(&x->b, L(x, "结对园：", p->norgs > 2 ? "Partners: " :
	    "Partner: "));
	for (i = 1; i < p->norgs; i++)
		sbuf_printf(&x->b, "%s%s", i > 1 ? L(x, "、", ", ") : "",
		    rs_site_name(p, (int32_t)i));
	flush(x);
	x->o->line_break(x->ctx);
	sbuf_puts(&x->b, L(x, "帮扶时间：", "Period: "));
	l10n_span(&x->b, p->period, x->en);
	flush(x);
	x->o->line_break(x->ctx);
	sbuf_puts(&x->b, L(x, "统计截至：", "As of: "));
	l10n_day(&x->b, x->st->on, x->en, true);
	flush(x);
	x->o->para_end(x->ctx);
}

static void
ref_names(struct sum *x, const struct reflist *l)
{
	uint32_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (l->v[i].idx >= 0)
			sbuf_printf(&x->b, "%s%s", n++ ? L(x, "、", ", ") : "",
			    person_name(x->p, l->v[i].idx));
}

static void
overview(struct sum *x)
{
	static const char *const head_zh[] = { "结对园", "计划开展", "已开展" };
	static const char *const head_en[] = { "Partner", "Planned",
	    "Held" };
	static const bool right[3] = { false, true, true };
	static const char *const ph_zh[] = { "人员", "岗位", "参加活动" };
	static const char *const ph_en[] = { "Person", "Post", "Events" };
	static const bool pright[3] = { false, false, true };
	const struct status *st = x->st;
	const struct status_counts *c = &st->totals;
	const struct plan *p = x->p;
	size_t i, n;

	section(x, "基本情况", "Overview");
	if (st->npartners > 0) {
		subsection(x, L(x, "结对对象", "Partner kindergartens"));
		x->o->table(x->ctx, 3, x->en ? head_en : head_zh, right);
		for (i = 0; i < st->npartners; i++) {
			const struct status_row *r = &st->partners[i];

			x->o->cell(x->ctx, rs_site_name(p, r->idx));
			sbuf_printf(&x->b, "%u", r->c.planned);
			x->o->cell(x->ctx, x->b.p);
			sbuf_clear(&x->b);
			sbuf_printf(&x->b, "%u", r->c.held);
			x->o->cell(x->ctx, x->b.p);
			sbuf_clear(&x->b);
			x->o->row_end(x->ctx);
		}
		x->o->table_end(x->ctx);
	}
	if (p->has_leadership && p->leader.n + p->deputies.n +
	    p->members.n > 0) {
		subsection(x, L(x, "领导小组", "Leadership group"));
		if (p->leader.n > 0) {
			sbuf_puts(&x->b, L(x, "组长：", "Leader: "));
			ref_names(x, &p->leader);
		}
		if (p->deputies.n > 0) {
			sbuf_puts(&x->b, L(x, "；副组长：", "; deputies: "));
			ref_names(x, &p->deputies);
		}
		if (p->members.n > 0) {
			sbuf_puts(&x->b, L(x, "；成员：", "; members: "));
			ref_names(x, &p->members);
		}
		para(x);
	}
	subsection(x, L(x, "完成情况", "What was done"));
	x->o->list(x->ctx, true);
	sbuf_puts(&x->b, L(x, "截至", "Up to "));
	l10n_day(&x->b, st->on, x->en, true);
	sbuf_printf(&x->b, L(x, "，计划开展活动%u次，已开展%u次，取消%u次，逾期"
	    "未开展%u次；计划外开展%u次。", ": %u events planned, %u held, %u "
	    "cancelled, %u overdue; %u held beyond the plan."), c->planned,
	    c->held, c->cancelled, c->overdue, c->extra);
	item(x, 1);
	sbuf_printf(&x->b, L(x, "记录的参与人次合计%llu人次。",
	    "People reached, as recorded: %llu."),
	    (unsigned long long)x->participants);
	item(x, 2);
	x->o->list_end(x->ctx);
	for (i = n = 0; i < st->npeople; i++)
		n += st->people[i].c.held > 0;
	if (n == 0)
		return;
	x->o->table(x->ctx, 3, x->en ? ph_en : ph_zh, pright);
	for (i = 0; i < st->npeople; i++) {
		const struct status_row *r = &st->people[i];
		const struct person *pe = &p->people[r->idx];

		if (r->c.held == 0)
			continue;
		x->o->cell(x->ctx, person_name(p, r->idx));
		if (pe->has_org && pe->org.idx > 0)
			sbuf_printf(&x->b, "%s%s", rs_site_name(p, pe->org.idx),
			    pe->role != NULL ? L(x, "", ", ") : "");
		if (pe->role != NULL)
			sbuf_puts(&x->b, pe->role);
		x->o->cell(x->ctx, x->b.p != NULL ? x->b.p : "");
		sbuf_clear(&x->b);
		sbuf_printf(&x->b, "%u", r->c.held);
		x->o->cell(x->ctx, x->b.p);
		sbuf_clear(&x->b);
		x->o->row_end(x->ctx);
	}
	x->o->table_end(x->ctx);
}

static void
phase_heading(struct sum *x, int32_t ph)
{
	struct sbuf h = { 0 };
	const struct phase *f;

	if ((uint32_t)ph >= x->p->nphases) {
		subsection(x, L(x, "师徒结对", "Mentor–apprentice pairs"));
		return;
	}
	f = &x->p->phases[ph];
	if (x->en)
		sbuf_printf(&h, "Phase %d%s%s (", ph + 1, f->name != NULL ?
		    ": " : "", f->name != NULL ? f->name : "");
	else {
		sbuf_puts(&h, "第");
		l10n_cn_number(&h, (unsigned long)ph + 1);
		sbuf_printf(&h, "阶段%s%s（", f->name != NULL ? "：" : "",
		    f->name != NULL ? f->name : "");
	}
	l10n_span(&h, f->period, x->en);
	sbuf_puts(&h, L(x, "）", ")"));
	subsection(x, h.p);
	sbuf_free(&h);
}

static void
practices(struct sum *x)
{
	size_t i, j;
	unsigned k;

	if (x->nheld == 0)
		return;
	section(x, "主要做法", "What we did");
	for (i = 0; i < x->nheld; i = j) {
		int32_t ph = x->held[i].phase;

		phase_heading(x, ph);
		x->o->list(x->ctx, true);
		for (j = i, k = 0; j < x->nheld && x->held[j].phase == ph;) {
			int kind = x->held[j].kind;
			size_t m;

			x->o->item(x->ctx, ++k);
			sbuf_puts(&x->b, plan_kind_label(kind, x->en));
			for (m = j; j < x->nheld && x->held[j].phase ==
			    ph && x->held[j].kind == kind; j++)
				;
			sbuf_printf(&x->b, L(x, "（%zu次）", " (%zu)"), j - m);
			flush(x);
			x->o->list(x->ctx, false);
			for (; m < j; m++) {
				item_text(x, &x->b, &x->held[m]);
				item(x, 0);
			}
			x->o->list_end(x->ctx);
			x->o->item_end(x->ctx);
		}
		x->o->list_end(x->ctx);
	}
}

static void
results(struct sum *x)
{
	static const char *const h_zh[] = { "指标", "基数", "目标", "实测",
	    "测量日期", "结果" };
	static const char *const h_en[] = { "Target", "Baseline", "Goal",
	    "Measured", "Measured on", "Result" };
	static const char *const state_zh[] = { "达成", "未达成", "尚未检测",
	    "逾期未检测" };
	static const char *const state_en[] = { "met", "not met",
	    "not yet measured", "overdue" };
	static const bool right[6] = { false, true, false, false, false,
	    false };
	const struct status *st = x->st;
	size_t i;

	if (st->ntargets == 0)
		return;
	section(x, "主要成效", "Results");
	x->o->table(x->ctx, 6, x->en ? h_en : h_zh, right);
	for (i = 0; i < st->ntargets; i++) {
		const struct status_target *t = &st->targets[i];
		const struct target *tg = &x->p->targets[t->target];

		x->o->cell(x->ctx, tg->name != NULL ? tg->name : "");
		if (tg->has_baseline)
			sbuf_printf(&x->b, "%.15g%s", tg->baseline,
			    tg->percent ? "%" : "");
		x->o->cell(x->ctx, x->b.p != NULL ? x->b.p : "");
		sbuf_clear(&x->b);
		status_goal_text(&x->b, t, true);
		if (tg->has_by) {
			sbuf_puts(&x->b, L(x, "（到", " (by "));
			l10n_span(&x->b, tg->by, x->en);
			sbuf_puts(&x->b, L(x, "）", ")"));
		}
		x->o->cell(x->ctx, x->b.p);
		sbuf_clear(&x->b);
		x->o->cell(x->ctx, t->rec != NULL ?
		    t->rec->values[t->value].text : "—");
		if (t->rec != NULL)
			l10n_day(&x->b, t->rec->date.from, x->en, true);
		x->o->cell(x->ctx, x->b.p != NULL ? x->b.p : "");
		sbuf_clear(&x->b);
		x->o->cell(x->ctx, x->en ? state_en[t->state] :
		    state_zh[t->state]);
		x->o->row_end(x->ctx);
	}
	x->o->table_end(x->ctx);
}

/* The title of a cancelled occurrence: its series, with (k/n). */
static void
cancelled_text(struct sum *x, const struct record *r)
{
	const struct sched_series *sr = &x->s->series[r->series];

	rs_title(&x->b, sr, r->occurrence);
	sbuf_puts(&x->b, L(x, "，", ", "));
	sbuf_puts(&x->b, rs_site_name(x->p, sr->site));
	if (r->note != NULL)
		sbuf_printf(&x->b, L(x, "：%s", ": %s"), r->note);
}

static size_t
count_short(const struct status *st)
{
	size_t i, n = 0;

	for (i = 0; i < st->nquotas; i++)
		n += st->quotas[i].finished &&
		    st->quotas[i].got < st->quotas[i].required;
	return n;
}

static size_t
count_behind(const struct status *st)
{
	size_t i, n = 0;

	for (i = 0; i < st->npartners; i++)
		n += st->partners[i].c.held < st->partners[i].c.planned;
	return n;
}

static size_t
count_missed(const struct status *st)
{
	size_t i, n = 0;

	for (i = 0; i < st->ntargets; i++)
		n += st->targets[i].state == ST_NOT_MET ||
		    st->targets[i].state == ST_OVERDUE;
	return n;
}

static void
problems(struct sum *x)
{
	const struct status *st = x->st;
	size_t i;

	if (st->ncancelled + st->noverdue + count_short(st) +
	    count_behind(st) + count_missed(st) == 0)
		return;
	section(x, "存在问题", "Problems");
	if (st->ncancelled > 0) {
		subsection(x, L(x, "取消的活动", "Cancelled"));
		x->o->list(x->ctx, true);
		for (i = 0; i < st->ncancelled; i++) {
			cancelled_text(x, st->cancelled[i].rec);
			item(x, (unsigned)i + 1);
		}
		x->o->list_end(x->ctx);
	}
	if (st->noverdue > 0) {
		subsection(x, L(x, "逾期未开展的活动", "Overdue"));
		x->o->list(x->ctx, true);
		for (i = 0; i < st->noverdue; i++) {
			event_text(x, &x->b, &x->s->events[st->overdue[i]]);
			item(x, (unsigned)i + 1);
		}
		x->o->list_end(x->ctx);
	}
	if (count_short(st) > 0) {
		unsigned k = 0;

		subsection(x, L(x, "未完成的走访要求", "Visit quotas not met"));
		x->o->list(x->ctx, true);
		for (i = 0; i < st->nquotas; i++) {
			const struct status_quota *q = &st->quotas[i];

			if (!q->finished || q->got >= q->required)
				continue;
			sbuf_printf(&x->b, "%s%s", person_name(x->p, q->person),
			    L(x, "：", ": "));
			l10n_day_range(&x->b, q->period.from, q->period.to,
			    x->en, true);
			sbuf_printf(&x->b, L(x, "应到结对园%u次，实到%u次",
			    ", %u visits to partners required, %u made"),
			    q->required, q->got);
			item(x, ++k);
		}
		x->o->list_end(x->ctx);
	}
	if (count_behind(st) > 0) {
		unsigned k = 0;

		subsection(x, L(x, "开展不足的结对园", "Partners visited less "
		    "than planned"));
		x->o->list(x->ctx, true);
		for (i = 0; i < st->npartners; i++) {
			const struct status_row *r = &st->partners[i];

			if (r->c.held >= r->c.planned)
				continue;
			sbuf_printf(&x->b, L(x, "%s：计划%u次，已开展%u次",
			    "%s: %u planned, %u held"), rs_site_name(x->p,
			    r->idx), r->c.planned, r->c.held);
			item(x, ++k);
		}
		x->o->list_end(x->ctx);
	}
	if (count_missed(st) > 0) {
		unsigned k = 0;

		subsection(x, L(x, "未达成的指标", "Targets not met"));
		x->o->list(x->ctx, true);
		for (i = 0; i < st->ntargets; i++) {
			const struct status_target *t = &st->targets[i];
			const struct target *tg = &x->p->targets[t->target];

			if (t->state != ST_NOT_MET && t->state != ST_OVERDUE)
				continue;
			if (t->rec != NULL)
				sbuf_printf(&x->b, L(x, "%s：实测%s", "%s: "
				    "measured %s"), tg->name,
				    t->rec->values[t->value].text);
			else
				sbuf_printf(&x->b, L(x, "%s：逾期未检测",
				    "%s: not measured by its date"), tg->name);
			item(x, ++k);
		}
		x->o->list_end(x->ctx);
	}
}

static void
next_steps(struct sum *x)
{
	const struct status *st = x->st;
	size_t i;
	unsigned k;
	int32_t ph;
	bool any_target = false;

	for (i = 0; i < st->ntargets; i++)
		any_target |= st->targets[i].state == ST_UNMEASURED;
	if (x->nnext == 0 && !any_target)
		return;
	section(x, "下一步打算", "Next steps");
	for (ph = 0; ph <= (int32_t)x->p->nphases; ph++) {
		k = 0;
		for (i = 0; i < x->nnext; i++) {
			const struct sched_event *e = &x->s->events[x->next[i]];
			int32_t eph = e->series->phase >= 0 ?
			    e->series->phase : (int32_t)x->p->nphases;

			if (eph != ph)
				continue;
			if (k == 0) {
				phase_heading(x, ph);
				x->o->list(x->ctx, true);
			}
			event_text(x, &x->b, e);
			item(x, ++k);
		}
		if (k > 0)
			x->o->list_end(x->ctx);
	}
	if (!any_target)
		return;
	subsection(x, L(x, "待检测的指标", "Targets still to measure"));
	x->o->list(x->ctx, true);
	for (i = 0, k = 0; i < st->ntargets; i++) {
		const struct status_target *t = &st->targets[i];
		const struct target *tg = &x->p->targets[t->target];

		if (t->state != ST_UNMEASURED)
			continue;
		sbuf_printf(&x->b, "%s ", tg->name);
		status_goal_text(&x->b, t, true);
		if (tg->has_by) {
			sbuf_puts(&x->b, L(x, "，到", ", by "));
			l10n_span(&x->b, tg->by, x->en);
		}
		item(x, ++k);
	}
	x->o->list_end(x->ctx);
}

static void
summary_walk(const struct doc_ops *o, void *ctx, const void *arg, bool en)
{
	struct sum *x = (struct sum *)arg;
	struct sbuf t = { 0 };

	(void)en;
	x->o = o;
	x->ctx = ctx;
	o->begin(ctx, summary_title(x, &t), x->en);
	sbuf_free(&t);
	head(x);
	overview(x);
	practices(x);
	results(x);
	problems(x);
	next_steps(x);
	o->end(ctx);
	sbuf_free(&x->b);
}

/* ---- json --------------------------------------------------------------- */

static void
json_people(FILE *fp, const struct sum *x, const int32_t *who, uint32_t n)
{
	uint32_t k;

	putc('[', fp);
	for (k = 0; k < n; k++) {
		if (k > 0)
			fputs(", ", fp);
		jw_str(fp, x->p->people[who[k]].id);
	}
	putc(']', fp);
}

static void
json_event_id(FILE *fp, const struct sched_series *sr, uint32_t occ,
    struct sbuf *b)
{
	sbuf_clear(b);
	sbuf_printf(b, "%s/%u", sr->id, occ);
	jw_str(fp, b->p);
}

static void
json_item(FILE *fp, struct sum *x, const struct sitem *it, struct sbuf *b)
{
	const struct record *r = it->rec, *m;
	int32_t who[64], site = it->ev != NULL ? it->ev->series->site :
	    status_rec_site(r, x->s, x->p);
	uint32_t n = status_rec_people(r, x->s, x->p, who, 64);

	fprintf(fp, "{\"n\": %lld, \"event\": ", (long long)r->n);
	if (it->ev != NULL)
		json_event_id(fp, it->ev->series, it->ev->occurrence, b);
	else
		fputs("null", fp);
	fputs(", \"activity\": ", fp);
	jw_str(fp, it->ev != NULL ? sched_activity(it->ev->series) :
	    r->activity);
	fputs(", \"title\": ", fp);
	jw_str(fp, it->ev != NULL ? sched_title(it->ev->series) :
	    r->act != NULL ? r->act->title : "师徒结对");
	fputs(", \"date\": ", fp);
	jw_date(fp, it->date);
	fputs(", \"end\": ", fp);
	jw_date(fp, it->end);
	fputs(", \"site\": ", fp);
	jw_str(fp, site >= 0 ? x->p->orgs[site].id : NULL);
	fputs(", \"people\": ", fp);
	json_people(fp, x, who, n);
	fputs(", \"participants\": ", fp);
	if (r->participants >= 0)
		fprintf(fp, "%lld", (long long)r->participants);
	else
		fputs("null", fp);
	fprintf(fp, ", \"extra\": %s, \"note\": ", it->ev == NULL ? "true" :
	    "false");
	jw_str(fp, r->note);
	fputs(", \"moved\": ", fp);
	m = it->ev != NULL ? moved_of(x, it->ev) : NULL;
	jw_str(fp, m != NULL ? m->note : NULL);
	putc('}', fp);
}

static void
json_refs(FILE *fp, const struct sum *x, const struct reflist *l)
{
	uint32_t i;
	bool first = true;

	putc('[', fp);
	for (i = 0; i < l->n; i++) {
		if (l->v[i].idx < 0)
			continue;
		fputs(first ? "" : ", ", fp);
		first = false;
		jw_str(fp, x->p->people[l->v[i].idx].id);
	}
	putc(']', fp);
}

static void
json_summary(FILE *fp, struct sum *x)
{
	const struct status *st = x->st;
	const struct plan *p = x->p;
	struct sbuf b = { 0 };
	const struct status_counts *c = &st->totals;
	bool first;
	size_t i, j;

	fputs("{\"on\": ", fp);
	jw_date(fp, st->on);
	fputs(", \"plan\": ", fp);
	jw_str(fp, p->file);
	fputs(", \"title\": ", fp);
	jw_str(fp, summary_title(x, &b));
	fputs(", \"period\": ", fp);
	jw_span(fp, p->period);
	fputs(",\n \"overview\": {\"host\": ", fp);
	jw_str(fp, p->orgs[0].id);
	fputs(", \"leadership\": {\"leader\": ", fp);
	json_refs(fp, x, &p->leader);
	fputs(", \"deputies\": ", fp);
	json_refs(fp, x, &p->deputies);
	fputs(", \"members\": ", fp);
	json_refs(fp, x, &p->members);
	fprintf(fp, "}, \"totals\": {\"planned\": %u, \"held\": %u, "
	    "\"cancelled\": %u, \"overdue\": %u, \"upcoming\": %u, "
	    "\"extra\": %u}, \"participants\": %llu,\n  \"partners\": [",
	    c->planned, c->held, c->cancelled, c->overdue, c->upcoming,
	    c->extra, (unsigned long long)x->participants);
	for (first = true, i = 0; i < st->npartners; i++) {
		jw_item(fp, &first, "  ");
		fputs("{\"id\": ", fp);
		jw_str(fp, p->orgs[st->partners[i].idx].id);
		fputs(", \"name\": ", fp);
		jw_str(fp, p->orgs[st->partners[i].idx].name);
		fprintf(fp, ", \"planned\": %u, \"held\": %u}",
		    st->partners[i].c.planned, st->partners[i].c.held);
	}
	fputs("],\n  \"people\": [", fp);
	for (first = true, i = 0; i < st->npeople; i++) {
		if (st->people[i].c.held == 0)
			continue;
		jw_item(fp, &first, "  ");
		fputs("{\"id\": ", fp);
		jw_str(fp, p->people[st->people[i].idx].id);
		fprintf(fp, ", \"held\": %u}", st->people[i].c.held);
	}
	fputs("]},\n \"practices\": [", fp);
	for (first = true, i = 0; i < x->nheld; i = j) {
		int32_t ph = x->held[i].phase;
		bool kf = true;

		jw_item(fp, &first, "");
		fputs("{\"phase\": ", fp);
		jw_str(fp, (uint32_t)ph < p->nphases ? p->phases[ph].id : NULL);
		fputs(", \"kinds\": [", fp);
		for (j = i; j < x->nheld && x->held[j].phase == ph;) {
			int kind = x->held[j].kind;
			bool rf = true;

			jw_item(fp, &kf, "  ");
			fputs("{\"kind\": ", fp);
			jw_str(fp, plan_kinds[kind].name);
			fputs(", \"records\": [", fp);
			for (; j < x->nheld && x->held[j].phase == ph &&
			    x->held[j].kind == kind; j++) {
				jw_item(fp, &rf, "    ");
				json_item(fp, x, &x->held[j], &b);
			}
			fputs("]}", fp);
		}
		fputs("]}", fp);
	}
	fputs("],\n \"results\": [", fp);
	for (first = true, i = 0; i < st->ntargets; i++) {
		const struct status_target *t = &st->targets[i];
		const struct target *tg = &p->targets[t->target];

		jw_item(fp, &first, "");
		fputs("{\"name\": ", fp);
		jw_str(fp, tg->name);
		fputs(", \"baseline\": ", fp);
		if (tg->has_baseline)
			fprintf(fp, "%.15g", tg->baseline);
		else
			fputs("null", fp);
		sbuf_clear(&b);
		status_goal_text(&b, t, false);
		fputs(", \"goal\": ", fp);
		jw_str(fp, b.p);
		render_status_json_result(fp, t);
	}
	fputs("],\n \"problems\": {\"cancelled\": [", fp);
	for (first = true, i = 0; i < st->ncancelled; i++) {
		const struct record *r = st->cancelled[i].rec;

		jw_item(fp, &first, " ");
		fprintf(fp, "{\"n\": %lld, \"event\": ", (long long)r->n);
		jw_str(fp, r->event);
		fputs(", \"title\": ", fp);
		jw_str(fp, sched_title(&x->s->series[r->series]));
		fputs(", \"note\": ", fp);
		jw_str(fp, r->note);
		putc('}', fp);
	}
	fputs("],\n  \"overdue\": [", fp);
	for (first = true, i = 0; i < st->noverdue; i++) {
		const struct sched_event *e = &x->s->events[st->overdue[i]];
		const struct record *m = moved_of(x, e);

		jw_item(fp, &first, " ");
		fputs("{\"event\": ", fp);
		json_event_id(fp, e->series, e->occurrence, &b);
		fputs(", \"date\": ", fp);
		jw_date(fp, e->date);
		fputs(", \"title\": ", fp);
		jw_str(fp, sched_title(e->series));
		fputs(", \"moved\": ", fp);
		jw_str(fp, m != NULL ? m->note : NULL);
		putc('}', fp);
	}
	fputs("],\n  \"quotas\": [", fp);
	for (first = true, i = 0; i < st->nquotas; i++) {
		const struct status_quota *q = &st->quotas[i];

		if (!q->finished || q->got >= q->required)
			continue;
		jw_item(fp, &first, " ");
		fputs("{\"person\": ", fp);
		jw_str(fp, p->people[q->person].id);
		fputs(", \"period\": ", fp);
		jw_span(fp, q->period);
		fprintf(fp, ", \"required\": %u, \"got\": %u}", q->required,
		    q->got);
	}
	fputs("],\n  \"partners\": [", fp);
	for (first = true, i = 0; i < st->npartners; i++) {
		const struct status_row *r = &st->partners[i];

		if (r->c.held >= r->c.planned)
			continue;
		jw_item(fp, &first, " ");
		fputs("{\"id\": ", fp);
		jw_str(fp, p->orgs[r->idx].id);
		fprintf(fp, ", \"planned\": %u, \"held\": %u}", r->c.planned,
		    r->c.held);
	}
	fputs("]},\n \"next\": [", fp);
	for (first = true, i = 0; i < x->nnext; i++) {
		const struct sched_event *e = &x->s->events[x->next[i]];

		jw_item(fp, &first, "");
		fputs("{\"event\": ", fp);
		json_event_id(fp, e->series, e->occurrence, &b);
		fputs(", \"date\": ", fp);
		jw_date(fp, e->date);
		fputs(", \"title\": ", fp);
		jw_str(fp, sched_title(e->series));
		fputs(", \"site\": ", fp);
		jw_str(fp, e->series->site >= 0 ?
		    p->orgs[e->series->site].id : NULL);
		putc('}', fp);
	}
	fputs("]}\n", fp);
	sbuf_free(&b);
}

bool
render_summary(FILE *fp, const struct status *st, const struct records *recs,
    const char *format, bool en)
{
	struct sum x;
	bool ok;

	memset(&x, 0, sizeof(x));
	x.st = st;
	x.recs = recs;
	x.s = st->s;
	x.p = st->s->plans[0];
	x.en = en;
	gather(&x);
	if (strcmp(format, "md") == 0)
		ok = render_md_walk(fp, summary_walk, &x, en);
	else if (strcmp(format, "html") == 0)
		ok = render_html_walk(fp, summary_walk, &x, en);
	else if (strcmp(format, "json") == 0) {
		json_summary(fp, &x);
		ok = fflush(fp) == 0 && !ferror(fp);
	} else
		ok = false;
	free(x.held);
	free(x.next);
	sbuf_free(&x.b);
	return ok;
}
