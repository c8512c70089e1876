/* test_budget.c - the one accounting of work: its arithmetic, what each stage charges, and the limit errors that name what passed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "catalog.h"
#include "diag.h"
#include "plandoc.h"

static void
test_arithmetic(void **state)
{
	(void)state;
	assert_true(budget_add(UINT64_MAX - 1, 5) == UINT64_MAX);
	assert_true(budget_add(2, 3) == 5);
	assert_true(budget_mul(UINT64_MAX / 2, 3) == UINT64_MAX);
	assert_true(budget_mul(0, UINT64_MAX) == 0);
	assert_true(budget_mul(7, 6) == 42);
	assert_true(budget_text(0) == 0);
	assert_true(budget_text(1) == 1);
	assert_true(budget_text(BUDGET_TEXT_BYTES) == 1);
	assert_true(budget_text(BUDGET_TEXT_BYTES + 1) == 2);
	assert_true(budget_limit_for(0) == BUDGET_BASE);
	assert_true(budget_limit_for(4000) == BUDGET_BASE + 4000 /
	    BUDGET_BYTES_PER_UNIT);
	assert_true(budget_limit_for(UINT64_MAX) == BUDGET_BASE +
	    UINT64_MAX / BUDGET_BYTES_PER_UNIT);
}

/* Charges are true up to the limit; past it they stay false. */
static void
test_charge(void **state)
{
	struct budget b;

	(void)state;
	budget_init(&b, 400);
	assert_true(b.input == 400);
	assert_true(b.limit == BUDGET_BASE + 100);
	assert_true(budget_charge(&b, b.limit - 1));
	assert_false(budget_would_pass(&b, 1));
	assert_true(budget_would_pass(&b, 2));
	assert_true(budget_charge(&b, 1));
	assert_false(budget_over(&b));
	assert_false(budget_charge(&b, 1));
	assert_true(budget_over(&b));
	assert_false(budget_charge(&b, 0));
	assert_false(budget_charge(&b, UINT64_MAX));
	assert_true(b.used == UINT64_MAX);
	budget_init_unbounded(&b);
	assert_true(budget_charge(&b, UINT64_MAX));
	assert_true(budget_charge(&b, UINT64_MAX));
	assert_false(budget_over(&b));
}

static struct plandoc pd;

static void
load(const char *text)
{
	plandoc_init_buffer(&pd, "b.yaml", text, strlen(text), NULL);
}

/* The number of diagnostics of rule r whose message holds text. */
static size_t
found(enum rule_id r, const char *text)
{
	size_t i, n = 0;

	for (i = 0; i < pd.diags.n; i++)
		if (pd.diags.v[i].rule == r &&
		    strstr(pd.diags.v[i].msg, text) != NULL)
			n++;
	return n;
}

static void
dump(void)
{
	size_t i;

	for (i = 0; i < pd.diags.n; i++)
		print_message("  %u:%u: %s [%s]\n", pd.diags.v[i].line,
		    pd.diags.v[i].col, pd.diags.v[i].msg,
		    rule_catalogue[pd.diags.v[i].rule].id);
}

#define HEAD \
	"pairplan: 1\n" \
	"plan: {title: t, host: {id: h, name: h}, period: 2024-01..2024-12}\n" \
	"partners: [{id: p1, name: p1}, {id: p2, name: p2}, {id: p3, name: p3}]\n" \
	"people: [{id: a, name: a}, {id: b, name: b}]\n" \
	"leadership: {leader: a, members: [b]}\n" \
	"calendar: {holidays: none}\n" \
	"phases:\n" \
	"  - period: 2024-01..2024-12\n" \
	"    activities:\n"

/*
 * What a small plan costs, unit by unit (budget.h):
 *   p1.1, at three partners, each a series: every week of a 28-day window
 *     from a Monday counts 28 / 7 + 2 = 6 periods, 2 times each: 12
 *     occurrences, each occupying 1 day of 2 people and a site (3) and
 *     printing 15 bytes of text ("x", "p1.1", the longest site "p1p1",
 *     "aaa", "bbb"): 1 unit; 48, and 3 for the window (28 days) for each
 *     of the three calendars: 51, three times: 153; and its text once, as
 *     an export prints it: 154;
 *   p1.2, fixed, 3 days, 1 person and the event (2): 6, and 1 for text,
 *     and 1 for its text once: 8;
 *   the leadership: a and b, 1 unit of text each: 2;
 *   the quota: 2 people (leader and member) in 12 months + 1, a row and
 *     a unit of text each: 52.
 * 216 in all, and no diagnostic is kept.
 */
