/* test_cn_holidays.c - unit tests of China's official and computed holidays. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "cn_holidays.h"
#include "date.h"
#include "lunar.h"

#define D(y, m, d)	date_from_civil((y), (m), (d))

/* Expects day y-m-d to have status st, name (NULL for none) and source. */
static void
expect_day(int y, int m, int d, enum cn_status st, const char *name,
    enum cn_source src)
{
	const char *got_name = "x";
	enum cn_source got_src = (enum cn_source)99;
	char buf[11];

	date_format(D(y, m, d), buf);
	if (cn_status(D(y, m, d), &got_name, &got_src) != st)
		fail_msg("%s: status %d, want %d", buf,
		    cn_status(D(y, m, d), NULL, NULL), st);
	if (name == NULL)
		assert_null(got_name);
	else if (got_name == NULL || strcmp(got_name, name) != 0)
		fail_msg("%s: name %s, want %s", buf,
		    got_name != NULL ? got_name : "(null)", name);
	assert_int_equal(got_src, src);
}

/* Expects the days y-m-d1..d2 of one month to have status st and name. */
static void
expect_days(int y, int m, int d1, int d2, enum cn_status st,
    const char *name, enum cn_source src)
{
	int d;

	for (d = d1; d <= d2; d++)
		expect_day(y, m, d, st, name, src);
}

static void
test_year_source(void **state)
{
	(void)state;
	assert_int_equal(cn_year_source(2003), CN_NO_SOURCE);
	assert_int_equal(cn_year_source(2004), CN_OFFICIAL);
	assert_int_equal(cn_year_source(2026), CN_OFFICIAL);
	assert_int_equal(cn_year_source(2027), CN_COMPUTED);
	assert_int_equal(cn_year_source(2099), CN_COMPUTED);
	assert_int_equal(cn_year_source(2100), CN_NO_SOURCE);
	assert_int_equal(cn_year_source(-5), CN_NO_SOURCE);
	assert_string_equal(cn_source_name(CN_OFFICIAL), "official");
	assert_string_equal(cn_source_name(CN_COMPUTED), "computed");
	assert_string_equal(cn_source_name(CN_NO_SOURCE), "none");
	expect_day(2003, 10, 1, CN_NONE, NULL, CN_NO_SOURCE);
	expect_day(2100, 1, 1, CN_NONE, NULL, CN_NO_SOURCE);
	expect_day(1, 1, 1, CN_NONE, NULL, CN_NO_SOURCE);
	expect_day(9999, 12, 31, CN_NONE, NULL, CN_NO_SOURCE);
	/* NULL out-parameters are allowed. */
	assert_int_equal(cn_status(D(2027, 1, 1), NULL, NULL), CN_OFF);
}

/* 春节 2027: New Year's Eve (2-5) and lunar 1-1..1-3, computed. */
static void
test_spring_festival_2027(void **state)
{
	(void)state;
	expect_day(2027, 2, 4, CN_NONE, NULL, CN_COMPUTED);
	expect_days(2027, 2, 5, 8, CN_OFF, "春节", CN_COMPUTED);
	expect_day(2027, 2, 9, CN_NONE, NULL, CN_COMPUTED);
	/* No make-up days are computed: the weekend before stays a weekend. */
	expect_day(2027, 1, 31, CN_NONE, NULL, CN_COMPUTED);
}

static void
test_computed_2027(void **state)
{
	struct cn_day days[CN_YEAR_MAX];
	static const struct {
		int		 m, d;
		const char	*name;
	} want[] = {
		{ 1, 1, "元旦" },
		{ 2, 5, "春节" }, { 2, 6, "春节" }, { 2, 7, "春节" },
		{ 2, 8, "春节" },
		{ 4, 5, "清明节" },
		{ 5, 1, "劳动节" }, { 5, 2, "劳动节" },
		{ 6, 9, "端午节" },
		{ 9, 15, "中秋节" },
		{ 10, 1, "国庆节" }, { 10, 2, "国庆节" }, { 10, 3, "国庆节" },
	};
	size_t i, n;

	(void)state;
	n = cn_year_days(2027, days, CN_YEAR_MAX);
	assert_int_equal(n, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < n; i++) {
		assert_int_equal(days[i].day, D(2027, want[i].m, want[i].d));
		assert_int_equal(days[i].status, CN_OFF);
		assert_int_equal(days[i].source, CN_COMPUTED);
		assert_string_equal(days[i].name_zh, want[i].name);
	}
	expect_day(2027, 5, 3, CN_NONE, NULL, CN_COMPUTED);
	expect_day(2027, 10, 4, CN_NONE, NULL, CN_COMPUTED);
	expect_day(2027, 12, 31, CN_NONE, NULL, CN_COMPUTED);
}

