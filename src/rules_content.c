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
			if (a->where->kind_pos.line == 0 || a->kind != K_OTHER ||
			    plan_kind_from_name(a->kind_text) >= 0)
				continue;
			if (names == NULL)
				names = plan_kind_names(d->arena, &nnames);
			hint = suggest(a->kind_text, names, nnames);
			rules_report(d, R_UNKNOWN_KIND, a->where->kind_pos,
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

	v = arena_alloc(rules_tmp(d), (p->nphases + 1) * sizeof(*v));
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
	seen = arena_alloc(rules_tmp(d), p->norgs * sizeof(*seen));
	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];

			if (a->w.at == AT_ORG && when_org(&a->w) > 0)
				seen[when_org(&a->w)] = true;
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
		    when_org(w) > 0)
			seen[when_org(w)] = true;
	}
	for (i = 0; i < p->npairings; i++)	/* pairings with visits */
		if (p->pairings[i].visits > 0 && p->pairings[i].partner.idx > 0)
			seen[p->pairings[i].partner.idx] = true;
	for (k = 1; k < p->norgs; k++)
		if (!seen[k])
			rules_report(d, R_PARTNER_UNVISITED, p->orgs[k].pos,
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

/* The people (people) or the partners of a plan, by number from 0. */
struct namelist {
	const struct plan	*p;
	bool			 people;
	uint32_t		 n;
	const char		*what;		/* "person" or "partner" */
};

static const char *
nl_name(const struct namelist *l, uint32_t i)
{
	return l->people ? l->p->people[i].name : l->p->orgs[i + 1].name;
}

static const char *
nl_id(const struct namelist *l, uint32_t i)
{
	return l->people ? l->p->people[i].id : l->p->orgs[i + 1].id;
}

static struct pos
nl_pos(const struct namelist *l, uint32_t i)
{
	return l->people ? l->p->people[i].pos : l->p->orgs[i + 1].name_pos;
}

/*
 * Reports a second entry whose name is the first's (name_key), with a
 * note at it. A slot holds the key's hash and the entry's number + 1
 * (hash << 32 | number + 1): 8 bytes, one cache line to look at, for
 * plans of hundreds of thousands of people; a key is made again only when
 * its hash matches.
 */
static void
same_names(struct diags *d, const struct namelist *l)
{
	uint64_t *slot;
	uint32_t cap = 16, mask, i, j, h, first;
	const char *k, *what = l->what;
	struct diag *g;

	while (cap - cap / 4 <= l->n) {
		if (cap > UINT32_MAX / 4)
			arena_oom();
		cap *= 2;
	}
	if ((slot = calloc(cap, sizeof(*slot))) == NULL)
		arena_oom();
	mask = cap - 1;
	for (i = 0; i < l->n; i++) {
		if (nl_name(l, i) == NULL)
			continue;
		k = name_key(rules_tmp(d), nl_name(l, i));
		h = strmap_hash(k, strlen(k));
		for (j = h & mask; slot[j] != 0; j = (j + 1) & mask)
			if ((uint32_t)(slot[j] >> 32) == h &&
			    strcmp(name_key(rules_tmp(d), nl_name(l,
			    (uint32_t)slot[j] - 1)), k) == 0)
				break;
		if (slot[j] == 0) {
			slot[j] = (uint64_t)h << 32 | (i + 1);
			continue;
		}
		first = (uint32_t)slot[j] - 1;
		g = rules_report(d, R_DUPLICATE_NAME, nl_pos(l, i),
		    "%s '%s' has the name of %s '%s' ('%s'): one %s listed "
		    "twice is visited twice", what, nl_id(l, i), what,
		    nl_id(l, first), nl_name(l, first), what);
		diag_set_note(d, g, nl_pos(l, first).line,
		    nl_pos(l, first).col, "'%s' is first here",
		    nl_id(l, first));
	}
	free(slot);
}

void
check_duplicate_name(const struct plan *p, struct diags *d)
{
	struct namelist partners = { p, false, p->norgs - 1, "partner" };
	struct namelist people = { p, true, p->npeople, "person" };

	if (p->norgs > 1)
		same_names(d, &partners);
	same_names(d, &people);
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
	count = arena_alloc(rules_tmp(d), p->npeople * sizeof(*count));
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
