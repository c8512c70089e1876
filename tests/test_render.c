/* test_render.c - the output formats over a schedule built by hand, the selection filters, atomic output. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "json_sched.h"
#include "output.h"
#include "plan.h"
#include "plandoc.h"
#include "render.h"
#include "sched_filter.h"
#include "sched.h"

#define D(y, m, d)	date_from_civil((y), (m), (d))

static const char PLAN[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 测试计划\n"
    "  host: {id: cg, name: 城关中心幼儿园}\n"
    "  period: 2024-03..2024-12\n"
    "partners:\n"
    "  - {id: hexi, name: 河西镇中心幼儿园}\n"
    "people:\n"
    "  - {id: liu, name: 刘丽}\n"
    "  - {id: bob, name: Bob}\n"
    "  - {id: chen, name: 陈静, org: hexi}\n"
    "leadership:\n"
    "  leader: liu\n"
    "phases:\n"
    "  - id: p1\n"
    "    name: 启动 调研\n"
    "    period: 2024-03..2024-06\n"
    "    activities:\n"
    "      - {title: 送教下乡, kind: teaching-visit, at: partner, times: 5,\n"
    "         owner: liu, people: [chen]}\n"
    "      - {title: 讲座, kind: lecture, at: online, owner: bob}\n"
    "  - id: p2\n"
    "    name: 提高\n"
    "    period: 2024-09..2024-12\n"
    "    activities:\n"
    "      - {title: 研讨, kind: research, times: 3, owner: liu}\n"
    "mentorships:\n"
    "  - {mentor: liu, apprentice: chen, meet: {every: month}}\n"
    "quotas:\n"
    "  - {people: [liu], visits: 3, per: year}\n";

/* Long enough that its SUMMARY line is folded twice. */
static const char LONG_TITLE[] =
    "关于进一步加强城乡幼儿园结对帮扶工作提升保教质量的专题研讨活动";

static const int32_t people_s0[] = { 0, 2 };	/* liu, chen */
static const int32_t people_s1[] = { 1 };	/* bob */
static const int32_t people_s2[] = { 0 };	/* liu */
static const int32_t people_s3[] = { 0, 2 };	/* liu, chen */

struct fixture {
	struct plandoc		 pd;
	const struct plan	*plans[1];
	struct activity		 acts[3];	/* the plan's, retitled */
	struct sched_series	 series[4];
	struct sched_event	 events[4];
	struct sched_unplaced	 unplaced[1];
	struct sched_skipped	 skipped[1];
	struct sched_quota	 quotas[2];
	struct schedule		 s;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct sched_series *sr;

	if (f == NULL)
		return -1;
	plandoc_init_buffer(&f->pd, "plans/测试.yaml", PLAN, sizeof(PLAN) - 1,
	    NULL);
	if (f->pd.plan == NULL || diags_has_errors(&f->pd.diags, false)) {
		diags_print_text(&f->pd.diags,
		    &(struct diag_out){ stderr, false, false });
		return -1;
	}
	f->plans[0] = f->pd.plan;
	sr = f->series;
	f->acts[0] = f->pd.plan->phases[0].acts[0];	/* 送教下乡 */
	f->acts[1] = f->pd.plan->phases[0].acts[1];
	f->acts[2] = f->pd.plan->phases[1].acts[0];
	/* A title with every character CSV and ICS must escape. */
	f->acts[1].title = "Talk, \"intro\"; a\\b\nend";
	f->acts[2].title = LONG_TITLE;
	sr[0] = (struct sched_series){ .plan = 0, .id = "p1.1#hexi",
	    .phase = 0, .partner = 1, .site = 1, .people = people_s0,
	    .npeople = 2, .of = 5, .src = &f->acts[0], .type = SCHED_ACT };
	sr[1] = (struct sched_series){ .plan = 0, .id = "p1.2",
	    .phase = 0, .partner = -1, .site = -1,
	    .people = people_s1, .npeople = 1, .of = 1,
	    .src = &f->acts[1], .type = SCHED_ACT };
	sr[2] = (struct sched_series){ .plan = 0, .id = "p2.1",
	    .phase = 1, .partner = -1, .site = 0, .people = people_s2,
	    .npeople = 1, .of = 3, .src = &f->acts[2], .type = SCHED_ACT };
	sr[3] = (struct sched_series){ .plan = 0, .id = "m1",
	    .phase = -1, .partner = -1, .site = 0, .people = people_s3,
	    .npeople = 2, .of = 10, .src = &f->pd.plan->mentorships[0],
	    .type = SCHED_MENT };
	f->events[0] = (struct sched_event){ &sr[0], D(2024, 4, 16),
	    D(2024, 4, 16), 3, false };
	f->events[1] = (struct sched_event){ &sr[1], D(2024, 5, 8),
	    D(2024, 5, 8), 1, true };
	f->events[2] = (struct sched_event){ &sr[3], D(2024, 9, 3),
	    D(2024, 9, 4), 1, false };
	f->events[3] = (struct sched_event){ &sr[2], D(2024, 10, 15),
	    D(2024, 10, 15), 2, false };
	f->unplaced[0] = (struct sched_unplaced){ &sr[0], 4,
	    { D(2024, 5, 1), D(2024, 5, 15) }, "liu is busy every day" };
	f->skipped[0] = (struct sched_skipped){ &sr[3],
	    { D(2024, 7, 1), D(2024, 7, 31) }, "no working day" };
	f->quotas[0] = (struct sched_quota){ 0, 0, -1,
	    { D(2024, 3, 1), D(2024, 12, 31) }, 3, 1, QU_VISITS };
	f->quotas[1] = (struct sched_quota){ 0, 1, -1,
	    { D(2024, 3, 1), D(2024, 12, 31) }, 1, 2, QU_VISITS };
	f->s = (struct schedule){ f->plans, 1, f->series, 4, f->events, 4,
	    f->unplaced, 1, f->skipped, 1, f->quotas, 2 };
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	plandoc_release(&f->pd);
	free(f);
	return 0;
}

