/* cn_holidays.h - China's statutory holidays and make-up working days (2004-2099). */
#ifndef PAIRPLAN_CN_HOLIDAYS_H
#define PAIRPLAN_CN_HOLIDAYS_H

#include <stddef.h>

#include "date.h"

/* Status of a day in China's calendar of holidays. */
enum cn_status {
	CN_NONE,	/* an ordinary day: its weekday decides */
	CN_OFF,		/* a statutory holiday */
	CN_WORK,	/* a make-up working day (调休) */
};

/* Where a year's days come from. */
enum cn_source {
	CN_NO_SOURCE,	/* not covered: every day is ordinary */
	CN_OFFICIAL,	/* the State Council's annual notice */
	CN_COMPUTED,	/* the statutory days under the rules in force since 2025 */
};

/* Years of the built-in official table, then of the computed days. */
#define CN_OFFICIAL_FIRST	2004
#define CN_OFFICIAL_LAST	2026
#define CN_COMPUTED_LAST	2099

/* One listed day. */
struct cn_day {
	day_t		 day;
	enum cn_status	 status;	/* CN_OFF or CN_WORK */
	enum cn_source	 source;
	const char	*name_zh;	/* 春节, 中秋节、国庆节, ... (static) */
};

/* More than any year lists (an official year lists at most about 50). */
#define CN_YEAR_MAX	80

/*
 * The status of a day, in O(log n). *name_zh (if not NULL) gets the
 * holiday's Chinese name or NULL for CN_NONE; *src (if not NULL) gets the
 * source of the day's year (cn_year_source), also for CN_NONE.
 */
enum cn_status	 cn_status(day_t, const char **name_zh, enum cn_source *src);
/* CN_OFFICIAL for 2004-2026, CN_COMPUTED for 2027-2099, else CN_NO_SOURCE. */
enum cn_source	 cn_year_source(int year);
/* "official", "computed" or "none". */
const char	*cn_source_name(enum cn_source);

/*
 * The listed days of a Gregorian year in date order: off days (weekend
 * days inside a holiday included) and make-up working days. Writes at most
 * max of them to out and returns how many there are (0 for a year without
 * a source). The caller picks what differs from its working week.
 */
size_t		 cn_year_days(int year, struct cn_day *out, size_t max);

/*
 * The statutory holidays of any year of 1901-2099 under the rules in force
 * since 2025 (元旦 1-1; 春节 lunar New Year's Eve and 1-1..1-3; 清明; 劳动节
 * 5-1, 5-2; 端午 lunar 5-5; 中秋 lunar 8-15; 国庆节 10-1..10-3), all CN_OFF
 * and CN_COMPUTED, in date order; a day that is two holidays carries both
 * names (中秋节、国庆节). Same contract as cn_year_days; 0 outside
 * 1901-2099. This is what cn_year_days gives for 2027-2099.
 */
size_t		 cn_statutory_days(int year, struct cn_day *out, size_t max);

#endif
