/* render_table.c - the schedule for people: per plan and phase, aligned columns, then what is missing. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "esc.h"
#include "plan.h"
#include "render.h"
#include "render_util.h"
#include "sbuf.h"
#include "sched.h"
#include "sched_filter.h"

enum { COL_DATE, COL_WEEKDAY, COL_TITLE, COL_SITE, COL_PEOPLE, NCOLS };

#define TABLE_INDENT	"  "
#define TABLE_GAP	2

/* The cells of one row: each a NUL-terminated string in b, at off[]. */
struct row {
	struct sbuf	 b;
	size_t		 off[NCOLS], len[NCOLS];
};

static void
row_cell_start(struct row *r, int col)
{
	r->off[col] = r->b.n;
}

/* The cell ends; control characters in it become visible escapes. */
static void
row_cell_end(struct row *r, int col)
{
	size_t off = r->off[col], len = r->b.n - off;

	if (esc_has_control(r->b.p + off, len, false)) {
		struct sbuf t = { 0 };

		esc_text_sbuf(&t, r->b.p + off, len, false);
		r->b.n = off;
		sbuf_add(&r->b, t.p, t.n);
		sbuf_free(&t);
	}
	r->len[col] = r->b.n - off;
	sbuf_putc(&r->b, '\0');
}

/* Text of the plan, its control characters made visible. */
static void
put(FILE *fp, const char *s)
{
	esc_text(fp, s, false);
}

static void
row_fill(struct row *r, const struct schedule *s, const struct sched_event *e)
{
	const struct sched_series *sr = e->series;
	const struct plan *p = rs_plan(s, sr);
	char date[16];

	sbuf_clear(&r->b);
	rs_date(e->date, date);
	row_cell_start(r, COL_DATE);
	sbuf_puts(&r->b, date);
	if (e->end != e->date) {
		char end[16];

		/* The end without its year when the year is the same. */
		rs_date(e->end, end);
		sbuf_puts(&r->b, "..");
		sbuf_puts(&r->b, memcmp(date, end, 5) == 0 ? end + 5 : end);
	}
	row_cell_end(r, COL_DATE);
	row_cell_start(r, COL_WEEKDAY);
	sbuf_puts(&r->b, rs_weekday_abbr[date_weekday(e->date)]);
	row_cell_end(r, COL_WEEKDAY);
	row_cell_start(r, COL_TITLE);
	rs_title(&r->b, sr, e->occurrence);
	row_cell_end(r, COL_TITLE);
	row_cell_start(r, COL_SITE);
	sbuf_puts(&r->b, rs_site_name(p, sr->site));
	row_cell_end(r, COL_SITE);
	row_cell_start(r, COL_PEOPLE);
	rs_people_names(&r->b, p, sr);
	row_cell_end(r, COL_PEOPLE);
}

/* One row, padded to the widths; no spaces at the end of the line. */
static void
row_print(FILE *fp, const struct row *r, const size_t *width)
{
	size_t pad = 0, w;
	int c, last;

	for (last = NCOLS - 1; last > 0 && r->len[last] == 0; last--)
		continue;
	fputs(TABLE_INDENT, fp);
	for (c = 0; c <= last; c++) {
		while (pad-- > 0)
			putc(' ', fp);
		fwrite(r->b.p + r->off[c], 1, r->len[c], fp);
		w = rs_display_width(r->b.p + r->off[c], r->len[c]);
		pad = width[c] - w + TABLE_GAP;
	}
	putc('\n', fp);
}

static void
print_span(FILE *fp, struct span s)
{
	char a[16], b[16];

	rs_date(s.from, a);
	rs_date(s.to, b);
	fprintf(fp, "%s..%s", a, b);
}

