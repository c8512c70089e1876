/* cmd_record.c - pairplan record: one record checked against the plan and its schedule, then appended to the records file. */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "catalog.h"
#include "cli.h"
#include "cli_opts.h"
#include "cli_records.h"
#include "commands.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "plandoc.h"
#include "rectrack.h"
#include "records.h"
#include "recstore.h"
#include "sched.h"

const char cmd_record_usage[] =
    "usage: pairplan record PLAN (--event ID | --activity ID [--partner ID])\n"
    "                       [--date DATE] [--status held|cancelled|moved]\n"
    "                       [--people REFS] [--participants N] [--note TEXT]\n"
    "                       [--target NAME=VALUE]... [--confirmed-by NAME]...\n"
    "                       [--replaces N] [--by NAME] [--records FILE]\n"
    "                       [--max-size BYTES]\n"
    "\n"
    "Appends one record of what was held to the plan's records file,\n"
    "NAME.records.yaml beside NAME.yaml, as one line, under a lock. The\n"
    "record is checked against the plan and its schedule first: with an\n"
    "error nothing is written.\n"
    "\n"
    "  --event ID          an event of the schedule: p2.1#shaliang/3, m1/4\n"
    "  --activity ID       or an activity, held beyond the plan\n"
    "  --partner ID        the partner it was held at (with --activity)\n"
    "  --date DATE         the day (YYYY-MM-DD) or days (A..B); default, for\n"
    "                      a held event, its date in the schedule\n"
    "  --status STATUS     held (default), cancelled, or moved (to --date)\n"
    "  --people REFS       who took part, ids or names, comma-separated\n"
    "                      (default the event's people)\n"
    "  --participants N    the number of people reached\n"
    "  --note TEXT         what was done\n"
    "  --target NAME=VALUE a measured value of a target (35%, 120)\n"
    "  --confirmed-by NAME a name that signed the record\n"
    "  --replaces N        corrects record N, which is no longer counted\n"
    "  --by NAME           who records it\n"
    "  --records FILE      the records file (default beside the plan)\n"
    CLI_OPTS_HELP_MAX_SIZE
    "\n"
    "Prints \"recorded N in FILE\". Exit status: 0 recorded (warnings "
    "allowed),\n1 the plan or the record has errors (nothing written), 2 "
    "usage error,\nunreadable file, or the record could not be written "
    "(a records file\nending in an incomplete line is refused until "
    "repaired as the message\nsays).\n";

#define RECORD_MAX_LIST	256

struct record_args {
	struct recstore_record	 rec;
	const char		*people[RECORD_MAX_LIST];
	struct recstore_target	 targets[RECORD_MAX_LIST];
	const char		*signers[RECORD_MAX_LIST];
	const char		*records;
	bool			 has_participants;
};

/* A whole number in [lo, hi]. */
static bool
parse_count(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
	char *end;
	long long x;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	x = strtoll(s, &end, 10);
	if (*end != '\0' || errno != 0 || x < lo || x > hi)
		return false;
	*out = x;
	return true;
}

static bool
full(const struct cmd_struct *c, size_t n, const char *opt)
{
	if (n < RECORD_MAX_LIST)
		return false;
	cli_usage_error(c, "too many values of '%s' (at most %d)", opt,
	    RECORD_MAX_LIST);
	return true;
}

/* REFS: comma-separated, each part trimmed; argv is ours to cut. */
static enum opt_result
people_opt(const struct cmd_struct *c, struct record_args *ra, char *v)
{
	char *p = v, *q;

	while (p != NULL) {
		if ((q = strchr(p, ',')) != NULL)
			*q++ = '\0';
		while (*p == ' ')
			p++;
		if (*p != '\0') {
			size_t n = strlen(p);

			while (n > 0 && p[n - 1] == ' ')
				p[--n] = '\0';
			if (full(c, ra->rec.npeople, "--people"))
				return OPT_FAILED;
			ra->people[ra->rec.npeople++] = p;
		}
		p = q;
	}
	return OPT_TAKEN;
}

