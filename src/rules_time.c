/* rules_time.c - checks of dates, windows and counts: range-order, outside-plan, outside-phase, exclusive-keys, bad-number, limit, non-working-date, calendar-coverage. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "cal.h"
#include "catalog.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "rules.h"

/* ---- checks -------------------------------------------------------- */

static void
order(struct diags *d, struct pos n, struct span s, const char *what)
{
	char a[11], b[11];

	if (n.line == 0 || span_ok(s))
		return;
	date_format(s.to, a);
	date_format(s.from, b);
	rules_report(d, R_RANGE_ORDER, n, "%s ends %s before it starts %s", what, a,
	    b);
}

void
check_range_order(const struct plan *p, struct diags *d)
{
	uint32_t i, j;

	if (p->has_period)
		order(d, rules_npos(p->period_node), p->period, "the plan period");
	for (i = 0; i < p->nphases; i++) {
		const struct phase *ph = &p->phases[i];

		order(d, rules_npos(ph->period_node), ph->period,
		    arena_printf(d->arena, "phase '%s'", ph->id));
		/* the message is made only for a window that is wrong */
		for (j = 0; j < ph->nacts; j++)
			if (ph->acts[j].w.has_when &&
			    !span_ok(ph->acts[j].w.window))
				order(d, ph->acts[j].where->wp.when_pos,
				    ph->acts[j].w.window, arena_printf(
				    d->arena, "the window of activity '%s'",
				    ph->acts[j].id));
	}
	for (i = 0; i < p->nmentorships; i++) {
		const struct mentorship *m = &p->mentorships[i];

		if (m->has_period)
			order(d, rules_npos(m->period_node), m->period,
			    "a mentorship period");
		if (m->meet.has_when)
			order(d, m->meet_pos.when_pos, m->meet.window,
			    "a mentorship's meeting window");
	}
	for (i = 0; i < p->nclosed_raw; i++)
		order(d, rules_npos(p->closed_nodes[i]), p->closed_raw[i],
		    "a closed range");
}

/*
 * A fixed activity of several days occupies its date and the working
 * days after it (§5.2): all of them must lie in phase ph's period (the
 * plan's when ph is NULL), or rule is reported (a span past the calendar
 * is never scheduled, and no date past 9999-12-31 is printed).
 */
static void
fixed_span(const struct plan *p, struct diags *d, const struct activity *a,
    enum rule_id rule, const struct phase *ph)
{
	struct span occ, within = ph != NULL ? ph->period : p->period;
	char day[11], end[11];
	const char *what;

	if (a->w.days <= 1)
		return;
	occ.from = a->date;
	occ.to = plan_occupied_end(p, a->date, a->w.days);
	if (span_inside(occ, within))
		return;
	/* named only here: most activities fit */
	what = ph != NULL ? arena_printf(d->arena, "phase '%s' (%s)", ph->id,
	    rules_span_text(d, ph->period)) : arena_printf(d->arena,
	    "the plan period %s", rules_span_text(d, p->period));
	date_format(a->date, day);
	if (occ.to == INT32_MAX) {
		rules_report(d, rule, a->where->date_pos, "activity '%s' on %s lasts %u "
		    "working days, more than the calendar has after it within "
		    "%s", a->id, day, a->w.days, what);
		return;
	}
	date_format(occ.to, end);
	rules_report(d, rule, a->where->date_pos, "activity '%s' on %s lasts %u "
	    "working days, to %s: past the end of %s", a->id, day, a->w.days,
	    end, what);
}