static void
heading(FILE *fp, const struct plan *p, int32_t phase, bool mentorships)
{
	const struct phase *ph;

	if (phase < 0) {
		fputs(mentorships ? "mentorships\n" : "without a phase\n", fp);
		return;
	}
	ph = &p->phases[phase];
	fputs("phase ", fp);
	put(fp, ph->id);
	if (ph->name != NULL) {
		fputs(": ", fp);
		put(fp, ph->name);
	}
	fputs(" (", fp);
	print_span(fp, ph->period);
	fputs(")\n", fp);
}

static void
print_unplaced(FILE *fp, const struct schedule *s,
    const struct sched_filter *f, uint32_t plan, struct sbuf *b)
{
	const struct sched_unplaced *u;
	bool first = true;
	size_t i;

	for (i = 0; i < s->nunplaced; i++) {
		u = &s->unplaced[i];
		if (u->series->plan != plan ||
		    !sched_filter_match_span(f, s, u->series, u->window))
			continue;
		if (first)
			fputs("\nunplaced:\n", fp);
		first = false;
		sbuf_clear(b);
		rs_title(b, u->series, u->occurrence);
		fputs(TABLE_INDENT, fp);
		put(fp, u->series->id);
		fprintf(fp, "/%u ", u->occurrence);
		put(fp, b->p);
		fputs(", ", fp);
		print_span(fp, u->window);
		fputs(": ", fp);
		put(fp, u->reason != NULL ? u->reason : "");
		putc('\n', fp);
	}
}

static void
print_skipped(FILE *fp, const struct schedule *s,
    const struct sched_filter *f, uint32_t plan)
{
	const struct sched_skipped *k;
	const char *title;
	bool first = true;
	size_t i;

	for (i = 0; i < s->nskipped; i++) {
		k = &s->skipped[i];
		if (k->series->plan != plan ||
		    !sched_filter_match_span(f, s, k->series, k->period))
			continue;
		if (first)
			fputs("\nskipped:\n", fp);
		first = false;
		fputs(TABLE_INDENT, fp);
		put(fp, k->series->id);
		putc(' ', fp);
		title = sched_title(k->series);
		put(fp, title != NULL ? title : "");
		fputs(", ", fp);
		print_span(fp, k->period);
		fputs(": ", fp);
		put(fp, k->reason != NULL ? k->reason : "");
		putc('\n', fp);
	}
}

static void
print_quotas(FILE *fp, const struct schedule *s,
    const struct sched_filter *f, uint32_t plan)
{
	const struct sched_quota *q;
	const struct person *pe;
	const struct plan *p = s->plans[plan];
	bool first = true;
	size_t i;

	for (i = 0; i < s->nquotas; i++) {
		q = &s->quotas[i];
		if (q->plan != plan || !sched_filter_match_quota(f, s, q))
			continue;
		if (first)
			fputs("\nquotas:\n", fp);
		first = false;
		fputs(TABLE_INDENT, fp);
		if (q->person >= 0 && (uint32_t)q->person < p->npeople) {
			pe = &p->people[q->person];
			if (pe->name != NULL && strcmp(pe->name, pe->id) != 0) {
				put(fp, pe->name);
				fputs(" (", fp);
				put(fp, pe->id);
				fputs(") ", fp);
			} else {
				put(fp, pe->id);
				putc(' ', fp);
			}
		}
		print_span(fp, q->period);
		if (q->partner > 0 && (uint32_t)q->partner < p->norgs)
			fprintf(fp, " at %s", p->orgs[q->partner].id);
		fprintf(fp, ": %u %s%s, %u required", q->got,
		    q->unit == QU_DAYS ? "day" : "visit",
		    q->got == 1 ? "" : "s", q->required);
		if (q->got < q->required)
			fprintf(fp, ", short by %u", q->required - q->got);
		putc('\n', fp);
	}
}

/* The group of a series: its plan's groups start at base[plan]. */
static size_t
group_of(const struct schedule *s, const size_t *base,
    const struct sched_series *sr)
{
	uint32_t nph = s->plans[sr->plan]->nphases;

	return base[sr->plan] + (sr->phase >= 0 && (uint32_t)sr->phase < nph ?
	    (size_t)sr->phase : nph);
}

