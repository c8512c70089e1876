/* test_cal.c - unit tests of the working-day calendar and the workmap. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "cal.h"
#include "date.h"

#define D(y, m, d)	date_from_civil((y), (m), (d))

/* The list of shared/spec/cn-holidays.md, verbatim. */
static const char *const spec_rows[] = {
	"2020-01-01..2020-01-01 off 元旦 New Year's Day",
	"2020-01-19 work 春节",
	"2020-01-24..2020-02-02 off 春节 Spring Festival",
	"2020-04-04..2020-04-06 off 清明节 Qingming",
	"2020-04-26 work 劳动节",
	"2020-05-01..2020-05-05 off 劳动节 Labour Day",
	"2020-05-09 work 劳动节",
	"2020-06-25..2020-06-27 off 端午节 Dragon Boat",
	"2020-06-28 work 端午节",
	"2020-09-27 work 国庆节、中秋节",
	"2020-10-01..2020-10-08 off 国庆节、中秋节 National Day, Mid-Autumn",
	"2020-10-10 work 国庆节、中秋节",
	"2021-01-01..2021-01-03 off 元旦 New Year's Day",
	"2021-02-07 work 春节",
	"2021-02-11..2021-02-17 off 春节 Spring Festival",
	"2021-02-20 work 春节",
	"2021-04-03..2021-04-05 off 清明节 Qingming",
	"2021-04-25 work 劳动节",
	"2021-05-01..2021-05-05 off 劳动节 Labour Day",
	"2021-05-08 work 劳动节",
	"2021-06-12..2021-06-14 off 端午节 Dragon Boat",
	"2021-09-18 work 中秋节",
	"2021-09-19..2021-09-21 off 中秋节 Mid-Autumn",
	"2021-09-26 work 国庆节",
	"2021-10-01..2021-10-07 off 国庆节 National Day",
	"2021-10-09 work 国庆节",
	"2022-01-01..2022-01-03 off 元旦 New Year's Day",
	"2022-01-29 work 春节",
	"2022-01-30 work 春节",
	"2022-01-31..2022-02-06 off 春节 Spring Festival",
	"2022-04-02 work 清明节",
	"2022-04-03..2022-04-05 off 清明节 Qingming",
	"2022-04-24 work 劳动节",
	"2022-04-30..2022-05-04 off 劳动节 Labour Day",
	"2022-05-07 work 劳动节",
	"2022-06-03..2022-06-05 off 端午节 Dragon Boat",
	"2022-09-10..2022-09-12 off 中秋节 Mid-Autumn",
	"2022-10-01..2022-10-07 off 国庆节 National Day",
	"2022-10-08 work 国庆节",
	"2022-10-09 work 国庆节",
	"2022-12-31..2023-01-02 off 元旦 New Year's Day",
	"2023-01-21..2023-01-27 off 春节 Spring Festival",
	"2023-01-28 work 春节",
	"2023-01-29 work 春节",
	"2023-04-05..2023-04-05 off 清明节 Qingming",
	"2023-04-23 work 劳动节",
	"2023-04-29..2023-05-03 off 劳动节 Labour Day",
	"2023-05-06 work 劳动节",
	"2023-06-22..2023-06-24 off 端午节 Dragon Boat",
	"2023-06-25 work 端午节",
	"2023-09-29..2023-10-06 off 中秋节、国庆节 Mid-Autumn, National Day",
	"2023-10-07 work 中秋节、国庆节",
	"2023-10-08 work 中秋节、国庆节",
	"2024-01-01..2024-01-01 off 元旦 New Year's Day",
	"2024-02-04 work 春节",
	"2024-02-10..2024-02-17 off 春节 Spring Festival",
	"2024-02-18 work 春节",
	"2024-04-04..2024-04-06 off 清明节 Qingming",
	"2024-04-07 work 清明节",
	"2024-04-28 work 劳动节",
	"2024-05-01..2024-05-05 off 劳动节 Labour Day",
	"2024-05-11 work 劳动节",
	"2024-06-10..2024-06-10 off 端午节 Dragon Boat",
	"2024-09-14 work 中秋节",
	"2024-09-15..2024-09-17 off 中秋节 Mid-Autumn",
	"2024-09-29 work 国庆节",
	"2024-10-01..2024-10-07 off 国庆节 National Day",
	"2024-10-12 work 国庆节",
	"2025-01-01..2025-01-01 off 元旦 New Year's Day",
	"2025-01-26 work 春节",
	"2025-01-28..2025-02-04 off 春节 Spring Festival",
	"2025-02-08 work 春节",
	"2025-04-04..2025-04-06 off 清明节 Qingming",
	"2025-04-27 work 劳动节",
	"2025-05-01..2025-05-05 off 劳动节 Labour Day",
	"2025-05-31..2025-06-02 off 端午节 Dragon Boat",
	"2025-09-28 work 国庆节、中秋节",
	"2025-10-01..2025-10-08 off 国庆节、中秋节 National Day, Mid-Autumn",
	"2025-10-11 work 国庆节、中秋节",
	"2026-01-01..2026-01-03 off 元旦 New Year's Day",
	"2026-01-04 work 元旦",
	"2026-02-14 work 春节",
	"2026-02-15..2026-02-23 off 春节 Spring Festival",
	"2026-02-28 work 春节",
	"2026-04-04..2026-04-06 off 清明节 Qingming",
	"2026-05-01..2026-05-05 off 劳动节 Labour Day",
	"2026-05-09 work 劳动节",
	"2026-06-19..2026-06-21 off 端午节 Dragon Boat",
	"2026-09-20 work 国庆节",
	"2026-09-25..2026-09-27 off 中秋节 Mid-Autumn",
	"2026-10-01..2026-10-07 off 国庆节 National Day",
	"2026-10-10 work 国庆节",
};

