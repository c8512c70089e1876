/* test_sched.c - the scheduler against hand-worked schedules, an independent checker over random plans, and hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/resource.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "cal.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "plandoc.h"
#include "rules.h"
#include "sched.h"

/* ---- helpers ------------------------------------------------------- */

/* A growing string. */
struct buf {
	char	*p;
	size_t	 n, cap;
};

static void
bprintf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
bprintf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p == NULL ? NULL : b->p + b->n,
		    b->cap - b->n, fmt, ap);
		va_end(ap);
		assert_true(n >= 0);
		if (b->n + (size_t)n < b->cap)
			break;
		b->cap = (b->cap + (size_t)n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	b->n += (size_t)n;
}

static day_t
D(const char *s)
{
	day_t d;

	if (date_parse_day(s, strlen(s), &d) != DATE_OK)
		fail_msg("bad date '%s' in the test", s);
	return d;
}

static const char *
fmt_day(day_t d, char *b)
{
	date_format(d, b);
	return b;
}

/* Plans loaded from text and scheduled together. */
#define MAXPLANS	3

struct run {
	struct plandoc		 pd[MAXPLANS];
	const struct plan	*plans[MAXPLANS];
	size_t			 n;
	struct arena		 a;
	struct schedule		 s;
};

static void
dump_diags(const struct plandoc *pd)
{
	size_t i;

	for (i = 0; i < pd->diags.n; i++)
		print_message("  %s:%u:%u: %s [%s]\n", pd->diags.file,
		    pd->diags.v[i].line, pd->diags.v[i].col, pd->diags.v[i].msg,
		    rule_catalogue[pd->diags.v[i].rule].id);
}

/* Loads every text (each must be free of errors), then schedules them. */
static void
run_plans(struct run *r, size_t n, const char *const *texts)
{
	static const char *const names[MAXPLANS] = { "a.yaml", "b.yaml",
	    "c.yaml" };
	size_t i;

	assert_true(n <= MAXPLANS);
	memset(r, 0, sizeof(*r));
	for (i = 0; i < n; i++) {
		plandoc_init_buffer(&r->pd[i], names[i], texts[i],
		    strlen(texts[i]), NULL);
		if (r->pd[i].plan == NULL ||
		    diags_has_errors(&r->pd[i].diags, false)) {
			dump_diags(&r->pd[i]);
			fail_msg("plan %zu of the test has errors", i);
		}
		r->plans[i] = r->pd[i].plan;
	}
	r->n = n;
	arena_init(&r->a);
	sched_run(&r->s, r->plans, n, &r->a);
}

static void
run_one(struct run *r, const char *text)
{
	run_plans(r, 1, &text);
}

/*
 * A plan past the work limit (budget.h): validation reports `limit`, and
 * no command schedules it; the scheduler is run on it all the same, to
 * show that it stays quick even there.
 */
static void
run_over_limit(struct run *r, const char *text)
{
	size_t i, limits = 0;

	memset(r, 0, sizeof(*r));
	plandoc_init_buffer(&r->pd[0], "a.yaml", text, strlen(text), NULL);
	assert_non_null(r->pd[0].plan);
	for (i = 0; i < r->pd[0].diags.n; i++) {
		if (r->pd[0].diags.v[i].rule == R_LIMIT)
			limits++;
		else if (diag_severity(&r->pd[0].diags.v[i], false) ==
		    SEV_ERROR) {
			dump_diags(&r->pd[0]);
			fail_msg("the plan has errors besides the limit");
		}
	}
	assert_int_equal(limits, 1);
	r->plans[0] = r->pd[0].plan;
	r->n = 1;
	arena_init(&r->a);
	sched_run(&r->s, r->plans, 1, &r->a);
}

static void
run_done(struct run *r)
{
	size_t i;

	arena_release(&r->a);
	for (i = 0; i < r->n; i++)
		plandoc_release(&r->pd[i]);
}

/*
 * The schedule as text, one line per event, unplaced occurrence and
 * skipped period, in the order the scheduler gives them; only the series
 * of activity `only` when it is not NULL. With several plans each line
 * starts with the plan's index.
 */
static char *
render(const struct schedule *s, const char *only)
{
	struct buf b = { NULL, 0, 0 };
	char d1[11], d2[11];
	size_t i;

	bprintf(&b, "%s", "");
	for (i = 0; i < s->nevents; i++) {
		const struct sched_event *e = &s->events[i];

		if (only != NULL &&
		    strcmp(sched_activity(e->series), only) != 0)
			continue;
		if (s->nplans > 1)
			bprintf(&b, "[%u] ", e->series->plan);
		bprintf(&b, "%s", fmt_day(e->date, d1));
		if (e->end != e->date)
			bprintf(&b, "..%s", fmt_day(e->end, d2));
		bprintf(&b, " %s/%u of %u%s\n", e->series->id, e->occurrence,
		    e->series->of, e->fixed ? " fixed" : "");
	}
	for (i = 0; i < s->nunplaced; i++) {
		const struct sched_unplaced *u = &s->unplaced[i];

		if (only != NULL &&
		    strcmp(sched_activity(u->series), only) != 0)
			continue;
		bprintf(&b, "unplaced %s/%u %s..%s\n", u->series->id,
		    u->occurrence, fmt_day(u->window.from, d1),
		    fmt_day(u->window.to, d2));
	}
	for (i = 0; i < s->nskipped; i++) {
		const struct sched_skipped *k = &s->skipped[i];

		if (only != NULL &&
		    strcmp(sched_activity(k->series), only) != 0)
			continue;
		bprintf(&b, "skipped %s %s..%s %s\n", k->series->id,
		    fmt_day(k->period.from, d1), fmt_day(k->period.to, d2),
		    k->reason);
	}
	return b.p;
}

/* The schedule (of activity only) is exactly want. */
#define expect_sched(r, only, want)					\
	expect_sched_at((r), (only), (want), __FILE__, __LINE__)

static void
expect_sched_at(const struct run *r, const char *only, const char *want,
    const char *file, int line)
{
	char *got = render(&r->s, only);

	_assert_string_equal(got, want, file, line);
	free(got);
}

/* The series with this id, failing when there is none. */
static const struct sched_series *
series_by_id(const struct schedule *s, uint32_t plan, const char *id)
{
	size_t i;

	for (i = 0; i < s->nseries; i++)
		if (s->series[i].plan == plan &&
		    strcmp(s->series[i].id, id) == 0)
			return &s->series[i];
	fail_msg("no series '%s' in plan %u", id, plan);
	return NULL;
}

/* The one unplaced occurrence; its reason must hold every part given. */
static void
expect_unplaced_reason(const struct run *r, const char *part,
    const char *not_part)
{
	assert_int_equal(r->s.nunplaced, 1);
	assert_non_null(r->s.unplaced[0].reason);
	if (strstr(r->s.unplaced[0].reason, part) == NULL ||
	    (not_part != NULL &&
	    strstr(r->s.unplaced[0].reason, not_part) != NULL))
		fail_msg("reason '%s' should name %s%s%s",
		    r->s.unplaced[0].reason, part,
		    not_part ? " and not " : "", not_part ? not_part : "");
}

/* ---- part 1: schedules worked out by hand -------------------------- */

/*
 * Host shiyan; partners shaliang, chengguan; people feng, liu (host), mu
 * (shaliang), chen (host), lin (chengguan). Activities are written with
 * six spaces of indentation under ACTS.
 */
#define HEAD(period)	HEAD_MORE(period, "")
/* HEAD with more people after lin: lines of "  - {id: …}" */
#define HEAD_MORE(period, more)						\
	"pairplan: 1\n"							\
	"plan:\n"							\
	"  title: 测试计划\n"						\
	"  host: {id: shiyan, name: 实验幼儿园}\n"			\
	"  period: " period "\n"					\
	"partners:\n"							\
	"  - {id: shaliang, name: 沙梁幼儿园}\n"			\
	"  - {id: chengguan, name: 城关幼儿园}\n"			\
	"people:\n"							\
	"  - {id: feng, name: 冯亚琴}\n"				\
	"  - {id: liu, name: 刘丽}\n"					\
	"  - {id: mu, name: 穆红, org: shaliang}\n"			\
	"  - {id: chen, name: 陈静}\n"					\
	"  - {id: lin, name: 林芳, org: chengguan}\n"			\
	more								\
	"leadership:\n"							\
	"  leader: feng\n"
#define ACTS(period)							\
	"phases:\n"							\
	"  - id: p1\n"							\
	"    name: 阶段\n"						\
	"    period: " period "\n"					\
	"    activities:\n"

/*
 * times: 3 over 2024-09-23..10-18, online and unattended, so every
 * occurrence gets the earliest eligible day of its slice. Working days
 * (cn-holidays.md): 09-23..27 (5), Sunday 09-29 (make-up for National
 * Day), Monday 09-30, 10-08..11 (10-01..07 off), Saturday 10-12
 * (make-up), 10-14..18: k = 17. Slices floor(i*17/3) = 0, 5, 11, 17:
 * d[0] = 09-23, d[5] = 09-29, d[11] = 10-12.
 * The second activity: only Sunday 09-29 is working in 09-28..29.
 */
static void
test_spread_times(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-09..2024-10") ACTS("2024-09..2024-10")
	    "      - {title: 三次讲座, at: online, times: 3,"
	    " when: 2024-09-23..2024-10-18}\n"
	    "      - {title: 周日补班, at: online,"
	    " when: 2024-09-28..2024-09-29}\n");
	expect_sched(&r, NULL,
	    "2024-09-23 p1.1/1 of 3\n"
	    "2024-09-29 p1.1/2 of 3\n"
	    "2024-09-29 p1.2/1 of 1\n"
	    "2024-10-12 p1.1/3 of 3\n");
	assert_false(sched_incomplete(&r.s));
	run_done(&r);
}

/*
 * every: week, times: 2 over 2024-09-23..10-13 (ISO weeks):
 *   09-23..29: 23 24 25 26 27 29(Sun, make-up): k = 6, slices 0..3, 3..6
 *              -> 09-23, 09-26
 *   09-30..10-06: only 09-30 (10-01..07 off): k = 1, slices
 *              floor(0/2)..floor(1/2) = 0..0 (empty: occurrence 3 has no
 *              day) and 0..1 -> 09-30 is occurrence 4
 *   10-07..13: 08 09 10 11 12(Sat, make-up, in this week, not the one
 *              before): k = 5, slices 0..2, 2..5 -> 10-08, 10-10
 * p1.2, every week on Tuesdays: 09-24, then 10-01 is a holiday, so the
 * National Day week has no eligible day and is skipped, then 10-08.
 */
static void
test_every_week_national_day(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-09..2024-10") ACTS("2024-09..2024-10")
	    "      - {title: 跟班学习, at: online, every: week, times: 2,"
	    " when: 2024-09-23..2024-10-13}\n"
	    "      - {title: 周二教研, at: online, every: week,"
	    " weekday: tue, when: 2024-09-23..2024-10-13}\n");
	expect_sched(&r, NULL,
	    "2024-09-23 p1.1/1 of 6\n"
	    "2024-09-24 p1.2/1 of 2\n"
	    "2024-09-26 p1.1/2 of 6\n"
	    "2024-09-30 p1.1/4 of 6\n"
	    "2024-10-08 p1.1/5 of 6\n"
	    "2024-10-08 p1.2/2 of 2\n"
	    "2024-10-10 p1.1/6 of 6\n"
	    "unplaced p1.1/3 2024-09-30..2024-10-06\n"
	    "skipped p1.2 2024-09-30..2024-10-06 no working day\n");
	assert_true(sched_incomplete(&r.s));
	run_done(&r);
}

/*
 * A week entirely in holidays: the extended 2020 Spring Festival,
 * 2020-01-24..02-02 off, so the ISO week 01-27..02-02 has no working day
 * and is skipped; the occurrences are numbered over the other weeks:
 * 01-13 (Mon), 01-20 (Mon), 02-03 (Mon).
 */
static void
test_every_week_holiday_skipped(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2020-01..2020-02") ACTS("2020-01..2020-02")
	    "      - {title: 周例会, at: online, every: week,"
	    " when: 2020-01-13..2020-02-09}\n");
	expect_sched(&r, NULL,
	    "2020-01-13 p1.1/1 of 3\n"
	    "2020-01-20 p1.1/2 of 3\n"
	    "2020-02-03 p1.1/3 of 3\n"
	    "skipped p1.1 2020-01-27..2020-02-02 no working day\n");
	assert_false(sched_incomplete(&r.s));
	run_done(&r);
}

/*
 * Summer closure 2024-07-10..08-31. p1.1, times 2 over 07-08..09-06:
 * eligible 07-08, 07-09, 09-02..06 (k = 7), slices 0..3 and 3..7:
 * 07-08 and d[3] = 09-03 (with August open it would be in July).
 * p1.2, every month over 07..09: 07-01, August skipped, 09-02.
 */
static void
test_closed_summer(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-07..2024-09")
	    "calendar:\n"
	    "  closed: [2024-07-10..2024-08-31]\n"
	    ACTS("2024-07..2024-09")
	    "      - {title: 暑期前后, at: online, times: 2,"
	    " when: 2024-07-08..2024-09-06}\n"
	    "      - {title: 月例会, at: online, every: month,"
	    " when: 2024-07..2024-09}\n");
	expect_sched(&r, NULL,
	    "2024-07-01 p1.2/1 of 2\n"
	    "2024-07-08 p1.1/1 of 2\n"
	    "2024-09-02 p1.2/2 of 2\n"
	    "2024-09-03 p1.1/2 of 2\n"
	    "skipped p1.2 2024-08-01..2024-08-31 no working day\n");
	run_done(&r);
}

/*
 * when: 2024-11 mid is 11..20: working 11..15, 18..20 (k = 8), times 2:
 * slices 0..4, 4..8 -> 11-11 and 11-15 (never 11-01..08 nor 11-21..).
 * 中旬 on Fridays: 11-15 only (11-08 and 11-22 are outside); 下旬 is
 * 21..30 (11-21 a Thursday); early/上旬 1..10 (11-01 a Friday, the
 * Friday 11-08 the last one).
 */
static void
test_when_mid(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 中旬观摩, at: online, times: 2,"
	    " when: 2024-11 mid}\n"
	    "      - {title: 中旬讲座, at: online, when: 2024-11 中旬,"
	    " weekday: fri}\n"
	    "      - {title: 下旬讲座, at: online, when: 2024-11 下旬}\n"
	    "      - {title: 上旬讲座, at: online, when: 2024-11 early,"
	    " times: 2, weekday: fri}\n");
	expect_sched(&r, NULL,
	    "2024-11-01 p1.4/1 of 2\n"
	    "2024-11-08 p1.4/2 of 2\n"
	    "2024-11-11 p1.1/1 of 2\n"
	    "2024-11-15 p1.1/2 of 2\n"
	    "2024-11-15 p1.2/1 of 1\n"
	    "2024-11-21 p1.3/1 of 1\n");
	run_done(&r);
}

/*
 * weekday: [tue, thu] in October 2024, times 3: 10-01 and 10-03 are
 * holidays, eligible 08 10 15 17 22 24 29 31 (k = 8), slices
 * floor(i*8/3) = 0, 2, 5, 8 -> 10-08, 10-15, 10-24.
 */
static void
test_weekday(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-10..2024-10") ACTS("2024-10..2024-10")
	    "      - {title: 二四教研, at: online, times: 3,"
	    " weekday: [tue, thu], when: 2024-10}\n");
	expect_sched(&r, NULL,
	    "2024-10-08 p1.1/1 of 3\n"
	    "2024-10-15 p1.1/2 of 3\n"
	    "2024-10-24 p1.1/3 of 3\n");
	run_done(&r);
}

/*
 * days: 2 from Friday 2024-11-08 runs to Monday 11-11 (the weekend is not
 * working and not counted). p1.1's slice ends before p1.2's, so it is
 * placed first; p1.2 has the same owner and cannot have 11-11, which p1.1
 * occupies, so it gets 11-12.
 */
static void
test_days_weekend(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 两天培训, at: online, days: 2, owner: liu,"
	    " when: 2024-11-08..2024-11-12}\n"
	    "      - {title: 教研, at: online, owner: liu,"
	    " when: 2024-11-11..2024-11-13}\n");
	expect_sched(&r, NULL,
	    "2024-11-08..2024-11-11 p1.1/1 of 1\n"
	    "2024-11-12 p1.2/1 of 1\n");
	run_done(&r);
}

/*
 * days: 3, times: 2 over 2024-11-04..15 (two Monday-Friday weeks). §5.1
 * slices the eligible days (working days on an allowed weekday: all ten)
 * into 04..08 and 11..15; occurrence 2 starts in its slice and must end
 * inside the window: 11-11..13. (Starting 11-08 would put it in the
 * first slice.)
 */
static void
test_days_slices(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 三天跟岗, at: online, days: 3, times: 2,"
	    " when: 2024-11-04..2024-11-15}\n");
	expect_sched(&r, NULL,
	    "2024-11-04..2024-11-06 p1.1/1 of 2\n"
	    "2024-11-11..2024-11-13 p1.1/2 of 2\n");
	run_done(&r);
}

/*
 * at: partner with both partners, times 2 over 2024-10-08..11 (Tue-Fri):
 * slices 08..09 and 10..11 for each series. Order: slice end, length,
 * file order (partner position): shaliang/1, chengguan/1, shaliang/2,
 * chengguan/2. They share the owner liu, so each takes the next day.
 * p1.2 lists one partner: one series.
 */
static void
test_at_partner(void **state)
{
	struct run r;
	const struct sched_series *a, *b, *c;
	const struct plan *p;

	(void)state;
	run_one(&r, HEAD("2024-10..2024-10") ACTS("2024-10..2024-10")
	    "      - {title: 送教下乡, kind: teaching-visit, at: partner,"
	    " times: 2, owner: liu, when: 2024-10-08..2024-10-11}\n"
	    "      - {title: 送课, at: partner, partners: [chengguan],"
	    " people: [lin], when: 2024-10-14}\n");
	expect_sched(&r, NULL,
	    "2024-10-08 p1.1#shaliang/1 of 2\n"
	    "2024-10-09 p1.1#chengguan/1 of 2\n"
	    "2024-10-10 p1.1#shaliang/2 of 2\n"
	    "2024-10-11 p1.1#chengguan/2 of 2\n"
	    "2024-10-14 p1.2#chengguan/1 of 1\n");
	assert_int_equal(r.s.nseries, 3);
	p = r.plans[0];
	a = series_by_id(&r.s, 0, "p1.1#shaliang");
	b = series_by_id(&r.s, 0, "p1.1#chengguan");
	c = series_by_id(&r.s, 0, "p1.2#chengguan");
	assert_string_equal(sched_activity(a), "p1.1");
	assert_string_equal(sched_activity(b), "p1.1");
	assert_string_equal(sched_kind(a), "teaching-visit");
	assert_string_equal(p->orgs[a->partner].id, "shaliang");
	assert_string_equal(p->orgs[a->site].id, "shaliang");
	assert_string_equal(p->orgs[b->partner].id, "chengguan");
	assert_string_equal(p->orgs[c->site].id, "chengguan");
	assert_true(a < b);	/* file order */
	assert_int_equal(a->phase, 0);
	assert_int_equal(a->npeople, 1);
	assert_string_equal(p->people[a->people[0]].id, "liu");
	assert_string_equal(sched_event_id(&r.s.events[1], &r.a),
	    "p1.1#chengguan/1");
	run_done(&r);
}

