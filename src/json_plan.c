/* json_plan.c - the plan normalised as JSON: every default filled in, every reference an id. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "esc.h"
#include "json_plan.h"
#include "jw.h"
#include "plan.h"
#include "render_util.h"

/* ---- the normalised plan (export) ---------------------------------- */

/* A count of an organisation, or null when absent (-1). */
static void
jcount(FILE *fp, int64_t n)
{
	if (n < 0)
		fputs("null", fp);
	else
		fprintf(fp, "%lld", (long long)n);
}

/* The id of what a reference names, or its text when it names nothing. */
static void
jref(FILE *fp, const struct plan *p, const struct ref *r, bool person)
{
	if (person && r->idx >= 0 && (uint32_t)r->idx < p->npeople)
		esc_json(fp, p->people[r->idx].id);
	else if (!person && r->idx >= 0 && (uint32_t)r->idx < p->norgs)
		esc_json(fp, p->orgs[r->idx].id);
	else
		esc_json(fp, plan_ref_text(r));
}

static void
jreflist(FILE *fp, const struct plan *p, const struct reflist *l,
    bool person)
{
	uint32_t i;

	putc('[', fp);
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			fputs(", ", fp);
		jref(fp, p, &l->v[i], person);
	}
	putc(']', fp);
}

/* `partners: all` as every partner's id, else the list as resolved. */
static void
jpartners(FILE *fp, const struct plan *p, bool all, const struct reflist *l)
{
	uint32_t i;

	if (!all) {
		jreflist(fp, p, l, false);
		return;
	}
	putc('[', fp);
	for (i = 1; i < p->norgs; i++) {
		if (i > 1)
			fputs(", ", fp);
		esc_json(fp, p->orgs[i].id);
	}
	putc(']', fp);
}

/* A number, or null when absent. */
static void
jnum(FILE *fp, bool has, double v)
{
	if (has)
		fprintf(fp, "%.15g", v);
	else
		fputs("null", fp);
}

static void
jweekdays(FILE *fp, uint8_t mask)
{
	bool first = true;
	int w;

	putc('[', fp);
	for (w = 0; w < 7; w++)
		if (mask & (1u << w)) {
			fprintf(fp, "%s\"%s\"", first ? "" : ", ",
			    date_weekday_names[w]);
			first = false;
		}
	putc(']', fp);
}

/* "week", "month", "year", "semester", "N weeks", "N days", "N months", or null. */
static void
jevery(FILE *fp, const struct when *w)
{
	switch (w->every) {
	case EV_WEEK:
		fputs("\"week\"", fp);
		break;
	case EV_MONTH:
		fputs("\"month\"", fp);
		break;
	case EV_WEEKS:
		fprintf(fp, "\"%u weeks\"", w->every_n);
		break;
	case EV_DAYS:
		fprintf(fp, "\"%u day%s\"", w->every_n,
		    w->every_n == 1 ? "" : "s");
		break;
	case EV_MONTHS:
		fprintf(fp, "\"%u months\"", w->every_n);
		break;
	case EV_YEAR:
		fputs("\"year\"", fp);
		break;
	case EV_SEMESTER:
		fputs("\"semester\"", fp);
		break;
	default:
		fputs("null", fp);
		break;
	}
}

/*
 * Where a series is held: "at" is host, partner (one series per partner),
 * online or org (the site named by "site"); an org that is the host is
 * the host. site is the org index, or -1 for none.
 */
static void
jat(FILE *fp, const struct plan *p, const struct when *w, int32_t site)
{
	const char *at;

	switch (w->at) {
	case AT_PARTNER:
		at = "partner";
		break;
	case AT_ONLINE:
		at = "online";
		break;
	case AT_ORG:
		at = when_org(w) == 0 ? "host" : "org";
		break;
	default:
		at = "host";
		break;
	}
	fprintf(fp, "\"at\": \"%s\", \"site\": ", at);
	jw_str(fp, rs_org_id(p, site));
}

