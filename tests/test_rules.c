/* test_rules.c - every validation rule, tripped by a small change of a valid plan and not by a close one. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "plan.h"
#include "placeholder.h"
#include "plandoc.h"
#include "rules.h"

/*
 * The base plan: valid, no diagnostics. The line numbers in the comments
 * are the ones the tests below expect; a change of the base moves them.
 */
static const char BASE[] =
    "pairplan: 1\n"					/*  1 */
    "plan:\n"						/*  2 */
    "  title: 实验幼儿园结对帮扶工作计划\n"		/*  3 */
    "  host: {id: shiyan, name: 实验幼儿园}\n"		/*  4 */
    "  period: 2024-09..2025-01\n"			/*  5 */
    "partners:\n"					/*  6 */
    "  - id: shaliang\n"				/*  7 */
    "    name: 沙梁幼儿园\n"				/*  8 */
    "    classes: 6\n"					/*  9 */
    "people:\n"						/* 10 */
    "  - {id: feng, name: 冯亚琴, role: 园长}\n"		/* 11 */
    "  - {id: liu, name: 刘丽, role: 副园长}\n"		/* 12 */
    "  - {name: 穆红, org: shaliang}\n"			/* 13 */
    "leadership:\n"					/* 14 */
    "  leader: feng\n"					/* 15 */
    "  deputies: [liu]\n"				/* 16 */
    "phases:\n"						/* 17 */
    "  - id: p1\n"					/* 18 */
    "    name: 启动调研\n"				/* 19 */
    "    period: 2024-09..2024-10\n"			/* 20 */
    "    activities:\n"					/* 21 */
    "      - title: 签订帮扶协议\n"			/* 22 */
    "        kind: agreement\n"				/* 23 */
    "        date: 2024-09-10\n"			/* 24 */
    "        owner: feng\n"				/* 25 */
    "      - title: 送教下乡\n"				/* 26 */
    "        kind: teaching-visit\n"			/* 27 */
    "        at: partner\n"				/* 28 */
    "        when: 2024-10\n"				/* 29 */
    "        times: 2\n"				/* 30 */
    "        owner: liu\n"				/* 31 */
    "        people: [穆红]\n"				/* 32 */
    "  - id: p2\n"					/* 33 */
    "    name: 总结提升\n"				/* 34 */
    "    period: 2024-11..2025-01\n"			/* 35 */
    "    activities:\n"					/* 36 */
    "      - title: 年度总结会\n"			/* 37 */
    "        kind: summary\n"				/* 38 */
    "        date: 2025-01-10\n"			/* 39 */
    "        owner: feng\n"				/* 40 */
    "targets:\n"					/* 41 */
    "  - name: 教师优课率\n"				/* 42 */
    "    at-least: 30%\n";				/* 43 */

/* A third activity of p1 on the day of the first, held online (33..37). */
#define THIRD_ONLINE							\
	"        people: [穆红]\n"					\
	"      - title: 园务管理讲座\n"					\
	"        kind: lecture\n"					\
	"        at: online\n"						\
	"        date: 2024-09-10\n"					\
	"        owner: feng\n"

#define END	((const char *)NULL)

static struct plandoc pd;
static char *text;

/* Replaces the one occurrence of from in *s by to. */
static void
replace_once(char **s, const char *from, const char *to)
{
	const char *hit;
	char *next;
	size_t nf, nt, off;

	if ((hit = strstr(*s, from)) == NULL)
		fail_msg("'%s' is not in the plan", from);
	if (strstr(hit + 1, from) != NULL)
		fail_msg("'%s' is in the plan more than once", from);
	nf = strlen(from);
	nt = strlen(to);
	off = (size_t)(hit - *s);
	next = malloc(strlen(*s) - nf + nt + 1);
	assert_non_null(next);
	memcpy(next, *s, off);
	memcpy(next + off, to, nt);
	strcpy(next + off + nt, hit + nf);
	free(*s);
	*s = next;
}

/*
 * Loads into pd the base plan changed by (from, to) pairs, each applied
 * to the result of the one before; every from must occur exactly once.
 * The list ends with END; load(END) loads the base itself.
 */
static void
load(const char *from, ...)
{
	const char *to;
	va_list ap;

	free(text);
	text = strdup(BASE);
	assert_non_null(text);
	va_start(ap, from);
	for (; from != NULL; from = va_arg(ap, const char *)) {
		to = va_arg(ap, const char *);
		assert_non_null(to);
		replace_once(&text, from, to);
	}
	va_end(ap);
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
}

static void
unload(void)
{
	plandoc_release(&pd);
	free(text);
	text = NULL;
}

/* Prints the diagnostics, to make a failure readable. */
static void
dump(void)
{
	size_t i;

	for (i = 0; i < pd.diags.n; i++)
		print_message("  got %u:%u: %s [%s]\n", pd.diags.v[i].line,
		    pd.diags.v[i].col, pd.diags.v[i].msg,
		    rule_catalogue[pd.diags.v[i].rule].id);
}

/* The i-th diagnostic is rule at line:col and its message holds part. */
static void
expect_at(size_t i, enum rule_id rule, uint32_t line, uint32_t col,
    const char *part)
{
	const struct diag *g;

	if (i >= pd.diags.n) {
		dump();
		fail_msg("expected a diagnostic #%zu [%s], got %zu", i,
		    rule_catalogue[rule].id, pd.diags.n);
	}
	g = &pd.diags.v[i];
	if (g->rule != rule || g->line != line || g->col != col ||
	    strstr(g->msg, part) == NULL) {
		dump();
		fail_msg("expected %u:%u: ...%s... [%s]", line, col, part,
		    rule_catalogue[rule].id);
	}
}

static void
expect_count(size_t n)
{
	if (pd.diags.n != n) {
		dump();
		fail_msg("expected %zu diagnostics, got %zu", n, pd.diags.n);
	}
}

/* Exactly one diagnostic: rule at line:col, its message holding part. */
static void
expect_only(enum rule_id rule, uint32_t line, uint32_t col, const char *part)
{
	expect_count(1);
	expect_at(0, rule, line, col, part);
}

/* No diagnostic at all, and the model was built. */
static void
expect_clean(void)
{
	expect_count(0);
	assert_non_null(pd.plan);
}

/* The index of the first diagnostic of rule, failing when there is none. */
static size_t
find(enum rule_id rule)
{
	size_t i;

	for (i = 0; i < pd.diags.n; i++)
		if (pd.diags.v[i].rule == rule)
			return i;
	dump();
	fail_msg("no diagnostic [%s]", rule_catalogue[rule].id);
	return 0;
}

static bool
has(enum rule_id rule)
{
	size_t i;

	for (i = 0; i < pd.diags.n; i++)
		if (pd.diags.v[i].rule == rule)
			return true;
	return false;
}

/* ---- the base ------------------------------------------------------- */

static void
test_base_is_clean(void **state)
{
	(void)state;
	load(END);
	expect_clean();
	assert_false(diags_has_errors(&pd.diags, true));
	assert_int_equal(pd.plan->nphases, 2);
	assert_int_equal(pd.plan->norgs, 2);
	assert_int_equal(pd.plan->npeople, 3);
	unload();
}

/* ---- errors of the loader ------------------------------------------ */

static void
test_yaml_syntax(void **state)
{
	(void)state;
	load("  title: 实验幼儿园结对帮扶工作计划\n",
	    "  title: [实验幼儿园结对帮扶工作计划\n", END);
	assert_true(pd.diags.n >= 1);
	assert_int_equal(pd.diags.v[0].rule, R_YAML_SYNTAX);
	assert_null(pd.plan);
	unload();
	load("  title: 实验幼儿园结对帮扶工作计划\n",
	    "  title: \"[实验幼儿园结对帮扶工作计划\"\n", END);
	expect_clean();
	unload();
}

static void
test_encoding(void **state)
{
	(void)state;
	load("  title: 实验幼儿园", "  title: \xff实验幼儿园", END);
	assert_true(pd.diags.n >= 1);
	expect_at(0, R_ENCODING, 3, 10, "");
	assert_null(pd.plan);
	unload();
	load("  title: 实验幼儿园", "  title: \xc3\xa9实验幼儿园", END);
	expect_clean();
	unload();
}

static void
test_duplicate_key(void **state)
{
	const struct diag *g;

	(void)state;
	load("    classes: 6\n", "    classes: 6\n    name: 沙梁镇幼儿园\n", END);
	expect_only(R_DUPLICATE_KEY, 10, 5, "duplicate key 'name'");
	g = &pd.diags.v[0];
	assert_non_null(g->note);
	assert_int_equal(g->note_line, 8);
	assert_int_equal(g->note_col, 5);
	assert_non_null(strstr(g->note, "'name' first appears here"));
	unload();
	load("    classes: 6\n", "    classes: 6\n    kind: 乡镇公办园\n", END);
	expect_clean();
	unload();
}

static void
test_limit_period(void **state)
{
	(void)state;
	load("  period: 2024-09..2025-01\n", "  period: 1920-09..2025-01\n",
	    END);
	expect_only(R_LIMIT, 5, 11, "longer than 100 years");
	unload();
	load("  period: 2024-09..2025-01\n", "  period: 2024-09..2124-01\n",
	    END);
	assert_false(has(R_LIMIT));
	unload();
}

/* ---- errors of the model builder ----------------------------------- */

/*
 * The occurrences a plan expands to are bounded (§8) with the series of
 * §10 counted too: pairings' visits, and every N months, semester and
 * year (a 200-byte plan of 91 million visits took 4 GB and 3 minutes).
 */
