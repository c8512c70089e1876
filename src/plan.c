/* plan.c - questions about a built plan that every later stage asks, and the one table of activity kinds. */
#include <stdbool.h>
#include <stdint.h>
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
	const char **v = arena_alloc(a, K__COUNT * sizeof(*v));
	size_t i;

	for (i = 0; i < K__COUNT; i++)
		v[i] = plan_kinds[i].name;
	*n = K__COUNT;
	return v;
}

int
plan_kind_from_name(const char *s)
{
	int i;

	for (i = 0; i < K__COUNT; i++)
		if (plan_kinds[i].name[0] == s[0] &&
		    strcmp(plan_kinds[i].name, s) == 0)
			return i;
	return -1;
}

const char *
plan_ref_text(const struct ref *r)
{
	return r->text != NULL ? r->text : "";
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
	int y, m, d;

	switch (w->every) {
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
	int64_t n = 0;
	int w;

	for (w = 0; w < 7; w++)
		n += wm->prefix[w][i];
	return n;
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
