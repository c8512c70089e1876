/* render_util.h - what the output formats share: names of sites, people and phases. */
#ifndef PAIRPLAN_RENDER_UTIL_H
#define PAIRPLAN_RENDER_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "date.h"
#include "sbuf.h"

struct plan;
struct schedule;
struct sched_series;

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


/* The enum kind of a series (K_OTHER when unknown). */
int	 rs_series_kind(const struct sched_series *);

/* The fonts html and svg name: common CJK fonts, then sans-serif. */
#define RS_FONT_STACK	"'Noto Sans CJK SC', 'Source Han Sans SC', " \
	"'PingFang SC', 'Microsoft YaHei', sans-serif"

#endif
