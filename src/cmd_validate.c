/* cmd_validate.c - pairplan validate: check plan files and print their diagnostics. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli_records.h"
#include "commands.h"
#include "diag.h"
#include "plandoc.h"

const char cmd_validate_usage[] =
    "usage: pairplan validate [--strict] [--format text|json] "
    "[--records FILE]\n"
    "                         [--max-size BYTES] FILE...\n"
    "\n"
    "Checks each FILE (- for standard input) and prints diagnostics as\n"
    "FILE:LINE:COL: SEVERITY: MESSAGE [RULE] on standard error, or one\n"
    "JSON object on standard output with --format json. A plan's records,\n"
    "NAME.records.yaml beside NAME.yaml, are checked too when the file\n"
    "exists, each diagnostic at the records file's own line.\n"
    "\n"
    "  --strict            treat warnings as errors\n"
    "  --format text|json  how to print diagnostics (default text)\n"
    "  --records FILE      the records file of the one plan given\n"
    "  --max-size BYTES    largest file read (default 256M; K, M, G "
    "suffixes)\n"
    "\n"
    "Exit status: 0 valid (warnings allowed), 1 errors, 2 usage error "
    "or\nunreadable file.\n";

struct validate_args {
	bool		 strict, json;
	const char	*records;
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
			cli_usage_error(c, "unknown format '%s' (one of: text, "
			    "json)", v);
			return OPT_FAILED;
		}
	} else if ((v = cli_opt_value(argc, argv, i, "--records")) != NULL)
		va->records = v;
	else
		return OPT_UNKNOWN;
	return OPT_TAKEN;
}

int
cmd_validate(const struct cmd_struct *c, int argc, char **argv)
{
	static const char *const valued[] = { "--format", "--records", NULL };
	struct validate_args va = { false, false, NULL };
	struct diag_out out = { stderr, false, false };
	struct cli_plan_args a;
	size_t errors = 0, warnings = 0;
	int i, status;
	bool first = true;

	if ((status = cli_parse_plan_args(c, argc, argv, &a, validate_opt,
	    valued, &va)) != EXIT_OK)
		return status;
	if (va.records != NULL && a.nfiles > 1)
		return cli_usage_error(c, "--records goes with one plan, not %d",
		    a.nfiles);
	out.strict = va.strict;
	if (va.json) {
		out.fp = stdout;
		fputs("{\"diagnostics\": [", stdout);
	} else
		out.color = cli_use_color();
	for (i = 0; i < a.nfiles; i++) {
		struct cli_tracked t;
		const struct plandoc *pd;

		/* one at a time: memory stays that of the largest plan */
		status = cli_worst(status, cli_tracked_load(&t, &a.files[i], 1,
		    va.records, &a.opts, &out, va.json, &first, false, true));
		pd = &t.pds[0];
		if (!pd->unreadable) {
			errors += out.strict ? pd->diags.n :
			    pd->diags.count[SEV_ERROR];
			warnings += out.strict ? 0 :
			    pd->diags.count[SEV_WARNING];
		}
		cli_tracked_release(&t);
	}
	if (va.json)
		printf("%s], \"errors\": %zu, \"warnings\": %zu}\n",
		    first ? "" : "\n", errors, warnings);
	return cli_worst(status, cli_flush_stdout());
}