static void
test_limit_occurrences(void **state)
{
	(void)state;
	load("  period: 2024-09..2025-01\n", "  period: 2024-01..2099-12\n",
	    "    at-least: 30%\n", "    at-least: 30%\npairings:\n"
	    "  - {person: feng, partner: shaliang, visits: 100000,"
	    " per: month}\n", END);
	expect_at(find(R_LIMIT), R_LIMIT, 45, 5, "the plan expands to more "
	    "than 10000000 occurrences to schedule (pairing 'v1' passes the "
	    "limit)");
	unload();
	/* 9 million: under the cap, but far past what a small file buys */
	load("  period: 2024-09..2025-01\n", "  period: 2024-01..2099-12\n",
	    "    at-least: 30%\n", "    at-least: 30%\npairings:\n"
	    "  - {person: feng, partner: shaliang, visits: 10000,"
	    " per: month}\n", END);
	expect_at(find(R_LIMIT), R_LIMIT, 45, 5, "the plan passes the work "
	    "limit of a file of");
	unload();
	load("  period: 2024-09..2025-01\n", "  period: 2024-01..2099-12\n",
	    "    at-least: 30%\n", "    at-least: 30%\npairings:\n"
	    "  - {person: feng, partner: shaliang, visits: 2,"
	    " per: month}\n", END);
	assert_false(has(R_LIMIT));
	unload();
	load("  period: 2024-09..2025-01\n", "  period: 2024-01..2099-12\n",
	    "    at-least: 30%\n", "    at-least: 30%\nmentorships:\n"
	    "  - {mentor: feng, apprentice: 穆红,"
	    " meet: {every: 2 months, times: 100000}}\n", END);
	assert_true(has(R_LIMIT));
	unload();
	load("  period: 2024-09..2025-01\n", "  period: 2024-01..2099-12\n",
	    "    at-least: 30%\n", "    at-least: 30%\nmentorships:\n"
	    "  - {mentor: feng, apprentice: 穆红,"
	    " meet: {every: semester, times: 100000}}\n", END);
	assert_true(has(R_LIMIT));
	unload();
	load("  period: 2024-09..2025-01\n", "  period: 2024-01..2099-12\n",
	    "    at-least: 30%\n", "    at-least: 30%\nmentorships:\n"
	    "  - {mentor: feng, apprentice: 穆红,"
	    " meet: {every: year, times: 100000}}\n", END);
	expect_at(find(R_LIMIT), R_LIMIT, 45, 5, "the plan passes the work "
	    "limit of a file of");
	unload();
	load("  period: 2024-09..2025-01\n", "  period: 2024-01..2099-12\n",
	    "    at-least: 30%\n", "    at-least: 30%\nmentorships:\n"
	    "  - {mentor: feng, apprentice: 穆红,"
	    " meet: {every: year, times: 3}}\n", END);
	assert_false(has(R_LIMIT));
	unload();
}

static void
test_unknown_key(void **state)
{
	(void)state;
	load("        owner: liu\n", "        ower: liu\n", END);
	expect_only(R_UNKNOWN_KEY, 31, 9,
	    "unknown key 'ower' in activity '送教下乡' (did you mean 'owner'?)");
	unload();
	load("  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2025-01\n  budget: 3万元\n", END);
	expect_only(R_UNKNOWN_KEY, 6, 3, "unknown key 'budget' in 'plan'");
	assert_null(strstr(pd.diags.v[0].msg, "did you mean"));
	unload();
	load("        owner: liu\n", "        owner: liu\n        note: 每月一次\n",
	    END);
	expect_clean();
	unload();
}

static void
test_type(void **state)
{
	(void)state;
	load("    classes: 6\n", "    classes: 六\n", END);
	expect_only(R_TYPE, 9, 14, "'classes' must be a whole number, not '六'");
	unload();
	load("    classes: 6\n", "    classes: \"6\"\n", END);
	expect_only(R_TYPE, 9, 14, "'classes' must be a whole number");
	unload();
	load("        at: partner\n",
	    "        at: partner\n        weekday: tues\n",
	    END);
	expect_only(R_TYPE, 29, 18, "'tues' is not a weekday");
	assert_non_null(strstr(pd.diags.v[0].msg, "did you mean 'tue'"));
	unload();
	load("        at: partner\n",
	    "        at: partner\n        weekday: tue\n",
	    END);
	expect_clean();
	unload();
	load("    classes: 6\n", "    classes: 0\n", END);
	expect_clean();
	unload();
}

static void
test_required(void **state)
{
	(void)state;
	load("    name: 沙梁幼儿园\n", "", END);
	expect_only(R_REQUIRED, 7, 5, "a partner has no 'name'");
	unload();
	load("  title: 实验幼儿园结对帮扶工作计划\n", "  title:\n", END);
	expect_only(R_REQUIRED, 3, 9, "'title' of 'plan' has no value");
	unload();
	load("      - title: 年度总结会\n", "      - id: zongjie\n", END);
	expect_only(R_REQUIRED, 37, 9, "an activity has no 'title'");
	unload();
	load("    name: 沙梁幼儿园\n", "    name: 沙梁中心幼儿园\n", END);
	expect_clean();
	unload();
}

static void
test_version(void **state)
{
	(void)state;
	load("pairplan: 1\n", "pairplan: 2\n", END);
	expect_only(R_VERSION, 1, 11, "unsupported format version '2'");
	unload();
	load("pairplan: 1\n", "pairplan: \"1\"\n", END);
	expect_only(R_VERSION, 1, 11, "unsupported format version '1'");
	unload();
	load("pairplan: 1\n", "pairplan: 1   # 格式版本\n", END);
	expect_clean();
	unload();
}

static void
test_bad_date(void **state)
{
	(void)state;
	load("        date: 2024-09-10\n", "        date: 2024-09-31\n", END);
	expect_only(R_BAD_DATE, 24, 15, "'2024-09-31' is not a real date");
	unload();
	load("        when: 2024-10\n", "        when: 2024年13月\n", END);
	expect_only(R_BAD_DATE, 29, 15, "activity '送教下乡': '2024年13月' is "
	    "not a real date");
	unload();
	load("        when: 2024-10\n", "        when: 2024/10\n", END);
	expect_only(R_BAD_DATE, 29, 15, "'2024/10' is not a date");
	unload();
	load("        when: 2024-10\n", "        when: 2024年10月中旬\n", END);
	expect_clean();
	assert_int_equal(pd.plan->phases[0].acts[1].w.window.from,
	    date_from_civil(2024, 10, 11));
	unload();
	load("        date: 2024-09-10\n", "        date: 2024-10\n", END);
	expect_only(R_BAD_DATE, 24, 15, "write YYYY-MM-DD");
	unload();
	load("        date: 2024-09-10\n", "        date: 2024-09-30\n", END);
	expect_clean();
	unload();
}

/* ---- errors of the rules ------------------------------------------- */

static void
test_range_order(void **state)
{
	(void)state;
	load("    period: 2024-09..2024-10\n", "    period: 2024-10..2024-09\n",
	    END);
	expect_only(R_RANGE_ORDER, 20, 13,
	    "phase 'p1' ends 2024-09-30 before it starts 2024-10-01");
	unload();
	load("        when: 2024-10\n",
	    "        when: 2024-10-20..2024-10-10\n",
	    END);
	expect_only(R_RANGE_ORDER, 29, 15, "the window of activity 'p1.2' "
	    "ends 2024-10-10 before it starts 2024-10-20");
	unload();
	load("    period: 2024-09..2024-10\n", "    period: 2024-09..2024-09\n",
	    "        when: 2024-10\n", "        when: 2024-09-20..2024-09-30\n",
	    END);
	expect_clean();
	unload();
}

static void
test_duplicate_id(void **state)
{
	const struct diag *g;

	(void)state;
	load("  - {name: 穆红, org: shaliang}\n",
	    "  - {id: feng, name: 穆红, org: shaliang}\n", END);
	expect_only(R_DUPLICATE_ID, 13, 10, "person id 'feng' is already used");
	g = &pd.diags.v[0];
	assert_non_null(g->note);
	assert_int_equal(g->note_line, 11);
	assert_int_equal(g->note_col, 10);
	unload();
	load("  - {name: 穆红, org: shaliang}\n",
	    "  - {id: mu, name: 穆红, org: shaliang}\n",
	    "        people: [穆红]\n", "        people: [mu]\n", END);
	expect_clean();
	unload();
}

/*
 * An explicit activity id equal to the default id of a later activity:
 * the later one has no id node, and the message must still name the id.
 */
static void
test_duplicate_id_default(void **state)
{
	const struct diag *g;

	(void)state;
	load("        kind: agreement\n",
	    "        id: p1.2\n        kind: agreement\n",
	    END);
	expect_count(1);
	g = &pd.diags.v[0];
	assert_int_equal(g->rule, R_DUPLICATE_ID);
	assert_int_equal(g->line, 27);
	assert_int_equal(g->col, 9);
	assert_int_equal(g->note_line, 23);
	assert_int_equal(g->note_col, 13);
	if (strstr(g->msg, "'p1.2'") == NULL) {
		dump();
		fail_msg("the message does not name the id 'p1.2'");
	}
	unload();
	load("        kind: agreement\n",
	    "        id: sign\n        kind: agreement\n",
	    END);
	expect_clean();
	unload();
}

static void
test_unknown_ref(void **state)
{
	(void)state;
	load("        owner: liu\n", "        owner: lu\n", END);
	expect_only(R_UNKNOWN_REF, 31, 16,
	    "unknown person 'lu' (did you mean 'liu'?)");
	unload();
	load("        owner: liu\n", "        owner: wanghong\n", END);
	expect_only(R_UNKNOWN_REF, 31, 16, "unknown person 'wanghong'");
	assert_null(strstr(pd.diags.v[0].msg, "did you mean"));
	unload();
	load("        owner: liu\n", "        owner: 刘丽\n", END);
	expect_clean();
	unload();
}

static void
test_unknown_ref_chinese(void **state)
{
	(void)state;
	/* 冯亚勤 for 冯亚琴: one character off, three bytes each. */
	load("      - title: 年度总结会\n        kind: summary\n"
	    "        date: 2025-01-10\n        owner: feng\n",
	    "      - title: 年度总结会\n        kind: summary\n"
	    "        date: 2025-01-10\n        owner: 冯亚勤\n", END);
	expect_only(R_UNKNOWN_REF, 40, 16,
	    "unknown person '冯亚勤' (did you mean '冯亚琴'?)");
	unload();
	load("      - title: 年度总结会\n        kind: summary\n"
	    "        date: 2025-01-10\n        owner: feng\n",
	    "      - title: 年度总结会\n        kind: summary\n"
	    "        date: 2025-01-10\n        owner: 冯亚琴\n", END);
	expect_clean();
	assert_int_equal(pd.plan->phases[1].acts[0].owners.v[0].idx, 0);
	unload();
}

