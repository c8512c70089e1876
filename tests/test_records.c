/* test_records.c - unit tests of the records: reading, checks against the plan and schedule, fixes, status counts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "catalog.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "plandoc.h"
#include "rectrack.h"
#include "records.h"
#include "sbuf.h"
#include "sched.h"
#include "status.h"

/*
 * Events of this plan, without records:
 *   p1.1/1 2024-09-12 (fixed), p1.2#jinqiu/1 10-08, p1.2#bochang/1 10-09,
 *   p1.2#jinqiu/2 10-18, p1.2#bochang/2 10-21, p2.1/1..9 Tuesdays from
 *   11-05, p2.2/1 2025-01-10 (fixed).
 */
static const char plan_text[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 测试计划\n"
    "  host: {id: leshi, name: 乐安幼儿园}\n"
    "  period: 2024-09..2025-01\n"
    "  confirm: [园长, 带队教师]\n"
    "partners:\n"
    "  - {id: jinqiu, name: 锦秋幼儿园}\n"
    "  - {id: bochang, name: 博昌幼儿园}\n"
    "people:\n"
    "  - {id: li, name: 李少梅}\n"
    "  - {id: geng, name: 耿庆军}\n"
    "  - {name: 王静}\n"
    "  - {name: 赵敏, org: jinqiu}\n"
    "leadership: {leader: li, deputies: [geng]}\n"
    "phases:\n"
    "  - period: 2024-09..2024-10\n"
    "    activities:\n"
    "      - {title: 签订协议, kind: agreement, date: 2024-09-12, owner: [li, 赵敏]}\n"
    "      - {title: 送教下乡, kind: teaching-visit, at: partner, when: 2024-10,"
    " times: 2, owner: geng, people: [王静]}\n"
    "  - period: 2024-11..2025-01\n"
    "    activities:\n"
    "      - {title: 跟班学习, kind: shadowing, when: 2024-11..2024-12, every: week,"
    " weekday: [tue, thu], people: [赵敏]}\n"
    "      - {title: 总结会, kind: summary, date: 2025-01-10, owner: li}\n"
    "targets:\n"
    "  - {name: 教师优课率, at-least: 30%, by: 2024-12}\n"
    "  - {name: 方案, equals: 1}\n"
    "  - {name: 区间, at-least: 1, at-most: 2}\n"
    "  - {name: 新建园, by-year: {2024: 3, 2025: 5}, total: 8}\n"
    "quotas:\n"
    "  - {people: [geng], visits: 2, days: 3, per: semester}\n";

struct fx {
	struct plandoc		 pd;
	struct records		 rs;
	struct records		*rp[1];
	struct diags		 d;
	struct arena		 a;
	struct schedule		 s;
	struct status		 st;
	const struct plan	*plans[1];	/* the schedule keeps them */
};

/* What status_held says of f's events, in an array to free. */
static const struct record **
held_of(const struct fx *f)
{
	const struct record **by;

	by = calloc(f->s.nevents + 1, sizeof(*by));
	assert_non_null(by);
	status_held(&f->s, f->rp, by);
	return by;
}

/* status_held gives what status_compute put in st->held_by. */
static void
same_held(const struct fx *f, const struct status *st)
{
	const struct record **by = held_of(f);
	size_t i;

	for (i = 0; i < f->s.nevents; i++)
		assert_ptr_equal(by[i], st->held_by[i]);
	free(by);
}

/* status_held holds event e and no other. */
static void
held_only(const struct fx *f, const struct sched_event *e)
{
	const struct record **by = held_of(f);
	size_t i;

	for (i = 0; i < f->s.nevents; i++)
		if (&f->s.events[i] == e)
			assert_non_null(by[i]);
		else
			assert_null(by[i]);
	free(by);
}

/* The plan, its records from text, checked and scheduled with them. */
static void
fx_load(struct fx *f, const char *records)
{
	struct avec fixes = { 0 };

	memset(f, 0, sizeof(*f));
	plandoc_init_buffer(&f->pd, "t.yaml", plan_text, strlen(plan_text),
	    NULL);
	assert_non_null(f->pd.plan);
	assert_int_equal(f->pd.diags.n, 0);
	arena_init(&f->a);
	diags_init(&f->d, &f->pd.arena, "t.yaml");
	records_load_buffer(&f->rs, "t.records.yaml", records,
	    strlen(records), 1, f->pd.plan, &f->pd.arena, &f->d);
	f->rp[0] = &f->rs;
	rectrack_add_fixes(&fixes, &f->rs, 0, &f->a);
	f->plans[0] = f->pd.plan;
	sched_run_fixed(&f->s, f->plans, 1, fixes.v, fixes.n, &f->a);
	rectrack_check(&f->rs, &f->s, 0, &f->d, 0);
	diags_sort(&f->d);
}

static void
fx_done(struct fx *f)
{
	arena_release(&f->a);
	plandoc_release(&f->pd);
}

static day_t
D(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* The diagnostic of rule r whose message holds text, or NULL. */
static const struct diag *
find(const struct diags *d, enum rule_id r, const char *text)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].rule == r && strstr(d->v[i].msg, text) != NULL)
			return &d->v[i];
	return NULL;
}

