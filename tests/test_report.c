/* test_report.c - the county view: semesters, and the counts of report_build over plans scheduled together. */
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
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "plandoc.h"
#include "report.h"
#include "report_text.h"
#include "sbuf.h"
#include "sched.h"

static day_t
D(const char *s)
{
	day_t d;

	if (date_parse_day(s, strlen(s), &d) != DATE_OK)
		fail_msg("bad date '%s' in the test", s);
	return d;
}

/* ---- semesters and months ---------------------------------------------- */

static void
test_semesters(void **state)
{
	char key[20], m[8], want[16];
	int32_t mo;
	struct span sp;
	char a[16], b[16];

	(void)state;
	/* Autumn: September to February; spring: March to August. */
	assert_int_equal(report_semester(D("2024-09-01")), 2 * 2024 + 1);
	assert_int_equal(report_semester(D("2024-12-31")), 2 * 2024 + 1);
	assert_int_equal(report_semester(D("2025-01-01")), 2 * 2024 + 1);
	assert_int_equal(report_semester(D("2025-02-28")), 2 * 2024 + 1);
	assert_int_equal(report_semester(D("2025-03-01")), 2 * 2025);
	assert_int_equal(report_semester(D("2025-08-31")), 2 * 2025);
	assert_int_equal(report_semester(D("2024-02-29")), 2 * 2023 + 1);
	report_semester_key(2 * 2024 + 1, key);
	assert_string_equal(key, "2024-09..2025-02");
	report_semester_key(2 * 2025, key);
	assert_string_equal(key, "2025-03..2025-08");
	sp = report_semester_span(2 * 2023 + 1);
	date_format(sp.from, a);
	date_format(sp.to, b);
	assert_string_equal(a, "2023-09-01");
	assert_string_equal(b, "2024-02-29");	/* a leap year */
	sp = report_semester_span(2 * 2025);
	date_format(sp.from, a);
	date_format(sp.to, b);
	assert_string_equal(a, "2025-03-01");
	assert_string_equal(b, "2025-08-31");
	report_month_key(2024 * 12 + 9, m);
	assert_string_equal(m, "2024-10");
	report_month_key(2025 * 12 + 0, m);
	assert_string_equal(m, "2025-01");
	/* as "%04u-%02u" of the year (mod 10000) and month, 0 for < 0 */
	for (mo = -3; mo < 10001 * 12; mo += 7) {
		uint32_t u = mo < 0 ? 0 : (uint32_t)mo;

		snprintf(want, sizeof(want), "%04u-%02u", u / 12 % 10000,
		    u % 12 + 1);
		report_month_key(mo, m);
		assert_string_equal(m, want);
	}
}

/* ---- report_build ------------------------------------------------------- */

/*
 * Two hosts share the partner hexi and the person liu; a third plan has
 * errors. Host a: a visit to each partner in October 2024 and in April
 * 2025 (dates fixed), and a lecture at the host. Host b: one visit to hexi
 * in November 2024, none to baima, whose plan runs into spring 2025.
 */
