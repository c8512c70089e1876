/* cmd_summary.c - pairplan summary: the year-end summary (总结) from the plan and its records. */
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
#include "plan.h"
#include "render_summary.h"
#include "status.h"

const char cmd_summary_usage[] =
    "usage: pairplan summary [--on DATE] [--format md|html|json] "
    "[--lang zh|en]\n"
    "                        [-o OUT] [--records FILE] [--max-size BYTES] "
    "PLAN\n"
    "\n"
    "Writes the year-end summary (总结) of the plan as of DATE from the "
    "plan\nand its records (NAME.records.yaml beside NAME.yaml), in the "
    "structure\nof a kindergarten's summary: 基本情况, 主要做法, 主要成效, "
    "存在问题,\n下一步打算. It says only what the plan and the records "
    "hold: names,\ndates, counts and every record's note.\n"
    "\n"
    CLI_OPTS_HELP_ON
    "  --format FORMAT     md (default; CommonMark with GFM tables), "
    "html (one\n"
    "                      printable page) or json\n"
    "  --lang zh|en        language (default: the plan's lang, else zh)\n"
    CLI_OPTS_HELP_OUTPUT
    "  --records FILE      the plan's records file\n"
    CLI_OPTS_HELP_MAX_SIZE
    "\n"
    "Exit status: 0 written, 1 errors in the plan or its records, 2 usage "
    "error,\nunreadable file or output not written.\n";

struct summary_args {
	const char	*format, *lang, *out, *records;
	day_t		 on;
	bool		 has_on;
};

static enum opt_result
summary_opt(const struct cmd_struct *c, int argc, char **argv, int *i,
    void *ctx)
{
	struct summary_args *sa = ctx;
	enum opt_result r;
	const char *v;

	if ((r = cli_opts_on(c, argc, argv, i, &sa->on, &sa->has_on)) !=
	    OPT_UNKNOWN)
		return r;
	if ((v = cli_opt_value(argc, argv, i, "--format")) != NULL) {
		if (strcmp(v, "md") != 0 && strcmp(v, "html") != 0 &&
		    strcmp(v, "json") != 0) {
			cli_usage_error(c, "unknown format '%s' (one of: md, "
			    "html, json)", v);
			return OPT_FAILED;
		}
		sa->format = v;
	} else if ((r = cli_opts_lang(c, argc, argv, i, &sa->lang)) !=
	    OPT_UNKNOWN)
		return r;
	else
		return cli_opts_files(c, argc, argv, i, &sa->out,
		    &sa->records);
	return OPT_TAKEN;
}

int
cmd_summary(const struct cmd_struct *c, int argc, char **argv)
{
	static const char *const valued[] = { "--on", "--format", "--lang",
	    "-o", "--output", "--records", NULL };
	struct summary_args sa = { "md", NULL, NULL, NULL, 0, false };
	struct diag_out dout = { stderr, false, false };
	struct cli_plan_args a;
	struct cli_tracked t;
	struct status st;
	struct output out;
	const char *lang;
	bool first = true;
	int status;

	if ((status = cli_parse_plan_args(c, argc, argv, &a, summary_opt,
	    valued, &sa)) != EXIT_OK)
		return status;
	if (a.nfiles > 1)
		return cli_usage_error(c, "summary takes one plan file, not %d",
		    a.nfiles);
	if (cli_output_is_input(sa.out, a.files, a.nfiles))
		return EXIT_USAGE;
	if (!sa.has_on)
		sa.on = cli_today();
	dout.color = cli_use_color();
	status = cli_tracked_load(&t, a.files, 1, sa.records, &a.opts, &dout,
	    CLI_DIAG_TEXT, &first, true, 1);
	if (status == EXIT_OK && t.scheduled) {
		status_compute(&st, &t.s, t.recp, sa.on, &t.arena);
		lang = sa.lang != NULL ? sa.lang : t.plans[0]->lang != NULL ?
		    t.plans[0]->lang : "zh";
		if (!output_open(&out, sa.out))
			status = EXIT_USAGE;
		else
			status = cli_opts_finish(&out, render_summary(out.fp,
			    &st, t.recp[0], sa.format, strcmp(lang, "en") == 0));
	}
	cli_tracked_release(&t);
	return status;
}