static const struct sched_event *
event(const struct schedule *s, const char *series, uint32_t occ)
{
	size_t i;

	for (i = 0; i < s->nevents; i++)
		if (strcmp(s->events[i].series->id, series) == 0 &&
		    s->events[i].occurrence == occ)
			return &s->events[i];
	return NULL;
}

/* ---- names and ids --------------------------------------------------- */

static void
test_path(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a);
	assert_string_equal(records_path(&a, "plans/x.yaml"),
	    "plans/x.records.yaml");
	assert_string_equal(records_path(&a, "x.yml"), "x.records.yaml");
	assert_string_equal(records_path(&a, "plan"), "plan.records.yaml");
	assert_null(records_path(&a, "-"));
	arena_release(&a);
}

static void
test_split_event(void **state)
{
	struct arena a;
	const char *s;
	uint32_t n;

	(void)state;
	arena_init(&a);
	assert_true(records_split_event(&a, "p2.1#shaliang/3", &s, &n));
	assert_string_equal(s, "p2.1#shaliang");
	assert_int_equal(n, 3);
	assert_true(records_split_event(&a, "m1/12", &s, &n));
	assert_string_equal(s, "m1");
	assert_int_equal(n, 12);
	assert_false(records_split_event(&a, "p2.1", &s, &n));
	assert_false(records_split_event(&a, "p2.1/0", &s, &n));
	assert_false(records_split_event(&a, "p2.1/x", &s, &n));
	assert_false(records_split_event(&a, "/3", &s, &n));
	arena_release(&a);
}

/* ---- reading ----------------------------------------------------------- */