static const char plan_a[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: A\n"
    "  host: {id: ahost, name: 甲园}\n"
    "  period: 2024-09..2025-06\n"
    "partners:\n"
    "  - {id: hexi, name: 河西园}\n"
    "  - {id: dongtan, name: 东滩园}\n"
    "people:\n"
    "  - {id: wang, name: 王}\n"
    "  - {id: liu, name: 刘}\n"
    "leadership:\n"
    "  leader: wang\n"
    "phases:\n"
    "  - id: p1\n"
    "    name: one\n"
    "    period: 2024-09..2025-06\n"
    "    activities:\n"
    "      - {id: v1, title: 送教, kind: teaching-visit, at: partner,"
    " date: 2024-10-15, owner: wang}\n"
    "      - {id: v2, title: 送教, kind: teaching-visit, at: partner,"
    " date: 2025-04-15, owner: liu}\n"
    "      - {id: l1, title: 讲座, kind: lecture, date: 2024-10-22,"
    " owner: liu, people: [wang]}\n";

/* Events on the first and last days of months, for the months' table. */
static const char plan_edges[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: E\n"
    "  host: {id: ehost, name: 丙园}\n"
    "  period: 2024-09..2025-06\n"
    "partners:\n"
    "  - {id: hexi, name: 河西园}\n"
    "people:\n"
    "  - {id: zhou, name: 周}\n"
    "  - {id: sun, name: 孙}\n"
    "leadership:\n"
    "  leader: zhou\n"
    "phases:\n"
    "  - id: p1\n"
    "    name: one\n"
    "    period: 2024-09..2025-06\n"
    "    activities:\n"
    "      - {id: a1, title: 教研, kind: lecture, date: 2024-09-30,"
    " owner: zhou}\n"
    "      - {id: a2, title: 教研, kind: lecture, date: 2024-10-31,"
    " owner: zhou, people: [sun]}\n"
    "      - {id: a3, title: 教研, kind: lecture, date: 2024-11-01,"
    " owner: sun}\n"
    "      - {id: a4, title: 教研, kind: lecture, date: 2024-12-31,"
    " owner: sun}\n"
    "      - {id: a5, title: 教研, kind: lecture, date: 2025-02-28,"
    " owner: zhou}\n"
    "      - {id: a6, title: 教研, kind: lecture, date: 2025-03-03,"
    " owner: zhou}\n"
    "      - {id: a7, title: 跟班, kind: shadowing, at: host,"
    " when: 2024-09..2025-06, every: 10 days, people: [sun]}\n";

/* People whose ids share their first 8 bytes, or are prefixes of others. */
static const char plan_ids[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: I\n"
    "  host: {id: ihost, name: 丁园}\n"
    "  period: 2024-09..2025-06\n"
    "partners:\n"
    "  - {id: hexi, name: 河西园}\n"
    "people:\n"
    "  - {id: teacher-b, name: 乙}\n"
    "  - {id: teacher-ab, name: 甲乙}\n"
    "  - {id: teacher, name: 师}\n"
    "  - {id: teacher-a, name: 甲}\n"
    "  - {id: 老师甲, name: 丙}\n"
    "  - {id: teacher-a-2, name: 丁}\n"
    "  - {id: t, name: 戊}\n"
    "  - {id: teacher-a-10, name: 己}\n"
    "  - {id: 老师, name: 庚}\n"
    "leadership:\n"
    "  leader: teacher\n"
    "phases:\n"
    "  - id: p1\n"
    "    name: one\n"
    "    period: 2024-09..2025-06\n"
    "    activities:\n"
    "      - {id: a1, title: 教研, kind: lecture, date: 2024-10-15,"
    " owner: teacher-a}\n";

static const char plan_b[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: B\n"
    "  host: {id: bhost, name: 乙园}\n"
    "  period: 2024-09..2025-06\n"
    "partners:\n"
    "  - {id: hexi, name: 河西镇园}\n"
    "  - {id: baima, name: 白马园}\n"
    "people:\n"
    "  - {id: chen, name: 陈}\n"
    "  - {id: liu, name: 刘二}\n"
    "leadership:\n"
    "  leader: chen\n"
    "phases:\n"
    "  - id: p1\n"
    "    name: one\n"
    "    period: 2024-09..2025-06\n"
    "    activities:\n"
    "      - {id: v1, title: 观摩, kind: observation, at: partner,"
    " partners: [hexi], date: 2024-11-12, owner: chen, people: [liu]}\n"
    "      - {id: m1, title: 会议, kind: meeting, date: 2024-11-13,"
    " owner: chen}\n";

static const char plan_bad[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: C\n"
    "  host: {id: chost, name: 丙园}\n"
    "  period: 2024-09..2025-06\n"
    "partners:\n"
    "  - {id: hexi, name: 河西园}\n"
    "people:\n"
    "  - {id: zhao, name: 赵}\n"
    "phases:\n"
    "  - id: p1\n"
    "    name: one\n"
    "    period: 2024-09..2025-06\n"
    "    activities:\n"
    "      - {title: 送教, kind: teaching-visit, at: partner,"
    " date: 2024-10-15, owner: nobody}\n";

struct fixture {
	struct plandoc		 pd[3];
	struct report_file	 files[3];
	const struct plan	*plans[3];
	size_t			 nplans;
	struct schedule		 s;
	struct arena		 a;
	bool			*held;
	struct report		 r;
};

static void
build(struct fixture *f, day_t on, uint32_t min_visits, bool hold_first)
{
	static const char *const names[3] = { "a.yaml", "bad.yaml", "b.yaml" };
	const char *texts[3] = { plan_a, plan_bad, plan_b };
	size_t i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < 3; i++) {
		plandoc_init_buffer(&f->pd[i], names[i], texts[i],
		    strlen(texts[i]), NULL);
		f->files[i].file = names[i];
		f->files[i].errors = f->pd[i].diags.count[SEV_ERROR];
		if (f->files[i].errors == 0) {
			assert_non_null(f->pd[i].plan);
			f->files[i].plan = f->pd[i].plan;
			f->plans[f->nplans++] = f->pd[i].plan;
		}
	}
	assert_int_equal(f->nplans, 2);
	arena_init(&f->a);
	sched_run(&f->s, f->plans, f->nplans, &f->a);
	f->held = calloc(f->s.nevents + 1, sizeof(*f->held));
	assert_non_null(f->held);
	report_held(&f->s, NULL, on, f->held);
	for (i = 0; i < f->s.nevents; i++)
		assert_false(f->held[i]);	/* no records: nothing held */
	if (hold_first)
		f->held[0] = true;		/* as the records would */
	report_build(&f->r, f->files, 3, &f->s, f->held, on, min_visits,
	    &f->a);
}

static void
release(struct fixture *f)
{
	size_t i;

	free(f->held);
	arena_release(&f->a);
	for (i = 0; i < 3; i++)
		plandoc_release(&f->pd[i]);
}

static const struct report_partner *
partner(const struct report *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->npartners; i++)
		if (strcmp(r->partners[i].id, id) == 0)
			return &r->partners[i];
	fail_msg("no partner '%s'", id);
	return NULL;
}

/*
 * Events are counted series by series when their series are the
 * schedule's array, in date order otherwise: the counts are the same.
 */
static void
test_build_any_order(void **state)
{
	struct fixture f;
	struct schedule s2;
	struct report r2;
	struct sched_series *copy;
	size_t i, j;

	(void)state;
	build(&f, D("2025-06-30"), 1, true);
	s2 = f.s;
	copy = malloc((f.s.nseries + 1) * sizeof(*copy));
	assert_non_null(copy);
	memcpy(copy, f.s.series, f.s.nseries * sizeof(*copy));
	s2.series = copy;	/* the events point elsewhere now */
	report_build(&r2, f.files, 3, &s2, f.held, D("2025-06-30"), 1, &f.a);
	assert_int_equal(r2.nplans, f.r.nplans);
	for (i = 0; i < r2.nplans; i++) {
		assert_int_equal(r2.plans[i].c.events, f.r.plans[i].c.events);
		assert_int_equal(r2.plans[i].c.due, f.r.plans[i].c.due);
		assert_int_equal(r2.plans[i].c.held, f.r.plans[i].c.held);
	}
	assert_int_equal(r2.total.held, 1);
	assert_int_equal(r2.total.held, f.r.total.held);
	assert_int_equal(r2.npartners, f.r.npartners);
	for (i = 0; i < r2.npartners; i++)
		assert_int_equal(r2.partners[i].c.events,
		    f.r.partners[i].c.events);
	assert_int_equal(r2.npeople, f.r.npeople);
	for (i = 0; i < r2.npeople; i++) {
		assert_string_equal(r2.people[i].id, f.r.people[i].id);
		assert_int_equal(r2.people[i].events, f.r.people[i].events);
		assert_int_equal(r2.people[i].nmonths, f.r.people[i].nmonths);
		for (j = 0; j < r2.people[i].nmonths; j++)
			assert_int_equal(r2.people[i].months[j].n,
			    f.r.people[i].months[j].n);
	}
	free(copy);
	release(&f);
}

static void
test_build(void **state)
{
	struct fixture f;
	const struct report *r = &f.r;
	const struct report_partner *p;
	const struct report_person *pe;

	(void)state;
	build(&f, D("2024-12-31"), 1, false);
	/* Plans: in file order; the one with errors left out. */
	assert_int_equal(r->nplans, 3);
	assert_string_equal(r->plans[1].file, "bad.yaml");
	assert_false(r->plans[1].counted);
	assert_true(r->plans[1].errors >= 1);
	assert_int_equal(r->plans[1].c.events, 0);
	assert_null(r->plans[1].host);
	assert_int_equal(r->with_errors, 1);
	assert_int_equal(r->plans[0].c.events, 5);	/* 2 + 2 visits, lecture */
	assert_int_equal(r->plans[2].c.events, 2);
	assert_string_equal(r->plans[2].host, "bhost");
	/* Totals, as of 2024-12-31: the April visits are not due. */
	assert_int_equal(r->total.events, f.s.nevents);
	assert_int_equal(r->total.events, 7);
	assert_int_equal(r->total.due, 5);
	assert_int_equal(r->total.held, 0);
	assert_int_equal(r->total.overdue, 5);
	/* Semesters met: autumn 2024 and spring 2025. */
	assert_int_equal(r->sem_first, 2 * 2024 + 1);
	assert_int_equal(r->sem_last, 2 * 2025);
	/* Partners by id; the bad plan's hexi is not counted. */
	assert_int_equal(r->npartners, 3);
	assert_string_equal(r->partners[0].id, "baima");
	assert_string_equal(r->partners[1].id, "dongtan");
	assert_string_equal(r->partners[2].id, "hexi");
	p = partner(r, "hexi");
	assert_string_equal(p->name, "河西园");	/* the first plan's name */
	assert_int_equal(p->nhosts, 2);
	assert_string_equal(p->hosts[0], "ahost");
	assert_string_equal(p->hosts[1], "bhost");
	assert_int_equal(p->c.events, 3);
	assert_int_equal(p->c.due, 2);
	assert_int_equal(p->nterms, 2);
	assert_int_equal(p->terms[0].planned, 2);
	assert_int_equal(p->terms[1].planned, 1);
	assert_int_equal(p->flag, RF_OK);
	p = partner(r, "baima");
	assert_int_equal(p->c.events, 0);
	assert_int_equal(p->nterms, 2);
	assert_int_equal(p->flag, RF_NONE);
	assert_int_equal(partner(r, "dongtan")->flag, RF_OK);
	assert_int_equal(r->flagged, 1);
	/* Hosts by id. */
	assert_int_equal(r->nhosts, 2);
	assert_string_equal(r->hosts[0].id, "ahost");
	assert_int_equal(r->hosts[0].npartners, 2);
	assert_int_equal(r->hosts[0].c.events, 5);
	assert_int_equal(r->hosts[1].nplans, 1);
	assert_int_equal(r->hosts[1].plans[0], 2);
	/* People by id; liu is one person in two plans. */
	assert_int_equal(r->npeople, 3);
	pe = &r->people[1];
	assert_string_equal(pe->id, "liu");
	assert_string_equal(pe->name, "刘");
	assert_string_equal(pe->org, "ahost");
	assert_int_equal(pe->nplans, 2);
	assert_int_equal(pe->events, 4);	/* lecture, v2 twice, b's v1 */
	assert_int_equal(pe->nmonths, 3);	/* 2024-10, 2024-11, 2025-04 */
	assert_int_equal(pe->months[0].month, 2024 * 12 + 9);
	assert_int_equal(pe->months[0].n, 1);
	assert_int_equal(pe->months[1].n, 1);
	assert_int_equal(pe->months[2].month, 2025 * 12 + 3);
	assert_int_equal(pe->months[2].n, 2);	/* v2 at both partners */
	assert_int_equal(pe->busiest, 2);
	assert_int_equal(r->month_first, 2024 * 12 + 9);
	assert_int_equal(r->month_last, 2025 * 12 + 3);
	release(&f);
}

static void
test_min_visits_and_held(void **state)
{
	struct fixture f;

	(void)state;
	/* Two a semester wanted: dongtan (1 + 1) and hexi's spring (1). */
	build(&f, D("2025-06-30"), 2, true);
	assert_int_equal(partner(&f.r, "dongtan")->flag, RF_FEW);
	assert_int_equal(partner(&f.r, "hexi")->flag, RF_FEW);
	assert_int_equal(partner(&f.r, "baima")->flag, RF_NONE);
	assert_int_equal(f.r.flagged, 3);
	/* One event held: counted held, not overdue, where it belongs. */
	assert_int_equal(f.r.total.due, 7);
	assert_int_equal(f.r.total.held, 1);
	assert_int_equal(f.r.total.overdue, 6);
	assert_int_equal(f.r.plans[0].c.held, 1);
	release(&f);
	/* A held record of an event after the day does not count. */
	build(&f, D("2024-09-30"), 0, true);
	assert_int_equal(f.r.total.due, 0);
	assert_int_equal(f.r.total.held, 0);
	assert_int_equal(partner(&f.r, "dongtan")->flag, RF_OK);
	assert_int_equal(f.r.flagged, 1);	/* baima: none at all */
	release(&f);
}

/* No plan counted: an empty report, no semester, no month. */
static void
test_empty(void **state)
{
	struct report_file file = { "bad.yaml", NULL, 3, false };
	struct schedule s;
	struct report r;
	struct arena a;

	(void)state;
	arena_init(&a);
	sched_run(&s, NULL, 0, &a);
	report_build(&r, &file, 1, &s, NULL, D("2025-01-01"), 1, &a);
	assert_int_equal(r.nplans, 1);
	assert_int_equal(r.with_errors, 1);
	assert_int_equal(r.total.events, 0);
	assert_int_equal(r.npartners + r.nhosts + r.npeople, 0);
	assert_true(r.sem_first > r.sem_last);
	assert_true(r.month_first > r.month_last);
	arena_release(&a);
}

/*
 * Each person's months, counted here from the events of s (people
 * matched by id) against report r: the plan-by-plan count of a report
 * whose people are each in one plan, and the sort of one where a person
 * is in two, must both give this.
 */
static void
months_match(const struct schedule *s, const struct report *r)
{
	size_t i, e, k, total = 0;

	for (i = 0; i < r->npeople; i++) {
		const struct report_person *rp = &r->people[i];
		int32_t mon[64];
		uint32_t cnt[64], n = 0, best = 0;

		for (e = 0; e < s->nevents; e++) {
			const struct sched_series *sr = s->events[e].series;
			const struct plan *p = s->plans[sr->plan];
			int y, m, d;
			int32_t mo;

			for (k = 0; k < sr->npeople; k++) {
				if (strcmp(p->people[sr->people[k]].id,
				    rp->id) != 0)
					continue;
				date_to_civil(s->events[e].date, &y, &m, &d);
				mo = (int32_t)y * 12 + m - 1;
				for (d = 0; d < (int)n && mon[d] != mo; d++)
					;
				if (d == (int)n) {
					assert_true(n < 64);
					while (d > 0 && mon[d - 1] > mo) {
						mon[d] = mon[d - 1];
						cnt[d] = cnt[d - 1];
						d--;
					}
					mon[d] = mo;
					cnt[d] = 0;
					n++;
				}
				cnt[d]++;
			}
		}
		assert_int_equal(rp->nmonths, n);
		for (k = 0; k < n; k++) {
			assert_int_equal(rp->months[k].month, mon[k]);
			assert_int_equal(rp->months[k].n, cnt[k]);
			if (cnt[k] > cnt[best])
				best = (uint32_t)k;
		}
		if (n > 0)
			assert_int_equal(rp->busiest, best);
		total += n;
	}
	assert_true(total > 0);
}

/* One plan from text, scheduled alone: what the tests of one plan share. */
struct one {
	struct plandoc		 pd;
	struct report_file	 file;
	const struct plan	*p;
	struct schedule		 s;
	struct arena		 a;
};

static void
one_load(struct one *o, const char *name, const char *yaml)
{
	plandoc_init_buffer(&o->pd, name, yaml, strlen(yaml), NULL);
	assert_non_null(o->pd.plan);
	o->p = o->pd.plan;
	memset(&o->file, 0, sizeof(o->file));
	o->file.file = name;
	o->file.plan = o->p;
	arena_init(&o->a);
	sched_run(&o->s, &o->p, 1, &o->a);
}

static void
one_release(struct one *o)
{
	arena_release(&o->a);
	plandoc_release(&o->pd);
}

/* By plan (plan a alone: its people in no other plan), and by sort. */
static void
test_months_both_ways(void **state)
{
	struct fixture f;
	struct one o;
	struct report r;

	(void)state;
	build(&f, D("2025-06-30"), 1, false);
	months_match(&f.s, &f.r);	/* liu is in two plans: the sort */
	release(&f);
	one_load(&o, "a.yaml", plan_a);
	report_build(&r, &o.file, 1, &o.s, NULL, D("2025-06-30"), 1, &o.a);
	months_match(&o.s, &r);		/* one plan: plan by plan */
	one_release(&o);
}

/* The months of events on the edges of months: the first and the last day. */
static void
test_months_on_edges(void **state)
{
	struct one o;
	struct report r;
	size_t e, last = 0, first = 0;

	(void)state;
	one_load(&o, "e.yaml", plan_edges);
	for (e = 0; e < o.s.nevents; e++) {
		int y, m, d, y2, m2, d2;

		date_to_civil(o.s.events[e].date, &y, &m, &d);
		date_to_civil(o.s.events[e].date + 1, &y2, &m2, &d2);
		last += m2 != m;
		first += d == 1;
	}
	assert_true(last >= 4 && first >= 1);
	report_build(&r, &o.file, 1, &o.s, NULL, D("2025-06-30"), 1, &o.a);
	months_match(&o.s, &r);
	one_release(&o);
}

/*
 * A schedule of more than 200,000 events, enough for the months to be
 * counted on a thread of their own while the rest is (when a core is
 * spare): plan_edges' events, each many times over.
 */
static void
test_months_big(void **state)
{
	struct one o;
	struct schedule big;
	struct report r;
	size_t e, k, copies;

	(void)state;
	one_load(&o, "e.yaml", plan_edges);
	assert_true(o.s.nevents > 10);
	copies = 200000 / o.s.nevents + 1;
	big = o.s;
	big.nevents = o.s.nevents * copies;
	big.events = arena_alloc(&o.a, big.nevents * sizeof(*big.events));
	for (e = 0; e < o.s.nevents; e++)	/* by date, as a schedule is */
		for (k = 0; k < copies; k++)
			big.events[e * copies + k] = o.s.events[e];
	report_build(&r, &o.file, 1, &big, NULL, D("2025-06-30"), 1, &o.a);
	months_match(&big, &r);
	assert_int_equal(r.plans[0].c.events, big.nevents);
	one_release(&o);
}

/*
 * Events more than 65,536 days apart: the months come from month_of, not
 * from a table of every day between. Later events keep the order by date.
 */
static void
test_months_far_apart(void **state)
{
	struct one o;
	struct schedule far;
	struct report r;
	size_t e;

	(void)state;
	one_load(&o, "e.yaml", plan_edges);
	far = o.s;
	far.events = arena_alloc(&o.a, far.nevents * sizeof(*far.events));
	for (e = 0; e < far.nevents; e++) {
		far.events[e] = o.s.events[e];
		if (e >= far.nevents / 2) {
			far.events[e].date += 70000;
			far.events[e].end += 70000;
		}
	}
	report_build(&r, &o.file, 1, &far, NULL, D("2025-06-30"), 1, &o.a);
	months_match(&far, &r);
	assert_true(r.month_last - r.month_first > 2000);
	one_release(&o);
}

/* The people come out in strcmp order of their ids, bytes unsigned. */
static void
test_people_order(void **state)
{
	struct one o;
	struct report r;
	size_t i;

	(void)state;
	one_load(&o, "i.yaml", plan_ids);
	report_build(&r, &o.file, 1, &o.s, NULL, D("2025-06-30"), 1, &o.a);
	assert_int_equal(r.npeople, 9);
	for (i = 1; i < r.npeople; i++)
		assert_true(strcmp(r.people[i - 1].id, r.people[i].id) < 0);
	assert_string_equal(r.people[0].id, "t");
	assert_string_equal(r.people[8].id, "老师甲");
	/* each keeps its own name and counts through the move */
	for (i = 0; i < r.npeople; i++)
		if (strcmp(r.people[i].id, "teacher-a") == 0) {
			assert_string_equal(r.people[i].name, "甲");
			assert_int_equal(r.people[i].events, 1);
		}
	one_release(&o);
}

/* The busiest month as the md and html reports write it. */
static void
test_busiest_text(void **state)
{
	struct report_month m[] = { { 2024 * 12 + 9, 2 }, { 2024 * 12 + 10, 5 },
	    { 2024 * 12 + 11, 5 } };
	struct report_person p = { "a", "A", "h", 1, 12, m, 3, 1 };
	struct sbuf b = { 0 };

	(void)state;
	report_busiest_text(&b, &p, "-");
	assert_string_equal(b.p, "2024-11: 5");
	sbuf_clear(&b);
	p.nmonths = 0;
	p.busiest = 0;
	report_busiest_text(&b, &p, "—");
	assert_string_equal(b.p, "—");
	sbuf_free(&b);
}

/* What the report format writes to a memory stream, NUL-terminated. */
static char *
written(const struct report_format *fmt, const struct report *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_true(fmt->write(fp, r, false));
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void
expect_in(const char *text, const char *part)
{
	if (strstr(text, part) == NULL)
		fail_msg("'%s' is not written", part);
}

/*
 * The people's rows of md, html and csv, written in runs and with numbers
 * made by hand: each cell, number and month is what printf would have
 * made of it, and a name's '|', line break, quote and markup are escaped.
 */
static void
test_people_rows(void **state)
{
	struct fixture f;
	struct report_person *p;
	char want[256], key[8], *md, *html, *csv;
	uint32_t most = 0, pm, n;
	size_t i, j;
	int32_t mo;

	(void)state;
	build(&f, D("2024-12-31"), 1, false);
	for (i = 0; i < f.r.npeople; i++)
		for (j = 0; j < f.r.people[i].nmonths; j++)
			if (f.r.people[i].months[j].n > most)
				most = f.r.people[i].months[j].n;
	p = &f.r.people[0];
	assert_true(p->nmonths > 0);
	p->name = "甲|乙\n丙<&>\"'|";
	md = written(&report_md, &f.r);
	html = written(&report_html, &f.r);
	csv = written(&report_csv, &f.r);
	/* a line break and a quote: the name quoted, the quote doubled */
	snprintf(want, sizeof(want), "\r\nperson,%s,\"甲|乙\n丙<&>\"\"'|\",,%u,"
	    ",,,,,%s\r\n", p->id, p->events, p->org);
	expect_in(csv, want);
	for (j = 0; j < p->nmonths; j++) {
		report_month_key(p->months[j].month, key);
		snprintf(want, sizeof(want), "\r\nperson-month,%s,\"甲|乙\n丙"
		    "<&>\"\"'|\",%s,%u,,,,,,\r\n", p->id, key, p->months[j].n);
		expect_in(csv, want);
	}
	snprintf(want, sizeof(want), "| 甲\\|乙 丙<&>\"'\\| (%s) | %s | %u | "
	    "%u |", p->id, report_org_name(&f.r, p->org), p->nplans,
	    p->events);
	expect_in(md, want);
	snprintf(want, sizeof(want), "<tr><td>甲|乙\n丙&lt;&amp;&gt;&quot;"
	    "&#39;|<br><span class=\"id\">%s</span></td>", p->id);
	expect_in(html, want);
	snprintf(want, sizeof(want), "<td class=\"n\">%u</td><td class=\"n\">"
	    "%u</td>", p->nplans, p->events);
	expect_in(html, want);
	for (i = 0; i < f.r.npeople; i++) {
		p = &f.r.people[i];
		for (j = 0; j < p->nmonths; j++) {
			report_month_key(p->months[j].month, key);
			snprintf(want, sizeof(want), "%s%s: %u%s", j > 0 ?
			    ", " : " ", key, p->months[j].n,
			    j + 1 < p->nmonths ? "," : " |\n");
			expect_in(md, want);
		}
		/* every month of the county's, a bar each */
		for (j = 0, mo = f.r.month_first; mo <= f.r.month_last; mo++) {
			while (j < p->nmonths && p->months[j].month < mo)
				j++;
			n = j < p->nmonths && p->months[j].month == mo ?
			    p->months[j].n : 0;
			report_month_key(mo, key);
			pm = n * 1000 / most;
			if (n == 0)
				snprintf(want, sizeof(want), "<span class="
				    "\"zero\" title=\"%s: 0\"></span>", key);
			else
				snprintf(want, sizeof(want), "<span title=\""
				    "%s: %u\" style=\"height:%u.%u%%\"></span>",
				    key, n, pm / 10, pm % 10);
			expect_in(html, want);
		}
	}
	/* the partners' bars, of the most events of a partner */
	for (i = 0, most = 0; i < f.r.npartners; i++)
		if (f.r.partners[i].c.events > most)
			most = f.r.partners[i].c.events;
	for (i = 0; i < f.r.npartners; i++) {
		const struct report_count *c = &f.r.partners[i].c;
		uint32_t held = c->held * 1000 / most;

		pm = c->events * 1000 / most;
		snprintf(want, sizeof(want), "<td class=\"n\">%u</td><td><div "
		    "class=\"bar\"><span class=\"planned\" style=\"width:"
		    "%u.%u%%\"></span><span class=\"held\" style=\"width:"
		    "%u.%u%%\"></span></div></td><td class=\"n\">%u</td>",
		    c->events, pm / 10, pm % 10, held / 10, held % 10,
		    c->overdue);
		expect_in(html, want);
	}
	free(md);
	free(html);
	free(csv);
	release(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_semesters),
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_build_any_order),
		cmocka_unit_test(test_min_visits_and_held),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_months_both_ways),
		cmocka_unit_test(test_months_on_edges),
		cmocka_unit_test(test_months_big),
		cmocka_unit_test(test_months_far_apart),
		cmocka_unit_test(test_people_order),
		cmocka_unit_test(test_busiest_text),
		cmocka_unit_test(test_people_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
