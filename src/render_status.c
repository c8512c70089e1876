/* render_status.c - `pairplan status` as a table, JSON, CSV or one printable HTML page. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "esc.h"
#include "jw.h"
#include "plan.h"
#include "records.h"
#include "render_status.h"
#include "render_util.h"
#include "sbuf.h"
#include "sched.h"
#include "status.h"

const char *const render_status_formats[] = {
	"table", "json", "csv", "html", NULL
};

static const char *const state_words[] = {
	"met", "not-met", "unmeasured", "overdue"	/* enum status_target_state */
};

const char *
render_status_state(int state)
{
	return state >= ST_MET && state <= ST_OVERDUE ? state_words[state] :
	    "unmeasured";
}

/* ---- what every format says -------------------------------------------- */

static const struct plan *
plan_at(const struct status *st, uint32_t pi)
{
	return st->s->plans[pi];
}

static const char *
phase_id(const struct status *st, const struct status_row *r)
{
	return plan_at(st, r->plan)->phases[r->idx].id;
}

static const char *
phase_name(const struct status *st, const struct status_row *r)
{
	const struct phase *ph = &plan_at(st, r->plan)->phases[r->idx];

	return ph->name != NULL ? ph->name : ph->id;
}

static const char *
org_id(const struct status *st, const struct status_row *r)
{
	return plan_at(st, r->plan)->orgs[r->idx].id;
}

static const char *
person_id(const struct status *st, uint32_t pi, int32_t idx)
{
	return idx >= 0 ? plan_at(st, pi)->people[idx].id : "";
}

static const char *
person_name(const struct status *st, uint32_t pi, int32_t idx)
{
	const struct person *pe;

	if (idx < 0)
		return "";
	pe = &plan_at(st, pi)->people[idx];
	return pe->name != NULL ? pe->name : pe->id;
}

static const struct target *
target_of(const struct status *st, const struct status_target *t)
{
	return &plan_at(st, t->plan)->targets[t->target];
}

static const char *
quota_unit(const struct status_quota *q)
{
	return q->unit == QU_DAYS ? "days" : "visits";
}

static const char *
measured(const struct status_target *t)
{
	return t->rec != NULL ? t->rec->values[t->value].text : NULL;
}

void
render_status_json_result(FILE *fp, const struct status_target *t)
{
	fputs(", \"measured\": ", fp);
	jw_str(fp, measured(t));
	fputs(", \"date\": ", fp);
	if (t->rec != NULL)
		jw_date(fp, t->rec->date.from);
	else
		fputs("null", fp);
	fputs(", \"state\": ", fp);
	jw_str(fp, render_status_state(t->state));
	putc('}', fp);
}

/* A quota's state: met, short (its period is over), open. */
static const char *
quota_state(const struct status_quota *q)
{
	if (q->got >= q->required)
		return "met";
	return q->finished ? "short" : "open";
}

static const char *
event_id(const struct status *st, size_t i, struct sbuf *b)
{
	const struct sched_event *e = &st->s->events[st->overdue[i]];

	sbuf_clear(b);
	sbuf_printf(b, "%s/%u", e->series->id, e->occurrence);
	return b->p;
}

/* Rows a phase, partner or person table shows: not those with nothing. */
static bool
row_shown(const struct status_row *r, bool phase)
{
	const struct status_counts *c = &r->c;

	return phase || c->planned > 0 || c->held > 0;
}

/* ---- json -------------------------------------------------------------- */

static void
json_counts(FILE *fp, const struct status_counts *c)
{
	fprintf(fp, "\"planned\": %u, \"held\": %u, \"cancelled\": %u, "
	    "\"overdue\": %u, \"upcoming\": %u, \"extra\": %u", c->planned,
	    c->held, c->cancelled, c->overdue, c->upcoming, c->extra);
}

static void
json_row_head(FILE *fp, const struct status *st, uint32_t pi,
    const char *id)
{
	fputs("{\"plan\": ", fp);
	jw_str(fp, plan_at(st, pi)->file);
	fputs(", \"id\": ", fp);
	jw_str(fp, id);
}

