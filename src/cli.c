/* cli.c - what the commands share: their options, reading plans, names given on the command line, exit status. */
#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "cli.h"
#include "date.h"
#include "diag.h"
#include "holfile.h"
#include "plan.h"
#include "plandoc.h"
#include "sched.h"
#include "suggest.h"
#include "yload.h"

int
cli_usage_error(const struct cmd_struct *c, const char *fmt, ...)
{
	va_list ap;

	fputs("pairplan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(c->usage, stderr);
	return EXIT_USAGE;
}

/* "--opt=value" or "--opt value": the value, advancing *i; NULL if none. */
const char *
cli_opt_value(int argc, char **argv, int *i, const char *opt)
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

bool
cli_parse_size(const char *s, unsigned long long *out)
{
	unsigned long long x;
	char *end;

	int shift = 0;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	x = strtoull(s, &end, 10);
	if (errno == ERANGE)
		return false;
	switch (*end) {
	case 'G': case 'g':
		shift += 10;
		/* FALLTHROUGH */
	case 'M': case 'm':
		shift += 10;
		/* FALLTHROUGH */
	case 'K': case 'k':
		shift += 10;
		end++;
		break;
	default:
		break;
	}
	/* a size that does not fit is refused, not wrapped */
	if (*end != '\0' || x == 0 || x > (~0ull >> shift))
		return false;
	x <<= shift;
	*out = x;
	return true;
}

bool
cli_use_color(void)
{
	const char *nc = getenv("NO_COLOR");

	return (nc == NULL || *nc == '\0') && isatty(STDERR_FILENO);
}

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
int
cli_parse_plan_args(const struct cmd_struct *c, int argc, char **argv,
    struct cli_plan_args *a, cli_opt_fn own, const char *const *valued, void *ctx)
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
			return cli_usage_error(c, "option '%s' needs a value",
			    argv[i]);
		if ((v = cli_opt_value(argc, argv, &i, "--max-size")) != NULL) {
			if (!cli_parse_size(v, &a->opts.max_size))
				return cli_usage_error(c, "bad size '%s'", v);
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
		return cli_usage_error(c, "unknown option '%s'", argv[i]);
	}
	if (a->nfiles == 0)
		return cli_usage_error(c, "no plan file given");
	a->opts.holidays = cli_holidays();
	return EXIT_OK;
}

/*
 * The holiday files of every plan one command reads, each read once. The
 * cache locks itself, so plans may be loaded on several threads; made on
 * the main thread before any plan is read, freed by cli_release.
 */
static struct holfile_cache *cli_holiday_cache;

struct holfile_cache *
cli_holidays(void)
{
	if (cli_holiday_cache == NULL)
		cli_holiday_cache = holfile_cache_new();
	return cli_holiday_cache;
}

void
cli_release(void)
{
	holfile_cache_free(cli_holiday_cache);
	cli_holiday_cache = NULL;
}

/* Usage error, worse than plan errors, worse than success. */
int
cli_worst(int a, int b)
{
	return a > b ? a : b;
}

/*
 * Reads and checks one file and prints its diagnostics. Returns the exit
 * status it earns: EXIT_USAGE when it could not be read, EXIT_PLAN when
 * it has errors.
 */