static void
test_unknown_ref_partner(void **state)
{
	(void)state;
	load("        at: partner\n",
	    "        at: partner\n        partners: [shalaing]\n", END);
	expect_count(2);
	/* No activity reaches the partner whose id was mistyped. */
	expect_at(0, R_PARTNER_UNVISITED, 7, 5, "'shaliang'");
	expect_at(1, R_UNKNOWN_REF, 29, 20,
	    "unknown partner 'shalaing' (did you mean 'shaliang'?)");
	unload();
	/* The host is an organisation, not a partner. */
	load("        at: partner\n",
	    "        at: partner\n        partners: [shiyan]\n", END);
	assert_true(pd.diags.n >= 1);
	expect_at(find(R_UNKNOWN_REF), R_UNKNOWN_REF, 29, 20,
	    "unknown partner 'shiyan'");
	unload();
	load("        at: partner\n",
	    "        at: partner\n        partners: [沙梁幼儿园]\n", END);
	expect_clean();
	unload();
}

static void
test_unknown_ref_ambiguous(void **state)
{
	(void)state;
	load("  - {name: 穆红, org: shaliang}\n",
	    "  - {id: mu, name: 刘丽, org: shaliang}\n",
	    "        people: [穆红]\n", "        people: [刘丽]\n", END);
	expect_count(2);
	expect_at(0, R_DUPLICATE_NAME, 13, 5, "has the name of person 'liu'");
	expect_at(1, R_UNKNOWN_REF, 32, 18,
	    "'刘丽' is the name of more than one person: use an id");
	unload();
	load("  - {name: 穆红, org: shaliang}\n",
	    "  - {id: mu, name: 刘丽, org: shaliang}\n",
	    "        people: [穆红]\n", "        people: [mu]\n", END);
	expect_only(R_DUPLICATE_NAME, 13, 5, "person 'mu' has the name of "
	    "person 'liu' ('刘丽')");
	unload();
}

static void
test_outside_plan(void **state)
{
	(void)state;
	load("    period: 2024-09..2024-10\n", "    period: 2024-08..2024-10\n",
	    END);
	expect_only(R_OUTSIDE_PLAN, 20, 13,
	    "phase 'p1' (2024-08-01..2024-10-31) "
	    "is outside the plan period 2024-09-01..2025-01-31");
	unload();
	load("    at-least: 30%\n", "    at-least: 30%\nmentorships:\n"
	    "  - {mentor: 刘丽, apprentice: 穆红, period: 2024-10..2025-02}\n",
	    END);
	expect_only(R_OUTSIDE_PLAN, 45, 42, "mentorship period "
	    "2024-10-01..2025-02-28 is outside the plan period");
	unload();
	/* a phase without a period: its fixed days against the plan's */
	load("    period: 2024-11..2025-01\n", "",
	    "        date: 2025-01-10\n",
	    "        date: 2025-01-30\n        days: 3\n", END);
	expect_at(find(R_OUTSIDE_PLAN), R_OUTSIDE_PLAN, 38, 15,
	    "activity 'p2.1' on 2025-01-30 lasts 3 working days, to "
	    "2025-02-06: past the end of the plan period "
	    "2024-09-01..2025-01-31");
	unload();
	load("    period: 2024-09..2024-10\n",
	    "    period: 2024-09-02..2024-10\n",
	    "    at-least: 30%\n", "    at-least: 30%\nmentorships:\n"
	    "  - {mentor: 刘丽, apprentice: 穆红, period: 2024-10..2025-01}\n",
	    END);
	expect_clean();
	unload();
}

static void
test_outside_phase(void **state)
{
	(void)state;
	load("        when: 2024-10\n", "        when: 2024-11\n", END);
	expect_only(R_OUTSIDE_PHASE, 29, 15,
	    "the window 2024-11-01..2024-11-30 "
	    "of activity 'p1.2' is outside phase 'p1' "
	    "(2024-09-01..2024-10-31)");
	unload();
	load("        date: 2024-09-10\n", "        date: 2024-11-05\n", END);
	expect_only(R_OUTSIDE_PHASE, 24, 15, "activity 'p1.1' on 2024-11-05 is "
	    "outside phase 'p1'");
	unload();
	load("        when: 2024-10\n",
	    "        when: 2024-10-08..2024-10-31\n",
	    END);
	expect_clean();
	unload();
	/* a fixed activity of several days whose last day is past the phase */
	load("        date: 2024-09-10\n",
	    "        date: 2024-10-30\n        days: 3\n", END);
	expect_only(R_OUTSIDE_PHASE, 24, 15, "activity 'p1.1' on 2024-10-30 "
	    "lasts 3 working days, to 2024-11-01: past the end of phase 'p1' "
	    "(2024-09-01..2024-10-31)");
	unload();
	load("        date: 2024-09-10\n",
	    "        date: 2024-10-29\n        days: 3\n", END);
	expect_clean();
	unload();
}

static void
test_exclusive_keys(void **state)
{
	(void)state;
	load("        date: 2024-09-10\n",
	    "        date: 2024-09-10\n        times: 2\n", END);
	expect_only(R_EXCLUSIVE_KEYS, 25, 16,
	    "activity 'p1.1' has a fixed 'date' and also 'times'");
	unload();
	load("        date: 2024-09-10\n",
	    "        date: 2024-09-10\n        every: week\n", END);
	expect_only(R_EXCLUSIVE_KEYS, 25, 16, "also 'every'");
	unload();
	load("    at-least: 30%\n",
	    "    at-least: 30%\n    equals: 80%\n", END);
	expect_only(R_EXCLUSIVE_KEYS, 44, 13,
	    "a target takes one of 'at-least', 'at-most' and 'equals'");
	unload();
	/* at-least with at-most is a range (§10). */
	load("    at-least: 30%\n",
	    "    at-least: 30%\n    at-most: 80%\n", END);
	expect_clean();
	assert_true(pd.plan->targets[0].has_max);
	assert_true(pd.plan->targets[0].max == 80);
	unload();
	load("        date: 2024-09-10\n",
	    "        date: 2024-09-10\n        days: 2\n", END);
	expect_clean();
	unload();
}

static void
test_bad_number_negative(void **state)
{
	(void)state;
	load("    classes: 6\n", "    classes: -1\n", END);
	expect_only(R_BAD_NUMBER, 9, 14, "'classes' must not be negative: -1");
	unload();
	load("        times: 2\n", "        times: 0\n", END);
	expect_only(R_BAD_NUMBER, 30, 16, "'times' must be at least 1, not 0");
	unload();
	load("    classes: 6\n", "    classes: 0\n", END);
	expect_clean();
	unload();
}

static void
test_bad_number_percent(void **state)
{
	(void)state;
	load("    at-least: 30%\n", "    at-least: 150%\n", END);
	expect_only(R_BAD_NUMBER, 43, 15, "'at-least' 150% is outside 0%-100%");
	unload();
	load("    at-least: 30%\n", "    at-least: -5\n", END);
	expect_only(R_BAD_NUMBER, 43, 15, "'at-least' -5 is outside");
	unload();
	load("    at-least: 30%\n", "    at-least: 100%\n", END);
	expect_clean();
	unload();
	load("    at-least: 30%\n", "    at-least: 150\n", END);
	expect_clean();
	unload();
}

static void
test_bad_number_times(void **state)
{
	(void)state;
	/* 2024-10-08 and -09: a Tuesday and a Wednesday after National Day. */
	load("        when: 2024-10\n",
	    "        when: 2024-10-08..2024-10-09\n",
	    "        times: 2\n", "        times: 3\n", END);
	expect_only(R_BAD_NUMBER, 30, 16, "activity 'p1.2' wants 3 times but "
	    "its window has only 2 eligible days");
	unload();
	/* The holiday week 2024-10-01..07 has no working day at all. */
	load("        when: 2024-10\n",
	    "        when: 2024-10-08..2024-10-09\n",
	    END);
	expect_clean();
	unload();
}

static void
test_bad_number_every(void **state)
{
	(void)state;
	load("        times: 2\n",
	    "        times: 2\n        every: week\n"
	    "        weekday: [tue]\n", END);
	expect_only(R_BAD_NUMBER, 30, 16, "activity 'p1.2' wants 2 times a "
	    "period but a period has only 1 eligible day");
	unload();
	load("        times: 2\n",
	    "        times: 2\n        every: week\n"
	    "        weekday: [tue, thu]\n", END);
	expect_clean();
	unload();
}

/*
 * One occurrence (the default) in a window without a single eligible day
 * is more times than eligible days, too (§7): it can never be placed.
 */
static void
test_bad_number_no_eligible_day(void **state)
{
	(void)state;
	/* The National Day week 2024-10-01..07 has no working day. */
	load("        when: 2024-10\n",
	    "        when: 2024-10-01..2024-10-07\n",
	    "        times: 2\n", "        times: 1\n", END);
	expect_only(R_BAD_NUMBER, 30, 16, "0 eligible days");
	unload();
	/*
	 * No Sunday of October 2024 is a working day (the make-up day of
	 * National Day is Saturday 10-12).
	 */
	load("        times: 2\n",
	    "        times: 1\n        every: week\n        weekday: sun\n",
	    END);
	expect_only(R_BAD_NUMBER, 30, 16, "0 eligible days");
	unload();
	load("        times: 2\n",
	    "        times: 1\n        every: week\n        weekday: sat\n",
	    END);
	expect_clean();
	unload();
	/* One working day is enough for one occurrence. */
	load("        when: 2024-10\n",
	    "        when: 2024-10-07..2024-10-08\n",
	    "        times: 2\n", "        times: 1\n", END);
	expect_clean();
	unload();
}

/*
 * A multi-day occurrence needs that many working days in its window:
 * 2024-10-04..09 holds only 10-08 and 10-09 (National Day before them).
 */
