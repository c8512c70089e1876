/* render_svg.c - export as SVG: a Gantt timeline of phases and events per site, month grid, legend by kind. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "date.h"
#include "esc.h"
#include "l10n.h"
#include "plan.h"
#include "render.h"
#include "render_svg.h"
#include "render_util.h"
#include "sbuf.h"
#include "sched.h"

#define PAD		16
#define TITLE_H		36
#define MONTHS_H	22
#define PHASES_H	28
#define ROW_H		26
#define LEGEND_H	22
#define FONT		12	/* px: labels */
#define SMALL		11	/* px: month labels */
#define LABEL_MIN	80
#define LABEL_MAX	240
#define MONTH_W		72	/* px a month, when the plan is short */
#define CHART_W		1584	/* px the months share when it is long */
#define MONTH_LABEL_W	62	/* px a month label needs */

/* The geometry of one chart. */
struct tl {
	FILE		*fp;
	const struct plan *p;
	bool		 en;
	int		 y0, m0;	/* first month */
	int		 nmonths;
	int		 mw;		/* px a month */
	int		 x0;		/* left of the chart */
	int		 top;		/* top of the month labels */
	int		 nrows;		/* host, partners, online */
	bool		 online;
	struct sbuf	 b;
};

/* Width in px of text at size px: wide characters 1em, others 0.6em. */
static double
text_px(const char *s, int px)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t k, len = (utf8proc_ssize_t)strlen(s);
	utf8proc_int32_t c;
	double w = 0;

	while (len > 0) {
		if ((k = utf8proc_iterate(p, len, &c)) <= 0)
			k = 1, c = '?';
		w += utf8proc_charwidth(c) >= 2 ? px : px * 0.6;
		p += k;
		len -= k;
	}
	return w;
}

/* s cut to fit max px at size px, with "…" when cut; into b. */
static void
fit(struct sbuf *b, const char *s, double max, int px)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t k, len = (utf8proc_ssize_t)strlen(s);
	utf8proc_int32_t c;
	double w = 0, cw;

	sbuf_clear(b);
	if (text_px(s, px) <= max) {
		sbuf_puts(b, s);
		return;
	}
	max -= px;			/* room for the ellipsis */
	while (len > 0) {
		if ((k = utf8proc_iterate(p, len, &c)) <= 0)
			break;
		cw = utf8proc_charwidth(c) >= 2 ? px : px * 0.6;
		if (w + cw > max)
			break;
		w += cw;
		sbuf_add(b, (const char *)p, (size_t)k);
		p += k;
		len -= k;
	}
	sbuf_puts(b, "…");
}

/* x of the start of day d; days past the chart stick to its ends. */
static double
xday(const struct tl *t, day_t d)
{
	int y, m, dd, mi;

	date_to_civil(d, &y, &m, &dd);
	mi = (y - t->y0) * 12 + (m - t->m0);
	if (mi < 0)
		return t->x0;
	if (mi >= t->nmonths)
		return t->x0 + (double)t->nmonths * t->mw;
	return t->x0 + (double)mi * t->mw +
	    (double)(dd - 1) * t->mw / date_days_in_month(y, m);
}

static const char *
row_label(const struct tl *t, int row)
{
	if (row < (int)t->p->norgs)
		return rs_site_name(t->p, row);
	return t->en ? "online" : "线上";
}

/* The row of an event: its site, or the online row. */
static int
row_of(const struct tl *t, const struct sched_series *sr)
{
	if (sr->site >= 0 && (uint32_t)sr->site < t->p->norgs)
		return sr->site;
	return (int)t->p->norgs;
}

static int
row_y(const struct tl *t, int row)
{
	return t->top + MONTHS_H + PHASES_H + row * ROW_H;
}

static void
text_el(struct tl *t, double x, double y, const char *attrs,
    const char *s)
{
	fprintf(t->fp, "<text x=\"%.1f\" y=\"%.1f\"%s>", x, y, attrs);
	esc_xml(t->fp, s);
	fputs("</text>\n", t->fp);
}