/* What a renderer writes, as a NUL-terminated string to free. */
static char *
render(const char *name, const struct schedule *s,
    const struct sched_filter *flt, size_t *lenp)
{
	const struct renderer *r = render_find(name);
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	assert_non_null(r);
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_true(r->schedule(fp, s, flt));
	assert_int_equal(fclose(fp), 0);
	if (getenv("TEST_RENDER_DUMP") != NULL)
		fprintf(stderr, "---- %s\n%s----\n", name, buf);
	if (lenp != NULL)
		*lenp = len;
	return buf;
}

static void
expect_output(const char *name, const struct schedule *s,
    const struct sched_filter *flt, const char *want)
{
	char *got = render(name, s, flt, NULL);

	assert_string_equal(got, want);
	free(got);
}

/* ---- the table of formats ---------------------------------------------- */

static void
test_find(void **state)
{
	(void)state;
	assert_ptr_equal(render_find("table"), &render_table);
	assert_ptr_equal(render_find("csv"), &render_csv);
	assert_ptr_equal(render_find("json"), &render_json);
	assert_ptr_equal(render_find("ics"), &render_ics);
	assert_null(render_find("xml"));
	assert_null(render_find(""));
	assert_null(render_find("JSON"));
	assert_string_equal(render_names(), "table, csv, json, ics");
}

/* ---- JSON -------------------------------------------------------------- */

static void
test_json(void **state)
{
	struct fixture *f = *state;

	expect_output("json", &f->s, NULL,
	    "{\"events\": [\n"
	    "  {\"plan\": \"plans/测试.yaml\", \"id\": \"p1.1#hexi/3\", "
	    "\"activity\": \"p1.1\", \"title\": \"送教下乡\", "
	    "\"kind\": \"teaching-visit\", \"phase\": \"p1\", "
	    "\"partner\": \"hexi\", \"site\": \"hexi\", "
	    "\"date\": \"2024-04-16\", \"end\": \"2024-04-16\", "
	    "\"people\": [\"liu\", \"chen\"], \"fixed\": false, "
	    "\"occurrence\": 3, \"of\": 5},\n"
	    "  {\"plan\": \"plans/测试.yaml\", \"id\": \"p1.2/1\", "
	    "\"activity\": \"p1.2\", "
	    "\"title\": \"Talk, \\\"intro\\\"; a\\\\b\\nend\", "
	    "\"kind\": \"lecture\", \"phase\": \"p1\", "
	    "\"partner\": null, \"site\": null, "
	    "\"date\": \"2024-05-08\", \"end\": \"2024-05-08\", "
	    "\"people\": [\"bob\"], \"fixed\": true, "
	    "\"occurrence\": 1, \"of\": 1},\n"
	    "  {\"plan\": \"plans/测试.yaml\", \"id\": \"m1/1\", "
	    "\"activity\": \"m1\", \"title\": \"师徒结对\", "
	    "\"kind\": \"mentoring\", \"phase\": null, "
	    "\"partner\": null, \"site\": \"cg\", "
	    "\"date\": \"2024-09-03\", \"end\": \"2024-09-04\", "
	    "\"people\": [\"liu\", \"chen\"], \"fixed\": false, "
	    "\"occurrence\": 1, \"of\": 10},\n"
	    "  {\"plan\": \"plans/测试.yaml\", \"id\": \"p2.1/2\", "
	    "\"activity\": \"p2.1\", \"title\": \"关于进一步加强城乡幼儿园结对"
	    "帮扶工作提升保教质量的专题研讨活动\", "
	    "\"kind\": \"research\", \"phase\": \"p2\", "
	    "\"partner\": null, \"site\": \"cg\", "
	    "\"date\": \"2024-10-15\", \"end\": \"2024-10-15\", "
	    "\"people\": [\"liu\"], \"fixed\": false, "
	    "\"occurrence\": 2, \"of\": 3}],\n"
	    " \"unplaced\": [\n"
	    "  {\"plan\": \"plans/测试.yaml\", \"activity\": \"p1.1\", "
	    "\"partner\": \"hexi\", \"occurrence\": 4, "
	    "\"window\": [\"2024-05-01\", \"2024-05-15\"], "
	    "\"reason\": \"liu is busy every day\"}],\n"
	    " \"skipped\": [\n"
	    "  {\"plan\": \"plans/测试.yaml\", \"activity\": \"m1\", "
	    "\"partner\": null, "
	    "\"period\": [\"2024-07-01\", \"2024-07-31\"], "
	    "\"reason\": \"no working day\"}],\n"
	    " \"quotas\": [\n"
	    "  {\"plan\": \"plans/测试.yaml\", \"person\": \"liu\", "
	    "\"period\": [\"2024-03-01\", \"2024-12-31\"], "
	    "\"required\": 3, \"got\": 1, \"unit\": \"visits\"},\n"
	    "  {\"plan\": \"plans/测试.yaml\", \"person\": \"bob\", "
	    "\"period\": [\"2024-03-01\", \"2024-12-31\"], "
	    "\"required\": 1, \"got\": 2, \"unit\": \"visits\"}]}\n");
}