static void
json_status(FILE *fp, const struct status *st)
{
	struct sbuf b = { 0 };
	bool first;
	size_t i;

	fputs("{\"on\": ", fp);
	jw_date(fp, st->on);
	fputs(",\n \"totals\": {", fp);
	json_counts(fp, &st->totals);
	fputs("},\n \"phases\": [", fp);
	for (first = true, i = 0; i < st->nphases; i++) {
		const struct status_row *r = &st->phases[i];

		jw_item(fp, &first, "");
		json_row_head(fp, st, r->plan, phase_id(st, r));
		fputs(", ", fp);
		json_counts(fp, &r->c);
		putc('}', fp);
	}
	fputs("],\n \"partners\": [", fp);
	for (first = true, i = 0; i < st->npartners; i++) {
		const struct status_row *r = &st->partners[i];

		jw_item(fp, &first, "");
		json_row_head(fp, st, r->plan, org_id(st, r));
		fprintf(fp, ", \"planned\": %u, \"held\": %u}", r->c.planned,
		    r->c.held);
	}
	fputs("],\n \"people\": [", fp);
	for (first = true, i = 0; i < st->npeople; i++) {
		const struct status_row *r = &st->people[i];

		if (!row_shown(r, false))
			continue;
		jw_item(fp, &first, "");
		json_row_head(fp, st, r->plan, person_id(st, r->plan, r->idx));
		fprintf(fp, ", \"planned\": %u, \"held\": %u}", r->c.planned,
		    r->c.held);
	}
	fputs("],\n \"quotas\": [", fp);
	for (first = true, i = 0; i < st->nquotas; i++) {
		const struct status_quota *q = &st->quotas[i];

		jw_item(fp, &first, "");
		fputs("{\"plan\": ", fp);
		jw_str(fp, plan_at(st, q->plan)->file);
		fputs(", \"person\": ", fp);
		jw_str(fp, person_id(st, q->plan, q->person));
		if (q->partner >= 0) {
			fputs(", \"partner\": ", fp);
			jw_str(fp, plan_at(st, q->plan)->orgs[q->partner].id);
		}
		fputs(", \"period\": ", fp);
		jw_span(fp, q->period);
		fprintf(fp, ", \"required\": %u, \"got\": %u, \"unit\": \"%s\", "
		    "\"state\": ", q->required, q->got, quota_unit(q));
		jw_str(fp, quota_state(q));
		putc('}', fp);
	}
	fputs("],\n \"targets\": [", fp);
	for (first = true, i = 0; i < st->ntargets; i++) {
		const struct status_target *t = &st->targets[i];
		const struct target *tg = target_of(st, t);

		jw_item(fp, &first, "");
		fputs("{\"plan\": ", fp);
		jw_str(fp, plan_at(st, t->plan)->file);
		fputs(", \"name\": ", fp);
		jw_str(fp, tg->name);
		sbuf_clear(&b);
		status_goal_text(&b, t, false);
		fputs(", \"goal\": ", fp);
		jw_str(fp, b.p);
		fputs(", \"by\": ", fp);
		if (tg->has_by)
			jw_date(fp, tg->by.to);
		else
			fputs("null", fp);
		render_status_json_result(fp, t);
	}
	fputs("],\n \"overdue\": [", fp);
	for (first = true, i = 0; i < st->noverdue; i++) {
		const struct sched_event *e = &st->s->events[st->overdue[i]];

		jw_item(fp, &first, "");
		fputs("{\"plan\": ", fp);
		jw_str(fp, plan_at(st, e->series->plan)->file);
		fputs(", \"event\": ", fp);
		jw_str(fp, event_id(st, i, &b));
		fputs(", \"date\": ", fp);
		jw_date(fp, e->date);
		fputs(", \"title\": ", fp);
		jw_str(fp, sched_title(e->series));
		putc('}', fp);
	}
	fputs("]}\n", fp);
	sbuf_free(&b);
}

/* ---- csv --------------------------------------------------------------- */

/* section, plan, id, name, date: the five leading fields. */
static void
csv_head(FILE *fp, const char *section, const char *plan, const char *id,
    const char *name, const char *date)
{
	esc_csv_field(fp, section, true);
	esc_csv_field(fp, plan, false);
	esc_csv_field(fp, id, false);
	esc_csv_field(fp, name, false);
	esc_csv_field(fp, date, false);
}

static void
csv_counts(FILE *fp, const struct status_counts *c, bool all)
{
	if (all)
		fprintf(fp, ",%u,%u,%u,%u,%u,%u,,,,,,\r\n", c->planned, c->held,
		    c->cancelled, c->overdue, c->upcoming, c->extra);
	else
		fprintf(fp, ",%u,%u,,,,,,,,,,\r\n", c->planned, c->held);
}

