/* render_int.h - what the renderers share: names of sites, people and phases, a string buffer. */
#ifndef PAIRPLAN_RENDER_INT_H
#define PAIRPLAN_RENDER_INT_H

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

#endif