static void
test_plan_charges(void **state)
{
	(void)state;
	load(HEAD
	    "      - {title: x, at: partner, owner: [a, b],"
	    " when: 2024-01-01..2024-01-28, every: week, times: 2}\n"
	    "      - {title: y, at: online, date: 2024-03-04, days: 3,"
	    " owner: a}\n"
	    "quotas:\n"
	    "  - {people: leadership, visits: 1, per: month}\n");
	if (pd.diags.n != 0)
		dump();
	assert_int_equal(pd.diags.n, 0);
	assert_int_equal(pd.diags.budget.used, 216);
	assert_int_equal(pd.diags.budget.limit, budget_limit_for(
	    pd.diags.budget.input));
	plandoc_release(&pd);
}

/*
 * Past the limit: one `limit` error, at what passed it, naming it; the
 * rest of the plan is not charged, and the conflict rule, whose claims
 * were part of the charge, does not run.
 */
static void
test_limit_at_activity(void **state)
{
	(void)state;
	load(HEAD
	    "      - {title: x, at: online, owner: a, date: 2024-03-04}\n"
	    "      - {title: z, at: online, owner: a, date: 2024-03-04}\n"
	    "      - {title: y, at: partner, owner: [a, b], every: 1 days,"
	    " days: 100}\n"
	    "      - {title: w, at: partner, every: 1 days}\n");
	assert_int_equal(found(R_LIMIT, "at activity 'p1.3': 1098 "
	    "occurrences of 100 days, with 2 people each"), 1);
	assert_int_equal(pd.diags.count[SEV_ERROR], 1);
	assert_int_equal(pd.diags.v[0].line, 12);
	assert_int_equal(pd.diags.v[0].col, 9);
	assert_int_equal(found(R_CONFLICT, ""), 0);
	assert_true(budget_over(&pd.diags.budget));
	plandoc_release(&pd);
	/* within the limit, the same conflict is reported */
	load(HEAD
	    "      - {title: x, at: online, owner: a, date: 2024-03-04}\n"
	    "      - {title: z, at: online, owner: a, date: 2024-03-04}\n");
	assert_int_equal(found(R_CONFLICT, "'a' at 'p1.2'"), 1);
	plandoc_release(&pd);
}

/*
 * The text an event prints counts each person it names in full (id,
 * name, role and duty), worked out at the first reference and reused:
 * "y" (1) + "p1.3" (4) + the longest site "p1p1" (4) + "p1" (2), then
 * "c" and "cc", each 1 or 2 + 1 + 2 + 1000 + 3000 bytes: 8,020.
 */
static void
test_limit_names_text(void **state)
{
	char role[1001], duty[3001], *text;
	size_t len;

	(void)state;
	memset(role, 'r', sizeof(role) - 1);
	role[sizeof(role) - 1] = '\0';
	memset(duty, 'd', sizeof(duty) - 1);
	duty[sizeof(duty) - 1] = '\0';
	len = strlen(HEAD) + 8192;
	text = malloc(len);
	assert_non_null(text);
	/* HEAD's people, with c written over b */
	snprintf(text, len, "%.*s{id: c, name: cc, role: %s, duty: %s}%s"
	    "      - {title: x, at: online, owner: c, date: 2024-03-04}\n"
	    "      - {title: z, at: online, owner: a, date: 2024-03-05}\n"
	    "      - {title: y, at: partner, owner: [c, cc], every: 1 days,"
	    " days: 100}\n",
	    (int)(strstr(HEAD, "{id: b") - HEAD), HEAD, role, duty,
	    strstr(HEAD, "]\nleadership"));
	load(text);
	free(text);
	if (found(R_LIMIT, "printing 8020 bytes of names and text") != 1)
		dump();
	assert_int_equal(found(R_LIMIT, "at activity 'p1.3': 1098 "
	    "occurrences of 100 days, with 2 people each, printing 8020 "
	    "bytes of names and text"), 1);
	plandoc_release(&pd);
}