static void
csv_status(FILE *fp, const struct status *st)
{
	struct sbuf b = { 0 };
	char on[11], d1[11], d2[11], span[24];
	size_t i;

	fputs("section,plan,id,name,date,planned,held,cancelled,overdue,"
	    "upcoming,extra,required,got,unit,goal,measured,state\r\n", fp);
	rs_date(st->on, on);
	csv_head(fp, "total", NULL, NULL, NULL, on);
	csv_counts(fp, &st->totals, true);
	for (i = 0; i < st->nphases; i++) {
		const struct status_row *r = &st->phases[i];

		csv_head(fp, "phase", plan_at(st, r->plan)->file,
		    phase_id(st, r), phase_name(st, r), NULL);
		csv_counts(fp, &r->c, true);
	}
	for (i = 0; i < st->npartners; i++) {
		const struct status_row *r = &st->partners[i];

		csv_head(fp, "partner", plan_at(st, r->plan)->file,
		    org_id(st, r), rs_site_name(plan_at(st, r->plan), r->idx),
		    NULL);
		csv_counts(fp, &r->c, false);
	}
	for (i = 0; i < st->npeople; i++) {
		const struct status_row *r = &st->people[i];

		if (!row_shown(r, false))
			continue;
		csv_head(fp, "person", plan_at(st, r->plan)->file,
		    person_id(st, r->plan, r->idx),
		    person_name(st, r->plan, r->idx), NULL);
		csv_counts(fp, &r->c, false);
	}
	for (i = 0; i < st->nquotas; i++) {
		const struct status_quota *q = &st->quotas[i];

		rs_date(q->period.from, d1);
		rs_date(q->period.to, d2);
		snprintf(span, sizeof(span), "%s..%s", d1, d2);
		csv_head(fp, "quota", plan_at(st, q->plan)->file,
		    person_id(st, q->plan, q->person),
		    person_name(st, q->plan, q->person), span);
		fprintf(fp, ",,,,,,,%u,%u,%s,,", q->required, q->got,
		    quota_unit(q));
		esc_csv_field(fp, quota_state(q), false);
		fputs("\r\n", fp);
	}
	for (i = 0; i < st->ntargets; i++) {
		const struct status_target *t = &st->targets[i];
		const struct target *tg = target_of(st, t);

		d1[0] = '\0';
		if (t->rec != NULL)
			rs_date(t->rec->date.from, d1);
		csv_head(fp, "target", plan_at(st, t->plan)->file, NULL,
		    tg->name, d1[0] != '\0' ? d1 : NULL);
		fputs(",,,,,,,,,", fp);
		sbuf_clear(&b);
		status_goal_text(&b, t, false);
		esc_csv_field(fp, b.p, false);
		esc_csv_field(fp, measured(t), false);
		esc_csv_field(fp, render_status_state(t->state), false);
		fputs("\r\n", fp);
	}
	for (i = 0; i < st->noverdue; i++) {
		const struct sched_event *e = &st->s->events[st->overdue[i]];

		rs_date(e->date, d1);
		csv_head(fp, "overdue", plan_at(st, e->series->plan)->file,
		    event_id(st, i, &b), sched_title(e->series), d1);
		fputs(",,,,,,,,,,,,\r\n", fp);
	}
	sbuf_free(&b);
}

/* ---- table ------------------------------------------------------------- */

#define GRID_MAXCOLS	8

/* Rows of cells, printed with columns aligned by display width. */
struct grid {
	struct avec	 cells;		/* char *, ncols per row */
	size_t		 ncols;
	bool		 right[GRID_MAXCOLS];
	struct arena	*a;
};

static void
grid_init(struct grid *g, struct arena *a, size_t ncols, const char *right)
{
	size_t i;

	memset(g, 0, sizeof(*g));
	g->a = a;
	g->ncols = ncols;
	for (i = 0; i < ncols && right[i] != '\0'; i++)
		g->right[i] = right[i] == 'r';
}

static void
grid_cell(struct grid *g, const char *s)
{
	*(const char **)avec_push(g->a, &g->cells, sizeof(char *)) =
	    arena_strdup(g->a, s != NULL ? s : "");
}

static void
grid_num(struct grid *g, uint32_t n)
{
	grid_cell(g, arena_printf(g->a, "%u", n));
}

