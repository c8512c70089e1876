/* test_loader.c - cli_load_plans: files read in threads, handed on in file order, few in memory at once; the SARIF printer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "plan.h"
#include "plandoc.h"
#include "testutil.h"

#define NFILES	23

static const char good[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: T\n"
    "  host: {id: h, name: 园}\n"
    "  period: 2024-09..2024-12\n"
    "partners:\n"
    "  - {id: p, name: 结对园}\n"
    "people:\n"
    "  - {id: a, name: 甲}\n"
    "leadership:\n"
    "  leader: a\n"
    "phases:\n"
    "  - id: p1\n"
    "    name: one\n"
    "    period: 2024-09..2024-12\n"
    "    activities:\n"
    "      - {title: 送教, kind: teaching-visit, at: partner, owner: a}\n";

struct files {
	char	 dir[64];
	char	*v[NFILES];
};

/* File i: valid, with an error (every third), or missing (the 8th). */
static void
make_files(struct files *f)
{
	FILE *fp;
	int i;

	snprintf(f->dir, sizeof(f->dir), "/tmp/pairplan-loader-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	for (i = 0; i < NFILES; i++) {
		f->v[i] = malloc(strlen(f->dir) + 32);
		assert_non_null(f->v[i]);
		sprintf(f->v[i], "%s/f%02d.yaml", f->dir, i);
		if (i == 7)
			continue;
		fp = fopen(f->v[i], "w");
		assert_non_null(fp);
		fputs(good, fp);
		if (i % 3 == 2)
			fputs("bogus: 1\n", fp);
		fclose(fp);
	}
}

static void
remove_files(struct files *f)
{
	int i;

	for (i = 0; i < NFILES; i++) {
		unlink(f->v[i]);
		free(f->v[i]);
	}
	rmdir(f->dir);
}

struct seen {
	int			 next;		/* the next i expected */
	const struct plandoc	*slots[NFILES];
	int			 nslots;	/* distinct plandocs seen */
	struct plandoc		*keep;
};

static void
done(void *ctx, int i, struct plandoc *pd)
{
	struct seen *s = ctx;
	int k;

	assert_int_equal(i, s->next);
	s->next++;
	assert_int_equal(pd->unreadable, i == 7);
	if (i == 7) {
		assert_non_null(strstr(pd->error, "cannot open '"));
		return;
	}
	assert_non_null(pd->plan);
	assert_int_equal(pd->diags.count[SEV_ERROR] > 0, i % 3 == 2);
	/* The activities' scratch memory is given back once checked. */
	assert_null(pd->scratch.head);
	if (s->keep != NULL)
		assert_ptr_equal(pd, &s->keep[i]);
	for (k = 0; k < s->nslots && s->slots[k] != pd; k++)
		;
	if (k == s->nslots)
		s->slots[s->nslots++] = pd;
}

/* Loads the files with jobs threads; returns what was printed. */
static char *
load(struct files *f, unsigned jobs, struct plandoc *keep, int *status,
    struct seen *s)
{
	struct diag_out out = { NULL, false, false };
	struct cli_load l;
	bool first = true;

	out.fp = tmpfile();
	assert_non_null(out.fp);
	memset(s, 0, sizeof(*s));
	s->keep = keep;
	memset(&l, 0, sizeof(l));
	l.files = f->v;
	l.nfiles = NFILES;
	l.jobs = jobs;
	l.out = &out;
	l.format = CLI_DIAG_JSON;
	l.first = &first;
	l.keep = keep;
	l.done = done;
	l.ctx = s;
	*status = cli_load_plans(&l);
	assert_int_equal(s->next, NFILES);
	assert_true(ftell(out.fp) > 0);
	return tu_slurp(out.fp);
}

static void
test_order_and_memory(void **state)
{
	static const unsigned jobs[] = { 1, 2, 3, 8, 64 };
	struct files f;
	struct seen s;
	char *one, *text;
	size_t j;
	int status;

	(void)state;
	make_files(&f);
	one = load(&f, 1, NULL, &status, &s);
	assert_int_equal(status, EXIT_USAGE);	/* the missing file */
	assert_int_equal(s.nslots, 1);
	/* Every third file's unknown key, in file order. */
	assert_non_null(strstr(one, "f02.yaml"));
	assert_true(strstr(one, "f02.yaml") < strstr(one, "f05.yaml"));
	for (j = 1; j < sizeof(jobs) / sizeof(jobs[0]); j++) {
		text = load(&f, jobs[j], NULL, &status, &s);
		assert_string_equal(text, one);
		assert_int_equal(status, EXIT_USAGE);
		/* At most jobs + 2 files in memory at once. */
		assert_true((unsigned)s.nslots <= jobs[j] + 2);
		free(text);
	}
	free(one);
	remove_files(&f);
}

