/* test_date.c - unit tests of the civil-date arithmetic and the date forms. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "date.h"

#define D(y, m, d)	date_from_civil((y), (m), (d))

/* Parses a NUL-terminated string as a span. */
static enum date_err
span(const char *s, struct span *out, bool *is_day)
{
	return date_parse_span(s, strlen(s), out, is_day);
}

/* Expects s to parse to [from, to]; is_day as given. */
static void
expect_span(const char *s, day_t from, day_t to, bool day)
{
	struct span sp = { -1, -1 };
	bool is_day = !day;

	assert_int_equal(span(s, &sp, &is_day), DATE_OK);
	assert_int_equal(sp.from, from);
	assert_int_equal(sp.to, to);
	assert_int_equal(is_day, day);
}

static void
expect_err(const char *s, enum date_err want)
{
	struct span sp;
	bool is_day;

	assert_int_equal(span(s, &sp, &is_day), want);
}

static void
test_known_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(D(1970, 1, 1), 0);
	assert_int_equal(D(1970, 1, 2), 1);
	assert_int_equal(D(1969, 12, 31), -1);
	assert_int_equal(D(2000, 3, 1), 11017);
	assert_int_equal(D(2000, 1, 1), 10957);
	assert_int_equal(D(1, 1, 1), -719162);
	assert_int_equal(D(9999, 12, 31), 2932896);
	assert_int_equal(D(2024, 3, 1) - D(2024, 2, 28), 2);
	assert_int_equal(D(2023, 3, 1) - D(2023, 2, 28), 1);
}

static void
test_to_civil_known(void **state)
{
	int y, m, d;

	(void)state;
	date_to_civil(0, &y, &m, &d);
	assert_true(y == 1970 && m == 1 && d == 1);
	date_to_civil(-719162, &y, &m, &d);
	assert_true(y == 1 && m == 1 && d == 1);
	date_to_civil(2932896, &y, &m, &d);
	assert_true(y == 9999 && m == 12 && d == 31);
	date_to_civil(11016, &y, &m, &d);
	assert_true(y == 2000 && m == 2 && d == 29);
}

static void
test_round_trip_1600_2400(void **state)
{
	int y, m, d, y2, m2, d2;
	day_t day, expect;

	(void)state;
	expect = D(1600, 1, 1);
	for (y = 1600; y <= 2400; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= date_days_in_month(y, m); d++) {
				day = D(y, m, d);
				assert_int_equal(day, expect);
				date_to_civil(day, &y2, &m2, &d2);
				if (y2 != y || m2 != m || d2 != d)
					fail_msg("%d-%d-%d -> %d -> %d-%d-%d",
					    y, m, d, (int)day, y2, m2, d2);
				expect++;
			}
	assert_int_equal(expect, D(2401, 1, 1));
}

static void
test_round_trip_all_days(void **state)
{
	day_t day;
	int y, m, d;

	(void)state;
	for (day = D(1, 1, 1); day <= D(9999, 12, 31); day += 97) {
		date_to_civil(day, &y, &m, &d);
		assert_true(date_is_valid(y, m, d));
		assert_int_equal(D(y, m, d), day);
	}
}

static void
test_leap_years(void **state)
{
	(void)state;
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2023, 2), 28);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2400, 2), 29);
	assert_int_equal(D(2001, 1, 1) - D(2000, 1, 1), 366);
	assert_int_equal(D(1901, 1, 1) - D(1900, 1, 1), 365);
}

