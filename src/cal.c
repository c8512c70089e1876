/* cal.c - the working-day calendar: workdays, China's holidays, closed, open. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "cal.h"
#include "date.h"

/* Largest workmap; the caller promises less, days past it count as closed. */
#define WORKMAP_MAX_DAYS	40000

/*
 * China's statutory holidays (off) and make-up working days (work),
 * 2020-2026, as listed in shared/spec/cn-holidays.md: inclusive ranges of
 * yyyymmdd, in order and disjoint.
 */
struct cn_row {
	int32_t		 from, to;
	enum cn_status	 status;
	const char	*name_zh;
};

static const struct cn_row cn_table[] = {
	{ 20200101, 20200101, CN_OFF, "元旦" },
	{ 20200119, 20200119, CN_WORK, "春节" },
	{ 20200124, 20200202, CN_OFF, "春节" },
	{ 20200404, 20200406, CN_OFF, "清明节" },
	{ 20200426, 20200426, CN_WORK, "劳动节" },
	{ 20200501, 20200505, CN_OFF, "劳动节" },
	{ 20200509, 20200509, CN_WORK, "劳动节" },
	{ 20200625, 20200627, CN_OFF, "端午节" },
	{ 20200628, 20200628, CN_WORK, "端午节" },
	{ 20200927, 20200927, CN_WORK, "国庆节、中秋节" },
	{ 20201001, 20201008, CN_OFF, "国庆节、中秋节" },
	{ 20201010, 20201010, CN_WORK, "国庆节、中秋节" },
	{ 20210101, 20210103, CN_OFF, "元旦" },
	{ 20210207, 20210207, CN_WORK, "春节" },
	{ 20210211, 20210217, CN_OFF, "春节" },
	{ 20210220, 20210220, CN_WORK, "春节" },
	{ 20210403, 20210405, CN_OFF, "清明节" },
	{ 20210425, 20210425, CN_WORK, "劳动节" },
	{ 20210501, 20210505, CN_OFF, "劳动节" },
	{ 20210508, 20210508, CN_WORK, "劳动节" },
	{ 20210612, 20210614, CN_OFF, "端午节" },
	{ 20210918, 20210918, CN_WORK, "中秋节" },
	{ 20210919, 20210921, CN_OFF, "中秋节" },
	{ 20210926, 20210926, CN_WORK, "国庆节" },
	{ 20211001, 20211007, CN_OFF, "国庆节" },
	{ 20211009, 20211009, CN_WORK, "国庆节" },
	{ 20220101, 20220103, CN_OFF, "元旦" },
	{ 20220129, 20220129, CN_WORK, "春节" },
	{ 20220130, 20220130, CN_WORK, "春节" },
	{ 20220131, 20220206, CN_OFF, "春节" },
	{ 20220402, 20220402, CN_WORK, "清明节" },
	{ 20220403, 20220405, CN_OFF, "清明节" },
	{ 20220424, 20220424, CN_WORK, "劳动节" },
	{ 20220430, 20220504, CN_OFF, "劳动节" },
	{ 20220507, 20220507, CN_WORK, "劳动节" },
	{ 20220603, 20220605, CN_OFF, "端午节" },
	{ 20220910, 20220912, CN_OFF, "中秋节" },
	{ 20221001, 20221007, CN_OFF, "国庆节" },
	{ 20221008, 20221008, CN_WORK, "国庆节" },
	{ 20221009, 20221009, CN_WORK, "国庆节" },
	{ 20221231, 20230102, CN_OFF, "元旦" },
	{ 20230121, 20230127, CN_OFF, "春节" },
	{ 20230128, 20230128, CN_WORK, "春节" },
	{ 20230129, 20230129, CN_WORK, "春节" },
	{ 20230405, 20230405, CN_OFF, "清明节" },
	{ 20230423, 20230423, CN_WORK, "劳动节" },
	{ 20230429, 20230503, CN_OFF, "劳动节" },
	{ 20230506, 20230506, CN_WORK, "劳动节" },
	{ 20230622, 20230624, CN_OFF, "端午节" },
	{ 20230625, 20230625, CN_WORK, "端午节" },
	{ 20230929, 20231006, CN_OFF, "中秋节、国庆节" },
	{ 20231007, 20231007, CN_WORK, "中秋节、国庆节" },
	{ 20231008, 20231008, CN_WORK, "中秋节、国庆节" },
	{ 20240101, 20240101, CN_OFF, "元旦" },
	{ 20240204, 20240204, CN_WORK, "春节" },
	{ 20240210, 20240217, CN_OFF, "春节" },
	{ 20240218, 20240218, CN_WORK, "春节" },
	{ 20240404, 20240406, CN_OFF, "清明节" },
	{ 20240407, 20240407, CN_WORK, "清明节" },
	{ 20240428, 20240428, CN_WORK, "劳动节" },
	{ 20240501, 20240505, CN_OFF, "劳动节" },
	{ 20240511, 20240511, CN_WORK, "劳动节" },
	{ 20240610, 20240610, CN_OFF, "端午节" },
	{ 20240914, 20240914, CN_WORK, "中秋节" },
	{ 20240915, 20240917, CN_OFF, "中秋节" },
	{ 20240929, 20240929, CN_WORK, "国庆节" },
	{ 20241001, 20241007, CN_OFF, "国庆节" },
	{ 20241012, 20241012, CN_WORK, "国庆节" },
	{ 20250101, 20250101, CN_OFF, "元旦" },
	{ 20250126, 20250126, CN_WORK, "春节" },
	{ 20250128, 20250204, CN_OFF, "春节" },
	{ 20250208, 20250208, CN_WORK, "春节" },
	{ 20250404, 20250406, CN_OFF, "清明节" },
	{ 20250427, 20250427, CN_WORK, "劳动节" },
	{ 20250501, 20250505, CN_OFF, "劳动节" },
	{ 20250531, 20250602, CN_OFF, "端午节" },
	{ 20250928, 20250928, CN_WORK, "国庆节、中秋节" },
	{ 20251001, 20251008, CN_OFF, "国庆节、中秋节" },
	{ 20251011, 20251011, CN_WORK, "国庆节、中秋节" },
	{ 20260101, 20260103, CN_OFF, "元旦" },
	{ 20260104, 20260104, CN_WORK, "元旦" },
	{ 20260214, 20260214, CN_WORK, "春节" },
	{ 20260215, 20260223, CN_OFF, "春节" },
	{ 20260228, 20260228, CN_WORK, "春节" },
	{ 20260404, 20260406, CN_OFF, "清明节" },
	{ 20260501, 20260505, CN_OFF, "劳动节" },
	{ 20260509, 20260509, CN_WORK, "劳动节" },
	{ 20260619, 20260621, CN_OFF, "端午节" },
	{ 20260920, 20260920, CN_WORK, "国庆节" },
	{ 20260925, 20260927, CN_OFF, "中秋节" },
	{ 20261001, 20261007, CN_OFF, "国庆节" },
	{ 20261010, 20261010, CN_WORK, "国庆节" },
};

#define CN_NROWS	(sizeof(cn_table) / sizeof(cn_table[0]))

enum cn_status
cal_cn_status(day_t day, const char **name_zh)
{
	size_t lo, hi, mid;
	int32_t key;
	int y, m, d;

	if (name_zh != NULL)
		*name_zh = NULL;
	date_to_civil(day, &y, &m, &d);
	if (!cal_cn_covers_year(y))
		return CN_NONE;
	key = (int32_t)y * 10000 + m * 100 + d;

	/* lo becomes the number of rows starting on or before key. */
	lo = 0;
	hi = CN_NROWS;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cn_table[mid].from <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || key > cn_table[lo - 1].to)
		return CN_NONE;
	if (name_zh != NULL)
		*name_zh = cn_table[lo - 1].name_zh;
	return cn_table[lo - 1].status;
}

bool
cal_cn_covers_year(int year)
{
	return year >= CN_FIRST_YEAR && year <= CN_LAST_YEAR;
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