static enum opt_result
record_opt(const struct cmd_struct *c, int argc, char **argv, int *i,
    void *ctx)
{
	struct record_args *ra = ctx;
	struct recstore_record *r = &ra->rec;
	const char *opt = argv[*i];
	char *v, *eq;

	if ((v = (char *)cli_opt_value(argc, argv, i, "--event")) != NULL)
		r->event = v;
	else if ((v = (char *)cli_opt_value(argc, argv, i, "--activity")) !=
	    NULL)
		r->activity = v;
	else if ((v = (char *)cli_opt_value(argc, argv, i, "--partner")) !=
	    NULL)
		r->partner = v;
	else if ((v = (char *)cli_opt_value(argc, argv, i, "--date")) != NULL)
		r->date = v;
	else if ((v = (char *)cli_opt_value(argc, argv, i, "--status")) !=
	    NULL) {
		if (strcmp(v, "held") != 0 && strcmp(v, "cancelled") != 0 &&
		    strcmp(v, "moved") != 0) {
			cli_usage_error(c, "unknown status '%s' (held, "
			    "cancelled or moved)", v);
			return OPT_FAILED;
		}
		r->status = v;
	} else if ((v = (char *)cli_opt_value(argc, argv, i, "--people")) !=
	    NULL)
		return people_opt(c, ra, v);
	else if ((v = (char *)cli_opt_value(argc, argv, i,
	    "--participants")) != NULL) {
		if (!parse_count(v, 0, INT32_MAX, &r->participants)) {
			cli_usage_error(c, "bad number of participants '%s'", v);
			return OPT_FAILED;
		}
		ra->has_participants = true;
	} else if ((v = (char *)cli_opt_value(argc, argv, i, "--note")) !=
	    NULL)
		r->note = v;
	else if ((v = (char *)cli_opt_value(argc, argv, i, "--target")) !=
	    NULL) {
		if ((eq = strrchr(v, '=')) == NULL || eq == v ||
		    eq[1] == '\0') {
			cli_usage_error(c, "--target takes NAME=VALUE, not '%s'",
			    v);
			return OPT_FAILED;
		}
		if (full(c, r->ntargets, "--target"))
			return OPT_FAILED;
		*eq = '\0';
		ra->targets[r->ntargets].name = v;
		ra->targets[r->ntargets++].value = eq + 1;
	} else if ((v = (char *)cli_opt_value(argc, argv, i,
	    "--confirmed-by")) != NULL) {
		if (full(c, r->nconfirmed_by, "--confirmed-by"))
			return OPT_FAILED;
		ra->signers[r->nconfirmed_by++] = v;
	} else if ((v = (char *)cli_opt_value(argc, argv, i, "--replaces")) !=
	    NULL) {
		if (!parse_count(v, 1, INT64_MAX, &r->replaces)) {
			cli_usage_error(c, "bad record number '%s'", v);
			return OPT_FAILED;
		}
	} else if ((v = (char *)cli_opt_value(argc, argv, i, "--by")) != NULL)
		r->by = v;
	else if ((v = (char *)cli_opt_value(argc, argv, i, "--records")) !=
	    NULL)
		ra->records = v;
	else
		return OPT_UNKNOWN;
	return cli_opts_empty(c, opt, v) ? OPT_FAILED : OPT_TAKEN;
}

/* A held event's date by default: where the schedule has it. */
static const char *
event_date(const struct cli_tracked *t, const char *event, struct arena *a)
{
	const char *series;
	uint32_t occ;
	size_t i;
	char buf[11], end[11];

	if (!t->scheduled || !records_split_event(a, event, &series, &occ))
		return NULL;
	for (i = 0; i < t->s.nevents; i++) {
		const struct sched_event *e = &t->s.events[i];

		if (e->occurrence != occ || e->series->plan != 0 ||
		    strcmp(e->series->id, series) != 0)
			continue;
		date_format(e->date, buf);
		if (e->end == e->date)
			return arena_strdup(a, buf);
		date_format(e->end, end);
		return arena_printf(a, "%s..%s", buf, end);
	}
	return NULL;
}

