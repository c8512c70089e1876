/* status.c - where the year stands on a day: planned, held, cancelled, overdue, upcoming, quotas and targets (§11). */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "plan.h"
#include "records.h"
#include "sbuf.h"
#include "sched.h"
#include "status.h"

/* The last record in force for one occurrence. */
struct ekey {
	uint32_t		 series, occ;
	const struct record	*last;
	size_t			 ord;		/* file order */
};

static int
ekey_cmp(const void *x, const void *y)
{
	const struct ekey *a = x, *b = y;

	if (a->series != b->series)
		return a->series < b->series ? -1 : 1;
	return a->occ < b->occ ? -1 : a->occ > b->occ;
}

/* By occurrence, then file order. */
static int
ekey_sort(const void *x, const void *y)
{
	const struct ekey *a = x, *b = y;
	int c = ekey_cmp(x, y);

	return c != 0 ? c : a->ord < b->ord ? -1 : a->ord > b->ord;
}

static const struct record *
last_of(const struct ekey *v, size_t n, uint32_t series, uint32_t occ)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].series < series || (v[mid].series == series &&
		    v[mid].occ < occ))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].series == series && v[lo].occ == occ ?
	    v[lo].last : NULL;
}

/* A record that counts: no error, not replaced. */
static bool
in_force(const struct record *r)
{
	return !r->bad && !r->replaced;
}

static uint32_t
add_person(int32_t *out, uint32_t n, uint32_t np, int32_t x)
{
	uint32_t k;

	if (x < 0 || n >= np)
		return n;
	for (k = 0; k < n; k++)
		if (out[k] == x)
			return n;
	out[n] = x;
	return n + 1;
}

uint32_t
status_rec_people(const struct record *r, const struct schedule *s,
    const struct plan *p, int32_t *out, uint32_t np)
{
	uint32_t n = 0, k;

	if (r->has_people && r->people.n > 0) {
		for (k = 0; k < r->people.n; k++)
			n = add_person(out, n, np, r->people.v[k].idx);
	} else if (r->series >= 0) {
		const struct sched_series *sr = &s->series[r->series];

		for (k = 0; k < sr->npeople; k++)
			n = add_person(out, n, np, sr->people[k]);
	} else if (r->act != NULL) {
		for (k = 0; k < r->act->owners.n; k++)
			n = add_person(out, n, np, r->act->owners.v[k].idx);
		for (k = 0; k < r->act->people.n; k++)
			n = add_person(out, n, np, r->act->people.v[k].idx);
	} else if (r->ment >= 0) {
		n = add_person(out, n, np, p->mentorships[r->ment].mentor.idx);
		n = add_person(out, n, np,
		    p->mentorships[r->ment].apprentice.idx);
	}
	return n;
}

int32_t
status_rec_site(const struct record *r, const struct schedule *s,
    const struct plan *p)
{
	const struct activity *a = r->act;

	if (r->series >= 0)
		return s->series[r->series].site;
	if (r->has_partner && r->partner.idx >= 1)
		return r->partner.idx;
	if (r->ment >= 0)
		return p->mentorships[r->ment].meet.at == AT_ORG ?
		    when_org(&p->mentorships[r->ment].meet) : 0;
	if (a == NULL)
		return -1;
	switch (a->w.at) {
	case AT_HOST:
		return 0;
	case AT_ORG:
		return when_org(&a->w);
	case AT_PARTNER:
		if (!a->all_partners && a->partners.n == 1)
			return a->partners.v[0].idx;
		if (a->all_partners && p->norgs == 2)
			return 1;
		return -1;
	default:
		return -1;
	}
}