void
check_outside_plan(const struct plan *p, struct diags *d)
{
	const char *pp;
	uint32_t i;

	if (!p->has_period || !span_ok(p->period))
		return;
	pp = rules_span_text(d, p->period);
	for (i = 0; i < p->nphases; i++) {
		const struct phase *ph = &p->phases[i];

		if (ph->period_node != NULL && span_ok(ph->period) &&
		    !span_inside(ph->period, p->period))
			rules_report(d, R_OUTSIDE_PLAN, rules_npos(ph->period_node), "phase '%s' "
			    "(%s) is outside the plan period %s", ph->id,
			    rules_span_text(d, ph->period), pp);
	}
	/* a phase without a usable period: its fixed dates against the plan */
	for (i = 0; i < p->nphases; i++) {
		const struct phase *ph = &p->phases[i];
		uint32_t j;

		if (ph->period_node != NULL && span_ok(ph->period))
			continue;
		for (j = 0; j < ph->nacts; j++) {
			const struct activity *a = &ph->acts[j];

			if (!a->has_date)
				continue;
			if (!span_inside(a->w.window, p->period))
				rules_report(d, R_OUTSIDE_PLAN, a->where->date_pos,
				    "activity '%s' on %s is outside the plan "
				    "period %s", a->id, rules_span_text(d,
				    a->w.window), pp);
			else
				fixed_span(p, d, a, R_OUTSIDE_PLAN, NULL);
		}
	}
	for (i = 0; i < p->nmentorships; i++) {
		const struct mentorship *m = &p->mentorships[i];

		if (m->has_period && span_ok(m->period) &&
		    !span_inside(m->period, p->period))
			rules_report(d, R_OUTSIDE_PLAN, rules_npos(m->period_node), "mentorship "
			    "period %s is outside the plan period %s",
			    rules_span_text(d, m->period), pp);
		if (m->meet.has_when && span_ok(m->meet.window) &&
		    span_ok(m->period) &&
		    !span_inside(m->meet.window, m->period))
			rules_report(d, R_OUTSIDE_PLAN, m->meet_pos.when_pos, "meeting "
			    "window %s is outside the mentorship period %s",
			    rules_span_text(d, m->meet.window),
			    rules_span_text(d, m->period));
	}
}

void
check_outside_phase(const struct plan *p, struct diags *d)
{
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++) {
		const struct phase *ph = &p->phases[i];

		if (ph->period_node == NULL || !span_ok(ph->period))
			continue;
		/* A phase outside the plan is one error (outside-plan). */
		if (p->has_period && span_ok(p->period) &&
		    !span_inside(ph->period, p->period))
			continue;
		for (j = 0; j < ph->nacts; j++) {
			const struct activity *a = &ph->acts[j];

			if (a->has_date && !span_inside(a->w.window,
			    ph->period))
				rules_report(d, R_OUTSIDE_PHASE, a->where->date_pos,
				    "activity '%s' on %s is outside phase '%s' "
				    "(%s)", a->id, rules_span_text(d, a->w.window),
				    ph->id, rules_span_text(d, ph->period));
			else if (a->has_date)
				fixed_span(p, d, a, R_OUTSIDE_PHASE, ph);
			else if (!a->has_date && a->w.has_when &&
			    span_ok(a->w.window) &&
			    !span_inside(a->w.window, ph->period))
				rules_report(d, R_OUTSIDE_PHASE, a->where->wp.when_pos,
				    "the window %s of activity '%s' is outside "
				    "phase '%s' (%s)", rules_span_text(d,
				    a->w.window), a->id, ph->id,
				    rules_span_text(d, ph->period));
		}
	}
}

void
check_exclusive_keys(const struct plan *p, struct diags *d)
{
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];
			const char *key = a->where->wp.when_pos.line ? "when" :
			    a->where->wp.times_pos.line ? "times" :
			    a->where->wp.every_pos.line ? "every" : NULL;
			struct pos other = a->where->wp.when_pos.line ?
			    a->where->wp.when_pos : a->where->wp.times_pos.line ?
			    a->where->wp.times_pos : a->where->wp.every_pos;

			if (a->where->date_pos.line == 0 || key == NULL)
				continue;
			rules_report(d, R_EXCLUSIVE_KEYS, other, "activity '%s' has "
			    "a fixed 'date' and also '%s'", a->id, key);
		}
	for (i = 0; i < p->ntargets; i++)
		if (p->targets[i].extra_cmp_node != NULL)
			rules_report(d, R_EXCLUSIVE_KEYS,
			    rules_npos(p->targets[i].extra_cmp_node), "a target takes "
			    "one of 'at-least', 'at-most' and 'equals'");
}