static void
test_days_in_month(void **state)
{
	static const int dim[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int m;

	(void)state;
	for (m = 1; m <= 12; m++)
		assert_int_equal(date_days_in_month(2023, m), dim[m - 1]);
	assert_int_equal(date_days_in_month(2023, 0), 0);
	assert_int_equal(date_days_in_month(2023, 13), 0);
}

static void
test_is_valid(void **state)
{
	(void)state;
	assert_true(date_is_valid(1, 1, 1));
	assert_true(date_is_valid(9999, 12, 31));
	assert_true(date_is_valid(2024, 2, 29));
	assert_false(date_is_valid(2023, 2, 29));
	assert_false(date_is_valid(2024, 2, 30));
	assert_false(date_is_valid(0, 1, 1));
	assert_false(date_is_valid(10000, 1, 1));
	assert_false(date_is_valid(2024, 0, 1));
	assert_false(date_is_valid(2024, 13, 1));
	assert_false(date_is_valid(2024, 1, 0));
	assert_false(date_is_valid(2024, 4, 31));
	assert_false(date_is_valid(-1, 1, 1));
}

static void
test_weekdays(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D(1970, 1, 1)), WD_THU);
	assert_int_equal(date_weekday(D(1969, 12, 29)), WD_MON);
	assert_int_equal(date_weekday(D(2000, 1, 1)), WD_SAT);
	assert_int_equal(date_weekday(D(2024, 3, 1)), WD_FRI);
	assert_int_equal(date_weekday(D(2023, 12, 31)), WD_SUN);
	assert_int_equal(date_weekday(D(2022, 12, 31)), WD_SAT);
	assert_int_equal(date_weekday(D(2024, 9, 29)), WD_SUN);
	assert_int_equal(date_weekday(D(2024, 10, 12)), WD_SAT);
	assert_int_equal(date_weekday(D(2026, 1, 4)), WD_SUN);
	assert_int_equal(date_weekday(D(1, 1, 1)), WD_MON);
	assert_int_equal(date_weekday(D(1900, 1, 1)), WD_MON);
	assert_int_equal(date_weekday(D(1949, 10, 1)), WD_SAT);
}

static void
test_weekday_sequence(void **state)
{
	day_t day;

	(void)state;
	for (day = D(1600, 1, 1); day < D(1600, 1, 1) + 1000; day++)
		assert_int_equal(date_weekday(day + 1),
		    (date_weekday(day) + 1) % 7);
	for (day = -800000; day < -799000; day++)
		assert_int_equal(date_weekday(day + 7), date_weekday(day));
}

static void
test_format(void **state)
{
	char buf[16];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	date_format(D(2024, 3, 1), buf);
	assert_string_equal(buf, "2024-03-01");
	date_format(D(1, 1, 1), buf);
	assert_string_equal(buf, "0001-01-01");
	date_format(D(9999, 12, 31), buf);
	assert_string_equal(buf, "9999-12-31");
	date_format(0, buf);
	assert_string_equal(buf, "1970-01-01");
}

static void
test_format_parse_round_trip(void **state)
{
	char buf[11];
	day_t day, out;

	(void)state;
	for (day = D(2019, 1, 1); day <= D(2027, 12, 31); day++) {
		date_format(day, buf);
		assert_int_equal(date_parse_day(buf, 10, &out), DATE_OK);
		assert_int_equal(out, day);
	}
}

static void
test_weekday_names(void **state)
{
	int i;

	(void)state;
	assert_string_equal(date_weekday_names[0], "mon");
	assert_string_equal(date_weekday_names[6], "sun");
	for (i = 0; i < 7; i++)
		assert_int_equal(date_weekday_from_name(date_weekday_names[i]),
		    i);
	assert_int_equal(date_weekday_from_name("thu"), WD_THU);
	assert_int_equal(date_weekday_from_name("Mon"), -1);
	assert_int_equal(date_weekday_from_name("monday"), -1);
	assert_int_equal(date_weekday_from_name(""), -1);
	assert_int_equal(date_weekday_from_name(NULL), -1);
}

static void
test_parse_day_form(void **state)
{
	(void)state;
	expect_span("2024-03-29", D(2024, 3, 29), D(2024, 3, 29), true);
	expect_span("2024-02-29", D(2024, 2, 29), D(2024, 2, 29), true);
	expect_span("0001-01-01", D(1, 1, 1), D(1, 1, 1), true);
	expect_span("9999-12-31", D(9999, 12, 31), D(9999, 12, 31), true);
}