/* Every occurrence's last record in force, sorted for last_of. */
static struct ekey *
index_records(const struct schedule *s, struct records *const *recs,
    size_t *n)
{
	struct ekey *v;
	size_t pi, total = 0, k = 0, i, j;

	for (pi = 0; pi < s->nplans; pi++)
		if (recs != NULL && recs[pi] != NULL)
			total += recs[pi]->n;
	if ((v = calloc(total + 1, sizeof(*v))) == NULL)
		arena_oom();
	for (pi = 0; pi < s->nplans; pi++)
		for (i = 0; recs != NULL && recs[pi] != NULL &&
		    i < recs[pi]->n; i++) {
			const struct record *r = &recs[pi]->v[i];

			if (!in_force(r) || r->series < 0)
				continue;
			v[k].series = (uint32_t)r->series;
			v[k].occ = r->occurrence;
			v[k].last = r;
			v[k].ord = k;
			k++;
		}
	/*
	 * Equal keys in file order: the last of each counts (a move, then
	 * held), but a second held record is the duplicate the
	 * records-duplicate rule names: the first held one counts.
	 */
	if (k > 1)
		qsort(v, k, sizeof(*v), ekey_sort);
	for (i = j = 0; i < k; i++) {
		if (j > 0 && ekey_cmp(&v[j - 1], &v[i]) == 0) {
			if (v[j - 1].last->status != REC_HELD ||
			    v[i].last->status != REC_HELD)
				v[j - 1] = v[i];
		} else
			v[j++] = v[i];
	}
	*n = j;
	return v;
}

/* Rows for each phase, partner and person of every plan. */
static void
make_rows(struct status *st, struct arena *a)
{
	const struct schedule *s = st->s;
	size_t pi, np = 0, no = 0, npe = 0;
	uint32_t i;

	for (pi = 0; pi < s->nplans; pi++) {
		np += s->plans[pi]->nphases;
		no += s->plans[pi]->norgs > 0 ? s->plans[pi]->norgs - 1 : 0;
		npe += s->plans[pi]->npeople;
	}
	st->phases = arena_alloc(a, (np + 1) * sizeof(*st->phases));
	st->partners = arena_alloc(a, (no + 1) * sizeof(*st->partners));
	st->people = arena_alloc(a, (npe + 1) * sizeof(*st->people));
	for (pi = 0; pi < s->nplans; pi++) {
		const struct plan *p = s->plans[pi];

		for (i = 0; i < p->nphases; i++) {
			st->phases[st->nphases].plan = (uint32_t)pi;
			st->phases[st->nphases++].idx = (int32_t)i;
		}
		for (i = 1; i < p->norgs; i++) {
			st->partners[st->npartners].plan = (uint32_t)pi;
			st->partners[st->npartners++].idx = (int32_t)i;
		}
		for (i = 0; i < p->npeople; i++) {
			st->people[st->npeople].plan = (uint32_t)pi;
			st->people[st->npeople++].idx = (int32_t)i;
		}
	}
}

/* The row of plan pi's entry idx, by the rows' order. */
static struct status_row *
row(struct status_row *v, size_t n, uint32_t pi, int32_t idx)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].plan < pi || (v[mid].plan == pi && v[mid].idx < idx))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].plan == pi && v[lo].idx == idx ? &v[lo] : NULL;
}

static void
count_person(struct status *st, uint32_t pi, const int32_t *who,
    uint32_t n, bool held)
{
	struct status_row *r;
	uint32_t k;

	for (k = 0; k < n; k++)
		if ((r = row(st->people, st->npeople, pi, who[k])) != NULL) {
			if (held)
				r->c.held++;
			else
				r->c.planned++;
		}
}

/* The record in force for event e, or NULL. */
static const struct record *
record_of(const struct schedule *s, const struct sched_event *e,
    const struct ekey *keys, size_t nkeys)
{
	return nkeys == 0 ? NULL : last_of(keys, nkeys,
	    (uint32_t)(e->series - s->series), e->occurrence);
}

void
status_held(const struct schedule *s, struct records *const *recs,
    const struct record **held_by)
{
	struct ekey *keys;
	size_t nkeys, i;

	keys = index_records(s, recs, &nkeys);
	for (i = 0; i < s->nevents; i++) {
		const struct record *r = record_of(s, &s->events[i], keys,
		    nkeys);

		held_by[i] = r != NULL && r->status == REC_HELD ? r : NULL;
	}
	free(keys);
}

static void
count_events(struct status *st, const struct ekey *keys, size_t nkeys,
    struct avec *overdue, struct arena *a)
{
	const struct schedule *s = st->s;
	size_t i;