static void
grid_print(FILE *fp, const struct grid *g, const char *indent)
{
	const char **c = g->cells.v;
	size_t w[GRID_MAXCOLS] = { 0 }, i, k, n = g->cells.n / g->ncols, x;

	for (i = 0; i < n; i++)
		for (k = 0; k < g->ncols; k++) {
			x = rs_display_width(c[i * g->ncols + k],
			    strlen(c[i * g->ncols + k]));
			if (x > w[k])
				w[k] = x;
		}
	for (i = 0; i < n; i++) {
		size_t last = g->ncols;

		while (last > 0 && !g->right[last - 1] &&
		    c[i * g->ncols + last - 1][0] == '\0')
			last--;
		fputs(indent, fp);
		for (k = 0; k < last; k++) {
			const char *s = c[i * g->ncols + k];

			x = rs_display_width(s, strlen(s));
			if (k > 0)
				fputs("  ", fp);
			if (g->right[k])
				fprintf(fp, "%*s", (int)(w[k] - x), "");
			fputs(s, fp);
			if (!g->right[k] && k + 1 < last)
				fprintf(fp, "%*s", (int)(w[k] - x), "");
		}
		putc('\n', fp);
	}
}

static void
grid_counts(struct grid *g, const struct status_counts *c)
{
	grid_num(g, c->planned);
	grid_num(g, c->held);
	grid_num(g, c->cancelled);
	grid_num(g, c->overdue);
	grid_num(g, c->upcoming);
	grid_num(g, c->extra);
}

/* The plan a row names, when more than one plan is shown. */
static const char *
row_label(const struct status *st, uint32_t pi, const char *id,
    struct arena *a)
{
	return st->s->nplans > 1 ? arena_printf(a, "%s: %s",
	    plan_at(st, pi)->file, id) : id;
}

static void
table_status(FILE *fp, const struct status *st)
{
	struct arena a;
	struct grid g;
	struct sbuf b = { 0 };
	char on[11], d1[11], d2[11];
	size_t i;

	arena_init(&a);
	rs_date(st->on, on);
	fprintf(fp, "status on %s\n\n", on);
	grid_init(&g, &a, 8, "llrrrrrr");
	grid_cell(&g, "phase");
	grid_cell(&g, "");
	grid_cell(&g, "planned");
	grid_cell(&g, "held");
	grid_cell(&g, "cancelled");
	grid_cell(&g, "overdue");
	grid_cell(&g, "upcoming");
	grid_cell(&g, "extra");
	for (i = 0; i < st->nphases; i++) {
		const struct status_row *r = &st->phases[i];

		grid_cell(&g, row_label(st, r->plan, phase_id(st, r), &a));
		grid_cell(&g, phase_name(st, r));
		grid_counts(&g, &r->c);
	}
	grid_cell(&g, "total");
	grid_cell(&g, "");
	grid_counts(&g, &st->totals);
	grid_print(fp, &g, "");

	fputs("\npartners (visits held of planned)\n", fp);
	grid_init(&g, &a, 4, "lrrl");
	for (i = 0; i < st->npartners; i++) {
		const struct status_row *r = &st->partners[i];

		grid_cell(&g, row_label(st, r->plan, org_id(st, r), &a));
		grid_num(&g, r->c.held);
		grid_num(&g, r->c.planned);
		grid_cell(&g, rs_site_name(plan_at(st, r->plan), r->idx));
	}
	grid_print(fp, &g, "  ");

	fputs("\npeople (events attended of planned)\n", fp);
	grid_init(&g, &a, 4, "lrrl");
	for (i = 0; i < st->npeople; i++) {
		const struct status_row *r = &st->people[i];

		if (!row_shown(r, false))
			continue;
		grid_cell(&g, row_label(st, r->plan, person_id(st, r->plan,
		    r->idx), &a));
		grid_num(&g, r->c.held);
		grid_num(&g, r->c.planned);
		grid_cell(&g, person_name(st, r->plan, r->idx));
	}
	grid_print(fp, &g, "  ");

	if (st->nquotas > 0) {
		fputs("\nquotas (held of required)\n", fp);
		grid_init(&g, &a, 6, "llrrll");
		for (i = 0; i < st->nquotas; i++) {
			const struct status_quota *q = &st->quotas[i];

			rs_date(q->period.from, d1);
			rs_date(q->period.to, d2);
			grid_cell(&g, row_label(st, q->plan, q->partner < 0 ?
			    person_id(st, q->plan, q->person) :
			    arena_printf(&a, "%s@%s", person_id(st, q->plan,
			    q->person), plan_at(st, q->plan)->
			    orgs[q->partner].id), &a));
			grid_cell(&g, arena_printf(&a, "%s..%s", d1, d2));
			grid_num(&g, q->got);
			grid_num(&g, q->required);
			grid_cell(&g, quota_unit(q));
			grid_cell(&g, quota_state(q));
		}
		grid_print(fp, &g, "  ");
	}
	if (st->ntargets > 0) {
		fputs("\ntargets\n", fp);
		grid_init(&g, &a, 5, "lllll");
		for (i = 0; i < st->ntargets; i++) {
			const struct status_target *t = &st->targets[i];
			const struct target *tg = target_of(st, t);

			sbuf_clear(&b);
			status_goal_text(&b, t, true);
			if (tg->has_by) {
				rs_date(tg->by.to, d1);
				sbuf_printf(&b, " by %s", d1);
			}
			grid_cell(&g, row_label(st, t->plan, tg->name, &a));
			grid_cell(&g, b.p);
			grid_cell(&g, measured(t) != NULL ? measured(t) : "-");
			d1[0] = '\0';
			if (t->rec != NULL)
				rs_date(t->rec->date.from, d1);
			grid_cell(&g, d1);
			grid_cell(&g, render_status_state(t->state));
		}
		grid_print(fp, &g, "  ");
	}
	if (st->noverdue > 0) {
		fputs("\noverdue\n", fp);
		grid_init(&g, &a, 3, "lll");
		for (i = 0; i < st->noverdue; i++) {
			const struct sched_event *e =
			    &st->s->events[st->overdue[i]];

			rs_date(e->date, d1);
			grid_cell(&g, d1);
			grid_cell(&g, row_label(st, e->series->plan,
			    event_id(st, i, &b), &a));
			grid_cell(&g, sched_title(e->series));
		}
		grid_print(fp, &g, "  ");
	}
	sbuf_free(&b);
	arena_release(&a);
}

