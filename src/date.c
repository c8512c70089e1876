/* date.c - exact proleptic-Gregorian date arithmetic and the date forms of a plan. */
#include <stdbool.h>
#include <stdlib.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "date.h"

const char *const date_weekday_names[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

/* Howard Hinnant's days_from_civil. */
day_t
date_from_civil(int y, int m, int d)
{
	int64_t yy, era, yoe, doy, doe;

	yy = (int64_t)y - (m <= 2);
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;				/* [0, 399] */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;	/* [0, 365] */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* [0, 146096] */
	return (day_t)(era * 146097 + doe - 719468);
}

/* Howard Hinnant's civil_from_days. */
void
date_to_civil(day_t day, int *y, int *m, int *d)
{
	int64_t z, era, doe, yoe, doy, mp, yy, mm;

	z = (int64_t)day + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;				/* [0, 146096] */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);	/* [0, 365] */
	mp = (5 * doy + 2) / 153;			/* [0, 11], March = 0 */
	mm = mp < 10 ? mp + 3 : mp - 9;
	if (d != NULL)
		*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	if (m != NULL)
		*m = (int)mm;
	if (y != NULL)
		*y = (int)(yy + (mm <= 2));
}

int
date_weekday(day_t day)
{
	/* 1970-01-01 was a Thursday (3). */
	return (int)(((int64_t)day % 7 + 10) % 7);
}

