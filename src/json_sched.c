/* json_sched.c - the schedule as the JSON object of section 5 of the contract. */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cores.h"

#include "date.h"
#include "jbuf.h"
#include "json_sched.h"
#include "jw.h"
#include "plan.h"
#include "render_util.h"
#include "sbuf.h"
#include "sched.h"
#include "sched_filter.h"

/*
 * Events a thread writes at a time, when two share a long schedule, and
 * the bytes an event takes on average at most before the second thread's
 * chunk stops short (an event of the bench plan takes about 325).
 */
#define JSON_CHUNK		8192
#define JSON_EVENT_BYTES	1024

/* A string literal, its length known. */
#define JB_LIT(b, s)	jbuf_put((b), (s), sizeof(s) - 1)

/*
 * Written through a jbuf: a schedule of a million events is some hundreds
 * of megabytes, and stdio calls per piece would cost more than the rest.
 */
static void
json_event(struct jbuf *b, const struct schedule *s,
    const struct sched_event *e)
{
	const struct sched_series *sr = e->series;
	const struct plan *p = rs_plan(s, sr);
	uint32_t i, n = 0;
	int32_t k;

	JB_LIT(b, "{\"plan\": ");
	jbuf_str(b, p->file);
	/* As sched_event_id: the series id, '/', the occurrence. */
	JB_LIT(b, ", \"id\": ");
	jbuf_json(b, sr->id);
	b->n--;		/* the closing quote: the id goes on */
	jbuf_putc(b, '/');
	jbuf_uint(b, e->occurrence);
	jbuf_putc(b, '"');
	JB_LIT(b, ", \"activity\": ");
	jbuf_str(b, sched_activity(sr));
	JB_LIT(b, ", \"title\": ");
	jbuf_str(b, sched_title(sr));
	JB_LIT(b, ", \"kind\": ");
	jbuf_str(b, sched_kind(sr));
	JB_LIT(b, ", \"phase\": ");
	jbuf_str(b, rs_phase_id(p, sr->phase));
	JB_LIT(b, ", \"partner\": ");
	jbuf_str(b, rs_org_id(p, sr->partner));
	JB_LIT(b, ", \"site\": ");
	jbuf_str(b, rs_org_id(p, sr->site));
	JB_LIT(b, ", \"date\": ");
	jbuf_date(b, e->date);
	JB_LIT(b, ", \"end\": ");
	jbuf_date(b, e->end);
	JB_LIT(b, ", \"people\": [");
	for (i = 0; i < sr->npeople; i++) {
		k = sr->people[i];
		if (k < 0 || (uint32_t)k >= p->npeople)
			continue;
		if (n++ > 0)
			JB_LIT(b, ", ");
		jbuf_json(b, p->people[k].id);
	}
	if (e->fixed)
		JB_LIT(b, "], \"fixed\": true, \"occurrence\": ");
	else
		JB_LIT(b, "], \"fixed\": false, \"occurrence\": ");
	jbuf_uint(b, e->occurrence);
	JB_LIT(b, ", \"of\": ");
	jbuf_uint(b, sr->of);
	jbuf_putc(b, '}');
}

/* What an unplaced or skipped entry opens with: plan, activity, partner. */
static void
json_series_head(struct jbuf *b, const struct schedule *s,
    const struct sched_series *r)
{
	const struct plan *p = rs_plan(s, r);

	jbuf_puts(b, "{\"plan\": ");
	jbuf_str(b, p->file);
	jbuf_puts(b, ", \"activity\": ");
	jbuf_str(b, sched_activity(r));
	jbuf_puts(b, ", \"partner\": ");
	jbuf_str(b, rs_org_id(p, r->partner));
}

static void
json_unplaced(struct jbuf *b, const struct schedule *s,
    const struct sched_unplaced *u)
{
	json_series_head(b, s, u->series);
	jbuf_puts(b, ", \"occurrence\": ");
	jbuf_uint(b, u->occurrence);
	jbuf_puts(b, ", \"window\": ");
	jbuf_span(b, u->window);
	jbuf_puts(b, ", \"reason\": ");
	jbuf_str(b, u->reason != NULL ? u->reason : "");
	jbuf_putc(b, '}');
}

/*
 * A skipped period names its partner too: the periods of an `at: partner`
 * activity are skipped for each of its series.
 */
static void
json_skipped(struct jbuf *b, const struct schedule *s,
    const struct sched_skipped *k)
{
	json_series_head(b, s, k->series);
	jbuf_puts(b, ", \"period\": ");
	jbuf_span(b, k->period);
	jbuf_puts(b, ", \"reason\": ");
	jbuf_str(b, k->reason != NULL ? k->reason : "");
	jbuf_putc(b, '}');
}

static void
json_quota(struct jbuf *b, const struct schedule *s,
    const struct sched_quota *q)
{
	const struct plan *p = s->plans[q->plan];

	jbuf_puts(b, "{\"plan\": ");
	jbuf_str(b, p->file);
	jbuf_puts(b, ", \"person\": ");
	jbuf_str(b, q->person >= 0 && (uint32_t)q->person < p->npeople ?
	    p->people[q->person].id : NULL);
	if (q->partner >= 0) {
		jbuf_puts(b, ", \"partner\": ");
		jbuf_str(b, (uint32_t)q->partner < p->norgs ?
		    p->orgs[q->partner].id : NULL);
	}
	jbuf_puts(b, ", \"period\": ");
	jbuf_span(b, q->period);
	jbuf_puts(b, ", \"required\": ");
	jbuf_uint(b, q->required);
	jbuf_puts(b, ", \"got\": ");
	jbuf_uint(b, q->got);
	jbuf_puts(b, q->unit == QU_DAYS ? ", \"unit\": \"days\"}" :
	    ", \"unit\": \"visits\"}");
}

