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

/* Many diagnostics: the array grows to DIAG_MAX_KEPT, none before lost. */
static void
test_grows(void **state)
{
	unsigned i;

	(void)state;
	for (i = 0; i < DIAG_MAX_KEPT; i++)
		diag_add(&D, R_TYPE, i + 1, 1, "number %u", i);
	assert_int_equal(D.n, DIAG_MAX_KEPT);
	assert_int_equal(D.dropped, 0);
	for (i = 0; i < DIAG_MAX_KEPT; i += 99) {
		char want[32];

		snprintf(want, sizeof(want), "number %u", i);
		assert_string_equal(D.v[i].msg, want);
		assert_int_equal(D.v[i].seq, i);
	}
}

/*
 * Past DIAG_MAX_KEPT, diagnostics are counted but not kept: the first in
 * file order stay, whatever the order they came in, and one note says how
 * many more there are, at the first of them. Repeats count once, kept or
 * not. The JSON form has the note as an object of its own.
 */
static void
test_cap(void **state)
{
	char *s, line[96];
	unsigned i, n = 3 * DIAG_MAX_KEPT;

	(void)state;
	/* warnings from the end of the file back, errors from the start */
	for (i = 0; i < n; i++)
		diag_add(&D, R_NO_LEADER, 2 * (n - i), 1, "w%u", i);
	for (i = 0; i < n; i++) {
		diag_add(&D, R_TYPE, 2 * i + 1, 1, "e%u", i);
		diag_add(&D, R_TYPE, 2 * i + 1, 1, "e%u", i);	/* a repeat */
	}
	assert_int_equal(D.count[SEV_WARNING], n);
	assert_int_equal(D.count[SEV_ERROR], n);
	assert_int_equal(D.n, DIAG_MAX_KEPT);
	assert_int_equal(D.dropped, 2 * n - DIAG_MAX_KEPT);
	diags_sort(&D);
	assert_int_equal(D.n, DIAG_MAX_KEPT);
	for (i = 0; i < D.n; i++)
		assert_int_equal(D.v[i].line, i + 1);
	assert_string_equal(D.v[0].msg, "e0");
	assert_string_equal(D.v[1].msg, "w2999");
	assert_int_equal(D.count[SEV_ERROR] + D.count[SEV_WARNING], 2 * n);
	s = printed(&D, false, false);
	snprintf(line, sizeof(line), "plan.yaml:%u:1: note: too many "
	    "diagnostics: %u more not shown (the first %d are)\n",
	    DIAG_MAX_KEPT + 1, 2 * n - DIAG_MAX_KEPT, DIAG_MAX_KEPT);
	assert_non_null(strstr(s, line));
	assert_string_equal(strstr(s, line), line);	/* the last line */
	free(s);
	s = printed(&D, true, false);
	assert_non_null(strstr(s, "\"severity\": \"note\", \"rule\": "
	    "\"limit\", \"message\": \"too many diagnostics: 5000 more"));
	free(s);
	/* the diagnostics kept cost a unit of the budget each */
	assert_int_equal(D.budget.used, DIAG_MAX_KEPT);
}

/* A note on a repeat or on one not kept goes nowhere. */
static void
test_note_on_dropped(void **state)
{
	struct diag *g;

	(void)state;
	diag_add(&D, R_TYPE, 1, 1, "x");
	g = diag_add(&D, R_TYPE, 1, 1, "x");
	diag_set_note(&D, g, 5, 5, "nowhere");
	assert_null(D.v[0].note);
	assert_int_equal(D.n, 1);
}

/*
 * A quoted value longer than DIAG_MAX_VALUE characters is cut to one
 * character less and "…"; an apostrophe in a word opens no value.
 */
static void
test_long_values(void **state)
{
	char big[4096], want[256];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	diag_add(&D, R_UNKNOWN_REF, 1, 1, "unknown person '%s' (did you mean "
	    "'%s'?)", big, "feng");
	snprintf(want, sizeof(want), "unknown person '%.*s\xe2\x80\xa6' (did "
	    "you mean 'feng'?)", DIAG_MAX_VALUE - 1, big);
	assert_string_equal(D.v[0].msg, want);
	/* characters, not bytes: 61 CJK characters become 59 and … */
	big[0] = '\0';
	for (int i = 0; i < 61; i++)
		strcat(big, "冯");
	diag_add(&D, R_TYPE, 2, 1, "a mentorship's window '%s' is bad", big);
	assert_int_equal(strlen(D.v[1].msg), strlen("a mentorship's window "
	    "'' is bad") + 59 * 3 + 3);
	/* short values, and apostrophes, stay */
	diag_add(&D, R_TYPE, 3, 1, "a mentorship's meeting window ends");
	assert_string_equal(D.v[2].msg, "a mentorship's meeting window ends");
}

/* Control characters are printed as visible escapes, never as they are. */
static void
test_controls_escaped(void **state)
{
	char *s;

	(void)state;
	diags_init(&D, &A, "a\033]0;x\a.yaml");
	diag_add(&D, R_TYPE, 1, 2, "title '\033[2J' and\nmore \xc2\x9b\x7f");
	s = printed(&D, false, false);
	assert_string_equal(s, "a\\x1b]0;x\\x07.yaml:1:2: error: title "
	    "'\\x1b[2J' and\\nmore \\u009b\\x7f [type]\n");
	free(s);
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
	assert_int_equal(D.count[SEV_ERROR], 5);	/* repeats not counted */
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
		cmocka_unit_test_setup_teardown(test_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_on_dropped, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_long_values, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_controls_escaped, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sort_and_dedupe, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_print_text, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_print_json, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
