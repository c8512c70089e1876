/* test_sitecal.c - a plan's calendars: holiday files named by the plan, a calendar per site, and the schedule on them. */
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
#include "cal.h"
#include "catalog.h"
#include "date.h"
#include "diag.h"
#include "holfile.h"
#include "plan.h"
#include "plandoc.h"
#include "sched.h"
#include "yload.h"
#include "testutil.h"

#define D(y, m, d)	date_from_civil((y), (m), (d))

/*
 * The school year 2026-27, which reaches the computed 2027: visits to
 * each partner every week on Monday or Friday from February to April,
 * around 春节 (2027-02-05 Friday, 02-08 Monday) and 清明 (04-05 Monday).
 */
#define SCHOOL_YEAR(calendar)						\
	"pairplan: 1\n"							\
	"plan:\n"							\
	"  title: 2026学年结对帮扶工作计划\n"				\
	"  host: {id: shiyan, name: 实验幼儿园}\n"			\
	"  period: 2026-09..2027-07\n"					\
	"partners:\n"							\
	"  - {id: hexi, name: 河西幼儿园}\n"				\
	"  - {id: liulin, name: 柳林幼儿园}\n"				\
	"people:\n"							\
	"  - {id: feng, name: 冯亚琴}\n"				\
	"  - {id: li, name: 李萍}\n"					\
	"  - {id: wu, name: 吴燕, org: hexi}\n"				\
	"  - {id: zheng, name: 郑敏, org: liulin}\n"			\
	"leadership: {leader: feng}\n"					\
	"phases:\n"							\
	"  - id: p1\n"							\
	"    name: 全年\n"						\
	"    period: 2026-09..2027-07\n"				\
	"    activities:\n"						\
	"      - {title: 送教下乡, at: partner, when: 2027-02..2027-04,"	\
	" every: week, weekday: [mon, fri], owner: feng}\n"		\
	"      - {title: 线上教研, at: online, when: 2026-10-12..2026-10-23,"\
	" times: 4, owner: [wu, zheng]}\n"				\
	"      - {title: 跟岗, when: 2026-10-12..2026-10-16, times: 5,"	\
	" owner: li}\n"							\
	"calendar:\n"							\
	calendar

struct loaded {
	struct plandoc		 pd;
	struct schedule		 s;
	struct arena		 a;
	bool			 scheduled;
};

static const struct plan *
load_file(struct loaded *l, const char *path, struct holfile_cache *c)
{
	struct yload_opts o;

	memset(&o, 0, sizeof(o));
	o.holidays = c;
	memset(l, 0, sizeof(*l));
	assert_true(plandoc_init(&l->pd, path, &o));
	assert_non_null(l->pd.plan);
	return l->pd.plan;
}

static const struct plan *
load(struct loaded *l, const char *text)
{
	return load_file(l, tu_put("plan.yaml", text), NULL);
}

static void
run(struct loaded *l)
{
	const struct plan *p = l->pd.plan;

	if (diags_has_errors(&l->pd.diags, false)) {
		struct diag_out o = { stderr, false, false };

		diags_print_text(&l->pd.diags, &o);
		fail_msg("the plan has errors");
	}
	arena_init(&l->a);
	sched_run(&l->s, &p, 1, &l->a);
	l->scheduled = true;
}

static void
done(struct loaded *l)
{
	if (l->scheduled)
		arena_release(&l->a);
	plandoc_release(&l->pd);
}

/* The n-th diagnostic of rule, or NULL. */
static const struct diag *
diag_of(const struct loaded *l, enum rule_id rule, size_t n)
{
	size_t i;

	for (i = 0; i < l->pd.diags.n; i++)
		if (l->pd.diags.v[i].rule == rule && n-- == 0)
			return &l->pd.diags.v[i];
	return NULL;
}

