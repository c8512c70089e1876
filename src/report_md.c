/* report_md.c - the county view as a Markdown document: totals, partners, hosts, people, plans. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "l10n.h"
#include "report.h"
#include "report_text.h"
#include "sbuf.h"

/*
 * A table cell: '|' escaped, line breaks as spaces. The text between
 * goes out in one write: a county's people table is tens of megabytes,
 * and stdio locks the stream for each call.
 */
static void
md_cell(FILE *fp, const char *s)
{
	size_t n;

	fputs(" ", fp);
	while (s != NULL && *s != '\0') {
		n = strcspn(s, "|\n\r");
		fwrite(s, 1, n, fp);
		if (s[n] == '\0')
			break;
		fputs(s[n] == '|' ? "\\|" : " ", fp);
		s += n + 1;
	}
	fputs(" |", fp);
}

static void
md_num(FILE *fp, uint32_t n)
{
	char buf[SBUF_UDIGITS + 3], *end = buf + sizeof(buf) - 2, *p;

	p = sbuf_udec(end, n);
	*--p = ' ';
	memcpy(end, " |", 2);
	fwrite(p, 1, (size_t)(buf + sizeof(buf) - p), fp);
}

/* A header row and its rule; right is a string of 'l' and 'r', one a column. */
static void
md_head(FILE *fp, const char *const *cols, const char *align)
{
	size_t i;

	fputs("|", fp);
	for (i = 0; align[i] != '\0'; i++)
		md_cell(fp, cols[i]);
	fputs("\n|", fp);
	for (i = 0; align[i] != '\0'; i++)
		fputs(align[i] == 'r' ? "---:|" : "---|", fp);
	putc('\n', fp);
}

static void
md_total_row(FILE *fp, const char *label, uint64_t n)
{
	fputs("|", fp);
	md_cell(fp, label);
	fprintf(fp, " %llu |\n", (unsigned long long)n);
}

static void
md_totals(FILE *fp, const struct report *r, const struct report_words *w)
{
	const char *cols[] = { w->item, w->number };

	fprintf(fp, "## %s\n\n", w->totals);
	md_head(fp, cols, "lr");
	md_total_row(fp, w->t_plans, r->nplans);
	md_total_row(fp, w->t_with_errors, r->with_errors);
	md_total_row(fp, w->t_hosts, r->nhosts);
	md_total_row(fp, w->t_partners, r->npartners);
	md_total_row(fp, w->t_flagged, r->flagged);
	md_total_row(fp, w->t_people, r->npeople);
	md_total_row(fp, w->t_events, r->total.events);
	md_total_row(fp, w->t_due, r->total.due);
	md_total_row(fp, w->t_held, r->total.held);
	md_total_row(fp, w->t_overdue, r->total.overdue);
	md_total_row(fp, w->t_unplaced, r->unplaced);
	md_total_row(fp, w->t_quotas, r->quotas_short);
	fprintf(fp, "\n%s\n\n", w->columns_note);
}

static void
md_partners(FILE *fp, const struct report *r, const struct report_words *w,
    bool en, struct sbuf *b)
{
	const struct report_term *t;
	size_t i;
	int sem;

	fprintf(fp, "## %s\n\n%s\n\n|", w->partners, w->partners_note);
	md_cell(fp, w->partner);
	md_cell(fp, w->hosts);
	for (sem = r->sem_first; sem <= r->sem_last; sem++) {
		sbuf_clear(b);
		report_semester_name(b, sem, en);
		md_cell(fp, b->p);
	}
	md_cell(fp, w->total);
	md_cell(fp, w->c_held);
	md_cell(fp, w->c_overdue);
	md_cell(fp, w->state);
	fputs("\n|---|---|", fp);
	for (sem = r->sem_first; sem <= r->sem_last; sem++)
		fputs("---:|", fp);
	fputs("---:|---:|---:|---|\n", fp);
	for (i = 0; i < r->npartners; i++) {
		const struct report_partner *p = &r->partners[i];

		sbuf_clear(b);
		sbuf_puts(b, p->name);
		sbuf_add(b, " (", 2);
		sbuf_puts(b, p->id);
		sbuf_putc(b, ')');
		fputs("|", fp);
		md_cell(fp, b->p);
		sbuf_clear(b);
		report_names(b, r, p->hosts, p->nhosts, en);
		md_cell(fp, b->p);
		for (sem = r->sem_first; sem <= r->sem_last; sem++) {
			sbuf_clear(b);
			if ((t = report_term(p, sem)) != NULL)
				report_term_text(b, t, en);
			else
				sbuf_puts(b, w->none);
			md_cell(fp, b->p);
		}
		md_num(fp, p->c.events);
		md_num(fp, p->c.held);
		md_num(fp, p->c.overdue);
		sbuf_clear(b);
		report_flag_text(b, r, p, en);
		md_cell(fp, b->p);
		putc('\n', fp);
	}
	putc('\n', fp);
}