/*
 * Events grouped by plan, then by phase in phase order, events without a
 * phase (mentorships) last; within a group in schedule order. A counting
 * sort keeps that order.
 */
static size_t *
group_events(const struct schedule *s, const struct sched_filter *f,
    size_t **startp, size_t *ngroupsp, size_t **basep)
{
	size_t *base, *start, *order, ngroups = 0, i, g;

	if ((base = calloc(s->nplans + 1, sizeof(*base))) == NULL)
		arena_oom();
	for (i = 0; i < s->nplans; i++) {
		base[i] = ngroups;
		ngroups += s->plans[i]->nphases + 1;
	}
	base[s->nplans] = ngroups;
	if ((start = calloc(ngroups + 1, sizeof(*start))) == NULL ||
	    (order = calloc(s->nevents + 1, sizeof(*order))) == NULL)
		arena_oom();
	for (i = 0; i < s->nevents; i++)
		if (sched_filter_match(f, s, &s->events[i]))
			start[group_of(s, base, s->events[i].series) + 1]++;
	for (g = 0; g < ngroups; g++)
		start[g + 1] += start[g];
	for (i = 0; i < s->nevents; i++)
		if (sched_filter_match(f, s, &s->events[i]))
			order[start[group_of(s, base,
			    s->events[i].series)]++] = i;
	/* start[g] is now the end of group g: shift back to starts. */
	for (g = ngroups; g > 0; g--)
		start[g] = start[g - 1];
	start[0] = 0;
	*startp = start;
	*ngroupsp = ngroups;
	*basep = base;
	return order;
}

static bool
table_schedule(FILE *fp, const struct schedule *s,
    const struct sched_filter *f)
{
	size_t *order, *start, *base, ngroups, width[NCOLS] = { 0 };
	size_t g, i, c, w;
	struct row r;
	const struct plan *p;
	bool mentorships, any;
	uint32_t pl;
	int32_t ph;

	memset(&r, 0, sizeof(r));
	order = group_events(s, f, &start, &ngroups, &base);
	for (i = 0; i < start[ngroups]; i++) {
		row_fill(&r, s, &s->events[order[i]]);
		for (c = 0; c < NCOLS; c++) {
			w = rs_display_width(r.b.p + r.off[c], r.len[c]);
			if (w > width[c])
				width[c] = w;
		}
	}
	for (pl = 0; pl < s->nplans; pl++) {
		p = s->plans[pl];
		if (s->nplans > 1) {
			fprintf(fp, "%s== ", pl > 0 ? "\n" : "");
			put(fp, p->file);
			putc('\n', fp);
		}
		any = false;
		for (g = base[pl]; g < base[pl + 1]; g++) {
			if (start[g] == start[g + 1])
				continue;
			mentorships = true;
			for (i = start[g]; i < start[g + 1]; i++)
				if (s->events[order[i]].series->type !=
				    SCHED_MENT)
					mentorships = false;
			if (any || s->nplans > 1)
				putc('\n', fp);
			any = true;
			ph = g - base[pl] < p->nphases ?
			    (int32_t)(g - base[pl]) : -1;
			heading(fp, p, ph, mentorships);
			for (i = start[g]; i < start[g + 1]; i++) {
				row_fill(&r, s, &s->events[order[i]]);
				row_print(fp, &r, width);
			}
		}
		if (!any)
			fputs(s->nplans > 1 ? "\nno events\n" : "no events\n",
			    fp);
		print_unplaced(fp, s, f, pl, &r.b);
		print_skipped(fp, s, f, pl);
		print_quotas(fp, s, f, pl);
	}
	sbuf_free(&r.b);
	free(order);
	free(start);
	free(base);
	return fflush(fp) == 0 && !ferror(fp);
}

const struct renderer render_table = { "table", table_schedule, NULL };