static void
test_json_empty(void **state)
{
	struct fixture *f = *state;
	struct schedule s = { f->plans, 1, NULL, 0, NULL, 0, NULL, 0, NULL,
	    0, NULL, 0 };

	expect_output("json", &s, NULL,
	    "{\"events\": [],\n \"unplaced\": [],\n \"skipped\": [],\n"
	    " \"quotas\": []}\n");
}

/* The filter applies to every list: here only Bob's lecture and quota. */
static void
test_json_filtered(void **state)
{
	struct fixture *f = *state;
	struct sched_filter flt = { .person = "bob" };
	char *got = render("json", &f->s, &flt, NULL);

	assert_non_null(strstr(got, "\"id\": \"p1.2/1\""));
	assert_null(strstr(got, "\"id\": \"p1.1#hexi/3\""));
	assert_non_null(strstr(got, " \"unplaced\": [],\n"));
	assert_non_null(strstr(got, " \"skipped\": [],\n"));
	assert_non_null(strstr(got, "\"person\": \"bob\""));
	assert_null(strstr(got, "\"person\": \"liu\""));
	free(got);
}

/* The JSON object as json_schedule_object_split writes it: to free. */
static char *
json_split(const struct schedule *s, const struct sched_filter *flt,
    unsigned threads, size_t chunk)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	json_schedule_object_split(fp, s, flt, " ", threads, chunk);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

/*
 * A long schedule's events written by two threads, chunk by chunk, are
 * the bytes one thread writes: with every chunk size, and with filters
 * that leave whole chunks empty (the first item must not open with a
 * comma, wherever it falls), or every event out.
 */
static void
test_json_split(void **state)
{
	struct fixture *f = *state;
	struct sched_event ev[50];
	struct schedule s = f->s;
	static const size_t chunks[] = { 1, 2, 3, 7, 16, 49, 50, 64 };
	struct sched_filter flts[4] = { { 0 }, { .person = "bob" },
	    { .person = "nobody" }, { .has_from = true } };
	const struct sched_filter *fp;
	const char *titles[3];
	static char title[3000];
	size_t i, c, k;

	for (i = 0; i < 3; i++)
		titles[i] = f->acts[i].title;

	for (i = 0; i < 50; i++) {
		/* bob's lecture (series 1) only at 37 and 41 */
		ev[i] = f->events[i == 37 || i == 41 ? 1 : i % 2 ? 0 : 3];
		ev[i].date = ev[i].end = D(2024, 3, 1) + (day_t)i;
	}
	flts[3].from = D(2024, 4, 10);	/* the last 10 events */
	s.events = ev;
	s.nevents = 50;
	for (k = 0; k <= 5; k++) {
		char *one;

		fp = k < 4 ? &flts[k] : NULL;
		if (k == 5) {
			/*
			 * Events of 3 KB: the second thread stops its chunk
			 * at 1 KB an event, and this one goes on from there.
			 */
			memset(title, 'T', sizeof(title) - 1);
			title[sizeof(title) - 1] = '\0';
			for (i = 0; i < 3; i++)	/* m1's is fixed */
				f->acts[i].title = title;
		}
		one = json_split(&s, fp, 1, 0);
		assert_non_null(strstr(one, k == 2 ? "\"events\": []," :
		    "\"events\": [\n   {"));
		if (k == 1) {
			assert_non_null(strstr(one, "p1.2/1"));
			assert_null(strstr(one, "p1.1#hexi"));
		}
		for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++) {
			char *two = json_split(&s, fp, 2, chunks[c]);

			assert_string_equal(two, one);
			free(two);
		}
		free(one);
	}
	for (i = 0; i < 3; i++)
		f->acts[i].title = titles[i];
}

/* ---- CSV --------------------------------------------------------------- */

static void
test_csv(void **state)
{
	struct fixture *f = *state;

	expect_output("csv", &f->s, NULL,
	    "plan,id,activity,title,kind,phase,partner,site,date,end,weekday,"
	    "people,fixed,occurrence,of\r\n"
	    "plans/测试.yaml,p1.1#hexi/3,p1.1,送教下乡,teaching-visit,p1,hexi,"
	    "hexi,2024-04-16,2024-04-16,tue,liu;chen,false,3,5\r\n"
	    "plans/测试.yaml,p1.2/1,p1.2,\"Talk, \"\"intro\"\"; a\\b\nend\","
	    "lecture,p1,,,2024-05-08,2024-05-08,wed,bob,true,1,1\r\n"
	    "plans/测试.yaml,m1/1,m1,师徒结对,mentoring,,,cg,2024-09-03,"
	    "2024-09-04,tue,liu;chen,false,1,10\r\n"
	    "plans/测试.yaml,p2.1/2,p2.1,关于进一步加强城乡幼儿园结对帮扶工作"
	    "提升保教质量的专题研讨活动,research,p2,,cg,2024-10-15,2024-10-15,"
	    "tue,liu,false,2,3\r\n");
}

static void
test_csv_quoting(void **state)
{
	struct fixture *f = *state;
	struct sched_series sr = f->series[1];
	struct activity act = f->acts[1];
	struct sched_event e = f->events[1];
	struct schedule s = f->s;
	static const char *const titles[][2] = {
		{ "plain", "plain" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "cr\rhere", "\"cr\rhere\"" },
		{ "lf\nhere", "\"lf\nhere\"" },
		{ "\"", "\"\"\"\"" },
		{ "", "" },
		{ "；中文，逗号", "；中文，逗号" },	/* full-width: no quotes */
		/* what a spreadsheet runs as a formula becomes text */
		{ "=1+2", "'=1+2" },
		{ "+1", "'+1" },
		{ "-1", "'-1" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "\tx", "'\tx" },
		{ "=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"" },
		{ "-", "-" },		/* alone, a minus is text */
		{ "a=b", "a=b" },
		/* other control characters: visible */
		{ "a\033b", "a\\x1bb" },
	};
	char want[128], *got;
	size_t i;

	sr.src = &act;
	e.series = &sr;
	s.events = &e;
	s.nevents = 1;
	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		act.title = titles[i][0];
		got = render("csv", &s, NULL, NULL);
		snprintf(want, sizeof(want), ",p1.2,%s,lecture,", titles[i][1]);
		if (strstr(got, want) == NULL)
			fail_msg("title '%s': no '%s' in '%s'", titles[i][0],
			    want, got);
		free(got);
	}
}

