/* cal.c - the working-day calendar: workdays, China's holidays, closed, open. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "cal.h"
#include "cn_holidays.h"
#include "date.h"

/* Largest workmap; the caller promises less, days past it count as closed. */
#define WORKMAP_MAX_DAYS	40000

enum cn_status
cal_cn_status(day_t day, const char **name_zh)
{
	return cn_status(day, name_zh, NULL);
}

bool
cal_cn_covers_year(int year)
{
	return cn_year_source(year) == CN_OFFICIAL;
}

void
cal_init(struct calendar *c)
{
	c->workdays = 0x1f;	/* Monday to Friday */
	c->cn = true;
	c->closed = NULL;
	c->nclosed = 0;
	c->open = NULL;
	c->nopen = 0;
	c->visits_per_day = 1;
}

static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return 0;
}

static int
day_cmp(const void *a, const void *b)
{
	day_t x = *(const day_t *)a, y = *(const day_t *)b;

	return (x > y) - (x < y);
}

void
cal_normalise(struct calendar *c)
{
	size_t i, n;

	/* Closed: drop empty (reversed) spans, sort, merge overlapping or adjacent. */
	n = 0;
	for (i = 0; i < c->nclosed; i++)
		if (c->closed[i].from <= c->closed[i].to)
			c->closed[n++] = c->closed[i];
	if (n > 1)
		qsort(c->closed, n, sizeof(c->closed[0]), span_cmp);
	c->nclosed = n;
	n = 0;
	for (i = 0; i < c->nclosed; i++) {
		if (n > 0 && (int64_t)c->closed[i].from <=
		    (int64_t)c->closed[n - 1].to + 1) {
			if (c->closed[i].to > c->closed[n - 1].to)
				c->closed[n - 1].to = c->closed[i].to;
		} else
			c->closed[n++] = c->closed[i];
	}
	c->nclosed = n;

	/* Open: sort, drop duplicates. */
	if (c->nopen > 1)
		qsort(c->open, c->nopen, sizeof(c->open[0]), day_cmp);
	n = 0;
	for (i = 0; i < c->nopen; i++)
		if (n == 0 || c->open[i] != c->open[n - 1])
			c->open[n++] = c->open[i];
	c->nopen = n;
}

static bool
cal_in_closed(const struct calendar *c, day_t day)
{
	size_t k = date_count_upto(c->closed, c->nclosed, sizeof(*c->closed),
	    day);

	return k > 0 && day <= c->closed[k - 1].to;
}

static bool
cal_in_open(const struct calendar *c, day_t day)
{
	size_t k = date_count_upto(c->open, c->nopen, sizeof(*c->open), day);

	return k > 0 && c->open[k - 1] == day;
}

bool
cal_is_working(const struct calendar *c, day_t day)
{
	enum cn_status st;

	if (cal_in_closed(c, day))
		return false;
	if (cal_in_open(c, day))
		return true;
	st = c->cn ? cal_cn_status(day, NULL) : CN_NONE;
	if (st == CN_WORK)
		return true;
	if (st == CN_OFF)
		return false;
	return (c->workdays >> date_weekday(day)) & 1;
}

void
workmap_init(struct workmap *wm, struct arena *a, const struct calendar *c,
    struct span s)
{
	int64_t n;
	int32_t i, *p;
	int w, wd;

	n = s.from <= s.to ? (int64_t)s.to - s.from + 1 : 0;
	if (n > WORKMAP_MAX_DAYS)
		n = WORKMAP_MAX_DAYS;
	wm->base = s.from;
	wm->ndays = (int32_t)n;
	wm->working = arena_alloc(a, (size_t)n);
	p = arena_alloc(a, 7 * ((size_t)n + 1) * sizeof(*p));
	for (w = 0; w < 7; w++)
		wm->prefix[w] = p + (size_t)w * ((size_t)n + 1);

	wd = date_weekday(s.from);
	for (i = 0; i < wm->ndays; i++) {
		wm->working[i] = cal_is_working(c, s.from + i);
		for (w = 0; w < 7; w++)
			wm->prefix[w][i + 1] = wm->prefix[w][i] +
			    (w == wd && wm->working[i]);
		if (++wd == 7)
			wd = 0;
	}
}

bool
workmap_is_working(const struct workmap *wm, day_t day)
{
	int64_t i = (int64_t)day - wm->base;

	return i >= 0 && i < wm->ndays && wm->working[i];
}

int32_t
workmap_count(const struct workmap *wm, struct span s, uint8_t mask)
{
	int64_t lo, hi;
	int32_t n;
	int w;

	lo = (int64_t)s.from - wm->base;
	hi = (int64_t)s.to - wm->base;
	if (lo < 0)
		lo = 0;
	if (hi > (int64_t)wm->ndays - 1)
		hi = (int64_t)wm->ndays - 1;
	if (lo > hi)
		return 0;
	n = 0;
	for (w = 0; w < 7; w++)
		if ((mask >> w) & 1)
			n += wm->prefix[w][hi + 1] - wm->prefix[w][lo];
	return n;
}
