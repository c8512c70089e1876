/* rules_time.c - checks of dates, windows and counts: range-order, outside-plan, outside-phase, exclusive-keys, bad-number, limit, non-working-date, calendar-coverage. */
#include <stdint.h>

#include "arena.h"
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
		for (j = 0; j < ph->nacts; j++)
			if (ph->acts[j].w.has_when)
				order(d, ph->acts[j].w.when_pos,
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
			order(d, m->meet.when_pos, m->meet.window,
			    "a mentorship's meeting window");
	}
	for (i = 0; i < p->nclosed_raw; i++)
		order(d, rules_npos(p->closed_nodes[i]), p->closed_raw[i],
		    "a closed range");
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
			rules_report(d, R_OUTSIDE_PLAN, m->meet.when_pos, "meeting "
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
				rules_report(d, R_OUTSIDE_PHASE, a->date_pos,
				    "activity '%s' on %s is outside phase '%s' "
				    "(%s)", a->id, rules_span_text(d, a->w.window),
				    ph->id, rules_span_text(d, ph->period));
			else if (!a->has_date && a->w.has_when &&
			    span_ok(a->w.window) &&
			    !span_inside(a->w.window, ph->period))
				rules_report(d, R_OUTSIDE_PHASE, a->w.when_pos,
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
			const char *key = a->w.when_pos.line ? "when" :
			    a->w.times_pos.line ? "times" :
			    a->w.every_pos.line ? "every" : NULL;
			struct pos other = a->w.when_pos.line ?
			    a->w.when_pos : a->w.times_pos.line ?
			    a->w.times_pos : a->w.every_pos;

			if (a->date_pos.line == 0 || key == NULL)
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
    const struct when *w, const char *what, const char *id, int32_t site)
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
		rules_report(d, R_BAD_NUMBER, w->when_pos.line ? w->when_pos :
		    w->times_pos, "%s '%s' lasts %u working days but its "
		    "window has only %d%s", what, id, w->days, k, at);
		return true;
	}
	k = eligible_days(c, w);
	if ((uint32_t)k >= w->times)
		return false;
	rules_report(d, R_BAD_NUMBER, w->times_pos.line ? w->times_pos :
	    w->when_pos, "%s '%s' wants %u time%s %sbut %s only %d eligible "
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
		if (check_series_times(p, d, w, what, id, site))
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

void
check_limit(const struct plan *p, struct diags *d)
{
	uint64_t total = 0, n;
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];

			if (a->has_date)
				continue;
			n = occurrences(&a->w);
			if (a->w.at == AT_PARTNER)
				n *= a->all_partners ? p->norgs - 1 :
				    a->partners.n;
			total += n;
			if (total > MAX_OCCURRENCES) {
				rules_report(d, R_LIMIT, a->pos, "the plan expands to "
				    "more than %u occurrences to schedule "
				    "(activity '%s' passes the limit)",
				    MAX_OCCURRENCES, a->id);
				return;
			}
		}
	for (i = 0; i < p->nmentorships; i++)
		if (p->mentorships[i].has_meet)
			total += occurrences(&p->mentorships[i].meet);
	for (i = 0; i < p->npairings; i++) {	/* visits: a series (§10) */
		if (p->pairings[i].visits <= 0)
			continue;
		total += occurrences(&p->pairings[i].w);
		if (total > MAX_OCCURRENCES) {
			rules_report(d, R_LIMIT, rules_npos(p->pairings[i].node),
			    "the plan expands to more than %u occurrences to "
			    "schedule (pairing '%s' passes the limit)",
			    MAX_OCCURRENCES, p->pairings[i].id);
			return;
		}
	}
	if (total > MAX_OCCURRENCES)
		rules_report(d, R_LIMIT, rules_npos(p->root), "the plan expands to more "
		    "than %u occurrences to schedule", MAX_OCCURRENCES);
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
		for (k = 0; k < cal->nclosed; k++)
			if (day >= cal->closed[k].from &&
			    day <= cal->closed[k].to)
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
			rules_report(d, R_NON_WORKING_DATE, a->date_pos, "activity "
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
