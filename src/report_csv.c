/* report_csv.c - the county view as one RFC 4180 CSV table, a row per figure, for a spreadsheet. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "esc.h"
#include "report.h"
#include "sbuf.h"

/*
 * Columns: section, id, name, period, events, due, held, overdue, errors,
 * flag, related. One row per:
 *   total             everything counted (errors: plans left out)
 *   plan              a file (flag left-out; related: host id)
 *   host              a host (related: its partners' ids, ;-separated)
 *   partner           a partner; events are its visits (flag none|few;
 *                     related: its hosts' ids)
 *   partner-semester  a partner's visits in a semester (period), held
 *                     (flag few when fewer than --min-visits)
 *   person            a person (related: their kindergarten's id)
 *   person-month      a person's events in a month (period)
 * Cells that do not apply are empty. Lines end in CRLF.
 */

static const char *const flag_names[] = { "", "none", "few" };

static void
csv_counts(FILE *fp, const struct report_count *c)
{
	fprintf(fp, ",%u,%u,%u,%u", c->events, c->due, c->held, c->overdue);
}

static void
csv_ids(FILE *fp, struct sbuf *b, const char *const *v, uint32_t n)
{
	uint32_t i;

	sbuf_clear(b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			sbuf_putc(b, ';');
		sbuf_puts(b, v[i]);
	}
	esc_csv_field(fp, b->n > 0 ? b->p : "", false);
}

static void
csv_partners(FILE *fp, const struct report *r, struct sbuf *b)
{
	char key[20];
	size_t i;
	uint32_t j;

	for (i = 0; i < r->npartners; i++) {
		const struct report_partner *p = &r->partners[i];

		esc_csv_field(fp, "partner", true);
		esc_csv_field(fp, p->id, false);
		esc_csv_field(fp, p->name, false);
		esc_csv_field(fp, "", false);
		csv_counts(fp, &p->c);
		esc_csv_field(fp, "", false);
		esc_csv_field(fp, flag_names[p->flag], false);
		csv_ids(fp, b, p->hosts, p->nhosts);
		fputs("\r\n", fp);
		for (j = 0; j < p->nterms; j++) {
			const struct report_term *t = &p->terms[j];

			report_semester_key(t->sem, key);
			esc_csv_field(fp, "partner-semester", true);
			esc_csv_field(fp, p->id, false);
			esc_csv_field(fp, p->name, false);
			esc_csv_field(fp, key, false);
			fprintf(fp, ",%u,,%u,,", t->planned, t->held);
			esc_csv_field(fp, t->planned < r->min_visits ? "few" : "",
			    false);
			fputs(",\r\n", fp);
		}
	}
}

static void
csv_people(FILE *fp, const struct report *r)
{
	static const char month_row[] = "person-month";
	struct sbuf row = { 0 }, line = { 0 };
	char key[8];
	size_t i, skip = sizeof(month_row) - 1;
	uint32_t j;

	for (i = 0; i < r->npeople; i++) {
		const struct report_person *p = &r->people[i];

		/* "person-month,ID,NAME", escaped once for all their rows */
		sbuf_clear(&row);
		esc_csv_sbuf(&row, month_row, true);
		esc_csv_sbuf(&row, p->id, false);
		esc_csv_sbuf(&row, p->name, false);
		sbuf_clear(&line);
		sbuf_puts(&line, "person");
		sbuf_add(&line, row.p + skip, row.n - skip);
		sbuf_puts(&line, ",,");
		sbuf_putu(&line, p->events);
		sbuf_puts(&line, ",,,,,");
		esc_csv_sbuf(&line, p->org, false);
		sbuf_puts(&line, "\r\n");
		fwrite(line.p, 1, line.n, fp);
		for (j = 0; j < p->nmonths; j++) {
			report_month_key(p->months[j].month, key);
			sbuf_clear(&line);
			sbuf_add(&line, row.p, row.n);
			sbuf_putc(&line, ',');
			sbuf_puts(&line, key);
			sbuf_putc(&line, ',');
			sbuf_putu(&line, p->months[j].n);
			sbuf_puts(&line, ",,,,,,\r\n");
			fwrite(line.p, 1, line.n, fp);
		}
	}
	sbuf_free(&row);
	sbuf_free(&line);
}

static bool
csv_write(FILE *fp, const struct report *r, bool en)
{
	struct sbuf b = { 0 };
	size_t i;

	(void)en;
	fputs("section,id,name,period,events,due,held,overdue,errors,flag,"
	    "related\r\n", fp);
	fputs("total,,,", fp);
	csv_counts(fp, &r->total);
	fprintf(fp, ",%u,,\r\n", r->with_errors);
	for (i = 0; i < r->nplans; i++) {
		const struct report_plan *p = &r->plans[i];

		esc_csv_field(fp, "plan", true);
		esc_csv_field(fp, p->file, false);
		esc_csv_field(fp, p->title, false);
		esc_csv_field(fp, "", false);
		csv_counts(fp, &p->c);
		fprintf(fp, ",%zu", p->errors);
		esc_csv_field(fp, p->counted ? "" : p->unreadable ? "unreadable" :
		    "left-out", false);
		esc_csv_field(fp, p->host, false);
		fputs("\r\n", fp);
	}
	for (i = 0; i < r->nhosts; i++) {
		const struct report_host *h = &r->hosts[i];

		esc_csv_field(fp, "host", true);
		esc_csv_field(fp, h->id, false);
		esc_csv_field(fp, h->name, false);
		esc_csv_field(fp, "", false);
		csv_counts(fp, &h->c);
		fputs(",,", fp);
		csv_ids(fp, &b, h->partners, h->npartners);
		fputs("\r\n", fp);
	}
	csv_partners(fp, r, &b);
	csv_people(fp, r);
	sbuf_free(&b);
	return !ferror(fp);
}

const struct report_format report_csv = { "csv", csv_write };