/*
 * every: month over 2024-09..12: 09-02 (Mon; 09-01 is a Sunday), 10-08
 * (10-01..07 off), 11-01 (Fri), 12-02 (Mon).
 * every: 2 weeks, times 2 over 09-04 (Wed)..10-31, periods from Monday
 * 09-02:
 *   09-04..15: 04 05 06 09 10 11 12 13 14(Sat make-up) k=9, 0..4, 4..9
 *              -> 09-04, 09-10
 *   09-16..29: 18 19 20 23 24 25 26 27 29(Sun) (15..17 off) k=9
 *              -> 09-18, 09-24
 *   09-30..10-13: 30, 10-08..12 k=6 -> 09-30, 10-10
 *   10-14..27: k=10 -> 10-14, 10-21
 *   10-28..31: k=4 -> 10-28, 10-30
 */
static void
test_every_month_and_weeks(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-09..2024-12") ACTS("2024-09..2024-12")
	    "      - {title: 月例会, at: online, every: month,"
	    " when: 2024-09..2024-12}\n"
	    "      - {title: 双周教研, at: online, every: 2 weeks, times: 2,"
	    " when: 2024-09-04..2024-10-31}\n");
	expect_sched(&r, "p1.1",
	    "2024-09-02 p1.1/1 of 4\n"
	    "2024-10-08 p1.1/2 of 4\n"
	    "2024-11-01 p1.1/3 of 4\n"
	    "2024-12-02 p1.1/4 of 4\n");
	expect_sched(&r, "p1.2",
	    "2024-09-04 p1.2/1 of 10\n"
	    "2024-09-10 p1.2/2 of 10\n"
	    "2024-09-18 p1.2/3 of 10\n"
	    "2024-09-24 p1.2/4 of 10\n"
	    "2024-09-30 p1.2/5 of 10\n"
	    "2024-10-10 p1.2/6 of 10\n"
	    "2024-10-14 p1.2/7 of 10\n"
	    "2024-10-21 p1.2/8 of 10\n"
	    "2024-10-28 p1.2/9 of 10\n"
	    "2024-10-30 p1.2/10 of 10\n");
	run_done(&r);
}

/*
 * Fixed dates are placed as written: two on 10-09 with the same owner
 * (a conflict), one on the holiday 10-05. The flexible p1.4 of the same
 * owner over 10-09..10 must then take 10-10. p1.5 lasts two days from
 * Friday 10-11: the make-up Saturday 10-12 is its second day, so p1.6
 * of the same owner over 10-12..14 gets Monday 10-14.
 */
static void
test_fixed(void **state)
{
	struct run r;
	size_t i, nfixed = 0;

	(void)state;
	run_one(&r, HEAD("2024-10..2024-10") ACTS("2024-10..2024-10")
	    "      - {title: 签约, kind: agreement, at: online, owner: feng,"
	    " date: 2024-10-09}\n"
	    "      - {title: 座谈, at: online, owner: feng, date: 2024-10-09}\n"
	    "      - {title: 假日活动, at: online, date: 2024-10-05}\n"
	    "      - {title: 讲座, at: online, owner: feng,"
	    " when: 2024-10-09..2024-10-10}\n"
	    "      - {title: 两天, at: online, owner: liu, days: 2,"
	    " date: 2024-10-11}\n"
	    "      - {title: 教研, at: online, owner: liu,"
	    " when: 2024-10-12..2024-10-14}\n");
	expect_sched(&r, NULL,
	    "2024-10-05 p1.3/1 of 1 fixed\n"
	    "2024-10-09 p1.1/1 of 1 fixed\n"
	    "2024-10-09 p1.2/1 of 1 fixed\n"
	    "2024-10-10 p1.4/1 of 1\n"
	    "2024-10-11..2024-10-12 p1.5/1 of 1 fixed\n"
	    "2024-10-14 p1.6/1 of 1\n");
	for (i = 0; i < r.s.nevents; i++)
		nfixed += r.s.events[i].fixed;
	assert_int_equal(nfixed, 4);
	run_done(&r);
}

/*
 * A fixed event of days: 2 occupies its day and the next working day:
 * Monday 2024-12-30 and Tuesday 2024-12-31, the last of the period. On
 * 2024-12-31 it would last to Thursday 2025-01-02 (New Year's Day between),
 * past the phase and the plan: rule outside-phase, and never scheduled.
 */
static void
test_fixed_days_at_period_end(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-12..2024-12") ACTS("2024-12..2024-12")
	    "      - {title: 年终总结, kind: summary, at: online, days: 2,"
	    " date: 2024-12-30}\n");
	expect_sched(&r, NULL,
	    "2024-12-30..2024-12-31 p1.1/1 of 1 fixed\n");
	run_done(&r);
	{
		static const char text[] = HEAD("2024-12..2024-12")
		    ACTS("2024-12..2024-12")
		    "      - {title: 年终总结, kind: summary, at: online,"
		    " days: 2, date: 2024-12-31}\n";
		struct plandoc pd;
		size_t i, found = 0;

		plandoc_init_buffer(&pd, "a.yaml", text, strlen(text), NULL);
		for (i = 0; i < pd.diags.n; i++)
			if (pd.diags.v[i].rule == R_OUTSIDE_PHASE &&
			    strstr(pd.diags.v[i].msg, "to 2025-01-02") != NULL)
				found++;
		assert_int_equal(found, 1);
		plandoc_release(&pd);
	}
}

/*
 * Two activities with the owner feng over 11-11..15 get 11-11 and
 * 11-12; a third with another owner is free to take 11-11 too. All are
 * online: no site is involved.
 */
static void
test_shared_owner(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 甲, at: online, owner: feng,"
	    " when: 2024-11-11..2024-11-15}\n"
	    "      - {title: 乙, at: online, owner: [feng],"
	    " when: 2024-11-11..2024-11-15}\n"
	    "      - {title: 丙, at: online, owner: liu,"
	    " when: 2024-11-11..2024-11-15}\n");
	expect_sched(&r, NULL,
	    "2024-11-11 p1.1/1 of 1\n"
	    "2024-11-11 p1.3/1 of 1\n"
	    "2024-11-12 p1.2/1 of 1\n");
	run_done(&r);
	/* people count too: feng attends p1.2 as one of its people */
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 甲, at: online, owner: liu, people: [feng],"
	    " when: 2024-11-11..2024-11-15}\n"
	    "      - {title: 乙, at: online, people: [mu, feng],"
	    " when: 2024-11-11..2024-11-15}\n");
	expect_sched(&r, NULL,
	    "2024-11-11 p1.1/1 of 1\n"
	    "2024-11-12 p1.2/1 of 1\n");
	run_done(&r);
}

/*
 * Activities of six people, more than a series keeps in its placement
 * record (the rest are looked up elsewhere): the last of them counts as
 * much as the first. feng is taken on 11-11 (p1.1, fixed), chen on 11-12
 * (p1.3, placed first: its slice is shorter). p1.4 (11-11 only) finds its
 * sixth person feng busy and is unplaced naming him; p1.2 skips 11-11 for
 * feng and 11-12 for chen, its third, and gets 11-13.
 */
static void
test_many_people(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD_MORE("2024-11..2024-11",
	    "  - {id: wang, name: 王芳}\n") ACTS("2024-11..2024-11")
	    "      - {title: 会议, at: online, owner: feng, date: 2024-11-11}\n"
	    "      - {title: 教研, at: online, owner: liu,"
	    " people: [mu, chen, lin, wang, feng],"
	    " when: 2024-11-11..2024-11-13}\n"
	    "      - {title: 例会, at: online, owner: chen,"
	    " when: 2024-11-12..2024-11-13}\n"
	    "      - {title: 座谈, at: online, owner: lin,"
	    " people: [mu, liu, chen, wang, feng], when: 2024-11-11}\n");
	expect_sched(&r, NULL,
	    "2024-11-11 p1.1/1 of 1 fixed\n"
	    "2024-11-12 p1.3/1 of 1\n"
	    "2024-11-13 p1.2/1 of 1\n"
	    "unplaced p1.4/1 2024-11-11..2024-11-11\n");
	expect_unplaced_reason(&r, "'feng' is busy", "lin");
	run_done(&r);
}

/*
 * People whose events lie 93 years apart, with short windows: their busy
 * days stay in the map, the array from first to last would be mostly
 * empty. They count the same: feng's fixed meetings push his lectures to
 * the next working day, in 2004 and in 2097.
 */
static void
test_busy_far_apart(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2004-01..2097-12") ACTS("2004-01..2097-12")
	    "      - {title: 会议, at: online, owner: feng, date: 2004-03-01}\n"
	    "      - {title: 讲座, at: online, owner: feng,"
	    " when: 2004-03-01..2004-03-05}\n"
	    "      - {title: 会议, at: online, owner: feng, date: 2097-03-04}\n"
	    "      - {title: 讲座, at: online, owner: liu, people: [feng],"
	    " when: 2097-03-04..2097-03-08}\n"
	    "      - {title: 座谈, at: online, owner: liu,"
	    " when: 2097-03-05}\n");
	expect_sched(&r, NULL,
	    "2004-03-01 p1.1/1 of 1 fixed\n"
	    "2004-03-02 p1.2/1 of 1\n"
	    "2097-03-04 p1.3/1 of 1 fixed\n"
	    "2097-03-05 p1.5/1 of 1\n"
	    "2097-03-06 p1.4/1 of 1\n");
	run_done(&r);
}

/*
 * visits-per-day limits partner sites only (§10). Three unattended
 * activities at shaliang over 11-11..12: with visits-per-day 2 the first
 * two share 11-11 and the third gets 11-12; with the default of 1 they
 * take 11-11, 11-12, and the third finds shaliang full on both days.
 * The same three at the host all take 11-11: the host is limited only by
 * the people of its events.
 */
static void
test_visits_per_day(void **state)
{
	struct run r;

#define THREE_AT(site)							\
	"      - {title: 甲, at: " site ", when: 2024-11-11..2024-11-12}\n" \
	"      - {title: 乙, at: " site ", when: 2024-11-11..2024-11-12}\n" \
	"      - {title: 丙, at: " site ", when: 2024-11-11..2024-11-12}\n"
	(void)state;
	run_one(&r, HEAD("2024-11..2024-11")
	    "calendar: {visits-per-day: 2}\n"
	    ACTS("2024-11..2024-11") THREE_AT("shaliang"));
	expect_sched(&r, NULL,
	    "2024-11-11 p1.1/1 of 1\n"
	    "2024-11-11 p1.2/1 of 1\n"
	    "2024-11-12 p1.3/1 of 1\n");
	run_done(&r);
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    THREE_AT("shaliang"));
	expect_sched(&r, NULL,
	    "2024-11-11 p1.1/1 of 1\n"
	    "2024-11-12 p1.2/1 of 1\n"
	    "unplaced p1.3/1 2024-11-11..2024-11-12\n");
	expect_unplaced_reason(&r, "site 'shaliang' is full", NULL);
	assert_true(sched_incomplete(&r.s));
	run_done(&r);
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    THREE_AT("host") THREE_AT("shiyan"));
	expect_sched(&r, NULL,
	    "2024-11-11 p1.1/1 of 1\n"
	    "2024-11-11 p1.2/1 of 1\n"
	    "2024-11-11 p1.3/1 of 1\n"
	    "2024-11-11 p1.4/1 of 1\n"
	    "2024-11-11 p1.5/1 of 1\n"
	    "2024-11-11 p1.6/1 of 1\n");
	assert_false(sched_incomplete(&r.s));
	run_done(&r);
	/* but people still count at the host */
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 甲, owner: liu, when: 2024-11-11..2024-11-12}\n"
	    "      - {title: 乙, owner: liu, when: 2024-11-11..2024-11-12}\n"
	    "      - {title: 丙, owner: liu, when: 2024-11-11..2024-11-12}\n");
	expect_sched(&r, NULL,
	    "2024-11-11 p1.1/1 of 1\n"
	    "2024-11-12 p1.2/1 of 1\n"
	    "unplaced p1.3/1 2024-11-11..2024-11-12\n");
	expect_unplaced_reason(&r, "'liu' is busy", "site");
	run_done(&r);
#undef THREE_AT
}

/*
 * The only day of p1.2 is 11-12, when its owner liu is at a fixed event:
 * unplaced, the reason naming liu. Then the only day of a visit to
 * shaliang is taken by a fixed event at shaliang: the reason names the
 * site.
 */
static void
test_unplaced_reasons(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 会议, at: online, owner: liu, date: 2024-11-12}\n"
	    "      - {title: 讲座, at: online, owner: liu, people: [chen],"
	    " when: 2024-11-12}\n");
	expect_sched(&r, NULL,
	    "2024-11-12 p1.1/1 of 1 fixed\n"
	    "unplaced p1.2/1 2024-11-12..2024-11-12\n");
	expect_unplaced_reason(&r, "'liu'", "chen");
	assert_true(sched_incomplete(&r.s));
	run_done(&r);

	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 捐赠, kind: donation, at: shaliang,"
	    " date: 2024-11-12}\n"
	    "      - {title: 送教, at: partner, partners: [shaliang],"
	    " owner: liu, when: 2024-11-12}\n"
	    "      - {title: 送教, at: partner, partners: [chengguan],"
	    " owner: feng, when: 2024-11-12}\n");
	expect_sched(&r, NULL,
	    "2024-11-12 p1.1/1 of 1 fixed\n"
	    "2024-11-12 p1.3#chengguan/1 of 1\n"
	    "unplaced p1.2#shaliang/1 2024-11-12..2024-11-12\n");
	expect_unplaced_reason(&r, "'shaliang'", "liu");
	assert_true(sched_incomplete(&r.s));
	run_done(&r);
}

/* The quota rows of person id, in the order given, as text. */
static char *
render_quotas(const struct run *r, const char *id)
{
	struct buf b = { NULL, 0, 0 };
	char d1[11], d2[11];
	size_t i;

	bprintf(&b, "%s", "");
	for (i = 0; i < r->s.nquotas; i++) {
		const struct sched_quota *q = &r->s.quotas[i];

		if (strcmp(r->plans[q->plan]->people[q->person].id, id) != 0)
			continue;
		bprintf(&b, "%s..%s %u/%u\n", fmt_day(q->period.from, d1),
		    fmt_day(q->period.to, d2), q->got, q->required);
	}
	return b.p;
}

/*
 * A 3.5-month plan, 2024-09-01..12-15, quota 4 visits per month for the
 * leader feng. Months from the plan start: Sep, Oct, Nov whole (4 each),
 * 12-01..15 prorated: 4 * 15/31 = 1.94, rounded down to 1.
 * feng's events: p1.1 two visits to shaliang in September (09-02 and
 * Saturday 09-14: the 21 September working days 02..06, 09..14 (14 a
 * make-up day), 18..20 (15..17 off), 23..27, 29 (make-up), 30 are sliced
 * 0..10 and 10..21, d[10] = 09-14), p1.2 (09-03, feng being out on 09-02)
 * at the host and p1.3 online (09-04; neither counted), p1.4 four visits at
 * shaliang in October as one of the people (counted), p1.5 one visit to
 * chengguan in December.
 * got: Sep 2, Oct 4, Nov 0, Dec 1: short in Sep and Nov.
 * With a yearly quota of 12 the one period 09-01..12-15 (106 of the 365
 * days up to 2025-09-01) needs 12 * 106/365 = 3.48 -> 3 and gets 7.
 */
static void
test_quotas(void **state)
{
	struct run r;
	char *got;

#define QUOTA_ACTS							\
	ACTS("2024-09-01..2024-12-15")					\
	"      - {title: 送教, at: partner, partners: [shaliang],"	\
	" owner: feng, times: 2, when: 2024-09}\n"			\
	"      - {title: 园内, owner: feng, when: 2024-09}\n"		\
	"      - {title: 网上, at: online, owner: feng, when: 2024-09}\n"	\
	"      - {title: 蹲点, at: shaliang, owner: mu, people: [feng],"	\
	" times: 4, when: 2024-10}\n"					\
	"      - {title: 送教, at: partner, partners: [chengguan],"	\
	" owner: feng, when: 2024-12-02..2024-12-13}\n"
	(void)state;
	run_one(&r, HEAD("2024-09-01..2024-12-15") QUOTA_ACTS
	    "quotas:\n"
	    "  - {people: leadership.leader, visits: 4, per: month}\n");
	expect_sched(&r, NULL,
	    "2024-09-02 p1.1#shaliang/1 of 2\n"
	    "2024-09-03 p1.2/1 of 1\n"
	    "2024-09-04 p1.3/1 of 1\n"
	    "2024-09-14 p1.1#shaliang/2 of 2\n"
	    "2024-10-08 p1.4/1 of 4\n"
	    "2024-10-12 p1.4/2 of 4\n"
	    "2024-10-18 p1.4/3 of 4\n"
	    "2024-10-25 p1.4/4 of 4\n"
	    "2024-12-02 p1.5#chengguan/1 of 1\n");
	got = render_quotas(&r, "feng");
	assert_string_equal(got,
	    "2024-09-01..2024-09-30 2/4\n"
	    "2024-10-01..2024-10-31 4/4\n"
	    "2024-11-01..2024-11-30 0/4\n"
	    "2024-12-01..2024-12-15 1/1\n");
	free(got);
	assert_int_equal(r.s.nquotas, 4);
	assert_int_equal(r.s.nunplaced, 0);
	assert_true(sched_incomplete(&r.s));
	run_done(&r);

	run_one(&r, HEAD("2024-09-01..2024-12-15") QUOTA_ACTS
	    "quotas:\n"
	    "  - {people: [feng], visits: 12, per: year}\n");
	got = render_quotas(&r, "feng");
	assert_string_equal(got, "2024-09-01..2024-12-15 7/3\n");
	free(got);
	assert_int_equal(r.s.nquotas, 1);
	assert_false(sched_incomplete(&r.s));
	run_done(&r);
#undef QUOTA_ACTS
}

/*
 * Two plans scheduled together, both naming wang: plan 0 wants 3
 * meetings in 11-11..15 (slices Mon, Tue-Wed, Thu-Fri), plan 1 wants 2
 * (Mon-Tue, Wed-Fri). Order by slice end, then length, then file order
 * (plan 0 before plan 1): 0/1 Mon, 1/1 Tue (Mon taken), 0/2 Wed (Tue
 * taken), 0/3 Thu, 1/2 Fri (Wed, Thu taken): five different days.
 */