	for (i = 0; i < s->nevents; i++) {
		const struct sched_event *e = &s->events[i];
		const struct sched_series *sr = e->series;
		const struct plan *p = s->plans[sr->plan];
		const struct record *r = record_of(s, e, keys, nkeys);
		struct status_row *ph = sr->phase >= 0 ? row(st->phases,
		    st->nphases, sr->plan, sr->phase) : NULL;
		struct status_row *pa = sr->site >= 1 ? row(st->partners,
		    st->npartners, sr->plan, sr->site) : NULL;
		bool held = r != NULL && r->status == REC_HELD;
		int32_t who[64];
		uint32_t n;

		st->held_by[i] = held ? r : NULL;
		if (e->date > st->on) {
			if (e->date <= st->on + STATUS_UPCOMING_DAYS) {
				st->totals.upcoming++;
				if (ph != NULL)
					ph->c.upcoming++;
			}
			continue;
		}
		st->totals.planned++;
		if (ph != NULL)
			ph->c.planned++;
		if (pa != NULL)
			pa->c.planned++;
		count_person(st, sr->plan, sr->people, sr->npeople, false);
		if (!held) {
			st->totals.overdue++;
			if (ph != NULL)
				ph->c.overdue++;
			*(size_t *)avec_push(a, overdue, sizeof(size_t)) = i;
			continue;
		}
		st->totals.held++;
		if (ph != NULL)
			ph->c.held++;
		if (pa != NULL)
			pa->c.held++;
		n = status_rec_people(r, s, p, who, 64);
		count_person(st, sr->plan, who, n, true);
	}
}

/* Cancelled occurrences and occurrences held beyond the plan. */
static void
count_records(struct status *st, struct records *const *recs,
    const struct ekey *keys, size_t nkeys, struct avec *cancelled,
    struct avec *extra, struct arena *a)
{
	const struct schedule *s = st->s;
	size_t pi, i;

	for (pi = 0; recs != NULL && pi < s->nplans; pi++)
		for (i = 0; recs[pi] != NULL && i < recs[pi]->n; i++) {
			const struct record *r = &recs[pi]->v[i];
			const struct plan *p = s->plans[pi];
			struct status_rec *x;
			struct status_row *ph;
			int32_t who[64], site;
			uint32_t n;

			if (!in_force(r))
				continue;
			if (r->series >= 0 && r->status == REC_CANCELLED &&
			    last_of(keys, nkeys, (uint32_t)r->series,
			    r->occurrence) == r) {
				x = avec_push(a, cancelled, sizeof(*x));
				x->plan = (uint32_t)pi;
				x->rec = r;
				st->totals.cancelled++;
				ph = row(st->phases, st->nphases, (uint32_t)pi,
				    s->series[r->series].phase);
				if (ph != NULL)
					ph->c.cancelled++;
				continue;
			}
			if (r->activity == NULL || r->event != NULL ||
			    r->status != REC_HELD || !r->has_date ||
			    r->date.from > st->on)
				continue;
			x = avec_push(a, extra, sizeof(*x));
			x->plan = (uint32_t)pi;
			x->rec = r;
			st->totals.extra++;
			if ((ph = row(st->phases, st->nphases, (uint32_t)pi,
			    r->act_phase)) != NULL)
				ph->c.extra++;
			site = status_rec_site(r, s, p);
			if (site >= 1 && (ph = row(st->partners, st->npartners,
			    (uint32_t)pi, site)) != NULL)
				ph->c.held++;
			n = status_rec_people(r, s, p, who, 64);
			count_person(st, (uint32_t)pi, who, n, true);
		}
}

/* A visit held: at a partner site, up to the day, with its people. */
struct hvisit {
	uint32_t		 plan;
	day_t			 date, end;
	int32_t			 site;
	const struct sitecal	*cal;
	int32_t			 who[64];
	uint32_t		 n;
};

/*
 * What a held visit gives a quota in period per: one visit when it starts
 * in it, or its working days in it (its first day always counts), as the
 * schedule counts them.
 */