static void
test_read_every_key(void **state)
{
	struct fx f;
	const struct record *r;

	(void)state;
	fx_load(&f, "# a comment\n"
	    "- {n: 1, event: \"p1.2#jinqiu/1\", date: \"2024-10-08\", "
	    "status: \"held\", people: [geng, 王静], participants: 40, "
	    "note: \"送教\", targets: {\"教师优课率\": 35%, \"方案\": 1}, "
	    "confirmed-by: [\"园长\", \"带队教师\"], recorded: "
	    "\"2024-10-08T08:00:00Z\", by: \"王静\"}\n"
	    "- {n: 2, activity: \"p1.2\", partner: 博昌幼儿园, date: "
	    "\"2024-10-14..2024-10-15\", confirmed-by: [a, b], replaces: 1}\n");
	assert_int_equal(f.d.n, 0);
	assert_int_equal(f.rs.n, 2);
	r = &f.rs.v[0];
	assert_int_equal(r->n, 1);
	assert_string_equal(r->event, "p1.2#jinqiu/1");
	assert_int_equal(r->date.from, D(2024, 10, 8));
	assert_int_equal(r->date.to, D(2024, 10, 8));
	assert_int_equal(r->status, REC_HELD);
	assert_int_equal(r->people.n, 2);
	assert_int_equal(r->people.v[0].idx, 1);
	assert_int_equal(r->people.v[1].idx, 2);
	assert_int_equal(r->participants, 40);
	assert_string_equal(r->note, "送教");
	assert_int_equal(r->nvalues, 2);
	assert_string_equal(r->values[0].text, "35%");
	assert_true(r->values[0].percent);
	assert_true(r->values[0].value == 35.0);
	assert_int_equal(r->values[0].target, 0);
	assert_int_equal(r->values[1].target, 1);
	assert_int_equal(r->nconfirmed_by, 2);
	assert_string_equal(r->recorded, "2024-10-08T08:00:00Z");
	assert_string_equal(r->by, "王静");
	assert_true(r->replaced);	/* record 2 replaces it */
	assert_false(r->bad);
	assert_int_equal(r->series, (int32_t)(event(&f.s, "p1.2#jinqiu", 1)->
	    series - f.s.series));
	r = &f.rs.v[1];
	assert_string_equal(r->activity, "p1.2");
	assert_int_equal(r->partner.idx, 2);
	assert_int_equal(r->date.from, D(2024, 10, 14));
	assert_int_equal(r->date.to, D(2024, 10, 15));
	assert_int_equal(r->replaces, 1);
	assert_non_null(r->act);
	assert_int_equal(r->act_phase, 0);
	assert_int_equal(f.rs.max_n, 2);
	fx_done(&f);
}

static void
test_empty_and_comments(void **state)
{
	struct fx f;

	(void)state;
	fx_load(&f, "# no records yet\n\n");
	assert_int_equal(f.d.n, 0);
	assert_int_equal(f.rs.n, 0);
	fx_done(&f);
	fx_load(&f, "");
	assert_int_equal(f.d.n, 0);
	fx_done(&f);
	fx_load(&f, "{n: 1}\n");
	assert_non_null(find(&f.d, R_TYPE, "a list of records"));
	fx_done(&f);
}

/* ---- checks ------------------------------------------------------------ */

static void
test_checks(void **state)
{
	struct fx f;
	const struct diag *g;

	(void)state;
	fx_load(&f,
	    "- {n: 1, event: \"p1.2#jinqiu/1\", date: \"2024-10-08\", "
	    "people: [gen], confirmed-by: [a, b]}\n"
	    "- {n: 2, event: \"p1.2#jinqu/2\", date: \"2024-10-18\", "
	    "confirmed-by: [a, b]}\n"
	    "- {n: 3, event: \"p1.2#jinqiu/5\", date: \"2024-10-18\", "
	    "confirmed-by: [a, b]}\n"
	    "- {n: 4, event: \"p1.1/1\", date: \"2025-03-01\", "
	    "confirmed-by: [a, b]}\n"
	    "- {n: 5, event: \"p1.1/1\", date: \"2024-09-15\", "
	    "confirmed-by: [a, b]}\n"
	    "- {n: 6, event: \"p2.2/1\", date: \"2025-01-10\", "
	    "confirmed-by: [a, b]}\n"
	    "- {n: 7, event: \"p2.2/1\", date: \"2025-01-10\", "
	    "confirmed-by: [a]}\n"
	    "- {n: 7, event: \"p1.1/1\", date: \"2024-09-12\", replaces: 9, "
	    "confirmed-by: [a, b]}\n"
	    "- {n: 8, event: \"p2.1/1\", status: moved}\n"
	    "- {n: 9, activity: \"p9\", date: \"2024-11-01\", "
	    "confirmed-by: [a, b]}\n"
	    "- {n: 10, event: \"p2.1/2\", date: \"2024-11-12\", targets: "
	    "{教师优课率: 3, 优课: 1}, confirmed-by: [a, b]}\n");
	g = find(&f.d, R_UNKNOWN_REF, "unknown person 'gen'");
	assert_non_null(g);
	assert_non_null(strstr(g->msg, "did you mean 'geng'"));
	assert_string_equal(g->file, "t.records.yaml");
	assert_int_equal(g->line, 1);
	assert_non_null(find(&f.d, R_UNKNOWN_REF,
	    "unknown event 'p1.2#jinqu/2' (did you mean 'p1.2#jinqiu/2'?)"));
	assert_non_null(find(&f.d, R_UNKNOWN_REF, "has 2 occurrences"));
	assert_non_null(find(&f.d, R_OUTSIDE_PLAN, "2025-03-01"));
	assert_non_null(find(&f.d, R_NON_WORKING_DATE, "2024-09-15"));
	assert_non_null(find(&f.d, R_BAD_NUMBER, "'replaces' 9"));
	assert_non_null(find(&f.d, R_DUPLICATE_ID, "record number 7"));
	assert_non_null(find(&f.d, R_RECORDS_UNCONFIRMED, "1 of the 2"));
	assert_non_null(find(&f.d, R_REQUIRED, "a moved record has no 'date'"));
	assert_non_null(find(&f.d, R_UNKNOWN_REF, "unknown activity 'p9'"));
	assert_non_null(find(&f.d, R_TYPE, "measure it as one"));
	assert_non_null(find(&f.d, R_UNKNOWN_REF, "unknown target '优课'"));
	/* the duplicate: record 7 holds p2.2/1 after record 6 */
	assert_non_null(find(&f.d, R_RECORDS_DUPLICATE, "by record 6"));
	assert_true(f.rs.v[0].bad);
	assert_true(f.rs.v[1].bad);
	assert_false(f.rs.v[4].bad);	/* a warning only */
	fx_done(&f);
}