#define TWO_HEAD(host, partner, period)					\
	"pairplan: 1\n"							\
	"plan:\n"							\
	"  title: 计划\n"						\
	"  host: {id: " host ", name: " host "}\n"			\
	"  period: " period "\n"					\
	"partners:\n"							\
	"  - {id: " partner ", name: " partner "}\n"			\
	"people:\n"							\
	"  - {id: wang, name: 王芳}\n"					\
	"leadership: {leader: wang}\n"

static void
test_several_plans(void **state)
{
	struct run r;
	const char *texts[2] = {
		TWO_HEAD("yuan1", "cun1", "2024-11..2024-11")
		ACTS("2024-11..2024-11")
		"      - {title: 甲, at: online, owner: wang, times: 3,"
		" when: 2024-11-11..2024-11-15}\n",
		TWO_HEAD("yuan2", "cun2", "2024-11..2024-11")
		ACTS("2024-11..2024-11")
		"      - {title: 乙, at: online, owner: wang, times: 2,"
		" when: 2024-11-11..2024-11-15}\n",
	};

	(void)state;
	run_plans(&r, 2, texts);
	expect_sched(&r, NULL,
	    "[0] 2024-11-11 p1.1/1 of 3\n"
	    "[1] 2024-11-12 p1.1/1 of 2\n"
	    "[0] 2024-11-13 p1.1/2 of 3\n"
	    "[0] 2024-11-14 p1.1/3 of 3\n"
	    "[1] 2024-11-15 p1.1/2 of 2\n");
	run_done(&r);
	/* alone, plan 1 takes Monday and Wednesday */
	run_plans(&r, 1, texts + 1);
	expect_sched(&r, NULL,
	    "2024-11-11 p1.1/1 of 2\n"
	    "2024-11-13 p1.1/2 of 2\n");
	run_done(&r);
}

/*
 * A mentorship with meet {every: month, at: host} over 2024-09..10:
 * meetings 09-02 and 10-08, series m1: title 师徒结对, kind mentoring,
 * no phase, at the host, people the mentor then the apprentice.
 */
static void
test_mentorship(void **state)
{
	struct run r;
	const struct sched_series *m;
	const struct plan *p;

	(void)state;
	run_one(&r, HEAD("2024-09..2024-12") ACTS("2024-09..2024-12")
	    "      - {title: 讲座, at: online, date: 2024-09-10}\n"
	    "mentorships:\n"
	    "  - mentor: chen\n"
	    "    apprentice: lin\n"
	    "    period: 2024-09..2024-10\n"
	    "    meet: {every: month, at: host}\n");
	expect_sched(&r, "m1",
	    "2024-09-02 m1/1 of 2\n"
	    "2024-10-08 m1/2 of 2\n");
	p = r.plans[0];
	m = series_by_id(&r.s, 0, "m1");
	assert_string_equal(sched_activity(m), "m1");
	assert_string_equal(sched_title(m), "师徒结对");
	assert_string_equal(sched_kind(m), "mentoring");
	assert_int_equal(m->phase, -1);
	assert_null(sched_act(m));
	assert_non_null(sched_ment(m));
	assert_int_equal(m->site, 0);
	assert_int_equal(m->partner, -1);
	assert_int_equal(m->npeople, 2);
	assert_string_equal(p->people[m->people[0]].id, "chen");
	assert_string_equal(p->people[m->people[1]].id, "lin");
	assert_true(m > series_by_id(&r.s, 0, "p1.1"));
	run_done(&r);
}

/*
 * §5.4's order decides who gets a contested day; feng is at fixed
 * meetings on 11-08, 11-11 and 11-25. Slice end first: p1.3 (eligible
 * 08, 11, 12: ends 11-12, 3 days) goes before p1.4 (Tuesdays of
 * 12..19: 12 and 19, ends 11-19, 2 days) although its slice is longer,
 * takes 11-12 and leaves p1.4 11-19. Then slice length: p2.2 (25..26)
 * and p2.3 (26) both end 11-26; p2.3's is shorter, takes 11-26 and
 * leaves p2.2 nothing. Then file order: p2.4 and p2.5 want 11-27 alone,
 * the first written gets it.
 */
static void
test_placement_order(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-11..2024-11")
	    "phases:\n"
	    "  - {id: p1, name: 一, period: 2024-11-01..2024-11-22,"
	    " activities: [\n"
	    "      {title: 会, at: online, owner: feng, date: 2024-11-08},\n"
	    "      {title: 会, at: online, owner: feng, date: 2024-11-11},\n"
	    "      {title: 甲, at: online, owner: feng,"
	    " when: 2024-11-08..2024-11-12},\n"
	    "      {title: 乙, at: online, owner: feng, weekday: tue,"
	    " when: 2024-11-12..2024-11-19}]}\n"
	    "  - {id: p2, name: 二, period: 2024-11-23..2024-11-30,"
	    " activities: [\n"
	    "      {title: 会, at: online, owner: feng, date: 2024-11-25},\n"
	    "      {title: 丙, at: online, owner: feng,"
	    " when: 2024-11-25..2024-11-26},\n"
	    "      {title: 丁, at: online, owner: feng, when: 2024-11-26},\n"
	    "      {title: 戊, at: online, owner: feng, when: 2024-11-27},\n"
	    "      {title: 己, at: online, owner: feng, when: 2024-11-27}]}\n");
	expect_sched(&r, NULL,
	    "2024-11-08 p1.1/1 of 1 fixed\n"
	    "2024-11-11 p1.2/1 of 1 fixed\n"
	    "2024-11-12 p1.3/1 of 1\n"
	    "2024-11-19 p1.4/1 of 1\n"
	    "2024-11-25 p2.1/1 of 1 fixed\n"
	    "2024-11-26 p2.3/1 of 1\n"
	    "2024-11-27 p2.4/1 of 1\n"
	    "unplaced p2.2/1 2024-11-25..2024-11-26\n"
	    "unplaced p2.5/1 2024-11-27..2024-11-27\n");
	run_done(&r);
}

/*
 * Events sort by date, then file order, then occurrence: on 11-11 the
 * partner series of p1.1 (shaliang before chengguan, as listed under
 * partners), then the fixed p1.2 (placed first, sorted by file order),
 * then p1.3; then 11-12. Nobody attends, so nothing collides.
 */
static void
test_event_order(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 送教, at: partner, times: 2,"
	    " when: 2024-11-11..2024-11-12}\n"
	    "      - {title: 签约, at: online, date: 2024-11-11}\n"
	    "      - {title: 讲座, at: online, when: 2024-11-11}\n");
	expect_sched(&r, NULL,
	    "2024-11-11 p1.1#shaliang/1 of 2\n"
	    "2024-11-11 p1.1#chengguan/1 of 2\n"
	    "2024-11-11 p1.2/1 of 1 fixed\n"
	    "2024-11-11 p1.3/1 of 1\n"
	    "2024-11-12 p1.1#shaliang/2 of 2\n"
	    "2024-11-12 p1.1#chengguan/2 of 2\n");
	run_done(&r);
}

/* ---- part 1b: §10 worked out by hand ------------------------------- */

/*
 * site: shared takes no room at its site (§10) but still binds its
 * people and is still held there. shaliang takes one event a day; the
 * fixed p1.1 fills it on 11-12. Order: slice end, then length: p1.2
 * (11-12), p1.3 (11-13, one day), p1.4 (11-12..13), p1.5 (11-12..13,
 * later in the file).
 *   p1.2, shared, owner mu: 11-12 although shaliang is full.
 *   p1.3, shared: 11-13.
 *   p1.4, not shared: 11-12 is full; 11-13 holds only the shared p1.3,
 *         which takes no room: 11-13 (were p1.3 counted, unplaced).
 *   p1.5, shared, owner mu: mu is at p1.2 on 11-12: 11-13.
 * mu's quota counts p1.2 and p1.5: shared events at a partner site are
 * visits all the same.
 */
static void
test_site_shared(void **state)
{
	struct run r;
	const struct sched_series *x;
	char *got;

	(void)state;
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 捐赠, kind: donation, at: shaliang,"
	    " date: 2024-11-12}\n"
	    "      - {title: 驻村, kind: residency, at: shaliang, site: shared,"
	    " owner: mu, when: 2024-11-12}\n"
	    "      - {title: 案头, at: shaliang, site: shared,"
	    " when: 2024-11-13}\n"
	    "      - {title: 送教, at: shaliang, owner: liu,"
	    " when: 2024-11-12..2024-11-13}\n"
	    "      - {title: 整理, at: shaliang, site: 共用, owner: mu,"
	    " when: 2024-11-12..2024-11-13}\n"
	    "quotas:\n"
	    "  - {people: [mu], visits: 2, per: month}\n");
	expect_sched(&r, NULL,
	    "2024-11-12 p1.1/1 of 1 fixed\n"
	    "2024-11-12 p1.2/1 of 1\n"
	    "2024-11-13 p1.3/1 of 1\n"
	    "2024-11-13 p1.4/1 of 1\n"
	    "2024-11-13 p1.5/1 of 1\n");
	x = series_by_id(&r.s, 0, "p1.2");
	assert_true(x->shared);
	assert_string_equal(r.plans[0]->orgs[x->site].id, "shaliang");
	assert_string_equal(r.plans[0]->orgs[x->partner].id, "shaliang");
	assert_true(series_by_id(&r.s, 0, "p1.5")->shared);
	assert_false(series_by_id(&r.s, 0, "p1.4")->shared);
	assert_false(series_by_id(&r.s, 0, "p1.1")->shared);
	got = render_quotas(&r, "mu");
	assert_string_equal(got, "2024-11-01..2024-11-30 2/2\n");
	free(got);
	assert_false(sched_incomplete(&r.s));
	run_done(&r);
	/* Without site: shared, p1.4 has no day. */
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 捐赠, kind: donation, at: shaliang,"
	    " date: 2024-11-12}\n"
	    "      - {title: 案头, at: shaliang, when: 2024-11-13}\n"
	    "      - {title: 送教, at: shaliang, owner: liu,"
	    " when: 2024-11-12..2024-11-13}\n");
	expect_sched(&r, NULL,
	    "2024-11-12 p1.1/1 of 1 fixed\n"
	    "2024-11-13 p1.2/1 of 1\n"
	    "unplaced p1.3/1 2024-11-12..2024-11-13\n");
	expect_unplaced_reason(&r, "site 'shaliang' is full", NULL);
	run_done(&r);
}

/*
 * after and gap (§10), all online and unattended, November 2024 (working
 * days 1, 4-8, 11-15, 18-22, 25-29):
 *   p1.1, times 2 over 11-04..08: slices 04-05 and 06-08: 11-04, 11-06.
 *   p1.2 after p1.1: the working day after 11-06: 11-07.
 *   p1.3 after 甲 (p1.1 by its title), gap 2: 07 and 08 between, 11-11.
 *   p1.4 after [p1.2, p1.3], gap 1: after p1.2 (07) 11-11, after p1.3
 *        (11) 11-13: the later, 11-13 (in layer 2: placed last).
 *   p1.5 after p1.1, gap 3, times 2 over 11-01..29: 07 08 11 between,
 *        11-12 at the earliest; slices 01..14 and 15..29: 11-12, 11-15.
 *   p1.6 the same with gap 6: 07 08 11 12 13 14 between, 11-15 at the
 *        earliest, after the end of the first slice: occurrence 1 is
 *        unplaced, waiting for p1.1; occurrence 2 gets 11-15.
 */
static void
test_after_gap(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 甲, at: online, times: 2,"
	    " when: 2024-11-04..2024-11-08}\n"
	    "      - {title: 乙, at: online, after: p1.1}\n"
	    "      - {title: 丙, at: online, after: 甲, gap: 2}\n"
	    "      - {title: 丁, at: online, after: [p1.2, p1.3], gap: 1}\n"
	    "      - {title: 戊, at: online, after: p1.1, gap: 3, times: 2}\n"
	    "      - {title: 己, at: online, after: p1.1, gap: 6, times: 2}\n");
	expect_sched(&r, NULL,
	    "2024-11-04 p1.1/1 of 2\n"
	    "2024-11-06 p1.1/2 of 2\n"
	    "2024-11-07 p1.2/1 of 1\n"
	    "2024-11-11 p1.3/1 of 1\n"
	    "2024-11-12 p1.5/1 of 2\n"
	    "2024-11-13 p1.4/1 of 1\n"
	    "2024-11-15 p1.5/2 of 2\n"
	    "2024-11-15 p1.6/2 of 2\n"
	    "unplaced p1.6/1 2024-11-01..2024-11-14\n");
	expect_unplaced_reason(&r, "waits for 'p1.1'", NULL);
	run_done(&r);
	/* gap counts working days only: Friday 11-08, gap 1: Tuesday */
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 甲, at: online, when: 2024-11-08}\n"
	    "      - {title: 乙, at: online, after: p1.1, gap: 1}\n");
	expect_sched(&r, NULL,
	    "2024-11-08 p1.1/1 of 1\n"
	    "2024-11-12 p1.2/1 of 1\n");
	run_done(&r);
	/*
	 * A predecessor of several days: 11-07..11 (days 3 from Thursday),
	 * the successor starts the working day after its last day.
	 */
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 甲, at: online, days: 3,"
	    " when: 2024-11-07..2024-11-11}\n"
	    "      - {title: 乙, at: online, after: p1.1}\n");
	expect_sched(&r, NULL,
	    "2024-11-07..2024-11-11 p1.1/1 of 1\n"
	    "2024-11-12 p1.2/1 of 1\n");
	run_done(&r);
}

/*
 * Between two at: partner activities the order holds partner by partner
 * (§10). Window 11-11..15 unless said otherwise.
 *   p1.1 at both partners, owner liu: #shaliang 11-11, #chengguan 11-12
 *        (liu is busy on 11-11).
 *   p1.2 at both, after p1.1: #shaliang after 11-11: 11-12; #chengguan
 *        after 11-12: 11-13 (were the order global, both after 11-12).
 *   p1.3 at shaliang only, on 11-13.
 *   p1.4 at both, after p1.3: #shaliang after 11-13: 11-14; #chengguan,
 *        which p1.3 does not reach, is not held back: 11-11.
 *   p1.5 at the host after p1.1: after both its series: 11-13.
 *   p1.6 at the host after p1.3: 11-14.
 *   p1.7 at both, after p1.5 (host): after 11-13 for each partner;
 *        layer 2, so p1.4#shaliang already holds shaliang on 11-14:
 *        #shaliang 11-15, #chengguan 11-14.
 */
static void
test_after_partner_by_partner(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 甲, at: partner, owner: liu,"
	    " when: 2024-11-11..2024-11-15}\n"
	    "      - {title: 乙, at: partner, after: p1.1,"
	    " when: 2024-11-11..2024-11-15}\n"
	    "      - {title: 丙, at: partner, partners: [shaliang],"
	    " when: 2024-11-13}\n"
	    "      - {title: 丁, at: partner, after: p1.3,"
	    " when: 2024-11-11..2024-11-15}\n"
	    "      - {title: 戊, at: host, after: p1.1,"
	    " when: 2024-11-11..2024-11-15}\n"
	    "      - {title: 己, at: host, after: p1.3,"
	    " when: 2024-11-11..2024-11-15}\n"
	    "      - {title: 庚, at: partner, after: p1.5,"
	    " when: 2024-11-11..2024-11-15}\n");
	expect_sched(&r, NULL,
	    "2024-11-11 p1.1#shaliang/1 of 1\n"
	    "2024-11-11 p1.4#chengguan/1 of 1\n"
	    "2024-11-12 p1.1#chengguan/1 of 1\n"
	    "2024-11-12 p1.2#shaliang/1 of 1\n"
	    "2024-11-13 p1.2#chengguan/1 of 1\n"
	    "2024-11-13 p1.3#shaliang/1 of 1\n"
	    "2024-11-13 p1.5/1 of 1\n"
	    "2024-11-14 p1.4#shaliang/1 of 1\n"
	    "2024-11-14 p1.6/1 of 1\n"
	    "2024-11-14 p1.7#chengguan/1 of 1\n"
	    "2024-11-15 p1.7#shaliang/1 of 1\n");
	assert_false(sched_incomplete(&r.s));
	run_done(&r);
}

/*
 * An unplaced predecessor leaves what comes after it unplaced, "waits
 * for" it; a fixed successor is placed as written all the same.
 *   p1.1 fixed on 11-12, owner liu; p1.2 wants only 11-12 with liu:
 *        unplaced ('liu' is busy).
 *   p1.3 after p1.2: unplaced, waits for 'p1.2'; p1.8 after p1.3 waits
 *        for 'p1.3' in turn.
 *   p1.4 fixed on 11-11, after p1.3: placed as written.
 *   p1.5 after p1.4 (fixed, 11-11): 11-12.
 *   p1.6 on 11-14 and p1.7 fixed on 11-13 after it: as written, before
 *        its predecessor.
 */
static void
test_after_unplaced_and_fixed(void **state)
{
	struct run r;
	size_t i;

	(void)state;
	run_one(&r, HEAD("2024-11..2024-11") ACTS("2024-11..2024-11")
	    "      - {title: 会议, at: online, owner: liu, date: 2024-11-12}\n"
	    "      - {title: 讲座, at: online, owner: liu, when: 2024-11-12}\n"
	    "      - {title: 总结, at: online, after: p1.2,"
	    " when: 2024-11-13..2024-11-15}\n"
	    "      - {title: 签约, at: online, date: 2024-11-11, after: p1.3}\n"
	    "      - {title: 公示, at: online, after: p1.4,"
	    " when: 2024-11-11..2024-11-15}\n"
	    "      - {title: 审核, at: online, when: 2024-11-14}\n"
	    "      - {title: 上报, at: online, date: 2024-11-13, after: p1.6}\n"
	    "      - {title: 发放, at: online, after: p1.3,"
	    " when: 2024-11-13..2024-11-15}\n");
	expect_sched(&r, NULL,
	    "2024-11-11 p1.4/1 of 1 fixed\n"
	    "2024-11-12 p1.1/1 of 1 fixed\n"
	    "2024-11-12 p1.5/1 of 1\n"
	    "2024-11-13 p1.7/1 of 1 fixed\n"
	    "2024-11-14 p1.6/1 of 1\n"
	    "unplaced p1.2/1 2024-11-12..2024-11-12\n"
	    "unplaced p1.3/1 2024-11-13..2024-11-15\n"
	    "unplaced p1.8/1 2024-11-13..2024-11-15\n");
	assert_int_equal(r.s.nunplaced, 3);
	for (i = 0; i < r.s.nunplaced; i++) {
		const struct sched_unplaced *u = &r.s.unplaced[i];
		const char *want = i == 0 ? "'liu' is busy" : i == 1 ?
		    "waits for 'p1.2'" : "waits for 'p1.3'";

		if (strstr(u->reason, want) == NULL)
			fail_msg("%s: reason '%s', want '%s'", u->series->id,
			    u->reason, want);
	}
	run_done(&r);
}

