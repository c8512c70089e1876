/* catalog.h - the rule catalogue as data: every rule's id, severity and one-line doc. */
#ifndef PAIRPLAN_CATALOG_H
#define PAIRPLAN_CATALOG_H

enum severity { SEV_WARNING, SEV_ERROR, SEV__COUNT };

/* R_YAML_SYNTAX, R_ENCODING, ...: one per row of rules.def, in its order. */
enum rule_id {
#define RULE(name, id, sev, doc)	R_##name,
#define CHECK(name, id, sev, fn, doc)	R_##name,
#include "rules.def"
#undef RULE
#undef CHECK
	R__COUNT
};

struct rule {
	const char	*id;		/* "range-order" */
	enum severity	 severity;
	const char	*doc;		/* what it checks, in one line */
};

extern const struct rule rule_catalogue[R__COUNT];

/* The row whose id is name, or NULL. */
const struct rule *rule_by_name(const char *name);
/* "error" or "warning". */
const char *severity_name(enum severity);

#endif