static void
test_bad_number_days(void **state)
{
	(void)state;
	load("        when: 2024-10\n",
	    "        when: 2024-10-04..2024-10-09\n",
	    "        times: 2\n", "        times: 1\n        days: 3\n", END);
	expect_only(R_BAD_NUMBER, 29, 15,
	    "lasts 3 working days but its window has only 2");
	unload();
	load("        when: 2024-10\n",
	    "        when: 2024-10-04..2024-10-09\n",
	    "        times: 2\n", "        times: 1\n        days: 2\n", END);
	expect_clean();
	unload();
}

/* ---- warnings ------------------------------------------------------ */

static void
test_unknown_kind(void **state)
{
	(void)state;
	load("        kind: teaching-visit\n", "        kind: teaching-vist\n",
	    END);
	expect_only(R_UNKNOWN_KIND, 27, 15,
	    "unknown kind 'teaching-vist' (did you mean 'teaching-visit'?)");
	assert_int_equal(pd.plan->phases[0].acts[1].kind, K_OTHER);
	unload();
	load("        kind: teaching-visit\n", "        kind: 送教下多\n", END);
	expect_only(R_UNKNOWN_KIND, 27, 15,
	    "unknown kind '送教下多' (did you mean '送教下乡'?)");
	unload();
	load("        kind: teaching-visit\n", "        kind: 跳舞\n", END);
	expect_only(R_UNKNOWN_KIND, 27, 15,
	    "unknown kind '跳舞', taken as 'other'");
	unload();
	/* The labels the exports print are kinds too (§10). */
	load("        kind: teaching-visit\n", "        kind: 送教下乡\n", END);
	expect_clean();
	assert_int_equal(pd.plan->phases[0].acts[1].kind, K_TEACHING_VISIT);
	unload();
	load("        kind: teaching-visit\n", "        kind: 公示\n", END);
	expect_clean();
	assert_int_equal(pd.plan->phases[0].acts[1].kind, K_PUBLICITY);
	unload();
	load("        kind: teaching-visit\n",
	    "        kind: study-visit\n", END);
	expect_clean();
	unload();
}

static void
test_placeholder(void **state)
{
	(void)state;
	load("  title: 实验", "  title: 20xx年实验", END);
	expect_only(R_PLACEHOLDER, 3, 10,
	    "template text '20xx' left in the plan");
	unload();
	load("  title: 实验", "  title: 20__年实验", END);
	expect_only(R_PLACEHOLDER, 3, 10, "template text '20__'");
	unload();
	load("    name: 沙梁幼儿园\n", "    name: XXX幼儿园\n", END);
	expect_only(R_PLACEHOLDER, 8, 11, "template text 'XXX'");
	unload();
	load("  - {name: 穆红, org: shaliang}\n",
	    "  - {id: mu, name: 某某, org: shaliang}\n",
	    "        people: [穆红]\n", "        people: [mu]\n", END);
	expect_only(R_PLACEHOLDER, 13, 20, "template text '某某'");
	unload();
	load("  - {name: 穆红, org: shaliang}\n",
	    "  - {id: mu, name: xx老师, org: shaliang}\n",
	    "        people: [穆红]\n", "        people: [mu]\n", END);
	expect_only(R_PLACEHOLDER, 13, 20, "template text 'xx'");
	unload();
	/* Lower-case xx and __ are templates in any text too (§10). */
	load("  - {name: 穆红, org: shaliang}\n",
	    "  - {name: 穆红, org: shaliang, duty: 负责xx班}\n", END);
	expect_only(R_PLACEHOLDER, 13, 37, "template text 'xx'");
	unload();
	load("  - {name: 穆红, org: shaliang}\n",
	    "  - {name: 穆红, org: shaliang, duty: 负责__班}\n", END);
	expect_only(R_PLACEHOLDER, 13, 37, "template text '__'");
	unload();
	/* XX outside a name, and a real year, are not. */
	load("  - {name: 穆红, org: shaliang}\n",
	    "  - {name: 穆红, org: shaliang, duty: 负责XX班}\n",
	    "  title: 实验", "  title: 2024年实验", END);
	expect_clean();
	unload();
}

/* The old way of finding a pattern: strstr for each, in order. */
static const char *
placeholder_ref(const char *s, bool name)
{
	static const char *const any[] = {
		"20xx", "20XX", "20__", "XXX", "xxx", "某某", "xx", "__",
	};
	size_t i;

	for (i = 0; i < sizeof(any) / sizeof(any[0]); i++)
		if (strstr(s, any[i]) != NULL)
			return any[i];
	return name && strstr(s, "XX") != NULL ? "XX" : NULL;
}

/*
 * placeholder_scan against placeholder_ref on random texts made of the
 * patterns' pieces (and 某's bytes alone, the first two and the last two),
 * under a name key and another.
 */
static void
test_placeholder_random(void **state)
{
	static const char *const bits[] = {
		"x", "X", "_", "2", "0", "某", "\xe6", "\xe6\x9f", "a", "班",
		"20", "某某", "xx", "\x9f", "\x9f\x90", "__",
	};
	struct ynode kv[2];
	struct diags d;
	struct arena a;
	char text[64];
	const char *want;
	uint32_t seed = 1;
	int round, k, n;
	size_t len;

	(void)state;
	for (round = 0; round < 20000; round++) {
		len = 0;
		n = 1 + (int)((seed >> 16) % 9);
		for (k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *b = bits[(seed >> 16) %
			    (sizeof(bits) / sizeof(bits[0]))];
			memcpy(text + len, b, strlen(b));
			len += strlen(b);
		}
		text[len] = '\0';
		memset(kv, 0, sizeof(kv));
		kv[0].kind = YN_SCALAR;
		kv[0].u.str = round % 2 ? "name" : "duty";
		kv[1].kind = YN_SCALAR;
		kv[1].u.str = text;
		kv[1].maybe_template = placeholder_maybe(text);
		kv[1].line = kv[1].col = 1;
		arena_init(&a);
		diags_init(&d, &a, "t.yaml");
		budget_init(&d.budget, 1000);
		{
			struct ynode map = { .kind = YN_MAP, .n = 1,
			    .u.kids = kv };

			placeholder_scan(&map, &d);
		}
		want = placeholder_ref(text, round % 2);
		if (want == NULL)
			assert_int_equal(d.n, 0);
		else {
			char msg[64];

			assert_int_equal(d.n, 1);
			snprintf(msg, sizeof(msg), "template text '%s' left in "
			    "the plan", want);
			assert_string_equal(d.v[0].msg, msg);
		}
		arena_release(&a);
	}
}

static void
test_phase_overlap(void **state)
{
	(void)state;
	load("    period: 2024-11..2025-01\n", "    period: 2024-10..2025-01\n",
	    END);
	expect_only(R_PHASE_OVERLAP, 35, 13, "phase 'p2' "
	    "(2024-10-01..2025-01-31) overlaps phase 'p1' "
	    "(2024-09-01..2024-10-31)");
	unload();
	load("    period: 2024-11..2025-01\n",
	    "    period: 2024-11-01..2025-01\n",
	    END);
	expect_clean();
	unload();
}

static void
test_empty_phase(void **state)
{
	(void)state;
	load("    activities:\n      - title: 年度总结会\n        kind: summary\n"
	    "        date: 2025-01-10\n        owner: feng\n", "", END);
	expect_only(R_EMPTY_PHASE, 33, 5, "phase 'p2' has no activities");
	unload();
	load("    activities:\n      - title: 年度总结会\n        kind: summary\n"
	    "        date: 2025-01-10\n        owner: feng\n",
	    "    activities: []\n", END);
	expect_only(R_EMPTY_PHASE, 33, 5, "phase 'p2' has no activities");
	unload();
	load("        kind: summary\n        date: 2025-01-10\n        owner: "
	    "feng\n",
	    "", END);
	expect_clean();
	unload();
}

static void
test_partner_unvisited(void **state)
{
	(void)state;
	load("        at: partner\n", "        at: host\n", END);
	expect_only(R_PARTNER_UNVISITED, 7, 5,
	    "no activity is held at partner 'shaliang'");
	unload();
	load("        at: partner\n", "        at: shaliang\n", END);
	expect_clean();
	unload();
	load("        at: partner\n", "        at: 沙梁幼儿园\n", END);
	expect_clean();
	unload();
	/* a pairing with visits reaches its partner (§10); one without not */
	load("        at: partner\n", "        at: host\n",
	    "    at-least: 30%\n", "    at-least: 30%\npairings:\n"
	    "  - {person: liu, partner: shaliang, visits: 1}\n", END);
	expect_clean();
	unload();
	load("        at: partner\n", "        at: host\n",
	    "    at-least: 30%\n", "    at-least: 30%\npairings:\n"
	    "  - {person: liu, partner: shaliang, days: 10}\n", END);
	expect_only(R_PARTNER_UNVISITED, 7, 5,
	    "no activity is held at partner 'shaliang'");
	unload();
}

static void
test_non_working_date(void **state)
{
	(void)state;
	load("        date: 2024-09-10\n", "        date: 2024-10-01\n", END);
	expect_only(R_NON_WORKING_DATE, 24, 15, "activity 'p1.1' is fixed on "
	    "2024-10-01, which is not a working day (国庆节)");
	unload();
	load("        date: 2024-09-10\n", "        date: 2024-09-21\n", END);
	expect_only(R_NON_WORKING_DATE, 24, 15, "activity 'p1.1' is fixed on "
	    "2024-09-21, which is not a working day");
	unload();
	load("        date: 2024-09-10\n", "        date: 2024-09-20\n",
	    "    at-least: 30%\n", "    at-least: 30%\ncalendar:\n"
	    "  closed: [2024-09-20]\n", END);
	expect_only(R_NON_WORKING_DATE, 24, 15, "2024-09-20, which is not a "
	    "working day");
	unload();
	/* A make-up working Sunday (调休) and a Saturday made open. */
	load("        date: 2024-09-10\n", "        date: 2024-09-29\n", END);
	expect_clean();
	unload();
	load("        date: 2024-09-10\n", "        date: 2024-09-21\n",
	    "    at-least: 30%\n", "    at-least: 30%\ncalendar:\n"
	    "  open: [2024-09-21]\n", END);
	expect_clean();
	unload();
	/* Without holidays: cn, National Day is a Tuesday like any other. */
	load("        date: 2024-09-10\n", "        date: 2024-10-01\n",
	    "    at-least: 30%\n", "    at-least: 30%\ncalendar:\n"
	    "  holidays: none\n", END);
	expect_clean();
	unload();
}

