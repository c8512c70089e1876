/* test_sched_groups.c - plans scheduled group by group on two threads make the schedule of all of them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "plan.h"
#include "plandoc.h"
#include "sched.h"
#include "sched_groups.h"
#include "strmap.h"

#define MAXPLANS	64

struct county {
	struct plandoc	 pd[MAXPLANS];
	const struct plan *plans[MAXPLANS];
	size_t		 n;
};

/* The bundled plans (plans/, every .yaml), then two that share nothing. */
static void
county_load(struct county *c)
{
	static const char *const lone[] = {
		"pairplan: 1\n"
		"plan: {title: 甲园计划, host: {id: lone-a, name: 甲园},"
		" period: 2024-09..2024-12}\n"
		"partners: [{id: lone-a-p, name: 甲村园}]\n"
		"people: [{id: lone-a-1, name: 甲一, org: lone-a},"
		" {id: lone-a-2, name: 甲二, org: lone-a-p}]\n"
		"phases:\n"
		"  - name: 一\n"
		"    period: 2024-09..2024-12\n"
		"    activities:\n"
		"      - {title: 送教, at: partner, owner: lone-a-1, times: 3,"
		" when: 2024-10}\n"
		"      - {title: 跟岗, at: host, owner: lone-a-2, times: 3,"
		" when: 2024-11-04..2024-11-06}\n"
		"      - {title: 教研, at: host, owner: lone-a-2, times: 2,"
		" when: 2024-11-04..2024-11-06}\n",
		"pairplan: 1\n"
		"plan: {title: 乙园计划, host: {id: lone-b, name: 乙园},"
		" period: 2024-09..2024-12}\n"
		"partners: [{id: lone-b-p, name: 乙村园}]\n"
		"people: [{id: lone-b-1, name: 乙一, org: lone-b}]\n"
		"phases:\n"
		"  - name: 一\n"
		"    period: 2024-09..2024-12\n"
		"    activities:\n"
		"      - {title: 讲座, at: online, owner: lone-b-1, every: week,"
		" when: 2024-09..2024-12}\n",
	};
	glob_t g;
	size_t i;

	memset(c, 0, sizeof(*c));
	assert_int_equal(glob("plans/*.yaml", 0, NULL, &g), 0);
	for (i = 0; i < g.gl_pathc && c->n + 2 < MAXPLANS; i++) {
		if (strstr(g.gl_pathv[i], ".records.yaml") != NULL)
			continue;
		assert_true(plandoc_init(&c->pd[c->n], g.gl_pathv[i], NULL));
		assert_non_null(c->pd[c->n].plan);
		assert_int_equal(c->pd[c->n].diags.count[SEV_ERROR], 0);
		c->plans[c->n] = c->pd[c->n].plan;
		c->n++;
	}
	globfree(&g);
	for (i = 0; i < 2; i++) {
		plandoc_init_buffer(&c->pd[c->n], "lone.yaml", lone[i],
		    strlen(lone[i]), NULL);
		assert_non_null(c->pd[c->n].plan);
		assert_int_equal(c->pd[c->n].diags.count[SEV_ERROR], 0);
		c->plans[c->n] = c->pd[c->n].plan;
		c->n++;
	}
}

static void
county_release(struct county *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		plandoc_release(&c->pd[i]);
}

static size_t
top(const size_t *up, size_t x)
{
	while (up[x] != x)
		x = up[x];
	return x;
}

/* The groups of plans that share no person or site id, counted apart. */
static size_t
groups_of(const struct plan *const *plans, size_t n)
{
	struct arena a;
	struct strmap ids;
	size_t up[MAXPLANS], i, j, x, y, groups = 0;
	int32_t *first;
	bool existed;
	char key[256];

	arena_init(&a);
	strmap_init(&ids, &a);
	for (i = 0; i < n; i++)
		up[i] = i;
	for (i = 0; i < n; i++)
		for (j = 0; j < plans[i]->npeople + plans[i]->norgs; j++) {
			if (j < plans[i]->npeople)
				snprintf(key, sizeof(key), "p%s",
				    plans[i]->people[j].id);
			else
				snprintf(key, sizeof(key), "s%s",
				    plans[i]->orgs[j - plans[i]->npeople].id);
			first = strmap_put(&ids, key, strlen(key), &existed);
			if (!existed) {
				*first = (int32_t)i;
				continue;
			}
			x = top(up, i);
			y = top(up, (size_t)*first);
			if (x != y)
				up[x > y ? x : y] = x < y ? x : y;
		}
	for (i = 0; i < n; i++)
		if (up[i] == i)
			groups++;
	arena_release(&a);
	return groups;
}

/* Index of series r in schedule s. */
static size_t
at(const struct schedule *s, const struct sched_series *r)
{
	assert_true(r >= s->series && r < s->series + s->nseries);
	return (size_t)(r - s->series);
}

