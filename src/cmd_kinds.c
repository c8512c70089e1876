/* cmd_kinds.c - pairplan kinds: every activity kind with the labels the exports print. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "plan.h"
#include "render_util.h"

const char cmd_kinds_usage[] =
    "usage: pairplan kinds\n"
    "\n"
    "Prints each activity kind: the name a plan writes as `kind`, and the\n"
    "Chinese and English labels the exports print, which `kind` also takes.\n";

int
cmd_kinds(const struct cmd_struct *c, int argc, char **argv)
{
	size_t i, w, zw = 0;

	if (argc > 1)
		return cli_usage_error(c, "unexpected argument '%s'", argv[1]);
	for (i = 0; i < K__COUNT; i++)
		if ((w = rs_display_width(plan_kinds[i].zh,
		    strlen(plan_kinds[i].zh))) > zw)
			zw = w;
	for (i = 0; i < K__COUNT; i++) {
		w = rs_display_width(plan_kinds[i].zh, strlen(plan_kinds[i].zh));
		printf("%-16s %s%*s  %s\n", plan_kinds[i].name,
		    plan_kinds[i].zh, (int)(zw - w), "", plan_kinds[i].en);
	}
	return cli_flush_stdout();
}
