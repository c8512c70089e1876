/* test_render_doc.c - the exported document by kind and author (§10): openings, sections in place, aid, pairings, yearly targets, quotas, amounts. */
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
#include "l10n.h"
#include "plan.h"
#include "plandoc.h"
#include "render.h"
#include "sbuf.h"
#include "sched.h"
#include "testutil.h"

#define D(y, m, d)	date_from_civil((y), (m), (d))

/* ---- helpers ------------------------------------------------------- */

static void
expect_amount(double v, const char *unit, bool en, const char *want)
{
	struct sbuf b = { 0 };

	l10n_amount(&b, v, unit, en);
	assert_string_equal(b.p, want);
	sbuf_free(&b);
}

/* ---- amounts ------------------------------------------------------- */

static void
test_amounts(void **state)
{
	(void)state;
	expect_amount(945, "所", false, "945所");
	expect_amount(9999, "元", false, "9999元");
	expect_amount(10000, "元", false, "1万元");
	expect_amount(12000, "人次", false, "1.2万人次");
	expect_amount(43288, "人次", false, "43288人次");
	expect_amount(45500, "元", false, "4.55万元");
	expect_amount(3000000, "元", false, "300万元");
	expect_amount(10000000, "元", false, "1000万元");
	expect_amount(1000000, "人次", false, "100万人次");
	expect_amount(120000000, "元", false, "1.2亿元");
	expect_amount(180000000, "元", false, "1.8亿元");
	expect_amount(123456789, "元", false, "123456789元");
	expect_amount(123450000, "元", false, "12345万元");
	expect_amount(0.5, NULL, false, "0.5");
	expect_amount(30, "%", false, "30%");
	expect_amount(16, "", false, "16");
	expect_amount(945, "所", true, "945 所");
	expect_amount(1000, "元", true, "1,000 yuan");
	expect_amount(43288, "人次", true, "43,288 人次");
	expect_amount(10000000, "元", true, "10 million yuan");
	expect_amount(1200000000, "元", true, "1.2 billion yuan");
	expect_amount(30, "%", true, "30%");
	expect_amount(2.5, NULL, true, "2.5");
	/* too big to write scaled in full, and halves, which are no scale */
	expect_amount(1e70, "元", false, "1e+70元");
	expect_amount(1e70, "元", true, "1e+70 yuan");
	expect_amount(1e20, "元", false, "1000000000000亿元");
	expect_amount(12345.5, "元", false, "12345.5元");
	expect_amount(45505000, "元", false, "4550.5万元");
	expect_amount(-45500, "元", false, "-45500元");
}

/* ---- a plan the helped kindergarten writes ------------------------- */