/* The scheduling keys shared by activities and meetings. */
static void
jwhen(FILE *fp, const struct when *w)
{
	fputs("\"window\": ", fp);
	jw_span(fp, w->window);
	fprintf(fp, ", \"times\": %u, \"every\": ", w->times);
	jevery(fp, w);
	fputs(", \"weekday\": ", fp);
	jweekdays(fp, w->weekdays);
	fprintf(fp, ", \"days\": %u", w->days);
}

static const char *const org_types[] = {	/* enum org_type */
	"kindergarten", "village", "household", "unit"
};
static const char *const pers[] = { "year", "semester", "month" };

static void
json_org(FILE *fp, const struct plan *p, const struct org *g, bool host)
{
	fputs("{\"id\": ", fp);
	jw_str(fp, g->id);
	fputs(", \"name\": ", fp);
	jw_str(fp, g->name);
	if (host) {
		fputs(", \"level\": ", fp);
		jw_str(fp, g->level);
		putc('}', fp);
		return;
	}
	fputs(", \"kind\": ", fp);
	jw_str(fp, g->kind);
	fputs(", \"classes\": ", fp);
	jcount(fp, g->classes);
	fputs(", \"children\": ", fp);
	jcount(fp, g->children);
	fputs(", \"teachers\": ", fp);
	jcount(fp, g->teachers);
	fputs(", \"staff\": ", fp);
	jcount(fp, g->staff);
	fputs(", \"needs\": ", fp);
	jw_strs(fp, g->needs, g->nneeds);
	fprintf(fp, ", \"type\": \"%s\", \"village\": ",
	    org_types[g->type & 3]);
	if (g->has_village)
		jref(fp, p, &g->village, false);
	else
		fputs("null", fp);
	fputs(", \"head\": ", fp);
	jw_str(fp, g->head);
	putc('}', fp);
}

static void
json_person(FILE *fp, const struct plan *p, const struct person *x)
{
	fputs("{\"id\": ", fp);
	jw_str(fp, x->id);
	fputs(", \"name\": ", fp);
	jw_str(fp, x->name);
	fputs(", \"org\": ", fp);
	if (x->has_org)
		jref(fp, p, &x->org, false);
	else
		jw_str(fp, p->orgs[0].id);
	fputs(", \"role\": ", fp);
	jw_str(fp, x->role);
	fputs(", \"duty\": ", fp);
	jw_str(fp, x->duty);
	putc('}', fp);
}

static void
json_activity(FILE *fp, const struct plan *p, const struct activity *a)
{
	int32_t site = -1, k;
	uint32_t i;

	if (a->w.at == AT_HOST)
		site = 0;
	else if (a->w.at == AT_ORG)
		site = when_org(&a->w);
	fputs("{\"id\": ", fp);
	jw_str(fp, a->id);
	fputs(", \"title\": ", fp);
	jw_str(fp, a->title);
	fprintf(fp, ", \"kind\": \"%s\", ", plan_kinds[a->kind].name);
	jat(fp, p, &a->w, site);
	fputs(", \"partners\": ", fp);
	jpartners(fp, p, a->all_partners, &a->partners);
	fputs(", \"owners\": ", fp);
	jreflist(fp, p, &a->owners, true);
	fputs(", \"people\": ", fp);
	jreflist(fp, p, &a->people, true);
	fputs(", ", fp);
	jwhen(fp, &a->w);
	fputs(", \"date\": ", fp);
	if (a->has_date)
		jw_date(fp, a->date);
	else
		fputs("null", fp);
	fputs(", \"note\": ", fp);
	jw_str(fp, a->note);
	fputs(", \"after\": [", fp);
	for (i = 0; i < a->after.n; i++) {
		if (i > 0)
			fputs(", ", fp);
		k = a->after.v[i].idx;
		if (k >= 0 && (uint32_t)k < p->nacts)
			jw_str(fp, p->acts[k]->id);
		else
			jw_str(fp, plan_ref_text(&a->after.v[i]));
	}
	fprintf(fp, "], \"gap\": %u, \"shared\": %s, \"publicity-days\": ",
	    a->gap, a->shared ? "true" : "false");
	if (a->publicity_days >= 0)
		fprintf(fp, "%d", (int)a->publicity_days);
	else if (a->kind == K_PUBLICITY)
		fprintf(fp, "%lld", (long long)p->aid.publicity_days);
	else
		fputs("null", fp);
	putc('}', fp);
}