/* The dates of the events of series id, as "MM-DD MM-DD ...". */
static char *
dates_of(const struct loaded *l, const char *id)
{
	static char buf[1024];
	size_t i, k = 0;
	char d[11];

	buf[0] = '\0';
	for (i = 0; i < l->s.nevents; i++)
		if (strcmp(l->s.events[i].series->id, id) == 0) {
			date_format(l->s.events[i].date, d);
			k += (size_t)snprintf(buf + k, sizeof(buf) - k, "%s%s",
			    k ? " " : "", d + 5);
		}
	return buf;
}

static bool
any_event_on(const struct loaded *l, day_t d)
{
	size_t i;

	for (i = 0; i < l->s.nevents; i++)
		if (l->s.events[i].date <= d && l->s.events[i].end >= d)
			return true;
	return false;
}

/* Computed 2027: the statutory days are off, the rest of the week works. */
static void
test_school_year_computed(void **state)
{
	struct loaded l;
	const struct diag *g;

	(void)state;
	load(&l, SCHOOL_YEAR("  holidays: cn\n"));
	g = diag_of(&l, R_CALENDAR_COVERAGE, 0);
	assert_non_null(g);
	assert_int_equal(g->line, 24);
	assert_non_null(strstr(g->msg, "the holidays of 2027 are China's "
	    "statutory days only"));
	assert_null(diag_of(&l, R_CALENDAR_COVERAGE, 1));
	run(&l);
	assert_true(any_event_on(&l, D(2027, 2, 1)));
	assert_false(any_event_on(&l, D(2027, 2, 5)));	/* 除夕 */
	assert_false(any_event_on(&l, D(2027, 2, 8)));	/* 初三 */
	assert_false(any_event_on(&l, D(2027, 4, 5)));	/* 清明 */
	/* Monday or Friday each week: 春节 and 清明 weeks keep the other */
	assert_string_equal(dates_of(&l, "p1.1#hexi"),
	    "02-01 02-12 02-15 02-22 03-01 03-08 03-15 03-22 03-29 04-09 "
	    "04-12 04-19 04-26");
	assert_string_equal(dates_of(&l, "p1.1#liulin"),
	    "02-19 02-26 03-05 03-12 03-19 03-26 04-02 04-16 04-23 04-30");
	assert_int_equal(l.s.nunplaced, 3);	/* feng is busy at hexi */
	assert_int_equal(l.s.nskipped, 0);
	done(&l);
}

/* A 2027 arrangement (made up) in a holiday file beside the plan. */
static const char NOTICE_2027[] =
    "- year: 2027\n"
    "  name: 元旦\n"
    "  off: 2027-01-01\n"
    "- year: 2027\n"
    "  name: 春节\n"
    "  off: 2027-02-05..2027-02-12\n"
    "  work: [2027-02-14, 2027-02-20]\n"
    "- {year: 2027, name: 清明节, off: 2027-04-03..2027-04-05}\n";

static void
test_school_year_file(void **state)
{
	struct loaded l;
	size_t i, skipped = 0;

	(void)state;
	tu_put("h2027.yaml", NOTICE_2027);
	load(&l, SCHOOL_YEAR("  holidays: [cn, h2027.yaml]\n"));
	assert_null(diag_of(&l, R_CALENDAR_COVERAGE, 0));
	assert_true(cal_file_covers_year(&l.pd.plan->cal, 2027));
	assert_int_equal(l.pd.plan->nholiday_files, 1);
	assert_string_equal(l.pd.plan->holiday_files[0], "h2027.yaml");
	run(&l);
	/*
	 * The week of 02-08 has no working Monday or Friday: skipped; the
	 * 清明 week has Friday 04-09. feng visits hexi first, so liulin
	 * gets the Fridays (and nothing when there is one day a week).
	 */
	assert_string_equal(dates_of(&l, "p1.1#hexi"),
	    "02-01 02-15 02-22 03-01 03-08 03-15 03-22 03-29 04-09 04-12 "
	    "04-19 04-26");
	assert_string_equal(dates_of(&l, "p1.1#liulin"),
	    "02-19 02-26 03-05 03-12 03-19 03-26 04-02 04-16 04-23 04-30");
	for (i = 0; i < l.s.nskipped; i++) {
		const struct sched_skipped *k = &l.s.skipped[i];

		assert_int_equal(k->period.from, D(2027, 2, 8));
		assert_int_equal(k->series->partner, skipped == 0 ? 1 : 2);
		skipped++;
	}
	assert_int_equal(skipped, 2);
	done(&l);
}

