/* render_html.c - export as one standalone, printable XHTML page: the document, then the timeline as inline SVG. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "esc.h"
#include "plan.h"
#include "render.h"
#include "render_doc.h"
#include "render_svg.h"
#include "render_util.h"
#include "sched.h"

#define HTML_MAXCOLS	16
#define HTML_MAXDEPTH	16

struct html {
	FILE		*fp;
	bool		 meta;		/* the next paragraph is the heading's */
	bool		 in_row;
	size_t		 col, ncols;
	bool		 right[HTML_MAXCOLS];
	int		 depth;		/* lists open */
	bool		 ordered[HTML_MAXDEPTH];
};

/* Inline: no external assets. A4 when printed. */
static const char html_style[] =
    "@page { size: A4; margin: 20mm 18mm; }\n"
    "html { font-family: " RS_FONT_STACK "; color: #222; "
    "background: #fff; }\n"
    "body { max-width: 180mm; margin: 0 auto; padding: 10mm 6mm; "
    "font-size: 15px; line-height: 1.7; }\n"
    "h1 { font-size: 1.55em; text-align: center; margin: 0 0 .6em; "
    "line-height: 1.4; }\n"
    "h2 { font-size: 1.22em; margin: 1.3em 0 .5em; }\n"
    "h3 { font-size: 1.04em; margin: 1em 0 .4em; }\n"
    "p { margin: .4em 0; }\n"
    "p.meta { text-align: center; color: #444; margin-bottom: 1.2em; }\n"
    "table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; "
    "font-size: .94em; }\n"
    "th, td { border: 1px solid #999; padding: .25em .5em; "
    "text-align: left; vertical-align: top; }\n"
    "th { background: #eef0f3; }\n"
    "th.num, td.num { text-align: right; }\n"
    "ol, ul { margin: .3em 0; padding-left: 1.8em; }\n"
    "li { margin: .1em 0; }\n"
    "li > ul { list-style: circle; }\n"
    "figure { margin: 1em 0; }\n"
    "@page timeline { size: A4 landscape; margin: 15mm; }\n"
    "figure svg { display: block; max-width: 100%; height: auto; }\n"
    "@media print {\n"
    "  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }\n"
    "  h2, h3 { break-after: avoid; page-break-after: avoid; }\n"
    "  tr, li li, figure { break-inside: avoid; page-break-inside: avoid; }\n"
    "  section.timeline { page: timeline; }\n"
    "  th { background: #eef0f3; -webkit-print-color-adjust: exact; "
    "print-color-adjust: exact; }\n"
    "  figure svg { -webkit-print-color-adjust: exact; "
    "print-color-adjust: exact; }\n"
    "}\n";

static void
html_text(void *ctx, const char *s)
{
	struct html *h = ctx;

	esc_xml(h->fp, s);
}

