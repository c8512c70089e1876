/* test_holfile.c - unit tests of holiday files: their days, their diagnostics, the cache that reads each once. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "cal.h"
#include "catalog.h"
#include "date.h"
#include "diag.h"
#include "holfile.h"
#include "testutil.h"

#define D(y, m, d)	date_from_civil((y), (m), (d))

/* A 2027 arrangement as a notice would give it (made up for the test). */
static const char NOTICE[] =
    "# 2027 arrangement\n"				/* 1 */
    "- year: 2027\n"					/* 2 */
    "  name: 春节\n"					/* 3 */
    "  off: 2027-02-05..2027-02-11\n"			/* 4 */
    "  work: [2027-02-14, 2027-02-20]\n"		/* 5 */
    "- year: 2027\n"					/* 6 */
    "  off: [2027-04-03 .. 2027-04-05]\n"		/* 7 */
    "- {year: 2027, off: [2027-05-01..2027-05-05], work: 2027-05-08}\n"
    "- year: 2027\n"					/* 9 */
    "  off: 2027-06-11\n";				/* 10 */

static const struct holfile *
get(struct holfile_cache *c, const char *path)
{
	const struct holfile *hf;
	const char *why;

	hf = holfile_get(c, path, &why);
	if (hf == NULL)
		fail_msg("cannot read %s: %s", path, why);
	return hf;
}

static void
test_days(void **state)
{
	struct holfile_cache *c = holfile_cache_new();
	struct calendar cal;
	struct diags d;
	struct arena a;
	const char *name;
	enum cal_source src;

	(void)state;
	arena_init(&a);
	diags_init(&d, &a, "plan.yaml");
	cal_init(&cal);
	assert_int_equal(holfile_apply(get(c, tu_put("h.yaml", NOTICE)), &cal,
	    &a, &d, "h.yaml"), 0);
	assert_int_equal(d.n, 0);
	assert_true(cal_file_covers_year(&cal, 2027));
	assert_false(cal_file_covers_year(&cal, 2026));
	assert_false(cal_file_covers_year(&cal, 2028));
	/* the named entry */
	assert_int_equal(cal_holiday(&cal, D(2027, 2, 9), &name, &src), CN_OFF);
	assert_string_equal(name, "春节");
	assert_int_equal(src, CAL_FILE);
	assert_false(cal_is_working(&cal, D(2027, 2, 10)));
	assert_int_equal(cal_holiday(&cal, D(2027, 2, 20), &name, &src),
	    CN_WORK);
	assert_string_equal(name, "春节");
	assert_true(cal_is_working(&cal, D(2027, 2, 20)));	/* Saturday */
	/* without a name: the computed holiday of the day ... */
	assert_int_equal(cal_holiday(&cal, D(2027, 4, 5), &name, NULL),
	    CN_OFF);
	assert_string_equal(name, "清明节");
	/* ... or of the nearest named day of its run of off days */
	assert_int_equal(cal_holiday(&cal, D(2027, 5, 3), &name, NULL),
	    CN_OFF);
	assert_string_equal(name, "劳动节");
	assert_int_equal(cal_holiday(&cal, D(2027, 5, 8), &name, NULL),
	    CN_WORK);
	assert_string_equal(name, "劳动节");
	/* ... or none: 放假 (2027-06-11 is not 端午, 06-09 is) */
	assert_int_equal(cal_holiday(&cal, D(2027, 6, 11), &name, NULL),
	    CN_OFF);
	assert_string_equal(name, "放假");
	/* the file replaces the year: computed 元旦, 端午, 国庆 are gone */
	assert_int_equal(cal_holiday(&cal, D(2027, 1, 1), &name, &src),
	    CN_NONE);
	assert_null(name);
	assert_int_equal(src, CAL_ORDINARY);
	assert_true(cal_is_working(&cal, D(2027, 6, 9)));
	assert_true(cal_is_working(&cal, D(2027, 10, 1)));
	/* other years keep the built-in table */
	assert_int_equal(cal_holiday(&cal, D(2026, 10, 1), &name, &src),
	    CN_OFF);
	assert_int_equal(src, CAL_OFFICIAL);
	assert_int_equal(cal_holiday(&cal, D(2028, 10, 2), NULL, &src),
	    CN_OFF);
	assert_int_equal(src, CAL_COMPUTED);
	/* the file's days count without cn too */
	cal.cn = false;
	assert_false(cal_is_working(&cal, D(2027, 2, 8)));
	assert_true(cal_is_working(&cal, D(2026, 10, 1)));
	arena_release(&a);
	holfile_cache_free(c);
}