/* ---- ICS --------------------------------------------------------------- */

static const char ICS_WANT[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//pairplan//pairplan 0.1//EN\r\n"
    "CALSCALE:GREGORIAN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:p1.1#hexi/3@%s.pairplan\r\n"
    "DTSTAMP:%s\r\n"
    "DTSTART;VALUE=DATE:20240416\r\n"
    "DTEND;VALUE=DATE:20240417\r\n"
    "SUMMARY:送教下乡 (3/5)\r\n"
    "LOCATION:河西镇中心幼儿园\r\n"
    "DESCRIPTION:刘丽、陈静\r\n"
    "CATEGORIES:teaching-visit\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:p1.2/1@%s.pairplan\r\n"
    "DTSTAMP:%s\r\n"
    "DTSTART;VALUE=DATE:20240508\r\n"
    "DTEND;VALUE=DATE:20240509\r\n"
    "SUMMARY:Talk\\, \"intro\"\\; a\\\\b\\nend\r\n"
    "LOCATION:线上\r\n"
    "DESCRIPTION:Bob\r\n"
    "CATEGORIES:lecture\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:m1/1@%s.pairplan\r\n"
    "DTSTAMP:%s\r\n"
    "DTSTART;VALUE=DATE:20240903\r\n"
    "DTEND;VALUE=DATE:20240905\r\n"
    "SUMMARY:师徒结对 (1/10)\r\n"
    "LOCATION:城关中心幼儿园\r\n"
    "DESCRIPTION:刘丽、陈静\r\n"
    "CATEGORIES:mentoring\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:p2.1/2@%s.pairplan\r\n"
    "DTSTAMP:%s\r\n"
    "DTSTART;VALUE=DATE:20241015\r\n"
    "DTEND;VALUE=DATE:20241016\r\n"
    /* 8 + 22 * 3 = 74 octets: a 23rd character would make 77. */
    "SUMMARY:关于进一步加强城乡幼儿园结对帮扶工作提升保教\r\n"
    " 质量的专题研讨活动 (2/3)\r\n"
    "LOCATION:城关中心幼儿园\r\n"
    "DESCRIPTION:刘丽\r\n"
    "CATEGORIES:research\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

/* FNV-1a of the plan's name, as the UID carries it. */
static const char *
plan_tag(const char *file)
{
	static char buf[16];
	uint32_t h = 2166136261u;

	for (; *file != '\0'; file++) {
		h ^= (unsigned char)*file;
		h *= 16777619u;
	}
	snprintf(buf, sizeof(buf), "%08x", h);
	return buf;
}

static void
expect_ics(const struct schedule *s, const char *stamp)
{
	const char *tag = plan_tag(s->plans[0]->file);
	char want[4096], *got;

	snprintf(want, sizeof(want), ICS_WANT, tag, stamp, tag, stamp, tag,
	    stamp, tag, stamp);
	got = render("ics", s, NULL, NULL);
	assert_string_equal(got, want);
	free(got);
}

static void
test_ics(void **state)
{
	struct fixture *f = *state;

	/* Without SOURCE_DATE_EPOCH: the plan's first day, never the clock. */
	unsetenv("SOURCE_DATE_EPOCH");
	expect_ics(&f->s, "20240301T000000Z");
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	expect_ics(&f->s, "20231114T221320Z");
	setenv("SOURCE_DATE_EPOCH", "0", 1);
	expect_ics(&f->s, "19700101T000000Z");
	setenv("SOURCE_DATE_EPOCH", "253402300799", 1);
	expect_ics(&f->s, "99991231T235959Z");
	/* Not a valid stamp: derived from the input. */
	setenv("SOURCE_DATE_EPOCH", "12abc", 1);
	expect_ics(&f->s, "20240301T000000Z");
	setenv("SOURCE_DATE_EPOCH", "-5", 1);
	expect_ics(&f->s, "20240301T000000Z");
	setenv("SOURCE_DATE_EPOCH", "", 1);
	expect_ics(&f->s, "20240301T000000Z");
	setenv("SOURCE_DATE_EPOCH", "99999999999999999999999", 1);
	expect_ics(&f->s, "20240301T000000Z");
	unsetenv("SOURCE_DATE_EPOCH");
}

/*
 * An event that ends on 9999-12-31 cannot have the DTEND of the day after
 * (a DATE has four digits of year): it gets a DURATION. The same plan
 * given twice gets "-2" in the UIDs of the second.
 */
static void
test_ics_edges(void **state)
{
	struct fixture *f = *state;
	struct sched_event e[2];
	struct schedule s = f->s;
	const struct plan *plans[2];
	char *got;

	e[0] = f->events[0];
	e[0].date = date_from_civil(9999, 12, 30);
	e[0].end = date_from_civil(9999, 12, 31);
	s.events = e;
	s.nevents = 1;
	got = render("ics", &s, NULL, NULL);
	assert_non_null(strstr(got, "DTSTART;VALUE=DATE:99991230\r\n"
	    "DURATION:P2D\r\n"));
	assert_null(strstr(got, "DTEND"));
	free(got);
	e[0] = f->events[0];
	e[1] = f->events[0];
	plans[0] = plans[1] = s.plans[0];
	s.plans = plans;
	s.nplans = 2;
	s.nevents = 2;
	got = render("ics", &s, NULL, NULL);
	assert_null(strstr(got, "-2.pairplan"));	/* both from plan 0 */
	free(got);
	/* the second event from the same file given again */
	{
		struct sched_series sr = *e[1].series;

		sr.plan = 1;
		e[1].series = &sr;
		got = render("ics", &s, NULL, NULL);
		assert_non_null(strstr(got, "-2.pairplan\r\n"));
		free(got);
	}
}

/* Is s (len bytes) UTF-8 that starts and ends on character boundaries? */
static bool
whole_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0, k;

	while (i < len) {
		k = s[i] < 0x80 ? 1 : s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 :
		    s[i] >= 0xC0 ? 2 : 0;
		if (k == 0 || i + k > len)
			return false;
		while (--k > 0)
			if ((s[++i] & 0xC0) != 0x80)
				return false;
		i++;
	}
	return true;
}