static void
html_begin(void *ctx, const char *title, bool en)
{
	struct html *h = ctx;
	const char *lang = en ? "en" : "zh-CN";

	fprintf(h->fp, "<!DOCTYPE html>\n"
	    "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%s\" "
	    "xml:lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"/>\n<title>", lang, lang);
	esc_xml(h->fp, title);
	fprintf(h->fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<h1>", html_style);
	esc_xml(h->fp, title);
	fputs("</h1>\n", h->fp);
	h->meta = true;
}

static void
html_end(void *ctx)
{
	struct html *h = ctx;

	fputs("</body>\n</html>\n", h->fp);
}

static void
html_heading(void *ctx, int level, const char *text)
{
	struct html *h = ctx;

	fprintf(h->fp, "<h%d>", level);
	esc_xml(h->fp, text);
	fprintf(h->fp, "</h%d>\n", level);
}

static void
html_para(void *ctx)
{
	struct html *h = ctx;

	fputs(h->meta ? "<p class=\"meta\">" : "<p>", h->fp);
	h->meta = false;
}

static void
html_para_end(void *ctx)
{
	struct html *h = ctx;

	fputs("</p>\n", h->fp);
}

static void
html_line_break(void *ctx)
{
	struct html *h = ctx;

	fputs("<br/>\n", h->fp);
}

static void
html_list(void *ctx, bool ordered)
{
	struct html *h = ctx;

	if (h->depth > 0)
		putc('\n', h->fp);
	fputs(ordered ? "<ol>\n" : "<ul>\n", h->fp);
	if (h->depth < HTML_MAXDEPTH)
		h->ordered[h->depth] = ordered;
	h->depth++;
}

static void
html_item(void *ctx, unsigned number)
{
	struct html *h = ctx;

	(void)number;
	fputs("<li>", h->fp);
}

static void
html_item_end(void *ctx)
{
	struct html *h = ctx;

	fputs("</li>\n", h->fp);
}

static void
html_list_end(void *ctx)
{
	struct html *h = ctx;

	if (h->depth == 0)
		return;
	h->depth--;
	fputs(h->depth < HTML_MAXDEPTH && !h->ordered[h->depth] ? "</ul>\n" :
	    "</ol>\n", h->fp);
}

static void
html_table(void *ctx, size_t ncols, const char *const *head,
    const bool *right)
{
	struct html *h = ctx;
	size_t i;

	fputs("<table>\n<thead>\n<tr>", h->fp);
	h->ncols = ncols;
	for (i = 0; i < ncols; i++) {
		if (i < HTML_MAXCOLS)
			h->right[i] = right[i];
		fputs(right[i] ? "<th class=\"num\">" : "<th>", h->fp);
		esc_xml(h->fp, head[i]);
		fputs("</th>", h->fp);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", h->fp);
	h->in_row = false;
}

static void
html_cell(void *ctx, const char *text)
{
	struct html *h = ctx;

	if (!h->in_row) {
		fputs("<tr>", h->fp);
		h->in_row = true;
		h->col = 0;
	}
	fputs(h->col < HTML_MAXCOLS && h->right[h->col] ?
	    "<td class=\"num\">" : "<td>", h->fp);
	esc_xml(h->fp, text);
	fputs("</td>", h->fp);
	h->col++;
}

static void
html_row_end(void *ctx)
{
	struct html *h = ctx;

	fputs("</tr>\n", h->fp);
	h->in_row = false;
}

static void
html_table_end(void *ctx)
{
	struct html *h = ctx;

	fputs("</tbody>\n</table>\n", h->fp);
}

static void
html_timeline(void *ctx, const struct plan *p, const struct schedule *s,
    bool en)
{
	struct html *h = ctx;

	fprintf(h->fp, "<section class=\"timeline\">\n<h2>%s</h2>\n"
	    "<figure>\n", en ? "Appendix: timeline" : "附：工作进度图");
	svg_timeline(h->fp, p, s, en, false);
	fputs("</figure>\n</section>\n", h->fp);
}

static const struct doc_ops html_ops = {
	html_begin, html_end, html_heading, html_para, html_para_end,
	html_line_break, html_text, html_list, html_item, html_item_end,
	html_list_end, html_table, html_cell, html_row_end, html_table_end,
	html_timeline
};

bool
render_html_walk(FILE *fp, doc_walk walk, const void *arg, bool en)
{
	struct html h;

	memset(&h, 0, sizeof(h));
	h.fp = fp;
	walk(&html_ops, &h, arg, en);
	return fflush(fp) == 0 && !ferror(fp);
}

/* The plan's document: render_doc over the plan and its schedule. */
struct html_plan {
	const struct plan	*p;
	const struct schedule	*s;
};

static void
html_plan_walk(const struct doc_ops *o, void *ctx, const void *arg, bool en)
{
	const struct html_plan *x = arg;

	render_doc(o, ctx, x->p, x->s, en);
}

static bool
html_export(FILE *fp, const struct plan *p, const struct schedule *s,
    const char *lang)
{
	struct html_plan x = { p, s };

	return render_html_walk(fp, html_plan_walk, &x,
	    lang != NULL && strcmp(lang, "en") == 0);
}

const struct renderer render_html = { "html", NULL, html_export };
