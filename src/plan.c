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

	for (i = 0; i < K__COUNT; i++)
		if (strcmp(plan_kinds[i].name, s) == 0 ||
		    strcmp(plan_kinds[i].zh, s) == 0 ||
		    strcmp(plan_kinds[i].en, s) == 0)
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
plan_is_working(const struct plan *p, day_t d)
{
	if (p->has_wm && d >= p->wm.base && d - p->wm.base < p->wm.ndays)
		return workmap_is_working(&p->wm, d);
	return cal_is_working(&p->cal, d);
}

day_t
plan_occupied_end(const struct plan *p, day_t d, uint32_t days)
{
	uint32_t k = 1;
	day_t e = d;

	while (k < days) {
		if (++e - d > 4 * 366)
			return INT32_MAX;
		if (plan_is_working(p, e))
			k++;
	}
	return e;
}