/*
 * Folding, whatever the text: every line at most 75 octets and whole
 * UTF-8, CRLF only, and unfolding gives back the line.
 */
static void
test_ics_folding(void **state)
{
	struct fixture *f = *state;
	struct sched_series sr = f->series[2];
	struct activity act = f->acts[2];
	struct sched_event e = f->events[3];
	struct schedule s = f->s;
	char title[512], *got, *line, *end, *unfolded, *w;
	size_t n, len, i;

	sr.src = &act;
	e.series = &sr;
	s.events = &e;
	s.nevents = 1;
	/* Titles of 1-byte, 3-byte and 4-byte characters, mixed. */
	for (n = 0; n < 120; n++) {
		for (len = 0, i = 0; i < n && len + 5 < sizeof(title); i++) {
			static const char *const ch[] = { "a", "中", "😀", "," };
			const char *c = ch[(i * 7 + n) % 4];

			memcpy(title + len, c, strlen(c));
			len += strlen(c);
		}
		title[len] = '\0';
		act.title = title;
		got = render("ics", &s, NULL, &len);
		unfolded = malloc(len + 1);
		assert_non_null(unfolded);
		w = unfolded;
		for (line = got; *line != '\0'; line = end + 2) {
			end = strstr(line, "\r\n");
			assert_non_null(end);
			assert_true(end - line <= 75);
			assert_null(memchr(line, '\n', (size_t)(end - line)));
			assert_null(memchr(line, '\r', (size_t)(end - line)));
			assert_true(whole_utf8((const unsigned char *)line,
			    (size_t)(end - line)));
			if (*line == ' ' && line != got) {
				w -= 2;	/* drop the CRLF and the space */
				memcpy(w, line + 1, (size_t)(end - line - 1));
				w += end - line - 1;
			} else {
				memcpy(w, line, (size_t)(end - line));
				w += end - line;
			}
			*w++ = '\r';
			*w++ = '\n';
		}
		*w = '\0';
		/* The unfolded SUMMARY is the title, commas escaped. */
		line = strstr(unfolded, "\r\nSUMMARY:");
		assert_non_null(line);
		line += 10;
		for (i = 0; title[i] != '\0'; i++, line++) {
			if (title[i] == ',')
				assert_int_equal(*line++, '\\');
			assert_int_equal(*line, title[i]);
		}
		assert_memory_equal(line, " (2/3)\r\n", 8);
		free(unfolded);
		free(got);
	}
}

/* ---- table ------------------------------------------------------------- */

static void
test_table(void **state)
{
	struct fixture *f = *state;
	struct sched_series sr = f->series[1];
	struct activity act = f->acts[1];
	struct schedule s = f->s;
	struct sched_event ev[4];

	/* A printable title here: the table is for people. */
	memcpy(ev, f->events, sizeof(ev));
	act.title = "Talk, \"intro\"";
	sr.src = &act;
	ev[1].series = &sr;
	s.events = ev;
	expect_output("table", &s, NULL,
	    "phase p1: 启动 调研 (2024-03-01..2024-06-30)\n"
	    "  2024-04-16         Tue  送教下乡 (3/5)"
	    "                                                        "
	    "河西镇中心幼儿园  刘丽、陈静\n"
	    "  2024-05-08         Wed  Talk, \"intro\""
	    "                                                         "
	    "线上              Bob\n"
	    "\n"
	    "phase p2: 提高 (2024-09-01..2024-12-31)\n"
	    "  2024-10-15         Tue  "
	    "关于进一步加强城乡幼儿园结对帮扶工作提升保教质量的专题研讨活动"
	    " (2/3)  城关中心幼儿园    刘丽\n"
	    "\n"
	    "mentorships\n"
	    "  2024-09-03..09-04  Tue  师徒结对 (1/10)"
	    "                                                       "
	    "城关中心幼儿园    刘丽、陈静\n"
	    "\n"
	    "unplaced:\n"
	    "  p1.1#hexi/4 送教下乡 (4/5), 2024-05-01..2024-05-15: "
	    "liu is busy every day\n"
	    "\n"
	    "skipped:\n"
	    "  m1 师徒结对, 2024-07-01..2024-07-31: no working day\n"
	    "\n"
	    "quotas:\n"
	    "  刘丽 (liu) 2024-03-01..2024-12-31: 1 visit, 3 required, "
	    "short by 2\n"
	    "  Bob (bob) 2024-03-01..2024-12-31: 2 visits, 1 required\n");
}

/*
 * Quota rows in days, and a pairing's days at its partner (§10), in the
 * table and in JSON.
 */