#define NSPEC	(sizeof(spec_rows) / sizeof(spec_rows[0]))

/* One row of the spec list, parsed. */
struct row {
	struct span	 sp;
	enum cn_status	 st;
	char		 zh[64];
};

static void
parse_row(const char *s, struct row *r)
{
	const char *sp1, *sp2, *sp3;
	bool is_day;

	sp1 = strchr(s, ' ');
	assert_non_null(sp1);
	assert_int_equal(date_parse_span(s, (size_t)(sp1 - s), &r->sp,
	    &is_day), DATE_OK);
	sp2 = strchr(sp1 + 1, ' ');
	assert_non_null(sp2);
	if ((size_t)(sp2 - sp1 - 1) == 3 && memcmp(sp1 + 1, "off", 3) == 0)
		r->st = CN_OFF;
	else if ((size_t)(sp2 - sp1 - 1) == 4 &&
	    memcmp(sp1 + 1, "work", 4) == 0)
		r->st = CN_WORK;
	else
		fail_msg("bad status in %s", s);
	sp3 = strchr(sp2 + 1, ' ');
	if (sp3 == NULL)
		sp3 = sp2 + strlen(sp2);
	assert_true((size_t)(sp3 - sp2 - 1) < sizeof(r->zh));
	memcpy(r->zh, sp2 + 1, (size_t)(sp3 - sp2 - 1));
	r->zh[sp3 - sp2 - 1] = '\0';
}

static bool
working(const struct calendar *c, int y, int m, int d)
{
	return cal_is_working(c, D(y, m, d));
}

/* A default calendar, normalised. */
static struct calendar
cal_default(void)
{
	struct calendar c;

	cal_init(&c);
	cal_normalise(&c);
	return c;
}

static void
test_table_rows_sane(void **state)
{
	struct row r, prev;
	size_t i;
	int y1, y2, m, d;

	(void)state;
	assert_int_equal(NSPEC, 92);
	for (i = 0; i < NSPEC; i++) {
		parse_row(spec_rows[i], &r);
		assert_true(r.sp.from <= r.sp.to);
		date_to_civil(r.sp.from, &y1, &m, &d);
		date_to_civil(r.sp.to, &y2, &m, &d);
		assert_true(y1 >= CN_FIRST_YEAR && y1 <= CN_LAST_YEAR);
		assert_true(y2 >= CN_FIRST_YEAR && y2 <= CN_LAST_YEAR);
		if (i > 0)
			assert_true(prev.sp.to < r.sp.from);
		/* Make-up days are single weekend days. */
		if (r.st == CN_WORK) {
			assert_int_equal(r.sp.from, r.sp.to);
			assert_true(date_weekday(r.sp.from) >= WD_SAT);
		}
		prev = r;
	}
}

static void
test_table_matches_spec(void **state)
{
	struct row r;
	const char *name;
	enum cn_status want, got;
	size_t i, noff = 0, nwork = 0;
	day_t day;

	(void)state;
	/* Every day of 2020..2026 against the spec list, rows in order. */
	i = 0;
	parse_row(spec_rows[0], &r);
	for (day = D(2020, 1, 1); day <= D(2026, 12, 31); day++) {
		while (i < NSPEC && day > r.sp.to)
			if (++i < NSPEC)
				parse_row(spec_rows[i], &r);
		want = i < NSPEC && day >= r.sp.from ? r.st : CN_NONE;
		name = "x";
		got = cal_cn_status(day, &name);
		if (got != want) {
			char buf[11];

			date_format(day, buf);
			fail_msg("%s: status %d, want %d", buf, got, want);
		}
		if (want == CN_NONE)
			assert_null(name);
		else
			assert_string_equal(name, r.zh);
		noff += got == CN_OFF;
		nwork += got == CN_WORK;
		assert_int_equal(cal_cn_status(day, NULL), got);
	}
	assert_int_equal(i, NSPEC);
	assert_int_equal(nwork, 46);
	assert_int_equal(noff, 208);
}