/*
 * Eligible days: working days of a series' own site calendar (§13) on an
 * allowed weekday. With every, the most any one period of the window
 * offers.
 */
#define MAX_PERIODS	1000

static int32_t
eligible_days(const struct sitecal *c, const struct when *w)
{
	struct span per;
	int32_t best = 0, k;
	day_t start, next;
	uint32_t n;

	if (w->every == EV_NONE)
		return sitecal_count(c, w->window, w->weekdays);
	/*
	 * A window of many short periods need not be searched to its end:
	 * after MAX_PERIODS periods the best seen so far stands.
	 */
	for (start = plan_period_first(w), n = 0;
	    start <= w->window.to && n < MAX_PERIODS; start = next, n++) {
		next = plan_period_next(w, start);
		per.from = start < w->window.from ? w->window.from : start;
		per.to = next - 1 > w->window.to ? w->window.to : next - 1;
		if ((k = sitecal_count(c, per, w->weekdays)) > best)
			best = k;
		if ((uint32_t)best >= w->times)
			break;	/* enough: no need to look further */
	}
	return best;
}

/*
 * times and days against the eligible days of one series, on the
 * calendar of its site; site names the site when its calendar is not the
 * plan-wide one. False when it reported.
 */
static bool
check_series_times(const struct plan *p, struct diags *d,
    const struct when *w, const struct when_pos *wp, const char *what,
    const char *id, int32_t site, struct pos where)
{
	const struct sitecal *c = plan_site_cal(p, site, w);
	const char *at = "";
	int32_t k;

	if (c != &p->sitecals[0])
		at = site >= 0 ? arena_printf(d->arena, " at '%s'",
		    p->orgs[site].id) : " on the days its people's "
		    "kindergartens all work";
	if (w->days > 1 && (k = sitecal_count(c, w->window, 0x7F)) <
	    (int32_t)w->days) {
		rules_report(d, R_BAD_NUMBER, wp->when_pos.line ? wp->when_pos :
		    wp->times_pos.line ? wp->times_pos : where, "%s '%s' lasts %u "
		    "working days but its window has only %d%s", what, id,
		    w->days, k, at);
		return true;
	}
	k = eligible_days(c, w);
	if ((uint32_t)k >= w->times)
		return false;
	rules_report(d, R_BAD_NUMBER, wp->times_pos.line ? wp->times_pos :
	    wp->when_pos.line ? wp->when_pos : where, "%s '%s' wants %u time%s "
	    "%sbut %s only %d eligible "
	    "day%s%s", what, id, w->times, w->times == 1 ? "" : "s",
	    w->every != EV_NONE ? "a period " : "",
	    w->every != EV_NONE ? "a period has" : "its window has", k,
	    k == 1 ? "" : "s", at);
	return true;
}

/*
 * Each series of an activity or a mentorship's meetings (one per partner
 * for `at: partner`), each site calendar once: the first that is short
 * is reported.
 */
static void
check_times(const struct plan *p, struct diags *d, const struct when *w,
    const char *what, const char *id, const struct activity *a,
    const struct mentorship *m)
{
	const struct sitecal *done = NULL, *c;
	static const struct when_pos none;
	struct pos where = a != NULL ? a->where->pos : m != NULL ?
	    rules_npos(m->node) : rules_npos(NULL);
	const struct when_pos *wp = a != NULL ? &a->where->wp : m != NULL ?
	    &m->meet_pos : &none;
	uint32_t i, n = 1;
	int32_t site;

	if (!p->has_wm || !span_ok(w->window) ||
	    w->window.from < p->period.from || w->window.to > p->period.to)
		return;
	if (a != NULL && w->at == AT_PARTNER)
		n = a->all_partners ? p->norgs - 1 : a->partners.n;
	for (i = 0; i < n; i++) {
		site = plan_series_site(p, w, a == NULL || w->at != AT_PARTNER ?
		    -1 : a->all_partners ? (int32_t)i + 1 :
		    a->partners.v[i].idx, m);
		if (a != NULL && w->at == AT_PARTNER && site < 1)
			continue;
		if ((c = plan_site_cal(p, site, w)) == done)
			continue;
		done = c;
		if (check_series_times(p, d, w, wp, what, id, site, where))
			return;
	}
}