static void
test_quota_units(void **state)
{
	struct fixture *f = *state;
	struct schedule s = f->s;
	struct sched_quota q[2];
	char *got;

	q[0] = (struct sched_quota){ 0, 0, -1,
	    { D(2024, 3, 1), D(2024, 12, 31) }, 20, 1, QU_DAYS };
	q[1] = (struct sched_quota){ 0, 1, 1,
	    { D(2024, 3, 1), D(2024, 12, 31) }, 3, 4, QU_DAYS };
	s.nevents = s.nunplaced = s.nskipped = 0;
	s.quotas = q;
	s.nquotas = 2;
	got = render("table", &s, NULL, NULL);
	assert_non_null(strstr(got, "quotas:\n"
	    "  刘丽 (liu) 2024-03-01..2024-12-31: 1 day, 20 required, "
	    "short by 19\n"
	    "  Bob (bob) 2024-03-01..2024-12-31 at hexi: 4 days, 3 required\n"));
	free(got);
	got = render("json", &s, NULL, NULL);
	assert_non_null(strstr(got, "{\"plan\": \"plans/测试.yaml\", "
	    "\"person\": \"liu\", \"period\": [\"2024-03-01\", "
	    "\"2024-12-31\"], \"required\": 20, \"got\": 1, \"unit\": "
	    "\"days\"}"));
	assert_non_null(strstr(got, "{\"plan\": \"plans/测试.yaml\", "
	    "\"person\": \"bob\", \"partner\": \"hexi\", \"period\": "
	    "[\"2024-03-01\", \"2024-12-31\"], \"required\": 3, \"got\": 4, "
	    "\"unit\": \"days\"}"));
	free(got);
}

/* Columns line up by display width: a CJK character counts two. */
static void
test_table_alignment(void **state)
{
	struct fixture *f = *state;
	struct sched_filter flt = { .phase = "p1" };
	struct sched_series sr = f->series[1];
	struct activity act = f->acts[1];
	struct sched_event ev[4];
	struct schedule s = f->s;

	memcpy(ev, f->events, sizeof(ev));
	act.title = "Talk (EN) 讲座";
	sr.src = &act;
	ev[1].series = &sr;
	s.events = ev;
	s.nunplaced = s.nskipped = s.nquotas = 0;
	expect_output("table", &s, &flt,
	    "phase p1: 启动 调研 (2024-03-01..2024-06-30)\n"
	    "  2024-04-16  Tue  送教下乡 (3/5)  河西镇中心幼儿园  刘丽、陈静\n"
	    "  2024-05-08  Wed  Talk (EN) 讲座  线上              Bob\n");
}

/* An event over the new year shows the end's year. */
static void
test_table_year_end(void **state)
{
	struct fixture *f = *state;
	struct sched_event e = { &f->series[3], D(2024, 12, 31), D(2025, 1, 2),
	    9, false };
	struct schedule s = { f->plans, 1, NULL, 0, &e, 1, NULL, 0, NULL, 0,
	    NULL, 0 };

	expect_output("table", &s, NULL,
	    "mentorships\n"
	    "  2024-12-31..2025-01-02  Tue  师徒结对 (9/10)  城关中心幼儿园  "
	    "刘丽、陈静\n");
}

static void
test_table_nothing(void **state)
{
	struct fixture *f = *state;
	struct sched_filter flt = { .person = "nobody" };

	expect_output("table", &f->s, &flt, "no events\n");
}

/* Several plans: a heading with the file name for each. */
static void
test_table_plans(void **state)
{
	struct fixture *f = *state;
	struct plan second = *f->pd.plan;
	const struct plan *plans[2] = { f->pd.plan, &second };
	struct sched_series sr = f->series[2];
	struct activity act = f->acts[2];
	struct sched_event ev[2] = { f->events[0], f->events[3] };
	struct schedule s = { plans, 2, NULL, 0, ev, 2, NULL, 0, NULL, 0,
	    NULL, 0 };

	second.file = "b.yaml";
	sr.plan = 1;
	act.title = "研讨";
	sr.src = &act;
	ev[1].series = &sr;
	expect_output("table", &s, NULL,
	    "== plans/测试.yaml\n"
	    "\n"
	    "phase p1: 启动 调研 (2024-03-01..2024-06-30)\n"
	    "  2024-04-16  Tue  送教下乡 (3/5)  河西镇中心幼儿园  刘丽、陈静\n"
	    "\n"
	    "== b.yaml\n"
	    "\n"
	    "phase p2: 提高 (2024-09-01..2024-12-31)\n"
	    "  2024-10-15  Tue  研讨 (2/3)      城关中心幼儿园    刘丽\n");
}

/* ---- the filters ------------------------------------------------------- */

static bool
match(struct fixture *f, const struct sched_filter *flt, int i)
{
	return sched_filter_match(flt, &f->s, &f->events[i]);
}

static void
test_filter_none(void **state)
{
	struct fixture *f = *state;
	struct sched_filter flt = { 0 };
	int i;

	for (i = 0; i < 4; i++) {
		assert_true(match(f, NULL, i));
		assert_true(match(f, &flt, i));
	}
}

static void
test_filter_phase(void **state)
{
	struct fixture *f = *state;
	struct sched_filter flt = { .phase = "1" };

	assert_true(match(f, &flt, 0));
	assert_true(match(f, &flt, 1));
	assert_false(match(f, &flt, 2));	/* mentorship: no phase */
	assert_false(match(f, &flt, 3));
	flt.phase = "p2";
	assert_false(match(f, &flt, 0));
	assert_false(match(f, &flt, 2));
	assert_true(match(f, &flt, 3));
	flt.phase = "2";
	assert_true(match(f, &flt, 3));
	assert_false(match(f, &flt, 0));
	for (const char *const *p = (const char *const[]){ "3", "0", "",
	    "p3", "1x", "01x", "99999999999999999999", NULL }; *p != NULL;
	    p++) {
		flt.phase = *p;
		assert_false(match(f, &flt, 0));
		assert_false(match(f, &flt, 3));
	}
	flt.phase = "01";		/* a number, however written */
	assert_true(match(f, &flt, 0));
}