static void
test_cn_covers_year(void **state)
{
	(void)state;
	/* The official table covers 2004-2026; 2027-2099 are computed. */
	assert_false(cal_cn_covers_year(2003));
	assert_true(cal_cn_covers_year(2004));
	assert_true(cal_cn_covers_year(2020));
	assert_true(cal_cn_covers_year(2024));
	assert_true(cal_cn_covers_year(2026));
	assert_false(cal_cn_covers_year(2027));
	assert_int_equal(CN_FIRST_YEAR, 2004);
	assert_int_equal(CN_LAST_YEAR, 2026);
	assert_int_equal(cal_cn_status(D(2003, 10, 1), NULL), CN_NONE);
	assert_int_equal(cal_cn_status(D(2019, 10, 1), NULL), CN_OFF);
	assert_int_equal(cal_cn_status(D(2027, 1, 1), NULL), CN_OFF);
	assert_int_equal(cal_cn_status(D(2027, 10, 1), NULL), CN_OFF);
	assert_int_equal(cal_cn_status(D(2027, 10, 4), NULL), CN_NONE);
	assert_int_equal(cal_cn_status(D(2100, 10, 1), NULL), CN_NONE);
	assert_int_equal(cal_cn_status(D(1, 1, 1), NULL), CN_NONE);
	assert_int_equal(cal_cn_status(D(9999, 12, 31), NULL), CN_NONE);
}

static void
test_cn_names(void **state)
{
	const char *name = NULL;

	(void)state;
	assert_int_equal(cal_cn_status(D(2024, 10, 3), &name), CN_OFF);
	assert_string_equal(name, "国庆节");
	assert_int_equal(cal_cn_status(D(2023, 10, 1), &name), CN_OFF);
	assert_string_equal(name, "中秋节、国庆节");
	assert_int_equal(cal_cn_status(D(2026, 1, 4), &name), CN_WORK);
	assert_string_equal(name, "元旦");
	assert_int_equal(cal_cn_status(D(2024, 3, 1), &name), CN_NONE);
	assert_null(name);
}

static void
test_init_defaults(void **state)
{
	struct calendar c;

	(void)state;
	memset(&c, 0xa5, sizeof(c));
	cal_init(&c);
	assert_int_equal(c.workdays, 0x1f);
	assert_true(c.cn);
	assert_int_equal(c.nclosed, 0);
	assert_int_equal(c.nopen, 0);
	assert_null(c.closed);
	assert_null(c.open);
	assert_int_equal(c.visits_per_day, 1);
}

static void
test_ordinary_week(void **state)
{
	struct calendar c = cal_default();

	(void)state;
	/* 2024-03-04 is a Monday. */
	assert_true(working(&c, 2024, 3, 4));
	assert_true(working(&c, 2024, 3, 8));
	assert_false(working(&c, 2024, 3, 9));
	assert_false(working(&c, 2024, 3, 10));
	/* Outside the table and the computed years: weekdays only. */
	assert_true(working(&c, 2003, 10, 1));
	assert_true(working(&c, 2100, 10, 1));
	assert_false(working(&c, 2100, 10, 2));
	/* Computed years: the statutory days only, no make-up days. */
	assert_false(working(&c, 2027, 10, 1));
	assert_true(working(&c, 2027, 10, 4));
	assert_false(working(&c, 2027, 2, 5));
}

static void
test_spring_festival_2020(void **state)
{
	struct calendar c = cal_default();

	(void)state;
	assert_true(working(&c, 2020, 1, 19));		/* Sunday make-up */
	assert_true(working(&c, 2020, 1, 23));
	assert_false(working(&c, 2020, 1, 24));
	assert_false(working(&c, 2020, 1, 31));		/* extension */
	assert_false(working(&c, 2020, 2, 1));		/* make-up cancelled */
	assert_false(working(&c, 2020, 2, 2));
	assert_true(working(&c, 2020, 2, 3));
	assert_int_equal(cal_cn_status(D(2020, 2, 1), NULL), CN_OFF);
}

static void
test_new_year_2023(void **state)
{
	struct calendar c = cal_default();

	(void)state;
	assert_false(working(&c, 2022, 12, 31));
	assert_int_equal(cal_cn_status(D(2022, 12, 31), NULL), CN_OFF);
	assert_false(working(&c, 2023, 1, 1));
	assert_false(working(&c, 2023, 1, 2));		/* Monday off */
	assert_true(working(&c, 2023, 1, 3));
	assert_false(working(&c, 2023, 12, 31));	/* Sunday, not listed */
	assert_int_equal(cal_cn_status(D(2023, 12, 31), NULL), CN_NONE);
}

static void
test_national_day_2024(void **state)
{
	struct calendar c = cal_default();
	int d;

	(void)state;
	assert_true(working(&c, 2024, 9, 29));		/* Sunday make-up */
	assert_true(working(&c, 2024, 9, 30));
	for (d = 1; d <= 7; d++)
		assert_false(working(&c, 2024, 10, d));
	assert_true(working(&c, 2024, 10, 8));
	assert_true(working(&c, 2024, 10, 12));		/* Saturday make-up */
	assert_false(working(&c, 2024, 10, 13));
}

