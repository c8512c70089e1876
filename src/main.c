/* main.c - the command line: one table of subcommands, options, exit status. */
#include <sys/stat.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "init.h"
#include "output.h"
#include "plan.h"
#include "plandoc.h"
#include "render.h"
#include "rules.h"
#include "sched.h"
#include "suggest.h"

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
static int cmd_schedule(int, char **);
static int cmd_export(int, char **);
static int cmd_rules(int, char **);
static int cmd_init(int, char **);

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
	{ "schedule", cmd_schedule, "turn plans into dated events",
	  "usage: pairplan schedule [--phase N|ID] [--from DATE] [--to DATE]\n"
	  "                         [--person ID] [--partner ID]\n"
	  "                         [--format table|csv|json|ics] [-o OUT]\n"
	  "                         [--max-size BYTES] FILE...\n"
	  "\n"
	  "Schedules the plans in the FILEs (- for standard input) together "
	  "and\nprints their events on working days. A plan with errors gets "
	  "its\ndiagnostics on standard error, and nothing is scheduled.\n"
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
	  "  -o OUT              write to OUT, replaced whole, instead of "
	  "standard\n"
	  "                      output\n"
	  "  --max-size BYTES    largest file read (default 256M; K, M, G "
	  "suffixes)\n"
	  "\n"
	  "The selection options choose what is printed, not what is "
	  "scheduled:\nthe schedule is always computed for every plan given.\n"
	  "\n"
	  "Exit status: 0 every occurrence placed and every quota met, 1 "
	  "errors in\na plan, or an occurrence unplaced or a quota short (the "
	  "schedule is\nstill printed), 2 usage error, unreadable file or "
	  "output not written.\n" },
	{ "export", cmd_export, "write the plan as a document or a timeline",
	  "usage: pairplan export --format md|html|json|csv|ics|svg "
	  "[--lang zh|en]\n"
	  "                       [-o OUT] [--max-size BYTES] FILE\n"
	  "\n"
	  "Checks the plan in FILE (- for standard input), schedules it and "
	  "writes\nit whole. A plan with errors gets its diagnostics on "
	  "standard error,\nand nothing is written.\n"
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
	  "  -o OUT              write to OUT, replaced whole, instead of "
	  "standard\n"
	  "                      output\n"
	  "  --max-size BYTES    largest file read (default 256M; K, M, G "
	  "suffixes)\n"
	  "\n"
	  "Exit status: 0 written (also when some occurrence could not be "
	  "placed:\nthat is said on standard error), 1 errors in the plan, 2 "
	  "usage error,\nunreadable file or output not written.\n" },
	{ "rules", cmd_rules, "list every validation rule",
	  "usage: pairplan rules\n"
	  "\n"
	  "Prints each validation rule: its id, severity and what it checks.\n" },
	{ "init", cmd_init, "print a commented starter plan",
	  "usage: pairplan init [--lang zh|en]\n"
	  "\n"
	  "Prints a starter plan with comments on standard output, in Chinese "
	  "(zh,\nthe default) or English (en), to copy and fill in: "
	  "pairplan init >plan.yaml\n" },
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
usage_error(const struct cmd_struct *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
usage_error(const struct cmd_struct *c, const char *fmt, ...)
{
	va_list ap;

	fputs("pairplan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
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

/*
 * A command's own options: OPT_TAKEN when argv[*i] was one of them (*i
 * then past its value), OPT_UNKNOWN when it is not, OPT_FAILED after a
 * usage error was printed.
 */
enum opt_result { OPT_TAKEN, OPT_UNKNOWN, OPT_FAILED };
typedef enum opt_result (*opt_fn)(const struct cmd_struct *, int, char **,
    int *, void *);

/* What every command that reads plans takes: FILEs and --max-size. */
struct plan_args {
	struct yload_opts	 opts;
	char		       **files;
	int			 nfiles;
};

/* Is arg, the last argument, an option of valued that lacks its value? */
static bool
lacks_value(const char *arg, const char *const *valued)
{
	if (strcmp(arg, "--max-size") == 0)
		return true;
	for (; valued != NULL && *valued != NULL; valued++)
		if (strcmp(arg, *valued) == 0)
			return true;
	return false;
}

/*
 * Parses a command line of options and FILEs ("-" is standard input,
 * "--" ends the options), handing the options it does not know to own;
 * valued lists those of them that take a value. Returns EXIT_OK, or
 * EXIT_USAGE after a message.
 */
static int
parse_plan_args(const struct cmd_struct *c, int argc, char **argv,
    struct plan_args *a, opt_fn own, const char *const *valued, void *ctx)
{
	bool files_only = false;
	const char *v;
	int i;

	memset(a, 0, sizeof(*a));
	/* argv has room for every file: reuse it, keeping order. */
	a->files = argv;
	for (i = 1; i < argc; i++) {
		if (files_only || argv[i][0] != '-' ||
		    strcmp(argv[i], "-") == 0) {
			a->files[a->nfiles++] = argv[i];
			continue;
		}
		if (strcmp(argv[i], "--") == 0) {
			files_only = true;
			continue;
		}
		if (i == argc - 1 && lacks_value(argv[i], valued))
			return usage_error(c, "option '%s' needs a value",
			    argv[i]);
		if ((v = opt_value(argc, argv, &i, "--max-size")) != NULL) {
			if (!parse_size(v, &a->opts.max_size))
				return usage_error(c, "bad size '%s'", v);
			continue;
		}
		switch (own(c, argc, argv, &i, ctx)) {
		case OPT_TAKEN:
			continue;
		case OPT_FAILED:
			return EXIT_USAGE;
		case OPT_UNKNOWN:
			break;
		}
		return usage_error(c, "unknown option '%s'", argv[i]);
	}
	if (a->nfiles == 0)
		return usage_error(c, "no plan file given");
	return EXIT_OK;
}

/* Usage error, worse than plan errors, worse than success. */
static int
worst(int a, int b)
{
	return a > b ? a : b;
}

/*
 * Reads and checks one file and prints its diagnostics. Returns the exit
 * status it earns: EXIT_USAGE when it could not be read, EXIT_PLAN when
 * it has errors.
 */
static int
load_plan(struct plandoc *pd, const char *path, const struct yload_opts *o,
    const struct diag_out *out, bool json, bool *first)
{
	if (!plandoc_init(pd, path, o))
		return EXIT_USAGE;
	if (json)
		diags_print_json(&pd->diags, out, first);
	else
		diags_print_text(&pd->diags, out);
	return diags_has_errors(&pd->diags, out->strict) ? EXIT_PLAN :
	    EXIT_OK;
}

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
	else if ((v = opt_value(argc, argv, i, "--format")) != NULL) {
		if (strcmp(v, "json") == 0)
			va->json = true;
		else if (strcmp(v, "text") == 0)
			va->json = false;
		else {
			usage_error(c, "unknown format '%s'", v);
			return OPT_FAILED;
		}
	} else
		return OPT_UNKNOWN;
	return OPT_TAKEN;
}

static int
cmd_validate(int argc, char **argv)
{
	static const char *const valued[] = { "--format", NULL };
	const struct cmd_struct *c = find_command("validate");
	struct validate_args va = { false, false };
	struct diag_out out = { stderr, false, false };
	struct plan_args a;
	size_t errors = 0, warnings = 0;
	int i, status;
	bool first = true;

	if ((status = parse_plan_args(c, argc, argv, &a, validate_opt,
	    valued, &va)) != EXIT_OK)
		return status;
	out.strict = va.strict;
	if (va.json) {
		out.fp = stdout;
		fputs("{\"diagnostics\": [", stdout);
	} else
		out.color = use_color();
	for (i = 0; i < a.nfiles; i++) {
		struct plandoc pd;

		status = worst(status, load_plan(&pd, a.files[i], &a.opts,
		    &out, va.json, &first));
		if (!pd.unreadable) {
			errors += out.strict ? pd.diags.n :
			    pd.diags.count[SEV_ERROR];
			warnings += out.strict ? 0 :
			    pd.diags.count[SEV_WARNING];
		}
		plandoc_release(&pd);
	}
	if (va.json)
		printf("%s], \"errors\": %zu, \"warnings\": %zu}\n",
		    first ? "" : "\n", errors, warnings);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("pairplan: standard output");
		return EXIT_USAGE;
	}
	return status;
}

struct schedule_args {
	struct sched_filter	 filter;
	const struct renderer	*r;
	const char		*out;		/* -o, or NULL */
};

/* -o OUT, -oOUT, --output OUT, --output=OUT. */
static const char *
opt_output(int argc, char **argv, int *i)
{
	if (strncmp(argv[*i], "-o", 2) == 0 && argv[*i][2] != '\0')
		return argv[*i] + 2;
	if (strcmp(argv[*i], "-o") == 0)
		return *i + 1 < argc ? argv[++*i] : NULL;
	return opt_value(argc, argv, i, "--output");
}

/* A day, or a month (its first or last day), as --from and --to take. */
static bool
parse_bound(const char *s, bool last, day_t *out)
{
	struct span sp;
	bool is_day;

	if (date_parse_span(s, strlen(s), &sp, &is_day) != DATE_OK)
		return false;
	*out = last ? sp.to : sp.from;
	return true;
}

static enum opt_result
schedule_opt(const struct cmd_struct *c, int argc, char **argv, int *i,
    void *ctx)
{
	struct schedule_args *sa = ctx;
	struct sched_filter *f = &sa->filter;
	const char *opt = argv[*i], *v;

	if ((v = opt_value(argc, argv, i, "--phase")) != NULL)
		f->phase = v;
	else if ((v = opt_value(argc, argv, i, "--person")) != NULL)
		f->person = v;
	else if ((v = opt_value(argc, argv, i, "--partner")) != NULL)
		f->partner = v;
	else if ((v = opt_value(argc, argv, i, "--from")) != NULL) {
		if (!parse_bound(v, false, &f->from))
			goto bad_date;
		f->has_from = true;
	} else if ((v = opt_value(argc, argv, i, "--to")) != NULL) {
		if (!parse_bound(v, true, &f->to))
			goto bad_date;
		f->has_to = true;
	} else if ((v = opt_value(argc, argv, i, "--format")) != NULL) {
		if ((sa->r = render_find(v)) == NULL ||
		    sa->r->schedule == NULL) {
			usage_error(c, "unknown format '%s' (one of: %s)", v,
			    render_names());
			return OPT_FAILED;
		}
	} else if ((v = opt_output(argc, argv, i)) != NULL)
		sa->out = v;
	else
		return OPT_UNKNOWN;
	if (*v == '\0') {
		usage_error(c, "empty value for '%.*s'",
		    (int)strcspn(opt, "="), opt);
		return OPT_FAILED;
	}
	return OPT_TAKEN;
bad_date:
	usage_error(c, "bad date '%s' (YYYY-MM-DD or YYYY-MM)", v);
	return OPT_FAILED;
}

/* "pairplan: unknown WHAT 'S' (did you mean 'X'?)": exit status 2. */
static int
unknown_name(const char *what, const char *s, const char **cands,
    size_t n)
{
	const char *m = suggest(s, cands, n);

	if (m != NULL)
		fprintf(stderr, "pairplan: unknown %s '%s' (did you mean "
		    "'%s'?)\n", what, s, m);
	else
		fprintf(stderr, "pairplan: unknown %s '%s'\n", what, s);
	return EXIT_USAGE;
}

static void
push_name(const char ***v, size_t *n, const char *s)
{
	const char **nv;

	if (s == NULL)
		return;
	if ((nv = realloc(*v, (*n + 1) * sizeof(**v))) == NULL)
		arena_oom();
	nv[(*n)++] = s;
	*v = nv;
}

/*
 * --person and --partner take an id, or the name of exactly one person
 * or organisation (the same id in several plans is one); *s becomes the
 * id. Returns EXIT_OK or EXIT_USAGE after a message.
 */
static int
resolve_name(const char **s, bool person, const struct plan *const *plans,
    size_t nplans)
{
	const char *what = person ? "person" : "partner", *id, *name,
	    *found = NULL, **cands = NULL;
	size_t i, ncands = 0;
	uint32_t j, n;
	int status;

	for (i = 0; i < nplans; i++) {
		n = person ? plans[i]->npeople : plans[i]->norgs;
		for (j = 0; j < n; j++) {
			id = person ? plans[i]->people[j].id :
			    plans[i]->orgs[j].id;
			if (id != NULL && strcmp(id, *s) == 0)
				goto out;
		}
	}
	for (i = 0; i < nplans; i++) {
		n = person ? plans[i]->npeople : plans[i]->norgs;
		for (j = 0; j < n; j++) {
			id = person ? plans[i]->people[j].id :
			    plans[i]->orgs[j].id;
			name = person ? plans[i]->people[j].name :
			    plans[i]->orgs[j].name;
			push_name(&cands, &ncands, id);
			if (name == NULL || strcmp(name, *s) != 0)
				continue;
			if (found != NULL && strcmp(found, id) != 0) {
				fprintf(stderr, "pairplan: %s name '%s' is "
				    "ambiguous: give the id ('%s' or '%s')\n",
				    what, *s, found, id);
				free(cands);
				return EXIT_USAGE;
			}
			found = id;
		}
	}
	if (found == NULL) {
		status = unknown_name(what, *s, cands, ncands);
		free(cands);
		return status;
	}
	*s = found;
out:
	free(cands);
	return EXIT_OK;
}

/* --phase: a number no greater than the phases of some plan, or an id. */
static int
resolve_phase(const char *s, const struct plan *const *plans,
    size_t nplans)
{
	const char **cands = NULL;
	unsigned long long k = 0;
	size_t i, ncands = 0;
	uint32_t j, most = 0;
	const char *p;
	int status;

	for (p = s; *p >= '0' && *p <= '9' && k <= UINT32_MAX; p++)
		k = k * 10 + (unsigned long long)(*p - '0');
	for (i = 0; i < nplans; i++) {
		if (plans[i]->nphases > most)
			most = plans[i]->nphases;
		for (j = 0; j < plans[i]->nphases; j++)
			if (strcmp(plans[i]->phases[j].id, s) == 0)
				return EXIT_OK;
	}
	if (p != s && *p == '\0' && k >= 1 && k <= most)
		return EXIT_OK;
	for (i = 0; i < nplans; i++)
		for (j = 0; j < plans[i]->nphases; j++)
			push_name(&cands, &ncands, plans[i]->phases[j].id);
	status = unknown_name("phase", s, cands, ncands);
	free(cands);
	return status;
}

/* The tool never writes to a plan file: -o must not name an input. */
static bool
output_is_input(const char *out, char **files, int nfiles)
{
	struct stat so, si;
	int i;

	if (out == NULL || strcmp(out, "-") == 0 || stat(out, &so) != 0)
		return false;
	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") != 0 && stat(files[i], &si) == 0 &&
		    si.st_dev == so.st_dev && si.st_ino == so.st_ino) {
			fprintf(stderr, "pairplan: '%s' is a plan given to "
			    "read: not writing over it\n", out);
			return true;
		}
	return false;
}

