/* cmd_validate.c - pairplan validate: check plan files and print their diagnostics. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "plandoc.h"

const char cmd_validate_usage[] =
    "usage: pairplan validate [--strict] [--format text|json] "
    "[--max-size BYTES] FILE...\n"
    "\n"
    "Checks each FILE (- for standard input) and prints diagnostics as\n"
    "FILE:LINE:COL: SEVERITY: MESSAGE [RULE] on standard error, or one\n"
    "JSON object on standard output with --format json.\n"
    "\n"
    "  --strict            treat warnings as errors\n"
    "  --format text|json  how to print diagnostics (default text)\n"
    "  --max-size BYTES    largest file read (default 256M; K, M, G "
    "suffixes)\n"
    "\n"
    "Exit status: 0 valid (warnings allowed), 1 errors, 2 usage error "
    "or\nunreadable file.\n";

struct validate_args {
	bool		 strict, json;
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
			va->json = true;
		else if (strcmp(v, "text") == 0)
			va->json = false;
		else {
			cli_usage_error(c, "unknown format '%s'", v);
			return OPT_FAILED;
		}
	} else
		return OPT_UNKNOWN;
	return OPT_TAKEN;
}

int
cmd_validate(const struct cmd_struct *c, int argc, char **argv)
{
	static const char *const valued[] = { "--format", NULL };
		struct validate_args va = { false, false };
	struct diag_out out = { stderr, false, false };
	struct cli_plan_args a;
	size_t errors = 0, warnings = 0;
	int i, status;
	bool first = true;

	if ((status = cli_parse_plan_args(c, argc, argv, &a, validate_opt,
	    valued, &va)) != EXIT_OK)
		return status;
	out.strict = va.strict;
	if (va.json) {
		out.fp = stdout;
		fputs("{\"diagnostics\": [", stdout);
	} else
		out.color = cli_use_color();
	for (i = 0; i < a.nfiles; i++) {
		struct plandoc pd;

		status = cli_worst(status, cli_load_plan(&pd, a.files[i], &a.opts,
		    &out, va.json, &first));
		if (!pd.unreadable) {
			errors += pd.diags.count[SEV_ERROR] + (out.strict ?
			    pd.diags.count[SEV_WARNING] : 0);
			warnings += out.strict ? 0 :
			    pd.diags.count[SEV_WARNING];
		}
		plandoc_release(&pd);
	}
	if (va.json)
		printf("%s], \"errors\": %zu, \"warnings\": %zu}\n",
		    first ? "" : "\n", errors, warnings);
	return cli_worst(status, cli_flush_stdout());
}