static void
test_other_awkward_days(void **state)
{
	struct calendar c = cal_default();

	(void)state;
	assert_true(working(&c, 2026, 1, 4));		/* Sunday make-up */
	assert_false(working(&c, 2026, 1, 2));
	assert_false(working(&c, 2025, 1, 28));		/* New Year's Eve */
	assert_true(working(&c, 2025, 1, 27));
	assert_true(working(&c, 2025, 1, 26));		/* Sunday make-up */
	assert_false(working(&c, 2025, 2, 4));
	assert_true(working(&c, 2025, 2, 5));
	assert_false(working(&c, 2025, 5, 5));
	assert_true(working(&c, 2022, 1, 29));
	assert_true(working(&c, 2022, 1, 30));
	assert_true(working(&c, 2022, 10, 8));
	assert_true(working(&c, 2022, 10, 9));
	assert_false(working(&c, 2023, 9, 29));
	assert_false(working(&c, 2023, 10, 6));
	assert_true(working(&c, 2023, 10, 7));
	assert_false(working(&c, 2024, 6, 10));
	assert_false(working(&c, 2024, 1, 1));
}

static void
test_holidays_none(void **state)
{
	struct calendar c;

	(void)state;
	cal_init(&c);
	c.cn = false;
	cal_normalise(&c);
	assert_true(working(&c, 2024, 10, 1));
	assert_true(working(&c, 2025, 1, 28));
	assert_false(working(&c, 2024, 9, 29));
	assert_false(working(&c, 2024, 10, 12));
	assert_false(working(&c, 2020, 1, 19));
	assert_false(working(&c, 2023, 12, 31));
}

static void
test_custom_workdays(void **state)
{
	struct calendar c;

	(void)state;
	cal_init(&c);
	c.workdays = 1u << WD_SAT | 1u << WD_MON;
	cal_normalise(&c);
	assert_true(working(&c, 2024, 3, 4));		/* Monday */
	assert_false(working(&c, 2024, 3, 5));
	assert_true(working(&c, 2024, 3, 9));		/* Saturday */
	assert_false(working(&c, 2024, 10, 5));		/* holiday Saturday */
	assert_true(working(&c, 2024, 9, 29));		/* make-up Sunday */
	c.workdays = 0;
	assert_false(working(&c, 2024, 3, 4));
	assert_true(working(&c, 2024, 10, 12));
}

static void
test_normalise_closed(void **state)
{
	struct span closed[] = {
		{ 50, 60 }, { 10, 20 }, { 15, 30 }, { 100, 90 },
		{ 31, 35 }, { 12, 13 }, { 50, 55 }, { 70, 70 },
	};
	struct calendar c;

	(void)state;
	cal_init(&c);
	c.closed = closed;
	c.nclosed = sizeof(closed) / sizeof(closed[0]);
	cal_normalise(&c);
	assert_int_equal(c.nclosed, 3);
	assert_int_equal(c.closed[0].from, 10);
	assert_int_equal(c.closed[0].to, 35);
	assert_int_equal(c.closed[1].from, 50);
	assert_int_equal(c.closed[1].to, 60);
	assert_int_equal(c.closed[2].from, 70);
	assert_int_equal(c.closed[2].to, 70);
	/* Idempotent. */
	cal_normalise(&c);
	assert_int_equal(c.nclosed, 3);
	assert_int_equal(c.closed[0].to, 35);
}

static void
test_normalise_open(void **state)
{
	day_t open[] = { 9, 3, 9, 1, 3, 3, 7, -5 };
	struct calendar c;

	(void)state;
	cal_init(&c);
	c.open = open;
	c.nopen = sizeof(open) / sizeof(open[0]);
	cal_normalise(&c);
	assert_int_equal(c.nopen, 5);
	assert_int_equal(c.open[0], -5);
	assert_int_equal(c.open[1], 1);
	assert_int_equal(c.open[2], 3);
	assert_int_equal(c.open[3], 7);
	assert_int_equal(c.open[4], 9);
}

static void
test_closed_ranges(void **state)
{
	struct span closed[] = {
		{ D(2024, 8, 1), D(2024, 8, 31) },
		{ D(2024, 7, 10), D(2024, 8, 10) },
		{ D(2025, 1, 18), D(2025, 2, 16) },
	};
	struct calendar c;

	(void)state;
	cal_init(&c);
	c.closed = closed;
	c.nclosed = 3;
	cal_normalise(&c);
	assert_int_equal(c.nclosed, 2);
	assert_true(working(&c, 2024, 7, 9));
	assert_false(working(&c, 2024, 7, 10));
	assert_false(working(&c, 2024, 8, 12));
	assert_false(working(&c, 2024, 8, 30));
	assert_true(working(&c, 2024, 9, 2));
	assert_false(working(&c, 2025, 1, 26));	/* make-up day, but closed */
	assert_false(working(&c, 2025, 2, 8));
	assert_true(working(&c, 2025, 1, 17));
	assert_true(working(&c, 2025, 2, 17));
}