/* 中秋节 on 国庆节 gives one day with both names. */
static void
test_joint_holiday(void **state)
{
	struct cn_day days[CN_YEAR_MAX];
	size_t i, n;
	int joint = 0;

	(void)state;
	expect_day(2028, 10, 3, CN_OFF, "中秋节、国庆节", CN_COMPUTED);
	expect_days(2028, 10, 1, 2, CN_OFF, "国庆节", CN_COMPUTED);
	expect_day(2028, 10, 4, CN_NONE, NULL, CN_COMPUTED);
	n = cn_year_days(2028, days, CN_YEAR_MAX);
	assert_int_equal(n, 12);
	for (i = 0; i < n; i++)
		joint += strcmp(days[i].name_zh, "中秋节、国庆节") == 0;
	assert_int_equal(joint, 1);
	expect_day(2031, 10, 1, CN_OFF, "中秋节、国庆节", CN_COMPUTED);
	/* 中秋节 right after 国庆节 is a day of its own. */
	expect_day(2036, 10, 3, CN_OFF, "国庆节", CN_COMPUTED);
	expect_day(2036, 10, 4, CN_OFF, "中秋节", CN_COMPUTED);
	expect_day(2036, 10, 5, CN_NONE, NULL, CN_COMPUTED);
}

static void
test_official_2004(void **state)
{
	(void)state;
	/* Before 2008: 元旦 1 day, three "golden weeks", no 清明/端午/中秋. */
	expect_day(2004, 1, 1, CN_OFF, "元旦", CN_OFFICIAL);
	expect_day(2004, 1, 2, CN_NONE, NULL, CN_OFFICIAL);
	expect_days(2004, 1, 17, 18, CN_WORK, "春节", CN_OFFICIAL);
	expect_days(2004, 1, 22, 28, CN_OFF, "春节", CN_OFFICIAL);
	expect_day(2004, 1, 29, CN_NONE, NULL, CN_OFFICIAL);
	expect_day(2004, 4, 4, CN_NONE, NULL, CN_OFFICIAL);	/* 清明 */
	expect_days(2004, 5, 1, 7, CN_OFF, "劳动节", CN_OFFICIAL);
	expect_days(2004, 5, 8, 9, CN_WORK, "劳动节", CN_OFFICIAL);
	expect_day(2004, 6, 22, CN_NONE, NULL, CN_OFFICIAL);	/* 端午 */
	expect_day(2004, 9, 28, CN_NONE, NULL, CN_OFFICIAL);	/* 中秋 */
	expect_days(2004, 10, 1, 7, CN_OFF, "国庆节", CN_OFFICIAL);
	expect_day(2004, 10, 8, CN_NONE, NULL, CN_OFFICIAL);
	expect_days(2004, 10, 9, 10, CN_WORK, "国庆节", CN_OFFICIAL);
	/* The 2006 notice: Saturday 2005-12-31 worked for 元旦. */
	expect_day(2005, 12, 31, CN_WORK, "元旦", CN_OFFICIAL);
	expect_days(2006, 1, 1, 3, CN_OFF, "元旦", CN_OFFICIAL);
}