static void
json_phase(FILE *fp, const struct plan *p, const struct phase *ph)
{
	uint32_t i;

	fputs("{\"id\": ", fp);
	jw_str(fp, ph->id);
	fputs(", \"name\": ", fp);
	jw_str(fp, ph->name);
	fputs(", \"period\": ", fp);
	jw_span(fp, ph->period);
	fputs(", \"goal\": ", fp);
	jw_str(fp, ph->goal);
	fputs(", \"activities\": [", fp);
	for (i = 0; i < ph->nacts; i++) {
		fputs(i > 0 ? ",\n    " : "\n    ", fp);
		json_activity(fp, p, &ph->acts[i]);
	}
	fputs("]}", fp);
}

/* A meeting at a partner is held at the apprentice's kindergarten. */
static void
json_mentorship(FILE *fp, const struct plan *p, const struct mentorship *m,
    uint32_t n)
{
	const struct when *w = &m->meet;
	int32_t site = -1, k = m->apprentice.idx;

	fprintf(fp, "{\"id\": \"m%u\", \"mentor\": ", n);
	jref(fp, p, &m->mentor, true);
	fputs(", \"apprentice\": ", fp);
	jref(fp, p, &m->apprentice, true);
	fputs(", \"period\": ", fp);
	jw_span(fp, m->period);
	fputs(", \"meet\": ", fp);
	if (!m->has_meet) {
		fputs("null}", fp);
		return;
	}
	if (w->at == AT_HOST)
		site = 0;
	else if (w->at == AT_ORG)
		site = when_org(w);
	else if (w->at == AT_PARTNER)
		site = k >= 0 && (uint32_t)k < p->npeople &&
		    p->people[k].has_org ? p->people[k].org.idx : 0;
	putc('{', fp);
	jat(fp, p, w, site);
	fputs(", ", fp);
	jwhen(fp, w);
	fputs("}}", fp);
}

static void
json_target(FILE *fp, const struct plan *p, const struct target *t)
{
	static const char *const cmps[] = { "at-least", "at-most", "equals" };

	uint32_t i;

	fputs("{\"name\": ", fp);
	jw_str(fp, t->name);
	fprintf(fp, ", \"compare\": \"%s\", \"value\": ", cmps[t->cmp]);
	jnum(fp, t->has_value, t->value);
	fprintf(fp, ", \"percent\": %s, \"partners\": ",
	    t->percent ? "true" : "false");
	jpartners(fp, p, t->all_partners, &t->partners);
	fputs(", \"by\": ", fp);
	if (t->has_by)
		jw_span(fp, t->by);
	else
		fputs("null", fp);
	fputs(", \"at-most\": ", fp);
	jnum(fp, t->has_max, t->max);
	fputs(", \"unit\": ", fp);
	jw_str(fp, t->unit);
	fprintf(fp, ", \"approx\": %s, \"baseline\": ",
	    t->approx ? "true" : "false");
	jnum(fp, t->has_baseline, t->baseline);
	fputs(", \"by-year\": {", fp);
	for (i = 0; i < t->nby_year; i++)
		fprintf(fp, "%s\"%d\": %.15g", i > 0 ? ", " : "",
		    (int)t->by_year[i].year, t->by_year[i].value);
	fputs("}, \"total\": ", fp);
	jnum(fp, t->has_total, t->total);
	fprintf(fp, ", \"cumulative\": %s, \"per\": %s}",
	    t->cumulative ? "true" : "false", t->per_year ? "\"year\"" :
	    "null");
}