/* holidays: [FILE] without cn: only the file's days. */
static void
test_files_without_cn(void **state)
{
	struct loaded l;

	(void)state;
	tu_put("h2027.yaml", NOTICE_2027);
	load(&l, SCHOOL_YEAR("  holidays: [h2027.yaml]\n"));
	assert_false(l.pd.plan->cal.cn);
	assert_null(diag_of(&l, R_CALENDAR_COVERAGE, 0));
	assert_true(cal_is_working(&l.pd.plan->cal, D(2026, 10, 1)));
	assert_false(cal_is_working(&l.pd.plan->cal, D(2027, 2, 10)));
	done(&l);
}

/* A file that cannot be read: at its name in the plan; paths relative. */
static void
test_missing_file(void **state)
{
	struct loaded l;
	const struct diag *g;
	char want[256];

	(void)state;
	load(&l, SCHOOL_YEAR("  holidays: [cn, none.yaml, /nonexistent/h.yaml]"
	    "\n"));
	g = diag_of(&l, R_HOLIDAY_FILE, 0);
	assert_non_null(g);
	assert_null(g->file);
	assert_int_equal(g->line, 24);
	assert_int_equal(g->col, 18);
	snprintf(want, sizeof(want), "cannot read holiday file '%s/none.yaml': "
	    "No such file or directory", tu_tmpdir());
	assert_string_equal(g->msg, want);
	g = diag_of(&l, R_HOLIDAY_FILE, 1);
	assert_non_null(g);
	assert_int_equal(g->col, 29);
	assert_string_equal(g->msg, "cannot read holiday file "
	    "'/nonexistent/h.yaml': No such file or directory");
	done(&l);
}

/* The holiday file's own mistakes, at its own lines, in every plan. */
static void
test_file_errors(void **state)
{
	struct holfile_cache *c = holfile_cache_new();
	struct loaded a, b;
	const struct diag *g;
	char want[160];
	int i;

	(void)state;
	tu_put("bad.yaml", "- year: 2027\n  off: [2027-02-05, 2027-13-01]\n");
	tu_put("a.yaml", SCHOOL_YEAR("  holidays: [cn, bad.yaml]\n"));
	tu_put("b.yaml", SCHOOL_YEAR("  holidays: [cn, bad.yaml]\n"));
	load_file(&a, tu_path("a.yaml"), c);
	load_file(&b, tu_path("b.yaml"), c);
	snprintf(want, sizeof(want), "%s/bad.yaml", tu_tmpdir());
	for (i = 0; i < 2; i++) {
		g = diag_of(i ? &b : &a, R_BAD_DATE, 0);
		assert_non_null(g);
		assert_string_equal(g->file, want);
		assert_int_equal(g->line, 2);
		assert_int_equal(g->col, 21);
		assert_string_equal(g->msg, "'2027-13-01' is not a real date");
		assert_true(diags_has_errors(i ? &b.pd.diags : &a.pd.diags,
		    false));
	}
	done(&a);
	done(&b);
	holfile_cache_free(c);
}

/*
 * Plans that share a cache read a file once: a file rewritten in place
 * (the same inode) after the first plan is not read again for the
 * second; a plan with a cache of its own reads what is there now.
 */
