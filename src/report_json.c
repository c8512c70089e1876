/* report_json.c - the county view as one JSON object (§12). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "date.h"
#include "jbuf.h"
#include "jw.h"
#include "report.h"

static const char *const flag_names[] = { NULL, "none", "few" };

/* "events": …, "due": …, "held": …, "overdue": … (events named as given). */
static void
json_count(FILE *fp, const char *events, const struct report_count *c)
{
	fprintf(fp, "\"%s\": %u, \"due\": %u, \"held\": %u, \"overdue\": %u",
	    events, c->events, c->due, c->held, c->overdue);
}

static void
json_plans(FILE *fp, const struct report *r)
{
	bool first = true;
	size_t i;

	fputs(",\n \"plans\": [", fp);
	for (i = 0; i < r->nplans; i++) {
		const struct report_plan *p = &r->plans[i];

		jw_item(fp, &first, "");
		fputs("{\"file\": ", fp);
		jw_str(fp, p->file);
		fprintf(fp, ", \"errors\": %zu, ", p->errors);
		json_count(fp, "events", &p->c);
		fputs(", \"host\": ", fp);
		jw_str(fp, p->host);
		fputs(", \"title\": ", fp);
		jw_str(fp, p->title);
		fprintf(fp, ", \"counted\": %s, \"unplaced\": %u, "
		    "\"quotas-short\": %u", p->counted ? "true" : "false",
		    p->unplaced, p->quotas_short);
		if (p->unreadable)
			fputs(", \"unreadable\": true", fp);
		putc('}', fp);
	}
	fputs(first ? "]" : "\n ]", fp);
}

static void
json_hosts(FILE *fp, const struct report *r)
{
	bool first = true;
	size_t i;
	uint32_t j;

	fputs(",\n \"hosts\": [", fp);
	for (i = 0; i < r->nhosts; i++) {
		const struct report_host *h = &r->hosts[i];

		jw_item(fp, &first, "");
		fputs("{\"id\": ", fp);
		jw_str(fp, h->id);
		fputs(", \"name\": ", fp);
		jw_str(fp, h->name);
		fputs(", \"plans\": [", fp);
		for (j = 0; j < h->nplans; j++) {
			if (j > 0)
				fputs(", ", fp);
			jw_str(fp, r->plans[h->plans[j]].file);
		}
		fputs("], \"partners\": ", fp);
		jw_strs(fp, h->partners, h->npartners);
		fputs(", ", fp);
		json_count(fp, "events", &h->c);
		fprintf(fp, ", \"unplaced\": %u, \"quotas-short\": %u}",
		    h->unplaced, h->quotas_short);
	}
	fputs(first ? "]" : "\n ]", fp);
}

static void
json_partners(FILE *fp, const struct report *r)
{
	char key[20];
	bool first = true;
	size_t i;
	uint32_t j;

	fputs(",\n \"partners\": [", fp);
	for (i = 0; i < r->npartners; i++) {
		const struct report_partner *p = &r->partners[i];

		jw_item(fp, &first, "");
		fputs("{\"id\": ", fp);
		jw_str(fp, p->id);
		fputs(", \"name\": ", fp);
		jw_str(fp, p->name);
		fputs(", \"hosts\": ", fp);
		jw_strs(fp, p->hosts, p->nhosts);
		fputs(", ", fp);
		json_count(fp, "planned", &p->c);
		fputs(", \"semesters\": [", fp);
		for (j = 0; j < p->nterms; j++) {
			report_semester_key(p->terms[j].sem, key);
			fprintf(fp, "%s{\"semester\": \"%s\", \"planned\": %u, "
			    "\"held\": %u}", j > 0 ? ", " : "", key,
			    p->terms[j].planned, p->terms[j].held);
		}
		fputs("], \"flag\": ", fp);
		jw_str(fp, flag_names[p->flag]);
		putc('}', fp);
	}
	fputs(first ? "]" : "\n ]", fp);
}

