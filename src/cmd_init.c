/* cmd_init.c - pairplan init: a commented starter plan. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "init.h"

const char cmd_init_usage[] =
    "usage: pairplan init [--lang zh|en] [--records]\n"
    "                     [--kind pairing|mentorship|aid|responsibility|programme]\n"
    "\n"
    "Prints a starter plan with comments on standard output, in Chinese "
    "(zh,\nthe default) or English (en), to copy and fill in: "
    "pairplan init >plan.yaml\n"
    "\n"
    "  --lang zh|en  the language of the comments and values (default zh)\n"
    "  --kind KIND   the kind of plan: pairing (the default: a kindergarten\n"
    "                helps partners), mentorship (mentors inside one\n"
    "                kindergarten), aid (financial aid), responsibility\n"
    "                (leaders and cadres paired with villages and households)\n"
    "                or programme (a multi-year action plan)\n"
    "  --records     print the pairing starter plan's records file instead,\n"
    "                with every kind of record:\n"
    "                pairplan init --records >plan.records.yaml\n";

int
cmd_init(const struct cmd_struct *c, int argc, char **argv)
{
	const char *lang = "zh", *kind = "pairing", *v;
	bool records = false;
	int i;

	for (i = 1; i < argc; i++) {
		if ((v = cli_opt_value(argc, argv, &i, "--lang")) != NULL) {
			if (strcmp(v, "zh") != 0 && strcmp(v, "en") != 0)
				return cli_usage_error(c, "unknown language '%s' "
				    "(zh or en)", v);
			lang = v;
		} else if (strcmp(argv[i], "--records") == 0)
			records = true;
		else if ((v = cli_opt_value(argc, argv, &i, "--kind")) !=
		    NULL) {
			if (!init_kind_ok(v))
				return cli_usage_error(c, "unknown kind of plan "
				    "'%s' (pairing, mentorship, aid, "
				    "responsibility or programme)", v);
			kind = v;
		} else if (strcmp(argv[i], "--lang") == 0 ||
		    strcmp(argv[i], "--kind") == 0)
			return cli_usage_error(c, "option '%s' needs a value",
			    argv[i]);
		else if (argv[i][0] == '-')
			return cli_usage_error(c, "unknown option '%s'", argv[i]);
		else
			return cli_usage_error(c, "unexpected argument '%s'",
			    argv[i]);
	}
	if (records)
		init_print_records(stdout, lang);
	else
		init_print(stdout, lang, kind);
	return cli_flush_stdout();
}