static void
md_hosts(FILE *fp, const struct report *r, const struct report_words *w,
    bool en, struct sbuf *b)
{
	const char *cols[] = { w->host, w->plans_col, w->partners_col,
	    w->c_events, w->c_due, w->c_held, w->c_overdue, w->c_unplaced,
	    w->c_quotas };
	size_t i;

	fprintf(fp, "## %s\n\n", w->hosts_h);
	md_head(fp, cols, "lrlrrrrrr");
	for (i = 0; i < r->nhosts; i++) {
		const struct report_host *h = &r->hosts[i];

		sbuf_clear(b);
		sbuf_printf(b, "%s (%s)", h->name, h->id);
		fputs("|", fp);
		md_cell(fp, b->p);
		md_num(fp, h->nplans);
		sbuf_clear(b);
		report_names(b, r, h->partners, h->npartners, en);
		md_cell(fp, b->p);
		md_num(fp, h->c.events);
		md_num(fp, h->c.due);
		md_num(fp, h->c.held);
		md_num(fp, h->c.overdue);
		md_num(fp, h->unplaced);
		md_num(fp, h->quotas_short);
		putc('\n', fp);
	}
	putc('\n', fp);
}

static void
md_people(FILE *fp, const struct report *r, const struct report_words *w,
    struct sbuf *b)
{
	const char *cols[] = { w->person, w->org, w->plans_col, w->c_events,
	    w->busiest, w->by_month };
	size_t i;

	fprintf(fp, "## %s\n\n", w->people);
	md_head(fp, cols, "llrrll");
	for (i = 0; i < r->npeople; i++) {
		const struct report_person *p = &r->people[i];

		sbuf_clear(b);
		sbuf_puts(b, p->name);
		sbuf_add(b, " (", 2);
		sbuf_puts(b, p->id);
		sbuf_putc(b, ')');
		fputs("|", fp);
		md_cell(fp, b->p);
		md_cell(fp, report_org_name(r, p->org));
		md_num(fp, p->nplans);
		md_num(fp, p->events);
		sbuf_clear(b);
		report_busiest_text(b, p, w->none);
		md_cell(fp, b->p);
		sbuf_clear(b);
		report_months_text(b, p);
		md_cell(fp, b->n > 0 ? b->p : w->none);
		putc('\n', fp);
	}
	putc('\n', fp);
}

static void
md_plans(FILE *fp, const struct report *r, const struct report_words *w)
{
	const char *cols[] = { w->file, w->host, w->errors, w->c_events,
	    w->c_due, w->c_held, w->c_overdue, w->state };
	size_t i;

	fprintf(fp, "## %s\n\n%s\n\n", w->plans, w->plans_note);
	md_head(fp, cols, "llrrrrrl");
	for (i = 0; i < r->nplans; i++) {
		const struct report_plan *p = &r->plans[i];

		fputs("|", fp);
		md_cell(fp, p->file);
		md_cell(fp, p->counted ? report_org_name(r, p->host) : w->none);
		fprintf(fp, " %zu |", p->errors);
		if (p->counted) {
			md_num(fp, p->c.events);
			md_num(fp, p->c.due);
			md_num(fp, p->c.held);
			md_num(fp, p->c.overdue);
			md_cell(fp, "");
		} else {
			fprintf(fp, " %s | %s | %s | %s |", w->none, w->none,
			    w->none, w->none);
			md_cell(fp, p->unreadable ? w->unreadable :
			    w->left_out);
		}
		putc('\n', fp);
	}
}

static bool
md_write(FILE *fp, const struct report *r, bool en)
{
	const struct report_words *w = report_words(en);
	struct sbuf b = { 0 };

	l10n_day(&b, r->on, en, true);
	fprintf(fp, "# %s\n\n", w->title);
	fprintf(fp, w->as_of, b.p);
	fprintf(fp, "%s%s\n\n", en ? " " : "", w->semesters_note);
	md_totals(fp, r, w);
	md_partners(fp, r, w, en, &b);
	md_hosts(fp, r, w, en, &b);
	md_people(fp, r, w, &b);
	md_plans(fp, r, w);
	sbuf_free(&b);
	return !ferror(fp);
}

const struct report_format report_md = { "md", md_write };