static void
test_filter_dates(void **state)
{
	struct fixture *f = *state;
	struct sched_filter flt = { 0 };

	/* Event 2 lasts 2024-09-03..04: any overlap counts. */
	flt.has_from = true;
	flt.from = D(2024, 9, 4);
	assert_true(match(f, &flt, 2));
	assert_true(match(f, &flt, 3));
	assert_false(match(f, &flt, 1));
	flt.from = D(2024, 9, 5);
	assert_false(match(f, &flt, 2));
	flt.has_from = false;
	flt.has_to = true;
	flt.to = D(2024, 9, 3);
	assert_true(match(f, &flt, 2));
	assert_false(match(f, &flt, 3));
	flt.to = D(2024, 9, 2);
	assert_false(match(f, &flt, 2));
	assert_true(match(f, &flt, 0));
	/* Inclusive at both ends. */
	flt.has_from = true;
	flt.from = flt.to = D(2024, 4, 16);
	assert_true(match(f, &flt, 0));
	assert_false(match(f, &flt, 1));
}

static void
test_filter_person(void **state)
{
	struct fixture *f = *state;
	struct sched_filter flt = { .person = "chen" };

	assert_true(match(f, &flt, 0));
	assert_false(match(f, &flt, 1));
	assert_true(match(f, &flt, 2));
	assert_false(match(f, &flt, 3));
	flt.person = "bob";
	assert_true(match(f, &flt, 1));
	assert_false(match(f, &flt, 0));
	flt.person = "陈静";		/* ids only: main.c resolves names */
	assert_false(match(f, &flt, 0));
}

static void
test_filter_partner(void **state)
{
	struct fixture *f = *state;
	struct sched_filter flt = { .partner = "hexi" };

	assert_true(match(f, &flt, 0));
	assert_false(match(f, &flt, 1));	/* online */
	assert_false(match(f, &flt, 2));
	assert_false(match(f, &flt, 3));
	flt.partner = "cg";			/* a site matches too */
	assert_false(match(f, &flt, 0));
	assert_false(match(f, &flt, 1));
	assert_true(match(f, &flt, 2));
	assert_true(match(f, &flt, 3));
}

static void
test_filter_combined(void **state)
{
	struct fixture *f = *state;
	struct sched_filter flt = { .person = "liu", .partner = "cg",
	    .phase = "p2" };

	assert_false(match(f, &flt, 0));
	assert_false(match(f, &flt, 2));
	assert_true(match(f, &flt, 3));
	flt.has_to = true;
	flt.to = D(2024, 10, 14);
	assert_false(match(f, &flt, 3));
}

static void
test_filter_others(void **state)
{
	struct fixture *f = *state;
	struct sched_filter flt = { .person = "liu" };
	struct span w = f->unplaced[0].window;

	assert_true(sched_filter_match_span(&flt, &f->s, &f->series[0], w));
	assert_true(sched_filter_match_quota(&flt, &f->s, &f->quotas[0]));
	assert_false(sched_filter_match_quota(&flt, &f->s, &f->quotas[1]));
	flt.person = NULL;
	flt.has_from = true;
	flt.from = D(2024, 5, 16);
	assert_false(sched_filter_match_span(&flt, &f->s, &f->series[0], w));
	assert_true(sched_filter_match_quota(&flt, &f->s, &f->quotas[0]));
	flt.from = D(2025, 1, 1);
	assert_false(sched_filter_match_quota(&flt, &f->s, &f->quotas[0]));
	assert_true(sched_filter_match_quota(NULL, &f->s, &f->quotas[0]));
	/* Quotas belong to no phase or partner: those filters keep them. */
	flt = (struct sched_filter){ .phase = "p2", .partner = "hexi" };
	assert_true(sched_filter_match_quota(&flt, &f->s, &f->quotas[0]));
}

/* ---- atomic output ----------------------------------------------------- */

static char tmpdir[64];

static int
setup_dir(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/test_render.XXXXXX");
	return mkdtemp(tmpdir) != NULL ? 0 : -1;
}

