/* report_html.c - the county view as one printable HTML page (A4): tables, a bar per partner, a month strip per person. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "esc.h"
#include "l10n.h"
#include "render_util.h"
#include "report.h"
#include "report_text.h"
#include "sbuf.h"

static const char css[] =
    "* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "body { font-family: " RS_FONT_STACK "; font-size: 10.5pt; color: #222;"
    " margin: 8mm auto; line-height: 1.45; }\n"
    "h1 { font-size: 18pt; margin: 0 0 4pt; }\n"
    "h2 { font-size: 13pt; margin: 16pt 0 6pt; padding-bottom: 2pt;"
    " border-bottom: 1.5pt solid #444; break-after: avoid; }\n"
    "p.note { color: #555; font-size: 9pt; margin: 2pt 0 6pt; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt;"
    " font-size: 9.5pt; }\n"
    "thead { display: table-header-group; }\n"
    "tr { break-inside: avoid; }\n"
    "th, td { border: 0.5pt solid #999; padding: 2pt 4pt;"
    " vertical-align: middle; }\n"
    "th { background: #e8e8e8; text-align: left; font-weight: bold; }\n"
    "td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
    "td.n { white-space: nowrap; }\n"
    "table.partners { font-size: 8.5pt; }\n"
    "table.partners th, table.partners td { padding: 2pt 3pt; }\n"
    "td.id { color: #666; font-size: 8.5pt; }\n"
    ".cards { display: flex; flex-wrap: wrap; gap: 4pt; margin: 4pt 0; }\n"
    ".card { border: 0.5pt solid #999; padding: 3pt 6pt; min-width: 27mm; }\n"
    ".card b { display: block; font-size: 15pt; }\n"
    ".card.warn { background: #fde0dd; border-color: #b10026; }\n"
    ".bar { position: relative; height: 9pt; width: 20mm;"
    " background: #f2f2f2; border: 0.5pt solid #bbb; }\n"
    ".bar span { position: absolute; left: 0; top: 0; bottom: 0; }\n"
    ".bar .planned { background: #9ecae1; }\n"
    ".bar .held { background: #2171b5; }\n"
    "tr.flag td { background: #fde0dd; }\n"
    ".flag-text { color: #b10026; font-weight: bold; min-width: 24mm; }\n"
    "td.names { min-width: 30mm; }\n"
    ".months { display: flex; align-items: flex-end; height: 16pt;"
    " gap: 1px; }\n"
    ".months span { display: inline-block; width: 4pt;"
    " background: #2171b5; }\n"
    ".months span.zero { background: #e0e0e0; height: 1px; }\n"
    ".legend span { display: inline-block; width: 8pt; height: 8pt;"
    " margin: 0 2pt 0 8pt; vertical-align: middle; }\n";

static void
h_text(FILE *fp, const char *s)
{
	esc_xml(fp, s != NULL ? s : "");
}

/* <td>TEXT</td> */
static void
h_td(FILE *fp, const char *cls, const char *s)
{
	if (cls != NULL)
		fprintf(fp, "<td class=\"%s\">", cls);
	else
		fputs("<td>", fp);
	h_text(fp, s);
	fputs("</td>", fp);
}

static void
h_num(FILE *fp, uint64_t n)
{
	char buf[SBUF_UDIGITS];
	char *p = sbuf_udec(buf + sizeof(buf), n);

	fputs("<td class=\"n\">", fp);
	fwrite(p, 1, (size_t)(buf + sizeof(buf) - p), fp);
	fputs("</td>", fp);
}

static void
h_th(FILE *fp, const char *s, bool num)
{
	fputs(num ? "<th class=\"n\">" : "<th>", fp);
	h_text(fp, s);
	fputs("</th>", fp);
}

/* A width in per cent of the whole, one decimal, from integers only. */
static void
h_percent_sbuf(struct sbuf *b, uint32_t part, uint32_t whole)
{
	uint64_t pm = whole > 0 ? (uint64_t)part * 1000 / whole : 0;

	sbuf_putu(b, pm / 10);
	sbuf_putc(b, '.');
	sbuf_putu(b, pm % 10);
	sbuf_putc(b, '%');
}