void
check_bad_number(const struct plan *p, struct diags *d)
{
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];

			if (!a->has_date)
				check_times(p, d, &a->w, "activity", a->id, a,
				    NULL);
		}
	for (i = 0; i < p->nmentorships; i++)
		if (p->mentorships[i].has_meet)
			check_times(p, d, &p->mentorships[i].meet,
			    "mentorship", arena_printf(d->arena, "m%u", i + 1),
			    NULL, &p->mentorships[i]);
}

/* The most occurrences a plan may expand to (§5.1), so schedule stays bounded. */
#define MAX_OCCURRENCES	10000000u

/* Occurrences of one series: times, in each period when every is set. */
static uint64_t
occurrences(const struct when *w)
{
	uint64_t periods = 1, len;
	int y1, m1, d1, y2, m2, d2;

	if (!span_ok(w->window))
		return 0;
	len = (uint64_t)(w->window.to - w->window.from) + 1;
	switch (w->every) {
	case EV_WEEK:
		periods = len / 7 + 2;
		break;
	case EV_WEEKS:
		periods = len / (7 * (uint64_t)w->every_n) + 2;
		break;
	case EV_DAYS:
		periods = (len + w->every_n - 1) / w->every_n;
		break;
	case EV_MONTH:
		date_to_civil(w->window.from, &y1, &m1, &d1);
		date_to_civil(w->window.to, &y2, &m2, &d2);
		periods = (uint64_t)((y2 - y1) * 12 + (m2 - m1) + 1);
		break;
	case EV_MONTHS:
	case EV_SEMESTER:
	case EV_YEAR:
		date_to_civil(w->window.from, &y1, &m1, &d1);
		date_to_civil(w->window.to, &y2, &m2, &d2);
		periods = (uint64_t)((y2 - y1) * 12 + (m2 - m1) + 1) /
		    (w->every == EV_YEAR ? 12 : w->every == EV_SEMESTER ? 6 :
		    w->every_n) + 1;
		break;
	default:
		break;
	}
	return periods * w->times;
}

static uint64_t
slen(const char *s)
{
	return s != NULL ? strlen(s) : 0;
}

/*
 * Bytes a reference prints where it is written out: the text as written,
 * and what it names: a person's id, name, role and duty, or an
 * organisation's id and name (a short id may name a long name).
 */
static uint64_t
ref_text(const struct plan *p, const struct ref *r, bool person)
{
	uint64_t n = strlen(plan_ref_text(r));

	if (r->idx < 0)
		return n;
	if (person && (uint32_t)r->idx < p->npeople)
		n += slen(p->people[r->idx].id) + slen(p->people[r->idx].name) +
		    slen(p->people[r->idx].role) + slen(p->people[r->idx].duty);
	else if (!person && (uint32_t)r->idx < p->norgs)
		n += slen(p->orgs[r->idx].id) + slen(p->orgs[r->idx].name);
	return n;
}

/*
 * ref_text of a person, with the text of each person worked out once,
 * when first referred to (plen[i] is that plus one; 0: not yet): most of
 * a big plan's people are not, and their text is cold.
 */
static uint64_t
person_ref_text(const struct plan *p, uint64_t *plen, const struct ref *r)
{
	const struct person *x;

	if (plen == NULL || r->idx < 0 || (uint32_t)r->idx >= p->npeople)
		return ref_text(p, r, true);
	if (plen[r->idx] == 0) {
		x = &p->people[r->idx];
		plen[r->idx] = slen(x->id) + slen(x->name) + slen(x->role) +
		    slen(x->duty) + 1;
	}
	return strlen(plan_ref_text(r)) + plen[r->idx] - 1;
}

