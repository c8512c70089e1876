/* lunar.h - the Chinese lunar calendar (农历) of 1900-2099 and the 清明 solar term. */
#ifndef PAIRPLAN_LUNAR_H
#define PAIRPLAN_LUNAR_H

#include <stdbool.h>

#include "date.h"

/*
 * Lunar years of the table. A lunar year is named by the Gregorian year in
 * which its New Year (正月初一) falls; lunar 1900 begins on 1900-01-31 and
 * lunar 2099 ends on 2100-02-08, so every Gregorian day from 1900-01-31 to
 * 2100-02-08 converts.
 */
#define LUNAR_FIRST_YEAR	1900
#define LUNAR_LAST_YEAR		2099

/* A day of the lunar calendar. */
struct lunar_date {
	int	 year;		/* LUNAR_FIRST_YEAR..LUNAR_LAST_YEAR */
	int	 month;		/* 1..12 */
	int	 day;		/* 1..29 or 30 */
	bool	 leap;		/* of the leap month (闰月) that follows month */
};

/* The leap month of a lunar year (0: none; -1: outside the table). */
int	 lunar_leap_month(int year);
/* Days of a lunar month: 29 or 30, or 0 when the year has no such month. */
int	 lunar_month_days(int year, int month, bool leap);
/* Days of a lunar year (353..385), or 0 outside the table. */
int	 lunar_year_days(int year);
/* The day of the lunar New Year; false outside the table. */
bool	 lunar_new_year(int year, day_t *out);
/* Lunar to Gregorian; false for a day the table does not have. */
bool	 lunar_to_day(const struct lunar_date *, day_t *out);
/* Gregorian to lunar; false outside 1900-01-31..2100-02-08. */
bool	 lunar_from_day(day_t, struct lunar_date *out);

/*
 * The day in April of the 清明 solar term (the Sun at apparent longitude
 * 15 degrees, Beijing time, UTC+8), 4..6, for the years 1901-2099; 0
 * outside them.
 */
int	 lunar_qingming(int year);

#endif
