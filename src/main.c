/* main.c - the command line: one table of subcommands, options, exit status. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "plandoc.h"
#include "rules.h"

#define PAIRPLAN_VERSION	"0.1.0"

enum exit_status { EXIT_OK = 0, EXIT_PLAN = 1, EXIT_USAGE = 2 };

/*
 * The subcommands. To add one: write cmd_NAME(argc, argv) returning an
 * exit status (argv[0] is the command's name), and add a row here with
 * its one-line summary and its usage text for `pairplan NAME --help`.
 */
struct cmd_struct {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*summary;
	const char	*usage;
};

static int cmd_validate(int, char **);
static int cmd_rules(int, char **);

static const struct cmd_struct commands[] = {
	{ "validate", cmd_validate, "check plan files against the format",
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
	  "or\nunreadable file.\n" },
	{ "rules", cmd_rules, "list every validation rule",
	  "usage: pairplan rules\n"
	  "\n"
	  "Prints each validation rule: its id, severity and what it checks.\n" },
};

#define NCOMMANDS	(sizeof(commands) / sizeof(commands[0]))

static void
usage_all(FILE *fp)
{
	size_t i;

	fputs("usage: pairplan COMMAND [OPTIONS] [FILE...]\n"
	    "       pairplan --help | --version | COMMAND --help\n"
	    "\ncommands:\n", fp);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name,
		    commands[i].summary);
	fputs("\nA plan is a YAML file; its format is described in "
	    "docs/plan-format.md.\n", fp);
}

static int
usage_error(const struct cmd_struct *c, const char *fmt, const char *arg)
{
	fputs("pairplan: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	if (c != NULL)
		fputs(c->usage, stderr);
	else
		usage_all(stderr);
	return EXIT_USAGE;
}

static const struct cmd_struct *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* "--opt=value" or "--opt value": the value, advancing *i; NULL if none. */
static const char *
opt_value(int argc, char **argv, int *i, const char *opt)
{
	size_t n = strlen(opt);

	if (strncmp(argv[*i], opt, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0' || *i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

static bool
parse_size(const char *s, unsigned long long *out)
{
	unsigned long long x;
	char *end;

	if (*s < '0' || *s > '9')
		return false;
	x = strtoull(s, &end, 10);
	switch (*end) {
	case 'G': case 'g':
		x <<= 10;
		/* FALLTHROUGH */
	case 'M': case 'm':
		x <<= 10;
		/* FALLTHROUGH */
	case 'K': case 'k':
		x <<= 10;
		end++;
		break;
	default:
		break;
	}
	if (*end != '\0' || x == 0)
		return false;
	*out = x;
	return true;
}

static bool
use_color(void)
{
	const char *nc = getenv("NO_COLOR");

	return (nc == NULL || *nc == '\0') && isatty(STDERR_FILENO);
}

static int
cmd_validate(int argc, char **argv)
{
	const struct cmd_struct *c = find_command("validate");
	struct yload_opts opts = { 0 };
	struct diag_out out = { stderr, false, false };
	bool json = false, first = true, files_only = false;
	size_t errors = 0, warnings = 0;
	int i, nfiles = 0, status = EXIT_OK;
	const char *v;
	char **files;

	/* argv has room for every file: reuse it, keeping order. */
	files = argv;
	for (i = 1; i < argc; i++) {
		if (files_only || argv[i][0] != '-' ||
		    strcmp(argv[i], "-") == 0)
			files[nfiles++] = argv[i];
		else if (strcmp(argv[i], "--") == 0)
			files_only = true;
		else if (strcmp(argv[i], "--strict") == 0)
			out.strict = true;
		else if ((v = opt_value(argc, argv, &i, "--format")) != NULL) {
			if (strcmp(v, "json") == 0)
				json = true;
			else if (strcmp(v, "text") == 0)
				json = false;
			else
				return usage_error(c, "unknown format '%s'", v);
		} else if ((v = opt_value(argc, argv, &i, "--max-size")) !=
		    NULL) {
			if (!parse_size(v, &opts.max_size))
				return usage_error(c, "bad size '%s'", v);
		} else
			return usage_error(c, "unknown option '%s'", argv[i]);
	}
	if (nfiles == 0)
		return usage_error(c, "no plan file given%s", "");
	if (json) {
		out.fp = stdout;
		fputs("{\"diagnostics\": [", stdout);
	} else
		out.color = use_color();
	for (i = 0; i < nfiles; i++) {
		struct plandoc pd;

		if (!plandoc_init(&pd, files[i], &opts)) {
			status = EXIT_USAGE;
			plandoc_release(&pd);
			continue;
		}
		if (json)
			diags_print_json(&pd.diags, &out, &first);
		else
			diags_print_text(&pd.diags, &out);
		errors += out.strict ? pd.diags.n : pd.diags.count[SEV_ERROR];
		warnings += out.strict ? 0 : pd.diags.count[SEV_WARNING];
		if (diags_has_errors(&pd.diags, out.strict) &&
		    status == EXIT_OK)
			status = EXIT_PLAN;
		plandoc_release(&pd);
	}
	if (json)
		printf("%s], \"errors\": %zu, \"warnings\": %zu}\n",
		    first ? "" : "\n", errors, warnings);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("pairplan: standard output");
		return EXIT_USAGE;
	}
	return status;
}

static int
cmd_rules(int argc, char **argv)
{
	size_t i;

	if (argc > 1)
		return usage_error(find_command("rules"),
		    "unexpected argument '%s'", argv[1]);
	for (i = 0; i < R__COUNT; i++)
		printf("%-18s %-8s %s\n", rule_catalogue[i].id,
		    severity_name(rule_catalogue[i].severity),
		    rule_catalogue[i].doc);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_USAGE;
}

int
main(int argc, char **argv)
{
	const struct cmd_struct *c;
	int i;

	if (argc < 2)
		return usage_error(NULL, "no command given%s", "");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && (c = find_command(argv[2])) != NULL)
			fputs(c->usage, stdout);
		else
			usage_all(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("pairplan %s (plan format 1)\n", PAIRPLAN_VERSION);
		return EXIT_OK;
	}
	if ((c = find_command(argv[1])) == NULL)
		return usage_error(NULL, "unknown command '%s'", argv[1]);
	for (i = 2; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			fputs(c->usage, stdout);
			return EXIT_OK;
		}
	return c->fn(argc - 1, argv + 1);
}