static void
test_read_once(void **state)
{
	struct holfile_cache *c = holfile_cache_new();
	struct loaded a, b, fresh;
	FILE *fp;

	(void)state;
	tu_put("h.yaml", "- {year: 2027, name: 春节, off: 2027-03-01}\n");
	tu_put("a.yaml", SCHOOL_YEAR("  holidays: [cn, h.yaml]\n"));
	load_file(&a, tu_path("a.yaml"), c);
	fp = fopen(tu_path("h.yaml"), "r+b");
	assert_non_null(fp);
	assert_true(fputs("- {year: 2027, name: 春节, off: 2027-03-02}\n",
	    fp) >= 0);
	assert_int_equal(fclose(fp), 0);
	load_file(&b, tu_path("a.yaml"), c);
	load_file(&fresh, tu_path("a.yaml"), NULL);
	assert_false(cal_is_working(&a.pd.plan->cal, D(2027, 3, 1)));
	assert_false(cal_is_working(&b.pd.plan->cal, D(2027, 3, 1)));
	assert_true(cal_is_working(&b.pd.plan->cal, D(2027, 3, 2)));
	assert_true(cal_is_working(&fresh.pd.plan->cal, D(2027, 3, 1)));
	assert_false(cal_is_working(&fresh.pd.plan->cal, D(2027, 3, 2)));
	done(&a);
	done(&b);
	done(&fresh);
	holfile_cache_free(c);
}

/* A plan on standard input names its files from the working directory. */
static void
test_stdin_plan(void **state)
{
	static const char text[] = SCHOOL_YEAR("  holidays: [cn, h2027.yaml]\n");
	struct plandoc pd;
	char cwd[512];

	(void)state;
	tu_put("h2027.yaml", NOTICE_2027);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(tu_tmpdir()), 0);
	plandoc_init_buffer(&pd, "-", text, strlen(text), NULL);
	assert_int_equal(chdir(cwd), 0);
	assert_non_null(pd.plan);
	assert_false(diags_has_errors(&pd.diags, false));
	assert_true(cal_file_covers_year(&pd.plan->cal, 2027));
	plandoc_release(&pd);
}

/* ---- a calendar per site ---------------------------------------------- */

#define SITES								\
	"  closed:\n"							\
	"    - 2027-07-05..2027-07-31\n"				\
	"    - {dates: 2026-10-12..2026-10-14, at: hexi}\n"		\
	"    - {dates: [2026-10-19, 2026-10-20..2026-10-21], at: [liulin]}\n"\
	"    - {dates: 2026-12, at: [hexi, liulin]}\n"			\
	"  open:\n"							\
	"    - {dates: 2026-10-17, at: host}\n"

static void
test_site_calendars(void **state)
{
	const struct plan *p;
	const struct sitecal *h, *x, *y, *o;
	struct loaded l;

	(void)state;
	p = load(&l, SCHOOL_YEAR(SITES));
	assert_false(diags_has_errors(&l.pd.diags, false));
	assert_int_equal(p->nsite_entries, 4);
	assert_int_equal(p->site_entries[1].nspans, 2);
	assert_true(p->site_entries[3].open);
	assert_int_equal(p->site_entries[3].at.v[0].idx, 0);
	/* plan-wide: the summer only */
	assert_int_equal(p->cal.nclosed, 1);
	assert_int_equal(p->cal.nopen, 0);
	assert_true(cal_is_working(&p->cal, D(2026, 10, 12)));
	/* host, hexi, liulin: three calendars; online wu+zheng: a fourth */
	assert_int_equal(p->nsitecals, 5);
	h = plan_site_cal(p, 0, NULL);
	x = plan_site_cal(p, 1, NULL);
	y = plan_site_cal(p, 2, NULL);
	assert_true(h != x && x != y && h != y && h != &p->sitecals[0]);
	assert_true(sitecal_is_working(h, D(2026, 10, 17)));	/* Sat */
	assert_false(sitecal_is_working(x, D(2026, 10, 17)));
	assert_false(sitecal_is_working(x, D(2026, 10, 13)));
	assert_true(sitecal_is_working(y, D(2026, 10, 13)));
	assert_false(sitecal_is_working(y, D(2026, 10, 21)));
	assert_false(sitecal_is_working(x, D(2026, 12, 15)));
	assert_false(sitecal_is_working(y, D(2026, 12, 15)));
	assert_true(sitecal_is_working(h, D(2026, 12, 15)));
	assert_false(sitecal_is_working(h, D(2027, 7, 6)));
	/* outside the period, the calendars answer */
	assert_false(sitecal_is_working(x, D(2026, 8, 3)) &&
	    !cal_is_working(&p->cal, D(2026, 8, 3)));
	/* the online series: days when both partners work */
	o = plan_site_cal(p, -1, &p->phases[0].acts[1].w);
	assert_int_equal(o->ncals, 2);
	assert_false(sitecal_is_working(o, D(2026, 10, 13)));
	assert_false(sitecal_is_working(o, D(2026, 10, 19)));
	assert_true(sitecal_is_working(o, D(2026, 10, 15)));
	assert_int_equal(sitecal_count(o, (struct span){ D(2026, 10, 12),
	    D(2026, 10, 23) }, 0x7f), 4);
	run(&l);
	assert_string_equal(dates_of(&l, "p1.2"),
	    "10-15 10-16 10-22 10-23");
	assert_string_equal(dates_of(&l, "p1.3"),
	    "10-12 10-13 10-14 10-15 10-16");
	done(&l);
}

