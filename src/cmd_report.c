/* cmd_report.c - pairplan report: the county view of many plans (§12). */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "cli_opts.h"
#include "cli_records.h"
#include "rectrack.h"
#include "commands.h"
#include "date.h"
#include "output.h"
#include "plan.h"
#include "plandoc.h"
#include "report.h"
#include "sched.h"

const char cmd_report_usage[] =
    "usage: pairplan report [--on DATE] [--format md|html|json|csv]\n"
    "                       [--min-visits N] [--lang zh|en] [-o OUT] [-j N]\n"
    "                       [--max-size BYTES] PATH...\n"
    "\n"
    "Reads every plan under each PATH (a folder is searched for *.yaml\n"
    "files other than *.records.yaml, in path order; a file is read as it\n"
    "is), schedules the plans together and reports for a county bureau:\n"
    "per partner kindergarten the hosts that help it and the visits\n"
    "planned and held per semester (September-February, March-August),\n"
    "per host its plans and events, per person the events by month, and\n"
    "the totals. Plans with errors are listed with their error count and\n"
    "left out of the figures.\n"
    "\n"
    "  --on DATE           count held and overdue events up to DATE\n"
    "                      (YYYY-MM-DD; default today, or the day of\n"
    "                      SOURCE_DATE_EPOCH when it is set)\n"
    "  --format FORMAT     md (default), html, json or csv\n"
    "  --min-visits N      flag partners with fewer than N visits planned\n"
    "                      in a semester (default 1); those with none at all\n"
    "                      are always flagged\n"
    "  --lang zh|en        language of md and html (default zh)\n"
    CLI_OPTS_HELP_OUTPUT
    CLI_OPTS_HELP_JOBS
    CLI_OPTS_HELP_MAX_SIZE
    "\n"
    "Exit status: 0 every plan valid, 1 some plan has errors (the report "
    "is\nstill written), 2 usage error, unreadable file or folder, or "
    "output\nnot written.\n";

static const struct report_format *const formats[] = {
	&report_md, &report_html, &report_json, &report_csv,
};
#define NFORMATS	(sizeof(formats) / sizeof(formats[0]))

struct report_args {
	const struct report_format *f;
	const char	*out;
	day_t		 on;
	bool		 has_on;
	uint32_t	 min_visits;
	bool		 en;
	unsigned	 jobs;
};

static enum opt_result
report_opt(const struct cmd_struct *c, int argc, char **argv, int *i,
    void *ctx)
{
	struct report_args *ra = ctx;
	const char *opt = argv[*i], *v;
	enum opt_result res;
	char *end;
	size_t k;
	long n;

	if ((res = cli_opts_on(c, argc, argv, i, &ra->on, &ra->has_on)) !=
	    OPT_UNKNOWN)
		return res;
	if ((v = cli_opt_value(argc, argv, i, "--format")) != NULL) {
		for (k = 0; k < NFORMATS; k++)
			if (strcmp(formats[k]->name, v) == 0)
				break;
		if (k == NFORMATS) {
			cli_usage_error(c, "unknown format '%s' (one of: md, "
			    "html, json, csv)", v);
			return OPT_FAILED;
		}
		ra->f = formats[k];
	} else if ((v = cli_opt_value(argc, argv, i, "--min-visits")) !=
	    NULL) {
		errno = 0;
		n = strtol(v, &end, 10);
		if (*v < '0' || *v > '9' || *end != '\0' || errno != 0 ||
		    n > 1000) {
			cli_usage_error(c, "bad number of visits '%s' (0 to "
			    "1000)", v);
			return OPT_FAILED;
		}
		ra->min_visits = (uint32_t)n;
	} else if ((res = cli_opts_lang(c, argc, argv, i, &v)) !=
	    OPT_UNKNOWN) {
		if (res == OPT_TAKEN)
			ra->en = strcmp(v, "en") == 0;
		return res;
	} else if ((v = cli_opt_output(argc, argv, i)) != NULL) {
		if (cli_opts_empty(c, opt, v))
			return OPT_FAILED;
		ra->out = v;
	} else
		return cli_opt_jobs(c, argc, argv, i, &ra->jobs);
	return OPT_TAKEN;
}