/*
 * A closed day that is also a make-up working day of the table: the
 * reason must not name the holiday of the make-up day as if it were off.
 */
static void
test_non_working_date_closed_makeup(void **state)
{
	const struct diag *g;

	(void)state;
	load("        date: 2024-09-10\n", "        date: 2024-09-29\n",
	    "    at-least: 30%\n", "    at-least: 30%\ncalendar:\n"
	    "  closed: [2024-09-29]\n", END);
	expect_count(1);
	g = &pd.diags.v[0];
	assert_int_equal(g->rule, R_NON_WORKING_DATE);
	if (strstr(g->msg, "(国庆节)") != NULL) {
		dump();
		fail_msg("a closed make-up day is blamed on the holiday");
	}
	unload();
}

static void
test_conflict_person(void **state)
{
	(void)state;
	load("        people: [穆红]\n", THIRD_ONLINE, END);
	expect_only(R_CONFLICT, 36, 15,
	    "2024-09-10: 'feng' at 'p1.3' is also at 'p1.1' that day");
	unload();
	load("        people: [穆红]\n", THIRD_ONLINE,
	    "        date: 2024-09-10\n        owner: feng\n      - title: 送",
	    "        date: 2024-09-10\n        owner: liu\n      - title: 送",
	    END);
	expect_clean();
	unload();
}

/*
 * A plandoc runs the rules with the tree's arena for their working memory
 * (diags.scratch: the candidates of a did-you-mean, the names compared for
 * duplicate-name, the claims compared for conflict, the walk for cycles),
 * and gives it back with the tree: the diagnostics keep their own text.
 * (Under the sanitizers a read of what was given back fails at once.)
 */
static void
test_scratch_given_back(void **state)
{
	static const char *const want[] = {
		"unknown person 'lui' (did you mean 'liu'?)",
		"has the name of person 'liu' ('刘丽')",
		"'feng' at 'p1.3' is also at 'p1.1' that day",
	};
	struct arena junk;
	size_t i, k;
	int j;

	(void)state;
	load("        people: [穆红]\n", THIRD_ONLINE,
	    "        owner: liu\n", "        owner: lui\n",
	    "  - {name: 穆红, org: shaliang}\n",
	    "  - {name: 穆红, org: shaliang}\n  - {id: liu2, name: 刘丽}\n",
	    END);
	assert_null(pd.diags.scratch);
	plandoc_trim(&pd);
	arena_init(&junk);
	for (j = 0; j < 256; j++)
		memset(arena_alloc(&junk, 4000), 'Z', 4000);
	for (k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		for (i = 0; i < pd.diags.n; i++)
			if (strstr(pd.diags.v[i].msg, want[k]) != NULL)
				break;
		if (i == pd.diags.n) {
			dump();
			fail_msg("no diagnostic says \"%s\"", want[k]);
		}
	}
	arena_release(&junk);
	unload();
}

/*
 * Two fixed events at one site on one day, no person in common: at a
 * partner with visits-per-day 1 a conflict, at the host not (§10: the
 * host is limited by its people only), nor with site: shared.
 */
static void
test_conflict_site(void **state)
{
	(void)state;
	load("        people: [穆红]\n", THIRD_ONLINE,
	    "        kind: agreement\n", "        kind: agreement\n"
	    "        at: shaliang\n",
	    "        at: online\n", "        at: shaliang\n",
	    "        date: 2024-09-10\n        owner: feng\n      - title: 送",
	    "        date: 2024-09-10\n        owner: liu\n      - title: 送",
	    END);
	expect_only(R_CONFLICT, 37, 15,
	    "2024-09-10: site 'shaliang' already hosts 1 event that day "
	    "(visits-per-day: 1)");
	unload();
	load("        people: [穆红]\n", THIRD_ONLINE,
	    "        kind: agreement\n", "        kind: agreement\n"
	    "        at: shaliang\n",
	    "        at: online\n", "        at: shaliang\n",
	    "        date: 2024-09-10\n        owner: feng\n      - title: 送",
	    "        date: 2024-09-10\n        owner: liu\n      - title: 送",
	    "    at-least: 30%\n", "    at-least: 30%\ncalendar:\n"
	    "  visits-per-day: 2\n", END);
	expect_clean();
	unload();
	/* at the host */
	load("        people: [穆红]\n", THIRD_ONLINE,
	    "        at: online\n", "        at: host\n",
	    "        date: 2024-09-10\n        owner: feng\n      - title: 送",
	    "        date: 2024-09-10\n        owner: liu\n      - title: 送",
	    END);
	expect_clean();
	unload();
	/* site: shared takes no room */
	load("        people: [穆红]\n", THIRD_ONLINE,
	    "        kind: agreement\n", "        kind: agreement\n"
	    "        at: shaliang\n",
	    "        at: online\n", "        at: shaliang\n        site: shared\n",
	    "        date: 2024-09-10\n        owner: feng\n      - title: 送",
	    "        date: 2024-09-10\n        owner: liu\n      - title: 送",
	    END);
	expect_clean();
	unload();
}

/*
 * A fixed activity at: partner with two partners is two events (one per
 * partner, §5) the owner cannot both attend: a real conflict, but the
 * message must name the two events, not the activity as its own rival.
 */
static void
test_conflict_partner_series(void **state)
{
	const struct diag *g;

	(void)state;
	load("    classes: 6\n",
	    "    classes: 6\n  - {id: jiulong, name: 九龙幼儿园}\n",
	    "        kind: agreement\n", "        kind: agreement\n"
	    "        at: partner\n", END);
	expect_count(1);
	g = &pd.diags.v[0];
	assert_int_equal(g->rule, R_CONFLICT);
	assert_int_equal(g->line, 26);
	assert_int_equal(g->col, 15);
	if (strstr(g->msg, "'feng' is also at activity 'p1.1' ") != NULL) {
		dump();
		fail_msg("activity p1.1 is reported as conflicting with "
		    "itself");
	}
	unload();
	/* One partner: one event, no conflict. */
	load("        kind: agreement\n", "        kind: agreement\n"
	    "        at: partner\n", END);
	expect_clean();
	unload();
}

/*
 * Three events at shaliang on one day with visits-per-day 1: the third
 * finds two already there, and the message must say so. At the host
 * the three are no conflict (§10).
 */
static void
test_conflict_site_count(void **state)
{
	(void)state;
	load("        people: [穆红]\n",
	    "        people: [穆红]\n"
	    "      - title: 园务管理讲座\n"
	    "        kind: lecture\n"
	    "        at: shaliang\n"
	    "        date: 2024-09-10\n"
	    "        owner: liu\n"
	    "      - title: 家长开放日\n"
	    "        kind: exchange\n"
	    "        at: 沙梁幼儿园\n"
	    "        date: 2024-09-10\n",
	    "        kind: agreement\n", "        kind: agreement\n"
	    "        at: shaliang\n", END);
	expect_count(2);
	expect_at(0, R_CONFLICT, 37, 15,
	    "2024-09-10: site 'shaliang' already hosts 1 event that day");
	expect_at(1, R_CONFLICT, 42, 15,
	    "2024-09-10: site 'shaliang' already hosts 2 events that day");
	unload();
	load("        people: [穆红]\n",
	    "        people: [穆红]\n"
	    "      - title: 园务管理讲座\n"
	    "        kind: lecture\n"
	    "        date: 2024-09-10\n"
	    "        owner: liu\n"
	    "      - title: 家长开放日\n"
	    "        kind: exchange\n"
	    "        date: 2024-09-10\n", END);
	expect_clean();
	unload();
}

/*
 * A fixed successor is placed as written; validate warns when it breaks
 * the order (§10): before its fixed predecessor has ended and gap more,
 * or before a flexible predecessor's window opens.
 */
static void
test_conflict_order(void **state)
{
	(void)state;
	/* p1.1 on 2024-09-10 after p2.1 on 2025-01-10 */
	load("        date: 2024-09-10\n",
	    "        date: 2024-09-10\n        after: p2.1\n", END);
	expect_only(R_CONFLICT, 24, 15, "activity 'p1.1' (签订帮扶协议) on "
	    "2024-09-10 comes after 'p2.1', which ends 2025-01-10");
	unload();
	/* gap: Friday 2025-01-10, then 13 and 14 between: 15 at the earliest */
	load("      - title: 年度总结会\n        kind: summary\n"
	    "        date: 2025-01-10\n", "      - title: 年度总结会\n"
	    "        after: p2.2\n        gap: 2\n"
	    "        kind: summary\n        date: 2025-01-14\n"
	    "      - title: 审核\n        kind: review\n"
	    "        date: 2025-01-10\n", END);
	expect_only(R_CONFLICT, 41, 15, "activity 'p2.1' (年度总结会) on "
	    "2025-01-14 comes after 'p2.2', which ends 2025-01-10, and 2 "
	    "working days between");
	unload();
	load("      - title: 年度总结会\n        kind: summary\n"
	    "        date: 2025-01-10\n", "      - title: 年度总结会\n"
	    "        after: p2.2\n        gap: 2\n"
	    "        kind: summary\n        date: 2025-01-15\n"
	    "      - title: 审核\n        kind: review\n"
	    "        date: 2025-01-10\n", END);
	expect_clean();
	unload();
	/* a flexible predecessor whose window opens after the date */
	load("        date: 2024-09-10\n",
	    "        date: 2024-09-10\n        after: p1.2\n", END);
	expect_only(R_CONFLICT, 24, 15, "activity 'p1.1' (签订帮扶协议) on "
	    "2024-09-10 comes after 'p1.2', which starts 2024-10-01 at the "
	    "earliest");
	unload();
	/* in order: nothing */
	load("        date: 2025-01-10\n",
	    "        date: 2025-01-10\n        after: [p1.1, p1.2]\n", END);
	expect_clean();
	unload();
	/* between two at: partner activities, partner by partner */
	load("    classes: 6\n", "    classes: 6\n"
	    "  - {id: jiulong, name: 九龙幼儿园}\n",
	    "        kind: agreement\n", "        kind: agreement\n"
	    "        at: partner\n        partners: [shaliang]\n",
	    "        date: 2024-09-10\n",
	    "        date: 2024-09-10\n        after: p2.1\n",
	    "        kind: summary\n", "        kind: summary\n"
	    "        at: partner\n        partners: [jiulong]\n", END);
	expect_clean();
	unload();
	load("    classes: 6\n", "    classes: 6\n"
	    "  - {id: jiulong, name: 九龙幼儿园}\n",
	    "        kind: agreement\n", "        kind: agreement\n"
	    "        at: partner\n        partners: [shaliang]\n",
	    "        date: 2024-09-10\n",
	    "        date: 2024-09-10\n        after: p2.1\n",
	    "        kind: summary\n", "        kind: summary\n"
	    "        at: shaliang\n", END);
	expect_only(R_CONFLICT, 27, 15, "comes after 'p2.1'");
	unload();
}

