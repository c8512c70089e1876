/* cmd_summary.c - pairplan summary: the year-end summary from the plan and its records. */
#include "cli.h"
#include "commands.h"

const char cmd_summary_usage[] = "usage: pairplan summary PLAN\n";

int
cmd_summary(const struct cmd_struct *c, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error(c, "not yet");
}