/* Every quota row, with its unit and partner, as text. */
static char *
render_quota_rows(const struct run *r)
{
	struct buf b = { NULL, 0, 0 };
	char d1[11], d2[11];
	size_t i;

	bprintf(&b, "%s", "");
	for (i = 0; i < r->s.nquotas; i++) {
		const struct sched_quota *q = &r->s.quotas[i];
		const struct plan *p = r->plans[q->plan];

		bprintf(&b, "%s%s%s %s %s..%s %u/%u\n", p->people[q->person].id,
		    q->partner >= 0 ? "@" : "",
		    q->partner >= 0 ? p->orgs[q->partner].id : "",
		    q->unit == QU_DAYS ? "days" : "visits",
		    fmt_day(q->period.from, d1), fmt_day(q->period.to, d2),
		    q->got, q->required);
	}
	return b.p;
}

/*
 * Quotas in days (§10): working days at partner sites, counted over each
 * event's days, in the period each day falls in.
 *   p1.1 at shaliang, days 3 from Thursday 10-31 (its window allows no
 *        other start): 10-31, 11-01, 11-04 (the weekend not counted).
 *   p1.2 at chengguan, days 2: 11-11..12.
 *   p1.3 at the host and p1.4 online: neither counted.
 * feng's quota (visits 1 and days 2 a month): two rows for each month,
 * visits first: October 1 visit (p1.1 starts there), 1 day; November 1
 * visit (p1.2), days 11-01, 11-04, 11-11, 11-12 = 4. The pairing v1
 * (days 3 at shaliang a month) counts shaliang only: October 1, November
 * 2. A pairing with neither visits nor days gives no row.
 */
static void
test_quota_days(void **state)
{
	struct run r;
	char *got;

	(void)state;
	run_one(&r, HEAD("2024-10..2024-11") ACTS("2024-10..2024-11")
	    "      - {title: 驻园, at: shaliang, owner: feng, days: 3,"
	    " when: 2024-10-31..2024-11-04}\n"
	    "      - {title: 送教, at: chengguan, owner: feng, days: 2,"
	    " when: 2024-11-11..2024-11-12}\n"
	    "      - {title: 园内, owner: feng, when: 2024-11-13}\n"
	    "      - {title: 网上, at: online, owner: feng, when: 2024-11-14}\n"
	    "quotas:\n"
	    "  - {people: [feng], visits: 1, days: 2, per: month}\n"
	    "pairings:\n"
	    "  - {person: liu, partner: chengguan, role: 园长对园长}\n"
	    "  - {person: feng, partner: shaliang, days: 3, per: 每月}\n");
	expect_sched(&r, NULL,
	    "2024-10-31..2024-11-04 p1.1/1 of 1\n"
	    "2024-11-11..2024-11-12 p1.2/1 of 1\n"
	    "2024-11-13 p1.3/1 of 1\n"
	    "2024-11-14 p1.4/1 of 1\n");
	got = render_quota_rows(&r);
	assert_string_equal(got,
	    "feng visits 2024-10-01..2024-10-31 1/1\n"
	    "feng visits 2024-11-01..2024-11-30 1/1\n"
	    "feng days 2024-10-01..2024-10-31 1/2\n"
	    "feng days 2024-11-01..2024-11-30 4/2\n"
	    "feng@shaliang days 2024-10-01..2024-10-31 1/3\n"
	    "feng@shaliang days 2024-11-01..2024-11-30 2/3\n");
	free(got);
	assert_true(sched_incomplete(&r.s));
	run_done(&r);
	/*
	 * A quota in days alone, per year over 2024-10-01..2024-11-15:
	 * 46 of 365 days, 40 * 46 / 365 = 5.04, rounded down to 5.
	 */
	run_one(&r, HEAD("2024-10-01..2024-11-15")
	    ACTS("2024-10-01..2024-11-15")
	    "      - {title: 驻园, at: shaliang, owner: feng, days: 3,"
	    " when: 2024-10-31..2024-11-04}\n"
	    "quotas:\n"
	    "  - {people: leadership.leader, days: 40}\n");
	got = render_quota_rows(&r);
	assert_string_equal(got,
	    "feng days 2024-10-01..2024-11-15 3/5\n");
	free(got);
	run_done(&r);
}

/*
 * Pairings with visits (§10) are series v1, v2, ... by position among
 * all pairings, N visits in every period from the plan start (a partial
 * last period still gets N), at the partner, owner the person, title
 * 结对走访, kind visit, no phase. Plan 2024-11-01..12-10, no phases:
 *   v1 has no visits: no series (its id is taken all the same).
 *   v2, 2 a month at shaliang: November's 21 working days (1, 4-8,
 *       11-15, 18-22, 25-29) sliced 0..10, 10..21: 11-01, d[10] = 11-15;
 *       December 1-10 (2-6, 9, 10: 7 days) 0..3, 3..7: 12-02, 12-05.
 *   v3, 1 a semester at chengguan: one partial period, 11-01.
 */
static void
test_pairing_visits(void **state)
{
	struct run r;
	const struct sched_series *v;
	const struct plan *p;

	(void)state;
	run_one(&r, HEAD("2024-11-01..2024-12-10")
	    "pairings:\n"
	    "  - {person: feng, partner: chengguan, role: 挂点}\n"
	    "  - {person: liu, partner: shaliang, role: 园长对园长, visits: 2,"
	    " per: month}\n"
	    "  - {person: mu, partner: chengguan, visits: 1, per: 学期}\n");
	expect_sched(&r, NULL,
	    "2024-11-01 v2/1 of 4\n"
	    "2024-11-01 v3/1 of 1\n"
	    "2024-11-15 v2/2 of 4\n"
	    "2024-12-02 v2/3 of 4\n"
	    "2024-12-05 v2/4 of 4\n");
	p = r.plans[0];
	assert_int_equal(r.s.nseries, 2);
	v = series_by_id(&r.s, 0, "v2");
	assert_string_equal(sched_activity(v), "v2");
	assert_string_equal(sched_title(v), "结对走访");
	assert_string_equal(sched_kind(v), "visit");
	assert_int_equal(v->phase, -1);
	assert_null(sched_act(v));
	assert_null(sched_ment(v));
	assert_ptr_equal(sched_pair(v), &p->pairings[1]);
	assert_string_equal(p->orgs[v->site].id, "shaliang");
	assert_string_equal(p->orgs[v->partner].id, "shaliang");
	assert_int_equal(v->npeople, 1);
	assert_string_equal(p->people[v->people[0]].id, "liu");
	assert_false(v->shared);
	v = series_by_id(&r.s, 0, "v3");
	assert_string_equal(p->orgs[v->site].id, "chengguan");
	assert_string_equal(p->people[v->people[0]].id, "mu");
	assert_false(sched_incomplete(&r.s));
	run_done(&r);
	/*
	 * Per year and per semester over 2024-09..2025-10: years from
	 * 2024-09-01 (the second a partial one from 2025-09-01), semesters
	 * from 2024-09-01, 2025-03-01 (a Saturday) and 2025-09-01; one visit
	 * each, on the first working day: 2024-09-02, 2025-03-03, 2025-09-01.
	 */
	run_one(&r, HEAD("2024-09..2025-10")
	    "pairings:\n"
	    "  - {person: feng, partner: shaliang, visits: 1}\n"
	    "  - {person: liu, partner: chengguan, visits: 1,"
	    " per: semester}\n");
	expect_sched(&r, NULL,
	    "2024-09-02 v1/1 of 2\n"
	    "2024-09-02 v2/1 of 3\n"
	    "2025-03-03 v2/2 of 3\n"
	    "2025-09-01 v1/2 of 2\n"
	    "2025-09-01 v2/3 of 3\n");
	run_done(&r);
	/*
	 * Visits at one partner share its room with the activities there.
	 * 11-01 (Fri), 11-04 and 11-05 are the working days; the fixed p1.1
	 * fills shaliang on 11-01. By slice end, then length: v2/1 (11-01:
	 * full, unplaced), v2/2 (11-04), v2/3 (11-05, one day) before v1/1
	 * (11-01..05), which finds every day full.
	 */
	run_one(&r, HEAD("2024-11-01..2024-11-05")
	    ACTS("2024-11-01..2024-11-05")
	    "      - {title: 送教, at: shaliang, date: 2024-11-01}\n"
	    "pairings:\n"
	    "  - {person: liu, partner: shaliang, visits: 1, per: month}\n"
	    "  - {person: feng, partner: shaliang, visits: 3, per: month}\n");
	expect_sched(&r, NULL,
	    "2024-11-01 p1.1/1 of 1 fixed\n"
	    "2024-11-04 v2/2 of 3\n"
	    "2024-11-05 v2/3 of 3\n"
	    "unplaced v1/1 2024-11-01..2024-11-05\n"
	    "unplaced v2/1 2024-11-01..2024-11-01\n");
	run_done(&r);
}

/*
 * every: N months, semester and year (and 每学期), periods counted from
 * the window start (§10), one occurrence each, online:
 *   p1.1 2 months from 2024-09-15: 09-15..11-14 (09-15..17 is the
 *        Mid-Autumn holiday: 09-18), 11-15..01-14 (11-15), 01-15..31
 *        (2025-01-15).
 *   p1.2 semester over 2024-09..2025-08: 09-02, 2025-03-03 (03-01 is a
 *        Saturday).
 *   p1.3 year from 2024-03-15: 2024-03-15, 2025-03-17 (15 and 16 are a
 *        weekend), in the partial year 2025-03-15..2026-01-31.
 *   p1.4 3 months from 2024-11-30: the next periods start 2025-02-28
 *        (30 February does not exist) and 2025-05-30: 12-02 (11-30 is a
 *        Saturday), 02-28, 05-30.
 *   p1.5 每学期 as p1.2.
 */
static void
test_every_months(void **state)
{
	struct run r;

	(void)state;
	run_one(&r, HEAD("2024-03..2026-02") ACTS("2024-03..2026-02")
	    "      - {title: 甲, at: online, every: 2 months,"
	    " when: 2024-09-15..2025-01-31}\n"
	    "      - {title: 乙, at: online, every: semester,"
	    " when: 2024-09..2025-08}\n"
	    "      - {title: 丙, at: online, every: year,"
	    " when: 2024-03-15..2026-01}\n"
	    "      - {title: 丁, at: online, every: 3 months,"
	    " when: 2024-11-30..2025-06-30}\n"
	    "      - {title: 戊, at: online, every: 每学期,"
	    " when: 2024-09..2025-08}\n");
	expect_sched(&r, "p1.1",
	    "2024-09-18 p1.1/1 of 3\n"
	    "2024-11-15 p1.1/2 of 3\n"
	    "2025-01-15 p1.1/3 of 3\n");
	expect_sched(&r, "p1.2",
	    "2024-09-02 p1.2/1 of 2\n"
	    "2025-03-03 p1.2/2 of 2\n");
	expect_sched(&r, "p1.3",
	    "2024-03-15 p1.3/1 of 2\n"
	    "2025-03-17 p1.3/2 of 2\n");
	expect_sched(&r, "p1.4",
	    "2024-12-02 p1.4/1 of 3\n"
	    "2025-02-28 p1.4/2 of 3\n"
	    "2025-05-30 p1.4/3 of 3\n");
	expect_sched(&r, "p1.5",
	    "2024-09-02 p1.5/1 of 2\n"
	    "2025-03-03 p1.5/2 of 2\n");
	run_done(&r);
}

/* ---- part 2: random plans against an independent checker ----------- */

/*
 * The generator keeps what it wrote in its own terms (windows as days,
 * weekday masks, owners as person numbers), and the checker works from
 * that and the plan's calendar only: nothing of sched.c is called but
 * sched_run.
 */

/* xorshift64*: deterministic, seeded per round. */
struct rng {
	uint64_t	 s;
};

static uint32_t
rnd(struct rng *r, uint32_t n)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return (uint32_t)((r->s * 0x2545F4914F6CDD1Dull) >> 33) % n;
}

static bool
chance(struct rng *r, uint32_t pct)
{
	return rnd(r, 100) < pct;
}

#define GMAXORG		4	/* the host and up to 3 partners */
#define GMAXPPL		10
#define GMAXACT		24	/* activities, a mentorship, pairings */
#define GMAXFLEX	16	/* of which activities */
#define GMAXPHASE	3
#define GMAXSENT	3	/* closed and open entries {dates, at} */
#define GMAXPAIR	3

struct gwhen {
	struct span	 win;
	uint32_t	 times, days, every_n;
	int		 every;		/* enum every */
	uint8_t		 wd;		/* allowed weekdays, Monday bit 0 */
};

/*
 * An activity, or a mentorship's meetings (ment), or a pairing's visits
 * (pair: at its partner as AT_ORG, the person its one owner).
 */
struct gact {
	int		 at;		/* enum at */
	int		 org;		/* AT_ORG: org index */
	uint8_t		 parts;		/* AT_PARTNER: bit per org index */
	int		 own[2], nown;	/* person numbers */
	int		 ppl[2], nppl;
	bool		 fixed;
	day_t		 date;
	struct gwhen	 w;
	int		 phase, pos;	/* 1-based */
	bool		 ment;
	int		 pair;		/* pairing number v1, v2, ...; 0: none */
	bool		 shared;	/* site: shared */
	int		 pred[2], npred;	/* after: indexes into acts */
	uint32_t	 gap;
	struct buf	 line;		/* the flow mapping, without its '}' */
};

/* A pairing with days (a quota at its partner). */
struct gpair {
	int		 person, partner, days, months;
};

/* A closed or open entry for some sites only (§13). */
struct gsent {
	bool		 open;
	struct span	 dates;		/* open: one day */
	uint8_t		 at;		/* bit per org index */
};

struct gplan {
	int		 no;		/* org ids differ between plans */
	char		 org[GMAXORG][8];
	int		 norgs, npeople;
	int		 porg[GMAXPPL];	/* each person's org index */
	struct span	 period;
	struct calendar	 cal;
	bool		 crowd;		/* most events at partner sites */
	struct span	 closed[2];
	day_t		 open[1];
	/* site entries, and each site's calendar: cal with its entries */
	struct gsent	 sent[GMAXSENT];
	int		 nsent;
	struct calendar	 scal[GMAXORG];
	struct span	 sclosed[GMAXORG][2 + GMAXSENT];
	day_t		 sopen[GMAXORG][1 + GMAXSENT];
	struct gact	 acts[GMAXACT];
	int		 nacts;
	bool		 quota;
	int		 qppl[2], nq;	/* person numbers */
	int		 qvisits, qdays, qmonths;	/* -1: not asked */
	struct gpair	 pdays[GMAXPAIR];	/* pairings with days */
	int		 npdays;
	struct buf	 y;
};

static const char *const wdnames[3][7] = {
	{ "mon", "tue", "wed", "thu", "fri", "sat", "sun" },
	{ "周一", "周二", "周三", "周四", "周五", "周六", "周日" },
	{ "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日" },
};
static const char *const kinds[] = { "agreement", "teaching-visit",
    "study-visit", "shadowing", "lecture", "demo-lesson", "observation",
    "training", "research", "meeting", "inspection", "exchange" };
static const char *const titles[] = { "送教下乡", "跟班学习", "专题讲座",
    "示范课", "观摩活动", "教研活动", "园务管理培训", "环境创设指导" };

static day_t
month_first(int mi)
{
	return date_from_civil(mi / 12, mi % 12 + 1, 1);
}

static void
put_day(struct buf *b, day_t d)
{
	char s[11];

	bprintf(b, "%s", fmt_day(d, s));
}

static void
put_span(struct buf *b, struct span s)
{
	put_day(b, s.from);
	bprintf(b, "..");
	put_day(b, s.to);
}

/*
 * A working day of the sites in mask (a bit per org index): each site
 * works on it by its own calendar (§13). A series at a site has that
 * site's bit; an online one the bits of its people's kindergartens.
 */
static bool
g_working(const struct gplan *gp, uint8_t mask, day_t d)
{
	int o;

	for (o = 0; o < gp->norgs; o++)
		if ((mask >> o & 1) && !cal_is_working(&gp->scal[o], d))
			return false;
	return true;
}

static bool
g_eligible(const struct gplan *gp, uint8_t mask, const struct gwhen *w,
    day_t d)
{
	return d >= w->win.from && d <= w->win.to &&
	    (w->wd >> date_weekday(d) & 1) && g_working(gp, mask, d);
}

/* The sites of the people of an online series: the host when none. */
static uint8_t
g_people_mask(const struct gplan *gp, const int *a, int na, const int *b,
    int nb)
{
	uint8_t m = 0;
	int i;

	for (i = 0; i < na; i++)
		m |= (uint8_t)(1u << gp->porg[a[i]]);
	for (i = 0; i < nb; i++)
		m |= (uint8_t)(1u << gp->porg[b[i]]);
	return m != 0 ? m : 1;
}

/* d and n months, on its day of the month or the month's last day. */
static day_t
g_add_months(day_t d, int n)
{
	int y, m, dd, mi, dim;

	date_to_civil(d, &y, &m, &dd);
	mi = y * 12 + m - 1 + n;
	dim = date_days_in_month(mi / 12, mi % 12 + 1);
	return date_from_civil(mi / 12, mi % 12 + 1, dd < dim ? dd : dim);
}

/* The periods of §5.1 met by the window; at most max. */
static size_t
g_periods(const struct gwhen *w, struct span *out, size_t max)
{
	day_t start, next;
	int y, m, d, k, months;
	size_t n = 0;

	if (w->every == EV_NONE) {
		out[0] = w->win;
		return 1;
	}
	if (w->every == EV_MONTHS || w->every == EV_SEMESTER ||
	    w->every == EV_YEAR) {
		/* §10: each period N months on from the window start */
		months = w->every == EV_YEAR ? 12 : w->every == EV_SEMESTER ?
		    6 : (int)w->every_n;
		for (k = 0; (start = g_add_months(w->win.from, k * months)) <=
		    w->win.to; k++) {
			next = g_add_months(w->win.from, (k + 1) * months);
			assert_true(n < max);
			out[n].from = start;
			out[n].to = next - 1 > w->win.to ? w->win.to : next - 1;
			n++;
		}
		return n;
	}
	switch (w->every) {
	case EV_WEEK:
	case EV_WEEKS:
		start = w->win.from - date_weekday(w->win.from);
		break;
	case EV_MONTH:
		date_to_civil(w->win.from, &y, &m, &d);
		start = date_from_civil(y, m, 1);
		break;
	default:
		start = w->win.from;
		break;
	}
	for (; start <= w->win.to; start = next) {
		switch (w->every) {
		case EV_WEEK:
			next = start + 7;
			break;
		case EV_WEEKS:
			next = start + 7 * (day_t)w->every_n;
			break;
		case EV_MONTH:
			date_to_civil(start, &y, &m, &d);
			next = m == 12 ? date_from_civil(y + 1, 1, 1) :
			    date_from_civil(y, m + 1, 1);
			break;
		default:
			next = start + (day_t)w->every_n;
			break;
		}
		assert_true(n < max);
		out[n].from = start < w->win.from ? w->win.from : start;
		out[n].to = next - 1 > w->win.to ? w->win.to : next - 1;
		n++;
	}
	return n;
}