static void
test_calendar_coverage(void **state)
{
	(void)state;
	/* 2027 is computed: statutory days only */
	load("  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2027-01\n", END);
	expect_only(R_CALENDAR_COVERAGE, 5, 11,
	    "the holidays of 2027 are China's statutory days only, computed "
	    "by the rules in force since 2025, without the bridging days and "
	    "make-up working days the State Council announces each year; add "
	    "them with a holiday file, e.g. 'holidays: [cn, "
	    "holidays-2027.yaml]'");
	unload();
	load("  period: 2024-09..2025-01\n", "  period: 2024-09..2027-01\n",
	    "    at-least: 30%\n", "    at-least: 30%\ncalendar:\n"
	    "  holidays: cn\n", END);
	expect_only(R_CALENDAR_COVERAGE, 45, 13, "the holidays of 2027 are");
	unload();
	load("  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2026-12\n", END);
	expect_clean();
	unload();
	load("  period: 2024-09..2025-01\n", "  period: 2024-09..2027-01\n",
	    "    at-least: 30%\n", "    at-least: 30%\ncalendar:\n"
	    "  holidays: none\n", END);
	expect_clean();
	unload();
	/* years in a row are one range */
	load("  period: 2024-09..2025-01\n",
	    "  period: 2026-09..2029-01\n", "2024-09..2024-10", "2026-09..2026-10",
	    "2024-11..2025-01", "2026-11..2027-01", "2024-10\n", "2026-10\n",
	    "2024-09-10", "2026-09-10", "2025-01-10", "2027-01-11", END);
	expect_only(R_CALENDAR_COVERAGE, 5, 11, "the holidays of 2027-2029 "
	    "are");
	unload();
	/* before the official table nothing is known */
	load("  period: 2024-09..2025-01\n",
	    "  period: 2003-09..2004-06\n", "2024-09..2024-10", "2003-09..2003-10",
	    "2024-11..2025-01", "2003-11..2004-01", "2024-10\n", "2003-10\n",
	    "2024-09-10", "2003-09-10", "2025-01-10", "2004-01-09", END);
	expect_only(R_CALENDAR_COVERAGE, 5, 11, "no holidays are known for "
	    "2003 (the built-in calendar covers 2004-2099), so every weekday "
	    "there counts as a working day; give them in a holiday file, e.g. "
	    "'holidays: [cn, holidays-2003.yaml]'");
	unload();
}

static void
test_no_leader(void **state)
{
	(void)state;
	load("  leader: feng\n", "", END);
	expect_only(R_NO_LEADER, 15, 3,
	    "the leadership group has no leader (组长)");
	unload();
	load("leadership:\n  leader: feng\n  deputies: [liu]\n", "", END);
	expect_only(R_NO_LEADER, 1, 1, "has no leader");
	unload();
	load("  leader: feng\n", "  leader: [feng]\n", END);
	expect_clean();
	unload();
}

/* ---- the rules of §10 ---------------------------------------------- */

static void
test_dependency_cycle(void **state)
{
	(void)state;
	/* p1.2 after p2.1 after p1.2: reported where the cycle closes */
	load("        owner: liu\n", "        owner: liu\n        after: p2.1\n",
	    "        date: 2025-01-10\n",
	    "        date: 2025-01-10\n        after: p1.2\n", END);
	expect_only(R_DEPENDENCY_CYCLE, 41, 16, "activity 'p2.1' comes after "
	    "itself: 'p2.1' after 'p1.2' after 'p2.1'");
	unload();
	/* after itself, by its title */
	load("        owner: liu\n", "        owner: liu\n        after: 送教下乡\n",
	    END);
	expect_only(R_DEPENDENCY_CYCLE, 32, 16, "activity 'p1.2' comes after "
	    "itself: 'p1.2' after 'p1.2'");
	unload();
	/* three in a ring, one report with the whole path */
	load("        date: 2024-09-10\n",
	    "        date: 2024-09-10\n        after: p2.1\n",
	    "        owner: liu\n", "        owner: liu\n        after: p1.1\n",
	    "        date: 2025-01-10\n",
	    "        date: 2025-01-10\n        after: [p1.2]\n", END);
	expect_count(2);
	expect_at(0, R_CONFLICT, 24, 15, "activity 'p1.1' (签订帮扶协议) on "
	    "2024-09-10 comes after 'p2.1', which ends 2025-01-10");
	expect_at(1, R_DEPENDENCY_CYCLE, 33, 16, "activity 'p1.2' comes after "
	    "itself: 'p1.2' after 'p1.1' after 'p2.1' after 'p1.2'");
	unload();
	/* a chain and a diamond are not cycles */
	load("        owner: liu\n", "        owner: liu\n        after: p1.1\n",
	    "        date: 2025-01-10\n",
	    "        date: 2025-01-10\n        after: [签订帮扶协议, p1.2]\n"
	    "        gap: 3\n", END);
	expect_clean();
	unload();
	/* an unknown predecessor is an unknown-ref, not a cycle */
	load("        owner: liu\n", "        owner: liu\n        after: p9.9\n",
	    END);
	expect_only(R_UNKNOWN_REF, 32, 16, "'p9.9'");
	unload();
}

/* The standards' yearly cost: 1000 × 10 + 500 × 4 × 2 (a semester). */
#define AID_STANDARDS							\
	"    at-least: 30%\n"						\
	"aid:\n"							\
	"  standards:\n"						\
	"    - {category: 建档立卡, amount: 1000, children: 10}\n"	\
	"    - {category: 低保, amount: 500, per: semester, children: 4}\n" \
	"    - {category: 孤儿, amount: 99999}\n"

static void
test_budget(void **state)
{
	(void)state;
	load("    at-least: 30%\n", AID_STANDARDS "  budget: 13999\n", END);
	expect_only(R_BUDGET, 49, 11, "the aid standards cost 14000 yuan a "
	    "year, more than the budget of 13999");
	unload();
	/* the cost to the yuan; a category without children not counted */
	load("    at-least: 30%\n", AID_STANDARDS "  budget: 14000\n", END);
	expect_clean();
	unload();
	/* per month: twelve a year */
	load("    at-least: 30%\n", "    at-least: 30%\naid:\n  standards:\n"
	    "    - {category: 午餐, amount: 100, per: month, children: 1}\n"
	    "  budget: 1199\n", END);
	expect_only(R_BUDGET, 47, 11, "cost 1200 yuan a year");
	unload();
	/* no budget: nothing to check */
	load("    at-least: 30%\n", AID_STANDARDS, END);
	expect_clean();
	unload();
}

static void
test_publicity_short(void **state)
{
	(void)state;
	/* an aid plan: 5 working days at least (公示不少于5个工作日) */
	load("  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2025-01\n  kind: aid\n",
	    "        kind: summary\n", "        kind: publicity\n        days: 4\n",
	    END);
	expect_only(R_PUBLICITY_SHORT, 38, 9, "activity 'p2.1' (年度总结会) "
	    "lasts 4 working days, less than the 5 a publicity needs");
	unload();
	load("  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2025-01\n  kind: aid\n",
	    "        kind: summary\n", "        kind: 公示\n        days: 5\n",
	    END);
	expect_clean();
	unload();
	/* not an aid plan and no aid: no minimum */
	load("        kind: summary\n", "        kind: publicity\n", END);
	expect_clean();
	unload();
	/* aid's own publicity-days */
	load("        kind: summary\n", "        kind: publicity\n        days: 6\n",
	    "    at-least: 30%\n", "    at-least: 30%\naid: {publicity-days: 7}\n",
	    END);
	expect_only(R_PUBLICITY_SHORT, 37, 9, "lasts 6 working days, less "
	    "than the 7 a publicity needs");
	unload();
	/* the activity's own: 0 for none, or more than the plan's */
	load("  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2025-01\n  kind: aid\n",
	    "        kind: summary\n",
	    "        kind: publicity\n        publicity-days: 0\n", END);
	expect_clean();
	unload();
	load("        kind: summary\n", "        kind: publicity\n        days: 2\n"
	    "        publicity-days: 3\n", END);
	expect_only(R_PUBLICITY_SHORT, 37, 9, "lasts 2 working days, less "
	    "than the 3 a publicity needs");
	unload();
	/* only publicities */
	load("  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2025-01\n  kind: aid\n", END);
	expect_clean();
	unload();
}

static void
test_duplicate_name(void **state)
{
	const struct diag *g;

	(void)state;
	/* an ideographic space does not make another kindergarten */
	load("    classes: 6\n",
	    "    classes: 6\n  - {id: sl2, name: 沙梁　幼儿园}\n", END);
	expect_only(R_DUPLICATE_NAME, 10, 21, "partner 'sl2' has the name of "
	    "partner 'shaliang' ('沙梁幼儿园'): one partner listed twice is "
	    "visited twice");
	g = &pd.diags.v[0];
	assert_non_null(g->note);
	assert_int_equal(g->note_line, 8);
	assert_int_equal(g->note_col, 11);
	unload();
	/* nor do full-width letters */
	load("    name: 沙梁幼儿园\n", "    name: AB幼儿园\n",
	    "    classes: 6\n", "    classes: 6\n  - {id: ab2, name: ＡＢ幼儿园}\n",
	    END);
	expect_only(R_DUPLICATE_NAME, 10, 21, "partner 'ab2' has the name of "
	    "partner 'shaliang' ('AB幼儿园')");
	unload();
	/* people, spaces ignored */
	load("  - {name: 穆红, org: shaliang}\n",
	    "  - {name: 穆红, org: shaliang}\n  - {id: liu2, name: 刘 丽}\n",
	    END);
	expect_only(R_DUPLICATE_NAME, 14, 5, "person 'liu2' has the name of "
	    "person 'liu' ('刘丽')");
	unload();
	/* another name */
	load("    classes: 6\n",
	    "    classes: 6\n  - {id: sl2, name: 沙梁二幼}\n", END);
	expect_clean();
	unload();
}

