/* cmd_export.c - pairplan export: one plan written whole as a document, a timeline or data. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "cli_opts.h"
#include "cli_records.h"
#include "commands.h"
#include "output.h"
#include "plan.h"
#include "plandoc.h"
#include "render.h"
#include "sched.h"
#include "sched_filter.h"

const char cmd_export_usage[] =
    "usage: pairplan export --format md|html|json|csv|ics|svg "
    "[--lang zh|en]\n"
    "                       [-o OUT] [--max-size BYTES] FILE\n"
    "\n"
    "Checks the plan in FILE (- for standard input), schedules it and "
    "writes\nit whole, its schedule with its records applied "
    "(NAME.records.yaml\nbeside NAME.yaml). A plan with errors gets its "
    "diagnostics on standard\nerror, and nothing is written.\n"
    "\n"
    "  --format FORMAT     md: the plan as the document a kindergarten "
    "files\n"
    "                      (CommonMark with GFM tables); html: the same "
    "as one\n"
    "                      printable page with the timeline; svg: the "
    "timeline\n"
    "                      (a Gantt chart); json: the plan and its "
    "schedule;\n"
    "                      csv, ics: the schedule\n"
    "  --lang zh|en        language of md, html and svg (default: the "
    "plan's\n"
    "                      lang, else zh)\n"
    CLI_OPTS_HELP_OUTPUT
    CLI_OPTS_HELP_MAX_SIZE
    "\n"
    "Exit status: 0 written (also when some occurrence could not be "
    "placed:\nthat is said on standard error), 1 errors in the plan, 2 "
    "usage error,\nunreadable file or output not written.\n";

struct export_args {
	const struct renderer	*r;
	const char		*lang;		/* --lang, or NULL */
	const char		*out;		/* -o, or NULL */
};

static enum opt_result
export_opt(const struct cmd_struct *c, int argc, char **argv, int *i,
    void *ctx)
{
	struct export_args *ea = ctx;
	const char *opt = argv[*i], *v;
	enum opt_result r;

	if ((v = cli_opt_value(argc, argv, i, "--format")) != NULL) {
		if ((ea->r = render_find_export(v)) == NULL) {
			cli_usage_error(c, "unknown format '%s' (one of: %s)", v,
			    render_export_names());
			return OPT_FAILED;
		}
	} else if ((r = cli_opts_lang(c, argc, argv, i, &ea->lang)) !=
	    OPT_UNKNOWN)
		return r;
	else if ((v = cli_opt_output(argc, argv, i)) != NULL)
		ea->out = v;
	else
		return OPT_UNKNOWN;
	return cli_opts_empty(c, opt, v) ? OPT_FAILED : OPT_TAKEN;
}

/* The plan as --format: its export, else its schedule unfiltered. */
static bool
export_write(FILE *fp, const struct export_args *ea, const struct plan *p,
    const struct schedule *s)
{
	struct sched_filter all;

	if (ea->r->export != NULL)
		return ea->r->export(fp, p, s, ea->lang != NULL ? ea->lang :
		    p->lang != NULL ? p->lang : "zh");
	memset(&all, 0, sizeof(all));
	return ea->r->schedule(fp, s, &all);
}

int
cmd_export(const struct cmd_struct *c, int argc, char **argv)
{
	static const char *const valued[] = { "--format", "--lang", "-o",
	    "--output", NULL };
		struct export_args ea;
	struct diag_out dout = { stderr, false, false };
	struct cli_plan_args a;
	struct cli_tracked t;
	struct output out;
	int status;
	bool first = true;

	memset(&ea, 0, sizeof(ea));
	if ((status = cli_parse_plan_args(c, argc, argv, &a, export_opt, valued,
	    &ea)) != EXIT_OK)
		return status;
	if (a.nfiles > 1)
		return cli_usage_error(c, "export takes one plan file, not %d",
		    a.nfiles);
	if (ea.r == NULL)
		return cli_usage_error(c, "no --format given (one of: %s)",
		    render_export_names());
	if (cli_output_is_input(ea.out, a.files, a.nfiles))
		return EXIT_USAGE;
	dout.color = cli_use_color();
	status = cli_tracked_load(&t, a.files, 1, NULL, &a.opts, &dout,
	    CLI_DIAG_TEXT, &first, true, 1);
	if (status == EXIT_OK && t.scheduled) {
		if (!output_open(&out, ea.out))
			status = EXIT_USAGE;
		else if ((status = cli_opts_finish(&out, export_write(out.fp,
		    &ea, t.plans[0], &t.s))) == EXIT_OK &&
		    sched_incomplete(&t.s))
			cli_report_incomplete(&t.s);	/* written all the same */
	}
	cli_tracked_release(&t);
	return status;
}
