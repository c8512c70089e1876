/* lunar.c - the Chinese lunar calendar (农历) of 1900-2099 and the 清明 solar term. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "lunar.h"

/*
 * One word per lunar year, LUNAR_FIRST_YEAR first:
 *   bits 0-12   the lengths of the year's months in order, the leap month
 *               in its place after its month: bit i set = the i-th month
 *               has 30 days, clear = 29 (a year without a leap month uses
 *               bits 0-11);
 *   bits 13-16  the leap month: 0 = none, L = a leap month follows month L;
 *   bits 17-22  the lunar New Year, as days after 1 January of the year.
 * The month lengths are those of the published conversion tables of the
 * Chinese calendar (new moons and principal terms in Beijing time, UTC+8).
 */
static const uint32_t lunar_years[] = {
	0x3d16d2, 0x620752, 0x4c0ea5, 0x38b64a, 0x5c064b,	/* 1900-1904 */
	0x440a9b, 0x309556, 0x56056a, 0x400b59, 0x2a5752,	/* 1905-1909 */
	0x500752, 0x3adb25, 0x600b25, 0x480a4b, 0x32b4ab,	/* 1910-1914 */
	0x5802ad, 0x42056b, 0x2c4b69, 0x520da9, 0x3efd92,	/* 1915-1919 */
	0x640e92, 0x4c0d25, 0x36ba4d, 0x5c0a56, 0x4602b6,	/* 1920-1924 */
	0x2e95b5, 0x5606d4, 0x400ea9, 0x2c5e92, 0x500e92,	/* 1925-1929 */
	0x3acd26, 0x5e052b, 0x480a57, 0x32b2d6, 0x580b5a,	/* 1930-1934 */
	0x4406d4, 0x2e6ec9, 0x520749, 0x3cf693, 0x620a93,	/* 1935-1939 */
	0x4c052b, 0x34ca5b, 0x5a0aad, 0x46056a, 0x309b55,	/* 1940-1944 */
	0x560ba4, 0x400b49, 0x2a5a93, 0x500a95, 0x38f52d,	/* 1945-1949 */
	0x5e0536, 0x480aad, 0x34b5aa, 0x5805b2, 0x420ba5,	/* 1950-1954 */
	0x2e7d4a, 0x540b4a, 0x3d0a95, 0x600a97, 0x4c0556,	/* 1955-1959 */
	0x36cab5, 0x5a0ad5, 0x4606d2, 0x308ea5, 0x560ea5,	/* 1960-1964 */
	0x40064a, 0x286c97, 0x4e0a9b, 0x3af55a, 0x5e056a,	/* 1965-1969 */
	0x480b69, 0x34b752, 0x5a0b52, 0x420b25, 0x2c964b,	/* 1970-1974 */
	0x520a4b, 0x3d14ab, 0x6002ad, 0x4a05ad, 0x36cb69,	/* 1975-1979 */
	0x5c0da9, 0x460d92, 0x309d25, 0x560d25, 0x415a4d,	/* 1980-1984 */
	0x640a56, 0x4e02b6, 0x38c5b5, 0x5e06d5, 0x480ea9,	/* 1985-1989 */
	0x34be92, 0x5a0e92, 0x440d26, 0x2c6a56, 0x500a57,	/* 1990-1994 */
	0x3d14d6, 0x62035a, 0x4a06d5, 0x36b6c9, 0x5c0749,	/* 1995-1999 */
	0x460693, 0x2e952b, 0x54052b, 0x3e0a5b, 0x2a555a,	/* 2000-2004 */
	0x4e056a, 0x38fb55, 0x600ba4, 0x4a0b49, 0x32ba93,	/* 2005-2009 */
	0x580a95, 0x42052d, 0x2c8aad, 0x500ab5, 0x3d35aa,	/* 2010-2014 */
	0x6205d2, 0x4c0da5, 0x36dd4a, 0x5c0d4a, 0x460c95,	/* 2015-2019 */
	0x30952e, 0x540556, 0x3e0ab5, 0x2a55b2, 0x5006d2,	/* 2020-2024 */
	0x38cea5, 0x5e0725, 0x48064b, 0x32ac97, 0x560cab,	/* 2025-2029 */
	0x42055a, 0x2c6ad6, 0x520b69, 0x3d7752, 0x620b52,	/* 2030-2034 */
	0x4c0b25, 0x36da4b, 0x5a0a4b, 0x4404ab, 0x2ea55b,	/* 2035-2039 */
	0x5405ad, 0x3e0b6a, 0x2a5b52, 0x500d92, 0x3afd25,	/* 2040-2044 */
	0x5e0d25, 0x480a55, 0x32b4ad, 0x5804b6, 0x4005b5,	/* 2045-2049 */
	0x2c6daa, 0x520ec9, 0x3f1e92, 0x620e92, 0x4c0d26,	/* 2050-2054 */
	0x36ca56, 0x5a0a57, 0x440556, 0x2e86d5, 0x540755,	/* 2055-2059 */
	0x400749, 0x286e93, 0x4e0693, 0x38f52b, 0x5e052b,	/* 2060-2064 */
	0x460a5b, 0x32b55a, 0x58056a, 0x420b65, 0x2c974a,	/* 2065-2069 */
	0x520b4a, 0x3d1a95, 0x620a95, 0x4a052d, 0x34caad,	/* 2070-2074 */
	0x5a0ab5, 0x4605aa, 0x2e8ba5, 0x540da5, 0x400d4a,	/* 2075-2079 */
	0x2a7c95, 0x4e0c96, 0x38f94e, 0x5e0556, 0x480ab5,	/* 2080-2084 */
	0x32b5b2, 0x5806d2, 0x420ea5, 0x2e8e4a, 0x50068b,	/* 2085-2089 */
	0x3b0c97, 0x6004ab, 0x4a055b, 0x34cad6, 0x5a0b6a,	/* 2090-2094 */
	0x460752, 0x309725, 0x540b45, 0x3e0a8b, 0x28549b,	/* 2095-2099 */
};

