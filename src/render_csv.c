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

/*
 * Whether a spreadsheet would read the cell as a formula: it starts with
 * =, +, -, @, a tab or a carriage return (the plan "-" of standard input
 * is the one exception: alone, a minus is text).
 */
static bool
csv_formula(const char *s)
{
	return (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL) &&
	    strcmp(s, "-") != 0;
}

/*
 * A field, quoted when it holds a comma, a quote, CR or LF; NULL is
 * empty. A field a spreadsheet would take for a formula gets a leading
 * apostrophe, which makes it text; control characters other than tab,
 * newline and carriage return are written as visible escapes.
 */
static void
csv_field(FILE *fp, const char *s, bool first)
{
	struct sbuf b = { 0 };
	const char *p;

	if (!first)
		putc(',', fp);
	if (s == NULL)
		return;
	if (csv_formula(s) || esc_has_control(s, strlen(s), true)) {
		if (csv_formula(s))
			sbuf_putc(&b, '\'');
		esc_text_sbuf(&b, s, strlen(s), true);
		s = b.p;
	}
	if (strpbrk(s, ",\"\r\n") == NULL)
		fputs(s, fp);
	else {
		putc('"', fp);
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				putc('"', fp);
			putc(*p, fp);
		}
		putc('"', fp);
	}
	sbuf_free(&b);
}

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
	csv_field(fp, p->file, true);
	sbuf_clear(b);
	sbuf_printf(b, "%s/%u", sr->id, e->occurrence);
	csv_field(fp, b->p, false);
	csv_field(fp, sr->activity, false);
	csv_field(fp, sr->title, false);
	csv_field(fp, sr->kind, false);
	csv_field(fp, rs_phase_id(p, sr->phase), false);
	csv_field(fp, rs_org_id(p, sr->partner), false);
	csv_field(fp, rs_org_id(p, sr->site), false);
	csv_field(fp, date, false);
	csv_field(fp, end, false);
	csv_field(fp, date_weekday_names[date_weekday(e->date)], false);
	sbuf_clear(b);
	for (i = 0; i < sr->npeople; i++) {
		k = sr->people[i];
		if (k < 0 || (uint32_t)k >= p->npeople)
			continue;
		if (n++ > 0)
			sbuf_putc(b, ';');
		sbuf_puts(b, p->people[k].id);
	}
	csv_field(fp, n > 0 ? b->p : NULL, false);
	csv_field(fp, e->fixed ? "true" : "false", false);
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