static void
test_keep(void **state)
{
	struct plandoc keep[NFILES];
	struct files f;
	struct seen s;
	char *text;
	int status, i;

	(void)state;
	make_files(&f);
	memset(keep, 0, sizeof(keep));
	text = load(&f, 4, keep, &status, &s);
	assert_int_equal(status, EXIT_USAGE);
	for (i = 0; i < NFILES; i++) {
		assert_int_equal(keep[i].unreadable, i == 7);
		if (i != 7) {
			assert_non_null(keep[i].plan);
			assert_string_equal(keep[i].plan->file, f.v[i]);
		}
		plandoc_release(&keep[i]);
	}
	free(text);
	remove_files(&f);
}

/* ---- SARIF ------------------------------------------------------------- */

static char *
sarif_of(const struct diags *d, bool strict)
{
	struct diag_out out = { NULL, strict, false };
	bool first = true;

	out.fp = tmpfile();
	assert_non_null(out.fp);
	diags_sarif_begin(out.fp, "9.9.9");
	diags_print_sarif(d, &out, &first);
	diags_sarif_end(out.fp, first, NULL, NULL, 0);
	return tu_slurp(out.fp);
}

static void
test_sarif(void **state)
{
	struct arena a;
	struct diags d;
	struct diag *g;
	char *text, want[128];

	(void)state;
	arena_init(&a);
	diags_init(&d, &a, "县 plans/a#1.yaml");
	g = diag_add(&d, R_DUPLICATE_KEY, 15, 5, "duplicate key '%s'", "p\"q");
	diag_set_note(&d, g, 14, 5, "first here");
	diag_add(&d, R_PLACEHOLDER, 3, 2, "template text");
	diag_add_in(&d, "/abs/x.records.yaml", R_LIMIT, 0, 0, "too big");
	text = sarif_of(&d, false);
	assert_non_null(strstr(text, "\"version\": \"2.1.0\""));
	assert_non_null(strstr(text, "\"name\": \"pairplan\", \"version\": "
	    "\"9.9.9\""));
	/* The catalogue as rules, with their levels. */
	snprintf(want, sizeof(want), "{\"id\": \"%s\", \"shortDescription\"",
	    rule_catalogue[R__COUNT - 1].id);
	assert_non_null(strstr(text, want));
	assert_non_null(strstr(text, "\"id\": \"placeholder\", "
	    "\"shortDescription\": {\"text\": \"template text left"));
	snprintf(want, sizeof(want), "\"ruleId\": \"duplicate-key\", "
	    "\"ruleIndex\": %d, \"level\": \"error\"", (int)R_DUPLICATE_KEY);
	assert_non_null(strstr(text, want));
	assert_non_null(strstr(text, "{\"text\": \"duplicate key 'p\\\"q'\"}"));
	/* A URI reference: percent-encoded; an absolute path a file: URI. */
	assert_non_null(strstr(text, "\"uri\": \"%E5%8E%BF%20plans/a%231.yaml\"}, "
	    "\"region\": {\"startLine\": 15, \"startColumn\": 5}"));
	assert_non_null(strstr(text, "\"relatedLocations\": [{\"id\": 1, "
	    "\"physicalLocation\": {\"artifactLocation\": {\"uri\": "
	    "\"%E5%8E%BF%20plans/a%231.yaml\"}, \"region\": {\"startLine\": 14, "
	    "\"startColumn\": 5}}, \"message\": {\"text\": \"first here\"}}]"));
	assert_non_null(strstr(text, "\"level\": \"warning\""));
	/* The file as a whole: no region. */
	assert_non_null(strstr(text, "{\"uri\": \"file:///abs/x.records.yaml\"}}}]"));
	free(text);
	/* --strict: every result an error. */
	text = sarif_of(&d, true);
	assert_null(strstr(text, "\"level\": \"warning\", \"message\""));
	free(text);
	/* No diagnostic: an empty list of results. */
	diags_init(&d, &a, "x.yaml");
	text = sarif_of(&d, false);
	assert_non_null(strstr(text, "\"results\": [],\n \"invocations\": "
	    "[{\"executionSuccessful\": true, \"toolExecutionNotifications\": "
	    "[]}]}]}\n"));
	free(text);
	arena_release(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_and_memory),
		cmocka_unit_test(test_keep),
		cmocka_unit_test(test_sarif),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
