/* render_csv.c - the events of a schedule as RFC 4180 CSV: a header row, CRLF line ends. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "esc.h"
#include "plan.h"
#include "render.h"
#include "render_util.h"
#include "sbuf.h"
#include "sched.h"
#include "sched_filter.h"

static void
csv_uint(FILE *fp, uint32_t n)
{
	fprintf(fp, ",%u", n);
}

static void
csv_event(FILE *fp, const struct schedule *s, const struct sched_event *e,
    struct sbuf *b)
{
	const struct sched_series *sr = e->series;
	const struct plan *p = rs_plan(s, sr);
	char date[16], end[16];
	uint32_t i, n = 0;
	int32_t k;

	rs_date(e->date, date);
	rs_date(e->end, end);
	esc_csv_field(fp, p->file, true);
	sbuf_clear(b);
	sbuf_printf(b, "%s/%u", sr->id, e->occurrence);
	esc_csv_field(fp, b->p, false);
	esc_csv_field(fp, sched_activity(sr), false);
	esc_csv_field(fp, sched_title(sr), false);
	esc_csv_field(fp, sched_kind(sr), false);
	esc_csv_field(fp, rs_phase_id(p, sr->phase), false);
	esc_csv_field(fp, rs_org_id(p, sr->partner), false);
	esc_csv_field(fp, rs_org_id(p, sr->site), false);
	esc_csv_field(fp, date, false);
	esc_csv_field(fp, end, false);
	esc_csv_field(fp, date_weekday_names[date_weekday(e->date)], false);
	sbuf_clear(b);
	for (i = 0; i < sr->npeople; i++) {
		k = sr->people[i];
		if (k < 0 || (uint32_t)k >= p->npeople)
			continue;
		if (n++ > 0)
			sbuf_putc(b, ';');
		sbuf_puts(b, p->people[k].id);
	}
	esc_csv_field(fp, n > 0 ? b->p : NULL, false);
	esc_csv_field(fp, e->fixed ? "true" : "false", false);
	csv_uint(fp, e->occurrence);
	csv_uint(fp, sr->of);
	fputs("\r\n", fp);
}

static bool
csv_schedule(FILE *fp, const struct schedule *s,
    const struct sched_filter *f)
{
	struct sbuf b = { 0 };
	size_t i;

	fputs("plan,id,activity,title,kind,phase,partner,site,date,end,"
	    "weekday,people,fixed,occurrence,of\r\n", fp);
	for (i = 0; i < s->nevents; i++)
		if (sched_filter_match(f, s, &s->events[i]))
			csv_event(fp, s, &s->events[i], &b);
	sbuf_free(&b);
	return fflush(fp) == 0 && !ferror(fp);
}

const struct renderer render_csv = { "csv", csv_schedule, NULL };
