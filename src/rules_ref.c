/* rules_ref.c - checks of ids and references: duplicate-id, unknown-ref. */
#include <stddef.h>

#include "arena.h"
#include "catalog.h"
#include "diag.h"
#include "plan.h"
#include "rules.h"
#include "suggest.h"

void
check_duplicate_id(const struct plan *p, struct diags *d)
{
	uint32_t i;

	for (i = 0; i < p->ndups; i++) {
		const struct dup_id *u = &p->dups[i];
		const char *id = u->id;
		struct diag *g;

		g = rules_report(d, R_DUPLICATE_ID, u->second,
		    "%s id '%s' is already used", u->what, id);
		diag_set_note(d, g, u->first.line, u->first.col,
		    "'%s' is first used here", id);
	}
}

static const char *const ns_names[NS__COUNT] = {
	"person", "organisation", "partner", "activity"
};

/* Every id and name a reference of namespace ns could have meant. */
static const char **
candidates(const struct plan *p, struct arena *a, enum ns ns, size_t *n)
{
	const char **v;
	uint32_t i;
	size_t k = 0;

	if (ns == NS_PERSON) {
		v = arena_alloc(a, (2 * (size_t)p->npeople + 1) * sizeof(*v));
		for (i = 0; i < p->npeople; i++) {
			v[k++] = p->people[i].id;
			v[k++] = p->people[i].name;
		}
	} else if (ns == NS_ACTIVITY) {	/* after: an id or a title */
		v = arena_alloc(a, (2 * (size_t)p->nacts + 1) * sizeof(*v));
		for (i = 0; i < p->nacts; i++) {
			v[k++] = p->acts[i]->id;
			if (p->acts[i]->title != NULL)
				v[k++] = p->acts[i]->title;
		}
	} else {
		v = arena_alloc(a, (2 * (size_t)p->norgs + 4) * sizeof(*v));
		if (ns == NS_ORG) {
			/* `at` takes these words as well as an org id */
			v[k++] = "host";
			v[k++] = "partner";
			v[k++] = "online";
		}
		for (i = ns == NS_PARTNER ? 1 : 0; i < p->norgs; i++) {
			v[k++] = p->orgs[i].id;
			v[k++] = p->orgs[i].name;
		}
	}
	*n = k;
	return v;
}

/* Suggestions cost O(candidates) each: stop offering them after a while. */
#define MAX_SUGGESTION_WORK	(20u * 1000 * 1000)

void
check_unknown_ref(const struct plan *p, struct diags *d)
{
	const char **cands[NS__COUNT] = { NULL };
	size_t ncands[NS__COUNT] = { 0 };
	size_t work = 0;
	uint32_t i;

	for (i = 0; i < p->nrefs; i++) {
		const struct ref *r = p->refs[i].ref;
		enum ns ns = p->refs[i].ns;
		const char *s = plan_ref_text(r), *hint = NULL;

		if (r->idx >= 0)
			continue;
		if (r->idx == REF_AMBIGUOUS) {
			rules_report(d, R_UNKNOWN_REF, r->pos, "'%s' is the name of "
			    "more than one %s: use an id", s, ns_names[ns]);
			continue;
		}
		if (cands[ns] == NULL)
			cands[ns] = candidates(p, rules_tmp(d), ns, &ncands[ns]);
		if (work < MAX_SUGGESTION_WORK) {
			work += ncands[ns];
			hint = suggest(s, cands[ns], ncands[ns]);
		}
		rules_report(d, R_UNKNOWN_REF, r->pos, "unknown %s '%s'"
		    SUGGEST_FMT, ns_names[ns], s, SUGGEST_ARGS(hint));
	}
}