/*
 * The record's diagnostics: on the command line, it has no place yet.
 * When its date was to come from an event that does not exist, the
 * missing date is only a consequence of the unknown event: not said.
 */
static bool
report(const struct diags *d, bool date_from_event)
{
	size_t i;
	bool errors = false, unknown = false;

	for (i = 0; date_from_event && i < d->n; i++)
		unknown |= d->v[i].rule == R_UNKNOWN_REF;
	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		enum severity sev = diag_severity(g, false);

		if (unknown && g->rule == R_REQUIRED)
			continue;

		fprintf(stderr, "pairplan: %s: %s [%s]\n", severity_name(sev),
		    g->msg, rule_catalogue[g->rule].id);
		errors |= sev == SEV_ERROR;
	}
	return errors;
}

/* Checks the record as the records file will hold it. */
static int
check_new(struct cli_tracked *t, const char *path,
    struct recstore_record *rec, bool date_from_event, struct arena *a)
{
	struct recstore_err err;
	struct records *rs = t->recp[0];
	struct diags d;
	char *line;
	size_t len;
	uint32_t from;

	if (rs == NULL) {
		rs = arena_alloc(a, sizeof(*rs));
		rs->file = path;
		t->recp[0] = rs;
	}
	if (rs->max_n == INT64_MAX) {
		fprintf(stderr, "pairplan: the records file '%s' has used the "
		    "last record number\n", path);
		return EXIT_USAGE;
	}
	rec->n = rs->max_n + 1;
	if (recstore_format(rec, &line, &len, &err) != RECSTORE_OK) {
		fprintf(stderr, "pairplan: %s\n", err.msg);
		return EXIT_USAGE;
	}
	/* the records' memory is the plan's arena, which owns rs->v */
	a = &t->pds[0].arena;
	diags_init(&d, a, path);
	from = rs->n;
	records_load_buffer(rs, path, line, len, 1, t->plans[0], a, &d);
	free(line);
	if (rs->n == from + 1)
		rectrack_check(rs, &t->s, 0, &d, from);
	diags_sort(&d);
	return report(&d, date_from_event) ? EXIT_PLAN : EXIT_OK;
}

/* "2024-10-15T08:00:00Z": now, in UTC. */
static const char *
recorded_now(struct arena *a)
{
	time_t now = cli_now();
	struct tm tm;
	char buf[32];

	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return NULL;
	return arena_strdup(a, buf);
}

/*
 * The test suite's crash test asks for the line in pieces of N bytes with
 * a pause of U microseconds between them (PAIRPLAN_TEST_WRITE="N U"), so
 * that a kill can tear it; nothing else reads it, and the file's content
 * is the same either way.
 */
static void
test_write(struct recstore_opts *o)
{
	const char *env = getenv("PAIRPLAN_TEST_WRITE");
	unsigned long n = 0, us = 0;

	if (env == NULL || sscanf(env, "%lu %lu", &n, &us) < 1 ||
	    n > (1ul << 20) || us > 100000)
		return;
	o->max_write = (size_t)n;
	o->pause_us = (unsigned)us;
}

static int
append(const char *path, struct recstore_record *rec)
{
	struct recstore_opts o = { 0, false, 0 };
	struct recstore_err err;

	test_write(&o);
	switch (recstore_append_opts(path, rec, &o, &err)) {
	case RECSTORE_OK:
		printf("recorded %lld in %s\n", (long long)rec->n, path);
		return cli_flush_stdout();
	case RECSTORE_ESYNC:
		printf("recorded %lld in %s\n", (long long)rec->n, path);
		fprintf(stderr, "pairplan: %s\n", err.msg);
		return EXIT_USAGE;
	default:
		fprintf(stderr, "pairplan: %s\n", err.msg);
		return EXIT_USAGE;
	}
}