/* ---- html -------------------------------------------------------------- */

static const char html_style[] =
    "@page { size: A4; margin: 16mm 15mm; }\n"
    "html { font-family: " RS_FONT_STACK "; color: #222; "
    "background: #fff; }\n"
    "body { max-width: 180mm; margin: 0 auto; padding: 8mm 6mm; "
    "font-size: 14px; line-height: 1.5; }\n"
    "h1 { font-size: 1.45em; margin: 0 0 .2em; }\n"
    "h2 { font-size: 1.15em; margin: 1.2em 0 .4em; border-bottom: "
    "1px solid #ccc; }\n"
    "p.meta { color: #555; margin: 0 0 1em; }\n"
    "table { border-collapse: collapse; width: 100%; }\n"
    "th, td { padding: .2em .4em; text-align: left; vertical-align: "
    "middle; border-bottom: 1px solid #e3e3e3; }\n"
    "th { font-weight: 600; background: #f1f3f6; }\n"
    "td.num, th.num { text-align: right; white-space: nowrap; }\n"
    "td.bar { width: 38%; }\n"
    ".bar { position: relative; height: .9em; background: #e8eaee; "
    "border-radius: .45em; overflow: hidden; }\n"
    ".bar span { position: absolute; left: 0; top: 0; bottom: 0; "
    "background: #4e79a7; }\n"
    ".bar span.full { background: #59a14f; }\n"
    ".bar span.short { background: #e15759; }\n"
    ".cards { display: flex; flex-wrap: wrap; gap: .5em; }\n"
    ".card { flex: 1 1 6em; border: 1px solid #ddd; border-radius: 4px; "
    "padding: .3em .6em; }\n"
    ".card b { display: block; font-size: 1.5em; }\n"
    ".state { padding: 0 .4em; border-radius: 3px; }\n"
    ".met { background: #dff0d8; }\n"
    ".not-met, .overdue, .short { background: #f8d7da; }\n"
    ".unmeasured, .open { background: #eee; }\n"
    "@media print {\n"
    "  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }\n"
    "  h2 { break-after: avoid; page-break-after: avoid; }\n"
    "  tr, .cards { break-inside: avoid; page-break-inside: avoid; }\n"
    "  .bar, .bar span, th, .state, .card { -webkit-print-color-adjust: "
    "exact; print-color-adjust: exact; }\n"
    "}\n";