static void
test_open_days(void **state)
{
	day_t open[] = { D(2024, 3, 9), D(2024, 10, 3), D(2024, 3, 9) };
	struct calendar c;

	(void)state;
	cal_init(&c);
	c.open = open;
	c.nopen = 3;
	cal_normalise(&c);
	assert_true(working(&c, 2024, 3, 9));		/* Saturday */
	assert_false(working(&c, 2024, 3, 10));
	assert_true(working(&c, 2024, 10, 3));		/* holiday */
	assert_false(working(&c, 2024, 10, 4));
	c.cn = false;
	assert_true(working(&c, 2024, 3, 9));
}

static void
test_closed_beats_open(void **state)
{
	day_t open[] = { D(2024, 7, 20), D(2024, 7, 6) };
	struct span closed[] = { { D(2024, 7, 10), D(2024, 8, 31) } };
	struct calendar c;

	(void)state;
	cal_init(&c);
	c.open = open;
	c.nopen = 2;
	c.closed = closed;
	c.nclosed = 1;
	cal_normalise(&c);
	assert_false(working(&c, 2024, 7, 20));
	assert_true(working(&c, 2024, 7, 6));
}

static void
test_visits_per_day(void **state)
{
	struct calendar c;

	(void)state;
	cal_init(&c);
	assert_int_equal(c.visits_per_day, 1);
	c.visits_per_day = 3;
	cal_normalise(&c);
	assert_int_equal(c.visits_per_day, 3);
}

/* Working days of c in [s] whose weekday is in mask, one by one. */
static int32_t
brute_count(const struct calendar *c, struct span s, uint8_t mask)
{
	int32_t n = 0;
	day_t day;

	for (day = s.from; day <= s.to; day++)
		if ((mask >> date_weekday(day)) & 1 && cal_is_working(c, day))
			n++;
	return n;
}

static void
test_workmap_brute_force(void **state)
{
	struct span closed[] = {
		{ D(2024, 7, 10), D(2024, 8, 31) },
		{ D(2025, 1, 18), D(2025, 2, 16) },
		{ D(2024, 8, 20), D(2024, 9, 3) },
		{ D(2023, 12, 1), D(2024, 1, 5) },
	};
	day_t open[] = { D(2024, 9, 28), D(2024, 10, 2), D(2025, 3, 8),
	    D(2024, 8, 3), D(2025, 3, 8) };
	struct calendar c;
	struct workmap wm;
	struct arena a;
	struct span map = { D(2024, 1, 1), D(2025, 12, 31) }, q;
	unsigned mask;
	day_t day;

	(void)state;
	arena_init(&a);
	cal_init(&c);
	c.closed = closed;
	c.nclosed = 4;
	c.open = open;
	c.nopen = 5;
	cal_normalise(&c);
	workmap_init(&wm, &a, &c, map);
	assert_int_equal(wm.base, map.from);
	assert_int_equal(wm.ndays, map.to - map.from + 1);
	for (day = map.from - 3; day <= map.to + 3; day++)
		assert_int_equal(workmap_is_working(&wm, day),
		    day >= map.from && day <= map.to &&
		    cal_is_working(&c, day));
	for (mask = 0; mask < 128; mask++)
		assert_int_equal(workmap_count(&wm, map, (uint8_t)mask),
		    brute_count(&c, map, (uint8_t)mask));
	/* Assorted sub-spans, some poking out of the map. */
	for (q.from = map.from - 40; q.from <= map.to; q.from += 37)
		for (q.to = q.from - 1; q.to <= map.to + 40; q.to += 53) {
			struct span in = q;

			if (in.from < map.from)
				in.from = map.from;
			if (in.to > map.to)
				in.to = map.to;
			assert_int_equal(workmap_count(&wm, q, 0x7f),
			    brute_count(&c, in, 0x7f));
			assert_int_equal(workmap_count(&wm, q, 0x05),
			    brute_count(&c, in, 0x05));
			assert_int_equal(workmap_count(&wm, q, 0x60),
			    brute_count(&c, in, 0x60));
		}
	/* The prefix sums of all weekdays add up to the working days. */
	assert_int_equal(workmap_count(&wm, map, 0xff),
	    workmap_count(&wm, map, 0x7f));
	arena_release(&a);
}

static void
test_workmap_empty(void **state)
{
	struct calendar c = cal_default();
	struct workmap wm;
	struct arena a;
	struct span map = { D(2024, 3, 1), D(2024, 3, 31) };
	struct span empty = { D(2024, 3, 10), D(2024, 3, 9) };
	struct span outside = { D(2024, 5, 1), D(2024, 5, 31) };
	struct span before = { D(2024, 1, 1), D(2024, 2, 29) };

	(void)state;
	arena_init(&a);
	workmap_init(&wm, &a, &c, map);
	assert_int_equal(workmap_count(&wm, map, 0x7f), 21);
	assert_int_equal(workmap_count(&wm, map, 1u << WD_FRI), 5);
	assert_int_equal(workmap_count(&wm, map, 0), 0);
	assert_int_equal(workmap_count(&wm, empty, 0x7f), 0);
	assert_int_equal(workmap_count(&wm, outside, 0x7f), 0);
	assert_int_equal(workmap_count(&wm, before, 0x7f), 0);
	assert_false(workmap_is_working(&wm, D(2024, 4, 1)));
	assert_false(workmap_is_working(&wm, D(2024, 2, 29)));
	arena_release(&a);
}

