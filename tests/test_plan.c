/* test_plan.c - the model the builder makes: every default of §3 filled in, every form parsed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "build.h"
#include "plandoc.h"
#include "rules.h"

#define D(y, m, d)	date_from_civil((y), (m), (d))

/* A plan that leaves out what it can and spells out the rest. */
static const char PLAN[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 城关幼儿园结对帮扶工作计划\n"
    "  host: {name: 城关幼儿园, level: 省级示范幼儿园}\n"
    "  period: 2024-03..2025-02\n"
    "  goals: [帮助提高管理水平, 帮助提升队伍素质]\n"
    "partners:\n"
    "  - id: hexi\n"
    "    name: 河西镇中心幼儿园\n"
    "    kind: 乡镇公办园\n"
    "    classes: 6\n"
    "    children: 190\n"
    "    needs: [环境创设, 园本教研]\n"
    "  - name: 柳林村幼儿园\n"
    "people:\n"
    "  - {id: feng, name: 冯亚琴, role: 园长, duty: 全面部署}\n"
    "  - {name: 李萍, role: 副园长}\n"
    "  - {id: wu, name: 吴燕, org: hexi}\n"
    "  - {name: 郑敏, org: 柳林村幼儿园}\n"
    "  - {id: ma, name: 马雯}\n"
    "leadership:\n"
    "  leader: 冯亚琴\n"
    "  deputies: [李萍]\n"
    "  members: [ma, wu]\n"
    "phases:\n"
    "  - id: qidong\n"
    "    name: 启动\n"
    "    period: 2024-03..2024-08\n"
    "    activities:\n"
    "      - title: 签订协议\n"
    "        kind: agreement\n"
    "        date: 2024-03-29\n"
    "        owner: 冯亚琴\n"
    "        people: [wu, 郑敏]\n"
    "      - title: 送教下乡\n"
    "        id: songjiao\n"
    "        kind: teaching-visit\n"
    "        at: partner\n"
    "        partners: [hexi]\n"
    "        when: 2024-04..2024-06\n"
    "        times: 5\n"
    "        owner: [李萍, ma]\n"
    "      - title: 现场教研\n"
    "        at: hexi\n"
    "        when: 2024-05 mid\n"
    "        times: 2\n"
    "        every: month\n"
    "      - title: 线上讲座\n"
    "        at: online\n"
    "        when: 2024-06 上旬\n"
    "        every: 2 weeks\n"
    "        weekday: [tue, thu]\n"
    "        days: 2\n"
    "      - title: 调研\n"
    "        when: 2024-07-03\n"
    "        every: 10 days\n"
    "        weekday: wed\n"
    "      - title: 跟班学习\n"
    "        when: 2024-05 下旬\n"
    "        every: week\n"
    "  - name: 提高\n"
    "    period: 2024-09..2025-02\n"
    "    activities:\n"
    "      - title: 检查\n"
    "        kind: inspection\n"
    "        at: partner\n"
    "        when: 2024-11 late\n"
    "      - title: 总结\n"
    "        when: 2024-11 early\n"
    "mentorships:\n"
    "  - {mentor: 马雯, apprentice: 吴燕}\n"
    "  - mentor: feng\n"
    "    apprentice: 郑敏\n"
    "    period: 2024-09..2025-01\n"
    "    meet: {every: week, at: host}\n"
    "  - mentor: ma\n"
    "    apprentice: wu\n"
    "    meet: {when: 2024-10, at: hexi, times: 2}\n"
    "targets:\n"
    "  - name: 教师优课率\n"
    "    at-least: 30%\n"
    "    by: 2025-01\n"
    "  - name: 小学化班级数\n"
    "    at-most: 0\n"
    "    partners: [hexi, 柳林村幼儿园]\n"
    "  - name: 专题研究方案\n"
    "    equals: 1.5\n"
    "quotas:\n"
    "  - {people: leadership.leader, visits: 3}\n"
    "  - {people: leadership.deputies, visits: 2, per: semester}\n"
    "  - {people: leadership.members, visits: 1, per: month}\n"
    "  - {people: leadership, visits: 1, per: year}\n"
    "  - {people: [ma, 李萍], visits: 4}\n"
    "calendar:\n"
    "  holidays: none\n"
    "  workdays: [mon, tue, wed, thu, fri, sat]\n"
    "  closed: [2024-08-01..2024-08-31, 2024-07-20..2024-08-05, 2025-01-20]\n"
    "  open: [2024-11-17, 2024-06-02]\n"
    "  visits-per-day: 3\n";

/* The least a valid plan can say. */
static const char MINIMAL[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 计划\n"
    "  host: 实验幼儿园\n"
    "  period: 2024-09..2024-12\n"
    "partners:\n"
    "  - name: 沙梁幼儿园\n"
    "phases:\n"
    "  - period: 2024-09..2024-12\n"
    "    activities:\n"
    "      - title: 送教\n"
    "        at: partner\n"
    "      - title: 总结\n";

static struct plandoc pd;

static void
dump(void)
{
	size_t i;

	for (i = 0; i < pd.diags.n; i++)
		print_message("  got %u:%u: %s [%s]\n", pd.diags.v[i].line,
		    pd.diags.v[i].col, pd.diags.v[i].msg,
		    rule_catalogue[pd.diags.v[i].rule].id);
}

/* Loads text; fails on any error (warnings allowed when told). */
static const struct plan *
load(const char *text, bool warnings_ok)
{
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
	if (pd.plan == NULL || pd.diags.count[SEV_ERROR] > 0 ||
	    (!warnings_ok && pd.diags.n > 0)) {
		dump();
		fail_msg("the plan does not load cleanly");
	}
	return pd.plan;
}

static void
unload(void)
{
	plandoc_release(&pd);
}

static const struct activity *
act(const struct plan *p, uint32_t ph, uint32_t i)
{
	assert_true(ph < p->nphases);
	assert_true(i < p->phases[ph].nacts);
	return &p->phases[ph].acts[i];
}

static void
expect_window(const struct when *w, day_t from, day_t to)
{
	char a[11], b[11], c[11], d[11];

	if (w->window.from != from || w->window.to != to) {
		date_format(w->window.from, a);
		date_format(w->window.to, b);
		date_format(from, c);
		date_format(to, d);
		fail_msg("window %s..%s, expected %s..%s", a, b, c, d);
	}
}

/* ---- tests ---------------------------------------------------------- */

static void
test_plan_is_clean(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(PLAN, false);
	assert_int_equal(p->version, 1);
	assert_string_equal(p->title, "城关幼儿园结对帮扶工作计划");
	assert_true(p->has_period);
	assert_int_equal(p->period.from, D(2024, 3, 1));
	assert_int_equal(p->period.to, D(2025, 2, 28));
	assert_int_equal(p->ngoals, 2);
	assert_string_equal(p->goals[1], "帮助提升队伍素质");
	assert_null(p->guiding);
	assert_true(p->has_wm);
	unload();
}

static void
test_org_defaults(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(PLAN, false);
	assert_int_equal(p->norgs, 3);
	/* The host has no id: it is "host". */
	assert_string_equal(p->orgs[0].id, "host");
	assert_string_equal(p->orgs[0].name, "城关幼儿园");
	assert_string_equal(p->orgs[0].level, "省级示范幼儿园");
	assert_string_equal(p->orgs[1].id, "hexi");
	assert_string_equal(p->orgs[1].kind, "乡镇公办园");
	assert_int_equal(p->orgs[1].classes, 6);
	assert_int_equal(p->orgs[1].children, 190);
	assert_int_equal(p->orgs[1].teachers, -1);
	assert_int_equal(p->orgs[1].staff, -1);
	assert_int_equal(p->orgs[1].nneeds, 2);
	assert_string_equal(p->orgs[1].needs[0], "环境创设");
	/* A partner without an id goes by its name. */
	assert_string_equal(p->orgs[2].id, "柳林村幼儿园");
	assert_string_equal(p->orgs[2].name, "柳林村幼儿园");
	assert_int_equal(p->orgs[2].classes, -1);
	assert_int_equal(p->orgs[2].nneeds, 0);
	unload();
}

static void
test_host_as_text(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(MINIMAL, true);
	assert_string_equal(p->orgs[0].id, "host");
	assert_string_equal(p->orgs[0].name, "实验幼儿园");
	assert_null(p->orgs[0].level);
	assert_string_equal(p->orgs[1].id, "沙梁幼儿园");
	unload();
}

static void
test_people_defaults(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(PLAN, false);
	assert_int_equal(p->npeople, 5);
	assert_string_equal(p->people[0].id, "feng");
	assert_string_equal(p->people[0].role, "园长");
	assert_string_equal(p->people[0].duty, "全面部署");
	/* No id: the name. */
	assert_string_equal(p->people[1].id, "李萍");
	assert_string_equal(p->people[3].id, "郑敏");
	/* No org: the host, and has_org says it was not written. */
	assert_false(p->people[0].has_org);
	assert_int_equal(p->people[0].org.idx, 0);
	assert_null(p->people[0].org.text);
	assert_string_equal(plan_ref_text(&p->people[0].org), "");
	assert_false(p->people[1].has_org);
	assert_int_equal(p->people[1].org.idx, 0);
	/* An org by id and by name. */
	assert_true(p->people[2].has_org);
	assert_int_equal(p->people[2].org.idx, 1);
	assert_string_equal(plan_ref_text(&p->people[2].org), "hexi");
	assert_true(p->people[3].has_org);
	assert_int_equal(p->people[3].org.idx, 2);
	unload();
}

static void
test_references_by_name(void **state)
{
	const struct plan *p;
	const struct activity *a;

	(void)state;
	p = load(PLAN, false);
	/* leader: 冯亚琴, who has the id feng. */
	assert_int_equal(p->leader.n, 1);
	assert_int_equal(p->leader.v[0].idx, 0);
	assert_string_equal(plan_ref_text(&p->leader.v[0]), "冯亚琴");
	assert_int_equal(p->deputies.n, 1);
	assert_int_equal(p->deputies.v[0].idx, 1);
	assert_int_equal(p->members.n, 2);
	assert_int_equal(p->members.v[0].idx, 4);
	assert_int_equal(p->members.v[1].idx, 2);
	a = act(p, 0, 0);
	assert_int_equal(a->owners.n, 1);
	assert_int_equal(a->owners.v[0].idx, 0);
	assert_int_equal(a->people.n, 2);
	assert_int_equal(a->people.v[0].idx, 2);
	assert_int_equal(a->people.v[1].idx, 3);
	a = act(p, 0, 1);
	assert_int_equal(a->owners.n, 2);
	assert_int_equal(a->owners.v[0].idx, 1);
	assert_int_equal(a->owners.v[1].idx, 4);
	unload();
}

static void
test_phase_and_activity_ids(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(PLAN, false);
	assert_int_equal(p->nphases, 2);
	assert_string_equal(p->phases[0].id, "qidong");
	/* The second phase has no id: p2, by position. */
	assert_string_equal(p->phases[1].id, "p2");
	assert_string_equal(p->phases[1].name, "提高");
	assert_int_equal(p->phases[0].nacts, 6);
	assert_string_equal(act(p, 0, 0)->id, "qidong.1");
	assert_string_equal(act(p, 0, 1)->id, "songjiao");
	assert_string_equal(act(p, 0, 2)->id, "qidong.3");
	assert_string_equal(act(p, 1, 0)->id, "p2.1");
	assert_string_equal(act(p, 1, 1)->id, "p2.2");
	assert_int_equal(act(p, 0, 2)->order, 3);
	assert_int_equal(act(p, 1, 1)->phase, 1);
	unload();
	p = load(MINIMAL, true);
	assert_string_equal(p->phases[0].id, "p1");
	assert_string_equal(act(p, 0, 0)->id, "p1.1");
	assert_string_equal(act(p, 0, 1)->id, "p1.2");
	unload();
}

static void
test_activity_defaults(void **state)
{
	const struct plan *p;
	const struct activity *a;

	(void)state;
	p = load(MINIMAL, true);
	a = act(p, 0, 1);		/* just a title */
	assert_string_equal(a->title, "总结");
	assert_int_equal(a->kind, K_OTHER);
	assert_int_equal(a->w.at, AT_HOST);
	assert_true(a->all_partners);
	assert_int_equal(a->partners.n, 0);
	assert_int_equal(a->owners.n, 0);
	assert_int_equal(a->people.n, 0);
	assert_int_equal(a->w.times, 1);
	assert_int_equal(a->w.days, 1);
	assert_int_equal(a->w.weekdays, 0x7F);
	assert_false(a->w.has_weekday);
	assert_int_equal(a->w.every, EV_NONE);
	assert_false(a->has_date);
	assert_false(a->w.has_when);
	assert_null(a->note);
	/* No when: the window is the phase period. */
	expect_window(&a->w, D(2024, 9, 1), D(2024, 12, 31));
	a = act(p, 0, 0);
	assert_int_equal(a->w.at, AT_PARTNER);
	assert_true(a->all_partners);
	unload();
}

static void
test_activity_keys(void **state)
{
	const struct plan *p;
	const struct activity *a;

	(void)state;
	p = load(PLAN, false);
	a = act(p, 0, 0);
	assert_int_equal(a->kind, K_AGREEMENT);
	assert_true(a->has_date);
	assert_int_equal(a->date, D(2024, 3, 29));
	/* A fixed date is a one-day window. */
	expect_window(&a->w, D(2024, 3, 29), D(2024, 3, 29));
	a = act(p, 0, 1);
	assert_int_equal(a->kind, K_TEACHING_VISIT);
	assert_int_equal(a->w.at, AT_PARTNER);
	assert_false(a->all_partners);
	assert_int_equal(a->partners.n, 1);
	assert_int_equal(a->partners.v[0].idx, 1);
	assert_int_equal(a->w.times, 5);
	a = act(p, 0, 2);
	assert_int_equal(a->w.at, AT_ORG);
	assert_int_equal(when_org(&a->w), 1);
	assert_int_equal(a->w.times, 2);
	a = act(p, 0, 3);
	assert_int_equal(a->w.at, AT_ONLINE);
	assert_int_equal(a->w.days, 2);
	a = act(p, 1, 0);
	assert_int_equal(a->kind, K_INSPECTION);
	assert_string_equal(a->kind_text, "inspection");
	unload();
}

static void
test_when_forms(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(PLAN, false);
	/* Months expand to whole months. */
	assert_true(act(p, 0, 1)->w.has_when);
	expect_window(&act(p, 0, 1)->w, D(2024, 4, 1), D(2024, 6, 30));
	/* mid: 11..20 */
	expect_window(&act(p, 0, 2)->w, D(2024, 5, 11), D(2024, 5, 20));
	/* 上旬: 1..10 */
	expect_window(&act(p, 0, 3)->w, D(2024, 6, 1), D(2024, 6, 10));
	/* a single day */
	expect_window(&act(p, 0, 4)->w, D(2024, 7, 3), D(2024, 7, 3));
	/* 下旬 of a 31-day month: 21..31 */
	expect_window(&act(p, 0, 5)->w, D(2024, 5, 21), D(2024, 5, 31));
	/* late of a 30-day month: 21..30; early: 1..10 */
	expect_window(&act(p, 1, 0)->w, D(2024, 11, 21), D(2024, 11, 30));
	expect_window(&act(p, 1, 1)->w, D(2024, 11, 1), D(2024, 11, 10));
	unload();
}

/* 2024-11 mid and 2024-11 下旬, as written in a plan. */
static void
test_when_mid_and_xiaxun(void **state)
{
	static const char text[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12}\n"
	    "partners: [{name: 沙梁幼儿园}]\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 甲, at: partner, when: 2024-11 mid}\n"
	    "      - {title: 乙, when: 2024-11 下旬}\n"
	    "      - {title: 丙, when: 2024-11 中旬}\n"
	    "      - {title: 丁, when: 2024-11 上旬}\n"
	    "      - {title: 戊, when: 2024-09-16..2024-10}\n";
	const struct plan *p;

	(void)state;
	p = load(text, true);
	expect_window(&act(p, 0, 0)->w, D(2024, 11, 11), D(2024, 11, 20));
	expect_window(&act(p, 0, 1)->w, D(2024, 11, 21), D(2024, 11, 30));
	expect_window(&act(p, 0, 2)->w, D(2024, 11, 11), D(2024, 11, 20));
	expect_window(&act(p, 0, 3)->w, D(2024, 11, 1), D(2024, 11, 10));
	expect_window(&act(p, 0, 4)->w, D(2024, 9, 16), D(2024, 10, 31));
	unload();
}

static void
test_every_forms(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(PLAN, false);
	assert_int_equal(act(p, 0, 2)->w.every, EV_MONTH);
	assert_int_equal(act(p, 0, 3)->w.every, EV_WEEKS);
	assert_int_equal(act(p, 0, 3)->w.every_n, 2);
	assert_int_equal(act(p, 0, 4)->w.every, EV_DAYS);
	assert_int_equal(act(p, 0, 4)->w.every_n, 10);
	assert_int_equal(act(p, 0, 5)->w.every, EV_WEEK);
	assert_int_equal(act(p, 0, 5)->w.every_n, 1);
	assert_int_equal(act(p, 0, 1)->w.every, EV_NONE);
	unload();
}

static void
test_every_one_week(void **state)
{
	static const char text[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12}\n"
	    "partners: [{name: 沙梁幼儿园}]\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 甲, at: partner, every: 1 weeks}\n"
	    "      - {title: 乙, every: 3 weeks}\n"
	    "      - {title: 丙, every: 1 days}\n";
	const struct plan *p;

	(void)state;
	p = load(text, true);
	assert_int_equal(act(p, 0, 0)->w.every, EV_WEEK);
	assert_int_equal(act(p, 0, 1)->w.every, EV_WEEKS);
	assert_int_equal(act(p, 0, 1)->w.every_n, 3);
	assert_int_equal(act(p, 0, 2)->w.every, EV_DAYS);
	assert_int_equal(act(p, 0, 2)->w.every_n, 1);
	unload();
}

static void
test_weekday_masks(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(PLAN, false);
	assert_true(act(p, 0, 3)->w.has_weekday);
	assert_int_equal(act(p, 0, 3)->w.weekdays,
	    (1 << WD_TUE) | (1 << WD_THU));
	assert_true(act(p, 0, 4)->w.has_weekday);
	assert_int_equal(act(p, 0, 4)->w.weekdays, 1 << WD_WED);
	assert_false(act(p, 0, 5)->w.has_weekday);
	assert_int_equal(act(p, 0, 5)->w.weekdays, 0x7F);
	/* calendar.workdays takes the same form. */
	assert_int_equal(p->cal.workdays, 0x3F);
	unload();
}

static void
test_mentorships(void **state)
{
	const struct plan *p;
	const struct mentorship *m;

	(void)state;
	p = load(PLAN, false);
	assert_int_equal(p->nmentorships, 3);
	m = &p->mentorships[0];
	assert_int_equal(m->mentor.idx, 4);
	assert_int_equal(m->apprentice.idx, 2);
	assert_false(m->has_period);
	assert_false(m->has_meet);
	/* No period: the plan period. */
	assert_int_equal(m->period.from, D(2024, 3, 1));
	assert_int_equal(m->period.to, D(2025, 2, 28));
	m = &p->mentorships[1];
	assert_int_equal(m->mentor.idx, 0);
	assert_int_equal(m->apprentice.idx, 3);
	assert_true(m->has_period);
	assert_true(m->has_meet);
	assert_int_equal(m->meet.every, EV_WEEK);
	assert_int_equal(m->meet.at, AT_HOST);
	assert_int_equal(m->meet.times, 1);
	assert_int_equal(m->meet.days, 1);
	assert_int_equal(m->meet.weekdays, 0x7F);
	/* No when: the mentorship period. */
	assert_false(m->meet.has_when);
	expect_window(&m->meet, D(2024, 9, 1), D(2025, 1, 31));
	m = &p->mentorships[2];
	assert_true(m->has_meet);
	assert_true(m->meet.has_when);
	assert_int_equal(m->meet.at, AT_ORG);
	assert_int_equal(when_org(&m->meet), 1);
	assert_int_equal(m->meet.times, 2);
	expect_window(&m->meet, D(2024, 10, 1), D(2024, 10, 31));
	unload();
}

static void
test_targets(void **state)
{
	const struct plan *p;
	const struct target *t;

	(void)state;
	p = load(PLAN, false);
	assert_int_equal(p->ntargets, 3);
	t = &p->targets[0];
	assert_string_equal(t->name, "教师优课率");
	assert_int_equal(t->cmp, CMP_AT_LEAST);
	assert_true(t->percent);
	assert_true(t->value == 30.0);
	assert_true(t->all_partners);
	assert_true(t->has_by);
	assert_int_equal(t->by.from, D(2025, 1, 1));
	assert_int_equal(t->by.to, D(2025, 1, 31));
	t = &p->targets[1];
	assert_int_equal(t->cmp, CMP_AT_MOST);
	assert_false(t->percent);
	assert_true(t->value == 0.0);
	assert_false(t->all_partners);
	assert_int_equal(t->partners.n, 2);
	assert_int_equal(t->partners.v[0].idx, 1);
	assert_int_equal(t->partners.v[1].idx, 2);
	assert_false(t->has_by);
	t = &p->targets[2];
	assert_int_equal(t->cmp, CMP_EQUALS);
	assert_true(t->value == 1.5);
	assert_false(t->percent);
	assert_null(t->extra_cmp_node);
	unload();
}

static void
test_quotas(void **state)
{
	const struct plan *p;
	const struct quota *q;

	(void)state;
	p = load(PLAN, false);
	assert_int_equal(p->nquotas, 5);
	q = p->quotas;
	assert_int_equal(q[0].group, QG_LEADER);
	assert_int_equal(q[0].visits, 3);
	assert_int_equal(q[0].per, PER_YEAR);	/* the default */
	assert_int_equal(q[1].group, QG_DEPUTIES);
	assert_int_equal(q[1].per, PER_SEMESTER);
	assert_int_equal(q[2].group, QG_MEMBERS);
	assert_int_equal(q[2].per, PER_MONTH);
	assert_int_equal(q[3].group, QG_LEADERSHIP);
	assert_int_equal(q[3].per, PER_YEAR);
	assert_int_equal(q[4].group, QG_LIST);
	assert_int_equal(q[4].people.n, 2);
	assert_int_equal(q[4].people.v[0].idx, 4);
	assert_int_equal(q[4].people.v[1].idx, 1);
	assert_int_equal(q[4].visits, 4);
	unload();
}

static void
test_calendar(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(PLAN, false);
	assert_false(p->cal.cn);
	assert_int_equal(p->cal.visits_per_day, 3);
	/* closed: sorted by start and merged where they meet. */
	assert_int_equal(p->nclosed_raw, 3);
	assert_int_equal(p->cal.nclosed, 2);
	assert_int_equal(p->cal.closed[0].from, D(2024, 7, 20));
	assert_int_equal(p->cal.closed[0].to, D(2024, 8, 31));
	assert_int_equal(p->cal.closed[1].from, D(2025, 1, 20));
	assert_int_equal(p->cal.closed[1].to, D(2025, 1, 20));
	/* open: sorted. */
	assert_int_equal(p->cal.nopen, 2);
	assert_int_equal(p->cal.open[0], D(2024, 6, 2));
	assert_int_equal(p->cal.open[1], D(2024, 11, 17));
	/* A Sunday made open works; a Saturday is a workday here. */
	assert_true(cal_is_working(&p->cal, D(2024, 11, 17)));
	assert_true(cal_is_working(&p->cal, D(2024, 11, 16)));
	assert_false(cal_is_working(&p->cal, D(2024, 11, 24)));
	/* holidays: none, so National Day is a working Tuesday. */
	assert_true(cal_is_working(&p->cal, D(2024, 10, 1)));
	assert_false(cal_is_working(&p->cal, D(2024, 8, 15)));
	unload();
}

static void
test_calendar_defaults(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(MINIMAL, true);
	assert_true(p->cal.cn);
	assert_int_equal(p->cal.workdays, 0x1F);
	assert_int_equal(p->cal.visits_per_day, 1);
	assert_int_equal(p->cal.nclosed, 0);
	assert_int_equal(p->cal.nopen, 0);
	assert_false(cal_is_working(&p->cal, D(2024, 10, 1)));
	assert_true(cal_is_working(&p->cal, D(2024, 9, 29)));	/* 调休 */
	unload();
}

static void
test_lang(void **state)
{
	static const char en[] =
	    "pairplan: 1\n"
	    "plan: {title: Plan, host: A, period: 2024-09, lang: en}\n"
	    "partners: [{name: B}]\n"
	    "phases: [{period: 2024-09, activities: [{title: x, at: "
	    "partner}]}]\n";
	const struct plan *p;

	(void)state;
	p = load(MINIMAL, true);
	assert_string_equal(p->lang, "zh");
	assert_false(p->has_leadership);
	assert_int_equal(p->leader.n, 0);
	assert_int_equal(p->nmentorships, 0);
	assert_int_equal(p->ntargets, 0);
	assert_int_equal(p->nquotas, 0);
	unload();
	p = load(en, true);
	assert_string_equal(p->lang, "en");
	unload();
}

static void
test_period_first_next(void **state)
{
	struct when w;
	day_t s;

	(void)state;
	memset(&w, 0, sizeof(w));
	/* week: from the Monday of the window's first week */
	w.every = EV_WEEK;
	w.every_n = 1;
	w.window.from = D(2024, 10, 9);		/* a Wednesday */
	w.window.to = D(2024, 11, 30);
	s = plan_period_first(&w);
	assert_int_equal(s, D(2024, 10, 7));
	assert_int_equal(date_weekday(s), WD_MON);
	assert_int_equal(plan_period_next(&w, s), D(2024, 10, 14));
	/* A window starting on a Monday or a Sunday. */
	w.window.from = D(2024, 10, 7);
	assert_int_equal(plan_period_first(&w), D(2024, 10, 7));
	w.window.from = D(2024, 10, 13);
	assert_int_equal(plan_period_first(&w), D(2024, 10, 7));
	/* month: calendar months */
	w.every = EV_MONTH;
	w.window.from = D(2024, 1, 15);
	s = plan_period_first(&w);
	assert_int_equal(s, D(2024, 1, 1));
	s = plan_period_next(&w, s);
	assert_int_equal(s, D(2024, 2, 1));
	s = plan_period_next(&w, s);
	/* 2024 is a leap year. */
	assert_int_equal(s, D(2024, 3, 1));
	assert_int_equal(plan_period_next(&w, D(2023, 2, 1)), D(2023, 3, 1));
	assert_int_equal(plan_period_next(&w, D(2024, 12, 1)), D(2025, 1, 1));
	/* N weeks: from the Monday of the first week */
	w.every = EV_WEEKS;
	w.every_n = 2;
	w.window.from = D(2024, 10, 9);
	s = plan_period_first(&w);
	assert_int_equal(s, D(2024, 10, 7));
	assert_int_equal(plan_period_next(&w, s), D(2024, 10, 21));
	/* N days: from the window start */
	w.every = EV_DAYS;
	w.every_n = 10;
	s = plan_period_first(&w);
	assert_int_equal(s, D(2024, 10, 9));
	assert_int_equal(plan_period_next(&w, s), D(2024, 10, 19));
	/* no every: one period, the window */
	w.every = EV_NONE;
	assert_int_equal(plan_period_first(&w), D(2024, 10, 9));
	assert_int_equal(plan_period_next(&w, D(2024, 10, 9)),
	    D(2024, 12, 1));
}

/* The periods of a parsed activity cover its window without gaps. */
static void
test_periods_of_plan(void **state)
{
	const struct plan *p;
	const struct when *w;
	day_t s;
	int n;

	(void)state;
	p = load(PLAN, false);
	w = &act(p, 0, 3)->w;		/* 2 weeks over 2024-06-01..10 */
	s = plan_period_first(w);
	assert_int_equal(s, D(2024, 5, 27));
	/* 05-27..06-09 and 06-10..06-23 */
	for (n = 0; s <= w->window.to; n++)
		s = plan_period_next(w, s);
	assert_int_equal(n, 2);
	assert_int_equal(s, D(2024, 6, 24));
	w = &act(p, 0, 5)->w;		/* weeks over 2024-05-21..31 */
	s = plan_period_first(w);
	assert_int_equal(s, D(2024, 5, 20));
	for (n = 0; s <= w->window.to; n++)
		s = plan_period_next(w, s);
	assert_int_equal(n, 2);
	unload();
}

static void
test_kind_names(void **state)
{
	(void)state;
	assert_int_equal(plan_kind_from_name("agreement"), K_AGREEMENT);
	assert_int_equal(plan_kind_from_name("demo-lesson"), K_DEMO_LESSON);
	assert_int_equal(plan_kind_from_name("other"), K_OTHER);
	assert_int_equal(plan_kind_from_name("Other"), -1);
	assert_int_equal(plan_kind_from_name(""), -1);
	assert_string_equal(plan_kinds[K_TEACHING_VISIT].name,
	    "teaching-visit");
	assert_string_equal(plan_kinds[K_SUMMARY].name, "summary");
}

/* A top level that is not a mapping has no model. */
static void
test_not_a_mapping(void **state)
{
	static const char text[] = "- pairplan: 1\n";

	(void)state;
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
	assert_null(pd.plan);
	assert_int_equal(pd.diags.n, 1);
	assert_int_equal(pd.diags.v[0].rule, R_TYPE);
	assert_non_null(strstr(pd.diags.v[0].msg, "must be a mapping"));
	unload();
}


/* Fills freshly taken memory with junk: what trim gave back, most likely. */
static void
scribble(void)
{
	struct arena a;
	int i;

	arena_init(&a);
	for (i = 0; i < 256; i++)
		memset(arena_alloc(&a, 4000), 'Z', 4000);
	arena_release(&a);
}

/*
 * plandoc_trim gives back the tree with the builder's working memory and
 * the keys' text: the model's text all stays good, values that an alias
 * takes from an anchored key included. (Under the sanitizers a read of
 * what was given back fails at once; scribble makes it show here too.)
 */
static void
test_trim_keeps_model(void **state)
{
	static const char *const subs[][2] = {
		{ "  - {id: ma, name: 马雯}\n",
		  "  - {id: ma, &k name: 马雯}\n  - {id: nm, name: *k}\n" },
	};
	char *text = malloc(sizeof(PLAN) + 64), *at;
	const struct plan *p;
	uint32_t i, j;

	(void)state;
	assert_non_null(text);
	at = strstr(PLAN, subs[0][0]);
	assert_non_null(at);
	snprintf(text, sizeof(PLAN) + 64, "%.*s%s%s", (int)(at - PLAN), PLAN,
	    subs[0][1], at + strlen(subs[0][0]));
	p = load(text, false);
	assert_non_null(pd.root);
	assert_non_null(p->phases[0].acts[0].where);
	assert_true(p->phases[0].acts[0].where->pos.line > 0);
	plandoc_trim(&pd);
	assert_null(pd.root);
	assert_null(p->root);
	for (i = 0; i < p->nphases; i++)	/* they went with the tree */
		for (j = 0; j < p->phases[i].nacts; j++)
			assert_null(p->phases[i].acts[j].where);
	assert_int_equal(p->nrefs, 0);
	assert_null(p->refs);
	scribble();
	assert_string_equal(p->title, "城关幼儿园结对帮扶工作计划");
	assert_string_equal(p->orgs[1].id, "hexi");
	assert_string_equal(p->orgs[1].needs[1], "园本教研");
	assert_int_equal(p->npeople, 6);
	assert_string_equal(p->people[4].name, "马雯");
	assert_string_equal(p->people[5].id, "nm");
	assert_string_equal(p->people[5].name, "name");
	assert_string_equal(p->phases[0].id, "qidong");
	for (i = 0; i < p->nphases; i++)
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *a = &p->phases[i].acts[j];

			assert_non_null(strchr(a->id, '.') != NULL ||
			    strcmp(a->id, "songjiao") == 0 ? a->id : NULL);
			assert_true(a->title[0] != 'Z');
			if (a->owners.n > 0)
				assert_true(a->owners.v[0].text[0] != 'Z');
		}
	assert_string_equal(act(p, 0, 1)->owners.v[1].text, "ma");
	unload();
	free(text);
}

/*
 * Activities are built while the file loads and their subtrees dropped:
 * the model must be the same as one built from the whole tree.
 */
static void
test_stream_matches_tree(void **state)
{
	struct arena a;
	struct diags d;
	const struct ynode *root;
	const struct plan *q, *p;
	uint32_t i, j, k;

	(void)state;
	p = load(PLAN, false);
	arena_init(&a);
	diags_init(&d, &a, "t.yaml");
	root = yload_buffer(PLAN, strlen(PLAN), &a, &d, NULL);
	assert_non_null(root);
	q = plan_build(root, &a, &d);
	assert_non_null(q);
	assert_int_equal(q->nphases, p->nphases);
	for (i = 0; i < p->nphases; i++) {
		assert_int_equal(q->phases[i].nacts, p->phases[i].nacts);
		for (j = 0; j < p->phases[i].nacts; j++) {
			const struct activity *x = &p->phases[i].acts[j];
			const struct activity *y = &q->phases[i].acts[j];

			assert_string_equal(x->id, y->id);
			assert_string_equal(x->title, y->title);
			assert_int_equal(x->where->pos.line, y->where->pos.line);
			assert_int_equal(x->where->pos.col, y->where->pos.col);
			assert_int_equal(x->w.window.from, y->w.window.from);
			assert_int_equal(x->w.window.to, y->w.window.to);
			assert_int_equal(x->w.times, y->w.times);
			assert_int_equal(x->owners.n, y->owners.n);
			for (k = 0; k < x->owners.n; k++)
				assert_int_equal(x->owners.v[k].idx,
				    y->owners.v[k].idx);
			assert_int_equal(when_org(&x->w), when_org(&y->w));
		}
	}
	arena_release(&a);
	unload();
}

/* People declared after the phases that name them still resolve. */
static void
test_stream_people_after_phases(void **state)
{
	static const char text[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: {id: h, name: 实验园}, "
	    "period: 2024-09..2024-12}\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 送教, at: sha, owner: 冯亚琴, people: [liu]}\n"
	    "      - {title: 讲座, at: partner, owner: lui}\n"
	    "partners: [{id: sha, name: 沙梁幼儿园}]\n"
	    "people:\n"
	    "  - {id: feng, name: 冯亚琴}\n"
	    "  - {id: liu, name: 刘丽}\n"
	    "leadership: {leader: feng}\n";
	const struct activity *a;

	(void)state;
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
	assert_non_null(pd.plan);
	a = act(pd.plan, 0, 0);
	assert_int_equal(a->owners.v[0].idx, 0);
	assert_int_equal(a->people.v[0].idx, 1);
	assert_int_equal(a->w.at, AT_ORG);
	assert_int_equal(when_org(&a->w), 1);
	assert_int_equal(pd.diags.n, 1);
	assert_int_equal(pd.diags.v[0].rule, R_UNKNOWN_REF);
	assert_int_equal(pd.diags.v[0].line, 7);
	assert_int_equal(pd.diags.v[0].col, 41);
	assert_non_null(strstr(pd.diags.v[0].msg, "did you mean 'liu'"));
	unload();
}

/*
 * An anchored activity reused through an alias in another phase: the
 * anchored subtree must outlive the streaming (ASan checks the memory).
 */
static void
test_stream_anchor_reuse(void **state)
{
	static const char text[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 实验园, period: 2024-09..2025-06}\n"
	    "partners: [{id: sha, name: 沙梁幼儿园}]\n"
	    "people: [{id: feng, name: 冯亚琴}]\n"
	    "leadership: {leader: feng}\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - &visit {title: 送教下乡, at: partner, owner: [feng]}\n"
	    "      - {title: 学习, when: &w 2024-10}\n"
	    "  - period: 2025-03..2025-06\n"
	    "    activities: [*visit, {title: 总结, at: partner}]\n";
	const struct plan *p;

	(void)state;
	p = load(text, false);
	assert_int_equal(p->phases[1].nacts, 2);
	assert_string_equal(act(p, 1, 0)->title, "送教下乡");
	assert_string_equal(act(p, 1, 0)->id, "p2.1");
	assert_int_equal(act(p, 1, 0)->owners.v[0].idx, 0);
	assert_int_equal(act(p, 1, 0)->w.window.from, D(2025, 3, 1));
	assert_string_equal(act(p, 1, 1)->id, "p2.2");
	unload();
}

/* Template text in an activity is found although its subtree is gone. */
static void
test_stream_placeholder(void **state)
{
	static const char text[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 实验园, period: 2024-09..2024-12}\n"
	    "partners: [{id: sha, name: 沙梁幼儿园}]\n"
	    "people: [{id: feng, name: 冯亚琴}]\n"
	    "leadership: {leader: feng}\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 到某某幼儿园学习, at: partner}\n";

	(void)state;
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
	assert_int_equal(pd.diags.n, 1);
	assert_int_equal(pd.diags.v[0].rule, R_PLACEHOLDER);
	assert_int_equal(pd.diags.v[0].line, 9);
	assert_int_equal(pd.diags.v[0].col, 17);
	unload();
}


/*
 * validate and schedule agree on what a multi-day occurrence occupies:
 * from Friday 2024-11-08, two working days end on Monday 11-11, so a
 * fixed event the same Monday with the same owner is a conflict; one on
 * Tuesday is not. Past the plan period the calendar still counts
 * (2024-12-31 and two working days: 2025-01-01 is New Year's Day).
 */
static void
test_occupied_end(void **state)
{
	static const char base[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: {id: h, name: 实验园}, "
	    "period: 2024-09..2024-12}\n"
	    "partners: [{id: sha, name: 沙梁幼儿园}]\n"
	    "people: [{id: feng, name: 冯亚琴}]\n"
	    "leadership: {leader: feng}\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 培训, at: partner, owner: feng, date: 2024-11-08,"
	    " days: 2}\n"
	    "      - {title: 会议, at: online, owner: feng, date: %s}\n";
	char text[1024];

	(void)state;
	snprintf(text, sizeof(text), base, "2024-11-11");
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
	assert_non_null(pd.plan);
	assert_int_equal(plan_occupied_end(pd.plan, D(2024, 11, 8), 2),
	    D(2024, 11, 11));
	assert_int_equal(plan_occupied_end(pd.plan, D(2024, 12, 31), 2),
	    D(2025, 1, 2));
	assert_int_equal(plan_occupied_end(pd.plan, D(2024, 11, 8), 1),
	    D(2024, 11, 8));
	assert_int_equal(pd.diags.n, 1);
	assert_int_equal(pd.diags.v[0].rule, R_CONFLICT);
	assert_int_equal(pd.diags.v[0].line, 10);
	unload();
	snprintf(text, sizeof(text), base, "2024-11-12");
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
	assert_int_equal(pd.diags.n, 0);
	unload();
}

/* ---- §10: every key added, read into the model ---------------------- */

/* Diagnostics of rule (at line, unless 0), counted. */
static size_t
count_rule(enum rule_id rule, uint32_t line)
{
	size_t i, n = 0;

	for (i = 0; i < pd.diags.n; i++)
		n += pd.diags.v[i].rule == rule &&
		    (line == 0 || pd.diags.v[i].line == line);
	return n;
}

/*
 * The diagnostic of rule at line:col (col 0: any) whose message holds
 * part; fails when there is none.
 */
static const struct diag *
find_diag(enum rule_id rule, uint32_t line, uint32_t col, const char *part)
{
	size_t i;

	for (i = 0; i < pd.diags.n; i++) {
		const struct diag *g = &pd.diags.v[i];

		if (g->rule == rule && g->line == line &&
		    (col == 0 || g->col == col) && strstr(g->msg, part) != NULL)
			return g;
	}
	dump();
	fail_msg("no [%s] at %u:%u holding '%s'", rule_catalogue[rule].id,
	    line, col, part);
	return NULL;
}

/*
 * A plan written by the helped kindergarten (author: partner, writer
 * hexi) with every key of §10 spelt out, and the Chinese a director
 * types. The line numbers in the comments are the ones tests expect.
 */
static const char PLAN10[] =
    "pairplan: 1\n"						/*  1 */
    "plan:\n"							/*  2 */
    "  title: 向城关幼儿园学习工作计划\n"			/*  3 */
    "  kind: 结对帮扶\n"					/*  4 */
    "  author: partner\n"					/*  5 */
    "  writer: hexi\n"						/*  6 */
    "  issuer: 县教育局\n"					/*  7 */
    "  preamble: 为了提高保教质量，特制定如下计划。\n"		/*  8 */
    "  closing: 以上计划，请遵照执行。\n"			/*  9 */
    "  confirm: [村负责人, 户主]\n"				/* 10 */
    "  pairings-per-person: 2\n"				/* 11 */
    "  host: {id: cg, name: 城关幼儿园}\n"			/* 12 */
    "  period: 2024-09..2025-08\n"				/* 13 */
    "partners:\n"						/* 14 */
    "  - {id: hexi, name: 河西幼儿园}\n"			/* 15 */
    "  - {id: cun, name: 柳林村, type: village}\n"		/* 16 */
    "  - {id: hu, name: 张家, type: 户, village: 柳林村, head: 张三}\n"	/* 17 */
    "  - {id: dw, name: 县卫生院, type: unit}\n"		/* 18 */
    "people:\n"							/* 19 */
    "  - {id: feng, name: 冯亚琴}\n"				/* 20 */
    "  - {id: wu, name: 吴燕, org: hexi}\n"			/* 21 */
    "leadership: {leader: feng}\n"				/* 22 */
    "sections:\n"						/* 23 */
    "  - {title: 基本原则, text: 坚持因园施策, place: before-goals}\n"	/* 24 */
    "  - title: 工作措施\n"					/* 25 */
    "    place: before-phases\n"				/* 26 */
    "    text: 总的要求\n"					/* 27 */
    "    items: [措施一, 措施二]\n"				/* 28 */
    "    sections:\n"						/* 29 */
    "      - {title: 加强学习, text: 认真研读书籍}\n"		/* 30 */
    "      - {title: 主动沟通, items: [主动与师傅沟通]}\n"	/* 31 */
    "  - {title: 保障措施, items: [经费保障]}\n"		/* 32 */
    "phases:\n"							/* 33 */
    "  - id: p1\n"						/* 34 */
    "    period: 2024-09..2025-01\n"				/* 35 */
    "    activities:\n"						/* 36 */
    "      - {title: 跟岗学习, kind: 跟班学习, at: 结对园, weekday: 周三,"
    " when: 2024年11月中旬}\n"					/* 37 */
    "      - {title: 园内教研, kind: research, at: 本园,"
    " weekday: [星期一, 星期日], every: 每学期}\n"		/* 38 */
    "      - {title: 线上交流, kind: teaching visit, at: 线上,"
    " every: year, when: 2024年11月}\n"				/* 39 */
    "      - {title: 复审, id: fs, kind: review, date: 2024年11月5日}\n"	/* 40 */
    "      - {title: 公示, kind: 公示, after: fs, gap: 1, days: 5,"
    " publicity-days: 3, site: shared}\n"			/* 41 */
    "      - {title: 上报, kind: report, after: [fs, 公示], every: 3 months}\n"
    "mentorships:\n"						/* 43 */
    "  - {mentor: feng, apprentice: wu, meet: {at: 本园, every: 每月}}\n"
    "pairings:\n"						/* 45 */
    "  - {person: feng, partner: cun, role: 挂点, visits: 2, per: 学期,"
    " days: 10}\n"						/* 46 */
    "  - {person: feng, partner: hu, role: 包户}\n"		/* 47 */
    "  - {person: wu, partner: dw, visits: 1, per: month}\n"	/* 48 */
    "aid:\n"							/* 49 */
    "  standards:\n"						/* 50 */
    "    - {category: 建档立卡, amount: 1000, per: semester, children: 10,"
    " proofs: [建档立卡证明], amount-at-least: true}\n"		/* 51 */
    "    - {category: 低保, amount: 500.5}\n"			/* 52 */
    "  budget: 50000\n"						/* 53 */
    "  publicity-days: 7\n"					/* 54 */
    "targets:\n"						/* 55 */
    "  - {name: 入园率, unit: '%', approx: true, baseline: 80,"
    " by-year: {2024: 85, 2025: 90}, total: 90, cumulative: true}\n"
    "  - {name: 培训, unit: 人次, at-most: 2, at-least: 1}\n"	/* 57 */
    "  - {name: 资金, unit: 元, total: 1000,"
    " by-year: {2025: 600, 2024: 400}}\n"			/* 58 */
    "  - {name: 达标园, equals: 3, per: 每年}\n"		/* 59 */
    "quotas:\n"							/* 60 */
    "  - {people: [feng], days: 20, per: 学期}\n"		/* 61 */
    "  - {people: [wu], visits: 2, days: 3}\n";			/* 62 */

static void
test_plan10_head(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(PLAN10, true);
	assert_int_equal(p->kind, PK_PAIRING);
	assert_int_equal(p->author, AUTHOR_PARTNER);
	assert_true(p->has_writer);
	assert_int_equal(p->writer.idx, 1);
	assert_string_equal(p->issuer, "县教育局");
	assert_string_equal(p->preamble, "为了提高保教质量，特制定如下计划。");
	assert_string_equal(p->closing, "以上计划，请遵照执行。");
	assert_int_equal(p->nconfirm, 2);
	assert_string_equal(p->confirm[0], "村负责人");
	assert_string_equal(p->confirm[1], "户主");
	assert_int_equal(p->pairings_per_person, 2);
	/* The host is still the helping kindergarten. */
	assert_string_equal(p->orgs[0].id, "cg");
	unload();
	/* The defaults: the host writes a pairing plan, with no limit. */
	p = load(MINIMAL, true);
	assert_int_equal(p->kind, PK_PAIRING);
	assert_int_equal(p->author, AUTHOR_HOST);
	assert_false(p->has_writer);
	assert_null(p->issuer);
	assert_null(p->preamble);
	assert_null(p->closing);
	assert_int_equal(p->nconfirm, 0);
	assert_int_equal(p->pairings_per_person, -1);
	assert_int_equal(p->npairings, 0);
	assert_int_equal(p->nsections, 0);
	assert_false(p->has_aid);
	unload();
}

static void
test_partner_types(void **state)
{
	const struct plan *p;

	(void)state;
	p = load(PLAN10, true);
	assert_int_equal(p->norgs, 5);
	assert_int_equal(p->orgs[1].type, ORG_KINDERGARTEN);
	assert_int_equal(p->orgs[2].type, ORG_VILLAGE);
	assert_int_equal(p->orgs[3].type, ORG_HOUSEHOLD);
	assert_int_equal(p->orgs[4].type, ORG_UNIT);
	/* A household's village, by name, and its head. */
	assert_true(p->orgs[3].has_village);
	assert_int_equal(p->orgs[3].village.idx, 2);
	assert_string_equal(p->orgs[3].head, "张三");
	assert_false(p->orgs[2].has_village);
	assert_null(p->orgs[2].head);
	unload();
}

static void
test_sections(void **state)
{
	const struct plan *p;
	const struct section *s;

	(void)state;
	p = load(PLAN10, true);
	assert_int_equal(p->nsections, 3);
	s = &p->sections[0];
	assert_string_equal(s->title, "基本原则");
	assert_string_equal(s->text, "坚持因园施策");
	assert_int_equal(s->nitems, 0);
	assert_int_equal(s->place, PLACE_BEFORE_GOALS);
	assert_int_equal(s->nsubs, 0);
	s = &p->sections[1];
	assert_int_equal(s->place, PLACE_BEFORE_PHASES);
	assert_string_equal(s->text, "总的要求");
	assert_int_equal(s->nitems, 2);
	assert_string_equal(s->items[1], "措施二");
	assert_int_equal(s->nsubs, 2);
	assert_string_equal(s->subs[0].title, "加强学习");
	assert_string_equal(s->subs[0].text, "认真研读书籍");
	assert_int_equal(s->subs[1].nitems, 1);
	assert_string_equal(s->subs[1].items[0], "主动与师傅沟通");
	assert_null(s->subs[1].text);
	assert_int_equal(s->subs[1].nsubs, 0);
	/* after-phases is the default */
	s = &p->sections[2];
	assert_int_equal(s->place, PLACE_AFTER_PHASES);
	assert_null(s->text);
	assert_string_equal(s->items[0], "经费保障");
	unload();
}

static void
test_sections_errors(void **state)
{
	static const char text[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12}\n"
	    "partners: [{name: 沙梁幼儿园}]\n"
	    "sections:\n"
	    "  - {title: 甲, place: after-goals}\n"
	    "  - {text: 没有标题}\n"
	    "  - title: 乙\n"
	    "    sections: [{title: 丙, place: before-goals}]\n";

	(void)state;
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
	assert_int_equal(pd.diags.count[SEV_ERROR], 3);
	find_diag(R_TYPE, 5, 23, "'place' must be after-phases, "
	    "before-goals or before-phases, not 'after-goals'");
	find_diag(R_REQUIRED, 6, 5, "a section has no 'title'");
	/* sub-sections have no place of their own */
	find_diag(R_UNKNOWN_KEY, 8, 27, "unknown key 'place' in a "
	    "sub-section");
	unload();
}

static void
test_pairings(void **state)
{
	const struct plan *p;
	const struct pairing *x;

	(void)state;
	p = load(PLAN10, true);
	assert_int_equal(p->npairings, 3);
	x = &p->pairings[0];
	assert_string_equal(x->id, "v1");
	assert_int_equal(x->person.idx, 0);
	assert_int_equal(x->partner.idx, 2);
	assert_string_equal(x->role, "挂点");
	assert_int_equal(x->visits, 2);
	assert_int_equal(x->days, 10);
	assert_int_equal(x->per, PER_SEMESTER);
	/* the visits as a series: every semester of the plan, at cun */
	assert_int_equal(x->window.from, D(2024, 9, 1));
	assert_int_equal(x->window.to, D(2025, 8, 31));
	expect_window(&x->w, D(2024, 9, 1), D(2025, 8, 31));
	assert_int_equal(x->w.every, EV_SEMESTER);
	assert_int_equal(x->w.times, 2);
	assert_int_equal(x->w.days, 1);
	assert_int_equal(x->w.weekdays, 0x7F);
	assert_int_equal(x->w.at, AT_ORG);
	assert_int_equal(when_org(&x->w), 2);
	x = &p->pairings[1];
	assert_string_equal(x->id, "v2");
	assert_int_equal(x->partner.idx, 3);
	assert_int_equal(x->visits, -1);
	assert_int_equal(x->days, -1);
	assert_int_equal(x->per, PER_YEAR);	/* the default */
	assert_int_equal(x->w.every, EV_YEAR);
	x = &p->pairings[2];
	assert_string_equal(x->id, "v3");
	assert_int_equal(x->person.idx, 1);
	assert_int_equal(x->per, PER_MONTH);
	assert_int_equal(x->w.every, EV_MONTHS);
	assert_int_equal(x->w.every_n, 1);
	assert_null(x->role);
	unload();
}

static void
test_aid(void **state)
{
	static const char bare[] =
	    "pairplan: 1\n"
	    "plan: {title: 资助计划, kind: aid, host: 园, period: 2024-09}\n"
	    "aid: {budget: 1000}\n";
	const struct plan *p;
	const struct aid_standard *s;

	(void)state;
	p = load(PLAN10, true);
	assert_true(p->has_aid);
	assert_int_equal(p->aid.nstandards, 2);
	s = &p->aid.standards[0];
	assert_string_equal(s->category, "建档立卡");
	assert_true(s->amount == 1000.0);
	assert_int_equal(s->per, PER_SEMESTER);
	assert_int_equal(s->children, 10);
	assert_int_equal(s->nproofs, 1);
	assert_string_equal(s->proofs[0], "建档立卡证明");
	assert_true(s->amount_at_least);
	s = &p->aid.standards[1];
	assert_true(s->amount == 500.5);
	assert_int_equal(s->per, PER_YEAR);
	assert_int_equal(s->children, -1);
	assert_int_equal(s->nproofs, 0);
	assert_false(s->amount_at_least);
	assert_true(p->aid.has_budget);
	assert_true(p->aid.budget == 50000.0);
	assert_int_equal(p->aid.publicity_days, 7);
	unload();
	/* An aid block without publicity-days: 5 (公示不少于5个工作日). */
	p = load(bare, true);
	assert_int_equal(p->kind, PK_AID);
	assert_true(p->has_aid);
	assert_int_equal(p->aid.nstandards, 0);
	assert_int_equal(p->aid.publicity_days, 5);
	assert_true(p->aid.budget == 1000.0);
	unload();
}

static void
test_targets10(void **state)
{
	const struct plan *p;
	const struct target *t;

	(void)state;
	p = load(PLAN10, true);
	assert_int_equal(p->ntargets, 4);
	t = &p->targets[0];
	assert_string_equal(t->unit, "%");
	assert_true(t->approx);
	assert_true(t->has_baseline);
	assert_true(t->baseline == 80.0);
	assert_true(t->has_total);
	assert_true(t->total == 90.0);
	assert_true(t->cumulative);
	/* no comparison: the figures are minimums */
	assert_false(t->has_value);
	assert_int_equal(t->nby_year, 2);
	assert_int_equal(t->by_year[0].year, 2024);
	assert_true(t->by_year[0].value == 85.0);
	assert_int_equal(t->by_year[1].year, 2025);
	assert_int_equal(t->by_year[1].pos.line, 56);
	assert_false(t->per_year);
	/* at-most then at-least: the range 1..2 */
	t = &p->targets[1];
	assert_string_equal(t->unit, "人次");
	assert_true(t->has_value);
	assert_int_equal(t->cmp, CMP_AT_LEAST);
	assert_true(t->has_max);
	assert_true(t->value == 1.0);
	assert_true(t->max == 2.0);
	assert_null(t->extra_cmp_node);
	assert_false(t->approx);
	assert_false(t->cumulative);
	assert_false(t->has_baseline);
	/* by-year in the order written */
	t = &p->targets[2];
	assert_int_equal(t->by_year[0].year, 2025);
	assert_true(t->by_year[1].value == 400.0);
	assert_false(t->has_max);
	t = &p->targets[3];
	assert_int_equal(t->cmp, CMP_EQUALS);
	assert_true(t->per_year);
	assert_false(t->has_total);
	assert_int_equal(t->nby_year, 0);
	unload();
}

static void
test_targets10_errors(void **state)
{
	static const char text[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, kind: programme, host: 园, period: 2024}\n"
	    "targets:\n"
	    "  - {name: 甲, at-least: 5, at-most: 2}\n"
	    "  - {name: 乙, equals: 5, at-least: 2}\n"
	    "  - {name: 丙, unit: 所}\n"
	    "  - {name: 丁, by-year: {二〇二四: 5}}\n"
	    "  - {name: 戊, by-year: [5, 6]}\n";

	(void)state;
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
	assert_int_equal(pd.diags.count[SEV_ERROR], 5);
	/* an empty range */
	find_diag(R_BAD_NUMBER, 4, 0, "the range of target '甲' is empty");
	/* equals with another */
	find_diag(R_EXCLUSIVE_KEYS, 5, 0, "one of 'at-least'");
	/* nothing to reach */
	find_diag(R_REQUIRED, 6, 5, "a target has no 'at-least', 'at-most', "
	    "'equals', 'total' or 'by-year'");
	find_diag(R_TYPE, 7, 0, "");
	find_diag(R_TYPE, 8, 0, "'by-year' must be a mapping");
	unload();
}

static void
test_quota_days_keys(void **state)
{
	static const char text[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12}\n"
	    "partners: [{name: 沙梁幼儿园}]\n"
	    "people: [{id: feng, name: 冯亚琴}]\n"
	    "sections: [{title: 说明, text: 按月走访}]\n"
	    "quotas:\n"
	    "  - {people: [feng], per: month}\n";
	const struct plan *p;

	(void)state;
	p = load(PLAN10, true);
	assert_int_equal(p->nquotas, 2);
	assert_int_equal(p->quotas[0].visits, -1);
	assert_int_equal(p->quotas[0].days, 20);
	assert_int_equal(p->quotas[0].per, PER_SEMESTER);
	assert_int_equal(p->quotas[1].visits, 2);
	assert_int_equal(p->quotas[1].days, 3);
	assert_int_equal(p->quotas[1].per, PER_YEAR);
	unload();
	/* neither visits nor days */
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
	assert_int_equal(pd.diags.count[SEV_ERROR], 1);
	find_diag(R_REQUIRED, 7, 5, "a quota has no 'visits' or 'days'");
	unload();
}

/*
 * The activity keys of §10 and the Chinese synonyms: kinds by their
 * Chinese and English labels, at: 结对园 / 本园 / 线上 read from the
 * writer's side (author: partner, writer hexi: 本园 is hexi, 结对园 the
 * host), weekdays 周三 and 星期一/星期日, dates 2024年11月中旬,
 * 2024年11月, 2024年11月5日, every 每学期, year and 3 months.
 */
static void
test_activity_keys10(void **state)
{
	const struct plan *p;
	const struct activity *a;

	(void)state;
	p = load(PLAN10, true);
	a = act(p, 0, 0);
	assert_int_equal(a->kind, K_SHADOWING);
	assert_int_equal(a->w.at, AT_HOST);
	assert_int_equal(a->w.weekdays, 1 << WD_WED);
	expect_window(&a->w, D(2024, 11, 11), D(2024, 11, 20));
	assert_int_equal(a->after.n, 0);
	assert_int_equal(a->gap, 0);
	assert_false(a->shared);
	assert_int_equal(a->publicity_days, -1);
	a = act(p, 0, 1);
	assert_int_equal(a->kind, K_RESEARCH);
	assert_int_equal(a->w.at, AT_ORG);
	assert_int_equal(when_org(&a->w), 1);
	assert_int_equal(a->w.weekdays, (1 << WD_MON) | (1 << WD_SUN));
	assert_int_equal(a->w.every, EV_SEMESTER);
	a = act(p, 0, 2);
	assert_int_equal(a->kind, K_TEACHING_VISIT);
	assert_int_equal(a->w.at, AT_ONLINE);
	assert_int_equal(a->w.every, EV_YEAR);
	expect_window(&a->w, D(2024, 11, 1), D(2024, 11, 30));
	a = act(p, 0, 3);
	assert_int_equal(a->kind, K_REVIEW);
	assert_true(a->has_date);
	assert_int_equal(a->date, D(2024, 11, 5));
	a = act(p, 0, 4);
	assert_int_equal(a->kind, K_PUBLICITY);
	assert_int_equal(a->after.n, 1);
	assert_int_equal(a->after.v[0].idx, 3);	/* fs, by id */
	assert_ptr_equal(p->acts[a->after.v[0].idx], act(p, 0, 3));
	assert_int_equal(a->gap, 1);
	assert_int_equal(a->w.days, 5);
	assert_int_equal(a->publicity_days, 3);
	assert_true(a->shared);
	assert_int_equal(a->w.at, AT_HOST);
	a = act(p, 0, 5);
	assert_int_equal(a->kind, K_REPORT);
	assert_int_equal(a->after.n, 2);
	assert_int_equal(a->after.v[0].idx, 3);
	assert_int_equal(a->after.v[1].idx, 4);	/* 公示, by title */
	assert_int_equal(a->w.every, EV_MONTHS);
	assert_int_equal(a->w.every_n, 3);
	/* a mentorship's meet reads 本园 the same way; 每月 is month */
	assert_int_equal(p->mentorships[0].meet.at, AT_ORG);
	assert_int_equal(when_org(&p->mentorships[0].meet), 1);
	assert_int_equal(p->mentorships[0].meet.every, EV_MONTH);
	/* every activity, in phase order */
	assert_int_equal(p->nacts, 6);
	assert_ptr_equal(p->acts[5], act(p, 0, 5));
	unload();
}

/*
 * 本园 and 结对园 by the author: the host's own and the partners with
 * author: host; the only partner and the host with author: partner and
 * no writer; with two partners and no writer, 'writer' is required.
 * 受援园 is author: partner.
 */
static void
test_sides(void **state)
{
	static const char host[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12}\n"
	    "partners: [{id: sha, name: 沙梁幼儿园}]\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 甲, at: 本园}\n"
	    "      - {title: 乙, at: 结对园}\n";
	static const char partner[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12,"
	    " author: 受援园}\n"
	    "partners: [{id: sha, name: 沙梁幼儿园}]\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 甲, at: 本园}\n"
	    "      - {title: 乙, at: 结对园}\n";
	static const char two[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12,"
	    " author: partner}\n"
	    "partners: [{id: sha, name: 沙梁幼儿园}, {id: cg, name: 城关}]\n"
	    "sections: [{title: 说明, text: 向城关学习}]\n";
	const struct plan *p;

	(void)state;
	p = load(host, true);
	assert_int_equal(p->author, AUTHOR_HOST);
	assert_int_equal(act(p, 0, 0)->w.at, AT_HOST);
	assert_int_equal(act(p, 0, 1)->w.at, AT_PARTNER);
	assert_true(act(p, 0, 1)->all_partners);
	unload();
	p = load(partner, true);
	assert_int_equal(p->author, AUTHOR_PARTNER);
	assert_false(p->has_writer);
	assert_int_equal(act(p, 0, 0)->w.at, AT_ORG);
	assert_int_equal(when_org(&act(p, 0, 0)->w), 1);
	assert_int_equal(act(p, 0, 1)->w.at, AT_HOST);
	unload();
	plandoc_init_buffer(&pd, "t.yaml", two, strlen(two), NULL);
	assert_int_equal(pd.diags.count[SEV_ERROR], 1);
	find_diag(R_REQUIRED, 2, 62, "'author: partner' needs 'writer': the "
	    "plan has 2 partners");
	unload();
}

/* Kinds of plan by name and label; partners and phases as §10 asks. */
static void
test_plan_kinds(void **state)
{
	static const char *const kinds[][2] = {
		{ "pairing", "0" }, { "结对帮扶", "0" },
		{ "mentorship", "1" }, { "师徒结对", "1" },
		{ "aid", "2" }, { "资助", "2" },
		{ "responsibility", "3" }, { "挂点包村", "3" },
		{ "programme", "4" }, { "行动计划", "4" },
	};
	char text[512];
	size_t i;
	const struct plan *p;

	(void)state;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		bool needs = kinds[i][1][0] == '0' || kinds[i][1][0] == '3';
		bool pairing = kinds[i][1][0] == '0';

		/* without partners and phases */
		snprintf(text, sizeof(text), "pairplan: 1\n"
		    "plan: {title: 计划, kind: %s, host: 园, period: 2024-09}\n",
		    kinds[i][0]);
		plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
		assert_non_null(pd.plan);
		assert_int_equal(pd.plan->kind, kinds[i][1][0] - '0');
		assert_int_equal(pd.plan->nphases, 0);
		assert_int_equal(pd.diags.count[SEV_ERROR], needs + pairing);
		if (needs)
			find_diag(R_REQUIRED, 1, 1, "the plan file has no "
			    "'partners': a");
		if (pairing)	/* dated steps, or sections instead */
			find_diag(R_REQUIRED, 1, 1, "the plan file has no "
			    "'phases': a pairing plan");
		/* no-leader only where a leader is expected (§10) */
		assert_int_equal(count_rule(R_NO_LEADER, 0), needs ? 1 : 0);
		unload();
		/* with an empty list: the error is at the list */
		snprintf(text, sizeof(text), "pairplan: 1\n"
		    "plan: {title: 计划, kind: %s, host: 园, period: 2024-09}\n"
		    "partners: []\n"
		    "phases: []\n", kinds[i][0]);
		plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
		assert_int_equal(pd.diags.count[SEV_ERROR], needs + pairing);
		if (needs)
			find_diag(R_REQUIRED, 3, 11, "'partners' is empty: a");
		if (pairing)
			find_diag(R_REQUIRED, 4, 9, "'phases' is empty: a "
			    "pairing plan");
		unload();
	}
	/* A mentorship plan inside one kindergarten: clean. */
	p = load("pairplan: 1\n"
	    "plan: {title: 师徒结对计划, kind: mentorship, host: 园,"
	    " period: 2024-09..2025-01}\n"
	    "people: [{id: chen, name: 陈静}, {id: lin, name: 林芳}]\n"
	    "mentorships: [{mentor: chen, apprentice: lin,"
	    " meet: {every: week}}]\n", false);
	assert_int_equal(p->norgs, 1);
	assert_int_equal(p->nmentorships, 1);
	unload();
}

/*
 * An alias of a whole list of activities is a copy (§10): its ids and
 * windows are those of its own phase, and no duplicate-id is reported.
 * Ids given in the list are repeated by the copy, and that is one.
 */
static void
test_alias_list(void **state)
{
	static const char text[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2025-06}\n"
	    "partners: [{id: sha, name: 沙梁幼儿园}]\n"
	    "people: [{id: feng, name: 冯亚琴}]\n"
	    "leadership: {leader: feng}\n"
	    "phases:\n"
	    "  - id: a\n"
	    "    period: 2024-09..2024-12\n"
	    "    activities: &acts\n"
	    "      - {title: 送教下乡, at: partner, owner: feng}\n"
	    "      - {title: 教研, times: 2}\n"
	    "  - id: b\n"
	    "    period: 2025-03..2025-06\n"
	    "    activities: *acts\n";
	static const char given[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2025-06}\n"
	    "partners: [{id: sha, name: 沙梁幼儿园}]\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities: &acts\n"
	    "      - {title: 送教下乡, id: songjiao, at: partner}\n"
	    "  - period: 2025-03..2025-06\n"
	    "    activities: *acts\n";
	const struct plan *p;
	const struct diag *g;

	(void)state;
	p = load(text, false);
	assert_int_equal(p->phases[1].nacts, 2);
	assert_string_equal(act(p, 0, 0)->id, "a.1");
	assert_string_equal(act(p, 0, 1)->id, "a.2");
	assert_string_equal(act(p, 1, 0)->id, "b.1");
	assert_string_equal(act(p, 1, 1)->id, "b.2");
	assert_string_equal(act(p, 1, 0)->title, "送教下乡");
	assert_int_equal(act(p, 1, 0)->owners.v[0].idx, 0);
	assert_int_equal(act(p, 1, 1)->w.times, 2);
	expect_window(&act(p, 0, 1)->w, D(2024, 9, 1), D(2024, 12, 31));
	expect_window(&act(p, 1, 1)->w, D(2025, 3, 1), D(2025, 6, 30));
	assert_int_equal(act(p, 1, 0)->phase, 1);
	assert_ptr_not_equal(act(p, 0, 0), act(p, 1, 0));
	assert_int_equal(p->nacts, 4);
	unload();
	plandoc_init_buffer(&pd, "t.yaml", given, strlen(given), NULL);
	assert_int_equal(pd.diags.count[SEV_ERROR], 1);
	assert_int_equal(count_rule(R_DUPLICATE_ID, 0), 1);
	/* reported at the alias, its note at the first: not at itself */
	g = find_diag(R_DUPLICATE_ID, 9, 17, "activity id 'songjiao' is "
	    "already used");
	assert_non_null(g->note);
	assert_int_equal(g->note_line, 7);
	assert_int_equal(g->note_col, 27);
	unload();
}

/*
 * People are indexed as they stream in: a repeated id is reported at the
 * second with a note at the first, a repeated name makes references to
 * it ambiguous, a person without an id goes by its name. When the plan
 * repeats the key, the people are those of the second list, indexed then,
 * and references found in the first list as they streamed are looked up
 * again.
 */
static void
test_people_indexed(void **state)
{
	static const char text[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12}\n"
	    "people:\n"
	    "  - {id: feng, name: 冯亚琴}\n"
	    "  - {id: lin, name: 林芳}\n"
	    "  - {id: feng, name: 赵敏}\n"
	    "  - {id: lin2, name: 林芳}\n"
	    "  - {name: 陈静}\n"
	    "leadership: {leader: 陈静}\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 教研, owner: feng, people: [林芳, 陈静, 赵敏]}\n";
	static const char twice[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12}\n"
	    "people: [{id: feng, name: 冯亚琴}]\n"
	    "people: [{id: lin, name: 林芳}, {id: chen, name: 陈静}]\n"
	    "leadership: {leader: chen}\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 教研, owner: lin, people: [feng, 陈静]}\n";
	static const char between[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12}\n"
	    "people: [{id: feng, name: 冯亚琴}, {id: chen, name: 陈静}]\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 教研, owner: feng, people: [陈静, lin]}\n"
	    "people: [{id: lin, name: 林芳}, {id: chen, name: 陈静}]\n"
	    "leadership: {leader: chen}\n";
	const struct activity *a;
	const struct diag *g;

	(void)state;
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
	assert_non_null(pd.plan);
	assert_int_equal(pd.plan->npeople, 5);
	assert_string_equal(pd.plan->people[4].id, "陈静");
	g = find_diag(R_DUPLICATE_ID, 6, 10, "person id 'feng' is already "
	    "used");
	assert_int_equal(g->note_line, 4);
	assert_int_equal(g->note_col, 10);
	a = act(pd.plan, 0, 0);
	assert_int_equal(a->owners.v[0].idx, 0);
	assert_int_equal(a->people.v[0].idx, REF_AMBIGUOUS);
	assert_int_equal(a->people.v[1].idx, 4);
	assert_int_equal(a->people.v[2].idx, 2);
	assert_int_equal(pd.plan->leader.v[0].idx, 4);
	unload();
	plandoc_init_buffer(&pd, "t.yaml", twice, strlen(twice), NULL);
	assert_non_null(pd.plan);
	assert_int_equal(count_rule(R_DUPLICATE_KEY, 4), 1);
	assert_int_equal(pd.plan->npeople, 2);
	a = act(pd.plan, 0, 0);
	assert_int_equal(a->owners.v[0].idx, 0);
	assert_int_equal(a->people.v[0].idx, REF_UNKNOWN);
	assert_int_equal(a->people.v[1].idx, 1);
	assert_int_equal(pd.plan->leader.v[0].idx, 1);
	unload();
	/* found in the first list as the activity streamed; not in the plan's */
	plandoc_init_buffer(&pd, "t.yaml", between, strlen(between), NULL);
	assert_non_null(pd.plan);
	assert_int_equal(pd.plan->npeople, 2);
	a = act(pd.plan, 0, 0);
	assert_int_equal(a->owners.v[0].idx, REF_UNKNOWN);
	assert_int_equal(a->people.v[0].idx, 1);
	assert_int_equal(a->people.v[1].idx, 0);
	find_diag(R_UNKNOWN_REF, 7, 28, "unknown person 'feng'");
	unload();
}

/*
 * The early indexes past their first sizes: 3,000 people, so that both
 * grow eight times while the people stream. Found by id at both ends,
 * by name in the middle; a name given twice far apart is ambiguous, an
 * id given twice is reported at the second, with its note at the first.
 */
static void
test_people_indexed_many(void **state)
{
	enum { N = 3000 };
	const struct activity *a;
	const struct diag *g;
	size_t cap = 256 + (size_t)N * 64, len;
	char *text = malloc(cap);
	int i;

	(void)state;
	assert_non_null(text);
	len = (size_t)snprintf(text, cap, "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12}\n"
	    "people:\n");
	/* person i on line 4 + i; the last repeats the name of person 1 */
	for (i = 0; i < N; i++)
		len += (size_t)snprintf(text + len, cap - len,
		    "  - {id: p%04d, name: 名%04d}\n", i, i == N - 1 ? 1 : i);
	len += (size_t)snprintf(text + len, cap - len,
	    "  - {id: p0005, name: 重复}\n"
	    "leadership: {leader: p0000}\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 教研, owner: p2998, people: [p0000, 名1500, "
	    "名0001, 名2999, p9999, 重复]}\n");
	plandoc_init_buffer(&pd, "t.yaml", text, len, NULL);
	free(text);
	assert_non_null(pd.plan);
	assert_int_equal(pd.plan->npeople, N + 1);
	g = find_diag(R_DUPLICATE_ID, 4 + N, 10, "person id 'p0005' is "
	    "already used");
	assert_int_equal(g->note_line, 4 + 5);
	assert_int_equal(g->note_col, 10);
	a = act(pd.plan, 0, 0);
	assert_int_equal(a->owners.v[0].idx, 2998);
	assert_int_equal(a->people.n, 6);
	assert_int_equal(a->people.v[0].idx, 0);
	assert_int_equal(a->people.v[1].idx, 1500);
	assert_int_equal(a->people.v[2].idx, REF_AMBIGUOUS);
	assert_int_equal(a->people.v[3].idx, REF_UNKNOWN);
	assert_int_equal(a->people.v[4].idx, REF_UNKNOWN);
	assert_int_equal(a->people.v[5].idx, N);
	assert_int_equal(pd.plan->leader.v[0].idx, 0);
	unload();
}

/* Errors inside an activity name it by its title (§10). */
static void
test_type_names_title(void **state)
{
	static const char text[] =
	    "pairplan: 1\n"
	    "plan: {title: 计划, host: 园, period: 2024-09..2024-12}\n"
	    "partners: [{id: sha, name: 沙梁幼儿园}]\n"
	    "phases:\n"
	    "  - period: 2024-09..2024-12\n"
	    "    activities:\n"
	    "      - {title: 送教下乡, times: 两次}\n"
	    "      - {title: 公示, gap: -1, site: 自己}\n"
	    "      - {times: 三}\n";

	(void)state;
	plandoc_init_buffer(&pd, "t.yaml", text, strlen(text), NULL);
	assert_int_equal(pd.diags.count[SEV_ERROR], 5);
	find_diag(R_TYPE, 7, 30, "activity '送教下乡': 'times' must be a "
	    "whole number, not '两次'");
	find_diag(R_BAD_NUMBER, 8, 26, "activity '公示': 'gap' must not be "
	    "negative");
	find_diag(R_TYPE, 8, 36, "activity '公示': 'site' must be own or "
	    "shared, not '自己'");
	/* no title: a required error, and the type error is unnamed */
	find_diag(R_REQUIRED, 9, 9, "an activity has no 'title'");
	assert_null(strstr(find_diag(R_TYPE, 9, 17, "'times' must be")->msg,
	    "activity '"));
	unload();
}

/* After each test, even a failed one: nothing leaks. */
static int
cleanup(void **state)
{
	(void)state;
	plandoc_release(&pd);
	return 0;
}

#define TEST(f)	cmocka_unit_test_teardown(f, cleanup)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_plan_is_clean),
		TEST(test_org_defaults),
		TEST(test_host_as_text),
		TEST(test_people_defaults),
		TEST(test_references_by_name),
		TEST(test_phase_and_activity_ids),
		TEST(test_activity_defaults),
		TEST(test_activity_keys),
		TEST(test_when_forms),
		TEST(test_when_mid_and_xiaxun),
		TEST(test_every_forms),
		TEST(test_every_one_week),
		TEST(test_weekday_masks),
		TEST(test_mentorships),
		TEST(test_targets),
		TEST(test_quotas),
		TEST(test_calendar),
		TEST(test_calendar_defaults),
		TEST(test_lang),
		TEST(test_period_first_next),
		TEST(test_periods_of_plan),
		TEST(test_kind_names),
		TEST(test_not_a_mapping),
		TEST(test_stream_matches_tree),
		TEST(test_trim_keeps_model),
		TEST(test_stream_people_after_phases),
		TEST(test_stream_anchor_reuse),
		TEST(test_stream_placeholder),
		TEST(test_occupied_end),
		TEST(test_plan10_head),
		TEST(test_partner_types),
		TEST(test_sections),
		TEST(test_sections_errors),
		TEST(test_pairings),
		TEST(test_aid),
		TEST(test_targets10),
		TEST(test_targets10_errors),
		TEST(test_quota_days_keys),
		TEST(test_activity_keys10),
		TEST(test_sides),
		TEST(test_plan_kinds),
		TEST(test_alias_list),
		TEST(test_people_indexed),
		TEST(test_people_indexed_many),
		TEST(test_type_names_title),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