static uint32_t
g_count(const struct gplan *gp, uint8_t mask, const struct gwhen *w,
    struct span s)
{
	uint32_t k = 0;
	day_t d;

	for (d = s.from; d <= s.to; d++)
		k += g_eligible(gp, mask, w, d);
	return k;
}

#define GMAXPER	800

/* The most eligible days one period offers (the window without every). */
static uint32_t
g_best(const struct gplan *gp, uint8_t mask, const struct gwhen *w)
{
	static struct span per[GMAXPER];
	size_t i, n = g_periods(w, per, GMAXPER);
	uint32_t best = 0, k;

	for (i = 0; i < n; i++)
		if ((k = g_count(gp, mask, w, per[i])) > best)
			best = k;
	return best;
}

/* The least of g_best over the series of an activity (masks). */
static uint32_t
g_best_all(const struct gplan *gp, const uint8_t *masks, int n,
    const struct gwhen *w)
{
	uint32_t best = UINT32_MAX, k;
	int i;

	for (i = 0; i < n; i++)
		if ((k = g_best(gp, masks[i], w)) < best)
			best = k;
	return best;
}

/* A random day of s that is working, or -1. */
static day_t
g_working_day(struct rng *r, const struct gplan *gp, struct span s)
{
	int i;
	day_t d;

	for (i = 0; i < 30; i++) {
		d = s.from + (day_t)rnd(r, (uint32_t)(s.to - s.from + 1));
		if (g_working(gp, 1, d))
			return d;
	}
	return -1;
}

static void
g_people(struct rng *r, struct gplan *gp, int *v, int *n, int max,
    const int *avoid, int navoid)
{
	int want = (int)rnd(r, (uint32_t)max + 1), i, k, x;

	*n = 0;
	for (i = 0; i < want * 3 && *n < want; i++) {
		x = (int)rnd(r, (uint32_t)gp->npeople);
		for (k = 0; k < *n && v[k] != x; k++)
			;
		if (k < *n)
			continue;
		for (k = 0; k < navoid && avoid[k] != x; k++)
			;
		if (k < navoid)
			continue;
		v[(*n)++] = x;
	}
}

static void
g_list(struct buf *b, const char *key, const int *v, int n)
{
	int i;

	if (n == 0)
		return;
	bprintf(b, "%s: [", key);
	for (i = 0; i < n; i++)
		bprintf(b, "%su%d", i ? ", " : "", v[i]);
	bprintf(b, "], ");
}

/*
 * A window inside [ph] written in one of the forms of §3 into when
 * (empty for the default); returns the span.
 */
static struct span
g_window(struct rng *r, struct span ph, char *when, size_t whensz)
{
	static const char *const part[6] = { "early", "mid", "late", "上旬",
	    "中旬", "下旬" };
	struct span s = ph;
	int y, m, d, y2, m2, d2, p;
	char b1[11], b2[11];
	day_t a, z;

	when[0] = '\0';
	date_to_civil(ph.from, &y, &m, &d);
	date_to_civil(ph.to, &y2, &m2, &d2);
	switch (rnd(r, 6)) {
	case 0:		/* the phase */
		break;
	case 1:		/* one month */
		m += (int)rnd(r, (uint32_t)((y2 - y) * 12 + m2 - m + 1));
		y += (m - 1) / 12;
		m = (m - 1) % 12 + 1;
		s.from = date_from_civil(y, m, 1);
		s.to = s.from + date_days_in_month(y, m) - 1;
		snprintf(when, whensz, "%04d-%02d", y, m);
		break;
	case 2:		/* a third of a month */
		m += (int)rnd(r, (uint32_t)((y2 - y) * 12 + m2 - m + 1));
		y += (m - 1) / 12;
		m = (m - 1) % 12 + 1;
		p = (int)rnd(r, 6);
		s.from = date_from_civil(y, m, 1 + 10 * (p % 3));
		s.to = p % 3 < 2 ? s.from + 9 :
		    date_from_civil(y, m, date_days_in_month(y, m));
		snprintf(when, whensz, "%04d-%02d %s", y, m, part[p]);
		break;
	case 3:		/* one day */
		s.from = s.to = ph.from + (day_t)rnd(r,
		    (uint32_t)(ph.to - ph.from + 1));
		snprintf(when, whensz, "%s", fmt_day(s.from, b1));
		break;
	default:	/* days A..B */
		a = ph.from + (day_t)rnd(r, (uint32_t)(ph.to - ph.from + 1));
		z = ph.from + (day_t)rnd(r, (uint32_t)(ph.to - ph.from + 1));
		s.from = a < z ? a : z;
		s.to = a < z ? z : a;
		snprintf(when, whensz, "%s..%s", fmt_day(s.from, b1),
		    fmt_day(s.to, b2));
		break;
	}
	return s;
}

/* Random every, weekday, days and times for w; false: nothing fits. */
static bool
g_sched_keys(struct rng *r, const struct gplan *gp, struct gwhen *w,
    bool allow_days, const uint8_t *masks, int nmasks)
{
	uint32_t best, cap;

	w->every = EV_NONE;
	w->every_n = 1;
	switch (rnd(r, 10)) {
	case 0:
	case 1:
		w->every = EV_WEEK;
		break;
	case 2:
		w->every = EV_MONTH;
		break;
	case 3:
		w->every = EV_WEEKS;
		w->every_n = 2 + rnd(r, 2);
		break;
	case 4:
		w->every = EV_DAYS;
		w->every_n = 3 + rnd(r, 8);
		break;
	case 5:		/* §10: months, semesters, years from the start */
		switch (rnd(r, 4)) {
		case 0:
			w->every = EV_SEMESTER;
			break;
		case 1:
			w->every = EV_YEAR;
			break;
		default:
			w->every = EV_MONTHS;
			w->every_n = 2 + rnd(r, 2);
			break;
		}
		break;
	default:
		break;
	}
	w->wd = 0x7F;
	if (chance(r, 30))
		w->wd = (uint8_t)(1 + rnd(r, 0x7F));
	w->days = 1;
	if (allow_days && chance(r, 25)) {
		struct gwhen all = *w;

		/* validate wants that many working days in the window */
		all.every = EV_NONE;
		all.wd = 0x7F;
		w->days = 2 + rnd(r, 2);
		if (g_best_all(gp, masks, nmasks, &all) < w->days)
			w->days = 1;
	}
	if ((best = g_best_all(gp, masks, nmasks, w)) == 0) {
		w->wd = 0x7F;
		if ((best = g_best_all(gp, masks, nmasks, w)) == 0)
			return false;
	}
	cap = w->every == EV_NONE ? 5 : 3;
	w->times = 1 + rnd(r, best < cap ? best : cap);
	if (w->every == EV_NONE && best <= 25 && chance(r, 10))
		w->times = best;	/* as tight as validate allows */
	return true;
}

/*
 * The scheduling keys of w. Keywords are spelt in English or with their
 * Chinese synonyms (§10), chosen by the window's first day.
 */
static void
g_when_keys(struct buf *b, const struct gwhen *w, const char *when)
{
	int i, n = 0, zh = (int)((uint32_t)w->win.from % 3);

	if (when[0] != '\0')
		bprintf(b, "when: %s, ", when);
	if (w->times != 1)
		bprintf(b, "times: %u, ", w->times);
	switch (w->every) {
	case EV_WEEK:
		bprintf(b, "every: week, ");
		break;
	case EV_MONTH:
		bprintf(b, "every: month, ");
		break;
	case EV_WEEKS:
		bprintf(b, "every: %u weeks, ", w->every_n);
		break;
	case EV_DAYS:
		bprintf(b, "every: %u days, ", w->every_n);
		break;
	case EV_MONTHS:
		bprintf(b, "every: %u months, ", w->every_n);
		break;
	case EV_SEMESTER:
		bprintf(b, "every: %s, ", zh ? "每学期" : "semester");
		break;
	case EV_YEAR:
		bprintf(b, "every: %s, ", zh ? "每年" : "year");
		break;
	default:
		break;
	}
	if (w->wd != 0x7F) {
		bprintf(b, "weekday: [");
		for (i = 0, n = 0; i < 7; i++)
			if (w->wd >> i & 1)
				bprintf(b, "%s%s", n++ ? ", " : "",
				    wdnames[zh][i]);
		bprintf(b, "], ");
	}
	if (w->days != 1)
		bprintf(b, "days: %u, ", w->days);
}

/*
 * The activities of one phase, each a YAML flow mapping in its line
 * (without the closing brace: after and gap may follow).
 */
static void
g_activities(struct rng *r, struct gplan *gp, int phase, struct span ph)
{
	int i, n = 1 + (int)rnd(r, 4), k, pos = 0;
	char when[64];

	for (i = 0; i < n && gp->nacts < GMAXFLEX - 1; i++) {
		struct gact *a = &gp->acts[gp->nacts];
		struct buf line = { NULL, 0, 0 };
		uint8_t masks[GMAXORG];
		int np = 0, nm = 0;

		memset(a, 0, sizeof(*a));
		a->phase = phase;
		a->pos = pos + 1;
		bprintf(&line, "      - {title: %s, kind: %s, ",
		    titles[rnd(r, sizeof(titles) / sizeof(titles[0]))],
		    kinds[rnd(r, sizeof(kinds) / sizeof(kinds[0]))]);
		k = (int)rnd(r, 20);
		if (gp->crowd)		/* partners, and their own ids */
			k = k < 4 ? 0 : k < 12 ? 7 : k < 14 ? 14 : 17;
		if (k < 7) {
			a->at = AT_HOST;
			if (chance(r, 50))
				bprintf(&line, "at: %s, ", chance(r, 30) ?
				    "本园" : "host");
		} else if (k < 14) {
			a->at = AT_PARTNER;
			bprintf(&line, "at: %s, ", chance(r, 30) ? "结对园" :
			    "partner");
			if (gp->norgs > 2 && chance(r, 40)) {
				while (a->parts == 0)
					a->parts = (uint8_t)(rnd(r, 1u <<
					    gp->norgs) & ~1u);
				bprintf(&line, "partners: [");
				for (k = 1; k < gp->norgs; k++)
					if (a->parts >> k & 1)
						bprintf(&line, "%s%s",
						    np++ ? ", " : "",
						    gp->org[k]);
				bprintf(&line, "], ");
			} else
				a->parts = (uint8_t)(((1u << gp->norgs) - 1) &
				    ~1u);
		} else if (k < 17) {
			a->at = AT_ONLINE;
			bprintf(&line, "at: %s, ", chance(r, 30) ? "线上" :
			    "online");
		} else {
			a->at = AT_ORG;
			a->org = gp->crowd ? 1 + (int)rnd(r, (uint32_t)gp->norgs -
			    1) : (int)rnd(r, (uint32_t)gp->norgs);
			bprintf(&line, "at: %s, ", gp->org[a->org]);
		}
		if (a->at != AT_ONLINE && chance(r, gp->crowd ? 35 : 12)) {
			a->shared = true;
			bprintf(&line, "site: %s, ", chance(r, 30) ? "共用" :
			    "shared");
		}
		g_people(r, gp, a->own, &a->nown, 2, NULL, 0);
		g_people(r, gp, a->ppl, &a->nppl, 2, a->own, a->nown);
		g_list(&line, "owner", a->own, a->nown);
		g_list(&line, "people", a->ppl, a->nppl);
		switch (a->at) {
		case AT_PARTNER:
			for (k = 1; k < gp->norgs; k++)
				if (a->parts >> k & 1)
					masks[nm++] = (uint8_t)(1u << k);
			break;
		case AT_ONLINE:
			masks[nm++] = g_people_mask(gp, a->own, a->nown,
			    a->ppl, a->nppl);
			break;
		default:
			masks[nm++] = (uint8_t)(1u << (a->at == AT_ORG ?
			    a->org : 0));
			break;
		}
		if (chance(r, 15) && (a->date = g_working_day(r, gp, ph)) >= 0) {
			a->fixed = true;
			a->w.win.from = a->w.win.to = a->date;
			a->w.times = 1;
			a->w.wd = 0x7F;
			a->w.days = chance(r, 10) ? 2 : 1;
			bprintf(&line, "date: ");
			put_day(&line, a->date);
			if (a->w.days > 1)
				bprintf(&line, ", days: %u", a->w.days);
		} else {
			a->w.win = g_window(r, ph, when, sizeof(when));
			if (!g_sched_keys(r, gp, &a->w, true, masks, nm)) {
				a->w.win = ph;
				when[0] = '\0';
				if (!g_sched_keys(r, gp, &a->w, true, masks,
				    nm)) {
					free(line.p);
					continue;	/* all closed */
				}
			}
			g_when_keys(&line, &a->w, when);
			bprintf(&line, "note: 随机");
		}
		a->line = line;
		gp->nacts++;
		pos++;
	}
}

/*
 * after and gap between the activities (none of the mentorship): each
 * activity has a random rank and may come after activities of a lower
 * rank only, so there is no cycle, and an activity may come after one
 * written later in the file.
 */
static void
g_after(struct rng *r, struct gplan *gp)
{
	int rank[GMAXACT], i, j, k, t, cand[GMAXACT], nc;
	bool partners_only;

	for (i = 0; i < gp->nacts; i++)
		rank[i] = i;
	for (i = gp->nacts - 1; i > 0; i--) {
		j = (int)rnd(r, (uint32_t)i + 1);
		t = rank[i];
		rank[i] = rank[j];
		rank[j] = t;
	}
	for (i = 0; i < gp->nacts; i++) {
		struct gact *a = &gp->acts[i];

		if (!chance(r, 30))
			continue;
		/* at: partner after at: partner (partner by partner) often */
		partners_only = a->at == AT_PARTNER && chance(r, 60);
		for (j = nc = 0; j < gp->nacts; j++)
			if (rank[j] < rank[i] && (!partners_only ||
			    gp->acts[j].at == AT_PARTNER))
				cand[nc++] = j;
		for (j = 0; nc == 0 && j < gp->nacts; j++)
			if (rank[j] < rank[i])
				cand[nc++] = j;
		if (nc == 0)
			continue;
		k = 1 + (int)rnd(r, 2);
		while (a->npred < k && a->npred < nc) {
			j = cand[rnd(r, (uint32_t)nc)];
			for (t = 0; t < a->npred && a->pred[t] != j; t++)
				;
			if (t == a->npred)
				a->pred[a->npred++] = j;
		}
		a->gap = chance(r, 50) ? 0 : 1 + rnd(r, 4);
		bprintf(&a->line, ", after: ");
		if (a->npred == 1 && chance(r, 50))
			bprintf(&a->line, "p%d.%d", gp->acts[a->pred[0]].phase,
			    gp->acts[a->pred[0]].pos);
		else {
			bprintf(&a->line, "[");
			for (t = 0; t < a->npred; t++)
				bprintf(&a->line, "%sp%d.%d", t ? ", " : "",
				    gp->acts[a->pred[t]].phase,
				    gp->acts[a->pred[t]].pos);
			bprintf(&a->line, "]");
		}
		if (a->gap > 0 || chance(r, 20))
			bprintf(&a->line, ", gap: %u", a->gap);
	}
}