static void
test_torn_file(void **state)
{
	char path[] = "/tmp/test_records_XXXXXX";
	struct plandoc pd;
	struct records rs;
	struct diags d;
	const struct diag *g;
	FILE *fp;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	assert_non_null(fp = fdopen(fd, "w"));
	fputs("- {n: 1, event: \"p1.1/1\", date: \"2024-09-12\", "
	    "confirmed-by: [a, b]}\n- {n: 2, event: \"p1.2#jin", fp);
	fclose(fp);
	plandoc_init_buffer(&pd, "t.yaml", plan_text, strlen(plan_text), NULL);
	diags_init(&d, &pd.arena, "t.yaml");
	assert_int_equal(records_load(&rs, path, pd.plan, &pd.arena, &d, 0),
	    RECORDS_LOADED);
	assert_true(rs.torn);
	assert_int_equal(rs.n, 1);
	assert_int_equal(d.n, 1);
	g = &d.v[0];
	assert_int_equal(g->rule, R_RECORDS_TORN);
	assert_int_equal(g->line, 2);
	assert_string_equal(g->file, path);
	assert_non_null(strstr(g->msg, "truncate -s "));
	unlink(path);
	assert_int_equal(records_load(&rs, path, pd.plan, &pd.arena, &d, 0),
	    RECORDS_MISSING);
	plandoc_release(&pd);
}

/* ---- the schedule with records ---------------------------------------- */

