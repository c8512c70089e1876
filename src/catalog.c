/* catalog.c - the rule catalogue as data, made from rules.def. */
#include <stddef.h>
#include <string.h>

#include "catalog.h"

/* `pairplan rules` prints it; its rows follow enum rule_id. */
const struct rule rule_catalogue[R__COUNT] = {
#define RULE(name, id, sev, doc)	{ id, SEV_##sev, doc },
#define CHECK(name, id, sev, fn, doc)	{ id, SEV_##sev, doc },
#include "rules.def"
#undef RULE
#undef CHECK
};

const struct rule *
rule_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < R__COUNT; i++)
		if (strcmp(rule_catalogue[i].id, name) == 0)
			return &rule_catalogue[i];
	return NULL;
}

const char *
severity_name(enum severity s)
{
	return s == SEV_ERROR ? "error" : "warning";
}