/* Has a reference the same target as one before it (item i of lists[g])? */
static bool
ref_seen(const struct reflist *const *lists, size_t g, uint32_t i)
{
	const struct ref *r = &lists[g]->v[i], *o;
	uint32_t j, n;
	size_t h;

	for (h = 0; h <= g; h++)
		for (n = h < g ? lists[h]->n : i, j = 0; j < n; j++) {
			o = &lists[h]->v[j];
			if (r->idx >= 0 ? o->idx == r->idx : o->idx < 0 &&
			    strcmp(plan_ref_text(o), plan_ref_text(r)) == 0)
				return true;
		}
	return false;
}

/* A group of the leadership becomes its people, each once, in order. */
static void
json_plan_quota(FILE *fp, const struct plan *p, const struct quota *q)
{
	static const char *const groups[] = { NULL, "leadership.leader",
	    "leadership.deputies", "leadership.members", "leadership" };
	const struct reflist *lists[3];
	size_t g, ng = 0, n = 0;
	uint32_t i;

	switch (q->group) {
	case QG_LIST:
		lists[ng++] = &q->people;
		break;
	case QG_LEADER:
		lists[ng++] = &p->leader;
		break;
	case QG_DEPUTIES:
		lists[ng++] = &p->deputies;
		break;
	case QG_MEMBERS:
		lists[ng++] = &p->members;
		break;
	case QG_LEADERSHIP:
		lists[ng++] = &p->leader;
		lists[ng++] = &p->deputies;
		lists[ng++] = &p->members;
		break;
	}
	fputs("{\"people\": [", fp);
	for (g = 0; g < ng; g++)
		for (i = 0; i < lists[g]->n; i++) {
			if (ref_seen(lists, g, i))
				continue;
			if (n++ > 0)
				fputs(", ", fp);
			jref(fp, p, &lists[g]->v[i], true);
		}
	fputs("], \"group\": ", fp);
	jw_str(fp, groups[q->group]);
	fputs(", \"visits\": ", fp);
	jcount(fp, q->visits);
	fprintf(fp, ", \"per\": \"%s\", \"days\": ", pers[q->per]);
	jcount(fp, q->days);
	putc('}', fp);
}

/* The {dates, at} entries of closed (open false) or open. */
static void
json_site_entries(FILE *fp, const struct plan *p, bool open, bool first)
{
	uint32_t i, j;

	for (i = 0; i < p->nsite_entries; i++) {
		const struct site_entry *e = &p->site_entries[i];

		if (e->open != open)
			continue;
		fputs(first ? "{\"dates\": [" : ", {\"dates\": [", fp);
		first = false;
		for (j = 0; j < e->nspans; j++) {
			if (j > 0)
				fputs(", ", fp);
			if (open)
				jw_date(fp, e->spans[j].from);
			else
				jw_span(fp, e->spans[j]);
		}
		fputs("], \"at\": [", fp);
		for (j = 0; j < e->at.n; j++) {
			if (j > 0)
				fputs(", ", fp);
			jw_str(fp, e->at.v[j].idx >= 0 ? p->orgs[e->at.v[j].idx].id :
			    e->at.v[j].text);
		}
		fputs("]}", fp);
	}
}

/*
 * The calendar: holidays "cn" or "none", or the list [cn, FILE...] as
 * written; closed and open with the plan-wide days first, then the
 * entries for some sites as {dates, at}.
 */
static void
json_calendar(FILE *fp, const struct plan *p)
{
	const struct calendar *c = &p->cal;
	size_t i;

	fputs("{\"workdays\": ", fp);
	jweekdays(fp, c->workdays);
	if (p->nholiday_files == 0)
		fprintf(fp, ", \"holidays\": \"%s\"", c->cn ? "cn" : "none");
	else {
		fputs(c->cn ? ", \"holidays\": [\"cn\"" : ", \"holidays\": [",
		    fp);
		for (i = 0; i < p->nholiday_files; i++) {
			if (i > 0 || c->cn)
				fputs(", ", fp);
			jw_str(fp, p->holiday_files[i]);
		}
		putc(']', fp);
	}
	fputs(", \"closed\": [", fp);
	for (i = 0; i < c->nclosed; i++) {
		if (i > 0)
			fputs(", ", fp);
		jw_span(fp, c->closed[i]);
	}
	json_site_entries(fp, p, false, c->nclosed == 0);
	fputs("], \"open\": [", fp);
	for (i = 0; i < c->nopen; i++) {
		if (i > 0)
			fputs(", ", fp);
		jw_date(fp, c->open[i]);
	}
	json_site_entries(fp, p, true, c->nopen == 0);
	fprintf(fp, "], \"visits-per-day\": %u}", c->visits_per_day);
}