static void
test_official_2008(void **state)
{
	(void)state;
	/* 元旦 2008 began in 2007, with a Saturday worked. */
	expect_day(2007, 12, 29, CN_WORK, "元旦", CN_OFFICIAL);
	expect_days(2007, 12, 30, 31, CN_OFF, "元旦", CN_OFFICIAL);
	expect_day(2008, 1, 1, CN_OFF, "元旦", CN_OFFICIAL);
	expect_days(2008, 2, 2, 3, CN_WORK, "春节", CN_OFFICIAL);
	expect_days(2008, 2, 6, 12, CN_OFF, "春节", CN_OFFICIAL);
	/* New in 2008: 清明节, 端午节, 中秋节; 劳动节 cut to 3 days. */
	expect_days(2008, 4, 4, 6, CN_OFF, "清明节", CN_OFFICIAL);
	expect_days(2008, 5, 1, 3, CN_OFF, "劳动节", CN_OFFICIAL);
	expect_day(2008, 5, 4, CN_WORK, "劳动节", CN_OFFICIAL);
	expect_day(2008, 5, 5, CN_NONE, NULL, CN_OFFICIAL);
	expect_days(2008, 6, 7, 9, CN_OFF, "端午节", CN_OFFICIAL);
	expect_days(2008, 9, 13, 15, CN_OFF, "中秋节", CN_OFFICIAL);
	expect_days(2008, 9, 27, 28, CN_WORK, "国庆节", CN_OFFICIAL);
	expect_days(2008, 9, 29, 30, CN_OFF, "国庆节", CN_OFFICIAL);
	expect_days(2008, 10, 1, 5, CN_OFF, "国庆节", CN_OFFICIAL);
	expect_day(2008, 10, 6, CN_NONE, NULL, CN_OFFICIAL);
}

static void
test_official_quirks(void **state)
{
	(void)state;
	/* The one-time holiday of 2015. */
	expect_days(2015, 9, 3, 5, CN_OFF,
	    "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日", CN_OFFICIAL);
	expect_day(2015, 9, 6, CN_WORK,
	    "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日", CN_OFFICIAL);
	/* 清明 2014: 4-5 and Monday 4-7, the Sunday between inside. */
	expect_days(2014, 4, 5, 7, CN_OFF, "清明节", CN_OFFICIAL);
	/* Joint holidays keep the notice's order. */
	expect_day(2012, 9, 30, CN_OFF, "中秋节、国庆节", CN_OFFICIAL);
	expect_day(2009, 10, 8, CN_OFF, "国庆节、中秋节", CN_OFFICIAL);
	/* 2020's extended Spring Festival, 2023's New Year from 2022-12-31. */
	expect_days(2020, 1, 24, 31, CN_OFF, "春节", CN_OFFICIAL);
	expect_days(2020, 2, 1, 2, CN_OFF, "春节", CN_OFFICIAL);
	expect_day(2020, 2, 3, CN_NONE, NULL, CN_OFFICIAL);
	expect_day(2022, 12, 31, CN_OFF, "元旦", CN_OFFICIAL);
	expect_days(2023, 1, 1, 2, CN_OFF, "元旦", CN_OFFICIAL);
	/* The last official day, then the first computed one. */
	expect_day(2026, 10, 10, CN_WORK, "国庆节", CN_OFFICIAL);
	expect_day(2026, 12, 31, CN_NONE, NULL, CN_OFFICIAL);
	expect_day(2027, 1, 1, CN_OFF, "元旦", CN_COMPUTED);
}

/* cn_year_days and cn_status agree on every day, years in order. */
static void
test_year_days_match_status(void **state)
{
	struct cn_day days[CN_YEAR_MAX];
	const char *name;
	enum cn_source src;
	enum cn_status st;
	size_t i, n, noff = 0, nwork = 0;
	day_t day;
	int y, m, d;

	(void)state;
	for (y = 2002; y <= 2101; y++) {
		n = cn_year_days(y, days, CN_YEAR_MAX);
		assert_true(n <= CN_YEAR_MAX);
		assert_int_equal(n == 0, cn_year_source(y) == CN_NO_SOURCE);
		i = 0;
		for (day = D(y, 1, 1); day <= D(y, 12, 31); day++) {
			st = cn_status(day, &name, &src);
			assert_int_equal(src, cn_year_source(y));
			if (i < n && days[i].day == day) {
				assert_int_equal(st, days[i].status);
				assert_ptr_equal(name, days[i].name_zh);
				assert_int_equal(days[i].source, src);
				if (st == CN_WORK) {
					/* Make-up days are weekend days. */
					assert_true(date_weekday(day) >= WD_SAT);
					nwork++;
				} else
					noff++;
				i++;
			} else {
				assert_int_equal(st, CN_NONE);
				assert_null(name);
			}
		}
		assert_int_equal(i, n);
		for (i = 0; i < n; i++) {
			date_to_civil(days[i].day, &d, &m, NULL);
			assert_int_equal(d, y);
		}
	}
	/*
	 * 2004-2026: the days of the notices as counted when the table was
	 * typed in; 2027-2099: 13 a year, less the 7 years whose 中秋节 falls
	 * on 国庆节 (2028, 2031, 2039, 2058, 2066, 2077, 2085).
	 */
	assert_int_equal(nwork, 151);
	assert_int_equal(noff, 617 + 73 * 13 - 7);
}

