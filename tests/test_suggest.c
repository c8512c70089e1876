/* test_suggest.c - did-you-mean: edit distance in characters, and when a candidate is offered. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "date.h"
#include "plan.h"
#include "suggest.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))

/* The keys of an activity, as the builder offers them. */
static const char *const act_keys[] = {
	"title", "id", "kind", "at", "partners", "owner", "people", "date",
	"when", "times", "every", "weekday", "days", "note",
};

static const char *const plan_keys[] = {
	"title", "host", "period", "lang", "guiding", "goals",
};

static const char *const top_keys[] = {
	"pairplan", "plan", "partners", "people", "leadership", "phases",
	"mentorships", "targets", "quotas", "calendar",
};

/* People as a reference may name them: id, then name. */
static const char *const people[] = {
	"feng", "冯亚琴", "liu", "刘丽", "mu", "穆红", "chen", "陈静",
};

static void
expect_suggest(const char *s, const char *const *c, size_t n,
    const char *want)
{
	const char *got = suggest(s, c, n);

	if (want == NULL && got != NULL)
		fail_msg("'%s': expected no suggestion, got '%s'", s, got);
	if (want != NULL && (got == NULL || strcmp(got, want) != 0))
		fail_msg("'%s': expected '%s', got '%s'", s, want,
		    got ? got : "(none)");
}

static void
test_distance_ascii(void **state)
{
	(void)state;
	assert_int_equal(suggest_distance("kitten", "sitting", 10), 3);
	assert_int_equal(suggest_distance("sitting", "kitten", 10), 3);
	assert_int_equal(suggest_distance("owner", "ower", 10), 1);
	assert_int_equal(suggest_distance("ower", "owner", 10), 1);
	assert_int_equal(suggest_distance("title", "title", 10), 0);
	assert_int_equal(suggest_distance("", "", 10), 0);
	assert_int_equal(suggest_distance("", "abc", 10), 3);
	assert_int_equal(suggest_distance("abc", "", 10), 3);
	assert_int_equal(suggest_distance("partner", "partners", 10), 1);
	assert_int_equal(suggest_distance("at-least", "at_least", 10), 1);
	/* Case counts. */
	assert_int_equal(suggest_distance("Title", "title", 10), 1);
}

static void
test_distance_limit(void **state)
{
	(void)state;
	/* Past the limit, any number above it. */
	assert_true(suggest_distance("kitten", "sitting", 2) > 2);
	assert_int_equal(suggest_distance("kitten", "sitting", 3), 3);
	assert_true(suggest_distance("abcdef", "uvwxyz", 1) > 1);
	/* Lengths far apart exceed the limit at once. */
	assert_true(suggest_distance("a", "abcdefgh", 3) > 3);
	assert_int_equal(suggest_distance("a", "abcdefgh", 7), 7);
	assert_int_equal(suggest_distance("abc", "abc", 0), 0);
	assert_true(suggest_distance("abc", "abd", 0) > 0);
}

static void
test_distance_chinese(void **state)
{
	(void)state;
	/* One character, three bytes of UTF-8: distance 1, not 3. */
	assert_int_equal(strlen("琴"), 3);
	assert_int_equal(suggest_distance("冯亚琴", "冯亚勤", 10), 1);
	assert_int_equal(suggest_distance("冯亚琴", "冯亚勤", 1), 1);
	assert_int_equal(suggest_distance("冯亚琴", "冯亚", 10), 1);
	assert_int_equal(suggest_distance("冯亚琴", "亚琴", 10), 1);
	assert_int_equal(suggest_distance("刘丽", "刘力", 10), 1);
	assert_int_equal(suggest_distance("河西镇中心幼儿园", "河东镇中心幼儿园",
	    10), 1);
	assert_int_equal(suggest_distance("沙梁幼儿园", "沙粱幼儿园", 10), 1);
	assert_int_equal(suggest_distance("冯亚琴", "feng", 10), 4);
	assert_int_equal(suggest_distance("冯亚琴", "冯亚琴", 0), 0);
	/* Mixed scripts and a four-byte character. */
	assert_int_equal(suggest_distance("A班", "B班", 10), 1);
	assert_int_equal(suggest_distance("𠮷野", "吉野", 10), 1);
	assert_int_equal(suggest_distance("𠮷", "", 10), 1);
}

/* The names of the kinds, as the unknown-kind rule offers them. */
static const char **kinds;
static size_t nkinds;
static struct arena kinds_arena;

static int
kinds_setup(void **state)
{
	(void)state;
	arena_init(&kinds_arena);
	kinds = plan_kind_names(&kinds_arena, &nkinds);
	return 0;
}

static int
kinds_teardown(void **state)
{
	(void)state;
	arena_release(&kinds_arena);
	return 0;
}

