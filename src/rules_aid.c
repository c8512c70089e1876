/* rules_aid.c - checks of money and figures: budget, publicity-short, target-sum. */
#include <math.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "plan.h"
#include "rules.h"

/* What the standards with a number of children cost in a year. */
void
check_budget(const struct plan *p, struct diags *d)
{
	double cost = 0;
	uint32_t i;

	if (!p->has_aid || !p->aid.has_budget)
		return;
	for (i = 0; i < p->aid.nstandards; i++) {
		const struct aid_standard *s = &p->aid.standards[i];

		if (s->children >= 0)
			cost += s->amount * (double)s->children *
			    (s->per == PER_SEMESTER ? 2 : s->per == PER_MONTH ?
			    12 : 1);
	}
	if (cost > p->aid.budget)
		rules_report(d, R_BUDGET, rules_npos(p->aid.budget_node),
		    "the aid standards cost %.0f yuan a year, more than the "
		    "budget of %.0f", cost, p->aid.budget);
}

/*
 * Every publicity lasts at least its publicity-days, or the aid's
 * (default 5: 公示不少于5个工作日) in an aid plan or one with `aid`.
 */
void
check_publicity_short(const struct plan *p, struct diags *d)
{
	uint32_t i;

	for (i = 0; i < p->nacts; i++) {
		const struct activity *a = p->acts[i];
		int64_t least = a->publicity_days;

		if (a->kind != K_PUBLICITY)
			continue;
		if (least < 0)
			least = p->has_aid || p->kind == PK_AID ?
			    p->aid.publicity_days : 0;
		if ((int64_t)a->w.days >= least)
			continue;
		rules_report(d, R_PUBLICITY_SHORT, a->where->pos, "%s lasts %u "
		    "working day%s, less than the %lld a publicity needs "
		    "(days: %lld)", rules_act(d, a), a->w.days,
		    a->w.days == 1 ? "" : "s", (long long)least,
		    (long long)least);
	}
}

/* Yearly figures that do not add up to the total (or, cumulative, reach it). */
void
check_target_sum(const struct plan *p, struct diags *d)
{
	uint32_t i, j;

	for (i = 0; i < p->ntargets; i++) {
		const struct target *t = &p->targets[i];
		double sum = 0, slack;

		if (!t->has_total || t->nby_year == 0)
			continue;
		for (j = 0; j < t->nby_year; j++)
			sum = t->cumulative ? t->by_year[j].value :
			    sum + t->by_year[j].value;
		slack = t->approx ? t->total * 0.05 : 1e-9 * fabs(t->total);
		if (fabs(sum - t->total) <= slack)
			continue;
		rules_report(d, R_TARGET_SUM, rules_npos(t->total_node),
		    t->cumulative ? "the last yearly figure of target '%s' is "
		    "%g, not its total %g" : "the yearly figures of target "
		    "'%s' add up to %g, not to its total %g", t->name != NULL ?
		    t->name : "", sum, t->total);
	}
}
