/*
 * cn_dump.c - prints the lunar calendar, 清明 and China's holiday days for
 * the cross-checks of tests/cn_check.py:
 *   cn_dump lunar FROM TO      every day of the years: date lunar-y m d leap
 *   cn_dump qingming FROM TO   year and day of April of 清明
 *   cn_dump days FROM TO       cn_year_days: date off|work source name
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cn_holidays.h"
#include "date.h"
#include "lunar.h"

static int
dump_lunar(int from, int to)
{
	struct lunar_date ld;
	day_t day, back;
	char buf[11];

	for (day = date_from_civil(from, 1, 1);
	    day <= date_from_civil(to, 12, 31); day++) {
		date_format(day, buf);
		if (!lunar_from_day(day, &ld)) {
			fprintf(stderr, "cn_dump: %s: no lunar date\n", buf);
			return 1;
		}
		/* The conversion back must give the same day. */
		if (!lunar_to_day(&ld, &back) || back != day) {
			fprintf(stderr, "cn_dump: %s: lunar date does not "
			    "convert back\n", buf);
			return 1;
		}
		printf("%s %d %d %d %d\n", buf, ld.year, ld.month, ld.day,
		    ld.leap);
	}
	return 0;
}

static int
dump_qingming(int from, int to)
{
	int y;

	for (y = from; y <= to; y++)
		printf("%d 4 %d\n", y, lunar_qingming(y));
	return 0;
}

static int
dump_days(int from, int to)
{
	struct cn_day days[CN_YEAR_MAX];
	size_t i, n;
	char buf[11];
	int y;

	for (y = from; y <= to; y++) {
		n = cn_year_days(y, days, CN_YEAR_MAX);
		if (n > CN_YEAR_MAX) {
			fprintf(stderr, "cn_dump: %d: %zu days\n", y, n);
			return 1;
		}
		for (i = 0; i < n; i++) {
			date_format(days[i].day, buf);
			printf("%s %s %s %s\n", buf,
			    days[i].status == CN_OFF ? "off" : "work",
			    cn_source_name(days[i].source), days[i].name_zh);
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int from, to;

	if (argc != 4) {
		fprintf(stderr, "usage: cn_dump lunar|qingming|days FROM TO\n");
		return 2;
	}
	from = atoi(argv[2]);
	to = atoi(argv[3]);
	if (strcmp(argv[1], "lunar") == 0)
		return dump_lunar(from, to);
	if (strcmp(argv[1], "qingming") == 0)
		return dump_qingming(from, to);
	if (strcmp(argv[1], "days") == 0)
		return dump_days(from, to);
	fprintf(stderr, "cn_dump: unknown mode '%s'\n", argv[1]);
	return 2;
}
