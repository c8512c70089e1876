/* rules.c - runs the checks of the rule catalogue on a built plan. */
#include <stddef.h>

#include "plan.h"
#include "rules.h"

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
