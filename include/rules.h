/* rules.h - the catalogue of validation rules: one row per rule, checks included. */
#ifndef PAIRPLAN_RULES_H
#define PAIRPLAN_RULES_H

enum severity { SEV_WARNING, SEV_ERROR, SEV__COUNT };

/*
 * One id per row of rule_catalogue[] (rules.c), in the same order.
 * To add a rule: add its id here, its row in rules.c (id, severity,
 * one-line doc, check function or NULL when the loader or the model
 * builder reports it), and a test in tests/test_rules.c.
 */
enum rule_id {
	R_YAML_SYNTAX,
	R_ENCODING,
	R_DUPLICATE_KEY,
	R_UNKNOWN_KEY,
	R_TYPE,
	R_REQUIRED,
	R_VERSION,
	R_BAD_DATE,
	R_RANGE_ORDER,
	R_DUPLICATE_ID,
	R_UNKNOWN_REF,
	R_OUTSIDE_PLAN,
	R_OUTSIDE_PHASE,
	R_EXCLUSIVE_KEYS,
	R_BAD_NUMBER,
	R_LIMIT,
	R_UNKNOWN_KIND,
	R_PLACEHOLDER,
	R_PHASE_OVERLAP,
	R_EMPTY_PHASE,
	R_PARTNER_UNVISITED,
	R_NON_WORKING_DATE,
	R_CONFLICT,
	R_CALENDAR_COVERAGE,
	R_NO_LEADER,
	R__COUNT
};

struct plan;
struct diags;

struct rule {
	const char	*id;
	enum severity	 severity;
	const char	*doc;
	/* Checks the built model; NULL when reported while reading. */
	void		(*check)(const struct plan *, struct diags *);
};

extern const struct rule rule_catalogue[R__COUNT];

/* Runs every check of the catalogue, in catalogue order. */
void	 rules_check(const struct plan *, struct diags *);
/*
 * Reports template text in a subtree (rule placeholder); the builder calls
 * it on the activities it builds while the file loads, whose subtrees the
 * rule's own walk of the tree no longer sees.
 */
struct ynode;
void	 rules_scan_placeholders(const struct ynode *, struct diags *);
/* The row whose id is name, or NULL. */
const struct rule *rule_by_name(const char *name);
const char *severity_name(enum severity);

#endif
