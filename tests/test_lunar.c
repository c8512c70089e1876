/* test_lunar.c - unit tests of the lunar calendar and the 清明 solar term. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>

#include "date.h"
#include "lunar.h"

#define D(y, m, d)	date_from_civil((y), (m), (d))

/* Expects the lunar date y-m-d (leap) to be the Gregorian day, both ways. */
static void
expect_lunar(int y, int m, int d, bool leap, day_t day)
{
	struct lunar_date ld = { y, m, d, leap }, got;
	day_t back;

	assert_true(lunar_to_day(&ld, &back));
	assert_int_equal(back, day);
	assert_true(lunar_from_day(day, &got));
	assert_int_equal(got.year, y);
	assert_int_equal(got.month, m);
	assert_int_equal(got.day, d);
	assert_int_equal(got.leap, leap);
}

static void
test_new_years(void **state)
{
	day_t day;

	(void)state;
	/* Spring Festival days as published in the holiday notices and almanacs. */
	assert_true(lunar_new_year(2027, &day));
	assert_int_equal(day, D(2027, 2, 6));
	assert_true(lunar_new_year(2024, &day));
	assert_int_equal(day, D(2024, 2, 10));
	assert_true(lunar_new_year(2008, &day));
	assert_int_equal(day, D(2008, 2, 7));
	assert_true(lunar_new_year(2004, &day));
	assert_int_equal(day, D(2004, 1, 22));
	assert_true(lunar_new_year(2000, &day));
	assert_int_equal(day, D(2000, 2, 5));
	assert_true(lunar_new_year(1901, &day));
	assert_int_equal(day, D(1901, 2, 19));
	assert_true(lunar_new_year(1900, &day));
	assert_int_equal(day, D(1900, 1, 31));
	assert_true(lunar_new_year(2099, &day));
	assert_int_equal(day, D(2099, 1, 21));
	assert_false(lunar_new_year(1899, &day));
	assert_false(lunar_new_year(2100, &day));
	expect_lunar(2027, 1, 1, false, D(2027, 2, 6));
	/* New Year's Eve 2027 is the last day of lunar 2026. */
	expect_lunar(2026, 12, lunar_month_days(2026, 12, false), false,
	    D(2027, 2, 5));
}

static void
test_festivals(void **state)
{
	(void)state;
	expect_lunar(2024, 5, 5, false, D(2024, 6, 10));	/* 端午 */
	expect_lunar(2024, 8, 15, false, D(2024, 9, 17));	/* 中秋 */
	expect_lunar(2023, 8, 15, false, D(2023, 9, 29));
	expect_lunar(2025, 8, 15, false, D(2025, 10, 6));
	expect_lunar(2027, 5, 5, false, D(2027, 6, 9));
	expect_lunar(2027, 8, 15, false, D(2027, 9, 15));
	expect_lunar(2028, 8, 15, false, D(2028, 10, 3));
	expect_lunar(2008, 5, 5, false, D(2008, 6, 8));
	expect_lunar(2008, 8, 15, false, D(2008, 9, 14));
}

static void
test_leap_months(void **state)
{
	(void)state;
	assert_int_equal(lunar_leap_month(2023), 2);
	expect_lunar(2023, 2, 1, true, D(2023, 3, 22));
	expect_lunar(2023, 2, 29, true, D(2023, 4, 19));
	expect_lunar(2023, 3, 1, false, D(2023, 4, 20));
	assert_int_equal(lunar_month_days(2023, 2, true), 29);
	assert_int_equal(lunar_leap_month(2020), 4);
	expect_lunar(2020, 4, 1, true, D(2020, 5, 23));
	assert_int_equal(lunar_leap_month(2025), 6);
	expect_lunar(2025, 6, 1, true, D(2025, 7, 25));
	/* 2033's leap eleventh month. */
	assert_int_equal(lunar_leap_month(2033), 11);
	expect_lunar(2033, 11, 1, true, D(2033, 12, 22));
	assert_int_equal(lunar_leap_month(2024), 0);
	assert_int_equal(lunar_leap_month(1899), -1);
	assert_int_equal(lunar_leap_month(2100), -1);
	assert_int_equal(lunar_month_days(2024, 4, true), 0);
	assert_int_equal(lunar_month_days(2024, 13, false), 0);
	assert_int_equal(lunar_month_days(2024, 0, false), 0);
	assert_int_equal(lunar_month_days(1899, 1, false), 0);
}

