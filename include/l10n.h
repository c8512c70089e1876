/* l10n.h - dates, numbers and labels as a Chinese or English document writes them. */
#ifndef PAIRPLAN_L10N_H
#define PAIRPLAN_L10N_H

#include <stdbool.h>

#include "date.h"
#include "sbuf.h"

/*
 * Dates as a document writes them: Chinese (GB/T 9704: 2024年3月1日, no
 * zero padding) or English (1 March 2024).
 */
/* A day; with year false the year is left out (2024年3月1日, 3月1日). */
void	 l10n_day(struct sbuf *, day_t, bool en, bool year);
/*
 * Days from..to, the year given when year is set or the two differ:
 * 2024年3月4日—15日, 4月1日—5月2日; 4–15 March 2024.
 */
void	 l10n_day_range(struct sbuf *, day_t from, day_t to, bool en, bool year);
/* A span: 2024年3月—7月, 2024年9月—2025年1月, 2024年5月中旬, 2024年, 2016年—2020年, ... */
void	 l10n_span(struct sbuf *, struct span, bool en);
/* A month: 2024年3月 or March 2024; abbreviated (Mar 2024) when short. */
void	 l10n_month(struct sbuf *, int y, int m, bool en, bool shortname);
/* A Chinese numeral: 一 .. 十, 十一, 二十一, 一百零一; digits past 9999. */
void	 l10n_cn_number(struct sbuf *, unsigned long);
/*
 * A number as short as it is exact: 30, 0.5, 1250.
 */
void	 l10n_number(struct sbuf *, double);
/*
 * An amount with its unit (NULL for none) as a reader writes it. In
 * Chinese, amounts from 10000 are counted in 万 and from 100 million in
 * 亿 when that takes at most two decimals: 945所, 1000万元, 1.2亿元,
 * 100万人次, 43288人次. In English, millions and billions the same way,
 * else whole numbers grouped by commas, the unit after a space and 元 as
 * yuan: 10 million yuan, 43,288 人次. A unit "%" follows the number directly.
 */
void	 l10n_amount(struct sbuf *, double, const char *unit, bool en);
/* Weekdays as a Chinese document names them: 周一 .. 周日. */
extern const char *const l10n_weekday_zh[7];

#endif