static void
test_parse_month_form(void **state)
{
	(void)state;
	expect_span("2024-03", D(2024, 3, 1), D(2024, 3, 31), false);
	expect_span("2024-02", D(2024, 2, 1), D(2024, 2, 29), false);
	expect_span("2023-02", D(2023, 2, 1), D(2023, 2, 28), false);
	expect_span("2024-04", D(2024, 4, 1), D(2024, 4, 30), false);
	expect_span("2024-12", D(2024, 12, 1), D(2024, 12, 31), false);
}

static void
test_parse_thirds_en(void **state)
{
	(void)state;
	expect_span("2024-05 early", D(2024, 5, 1), D(2024, 5, 10), false);
	expect_span("2024-05 mid", D(2024, 5, 11), D(2024, 5, 20), false);
	expect_span("2024-05 late", D(2024, 5, 21), D(2024, 5, 31), false);
	expect_span("2024-05   mid", D(2024, 5, 11), D(2024, 5, 20), false);
	expect_span("2024-04 late", D(2024, 4, 21), D(2024, 4, 30), false);
}

static void
test_parse_thirds_zh(void **state)
{
	(void)state;
	expect_span("2024-11 上旬", D(2024, 11, 1), D(2024, 11, 10), false);
	expect_span("2024-11 中旬", D(2024, 11, 11), D(2024, 11, 20), false);
	expect_span("2024-11 下旬", D(2024, 11, 21), D(2024, 11, 30), false);
	expect_span("2024-11中旬", D(2024, 11, 11), D(2024, 11, 20), false);
	expect_span("2024-11上旬", D(2024, 11, 1), D(2024, 11, 10), false);
	expect_span("2024-11  下旬", D(2024, 11, 21), D(2024, 11, 30), false);
}

static void
test_parse_late_february(void **state)
{
	(void)state;
	expect_span("2024-02 late", D(2024, 2, 21), D(2024, 2, 29), false);
	expect_span("2023-02 late", D(2023, 2, 21), D(2023, 2, 28), false);
	expect_span("2024-02下旬", D(2024, 2, 21), D(2024, 2, 29), false);
	expect_span("1900-02 late", D(1900, 2, 21), D(1900, 2, 28), false);
	expect_span("2000-02 late", D(2000, 2, 21), D(2000, 2, 29), false);
}

static void
test_parse_ranges(void **state)
{
	(void)state;
	expect_span("2024-03..2025-02", D(2024, 3, 1), D(2025, 2, 28), false);
	expect_span("2024-03..2024-02", D(2024, 3, 1), D(2024, 2, 29), false);
	expect_span("2024-07-10..2024-08-31", D(2024, 7, 10), D(2024, 8, 31),
	    false);
	expect_span("2024-03-05..2024-04", D(2024, 3, 5), D(2024, 4, 30),
	    false);
	expect_span("2024-03..2024-04-05", D(2024, 3, 1), D(2024, 4, 5),
	    false);
	expect_span("2024-03-05..2024-03-05", D(2024, 3, 5), D(2024, 3, 5),
	    false);
	expect_span("2024-03 .. 2024-04", D(2024, 3, 1), D(2024, 4, 30),
	    false);
	expect_span("2024-03  ..2024-04", D(2024, 3, 1), D(2024, 4, 30),
	    false);
	expect_span("2024-03..  2024-04", D(2024, 3, 1), D(2024, 4, 30),
	    false);
	/* Order is not checked here. */
	expect_span("2025-01-01..2024-01-01", D(2025, 1, 1), D(2024, 1, 1),
	    false);
}