int
cli_load_plan(struct plandoc *pd, const char *path, const struct yload_opts *o,
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

/* -o OUT, -oOUT, --output OUT, --output=OUT. */
const char *
cli_opt_output(int argc, char **argv, int *i)
{
	if (strncmp(argv[*i], "-o", 2) == 0 && argv[*i][2] != '\0')
		return argv[*i] + 2;
	if (strcmp(argv[*i], "-o") == 0)
		return *i + 1 < argc ? argv[++*i] : NULL;
	return cli_opt_value(argc, argv, i, "--output");
}

/* A day, or a month (its first or last day), as --from and --to take. */
bool
cli_parse_bound(const char *s, bool last, day_t *out)
{
	struct span sp;
	bool is_day;

	if (date_parse_span(s, strlen(s), &sp, &is_day) != DATE_OK)
		return false;
	*out = last ? sp.to : sp.from;
	return true;
}

/* "pairplan: unknown WHAT 'S' (did you mean 'X'?)": exit status 2. */
static int
unknown_name(const char *what, const char *s, const char **cands,
    size_t n)
{
	const char *hint = suggest(s, cands, n);

	fprintf(stderr, "pairplan: unknown %s '%s'" SUGGEST_FMT "\n", what, s,
	    SUGGEST_ARGS(hint));
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
int
cli_resolve_name(const char **s, bool person, const struct plan *const *plans,
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
int
cli_resolve_phase(const char *s, const struct plan *const *plans,
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

/*
 * The tool never writes to a plan file: -o must not name an input, by
 * any name (a link, or standard input redirected from it, "-").
 */
bool
cli_output_is_input(const char *out, char **files, int nfiles)
{
	struct stat so, si;
	int i, r;

	if (out == NULL || strcmp(out, "-") == 0 || stat(out, &so) != 0)
		return false;
	for (i = 0; i < nfiles; i++) {
		r = strcmp(files[i], "-") == 0 ? fstat(STDIN_FILENO, &si) :
		    stat(files[i], &si);
		if (r == 0 && si.st_dev == so.st_dev && si.st_ino == so.st_ino &&
		    S_ISREG(si.st_mode)) {
			fprintf(stderr, "pairplan: '%s' is a plan given to "
			    "read: not writing over it\n", out);
			return true;
		}
	}
	return false;
}

/* On standard error: why the exit status is 1 although all was printed. */
void
cli_report_incomplete(const struct schedule *s)
{
	size_t i, shorts = 0;

	for (i = 0; i < s->nquotas; i++)
		if (s->quotas[i].got < s->quotas[i].required)
			shorts++;
	fprintf(stderr, "pairplan: the schedule is incomplete: %zu "
	    "occurrence%s unplaced, %zu quota%s short\n", s->nunplaced,
	    s->nunplaced == 1 ? "" : "s", shorts, shorts == 1 ? "" : "s");
}

int
cli_flush_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "pairplan: cannot write standard output: %s\n",
		    strerror(errno));
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* -j N, -jN, --jobs N, --jobs=N. */
enum opt_result
cli_opt_jobs(const struct cmd_struct *c, int argc, char **argv, int *i,
    unsigned *jobs)
{
	const char *v;
	char *end;
	long n;

	if (strncmp(argv[*i], "-j", 2) == 0 && argv[*i][2] != '\0')
		v = argv[*i] + 2;
	else if (strcmp(argv[*i], "-j") == 0)
		v = *i + 1 < argc ? argv[++*i] : NULL;
	else
		v = cli_opt_value(argc, argv, i, "--jobs");
	if (v == NULL)
		return OPT_UNKNOWN;
	errno = 0;
	n = strtol(v, &end, 10);
	if (*v < '0' || *v > '9' || *end != '\0' || errno != 0 || n < 1 ||
	    n > CLI_MAX_JOBS) {
		cli_usage_error(c, "bad number of jobs '%s' (1 to %d)", v,
		    CLI_MAX_JOBS);
		return OPT_FAILED;
	}
	*jobs = (unsigned)n;
	return OPT_TAKEN;
}

unsigned
cli_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > CLI_MAX_JOBS ? CLI_MAX_JOBS : (unsigned)n;
}

/*
 * The parallel reading of cli_load_plans. Threads claim files in order;
 * file i goes to slot i (keep) or i % nslots, and a thread waits while i
 * is nslots or more ahead of the next file to hand on, so that at most
 * nslots plandocs are alive (without keep). The thread that finds the
 * next file read hands it on, and every file read after it, one thread
 * at a time: no thread waits for each file in turn, which would cost a
 * sleep and a wake-up per file (a few microseconds each, many more in a
 * virtual machine), thousands of times for a county's plans.
 */
struct loader {
	const struct cli_load	*l;
	struct plandoc		*slots;
	bool			*ready;		/* per slot: read, not yet used */
	int			 nslots;
	int			 claim;		/* next file to read */
	int			 next;		/* next file to hand on */
	int			 waiting;	/* threads waiting for room */
	bool			 handing;	/* a thread is handing on */
	int			 status;
	pthread_mutex_t		 mu;
	pthread_cond_t		 room;
};

static struct plandoc *
loader_slot(struct loader *ld, int i)
{
	return &ld->slots[ld->l->keep != NULL ? i : i % ld->nslots];
}

static bool *
loader_ready(struct loader *ld, int i)
{
	return &ld->ready[ld->l->keep != NULL ? i : i % ld->nslots];
}

/*
 * Reads file i into its slot; the model stays, the scratch memory goes.
 * cache is the reading thread's (yload_opts.cache).
 */
static void
loader_read(struct loader *ld, int i, struct yload_cache *cache)
{
	struct plandoc *pd = loader_slot(ld, i);
	struct yload_opts o;

	if (ld->l->opts != NULL)
		o = *ld->l->opts;
	else
		memset(&o, 0, sizeof(o));
	o.cache = cache;
	if (plandoc_init_quiet(pd, ld->l->files[i], &o))
		plandoc_trim(pd);
	if (ld->l->check != NULL)
		ld->l->check(ld->l->check_ctx, i, pd);
}

static int loader_hand_on(struct loader *, int);

/*
 * With the lock held: hands on, in file order, every file read from the
 * next one on, unless another thread is at it (it will see them too).
 */
static void
loader_hand_ready(struct loader *ld)
{
	int i, st;

	if (ld->handing)
		return;
	ld->handing = true;
	while (ld->next < ld->l->nfiles && *loader_ready(ld, ld->next)) {
		i = ld->next;
		pthread_mutex_unlock(&ld->mu);
		st = loader_hand_on(ld, i);
		pthread_mutex_lock(&ld->mu);
		ld->status = cli_worst(ld->status, st);
		*loader_ready(ld, i) = false;
		ld->next = i + 1;
		if (ld->waiting > 0)
			pthread_cond_broadcast(&ld->room);
	}
	ld->handing = false;
}

static void *
loader_worker(void *arg)
{
	struct loader *ld = arg;
	struct yload_cache *cache = yload_cache_new();
	int i;

	pthread_mutex_lock(&ld->mu);
	for (;;) {
		while (ld->claim < ld->l->nfiles &&
		    ld->claim >= ld->next + ld->nslots) {
			ld->waiting++;
			pthread_cond_wait(&ld->room, &ld->mu);
			ld->waiting--;
		}
		if (ld->claim >= ld->l->nfiles)
			break;
		i = ld->claim++;
		pthread_mutex_unlock(&ld->mu);
		loader_read(ld, i, cache);
		pthread_mutex_lock(&ld->mu);
		*loader_ready(ld, i) = true;
		loader_hand_ready(ld);
	}
	pthread_mutex_unlock(&ld->mu);
	yload_cache_free(cache);
	return NULL;
}

/* In file order, one at a time: print, hand on, release. */
static int
loader_hand_on(struct loader *ld, int i)
{
	const struct cli_load *l = ld->l;
	struct plandoc *pd = loader_slot(ld, i);
	int status = EXIT_OK;

	if (pd->unreadable) {
		fprintf(stderr, "pairplan: %s\n", pd->error);
		status = EXIT_USAGE;
	} else {
		switch (l->format) {
		case CLI_DIAG_NONE:
			break;
		case CLI_DIAG_TEXT:
			diags_print_text(&pd->diags, l->out);
			break;
		case CLI_DIAG_JSON:
			diags_print_json(&pd->diags, l->out, l->first);
			break;
		case CLI_DIAG_SARIF:
			diags_print_sarif(&pd->diags, l->out, l->first);
			break;
		}
		if (diags_has_errors(&pd->diags, l->out->strict))
			status = EXIT_PLAN;
	}
	if (l->done != NULL)
		l->done(l->ctx, i, pd);
	if (l->keep == NULL)
		plandoc_release(pd);
	return status;
}

static void
loader_fail(int err)
{
	char buf[256];

	if (strerror_r(err, buf, sizeof(buf)) != 0)
		snprintf(buf, sizeof(buf), "error %d", err);
	fprintf(stderr, "pairplan: cannot start a thread: %s\n", buf);
	exit(EXIT_USAGE);
}

int
cli_load_plans(const struct cli_load *l)
{
	struct loader ld;
	pthread_t *tids;
	unsigned nthreads = l->jobs < 1 ? 1 : l->jobs, t;
	int i, err, status = EXIT_OK;

	if (l->nfiles <= 0)
		return EXIT_OK;
	memset(&ld, 0, sizeof(ld));
	ld.l = l;
	if ((unsigned)l->nfiles < nthreads)
		nthreads = (unsigned)l->nfiles;
	/* Without keep: one plandoc read in this thread, else jobs + 2. */
	ld.nslots = l->keep != NULL ? l->nfiles : nthreads == 1 ? 1 :
	    (int)(nthreads + 2 < (unsigned)l->nfiles ? nthreads + 2 :
	    (unsigned)l->nfiles);
	ld.slots = l->keep;
	if (ld.slots == NULL &&
	    (ld.slots = calloc((size_t)ld.nslots, sizeof(*ld.slots))) == NULL)
		arena_oom();
	if (nthreads == 1) {
		/* No thread: read and hand on one file after another. */
		struct yload_cache *cache = yload_cache_new();

		for (i = 0; i < l->nfiles; i++) {
			loader_read(&ld, i, cache);
			status = cli_worst(status, loader_hand_on(&ld, i));
		}
		yload_cache_free(cache);
		goto out;
	}
	if ((ld.ready = calloc((size_t)ld.nslots, sizeof(*ld.ready))) == NULL ||
	    (tids = calloc(nthreads, sizeof(*tids))) == NULL)
		arena_oom();
	pthread_mutex_init(&ld.mu, NULL);
	pthread_cond_init(&ld.room, NULL);
	/* this thread is one of the nthreads */
	for (t = 1; t < nthreads; t++)
		if ((err = pthread_create(&tids[t], NULL, loader_worker,
		    &ld)) != 0)
			loader_fail(err);
	loader_worker(&ld);
	for (t = 1; t < nthreads; t++)
		pthread_join(tids[t], NULL);
	status = ld.status;
	pthread_cond_destroy(&ld.room);
	pthread_mutex_destroy(&ld.mu);
	free(tids);
	free(ld.ready);
out:
	if (l->keep == NULL)
		free(ld.slots);
	return status;
}
