/* cmd_schedule.c - pairplan schedule: plans scheduled together, printed in a format. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
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

const char cmd_schedule_usage[] =
    "usage: pairplan schedule [--phase N|ID] [--from DATE] [--to DATE]\n"
    "                         [--person ID] [--partner ID]\n"
    "                         [--format table|csv|json|ics] [-o OUT] [-j N]\n"
    "                         [--records FILE] [--max-size BYTES] FILE...\n"
    "\n"
    "Schedules the plans in the FILEs (- for standard input) together "
    "and\nprints their events on working days. A plan with errors gets "
    "its\ndiagnostics on standard error, and nothing is scheduled. A "
    "plan's\nrecords (NAME.records.yaml beside NAME.yaml) are applied: "
    "held and\nmoved events stay on their recorded dates, cancelled ones "
    "are dropped,\nand the rest are placed around them.\n"
    "\n"
    "  --phase N|ID        only events of that phase (1-based number or "
    "id)\n"
    "  --from DATE         only events that end on or after DATE\n"
    "  --to DATE           only events that start on or before DATE\n"
    "                      (YYYY-MM-DD, or YYYY-MM for the whole month)\n"
    "  --person ID         only events that person attends\n"
    "  --partner ID        only events with that partner or at that "
    "site\n"
    "  --format FORMAT     table (default), csv, json or ics\n"
    CLI_OPTS_HELP_OUTPUT
    CLI_OPTS_HELP_JOBS
    "  --records FILE      the records file of the one plan given\n"
    CLI_OPTS_HELP_MAX_SIZE
    "\n"
    "The selection options choose what is printed, not what is "
    "scheduled:\nthe schedule is always computed for every plan given.\n"
    "\n"
    "Exit status: 0 every occurrence placed and every quota met, 1 "
    "errors in\na plan, or an occurrence unplaced or a quota short (the "
    "schedule is\nstill printed), 2 usage error, unreadable file or "
    "output not written.\n";

struct schedule_args {
	struct sched_filter	 filter;
	const struct renderer	*r;
	const char		*out;		/* -o, or NULL */
	unsigned		 jobs;		/* -j */
	const char		*records;	/* --records, or NULL */
};

static enum opt_result
schedule_opt(const struct cmd_struct *c, int argc, char **argv, int *i,
    void *ctx)
{
	struct schedule_args *sa = ctx;
	struct sched_filter *f = &sa->filter;
	const char *opt = argv[*i], *v;

	if ((v = cli_opt_value(argc, argv, i, "--phase")) != NULL)
		f->phase = v;
	else if ((v = cli_opt_value(argc, argv, i, "--person")) != NULL)
		f->person = v;
	else if ((v = cli_opt_value(argc, argv, i, "--partner")) != NULL)
		f->partner = v;
	else if ((v = cli_opt_value(argc, argv, i, "--from")) != NULL) {
		if (!cli_parse_bound(v, false, &f->from))
			goto bad_date;
		f->has_from = true;
	} else if ((v = cli_opt_value(argc, argv, i, "--to")) != NULL) {
		if (!cli_parse_bound(v, true, &f->to))
			goto bad_date;
		f->has_to = true;
	} else if ((v = cli_opt_value(argc, argv, i, "--format")) != NULL) {
		if ((sa->r = render_find(v)) == NULL ||
		    sa->r->schedule == NULL) {
			cli_usage_error(c, "unknown format '%s' (one of: %s)", v,
			    render_names());
			return OPT_FAILED;
		}
	} else if ((v = cli_opt_output(argc, argv, i)) != NULL)
		sa->out = v;
	else if ((v = cli_opt_value(argc, argv, i, "--records")) != NULL)
		sa->records = v;
	else
		return cli_opt_jobs(c, argc, argv, i, &sa->jobs);
	return cli_opts_empty(c, opt, v) ? OPT_FAILED : OPT_TAKEN;
bad_date:
	cli_usage_error(c, "bad date '%s' (YYYY-MM-DD or YYYY-MM)", v);
	return OPT_FAILED;
}

int
cmd_schedule(const struct cmd_struct *c, int argc, char **argv)
{
	static const char *const valued[] = { "--phase", "--from", "--to",
	    "--person", "--partner", "--format", "-o", "--output", "-j",
	    "--jobs", "--records", NULL };
		struct schedule_args sa;
	struct diag_out dout = { stderr, false, false };
	struct cli_plan_args a;
	struct cli_tracked t;
	const struct plan **plans;
	struct output out;
	int status;
	bool first = true;

	memset(&sa, 0, sizeof(sa));
	sa.r = render_find("table");
	sa.jobs = cli_default_jobs();
	if ((status = cli_parse_plan_args(c, argc, argv, &a, schedule_opt,
	    valued, &sa)) != EXIT_OK)
		return status;
	if (sa.filter.has_from && sa.filter.has_to &&
	    sa.filter.from > sa.filter.to)
		return cli_usage_error(c, "--from is after --to");
	if (sa.records != NULL && a.nfiles > 1)
		return cli_usage_error(c, "--records goes with one plan, not %d",
		    a.nfiles);
	if (cli_output_is_input(sa.out, a.files, a.nfiles))
		return EXIT_USAGE;
	dout.color = cli_use_color();
	status = cli_tracked_load(&t, a.files, a.nfiles, sa.records, &a.opts,
	    &dout, CLI_DIAG_TEXT, &first, true, sa.jobs);
	plans = t.plans;
	if (status == EXIT_OK && sa.filter.phase != NULL)
		status = cli_resolve_phase(sa.filter.phase, plans,
		    (size_t)a.nfiles);
	if (status == EXIT_OK && sa.filter.person != NULL)
		status = cli_resolve_name(&sa.filter.person, true, plans,
		    (size_t)a.nfiles);
	if (status == EXIT_OK && sa.filter.partner != NULL)
		status = cli_resolve_name(&sa.filter.partner, false, plans,
		    (size_t)a.nfiles);
	if (status == EXIT_OK && t.scheduled) {
		if (!output_open(&out, sa.out))
			status = EXIT_USAGE;
		else if ((status = cli_opts_finish(&out, sa.r->schedule(out.fp,
		    &t.s, &sa.filter))) == EXIT_OK && sched_incomplete(&t.s)) {
			cli_report_incomplete(&t.s);
			status = EXIT_PLAN;
		}
	}
	cli_tracked_release(&t);
	return status;
}