static uint32_t
visit_counts(const struct hvisit *h, struct span per, uint8_t unit)
{
	uint32_t got = 0;
	day_t d;

	if (unit != QU_DAYS)
		return h->date >= per.from && h->date <= per.to;
	for (d = h->date > per.from ? h->date : per.from;
	    d <= h->end && d <= per.to; d++)
		if (d == h->date || sitecal_is_working(h->cal, d))
			got++;
	return got;
}

static void
count_quotas(struct status *st, struct records *const *recs,
    struct arena *a)
{
	const struct schedule *s = st->s;
	struct avec v = { 0 };
	size_t i, pi, k;

	for (i = 0; i < s->nevents; i++) {
		const struct sched_event *e = &s->events[i];
		struct hvisit *h;

		if (st->held_by[i] == NULL || e->series->site < 1 ||
		    e->date > st->on)
			continue;
		h = avec_push(a, &v, sizeof(*h));
		h->plan = e->series->plan;
		h->date = e->date;
		h->end = e->end;
		h->site = e->series->site;
		h->cal = e->series->cal;
		h->n = status_rec_people(st->held_by[i], s,
		    s->plans[h->plan], h->who, 64);
	}
	for (pi = 0; recs != NULL && pi < s->nplans; pi++)
		for (k = 0; k < st->nextra; k++) {
			const struct record *r = st->extra[k].rec;
			int32_t site = status_rec_site(r, s, s->plans[pi]);
			struct hvisit *h;

			if (st->extra[k].plan != pi || site < 1)
				continue;
			h = avec_push(a, &v, sizeof(*h));
			h->plan = (uint32_t)pi;
			h->date = r->date.from;
			h->end = r->date.to;
			h->site = site;
			h->cal = plan_site_cal(s->plans[pi], site, NULL);
			h->n = status_rec_people(r, s, s->plans[pi], h->who, 64);
		}
	st->nquotas = s->nquotas;
	st->quotas = arena_alloc(a, (s->nquotas + 1) * sizeof(*st->quotas));
	for (i = 0; i < s->nquotas; i++) {
		const struct sched_quota *q = &s->quotas[i];
		struct status_quota *o = &st->quotas[i];

		o->plan = q->plan;
		o->person = q->person;
		o->partner = q->partner;
		o->period = q->period;
		o->required = q->required;
		o->unit = q->unit;
		o->finished = q->period.to <= st->on;
		for (k = 0; k < v.n; k++) {
			const struct hvisit *h = &((struct hvisit *)v.v)[k];
			uint32_t j;

			if (h->plan != q->plan || h->date > q->period.to ||
			    h->end < q->period.from ||
			    (q->partner >= 0 && h->site != q->partner))
				continue;
			for (j = 0; j < h->n; j++)
				if (h->who[j] == q->person) {
					o->got += visit_counts(h, q->period,
					    q->unit);
					break;
				}
		}
	}
}

static bool
meets(const struct status_target *t, double v)
{
	switch (t->cmp) {
	case CMP_AT_LEAST:
		return v >= t->goal && (!t->has_max || v <= t->max);
	case CMP_AT_MOST:
		return v <= t->goal;
	default:
		return v == t->goal;
	}
}

/*
 * The threshold of target tg on day d (§10): its comparison; else its
 * figures are minimums: the figure of d's year, else the total, else
 * the figure of the last year before d's (a running total stays), else
 * the first.
 */
static void
set_goal(struct status_target *o, const struct target *tg, day_t d)
{
	int y, m, dd;
	uint32_t k;
	int32_t best = -1;

	o->percent = tg->percent;
	o->cmp = tg->cmp;
	if (tg->has_value) {
		o->has_goal = true;
		o->goal = tg->value;
		o->has_max = tg->has_max;
		o->max = tg->max;
		return;
	}
	o->cmp = CMP_AT_LEAST;
	date_to_civil(d, &y, &m, &dd);
	for (k = 0; k < tg->nby_year; k++)
		if (tg->by_year[k].year == y) {
			o->has_goal = true;
			o->goal = tg->by_year[k].value;
			return;
		}
	if (tg->has_total) {
		o->has_goal = true;
		o->goal = tg->total;
		return;
	}
	for (k = 0; k < tg->nby_year; k++)
		if (tg->by_year[k].year < y && (best < 0 ||
		    tg->by_year[k].year > tg->by_year[best].year))
			best = (int32_t)k;
	if (best < 0 && tg->nby_year > 0)
		best = 0;
	if (best >= 0) {
		o->has_goal = true;
		o->goal = tg->by_year[best].value;
	}
}

