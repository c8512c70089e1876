/* cmd_rules.c - pairplan rules: the rule catalogue, one rule a line. */
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "cli.h"
#include "commands.h"

const char cmd_rules_usage[] =
    "usage: pairplan rules\n"
    "\n"
    "Prints each validation rule: its id, severity and what it checks.\n";

int
cmd_rules(const struct cmd_struct *c, int argc, char **argv)
{
	size_t i, w = 0;

	if (argc > 1)
		return cli_usage_error(c,
		    "unexpected argument '%s'", argv[1]);
	for (i = 0; i < R__COUNT; i++)
		if (strlen(rule_catalogue[i].id) > w)
			w = strlen(rule_catalogue[i].id);
	for (i = 0; i < R__COUNT; i++)
		printf("%-*s %-8s %s\n", (int)w, rule_catalogue[i].id,
		    severity_name(rule_catalogue[i].severity),
		    rule_catalogue[i].doc);
	return cli_flush_stdout();
}
