/* l10n.c - dates, numbers and labels as a Chinese or English document writes them. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "l10n.h"
#include "sbuf.h"

/* ---- dates, numbers and kinds ------------------------------------------ */

static const char *const month_en[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

const char *const l10n_weekday_zh[7] = {
	"周一", "周二", "周三", "周四", "周五", "周六", "周日"
};

void
l10n_day(struct sbuf *b, day_t d, bool en, bool year)
{
	int y, m, dd;

	date_to_civil(d, &y, &m, &dd);
	if (en) {
		sbuf_printf(b, "%d %s", dd, month_en[m - 1]);
		if (year)
			sbuf_printf(b, " %d", y);
	} else if (year)
		sbuf_printf(b, "%d年%d月%d日", y, m, dd);
	else
		sbuf_printf(b, "%d月%d日", m, dd);
}

/*
 * Days from..to, the year given when year is set or the two differ:
 * 2024年3月4日—15日, 4月1日—5月2日; 4–15 March 2024.
 */
void
l10n_day_range(struct sbuf *b, day_t from, day_t to, bool en, bool year)
{
	int y1, m1, d1, y2, m2, d2;

	if (to <= from) {
		l10n_day(b, from, en, year);
		return;
	}
	date_to_civil(from, &y1, &m1, &d1);
	date_to_civil(to, &y2, &m2, &d2);
	if (!en) {
		l10n_day(b, from, false, year || y1 != y2);
		sbuf_puts(b, "—");
		if (y1 != y2)
			sbuf_printf(b, "%d年%d月%d日", y2, m2, d2);
		else if (m1 != m2)
			sbuf_printf(b, "%d月%d日", m2, d2);
		else
			sbuf_printf(b, "%d日", d2);
		return;
	}
	if (y1 != y2) {
		l10n_day(b, from, true, true);
		sbuf_puts(b, "–");
		l10n_day(b, to, true, true);
		return;
	}
	if (m1 == m2)
		sbuf_printf(b, "%d–%d %s", d1, d2, month_en[m2 - 1]);
	else
		sbuf_printf(b, "%d %s–%d %s", d1, month_en[m1 - 1], d2,
		    month_en[m2 - 1]);
	if (year)
		sbuf_printf(b, " %d", y2);
}

void
l10n_month(struct sbuf *b, int y, int m, bool en, bool shortname)
{
	if (!en)
		sbuf_printf(b, "%d年%d月", y, m);
	else if (shortname)
		sbuf_printf(b, "%.3s %d", month_en[m - 1], y);
	else
		sbuf_printf(b, "%s %d", month_en[m - 1], y);
}

void
l10n_span(struct sbuf *b, struct span s, bool en)
{
	static const char *const third_zh[3] = { "上旬", "中旬", "下旬" };
	static const char *const third_en[3] = { "early", "mid-", "late" };
	int y1, m1, d1, y2, m2, d2, last, t;

	date_to_civil(s.from, &y1, &m1, &d1);
	date_to_civil(s.to, &y2, &m2, &d2);
	last = date_days_in_month(y2, m2);
	if (d1 == 1 && d2 == last && s.to > s.from) {
		/* Whole years, then whole months. */
		if (m1 == 1 && m2 == 12 && y1 == y2)
			sbuf_printf(b, en ? "%d" : "%d年", y1);
		else if (m1 == 1 && m2 == 12)
			sbuf_printf(b, en ? "%d–%d" : "%d年—%d年", y1, y2);
		else if (y1 == y2 && m1 == m2)
			l10n_month(b, y1, m1, en, false);
		else if (!en && y1 == y2)
			sbuf_printf(b, "%d年%d月—%d月", y1, m1, m2);
		else if (!en)
			sbuf_printf(b, "%d年%d月—%d年%d月", y1, m1, y2, m2);
		else if (y1 == y2)
			sbuf_printf(b, "%s–%s %d", month_en[m1 - 1],
			    month_en[m2 - 1], y1);
		else
			sbuf_printf(b, "%s %d–%s %d", month_en[m1 - 1], y1,
			    month_en[m2 - 1], y2);
		return;
	}
	/* Early, mid or late in a month: days 1-10, 11-20, 21-end. */
	if (y1 == y2 && m1 == m2 && (d1 - 1) % 10 == 0 && d1 <= 21 &&
	    (d1 == 21 ? d2 == last : d2 == d1 + 9)) {
		t = (d1 - 1) / 10;
		if (!en)
			sbuf_printf(b, "%d年%d月%s", y1, m1, third_zh[t]);
		else
			sbuf_printf(b, "%s%s%s %d", third_en[t],
			    t == 1 ? "" : " ", month_en[m1 - 1], y1);
		return;
	}
	l10n_day_range(b, s.from, s.to, en, true);
}

void
l10n_cn_number(struct sbuf *b, unsigned long n)
{
	static const char *const digit[10] = {
		"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"
	};
	static const char *const unit[4] = { "千", "百", "十", "" };
	unsigned long div = 1000, d;
	bool started = false, zero = false;
	int i;

	if (n >= 10000) {
		sbuf_printf(b, "%lu", n);
		return;
	}
	if (n == 0) {
		sbuf_puts(b, digit[0]);
		return;
	}
	if (n >= 10 && n < 20) {	/* 十一, not 一十一 */
		sbuf_puts(b, "十");
		if (n > 10)
			sbuf_puts(b, digit[n - 10]);
		return;
	}
	for (i = 0; i < 4; i++, div /= 10) {
		d = n / div % 10;
		if (d == 0) {
			zero = started;
			continue;
		}
		if (zero)
			sbuf_puts(b, digit[0]);
		zero = false;
		sbuf_puts(b, digit[d]);
		sbuf_puts(b, unit[i]);
		started = true;
	}
}

void
l10n_number(struct sbuf *b, double v)
{
	sbuf_printf(b, "%.15g", v);
}

/*
 * round(3), halves away from zero, written here so that the program needs
 * no libm: loading it costs a small run more than the rest of its startup.
 */
static double
round_half_away(double y)
{
	double t;

	if (!(fabs(y) < 4503599627370496.0))	/* 2^52: whole, inf or nan */
		return y;
	t = (double)(long long)y;		/* exact: truncates */
	if (fabs(y - t) >= 0.5)
		t += y < 0 ? -1 : 1;
	return t;
}

/*
 * v / scale with at most two decimals, trailing zeros dropped, into buf;
 * false when v / scale needs more.
 */
static bool
scaled(double v, double scale, char *buf, size_t size)
{
	double x = v / scale, r = round_half_away(x * 100) / 100;
	size_t n;


	if (fabs(x - r) > 1e-9 * (fabs(x) > 1 ? fabs(x) : 1))
		return false;
	if (snprintf(buf, size, "%.2f", r) >= (int)size)
		return false;	/* buf would cut its digits: %g instead */
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
	return true;
}

/* Digits of a whole number grouped by commas: 43,288. */
static void
grouped(struct sbuf *b, double v)
{
	char buf[64];
	size_t n, i;

	snprintf(buf, sizeof(buf), "%.0f", v);
	n = strlen(buf);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			sbuf_putc(b, ',');
		sbuf_putc(b, buf[i]);
	}
}

void
l10n_amount(struct sbuf *b, double v, const char *unit, bool en)
{
	char buf[64];

	if (unit != NULL && unit[0] == '\0')
		unit = NULL;
	if (!en) {
		if (v >= 1e8 && scaled(v, 1e8, buf, sizeof(buf)))
			sbuf_printf(b, "%s亿", buf);
		else if (v >= 1e4 && scaled(v, 1e4, buf, sizeof(buf)))
			sbuf_printf(b, "%s万", buf);
		else
			l10n_number(b, v);
		if (unit != NULL)
			sbuf_puts(b, unit);
		return;
	}
	if (v >= 1e9 && scaled(v, 1e9, buf, sizeof(buf)))
		sbuf_printf(b, "%s billion", buf);
	else if (v >= 1e6 && scaled(v, 1e6, buf, sizeof(buf)))
		sbuf_printf(b, "%s million", buf);
	else if (v >= 1000 && v < 1e15 && v == floor(v))
		grouped(b, v);
	else
		l10n_number(b, v);
	if (unit == NULL)
		return;
	if (strcmp(unit, "%") == 0)
		sbuf_putc(b, '%');
	else
		sbuf_printf(b, " %s", strcmp(unit, "元") == 0 ? "yuan" : unit);
}
