/* rules.c - runs the checks of the rule catalogue, and what the checks share. */
#include <stdarg.h>
#include <stddef.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "rules.h"
#include "yload.h"

/* The check of each rule, NULL for the rules reported while reading. */
const rules_check_fn rules_checks[R__COUNT] = {
#define RULE(name, id, sev, doc)	[R_##name] = NULL,
#define CHECK(name, id, sev, fn, doc)	[R_##name] = check_##fn,
#include "rules.def"
#undef RULE
#undef CHECK
};

void
rules_check(const struct plan *p, struct diags *d)
{
	size_t i;

	for (i = 0; i < R__COUNT; i++)
		if (rules_checks[i] != NULL)
			rules_checks[i](p, d);
}

struct pos
rules_npos(const struct ynode *n)
{
	struct pos p = { 0, 0 };

	if (n != NULL) {
		p.line = n->line;
		p.col = n->col;
	}
	return p;
}

struct diag *
rules_report(struct diags *d, enum rule_id r, struct pos at, const char *fmt,
    ...)
{
	struct diag *g;
	va_list ap;

	va_start(ap, fmt);
	g = diag_vadd(d, r, at.line ? at.line : 1, at.line ? at.col : 1, fmt,
	    ap);
	va_end(ap);
	return g;
}

const char *
rules_span_text(struct diags *d, struct span s)
{
	char a[11], b[11];

	date_format(s.from, a);
	if (s.from == s.to)
		return arena_strdup(d->arena, a);
	date_format(s.to, b);
	return arena_printf(d->arena, "%s..%s", a, b);
}
