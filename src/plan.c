/* plan.c - questions about a built plan that every later stage asks, and the one table of activity kinds. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cal.h"
#include "date.h"
#include "plan.h"

const struct kind_info plan_kinds[K__COUNT] = {
#define KIND(name, id, zh, en, colour)	{ id, zh, en, colour },
#include "kinds.def"
#undef KIND
};

const char *
plan_kind_label(int kind, bool en)
{
	if (kind < 0 || kind >= K__COUNT)
		kind = K_OTHER;
	return en ? plan_kinds[kind].en : plan_kinds[kind].zh;
}

const char *
plan_kind_colour(int kind)
{
	if (kind < 0 || kind >= K__COUNT)
		kind = K_OTHER;
	return plan_kinds[kind].colour;
}

const char **
plan_kind_names(struct arena *a, size_t *n)
{
	const char **v = arena_alloc(a, 2 * K__COUNT * sizeof(*v));
	size_t i;

	for (i = 0; i < K__COUNT; i++) {
		v[i] = plan_kinds[i].name;
		v[K__COUNT + i] = plan_kinds[i].zh;
	}
	*n = 2 * K__COUNT;
	return v;
}

int
plan_kind_from_name(const char *s)
{
	int i;

	/* the first byte first: a plan names a kind for every activity */
	for (i = 0; i < K__COUNT; i++)
		if ((plan_kinds[i].name[0] == s[0] &&
		    strcmp(plan_kinds[i].name, s) == 0) ||
		    (plan_kinds[i].zh[0] == s[0] &&
		    strcmp(plan_kinds[i].zh, s) == 0) ||
		    (plan_kinds[i].en[0] == s[0] &&
		    strcmp(plan_kinds[i].en, s) == 0))
			return i;
	return -1;
}

const char *
plan_ref_text(const struct ref *r)
{
	return r->text != NULL ? r->text : "";
}

day_t
plan_add_months(day_t d, int months)
{
	int y, m, dd, dim;

	date_to_civil(d, &y, &m, &dd);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	dim = date_days_in_month(y, m);
	return date_from_civil(y, m, dd > dim ? dim : dd);
}

int
plan_per_months(enum per per)
{
	return per == PER_YEAR ? 12 : per == PER_SEMESTER ? 6 : 1;
}

/* Months in a period of every N months, semester or year. */
static int
every_months(const struct when *w)
{
	return w->every == EV_YEAR ? 12 : w->every == EV_SEMESTER ? 6 :
	    (int)w->every_n;
}

day_t
plan_period_first(const struct when *w)
{
	day_t s = w->window.from;
	int y, m, d;

	switch (w->every) {
	case EV_WEEK:
	case EV_WEEKS:
		return s - date_weekday(s);
	case EV_MONTH:
		date_to_civil(s, &y, &m, &d);
		return date_from_civil(y, m, 1);
	default:
		return s;
	}
}

day_t
plan_period_next(const struct when *w, day_t start)
{
	int y, m, d, y1, m1, d1, k;

	switch (w->every) {
	case EV_MONTHS:
	case EV_YEAR:
	case EV_SEMESTER:
		/*
		 * Counted from the window's start, each from there (not from
		 * the last), so that 31 January gives 29 February, 31 March.
		 */
		date_to_civil(w->window.from, &y1, &m1, &d1);
		date_to_civil(start, &y, &m, &d);
		k = ((y - y1) * 12 + (m - m1)) / every_months(w);
		return plan_add_months(w->window.from, (k + 1) *
		    every_months(w));
	case EV_WEEK:
		return start + 7;
	case EV_WEEKS:
		return start + 7 * (day_t)w->every_n;
	case EV_DAYS:
		return start + (day_t)w->every_n;
	case EV_MONTH:
		date_to_civil(start, &y, &m, &d);
		return start + date_days_in_month(y, m);
	default:
		return w->window.to + 1;
	}
}

bool
sitecal_is_working(const struct sitecal *c, day_t d)
{
	uint32_t i;

	if (c->has_wm && d >= c->wm.base && d - c->wm.base < c->wm.ndays)
		return workmap_is_working(&c->wm, d);
	for (i = 0; i < c->ncals; i++)
		if (!cal_is_working(c->cals[i], d))
			return false;
	return true;
}

day_t
sitecal_occupied_end(const struct sitecal *c, day_t d, uint32_t days)
{
	uint32_t k = 1;
	day_t e = d;

	while (k < days) {
		if (++e - d > 4 * 366)
			return INT32_MAX;
		if (sitecal_is_working(c, e))
			k++;
	}
	return e;
}

