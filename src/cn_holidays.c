/* cn_holidays.c - China's statutory holidays and make-up working days (2004-2099). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cn_holidays.h"
#include "date.h"
#include "lunar.h"

enum cn_holiday {
	H_NEWYEAR, H_SPRING, H_QINGMING, H_LABOUR, H_DRAGON, H_MIDAUTUMN,
	H_NATIONAL, H_MIDAUTUMN_NATIONAL, H_NATIONAL_MIDAUTUMN, H_VICTORY70,
};

/* Names as the notices give them; a joint holiday in the notice's order. */
static const char *const cn_names[] = {
	[H_NEWYEAR] = "元旦",
	[H_SPRING] = "春节",
	[H_QINGMING] = "清明节",
	[H_LABOUR] = "劳动节",
	[H_DRAGON] = "端午节",
	[H_MIDAUTUMN] = "中秋节",
	[H_NATIONAL] = "国庆节",
	[H_MIDAUTUMN_NATIONAL] = "中秋节、国庆节",
	[H_NATIONAL_MIDAUTUMN] = "国庆节、中秋节",
	[H_VICTORY70] = "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
};

/*
 * The official arrangements of the State Council's annual notices
 * (国务院办公厅关于…部分节假日安排的通知), 2004-2026: inclusive ranges of
 * yyyymmdd, in order and disjoint. An off range is the notice's holiday
 * ("1月31日至2月6日放假调休" lists its weekend days too, "与周末连休" only
 * the holiday); a work day is a weekend day worked (调休上班), listed under
 * the holiday it belongs to, even in the year before (2005-12-31 for 元旦
 * 2006). 2020-2026 are as in shared/spec/cn-holidays.md, with 2020's
 * extended Spring Festival. Until 2007 the holidays were 元旦 (1 day), 春节,
 * 劳动节 and 国庆节 (3 days each), joined with weekends into 7-day weeks;
 * 2008 added 清明节, 端午节 and 中秋节 and cut 劳动节 to 1 day; 2015 had a
 * one-time holiday on 3 September.
 */
struct cn_row {
	int32_t		 from, to;
	uint8_t		 status;	/* enum cn_status */
	uint8_t		 name;		/* enum cn_holiday */
};

#define OFF(a, b, n)	{ (a), (b), CN_OFF, H_##n }
#define WORK(a, n)	{ (a), (a), CN_WORK, H_##n }