static int
teardown_dir(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static size_t
count_entries(const char *dir)
{
	struct dirent *de;
	size_t n = 0;
	DIR *d = opendir(dir);

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
write_file(const char *path, const char *s)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(s, fp);
	assert_int_equal(fclose(fp), 0);
}

static void
expect_file(const char *path, const char *want)
{
	char buf[256];
	size_t n;
	FILE *fp = fopen(path, "r");

	assert_non_null(fp);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	assert_string_equal(buf, want);
}

/* Runs fn with standard error in a file; what it printed, to free. */
static char *
capture_stderr(bool (*fn)(struct output *, const char *), struct output *o,
    const char *arg, bool *ret)
{
	char path[128], *buf;
	int fd, saved;
	long n;
	FILE *fp;

	snprintf(path, sizeof(path), "%s.stderr", tmpdir);
	fflush(stderr);
	saved = dup(2);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(saved >= 0 && fd >= 0);
	dup2(fd, 2);
	close(fd);
	*ret = fn(o, arg);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fp = fopen(path, "r");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = calloc(1, (size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	unlink(path);
	return buf;
}

static bool
do_open(struct output *o, const char *path)
{
	return output_open(o, path);
}

static bool
do_commit(struct output *o, const char *unused)
{
	(void)unused;
	return output_commit(o);
}

static void
test_output_new(void **state)
{
	struct output o;
	char path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/new.json", tmpdir);
	assert_true(output_open(&o, path));
	assert_non_null(o.fp);
	fputs("hello\n", o.fp);
	/* Nothing is at path until the commit. */
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(count_entries(tmpdir), 1);
	assert_true(output_commit(&o));
	expect_file(path, "hello\n");
	assert_int_equal(count_entries(tmpdir), 1);
	unlink(path);
}

static void
test_output_replace(void **state)
{
	struct output o;
	struct stat st;
	char path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/old.csv", tmpdir);
	write_file(path, "old contents\n");
	assert_int_equal(chmod(path, 0640), 0);
	assert_true(output_open(&o, path));
	fputs("new\n", o.fp);
	expect_file(path, "old contents\n");
	assert_true(output_commit(&o));
	expect_file(path, "new\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_int_equal(count_entries(tmpdir), 1);
	unlink(path);
}

static void
test_output_abort(void **state)
{
	struct output o;
	char path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/keep.ics", tmpdir);
	write_file(path, "keep me\n");
	assert_true(output_open(&o, path));
	fputs("half an output", o.fp);
	assert_int_equal(count_entries(tmpdir), 2);
	output_abort(&o);
	expect_file(path, "keep me\n");
	assert_int_equal(count_entries(tmpdir), 1);
	unlink(path);
}

/* Tests run as root, so a read-only directory would not stop them. */
static void
test_output_no_dir(void **state)
{
	struct output o;
	char path[128], want[256], *err;
	bool ok;

	(void)state;
	snprintf(path, sizeof(path), "%s/missing/out.json", tmpdir);
	err = capture_stderr(do_open, &o, path, &ok);
	assert_false(ok);
	snprintf(want, sizeof(want), "pairplan: cannot write '%s': No such "
	    "file or directory\n", path);
	assert_string_equal(err, want);
	free(err);
	assert_int_equal(count_entries(tmpdir), 0);
}

/* The rename fails (a directory is in the way): no temporary file stays. */
static void
test_output_commit_fails(void **state)
{
	struct output o;
	char path[128], inner[160], want[256], *err;
	bool ok;

	(void)state;
	snprintf(path, sizeof(path), "%s/adir", tmpdir);
	/* a directory is refused at once; one made after the open fails
	   the rename */
	assert_int_equal(mkdir(path, 0755), 0);
	err = capture_stderr(do_open, &o, path, &ok);
	assert_false(ok);
	assert_non_null(strstr(err, "Is a directory"));
	free(err);
	assert_int_equal(count_entries(tmpdir), 1);
	assert_int_equal(rmdir(path), 0);
	assert_true(output_open(&o, path));
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(inner, sizeof(inner), "%s/inside", path);
	write_file(inner, "x");
	fputs("output", o.fp);
	assert_int_equal(count_entries(tmpdir), 2);
	err = capture_stderr(do_commit, &o, NULL, &ok);
	assert_false(ok);
	snprintf(want, sizeof(want), "pairplan: cannot write '%s': ", path);
	assert_memory_equal(err, want, strlen(want));
	free(err);
	assert_int_equal(count_entries(tmpdir), 1);
	assert_int_equal(count_entries(path), 1);
	expect_file(inner, "x");
	unlink(inner);
	rmdir(path);
}

static void
test_output_stdout(void **state)
{
	struct output o;

	(void)state;
	assert_true(output_open(&o, NULL));
	assert_ptr_equal(o.fp, stdout);
	assert_null(o.tmp);
	assert_true(output_commit(&o));
	assert_true(output_open(&o, "-"));
	assert_ptr_equal(o.fp, stdout);
	output_abort(&o);		/* leaves standard output open */
	assert_int_equal(fflush(stdout), 0);
}

/* A device is written as it is, never renamed over. */
static void
test_output_device(void **state)
{
	struct output o;
	struct stat st;

	(void)state;
	assert_true(output_open(&o, "/dev/null"));
	assert_null(o.tmp);
	fputs("nothing", o.fp);
	assert_true(output_commit(&o));
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
}

int
main(void)
{
	const struct CMUnitTest render_tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_empty),
		cmocka_unit_test(test_json_filtered),
		cmocka_unit_test(test_json_split),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_ics),
		cmocka_unit_test(test_ics_folding),
		cmocka_unit_test(test_ics_edges),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_table_alignment),
		cmocka_unit_test(test_quota_units),
		cmocka_unit_test(test_table_year_end),
		cmocka_unit_test(test_table_nothing),
		cmocka_unit_test(test_table_plans),
		cmocka_unit_test(test_filter_none),
		cmocka_unit_test(test_filter_phase),
		cmocka_unit_test(test_filter_dates),
		cmocka_unit_test(test_filter_person),
		cmocka_unit_test(test_filter_partner),
		cmocka_unit_test(test_filter_combined),
		cmocka_unit_test(test_filter_others),
	};
	const struct CMUnitTest output_tests[] = {
		cmocka_unit_test(test_output_new),
		cmocka_unit_test(test_output_replace),
		cmocka_unit_test(test_output_abort),
		cmocka_unit_test(test_output_no_dir),
		cmocka_unit_test(test_output_commit_fails),
		cmocka_unit_test(test_output_stdout),
		cmocka_unit_test(test_output_device),
	};
	int failed;

	failed = cmocka_run_group_tests_name("render", render_tests, setup,
	    teardown);
	failed += cmocka_run_group_tests_name("output", output_tests,
	    setup_dir, teardown_dir);
	return failed != 0;
}
