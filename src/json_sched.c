/* json_sched.c - the schedule as the JSON object of section 5 of the contract. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "date.h"
#include "esc.h"
#include "json_sched.h"
#include "jw.h"
#include "plan.h"
#include "render_util.h"
#include "sbuf.h"
#include "sched.h"
#include "sched_filter.h"

static void
json_event(FILE *fp, const struct schedule *s, const struct sched_event *e,
    struct sbuf *b)
{
	const struct sched_series *sr = e->series;
	const struct plan *p = rs_plan(s, sr);
	uint32_t i, n = 0;
	int32_t k;

	fputs("{\"plan\": ", fp);
	jw_str(fp, p->file);
	/* As sched_event_id: the series id, '/', the occurrence. */
	sbuf_clear(b);
	sbuf_printf(b, "%s/%u", sr->id, e->occurrence);
	fputs(", \"id\": ", fp);
	esc_json(fp, b->p);
	fputs(", \"activity\": ", fp);
	jw_str(fp, sr->activity);
	fputs(", \"title\": ", fp);
	jw_str(fp, sr->title);
	fputs(", \"kind\": ", fp);
	jw_str(fp, sr->kind);
	fputs(", \"phase\": ", fp);
	jw_str(fp, rs_phase_id(p, sr->phase));
	fputs(", \"partner\": ", fp);
	jw_str(fp, rs_org_id(p, sr->partner));
	fputs(", \"site\": ", fp);
	jw_str(fp, rs_org_id(p, sr->site));
	fputs(", \"date\": ", fp);
	jw_date(fp, e->date);
	fputs(", \"end\": ", fp);
	jw_date(fp, e->end);
	fputs(", \"people\": [", fp);
	for (i = 0; i < sr->npeople; i++) {
		k = sr->people[i];
		if (k < 0 || (uint32_t)k >= p->npeople)
			continue;
		if (n++ > 0)
			fputs(", ", fp);
		esc_json(fp, p->people[k].id);
	}
	fprintf(fp, "], \"fixed\": %s, \"occurrence\": %u, \"of\": %u}",
	    e->fixed ? "true" : "false", e->occurrence, sr->of);
}

static void
json_unplaced(FILE *fp, const struct schedule *s,
    const struct sched_unplaced *u)
{
	const struct plan *p = rs_plan(s, u->series);

	fputs("{\"plan\": ", fp);
	jw_str(fp, p->file);
	fputs(", \"activity\": ", fp);
	jw_str(fp, u->series->activity);
	fputs(", \"partner\": ", fp);
	jw_str(fp, rs_org_id(p, u->series->partner));
	fprintf(fp, ", \"occurrence\": %u, \"window\": ", u->occurrence);
	jw_span(fp, u->window);
	fputs(", \"reason\": ", fp);
	jw_str(fp, u->reason != NULL ? u->reason : "");
	putc('}', fp);
}

/*
 * A skipped period names its partner too: the periods of an `at: partner`
 * activity are skipped for each of its series.
 */
static void
json_skipped(FILE *fp, const struct schedule *s,
    const struct sched_skipped *k)
{
	const struct plan *p = rs_plan(s, k->series);

	fputs("{\"plan\": ", fp);
	jw_str(fp, p->file);
	fputs(", \"activity\": ", fp);
	jw_str(fp, k->series->activity);
	fputs(", \"partner\": ", fp);
	jw_str(fp, rs_org_id(p, k->series->partner));
	fputs(", \"period\": ", fp);
	jw_span(fp, k->period);
	fputs(", \"reason\": ", fp);
	jw_str(fp, k->reason != NULL ? k->reason : "");
	putc('}', fp);
}

static void
json_quota(FILE *fp, const struct schedule *s, const struct sched_quota *q)
{
	const struct plan *p = s->plans[q->plan];

	fputs("{\"plan\": ", fp);
	jw_str(fp, p->file);
	fputs(", \"person\": ", fp);
	jw_str(fp, q->person >= 0 && (uint32_t)q->person < p->npeople ?
	    p->people[q->person].id : NULL);
	if (q->partner >= 0) {
		fputs(", \"partner\": ", fp);
		jw_str(fp, (uint32_t)q->partner < p->norgs ?
		    p->orgs[q->partner].id : NULL);
	}
	fputs(", \"period\": ", fp);
	jw_span(fp, q->period);
	fprintf(fp, ", \"required\": %u, \"got\": %u, \"unit\": \"%s\"}",
	    q->required, q->got, q->unit == QU_DAYS ? "days" : "visits");
}

/*
 * The schedule object of §5 without a final newline, its lists indented
 * under ind: what `schedule --format json` prints and what `export`
 * nests under "schedule".
 */
void
json_schedule_object(FILE *fp, const struct schedule *s,
    const struct sched_filter *f, const char *ind)
{
	struct sbuf b = { 0 };
	struct span d;
	bool first;
	size_t i;

	fputs("{\"events\": [", fp);
	for (first = true, i = 0; i < s->nevents; i++) {
		if (!sched_filter_match(f, s, &s->events[i]))
			continue;
		jw_item(fp, &first, ind);
		json_event(fp, s, &s->events[i], &b);
	}
	sbuf_free(&b);
	fprintf(fp, "],\n%s \"unplaced\": [", ind);
	for (first = true, i = 0; i < s->nunplaced; i++) {
		d = s->unplaced[i].window;
		if (!sched_filter_match_span(f, s, s->unplaced[i].series, d))
			continue;
		jw_item(fp, &first, ind);
		json_unplaced(fp, s, &s->unplaced[i]);
	}
	fprintf(fp, "],\n%s \"skipped\": [", ind);
	for (first = true, i = 0; i < s->nskipped; i++) {
		d = s->skipped[i].period;
		if (!sched_filter_match_span(f, s, s->skipped[i].series, d))
			continue;
		jw_item(fp, &first, ind);
		json_skipped(fp, s, &s->skipped[i]);
	}
	fprintf(fp, "],\n%s \"quotas\": [", ind);
	for (first = true, i = 0; i < s->nquotas; i++) {
		if (!sched_filter_match_quota(f, s, &s->quotas[i]))
			continue;
		jw_item(fp, &first, ind);
		json_quota(fp, s, &s->quotas[i]);
	}
	fputs("]}", fp);
}

bool
json_schedule(FILE *fp, const struct schedule *s,
    const struct sched_filter *f)
{
	json_schedule_object(fp, s, f, "");
	putc('\n', fp);
	return fflush(fp) == 0 && !ferror(fp);
}
