/* cmd_status.c - pairplan status: where the plans stand on a day, from their schedule and records. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "cli_opts.h"
#include "cli_records.h"
#include "commands.h"
#include "diag.h"
#include "output.h"
#include "render_status.h"
#include "status.h"

const char cmd_status_usage[] =
    "usage: pairplan status [--on DATE] [--format table|json|csv|html] "
    "[-o OUT]\n"
    "                       [--records FILE] [--max-size BYTES] PLAN...\n"
    "\n"
    "Where the plans stand on DATE, from their schedule with their records\n"
    "applied (NAME.records.yaml beside NAME.yaml): per phase and in total,\n"
    "the events planned up to DATE, held, cancelled, overdue (planned, "
    "not\nheld), upcoming (the 14 days after) and extra (held beyond the "
    "plan);\nvisits held per partner, events attended per person, quotas "
    "counted\nfrom held records, and the targets' latest measured values.\n"
    "\n"
    CLI_OPTS_HELP_ON
    "  --format FORMAT     table (default), json, csv or html (one "
    "printable\n"
    "                      page with progress bars)\n"
    CLI_OPTS_HELP_OUTPUT
    "  --records FILE      the records file of the one plan given\n"
    CLI_OPTS_HELP_MAX_SIZE
    "\n"
    "Exit status: 0 on track, 1 errors in a plan or its records, or "
    "something\nis overdue, a finished period's quota is short or a target "
    "is missed\nby its date (the status is still printed), 2 usage error, "
    "unreadable\nfile or output not written.\n";

struct status_args {
	const char	*format, *out, *records;
	day_t		 on;
	bool		 has_on;
};

static enum opt_result
status_opt(const struct cmd_struct *c, int argc, char **argv, int *i,
    void *ctx)
{
	struct status_args *sa = ctx;
	enum opt_result r;
	const char *v;
	size_t k;

	if ((r = cli_opts_on(c, argc, argv, i, &sa->on, &sa->has_on)) !=
	    OPT_UNKNOWN)
		return r;
	if ((v = cli_opt_value(argc, argv, i, "--format")) != NULL) {
		for (k = 0; render_status_formats[k] != NULL; k++)
			if (strcmp(render_status_formats[k], v) == 0)
				break;
		if (render_status_formats[k] == NULL) {
			cli_usage_error(c, "unknown format '%s' (one of: table, "
			    "json, csv, html)", v);
			return OPT_FAILED;
		}
		sa->format = v;
	} else
		return cli_opts_files(c, argc, argv, i, &sa->out,
		    &sa->records);
	return OPT_TAKEN;
}

int
cmd_status(const struct cmd_struct *c, int argc, char **argv)
{
	static const char *const valued[] = { "--on", "--format", "-o",
	    "--output", "--records", NULL };
	struct status_args sa = { "table", NULL, NULL, 0, false };
	struct diag_out dout = { stderr, false, false };
	struct cli_plan_args a;
	struct cli_tracked t;
	struct status st;
	struct output out;
	bool first = true;
	int status;

	if ((status = cli_parse_plan_args(c, argc, argv, &a, status_opt,
	    valued, &sa)) != EXIT_OK)
		return status;
	if (sa.records != NULL && a.nfiles > 1)
		return cli_usage_error(c, "--records goes with one plan, not %d",
		    a.nfiles);
	if (cli_output_is_input(sa.out, a.files, a.nfiles))
		return EXIT_USAGE;
	if (!sa.has_on)
		sa.on = cli_today();
	dout.color = cli_use_color();
	status = cli_tracked_load(&t, a.files, a.nfiles, sa.records, &a.opts,
	    &dout, CLI_DIAG_TEXT, &first, true, cli_default_jobs());
	if (status == EXIT_OK && t.scheduled) {
		status_compute(&st, &t.s, t.recp, sa.on, &t.arena);
		if (!output_open(&out, sa.out))
			status = EXIT_USAGE;
		else if ((status = cli_opts_finish(&out, render_status(out.fp,
		    &st, sa.format))) == EXIT_OK && status_failing(&st))
			status = EXIT_PLAN;
	}
	cli_tracked_release(&t);
	return status;
}