/* Months in a table of their keys, at most: a century. */
#define KEYS_MAX	1200

/*
 * "YYYY-MM": of each month from r->month_first to r->month_last, 11 bytes
 * each, or NULL when there are none or too many: five million of them in
 * a county's people, written each from parts and lengths counted anew.
 */
static char (*month_keys(const struct report *r))[12]
{
	char (*k)[12], key[8];
	int32_t m;

	if (r->month_first > r->month_last ||
	    r->month_last - r->month_first >= KEYS_MAX ||
	    (k = malloc(((size_t)(r->month_last - r->month_first) + 1) *
	    sizeof(*k))) == NULL)
		return NULL;
	for (m = r->month_first; m <= r->month_last; m++) {
		report_month_key(m, key);
		snprintf(k[m - r->month_first], sizeof(k[0]), "\"%s\": ", key);
	}
	return k;
}

/* The longest list, a line for each person: through a jbuf. */
static void
json_people(FILE *fp, const struct report *r)
{
	char (*keys)[12] = month_keys(r);
	struct jbuf b;
	char key[8];
	bool first = true;
	size_t i;
	uint32_t j;
	int32_t mo;

	jbuf_init(&b, fp);
	jbuf_puts(&b, ",\n \"people\": [");
	for (i = 0; i < r->npeople; i++) {
		const struct report_person *p = &r->people[i];

		jbuf_item(&b, &first, "");
		jbuf_puts(&b, "{\"id\": ");
		jbuf_str(&b, p->id);
		jbuf_puts(&b, ", \"name\": ");
		jbuf_str(&b, p->name);
		jbuf_puts(&b, ", \"org\": ");
		jbuf_str(&b, p->org);
		jbuf_puts(&b, ", \"plans\": ");
		jbuf_uint(&b, p->nplans);
		jbuf_puts(&b, ", \"events\": ");
		jbuf_uint(&b, p->events);
		jbuf_puts(&b, ", \"by-month\": {");
		for (j = 0; j < p->nmonths; j++) {
			if (j > 0)
				jbuf_put(&b, ", ", 2);
			mo = p->months[j].month;
			if (keys != NULL && mo >= r->month_first &&
			    mo <= r->month_last)
				jbuf_put(&b, keys[mo - r->month_first], 11);
			else {
				report_month_key(mo, key);
				jbuf_putc(&b, '"');
				jbuf_put(&b, key, 7);
				jbuf_put(&b, "\": ", 3);
			}
			jbuf_uint(&b, p->months[j].n);
		}
		jbuf_puts(&b, "}}");
	}
	jbuf_puts(&b, first ? "]" : "\n ]");
	jbuf_done(&b);
	free(keys);
}

static bool
json_write(FILE *fp, const struct report *r, bool en)
{
	char key[20];
	int sem;

	(void)en;
	fputs("{\"on\": ", fp);
	jw_date(fp, r->on);
	fprintf(fp, ", \"min-visits\": %u, \"semesters\": [", r->min_visits);
	for (sem = r->sem_first; sem <= r->sem_last; sem++) {
		report_semester_key(sem, key);
		fprintf(fp, "%s\"%s\"", sem > r->sem_first ? ", " : "", key);
	}
	fprintf(fp, "],\n \"totals\": {\"plans\": %zu, \"with-errors\": %u, ",
	    r->nplans, r->with_errors);
	json_count(fp, "events", &r->total);
	fprintf(fp, ", \"unplaced\": %u, \"quotas-short\": %u, \"hosts\": %zu, "
	    "\"partners\": %zu, \"flagged\": %u, \"people\": %zu}",
	    r->unplaced, r->quotas_short, r->nhosts, r->npartners, r->flagged,
	    r->npeople);
	json_plans(fp, r);
	json_partners(fp, r);
	json_hosts(fp, r);
	json_people(fp, r);
	fputs("}\n", fp);
	return !ferror(fp);
}

const struct report_format report_json = { "json", json_write };