int
date_days_in_month(int y, int m)
{
	static const int dim[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

bool
date_is_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_days_in_month(y, m);
}

/* Writes v as n decimal digits. */
static char *
put_digits(char *p, int v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

void
date_format(day_t day, char *buf)
{
	int y, m, d;

	date_to_civil(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = y < 0 ? 0 : 9999;	/* outside the format; keep 10 bytes */
	buf = put_digits(buf, y, 4);
	*buf++ = '-';
	buf = put_digits(buf, m, 2);
	*buf++ = '-';
	buf = put_digits(buf, d, 2);
	*buf = '\0';
}

int
date_weekday_from_name(const char *s)
{
	static const char *const zh[7] = {
		"一", "二", "三", "四", "五", "六", "日"
	};
	const char *rest;
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < 7; i++)
		if (strcmp(s, date_weekday_names[i]) == 0)
			return i;
	/* 周一 .. 周日, 星期一 .. 星期日 (and 天 for 日) */
	if (strncmp(s, "周", strlen("周")) == 0)
		rest = s + strlen("周");
	else if (strncmp(s, "星期", strlen("星期")) == 0)
		rest = s + strlen("星期");
	else
		return -1;
	for (i = 0; i < 7; i++)
		if (strcmp(rest, zh[i]) == 0)
			return i;
	return strcmp(rest, "天") == 0 ? WD_SUN : -1;
}

/* A cursor over the unterminated input. */
struct cur {
	const char	*p, *e;
};

/* One date as written: a year, a month or a day. */
struct atom {
	int	y, m, d;
	bool	is_day, is_year;
};

static bool
cur_lit(struct cur *c, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(c->e - c->p) < n || memcmp(c->p, lit, n) != 0)
		return false;
	c->p += n;
	return true;
}

static size_t
cur_spaces(struct cur *c)
{
	size_t n = 0;

	while (c->p < c->e && *c->p == ' ') {
		c->p++;
		n++;
	}
	return n;
}

/* Exactly n ASCII digits. */
static bool
cur_digits(struct cur *c, int n, int *out)
{
	int v = 0;

	if (c->e - c->p < n)
		return false;
	for (; n > 0; n--, c->p++) {
		if (*c->p < '0' || *c->p > '9')
			return false;
		v = v * 10 + (*c->p - '0');
	}
	*out = v;
	return true;
}

/* One or two ASCII digits. */
static bool
cur_number(struct cur *c, int *out)
{
	if (!cur_digits(c, 1, out))
		return false;
	if (c->p < c->e && *c->p >= '0' && *c->p <= '9')
		*out = *out * 10 + (*c->p++ - '0');
	return true;
}

/*
 * YYYY-MM, YYYY-MM-DD, or as Chinese writes them 2024年11月, 2024年11月5日;
 * or a whole year, YYYY or 2024年. A digit straight after it is left for
 * the caller.
 */
static bool
cur_atom(struct cur *c, struct atom *a)
{
	a->m = 1;
	a->d = 1;
	a->is_day = a->is_year = false;
	if (!cur_digits(c, 4, &a->y))
		return false;
	if (cur_lit(c, "年")) {
		const char *save = c->p;

		if (!cur_number(c, &a->m) || !cur_lit(c, "月")) {
			c->p = save;
			a->m = 1;
			a->is_year = true;
			return true;
		}
		save = c->p;
		if (cur_number(c, &a->d) &&
		    (cur_lit(c, "日") || cur_lit(c, "号")))
			a->is_day = true;
		else {
			c->p = save;
			a->d = 1;
		}
		return true;
	}
	if (!cur_lit(c, "-")) {
		a->is_year = true;
		return true;
	}
	if (!cur_digits(c, 2, &a->m))
		return false;
	if (cur_lit(c, "-")) {
		if (!cur_digits(c, 2, &a->d))
			return false;
		a->is_day = true;
	}
	return true;
}

static bool
atom_valid(const struct atom *a)
{
	return date_is_valid(a->y, a->m, a->d);
}

/* The first or last day of a valid atom (a month's d is 1). */
static day_t
atom_first(const struct atom *a)
{
	return date_from_civil(a->y, a->m, a->d);
}

static day_t
atom_last(const struct atom *a)
{
	if (a->is_year)
		return date_from_civil(a->y, 12, 31);
	return date_from_civil(a->y, a->m,
	    a->is_day ? a->d : date_days_in_month(a->y, a->m));
}

/* Index 0..2 of early/mid/late (or their Chinese names) at c, else -1. */
static int
cur_third(struct cur *c, bool spaced)
{
	static const char *const zh[3] = { "上旬", "中旬", "下旬" };
	static const char *const en[3] = { "early", "mid", "late" };
	int i;

	for (i = 0; i < 3; i++)
		if (cur_lit(c, zh[i]))
			return i;
	if (!spaced)
		return -1;
	for (i = 0; i < 3; i++)
		if (cur_lit(c, en[i]))
			return i;
	return -1;
}

enum date_err
date_parse_span(const char *s, size_t len, struct span *out, bool *is_day)
{
	struct cur c;
	struct atom a, b;
	size_t sp;
	int third;

	if (s == NULL)
		return DATE_SYNTAX;
	c.p = s;
	c.e = s + len;
	if (!cur_atom(&c, &a))
		return DATE_SYNTAX;
	if (c.p == c.e) {
		if (!atom_valid(&a))
			return DATE_INVALID;
		out->from = atom_first(&a);
		out->to = atom_last(&a);
		if (is_day != NULL)
			*is_day = a.is_day;
		return DATE_OK;
	}

	sp = cur_spaces(&c);
	if (cur_lit(&c, "..") || cur_lit(&c, "至")) {
		cur_spaces(&c);
		if (!cur_atom(&c, &b) || c.p != c.e)
			return DATE_SYNTAX;
		if (!atom_valid(&a) || !atom_valid(&b))
			return DATE_INVALID;
		out->from = atom_first(&a);
		out->to = atom_last(&b);
		if (is_day != NULL)
			*is_day = false;
		return DATE_OK;
	}

	if (a.is_day || a.is_year || (third = cur_third(&c, sp > 0)) < 0 ||
	    c.p != c.e)
		return DATE_SYNTAX;
	if (!atom_valid(&a))
		return DATE_INVALID;
	out->from = date_from_civil(a.y, a.m, 1 + 10 * third);
	out->to = third < 2 ? date_from_civil(a.y, a.m, 10 + 10 * third) :
	    atom_last(&a);
	if (is_day != NULL)
		*is_day = false;
	return DATE_OK;
}

enum date_err
date_parse_day(const char *s, size_t len, day_t *out)
{
	struct cur c;
	struct atom a;

	if (s == NULL)
		return DATE_SYNTAX;
	c.p = s;
	c.e = s + len;
	if (!cur_atom(&c, &a) || !a.is_day || c.p != c.e)
		return DATE_SYNTAX;
	if (!atom_valid(&a))
		return DATE_INVALID;
	*out = atom_first(&a);
	return DATE_OK;
}

size_t
date_count_upto(const void *base, size_t n, size_t stride, day_t day)
{
	const unsigned char *p = base;
	size_t lo = 0, hi = n, mid;
	day_t key;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		memcpy(&key, p + mid * stride, sizeof(key));
		if (key <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#define EPOCH_MAX	253402300799LL		/* 9999-12-31T23:59:59Z */

bool
date_source_epoch(long long *secs)
{
	const char *env = getenv("SOURCE_DATE_EPOCH"), *p;
	long long t = 0;

	if (env == NULL || *env == '\0')
		return false;
	for (p = env; *p >= '0' && *p <= '9'; p++)
		if ((t = t * 10 + (*p - '0')) > EPOCH_MAX)
			return false;
	if (*p != '\0')
		return false;
	*secs = t;
	return true;
}
