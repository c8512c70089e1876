/* rules_util.c - what the checks share: positions, reports, spans as text. */
#include <stdarg.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "rules.h"
#include "yload.h"

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

struct arena *
rules_tmp(struct diags *d)
{
	return d->scratch != NULL ? d->scratch : d->arena;
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

const char *
rules_act(struct diags *d, const struct activity *a)
{
	if (a->id_given || a->title == NULL || a->title[0] == '\0')
		return arena_printf(d->arena, "activity '%s'", a->id);
	return arena_printf(d->arena, "activity '%s' (%s)", a->id, a->title);
}