/* A random valid plan (number no) into gp->y. */
static void
g_plan(struct rng *r, struct gplan *gp, int no)
{
	struct buf *b;
	int mi0, mi1, nph, i, k, cut[GMAXPHASE + 1];
	uint32_t ndays;
	day_t d;

	memset(gp, 0, sizeof(*gp));
	b = &gp->y;
	gp->no = no;
	gp->norgs = 2 + (int)rnd(r, 3);
	gp->crowd = chance(r, 25);
	gp->npeople = 3 + (int)rnd(r, 8);
	snprintf(gp->org[0], sizeof(gp->org[0]), "h%d", no);
	for (i = 1; i < gp->norgs; i++)
		snprintf(gp->org[i], sizeof(gp->org[i]), "k%d%c", no,
		    'a' + i - 1);
	mi0 = 2024 * 12 + (int)rnd(r, 21);
	mi1 = mi0 + 1 + (int)rnd(r, 5);
	if (chance(r, 20))	/* long enough for semesters and years */
		mi1 = mi0 + 6 + (int)rnd(r, 12);
	if (mi1 > 2025 * 12 + 11)
		mi1 = 2025 * 12 + 11;
	gp->period.from = month_first(mi0);
	gp->period.to = month_first(mi1 + 1) - 1;
	ndays = (uint32_t)(gp->period.to - gp->period.from + 1);

	/* the calendar, kept for the checker too */
	cal_init(&gp->cal);
	if (chance(r, 20))
		gp->cal.workdays = 0x3F;
	gp->cal.cn = !chance(r, 10);
	gp->cal.nclosed = rnd(r, 3);
	for (i = 0; i < (int)gp->cal.nclosed; i++) {
		gp->closed[i].from = gp->period.from + (day_t)rnd(r, ndays);
		gp->closed[i].to = gp->closed[i].from + 2 + (day_t)rnd(r, 38);
		if (gp->closed[i].to > gp->period.to)
			gp->closed[i].to = gp->period.to;
	}
	gp->cal.closed = gp->closed;
	if (chance(r, 30)) {
		d = gp->period.from + (day_t)rnd(r, ndays);
		gp->open[0] = d + (7 - date_weekday(d)) % 7;	/* a Sunday */
		if (gp->open[0] <= gp->period.to)
			gp->cal.nopen = 1;
	}
	gp->cal.open = gp->open;
	gp->cal.visits_per_day = 1 + rnd(r, 2);
	/* entries for some sites only (§13) */
	if (chance(r, 45)) {
		gp->nsent = 1 + (int)rnd(r, GMAXSENT);
		for (i = 0; i < gp->nsent; i++) {
			struct gsent *e = &gp->sent[i];

			e->open = chance(r, 30);
			e->at = (uint8_t)(1 + rnd(r, (1u << gp->norgs) - 1));
			d = gp->period.from + (day_t)rnd(r, ndays);
			if (e->open) {
				d += (WD_SAT - date_weekday(d) + 7) % 7;
				if (d > gp->period.to)
					d -= 7;
				e->dates.from = e->dates.to = d;
			} else {
				e->dates.from = d;
				e->dates.to = d + 1 + (day_t)rnd(r, 20);
				if (e->dates.to > gp->period.to)
					e->dates.to = gp->period.to;
			}
		}
	}

	bprintf(b, "pairplan: 1\nplan:\n  title: 随机计划%d\n", no);
	bprintf(b, "  host: {id: %s, name: 示范园%d}\n", gp->org[0], no);
	bprintf(b, "  period: %04d-%02d..%04d-%02d\n", mi0 / 12, mi0 % 12 + 1,
	    mi1 / 12, mi1 % 12 + 1);
	bprintf(b, "partners:\n");
	for (i = 1; i < gp->norgs; i++)
		bprintf(b, "  - {id: %s, name: 结对园%s}\n", gp->org[i],
		    gp->org[i]);
	bprintf(b, "people:\n");
	for (i = 0; i < gp->npeople; i++) {
		k = (int)rnd(r, (uint32_t)gp->norgs + 2);
		bprintf(b, "  - {id: u%d, name: 人员%d号%d", i, i, no);
		gp->porg[i] = 0;
		if (k > 0 && k < gp->norgs) {
			bprintf(b, ", org: %s", gp->org[k]);
			gp->porg[i] = k;
		}
		bprintf(b, "}\n");
	}
	bprintf(b, "leadership: {leader: u0}\n");
	bprintf(b, "calendar:\n");
	if (gp->cal.workdays == 0x3F)
		bprintf(b, "  workdays: [mon, tue, wed, thu, fri, sat]\n");
	if (!gp->cal.cn)
		bprintf(b, "  holidays: none\n");
	for (k = 0; k < 2; k++) {	/* closed, then open */
		int n = 0;

		for (i = 0; i < (k ? (int)gp->cal.nopen : (int)gp->cal.nclosed);
		    i++) {
			bprintf(b, n++ ? ", " : k ? "  open: [" : "  closed: [");
			if (k)
				put_day(b, gp->open[0]);
			else
				put_span(b, gp->closed[i]);
		}
		for (i = 0; i < gp->nsent; i++) {
			const struct gsent *e = &gp->sent[i];
			int o, m = 0;

			if (e->open != (k == 1))
				continue;
			bprintf(b, n++ ? ", " : k ? "  open: [" : "  closed: [");
			bprintf(b, "{dates: ");
			if (k)
				put_day(b, e->dates.from);
			else
				put_span(b, e->dates);
			bprintf(b, ", at: [");
			for (o = 0; o < gp->norgs; o++)
				if (e->at >> o & 1)
					bprintf(b, "%s%s", m++ ? ", " : "",
					    o == 0 && (i & 1) ? "host" :
					    gp->org[o]);
			bprintf(b, "]}");
		}
		if (n > 0)
			bprintf(b, "]\n");
	}
	bprintf(b, "  visits-per-day: %u\n", gp->cal.visits_per_day);
	/* cal_normalise sorts and merges in place: the checker's copy */
	cal_normalise(&gp->cal);
	/* each site's calendar: the plan's with the site's own entries */
	for (k = 0; k < gp->norgs; k++) {
		struct calendar *c = &gp->scal[k];

		*c = gp->cal;
		c->closed = gp->sclosed[k];
		c->open = gp->sopen[k];
		memcpy(c->closed, gp->cal.closed, gp->cal.nclosed *
		    sizeof(*c->closed));
		memcpy(c->open, gp->cal.open, gp->cal.nopen *
		    sizeof(*c->open));
		for (i = 0; i < gp->nsent; i++) {
			if (!(gp->sent[i].at >> k & 1))
				continue;
			if (gp->sent[i].open)
				c->open[c->nopen++] = gp->sent[i].dates.from;
			else
				c->closed[c->nclosed++] = gp->sent[i].dates;
		}
		cal_normalise(c);
	}

	/* phases: consecutive runs of months */
	nph = 1 + (int)rnd(r, GMAXPHASE);
	if (nph > mi1 - mi0 + 1)
		nph = mi1 - mi0 + 1;
	cut[0] = mi0;
	cut[nph] = mi1 + 1;
	for (i = 1; i < nph; i++) {
		cut[i] = cut[i - 1] + 1 + (int)rnd(r, (uint32_t)(mi1 + 1 -
		    cut[i - 1] - (nph - i)));
	}
	for (i = 0; i < nph; i++) {
		struct span ph = { month_first(cut[i]),
		    month_first(cut[i + 1]) - 1 };

		k = gp->nacts;
		g_activities(r, gp, i + 1, ph);
		if (gp->nacts == k) {
			/* no activity fitted: one fixed day, in the model too */
			struct gact *a = &gp->acts[gp->nacts++];

			memset(a, 0, sizeof(*a));
			bprintf(&a->line, "      - {title: 签约, date: "
			    "%04d-%02d-01, at: online", cut[i] / 12,
			    cut[i] % 12 + 1);
			a->phase = i + 1;
			a->pos = 1;
			a->at = AT_ONLINE;
			a->fixed = true;
			a->date = ph.from;
			a->w.win = ph;
			a->w.win.to = ph.from;
			a->w.times = a->w.days = 1;
			a->w.wd = 0x7F;
		}
	}
	g_after(r, gp);
	bprintf(b, "phases:\n");
	for (i = 0, k = 0; i < nph; i++) {
		bprintf(b, "  - name: 第%d阶段\n    period: %04d-%02d..%04d-%02d\n",
		    i + 1, cut[i] / 12, cut[i] % 12 + 1, (cut[i + 1] - 1) / 12,
		    (cut[i + 1] - 1) % 12 + 1);
		bprintf(b, "    activities:\n");
		for (; k < gp->nacts && gp->acts[k].phase == i + 1; k++) {
			bprintf(b, "%s}\n", gp->acts[k].line.p);
			free(gp->acts[k].line.p);
			gp->acts[k].line.p = NULL;
		}
	}

	/* a mentorship with meetings */
	if (gp->npeople >= 2 && chance(r, 35)) {
		struct gact *a = &gp->acts[gp->nacts];
		struct span per = gp->period;
		uint8_t mmask;
		char when[8];

		memset(a, 0, sizeof(*a));
		a->ment = true;
		a->phase = -1;
		a->own[0] = (int)rnd(r, (uint32_t)gp->npeople);
		a->ppl[0] = (a->own[0] + 1 + (int)rnd(r,
		    (uint32_t)gp->npeople - 1)) % gp->npeople;
		a->nown = a->nppl = 1;
		a->at = chance(r, 70) ? AT_HOST : AT_ONLINE;
		a->w.win = per;
		when[0] = '\0';
		mmask = a->at == AT_HOST ? 1 : g_people_mask(gp, a->own, 1,
		    a->ppl, 1);
		if (g_sched_keys(r, gp, &a->w, false, &mmask, 1)) {
			bprintf(b, "mentorships:\n  - {mentor: u%d, apprentice: "
			    "u%d, meet: {at: %s, ", a->own[0], a->ppl[0],
			    a->at == AT_HOST ? "host" : "online");
			g_when_keys(b, &a->w, when);
			b->n -= 2;	/* the last ", " */
			bprintf(b, "}}\n");
			gp->nacts++;
		}
	}

	/*
	 * Pairings (§10): with visits a series v<n> at the partner, N visits
	 * in each period from the plan start; with days a quota there; or
	 * neither. Each takes its number v<n> by position.
	 */
	if (chance(r, 40)) {
		static const int pmonths[3] = { 12, 6, 1 };
		static const char *const pername[3][2] = {
			{ "year", "每年" }, { "semester", "学期" },
			{ "month", "每月" },
		};
		int np = 1 + (int)rnd(r, GMAXPAIR);

		bprintf(b, "pairings:\n");
		for (i = 0; i < np; i++) {
			int who = (int)rnd(r, (uint32_t)gp->npeople);
			int org = 1 + (int)rnd(r, (uint32_t)gp->norgs - 1);
			int pk = (int)rnd(r, 3), what = (int)rnd(r, 10);

			bprintf(b, "  - {person: u%d, partner: %s, role: 结对",
			    who, gp->org[org]);
			if (pk != 0 || chance(r, 50))
				bprintf(b, ", per: %s", pername[pk][rnd(r, 2)]);
			if (what < 6) {
				struct gact *a = &gp->acts[gp->nacts++];

				memset(a, 0, sizeof(*a));
				a->pair = i + 1;
				a->phase = -1;
				a->at = AT_ORG;
				a->org = org;
				a->own[0] = who;
				a->nown = 1;
				a->w.win = gp->period;
				a->w.every = pk == 0 ? EV_YEAR : pk == 1 ?
				    EV_SEMESTER : EV_MONTHS;
				a->w.every_n = 1;
				a->w.times = 1 + rnd(r, 3);
				a->w.wd = 0x7F;
				a->w.days = 1;
				bprintf(b, ", visits: %u", a->w.times);
			}
			if (what >= 4 && what < 8) {
				struct gpair *q = &gp->pdays[gp->npdays++];

				q->person = who;
				q->partner = org;
				q->months = pmonths[pk];
				q->days = (int)rnd(r, 12);
				bprintf(b, ", days: %d", q->days);
			}
			bprintf(b, "}\n");
		}
	}
	if (chance(r, 50)) {
		static const int months[3] = { 12, 6, 1 };
		static const char *const per[3] = { "year", "semester",
		    "month" };

		gp->quota = true;
		k = (int)rnd(r, 3);
		gp->qmonths = months[k];
		gp->qvisits = gp->qdays = -1;
		switch (rnd(r, 4)) {
		case 0:
			gp->qdays = 1 + (int)rnd(r, 8);
			break;
		case 1:
			gp->qdays = 1 + (int)rnd(r, 8);
			/* FALLTHROUGH */
		default:
			gp->qvisits = 1 + (int)rnd(r, 4);
			break;
		}
		if (chance(r, 50)) {
			gp->qppl[0] = 0;
			gp->nq = 1;
			bprintf(b, "quotas:\n  - {people: leadership.leader, ");
		} else {
			gp->qppl[0] = 1;
			gp->qppl[1] = 2;
			gp->nq = 2;
			bprintf(b, "quotas:\n  - {people: [u1, u2], ");
		}
		if (gp->qvisits >= 0)
			bprintf(b, "visits: %d, ", gp->qvisits);
		if (gp->qdays >= 0)
			bprintf(b, "days: %d, ", gp->qdays);
		bprintf(b, "per: %s}\n", per[k]);
	}
}

/* ---- the checker --------------------------------------------------- */

enum check {
	C_SERIES, C_WORKING, C_WEEKDAY, C_WINDOW, C_SLICE, C_END, C_FIXED,
	C_PERSON, C_SITE, C_ACCOUNT, C_SKIPPED, C_ORDER, C_MAXIMAL,
	C_GREEDY, C_QUOTA, C_DETERMINISM, C_AFTER, C__COUNT
};
static const char *const check_names[C__COUNT] = {
	"series (ids, plans, occurrence totals)",
	"flexible event on a non-working day",
	"flexible event starting on a weekday not allowed",
	"flexible event outside its window",
	"flexible event outside its own slice",
	"end is not the (days-1)th next working day",
	"fixed event not as written",
	"person at two events on one day",
	"partner site over visits-per-day",
	"occurrences not accounted for exactly once",
	"skipped periods wrong",
	"events out of order",
	"unplaced though a day of its slice is free at the end",
	"fewer placed than the reference greedy",
	"quota wrong",
	"not deterministic",
	"after: too early, or placed while waiting, or the wrong reason",
};

struct tally {
	unsigned	 n[C__COUNT];
	unsigned	 plans, invalid, rounds;
	unsigned	 events, unplaced, skipped, fixed, quotas, refplaced;
	unsigned	 siteevents;	/* at a site with entries of its own */
	unsigned	 after, waits, shared, pairs;
};

static struct tally tally;

static void
violation(enum check c, uint64_t seed, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
violation(enum check c, uint64_t seed, const char *fmt, ...)
{
	va_list ap;
	char msg[256];

	if (tally.n[c]++ < 3) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		print_message("  [%s] round seed %llu: %s\n", check_names[c],
		    (unsigned long long)seed, msg);
	}
}

/* One occurrence as the contract defines it. */
struct xocc {
	uint32_t	 series;
	uint32_t	 number;	/* 1-based */
	uint32_t	 lo, hi;	/* its slice: the series' d[lo..hi) */
	bool		 fixed;
	int		 seen;
};

#define XMAXPRED	8

/* One series as the contract defines it. */
struct xseries {
	int		 plan;
	const struct gplan *gp;
	const struct gact *ga;
	char		 id[32];
	int		 site;		/* global site, -1 online */
	uint8_t		 mask;		/* whose calendars: g_working */
	int		 room;		/* the global site it takes room at, or -1 */
	int		 partner;	/* at: partner: its partner's org index */
	int		 ppl[4], nppl;	/* person numbers: one namespace */
	uint32_t	 pred[XMAXPRED], npred;	/* series it comes after */
	uint32_t	 layer;
	day_t		*d;		/* eligible days of its periods */
	uint32_t	 nd;
	uint32_t	 occ0, of;	/* its occurrences in xocc */
	struct span	*skip;
	uint32_t	 nskip;
};

struct xsched {
	struct xseries	*s;
	uint32_t	 ns;
	struct xocc	*o;
	uint32_t	 no;
	day_t		 base;		/* occupancy from here */
	uint32_t	 ndays;
	uint8_t		*pbusy[2];	/* [flex|fixed][person][day] */
	uint8_t		*sbusy[2];	/* [flex|fixed][site][day] */
};

#define XPERSONS	GMAXPPL
#define XSITES		(MAXPLANS * GMAXORG)

static void
xs_add_occ(struct xsched *x, uint32_t si, uint32_t lo, uint32_t hi,
    bool fixed)
{
	struct xocc *o;

	x->o = realloc(x->o, (x->no + 1) * sizeof(*x->o));
	assert_non_null(x->o);
	o = &x->o[x->no++];
	o->series = si;
	o->number = ++x->s[si].of;
	o->lo = lo;
	o->hi = hi;
	o->fixed = fixed;
	o->seen = 0;
}

/* Expands one series: eligible days, slices per period, skipped periods. */
static void
xs_expand(struct xsched *x, uint32_t si)
{
	static struct span per[GMAXPER];
	struct xseries *s = &x->s[si];
	const struct gwhen *w = &s->ga->w;
	size_t i, n;
	uint32_t t, k, first;
	day_t dd;

	s->occ0 = x->no;
	if (s->ga->fixed) {
		s->d = malloc(sizeof(*s->d));
		assert_non_null(s->d);
		s->d[s->nd++] = s->ga->date;
		xs_add_occ(x, si, 0, 1, true);
		return;
	}
	n = g_periods(w, per, GMAXPER);
	s->d = malloc((size_t)(w->win.to - w->win.from + 1) * sizeof(*s->d));
	s->skip = malloc(n * sizeof(*s->skip));
	assert_non_null(s->d);
	assert_non_null(s->skip);
	for (i = 0; i < n; i++) {
		first = s->nd;
		for (dd = per[i].from; dd <= per[i].to; dd++)
			if (g_eligible(s->gp, s->mask, w, dd))
				s->d[s->nd++] = dd;
		k = s->nd - first;
		if (k == 0) {
			s->skip[s->nskip++] = per[i];
			continue;
		}
		for (t = 0; t < w->times; t++)
			xs_add_occ(x, si, first + (uint32_t)((uint64_t)t * k /
			    w->times), first + (uint32_t)((uint64_t)(t + 1) *
			    k / w->times), false);
	}
}

/*
 * The days an occurrence starting on d occupies: d and the next days-1
 * working days. Returns their number.
 */
static uint32_t
x_occupied(const struct gplan *gp, uint8_t mask, day_t d, uint32_t days,
    day_t *out)
{
	uint32_t n = 0;
	day_t e = d;
	int guard = 0;

	out[n++] = d;
	while (n < days && guard++ < 400)
		if (g_working(gp, mask, ++e))
			out[n++] = e;
	return n;
}

/* The working day n working days after the first one after d (§10 gap). */
static day_t
x_working_after(const struct gplan *gp, uint8_t mask, day_t d, uint32_t n)
{
	uint32_t k = 0;
	int guard = 0;

	while (guard++ < 2000)
		if (g_working(gp, mask, ++d) && k++ == n)
			return d;
	return INT32_MAX;
}

static uint8_t *
x_cell(const struct xsched *x, uint8_t *m, int who, day_t d)
{
	int64_t i = (int64_t)d - x->base;

	assert_true(i >= 0 && i < (int64_t)x->ndays);
	return &m[(size_t)who * x->ndays + (size_t)i];
}

/*
 * Counts an occurrence of series s on the days it occupies: its people,
 * and its site when that is a partner's and it takes room (§10).
 */
static void
x_take(struct xsched *x, const struct xseries *s, day_t d, bool fixed)
{
	day_t occ[400];
	uint32_t i, n = x_occupied(s->gp, s->mask, d, s->ga->w.days, occ);
	int k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < s->nppl; k++)
			++*x_cell(x, x->pbusy[fixed], s->ppl[k], occ[i]);
		if (s->room >= 0)
			++*x_cell(x, x->sbusy[fixed], s->room, occ[i]);
	}
}

/* Could an occurrence of s start on d, given the occupancy so far? */
static bool
x_fits(const struct xsched *x, const struct xseries *s, day_t d)
{
	day_t occ[400];
	uint32_t i, n;
	int k;

	if (!g_eligible(s->gp, s->mask, &s->ga->w, d))
		return false;
	n = x_occupied(s->gp, s->mask, d, s->ga->w.days, occ);
	if (occ[n - 1] > s->ga->w.win.to)
		return false;
	for (i = 0; i < n; i++) {
		for (k = 0; k < s->nppl; k++)
			if (*x_cell(x, x->pbusy[0], s->ppl[k], occ[i]) +
			    *x_cell(x, x->pbusy[1], s->ppl[k], occ[i]) > 0)
				return false;
		if (s->room >= 0 && *x_cell(x, x->sbusy[0], s->room, occ[i]) +
		    *x_cell(x, x->sbusy[1], s->room, occ[i]) >=
		    s->gp->cal.visits_per_day)
			return false;
	}
	return true;
}

/*
 * The first day series si may start on, given where its predecessors
 * ended (last, INT32_MIN for none held) and which of them left an
 * occurrence unplaced (fail): then INT32_MAX, and *waiting.
 */
static day_t
x_earliest(const struct xsched *x, uint32_t si, const day_t *last,
    const bool *fail, bool *waiting)
{
	const struct xseries *s = &x->s[si];
	day_t best = INT32_MIN, e;
	uint32_t k;

	*waiting = false;
	for (k = 0; k < s->npred; k++) {
		uint32_t t = s->pred[k];

		if (fail[t]) {
			*waiting = true;
			return INT32_MAX;
		}
		if (last[t] == INT32_MIN)
			continue;
		e = x_working_after(s->gp, s->mask, last[t], s->ga->gap);
		if (e > best)
			best = e;
	}
	return best;
}

static void
x_clear(struct xsched *x)
{
	int f;

	for (f = 0; f < 2; f++) {
		memset(x->pbusy[f], 0, (size_t)XPERSONS * x->ndays);
		memset(x->sbusy[f], 0, (size_t)XSITES * x->ndays);
	}
}

/*
 * The series of one plan come after those of the activities they name,
 * partner by partner between two at: partner activities (§10); first[i]
 * and cnt[i] are the series of gp->acts[i]. Then the layers.
 */