int32_t
sitecal_count(const struct sitecal *c, struct span s, uint8_t mask)
{
	int32_t n = 0;
	int64_t d;

	if (c->has_wm && s.from >= c->wm.base &&
	    (int64_t)s.to - c->wm.base < c->wm.ndays)
		return workmap_count(&c->wm, s, mask);
	for (d = s.from; d <= s.to; d++)
		n += ((mask >> date_weekday((day_t)d)) & 1) &&
		    sitecal_is_working(c, (day_t)d);
	return n;
}

bool
plan_is_working(const struct plan *p, day_t d)
{
	if (p->has_wm && d >= p->wm.base && d - p->wm.base < p->wm.ndays)
		return workmap_is_working(&p->wm, d);
	return cal_is_working(&p->cal, d);
}

/* Working days of the plan's workmap in [base, base + i). */
static int64_t
wm_count(const struct workmap *wm, int32_t i)
{
	return workmap_before(wm, wm->base + i);
}

#define OCCUPIED_REACH	(4 * 366)	/* days searched after the start */

day_t
plan_occupied_end(const struct plan *p, day_t d, uint32_t days)
{
	const struct workmap *wm = &p->wm;
	uint32_t k = 1;
	day_t e = d;

	/*
	 * Inside the workmap, a binary search on its counts finds the
	 * (days - 1)th working day after d; past its end, day by day.
	 */
	if (days > 1 && p->has_wm && d >= wm->base &&
	    (int64_t)d - wm->base < wm->ndays) {
		int32_t lo = d - wm->base + 1, hi, mid;
		int64_t want = wm_count(wm, lo) + days - 1, top;

		hi = (int64_t)lo + OCCUPIED_REACH < wm->ndays ?
		    lo + OCCUPIED_REACH : wm->ndays;
		if (wm_count(wm, hi) >= want) {
			/* the smallest i with want working days before it */
			while (lo < hi) {
				mid = lo + (hi - lo) / 2;
				if (wm_count(wm, mid) >= want)
					hi = mid;
				else
					lo = mid + 1;
			}
			return wm->base + lo - 1;
		}
		top = wm_count(wm, hi) - wm_count(wm, d - wm->base + 1);
		k += (uint32_t)top;
		e = wm->base + hi - 1;
		if (e - d >= OCCUPIED_REACH)
			return INT32_MAX;
	}
	while (k < days) {
		if (++e - d > OCCUPIED_REACH)
			return INT32_MAX;
		if (plan_is_working(p, e))
			k++;
	}
	return e;
}

const struct sitecal *
plan_site_cal(const struct plan *p, int32_t site, const struct when *w)
{
	uint32_t i;

	if (site >= 0 && (uint32_t)site < p->norgs)
		i = p->org_cal[site];
	else
		i = w != NULL ? w->cal : 0;
	return &p->sitecals[i < p->nsitecals ? i : 0];
}

int32_t
plan_series_site(const struct plan *p, const struct when *w, int32_t partner,
    const struct mentorship *m)
{
	int32_t a;

	switch (w->at) {
	case AT_HOST:
		return 0;
	case AT_ORG:
		return when_org(w) >= 0 ? when_org(w) : 0;
	case AT_PARTNER:
		if (m == NULL)
			return partner;
		a = m->apprentice.idx;
		return a >= 0 && p->people[a].has_org &&
		    p->people[a].org.idx >= 0 ? p->people[a].org.idx : 0;
	default:
		return -1;
	}
}

static int
row_cmp(const void *x, const void *y)
{
	const struct cal_row *a = x, *b = y;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if ((a->at == NULL) != (b->at == NULL))
		return a->at == NULL ? -1 : 1;
	if (a->at != NULL && a->nat > 0 && b->nat > 0)
		return strcmp(a->at[0], b->at[0]);
	return 0;
}

struct cal_row *
plan_calendar_rows(const struct plan *p, struct span s, struct arena *a,
    size_t *n)
{
	struct cal_row *rows = NULL;
	size_t cap = 0;
	const char **at;
	uint32_t i, j, k;

	*n = 0;
	cal_rows(&p->cal, NULL, s, NULL, 0, a, &rows, n, &cap);
	for (i = 1; i < p->nsitecals; i++) {
		const struct sitecal *c = &p->sitecals[i];

		for (j = k = 0; j < p->norgs; j++)
			k += p->org_cal[j] == i;
		if (k == 0 || c->ncals != 1)
			continue;	/* an online combination */
		at = arena_alloc(a, k * sizeof(*at));
		for (j = k = 0; j < p->norgs; j++)
			if (p->org_cal[j] == i)
				at[k++] = p->orgs[j].id;
		cal_rows(c->cals[0], &p->cal, s, at, k, a, &rows, n, &cap);
	}
	if (*n > 1)
		qsort(rows, *n, sizeof(*rows), row_cmp);
	return rows;
}