/* The units of a list of references printed once: each one's text. */
static uint64_t
refs_units(const struct plan *p, const struct reflist *l, bool person)
{
	uint64_t u = 0;
	uint32_t i;

	for (i = 0; i < l->n; i++)
		u = budget_add(u, budget_text(ref_text(p, &l->v[i], person)));
	return u;
}

/* Charges units for what at prints; false after reporting the limit. */
static bool
charge_at(struct diags *d, struct pos at, const char *what, uint64_t units)
{
	if (budget_charge(&d->budget, units))
		return true;
	rules_report(d, R_LIMIT, at, "the plan passes the work limit of a file "
	    "of %llu bytes at %s, with the names its references print (see "
	    "'Limits' in the format's documentation)",
	    (unsigned long long)d->budget.input, what);
	return false;
}

/*
 * What scheduling one series costs (budget.h): for each occurrence, a
 * unit a day for each person and site it occupies and its text; for a
 * flexible series, the days of the window searched for each of them.
 */
struct series_cost {
	uint64_t	 occ;		/* occurrences */
	uint64_t	 npeople;
	uint64_t	 text;		/* bytes an event prints */
	uint32_t	 days;
	uint64_t	 units;
};

static void
series_cost(const struct when *w, bool fixed, uint64_t npeople,
    uint64_t text, struct series_cost *c)
{
	uint64_t cals = 1 + npeople, per;

	c->occ = fixed ? 1 : occurrences(w);
	c->npeople = npeople;
	c->text = text;
	c->days = w->days;
	per = budget_add(budget_mul(cals, w->days), budget_text(text));
	c->units = budget_mul(c->occ, per);
	if (!fixed && span_ok(w->window))
		c->units = budget_add(c->units, budget_mul(cals,
		    ((uint64_t)(w->window.to - w->window.from) +
		    BUDGET_WINDOW_DAYS) / BUDGET_WINDOW_DAYS));
}

/* "... at activity 'x': N occurrences of D days, with P people each". */
static void
report_limit(struct diags *d, struct pos at, const char *what,
    const struct series_cost *c, uint64_t series)
{
	uint64_t n = budget_mul(c->occ, series);

	rules_report(d, R_LIMIT, at, "the plan passes the work limit of a "
	    "file of %llu bytes at %s: %llu occurrence%s of %u day%s%s%s%s%s "
	    "(see 'Limits' in the format's documentation)",
	    (unsigned long long)d->budget.input, what, (unsigned long long)n,
	    n == 1 ? "" : "s", c->days, c->days == 1 ? "" : "s",
	    c->npeople > 0 ? ", with " : "", c->npeople > 0 ?
	    arena_printf(d->arena, "%llu", (unsigned long long)c->npeople) :
	    "", c->npeople == 0 ? "" : c->npeople == 1 ? " person each" :
	    " people each", c->text < 4096 ? "" : arena_printf(d->arena,
	    ", printing %llu bytes of names and text",
	    (unsigned long long)c->text));
}

/* The longest id and name of an organisation: the site an event prints. */
static uint64_t
longest_site(const struct plan *p)
{
	uint64_t best = 0, n;
	uint32_t i;

	for (i = 0; i < p->norgs; i++) {
		n = (p->orgs[i].id ? strlen(p->orgs[i].id) : 0) +
		    (p->orgs[i].name ? strlen(p->orgs[i].name) : 0);
		if (n > best)
			best = n;
	}
	return best;
}

/* A quota's people: a list, or the lists of a group of the leadership. */
static size_t
quota_lists(const struct plan *p, const struct quota *q,
    const struct reflist **out)
{
	size_t n = 0;

	if (q->group == QG_LEADER || q->group == QG_LEADERSHIP)
		out[n++] = &p->leader;
	if (q->group == QG_DEPUTIES || q->group == QG_LEADERSHIP)
		out[n++] = &p->deputies;
	if (q->group == QG_MEMBERS || q->group == QG_LEADERSHIP)
		out[n++] = &p->members;
	if (q->group == QG_LIST)
		out[n++] = &q->people;
	return n;
}