static void
test_limit_at_quota(void **state)
{
	char text[8192];

	(void)state;
	/* 3 people in 1201 months, 2 units each: 7206 a quota; the 35th
	   passes */
	snprintf(text, sizeof(text), "%s", "pairplan: 1\n"
	    "plan: {title: t, host: {id: h, name: h}, period: 2000-01..2099-12}\n"
	    "partners: [{id: p, name: p}]\n"
	    "people: [{id: a, name: a}, {id: b, name: b}, {id: c, name: c}]\n"
	    "leadership: {leader: a, deputies: [b, c]}\n"
	    "phases:\n"
	    "  - period: 2000-01..2099-12\n"
	    "    activities: [{title: x, at: partner, date: 2000-01-03}]\n"
	    "quotas: [");
	for (int i = 0; i < 100; i++)
		strcat(text, "{people: leadership, per: month, visits: 1},\n");
	strcat(text, "]\n");
	load(text);
	assert_int_equal(found(R_LIMIT, "at quota 35: 3 people, each counted "
	    "in 1201 periods"), 1);
	assert_int_equal(pd.diags.count[SEV_ERROR], 1);
	plandoc_release(&pd);
}

static void
test_limit_at_mentorship(void **state)
{
	(void)state;
	load("pairplan: 1\n"
	    "plan: {title: t, host: {id: h, name: h}, period: 2000-01..2099-12}\n"
	    "partners: [{id: p, name: p}]\n"
	    "people: [{id: a, name: a}, {id: b, name: b}]\n"
	    "leadership: {leader: a}\n"
	    "calendar: {holidays: none}\n"
	    "phases:\n"
	    "  - period: 2000-01..2099-12\n"
	    "    activities: [{title: x, at: partner, date: 2000-01-03}]\n"
	    "mentorships:\n"
	    "  - {mentor: a, apprentice: b, meet: {every: 1 days, at: host}}\n"
	    "  - {mentor: b, apprentice: a, meet: {every: 1 days, at: host}}\n");
	assert_int_equal(found(R_LIMIT, "at the meetings of mentorship m2"),
	    1);
	assert_int_equal(pd.diags.v[0].line, 12);
	plandoc_release(&pd);
}

/*
 * The loader charges the nodes and the text an alias reaches, and stops
 * at the alias that passes the limit, before anything is built from it.
 */
static void
test_limit_at_alias(void **state)
{
	char *text;
	size_t n = 0, cap = 1 << 20;
	int i;

	(void)state;
	text = malloc(cap);
	assert_non_null(text);
	n += (size_t)snprintf(text + n, cap - n, "pairplan: 1\nplan:\n"
	    "  title: &t ");
	for (i = 0; i < 1000; i++)
		n += (size_t)snprintf(text + n, cap - n, "abcdefghij");
	n += (size_t)snprintf(text + n, cap - n, "\n  goals: [");
	/* 10000 bytes each: about 157 units; 1700 of them pass 250000 */
	for (i = 0; i < 3000 && n + 16 < cap; i++)
		n += (size_t)snprintf(text + n, cap - n, "%s*t", i ? ", " : "");
	snprintf(text + n, cap - n, "]\n");
	load(text);
	assert_null(pd.plan);
	assert_int_equal(pd.diags.count[SEV_ERROR], 1);
	assert_int_equal(found(R_LIMIT, "alias 't' passes the work limit"), 1);
	assert_true(budget_over(&pd.diags.budget));
	plandoc_release(&pd);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arithmetic),
		cmocka_unit_test(test_charge),
		cmocka_unit_test(test_plan_charges),
		cmocka_unit_test(test_limit_at_activity),
		cmocka_unit_test(test_limit_names_text),
		cmocka_unit_test(test_limit_at_quota),
		cmocka_unit_test(test_limit_at_mentorship),
		cmocka_unit_test(test_limit_at_alias),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