static const char *const places[] = {	/* enum place */
	"after-phases", "before-goals", "before-phases"
};

/* A section; sub-sections have no place of their own. */
static void
json_section(FILE *fp, const struct section *x, bool top)
{
	uint32_t i;

	fputs("{\"title\": ", fp);
	jw_str(fp, x->title);
	fputs(", \"text\": ", fp);
	jw_str(fp, x->text);
	fputs(", \"items\": ", fp);
	jw_strs(fp, x->items, x->nitems);
	if (!top) {
		putc('}', fp);
		return;
	}
	fprintf(fp, ", \"place\": \"%s\", \"sections\": [",
	    places[x->place <= PLACE_BEFORE_PHASES ? x->place : 0]);
	for (i = 0; i < x->nsubs; i++) {
		fputs(i > 0 ? ",\n    " : "\n    ", fp);
		json_section(fp, &x->subs[i], false);
	}
	fputs("]}", fp);
}

static void
json_pairing(FILE *fp, const struct plan *p, const struct pairing *x)
{
	fputs("{\"id\": ", fp);
	jw_str(fp, x->id);
	fputs(", \"person\": ", fp);
	jref(fp, p, &x->person, true);
	fputs(", \"partner\": ", fp);
	jref(fp, p, &x->partner, false);
	fputs(", \"role\": ", fp);
	jw_str(fp, x->role);
	fputs(", \"visits\": ", fp);
	jcount(fp, x->visits);
	fprintf(fp, ", \"per\": \"%s\", \"days\": ", pers[x->per]);
	jcount(fp, x->days);
	fputs(", \"window\": ", fp);
	jw_span(fp, x->window);
	putc('}', fp);
}

/* The aid block, or null; a standard's total a year when it has children. */
static void
json_aid(FILE *fp, const struct plan *p)
{
	const struct aid_standard *x;
	uint32_t i;

	if (!p->has_aid) {
		fputs("null", fp);
		return;
	}
	fputs("{\"standards\": [", fp);
	for (i = 0; i < p->aid.nstandards; i++) {
		x = &p->aid.standards[i];
		fputs(i > 0 ? ",\n    " : "\n    ", fp);
		fputs("{\"category\": ", fp);
		jw_str(fp, x->category);
		fprintf(fp, ", \"amount\": %.15g, \"amount-at-least\": %s, "
		    "\"per\": \"%s\", \"children\": ", x->amount,
		    x->amount_at_least ? "true" : "false", pers[x->per]);
		jcount(fp, x->children);
		fputs(", \"proofs\": ", fp);
		jw_strs(fp, x->proofs, x->nproofs);
		fputs(", \"total-a-year\": ", fp);
		jnum(fp, x->children >= 0, x->amount * (double)x->children *
		    (x->per == PER_SEMESTER ? 2 : x->per == PER_MONTH ? 12 : 1));
		putc('}', fp);
	}
	fputs("], \"budget\": ", fp);
	jnum(fp, p->aid.has_budget, p->aid.budget);
	fprintf(fp, ", \"publicity-days\": %lld}",
	    (long long)p->aid.publicity_days);
}

/* Starts a member of the plan object that holds a list, one item a line. */
static void
list_item(FILE *fp, uint32_t i)
{
	fputs(i > 0 ? ",\n   " : "\n   ", fp);
}

static const char *const plan_kinds_json[] = {	/* enum plan_kind */
	"pairing", "mentorship", "aid", "responsibility", "programme"
};