static void
test_workmap_reversed_map(void **state)
{
	struct calendar c = cal_default();
	struct workmap wm;
	struct arena a;
	struct span rev = { D(2024, 3, 31), D(2024, 3, 1) };
	struct span q = { D(2024, 3, 1), D(2024, 3, 31) };

	(void)state;
	arena_init(&a);
	workmap_init(&wm, &a, &c, rev);
	assert_int_equal(wm.ndays, 0);
	assert_int_equal(workmap_count(&wm, q, 0x7f), 0);
	assert_int_equal(workmap_count(&wm, rev, 0x7f), 0);
	assert_false(workmap_is_working(&wm, D(2024, 3, 4)));
	arena_release(&a);
}

static void
test_workmap_single_day(void **state)
{
	struct calendar c = cal_default();
	struct workmap wm;
	struct arena a;
	struct span one = { D(2024, 9, 29), D(2024, 9, 29) };

	(void)state;
	arena_init(&a);
	workmap_init(&wm, &a, &c, one);
	assert_int_equal(wm.ndays, 1);
	assert_true(workmap_is_working(&wm, one.from));
	assert_int_equal(workmap_count(&wm, one, 1u << WD_SUN), 1);
	assert_int_equal(workmap_count(&wm, one, 1u << WD_SAT), 0);
	arena_release(&a);
}

static void
test_workmap_huge_span(void **state)
{
	struct calendar c = cal_default();
	struct workmap wm;
	struct arena a;
	struct span huge = { D(1, 1, 1), D(9999, 12, 31) };
	struct span all = { INT32_MIN, INT32_MAX };

	(void)state;
	arena_init(&a);
	workmap_init(&wm, &a, &c, huge);
	assert_true(wm.ndays > 0 && wm.ndays <= 40000);
	assert_int_equal(wm.base, huge.from);
	assert_false(workmap_is_working(&wm, D(9999, 12, 31)));
	assert_true(workmap_count(&wm, all, 0x7f) > 0);
	assert_true(workmap_count(&wm, all, 0x7f) <= wm.ndays);
	arena_release(&a);
}

/* ---- why a day is what it is, and the rows of `pairplan calendar` ---- */

static void
test_source_names(void **state)
{
	(void)state;
	assert_string_equal(cal_source_name(CAL_ORDINARY), "ordinary");
	assert_string_equal(cal_source_name(CAL_OFFICIAL), "official");
	assert_string_equal(cal_source_name(CAL_COMPUTED), "computed");
	assert_string_equal(cal_source_name(CAL_FILE), "file");
	assert_string_equal(cal_source_name(CAL_PLAN), "plan");
}

static void
explain_at(int line, const struct calendar *c, day_t d, bool working,
    enum cal_source src, const char *name)
{
	struct cal_why w;

	cal_explain(c, d, &w);
	if (w.working != working || w.source != src)
		fail_msg("line %d: working %d source %d", line, w.working,
		    w.source);
	assert_int_equal(w.working, working);
	assert_int_equal(w.working, cal_is_working(c, d));
	assert_int_equal(w.source, src);
	if (name == NULL)
		assert_null(w.name);
	else
		assert_string_equal(w.name, name);
}
#define explain(...)	explain_at(__LINE__, __VA_ARGS__)

static void
test_explain(void **state)
{
	struct span closed[1] = { { D(2024, 9, 30), D(2024, 10, 4) } };
	day_t open[2] = { D(2024, 10, 6), D(2024, 10, 13) };
	struct calendar c;

	(void)state;
	cal_init(&c);
	explain(&c, D(2024, 10, 8), true, CAL_ORDINARY, NULL);
	explain(&c, D(2024, 10, 19), false, CAL_ORDINARY, NULL);	/* Sat */
	explain(&c, D(2024, 10, 1), false, CAL_OFFICIAL, "国庆节");
	explain(&c, D(2024, 9, 29), true, CAL_OFFICIAL, "国庆节");	/* 调休 */
	explain(&c, D(2027, 2, 5), false, CAL_COMPUTED, "春节");
	c.closed = closed;
	c.nclosed = 1;
	c.open = open;
	c.nopen = 2;
	/* closed on a working Monday: the plan's; on 国庆: the holiday's */
	explain(&c, D(2024, 9, 30), false, CAL_PLAN, CAL_NAME_CLOSED);
	explain(&c, D(2024, 10, 2), false, CAL_OFFICIAL, "国庆节");
	/* open on a Sunday: the plan's */
	explain(&c, D(2024, 10, 13), true, CAL_PLAN, CAL_NAME_OPEN);
	/* open on a day that is a holiday */
	explain(&c, D(2024, 10, 6), true, CAL_PLAN, CAL_NAME_OPEN);
	/* a Monday outside workdays; a Saturday inside them */
	c.workdays = 0x1E;		/* Tuesday to Friday */
	explain(&c, D(2024, 10, 14), false, CAL_PLAN, CAL_NAME_RESTDAY);
	c.workdays = 0x3F;
	explain(&c, D(2024, 10, 19), true, CAL_PLAN, CAL_NAME_WORKDAY);
	explain(&c, D(2024, 10, 21), true, CAL_ORDINARY, NULL);
}

