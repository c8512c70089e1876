/* test_export_json.c - `export --format json`: the normalised plan, the shared schedule object, valid and deterministic JSON. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "plan.h"
#include "plandoc.h"
#include "render.h"
#include "sched_filter.h"
#include "sched.h"

/*
 * Every default left out, references by name, a partner without an id,
 * an activity at an organisation, at a partner, online, a mentorship
 * meeting at the apprentice's kindergarten, a quota of a whole group.
 */
static const char PLAN[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: \"测试 \\\"计划\\\"\"\n"
    "  host: 城关幼儿园\n"
    "  period: 2024-03..2024-12\n"
    "partners:\n"
    "  - {id: hexi, name: 河西幼儿园, classes: 6, needs: 教研}\n"
    "  - {name: 柳林村幼儿园}\n"
    "people:\n"
    "  - {id: liu, name: 刘丽, role: 园长}\n"
    "  - {name: 陈静}\n"
    "  - {id: wu, name: 吴燕, org: 河西幼儿园}\n"
    "  - {id: sun, name: 孙丽, org: 柳林村幼儿园}\n"
    "leadership:\n"
    "  leader: 刘丽\n"
    "  deputies: [陈静, liu]\n"
    "phases:\n"
    "  - period: 2024-03..2024-06\n"
    "    activities:\n"
    "      - title: 调研\n"
    "      - title: 送教下乡\n"
    "        kind: teaching-visit\n"
    "        at: partner\n"
    "        partners: [柳林村幼儿园]\n"
    "        when: 2024-04 mid\n"
    "        every: 3 days\n"
    "        weekday: [tue, thu]\n"
    "        owner: 刘丽\n"
    "        people: [陈静, sun]\n"
    "        note: \"第一行\\n第二行\"\n"
    "      - {title: 现场教研, kind: research, at: hexi, date: 2024-05-08,\n"
    "         owner: [wu]}\n"
    "      - {title: 答疑, kind: meeting, at: online, when: 2024-05..2024-06,\n"
    "         every: 2 weeks, days: 2}\n"
    "mentorships:\n"
    "  - {mentor: 陈静, apprentice: wu, meet: {every: month, at: partner}}\n"
    "  - {mentor: liu, apprentice: sun, period: 2024-09}\n"
    "targets:\n"
    "  - {name: 优课率, at-least: 30%}\n"
    "  - {name: 班级数, at-most: 2.5, partners: [hexi], by: 2024-12}\n"
    "quotas:\n"
    "  - {people: leadership, visits: 2, per: semester}\n"
    "calendar:\n"
    "  workdays: [mon, tue, wed, thu, fri, sat]\n"
    "  holidays: none\n"
    "  closed: [2024-07-10..2024-08-31, 2024-07..2024-07-20]\n"
    "  open: [2024-06-09, 2024-06-02]\n"
    "  visits-per-day: 2\n";

#define WEEK	"[\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]"

static const char PLAN_JSON[] =
    "{\"plan\": {\"file\": \"t.yaml\", \"pairplan\": 1, "
    "\"title\": \"测试 \\\"计划\\\"\",\n"
    "  \"host\": {\"id\": \"host\", \"name\": \"城关幼儿园\", "
    "\"level\": null},\n"
    "  \"period\": [\"2024-03-01\", \"2024-12-31\"], \"lang\": \"zh\",\n"
    "  \"kind\": \"pairing\", \"author\": \"host\", \"writer\": null, "
    "\"issuer\": null,\n"
    "  \"preamble\": null,\n"
    "  \"closing\": null,\n"
    "  \"confirm\": [], \"pairings-per-person\": null,\n"
    "  \"guiding\": null,\n"
    "  \"goals\": [],\n"
    "  \"partners\": [\n"
    "   {\"id\": \"hexi\", \"name\": \"河西幼儿园\", \"kind\": null, "
    "\"classes\": 6, \"children\": null, \"teachers\": null, "
    "\"staff\": null, \"needs\": [\"教研\"], \"type\": \"kindergarten\", "
    "\"village\": null, \"head\": null},\n"
    "   {\"id\": \"柳林村幼儿园\", \"name\": \"柳林村幼儿园\", "
    "\"kind\": null, \"classes\": null, \"children\": null, "
    "\"teachers\": null, \"staff\": null, \"needs\": [], "
    "\"type\": \"kindergarten\", \"village\": null, \"head\": null}],\n"
    "  \"people\": [\n"
    "   {\"id\": \"liu\", \"name\": \"刘丽\", \"org\": \"host\", "
    "\"role\": \"园长\", \"duty\": null},\n"
    "   {\"id\": \"陈静\", \"name\": \"陈静\", \"org\": \"host\", "
    "\"role\": null, \"duty\": null},\n"
    "   {\"id\": \"wu\", \"name\": \"吴燕\", \"org\": \"hexi\", "
    "\"role\": null, \"duty\": null},\n"
    "   {\"id\": \"sun\", \"name\": \"孙丽\", \"org\": \"柳林村幼儿园\", "
    "\"role\": null, \"duty\": null}],\n"
    "  \"leadership\": {\"leader\": [\"liu\"], "
    "\"deputies\": [\"陈静\", \"liu\"], \"members\": []},\n"
    "  \"phases\": [\n"
    "   {\"id\": \"p1\", \"name\": null, "
    "\"period\": [\"2024-03-01\", \"2024-06-30\"], \"goal\": null, "
    "\"activities\": [\n"
    "    {\"id\": \"p1.1\", \"title\": \"调研\", \"kind\": \"other\", "
    "\"at\": \"host\", \"site\": \"host\", "
    "\"partners\": [\"hexi\", \"柳林村幼儿园\"], \"owners\": [], "
    "\"people\": [], \"window\": [\"2024-03-01\", \"2024-06-30\"], "
    "\"times\": 1, \"every\": null, \"weekday\": " WEEK ", \"days\": 1, "
    "\"date\": null, \"note\": null, \"after\": [], \"gap\": 0, \"shared\": false, "
    "\"publicity-days\": null},\n"
    "    {\"id\": \"p1.2\", \"title\": \"送教下乡\", "
    "\"kind\": \"teaching-visit\", \"at\": \"partner\", \"site\": null, "
    "\"partners\": [\"柳林村幼儿园\"], \"owners\": [\"liu\"], "
    "\"people\": [\"陈静\", \"sun\"], "
    "\"window\": [\"2024-04-11\", \"2024-04-20\"], \"times\": 1, "
    "\"every\": \"3 days\", \"weekday\": [\"tue\", \"thu\"], \"days\": 1, "
    "\"date\": null, \"note\": \"第一行\\n第二行\", \"after\": [], \"gap\": 0, \"shared\": false, "
    "\"publicity-days\": null},\n"
    "    {\"id\": \"p1.3\", \"title\": \"现场教研\", \"kind\": \"research\", "
    "\"at\": \"org\", \"site\": \"hexi\", "
    "\"partners\": [\"hexi\", \"柳林村幼儿园\"], \"owners\": [\"wu\"], "
    "\"people\": [], \"window\": [\"2024-05-08\", \"2024-05-08\"], "
    "\"times\": 1, \"every\": null, \"weekday\": " WEEK ", \"days\": 1, "
    "\"date\": \"2024-05-08\", \"note\": null, \"after\": [], \"gap\": 0, \"shared\": false, "
    "\"publicity-days\": null},\n"
    "    {\"id\": \"p1.4\", \"title\": \"答疑\", \"kind\": \"meeting\", "
    "\"at\": \"online\", \"site\": null, "
    "\"partners\": [\"hexi\", \"柳林村幼儿园\"], \"owners\": [], "
    "\"people\": [], \"window\": [\"2024-05-01\", \"2024-06-30\"], "
    "\"times\": 1, \"every\": \"2 weeks\", \"weekday\": " WEEK ", "
    "\"days\": 2, \"date\": null, \"note\": null, \"after\": [], \"gap\": 0, \"shared\": false, "
    "\"publicity-days\": null}]}],\n"
    ;

/* The rest of it (one literal would be longer than C17 promises). */
static const char PLAN_JSON2[] =
    "  \"mentorships\": [\n"
    "   {\"id\": \"m1\", \"mentor\": \"陈静\", \"apprentice\": \"wu\", "
    "\"period\": [\"2024-03-01\", \"2024-12-31\"], "
    "\"meet\": {\"at\": \"partner\", \"site\": \"hexi\", "
    "\"window\": [\"2024-03-01\", \"2024-12-31\"], \"times\": 1, "
    "\"every\": \"month\", \"weekday\": " WEEK ", \"days\": 1}},\n"
    "   {\"id\": \"m2\", \"mentor\": \"liu\", \"apprentice\": \"sun\", "
    "\"period\": [\"2024-09-01\", \"2024-09-30\"], \"meet\": null}],\n"
    "  \"targets\": [\n"
    "   {\"name\": \"优课率\", \"compare\": \"at-least\", \"value\": 30, "
    "\"percent\": true, \"partners\": [\"hexi\", \"柳林村幼儿园\"], "
    "\"by\": null, \"at-most\": null, \"unit\": null, \"approx\": false, "
    "\"baseline\": null, \"by-year\": {}, \"total\": null, "
    "\"cumulative\": false, \"per\": null},\n"
    "   {\"name\": \"班级数\", \"compare\": \"at-most\", \"value\": 2.5, "
    "\"percent\": false, \"partners\": [\"hexi\"], "
    "\"by\": [\"2024-12-01\", \"2024-12-31\"], \"at-most\": null, \"unit\": null, \"approx\": false, "
    "\"baseline\": null, \"by-year\": {}, \"total\": null, "
    "\"cumulative\": false, \"per\": null}],\n"
    "  \"quotas\": [\n"
    "   {\"people\": [\"liu\", \"陈静\"], \"group\": \"leadership\", "
    "\"visits\": 2, \"per\": \"semester\", \"days\": null}],\n"
    "  \"sections\": [],\n"
    "  \"pairings\": [],\n"
    "  \"aid\": null,\n"
    "  \"calendar\": {\"workdays\": [\"mon\", \"tue\", \"wed\", \"thu\", "
    "\"fri\", \"sat\"], \"holidays\": \"none\", "
    "\"closed\": [[\"2024-07-01\", \"2024-08-31\"]], "
    "\"open\": [\"2024-06-02\", \"2024-06-09\"], \"visits-per-day\": 2}},\n"
    " \"schedule\": ";

/* One plan loaded, checked and scheduled. */
struct fixture {
	struct plandoc		 pd;
	const struct plan	*plans[1];
	struct schedule		 s;
	struct arena		 a;
};

static bool
load(struct fixture *f, const char *name, const char *buf, size_t len)
{
	if (buf != NULL)
		plandoc_init_buffer(&f->pd, name, buf, len, NULL);
	else if (!plandoc_init(&f->pd, name, NULL))
		return false;
	if (f->pd.plan == NULL || diags_has_errors(&f->pd.diags, false)) {
		diags_print_text(&f->pd.diags,
		    &(struct diag_out){ stderr, false, false });
		plandoc_release(&f->pd);
		return false;
	}
	f->plans[0] = f->pd.plan;
	arena_init(&f->a);
	sched_run(&f->s, f->plans, 1, &f->a);
	return true;
}

static void
unload(struct fixture *f)
{
	arena_release(&f->a);
	plandoc_release(&f->pd);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (f == NULL || !load(f, "t.yaml", PLAN, sizeof(PLAN) - 1)) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	unload(f);
	free(f);
	return 0;
}

/* What export writes, NUL-terminated, to free. */
static char *
export_json(const struct fixture *f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_true(render_json.export(fp, f->pd.plan, &f->s, "zh"));
	assert_int_equal(fclose(fp), 0);
	if (getenv("TEST_RENDER_DUMP") != NULL)
		fprintf(stderr, "---- export json\n%s----\n", buf);
	return buf;
}

static char *
schedule_json(const struct fixture *f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_true(render_json.schedule(fp, &f->s, NULL));
	assert_int_equal(fclose(fp), 0);
	return buf;
}

/* Drops every newline and the spaces after it, in place. */
static void
unindent(char *s)
{
	char *o = s;

	while (*s != '\0') {
		if (*s == '\n') {
			while (*++s == ' ')
				;
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
}

/* ---- a JSON checker (RFC 8259), enough to say the output parses -------- */

struct jp {
	const char	*p;
	int		 depth;
};

static bool jvalue(struct jp *);

static void
jws(struct jp *j)
{
	while (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' ||
	    *j->p == '\r')
		j->p++;
}

static bool
jstring(struct jp *j)
{
	int i;

	if (*j->p++ != '"')
		return false;
	for (;;) {
		unsigned char c = (unsigned char)*j->p++;

		if (c == '"')
			return true;
		if (c < 0x20)
			return false;
		if (c != '\\')
			continue;
		c = (unsigned char)*j->p++;
		if (c == 'u') {
			for (i = 0; i < 4; i++, j->p++)
				if (strchr("0123456789abcdefABCDEF", *j->p) ==
				    NULL || *j->p == '\0')
					return false;
		} else if (c == '\0' || strchr("\"\\/bfnrt", c) == NULL)
			return false;
	}
}

static bool
jdigits(struct jp *j)
{
	const char *s = j->p;

	while (*j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > s;
}

static bool
jnumber(struct jp *j)
{
	if (*j->p == '-')
		j->p++;
	if (*j->p == '0')
		j->p++;
	else if (!jdigits(j))
		return false;
	if (*j->p == '.') {
		j->p++;
		if (!jdigits(j))
			return false;
	}
	if (*j->p == 'e' || *j->p == 'E') {
		j->p++;
		if (*j->p == '+' || *j->p == '-')
			j->p++;
		if (!jdigits(j))
			return false;
	}
	return true;
}

/* An object (close '}') or an array (close ']'), after its opener. */
static bool
jcontainer(struct jp *j, char close)
{
	if (++j->depth > 64)
		return false;
	jws(j);
	if (*j->p == close) {
		j->p++;
		j->depth--;
		return true;
	}
	for (;;) {
		jws(j);
		if (close == '}') {
			if (!jstring(j))
				return false;
			jws(j);
			if (*j->p++ != ':')
				return false;
		}
		if (!jvalue(j))
			return false;
		jws(j);
		if (*j->p == ',') {
			j->p++;
			continue;
		}
		if (*j->p++ != close)
			return false;
		j->depth--;
		return true;
	}
}

static bool
jvalue(struct jp *j)
{
	jws(j);
	switch (*j->p) {
	case '{':
		j->p++;
		return jcontainer(j, '}');
	case '[':
		j->p++;
		return jcontainer(j, ']');
	case '"':
		return jstring(j);
	case 't':
		return strncmp(j->p, "true", 4) == 0 && (j->p += 4);
	case 'f':
		return strncmp(j->p, "false", 5) == 0 && (j->p += 5);
	case 'n':
		return strncmp(j->p, "null", 4) == 0 && (j->p += 4);
	default:
		return jnumber(j);
	}
}

/* One JSON value and nothing but white space after it. */
static bool
json_valid(const char *s)
{
	struct jp j = { s, 0 };

	if (!jvalue(&j))
		return false;
	jws(&j);
	return *j.p == '\0';
}

/* ---- the tests ---------------------------------------------------------- */

static void
test_renderer(void **state)
{
	(void)state;
	assert_ptr_equal(render_find("json"), &render_json);
	assert_non_null(render_json.schedule);
	assert_non_null(render_json.export);
}

static void
test_checker(void **state)
{
	(void)state;
	assert_true(json_valid("{\"a\": [1, -2.5e3, true, null, \"\\u00e9\"]}"));
	assert_true(json_valid("[]\n"));
	assert_false(json_valid("{\"a\": [1, 2}"));
	assert_false(json_valid("{\"a\": 1,}"));
	assert_false(json_valid("{\"a\": \"x\ny\"}"));
	assert_false(json_valid("{} {}"));
	assert_false(json_valid("{\"a\": 01}"));
}

/* Every default filled in and every reference an id, byte for byte. */
static void
test_plan(void **state)
{
	struct fixture *f = *state;
	char *got = export_json(f), *want;
	size_t n = strlen(PLAN_JSON) + strlen(PLAN_JSON2);

	want = malloc(n + 1);
	assert_non_null(want);
	memcpy(want, PLAN_JSON, strlen(PLAN_JSON));
	memcpy(want + strlen(PLAN_JSON), PLAN_JSON2, strlen(PLAN_JSON2) + 1);
	assert_true(strlen(got) > n);
	if (strncmp(got, want, n) != 0) {
		size_t i = 0;

		while (got[i] == want[i])
			i++;
		fprintf(stderr, "differs at byte %zu:\n got: %.80s\nwant: "
		    "%.80s\n", i, got + i, want + i);
		fail();
	}
	free(want);
	free(got);
}

/* The schedule member is what `schedule --format json` prints. */
static void
test_schedule_shared(void **state)
{
	struct fixture *f = *state;
	char *got = export_json(f), *sched = schedule_json(f);
	char *tail = got + strlen(PLAN_JSON) + strlen(PLAN_JSON2);
	size_t n;

	assert_true(f->s.nevents > 0);
	assert_int_equal(strncmp(got, PLAN_JSON, strlen(PLAN_JSON)), 0);
	assert_int_equal(strncmp(got + strlen(PLAN_JSON), PLAN_JSON2,
	    strlen(PLAN_JSON2)), 0);
	n = strlen(tail);
	assert_true(n >= 2);
	assert_string_equal(tail + n - 2, "}\n");
	tail[n - 2] = '\0';	/* the closing brace of the whole object */
	unindent(tail);
	unindent(sched);
	assert_string_equal(tail, sched);
	free(got);
	free(sched);
}

static void
test_valid_json(void **state)
{
	struct fixture *f = *state;
	char *got = export_json(f);

	assert_true(json_valid(got));
	assert_non_null(strstr(got, "\"note\": \"第一行\\n第二行\""));
	assert_non_null(strstr(got, "\"title\": \"测试 \\\"计划\\\"\""));
	free(got);
}

/* Every bundled plan: valid JSON, the same bytes twice, both members. */
static void
test_bundled_plans(void **state)
{
	glob_t g;
	size_t i;

	(void)state;
	assert_int_equal(glob("plans/*.yaml", 0, NULL, &g), 0);
	assert_true(g.gl_pathc > 0);
	for (i = 0; i < g.gl_pathc; i++) {
		struct fixture f, f2;
		char *a, *b;

		memset(&f, 0, sizeof(f));
		memset(&f2, 0, sizeof(f2));
		if (strstr(g.gl_pathv[i], ".records.yaml") != NULL)
			continue;	/* a plan's records, not a plan */
		assert_true(load(&f, g.gl_pathv[i], NULL, 0));
		assert_true(load(&f2, g.gl_pathv[i], NULL, 0));
		a = export_json(&f);
		b = export_json(&f2);
		if (!json_valid(a))
			fail_msg("%s: export is not valid JSON", g.gl_pathv[i]);
		assert_string_equal(a, b);
		assert_int_equal(strncmp(a, "{\"plan\": {\"file\": ", 18), 0);
		assert_non_null(strstr(a, "\n \"schedule\": {\"events\": ["));
		assert_non_null(strstr(a, "\"calendar\": {\"workdays\": "));
		free(a);
		free(b);
		unload(&f);
		unload(&f2);
	}
	globfree(&g);
}

/* Every key of §10 of the contract, as the normalised plan carries it. */
static const char PLAN10[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 包村包户方案\n"
    "  kind: responsibility\n"
    "  issuer: 县教育局\n"
    "  host: {id: xian, name: 某县}\n"
    "  period: 2024-01..2024-12\n"
    "  preamble: 为了帮扶，制定本方案。\n"
    "  closing: 各单位遵照执行。\n"
    "  confirm: [村负责人, 户主]\n"
    "  pairings-per-person: 2\n"
    "partners:\n"
    "  - {id: cun, name: 东村, type: village}\n"
    "  - {id: hu, name: 张家, type: household, village: cun, head: 张三}\n"
    "people:\n"
    "  - {id: li, name: 李局长}\n"
    "leadership: {leader: li}\n"
    "pairings:\n"
    "  - {person: li, partner: cun, role: 挂点, visits: 2}\n"
    "  - {person: li, partner: hu, role: 包户, days: 10, per: semester}\n"
    "sections:\n"
    "  - {title: 原则, items: [精准], place: before-goals}\n"
    "  - title: 措施\n"
    "    text: 落实\n"
    "    sections: [{title: 宣传, text: 广泛宣传}]\n"
    "aid:\n"
    "  budget: 30000\n"
    "  publicity-days: 7\n"
    "  standards:\n"
    "    - {category: 低保, amount: 1000, per: semester, children: 10,\n"
    "       proofs: [低保证]}\n"
    "    - {category: 其他, amount: 500, amount-at-least: true}\n"
    "phases:\n"
    "  - id: p1\n"
    "    period: 2024-01..2024-12\n"
    "    activities:\n"
    "      - {id: sq, title: 申请, kind: application, when: 2024-03}\n"
    "      - {id: gs, title: 公示, kind: publicity, after: sq, gap: 2,\n"
    "         days: 7, when: 2024-03..2024-04}\n"
    "      - {id: zc, title: 驻村, kind: residency, at: cun, site: shared,\n"
    "         every: year, days: 20}\n"
    "targets:\n"
    "  - {name: 新建园, unit: 所, by-year: {2024: 3}, total: 3,\n"
    "     approx: true, cumulative: true, baseline: 1}\n"
    "  - {name: 产业, unit: 项, at-least: 1, at-most: 2, per: year}\n"
    "quotas:\n"
    "  - {people: [li], visits: 2, days: 5, per: year}\n";

static void
expect_in(const char *text, const char *want)
{
	if (strstr(text, want) == NULL)
		fail_msg("missing: %s", want);
}

static void
test_section10(void **state)
{
	struct fixture f;
	char *got;

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_true(load(&f, "t10.yaml", PLAN10, sizeof(PLAN10) - 1));
	got = export_json(&f);
	assert_true(json_valid(got));
	expect_in(got, "\"kind\": \"responsibility\", \"author\": \"host\", "
	    "\"writer\": null, \"issuer\": \"县教育局\"");
	expect_in(got, "\"preamble\": \"为了帮扶，制定本方案。\"");
	expect_in(got, "\"closing\": \"各单位遵照执行。\"");
	expect_in(got, "\"confirm\": [\"村负责人\", \"户主\"], "
	    "\"pairings-per-person\": 2");
	expect_in(got, "\"type\": \"village\", \"village\": null, "
	    "\"head\": null}");
	expect_in(got, "\"type\": \"household\", \"village\": \"cun\", "
	    "\"head\": \"张三\"}");
	expect_in(got, "{\"id\": \"v1\", \"person\": \"li\", "
	    "\"partner\": \"cun\", \"role\": \"挂点\", \"visits\": 2, "
	    "\"per\": \"year\", \"days\": null, "
	    "\"window\": [\"2024-01-01\", \"2024-12-31\"]}");
	expect_in(got, "{\"id\": \"v2\", \"person\": \"li\", "
	    "\"partner\": \"hu\", \"role\": \"包户\", \"visits\": null, "
	    "\"per\": \"semester\", \"days\": 10, ");
	expect_in(got, "{\"title\": \"原则\", \"text\": null, "
	    "\"items\": [\"精准\"], \"place\": \"before-goals\", "
	    "\"sections\": []}");
	expect_in(got, "{\"title\": \"措施\", \"text\": \"落实\", "
	    "\"items\": [], \"place\": \"after-phases\", \"sections\": [\n"
	    "    {\"title\": \"宣传\", \"text\": \"广泛宣传\", "
	    "\"items\": []}]}");
	expect_in(got, "{\"category\": \"低保\", \"amount\": 1000, "
	    "\"amount-at-least\": false, \"per\": \"semester\", "
	    "\"children\": 10, \"proofs\": [\"低保证\"], "
	    "\"total-a-year\": 20000}");
	expect_in(got, "{\"category\": \"其他\", \"amount\": 500, "
	    "\"amount-at-least\": true, \"per\": \"year\", "
	    "\"children\": null, \"proofs\": [], \"total-a-year\": null}");
	expect_in(got, "\"budget\": 30000, \"publicity-days\": 7}");
	expect_in(got, "\"after\": [], \"gap\": 0, \"shared\": false, "
	    "\"publicity-days\": null}");
	expect_in(got, "\"after\": [\"sq\"], \"gap\": 2, "
	    "\"shared\": false, \"publicity-days\": 7}");
	expect_in(got, "\"at\": \"org\", \"site\": \"cun\"");
	expect_in(got, "\"every\": \"year\"");
	expect_in(got, "\"shared\": true, \"publicity-days\": null}");
	expect_in(got, "\"value\": null, \"percent\": false");
	expect_in(got, "\"unit\": \"所\", \"approx\": true, "
	    "\"baseline\": 1, \"by-year\": {\"2024\": 3}, \"total\": 3, "
	    "\"cumulative\": true, \"per\": null}");
	expect_in(got, "\"compare\": \"at-least\", \"value\": 1, ");
	expect_in(got, "\"at-most\": 2, \"unit\": \"项\"");
	expect_in(got, "\"visits\": 2, \"per\": \"year\", \"days\": 5}");
	free(got);
	unload(&f);
}

/* A plan the helped kindergarten writes: its writer, the only partner. */
static void
test_writer(void **state)
{
	static const char plan[] =
	    "pairplan: 1\n"
	    "plan:\n"
	    "  title: 学习计划\n"
	    "  author: partner\n"
	    "  host: {id: shi, name: 市幼儿园}\n"
	    "  period: 2024-03..2024-06\n"
	    "partners: [{id: wo, name: 启明幼儿园}]\n"
	    "people: [{id: li, name: 李园长, org: wo}]\n"
	    "leadership: {leader: li}\n"
	    "phases:\n"
	    "  - period: 2024-03..2024-06\n"
	    "    activities:\n"
	    "      - {title: 参观学习, kind: study-visit, at: 结对园}\n"
	    "      - {title: 教研, kind: research, at: 本园}\n";
	struct fixture f;
	char *got;

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_true(load(&f, "w.yaml", plan, sizeof(plan) - 1));
	got = export_json(&f);
	assert_true(json_valid(got));
	expect_in(got, "\"author\": \"partner\", \"writer\": \"wo\"");
	expect_in(got, "\"title\": \"参观学习\", \"kind\": \"study-visit\", "
	    "\"at\": \"host\", \"site\": \"shi\"");
	expect_in(got, "\"title\": \"教研\", \"kind\": \"research\", "
	    "\"at\": \"org\", \"site\": \"wo\"");
	free(got);
	unload(&f);
}

/* A full disk: export says it failed. */
static void
test_write_error(void **state)
{
	struct fixture *f = *state;
	FILE *fp = fopen("/dev/full", "w");

	if (fp == NULL)
		skip();
	assert_false(render_json.export(fp, f->pd.plan, &f->s, "en"));
	fclose(fp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_renderer),
		cmocka_unit_test(test_checker),
		cmocka_unit_test_setup_teardown(test_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schedule_shared, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_valid_json, setup,
		    teardown),
		cmocka_unit_test(test_bundled_plans),
		cmocka_unit_test(test_section10),
		cmocka_unit_test(test_writer),
		cmocka_unit_test_setup_teardown(test_write_error, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