static const char LEARN[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 学习计划\n"
    "  author: partner\n"
    "  host: {id: shi, name: 市机关幼儿园, level: 市级示范幼儿园}\n"
    "  period: 2025-03..2025-06\n"
    "  preamble: 为提高保教质量，特制定本计划。\n"
    "  closing: 我们一定把学习落到实处。\n"
    "partners: [{id: wo, name: 启明幼儿园, kind: 民办园}]\n"
    "people:\n"
    "  - {id: zhao, name: 赵园长, org: wo, role: 园长}\n"
    "  - {id: cheng, name: 程老师, role: 业务园长}\n"
    "leadership: {leader: zhao, members: [cheng]}\n"
    "phases:\n"
    "  - period: 2025-03..2025-06\n"
    "    activities:\n"
    "      - {title: 参观学习, kind: study-visit, at: 结对园, owner: zhao}\n"
    "      - {title: 来园指导, kind: demo-lesson, at: 本园, owner: cheng}\n"
    "quotas:\n"
    "  - {people: [cheng], visits: 2, per: semester}\n";

static void
test_partner_writes(void **state)
{
	char *md = tu_export("md", LEARN, "zh"), *en = tu_export("md", LEARN, "en");

	(void)state;
	tu_expect_has(md, "受援园（我园）：启明幼儿园\\\n"
	    "向帮扶园学习：市机关幼儿园（市级示范幼儿园）\\\n"
	    "结对时间：2025年3月—6月\n");
	tu_expect_lacks(md, "帮扶园：启明幼儿园");
	tu_expect_lacks(md, "帮扶园：市机关");
	/* The opening paragraph after the heading block, the closing last. */
	tu_expect_has(md, "结对时间：2025年3月—6月\n\n为提高保教质量，特制定本计划。\n\n"
	    "## 一、受援园基本情况\n");
	tu_expect_has(md, "| 启明幼儿园（我园） | 民办园 |\n");
	/* The writer's people have no kindergarten before their post, the
	 * host's have. */
	tu_expect_has(md, "| 组长 | 赵园长 | 园长 |\n");
	tu_expect_has(md, "| 成员 | 程老师 | 市机关幼儿园业务园长 |\n");
	tu_expect_has(md, "   - 地点：市机关幼儿园\n");
	tu_expect_has(md, "   - 地点：启明幼儿园\n");
	tu_expect_has(md, "1. 程老师每学期到我园不少于2次\n\n我们一定把学习落到实处。\n");
	tu_expect_has(en, "Our kindergarten (being helped): 启明幼儿园\\\n"
	    "Learning from the helping kindergarten: 市机关幼儿园 (市级示范幼儿园)\\\n"
	    "Period: March–June 2025\n");
	tu_expect_has(en, "| 启明幼儿园 (us) | 民办园 |\n");
	tu_expect_has(en, "1. 程老师: at least 2 visits to our kindergarten a semester\n");
	free(md);
	free(en);
}

/* The table of a plan a partner writes is left out when it holds names only. */
static void
test_partner_writes_no_table(void **state)
{
	static const char plan[] =
	    "pairplan: 1\n"
	    "plan: {title: 学, author: partner, host: 大名县第三幼儿园,"
	    " period: 2016-05}\n"
	    "partners: [{name: 本园}]\n"
	    "phases:\n"
	    "  - period: 2016-05\n"
	    "    activities: [{title: 参观学习, at: 结对园}]\n";
	char *md = tu_export("md", plan, "zh");

	(void)state;
	tu_expect_has(md, "受援园（我园）：本园\\\n");
	tu_expect_lacks(md, "受援园基本情况");
	tu_expect_lacks(md, "| ---");
	free(md);
}

/* ---- sections in place, numbered with the rest ---------------------- */

static const char SECTIONS[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 计划\n"
    "  host: {id: h, name: 城关园}\n"
    "  period: 2024-03..2024-06\n"
    "  guiding: 指导\n"
    "  goals: [目标一]\n"
    "partners: [{id: a, name: 甲园}]\n"
    "people: [{id: li, name: 李}]\n"
    "leadership: {leader: li}\n"
    "sections:\n"
    "  - {title: 工作措施, items: [措施一, 措施二]}\n"
    "  - {title: 基本原则, text: 原则的话, place: before-goals}\n"
    "  - title: 工作内容\n"
    "    place: before-phases\n"
    "    text: 内容的话\n"
    "    items: [内容一]\n"
    "    sections:\n"
    "      - {title: 子一, text: 子一的话}\n"
    "      - {title: 子二, items: [甲, 乙]}\n"
    "  - {title: 空节}\n"
    "phases:\n"
    "  - period: 2024-03..2024-06\n"
    "    activities: [{title: 送教, at: partner, owner: li}]\n"
    "targets: [{name: 优课率, at-least: 30%}]\n";

static void
test_sections(void **state)
{
	char *md = tu_export("md", SECTIONS, "zh"), *en;

	(void)state;
	tu_expect_has(md, "## 一、指导思想\n");
	tu_expect_has(md, "## 二、结对对象\n");
	tu_expect_has(md, "## 三、领导小组\n");
	tu_expect_has(md, "## 四、基本原则\n\n原则的话\n\n## 五、工作目标\n");
	tu_expect_has(md, "## 六、工作内容\n\n内容的话\n\n1. 内容一\n\n"
	    "### （一）子一\n\n子一的话\n\n### （二）子二\n\n1. 甲\n2. 乙\n\n"
	    "## 七、实施步骤\n");
	tu_expect_has(md, "## 八、工作措施\n\n1. 措施一\n2. 措施二\n\n## 九、空节\n\n"
	    "## 十、效果检测\n");
	en = tu_export("md", SECTIONS, "en");
	tu_expect_has(en, "## 6. 工作内容\n\n内容的话\n\n1. 内容一\n\n"
	    "### 6.1 子一\n");
	tu_expect_has(en, "### 6.2 子二\n");
	tu_expect_has(en, "## 10. Targets\n");
	free(md);
	free(en);
}

/* A plan without phases has no 实施步骤; its sections close up. */
static void
test_no_phases(void **state)
{
	static const char plan[] =
	    "pairplan: 1\n"
	    "plan: {title: 无日期, host: 城关园, period: 2024}\n"
	    "partners: [{id: a, name: 甲园}]\n"
	    "people: [{id: li, name: 李}]\n"
	    "leadership: {leader: li}\n"
	    "sections:\n"
	    "  - {title: 工作内容, place: before-phases, items: [培训]}\n"
	    "  - {title: 工作形式, items: [交流]}\n";
	char *md = tu_export("md", plan, "zh");

	(void)state;
	tu_expect_lacks(md, "实施步骤");
	tu_expect_has(md, "帮扶时间：2024年\n");
	tu_expect_has(md, "## 三、工作内容\n\n1. 培训\n\n## 四、工作形式\n\n1. 交流\n");
	free(md);
}

/* ---- aid ----------------------------------------------------------- */

static const char AID[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 资助计划\n"
    "  kind: aid\n"
    "  issuer: 县教育局\n"
    "  host: {id: cg, name: 城关园}\n"
    "  period: 2025-09..2025-12\n"
    "people: [{id: wang, name: 王园长}]\n"
    "aid:\n"
    "  budget: 60000\n"
    "  standards:\n"
    "    - {category: 建档立卡, amount: 1000, children: 20, proofs: [证明]}\n"
    "    - {category: 低保, amount: 750, per: semester, children: 12}\n"
    "    - {category: 孤儿, amount: 1500, amount-at-least: true, children: 5,"
    " proofs: [福利证, 残疾证]}\n"
    "    - {category: 其他, amount: 1000}\n"
    "phases:\n"
    "  - id: p1\n"
    "    period: 2025-09..2025-12\n"
    "    activities:\n"
    "      - {id: sq, title: 提交申请, kind: application, after: xc}\n"
    "      - {id: xc, title: 宣传政策, kind: 宣传}\n"
    "      - {id: sh, title: 审核材料, kind: review, after: sq, gap: 2}\n"
    "      - {id: gs, title: 公示名单, kind: publicity, after: sh, days: 5}\n"
    "      - {id: zh, title: 收集账号, after: gs}\n"
    "      - {id: ff, title: 发放, kind: payment, after: [zh, gs]}\n"
    "      - {title: 不在程序里, kind: meeting}\n";

static void
test_aid(void **state)
{
	char *md = tu_export("md", AID, "zh"), *en = tu_export("md", AID, "en");

	(void)state;
	tu_expect_has(md, "发文单位：县教育局\\\n实施单位：城关园\\\n"
	    "实施时间：2025年9月—12月\n");
	tu_expect_lacks(md, "结对园");
	tu_expect_has(md, "## 一、资助对象与标准\n\n"
	    "| 资助对象 | 资助标准 | 受助人数 | 每年金额 | 证明材料 |\n"
	    "| --- | --- | ---: | ---: | --- |\n"
	    "| 建档立卡 | 1000元/年 | 20 | 2万元 | 证明 |\n"
	    "| 低保 | 750元/学期 | 12 | 1.8万元 |  |\n"
	    "| 孤儿 | 不低于1500元/年 | 5 | 7500元 | 福利证、残疾证 |\n"
	    "| 其他 | 1000元/年 |  |  |  |\n"
	    "| 合计 |  | 37 | 4.55万元 |  |\n\n"
	    "资助预算：6万元\n");
	/* The procedure in `after` order, the publicity with its minimum. */
	tu_expect_has(md, "## 二、工作程序\n\n宣传 → 申请 → 审核 → "
	    "公示（不少于5个工作日） → 收集账号 → 发放\n");
	tu_expect_has(md, "1. 宣传政策\n");
	tu_expect_has(md, "2. 提交申请\n   - 时间：2025年9月—12月\n"
	    "   - 顺序：在“宣传政策”之后\n");
	tu_expect_has(md, "   - 顺序：在“提交申请”之后，间隔不少于2个工作日\n");
	tu_expect_has(md, "   - 顺序：在“审核材料”之后\n   - 公示期：不少于5个工作日\n");
	tu_expect_has(md, "   - 顺序：在“收集账号”、“公示名单”之后\n");
	tu_expect_order(md, "1. 宣传政策", "2. 提交申请");
	tu_expect_order(md, "6. 发放", "7. 不在程序里");
	tu_expect_has(en, "Issued by: 县教育局\\\nCarried out by: 城关园\\\n");
	tu_expect_has(en, "| 建档立卡 | 1,000 yuan a year | 20 | 20,000 yuan | 证明 |\n");
	tu_expect_has(en, "| 孤儿 | at least 1,500 yuan a year | 5 | 7,500 yuan |");
	tu_expect_has(en, "| Total |  | 37 | 45,500 yuan |  |\n");
	tu_expect_has(en, "Budget: 60,000 yuan a year\n");
	tu_expect_has(en, "promotion → application → review → publicity (at least "
	    "5 working days) → 收集账号 → payment\n");
	tu_expect_has(en, "   - After: “提交申请”, at least 2 working days later\n");
	free(md);
	free(en);
}

/* Without children there are no totals; a section of the same title holds
 * the table; a publicity without a minimum says none. */
static void
test_aid_absorbed(void **state)
{
	static const char plan[] =
	    "pairplan: 1\n"
	    "plan: {title: 资助, kind: aid, host: 城关园, period: 2025-09}\n"
	    "aid:\n"
	    "  standards: [{category: 低保, amount: 1000}]\n"
	    "sections:\n"
	    "  - {title: 资助对象和标准, text: 共一类, place: before-phases}\n"
	    "phases:\n"
	    "  - period: 2025-09\n"
	    "    activities:\n"
	    "      - {title: 公示, kind: publicity, publicity-days: 0}\n";
	char *md = tu_export("md", plan, "zh");

	(void)state;
	tu_expect_has(md, "## 一、资助对象和标准\n\n共一类\n\n"
	    "| 资助对象 | 资助标准 |\n| --- | --- |\n| 低保 | 1000元/年 |\n\n"
	    "## 二、工作程序\n");
	tu_expect_lacks(md, "资助对象与标准");
	tu_expect_lacks(md, "合计");
	tu_expect_lacks(md, "公示期");
	free(md);
}

/* ---- responsibility ------------------------------------------------ */

static const char VILLAGES[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 挂点包户方案\n"
    "  kind: responsibility\n"
    "  host: {id: jyj, name: 县教育局}\n"
    "  period: 2025-01..2025-12\n"
    "partners:\n"
    "  - {id: dong, name: 东村, type: village, kind: 贫困村}\n"
    "  - {id: zhang, name: 张家, type: household, village: dong,"
    " head: 张大山}\n"
    "people:\n"
    "  - {id: liu, name: 刘局长}\n"
    "  - {id: wang, name: 王队员}\n"
    "leadership: {leader: liu}\n"
    "pairings:\n"
    "  - {person: liu, partner: dong, role: 领导挂点, visits: 3}\n"
    "  - {person: liu, partner: zhang, role: 结对帮扶, visits: 2,"
    " per: semester}\n"
    "  - {person: wang, partner: dong, role: 驻村, days: 60}\n"
    "phases:\n"
    "  - period: 2025-01..2025-12\n"
    "    activities:\n"
    "      - {title: 宣讲, kind: promotion, at: partner, when: 2025-03,"
    " owner: liu}\n"
    "      - {title: 驻村帮扶, kind: residency, at: dong, site: shared,"
    " when: 2025-04..2025-09, days: 60, owner: wang}\n"
    "targets:\n"
    "  - {name: 人均纯收入, unit: 元, at-least: 5000, partners: [dong]}\n"
    "  - {name: 特色产业, unit: 项, at-least: 1, at-most: 2}\n"
    "quotas:\n"
    "  - {people: leadership.leader, visits: 3, per: year}\n"
    "  - {people: [wang], days: 60, per: year}\n"
    "  - {people: [liu], visits: 1, days: 2, per: month}\n";

static void
test_responsibility(void **state)
{
	char *md = tu_export("md", VILLAGES, "zh"), *en;

	(void)state;
	tu_expect_has(md, "实施单位：县教育局\\\n帮扶对象：东村、张家\\\n"
	    "实施时间：2025年\n");
	tu_expect_has(md, "## 一、帮扶对象\n\n| 名称 | 类型 | 类别 | 所在村 | 户主 |\n"
	    "| --- | --- | --- | --- | --- |\n| 东村 | 村 | 贫困村 |  |  |\n"
	    "| 张家 | 户 |  | 东村 | 张大山 |\n");
	tu_expect_has(md, "## 三、挂点包村包户安排\n\n"
	    "| 责任人 | 帮扶方式 | 帮扶对象 | 类型 | 户主 | 要求 |\n"
	    "| --- | --- | --- | --- | --- | --- |\n"
	    "| 刘局长 | 领导挂点 | 东村 | 村 |  | 每年不少于3次 |\n"
	    "| 刘局长 | 结对帮扶 | 张家 | 户 | 张大山 | 每学期不少于2次 |\n"
	    "| 王队员 | 驻村 | 东村 | 村 |  | 每年累计不少于60个工作日 |\n");
	tu_expect_has(md, "   - 地点：各帮扶对象\n");
	tu_expect_has(md, "## 五、目标任务\n\n1. 人均纯收入 ≥ 5000元（东村）\n"
	    "2. 特色产业 1-2项（全部帮扶对象）\n");
	tu_expect_has(md, "## 六、保障措施\n\n1. 组长（刘局长）每年到村到户不少于3次\n"
	    "2. 王队员每年在村到户累计不少于60个工作日\n"
	    "3. 刘局长每月到村到户不少于1次，在村到户累计不少于2个工作日\n");
	en = tu_export("md", VILLAGES, "en");
	tu_expect_has(en, "## 3. Villages and households assigned\n");
	tu_expect_has(en, "| 刘局长 | 结对帮扶 | 张家 | household | 张大山 | at least "
	    "2 visits a semester |\n");
	tu_expect_has(en, "| 王队员 | 驻村 | 东村 | village |  | at least 60 working "
	    "days a year |\n");
	tu_expect_has(en, "2. 特色产业 1–2 项 (all partners)\n");
	tu_expect_has(en, "1. Leader (刘局长): at least 3 visits to villages and "
	    "households a year\n");
	tu_expect_has(en, "3. 刘局长: at least 1 visit to villages and households and "
	    "2 working days in villages and households a month\n");
	free(md);
	free(en);
}

/*
 * A pairing's visits as the scheduler makes them: a series under the
 * pairing's id, neither an activity's nor a mentorship's. The schedule is
 * built by hand, so the document says them whatever the scheduler does.
 */
static void
test_pairing_visits(void **state)
{
	const struct renderer *r = render_find_export("md");
	struct sched_series sr[2];
	struct sched_event ev[3];
	struct sched_unplaced un[1];
	const struct plan *p;
	struct plandoc pd;
	struct schedule s;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	plandoc_init_buffer(&pd, "v.yaml", VILLAGES, strlen(VILLAGES), NULL);
	assert_non_null(pd.plan);
	p = pd.plan;
	memset(&s, 0, sizeof(s));
	memset(sr, 0, sizeof(sr));
	memset(ev, 0, sizeof(ev));
	memset(un, 0, sizeof(un));
	sr[0].id = "v1";
	sr[0].type = sr[1].type = SCHED_PAIR;
	sr[0].src = &p->pairings[0];
	sr[1].src = &p->pairings[1];
	sr[0].site = sr[0].partner = 1;
	sr[0].of = 3;
	sr[1].id = "v2";	/* v2 asks per semester */
	sr[1].site = sr[1].partner = 2;
	sr[1].of = 2;
	ev[0] = (struct sched_event){ &sr[0], D(2025, 3, 3), D(2025, 3, 3), 1,
	    false };
	ev[1] = (struct sched_event){ &sr[0], D(2025, 7, 1), D(2025, 7, 1), 2,
	    false };
	ev[2] = (struct sched_event){ &sr[1], D(2025, 3, 4), D(2025, 3, 4), 1,
	    false };
	un[0] = (struct sched_unplaced){ &sr[0], 3,
	    { D(2025, 9, 1), D(2025, 12, 31) }, "no day" };
	s.plans = &p;
	s.nplans = 1;
	s.series = sr;
	s.nseries = 2;
	s.events = ev;
	s.nevents = 3;
	s.unplaced = un;
	s.nunplaced = 1;
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_true(r->export(fp, p, &s, "zh"));
	assert_int_equal(fclose(fp), 0);
	tu_expect_has(buf, "| 王队员 | 驻村 | 东村 | 村 |  | 每年累计不少于60个工作日 |\n\n"
	    "走访安排：\n\n- 刘局长 → 东村\n  - 安排日期：2025年3月3日、7月1日\n"
	    "  - 尚未排定：1次\n- 刘局长 → 张家\n  - 安排日期：2025年3月4日\n");
	free(buf);
	plandoc_release(&pd);
}

/* Quotas by what the partners are: villages only, households only. */
static void
test_quota_words(void **state)
{
	static const char villages[] =
	    "pairplan: 1\n"
	    "plan: {title: t, kind: responsibility, host: h, period: 2025}\n"
	    "partners: [{id: a, name: 甲村, type: 村}]\n"
	    "people: [{id: li, name: 李}]\n"
	    "leadership: {leader: li}\n"
	    "phases:\n"
	    "  - period: 2025\n"
	    "    activities: [{title: 走访, kind: 走访, at: partner, owner: li}]\n"
	    "pairings: [{person: li, partner: a}]\n"
	    "quotas: [{people: [li], visits: 2, days: 30}]\n";
	char plan[1024], *md;

	(void)state;
	md = tu_export("md", villages, "zh");
	tu_expect_has(md, "1. 李每年到村不少于2次，驻村累计不少于30个工作日\n");
	tu_expect_has(md, "## 三、挂点包村安排\n");
	tu_expect_lacks(md, "结对园");
	free(md);
	snprintf(plan, sizeof(plan), "%s", villages);
	memcpy(strstr(plan, "type: 村"), "type: 户", strlen("type: 户"));
	md = tu_export("md", plan, "zh");
	tu_expect_has(md, "1. 李每年到户不少于2次，在户累计不少于30个工作日\n");
	free(md);
}

/* ---- programme ------------------------------------------------------ */

static const char PROGRAMME[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 行动计划\n"
    "  kind: programme\n"
    "  issuer: 省教育厅\n"
    "  host: {id: sheng, name: 某省}\n"
    "  period: 2016..2020\n"
    "targets:\n"
    "  - {name: 新建园, unit: 所, by-year: {2017: 210, 2016: 223}, total: 433}\n"
    "  - {name: 投入, unit: 元, by-year: {2016: 10000000, 2018: 120000000}}\n"
    "  - {name: 培训, unit: 人次, by-year: {2016: 43288}, approx: true}\n"
    "  - {name: 园长, unit: 人, by-year: {2016: 50, 2017: 120},"
    " cumulative: true, baseline: 10}\n"
    "  - {name: 上限, unit: 个, total: 5, at-most: 5}\n"
    "  - {name: 入学率, equals: 100%}\n"
    "  - {name: 改造, unit: 所, equals: 16, approx: true, per: year}\n"
    "  - {name: 验收县, unit: 个, baseline: 18, at-least: 37, by: 2020}\n";

static void
test_programme(void **state)
{
	char *md = tu_export("md", PROGRAMME, "zh"), *en, *h;

	(void)state;
	tu_expect_has(md, "发文单位：省教育厅\\\n实施单位：某省\\\n"
	    "实施时间：2016年—2020年\n");
	tu_expect_lacks(md, "实施步骤");
	tu_expect_has(md, "## 一、主要指标\n\n"
	    "| 指标 | 基数 | 2016年 | 2017年 | 2018年 | 合计 |\n"
	    "| --- | ---: | ---: | ---: | ---: | ---: |\n"
	    "| 新建园 |  | 223所 | 210所 |  | 433所 |\n"
	    "| 投入 |  | 1000万元 |  | 1.2亿元 |  |\n"
	    "| 培训 |  | 43288人次左右 |  |  |  |\n"
	    "| 园长（逐年累计） | 10人 | 50人 | 120人 |  |  |\n"
	    "| 上限（不超过） |  |  |  |  | 5个 |\n");
	tu_expect_has(md, "1. 入学率 = 100%\n2. 改造 = 16所左右（每年）\n"
	    "3. 验收县 ≥ 37个（基数18个，到2020年）\n");
	en = tu_export("md", PROGRAMME, "en");
	tu_expect_has(en, "| Target | Baseline | 2016 | 2017 | 2018 | Total |\n");
	tu_expect_has(en, "| 投入 |  | 10 million yuan |  | 120 million yuan |  |\n");
	tu_expect_has(en, "| 培训 |  | about 43,288 人次 |  |  |  |\n");
	tu_expect_has(en, "| 园长 (running totals) | 10 人 |");
	tu_expect_has(en, "2. 改造 = about 16 所 (every year)\n");
	tu_expect_lacks(en, "2016年");
	tu_expect_lacks(en, "万");
	h = tu_export("html", PROGRAMME, "zh");
	assert_true(tu_balanced(h));
	tu_expect_has(h, "<td class=\"num\">1.2亿元</td>");
	free(h);
	free(md);
	free(en);
}

/* ---- mentorship ----------------------------------------------------- */

static const char MENTOR[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 带教计划\n"
    "  kind: mentorship\n"
    "  host: {id: sy, name: 实验幼儿园}\n"
    "  period: 2025-09..2025-12\n"
    "  goals: [提高教学水平]\n"
    "people:\n"
    "  - {id: chen, name: 陈老师, role: 师傅}\n"
    "  - {id: lin, name: 林老师, role: 徒弟}\n"
    "sections:\n"
    "  - {title: 跟教要求, place: before-phases, items: [每周观摩]}\n"
    "phases:\n"
    "  - period: 2025-09..2025-12\n"
    "    activities:\n"
    "      - {id: a, title: 讨论设计, kind: mentoring, when: 2025-10,"
    " owner: lin}\n"
    "      - {title: 公开课, kind: demo-lesson, after: a, when: 2025-10..2025-11,"
    " owner: lin}\n"
    "mentorships:\n"
    "  - {mentor: chen, apprentice: lin, meet: {every: month}}\n";

static void
test_mentorship(void **state)
{
	char *md = tu_export("md", MENTOR, "zh"), *en;

	(void)state;
	tu_expect_has(md, "# 带教计划\n\n幼儿园：实验幼儿园\\\n"
	    "带教时间：2025年9月—12月\n\n## 一、师徒结对\n\n"
	    "1. 师傅：陈老师；徒弟：林老师\n");
	tu_expect_has(md, "## 二、工作目标\n");
	tu_expect_has(md, "## 三、跟教要求\n");
	tu_expect_has(md, "## 四、带教安排\n");
	tu_expect_lacks(md, "结对园");
	tu_expect_lacks(md, "帮扶园");
	tu_expect_lacks(md, "| ---");
	en = tu_export("md", MENTOR, "en");
	tu_expect_has(en, "Kindergarten: 实验幼儿园\\\nPeriod: September–December "
	    "2025\n\n## 1. Mentor–apprentice pairs\n\n"
	    "1. Mentor: 陈老师 (师傅); apprentice: 林老师 (徒弟)\n");
	tu_expect_has(en, "## 4. Schedule\n");
	free(md);
	free(en);
}

/* Whole years as a programme writes them. */
static void
test_span_years(void **state)
{
	(void)state;
	tu_expect_span((struct span){ D(2020, 1, 1), D(2020, 12, 31) }, false,
	    "2020年");
	tu_expect_span((struct span){ D(2016, 1, 1), D(2020, 12, 31) }, false,
	    "2016年—2020年");
	tu_expect_span((struct span){ D(2016, 1, 1), D(2020, 12, 31) }, true,
	    "2016–2020");
	tu_expect_span((struct span){ D(2020, 1, 1), D(2020, 12, 31) }, true,
	    "2020");
	/* Not whole years: months as before. */
	tu_expect_span((struct span){ D(2016, 1, 1), D(2020, 11, 30) }, false,
	    "2016年1月—2020年11月");
	tu_expect_span((struct span){ D(2016, 2, 1), D(2016, 12, 31) }, false,
	    "2016年2月—12月");
}

/* How often, in the new periods. */
static void
test_every_periods(void **state)
{
	static const char plan[] =
	    "pairplan: 1\n"
	    "plan: {title: t, host: h, period: 2024-01..2025-12}\n"
	    "partners: [{id: a, name: 甲园}]\n"
	    "people: [{id: li, name: 李}]\n"
	    "leadership: {leader: li}\n"
	    "phases:\n"
	    "  - period: 2024-01..2025-12\n"
	    "    activities:\n"
	    "      - {title: 年度, at: partner, every: year}\n"
	    "      - {title: 学期, every: semester, times: 2}\n"
	    "      - {title: 季度, every: 3 months}\n";
	char *md = tu_export("md", plan, "zh"), *en = tu_export("md", plan, "en");

	(void)state;
	tu_expect_has(md, "   - 时间：2024年—2025年，每年1次\n");
	tu_expect_has(md, "   - 时间：2024年—2025年，每学期2次\n");
	tu_expect_has(md, "   - 时间：2024年—2025年，每3个月1次\n");
	tu_expect_has(en, "   - When: 2024–2025, yearly\n");
	tu_expect_has(en, "   - When: 2024–2025, 2 times a semester\n");
	tu_expect_has(en, "   - When: 2024–2025, every 3 months\n");
	free(md);
	free(en);
}

/* Every kind, both languages, html: well-formed, deterministic. */
static void
test_html_kinds(void **state)
{
	static const char *const plans[] = { LEARN, SECTIONS, AID, VILLAGES,
	    PROGRAMME, MENTOR };
	char *a, *b;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(plans) / sizeof(*plans); i++) {
		a = tu_export("html", plans[i], i % 2 ? "en" : "zh");
		b = tu_export("html", plans[i], i % 2 ? "en" : "zh");
		assert_true(tu_balanced(a));
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amounts),
		cmocka_unit_test(test_span_years),
		cmocka_unit_test(test_partner_writes),
		cmocka_unit_test(test_partner_writes_no_table),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_no_phases),
		cmocka_unit_test(test_aid),
		cmocka_unit_test(test_aid_absorbed),
		cmocka_unit_test(test_responsibility),
		cmocka_unit_test(test_pairing_visits),
		cmocka_unit_test(test_quota_words),
		cmocka_unit_test(test_programme),
		cmocka_unit_test(test_mentorship),
		cmocka_unit_test(test_every_periods),
		cmocka_unit_test(test_html_kinds),
	};

	return cmocka_run_group_tests_name("render_doc", tests, NULL, NULL);
}