static void
html_bar(FILE *fp, uint32_t done, uint32_t of, bool alarm)
{
	unsigned pct = of == 0 ? (done > 0 ? 100 : 0) :
	    done >= of ? 100 : (unsigned)((uint64_t)done * 100 / of);

	fprintf(fp, "<td class=\"num\">%u / %u</td><td class=\"bar\">"
	    "<div class=\"bar\"><span%s style=\"width: %u%%\"></span></div>"
	    "</td>", done, of, pct >= 100 ? " class=\"full\"" :
	    alarm ? " class=\"short\"" : "", pct);
}

static void
html_cell(FILE *fp, const char *s, const char *cls)
{
	if (cls != NULL)
		fprintf(fp, "<td class=\"%s\">", cls);
	else
		fputs("<td>", fp);
	esc_xml(fp, s != NULL ? s : "");
	fputs("</td>", fp);
}

static void
html_title(FILE *fp, const struct status *st)
{
	size_t i;

	for (i = 0; i < st->s->nplans; i++) {
		const char *t = plan_at(st, (uint32_t)i)->title;

		if (i > 0)
			fputs(st->s->nplans > 2 ? "、" : " · ", fp);
		esc_xml(fp, t != NULL && *t != '\0' ? t :
		    plan_at(st, (uint32_t)i)->file);
	}
}

