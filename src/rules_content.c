/* rules_content.c - checks of what a plan holds: unknown-kind, phase-overlap, empty-phase, partner-unvisited, no-leader. */
#include <stdbool.h>
#include <stdlib.h>

#include "arena.h"
#include "catalog.h"
#include "diag.h"
#include "plan.h"
#include "rules.h"
#include "suggest.h"

void
check_unknown_kind(const struct plan *p, struct diags *d)
{
	const char **names = NULL;
	size_t nnames = 0;
	uint32_t i, j;

	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];
			const char *hint;

			if (a->kind_pos.line == 0 ||
			    plan_kind_from_name(a->kind_text) >= 0)
				continue;
			if (names == NULL)
				names = plan_kind_names(d->arena, &nnames);
			hint = suggest(a->kind_text, names, nnames);
			rules_report(d, R_UNKNOWN_KIND, a->kind_pos,
			    "unknown kind '%s'" SUGGEST_FMT "%s", a->kind_text,
			    SUGGEST_ARGS(hint),
			    hint != NULL ? "" : ", taken as 'other'");
		}
}

static int
phase_cmp(const void *a, const void *b)
{
	const struct phase *x = *(const struct phase *const *)a;
	const struct phase *y = *(const struct phase *const *)b;

	if (x->period.from != y->period.from)
		return x->period.from < y->period.from ? -1 : 1;
	return x < y ? -1 : x > y;
}

void
check_phase_overlap(const struct plan *p, struct diags *d)
{
	const struct phase **v, *last = NULL;
	uint32_t i, n = 0;

	v = arena_alloc(d->arena, (p->nphases + 1) * sizeof(*v));
	for (i = 0; i < p->nphases; i++)
		if (p->phases[i].period_node != NULL &&
		    span_ok(p->phases[i].period))
			v[n++] = &p->phases[i];
	qsort(v, n, sizeof(*v), phase_cmp);
	for (i = 0; i < n; i++) {
		if (last != NULL && v[i]->period.from <= last->period.to) {
			const struct phase *later = v[i] > last ? v[i] : last;
			const struct phase *other = later == v[i] ? last : v[i];

			rules_report(d, R_PHASE_OVERLAP, rules_npos(later->period_node),
			    "phase '%s' (%s) overlaps phase '%s' (%s)",
			    later->id, rules_span_text(d, later->period), other->id,
			    rules_span_text(d, other->period));
		}
		if (last == NULL || v[i]->period.to > last->period.to)
			last = v[i];
	}
}

void
check_empty_phase(const struct plan *p, struct diags *d)
{
	uint32_t i;

	for (i = 0; i < p->nphases; i++)
		if (p->phases[i].nacts == 0)
			rules_report(d, R_EMPTY_PHASE, rules_npos(p->phases[i].node), "phase '%s' "
			    "has no activities", p->phases[i].id);
}

void
check_partner_unvisited(const struct plan *p, struct diags *d)
{
	bool *seen;
	uint32_t i, j, k;

	if (p->norgs < 2)
		return;
	seen = arena_alloc(d->arena, p->norgs * sizeof(*seen));
	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];

			if (a->w.at == AT_ORG && a->w.at_org.idx > 0)
				seen[a->w.at_org.idx] = true;
			if (a->w.at != AT_PARTNER)
				continue;
			if (a->all_partners)
				for (k = 1; k < p->norgs; k++)
					seen[k] = true;
			for (k = 0; k < a->partners.n; k++)
				if (a->partners.v[k].idx > 0)
					seen[a->partners.v[k].idx] = true;
		}
	for (i = 0; i < p->nmentorships; i++) {
		const struct when *w = &p->mentorships[i].meet;

		if (p->mentorships[i].has_meet && w->at == AT_ORG &&
		    w->at_org.idx > 0)
			seen[w->at_org.idx] = true;
	}
	for (k = 1; k < p->norgs; k++)
		if (!seen[k])
			rules_report(d, R_PARTNER_UNVISITED, rules_npos(p->orgs[k].node),
			    "no activity is held at partner '%s'",
			    p->orgs[k].id);
}

void
check_no_leader(const struct plan *p, struct diags *d)
{
	if (p->leader.n > 0)
		return;
	rules_report(d, R_NO_LEADER, rules_npos(p->has_leadership ?
	    p->leadership_node : p->root), "the leadership group has no leader (组长)");
}