/*
 * Charges the file's budget with what scheduling the plan will cost:
 * every series (fixed dates and each partner of `at: partner` included),
 * every mentorship's meetings and pairing's visits, and every quota
 * row. The first that passes
 * the limit is reported, and the rest is not charged. The occurrences are
 * also held under MAX_OCCURRENCES whatever the size of the file.
 */
static void
limit_check(const struct plan *p, struct diags *d, uint64_t *plen);

void
check_limit(const struct plan *p, struct diags *d)
{
	/* what each person prints, for the many references to them */
	uint64_t *plen = calloc((size_t)p->npeople + 1, sizeof(*plen));

	limit_check(p, d, plen);
	free(plen);
}

static void
limit_check(const struct plan *p, struct diags *d, uint64_t *plen)
{
	struct series_cost c;
	uint64_t total = 0, text, site = longest_site(p), series, npeople, k,
	    units, rows;
	uint32_t i, j, l;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];

			series = 1;
			if (a->w.at == AT_PARTNER)
				series = a->all_partners ? p->norgs - 1 :
				    a->partners.n;
			npeople = (uint64_t)a->owners.n + a->people.n;
			/* what each event prints: title, ids, site, names */
			text = strlen(a->title) + strlen(a->id) + site +
			    slen(p->phases[i].id);
			for (l = 0; l < a->owners.n; l++)
				text += person_ref_text(p, plen,
				    &a->owners.v[l]);
			for (l = 0; l < a->people.n; l++)
				text += person_ref_text(p, plen,
				    &a->people.v[l]);
			series_cost(&a->w, a->has_date, npeople, text, &c);
			total = budget_add(total, budget_mul(c.occ, series));
			if (total > MAX_OCCURRENCES) {
				rules_report(d, R_LIMIT, a->where->pos, "the plan expands to "
				    "more than %u occurrences to schedule "
				    "(activity '%s' passes the limit)",
				    MAX_OCCURRENCES, a->id);
				return;
			}
			/* and the activity as the exports print it, once */
			units = budget_add(budget_mul(c.units, series),
			    budget_add(budget_text(text), refs_units(p,
			    &a->partners, false)));
			if (!budget_charge(&d->budget, units)) {
				report_limit(d, a->where->pos, arena_printf(d->arena,
				    "activity '%s'", a->id), &c, series);
				return;
			}
		}
	for (i = 0; i < p->nmentorships; i++) {
		const struct mentorship *m = &p->mentorships[i];
		const char *what = arena_printf(d->arena, "the meetings of "
		    "mentorship m%u", i + 1);

		text = ref_text(p, &m->mentor, true) +
		    ref_text(p, &m->apprentice, true);
		if (!charge_at(d, rules_npos(m->node), what, budget_text(text)))
			return;
		if (!m->has_meet)
			continue;
		series_cost(&m->meet, false, 2, text + site, &c);
		total = budget_add(total, c.occ);
		if (total > MAX_OCCURRENCES) {
			rules_report(d, R_LIMIT, rules_npos(p->root), "the plan "
			    "expands to more than %u occurrences to schedule",
			    MAX_OCCURRENCES);
			return;
		}
		if (!budget_charge(&d->budget, c.units)) {
			report_limit(d, rules_npos(m->node), what, &c, 1);
			return;
		}
	}
	for (i = 0; i < p->npairings; i++) {	/* visits: a series (§10) */
		const struct pairing *x = &p->pairings[i];
		const char *what = arena_printf(d->arena, "pairing '%s'", x->id);

		text = ref_text(p, &x->person, true) +
		    ref_text(p, &x->partner, false);
		if (!charge_at(d, rules_npos(x->node), what, budget_text(text)))
			return;
		if (x->visits <= 0)
			continue;
		series_cost(&x->w, false, 1, text + site, &c);
		total = budget_add(total, c.occ);
		if (total > MAX_OCCURRENCES) {
			rules_report(d, R_LIMIT, rules_npos(x->node), "the plan "
			    "expands to more than %u occurrences to schedule "
			    "(pairing '%s' passes the limit)", MAX_OCCURRENCES,
			    x->id);
			return;
		}
		if (!budget_charge(&d->budget, c.units)) {
			report_limit(d, rules_npos(x->node), what, &c, 1);
			return;
		}
	}
	if (!charge_at(d, rules_npos(p->leadership_node), "'leadership'",
	    budget_add(refs_units(p, &p->leader, true), budget_add(
	    refs_units(p, &p->deputies, true), refs_units(p, &p->members,
	    true)))))
		return;
	for (i = 0; i < p->ntargets; i++)
		if (!charge_at(d, rules_npos(p->targets[i].node),
		    arena_printf(d->arena, "target %u", i + 1), budget_add(1,
		    refs_units(p, &p->targets[i].partners, false))))
			return;
	if (!p->has_period || !span_ok(p->period))
		return;
	for (i = 0; i < p->nquotas; i++) {
		const struct quota *q = &p->quotas[i];
		const struct reflist *lists[3];
		int months = q->per == PER_YEAR ? 12 : q->per == PER_SEMESTER ?
		    6 : 1;
		int y1, m1, d1, y2, m2, d2;
		size_t g, ng = quota_lists(p, q, lists);

		date_to_civil(p->period.from, &y1, &m1, &d1);
		date_to_civil(p->period.to, &y2, &m2, &d2);
		k = (uint64_t)((y2 - y1) * 12 + (m2 - m1) + 1) /
		    (uint64_t)months + 1;
		/* a row for each person in each period, with the name */
		for (g = 0, rows = 0, units = 0; g < ng; g++) {
			rows += lists[g]->n;
			units = budget_add(units, budget_add(lists[g]->n,
			    refs_units(p, lists[g], true)));
		}
		/* a row a period for visits and one for days */
		k = budget_mul(k, (uint64_t)(q->visits >= 0) + (q->days >= 0));
		if (!budget_charge(&d->budget, budget_mul(units, k))) {
			rules_report(d, R_LIMIT, rules_npos(q->node), "the plan "
			    "passes the work limit of a file of %llu bytes at "
			    "quota %u: %llu people, each counted in %llu periods "
			    "(see 'Limits' in the format's documentation)",
			    (unsigned long long)d->budget.input, i + 1,
			    (unsigned long long)rows, (unsigned long long)k);
			return;
		}
	}
	/* a pairing's days: a row a period, with the person's name */
	for (i = 0; i < p->npairings; i++) {
		const struct pairing *x = &p->pairings[i];

		if (x->days < 0)
			continue;
		k = (uint64_t)(p->period.to - p->period.from) / 28 + 2;
		if (!charge_at(d, rules_npos(x->node), arena_printf(d->arena,
		    "pairing '%s'", x->id), budget_mul(k, budget_add(1,
		    budget_text(ref_text(p, &x->person, true))))))
			return;
	}
}