/* p2's block, to list it before p1. */
#define P2_BLOCK							\
	"  - id: p2\n"							\
	"    name: 总结提升\n"						\
	"    period: 2024-11..2025-01\n"				\
	"    activities:\n"						\
	"      - title: 年度总结会\n"					\
	"        kind: summary\n"					\
	"        date: 2025-01-10\n"					\
	"        owner: feng\n"

static void
test_phase_order(void **state)
{
	(void)state;
	load(P2_BLOCK, "", "phases:\n", "phases:\n" P2_BLOCK, END);
	expect_only(R_PHASE_ORDER, 28, 13, "phase 'p1' (2024-09-01..2024-10-31) "
	    "is listed after phase 'p2' (2024-11-01..2025-01-31), which "
	    "starts later: the export numbers phases as listed");
	unload();
	/* in date order (the base): nothing */
	load(END);
	expect_clean();
	unload();
}

static void
test_pairing_limit(void **state)
{
#define PAIRINGS							\
	"    at-least: 30%\n"						\
	"pairings:\n"							\
	"  - {person: feng, partner: shaliang}\n"			\
	"  - {person: liu, partner: shaliang}\n"			\
	"  - {person: feng, partner: shaliang, role: 包户}\n"		\
	"  - {person: 冯亚琴, partner: 沙梁幼儿园, visits: 1}\n"
	(void)state;
	/* feng has three: reported once, at the second */
	load("  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2025-01\n  pairings-per-person: 1\n",
	    "    at-least: 30%\n", PAIRINGS, END);
	expect_only(R_PAIRING_LIMIT, 48, 5, "'feng' has more than 1 pairings "
	    "(pairings-per-person)");
	unload();
	load("  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2025-01\n  pairings-per-person: 3\n",
	    "    at-least: 30%\n", PAIRINGS, END);
	expect_clean();
	unload();
	/* no limit written: none */
	load("    at-least: 30%\n", PAIRINGS, END);
	expect_clean();
	unload();
#undef PAIRINGS
}

static void
test_target_sum(void **state)
{
	(void)state;
	load("    at-least: 30%\n", "    at-least: 30%\n"
	    "  - {name: 在园幼儿, unit: 人, by-year: {2024: 1, 2025: 2}, total: 4}\n",
	    END);
	expect_only(R_TARGET_SUM, 44, 63, "the yearly figures of target "
	    "'在园幼儿' add up to 3, not to its total 4");
	unload();
	load("    at-least: 30%\n", "    at-least: 30%\n"
	    "  - {name: 在园幼儿, unit: 人, by-year: {2024: 1, 2025: 2}, total: 3}\n",
	    END);
	expect_clean();
	unload();
	/* cumulative: the last figure is the total */
	load("    at-least: 30%\n", "    at-least: 30%\n"
	    "  - {name: 在园幼儿, cumulative: true, by-year: {2024: 1, 2025: 2},"
	    " total: 3}\n", END);
	expect_only(R_TARGET_SUM, 44, 72, "the last yearly figure of target "
	    "'在园幼儿' is 2, not its total 3");
	unload();
	load("    at-least: 30%\n", "    at-least: 30%\n"
	    "  - {name: 在园幼儿, cumulative: true, by-year: {2024: 1, 2025: 3},"
	    " total: 3}\n", END);
	expect_clean();
	unload();
	/* approx (左右): within 5% */
	load("    at-least: 30%\n", "    at-least: 30%\n"
	    "  - {name: 在园幼儿, approx: true, by-year: {2024: 1, 2025: 2},"
	    " total: 3.1}\n", END);
	expect_clean();
	unload();
	load("    at-least: 30%\n", "    at-least: 30%\n"
	    "  - {name: 在园幼儿, approx: true, by-year: {2024: 1, 2025: 2},"
	    " total: 3.2}\n", END);
	expect_only(R_TARGET_SUM, 44, 68, "add up to 3, not to its total 3.2");
	unload();
}

/* no-leader only where a leader is expected (§10). */
static void
test_no_leader_kinds(void **state)
{
	(void)state;
	load("leadership:\n  leader: feng\n  deputies: [liu]\n", "",
	    "  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2025-01\n  kind: aid\n", END);
	expect_clean();
	unload();
	load("leadership:\n  leader: feng\n  deputies: [liu]\n", "",
	    "  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2025-01\n  kind: responsibility\n", END);
	expect_only(R_NO_LEADER, 1, 1, "has no leader");
	unload();
	/* a leadership section without a leader, whatever the kind */
	load("  leader: feng\n", "",
	    "  period: 2024-09..2025-01\n",
	    "  period: 2024-09..2025-01\n  kind: programme\n", END);
	expect_only(R_NO_LEADER, 16, 3, "has no leader");
	unload();
}

/* Lower-case templates in any text (§10), sections too. */
static void
test_placeholder_any_text(void **state)
{
	(void)state;
	load("  host: {id: shiyan", "  guiding: 发挥xxx作用\n  host: {id: shiyan",
	    END);
	expect_only(R_PLACEHOLDER, 4, 12, "template text 'xxx'");
	unload();
	load("    at-least: 30%\n", "    at-least: 30%\nsections:\n"
	    "  - {title: 原则, items: [由__负责]}\n", END);
	expect_only(R_PLACEHOLDER, 45, 25, "template text '__'");
	unload();
}

/*
 * One phase in the wrong year is one error (§10): its activities,
 * outside the phase as written, are not reported again.
 */
static void
test_outside_plan_no_cascade(void **state)
{
	(void)state;
	load("    period: 2024-09..2024-10\n", "    period: 2023-09..2023-10\n",
	    END);
	expect_only(R_OUTSIDE_PLAN, 20, 13, "phase 'p1' (2023-09-01..2023-10-31) "
	    "is outside the plan period 2024-09-01..2025-01-31");
	unload();
	/* nor is it out of date order with the phases before it */
	load("    period: 2024-11..2025-01\n", "    period: 2023-11..2024-01\n",
	    END);
	expect_only(R_OUTSIDE_PLAN, 35, 13, "phase 'p2' (2023-11-01..2024-01-31) "
	    "is outside the plan period");
	unload();
	/* a phase partly outside: its activities inside it are fine */
	load("    period: 2024-11..2025-01\n", "    period: 2024-11..2025-02\n",
	    END);
	expect_only(R_OUTSIDE_PLAN, 35, 13, "phase 'p2'");
	unload();
}

/* ---- the catalogue --------------------------------------------------- */

/* §7 of the contract: which rules are errors and which warnings. */
static const struct {
	const char	*id;
	enum severity	 sev;
} spec7[] = {
	{ "yaml-syntax", SEV_ERROR }, { "encoding", SEV_ERROR },
	{ "duplicate-key", SEV_ERROR }, { "unknown-key", SEV_ERROR },
	{ "type", SEV_ERROR }, { "required", SEV_ERROR },
	{ "version", SEV_ERROR }, { "bad-date", SEV_ERROR },
	{ "range-order", SEV_ERROR }, { "duplicate-id", SEV_ERROR },
	{ "unknown-ref", SEV_ERROR }, { "outside-plan", SEV_ERROR },
	{ "outside-phase", SEV_ERROR }, { "exclusive-keys", SEV_ERROR },
	{ "bad-number", SEV_ERROR }, { "limit", SEV_ERROR },
	{ "unknown-kind", SEV_WARNING }, { "placeholder", SEV_WARNING },
	{ "phase-overlap", SEV_WARNING }, { "empty-phase", SEV_WARNING },
	{ "partner-unvisited", SEV_WARNING },
	{ "non-working-date", SEV_WARNING }, { "conflict", SEV_WARNING },
	{ "calendar-coverage", SEV_WARNING }, { "no-leader", SEV_WARNING },
	/* added by §10 */
	{ "dependency-cycle", SEV_ERROR }, { "budget", SEV_ERROR },
	{ "publicity-short", SEV_ERROR }, { "duplicate-name", SEV_WARNING },
	{ "phase-order", SEV_WARNING }, { "pairing-limit", SEV_WARNING },
	{ "target-sum", SEV_WARNING },
	/* added by §13 */
	{ "holiday-file", SEV_ERROR },
	/* §11: the records file */
	{ "records-duplicate", SEV_WARNING },
	{ "records-unconfirmed", SEV_WARNING }, { "records-torn", SEV_ERROR },
};

static void
test_catalogue_severities(void **state)
{
	const struct rule *r;
	size_t i, j;

	(void)state;
	assert_int_equal(sizeof(spec7) / sizeof(spec7[0]), R__COUNT);
	for (i = 0; i < sizeof(spec7) / sizeof(spec7[0]); i++) {
		r = rule_by_name(spec7[i].id);
		if (r == NULL)
			fail_msg("rule '%s' of §7 is not in the catalogue",
			    spec7[i].id);
		if (r->severity != spec7[i].sev)
			fail_msg("rule '%s' is a %s, §7 says %s", spec7[i].id,
			    severity_name(r->severity),
			    severity_name(spec7[i].sev));
		assert_non_null(r->doc);
		assert_true(strlen(r->doc) > 10);
	}
	/* Ids are unique and the rows follow enum rule_id. */
	for (i = 0; i < R__COUNT; i++) {
		assert_ptr_equal(rule_by_name(rule_catalogue[i].id),
		    &rule_catalogue[i]);
		for (j = 0; j < i; j++)
			assert_string_not_equal(rule_catalogue[i].id,
			    rule_catalogue[j].id);
	}
	assert_string_equal(rule_catalogue[R_UNKNOWN_REF].id, "unknown-ref");
	assert_string_equal(rule_catalogue[R_NO_LEADER].id, "no-leader");
	assert_string_equal(rule_catalogue[R_LIMIT].id, "limit");
	assert_null(rule_by_name("no-such-rule"));
	assert_string_equal(severity_name(SEV_ERROR), "error");
	assert_string_equal(severity_name(SEV_WARNING), "warning");
}