static void
test_fixes(void **state)
{
	struct fx f;
	const struct sched_event *e;
	size_t i;

	(void)state;
	fx_load(&f,
	    "- {n: 1, event: \"p1.2#jinqiu/1\", status: moved, "
	    "date: \"2024-10-15\"}\n"
	    "- {n: 2, event: \"p1.2#bochang/1\", status: cancelled, "
	    "note: 停电}\n"
	    "- {n: 3, event: \"p2.1/1\", date: \"2024-11-07..2024-11-08\", "
	    "confirmed-by: [a, b]}\n");
	assert_int_equal(f.d.n, 0);
	e = event(&f.s, "p1.2#jinqiu", 1);
	assert_non_null(e);
	assert_int_equal(e->date, D(2024, 10, 15));
	assert_true(e->fixed);
	assert_null(event(&f.s, "p1.2#bochang", 1));
	for (i = 0; i < f.s.nunplaced; i++)
		assert_false(strcmp(f.s.unplaced[i].series->id,
		    "p1.2#bochang") == 0 && f.s.unplaced[i].occurrence == 1);
	e = event(&f.s, "p2.1", 1);
	assert_int_equal(e->date, D(2024, 11, 7));
	assert_int_equal(e->end, D(2024, 11, 8));
	/* the others are still placed, and around the fixed ones */
	e = event(&f.s, "p1.2#jinqiu", 2);
	assert_non_null(e);
	assert_true(e->date != D(2024, 10, 15));
	assert_non_null(event(&f.s, "p2.1", 2));
	assert_int_equal(f.s.nunplaced, 0);
	/* of the two fixed, only the held one is held, whatever the day */
	held_only(&f, event(&f.s, "p2.1", 1));
	fx_done(&f);
}

/*
 * A cancelled occurrence of an activity with a fixed date is dropped like
 * any other: neither an event nor unplaced.
 */
static void
test_cancel_fixed_date(void **state)
{
	struct fx f;
	size_t i;

	(void)state;
	fx_load(&f, "- {n: 1, event: \"p1.1/1\", status: cancelled}\n");
	assert_int_equal(f.d.n, 0);
	assert_null(event(&f.s, "p1.1", 1));
	for (i = 0; i < f.s.nunplaced; i++)
		assert_string_not_equal(f.s.unplaced[i].series->id, "p1.1");
	assert_non_null(event(&f.s, "p2.1", 1));
	fx_done(&f);
}

/* Without fixes, sched_run_fixed is sched_run. */
static void
test_no_fixes_same(void **state)
{
	struct fx f;
	struct schedule s2;
	size_t i;

	(void)state;
	fx_load(&f, "");
	sched_run(&s2, f.plans, 1, &f.a);
	assert_int_equal(s2.nevents, f.s.nevents);
	for (i = 0; i < s2.nevents; i++) {
		assert_int_equal(s2.events[i].date, f.s.events[i].date);
		assert_int_equal(s2.events[i].occurrence,
		    f.s.events[i].occurrence);
	}
	fx_done(&f);
}

/* ---- status ------------------------------------------------------------ */

static void
check_sums(const struct status *st)
{
	size_t i;

	assert_int_equal(st->totals.planned,
	    st->totals.held + st->totals.overdue);
	for (i = 0; i < st->nphases; i++)
		assert_int_equal(st->phases[i].c.planned,
		    st->phases[i].c.held + st->phases[i].c.overdue);
	assert_int_equal(st->noverdue, st->totals.overdue);
}

