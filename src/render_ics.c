/* render_ics.c - the events of a schedule as an RFC 5545 calendar of all-day events; the export adds the working-day calendar. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cal.h"
#include "date.h"
#include "ics.h"
#include "plan.h"
#include "render.h"
#include "render_util.h"
#include "sbuf.h"
#include "sched.h"
#include "sched_filter.h"

/*
 * DTSTAMP: SOURCE_DATE_EPOCH when it is set and valid, else midnight UTC
 * of the first plan's first day.
 */
static void
ics_schedule_stamp(char *buf, size_t size, const struct schedule *s)
{
	ics_stamp(buf, size, s->nplans > 0 && s->plans[0]->has_period ?
	    s->plans[0]->period.from : 0);
}

/*
 * The tag of each plan in the UIDs: a hash of its file name, and when an
 * earlier plan has the same (the same file given twice), "-2", "-3" ...
 * so that no two events share a UID. ICS_TAG bytes a plan.
 */
#define ICS_TAG	24

static char *
ics_tags(const struct schedule *s)
{
	char *tags;
	uint32_t *h;
	size_t i, j, k;

	if ((tags = calloc(s->nplans + 1, ICS_TAG)) == NULL ||
	    (h = calloc(s->nplans + 1, sizeof(*h))) == NULL)
		arena_oom();
	for (i = 0; i < s->nplans; i++) {
		h[i] = ics_tag(s->plans[i]->file);
		for (j = k = 0; j < i; j++)
			k += h[j] == h[i];
		if (k == 0)
			snprintf(tags + ICS_TAG * i, ICS_TAG, "%08x", h[i]);
		else
			snprintf(tags + ICS_TAG * i, ICS_TAG, "%08x-%zu", h[i],
			    k + 1);
	}
	free(h);
	return tags;
}

static void
ics_event(FILE *fp, const struct schedule *s, const struct sched_event *e,
    const char *stamp, const char *tags, struct sbuf *b, struct sbuf *v)
{
	const struct sched_series *sr = e->series;
	const struct plan *p = rs_plan(s, sr);

	fputs("BEGIN:VEVENT\r\n", fp);
	sbuf_clear(v);
	sbuf_printf(v, "%s/%u@%s.pairplan", sr->id, e->occurrence,
	    tags + ICS_TAG * sr->plan);
	ics_prop(fp, b, "UID", v->p);
	fprintf(fp, "DTSTAMP:%s\r\n", stamp);
	ics_dates(fp, e->date, e->end);
	sbuf_clear(v);
	rs_title(v, sr, e->occurrence);
	ics_prop(fp, b, "SUMMARY", v->p);
	ics_prop(fp, b, "LOCATION", rs_site_name(p, sr->site));
	sbuf_clear(v);
	rs_people_names(v, p, sr);
	if (v->n > 0)
		ics_prop(fp, b, "DESCRIPTION", v->p);
	ics_prop(fp, b, "CATEGORIES", sched_kind(sr));
	fputs("END:VEVENT\r\n", fp);
}

static void
ics_events(FILE *fp, const struct schedule *s, const struct sched_filter *f,
    const char *stamp, struct sbuf *b, struct sbuf *v)
{
	char *tags = ics_tags(s);
	size_t i;

	for (i = 0; i < s->nevents; i++)
		if (f == NULL || sched_filter_match(f, s, &s->events[i]))
			ics_event(fp, s, &s->events[i], stamp, tags, b, v);
	free(tags);
}

static bool
ics_schedule(FILE *fp, const struct schedule *s,
    const struct sched_filter *f)
{
	struct sbuf b = { 0 }, v = { 0 };
	char stamp[32];

	ics_schedule_stamp(stamp, sizeof(stamp), s);
	ics_begin(fp);
	ics_events(fp, s, f, stamp, &b, &v);
	ics_end(fp);
	sbuf_free(&b);
	sbuf_free(&v);
	return fflush(fp) == 0 && !ferror(fp);
}

/*
 * export --format ics (§14): every event, then the days of the plan
 * period that differ from an ordinary Monday-Friday week (holidays,
 * make-up working days, the plan's closed and open days, with the sites
 * of those that apply to some only), so that a calendar program shows the
 * working-day calendar beside the events.
 */
static bool
ics_export(FILE *fp, const struct plan *p, const struct schedule *s,
    const char *lang)
{
	struct sbuf b = { 0 }, v = { 0 };
	struct cal_row *rows;
	struct arena a;
	char stamp[32];
	size_t n = 0;

	(void)lang;
	ics_schedule_stamp(stamp, sizeof(stamp), s);
	ics_begin(fp);
	ics_events(fp, s, NULL, stamp, &b, &v);
	if (p->has_period && span_ok(p->period)) {
		arena_init(&a);
		rows = plan_calendar_rows(p, p->period, &a, &n);
		ics_day_rows(fp, rows, n, stamp, ics_tag(p->file), &b, &v);
		arena_release(&a);
	}
	ics_end(fp);
	sbuf_free(&b);
	sbuf_free(&v);
	return fflush(fp) == 0 && !ferror(fp);
}

const struct renderer render_ics = { "ics", ics_schedule, ics_export };