static void
h_percent(FILE *fp, uint32_t part, uint32_t whole)
{
	uint64_t pm = whole > 0 ? (uint64_t)part * 1000 / whole : 0;
	char buf[SBUF_UDIGITS + 3], *end = buf + sizeof(buf) - 3, *p;

	p = sbuf_udec(end, pm / 10);
	end[0] = '.';
	end[1] = (char)('0' + pm % 10);
	end[2] = '%';
	fwrite(p, 1, (size_t)(buf + sizeof(buf) - p), fp);
}

static void
h_card(FILE *fp, const char *label, uint64_t n, bool warn)
{
	fprintf(fp, "<div class=\"card%s\"><b>%llu</b>", warn && n > 0 ?
	    " warn" : "", (unsigned long long)n);
	h_text(fp, label);
	fputs("</div>\n", fp);
}

static void
h_totals(FILE *fp, const struct report *r, const struct report_words *w)
{
	fputs("<h2>", fp);
	h_text(fp, w->totals);
	fputs("</h2>\n<div class=\"cards\">\n", fp);
	h_card(fp, w->t_plans, r->nplans, false);
	h_card(fp, w->t_with_errors, r->with_errors, true);
	h_card(fp, w->t_hosts, r->nhosts, false);
	h_card(fp, w->t_partners, r->npartners, false);
	h_card(fp, w->t_flagged, r->flagged, true);
	h_card(fp, w->t_people, r->npeople, false);
	h_card(fp, w->t_events, r->total.events, false);
	h_card(fp, w->t_due, r->total.due, false);
	h_card(fp, w->t_held, r->total.held, false);
	h_card(fp, w->t_overdue, r->total.overdue, true);
	h_card(fp, w->t_unplaced, r->unplaced, true);
	h_card(fp, w->t_quotas, r->quotas_short, true);
	fputs("</div>\n<p class=\"note\">", fp);
	h_text(fp, w->columns_note);
	fputs("</p>\n", fp);
}