static void
test_invalid(void **state)
{
	struct lunar_date ld = { 2024, 1, 1, false };
	day_t day = 12345;

	(void)state;
	ld.month = 13;
	assert_false(lunar_to_day(&ld, &day));
	ld.month = 1;
	ld.day = 0;
	assert_false(lunar_to_day(&ld, &day));
	ld.day = 31;
	assert_false(lunar_to_day(&ld, &day));
	ld.day = 1;
	ld.leap = true;
	assert_false(lunar_to_day(&ld, &day));		/* 2024: no leap month */
	ld.leap = false;
	ld.year = 2100;
	assert_false(lunar_to_day(&ld, &day));
	ld.year = 1899;
	assert_false(lunar_to_day(&ld, &day));
	assert_int_equal(day, 12345);
	/* A 29-day month has no day 30. */
	ld.year = 2024;
	ld.month = 1;
	ld.day = 30;
	assert_int_equal(lunar_to_day(&ld, &day),
	    lunar_month_days(2024, 1, false) == 30);
	assert_false(lunar_from_day(D(1900, 1, 30), &ld));
	assert_true(lunar_from_day(D(1900, 1, 31), &ld));
	assert_true(lunar_from_day(D(2100, 2, 8), &ld));
	assert_int_equal(ld.year, 2099);
	assert_int_equal(ld.month, 12);
	assert_false(lunar_from_day(D(2100, 2, 9), &ld));
	assert_false(lunar_from_day(D(2100, 12, 31), &ld));
	assert_false(lunar_from_day(D(1, 1, 1), &ld));
	assert_false(lunar_from_day(D(9999, 12, 31), &ld));
}

/* Every day of the table converts back, and days follow one another. */
static void
test_round_trip(void **state)
{
	struct lunar_date ld, prev = { 0, 0, 0, false };
	day_t day, back, ny;
	int y, n;

	(void)state;
	for (day = D(1900, 1, 31); day <= D(2100, 2, 8); day++) {
		assert_true(lunar_from_day(day, &ld));
		assert_true(lunar_to_day(&ld, &back));
		assert_int_equal(back, day);
		assert_true(ld.month >= 1 && ld.month <= 12);
		if (day > D(1900, 1, 31)) {
			if (ld.day == 1) {
				/* The month before was complete. */
				assert_int_equal(prev.day, lunar_month_days(
				    prev.year, prev.month, prev.leap));
			} else {
				assert_int_equal(ld.day, prev.day + 1);
				assert_int_equal(ld.month, prev.month);
				assert_int_equal(ld.leap, prev.leap);
				assert_int_equal(ld.year, prev.year);
			}
		}
		prev = ld;
	}
	/* The year lengths add up to the next New Year. */
	for (y = LUNAR_FIRST_YEAR; y < LUNAR_LAST_YEAR; y++) {
		assert_true(lunar_new_year(y, &day));
		assert_true(lunar_new_year(y + 1, &ny));
		n = lunar_year_days(y);
		assert_int_equal(day + n, ny);
		assert_true(n == 353 || n == 354 || n == 355 || n == 383 ||
		    n == 384 || n == 385);
		assert_int_equal(n > 355, lunar_leap_month(y) > 0);
	}
	assert_int_equal(lunar_year_days(2100), 0);
}

static void
test_qingming(void **state)
{
	int y, d;

	(void)state;
	/* The days of the official 清明节 notices, and close calls. */
	assert_int_equal(lunar_qingming(2008), 4);
	assert_int_equal(lunar_qingming(2009), 4);	/* 23:34 on 4 April */
	assert_int_equal(lunar_qingming(2019), 5);
	assert_int_equal(lunar_qingming(2023), 5);
	assert_int_equal(lunar_qingming(2024), 4);
	assert_int_equal(lunar_qingming(2027), 5);
	assert_int_equal(lunar_qingming(2038), 5);	/* 00:29 on 5 April */
	assert_int_equal(lunar_qingming(2071), 5);	/* 00:10 on 5 April */
	assert_int_equal(lunar_qingming(2000), 4);
	assert_int_equal(lunar_qingming(1901), 5);
	assert_int_equal(lunar_qingming(2099), 4);
	assert_int_equal(lunar_qingming(1900), 0);
	assert_int_equal(lunar_qingming(2100), 0);
	for (y = 1901; y <= 2099; y++) {
		d = lunar_qingming(y);
		assert_true(d >= 4 && d <= 6);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_years),
		cmocka_unit_test(test_festivals),
		cmocka_unit_test(test_leap_months),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_qingming),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