/* Field by field: a and b are the same schedule. */
static void
same_schedule(const struct schedule *a, const struct schedule *b)
{
	size_t i, k;

	assert_int_equal(a->nplans, b->nplans);
	assert_int_equal(a->nseries, b->nseries);
	for (i = 0; i < a->nseries; i++) {
		const struct sched_series *x = &a->series[i], *y = &b->series[i];

		assert_string_equal(x->id, y->id);
		assert_ptr_equal(x->src, y->src);
		assert_ptr_equal(x->cal, y->cal);
		assert_int_equal(x->plan, y->plan);
		assert_int_equal(x->phase, y->phase);
		assert_int_equal(x->partner, y->partner);
		assert_int_equal(x->site, y->site);
		assert_int_equal(x->of, y->of);
		assert_int_equal(x->type, y->type);
		assert_int_equal(x->shared, y->shared);
		assert_int_equal(x->npeople, y->npeople);
		for (k = 0; k < x->npeople; k++)
			assert_int_equal(x->people[k], y->people[k]);
	}
	assert_int_equal(a->nevents, b->nevents);
	for (i = 0; i < a->nevents; i++) {
		const struct sched_event *x = &a->events[i], *y = &b->events[i];

		assert_int_equal(at(a, x->series), at(b, y->series));
		assert_int_equal(x->date, y->date);
		assert_int_equal(x->end, y->end);
		assert_int_equal(x->occurrence, y->occurrence);
		assert_int_equal(x->fixed, y->fixed);
	}
	assert_int_equal(a->nunplaced, b->nunplaced);
	for (i = 0; i < a->nunplaced; i++) {
		const struct sched_unplaced *x = &a->unplaced[i];
		const struct sched_unplaced *y = &b->unplaced[i];

		assert_int_equal(at(a, x->series), at(b, y->series));
		assert_int_equal(x->occurrence, y->occurrence);
		assert_int_equal(x->window.from, y->window.from);
		assert_int_equal(x->window.to, y->window.to);
		assert_string_equal(x->reason, y->reason);
	}
	assert_int_equal(a->nskipped, b->nskipped);
	for (i = 0; i < a->nskipped; i++) {
		const struct sched_skipped *x = &a->skipped[i];
		const struct sched_skipped *y = &b->skipped[i];

		assert_int_equal(at(a, x->series), at(b, y->series));
		assert_int_equal(x->period.from, y->period.from);
		assert_int_equal(x->period.to, y->period.to);
		assert_string_equal(x->reason, y->reason);
	}
	assert_int_equal(a->nquotas, b->nquotas);
	for (i = 0; i < a->nquotas; i++)
		assert_memory_equal(&a->quotas[i], &b->quotas[i],
		    sizeof(a->quotas[i]));
}

/*
 * plans[0..n) on one thread and on two, compared; rich: the schedule has
 * something of every kind to merge.
 */
static void
check_both(const struct plan *const *plans, size_t n, bool rich)
{
	struct arena a1, a2;
	struct schedule s1, s2;

	arena_init(&a1);
	arena_init(&a2);
	sched_run_fixed(&s1, plans, n, NULL, 0, &a1);
	sched_run_groups(&s2, plans, n, NULL, 0, 2, &a2);
	if (rich)
		assert_true(s1.nevents > 100 && s1.nunplaced > 0 &&
		    s1.nskipped > 0 && s1.nquotas > 0);
	same_schedule(&s1, &s2);
	arena_release(&a1);
	arena_release(&a2);
}

/* The bundled plans, in their order, backwards and every other one. */
static void
test_same_as_one_thread(void **state)
{
	struct county c;
	const struct plan *v[MAXPLANS];
	size_t i, n;

	(void)state;
	county_load(&c);
	assert_true(c.n >= 10);
	/* the test is worth something only if the plans fall apart */
	assert_true(groups_of(c.plans, c.n) >= 3);
	check_both(c.plans, c.n, true);
	for (i = 0; i < c.n; i++)
		v[i] = c.plans[c.n - 1 - i];
	check_both(v, c.n, true);
	for (i = n = 0; i < c.n; i += 2)
		v[n++] = c.plans[i];
	check_both(v, n, false);
	county_release(&c);
}

/* One group (the same plan twice shares everything): one thread's work. */
static void
test_one_group(void **state)
{
	struct county c;
	const struct plan *v[2];

	(void)state;
	county_load(&c);
	v[0] = v[1] = c.plans[0];
	assert_int_equal(groups_of(v, 2), 1);
	check_both(v, 2, false);
	county_release(&c);
}

/* threads = 1, and fixes, keep to sched_run_fixed. */
static void
test_fixes_one_thread(void **state)
{
	struct county c;
	struct arena a1, a2;
	struct schedule s1, s2;
	struct sched_fix fix;

	(void)state;
	county_load(&c);
	memset(&fix, 0, sizeof(fix));
	fix.plan = (uint32_t)c.n - 1;	/* lone-b's lecture, cancelled */
	fix.series = "p1.1";
	fix.occurrence = 2;
	fix.cancelled = true;
	arena_init(&a1);
	arena_init(&a2);
	sched_run_fixed(&s1, c.plans, c.n, &fix, 1, &a1);
	sched_run_groups(&s2, c.plans, c.n, &fix, 1, 2, &a2);
	same_schedule(&s1, &s2);
	arena_release(&a1);
	arena_release(&a2);
	arena_init(&a1);
	sched_run_groups(&s1, c.plans, c.n, NULL, 0, 1, &a1);
	arena_init(&a2);
	sched_run_fixed(&s2, c.plans, c.n, NULL, 0, &a2);
	same_schedule(&s1, &s2);
	arena_release(&a1);
	arena_release(&a2);
	county_release(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_one_thread),
		cmocka_unit_test(test_one_group),
		cmocka_unit_test(test_fixes_one_thread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