static void
test_parse_not_terminated(void **state)
{
	const char buf[] = "2024-03-01..2024-03-05XYZ";
	struct span sp;
	bool is_day;
	day_t day;

	(void)state;
	assert_int_equal(date_parse_span(buf, 22, &sp, &is_day), DATE_OK);
	assert_int_equal(sp.from, D(2024, 3, 1));
	assert_int_equal(sp.to, D(2024, 3, 5));
	assert_int_equal(date_parse_span(buf, 10, &sp, &is_day), DATE_OK);
	assert_true(is_day);
	assert_int_equal(date_parse_span(buf, 7, &sp, &is_day), DATE_OK);
	assert_false(is_day);
	assert_int_equal(sp.to, D(2024, 3, 31));
	assert_int_equal(date_parse_span(buf, 9, &sp, &is_day), DATE_SYNTAX);
	assert_int_equal(date_parse_span(buf, 23, &sp, &is_day), DATE_SYNTAX);
	assert_int_equal(date_parse_day(buf, 10, &day), DATE_OK);
	assert_int_equal(day, D(2024, 3, 1));
	assert_int_equal(date_parse_day(buf, 11, &day), DATE_SYNTAX);
}

static void
test_parse_invalid(void **state)
{
	(void)state;
	expect_err("2024-02-30", DATE_INVALID);
	expect_err("2023-02-29", DATE_INVALID);
	expect_err("0000-01-01", DATE_INVALID);
	expect_err("0000-01", DATE_INVALID);
	expect_err("2024-13", DATE_INVALID);
	expect_err("2024-00", DATE_INVALID);
	expect_err("2024年0月", DATE_INVALID);
	expect_err("2024年2月30日", DATE_INVALID);
	expect_err("0000年", DATE_INVALID);
	expect_err("2024-01-00", DATE_INVALID);
	expect_err("2024-01-32", DATE_INVALID);
	expect_err("2024-04-31", DATE_INVALID);
	expect_err("2024-13 early", DATE_INVALID);
	expect_err("2024-13中旬", DATE_INVALID);
	expect_err("2024-02-30..2024-03", DATE_INVALID);
	expect_err("2024-03..2024-13", DATE_INVALID);
}

static void
test_parse_syntax(void **state)
{
	(void)state;
	expect_err("", DATE_SYNTAX);
	expect_err("abc", DATE_SYNTAX);
	expect_err("2024-1-5", DATE_SYNTAX);
	expect_err("2024-01-5", DATE_SYNTAX);
	expect_err("24-01-05", DATE_SYNTAX);
	expect_err("02024-01-05", DATE_SYNTAX);
	expect_err("2024 mid", DATE_SYNTAX);
	expect_err("2024年中旬", DATE_SYNTAX);
	expect_err("2024年11月5", DATE_SYNTAX);
	expect_err("2024年111月", DATE_SYNTAX);
	expect_err("2024-", DATE_SYNTAX);
	expect_err("2024-03-", DATE_SYNTAX);
	expect_err("2024-03-01..", DATE_SYNTAX);
	expect_err("..2024-03-01", DATE_SYNTAX);
	expect_err("2024-03-01...2024-03-02", DATE_SYNTAX);
	expect_err("2024-03-01x", DATE_SYNTAX);
	expect_err("2024-03-011", DATE_SYNTAX);
	expect_err("2024-03-01 ", DATE_SYNTAX);
	expect_err(" 2024-03-01", DATE_SYNTAX);
	expect_err("2024-03 ", DATE_SYNTAX);
	expect_err("+2024-03-01", DATE_SYNTAX);
	expect_err("2024-+3-01", DATE_SYNTAX);
	expect_err("2024/03/01", DATE_SYNTAX);
	expect_err("2024-03-01..2024-03-05 ", DATE_SYNTAX);
	expect_err("2024-03-01..2024-03-05x", DATE_SYNTAX);
	expect_err("2024-03-01 early", DATE_SYNTAX);
	expect_err("2024-03early", DATE_SYNTAX);
	expect_err("2024-03 Early", DATE_SYNTAX);
	expect_err("2024-03 late x", DATE_SYNTAX);
	expect_err("2024-03 lately", DATE_SYNTAX);
	expect_err("2024-03 旬", DATE_SYNTAX);
	expect_err("2024-03 中", DATE_SYNTAX);
	expect_err("2024-03-05中旬", DATE_SYNTAX);
	expect_err("2024-03 early..2024-04", DATE_SYNTAX);
	expect_err("2024-03..2024-04 late", DATE_SYNTAX);
	expect_err("2024-03\t..2024-04", DATE_SYNTAX);
	expect_err("２０２４-03-01", DATE_SYNTAX);
}