static void
test_status_counts(void **state)
{
	struct fx f;
	struct status st;
	size_t i, n;

	(void)state;
	fx_load(&f,
	    "- {n: 1, event: \"p1.1/1\", date: \"2024-09-12\", "
	    "confirmed-by: [a, b], participants: 10}\n"
	    "- {n: 2, event: \"p1.2#jinqiu/1\", date: \"2024-10-08\", "
	    "confirmed-by: [a, b], targets: {教师优课率: 25%}}\n"
	    "- {n: 3, event: \"p1.2#bochang/1\", status: cancelled}\n"
	    "- {n: 4, event: \"p1.2#jinqiu/2\", date: \"2024-10-18\", "
	    "confirmed-by: [a, b], targets: {教师优课率: 32%}}\n"
	    "- {n: 5, activity: \"p1.2\", partner: bochang, date: "
	    "\"2024-10-25\", confirmed-by: [a, b]}\n"
	    "- {n: 6, event: \"p2.1/1\", date: \"2024-11-05\", "
	    "confirmed-by: [a, b]}\n"
	    "- {n: 7, event: \"p2.1/1\", date: \"2024-11-05\", "
	    "confirmed-by: [a, b], replaces: 6}\n");
	assert_int_equal(f.d.n, 0);
	status_compute(&st, &f.s, f.rp, D(2024, 11, 20), &f.a);
	same_held(&f, &st);
	/* up to 11-20: p1.1, jinqiu/1, jinqiu/2, bochang/2, p2.1/1..3 */
	for (i = n = 0; i < f.s.nevents; i++)
		n += f.s.events[i].date <= D(2024, 11, 20);
	assert_int_equal(st.totals.planned, n);
	assert_int_equal(st.totals.planned, 7);
	assert_int_equal(st.totals.held, 4);
	assert_int_equal(st.totals.overdue, 3);
	assert_int_equal(st.totals.cancelled, 1);
	assert_int_equal(st.totals.extra, 1);
	assert_int_equal(st.totals.upcoming, 2);	/* 11-26, 12-03 */
	check_sums(&st);
	assert_int_equal(st.nphases, 2);
	assert_int_equal(st.phases[0].c.planned, 4);
	assert_int_equal(st.phases[0].c.held, 3);
	assert_int_equal(st.phases[0].c.cancelled, 1);
	assert_int_equal(st.phases[0].c.extra, 1);
	assert_int_equal(st.phases[1].c.planned, 3);
	assert_int_equal(st.phases[1].c.held, 1);
	/* partners: jinqiu 2 of 2; bochang 0 of 1 held, and the extra */
	assert_int_equal(st.partners[0].c.planned, 2);
	assert_int_equal(st.partners[0].c.held, 2);
	assert_int_equal(st.partners[1].c.planned, 1);
	assert_int_equal(st.partners[1].c.held, 1);
	/* geng: visits jinqiu/1, jinqiu/2, the extra at bochang */
	assert_int_equal(st.nquotas, 2);
	assert_int_equal(st.quotas[0].unit, QU_VISITS);
	assert_int_equal(st.quotas[0].got, 3);
	assert_int_equal(st.quotas[0].required, 1);	/* 5 months of 6 */
	assert_false(st.quotas[0].finished);
	/* the latest value: 32% >= 30% */
	assert_int_equal(st.targets[0].state, ST_MET);
	assert_string_equal(st.targets[0].rec->values[st.targets[0].value].
	    text, "32%");
	assert_int_equal(st.targets[1].state, ST_UNMEASURED);
	assert_true(status_failing(&st));	/* overdue */
	fx_done(&f);
}

/* Goals as §10 writes them: ranges, yearly figures; quotas in days. */
static void
test_status_goals(void **state)
{
	struct fx f;
	struct status st;
	struct sbuf b = { 0 };

	(void)state;
	fx_load(&f,
	    "- {n: 1, event: \"p1.2#jinqiu/1\", date: \"2024-10-08..2024-10-09\", "
	    "confirmed-by: [a, b], targets: {区间: 3, 新建园: 4}}\n"
	    "- {n: 2, event: \"p1.2#jinqiu/2\", date: \"2024-10-18\", "
	    "confirmed-by: [a, b]}\n");
	assert_int_equal(f.d.n, 0);
	status_compute(&st, &f.s, f.rp, D(2024, 11, 20), &f.a);
	same_held(&f, &st);
	/* 3 is outside 1..2 */
	assert_int_equal(st.targets[2].state, ST_NOT_MET);
	status_goal_text(&b, &st.targets[2], false);
	assert_string_equal(b.p, "at-least 1, at-most 2");
	sbuf_clear(&b);
	status_goal_text(&b, &st.targets[2], true);
	assert_string_equal(b.p, "≥ 1, ≤ 2");
	/* measured in 2024: at least 2024's figure, 3 */
	assert_int_equal(st.targets[3].state, ST_MET);
	sbuf_clear(&b);
	status_goal_text(&b, &st.targets[3], false);
	assert_string_equal(b.p, "at-least 3");
	/* a comparison is its own goal, measured or not */
	assert_int_equal(st.targets[1].state, ST_UNMEASURED);
	sbuf_clear(&b);
	status_goal_text(&b, &st.targets[1], true);
	assert_string_equal(b.p, "= 1");
	/* days at partners: 10-08 and 10-09, then 10-18 */
	assert_int_equal(st.nquotas, 2);
	assert_int_equal(st.quotas[1].unit, QU_DAYS);
	assert_int_equal(st.quotas[1].got, 3);
	assert_int_equal(st.quotas[0].got, 2);
	fx_done(&f);
	/* not measured: the figure of the day's year, else the total */
	fx_load(&f, "");
	status_compute(&st, &f.s, f.rp, D(2025, 1, 20), &f.a);
	same_held(&f, &st);
	sbuf_clear(&b);
	status_goal_text(&b, &st.targets[3], true);
	assert_string_equal(b.p, "≥ 5");
	assert_int_equal(st.targets[3].state, ST_UNMEASURED);
	sbuf_free(&b);
	fx_done(&f);
}