static void
h_partners(FILE *fp, const struct report *r, const struct report_words *w,
    bool en, struct sbuf *b)
{
	const struct report_term *t;
	uint32_t most = 0;
	size_t i;
	int sem;

	for (i = 0; i < r->npartners; i++)
		if (r->partners[i].c.events > most)
			most = r->partners[i].c.events;
	fputs("<h2>", fp);
	h_text(fp, w->partners);
	fputs("</h2>\n<p class=\"note\">", fp);
	h_text(fp, w->partners_note);
	fputs("<span class=\"legend\"><span style=\"background:#9ecae1\">"
	    "</span>", fp);
	h_text(fp, w->visits);
	fputs("<span style=\"background:#2171b5\"></span>", fp);
	h_text(fp, w->c_held);
	fputs("</span></p>\n<table class=\"partners\">\n<thead><tr>", fp);
	h_th(fp, w->partner, false);
	h_th(fp, w->hosts, false);
	for (sem = r->sem_first; sem <= r->sem_last; sem++) {
		sbuf_clear(b);
		report_semester_name(b, sem, en);
		h_th(fp, b->p, true);
	}
	h_th(fp, w->total, true);
	h_th(fp, w->visits, false);
	h_th(fp, w->c_overdue, true);
	h_th(fp, w->state, false);
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (i = 0; i < r->npartners; i++) {
		const struct report_partner *p = &r->partners[i];

		fprintf(fp, "<tr%s><td>", p->flag != RF_OK ?
		    " class=\"flag\"" : "");
		h_text(fp, p->name);
		fputs("<br><span class=\"id\">", fp);
		h_text(fp, p->id);
		fputs("</span></td>", fp);
		sbuf_clear(b);
		report_names(b, r, p->hosts, p->nhosts, en);
		h_td(fp, "names", b->p);
		for (sem = r->sem_first; sem <= r->sem_last; sem++) {
			sbuf_clear(b);
			if ((t = report_term(p, sem)) != NULL)
				report_term_text(b, t, en);
			else
				sbuf_puts(b, w->none);
			h_td(fp, "n", b->p);
		}
		h_num(fp, p->c.events);
		fputs("<td><div class=\"bar\"><span class=\"planned\" "
		    "style=\"width:", fp);
		h_percent(fp, p->c.events, most);
		fputs("\"></span><span class=\"held\" style=\"width:", fp);
		h_percent(fp, p->c.held, most);
		fputs("\"></span></div></td>", fp);
		h_num(fp, p->c.overdue);
		sbuf_clear(b);
		report_flag_text(b, r, p, en);
		fputs("<td class=\"flag-text\">", fp);
		h_text(fp, b->p);
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

static void
h_hosts(FILE *fp, const struct report *r, const struct report_words *w,
    bool en, struct sbuf *b)
{
	size_t i;

	fputs("<h2>", fp);
	h_text(fp, w->hosts_h);
	fputs("</h2>\n<table>\n<thead><tr>", fp);
	h_th(fp, w->host, false);
	h_th(fp, w->plans_col, true);
	h_th(fp, w->partners_col, false);
	h_th(fp, w->c_events, true);
	h_th(fp, w->c_due, true);
	h_th(fp, w->c_held, true);
	h_th(fp, w->c_overdue, true);
	h_th(fp, w->c_unplaced, true);
	h_th(fp, w->c_quotas, true);
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (i = 0; i < r->nhosts; i++) {
		const struct report_host *h = &r->hosts[i];

		fputs("<tr><td>", fp);
		h_text(fp, h->name);
		fputs("<br><span class=\"id\">", fp);
		h_text(fp, h->id);
		fputs("</span></td>", fp);
		h_num(fp, h->nplans);
		sbuf_clear(b);
		report_names(b, r, h->partners, h->npartners, en);
		h_td(fp, "names", b->p);
		h_num(fp, h->c.events);
		h_num(fp, h->c.due);
		h_num(fp, h->c.held);
		h_num(fp, h->c.overdue);
		h_num(fp, h->unplaced);
		h_num(fp, h->quotas_short);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

/*
 * A person's months as a strip of bars, one a month of the county's:
 * made in b and written at once, for the county's hundreds of thousands
 * of people.
 */
static void
h_months(FILE *fp, const struct report *r, const struct report_person *p,
    uint32_t most, struct sbuf *b)
{
	char key[8];
	uint32_t k = 0, n;
	int32_t mo;

	sbuf_clear(b);
	sbuf_puts(b, "<div class=\"months\">");
	for (mo = r->month_first; mo <= r->month_last; mo++) {
		while (k < p->nmonths && p->months[k].month < mo)
			k++;
		n = k < p->nmonths && p->months[k].month == mo ?
		    p->months[k].n : 0;
		report_month_key(mo, key);
		if (n == 0) {
			sbuf_puts(b, "<span class=\"zero\" title=\"");
			sbuf_puts(b, key);
			sbuf_puts(b, ": 0\"></span>");
			continue;
		}
		sbuf_puts(b, "<span title=\"");
		sbuf_puts(b, key);
		sbuf_puts(b, ": ");
		sbuf_putu(b, n);
		sbuf_puts(b, "\" style=\"height:");
		h_percent_sbuf(b, n, most);
		sbuf_puts(b, "\"></span>");
	}
	sbuf_puts(b, "</div>");
	fwrite(b->p, 1, b->n, fp);
}

static void
h_people(FILE *fp, const struct report *r, const struct report_words *w,
    bool en, struct sbuf *b)
{
	uint32_t most = 0, j;
	size_t i;

	for (i = 0; i < r->npeople; i++)
		for (j = 0; j < r->people[i].nmonths; j++)
			if (r->people[i].months[j].n > most)
				most = r->people[i].months[j].n;
	fputs("<h2>", fp);
	h_text(fp, w->people);
	fputs("</h2>\n<table>\n<thead><tr>", fp);
	h_th(fp, w->person, false);
	h_th(fp, w->org, false);
	h_th(fp, w->plans_col, true);
	h_th(fp, w->c_events, true);
	h_th(fp, w->busiest, false);
	sbuf_clear(b);
	sbuf_puts(b, w->by_month);
	report_month_range(b, r, en);
	h_th(fp, b->p, false);
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (i = 0; i < r->npeople; i++) {
		const struct report_person *p = &r->people[i];

		fputs("<tr><td>", fp);
		h_text(fp, p->name);
		fputs("<br><span class=\"id\">", fp);
		h_text(fp, p->id);
		fputs("</span></td>", fp);
		h_td(fp, NULL, report_org_name(r, p->org));
		h_num(fp, p->nplans);
		h_num(fp, p->events);
		sbuf_clear(b);
		report_busiest_text(b, p, w->none);
		h_td(fp, "n", b->p);
		fputs("<td>", fp);
		h_months(fp, r, p, most, b);
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

static void
h_plans(FILE *fp, const struct report *r, const struct report_words *w)
{
	size_t i;

	fputs("<h2>", fp);
	h_text(fp, w->plans);
	fputs("</h2>\n<p class=\"note\">", fp);
	h_text(fp, w->plans_note);
	fputs("</p>\n<table>\n<thead><tr>", fp);
	h_th(fp, w->file, false);
	h_th(fp, w->host, false);
	h_th(fp, w->errors, true);
	h_th(fp, w->c_events, true);
	h_th(fp, w->c_due, true);
	h_th(fp, w->c_held, true);
	h_th(fp, w->c_overdue, true);
	h_th(fp, w->state, false);
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (i = 0; i < r->nplans; i++) {
		const struct report_plan *p = &r->plans[i];

		fputs(p->counted ? "<tr>" : "<tr class=\"flag\">", fp);
		h_td(fp, NULL, p->file);
		h_td(fp, NULL, p->counted ? report_org_name(r, p->host) :
		    w->none);
		h_num(fp, p->errors);
		if (p->counted) {
			h_num(fp, p->c.events);
			h_num(fp, p->c.due);
			h_num(fp, p->c.held);
			h_num(fp, p->c.overdue);
			h_td(fp, NULL, "");
		} else {
			h_td(fp, "n", w->none);
			h_td(fp, "n", w->none);
			h_td(fp, "n", w->none);
			h_td(fp, "n", w->none);
			h_td(fp, "flag-text", p->unreadable ? w->unreadable :
			    w->left_out);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

static bool
html_write(FILE *fp, const struct report *r, bool en)
{
	const struct report_words *w = report_words(en);
	struct sbuf b = { 0 };

	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", en ? "en" : "zh-CN");
	h_text(fp, w->title);
	/* Many semesters make the partners' table wide: A4 across. */
	fprintf(fp, "</title>\n<style>\n@page { size: A4%s; margin: 14mm 12mm; }"
	    "\nbody { max-width: %s; }\n%s</style>\n</head>\n<body>\n<h1>",
	    r->sem_last - r->sem_first >= 4 ? " landscape" : "",
	    r->sem_last - r->sem_first >= 4 ? "273mm" : "186mm", css);
	h_text(fp, w->title);
	fputs("</h1>\n<p>", fp);
	l10n_day(&b, r->on, en, true);
	fprintf(fp, w->as_of, b.p);
	fputs(en ? " " : "", fp);
	h_text(fp, w->semesters_note);
	fputs("</p>\n", fp);
	h_totals(fp, r, w);
	h_partners(fp, r, w, en, &b);
	h_hosts(fp, r, w, en, &b);
	h_people(fp, r, w, en, &b);
	h_plans(fp, r, w);
	fputs("</body>\n</html>\n", fp);
	sbuf_free(&b);
	return !ferror(fp);
}

const struct report_format report_html = { "html", html_write };
