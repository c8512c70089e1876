/* rules_content.c - checks of what a plan holds: unknown-kind, phase-overlap, empty-phase, partner-unvisited, no-leader, duplicate-name, phase-order, pairing-limit. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "diag.h"
#include "plan.h"
#include "rules.h"
#include "strmap.h"
#include "suggest.h"
#include "yload.h"

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

			/* the builder found any kind but 'other' */
			if (a->kind_pos.line == 0 || a->kind != K_OTHER ||
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
	for (i = 0; i < p->npairings; i++)	/* pairings with visits */
		if (p->pairings[i].visits > 0 && p->pairings[i].partner.idx > 0)
			seen[p->pairings[i].partner.idx] = true;
	for (k = 1; k < p->norgs; k++)
		if (!seen[k])
			rules_report(d, R_PARTNER_UNVISITED, rules_npos(p->orgs[k].node),
			    "no activity is held at partner '%s'",
			    p->orgs[k].id);
}

/*
 * A plan that has a leadership section needs its leader; so does a
 * pairing or responsibility plan without one (§10).
 */
void
check_no_leader(const struct plan *p, struct diags *d)
{
	if (p->leader.n > 0)
		return;
	if (!p->has_leadership && p->kind != PK_PAIRING &&
	    p->kind != PK_RESPONSIBILITY)
		return;
	rules_report(d, R_NO_LEADER, rules_npos(p->has_leadership ?
	    p->leadership_node : p->root), "the leadership group has no leader (组长)");
}

/*
 * A name as a person compares it: spaces (ASCII and ideographic) left
 * out, full-width forms (ＡＢＣ１２３) as their ASCII.
 */
static const char *
name_key(struct arena *a, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out, *o;

	/* most names have nothing to drop or fold: they are their key */
	while (*p != '\0' && *p != ' ' && *p != '\t' && *p != 0xE3 &&
	    *p != 0xEF)
		p++;
	if (*p == '\0')
		return s;
	p = (const unsigned char *)s;
	out = o = arena_alloc(a, strlen(s) + 1);

	while (*p != '\0') {
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		/* U+3000 ideographic space: E3 80 80 */
		if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
			p += 3;
			continue;
		}
		/* U+FF01..U+FF5E: EF BC 81..EF BD 9E, ASCII 0x21..0x7E */
		if (p[0] == 0xEF && ((p[1] == 0xBC && p[2] >= 0x81 &&
		    p[2] <= 0xBF) || (p[1] == 0xBD && p[2] >= 0x80 &&
		    p[2] <= 0x9E))) {
			*o++ = (char)((p[1] == 0xBC ? p[2] - 0x80 :
			    p[2] - 0x40) + 0x20);
			p += 3;
			continue;
		}
		*o++ = (char)*p++;
	}
	*o = '\0';
	return out;
}

/* Reports a second entry whose name is the first's, with a note at it. */
static void
same_names(struct diags *d, const char *what, const char *const *names,
    const char *const *ids, const struct pos *pos, uint32_t n)
{
	struct strmap seen;
	uint32_t i;

	strmap_init(&seen, d->arena);
	strmap_reserve(&seen, n);
	for (i = 0; i < n; i++) {
		const char *k;
		int32_t *slot;
		bool existed;
		struct diag *g;

		if (names[i] == NULL)
			continue;
		k = name_key(d->arena, names[i]);
		slot = strmap_put(&seen, k, strlen(k), &existed);
		if (!existed) {
			*slot = (int32_t)i;
			continue;
		}
		g = rules_report(d, R_DUPLICATE_NAME, pos[i],
		    "%s '%s' has the name of %s '%s' ('%s'): one %s listed "
		    "twice is visited twice", what, ids[i], what, ids[*slot],
		    names[*slot], what);
		diag_set_note(d, g, pos[*slot].line, pos[*slot].col,
		    "'%s' is first here", ids[*slot]);
	}
}

void
check_duplicate_name(const struct plan *p, struct diags *d)
{
	const char **names, **ids;
	struct pos *pos;
	uint32_t i, n = p->norgs > p->npeople ? p->norgs : p->npeople;

	names = arena_alloc(d->arena, (n + 1) * sizeof(*names));
	ids = arena_alloc(d->arena, (n + 1) * sizeof(*ids));
	pos = arena_alloc(d->arena, (n + 1) * sizeof(*pos));
	for (i = 1; i < p->norgs; i++) {
		names[i - 1] = p->orgs[i].name;
		ids[i - 1] = p->orgs[i].id;
		pos[i - 1] = rules_npos(p->orgs[i].name_node != NULL ?
		    p->orgs[i].name_node : p->orgs[i].node);
	}
	if (p->norgs > 1)
		same_names(d, "partner", names, ids, pos, p->norgs - 1);
	for (i = 0; i < p->npeople; i++) {
		names[i] = p->people[i].name;
		ids[i] = p->people[i].id;
		pos[i] = p->people[i].pos;
	}
	same_names(d, "person", names, ids, pos, p->npeople);
}

/* The export numbers phases as listed: they should be in date order. */
void
check_phase_order(const struct plan *p, struct diags *d)
{
	const struct phase *last = NULL;
	uint32_t i;

	for (i = 0; i < p->nphases; i++) {
		const struct phase *ph = &p->phases[i];

		if (ph->period_node == NULL || !span_ok(ph->period))
			continue;
		/* A phase outside the plan is one error (outside-plan). */
		if (p->has_period && span_ok(p->period) &&
		    !span_inside(ph->period, p->period))
			continue;
		if (last != NULL && ph->period.from < last->period.from)
			rules_report(d, R_PHASE_ORDER,
			    rules_npos(ph->period_node), "phase '%s' (%s) is "
			    "listed after phase '%s' (%s), which starts later: "
			    "the export numbers phases as listed", ph->id,
			    rules_span_text(d, ph->period), last->id,
			    rules_span_text(d, last->period));
		else
			last = ph;
	}
}

/* plan.pairings-per-person: the most pairings one person may have. */
void
check_pairing_limit(const struct plan *p, struct diags *d)
{
	uint32_t *count, i;

	if (p->pairings_per_person < 0 || p->npeople == 0)
		return;
	count = arena_alloc(d->arena, p->npeople * sizeof(*count));
	for (i = 0; i < p->npairings; i++) {
		int32_t who = p->pairings[i].person.idx;

		if (who < 0 || ++count[who] != (uint32_t)p->pairings_per_person
		    + 1)
			continue;
		rules_report(d, R_PAIRING_LIMIT, rules_npos(p->pairings[i].node),
		    "'%s' has more than %lld pairings (pairings-per-person)",
		    p->people[who].id, (long long)p->pairings_per_person);
	}
}
