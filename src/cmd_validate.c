/* cmd_validate.c - pairplan validate: check plan files and print their diagnostics. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "commands.h"
#include "plandoc.h"
#include "version.h"

const char cmd_validate_usage[] =
    "usage: pairplan validate [--strict] [--format text|json|sarif] [-j N]\n"
    "                         [--max-size BYTES] FILE...\n"
    "\n"
    "Checks each FILE (- for standard input) and prints diagnostics as\n"
    "FILE:LINE:COL: SEVERITY: MESSAGE [RULE] on standard error, or one\n"
    "JSON object (or a SARIF 2.1.0 log) on standard output.\n"
    "\n"
    "  --strict            treat warnings as errors\n"
    "  --format FORMAT     text (default), json, or sarif for code-review "
    "tools\n"
    "  -j, --jobs N        read N files at once (default: the number of "
    "CPUs);\n"
    "                      the output is the same for every N\n"
    "  --max-size BYTES    largest file read (default 256M; K, M, G "
    "suffixes)\n"
    "\n"
    "Exit status: 0 valid (warnings allowed), 1 errors, 2 usage error "
    "or\nunreadable file.\n";

struct validate_args {
	bool			 strict;
	enum cli_diag_format	 format;
	unsigned		 jobs;
	size_t			 errors, warnings;
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
			cli_usage_error(c, "unknown format '%s' (text, json or "
			    "sarif)", v);
			return OPT_FAILED;
		}
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
	va->errors += va->strict ? pd->diags.n : pd->diags.count[SEV_ERROR];
	va->warnings += va->strict ? 0 : pd->diags.count[SEV_WARNING];
}

int
cmd_validate(const struct cmd_struct *c, int argc, char **argv)
{
	static const char *const valued[] = { "--format", "-j", "--jobs",
	    NULL };
	struct validate_args va;
	struct diag_out out = { stderr, false, false };
	struct cli_plan_args a;
	struct cli_load l;
	int status;
	bool first = true;

	memset(&va, 0, sizeof(va));
	va.format = CLI_DIAG_TEXT;
	va.jobs = cli_default_jobs();
	if ((status = cli_parse_plan_args(c, argc, argv, &a, validate_opt,
	    valued, &va)) != EXIT_OK)
		return status;
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
	status = cli_load_plans(&l);
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
