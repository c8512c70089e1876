/* cmd_validate.c - pairplan validate: check plan files and print their diagnostics. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "cli_opts.h"
#include "cli_records.h"
#include "commands.h"
#include "plandoc.h"
#include "version.h"

const char cmd_validate_usage[] =
    "usage: pairplan validate [--strict] [--format text|json|sarif] [-j N]\n"
    "                         [--records FILE] [--max-size BYTES] FILE...\n"
    "\n"
    "Checks each FILE (- for standard input) and prints diagnostics as\n"
    "FILE:LINE:COL: SEVERITY: MESSAGE [RULE] on standard error, or one\n"
    "JSON object (or a SARIF 2.1.0 log) on standard output. A plan's\n"
    "records, NAME.records.yaml beside NAME.yaml, are checked too when the\n"
    "file exists, each diagnostic at the records file's own line.\n"
    "\n"
    "  --strict            treat warnings as errors\n"
    "  --format FORMAT     text (default), json, or sarif for code-review "
    "tools\n"
    CLI_OPTS_HELP_JOBS
    "  --records FILE      the records file of the one plan given\n"
    CLI_OPTS_HELP_MAX_SIZE
    "\n"
    "Exit status: 0 valid (warnings allowed), 1 errors, 2 usage error "
    "or\nunreadable file.\n";

struct validate_args {
	bool			 strict;
	enum cli_diag_format	 format;
	unsigned		 jobs;
	size_t			 errors, warnings;
	const char		*records;	/* --records, or NULL */
	/* files that could not be read, and why, for SARIF */
	const char		**failed, **why;
	size_t			 nfailed;
};

static enum opt_result
validate_opt(const struct cmd_struct *c, int argc, char **argv, int *i,
    void *ctx)
{
	struct validate_args *va = ctx;
	const char *v;

	if (strcmp(argv[*i], "--strict") == 0)
		va->strict = true;
	else if ((v = cli_opt_value(argc, argv, i, "--format")) != NULL) {
		if (strcmp(v, "json") == 0)
			va->format = CLI_DIAG_JSON;
		else if (strcmp(v, "sarif") == 0)
			va->format = CLI_DIAG_SARIF;
		else if (strcmp(v, "text") == 0)
			va->format = CLI_DIAG_TEXT;
		else {
			cli_usage_error(c, "unknown format '%s' (one of: text, "
			    "json, sarif)", v);
			return OPT_FAILED;
		}
	} else if ((v = cli_opt_value(argc, argv, i, "--records")) != NULL) {
		if (cli_opts_empty(c, "--records", v))
			return OPT_FAILED;
		va->records = v;
	} else
		return cli_opt_jobs(c, argc, argv, i, &va->jobs);
	return OPT_TAKEN;
}

/* Each file in turn, once its diagnostics are printed: the counts. */
static void
validate_count(void *ctx, int i, struct plandoc *pd)
{
	struct validate_args *va = ctx;

	(void)i;
	if (pd->unreadable) {
		if (va->format != CLI_DIAG_SARIF)
			return;
		if ((va->failed = realloc(va->failed, (va->nfailed + 1) *
		    sizeof(*va->failed))) == NULL ||
		    (va->why = realloc(va->why, (va->nfailed + 1) *
		    sizeof(*va->why))) == NULL ||
		    (va->failed[va->nfailed] = strdup(pd->diags.file)) ==
		    NULL || (va->why[va->nfailed] = strdup(pd->error)) == NULL)
			arena_oom();
		va->nfailed++;
		return;
	}
	/* the counts, not the diagnostics kept (at most DIAG_MAX_KEPT) */
	va->errors += pd->diags.count[SEV_ERROR] + (va->strict ?
	    pd->diags.count[SEV_WARNING] : 0);
	va->warnings += va->strict ? 0 : pd->diags.count[SEV_WARNING];
}

int
cmd_validate(const struct cmd_struct *c, int argc, char **argv)
{
	static const char *const valued[] = { "--format", "-j", "--jobs",
	    "--records", NULL };
	struct validate_args va;
	struct diag_out out = { stderr, false, false };
	struct cli_plan_args a;
	struct cli_load l;
	struct cli_records cr;
	int status, i;
	bool first = true;

	memset(&va, 0, sizeof(va));
	va.format = CLI_DIAG_TEXT;
	va.jobs = cli_default_jobs();
	if ((status = cli_parse_plan_args(c, argc, argv, &a, validate_opt,
	    valued, &va)) != EXIT_OK)
		return status;
	if (va.records != NULL && a.nfiles > 1)
		return cli_usage_error(c, "--records goes with one plan, not %d",
		    a.nfiles);
	out.strict = va.strict;
	if (va.format == CLI_DIAG_JSON) {
		out.fp = stdout;
		fputs("{\"diagnostics\": [", stdout);
	} else if (va.format == CLI_DIAG_SARIF) {
		out.fp = stdout;
		diags_sarif_begin(stdout, PAIRPLAN_VERSION);
	} else
		out.color = cli_use_color();
	memset(&l, 0, sizeof(l));
	l.files = a.files;
	l.nfiles = a.nfiles;
	l.opts = &a.opts;
	l.jobs = va.jobs;
	l.out = &out;
	l.format = va.format;
	l.first = &first;
	l.done = validate_count;
	l.ctx = &va;
	/* each plan's records, checked as it is read */
	memset(&cr, 0, sizeof(cr));
	cr.files = a.files;
	cr.records = va.records;
	cr.max_size = a.opts.max_size;
	if ((cr.unreadable = calloc((size_t)a.nfiles + 1,
	    sizeof(*cr.unreadable))) == NULL)
		arena_oom();
	l.check = cli_records_check;
	l.check_ctx = &cr;
	status = cli_load_plans(&l);
	for (i = 0; i < a.nfiles; i++)
		if (cr.unreadable[i])
			status = cli_worst(status, EXIT_USAGE);
	free(cr.unreadable);
	if (va.format == CLI_DIAG_JSON)
		printf("%s], \"errors\": %zu, \"warnings\": %zu}\n",
		    first ? "" : "\n", va.errors, va.warnings);
	else if (va.format == CLI_DIAG_SARIF)
		diags_sarif_end(stdout, first, va.failed, va.why, va.nfailed);
	while (va.nfailed > 0) {
		va.nfailed--;
		free((char *)va.failed[va.nfailed]);
		free((char *)va.why[va.nfailed]);
	}
	free(va.failed);
	free(va.why);
	return cli_worst(status, cli_flush_stdout());
}