static void
test_suggest_ascii_typos(void **state)
{
	(void)state;
	expect_suggest("ower", act_keys, N(act_keys), "owner");
	expect_suggest("tittle", act_keys, N(act_keys), "title");
	expect_suggest("titel", plan_keys, N(plan_keys), "title");
	expect_suggest("peoples", act_keys, N(act_keys), "people");
	expect_suggest("weekdays", act_keys, N(act_keys), "weekday");
	expect_suggest("dates", act_keys, N(act_keys), "date");
	expect_suggest("partner", top_keys, N(top_keys), "partners");
	expect_suggest("mentorship", top_keys, N(top_keys), "mentorships");
	expect_suggest("phase", top_keys, N(top_keys), "phases");
	expect_suggest("pairplam", top_keys, N(top_keys), "pairplan");
	expect_suggest("preiod", plan_keys, N(plan_keys), "period");
	expect_suggest("lu", people, N(people), "liu");
	expect_suggest("fengg", people, N(people), "feng");
	expect_suggest("tues", date_weekday_names, 7, "tue");
	expect_suggest("thur", date_weekday_names, 7, "thu");
	expect_suggest("Mon", date_weekday_names, 7, "mon");
	expect_suggest("teaching_visit", kinds, nkinds,
	    "teaching-visit");
	expect_suggest("demo-lessons", kinds, nkinds,
	    "demo-lesson");
	expect_suggest("teachingvisits", kinds, nkinds,
	    "teaching-visit");
}

static void
test_suggest_chinese(void **state)
{
	static const char *const partners[] = {
		"hexi", "河西镇中心幼儿园", "dongtan", "东滩镇幼儿园",
	};

	(void)state;
	expect_suggest("冯亚勤", people, N(people), "冯亚琴");
	expect_suggest("冯雅琴", people, N(people), "冯亚琴");
	expect_suggest("穆洪", people, N(people), "穆红");
	expect_suggest("陈晶", people, N(people), "陈静");
	expect_suggest("河西中心幼儿园", partners, N(partners),
	    "河西镇中心幼儿园");
	expect_suggest("东滩幼儿园", partners, N(partners), "东滩镇幼儿园");
	/* Two characters off in a three-character name is another person. */
	expect_suggest("冯丽琳", people, N(people), NULL);
	expect_suggest("王芳", people, N(people), NULL);
}

static void
test_suggest_nothing_close(void **state)
{
	static const char *const none[] = { NULL };

	(void)state;
	expect_suggest("budget", plan_keys, N(plan_keys), NULL);
	expect_suggest("wanghong", people, N(people), NULL);
	expect_suggest("xyz", act_keys, N(act_keys), NULL);
	expect_suggest("completely-unrelated", top_keys, N(top_keys), NULL);
	expect_suggest("送教下乡", kinds, nkinds, NULL);
	/* Nothing to choose from. */
	expect_suggest("title", act_keys, 0, NULL);
	expect_suggest("title", none, 1, NULL);
	expect_suggest("", act_keys, N(act_keys), NULL);
}

static void
test_suggest_ties_first(void **state)
{
	static const char *const ab[] = { "bat", "cut", "cart" };
	static const char *const ba[] = { "cut", "bat", "cart" };
	static const char *const near_first[] = { "mother", "mothers", "moth" };
	static const char *const names[] = { "刘力", "刘莉" };

	(void)state;
	expect_suggest("cat", ab, N(ab), "bat");
	expect_suggest("cat", ba, N(ba), "cut");
	/* The nearest wins over an earlier, farther one. */
	expect_suggest("mothrs", near_first, N(near_first), "mothers");
	expect_suggest("刘丽", names, N(names), "刘力");
	expect_suggest("刘丽", names + 1, 1, "刘莉");
}

static void
test_suggest_exact_not_offered(void **state)
{
	static const char *const one[] = { "title" };
	static const char *const two[] = { "title", "titles" };
	static const char *const zh[] = { "冯亚琴" };

	(void)state;
	expect_suggest("title", one, N(one), NULL);
	expect_suggest("冯亚琴", zh, N(zh), NULL);
	/* Skipping the exact match, the next nearest may still be offered. */
	expect_suggest("title", two, N(two), "titles");
}

/* A swap of two neighbours is one edit, in ASCII and in Chinese. */
static void
test_transpositions(void **state)
{
	(void)state;
	assert_int_equal(suggest_distance("fneg", "feng", 5), 1);
	assert_int_equal(suggest_distance("亚冯琴", "冯亚琴", 5), 1);
	assert_int_equal(suggest_distance("abcd", "badc", 5), 2);
	expect_suggest("fneg", people, N(people), "feng");
	expect_suggest("lui", people, N(people), "liu");
	expect_suggest("titel", act_keys, N(act_keys), "title");
	expect_suggest("whne", act_keys, N(act_keys), "when");
}

static void
test_suggest_long_input(void **state)
{
	char longs[200];
	static const char *const c[] = { "title" };

	(void)state;
	memset(longs, 'a', sizeof(longs) - 1);
	longs[sizeof(longs) - 1] = '\0';
	expect_suggest(longs, c, N(c), NULL);
	assert_true(suggest_distance(longs, "title", 5) > 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance_ascii),
		cmocka_unit_test(test_transpositions),
		cmocka_unit_test(test_distance_limit),
		cmocka_unit_test(test_distance_chinese),
		cmocka_unit_test(test_suggest_ascii_typos),
		cmocka_unit_test(test_suggest_chinese),
		cmocka_unit_test(test_suggest_nothing_close),
		cmocka_unit_test(test_suggest_ties_first),
		cmocka_unit_test(test_suggest_exact_not_offered),
		cmocka_unit_test(test_suggest_long_input),
	};

	return cmocka_run_group_tests(tests, kinds_setup, kinds_teardown);
}