/*
 * One entry with two holidays: each run of off days is named by its own
 * built-in day, a make-up working day by the nearest run.
 */
static void
test_run_names(void **state)
{
	struct holfile_cache *c = holfile_cache_new();
	struct calendar cal;
	struct diags d;
	struct arena a;
	const char *name;

	(void)state;
	arena_init(&a);
	diags_init(&d, &a, "plan.yaml");
	cal_init(&cal);
	assert_int_equal(holfile_apply(get(c, tu_put("two.yaml",
	    "- year: 2027\n"
	    "  off: [2027-09-15..2027-09-17, 2027-10-01..2027-10-07,"
	    " 2027-12-31]\n"
	    "  work: [2027-09-26, 2027-10-09]\n")), &cal, &a, &d,
	    "two.yaml"), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(cal_holiday(&cal, D(2027, 9, 17), &name, NULL),
	    CN_OFF);
	assert_string_equal(name, "中秋节");
	assert_int_equal(cal_holiday(&cal, D(2027, 10, 6), &name, NULL),
	    CN_OFF);
	assert_string_equal(name, "国庆节");
	/* 09-26: five days before 10-01, nine after 09-17 */
	assert_int_equal(cal_holiday(&cal, D(2027, 9, 26), &name, NULL),
	    CN_WORK);
	assert_string_equal(name, "国庆节");
	assert_int_equal(cal_holiday(&cal, D(2027, 10, 9), &name, NULL),
	    CN_WORK);
	assert_string_equal(name, "国庆节");
	/* a day alone, no holiday of its own in its year */
	assert_int_equal(cal_holiday(&cal, D(2027, 12, 31), &name, NULL),
	    CN_OFF);
	assert_string_equal(name, "放假");
	arena_release(&a);
	holfile_cache_free(c);
}

/* Applies the file with text and returns its diagnostics as lines. */
static char *
diags_of(const char *text)
{
	struct holfile_cache *c = holfile_cache_new();
	struct diag_out o = { NULL, false, false };
	struct calendar cal;
	struct diags d;
	struct arena a;
	char *buf = NULL;
	size_t len = 0;

	arena_init(&a);
	diags_init(&d, &a, "plan.yaml");
	cal_init(&cal);
	holfile_apply(get(c, tu_put("bad.yaml", text)), &cal, &a, &d,
	    "bad.yaml");
	diags_sort(&d);
	o.fp = open_memstream(&buf, &len);
	assert_non_null(o.fp);
	diags_print_text(&d, &o);
	fclose(o.fp);
	arena_release(&a);
	holfile_cache_free(c);
	return buf;
}

static void
expect_diags(const char *text, const char *want)
{
	char *got = diags_of(text);

	if (strcmp(got, want) != 0)
		fail_msg("got:\n%swant:\n%s", got, want);
	free(got);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_diags(
	    "- year: 2027\n"
	    "  name: 春节\n"
	    "  of: 2027-02-05\n"
	    "  off: [2027-02-05..2027-02-11, 2027-02-06, 2026-12-31,\n"
	    "        2027-02-30, 2027-03-05..2027-03-01, 2027/03/08,\n"
	    "        2027-03..2027-04, 2027-12-30..2028-01-02]\n"
	    "  work: [2027-02-14, 2027-02-09, 2027-02-20..2027-02-21]\n"
	    "- {year: '2027', off: 2027-07-01}\n"
	    "- {year: 2027.5}\n"
	    "- {off: 2027-07-02}\n"
	    "- {year: 10000}\n"
	    "- 2027\n"
	    "- {year: 2027, name: [春节], off: {a: b}}\n"
	    "- {year: 2027, year: 2028}\n",
	    "bad.yaml:3:3: error: unknown key 'of' in a holiday entry (did you "
	    "mean 'off'?) [unknown-key]\n"
	    "bad.yaml:4:33: error: 2027-02-06 is listed twice [holiday-file]\n"
	    "bad.yaml:4:9: note: 2027-02-06 is listed here first\n"
	    "bad.yaml:4:45: error: 2026-12-31 is not in 2027, the year of its "
	    "entry [holiday-file]\n"
	    "bad.yaml:5:9: error: '2027-02-30' is not a real date [bad-date]\n"
	    "bad.yaml:5:21: error: the range ends 2027-03-01 before it starts "
	    "2027-03-05 [range-order]\n"
	    "bad.yaml:5:45: error: '2027/03/08' is not a date: write "
	    "YYYY-MM-DD or A..B of days [bad-date]\n"
	    "bad.yaml:6:9: error: '2027-03..2027-04' is not a date: write "
	    "YYYY-MM-DD or A..B of days [bad-date]\n"
	    "bad.yaml:6:27: error: 2028-01-02 is not in 2027, the year of its "
	    "entry [holiday-file]\n"
	    "bad.yaml:7:22: error: 2027-02-09 is both off and work "
	    "[holiday-file]\n"
	    "bad.yaml:4:9: note: 2027-02-09 is listed here first\n"
	    "bad.yaml:7:34: error: '2027-02-20..2027-02-21' is not a date: "
	    "write YYYY-MM-DD [bad-date]\n"
	    "bad.yaml:8:10: error: 'year' must be a whole number, not a quoted "
	    "string [type]\n"
	    "bad.yaml:9:10: error: 'year' must be a whole number, not '2027.5' "
	    "[type]\n"
	    "bad.yaml:10:3: error: a holiday entry has no 'year' [required]\n"
	    "bad.yaml:11:10: error: year 10000 is not a year of 1-9999 "
	    "[bad-date]\n"
	    "bad.yaml:12:3: error: an entry of a holiday file must be a mapping "
	    "of year, off and work, not a string [type]\n"
	    "bad.yaml:13:22: error: 'name' must be text, not a list [type]\n"
	    "bad.yaml:13:33: error: 'off' must be a date or a range, not a "
	    "mapping [type]\n"
	    "bad.yaml:14:16: error: duplicate key 'year' [duplicate-key]\n"
	    "bad.yaml:14:4: note: 'year' first appears here\n");
	/* a whole file that is not a list, or empty, or not YAML */
	expect_diags("year: 2027\noff: 2027-01-01\n",
	    "bad.yaml:1:1: error: a holiday file must be a list of entries "
	    "{year, off, work}, not a mapping [type]\n");
	expect_diags("# nothing yet\n\n---\n",
	    "bad.yaml:1:1: error: the holiday file is empty: it needs a list "
	    "of entries {year, off, work} [required]\n");
	expect_diags("- {year: 2027, off: [2027-01-01\n",
	    "bad.yaml:2:1: error: did not find expected ',' or ']' (while "
	    "parsing a flow sequence at 1:21) [yaml-syntax]\n");
	/* keys are text: off is not a boolean, nor is a value yes */
	expect_diags("- {year: 2027, off: yes}\n",
	    "bad.yaml:1:21: error: 'yes' is not a date: write YYYY-MM-DD or "
	    "A..B of days [bad-date]\n");
}

static void
test_too_big(void **state)
{
	size_t n = HOLFILE_MAX_SIZE + 10;
	char *big = malloc(n + 1), *got;

	(void)state;
	assert_non_null(big);
	memset(big, '#', n);
	big[n] = '\0';
	got = diags_of(big);
	assert_non_null(strstr(got, "bad.yaml:1:1: error: the holiday file "
	    "is larger than 1048576 bytes [limit]"));
	free(got);
	free(big);
}

static void
test_cache(void **state)
{
	struct holfile_cache *c = holfile_cache_new();
	const struct holfile *a, *b;
	char path[160], link[160], dotted[200];
	const char *why;

	(void)state;
	snprintf(path, sizeof(path), "%s", tu_put("a.yaml", NOTICE));
	tu_put("b.yaml", NOTICE);
	snprintf(link, sizeof(link), "%s/link.yaml", tu_tmpdir());
	assert_int_equal(symlink(path, link), 0);
	snprintf(dotted, sizeof(dotted), "%s/./a.yaml", tu_tmpdir());
	a = get(c, path);
	/* the same file by other names: read once */
	assert_ptr_equal(get(c, path), a);
	assert_ptr_equal(get(c, link), a);
	assert_ptr_equal(get(c, dotted), a);
	/* the same text in another file is another file */
	snprintf(path, sizeof(path), "%s/b.yaml", tu_tmpdir());
	b = get(c, path);
	assert_ptr_not_equal(b, a);
	/* a file that cannot be read is not cached, and says why */
	snprintf(path, sizeof(path), "%s/none.yaml", tu_tmpdir());
	assert_null(holfile_get(c, path, &why));
	assert_string_equal(why, "No such file or directory");
	assert_null(holfile_get(c, tu_tmpdir(), &why));
	assert_string_equal(why, "it is a directory");
	holfile_cache_free(c);
}

/* Later files replace the years of earlier ones; other years stay. */
static void
test_later_file_wins(void **state)
{
	struct holfile_cache *c = holfile_cache_new();
	struct calendar cal;
	struct diags d;
	struct arena a;
	const char *name;

	(void)state;
	arena_init(&a);
	diags_init(&d, &a, "plan.yaml");
	cal_init(&cal);
	holfile_apply(get(c, tu_put("one.yaml", NOTICE)), &cal, &a, &d, "one");
	holfile_apply(get(c, tu_put("two.yaml",
	    "- {year: 2027, name: 元旦, off: 2027-01-01}\n"
	    "- {year: 2028, name: 元旦, off: 2028-01-03, work: 2028-01-08}\n")),
	    &cal, &a, &d, "two");
	assert_int_equal(d.n, 0);
	assert_int_equal(cal.nfyears, 2);
	assert_false(cal_is_working(&cal, D(2027, 1, 1)));
	assert_true(cal_is_working(&cal, D(2027, 2, 8)));	/* replaced */
	assert_int_equal(cal_holiday(&cal, D(2028, 1, 3), &name, NULL),
	    CN_OFF);
	assert_string_equal(name, "元旦");
	assert_true(cal_is_working(&cal, D(2028, 1, 8)));
	assert_true(cal_is_working(&cal, D(2028, 10, 2)));	/* replaced */
	arena_release(&a);
	holfile_cache_free(c);
}

/* Several threads asking for the same files get one reading of each. */
struct worker {
	struct holfile_cache	*c;
	const char		*paths[3];
	const struct holfile	*got[3][50];
};

static void *
work(void *arg)
{
	struct worker *w = arg;
	const char *why;
	int i, k;

	for (i = 0; i < 50; i++)
		for (k = 0; k < 3; k++)
			w->got[k][i] = holfile_get(w->c, w->paths[(k + i) % 3],
			    &why);
	return NULL;
}

static void
test_threads(void **state)
{
	struct holfile_cache *c = holfile_cache_new();
	static struct worker w[4];
	pthread_t t[4];
	char p[3][160];
	const struct holfile *first[3];
	int i, k, j;

	(void)state;
	for (k = 0; k < 3; k++) {
		char name[16];

		snprintf(name, sizeof(name), "t%d.yaml", k);
		snprintf(p[k], sizeof(p[k]), "%s", tu_put(name, NOTICE));
	}
	for (i = 0; i < 4; i++) {
		w[i].c = c;
		for (k = 0; k < 3; k++)
			w[i].paths[k] = p[k];
		assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
	}
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_join(t[i], NULL), 0);
	for (k = 0; k < 3; k++)
		first[k] = get(c, p[k]);
	for (i = 0; i < 4; i++)
		for (j = 0; j < 50; j++)
			for (k = 0; k < 3; k++)
				assert_ptr_equal(w[i].got[k][j],
				    first[(k + j) % 3]);
	holfile_cache_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_run_names),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_too_big),
		cmocka_unit_test(test_cache),
		cmocka_unit_test(test_later_file_wins),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, tu_tmpdir_setup,
	    tu_tmpdir_teardown);
}