static void
test_parse_day_only(void **state)
{
	day_t day = 7;

	(void)state;
	assert_int_equal(date_parse_day("2024-03-29", 10, &day), DATE_OK);
	assert_int_equal(day, D(2024, 3, 29));
	assert_int_equal(date_parse_day("2024-03", 7, &day), DATE_SYNTAX);
	assert_int_equal(date_parse_day("2024-03 mid", 11, &day), DATE_SYNTAX);
	assert_int_equal(date_parse_day("2024-03-01..2024-03-02", 22, &day),
	    DATE_SYNTAX);
	assert_int_equal(date_parse_day("2024-02-30", 10, &day), DATE_INVALID);
	assert_int_equal(date_parse_day("0000-01-01", 10, &day), DATE_INVALID);
	assert_int_equal(date_parse_day("", 0, &day), DATE_SYNTAX);
	assert_int_equal(date_parse_day("2024-1-5", 8, &day), DATE_SYNTAX);
}

static void
test_parse_null_is_day(void **state)
{
	struct span sp;

	(void)state;
	assert_int_equal(date_parse_span("2024-03", 7, &sp, NULL), DATE_OK);
	assert_int_equal(sp.from, D(2024, 3, 1));
}

/* The one binary search: items whose first day is on or before a day. */
static void
test_count_upto(void **state)
{
	static const struct span v[] = {
		{ 10, 12 }, { 20, 20 }, { 30, 40 }
	};
	static const day_t days[] = { -5, 0, 7, 7, 9 };

	(void)state;
	assert_int_equal(date_count_upto(v, 3, sizeof(v[0]), 9), 0);
	assert_int_equal(date_count_upto(v, 3, sizeof(v[0]), 10), 1);
	assert_int_equal(date_count_upto(v, 3, sizeof(v[0]), 19), 1);
	assert_int_equal(date_count_upto(v, 3, sizeof(v[0]), 20), 2);
	assert_int_equal(date_count_upto(v, 3, sizeof(v[0]), 1000), 3);
	assert_int_equal(date_count_upto(v, 0, sizeof(v[0]), 1000), 0);
	assert_int_equal(date_count_upto(days, 5, sizeof(days[0]), -6), 0);
	assert_int_equal(date_count_upto(days, 5, sizeof(days[0]), 7), 4);
	assert_int_equal(date_count_upto(days, 5, sizeof(days[0]), 8), 4);
	assert_int_equal(date_count_upto(days, 5, sizeof(days[0]), 9), 5);
}