static void
xs_link(struct xsched *x, const struct gplan *gp, const uint32_t *first,
    const uint32_t *cnt)
{
	int i, j, k;
	uint32_t si, t;

	for (i = 0; i < gp->nacts; i++) {
		const struct gact *a = &gp->acts[i];

		for (si = first[i]; si < first[i] + cnt[i]; si++)
			for (k = 0; k < a->npred; k++) {
				const struct gact *b = &gp->acts[a->pred[k]];

				j = a->pred[k];
				for (t = first[j]; t < first[j] + cnt[j]; t++) {
					if (a->at == AT_PARTNER &&
					    b->at == AT_PARTNER &&
					    x->s[t].partner != x->s[si].partner)
						continue;
					assert_true(x->s[si].npred < XMAXPRED);
					x->s[si].pred[x->s[si].npred++] = t;
				}
			}
	}
}

/* Layer 0 without predecessors, else one above the highest (§10). */
static void
xs_layers(struct xsched *x)
{
	bool changed = true;
	uint32_t i, k, l, guard = 0;

	while (changed) {
		changed = false;
		assert_true(guard++ <= x->ns + 1);
		for (i = 0; i < x->ns; i++) {
			for (k = 0, l = 0; k < x->s[i].npred; k++)
				if (x->s[x->s[i].pred[k]].layer + 1 > l)
					l = x->s[x->s[i].pred[k]].layer + 1;
			if (l != x->s[i].layer) {
				x->s[i].layer = l;
				changed = true;
			}
		}
	}
}

/* The series of plans gps in file order, expanded. */
static void
xs_build(struct xsched *x, struct gplan *const *gps, size_t n)
{
	size_t pi;
	int i, k;
	day_t lo = INT32_MAX, hi = INT32_MIN;
	uint32_t first[GMAXACT], cnt[GMAXACT];

	memset(x, 0, sizeof(*x));
	for (pi = 0; pi < n; pi++) {
		const struct gplan *gp = gps[pi];

		if (gp->period.from < lo)
			lo = gp->period.from;
		if (gp->period.to > hi)
			hi = gp->period.to;
		for (i = 0; i < gp->nacts; i++) {
			const struct gact *a = &gp->acts[i];
			int nser = 0, orgs[GMAXORG];

			if (a->at == AT_PARTNER) {
				for (k = 1; k < gp->norgs; k++)
					if (a->parts >> k & 1)
						orgs[nser++] = k;
			} else
				orgs[nser++] = a->at == AT_ONLINE ? -1 :
				    a->at == AT_ORG ? a->org : 0;
			first[i] = x->ns;
			cnt[i] = (uint32_t)nser;
			for (k = 0; k < nser; k++) {
				struct xseries *s;
				int j;

				x->s = realloc(x->s, (x->ns + 1) *
				    sizeof(*x->s));
				assert_non_null(x->s);
				s = &x->s[x->ns++];
				memset(s, 0, sizeof(*s));
				s->plan = (int)pi;
				s->gp = gp;
				s->ga = a;
				if (a->ment)
					snprintf(s->id, sizeof(s->id), "m1");
				else if (a->pair)
					snprintf(s->id, sizeof(s->id), "v%d",
					    a->pair);
				else if (a->at == AT_PARTNER)
					snprintf(s->id, sizeof(s->id),
					    "p%d.%d#%s", a->phase, a->pos,
					    gp->org[orgs[k]]);
				else
					snprintf(s->id, sizeof(s->id), "p%d.%d",
					    a->phase, a->pos);
				s->site = orgs[k] < 0 ? -1 :
				    (int)pi * GMAXORG + orgs[k];
				s->mask = orgs[k] >= 0 ?
				    (uint8_t)(1u << orgs[k]) :
				    g_people_mask(gp, a->own, a->nown, a->ppl,
				    a->nppl);
				s->room = orgs[k] > 0 && !a->shared ? s->site :
				    -1;
				s->partner = a->at == AT_PARTNER ? orgs[k] : -1;
				for (j = 0; j < a->nown; j++)
					s->ppl[s->nppl++] = a->own[j];
				for (j = 0; j < a->nppl; j++)
					s->ppl[s->nppl++] = a->ppl[j];
			}
		}
		xs_link(x, gp, first, cnt);
	}
	xs_layers(x);
	for (i = 0; i < (int)x->ns; i++)
		xs_expand(x, (uint32_t)i);
	x->base = lo;
	x->ndays = (uint32_t)(hi - lo + 1) + 400;
	for (k = 0; k < 2; k++) {
		x->pbusy[k] = calloc((size_t)XPERSONS * x->ndays, 1);
		x->sbusy[k] = calloc((size_t)XSITES * x->ndays, 1);
		assert_non_null(x->pbusy[k]);
		assert_non_null(x->sbusy[k]);
	}
}

static void
xs_free(struct xsched *x)
{
	uint32_t i;
	int k;

	for (i = 0; i < x->ns; i++) {
		free(x->s[i].d);
		free(x->s[i].skip);
	}
	for (k = 0; k < 2; k++) {
		free(x->pbusy[k]);
		free(x->sbusy[k]);
	}
	free(x->s);
	free(x->o);
}

static const struct xsched *xcmp_ctx;

/* §5.4: slice end, slice length, file order, occurrence number. */
static int
xocc_cmp(const void *p, const void *q)
{
	const struct xsched *x = xcmp_ctx;
	const struct xocc *a = *(struct xocc *const *)p;
	const struct xocc *b = *(struct xocc *const *)q;
	day_t ea = x->s[a->series].d[a->hi - 1];
	day_t eb = x->s[b->series].d[b->hi - 1];

	if (ea != eb)
		return ea < eb ? -1 : 1;
	if (a->hi - a->lo != b->hi - b->lo)
		return a->hi - a->lo < b->hi - b->lo ? -1 : 1;
	if (a->series != b->series)
		return a->series < b->series ? -1 : 1;
	return a->number < b->number ? -1 : a->number > b->number;
}

/* The (days-1)th working day after d. */
static day_t
x_end(const struct xseries *s, day_t d, uint32_t days)
{
	day_t occ[400];

	return occ[x_occupied(s->gp, s->mask, d, days, occ) - 1];
}

/*
 * The reference greedy of §5.4 and §10, written plainly: fixed
 * occurrences first, then layer by layer the others in order, each on
 * the earliest day of its slice, and after what it comes after, where
 * every constraint holds. Returns how many flexible occurrences it
 * places.
 */
static uint32_t
x_greedy(struct xsched *x)
{
	struct xocc **v;
	uint32_t i, j, nv, placed = 0, layer, top = 0;
	day_t *last, e;
	bool *fail, waiting;

	x_clear(x);
	v = malloc((x->no + 1) * sizeof(*v));
	last = malloc((x->ns + 1) * sizeof(*last));
	fail = calloc(x->ns + 1, sizeof(*fail));
	assert_non_null(v);
	assert_non_null(last);
	assert_non_null(fail);
	for (i = 0; i < x->ns; i++) {
		last[i] = INT32_MIN;
		if (x->s[i].layer > top)
			top = x->s[i].layer;
	}
	for (i = 0; i < x->no; i++) {
		const struct xseries *s = &x->s[x->o[i].series];

		if (x->o[i].fixed) {
			x_take(x, s, s->d[0], true);
			e = x_end(s, s->d[0], s->ga->w.days);
			if (e > last[x->o[i].series])
				last[x->o[i].series] = e;
		} else if (x->o[i].hi == x->o[i].lo)
			fail[x->o[i].series] = true;
	}
	xcmp_ctx = x;
	for (layer = 0; layer <= top; layer++) {
		for (i = nv = 0; i < x->no; i++)
			if (!x->o[i].fixed && x->o[i].hi > x->o[i].lo &&
			    x->s[x->o[i].series].layer == layer)
				v[nv++] = &x->o[i];
		qsort(v, nv, sizeof(*v), xocc_cmp);
		for (i = 0; i < nv; i++) {
			uint32_t si = v[i]->series;
			const struct xseries *s = &x->s[si];
			day_t from = x_earliest(x, si, last, fail, &waiting);

			for (j = v[i]->lo; j < v[i]->hi; j++)
				if (s->d[j] >= from && x_fits(x, s, s->d[j])) {
					x_take(x, s, s->d[j], false);
					e = x_end(s, s->d[j], s->ga->w.days);
					if (e > last[si])
						last[si] = e;
					placed++;
					break;
				}
			if (j == v[i]->hi)
				fail[si] = true;
		}
	}
	free(v);
	free(last);
	free(fail);
	return placed;
}

/* A day as text for a message; four buffers in turn. */
static const char *
ds(day_t d)
{
	static char b[4][11];
	static int k;

	k = (k + 1) % 4;
	return fmt_day(d, b[k]);
}

/*
 * What person did in per, counted from the schedule's events at partner
 * sites (at global site only when site >= 0): the visits that start in
 * per, or the days of per that the visits occupy.
 */
static uint32_t
x_done(const struct xsched *x, const struct schedule *s, int person,
    int site, struct span per, bool days)
{
	uint32_t got = 0, i, n;
	size_t e;
	int j;
	day_t occ[400];

	for (e = 0; e < s->nevents; e++) {
		const struct sched_event *ev = &s->events[e];
		const struct xseries *xs = &x->s[ev->series - s->series];

		if (xs->site < 0 || xs->site % GMAXORG == 0 ||
		    (site >= 0 && xs->site != site))
			continue;
		for (j = 0; j < xs->nppl && xs->ppl[j] != person; j++)
			;
		if (j == xs->nppl)
			continue;
		if (!days) {
			got += ev->date >= per.from && ev->date <= per.to;
			continue;
		}
		n = x_occupied(xs->gp, xs->mask, ev->date, xs->ga->w.days, occ);
		for (i = 0; i < n; i++)
			got += occ[i] >= per.from && occ[i] <= per.to;
	}
	return got;
}

/*
 * The rows of one quota of person (at org partner of plan pi, or -1):
 * one per period of months from the plan start, the last prorated.
 */
static size_t
x_quota_rows(const struct xsched *x, const struct schedule *s,
    const struct gplan *gp, size_t pi, int person, int partner, int months,
    int need, bool days, bool *used, uint64_t seed)
{
	day_t start, next;
	size_t n = 0, i, hit;
	int k;
	char who[8];

	snprintf(who, sizeof(who), "u%d", person);
	for (k = 1, start = gp->period.from; start <= gp->period.to;
	    start = next, k++) {
		struct span per;
		uint32_t req, got;

		next = g_add_months(gp->period.from, k * months);
		per.from = start;
		per.to = next - 1 < gp->period.to ? next - 1 : gp->period.to;
		req = (uint32_t)((uint64_t)need * (uint64_t)(per.to - per.from +
		    1) / (uint64_t)(next - start));
		got = x_done(x, s, person, partner < 0 ? -1 :
		    (int)pi * GMAXORG + partner, per, days);
		n++;
		/*
		 * The row of this person, partner, unit and period not
		 * matched yet, one that asks as much when there are several
		 * (one person paired twice with one partner).
		 */
		for (i = 0, hit = SIZE_MAX; i < s->nquotas; i++) {
			const struct sched_quota *q = &s->quotas[i];

			if (used[i] || q->plan != pi || strcmp(s->plans[pi]->
			    people[q->person].id, who) != 0 ||
			    q->partner != partner ||
			    q->unit != (days ? QU_DAYS : QU_VISITS) ||
			    q->period.from != per.from ||
			    q->period.to != per.to)
				continue;
			if (hit == SIZE_MAX || q->required == req)
				hit = i;
			if (q->required == req)
				break;
		}
		if (hit == SIZE_MAX) {
			violation(C_QUOTA, seed, "plan %zu %s %s from %s "
			    "missing", pi, who, days ? "days" : "visits",
			    ds(per.from));
			continue;
		}
		used[hit] = true;
		if (s->quotas[hit].required != req || s->quotas[hit].got != got)
			violation(C_QUOTA, seed, "plan %zu %s%s%s %s from %s: "
			    "%u/%u, want %u/%u", pi, who,
			    partner < 0 ? "" : "@",
			    partner < 0 ? "" : gp->org[partner],
			    days ? "days" : "visits", ds(per.from),
			    s->quotas[hit].got, s->quotas[hit].required, got,
			    req);
	}
	return n;
}

/*
 * Checks quotas against a count of the schedule's events: visits and
 * days of the quotas, days of the pairings at their partner (§10).
 */
static void
x_quotas(const struct xsched *x, const struct schedule *s,
    struct gplan *const *gps, size_t n, uint64_t seed)
{
	size_t pi, mine = 0;
	int k;
	bool *used = calloc(s->nquotas + 1, sizeof(*used));

	assert_non_null(used);
	for (pi = 0; pi < n; pi++) {
		const struct gplan *gp = gps[pi];

		for (k = 0; gp->quota && k < gp->nq; k++) {
			if (gp->qvisits >= 0)
				mine += x_quota_rows(x, s, gp, pi, gp->qppl[k],
				    -1, gp->qmonths, gp->qvisits, false, used,
				    seed);
			if (gp->qdays >= 0)
				mine += x_quota_rows(x, s, gp, pi, gp->qppl[k],
				    -1, gp->qmonths, gp->qdays, true, used, seed);
		}
		for (k = 0; k < gp->npdays; k++)
			mine += x_quota_rows(x, s, gp, pi, gp->pdays[k].person,
			    gp->pdays[k].partner, gp->pdays[k].months,
			    gp->pdays[k].days, true, used, seed);
	}
	if (mine != s->nquotas)
		violation(C_QUOTA, seed, "%zu quota rows, want %zu",
		    s->nquotas, mine);
	tally.quotas += (unsigned)mine;
	free(used);
}

/* The series' people are the owners then the others, as written. */
static bool
x_same_people(const struct sched_series *r, const struct xseries *xs,
    const struct schedule *s)
{
	char who[8];
	int k;

	if (r->npeople != (uint32_t)xs->nppl)
		return false;
	for (k = 0; k < xs->nppl; k++) {
		snprintf(who, sizeof(who), "u%d", xs->ppl[k]);
		if (strcmp(s->plans[r->plan]->people[r->people[k]].id,
		    who) != 0)
			return false;
	}
	return true;
}