/* On standard error: why the exit status is 1 although all was printed. */
static void
report_incomplete(const struct schedule *s)
{
	size_t i, shorts = 0;

	for (i = 0; i < s->nquotas; i++)
		if (s->quotas[i].got < s->quotas[i].required)
			shorts++;
	fprintf(stderr, "pairplan: the schedule is incomplete: %zu "
	    "occurrence%s unplaced, %zu quota%s short\n", s->nunplaced,
	    s->nunplaced == 1 ? "" : "s", shorts, shorts == 1 ? "" : "s");
}

static int
cmd_schedule(int argc, char **argv)
{
	static const char *const valued[] = { "--phase", "--from", "--to",
	    "--person", "--partner", "--format", "-o", "--output", NULL };
	const struct cmd_struct *c = find_command("schedule");
	struct schedule_args sa;
	struct diag_out dout = { stderr, false, false };
	struct plan_args a;
	struct plandoc *pds;
	const struct plan **plans;
	struct schedule s;
	struct arena arena;
	struct output out;
	int i, status;
	bool first = true;

	memset(&sa, 0, sizeof(sa));
	sa.r = render_find("table");
	if ((status = parse_plan_args(c, argc, argv, &a, schedule_opt,
	    valued, &sa)) != EXIT_OK)
		return status;
	if (sa.filter.has_from && sa.filter.has_to &&
	    sa.filter.from > sa.filter.to)
		return usage_error(c, "--from is after --to");
	if (output_is_input(sa.out, a.files, a.nfiles))
		return EXIT_USAGE;
	dout.color = use_color();
	if ((pds = calloc((size_t)a.nfiles, sizeof(*pds))) == NULL ||
	    (plans = calloc((size_t)a.nfiles, sizeof(*plans))) == NULL)
		arena_oom();
	for (i = 0; i < a.nfiles; i++) {
		status = worst(status, load_plan(&pds[i], a.files[i],
		    &a.opts, &dout, false, &first));
		if (!pds[i].unreadable && pds[i].plan == NULL)
			status = worst(status, EXIT_PLAN);
		plans[i] = pds[i].plan;
	}
	if (status == EXIT_OK && sa.filter.phase != NULL)
		status = resolve_phase(sa.filter.phase, plans,
		    (size_t)a.nfiles);
	if (status == EXIT_OK && sa.filter.person != NULL)
		status = resolve_name(&sa.filter.person, true, plans,
		    (size_t)a.nfiles);
	if (status == EXIT_OK && sa.filter.partner != NULL)
		status = resolve_name(&sa.filter.partner, false, plans,
		    (size_t)a.nfiles);
	if (status == EXIT_OK) {
		arena_init(&arena);
		sched_run(&s, plans, (size_t)a.nfiles, &arena);
		if (!output_open(&out, sa.out))
			status = EXIT_USAGE;
		else if (!sa.r->schedule(out.fp, &s, &sa.filter)) {
			output_fail(&out);
			status = EXIT_USAGE;
		} else if (!output_commit(&out))
			status = EXIT_USAGE;
		else if (sched_incomplete(&s)) {
			report_incomplete(&s);
			status = EXIT_PLAN;
		}
		arena_release(&arena);
	}
	for (i = 0; i < a.nfiles; i++)
		plandoc_release(&pds[i]);
	free(pds);
	free(plans);
	return status;
}

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

	if ((v = opt_value(argc, argv, i, "--format")) != NULL) {
		if ((ea->r = render_find_export(v)) == NULL) {
			usage_error(c, "unknown format '%s' (one of: %s)", v,
			    render_export_names());
			return OPT_FAILED;
		}
	} else if ((v = opt_value(argc, argv, i, "--lang")) != NULL) {
		if (strcmp(v, "zh") != 0 && strcmp(v, "en") != 0) {
			usage_error(c, "unknown language '%s' (zh or en)", v);
			return OPT_FAILED;
		}
		ea->lang = v;
	} else if ((v = opt_output(argc, argv, i)) != NULL)
		ea->out = v;
	else
		return OPT_UNKNOWN;
	if (*v == '\0') {
		usage_error(c, "empty value for '%.*s'",
		    (int)strcspn(opt, "="), opt);
		return OPT_FAILED;
	}
	return OPT_TAKEN;
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