static const struct cn_row cn_rows[] = {
	/* 2004 */
	OFF(20040101, 20040101, NEWYEAR),
	WORK(20040117, SPRING),
	WORK(20040118, SPRING),
	OFF(20040122, 20040128, SPRING),
	OFF(20040501, 20040507, LABOUR),
	WORK(20040508, LABOUR),
	WORK(20040509, LABOUR),
	OFF(20041001, 20041007, NATIONAL),
	WORK(20041009, NATIONAL),
	WORK(20041010, NATIONAL),
	/* 2005 */
	OFF(20050101, 20050103, NEWYEAR),
	WORK(20050205, SPRING),
	WORK(20050206, SPRING),
	OFF(20050209, 20050215, SPRING),
	WORK(20050430, LABOUR),
	OFF(20050501, 20050507, LABOUR),
	WORK(20050508, LABOUR),
	OFF(20051001, 20051007, NATIONAL),
	WORK(20051008, NATIONAL),
	WORK(20051009, NATIONAL),
	WORK(20051231, NEWYEAR),
	/* 2006 */
	OFF(20060101, 20060103, NEWYEAR),
	WORK(20060128, SPRING),
	OFF(20060129, 20060204, SPRING),
	WORK(20060205, SPRING),
	WORK(20060429, LABOUR),
	WORK(20060430, LABOUR),
	OFF(20060501, 20060507, LABOUR),
	WORK(20060930, NATIONAL),
	OFF(20061001, 20061007, NATIONAL),
	WORK(20061008, NATIONAL),
	WORK(20061230, NEWYEAR),
	WORK(20061231, NEWYEAR),
	/* 2007 */
	OFF(20070101, 20070103, NEWYEAR),
	WORK(20070217, SPRING),
	OFF(20070218, 20070224, SPRING),
	WORK(20070225, SPRING),
	WORK(20070428, LABOUR),
	WORK(20070429, LABOUR),
	OFF(20070501, 20070507, LABOUR),
	WORK(20070929, NATIONAL),
	WORK(20070930, NATIONAL),
	OFF(20071001, 20071007, NATIONAL),
	WORK(20071229, NEWYEAR),
	OFF(20071230, 20080101, NEWYEAR),
	/* 2008 */
	WORK(20080202, SPRING),
	WORK(20080203, SPRING),
	OFF(20080206, 20080212, SPRING),
	OFF(20080404, 20080406, QINGMING),
	OFF(20080501, 20080503, LABOUR),
	WORK(20080504, LABOUR),
	OFF(20080607, 20080609, DRAGON),
	OFF(20080913, 20080915, MIDAUTUMN),
	WORK(20080927, NATIONAL),
	WORK(20080928, NATIONAL),
	OFF(20080929, 20081005, NATIONAL),
	/* 2009 */
	OFF(20090101, 20090103, NEWYEAR),
	WORK(20090104, NEWYEAR),
	WORK(20090124, SPRING),
	OFF(20090125, 20090131, SPRING),
	WORK(20090201, SPRING),
	OFF(20090404, 20090406, QINGMING),
	OFF(20090501, 20090503, LABOUR),
	OFF(20090528, 20090530, DRAGON),
	WORK(20090531, DRAGON),
	WORK(20090927, NATIONAL_MIDAUTUMN),
	OFF(20091001, 20091008, NATIONAL_MIDAUTUMN),
	WORK(20091010, NATIONAL_MIDAUTUMN),
	/* 2010 */
	OFF(20100101, 20100103, NEWYEAR),
	OFF(20100213, 20100219, SPRING),
	WORK(20100220, SPRING),
	WORK(20100221, SPRING),
	OFF(20100403, 20100405, QINGMING),
	OFF(20100501, 20100503, LABOUR),
	WORK(20100612, DRAGON),
	WORK(20100613, DRAGON),
	OFF(20100614, 20100616, DRAGON),
	WORK(20100919, MIDAUTUMN),
	OFF(20100922, 20100924, MIDAUTUMN),
	WORK(20100925, MIDAUTUMN),
	WORK(20100926, NATIONAL),
	OFF(20101001, 20101007, NATIONAL),
	WORK(20101009, NATIONAL),
	/* 2011 */
	OFF(20110101, 20110103, NEWYEAR),
	WORK(20110130, SPRING),
	OFF(20110202, 20110208, SPRING),
	WORK(20110212, SPRING),
	WORK(20110402, QINGMING),
	OFF(20110403, 20110405, QINGMING),
	OFF(20110430, 20110502, LABOUR),
	OFF(20110604, 20110606, DRAGON),
	OFF(20110910, 20110912, MIDAUTUMN),
	OFF(20111001, 20111007, NATIONAL),
	WORK(20111008, NATIONAL),
	WORK(20111009, NATIONAL),
	WORK(20111231, NEWYEAR),
	/* 2012 */
	OFF(20120101, 20120103, NEWYEAR),
	WORK(20120121, SPRING),
	OFF(20120122, 20120128, SPRING),
	WORK(20120129, SPRING),
	WORK(20120331, QINGMING),
	WORK(20120401, QINGMING),
	OFF(20120402, 20120404, QINGMING),
	WORK(20120428, LABOUR),
	OFF(20120429, 20120501, LABOUR),
	OFF(20120622, 20120624, DRAGON),
	WORK(20120929, MIDAUTUMN_NATIONAL),
	OFF(20120930, 20121007, MIDAUTUMN_NATIONAL),
	/* 2013 */
	OFF(20130101, 20130103, NEWYEAR),
	WORK(20130105, NEWYEAR),
	WORK(20130106, NEWYEAR),
	OFF(20130209, 20130215, SPRING),
	WORK(20130216, SPRING),
	WORK(20130217, SPRING),
	OFF(20130404, 20130406, QINGMING),
	WORK(20130407, QINGMING),
	WORK(20130427, LABOUR),
	WORK(20130428, LABOUR),
	OFF(20130429, 20130501, LABOUR),
	WORK(20130608, DRAGON),
	WORK(20130609, DRAGON),
	OFF(20130610, 20130612, DRAGON),
	OFF(20130919, 20130921, MIDAUTUMN),
	WORK(20130922, MIDAUTUMN),
	WORK(20130929, NATIONAL),
	OFF(20131001, 20131007, NATIONAL),
	WORK(20131012, NATIONAL),
	/* 2014 */
	OFF(20140101, 20140101, NEWYEAR),
	WORK(20140126, SPRING),
	OFF(20140131, 20140206, SPRING),
	WORK(20140208, SPRING),
	OFF(20140405, 20140407, QINGMING),
	OFF(20140501, 20140503, LABOUR),
	WORK(20140504, LABOUR),
	OFF(20140602, 20140602, DRAGON),
	OFF(20140908, 20140908, MIDAUTUMN),
	WORK(20140928, NATIONAL),
	OFF(20141001, 20141007, NATIONAL),
	WORK(20141011, NATIONAL),
	/* 2015 */
	OFF(20150101, 20150103, NEWYEAR),
	WORK(20150104, NEWYEAR),
	WORK(20150215, SPRING),
	OFF(20150218, 20150224, SPRING),
	WORK(20150228, SPRING),
	OFF(20150405, 20150406, QINGMING),
	OFF(20150501, 20150501, LABOUR),
	OFF(20150620, 20150622, DRAGON),
	OFF(20150903, 20150905, VICTORY70),
	WORK(20150906, VICTORY70),
	OFF(20150927, 20150927, MIDAUTUMN),
	OFF(20151001, 20151007, NATIONAL),
	WORK(20151010, NATIONAL),
	/* 2016 */
	OFF(20160101, 20160101, NEWYEAR),
	WORK(20160206, SPRING),
	OFF(20160207, 20160213, SPRING),
	WORK(20160214, SPRING),
	OFF(20160404, 20160404, QINGMING),
	OFF(20160501, 20160502, LABOUR),
	OFF(20160609, 20160611, DRAGON),
	WORK(20160612, DRAGON),
	OFF(20160915, 20160917, MIDAUTUMN),
	WORK(20160918, MIDAUTUMN),
	OFF(20161001, 20161007, NATIONAL),
	WORK(20161008, NATIONAL),
	WORK(20161009, NATIONAL),
	/* 2017 */
	OFF(20170101, 20170102, NEWYEAR),
	WORK(20170122, SPRING),
	OFF(20170127, 20170202, SPRING),
	WORK(20170204, SPRING),
	WORK(20170401, QINGMING),
	OFF(20170402, 20170404, QINGMING),
	OFF(20170501, 20170501, LABOUR),
	WORK(20170527, DRAGON),
	OFF(20170528, 20170530, DRAGON),
	WORK(20170930, MIDAUTUMN_NATIONAL),
	OFF(20171001, 20171008, MIDAUTUMN_NATIONAL),
	/* 2018 */
	OFF(20180101, 20180101, NEWYEAR),
	WORK(20180211, SPRING),
	OFF(20180215, 20180221, SPRING),
	WORK(20180224, SPRING),
	OFF(20180405, 20180407, QINGMING),
	WORK(20180408, QINGMING),
	WORK(20180428, LABOUR),
	OFF(20180429, 20180501, LABOUR),
	OFF(20180618, 20180618, DRAGON),
	OFF(20180924, 20180924, MIDAUTUMN),
	WORK(20180929, NATIONAL),
	WORK(20180930, NATIONAL),
	OFF(20181001, 20181007, NATIONAL),
	WORK(20181229, NEWYEAR),
	OFF(20181230, 20190101, NEWYEAR),
	/* 2019 */
	WORK(20190202, SPRING),
	WORK(20190203, SPRING),
	OFF(20190204, 20190210, SPRING),
	OFF(20190405, 20190405, QINGMING),
	WORK(20190428, LABOUR),
	OFF(20190501, 20190504, LABOUR),
	WORK(20190505, LABOUR),
	OFF(20190607, 20190607, DRAGON),
	OFF(20190913, 20190913, MIDAUTUMN),
	WORK(20190929, NATIONAL),
	OFF(20191001, 20191007, NATIONAL),
	WORK(20191012, NATIONAL),
	/* 2020 */
	OFF(20200101, 20200101, NEWYEAR),
	WORK(20200119, SPRING),
	OFF(20200124, 20200202, SPRING),
	OFF(20200404, 20200406, QINGMING),
	WORK(20200426, LABOUR),
	OFF(20200501, 20200505, LABOUR),
	WORK(20200509, LABOUR),
	OFF(20200625, 20200627, DRAGON),
	WORK(20200628, DRAGON),
	WORK(20200927, NATIONAL_MIDAUTUMN),
	OFF(20201001, 20201008, NATIONAL_MIDAUTUMN),
	WORK(20201010, NATIONAL_MIDAUTUMN),
	/* 2021 */
	OFF(20210101, 20210103, NEWYEAR),
	WORK(20210207, SPRING),
	OFF(20210211, 20210217, SPRING),
	WORK(20210220, SPRING),
	OFF(20210403, 20210405, QINGMING),
	WORK(20210425, LABOUR),
	OFF(20210501, 20210505, LABOUR),
	WORK(20210508, LABOUR),
	OFF(20210612, 20210614, DRAGON),
	WORK(20210918, MIDAUTUMN),
	OFF(20210919, 20210921, MIDAUTUMN),
	WORK(20210926, NATIONAL),
	OFF(20211001, 20211007, NATIONAL),
	WORK(20211009, NATIONAL),
	/* 2022 */
	OFF(20220101, 20220103, NEWYEAR),
	WORK(20220129, SPRING),
	WORK(20220130, SPRING),
	OFF(20220131, 20220206, SPRING),
	WORK(20220402, QINGMING),
	OFF(20220403, 20220405, QINGMING),
	WORK(20220424, LABOUR),
	OFF(20220430, 20220504, LABOUR),
	WORK(20220507, LABOUR),
	OFF(20220603, 20220605, DRAGON),
	OFF(20220910, 20220912, MIDAUTUMN),
	OFF(20221001, 20221007, NATIONAL),
	WORK(20221008, NATIONAL),
	WORK(20221009, NATIONAL),
	OFF(20221231, 20230102, NEWYEAR),
	/* 2023 */
	OFF(20230121, 20230127, SPRING),
	WORK(20230128, SPRING),
	WORK(20230129, SPRING),
	OFF(20230405, 20230405, QINGMING),
	WORK(20230423, LABOUR),
	OFF(20230429, 20230503, LABOUR),
	WORK(20230506, LABOUR),
	OFF(20230622, 20230624, DRAGON),
	WORK(20230625, DRAGON),
	OFF(20230929, 20231006, MIDAUTUMN_NATIONAL),
	WORK(20231007, MIDAUTUMN_NATIONAL),
	WORK(20231008, MIDAUTUMN_NATIONAL),
	/* 2024 */
	OFF(20240101, 20240101, NEWYEAR),
	WORK(20240204, SPRING),
	OFF(20240210, 20240217, SPRING),
	WORK(20240218, SPRING),
	OFF(20240404, 20240406, QINGMING),
	WORK(20240407, QINGMING),
	WORK(20240428, LABOUR),
	OFF(20240501, 20240505, LABOUR),
	WORK(20240511, LABOUR),
	OFF(20240610, 20240610, DRAGON),
	WORK(20240914, MIDAUTUMN),
	OFF(20240915, 20240917, MIDAUTUMN),
	WORK(20240929, NATIONAL),
	OFF(20241001, 20241007, NATIONAL),
	WORK(20241012, NATIONAL),
	/* 2025 */
	OFF(20250101, 20250101, NEWYEAR),
	WORK(20250126, SPRING),
	OFF(20250128, 20250204, SPRING),
	WORK(20250208, SPRING),
	OFF(20250404, 20250406, QINGMING),
	WORK(20250427, LABOUR),
	OFF(20250501, 20250505, LABOUR),
	OFF(20250531, 20250602, DRAGON),
	WORK(20250928, NATIONAL_MIDAUTUMN),
	OFF(20251001, 20251008, NATIONAL_MIDAUTUMN),
	WORK(20251011, NATIONAL_MIDAUTUMN),
	/* 2026 */
	OFF(20260101, 20260103, NEWYEAR),
	WORK(20260104, NEWYEAR),
	WORK(20260214, SPRING),
	OFF(20260215, 20260223, SPRING),
	WORK(20260228, SPRING),
	OFF(20260404, 20260406, QINGMING),
	OFF(20260501, 20260505, LABOUR),
	WORK(20260509, LABOUR),
	OFF(20260619, 20260621, DRAGON),
	WORK(20260920, NATIONAL),
	OFF(20260925, 20260927, MIDAUTUMN),
	OFF(20261001, 20261007, NATIONAL),
	WORK(20261010, NATIONAL),
};