int
cmd_record(const struct cmd_struct *c, int argc, char **argv)
{
	static const char *const valued[] = { "--event", "--activity",
	    "--partner", "--date", "--status", "--people", "--participants",
	    "--note", "--target", "--confirmed-by", "--replaces", "--by",
	    "--records", NULL };
	struct diag_out dout = { stderr, false, false };
	struct record_args *ra;
	struct cli_plan_args a;
	struct cli_tracked t;
	struct arena arena;
	const char *path;
	bool first = true;
	int status;

	/* A file size limit must fail the write, not kill the process. */
	signal(SIGXFSZ, SIG_IGN);
	if ((ra = calloc(1, sizeof(*ra))) == NULL)
		arena_oom();
	ra->rec.participants = -1;
	ra->rec.people = ra->people;
	ra->rec.targets = ra->targets;
	ra->rec.confirmed_by = ra->signers;
	if ((status = cli_parse_plan_args(c, argc, argv, &a, record_opt, valued,
	    ra)) != EXIT_OK)
		goto out;
	status = EXIT_USAGE;
	if (a.nfiles > 1) {
		cli_usage_error(c, "one plan at a time, not %d", a.nfiles);
		goto out;
	}
	if ((ra->rec.event == NULL) == (ra->rec.activity == NULL)) {
		cli_usage_error(c, "give --event or --activity (one of them)");
		goto out;
	}
	if (ra->rec.partner != NULL && ra->rec.activity == NULL) {
		cli_usage_error(c, "--partner goes with --activity: an event id "
		    "names its partner");
		goto out;
	}
	if (ra->records == NULL && strcmp(a.files[0], "-") == 0) {
		cli_usage_error(c, "a plan read from standard input needs "
		    "--records FILE");
		goto out;
	}
	if (cli_output_is_input(ra->records, a.files, 1)) {
		status = EXIT_USAGE;	/* the plan itself: never written */
		goto out;
	}
	dout.color = cli_use_color();
	arena_init(&arena);
	cli_tracked_load(&t, a.files, 1, ra->records, &a.opts, &dout,
	    CLI_DIAG_NONE, &first, true, 1);
	path = ra->records != NULL ? ra->records : t.recp[0] != NULL &&
	    t.recp[0]->file != NULL ? t.recp[0]->file :
	    records_path(&arena, a.files[0]);
	if (t.pds[0].unreadable)
		status = EXIT_USAGE;
	else if (cli_plan_has_errors(&t.pds[0])) {
		diags_print_text(&t.pds[0].diags, &dout);
		status = EXIT_PLAN;
	} else if (t.recp[0] != NULL && t.recp[0]->broken) {
		/* a new line would build on them: the file is never rewritten */
		diags_print_text(&t.pds[0].diags, &dout);
		fprintf(stderr, "pairplan: the records file '%s' must be "
		    "repaired by hand before a record is added to it: valid "
		    "YAML, one record a line written '- {n: N, ...}', each "
		    "number once\n", path);
		status = EXIT_PLAN;
	} else {
		if (ra->rec.status == NULL)
			ra->rec.status = "held";
		bool from_event = ra->rec.date == NULL &&
		    ra->rec.event != NULL && strcmp(ra->rec.status, "held") == 0;

		if (from_event)
			ra->rec.date = event_date(&t, ra->rec.event, &arena);
		ra->rec.recorded = recorded_now(&arena);
		status = check_new(&t, path, &ra->rec, from_event, &arena);
		if (status == EXIT_OK)
			status = append(path, &ra->rec);
	}
	cli_tracked_release(&t);
	arena_release(&arena);
out:
	free(ra);
	return status;
}