/* The forms a Chinese plan writes, and whole years (§10). */
static void
test_parse_chinese(void **state)
{
	struct span s;
	bool is_day;

	(void)state;
	assert_int_equal(span("2024年11月5日", &s, &is_day), DATE_OK);
	assert_int_equal(s.from, D(2024, 11, 5));
	assert_int_equal(s.to, D(2024, 11, 5));
	assert_true(is_day);
	assert_int_equal(span("2024年1月", &s, &is_day), DATE_OK);
	assert_int_equal(s.from, D(2024, 1, 1));
	assert_int_equal(s.to, D(2024, 1, 31));
	assert_false(is_day);
	assert_int_equal(span("2024年11月中旬", &s, NULL), DATE_OK);
	assert_int_equal(s.from, D(2024, 11, 11));
	assert_int_equal(s.to, D(2024, 11, 20));
	assert_int_equal(span("2024年2月下旬", &s, NULL), DATE_OK);
	assert_int_equal(s.to, D(2024, 2, 29));
	assert_int_equal(span("2024年9月..2025年1月", &s, NULL), DATE_OK);
	assert_int_equal(s.from, D(2024, 9, 1));
	assert_int_equal(s.to, D(2025, 1, 31));
	assert_int_equal(span("2024-09至2024-12", &s, NULL), DATE_OK);
	assert_int_equal(s.to, D(2024, 12, 31));
	assert_int_equal(span("2012", &s, &is_day), DATE_OK);
	assert_int_equal(s.from, D(2012, 1, 1));
	assert_int_equal(s.to, D(2012, 12, 31));
	assert_false(is_day);
	assert_int_equal(span("2012年..2013年", &s, NULL), DATE_OK);
	assert_int_equal(s.to, D(2013, 12, 31));
	assert_int_equal(date_weekday_from_name("周三"), WD_WED);
	assert_int_equal(date_weekday_from_name("星期日"), WD_SUN);
	assert_int_equal(date_weekday_from_name("星期天"), WD_SUN);
	assert_int_equal(date_weekday_from_name("周八"), -1);
	assert_int_equal(date_weekday_from_name("星期"), -1);
}

/* SOURCE_DATE_EPOCH: digits only, up to the end of 9999. */
static void
test_source_epoch(void **state)
{
	long long t = -1;

	(void)state;
	assert_int_equal(setenv("SOURCE_DATE_EPOCH", "1730000000", 1), 0);
	assert_true(date_source_epoch(&t));
	assert_true(t == 1730000000LL);
	assert_int_equal(setenv("SOURCE_DATE_EPOCH", "253402300799", 1), 0);
	assert_true(date_source_epoch(&t));
	assert_int_equal((day_t)(t / 86400), date_from_civil(9999, 12, 31));
	assert_int_equal(setenv("SOURCE_DATE_EPOCH", "253402300800", 1), 0);
	assert_false(date_source_epoch(&t));
	assert_int_equal(setenv("SOURCE_DATE_EPOCH", "99999999999999999999999",
	    1), 0);
	assert_false(date_source_epoch(&t));
	assert_int_equal(setenv("SOURCE_DATE_EPOCH", "-1", 1), 0);
	assert_false(date_source_epoch(&t));
	assert_int_equal(setenv("SOURCE_DATE_EPOCH", "1e9", 1), 0);
	assert_false(date_source_epoch(&t));
	assert_int_equal(setenv("SOURCE_DATE_EPOCH", "", 1), 0);
	assert_false(date_source_epoch(&t));
	assert_int_equal(unsetenv("SOURCE_DATE_EPOCH"), 0);
	assert_false(date_source_epoch(&t));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_chinese),
		cmocka_unit_test(test_count_upto),
		cmocka_unit_test(test_known_day_numbers),
		cmocka_unit_test(test_to_civil_known),
		cmocka_unit_test(test_round_trip_1600_2400),
		cmocka_unit_test(test_round_trip_all_days),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_is_valid),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_weekday_sequence),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_parse_round_trip),
		cmocka_unit_test(test_weekday_names),
		cmocka_unit_test(test_parse_day_form),
		cmocka_unit_test(test_parse_month_form),
		cmocka_unit_test(test_parse_thirds_en),
		cmocka_unit_test(test_parse_thirds_zh),
		cmocka_unit_test(test_parse_late_february),
		cmocka_unit_test(test_parse_ranges),
		cmocka_unit_test(test_parse_not_terminated),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_parse_syntax),
		cmocka_unit_test(test_parse_day_only),
		cmocka_unit_test(test_parse_null_is_day),
		cmocka_unit_test(test_source_epoch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
