/* rules_conflict.c - fixed events that double-book a person, overfill a partner site or break their order: rule conflict. */
#include <stdlib.h>

#include "arena.h"
#include "budget.h"
#include "catalog.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "rules.h"

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

/* The days a fixed series occupies are working days of its site (§13). */
static void
claim_add(struct arena *ar, struct avec *v, const struct sitecal *cal,
    const struct activity *a, int32_t who, uint32_t seq, int32_t partner)
{
	struct claim *c;
	day_t day, end = sitecal_occupied_end(cal, a->date, a->w.days);

	if (end == INT32_MAX)
		end = a->date;	/* as the schedule does */
	for (day = a->date; day <= end; day++) {
		if (day != a->date && !sitecal_is_working(cal, day))
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
					site = when_org(&a->w);
				else if (a->w.at == AT_PARTNER)
					site = a->all_partners ?
					    (int32_t)s + 1 :
					    a->partners.v[s].idx;
				int32_t series = a->w.at == AT_PARTNER ?
				    site : -1;
				const struct sitecal *cal = plan_site_cal(p,
				    site, &a->w);

				/* partner sites only, shared takes no room */
				if (site > 0 && !a->shared)
					claim_add(ar, v, cal, a, -1 - site, seq,
					    series);
				for (l = 0; l < 2; l++)
					for (k = 0; k < lists[l]->n; k++)
						if (lists[l]->v[k].idx >= 0)
							claim_add(ar, v, cal, a,
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

/* Both reach partner k, or either is not an at: partner activity. */
static bool
share_partner(const struct plan *p, const struct activity *a,
    const struct activity *b)
{
	const struct activity *x[2] = { a, b };
	uint32_t k, i, j;

	if (a->w.at != AT_PARTNER || b->w.at != AT_PARTNER)
		return true;
	for (k = 1; k < p->norgs; k++) {
		for (i = 0; i < 2; i++) {
			if (x[i]->all_partners)
				continue;
			for (j = 0; j < x[i]->partners.n &&
			    x[i]->partners.v[j].idx != (int32_t)k; j++)
				;
			if (j == x[i]->partners.n)
				break;
		}
		if (i == 2)
			return true;
	}
	return false;
}

/*
 * A fixed successor is placed as written (§10), and breaks the order
 * when it starts before a fixed predecessor has ended and gap working
 * days more, or on or before the day a flexible one's window opens.
 */
static void
order_conflicts(const struct plan *p, struct diags *d)
{
	uint32_t i, k, n;
	char day[11], end[11];

	for (i = 0; i < p->nacts; i++) {
		const struct activity *b = p->acts[i];

		if (!b->has_date)
			continue;
		for (k = 0; k < b->after.n; k++) {
			const struct activity *a;
			day_t e, first;

			if (b->after.v[k].idx < 0 ||
			    (a = p->acts[b->after.v[k].idx]) == b ||
			    !share_partner(p, a, b))
				continue;
			date_format(b->date, day);
			if (!a->has_date) {
				if (b->date > a->w.window.from)
					continue;
				date_format(a->w.window.from, end);
				rules_report(d, R_CONFLICT, b->where->date_pos, "%s on "
				    "%s comes after '%s', which starts %s at "
				    "the earliest", rules_act(d, b), day, a->id,
				    end);
				continue;
			}
			if ((e = plan_occupied_end(p, a->date, a->w.days)) ==
			    INT32_MAX)
				e = a->date;
			for (first = e, n = 0; n <= b->gap &&
			    first - e <= 4 * 366;)
				if (plan_is_working(p, ++first))
					n++;
			if (b->date >= first)
				continue;
			date_format(e, end);
			rules_report(d, R_CONFLICT, b->where->date_pos, "%s on %s comes "
			    "after '%s', which ends %s%s", rules_act(d, b), day,
			    a->id, end, b->gap == 0 ? "" : arena_printf(d->arena,
			    ", and %u working day%s between", b->gap,
			    b->gap == 1 ? "" : "s"));
		}
	}
}

void
check_conflict(const struct plan *p, struct diags *d)
{
	struct avec v = { 0 };
	struct claim *c;
	size_t i, j;
	char day[11];

	order_conflicts(p, d);
	/* the claims were charged by check_limit: past it, none is made */
	if (budget_over(&d->budget))
		return;
	fixed_claims(p, rules_tmp(d), &v);
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
					rules_report(d, R_CONFLICT, a->where->date_pos,
					    "%s: '%s' at '%s' is also at '%s' "
					    "that day", day,
					    p->people[c[i].who].id,
					    series_id(d, p, &c[j]),
					    series_id(d, p, &c[i]));
				else
					rules_report(d, R_CONFLICT, a->where->date_pos,
					    "%s: site '%s' already hosts %zu "
					    "event%s that day (visits-per-day: "
					    "%u)", day,
					    p->orgs[-1 - c[i].who].id, j - i,
					    j - i == 1 ? "" : "s",
					    p->cal.visits_per_day);
			}
	}
}