/* Checks one schedule of the plans gps against the contract. */
static void
x_check(struct gplan *const *gps, size_t n, const struct schedule *s,
    uint64_t seed)
{
	struct xsched x;
	uint32_t i, j, placed = 0, ref;
	size_t e;
	bool *bad, *fail, waiting;
	uint32_t *nev;
	day_t *last, from;

	xs_build(&x, gps, n);
	if (s->nseries != x.ns) {
		violation(C_SERIES, seed, "%zu series, want %u", s->nseries,
		    x.ns);
		xs_free(&x);
		return;
	}
	/* a series of another total has its numbering left unchecked */
	bad = calloc(x.ns + 1, sizeof(*bad));
	fail = calloc(x.ns + 1, sizeof(*fail));
	nev = calloc(x.ns + 1, sizeof(*nev));
	last = malloc((x.ns + 1) * sizeof(*last));
	assert_non_null(bad);
	assert_non_null(fail);
	assert_non_null(nev);
	assert_non_null(last);
	for (i = 0; i < x.ns; i++) {
		last[i] = INT32_MIN;
		if (s->series[i].plan != (uint32_t)x.s[i].plan ||
		    strcmp(s->series[i].id, x.s[i].id) != 0 ||
		    s->series[i].site != (x.s[i].site < 0 ? -1 :
		    x.s[i].site % GMAXORG) ||
		    s->series[i].shared != x.s[i].ga->shared ||
		    !x_same_people(&s->series[i], &x.s[i], s)) {
			violation(C_SERIES, seed, "series %u is %u:%s, want "
			    "%d:%s", i, s->series[i].plan, s->series[i].id,
			    x.s[i].plan, x.s[i].id);
			goto out;
		}
		if (s->series[i].of != x.s[i].of) {
			violation(C_SERIES, seed, "%s has %u occurrences, want "
			    "%u", x.s[i].id, s->series[i].of, x.s[i].of);
			bad[i] = true;
		}
	}

	/* every event: where it may be, and what it occupies */
	x_clear(&x);
	for (e = 0; e < s->nevents; e++) {
		const struct sched_event *ev = &s->events[e];
		uint32_t si = (uint32_t)(ev->series - s->series);
		const struct xseries *xs = &x.s[si];
		const struct gwhen *w = &xs->ga->w;
		struct xocc *o = NULL;

		if (e > 0) {
			const struct sched_event *pv = &s->events[e - 1];

			if (pv->date > ev->date || (pv->date == ev->date &&
			    (pv->series > ev->series ||
			    (pv->series == ev->series &&
			    pv->occurrence >= ev->occurrence))))
				violation(C_ORDER, seed, "%s/%u after %s/%u",
				    xs->id, ev->occurrence, pv->series->id,
				    pv->occurrence);
		}
		if (ev->fixed != xs->ga->fixed)
			violation(C_FIXED, seed, "%s/%u fixed %d", xs->id,
			    ev->occurrence, ev->fixed);
		if (ev->end != x_end(xs, ev->date, w->days))
			violation(C_END, seed, "%s/%u %s..%s, days %u", xs->id,
			    ev->occurrence, ds(ev->date), ds(ev->end),
			    w->days);
		x_take(&x, xs, ev->date, xs->ga->fixed);
		nev[si]++;
		if (ev->end > last[si])
			last[si] = ev->end;
		tally.shared += xs->ga->shared;
		tally.pairs += xs->ga->pair > 0;
		if (!bad[si]) {
			if (ev->occurrence < 1 || ev->occurrence > xs->of)
				violation(C_ACCOUNT, seed, "%s/%u of %u",
				    xs->id, ev->occurrence, xs->of);
			else {
				o = &x.o[xs->occ0 + ev->occurrence - 1];
				if (o->seen++)
					violation(C_ACCOUNT, seed, "%s/%u "
					    "twice", xs->id, ev->occurrence);
			}
		}
		if (xs->ga->fixed) {
			tally.fixed++;
			if (ev->date != xs->ga->date || ev->occurrence != 1)
				violation(C_FIXED, seed, "%s/%u on %s, want "
				    "/1 on %s", xs->id, ev->occurrence,
				    ds(ev->date), ds(xs->ga->date));
			continue;
		}
		placed++;
		for (j = 0; j < (uint32_t)xs->gp->nsent; j++)
			if (xs->gp->sent[j].at & xs->mask) {
				tally.siteevents++;
				break;
			}
		/* a working day of its own site (§13), or of its people's */
		if (!g_working(xs->gp, xs->mask, ev->date))
			violation(C_WORKING, seed, "%s/%u on %s", xs->id,
			    ev->occurrence, ds(ev->date));
		if (!(w->wd >> date_weekday(ev->date) & 1))
			violation(C_WEEKDAY, seed, "%s/%u on %s", xs->id,
			    ev->occurrence, ds(ev->date));
		if (ev->date < w->win.from || ev->end > w->win.to)
			violation(C_WINDOW, seed, "%s/%u %s..%s, window "
			    "%s..%s", xs->id, ev->occurrence, ds(ev->date),
			    ds(ev->end), ds(w->win.from), ds(w->win.to));
		if (o != NULL && (o->hi == o->lo || ev->date < xs->d[o->lo] ||
		    ev->date > xs->d[o->hi - 1]))
			violation(C_SLICE, seed, "%s/%u on %s, its slice %s..%s "
			    "(days %u)", xs->id, ev->occurrence, ds(ev->date),
			    o->hi > o->lo ? ds(xs->d[o->lo]) : "empty",
			    o->hi > o->lo ? ds(xs->d[o->hi - 1]) : "",
			    w->days);
	}
	/* a series that left an occurrence unplaced holds back what follows */
	for (i = 0; i < x.ns; i++)
		fail[i] = nev[i] < x.s[i].of;
	/* every flexible event after the last of its predecessors, and gap */
	for (e = 0; e < s->nevents; e++) {
		const struct sched_event *ev = &s->events[e];
		uint32_t si = (uint32_t)(ev->series - s->series);
		const struct xseries *xs = &x.s[si];

		if (xs->npred == 0 || xs->ga->fixed)
			continue;
		tally.after++;
		from = x_earliest(&x, si, last, fail, &waiting);
		if (waiting)
			violation(C_AFTER, seed, "%s/%u on %s although a "
			    "predecessor is unplaced", xs->id,
			    ev->occurrence, ds(ev->date));
		else if (ev->date < from)
			violation(C_AFTER, seed, "%s/%u on %s, before %s "
			    "(gap %u)", xs->id, ev->occurrence, ds(ev->date),
			    ds(from), xs->ga->gap);
	}
	/* nobody twice a day, no site over its visits (fixed among fixed) */
	for (i = 0; i < XPERSONS; i++)
		for (j = 0; j < x.ndays; j++) {
			unsigned f = x.pbusy[0][i * x.ndays + j];
			unsigned g = x.pbusy[1][i * x.ndays + j];

			if (f > 0 && f + g > 1)
				violation(C_PERSON, seed, "u%u on %s: %u "
				    "flexible, %u fixed", i,
				    ds(x.base + (day_t)j), f, g);
		}
	for (i = 0; i < XSITES; i++)
		for (j = 0; i % GMAXORG != 0 && j < x.ndays; j++) {
			unsigned f = x.sbusy[0][i * x.ndays + j];
			unsigned g = x.sbusy[1][i * x.ndays + j];

			if (f > 0 && f + g >
			    gps[i / GMAXORG]->cal.visits_per_day)
				violation(C_SITE, seed, "%s on %s: %u "
				    "flexible, %u fixed",
				    gps[i / GMAXORG]->org[i % GMAXORG],
				    ds(x.base + (day_t)j), f, g);
		}
	/* unplaced: accounted for, and really without a free day */
	for (e = 0; e < s->nunplaced; e++) {
		const struct sched_unplaced *u = &s->unplaced[e];
		uint32_t si = (uint32_t)(u->series - s->series);
		const struct xseries *xs = &x.s[si];
		struct xocc *o;
		bool waits;

		if (u->reason == NULL || u->reason[0] == '\0')
			violation(C_ACCOUNT, seed, "%s/%u without a reason",
			    xs->id, u->occurrence);
		if (bad[si])
			continue;
		if (u->occurrence < 1 || u->occurrence > xs->of) {
			violation(C_ACCOUNT, seed, "unplaced %s/%u of %u",
			    xs->id, u->occurrence, xs->of);
			continue;
		}
		o = &x.o[xs->occ0 + u->occurrence - 1];
		if (o->seen++)
			violation(C_ACCOUNT, seed, "%s/%u placed and unplaced",
			    xs->id, u->occurrence);
		from = x_earliest(&x, si, last, fail, &waiting);
		waits = u->reason != NULL &&
		    strncmp(u->reason, "waits for '", 11) == 0;
		tally.waits += waits;
		/*
		 * It waits when a predecessor is unplaced or ends too late
		 * for its slice; when it ends inside the slice, either
		 * reason may stand (the scheduler says it waits).
		 */
		if (o->hi > o->lo && ((waiting || from > xs->d[o->hi - 1]) ?
		    !waits : from <= xs->d[o->lo] && waits))
			violation(C_AFTER, seed, "%s/%u unplaced: '%s'%s",
			    xs->id, u->occurrence, u->reason,
			    waiting ? ", a predecessor is unplaced" :
			    waits ? ", its predecessors ended in time" : "");
		if (waiting)
			continue;
		for (j = o->lo; j < o->hi; j++)
			if (xs->d[j] >= from && x_fits(&x, xs, xs->d[j]))
				violation(C_MAXIMAL, seed, "%s/%u could have "
				    "%s", xs->id, u->occurrence,
				    ds(xs->d[j]));
	}
	for (i = 0; i < x.no; i++)
		if (x.o[i].seen != 1 && !bad[x.o[i].series])
			violation(C_ACCOUNT, seed, "%s/%u seen %d times",
			    x.s[x.o[i].series].id, x.o[i].number, x.o[i].seen);
	/* skipped: exactly the periods without an eligible day */
	for (i = 0; i < x.ns; i++) {
		uint32_t k = 0;

		for (e = 0; e < s->nskipped; e++) {
			const struct sched_skipped *sk = &s->skipped[e];

			if (sk->series != &s->series[i])
				continue;
			if (g_count(x.s[i].gp, x.s[i].mask, &x.s[i].ga->w,
			    sk->period) != 0)
				violation(C_SKIPPED, seed, "%s skips %s..%s, "
				    "which has eligible days", x.s[i].id,
				    ds(sk->period.from), ds(sk->period.to));
			else if (k >= x.s[i].nskip ||
			    x.s[i].skip[k].from != sk->period.from ||
			    x.s[i].skip[k].to != sk->period.to ||
			    strcmp(sk->reason, "no working day") != 0)
				violation(C_SKIPPED, seed, "%s skip #%u %s..%s "
				    "(%s)", x.s[i].id, k, ds(sk->period.from),
				    ds(sk->period.to), sk->reason);
			k++;
		}
		if (k != x.s[i].nskip)
			violation(C_SKIPPED, seed, "%s skips %u periods, want "
			    "%u", x.s[i].id, k, x.s[i].nskip);
	}
	x_quotas(&x, s, gps, n, seed);
	/* at least as many as the reference greedy */
	ref = x_greedy(&x);
	if (placed < ref)
		violation(C_GREEDY, seed, "placed %u, the reference %u",
		    placed, ref);
	tally.events += (unsigned)s->nevents;
	tally.unplaced += (unsigned)s->nunplaced;
	tally.skipped += (unsigned)s->nskipped;
	tally.refplaced += ref;
out:
	free(bad);
	free(fail);
	free(nev);
	free(last);
	xs_free(&x);
}

/* The same events, in the same order, with the same ids and days. */
static void
x_same(const struct schedule *a, const struct schedule *b, uint64_t seed)
{
	size_t i;

	if (a->nevents != b->nevents || a->nunplaced != b->nunplaced ||
	    a->nskipped != b->nskipped) {
		violation(C_DETERMINISM, seed, "%zu/%zu events", a->nevents,
		    b->nevents);
		return;
	}
	for (i = 0; i < a->nevents; i++) {
		const struct sched_event *x = &a->events[i], *y = &b->events[i];

		if (x->date != y->date || x->end != y->end ||
		    x->occurrence != y->occurrence || x->fixed != y->fixed ||
		    x->series->plan != y->series->plan ||
		    strcmp(x->series->id, y->series->id) != 0) {
			violation(C_DETERMINISM, seed, "event %zu differs", i);
			return;
		}
	}
	for (i = 0; i < a->nunplaced; i++)
		if (a->unplaced[i].occurrence != b->unplaced[i].occurrence ||
		    strcmp(a->unplaced[i].series->id,
		    b->unplaced[i].series->id) != 0 ||
		    strcmp(a->unplaced[i].reason, b->unplaced[i].reason) != 0) {
			violation(C_DETERMINISM, seed, "unplaced %zu differs",
			    i);
			return;
		}
}

static unsigned
total_violations(void)
{
	unsigned t = 0;
	int c;

	for (c = 0; c < C__COUNT; c++)
		t += tally.n[c];
	return t;
}

/* Text line by line: print_message cuts long messages short. */
static void
print_lines(const char *s)
{
	const char *nl;

	for (; *s != '\0'; s = nl + 1) {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s) - 1;
		print_message("%.*s\n", (int)(nl - s), s);
	}
}

#define ROUNDS		200
#define SEED		0x5eed2024u

/*
 * ROUNDS rounds of one random plan, or (one in four) two scheduled
 * together sharing the people u0, u1, ...; each schedule is checked, and
 * scheduled a second time from the same text to compare.
 */
static void
test_random_plans(void **state)
{
	uint32_t round;
	int c;
	bool bad = false;

	(void)state;
	memset(&tally, 0, sizeof(tally));
	for (round = 0; round < ROUNDS; round++) {
		uint64_t seed = SEED + round * 7919u;
		struct rng r = { seed * 0x9E3779B97F4A7C15ull | 1 };
		struct gplan g[2], *gps[2] = { &g[0], &g[1] };
		const char *texts[2];
		struct run ra, rb;
		size_t n = chance(&r, 25) ? 2 : 1, i;
		bool valid = true;

		for (i = 0; i < n; i++) {
			g_plan(&r, &g[i], (int)i);
			texts[i] = g[i].y.p;
		}
		memset(&ra, 0, sizeof(ra));
		for (i = 0; i < n; i++) {
			plandoc_init_buffer(&ra.pd[i], "r.yaml", texts[i],
			    strlen(texts[i]), NULL);
			ra.n = i + 1;
			tally.plans++;
			if (ra.pd[i].plan == NULL ||
			    diags_has_errors(&ra.pd[i].diags, false)) {
				if (tally.invalid++ < 3) {
					print_message("  round seed %llu: plan "
					    "%zu invalid:\n",
					    (unsigned long long)seed, i);
					print_lines(texts[i]);
					dump_diags(&ra.pd[i]);
				}
				valid = false;
			}
			ra.plans[i] = ra.pd[i].plan;
		}
		for (i = 0; i < ra.n; i++)
			plandoc_release(&ra.pd[i]);
		if (valid) {
			unsigned before = total_violations();

			tally.rounds++;
			run_plans(&ra, n, texts);
			run_plans(&rb, n, texts);
			x_check(gps, n, &ra.s, seed);
			x_same(&ra.s, &rb.s, seed);
			run_done(&ra);
			run_done(&rb);
			if (before == 0 && total_violations() > 0)
				for (i = 0; i < n; i++) {
					print_message("  the plans of round seed "
					    "%llu (%zu):\n",
					    (unsigned long long)seed, i);
					print_lines(texts[i]);
				}
		}
		for (i = 0; i < n; i++)
			free(g[i].y.p);
	}
	print_message("  random: %u plans (%u invalid), %u rounds checked: "
	    "%u events (%u fixed), %u unplaced, %u skipped periods, %u "
	    "quota rows; the reference greedy placed %u flexible; %u events "
	    "at sites with calendar entries of their own, %u after others, "
	    "%u waiting, %u shared, %u pairing visits\n",
	    tally.plans, tally.invalid, tally.rounds, tally.events,
	    tally.fixed, tally.unplaced, tally.skipped, tally.quotas,
	    tally.refplaced, tally.siteevents, tally.after, tally.waits,
	    tally.shared, tally.pairs);
	for (c = 0; c < C__COUNT; c++)
		if (tally.n[c] > 0) {
			print_message("  VIOLATION %s: %u\n", check_names[c],
			    tally.n[c]);
			bad = true;
		}
	/* most plans must be valid, and there must be something to check */
	assert_true(tally.invalid * 10 <= tally.plans);
	assert_true(tally.events > 1000);
	assert_true(tally.unplaced > 0 && tally.skipped > 0 &&
	    tally.fixed > 0 && tally.quotas > 0 && tally.siteevents > 100);
	assert_true(tally.after > 100 && tally.waits > 0 &&
	    tally.shared > 100 && tally.pairs > 100);
	assert_false(bad);
}

/* ---- part 3: hostile scheduling input ------------------------------ */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long
maxrss_kib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

#define DAILY	20

/*
 * DAILY activities `every: 1 days` over 2024-01..2025-12 (731 periods
 * each), all with the owner feng, and one of 366 working days a time
 * (the longest `days`) every day with the owner liu: about 15000
 * occurrences, nearly all unplaced. Each working day goes to p1.1 (same
 * slice end and length, file order first); its other series are unplaced
 * naming feng; the non-working days are skipped.
 */
static void
test_hostile_every_day(void **state)
{
	struct buf b = { NULL, 0, 0 };
	struct run r;
	const struct sched_series *first;
	double t0, t;
	long rss0 = maxrss_kib();
	size_t i, ev1 = 0, total = 0;
	uint32_t working = 0;
	day_t d;
	int k;

	(void)state;
	bprintf(&b, "%s", HEAD("2024-01..2025-12") ACTS("2024-01..2025-12"));
	for (k = 0; k < DAILY; k++)
		bprintf(&b, "      - {title: 每日%d, at: online, owner: feng,"
		    " every: 1 days}\n", k);
	bprintf(&b, "      - {title: 长期, at: online, owner: liu,"
	    " every: 1 days, days: 366}\n");
	t0 = now();
	run_over_limit(&r, b.p);
	t = now() - t0;
	print_message("  every day over two years: %zu events, %zu unplaced, "
	    "%zu skipped in %.2f s, arena %zu KiB, max RSS +%ld KiB\n",
	    r.s.nevents, r.s.nunplaced, r.s.nskipped, t, r.a.total / 1024,
	    maxrss_kib() - rss0);
	assert_true(t < 5.0);
	assert_true(r.a.total < 64u << 20);
	assert_true(maxrss_kib() - rss0 < 512L << 10);

	for (d = D("2024-01-01"); d <= D("2025-12-31"); d++)
		working += cal_is_working(&r.plans[0]->cal, d);
	/*
	 * 2024 (from a Monday, 366 days): 262 weekdays, 19 of them off
	 * (01-01; 02-12..16; 04-04, 05; 05-01..03; 06-10; 09-16, 17;
	 * 10-01..04, 07), 8 make-up weekend days: 251. 2025 (from a
	 * Wednesday): 261 weekdays, 18 off (01-01; 01-28..31, 02-03, 04;
	 * 04-04; 05-01, 02, 05; 06-02; 10-01..03, 06..08), 5 make-up: 248.
	 */
	assert_int_equal(working, 251 + 248);
	first = series_by_id(&r.s, 0, "p1.1");
	for (i = 0; i < r.s.nseries; i++)
		total += r.s.series[i].of;
	for (i = 0; i < r.s.nevents; i++)
		ev1 += r.s.events[i].series == first;
	assert_int_equal(first->of, working);
	assert_int_equal(ev1, working);
	assert_int_equal(r.s.nevents + r.s.nunplaced, total);
	for (i = 0; i < r.s.nunplaced; i++)
		if (sched_activity(r.s.unplaced[i].series)[3] != '2' ||
		    sched_activity(r.s.unplaced[i].series)[4] != '1')
			assert_non_null(strstr(r.s.unplaced[i].reason,
			    "'feng'"));
	run_done(&r);
	free(b.p);
}

/*
 * Seven years (the whole holiday table) of activities that each last
 * 366 working days: 20 of times 3 sharing feng, so that every unplaced
 * one tries, and explains, every day of a slice of more than 500 working
 * days, and 3 every single day sharing liu. Checked for time, memory and
 * that every occurrence is accounted for.
 */
static void
test_hostile_long_days(void **state)
{
	struct buf b = { NULL, 0, 0 };
	struct run r;
	double t0, t;
	long rss0 = maxrss_kib();
	size_t i, j, total = 0;
	int k;

	(void)state;
	bprintf(&b, "%s", HEAD("2020-01..2026-12") ACTS("2020-01..2026-12"));
	for (k = 0; k < 20; k++)
		bprintf(&b, "      - {title: 长%d, at: online, owner: feng,"
		    " days: 366, times: 3}\n", k);
	for (k = 0; k < 3; k++)
		bprintf(&b, "      - {title: 日%d, at: online, owner: liu,"
		    " every: 1 days, days: 366}\n", k);
	t0 = now();
	run_over_limit(&r, b.p);
	t = now() - t0;
	print_message("  366-day activities over seven years: %zu events, "
	    "%zu unplaced in %.2f s, max RSS +%ld KiB\n", r.s.nevents,
	    r.s.nunplaced, t, maxrss_kib() - rss0);
	assert_true(t < 5.0);
	assert_true(maxrss_kib() - rss0 < 512L << 10);
	for (i = 0; i < r.s.nseries; i++)
		total += r.s.series[i].of;
	assert_int_equal(r.s.nevents + r.s.nunplaced, total);
	assert_true(r.s.nevents >= 4);
	/* one owner's events never overlap: each fills its whole range */
	for (i = 0; i < r.s.nevents; i++)
		for (j = i + 1; j < r.s.nevents; j++)
			if (r.s.events[i].series->people[0] ==
			    r.s.events[j].series->people[0])
				assert_true(r.s.events[j].date >
				    r.s.events[i].end);
	run_done(&r);
	free(b.p);
}

/* A phase without activities, with an empty list or without the key. */
static void
test_empty_plan(void **state)
{
	static const char *const plans[2] = {
		HEAD("2024-09..2024-12") ACTS("2024-09..2024-12"),
		HEAD("2024-09..2024-12")
		"phases:\n  - {name: 空阶段, period: 2024-09..2024-12,"
		" activities: []}\n",
	};
	struct run r;
	int k;

	(void)state;
	for (k = 0; k < 2; k++) {
		run_one(&r, plans[k]);
		assert_int_equal(r.s.nseries, 0);
		assert_int_equal(r.s.nevents, 0);
		assert_int_equal(r.s.nunplaced, 0);
		assert_int_equal(r.s.nskipped, 0);
		assert_int_equal(r.s.nquotas, 0);
		assert_false(sched_incomplete(&r.s));
		expect_sched(&r, NULL, "");
		run_done(&r);
	}
}

#define TEST(f)	cmocka_unit_test(f)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_spread_times),
		TEST(test_every_week_national_day),
		TEST(test_every_week_holiday_skipped),
		TEST(test_closed_summer),
		TEST(test_when_mid),
		TEST(test_weekday),
		TEST(test_days_weekend),
		TEST(test_days_slices),
		TEST(test_at_partner),
		TEST(test_every_month_and_weeks),
		TEST(test_fixed),
		TEST(test_fixed_days_at_period_end),
		TEST(test_shared_owner),
		TEST(test_many_people),
		TEST(test_busy_far_apart),
		TEST(test_visits_per_day),
		TEST(test_unplaced_reasons),
		TEST(test_quotas),
		TEST(test_several_plans),
		TEST(test_mentorship),
		TEST(test_placement_order),
		TEST(test_event_order),
		TEST(test_site_shared),
		TEST(test_after_gap),
		TEST(test_after_partner_by_partner),
		TEST(test_after_unplaced_and_fixed),
		TEST(test_quota_days),
		TEST(test_pairing_visits),
		TEST(test_every_months),
		TEST(test_random_plans),
		TEST(test_hostile_every_day),
		TEST(test_hostile_long_days),
		TEST(test_empty_plan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