#undef OFF
#undef WORK

#define CN_NROWS	(sizeof(cn_rows) / sizeof(cn_rows[0]))

/* The statutory days of a year, at most this many. */
#define CN_STATUTORY_MAX	16

static int32_t
cn_key(int y, int m, int d)
{
	return (int32_t)y * 10000 + m * 100 + d;
}

static day_t
cn_key_day(int32_t key)
{
	return date_from_civil(key / 10000, key / 100 % 100, key % 100);
}

enum cn_source
cn_year_source(int year)
{
	if (year >= CN_OFFICIAL_FIRST && year <= CN_OFFICIAL_LAST)
		return CN_OFFICIAL;
	if (year > CN_OFFICIAL_LAST && year <= CN_COMPUTED_LAST)
		return CN_COMPUTED;
	return CN_NO_SOURCE;
}

const char *
cn_source_name(enum cn_source src)
{
	switch (src) {
	case CN_OFFICIAL:
		return "official";
	case CN_COMPUTED:
		return "computed";
	case CN_NO_SOURCE:
		break;
	}
	return "none";
}

/*
 * Number of rows ending before key: the first row that may hold it. The
 * rows do not overlap, so it is the rows starting on or before key, less
 * the last of them when it holds key (the keys are int32_t, as days are).
 */
