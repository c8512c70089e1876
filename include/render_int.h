/* render_int.h - what the renderers share: names of sites, people and phases, a string buffer, the document of an export. */
#ifndef PAIRPLAN_RENDER_INT_H
#define PAIRPLAN_RENDER_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "date.h"

struct plan;
struct schedule;
struct sched_series;

/* A growing NUL-terminated string on the heap; no call fails. */
struct sbuf {
	char	*p;
	size_t	 n, cap;
};

void	 sbuf_add(struct sbuf *, const char *, size_t);
void	 sbuf_puts(struct sbuf *, const char *);
void	 sbuf_putc(struct sbuf *, char);
void	 sbuf_printf(struct sbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 sbuf_clear(struct sbuf *);
void	 sbuf_free(struct sbuf *);

/* The plan a series comes from. */
const struct plan *rs_plan(const struct schedule *,
	    const struct sched_series *);
/* Ids of an organisation and a phase; NULL for index -1. */
const char *rs_org_id(const struct plan *, int32_t);
const char *rs_phase_id(const struct plan *, int32_t);
/* The name of a site, or 线上 ("online" in an English plan). */
const char *rs_site_name(const struct plan *, int32_t);
/* Separator of a list of names: 、 in Chinese, ", " in English. */
const char *rs_name_sep(const struct plan *);
/* The title with "(3/5)" when the series has more than one occurrence. */
void	 rs_title(struct sbuf *, const struct sched_series *,
	    uint32_t occurrence);
/* The names of the series' people, joined by rs_name_sep. */
void	 rs_people_names(struct sbuf *, const struct plan *,
	    const struct sched_series *);
/* "YYYY-MM-DD"; buf has at least 11 bytes. */
void	 rs_date(day_t, char *buf);
/* "Mon" .. "Sun". */
extern const char *const rs_weekday_abbr[7];
/* Columns a string takes on a terminal: a wide (CJK) character takes two. */
size_t	 rs_display_width(const char *, size_t len);

/* ---- exports (render_doc.c) ------------------------------------------ */

/*
 * Dates as a document writes them: Chinese (GB/T 9704: 2024年3月1日, no
 * zero padding) or English (1 March 2024).
 */
/* A day; with year false the year is left out (2024年3月1日, 3月1日). */
void	 rs_day_text(struct sbuf *, day_t, bool en, bool year);
/* A span: 2024年3月—7月, 2024年9月—2025年1月, 2024年5月中旬, ... */
void	 rs_span_text(struct sbuf *, struct span, bool en);
/* A month: 2024年3月 or March 2024; abbreviated (Mar 2024) when short. */
void	 rs_month_text(struct sbuf *, int y, int m, bool en, bool shortname);
/* A Chinese numeral: 一 .. 十, 十一, 二十一, 一百零一; digits past 9999. */
void	 rs_cn_number(struct sbuf *, unsigned long);
/* An activity kind (enum kind, or -1 for unknown) for people, and its colour. */
const char *rs_kind_label(int kind, bool en);
const char *rs_kind_colour(int kind);
/* The enum kind of a series (K_OTHER when unknown). */
int	 rs_series_kind(const struct sched_series *);
/*
 * Text as XML character data or an attribute value: &, <, >, " and '
 * escaped; characters XML cannot hold (controls, bytes that are not
 * UTF-8) become a space or U+FFFD.
 */
void	 rs_xml_text(FILE *, const char *);
/* The fonts html and svg name: common CJK fonts, then sans-serif. */
#define RS_FONT_STACK	"'Noto Sans CJK SC', 'Source Han Sans SC', " \
	"'PingFang SC', 'Microsoft YaHei', sans-serif"

/*
 * The plan as the document a kindergarten files (§6), written through a
 * backend: render_doc walks the plan and the schedule and calls these;
 * md and html turn them into markup. Every string is text, which the
 * backend escapes; ctx is the backend's own state.
 */
struct doc_ops {
	void	(*begin)(void *, const char *title, bool en);
	void	(*end)(void *);
	/* level 2 or 3; text carries its number (一、, （一）, 1., 1.1) */
	void	(*heading)(void *, int level, const char *text);
	void	(*para)(void *);
	void	(*para_end)(void *);
	void	(*line_break)(void *);
	void	(*text)(void *, const char *);
	void	(*list)(void *, bool ordered);
	void	(*item)(void *, unsigned number);
	void	(*item_end)(void *);
	void	(*list_end)(void *);
	/* right[i]: column i holds numbers */
	void	(*table)(void *, size_t ncols, const char *const *head,
		    const bool *right);
	void	(*cell)(void *, const char *);
	void	(*row_end)(void *);
	void	(*table_end)(void *);
	/* NULL when the format has no timeline */
	void	(*timeline)(void *, const struct plan *,
		    const struct schedule *, bool en);
};

void	 render_doc(const struct doc_ops *, void *ctx, const struct plan *,
	    const struct schedule *, bool en);

/*
 * The Gantt timeline of a plan (render_svg.c) as an <svg> element: month
 * grid, phases as bands, a row per site with its events, a legend. With
 * heading, the plan's title above the chart.
 */
void	 svg_timeline(FILE *, const struct plan *, const struct schedule *,
	    bool en, bool heading);

#endif
