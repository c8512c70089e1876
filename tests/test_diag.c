/* test_diag.c - diagnostics as data: added, sorted, de-duplicated, counted and printed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "diag.h"

static struct arena A;
static struct diags D;

static int
setup(void **state)
{
	(void)state;
	arena_init(&A);
	diags_init(&D, &A, "plan.yaml");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_release(&A);
	return 0;
}

/* What printing d writes, in a string on the heap. */
static char *
printed(const struct diags *d, bool json, bool strict)
{
	struct diag_out o = { NULL, strict, false };
	char *buf = NULL;
	size_t len = 0;
	bool first = true;

	o.fp = open_memstream(&buf, &len);
	assert_non_null(o.fp);
	if (json)
		diags_print_json(d, &o, &first);
	else
		diags_print_text(d, &o);
	fclose(o.fp);
	return buf;
}

static void
test_add_counts(void **state)
{
	struct diag *g;

	(void)state;
	g = diag_add(&D, R_RANGE_ORDER, 3, 5, "phase '%s' ends early", "p1");
	assert_string_equal(g->msg, "phase 'p1' ends early");
	assert_null(g->file);
	assert_int_equal(g->line, 3);
	assert_int_equal(g->col, 5);
	diag_add(&D, R_NO_LEADER, 1, 1, "no leader");
	diag_add(&D, R_PLACEHOLDER, 9, 2, "template");
	assert_int_equal(D.n, 3);
	assert_int_equal(D.count[SEV_ERROR], 1);
	assert_int_equal(D.count[SEV_WARNING], 2);
	assert_true(diags_has_errors(&D, false));
	assert_int_equal(diag_severity(&D.v[1], false), SEV_WARNING);
	assert_int_equal(diag_severity(&D.v[1], true), SEV_ERROR);
}

static void
test_warnings_only_strict(void **state)
{
	(void)state;
	diag_add(&D, R_NO_LEADER, 1, 1, "no leader");
	assert_false(diags_has_errors(&D, false));
	assert_true(diags_has_errors(&D, true));
}

/* Many diagnostics: the array grows, and no earlier one is lost. */
static void
test_grows(void **state)
{
	unsigned i;

	(void)state;
	for (i = 0; i < 5000; i++)
		diag_add(&D, R_TYPE, i + 1, 1, "number %u", i);
	assert_int_equal(D.n, 5000);
	for (i = 0; i < 5000; i += 999) {
		char want[32];

		snprintf(want, sizeof(want), "number %u", i);
		assert_string_equal(D.v[i].msg, want);
		assert_int_equal(D.v[i].seq, i);
	}
}

/*
 * Sorted by file (the plan's own first, then others by name), line,
 * column and order of emission; the same message at the same place is
 * kept once, and the counts follow.
 */
static void
test_sort_and_dedupe(void **state)
{
	(void)state;
	diag_add_in(&D, "z.yaml", R_BAD_DATE, 1, 1, "in z");
	diag_add(&D, R_TYPE, 7, 3, "second");
	diag_add_in(&D, "a.yaml", R_BAD_DATE, 2, 1, "in a");
	diag_add(&D, R_TYPE, 7, 3, "second");		/* a repeat */
	diag_add(&D, R_UNKNOWN_KEY, 7, 3, "same place, later");
	diag_add(&D, R_TYPE, 2, 9, "first");
	diag_add_in(&D, "a.yaml", R_BAD_DATE, 2, 1, "in a");	/* a repeat */
	assert_int_equal(D.count[SEV_ERROR], 7);
	diags_sort(&D);
	assert_int_equal(D.n, 5);
	assert_int_equal(D.count[SEV_ERROR], 5);
	assert_string_equal(D.v[0].msg, "first");
	assert_string_equal(D.v[1].msg, "second");
	assert_string_equal(D.v[2].msg, "same place, later");
	assert_string_equal(D.v[3].file, "a.yaml");
	assert_string_equal(D.v[4].file, "z.yaml");
}

static void
test_print_text(void **state)
{
	struct diag *g;
	char *s;

	(void)state;
	g = diag_add(&D, R_DUPLICATE_KEY, 4, 3, "key 'title' is repeated");
	diag_set_note(&D, g, 2, 3, "'%s' is first here", "title");
	diag_add_in(&D, "h.yaml", R_BAD_DATE, 1, 9, "'2027-02-30' is not a "
	    "real date");
	diag_add(&D, R_NO_LEADER, 1, 1, "no leader");
	diags_sort(&D);
	s = printed(&D, false, false);
	assert_string_equal(s,
	    "plan.yaml:1:1: warning: no leader [no-leader]\n"
	    "plan.yaml:4:3: error: key 'title' is repeated [duplicate-key]\n"
	    "plan.yaml:2:3: note: 'title' is first here\n"
	    "h.yaml:1:9: error: '2027-02-30' is not a real date [bad-date]\n");
	free(s);
	s = printed(&D, false, true);
	assert_non_null(strstr(s, "plan.yaml:1:1: error: no leader"));
	free(s);
}

static void
test_print_json(void **state)
{
	struct diag *g;
	char *s;

	(void)state;
	g = diag_add(&D, R_DUPLICATE_KEY, 4, 3, "a \"quoted\"\tkey");
	diag_set_note(&D, g, 2, 3, "first");
	s = printed(&D, true, false);
	assert_string_equal(s,
	    "\n  {\"file\": \"plan.yaml\", \"line\": 4, \"column\": 3, "
	    "\"severity\": \"error\", \"rule\": \"duplicate-key\", "
	    "\"message\": \"a \\\"quoted\\\"\\tkey\", \"note\": {\"line\": 2, "
	    "\"column\": 3, \"message\": \"first\"}}");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_counts, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_warnings_only_strict,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_grows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sort_and_dedupe, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_print_text, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_print_json, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