static size_t
cn_first_row(int32_t key)
{
	size_t k = date_count_upto(cn_rows, CN_NROWS, sizeof(cn_rows[0]), key);

	return k > 0 && cn_rows[k - 1].to >= key ? k - 1 : k;
}

/* Appends a statutory day to buf[*n], joining it with a holiday on the same day. */
static void
cn_add(struct cn_day *buf, size_t *n, day_t day, enum cn_holiday h)
{
	/* Only 中秋节 can fall on another holiday, 国庆节 (10-1..10-3). */
	if (*n > 0 && buf[*n - 1].day == day && h == H_MIDAUTUMN) {
		buf[*n - 1].name_zh = cn_names[H_MIDAUTUMN_NATIONAL];
		return;
	}
	buf[*n].day = day;
	buf[*n].status = CN_OFF;
	buf[*n].source = CN_COMPUTED;
	buf[*n].name_zh = cn_names[h];
	(*n)++;
}

/* Fills buf with the statutory days of year (1901-2099) in date order. */
static size_t
cn_statutory(int year, struct cn_day buf[CN_STATUTORY_MAX])
{
	struct lunar_date ld = { year, 0, 0, false };
	day_t ny, dragon, moon, oct1;
	size_t n = 0;
	int k;

	if (year < 1901 || year > 2099 || !lunar_new_year(year, &ny))
		return 0;
	ld.month = 5;
	ld.day = 5;
	if (!lunar_to_day(&ld, &dragon))
		return 0;
	ld.month = 8;
	ld.day = 15;
	if (!lunar_to_day(&ld, &moon))
		return 0;
	oct1 = date_from_civil(year, 10, 1);

	cn_add(buf, &n, date_from_civil(year, 1, 1), H_NEWYEAR);
	/* New Year's Eve (除夕) is the day before the lunar New Year. */
	for (k = -1; k <= 2; k++)
		cn_add(buf, &n, ny + k, H_SPRING);
	cn_add(buf, &n, date_from_civil(year, 4, lunar_qingming(year)),
	    H_QINGMING);
	cn_add(buf, &n, date_from_civil(year, 5, 1), H_LABOUR);
	cn_add(buf, &n, date_from_civil(year, 5, 2), H_LABOUR);
	cn_add(buf, &n, dragon, H_DRAGON);	/* 5-28..6-25 */
	/* 中秋节 falls 9-7..10-6: before, on or after 10-1..10-3. */
	if (moon < oct1)
		cn_add(buf, &n, moon, H_MIDAUTUMN);
	for (k = 0; k < 3; k++) {
		cn_add(buf, &n, oct1 + k, H_NATIONAL);
		if (moon == oct1 + k)
			cn_add(buf, &n, moon, H_MIDAUTUMN);
	}
	if (moon > oct1 + 2)
		cn_add(buf, &n, moon, H_MIDAUTUMN);
	return n;
}