/*
 * Events [from, to) that the filter lets through, as list items; in
 * memory, until the buffer holds cap bytes or more. Returns the event
 * after the last one written.
 */
static size_t
json_event_run(struct jbuf *b, const struct schedule *s,
    const struct sched_filter *f, const char *ind, size_t from, size_t to,
    bool *first, size_t cap)
{
	size_t i;

	for (i = from; i < to && (cap == 0 || b->n < cap); i++) {
		if (!sched_filter_match(f, s, &s->events[i]))
			continue;
		jbuf_item(b, first, ind);
		json_event(b, s, &s->events[i]);
	}
	return i;
}

/*
 * A run of events written into memory by a second thread: from..to, but
 * it stops at cap bytes (to then says where), so that a chunk of long
 * events takes no more memory than one of short ones.
 */
struct event_run {
	const struct schedule	*s;
	const struct sched_filter *f;
	const char		*ind;
	size_t			 from, to, cap;
	struct jbuf		 b;
};

static void *
event_run_main(void *arg)
{
	struct event_run *r = arg;
	bool first = false;	/* every item opens with its comma */

	r->b.n = 0;
	r->to = json_event_run(&r->b, r->s, r->f, r->ind, r->from, r->to,
	    &first, r->cap);
	return NULL;
}

/*
 * The events, on two threads for a long schedule: this thread writes a
 * chunk while the other writes the next one into memory, which follows
 * it. The other's items all open with a comma; the comma goes when its
 * first item is the first of the list. Same bytes as one thread.
 */
static void
json_events(struct jbuf *b, const struct schedule *s,
    const struct sched_filter *f, const char *ind, unsigned threads,
    size_t chunk)
{
	struct event_run r;
	pthread_t t;
	size_t at, mid, end, n = s->nevents;
	bool first = true, started;

	if (chunk == 0)
		chunk = JSON_CHUNK;
	if (threads == 0)
		threads = n >= 4 * chunk && cores_spare() ? 2 : 1;
	if (threads < 2 || n <= chunk) {
		json_event_run(b, s, f, ind, 0, n, &first, 0);
		return;
	}
	r.s = s;
	r.f = f;
	r.ind = ind;
	r.cap = chunk * JSON_EVENT_BYTES;
	jbuf_init_mem(&r.b);
	for (at = 0; at < n; at = end) {
		mid = n - at > chunk ? at + chunk : n;
		r.from = mid;
		r.to = n - mid > chunk ? mid + chunk : n;
		started = mid < r.to &&
		    pthread_create(&t, NULL, event_run_main, &r) == 0;
		json_event_run(b, s, f, ind, at, mid, &first, 0);
		if ((end = mid) == r.to)
			continue;
		if (started)
			pthread_join(t, NULL);
		else	/* no thread to be had: this one writes it */
			event_run_main(&r);
		end = r.to;	/* where it stopped */
		if (r.b.n > 0) {
			jbuf_append(b, &r.b, first ? 1 : 0);
			first = false;
		}
	}
	jbuf_done(&r.b);
}

/*
 * The schedule object of §5 without a final newline, its lists indented
 * under ind: what `schedule --format json` prints and what `export`
 * nests under "schedule".
 */
void
json_schedule_object_split(FILE *fp, const struct schedule *s,
    const struct sched_filter *f, const char *ind, unsigned threads,
    size_t chunk)
{
	struct jbuf b;
	struct span d;
	bool first;
	size_t i;

	jbuf_init(&b, fp);
	jbuf_puts(&b, "{\"events\": [");
	json_events(&b, s, f, ind, threads, chunk);
	jbuf_puts(&b, "],\n");
	jbuf_puts(&b, ind);
	jbuf_puts(&b, " \"unplaced\": [");
	for (first = true, i = 0; i < s->nunplaced; i++) {
		d = s->unplaced[i].window;
		if (!sched_filter_match_span(f, s, s->unplaced[i].series, d))
			continue;
		jbuf_item(&b, &first, ind);
		json_unplaced(&b, s, &s->unplaced[i]);
	}
	jbuf_puts(&b, "],\n");
	jbuf_puts(&b, ind);
	jbuf_puts(&b, " \"skipped\": [");
	for (first = true, i = 0; i < s->nskipped; i++) {
		d = s->skipped[i].period;
		if (!sched_filter_match_span(f, s, s->skipped[i].series, d))
			continue;
		jbuf_item(&b, &first, ind);
		json_skipped(&b, s, &s->skipped[i]);
	}
	jbuf_puts(&b, "],\n");
	jbuf_puts(&b, ind);
	jbuf_puts(&b, " \"quotas\": [");
	for (first = true, i = 0; i < s->nquotas; i++) {
		if (!sched_filter_match_quota(f, s, &s->quotas[i]))
			continue;
		jbuf_item(&b, &first, ind);
		json_quota(&b, s, &s->quotas[i]);
	}
	jbuf_puts(&b, "]}");
	jbuf_done(&b);
}

void
json_schedule_object(FILE *fp, const struct schedule *s,
    const struct sched_filter *f, const char *ind)
{
	json_schedule_object_split(fp, s, f, ind, 0, 0);
}

bool
json_schedule(FILE *fp, const struct schedule *s,
    const struct sched_filter *f)
{
	json_schedule_object(fp, s, f, "");
	putc('\n', fp);
	return fflush(fp) == 0 && !ferror(fp);
}