static int
cmd_export(int argc, char **argv)
{
	static const char *const valued[] = { "--format", "--lang", "-o",
	    "--output", NULL };
	const struct cmd_struct *c = find_command("export");
	struct export_args ea;
	struct diag_out dout = { stderr, false, false };
	struct plan_args a;
	struct plandoc pd;
	const struct plan *plan;
	struct schedule s;
	struct arena arena;
	struct output out;
	int status;
	bool first = true;

	memset(&ea, 0, sizeof(ea));
	if ((status = parse_plan_args(c, argc, argv, &a, export_opt, valued,
	    &ea)) != EXIT_OK)
		return status;
	if (a.nfiles > 1)
		return usage_error(c, "export takes one plan file, not %d",
		    a.nfiles);
	if (ea.r == NULL)
		return usage_error(c, "no --format given (one of: %s)",
		    render_export_names());
	if (output_is_input(ea.out, a.files, a.nfiles))
		return EXIT_USAGE;
	dout.color = use_color();
	status = load_plan(&pd, a.files[0], &a.opts, &dout, false, &first);
	if (!pd.unreadable && pd.plan == NULL)
		status = worst(status, EXIT_PLAN);
	if (status == EXIT_OK) {
		plan = pd.plan;
		arena_init(&arena);
		sched_run(&s, &plan, 1, &arena);
		if (!output_open(&out, ea.out))
			status = EXIT_USAGE;
		else if (!export_write(out.fp, &ea, plan, &s)) {
			output_fail(&out);
			status = EXIT_USAGE;
		} else if (!output_commit(&out))
			status = EXIT_USAGE;
		else if (sched_incomplete(&s))
			report_incomplete(&s);	/* written all the same */
		arena_release(&arena);
	}
	plandoc_release(&pd);
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

static int
cmd_init(int argc, char **argv)
{
	const struct cmd_struct *c = find_command("init");
	const char *lang = "zh", *v;
	int i;

	for (i = 1; i < argc; i++) {
		if ((v = opt_value(argc, argv, &i, "--lang")) != NULL) {
			if (strcmp(v, "zh") != 0 && strcmp(v, "en") != 0)
				return usage_error(c, "unknown language '%s' "
				    "(zh or en)", v);
			lang = v;
		} else if (strcmp(argv[i], "--lang") == 0)
			return usage_error(c, "option '--lang' needs a value");
		else if (argv[i][0] == '-')
			return usage_error(c, "unknown option '%s'", argv[i]);
		else
			return usage_error(c, "unexpected argument '%s'",
			    argv[i]);
	}
	if (!init_print(stdout, lang) || fflush(stdout) != 0 ||
	    ferror(stdout)) {
		perror("pairplan: standard output");
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	const struct cmd_struct *c;
	int i;

	if (argc < 2)
		return usage_error(NULL, "no command given");
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
