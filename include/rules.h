/* rules.h - the checks of the rule catalogue, run on a built plan. */
#ifndef PAIRPLAN_RULES_H
#define PAIRPLAN_RULES_H

#include "catalog.h"
#include "date.h"
#include "plan.h"

struct diags;
struct diag;
struct ynode;

typedef void (*rules_check_fn)(const struct plan *, struct diags *);
/* The check of each rule, NULL for the rules reported while reading. */
extern const rules_check_fn rules_checks[R__COUNT];

/* Runs every check of rules.def on p, in the order of its rows. */
void	 rules_check(const struct plan *, struct diags *);

/* ---- for the checks, in rules_*.c ------------------------------------ */

/* void check_fn(const struct plan *, struct diags *), one per CHECK row. */
#define RULE(name, id, sev, doc)
#define CHECK(name, id, sev, fn, doc) \
	void	 check_##fn(const struct plan *, struct diags *);
#include "rules.def"
#undef RULE
#undef CHECK

/* Where node n is; nowhere (reported at 1:1) for NULL. */
struct pos rules_npos(const struct ynode *);
/* A diagnostic at pos, or at 1:1 when pos is nowhere. */
struct diag *rules_report(struct diags *, enum rule_id, struct pos,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/*
 * "activity 'p1.2' (送教下乡)": an activity as messages name it, with its
 * title when its id is generated.
 */
const char *rules_act(struct diags *, const struct activity *);
/* "2024-03-01..2024-07-31", or one day, in the diagnostics' arena. */
const char *rules_span_text(struct diags *, struct span);
/*
 * The arena for a check's working memory, none of which its diagnostics
 * keep (they copy their text): the plan's tree's while a plandoc runs the
 * rules (diags.scratch), given back after them; else the diagnostics'.
 */
struct arena *rules_tmp(struct diags *);

#endif