/*
 * Rules reported while reading have no check; the others have one (limit
 * has both: the loader's limits, and the occurrences a plan expands to).
 */
static void
test_catalogue_checks(void **state)
{
	static const enum rule_id loaded[] = {
		R_YAML_SYNTAX, R_ENCODING, R_DUPLICATE_KEY, R_UNKNOWN_KEY,
		R_TYPE, R_REQUIRED, R_VERSION, R_BAD_DATE, R_PLACEHOLDER,
		R_HOLIDAY_FILE,
		/* reported by the records' checks */
		R_RECORDS_DUPLICATE, R_RECORDS_UNCONFIRMED, R_RECORDS_TORN,
	};
	size_t i, j;
	bool is_loaded;

	(void)state;
	for (i = 0; i < R__COUNT; i++) {
		is_loaded = false;
		for (j = 0; j < sizeof(loaded) / sizeof(loaded[0]); j++)
			if (loaded[j] == i)
				is_loaded = true;
		if (is_loaded)
			assert_null(rules_checks[i]);
		else
			assert_non_null(rules_checks[i]);
	}
}

/* ---- order and strictness ------------------------------------------ */

/* A plan whose findings come in an order unlike the catalogue's. */
static void
load_many(void)
{
	load("  title: 实验", "  title: 20xx年实验",
	    "  leader: feng\n", "",
	    "        kind: teaching-visit\n", "        kind: teaching-vist\n",
	    "        owner: liu\n", "        owner: lui\n",
	    "    period: 2024-11..2025-01\n", "    period: 2024-10..2025-01\n",
	    "    at-least: 30%\n", "    at-least: 30%\n    equals: 80%\n",
	    END);
}

static void
test_sorted_by_position(void **state)
{
	const struct diag *a, *b;
	size_t i;
	bool out_of_catalogue_order = false;

	(void)state;
	load_many();
	expect_count(6);
	expect_at(0, R_PLACEHOLDER, 3, 10, "20xx");
	expect_at(1, R_NO_LEADER, 15, 3, "no leader");
	expect_at(2, R_UNKNOWN_KIND, 26, 15, "teaching-vist");
	expect_at(3, R_UNKNOWN_REF, 30, 16, "'lui'");
	expect_at(4, R_PHASE_OVERLAP, 34, 13, "overlaps");
	expect_at(5, R_EXCLUSIVE_KEYS, 43, 13, "one of 'at-least'");
	for (i = 1; i < pd.diags.n; i++) {
		a = &pd.diags.v[i - 1];
		b = &pd.diags.v[i];
		assert_true(a->line < b->line ||
		    (a->line == b->line && a->col <= b->col));
		if (a->rule > b->rule)
			out_of_catalogue_order = true;
	}
	assert_true(out_of_catalogue_order);
	unload();
}

/*
 * Running the checks in reverse catalogue order, or through rules_check
 * once more, gives the same sorted output (the plan has no finding of
 * the builder, so every diagnostic comes from a check, or from the
 * placeholder scan, which the pipeline runs on the tree).
 */
static void
test_check_order_irrelevant(void **state)
{
	struct diags rev, fwd;
	size_t i;
	int r;

	(void)state;
	load_many();
	diags_init(&rev, &pd.arena, "t.yaml");
	diags_init(&fwd, &pd.arena, "t.yaml");
	for (r = R__COUNT - 1; r >= 0; r--)
		if (rules_checks[r] != NULL)
			rules_checks[r](pd.plan, &rev);
	rules_check(pd.plan, &fwd);
	placeholder_scan(pd.root, &rev);
	placeholder_scan(pd.root, &fwd);
	/* Unsorted, the two runs differ. */
	assert_int_not_equal(rev.v[0].rule, fwd.v[0].rule);
	diags_sort(&rev);
	diags_sort(&fwd);
	assert_int_equal(rev.n, pd.diags.n);
	assert_int_equal(fwd.n, pd.diags.n);
	for (i = 0; i < rev.n; i++) {
		assert_int_equal(rev.v[i].rule, pd.diags.v[i].rule);
		assert_int_equal(rev.v[i].line, pd.diags.v[i].line);
		assert_int_equal(rev.v[i].col, pd.diags.v[i].col);
		assert_string_equal(rev.v[i].msg, pd.diags.v[i].msg);
		assert_int_equal(fwd.v[i].rule, pd.diags.v[i].rule);
		assert_string_equal(fwd.v[i].msg, pd.diags.v[i].msg);
	}
	assert_int_equal(rev.count[SEV_ERROR], pd.diags.count[SEV_ERROR]);
	assert_int_equal(rev.count[SEV_WARNING], pd.diags.count[SEV_WARNING]);
	unload();
}

static void
test_diags_sort(void **state)
{
	struct arena a;
	struct diags d;

	(void)state;
	arena_init(&a);
	diags_init(&d, &a, "x.yaml");
	diag_add(&d, R_NO_LEADER, 9, 1, "c");
	diag_add(&d, R_TYPE, 2, 7, "b");
	diag_add(&d, R_PLACEHOLDER, 2, 3, "a");
	diag_add(&d, R_CONFLICT, 9, 1, "d");	/* same place: emission order */
	diag_add(&d, R_TYPE, 2, 7, "b");	/* a repeat: not counted */
	assert_int_equal(d.count[SEV_ERROR], 1);
	diags_sort(&d);
	assert_int_equal(d.n, 4);
	assert_string_equal(d.v[0].msg, "a");
	assert_string_equal(d.v[1].msg, "b");
	assert_string_equal(d.v[2].msg, "c");
	assert_string_equal(d.v[3].msg, "d");
	assert_int_equal(d.count[SEV_ERROR], 1);
	assert_int_equal(d.count[SEV_WARNING], 3);
	arena_release(&a);
}

static void
test_strict(void **state)
{
	size_t i;

	(void)state;
	/* Only warnings: valid, but not under --strict. */
	load("        kind: teaching-visit\n", "        kind: teaching-vist\n",
	    "  leader: feng\n", "", END);
	expect_count(2);
	assert_int_equal(pd.diags.count[SEV_WARNING], 2);
	assert_int_equal(pd.diags.count[SEV_ERROR], 0);
	assert_false(diags_has_errors(&pd.diags, false));
	assert_true(diags_has_errors(&pd.diags, true));
	for (i = 0; i < pd.diags.n; i++) {
		assert_int_equal(diag_severity(&pd.diags.v[i], false),
		    SEV_WARNING);
		assert_int_equal(diag_severity(&pd.diags.v[i], true),
		    SEV_ERROR);
	}
	unload();
	/* An error is an error either way. */
	load("        owner: liu\n", "        owner: lui\n", END);
	expect_count(1);
	assert_true(diags_has_errors(&pd.diags, false));
	assert_true(diags_has_errors(&pd.diags, true));
	assert_int_equal(diag_severity(&pd.diags.v[0], false), SEV_ERROR);
	assert_int_equal(diag_severity(&pd.diags.v[0], true), SEV_ERROR);
	unload();
	/* Nothing at all: fine even under --strict. */
	load(END);
	assert_false(diags_has_errors(&pd.diags, false));
	assert_false(diags_has_errors(&pd.diags, true));
	unload();
}

/* After each test, even a failed one: nothing leaks. */
static int
cleanup(void **state)
{
	(void)state;
	plandoc_release(&pd);
	free(text);
	text = NULL;
	return 0;
}

#define TEST(f)	cmocka_unit_test_teardown(f, cleanup)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_base_is_clean),
		TEST(test_yaml_syntax),
		TEST(test_encoding),
		TEST(test_duplicate_key),
		TEST(test_limit_period),
		TEST(test_limit_occurrences),
		TEST(test_unknown_key),
		TEST(test_type),
		TEST(test_required),
		TEST(test_version),
		TEST(test_bad_date),
		TEST(test_range_order),
		TEST(test_duplicate_id),
		TEST(test_duplicate_id_default),
		TEST(test_unknown_ref),
		TEST(test_unknown_ref_chinese),
		TEST(test_unknown_ref_partner),
		TEST(test_unknown_ref_ambiguous),
		TEST(test_outside_plan),
		TEST(test_outside_phase),
		TEST(test_exclusive_keys),
		TEST(test_bad_number_negative),
		TEST(test_bad_number_percent),
		TEST(test_bad_number_times),
		TEST(test_bad_number_every),
		TEST(test_bad_number_no_eligible_day),
		TEST(test_bad_number_days),
		TEST(test_unknown_kind),
		TEST(test_placeholder),
		TEST(test_placeholder_random),
		TEST(test_phase_overlap),
		TEST(test_empty_phase),
		TEST(test_partner_unvisited),
		TEST(test_non_working_date),
		TEST(test_non_working_date_closed_makeup),
		TEST(test_conflict_person),
		TEST(test_scratch_given_back),
		TEST(test_conflict_site),
		TEST(test_conflict_site_count),
		TEST(test_conflict_partner_series),
		TEST(test_conflict_order),
		TEST(test_calendar_coverage),
		TEST(test_no_leader),
		TEST(test_dependency_cycle),
		TEST(test_budget),
		TEST(test_publicity_short),
		TEST(test_duplicate_name),
		TEST(test_phase_order),
		TEST(test_pairing_limit),
		TEST(test_target_sum),
		TEST(test_no_leader_kinds),
		TEST(test_placeholder_any_text),
		TEST(test_outside_plan_no_cascade),
		TEST(test_catalogue_severities),
		TEST(test_catalogue_checks),
		TEST(test_sorted_by_position),
		TEST(test_check_order_irrelevant),
		TEST(test_diags_sort),
		TEST(test_strict),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