/* `pairplan calendar 2027`: the computed statutory days on weekdays. */
static void
test_rows_2027(void **state)
{
	static const struct {
		int		 m, d;
		const char	*name;
	} want[] = {
		{ 1, 1, "元旦" }, { 2, 5, "春节" }, { 2, 8, "春节" },
		{ 4, 5, "清明节" }, { 6, 9, "端午节" }, { 9, 15, "中秋节" },
		{ 10, 1, "国庆节" },
	};
	struct span y = { D(2027, 1, 1), D(2027, 12, 31) };
	struct cal_row *rows = NULL;
	struct calendar c;
	struct arena a;
	size_t n = 0, cap = 0, i;

	(void)state;
	arena_init(&a);
	cal_init(&c);
	assert_int_equal(cal_rows(&c, NULL, y, NULL, 0, &a, &rows, &n, &cap),
	    sizeof(want) / sizeof(want[0]));
	for (i = 0; i < n; i++) {
		assert_int_equal(rows[i].day, D(2027, want[i].m, want[i].d));
		assert_false(rows[i].working);
		assert_int_equal(rows[i].source, CAL_COMPUTED);
		assert_string_equal(rows[i].name, want[i].name);
		assert_null(rows[i].at);
	}
	arena_release(&a);
}

/* 2026: official, with its make-up Saturdays and Sundays. */
static void
test_rows_2026(void **state)
{
	struct span y = { D(2026, 1, 1), D(2026, 12, 31) };
	struct cal_row *rows = NULL;
	struct calendar c;
	struct arena a;
	size_t n = 0, cap = 0, i, work = 0;
	const char *const at[1] = { "hexi" };

	(void)state;
	arena_init(&a);
	cal_init(&c);
	cal_rows(&c, NULL, y, NULL, 0, &a, &rows, &n, &cap);
	for (i = 0; i < n; i++) {
		assert_int_equal(rows[i].source, CAL_OFFICIAL);
		assert_int_equal(rows[i].working,
		    date_weekday(rows[i].day) >= WD_SAT);
		work += rows[i].working;
	}
	/* 01-04, 02-14, 02-28, 05-09, 09-20, 10-10 */
	assert_int_equal(work, 6);
	assert_int_equal(rows[0].day, D(2026, 1, 1));
	assert_string_equal(rows[0].name, "元旦");
	/* against another calendar: only what differs from it, with at */
	{
		struct calendar site = c;
		struct span cl[1] = { { D(2026, 3, 2), D(2026, 3, 8) } };
		size_t k = n;

		site.closed = cl;
		site.nclosed = 1;
		assert_int_equal(cal_rows(&site, &c, y, at, 1, &a, &rows, &n,
		    &cap), 5);
		assert_int_equal(rows[k].day, D(2026, 3, 2));
		assert_string_equal(rows[k].name, CAL_NAME_CLOSED);
		assert_int_equal(rows[k].source, CAL_PLAN);
		assert_int_equal(rows[k].nat, 1);
		assert_string_equal(rows[k].at[0], "hexi");
	}
	arena_release(&a);
}

/* A year without a source: nothing differs. */
static void
test_rows_unknown_year(void **state)
{
	struct span y = { D(1950, 1, 1), D(1950, 12, 31) };
	struct cal_row *rows = NULL;
	struct calendar c;
	struct arena a;
	size_t n = 0, cap = 0;

	(void)state;
	arena_init(&a);
	cal_init(&c);
	assert_int_equal(cal_rows(&c, NULL, y, NULL, 0, &a, &rows, &n, &cap),
	    0);
	arena_release(&a);
}

/* The workmap of several calendars: working when every one works. */
static void
test_workmap_all(void **state)
{
	struct span m = { D(2024, 9, 1), D(2024, 12, 31) };
	struct span c1[1] = { { D(2024, 10, 14), D(2024, 10, 18) } };
	day_t o2[1] = { D(2024, 11, 16) };
	struct calendar a, b;
	const struct calendar *both[2] = { &a, &b };
	struct workmap wm;
	struct arena ar;
	day_t d;

	(void)state;
	arena_init(&ar);
	cal_init(&a);
	cal_init(&b);
	a.closed = c1;
	a.nclosed = 1;
	b.open = o2;
	b.nopen = 1;
	workmap_init_all(&wm, &ar, both, 2, m);
	for (d = m.from; d <= m.to; d++)
		assert_int_equal(workmap_is_working(&wm, d),
		    cal_is_working(&a, d) && cal_is_working(&b, d));
	assert_false(workmap_is_working(&wm, D(2024, 10, 15)));
	assert_false(workmap_is_working(&wm, D(2024, 11, 16)));
	assert_int_equal(workmap_count(&wm, c1[0], 0x7f), 0);
	arena_release(&ar);
}


