/* date.h - exact civil-date arithmetic and the date forms of a plan. */
#ifndef PAIRPLAN_DATE_H
#define PAIRPLAN_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A day number: days since 1970-01-01 in the proleptic Gregorian calendar. */
typedef int32_t day_t;

/* An inclusive range of days. */
struct span {
	day_t	from, to;
};

/* A span that does not end before it starts; one inside another. */
static inline bool
span_ok(struct span s)
{
	return s.from <= s.to;
}

static inline bool
span_inside(struct span in, struct span out)
{
	return in.from >= out.from && in.to <= out.to;
}

enum weekday { WD_MON, WD_TUE, WD_WED, WD_THU, WD_FRI, WD_SAT, WD_SUN };

day_t	 date_from_civil(int y, int m, int d);
void	 date_to_civil(day_t, int *y, int *m, int *d);
int	 date_weekday(day_t);		/* 0 = Monday .. 6 = Sunday */
int	 date_days_in_month(int y, int m);
bool	 date_is_valid(int y, int m, int d);	/* years 1..9999 */
/*
 * The one binary search: in an array of n items of stride bytes sorted
 * by a day_t at the start of each item (days, spans, table rows), the
 * number of items whose day is on or before day.
 */
size_t	 date_count_upto(const void *base, size_t n, size_t stride,
	    day_t day);
/*
 * SOURCE_DATE_EPOCH, the reproducible-builds convention for "now": true
 * with its seconds since 1970-01-01T00:00:00Z when it is set to decimal
 * digits only, at most 9999-12-31T23:59:59Z; false when unset or not
 * such a number (then the clock is meant).
 */
bool	 date_source_epoch(long long *secs);
/* Writes "YYYY-MM-DD" and a NUL into buf (at least 11 bytes). */
void	 date_format(day_t, char *buf);
/* Index of "mon".."sun", 周一..周日 or 星期一..星期日 (or -1). */
int	 date_weekday_from_name(const char *);
extern const char *const date_weekday_names[7];

enum date_err {
	DATE_OK,
	DATE_SYNTAX,	/* not one of the accepted forms */
	DATE_INVALID,	/* well formed, but no such day (2024-02-30, year 0) */
};

/*
 * Parses one of the span forms of a plan (§3 of the contract):
 *   YYYY-MM-DD                the day (also 2024年11月5日)
 *   YYYY-MM                   the whole month (also 2024年11月)
 *   YYYY                      the whole year (also 2024年)
 *   YYYY-MM early|mid|late    days 1-10, 11-20, 21-end (also 上旬|中旬|下旬,
 *                             2024年11月中旬)
 *   A..B                      A and B days, months or years (months and
 *                             years expand whole); spaces around ".."
 *                             are allowed; 至 is the same as ".."
 * The order of A and B is not checked here (rule range-order does).
 * On success *out is filled and *is_day says whether the text was one day.
 */
enum date_err date_parse_span(const char *s, size_t len, struct span *out,
	    bool *is_day);
/* Only YYYY-MM-DD. */
enum date_err date_parse_day(const char *s, size_t len, day_t *out);

#endif