/* Two held records for one event: the second is the duplicate. */
static void
test_duplicate_held(void **state)
{
	struct fx f;
	struct status st;
	const struct sched_event *e;
	size_t i;

	(void)state;
	fx_load(&f,
	    "- {n: 1, event: \"p1.2#jinqiu/1\", date: \"2024-10-08\", "
	    "confirmed-by: [a, b], participants: 12}\n"
	    "- {n: 2, event: \"p1.2#jinqiu/1\", date: \"2024-10-10\", "
	    "confirmed-by: [a, b], participants: 30}\n");
	assert_non_null(find(&f.d, R_RECORDS_DUPLICATE, "by record 1"));
	/* the schedule keeps the first record's day */
	assert_non_null(e = event(&f.s, "p1.2#jinqiu", 1));
	assert_int_equal(e->date, D(2024, 10, 8));
	status_compute(&st, &f.s, f.rp, D(2024, 11, 20), &f.a);
	same_held(&f, &st);
	for (i = 0; i < f.s.nevents; i++)
		if (&f.s.events[i] == e)
			break;
	assert_non_null(st.held_by[i]);
	assert_int_equal(st.held_by[i]->n, 1);
	fx_done(&f);
}

static void
test_status_failing(void **state)
{
	struct fx f;
	struct status st;

	(void)state;
	fx_load(&f, "- {n: 1, event: \"p1.1/1\", date: \"2024-09-12\", "
	    "confirmed-by: [a, b], targets: {教师优课率: 20%}}\n");
	/* nothing overdue on the first day; the target not yet due */
	status_compute(&st, &f.s, f.rp, D(2024, 9, 12), &f.a);
	same_held(&f, &st);
	check_sums(&st);
	assert_int_equal(st.totals.planned, 1);
	assert_int_equal(st.totals.held, 1);
	assert_int_equal(st.targets[0].state, ST_NOT_MET);
	assert_false(st.targets[0].missed);
	assert_false(status_failing(&st));
	/* after the target's date: missed; the quota's semester not over */
	status_compute(&st, &f.s, f.rp, D(2025, 1, 5), &f.a);
	same_held(&f, &st);
	check_sums(&st);
	assert_true(st.targets[0].missed);
	assert_true(status_failing(&st));
	assert_false(st.quotas[0].finished);
	/* at the end: the quota (0 of 1) of a finished period is short */
	status_compute(&st, &f.s, f.rp, D(2025, 1, 31), &f.a);
	same_held(&f, &st);
	assert_true(st.quotas[0].finished);
	assert_int_equal(st.quotas[0].got, 0);
	fx_done(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_split_event),
		cmocka_unit_test(test_read_every_key),
		cmocka_unit_test(test_empty_and_comments),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_torn_file),
		cmocka_unit_test(test_fixes),
		cmocka_unit_test(test_cancel_fixed_date),
		cmocka_unit_test(test_no_fixes_same),
		cmocka_unit_test(test_status_counts),
		cmocka_unit_test(test_status_goals),
		cmocka_unit_test(test_duplicate_held),
		cmocka_unit_test(test_status_failing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
