/* test_seeds.c - the bundled plans scheduled, checked against dates worked out by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <stdio.h>
#include <string.h>

#include "cal.h"
#include "date.h"
#include "plan.h"
#include "plandoc.h"
#include "sched.h"

#define D(y, m, d)	date_from_civil((y), (m), (d))

struct run {
	struct plandoc	 pd;
	struct arena	 a;
	struct schedule	 s;
	const struct plan *p;
};

static void
run_plan(struct run *r, const char *path)
{
	assert_true(plandoc_init(&r->pd, path, NULL));
	assert_non_null(r->pd.plan);
	assert_int_equal(r->pd.diags.count[SEV_ERROR], 0);
	r->p = r->pd.plan;
	arena_init(&r->a);
	sched_run(&r->s, &r->p, 1, &r->a);
}

static void
run_done(struct run *r)
{
	arena_release(&r->a);
	plandoc_release(&r->pd);
}

/* The start days of the events of series id, in order of occurrence. */
static size_t
days_of(const struct run *r, const char *id, day_t *out, size_t max)
{
	size_t i, n = 0;
	uint32_t k;

	for (k = 1;; k++) {
		bool found = false;

		for (i = 0; i < r->s.nevents; i++)
			if (strcmp(r->s.events[i].series->id, id) == 0 &&
			    r->s.events[i].occurrence == k) {
				if (n < max)
					out[n] = r->s.events[i].date;
				n++;
				found = true;
			}
		if (!found)
			return n;
	}
}

/*
 * plans/example.yaml, worked out by hand from cn-holidays.md:
 *
 * qidong.5 (at hexi, when 2024-05 mid = 05-11..20, times 2): the working
 * days are Saturday 05-11 (a make-up day for Labour Day), 13, 14, 15,
 * 16, 17 and 20: seven, so the slices are d[0..3) = 11, 13, 14 and
 * d[3..7) = 15, 16, 17, 20, and the owner is free on the first day of
 * each: 2024-05-11 and 2024-05-15.
 *
 * qidong.4 (every week of 2024-04..06 on tue or thu): thirteen ISO
 * weeks. Week 1: Thursday 04-04 is Qingming, Tuesday 04-02 is taken.
 * Week 5 (04-29..05-05): 05-01..05 are Labour Day, so Tuesday 04-30.
 * Week 11 (06-10..16): Monday 06-10 is the Dragon Boat festival; the
 * Tuesday 06-11 is a working day.
 *
 * p2.6 is fixed on Saturday 2024-11-16, listed under calendar.open.
 */
static void
test_example_by_hand(void **state)
{
	struct run r;
	day_t d[16];

	(void)state;
	run_plan(&r, "plans/example.yaml");
	assert_int_equal(days_of(&r, "qidong.5", d, 16), 2);
	assert_int_equal(d[0], D(2024, 5, 11));
	assert_int_equal(d[1], D(2024, 5, 15));
	assert_int_equal(days_of(&r, "qidong.4", d, 16), 13);
	assert_int_equal(d[0], D(2024, 4, 2));
	assert_int_equal(d[4], D(2024, 4, 30));
	assert_int_equal(d[10], D(2024, 6, 11));
	assert_int_equal(days_of(&r, "p2.6", d, 16), 1);
	assert_int_equal(d[0], D(2024, 11, 16));
	assert_int_equal(r.s.nunplaced, 0);
	assert_int_equal(r.s.nskipped, 0);
	run_done(&r);
}

/*
 * Every bundled plan: events only on working days of its calendar
 * (none in the National Day week of 2024, none in a closure), inside
 * the plan period, and everything placed.
 */
static void
test_every_plan(void **state)
{
	glob_t g;
	size_t i, j;

	(void)state;
	assert_int_equal(glob("plans/*.yaml", 0, NULL, &g), 0);
	assert_true(g.gl_pathc >= 7);
	for (i = 0; i < g.gl_pathc; i++) {
		struct run r;

		if (strstr(g.gl_pathv[i], ".records.yaml") != NULL)
			continue;	/* a plan's records, not a plan */
		run_plan(&r, g.gl_pathv[i]);
		for (j = 0; j < r.s.nevents; j++) {
			const struct sched_event *ev = &r.s.events[j];

			if (!ev->fixed && !cal_is_working(&r.p->cal, ev->date))
				fail_msg("%s: %s/%u on a non-working day",
				    g.gl_pathv[i], ev->series->id,
				    ev->occurrence);
			assert_true(ev->date >= r.p->period.from);
			assert_true(ev->end <= r.p->period.to);
			if (!ev->fixed)
				assert_false(ev->date >= D(2024, 10, 1) &&
				    ev->date <= D(2024, 10, 7));
		}
		if (r.s.nunplaced != 0)
			fail_msg("%s: %zu unplaced", g.gl_pathv[i],
			    r.s.nunplaced);
		run_done(&r);
	}
	globfree(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example_by_hand),
		cmocka_unit_test(test_every_plan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