/* Why day is not a working day at a site, for a message. */
static const char *
why_not_working(const struct sitecal *c, day_t day)
{
	static const char *const names[7] = {
		"a Monday", "a Tuesday", "a Wednesday", "a Thursday",
		"a Friday", "a Saturday", "a Sunday"
	};
	const char *holiday = NULL;
	uint32_t i;
	size_t k;

	for (i = 0; i < c->ncals; i++) {
		const struct calendar *cal = c->cals[i];

		if (cal_is_working(cal, day))
			continue;
		if (cal_holiday(cal, day, &holiday, NULL) == CN_OFF)
			return holiday;
		/* closed is sorted and merged: the last range starting by day */
		k = date_count_upto(cal->closed, cal->nclosed,
		    sizeof(*cal->closed), day);
		if (k > 0 && day <= cal->closed[k - 1].to)
			return "the kindergarten is closed";
		break;
	}
	return names[date_weekday(day)];
}

/* The calendar of a fixed activity's first site that does not work on d. */
static const struct sitecal *
fixed_off_site(const struct plan *p, const struct activity *a, int32_t *site)
{
	const struct sitecal *c;
	uint32_t i, n = 1;

	if (a->w.at == AT_PARTNER)
		n = a->all_partners ? p->norgs - 1 : a->partners.n;
	for (i = 0; i < n; i++) {
		*site = plan_series_site(p, &a->w, a->w.at != AT_PARTNER ? -1 :
		    a->all_partners ? (int32_t)i + 1 : a->partners.v[i].idx,
		    NULL);
		if (a->w.at == AT_PARTNER && *site < 1)
			continue;
		c = plan_site_cal(p, *site, &a->w);
		if (!sitecal_is_working(c, a->date))
			return c;
	}
	return NULL;
}