static size_t
cn_copy(const struct cn_day *from, size_t n, struct cn_day *out, size_t max)
{
	size_t i;

	for (i = 0; i < n && i < max; i++)
		out[i] = from[i];
	return n;
}

size_t
cn_statutory_days(int year, struct cn_day *out, size_t max)
{
	struct cn_day buf[CN_STATUTORY_MAX];

	return cn_copy(buf, cn_statutory(year, buf), out, max);
}

size_t
cn_year_days(int year, struct cn_day *out, size_t max)
{
	struct cn_day d;
	int32_t first, last;
	day_t day, from, to;
	size_t i, n;

	switch (cn_year_source(year)) {
	case CN_COMPUTED:
		return cn_statutory_days(year, out, max);
	case CN_NO_SOURCE:
		return 0;
	case CN_OFFICIAL:
		break;
	}
	first = cn_key(year, 1, 1);
	last = cn_key(year, 12, 31);
	n = 0;
	for (i = cn_first_row(first); i < CN_NROWS && cn_rows[i].from <= last;
	    i++) {
		from = cn_key_day(cn_rows[i].from > first ? cn_rows[i].from :
		    first);
		to = cn_key_day(cn_rows[i].to < last ? cn_rows[i].to : last);
		d.status = (enum cn_status)cn_rows[i].status;
		d.source = CN_OFFICIAL;
		d.name_zh = cn_names[cn_rows[i].name];
		for (day = from; day <= to; day++) {
			d.day = day;
			if (n < max)
				out[n] = d;
			n++;
		}
	}
	return n;
}

enum cn_status
cn_status(day_t day, const char **name_zh, enum cn_source *src)
{
	struct cn_day buf[CN_STATUTORY_MAX];
	enum cn_source s;
	const struct cn_row *r;
	int32_t key;
	size_t i, n;
	int y, m, d;

	if (name_zh != NULL)
		*name_zh = NULL;
	date_to_civil(day, &y, &m, &d);
	s = cn_year_source(y);
	if (src != NULL)
		*src = s;
	switch (s) {
	case CN_NO_SOURCE:
		return CN_NONE;
	case CN_COMPUTED:
		n = cn_statutory(y, buf);
		for (i = 0; i < n; i++)
			if (buf[i].day == day) {
				if (name_zh != NULL)
					*name_zh = buf[i].name_zh;
				return CN_OFF;
			}
		return CN_NONE;
	case CN_OFFICIAL:
		break;
	}
	key = cn_key(y, m, d);
	i = cn_first_row(key);
	if (i == CN_NROWS || cn_rows[i].from > key)
		return CN_NONE;
	r = &cn_rows[i];
	if (name_zh != NULL)
		*name_zh = cn_names[r->name];
	return (enum cn_status)r->status;
}