/* Sites with the same entries share one calendar. */
static void
test_shared_site_calendar(void **state)
{
	const struct plan *p;
	struct loaded l;

	(void)state;
	p = load(&l, SCHOOL_YEAR("  closed: [{dates: 2026-11-02, at: [hexi, "
	    "liulin]}, {dates: 2026-11-03, at: [liulin, hexi]}]\n"));
	assert_int_equal(p->nsitecals, 2);
	assert_int_equal(p->org_cal[0], 0);
	assert_int_equal(p->org_cal[1], 1);
	assert_int_equal(p->org_cal[2], 1);
	/* the online series of wu and zheng has their one calendar */
	assert_int_equal(p->phases[0].acts[1].w.cal, 1);
	done(&l);
	/* no site entries: one calendar, the plan-wide one */
	p = load(&l, SCHOOL_YEAR("  closed: [2026-11-02]\n"));
	assert_int_equal(p->nsitecals, 1);
	assert_ptr_equal(plan_site_cal(p, 2, NULL), &p->sitecals[0]);
	done(&l);
}

/* Rules on a site's calendar: bad-number, non-working-date, entries. */
static void
test_site_rules(void **state)
{
	struct loaded l;
	const struct diag *g;

	(void)state;
	load(&l, SCHOOL_YEAR("  closed: [{dates: 2026-10-12..2026-10-23, at: "
	    "liulin}]\n"));
	g = diag_of(&l, R_BAD_NUMBER, 0);
	assert_non_null(g);
	assert_string_equal(g->msg, "activity 'p1.2' wants 4 times but its "
	    "window has only 0 eligible days on the days its people's "
	    "kindergartens all work");
	done(&l);
	load(&l, "pairplan: 1\n"
	    "plan: {title: 测试, host: {id: h, name: 主园}, period: 2026-09..2026-12}\n"
	    "partners: [{id: a, name: 甲园}, {id: b, name: 乙园}]\n"
	    "people: [{id: y, name: 某乙}]\n"
	    "leadership: {leader: y}\n"
	    "phases:\n"
	    "  - name: 一\n"
	    "    period: 2026-09..2026-12\n"
	    "    activities:\n"
	    "      - {title: 送教, at: partner, when: 2026-10-12..2026-10-16, "
	    "times: 3, owner: y}\n"
	    "      - {title: 观摩, at: partner, date: 2026-10-13, owner: y}\n"
	    "      - {title: 开放日, date: 2026-10-17, owner: y}\n"
	    "calendar:\n"
	    "  closed:\n"
	    "    - {dates: 2026-10-13..2026-10-15, at: b}\n"
	    "    - {dates: 2026-10-16, at: a}\n"
	    "    - {dates: 2026-10-18..2026-10-17, at: [a]}\n"
	    "    - {dates: 2026-10-19, at: [a, c]}\n"
	    "    - {dates: 2026-10-20}\n"
	    "    - {date: 2026-10-21, at: a}\n"
	    "  open: [{dates: 2026-10-17..2026-10-18, at: host}]\n");
	g = diag_of(&l, R_BAD_NUMBER, 0);
	assert_non_null(g);
	assert_string_equal(g->msg, "activity 'p1.1' wants 3 times but its "
	    "window has only 2 eligible days at 'b'");
	g = diag_of(&l, R_NON_WORKING_DATE, 0);
	assert_non_null(g);
	assert_string_equal(g->msg, "activity 'p1.2' is fixed on 2026-10-13, "
	    "which is not a working day at 'b' (the kindergarten is closed)");
	/* the host has a calendar of its own (its entry's dates are bad) */
	g = diag_of(&l, R_NON_WORKING_DATE, 1);
	assert_non_null(g);
	assert_string_equal(g->msg, "activity 'p1.3' is fixed on 2026-10-17, "
	    "which is not a working day at 'h' (a Saturday)");
	g = diag_of(&l, R_RANGE_ORDER, 0);
	assert_non_null(g);
	assert_int_equal(g->line, 17);
	assert_non_null(diag_of(&l, R_UNKNOWN_REF, 0));
	g = diag_of(&l, R_REQUIRED, 0);
	assert_non_null(g);
	assert_string_equal(g->msg, "a closed entry has no 'at'");
	g = diag_of(&l, R_UNKNOWN_KEY, 0);
	assert_non_null(g);
	assert_string_equal(g->msg, "unknown key 'date' in a closed entry "
	    "(did you mean 'dates'?)");
	g = diag_of(&l, R_BAD_DATE, 0);
	assert_non_null(g);
	assert_string_equal(g->msg, "'2026-10-17..2026-10-18' is not a date: "
	    "write YYYY-MM-DD");
	done(&l);
}