void
check_non_working_date(const struct plan *p, struct diags *d)
{
	const struct sitecal *c;
	uint32_t i, j;
	int32_t site;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];
			char day[11];

			if (!a->has_date ||
			    (c = fixed_off_site(p, a, &site)) == NULL)
				continue;
			date_format(a->date, day);
			rules_report(d, R_NON_WORKING_DATE, a->where->date_pos, "activity "
			    "'%s' is fixed on %s, which is not a working day%s "
			    "(%s)", a->id, day, c == &p->sitecals[0] ? "" :
			    site >= 0 ? arena_printf(d->arena, " at '%s'",
			    p->orgs[site].id) : " of all its people's "
			    "kindergartens", why_not_working(c, a->date));
		}
}

/* "2027", "2027-2029", "2027, 2029-2030", in the diagnostics' arena. */
static const char *
years_text(struct diags *d, const bool *in, int y1, int y2)
{
	const char *s = "";
	int y, e;

	for (y = y1; y <= y2; y = e + 1) {
		if (!in[y - y1]) {
			e = y;
			continue;
		}
		for (e = y; e < y2 && in[e + 1 - y1]; e++)
			;
		s = e == y ? arena_printf(d->arena, "%s%s%d", s, *s ? ", " : "",
		    y) : arena_printf(d->arena, "%s%s%d-%d", s, *s ? ", " : "",
		    y, e);
	}
	return s;
}

void
check_calendar_coverage(const struct plan *p, struct diags *d)
{
	bool computed[PLAN_MAX_DAYS / 365 + 3], unknown[PLAN_MAX_DAYS / 365 + 3];
	bool any_computed = false, any_unknown = false;
	int y1, y2, y, m, dd, first_c = 0, first_u = 0;
	struct pos at;

	if (!p->cal.cn || !p->has_period || !span_ok(p->period))
		return;
	date_to_civil(p->period.from, &y1, &m, &dd);
	date_to_civil(p->period.to, &y2, &m, &dd);
	if (y2 - y1 + 1 > (int)(sizeof(computed) / sizeof(computed[0])))
		return;		/* rule limit reports the period */
	for (y = y1; y <= y2; y++) {
		enum cn_source src = cn_year_source(y);

		computed[y - y1] = unknown[y - y1] = false;
		if (cal_file_covers_year(&p->cal, y) || src == CN_OFFICIAL)
			continue;
		if (src == CN_COMPUTED) {
			any_computed = computed[y - y1] = true;
			first_c = first_c ? first_c : y;
		} else {
			any_unknown = unknown[y - y1] = true;
			first_u = first_u ? first_u : y;
		}
	}
	at = rules_npos(p->holidays_node != NULL ? p->holidays_node :
	    p->period_node);
	if (any_computed)
		rules_report(d, R_CALENDAR_COVERAGE, at, "the holidays of %s "
		    "are China's statutory days only, computed by the rules in "
		    "force since 2025, without the bridging days and make-up "
		    "working days the State Council announces each year; add "
		    "them with a holiday file, e.g. 'holidays: [cn, "
		    "holidays-%d.yaml]'", years_text(d, computed, y1, y2),
		    first_c);
	if (any_unknown)
		rules_report(d, R_CALENDAR_COVERAGE, at, "no holidays are known "
		    "for %s (the built-in calendar covers %d-%d), so every "
		    "weekday there counts as a working day; give them in a "
		    "holiday file, e.g. 'holidays: [cn, holidays-%d.yaml]'",
		    years_text(d, unknown, y1, y2), CN_FIRST_YEAR,
		    CN_COMPUTED_LAST, first_u);
}
