/* render_summary.h - the year-end summary (总结) of a plan from its records: md and html through the document backends, and json. */
#ifndef PAIRPLAN_RENDER_SUMMARY_H
#define PAIRPLAN_RENDER_SUMMARY_H

#include <stdbool.h>
#include <stdio.h>

struct records;
struct status;

/* The formats: "md", "html", "json"; NULL-terminated. */
extern const char *const render_summary_formats[];

/*
 * Writes the year-end summary of the one plan of st->s (whose records
 * are recs, NULL when none) as of st->on, in the structure of the seed
 * summaries: 基本情况, 主要做法, 主要成效, 存在问题, 下一步打算, numbered
 * like the plan's document (一、（一）1.). Only what the plan and the
 * records hold: names, dates, counts and each record's note. en: the
 * English labels. False when the format is unknown or writing failed.
 */
bool	 render_summary(FILE *, const struct status *st,
	    const struct records *recs, const char *format, bool en);

#endif