/* ---- the files under the PATHs -------------------------------------- */

struct found {
	char		**v;
	size_t		 n, cap;
	bool		 failed;	/* a folder could not be read */
};

static void
found_add(struct found *f, char *path)
{
	char **nv;

	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 64;
		if ((nv = realloc(f->v, f->cap * sizeof(*nv))) == NULL)
			arena_oom();
		f->v = nv;
	}
	f->v[f->n++] = path;
}

static char *
join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	bool slash = a > 0 && dir[a - 1] == '/';
	char *p = malloc(a + b + 2);

	if (p == NULL)
		arena_oom();
	memcpy(p, dir, a);
	if (!slash)
		p[a++] = '/';
	memcpy(p + a, name, b + 1);
	return p;
}

/* A plan's name: *.yaml, not *.records.yaml. */
static bool
is_plan_name(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && strcmp(name + n - 5, ".yaml") == 0 &&
	    !(n >= 13 && strcmp(name + n - 13, ".records.yaml") == 0);
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The plans under a folder, every level down: names starting with a dot
 * are passed over, and so are links to folders (no loops).
 */
static void
walk(const char *dir, struct found *f)
{
	struct dirent *e;
	struct stat st;
	DIR *d;
	char *p;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "pairplan: cannot read folder '%s': %s\n", dir,
		    strerror(errno));
		f->failed = true;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		p = join(dir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			walk(p, f);
			free(p);
		} else if (is_plan_name(e->d_name) && stat(p, &st) == 0 &&
		    S_ISREG(st.st_mode))
			found_add(f, p);
		else
			free(p);
	}
	closedir(d);
}

/* A file's identity, to read a file reached twice only once. */
struct ident {
	dev_t		 dev;
	ino_t		 ino;
	size_t		 at;
};

static int
ident_cmp(const void *x, const void *y)
{
	const struct ident *a = x, *b = y;

	if (a->dev != b->dev)
		return a->dev < b->dev ? -1 : 1;
	if (a->ino != b->ino)
		return a->ino < b->ino ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

/* Drops the files met before under another path (or the same one). */
static void
drop_repeats(struct found *f)
{
	struct ident *v;
	struct stat st;
	bool *drop;
	size_t i, n = 0, k;

	if (f->n < 2)
		return;
	if ((v = malloc(f->n * sizeof(*v))) == NULL ||
	    (drop = calloc(f->n, sizeof(*drop))) == NULL)
		arena_oom();
	for (i = 0; i < f->n; i++)
		if (strcmp(f->v[i], "-") != 0 && stat(f->v[i], &st) == 0) {
			v[n].dev = st.st_dev;
			v[n].ino = st.st_ino;
			v[n++].at = i;
		}
	qsort(v, n, sizeof(*v), ident_cmp);
	for (i = 1; i < n; i++)
		if (v[i].dev == v[i - 1].dev && v[i].ino == v[i - 1].ino)
			drop[v[i].at] = true;
	for (i = 0, k = 0; i < f->n; i++) {
		if (drop[i])
			free(f->v[i]);
		else
			f->v[k++] = f->v[i];
	}
	f->n = k;
	free(v);
	free(drop);
}

/*
 * Each PATH in turn: a folder gives its plans in byte order of their
 * paths; anything else is taken as a file (the loader says when it
 * cannot be read).
 */
static void
find_plans(char **paths, int n, struct found *f)
{
	struct stat st;
	size_t from;
	char *p;
	int i;

	for (i = 0; i < n; i++) {
		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			from = f->n;
			walk(paths[i], f);
			if (f->n - from > 1)
				qsort(f->v + from, f->n - from, sizeof(*f->v),
				    path_cmp);
			continue;
		}
		if ((p = strdup(paths[i])) == NULL)
			arena_oom();
		found_add(f, p);
	}
	drop_repeats(f);
}

/* ---- the report ------------------------------------------------------ */

static int
report_write(const struct report_args *ra, const struct report *r)
{
	struct output out;

	if (!output_open(&out, ra->out))
		return EXIT_USAGE;
	return cli_opts_finish(&out, ra->f->write(out.fp, r, ra->en));
}