/* A small generator, so the random calendars are the same on every run. */
static uint32_t
rnd(uint32_t *seed, uint32_t n)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 8) % n;
}

/*
 * The workmap, built a word at a time, against cal_is_working day by day:
 * random weekdays, China's table on or off, holiday files, open days and
 * closed spans, one to three calendars, spans across the table's edges.
 */
static void
test_workmap_random(void **state)
{
	static const int edges[] = { 2003, 2004, 2026, 2027, 2099, 2100 };
	struct span closed[3][6];
	day_t open[3][8];
	struct cal_fday fd[12];
	int years[2];
	struct calendar c[3];
	const struct calendar *cp[3];
	struct workmap wm;
	struct arena a;
	struct span m;
	uint32_t seed = 7;
	size_t nc, i, k;
	int round, y;
	day_t d, base;
	bool want;

	(void)state;
	for (round = 0; round < 300; round++) {
		arena_init(&a);
		y = round % 3 == 0 ? edges[rnd(&seed, 6)] :
		    2000 + (int)rnd(&seed, 105);
		base = D(y, 1, 1) + (day_t)rnd(&seed, 365) - 180;
		m.from = base;
		m.to = base + (day_t)rnd(&seed, round % 5 == 0 ? 2000 : 400);
		nc = 1 + rnd(&seed, 3);
		for (i = 0; i < nc; i++) {
			cal_init(&c[i]);
			c[i].workdays = (uint8_t)rnd(&seed, 128);
			c[i].cn = rnd(&seed, 4) != 0;
			c[i].nclosed = rnd(&seed, 6);
			for (k = 0; k < c[i].nclosed; k++) {
				closed[i][k].from = base - 30 +
				    (day_t)rnd(&seed, 500);
				closed[i][k].to = closed[i][k].from +
				    (day_t)rnd(&seed, 40);
			}
			c[i].closed = closed[i];
			c[i].nopen = rnd(&seed, 8);
			for (k = 0; k < c[i].nopen; k++)
				open[i][k] = base - 10 + (day_t)rnd(&seed, 450);
			c[i].open = open[i];
			cal_normalise(&c[i]);
			if (rnd(&seed, 3) == 0) {
				years[0] = y;
				years[1] = y + 1;
				for (k = 0; k < 12; k++) {
					fd[k].day = D(y, 1, 1) +
					    (day_t)rnd(&seed, 730);
					fd[k].status = rnd(&seed, 2) ? CN_OFF :
					    CN_WORK;
					fd[k].name = "x";
				}
				/* only one entry a day, as a holiday file gives */
				for (k = 1; k < 12; k++)
					if (fd[k].day == fd[k - 1].day)
						fd[k].day = D(y, 1, 1) - 1000;
				cal_add_file_years(&c[i], &a, years,
				    rnd(&seed, 2) + 1, fd, 12);
			}
			cp[i] = &c[i];
		}
		workmap_init_all(&wm, &a, cp, nc, m);
		for (d = m.from - 70; d <= m.to + 70; d++) {
			want = d >= m.from && d <= m.to;
			for (i = 0; i < nc && want; i++)
				want = cal_is_working(&c[i], d);
			assert_int_equal(workmap_is_working(&wm, d), want);
			/* a day of the words outside the span is clear */
			if (!(d >= m.from && d <= m.to) && (d >> 6) >= wm.first &&
			    (d >> 6) < wm.first + wm.nwords)
				assert_int_equal((wm.bits[(d >> 6) - wm.first] >>
				    (d & 63)) & 1, 0);
		}
		arena_release(&a);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_rows_sane),
		cmocka_unit_test(test_table_matches_spec),
		cmocka_unit_test(test_cn_covers_year),
		cmocka_unit_test(test_cn_names),
		cmocka_unit_test(test_init_defaults),
		cmocka_unit_test(test_ordinary_week),
		cmocka_unit_test(test_spring_festival_2020),
		cmocka_unit_test(test_new_year_2023),
		cmocka_unit_test(test_national_day_2024),
		cmocka_unit_test(test_other_awkward_days),
		cmocka_unit_test(test_holidays_none),
		cmocka_unit_test(test_custom_workdays),
		cmocka_unit_test(test_normalise_closed),
		cmocka_unit_test(test_normalise_open),
		cmocka_unit_test(test_closed_ranges),
		cmocka_unit_test(test_open_days),
		cmocka_unit_test(test_closed_beats_open),
		cmocka_unit_test(test_visits_per_day),
		cmocka_unit_test(test_workmap_brute_force),
		cmocka_unit_test(test_workmap_empty),
		cmocka_unit_test(test_workmap_reversed_map),
		cmocka_unit_test(test_workmap_single_day),
		cmocka_unit_test(test_workmap_huge_span),
		cmocka_unit_test(test_source_names),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_rows_2027),
		cmocka_unit_test(test_rows_2026),
		cmocka_unit_test(test_rows_unknown_year),
		cmocka_unit_test(test_workmap_all),
		cmocka_unit_test(test_workmap_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