/* plan_calendar_rows: the plan-wide days, then each site's own. */
static void
test_calendar_rows(void **state)
{
	struct span oct = { D(2026, 10, 1), D(2026, 10, 31) };
	const struct cal_row *r;
	struct loaded l;
	struct arena a;
	size_t n, i;

	(void)state;
	load(&l, SCHOOL_YEAR(SITES));
	arena_init(&a);
	r = plan_calendar_rows(l.pd.plan, oct, &a, &n);
	/* 国庆 10-01, 02, 05, 06, 07 and 10-10 (调休, Saturday) plan-wide;
	 * hexi 12-14, liulin 19-21, host 17 */
	assert_int_equal(n, 13);
	for (i = 0; i < 6; i++) {
		assert_null(r[i].at);
		assert_int_equal(r[i].source, CAL_OFFICIAL);
	}
	assert_int_equal(r[5].day, D(2026, 10, 10));
	assert_true(r[5].working);
	assert_int_equal(r[6].day, D(2026, 10, 12));
	assert_int_equal(r[6].nat, 1);
	assert_string_equal(r[6].at[0], "hexi");
	assert_string_equal(r[6].name, CAL_NAME_CLOSED);
	assert_int_equal(r[9].day, D(2026, 10, 17));
	assert_string_equal(r[9].at[0], "shiyan");
	assert_true(r[9].working);
	assert_string_equal(r[9].name, CAL_NAME_OPEN);
	assert_int_equal(r[12].day, D(2026, 10, 21));
	assert_string_equal(r[12].at[0], "liulin");
	arena_release(&a);
	done(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_school_year_computed),
		cmocka_unit_test(test_school_year_file),
		cmocka_unit_test(test_files_without_cn),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_read_once),
		cmocka_unit_test(test_stdin_plan),
		cmocka_unit_test(test_site_calendars),
		cmocka_unit_test(test_shared_site_calendar),
		cmocka_unit_test(test_site_rules),
		cmocka_unit_test(test_calendar_rows),
	};

	return cmocka_run_group_tests(tests, tu_tmpdir_setup,
	    tu_tmpdir_teardown);
}