static void
draw_months(struct tl *t)
{
	int i, y, m, step, bottom = row_y(t, t->nrows);
	double x;

	step = t->mw >= MONTH_LABEL_W ? 1 :
	    (MONTH_LABEL_W + t->mw - 1) / t->mw;
	fputs("<g class=\"months\">\n", t->fp);
	for (i = 0; i <= t->nmonths; i++) {
		y = t->y0 + (t->m0 - 1 + i) / 12;
		m = (t->m0 - 1 + i) % 12 + 1;
		x = t->x0 + (double)i * t->mw;
		fprintf(t->fp, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
		    "y2=\"%d\" stroke=\"%s\" stroke-width=\"1\"/>\n", x, t->top,
		    x, bottom, m == 1 || i == 0 || i == t->nmonths ? "#888" :
		    "#d4d4d4");
		if (i == t->nmonths || i % step != 0)
			continue;
		sbuf_clear(&t->b);
		l10n_month(&t->b, y, m, t->en, true);
		text_el(t, x + 3, t->top + 15, " font-size=\"11\" "
		    "fill=\"#444\"", t->b.p);
	}
	fputs("</g>\n", t->fp);
}

/* 第三阶段, Phase 3 (i is 0-based), onto t->b. */
static void
phase_number(struct tl *t, uint32_t i)
{
	if (t->en)
		sbuf_printf(&t->b, "Phase %u", i + 1);
	else {
		sbuf_puts(&t->b, "第");
		l10n_cn_number(&t->b, i + 1);
		sbuf_puts(&t->b, "阶段");
	}
}

static void
draw_phases(struct tl *t)
{
	static const char *const band[2] = { "#eef3fb", "#fbf4e8" };
	static const char *const head[2] = { "#c8d8f0", "#f2dcb3" };
	const struct phase *ph;
	struct sbuf name = { 0 };
	int ytop = t->top + MONTHS_H, bottom = row_y(t, t->nrows);
	double x1, x2;
	uint32_t i;

	fputs("<g class=\"phases\">\n", t->fp);
	for (i = 0; i < t->p->nphases; i++) {
		ph = &t->p->phases[i];
		x1 = xday(t, ph->period.from);
		x2 = xday(t, ph->period.to + 1);
		if (x2 <= x1)
			continue;
		fprintf(t->fp, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
		    "height=\"%d\" fill=\"%s\"/>\n", x1, ytop + PHASES_H,
		    x2 - x1, bottom - ytop - PHASES_H, band[i % 2]);
		fprintf(t->fp, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
		    "height=\"%d\" fill=\"%s\" rx=\"3\">", x1 + 1, ytop + 3,
		    x2 - x1 - 2, PHASES_H - 6, head[i % 2]);
		/* The full name as a tooltip. */
		sbuf_clear(&t->b);
		phase_number(t, i);
		if (ph->name != NULL)
			sbuf_printf(&t->b, "%s%s", t->en ? ": " : "：",
			    ph->name);
		sbuf_puts(&t->b, t->en ? " (" : "（");
		l10n_span(&t->b, ph->period, t->en);
		sbuf_puts(&t->b, t->en ? ")" : "）");
		fputs("<title>", t->fp);
		esc_xml(t->fp, t->b.p);
		fputs("</title></rect>\n", t->fp);
		/* The name in the band, cut to fit. */
		sbuf_clear(&t->b);
		if (ph->name != NULL)
			sbuf_puts(&t->b, ph->name);
		else
			phase_number(t, i);
		fit(&name, t->b.p, x2 - x1 - 10, FONT);
		if (name.n > 0 && strcmp(name.p, "…") != 0)
			text_el(t, x1 + 5, ytop + PHASES_H / 2 + 4,
			    " font-size=\"12\" fill=\"#223\"", name.p);
	}
	fputs("</g>\n", t->fp);
	sbuf_free(&name);
}