/* A short buffer gets what fits; the count is the whole year's. */
static void
test_year_days_short_buffer(void **state)
{
	struct cn_day days[4], all[CN_YEAR_MAX];
	size_t n;

	(void)state;
	memset(days, 0, sizeof(days));
	n = cn_year_days(2024, days, 2);
	assert_int_equal(n, cn_year_days(2024, all, CN_YEAR_MAX));
	assert_true(n > 2);
	assert_int_equal(days[0].day, all[0].day);
	assert_int_equal(days[1].day, all[1].day);
	assert_int_equal(days[2].day, 0);
	assert_null(days[2].name_zh);
	assert_int_equal(cn_year_days(2050, NULL, 0), 13);
	assert_int_equal(cn_year_days(2003, NULL, 0), 0);
	assert_int_equal(cn_statutory_days(1900, NULL, 0), 0);
	assert_int_equal(cn_statutory_days(2100, NULL, 0), 0);
}

/*
 * The statutory days computed for the official years are holidays in the
 * notices: 元旦, 春节 lunar 1-1 and 1-2, 清明节, 5-1, 端午节, 中秋节 and
 * 10-1..10-3 since 2008, and all of them under the rules of 2025 and 2026.
 */
static void
test_statutory_vs_official(void **state)
{
	struct cn_day days[CN_YEAR_MAX];
	const char *name;
	size_t i, n, checked = 0;
	day_t ny;
	int y, m, d;
	bool must;
	char buf[11];

	(void)state;
	for (y = 2008; y <= 2026; y++) {
		assert_true(lunar_new_year(y, &ny));
		n = cn_statutory_days(y, days, CN_YEAR_MAX);
		assert_true(n >= 12 && n <= 13);
		for (i = 0; i < n; i++) {
			assert_int_equal(days[i].status, CN_OFF);
			assert_int_equal(days[i].source, CN_COMPUTED);
			if (i > 0)
				assert_true(days[i - 1].day < days[i].day);
			date_to_civil(days[i].day, NULL, &m, &d);
			must = y >= 2025 || (days[i].day != ny - 1 &&
			    days[i].day != ny + 2 && !(m == 5 && d == 2));
			if (!must)
				continue;
			date_format(days[i].day, buf);
			if (cn_status(days[i].day, &name, NULL) != CN_OFF)
				fail_msg("%s (%s) is not off in the notice",
				    buf, days[i].name_zh);
			/* 中秋节 on 国庆节: the notice names both. */
			if (strstr(name, strncmp(days[i].name_zh, "中秋节、", 12)
			    == 0 ? "中秋节" : days[i].name_zh) == NULL)
				fail_msg("%s: %s, computed %s", buf, name,
				    days[i].name_zh);
			checked++;
		}
	}
	/* 2008-2024: 10 a year, less 2009 and 2020 (中秋节 on 国庆节). */
	assert_int_equal(checked, 17 * 10 - 2 + 2 * 13);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_year_source),
		cmocka_unit_test(test_spring_festival_2027),
		cmocka_unit_test(test_computed_2027),
		cmocka_unit_test(test_joint_holiday),
		cmocka_unit_test(test_official_2004),
		cmocka_unit_test(test_official_2008),
		cmocka_unit_test(test_official_quirks),
		cmocka_unit_test(test_year_days_match_status),
		cmocka_unit_test(test_year_days_short_buffer),
		cmocka_unit_test(test_statutory_vs_official),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