void
json_plan(FILE *fp, const struct plan *p)
{
	uint32_t i;

	fputs("{\"file\": ", fp);
	jw_str(fp, p->file);
	fputs(", \"pairplan\": 1, \"title\": ", fp);
	jw_str(fp, p->title);
	fputs(",\n  \"host\": ", fp);
	json_org(fp, p, &p->orgs[0], true);
	fputs(",\n  \"period\": ", fp);
	jw_span(fp, p->period);
	fputs(", \"lang\": ", fp);
	jw_str(fp, p->lang);
	fprintf(fp, ",\n  \"kind\": \"%s\", \"author\": \"%s\", \"writer\": ",
	    plan_kinds_json[p->kind <= PK_PROGRAMME ? p->kind : 0],
	    p->author == AUTHOR_PARTNER ? "partner" : "host");
	if (p->author == AUTHOR_PARTNER && p->has_writer)
		jref(fp, p, &p->writer, false);
	else if (p->author == AUTHOR_PARTNER && p->norgs == 2)
		jw_str(fp, p->orgs[1].id);
	else
		fputs("null", fp);
	fputs(", \"issuer\": ", fp);
	jw_str(fp, p->issuer);
	fputs(",\n  \"preamble\": ", fp);
	jw_str(fp, p->preamble);
	fputs(",\n  \"closing\": ", fp);
	jw_str(fp, p->closing);
	fputs(",\n  \"confirm\": ", fp);
	jw_strs(fp, p->confirm, p->nconfirm);
	fputs(", \"pairings-per-person\": ", fp);
	jcount(fp, p->pairings_per_person);
	fputs(",\n  \"guiding\": ", fp);
	jw_str(fp, p->guiding);
	fputs(",\n  \"goals\": ", fp);
	jw_strs(fp, p->goals, p->ngoals);
	fputs(",\n  \"partners\": [", fp);
	for (i = 1; i < p->norgs; i++) {
		list_item(fp, i - 1);
		json_org(fp, p, &p->orgs[i], false);
	}
	fputs("],\n  \"people\": [", fp);
	for (i = 0; i < p->npeople; i++) {
		list_item(fp, i);
		json_person(fp, p, &p->people[i]);
	}
	fputs("],\n  \"leadership\": {\"leader\": ", fp);
	jreflist(fp, p, &p->leader, true);
	fputs(", \"deputies\": ", fp);
	jreflist(fp, p, &p->deputies, true);
	fputs(", \"members\": ", fp);
	jreflist(fp, p, &p->members, true);
	fputs("},\n  \"phases\": [", fp);
	for (i = 0; i < p->nphases; i++) {
		list_item(fp, i);
		json_phase(fp, p, &p->phases[i]);
	}
	fputs("],\n  \"mentorships\": [", fp);
	for (i = 0; i < p->nmentorships; i++) {
		list_item(fp, i);
		json_mentorship(fp, p, &p->mentorships[i], i + 1);
	}
	fputs("],\n  \"targets\": [", fp);
	for (i = 0; i < p->ntargets; i++) {
		list_item(fp, i);
		json_target(fp, p, &p->targets[i]);
	}
	fputs("],\n  \"quotas\": [", fp);
	for (i = 0; i < p->nquotas; i++) {
		list_item(fp, i);
		json_plan_quota(fp, p, &p->quotas[i]);
	}
	fputs("],\n  \"sections\": [", fp);
	for (i = 0; i < p->nsections; i++) {
		list_item(fp, i);
		json_section(fp, &p->sections[i], true);
	}
	fputs("],\n  \"pairings\": [", fp);
	for (i = 0; i < p->npairings; i++) {
		list_item(fp, i);
		json_pairing(fp, p, &p->pairings[i]);
	}
	fputs("],\n  \"aid\": ", fp);
	json_aid(fp, p);
	fputs(",\n  \"calendar\": ", fp);
	json_calendar(fp, p);
	putc('}', fp);
}