#define LUNAR_NYEARS	(sizeof(lunar_years) / sizeof(lunar_years[0]))

_Static_assert(LUNAR_NYEARS == LUNAR_LAST_YEAR - LUNAR_FIRST_YEAR + 1,
    "one word per lunar year");

static bool
lunar_in_table(int year)
{
	return year >= LUNAR_FIRST_YEAR && year <= LUNAR_LAST_YEAR;
}

static uint32_t
lunar_word(int year)
{
	return lunar_years[year - LUNAR_FIRST_YEAR];
}

/* Months of a year in the table: 12, or 13 with a leap month. */
static int
lunar_nmonths(uint32_t w)
{
	return ((w >> 13) & 0xf) != 0 ? 13 : 12;
}

/* Length of the i-th month (0-based, in order) of a year. */
static int
lunar_nth_days(uint32_t w, int i)
{
	return (w >> i) & 1 ? 30 : 29;
}

/* Position (0-based) of month/leap in the year's order, or -1. */
static int
lunar_month_index(uint32_t w, int month, bool leap)
{
	int lm = (int)((w >> 13) & 0xf);

	if (month < 1 || month > 12)
		return -1;
	if (leap)
		return lm == month ? month : -1;
	return lm != 0 && month > lm ? month : month - 1;
}

static day_t
lunar_ny(int year, uint32_t w)
{
	return date_from_civil(year, 1, 1) + (day_t)((w >> 17) & 0x3f);
}

int
lunar_leap_month(int year)
{
	if (!lunar_in_table(year))
		return -1;
	return (int)((lunar_word(year) >> 13) & 0xf);
}

int
lunar_month_days(int year, int month, bool leap)
{
	uint32_t w;
	int i;

	if (!lunar_in_table(year))
		return 0;
	w = lunar_word(year);
	i = lunar_month_index(w, month, leap);
	return i < 0 ? 0 : lunar_nth_days(w, i);
}

int
lunar_year_days(int year)
{
	uint32_t w;
	int i, n;

	if (!lunar_in_table(year))
		return 0;
	w = lunar_word(year);
	n = 0;
	for (i = 0; i < lunar_nmonths(w); i++)
		n += lunar_nth_days(w, i);
	return n;
}

bool
lunar_new_year(int year, day_t *out)
{
	if (!lunar_in_table(year))
		return false;
	*out = lunar_ny(year, lunar_word(year));
	return true;
}

bool
lunar_to_day(const struct lunar_date *ld, day_t *out)
{
	uint32_t w;
	day_t day;
	int i, k;

	if (!lunar_in_table(ld->year))
		return false;
	w = lunar_word(ld->year);
	i = lunar_month_index(w, ld->month, ld->leap);
	if (i < 0 || ld->day < 1 || ld->day > lunar_nth_days(w, i))
		return false;
	day = lunar_ny(ld->year, w);
	for (k = 0; k < i; k++)
		day += lunar_nth_days(w, k);
	*out = day + ld->day - 1;
	return true;
}

bool
lunar_from_day(day_t day, struct lunar_date *out)
{
	uint32_t w;
	day_t ny;
	int year, i, n, lm, off;

	date_to_civil(day, &year, NULL, NULL);
	/* The lunar year is the Gregorian one, or the one before its New Year. */
	if (year > LUNAR_LAST_YEAR + 1 || year < LUNAR_FIRST_YEAR)
		return false;
	if (year == LUNAR_LAST_YEAR + 1 || day < lunar_ny(year, lunar_word(year)))
		year--;
	if (!lunar_in_table(year))
		return false;
	w = lunar_word(year);
	ny = lunar_ny(year, w);
	off = (int)(day - ny);
	n = lunar_nmonths(w);
	for (i = 0; i < n && off >= lunar_nth_days(w, i); i++)
		off -= lunar_nth_days(w, i);
	if (i == n)
		return false;	/* after the last day of lunar 2099 */
	lm = (int)((w >> 13) & 0xf);
	out->year = year;
	out->day = off + 1;
	/* Months 1..lm at 0..lm-1, the leap month at lm, the others after. */
	out->leap = lm != 0 && i == lm;
	out->month = lm != 0 && i >= lm ? (i == lm ? lm : i) : i + 1;
	return true;
}

/*
 * The published formula for the day of a solar term, [Y*D + C] - L, with
 * Y the year within its century, D = 0.2422, C = 5.59 (20th century) or
 * 4.81 (21st), L = [Y/4]; for 清明 it agrees with an ephemeris for every
 * year of 1901-2099. Integer arithmetic in units of 1/10000 day keeps it
 * exact.
 */
int
lunar_qingming(int year)
{
	int y, c;

	if (year < 1901 || year > 2099)
		return 0;
	if (year <= 2000) {
		y = year - 1900;
		c = 55900;
	} else {
		y = year - 2000;
		c = 48100;
	}
	return (y * 2422 + c) / 10000 - y / 4;
}