static void
draw_rows(struct tl *t, int label_w)
{
	struct sbuf name = { 0 };
	int r, y;

	fputs("<g class=\"rows\">\n", t->fp);
	y = t->top + MONTHS_H;
	fit(&name, t->en ? "Phases" : "阶段", label_w - 8, FONT);
	text_el(t, PAD, y + PHASES_H / 2 + 4, " font-size=\"12\" "
	    "font-weight=\"bold\" fill=\"#223\"", name.p);
	for (r = 0; r < t->nrows; r++) {
		y = row_y(t, r);
		fprintf(t->fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" "
		    "y2=\"%d\" stroke=\"#d4d4d4\" stroke-width=\"1\"/>\n", PAD,
		    y, t->x0 + (double)t->nmonths * t->mw, y);
		fit(&name, row_label(t, r), label_w - 8, FONT);
		text_el(t, PAD, y + ROW_H / 2 + 4, r == 0 ?
		    " font-size=\"12\" font-weight=\"bold\" fill=\"#222\"" :
		    " font-size=\"12\" fill=\"#222\"", name.p);
	}
	y = row_y(t, t->nrows);
	fprintf(t->fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
	    "stroke=\"#888\" stroke-width=\"1\"/>\n", PAD, y,
	    t->x0 + (double)t->nmonths * t->mw, y);
	fputs("</g>\n", t->fp);
	sbuf_free(&name);
}

static void
draw_events(struct tl *t, const struct schedule *s, bool *used)
{
	const struct sched_event *e;
	const struct sched_series *sr;
	double x1, x2, cy;
	size_t i;
	int kind;

	fputs("<g class=\"events\" stroke=\"#333\" stroke-width=\"0.5\">\n",
	    t->fp);
	for (i = 0; i < s->nevents; i++) {
		e = &s->events[i];
		sr = e->series;
		if (rs_plan(s, sr) != t->p)
			continue;
		kind = rs_series_kind(sr);
		used[kind] = true;
		cy = row_y(t, row_of(t, sr)) + ROW_H / 2.0;
		x1 = xday(t, e->date);
		x2 = xday(t, e->end + 1);
		if (e->end > e->date && x2 - x1 >= 4)
			fprintf(t->fp, "<rect x=\"%.1f\" y=\"%.1f\" "
			    "width=\"%.1f\" height=\"10\" rx=\"2\" "
			    "fill=\"%s\">", x1, cy - 5, x2 - x1,
			    plan_kind_colour(kind));
		else
			fprintf(t->fp, "<rect x=\"%.1f\" y=\"%.1f\" "
			    "width=\"4\" height=\"14\" rx=\"1\" fill=\"%s\">",
			    (x1 + x2) / 2 - 2, cy - 7, plan_kind_colour(kind));
		sbuf_clear(&t->b);
		if (e->end > e->date) {
			l10n_span(&t->b, (struct span){ e->date, e->end },
			    t->en);
		} else
			l10n_day(&t->b, e->date, t->en, true);
		sbuf_puts(&t->b, t->en ? ": " : "：");
		rs_title(&t->b, sr, e->occurrence);
		fputs("<title>", t->fp);
		esc_xml(t->fp, t->b.p);
		fputs("</title></rect>\n", t->fp);
	}
	fputs("</g>\n", t->fp);
}

/* The legend's items, flowed into lines no wider than width. */
static int
legend(struct tl *t, const bool *used, int y, int width, bool draw)
{
	const char *head = t->en ? "Activity kinds:" : "活动类型：";
	double x = PAD, w;
	int k, lines = 1;

	if (draw)
		text_el(t, x, y + 11, " font-size=\"12\" fill=\"#444\"", head);
	x += text_px(head, FONT) + 10;
	for (k = 0; k < K__COUNT; k++) {
		if (!used[k])
			continue;
		w = 14 + text_px(plan_kind_label(k, t->en), FONT) + 16;
		if (x + w > width - PAD && x > PAD + 120) {
			x = PAD + text_px(head, FONT) + 10;
			y += LEGEND_H;
			lines++;
		}
		if (draw) {
			fprintf(t->fp, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" "
			    "height=\"10\" rx=\"1\" fill=\"%s\" "
			    "stroke=\"#333\" stroke-width=\"0.5\"/>\n", x, y + 2,
			    plan_kind_colour(k));
			text_el(t, x + 14, y + 11, " font-size=\"12\" "
			    "fill=\"#222\"", plan_kind_label(k, t->en));
		}
		x += w;
	}
	return lines;
}