void
status_goal_text(struct sbuf *b, const struct status_target *t,
    bool symbols)
{
	static const char *const words[] = { "at-least", "at-most", "equals" };
	static const char *const signs[] = { "≥", "≤", "=" };
	const char *const *w = symbols ? signs : words;
	const char *pc = t->percent ? "%" : "";
	int k = t->cmp <= CMP_EQUALS ? (int)t->cmp : CMP_EQUALS;

	if (!t->has_goal)
		return;
	sbuf_printf(b, "%s %.15g%s", w[k], t->goal, pc);
	if (t->has_max)
		sbuf_printf(b, ", %s %.15g%s", w[CMP_AT_MOST], t->max, pc);
}

static void
check_targets(struct status *st, struct records *const *recs,
    struct arena *a)
{
	const struct schedule *s = st->s;
	size_t pi, n = 0, i;
	uint32_t t, k;

	for (pi = 0; pi < s->nplans; pi++)
		n += s->plans[pi]->ntargets;
	st->targets = arena_alloc(a, (n + 1) * sizeof(*st->targets));
	for (pi = 0; pi < s->nplans; pi++) {
		const struct plan *p = s->plans[pi];

		for (t = 0; t < p->ntargets; t++) {
			struct status_target *o = &st->targets[st->ntargets++];
			const struct target *tg = &p->targets[t];

			o->plan = (uint32_t)pi;
			o->target = t;
			for (i = 0; recs != NULL && recs[pi] != NULL &&
			    i < recs[pi]->n; i++) {
				const struct record *r = &recs[pi]->v[i];

				if (!in_force(r) || !r->has_date ||
				    r->date.from > st->on)
					continue;
				for (k = 0; k < r->nvalues; k++)
					if (r->values[k].target == (int32_t)t &&
					    (o->rec == NULL || r->date.from >=
					    o->rec->date.from)) {
						o->rec = r;
						o->value = k;
					}
			}
			set_goal(o, tg, o->rec != NULL ? o->rec->date.from :
			    st->on);
			if (o->rec != NULL)
				o->state = !o->has_goal || meets(o,
				    o->rec->values[o->value].value) ? ST_MET :
				    ST_NOT_MET;
			else
				o->state = tg->has_by && tg->by.to < st->on ?
				    ST_OVERDUE : ST_UNMEASURED;
			o->missed = o->state != ST_MET && tg->has_by &&
			    tg->by.to < st->on;
		}
	}
}

void
status_compute(struct status *st, const struct schedule *s,
    struct records *const *recs, day_t on, struct arena *a)
{
	struct avec overdue = { 0 }, cancelled = { 0 }, extra = { 0 };
	struct ekey *keys;
	size_t nkeys;

	memset(st, 0, sizeof(*st));
	st->on = on;
	st->s = s;
	st->held_by = arena_alloc(a, (s->nevents + 1) *
	    sizeof(*st->held_by));
	make_rows(st, a);
	keys = index_records(s, recs, &nkeys);
	count_events(st, keys, nkeys, &overdue, a);
	count_records(st, recs, keys, nkeys, &cancelled, &extra, a);
	free(keys);
	st->overdue = overdue.v;
	st->noverdue = overdue.n;
	st->cancelled = cancelled.v;
	st->ncancelled = cancelled.n;
	st->extra = extra.v;
	st->nextra = extra.n;
	count_quotas(st, recs, a);
	check_targets(st, recs, a);
}

bool
status_failing(const struct status *st)
{
	size_t i;

	if (st->totals.overdue > 0)
		return true;
	for (i = 0; i < st->nquotas; i++)
		if (st->quotas[i].finished &&
		    st->quotas[i].got < st->quotas[i].required)
			return true;
	for (i = 0; i < st->ntargets; i++)
		if (st->targets[i].missed)
			return true;
	return false;
}