static void
html_status(FILE *fp, const struct status *st)
{
	static const char *const card[6] = { "planned", "held", "overdue",
	    "cancelled", "upcoming", "extra" };
	const struct status_counts *c = &st->totals;
	const uint32_t nums[6] = { c->planned, c->held, c->overdue,
	    c->cancelled, c->upcoming, c->extra };
	struct sbuf b = { 0 };
	char on[11], d1[11], d2[11];
	size_t i;

	rs_date(st->on, on);
	fputs("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
	    "lang=\"zh-CN\" xml:lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"/>\n<title>", fp);
	html_title(fp, st);
	fprintf(fp, " — status on %s</title>\n<style>\n%s</style>\n</head>\n"
	    "<body>\n<h1>", on, html_style);
	html_title(fp, st);
	fprintf(fp, "</h1>\n<p class=\"meta\">Status on %s: events planned "
	    "up to that day, held, overdue; upcoming in the %d days after."
	    "</p>\n<div class=\"cards\">\n", on, STATUS_UPCOMING_DAYS);
	for (i = 0; i < 6; i++)
		fprintf(fp, "<div class=\"card\"><b>%u</b>%s</div>\n", nums[i],
		    card[i]);
	fputs("</div>\n<h2>Phases</h2>\n<table>\n<thead><tr><th>Phase</th>"
	    "<th class=\"num\">Held</th><th>Progress</th>"
	    "<th class=\"num\">Overdue</th><th class=\"num\">Cancelled</th>"
	    "<th class=\"num\">Upcoming</th><th class=\"num\">Extra</th>"
	    "</tr></thead>\n<tbody>\n", fp);
	for (i = 0; i < st->nphases; i++) {
		const struct status_row *r = &st->phases[i];

		fputs("<tr>", fp);
		html_cell(fp, phase_name(st, r), NULL);
		html_bar(fp, r->c.held, r->c.planned, r->c.overdue > 0);
		fprintf(fp, "<td class=\"num\">%u</td><td class=\"num\">%u</td>"
		    "<td class=\"num\">%u</td><td class=\"num\">%u</td></tr>\n",
		    r->c.overdue, r->c.cancelled, r->c.upcoming, r->c.extra);
	}
	fputs("<tr><th>Total</th>", fp);
	html_bar(fp, c->held, c->planned, c->overdue > 0);
	fprintf(fp, "<td class=\"num\">%u</td><td class=\"num\">%u</td>"
	    "<td class=\"num\">%u</td><td class=\"num\">%u</td></tr>\n",
	    c->overdue, c->cancelled, c->upcoming, c->extra);
	fputs("</tbody>\n</table>\n<h2>Partners: visits held of planned</h2>\n"
	    "<table>\n<tbody>\n", fp);
	for (i = 0; i < st->npartners; i++) {
		const struct status_row *r = &st->partners[i];

		fputs("<tr>", fp);
		html_cell(fp, rs_site_name(plan_at(st, r->plan), r->idx), NULL);
		html_bar(fp, r->c.held, r->c.planned, r->c.held < r->c.planned);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n<h2>People: events attended of planned"
	    "</h2>\n<table>\n<tbody>\n", fp);
	for (i = 0; i < st->npeople; i++) {
		const struct status_row *r = &st->people[i];

		if (!row_shown(r, false))
			continue;
		fputs("<tr>", fp);
		html_cell(fp, person_name(st, r->plan, r->idx), NULL);
		html_bar(fp, r->c.held, r->c.planned, r->c.held < r->c.planned);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
	if (st->nquotas > 0) {
		fputs("<h2>Quotas: visits or days at partners, held of "
		    "required</h2>\n<table>\n<thead><tr><th>Person</th>"
		    "<th>Period</th><th>Unit</th><th class=\"num\">Held</th>"
		    "<th>Progress</th><th>State</th></tr></thead>\n<tbody>\n",
		    fp);
		for (i = 0; i < st->nquotas; i++) {
			const struct status_quota *q = &st->quotas[i];

			rs_date(q->period.from, d1);
			rs_date(q->period.to, d2);
			fputs("<tr>", fp);
			sbuf_clear(&b);
			sbuf_puts(&b, person_name(st, q->plan, q->person));
			if (q->partner >= 0)
				sbuf_printf(&b, "（%s）", rs_site_name(plan_at(st,
				    q->plan), q->partner));
			html_cell(fp, b.p, NULL);
			fprintf(fp, "<td>%s..%s</td><td>%s</td>", d1, d2,
			    quota_unit(q));
			html_bar(fp, q->got, q->required, q->finished &&
			    q->got < q->required);
			fprintf(fp, "<td><span class=\"state %s\">%s</span>"
			    "</td></tr>\n", quota_state(q), quota_state(q));
		}
		fputs("</tbody>\n</table>\n", fp);
	}
	if (st->ntargets > 0) {
		fputs("<h2>Targets</h2>\n<table>\n<thead><tr><th>Target</th>"
		    "<th>Goal</th><th>Measured</th><th>On</th><th>State</th>"
		    "</tr></thead>\n<tbody>\n", fp);
		for (i = 0; i < st->ntargets; i++) {
			const struct status_target *t = &st->targets[i];
			const struct target *tg = target_of(st, t);
			const char *w = render_status_state(t->state);

			sbuf_clear(&b);
			status_goal_text(&b, t, true);
			if (tg->has_by) {
				rs_date(tg->by.to, d1);
				sbuf_printf(&b, " by %s", d1);
			}
			d1[0] = '\0';
			if (t->rec != NULL)
				rs_date(t->rec->date.from, d1);
			fputs("<tr>", fp);
			html_cell(fp, tg->name, NULL);
			html_cell(fp, b.p, NULL);
			html_cell(fp, measured(t) != NULL ? measured(t) : "—",
			    NULL);
			html_cell(fp, d1, NULL);
			fprintf(fp, "<td><span class=\"state %s\">%s</span>"
			    "</td></tr>\n", w, w);
		}
		fputs("</tbody>\n</table>\n", fp);
	}
	if (st->noverdue > 0) {
		fputs("<h2>Overdue</h2>\n<table>\n<thead><tr><th>Date</th>"
		    "<th>Event</th><th>Title</th></tr></thead>\n<tbody>\n", fp);
		for (i = 0; i < st->noverdue; i++) {
			const struct sched_event *e =
			    &st->s->events[st->overdue[i]];

			rs_date(e->date, d1);
			fprintf(fp, "<tr><td>%s</td>", d1);
			html_cell(fp, event_id(st, i, &b), NULL);
			html_cell(fp, sched_title(e->series), NULL);
			fputs("</tr>\n", fp);
		}
		fputs("</tbody>\n</table>\n", fp);
	}
	fputs("</body>\n</html>\n", fp);
	sbuf_free(&b);
}

bool
render_status(FILE *fp, const struct status *st, const char *format)
{
	if (strcmp(format, "json") == 0)
		json_status(fp, st);
	else if (strcmp(format, "csv") == 0)
		csv_status(fp, st);
	else if (strcmp(format, "table") == 0)
		table_status(fp, st);
	else if (strcmp(format, "html") == 0)
		html_status(fp, st);
	else
		return false;
	return fflush(fp) == 0 && !ferror(fp);
}