void
svg_timeline(FILE *fp, const struct plan *p, const struct schedule *s,
    bool en, bool heading)
{
	bool used[K__COUNT] = { false };
	struct tl t;
	int label_w = LABEL_MIN, y1, m1, d, r, width, height, lines;
	double w;
	size_t i;

	memset(&t, 0, sizeof(t));
	t.fp = fp;
	t.p = p;
	t.en = en;
	date_to_civil(p->period.from, &t.y0, &t.m0, &d);
	date_to_civil(p->period.to, &y1, &m1, &d);
	t.nmonths = (y1 - t.y0) * 12 + (m1 - t.m0) + 1;
	if (t.nmonths < 1)
		t.nmonths = 1;
	t.mw = t.nmonths * MONTH_W <= CHART_W ? MONTH_W : CHART_W / t.nmonths;
	if (t.mw < 4)
		t.mw = 4;
	for (i = 0; i < s->nevents; i++)
		if (rs_plan(s, s->events[i].series) == p &&
		    s->events[i].series->site < 0)
			t.online = true;
	t.nrows = (int)p->norgs + (t.online ? 1 : 0);
	for (r = 0; r < t.nrows; r++) {
		w = text_px(row_label(&t, r), FONT) + 16;
		if (w > label_w)
			label_w = w > LABEL_MAX ? LABEL_MAX : (int)w + 1;
	}
	t.x0 = PAD + label_w;
	t.top = heading ? PAD + TITLE_H : PAD;
	width = t.x0 + t.nmonths * t.mw + PAD;
	if (width < 480)
		width = 480;
	/* The legend's kinds, then its height. */
	for (i = 0; i < s->nevents; i++)
		if (rs_plan(s, s->events[i].series) == p)
			used[rs_series_kind(s->events[i].series)] = true;
	lines = legend(&t, used, 0, width, false);
	height = row_y(&t, t.nrows) + 14 + lines * LEGEND_H + PAD;

	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
	    "font-family=\"%s\" role=\"img\">\n", width, height, width, height,
	    RS_FONT_STACK);
	fputs("<title>", fp);
	esc_xml(fp, p->title != NULL ? p->title : "");
	fputs(en ? " — timeline</title>\n" : "：工作进度图</title>\n", fp);
	fprintf(fp, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" "
	    "fill=\"#ffffff\"/>\n", width, height);
	if (heading) {
		struct sbuf title = { 0 };

		fit(&title, p->title != NULL ? p->title : "",
		    width - 2 * PAD, 16);
		text_el(&t, PAD, PAD + 16, " font-size=\"16\" "
		    "font-weight=\"bold\" fill=\"#111\"", title.p);
		sbuf_clear(&t.b);
		sbuf_puts(&t.b, en ? "Timeline, " : "工作进度图，");
		l10n_span(&t.b, p->period, en);
		text_el(&t, PAD, PAD + 32, " font-size=\"12\" fill=\"#555\"",
		    t.b.p);
		sbuf_free(&title);
	}
	draw_phases(&t);
	draw_months(&t);
	draw_rows(&t, label_w);
	memset(used, 0, sizeof(used));
	draw_events(&t, s, used);
	legend(&t, used, row_y(&t, t.nrows) + 14, width, true);
	fputs("</svg>\n", fp);
	sbuf_free(&t.b);
}

static bool
svg_export(FILE *fp, const struct plan *p, const struct schedule *s,
    const char *lang)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
	svg_timeline(fp, p, s, lang != NULL && strcmp(lang, "en") == 0, true);
	return fflush(fp) == 0 && !ferror(fp);
}

const struct renderer render_svg = { "svg", NULL, svg_export };