int
cmd_report(const struct cmd_struct *c, int argc, char **argv)
{
	static const char *const valued[] = { "--on", "--format",
	    "--min-visits", "--lang", "-o", "--output", "-j", "--jobs", NULL };
	struct report_args ra;
	struct diag_out dout = { stderr, false, false };
	struct cli_plan_args a;
	struct cli_load l;
	struct cli_records cr;
	struct records **recs;
	struct found f;
	struct plandoc *pds;
	struct report_file *rf;
	const struct plan **plans;
	struct schedule s;
	struct report r;
	struct arena arena;
	size_t i, np = 0;
	bool *held, first = true;
	int status;

	memset(&ra, 0, sizeof(ra));
	ra.f = &report_md;
	ra.min_visits = 1;
	ra.jobs = cli_default_jobs();
	if ((status = cli_parse_plan_args(c, argc, argv, &a, report_opt,
	    valued, &ra)) != EXIT_OK)
		return status;
	if (!ra.has_on)
		ra.on = cli_today();
	memset(&f, 0, sizeof(f));
	find_plans(a.files, a.nfiles, &f);
	if (f.n == 0) {
		free(f.v);
		return f.failed ? EXIT_USAGE : cli_usage_error(c,
		    "no plan found (a folder is searched for *.yaml files)");
	}
	if (f.n > INT32_MAX || cli_output_is_input(ra.out, f.v, (int)f.n)) {
		for (i = 0; i < f.n; i++)
			free(f.v[i]);
		free(f.v);
		return EXIT_USAGE;
	}
	dout.color = cli_use_color();
	if ((pds = calloc(f.n, sizeof(*pds))) == NULL ||
	    (rf = calloc(f.n, sizeof(*rf))) == NULL ||
	    (plans = calloc(f.n, sizeof(*plans))) == NULL)
		arena_oom();
	memset(&l, 0, sizeof(l));
	l.files = f.v;
	l.nfiles = (int)f.n;
	l.opts = &a.opts;
	l.jobs = ra.jobs;
	l.out = &dout;
	l.format = CLI_DIAG_TEXT;
	l.first = &first;
	l.keep = pds;
	/* each plan's records, read and checked with it */
	memset(&cr, 0, sizeof(cr));
	cr.files = f.v;
	cr.max_size = a.opts.max_size;
	if ((cr.recp = calloc(f.n + 1, sizeof(*cr.recp))) == NULL ||
	    (cr.unreadable = calloc(f.n + 1, sizeof(*cr.unreadable))) == NULL ||
	    (recs = calloc(f.n + 1, sizeof(*recs))) == NULL)
		arena_oom();
	l.check = cli_records_check;
	l.check_ctx = &cr;
	status = cli_load_plans(&l);
	if (f.failed)
		status = EXIT_USAGE;
	for (i = 0; i < f.n; i++) {
		rf[i].file = f.v[i];
		rf[i].unreadable = pds[i].unreadable;
		if (pds[i].unreadable)
			continue;
		if (cr.unreadable[i])
			status = cli_worst(status, EXIT_USAGE);
		rf[i].errors = pds[i].diags.count[SEV_ERROR];
		if (rf[i].errors == 0 && pds[i].plan != NULL) {
			recs[np] = cr.recp[i];
			plans[np++] = rf[i].plan = pds[i].plan;
		} else
			status = cli_worst(status, EXIT_PLAN);
	}
	arena_init(&arena);
	rectrack_schedule(&s, plans, recs, np, &arena);
	if ((held = calloc(s.nevents + 1, sizeof(*held))) == NULL)
		arena_oom();
	report_held(&s, recs, ra.on, held);
	report_build(&r, rf, f.n, &s, held, ra.on, ra.min_visits, &arena);
	status = cli_worst(status, report_write(&ra, &r));
	free(held);
	arena_release(&arena);
	for (i = 0; i < f.n; i++) {
		plandoc_release(&pds[i]);
		free(f.v[i]);
	}
	free(pds);
	free(rf);
	free(plans);
	free(recs);
	free(cr.recp);
	free(cr.unreadable);
	free(f.v);
	return status;
}
