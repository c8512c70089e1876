/* test_export.c - the exports md, html and svg: numbering, Chinese numerals, dates, escaping, well-formed markup. */
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
#include "render.h"
#include "sched_filter.h"
#include "l10n.h"
#include "render_util.h"
#include "render_doc.h"
#include "sbuf.h"
#include "esc.h"
#include "sched.h"
#include "testutil.h"

#define D(y, m, d)	date_from_civil((y), (m), (d))

/* ---- helpers ------------------------------------------------------- */

static void
expect_cn(unsigned long n, const char *want)
{
	struct sbuf b = { 0 };

	l10n_cn_number(&b, n);
	assert_string_equal(b.p, want);
	sbuf_free(&b);
}

/* A plan with data for every section. */
static const char FULL[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: 测试园结对帮扶工作计划\n"
    "  host: {id: cg, name: 城关中心幼儿园, level: 省级示范幼儿园}\n"
    "  period: 2024-03..2025-02\n"
    "  guiding: 发挥示范园辐射作用\n"
    "  goals: [帮助提高管理水平, 帮助提升队伍素质]\n"
    "partners:\n"
    "  - {id: hexi, name: 河西镇中心幼儿园, kind: 乡镇公办园, classes: 6,\n"
    "     children: 190, teachers: 13, staff: 35, needs: [环境创设, 教研]}\n"
    "  - {id: dongtan, name: 东滩镇幼儿园, classes: 4}\n"
    "people:\n"
    "  - {id: liu, name: 刘丽, role: 园长, duty: 全面部署}\n"
    "  - {id: wang, name: 王芳, role: 副园长}\n"
    "  - {id: chen, name: 陈静, org: hexi, role: 教师}\n"
    "leadership:\n"
    "  leader: liu\n"
    "  deputies: [wang]\n"
    "phases:\n"
    "  - id: p1\n"
    "    name: 启动调研\n"
    "    period: 2024-03..2024-07\n"
    "    goal: 建立健全制度\n"
    "    activities:\n"
    "      - {title: 签订协议, kind: agreement, date: 2024-03-29,"
    " owner: liu}\n"
    "      - {title: 送教下乡, kind: teaching-visit, at: partner, times: 2,\n"
    "         when: 2024-04..2024-05, owner: wang}\n"
    "      - {title: 跟班学习, kind: shadowing, every: week, weekday: tue,\n"
    "         when: 2024-06, people: [chen]}\n"
    "      - {title: 去市机关幼儿园学习, kind: study-visit, when: 2024-05 mid,"
    "\n         times: 2, owner: liu}\n"
    "  - id: p2\n"
    "    name: 提高技能\n"
    "    period: 2024-09..2025-01\n"
    "    activities:\n"
    "      - {title: 集中培训, kind: training, when: 2024-11-04..2024-11-15,"
    "\n         days: 2, owner: wang}\n"
    "mentorships:\n"
    "  - {mentor: liu, apprentice: chen, period: 2024-09..2024-12,\n"
    "     meet: {every: month}}\n"
    "targets:\n"
    "  - {name: 教师优课率, at-least: 30%, by: 2025-01}\n"
    "quotas:\n"
    "  - {people: leadership.leader, visits: 3, per: year}\n"
    "calendar:\n"
    "  closed: [2024-07-10..2024-08-31, 2025-01-18..2025-02-16]\n";

/* ---- numbers and dates ------------------------------------------------ */

static void
test_cn_numbers(void **state)
{
	(void)state;
	expect_cn(1, "一");
	expect_cn(9, "九");
	expect_cn(10, "十");
	expect_cn(11, "十一");
	expect_cn(12, "十二");
	expect_cn(19, "十九");
	expect_cn(20, "二十");
	expect_cn(21, "二十一");
	expect_cn(99, "九十九");
	expect_cn(100, "一百");
	expect_cn(101, "一百零一");
	expect_cn(110, "一百一十");
	expect_cn(1001, "一千零一");
	expect_cn(1010, "一千零一十");
	expect_cn(2300, "二千三百");
	expect_cn(10000, "10000");
}

static void
test_span_zh(void **state)
{
	(void)state;
	tu_expect_span((struct span){ D(2024, 3, 1), D(2024, 7, 31) }, false,
	    "2024年3月—7月");
	tu_expect_span((struct span){ D(2024, 9, 1), D(2025, 1, 31) }, false,
	    "2024年9月—2025年1月");
	tu_expect_span((struct span){ D(2024, 3, 1), D(2024, 3, 31) }, false,
	    "2024年3月");
	tu_expect_span((struct span){ D(2024, 2, 1), D(2024, 2, 29) }, false,
	    "2024年2月");
	tu_expect_span((struct span){ D(2024, 11, 11), D(2024, 11, 20) }, false,
	    "2024年11月中旬");
	tu_expect_span((struct span){ D(2024, 5, 1), D(2024, 5, 10) }, false,
	    "2024年5月上旬");
	tu_expect_span((struct span){ D(2024, 2, 21), D(2024, 2, 29) }, false,
	    "2024年2月下旬");
	tu_expect_span((struct span){ D(2024, 3, 29), D(2024, 3, 29) }, false,
	    "2024年3月29日");
	tu_expect_span((struct span){ D(2024, 3, 4), D(2024, 3, 15) }, false,
	    "2024年3月4日—15日");
	tu_expect_span((struct span){ D(2024, 3, 4), D(2024, 4, 15) }, false,
	    "2024年3月4日—4月15日");
	tu_expect_span((struct span){ D(2024, 12, 30), D(2025, 1, 3) }, false,
	    "2024年12月30日—2025年1月3日");
	/* Days 1-31 of a month are the month, not 上旬..下旬. */
	tu_expect_span((struct span){ D(2024, 5, 2), D(2024, 5, 31) }, false,
	    "2024年5月2日—31日");
}

static void
test_span_en(void **state)
{
	(void)state;
	tu_expect_span((struct span){ D(2024, 3, 1), D(2024, 7, 31) }, true,
	    "March–July 2024");
	tu_expect_span((struct span){ D(2024, 9, 1), D(2025, 1, 31) }, true,
	    "September 2024–January 2025");
	tu_expect_span((struct span){ D(2024, 3, 1), D(2024, 3, 31) }, true,
	    "March 2024");
	tu_expect_span((struct span){ D(2024, 11, 11), D(2024, 11, 20) }, true,
	    "mid-November 2024");
	tu_expect_span((struct span){ D(2025, 5, 1), D(2025, 5, 10) }, true,
	    "early May 2025");
	tu_expect_span((struct span){ D(2024, 3, 29), D(2024, 3, 29) }, true,
	    "29 March 2024");
	tu_expect_span((struct span){ D(2024, 3, 4), D(2024, 3, 15) }, true,
	    "4–15 March 2024");
	tu_expect_span((struct span){ D(2024, 3, 4), D(2024, 4, 15) }, true,
	    "4 March–15 April 2024");
	tu_expect_span((struct span){ D(2024, 12, 30), D(2025, 1, 3) }, true,
	    "30 December 2024–3 January 2025");
}

/* ---- md ------------------------------------------------------------- */

static void
test_md_full(void **state)
{
	char *md = tu_export("md", FULL, "zh");

	(void)state;
	assert_memory_equal(md, "# 测试园结对帮扶工作计划\n\n",
	    strlen("# 测试园结对帮扶工作计划\n\n"));
	tu_expect_has(md, "帮扶园：城关中心幼儿园（省级示范幼儿园）\\\n"
	    "结对园：河西镇中心幼儿园、东滩镇幼儿园\\\n"
	    "帮扶时间：2024年3月—2025年2月\n");
	tu_expect_has(md, "\n## 一、指导思想\n\n发挥示范园辐射作用\n");
	tu_expect_has(md, "\n## 二、结对对象\n\n"
	    "| 幼儿园 | 类别 | 班级数 | 幼儿数 | 教师数 | 教职工数 | 帮扶需求 |\n"
	    "| --- | --- | ---: | ---: | ---: | ---: | --- |\n"
	    "| 河西镇中心幼儿园 | 乡镇公办园 | 6 | 190 | 13 | 35 | 环境创设、教研 |\n"
	    "| 东滩镇幼儿园 |  | 4 |  |  |  |  |\n");
	tu_expect_has(md, "\n## 三、领导小组\n\n| 职务 | 姓名 | 岗位 | 分工 |\n"
	    "| --- | --- | --- | --- |\n| 组长 | 刘丽 | 园长 | 全面部署 |\n"
	    "| 副组长 | 王芳 | 副园长 |  |\n");
	tu_expect_has(md, "\n## 四、工作目标\n\n1. 帮助提高管理水平\n"
	    "2. 帮助提升队伍素质\n");
	tu_expect_has(md, "\n## 五、实施步骤\n\n"
	    "### （一）第一阶段：启动调研（2024年3月—7月）\n\n"
	    "目标：建立健全制度\n\n1. 签订协议\n   - 时间：2024年3月29日\n");
	tu_expect_has(md, "2. 送教下乡\n   - 时间：2024年4月—5月，2次（每个结对园）\n"
	    "   - 地点：各结对园\n   - 责任人：王芳\n   - 安排日期：\n"
	    "     - 河西镇中心幼儿园：2024年4月1日、4月30日\n"
	    "     - 东滩镇幼儿园：2024年4月2日、5月6日\n");
	tu_expect_has(md, "   - 时间：2024年6月，每周1次（周二）\n");
	tu_expect_has(md, "   - 时间：2024年5月中旬，2次\n");
	tu_expect_has(md, "   - 安排日期：2024年6月4日、6月11日、6月18日、6月25日\n");
	tu_expect_has(md, "### （二）第二阶段：提高技能（2024年9月—2025年1月）\n");
	tu_expect_has(md, "   - 时间：2024年11月4日—15日，每次2天\n"
	    "   - 地点：城关中心幼儿园\n   - 责任人：王芳\n"
	    "   - 安排日期：2024年11月4日—5日\n");
	tu_expect_has(md, "\n## 六、师徒结对\n\n"
	    "1. 师傅：刘丽（园长）；徒弟：陈静（河西镇中心幼儿园教师）\n"
	    "   - 时间：2024年9月—12月\n   - 结对活动：每月1次\n");
	tu_expect_has(md, "\n## 七、效果检测\n\n"
	    "1. 教师优课率 ≥ 30%（全部结对园，到2025年1月）\n");
	tu_expect_has(md, "\n## 八、保障措施\n\n1. 组长（刘丽）每年到结对园不少于3次\n");
	/* One newline at the end, no blank line. */
	assert_int_equal(md[strlen(md) - 1], '\n');
	assert_int_not_equal(md[strlen(md) - 2], '\n');
	free(md);
}

static void
test_md_english(void **state)
{
	char *md = tu_export("md", FULL, "en");

	(void)state;
	tu_expect_has(md, "Host: 城关中心幼儿园 (省级示范幼儿园)\\\n");
	tu_expect_has(md, "Period: March 2024–February 2025\n");
	tu_expect_has(md, "\n## 1. Guiding principles\n");
	tu_expect_has(md, "\n## 5. Implementation steps\n\n"
	    "### 5.1 Phase 1: 启动调研 (March–July 2024)\n\nGoal: 建立健全制度\n");
	tu_expect_has(md, "### 5.2 Phase 2: 提高技能 (September 2024–January 2025)\n");
	tu_expect_has(md, "   - When: April–May 2024, 2 times at each partner\n");
	tu_expect_has(md, "   - When: June 2024, weekly (Tue)\n");
	tu_expect_has(md, "   - When: mid-May 2024, 2 times\n");
	tu_expect_has(md, "   - Dates: 4 June 2024, 11 June, 18 June, 25 June\n");
	tu_expect_has(md, "   - Meetings: monthly\n");
	tu_expect_has(md, "1. 教师优课率 ≥ 30% (all partners, by January 2025)\n");
	tu_expect_has(md, "1. Leader (刘丽): at least 3 visits to partner "
	    "kindergartens a year\n");
	tu_expect_lacks(md, "年");
	free(md);
}

/* Sections without data are left out and the numbering closes up. */
static void
test_md_closes_up(void **state)
{
	static const char plan[] =
	    "pairplan: 1\n"
	    "plan:\n"
	    "  title: 最小计划\n"
	    "  host: {id: h, name: 城关园}\n"
	    "  period: 2024-03..2024-06\n"
	    "partners:\n"
	    "  - {id: a, name: 甲园}\n"
	    "people:\n"
	    "  - {id: li, name: 李}\n"
	    "leadership:\n"
	    "  leader: li\n"
	    "phases:\n"
	    "  - id: p1\n"
	    "    period: 2024-03..2024-06\n"
	    "    activities:\n"
	    "      - {title: 送教, kind: teaching-visit, at: partner,"
	    " owner: li}\n";
	char *md = tu_export("md", plan, "zh"), *en;

	(void)state;
	tu_expect_has(md, "\n## 一、结对对象\n\n| 幼儿园 |\n| --- |\n| 甲园 |\n");
	tu_expect_has(md, "\n## 二、领导小组\n\n| 职务 | 姓名 |\n");
	tu_expect_has(md, "\n## 三、实施步骤\n\n### （一）第一阶段（2024年3月—6月）\n");
	tu_expect_lacks(md, "## 四、");
	tu_expect_lacks(md, "指导思想");
	tu_expect_lacks(md, "工作目标");
	tu_expect_lacks(md, "师徒结对");
	tu_expect_lacks(md, "效果检测");
	tu_expect_lacks(md, "保障措施");
	en = tu_export("md", plan, "en");
	tu_expect_has(en, "\n## 3. Implementation steps\n\n### 3.1 Phase 1 "
	    "(March–June 2024)\n");
	tu_expect_lacks(en, "## 4.");
	free(md);
	free(en);
}

/* Twelve phases: （十一）第十一阶段; twelve activities: "10. " indents. */
static void
test_md_past_ten(void **state)
{
	/* Working days of December 2024. */
	static const int days[11] = { 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 };
	char plan[8192], *md;
	size_t n;
	int i;

	(void)state;
	n = (size_t)snprintf(plan, sizeof(plan),
	    "pairplan: 1\n"
	    "plan:\n"
	    "  title: 十二个阶段\n"
	    "  host: {id: h, name: 城关园}\n"
	    "  period: 2024-01..2024-12\n"
	    "partners:\n"
	    "  - {id: a, name: 甲园}\n"
	    "people:\n"
	    "  - {id: li, name: 李}\n"
	    "leadership: {leader: li}\n"
	    "calendar: {holidays: none}\n"
	    "phases:\n");
	for (i = 1; i <= 11; i++)
		n += (size_t)snprintf(plan + n, sizeof(plan) - n,
		    "  - {id: p%d, name: 阶段%d, period: 2024-%02d}\n", i, i, i);
	n += (size_t)snprintf(plan + n, sizeof(plan) - n,
	    "  - id: p12\n    name: 阶段12\n    period: 2024-12\n"
	    "    activities:\n");
	for (i = 0; i < 11; i++)
		n += (size_t)snprintf(plan + n, sizeof(plan) - n,
		    "      - {title: 活动%d, at: partner, date: 2024-12-%02d}\n",
		    i + 1, days[i]);
	md = tu_export("md", plan, "zh");
	tu_expect_has(md, "### （十）第十阶段：阶段10（2024年10月）\n");
	tu_expect_has(md, "### （十一）第十一阶段：阶段11（2024年11月）\n");
	tu_expect_has(md, "### （十二）第十二阶段：阶段12（2024年12月）\n");
	tu_expect_has(md, "9. 活动9\n   - 时间：2024年12月12日\n");
	tu_expect_has(md, "10. 活动10\n    - 时间：2024年12月13日\n"
	    "    - 地点：甲园\n");
	tu_expect_has(md, "11. 活动11\n    - 时间：2024年12月16日\n");
	free(md);
}

static const char SPECIALS[] =
    "pairplan: 1\n"
    "plan:\n"
    "  title: \"A|B *x* _y_ <b>&amp; # [l](u) `c` ~z~ \\\\ ![i](j)\"\n"
    "  host: {id: h, name: \"城关<园>&\\\"'\"}\n"
    "  period: 2024-03..2024-06\n"
    "  guiding: \"# 不是标题\\n- 不是列表\"\n"
    "  goals: [\"1. 首先\", \"- 其次\", \"+ 再次\", \"=== 然后\", \"> 引用\",\n"
    "          \"    缩进\", \"2) 括号\", \"a\\tb  c   \"]\n"
    "partners:\n"
    "  - {id: a, name: \"河|西\", kind: \"*乡镇*\", needs: [\"a|b\", \"<b>\"]}\n"
    "people:\n"
    "  - {id: li, name: \"李_四_\", role: \"园长|书记\", duty: \"**全部**\"}\n"
    "leadership:\n"
    "  leader: li\n"
    "phases:\n"
    "  - id: p1\n"
    "    name: \"启动 <阶段> & *一*\"\n"
    "    period: 2024-03..2024-06\n"
    "    activities:\n"
    "      - {title: \"<script>alert(1)</script>\", at: partner, owner: li,\n"
    "         note: \"备注\\n# x\"}\n";

static void
test_md_escaping(void **state)
{
	char *md = tu_export("md", SPECIALS, "zh");

	(void)state;
	tu_expect_has(md, "# A\\|B \\*x\\* \\_y\\_ \\<b\\>\\&amp; \\# \\[l\\](u) "
	    "\\`c\\` \\~z\\~ \\\\ \\!\\[i\\](j)\n");
	tu_expect_has(md, "帮扶园：城关\\<园\\>\\&\"'\\\n");
	/* | in a table cell, and everything else a cell could hold. */
	tu_expect_has(md, "| 河\\|西 | \\*乡镇\\* | a\\|b、\\<b\\> |\n");
	tu_expect_has(md, "| 组长 | 李\\_四\\_ | 园长\\|书记 | \\*\\*全部\\*\\* |\n");
	/* What would start a block at the start of a line. */
	tu_expect_has(md, "\n\\# 不是标题 - 不是列表\n");
	tu_expect_has(md, "1. 1\\. 首先\n2. \\- 其次\n3. \\+ 再次\n4. \\=== 然后\n"
	    "5. \\> 引用\n6. 缩进\n7. 2\\) 括号\n8. a b c\n");
	tu_expect_has(md, "### （一）第一阶段：启动 \\<阶段\\> \\& \\*一\\*");
	tu_expect_has(md, "1. \\<script\\>alert(1)\\</script\\>\n");
	tu_expect_has(md, "   - 备注：备注 \\# x\n");
	tu_expect_lacks(md, "<script>");
	free(md);
}

/* ---- html ----------------------------------------------------------- */

static void
test_html(void **state)
{
	char *h = tu_export("html", FULL, "zh");

	(void)state;
	assert_memory_equal(h, "<!DOCTYPE html>\n<html xmlns=\""
	    "http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">",
	    strlen("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/"
	    "xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">"));
	tu_expect_has(h, "<meta charset=\"utf-8\"/>");
	tu_expect_has(h, "@page { size: A4;");
	tu_expect_has(h, "'Noto Sans CJK SC', 'Source Han Sans SC', "
	    "'PingFang SC', 'Microsoft YaHei', sans-serif");
	tu_expect_has(h, "<h1>测试园结对帮扶工作计划</h1>");
	tu_expect_has(h, "<h2>一、指导思想</h2>");
	tu_expect_has(h, "<h3>（一）第一阶段：启动调研（2024年3月—7月）</h3>");
	tu_expect_has(h, "<td class=\"num\">190</td>");
	tu_expect_has(h, "<svg xmlns=\"http://www.w3.org/2000/svg\"");
	/* Standalone: no external assets, no script. */
	tu_expect_lacks(h, "<script");
	tu_expect_lacks(h, "<link");
	tu_expect_lacks(h, "src=");
	tu_expect_lacks(h, "href=");
	tu_expect_lacks(h, "&nbsp;");
	assert_true(tu_balanced(h));
	free(h);
	h = tu_export("html", FULL, "en");
	tu_expect_has(h, "lang=\"en\" xml:lang=\"en\"");
	tu_expect_has(h, "<h2>8. Safeguards</h2>");
	assert_true(tu_balanced(h));
	free(h);
}

static void
test_html_escaping(void **state)
{
	char *h = tu_export("html", SPECIALS, "zh");

	(void)state;
	tu_expect_has(h, "<title>A|B *x* _y_ &lt;b&gt;&amp;amp; # [l](u) `c` "
	    "~z~ \\ ![i](j)</title>");
	tu_expect_has(h, "帮扶园：城关&lt;园&gt;&amp;&quot;&#39;<br/>");
	tu_expect_has(h, "<li>&lt;script&gt;alert(1)&lt;/script&gt;");
	tu_expect_lacks(h, "<script>");
	tu_expect_lacks(h, "<b>");
	assert_true(tu_balanced(h));
	free(h);
}

/* What write makes of in (first: a CSV field's), against out. */
static void
expect_written(void (*write)(FILE *, const char *, bool), const char *in,
    bool first, const char *out)
{
	char *buf = NULL;
	size_t len;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	write(fp, in, first);
	assert_int_equal(fclose(fp), 0);
	assert_string_equal(buf, out);
	free(buf);
}

static void
xml_field(FILE *fp, const char *s, bool first)
{
	(void)first;
	esc_xml(fp, s);
}

/*
 * esc_xml writes runs of plain text in one piece: entities, controls and
 * bytes that are no UTF-8 at the start, at the end and side by side.
 */
static void
test_esc_xml(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "", "" },
		{ "plain 文本", "plain 文本" },
		{ "&<>\"'", "&amp;&lt;&gt;&quot;&#39;" },
		{ "<a>b&c", "&lt;a&gt;b&amp;c" },
		{ "a\nb\tc\x01" "d\x7f", "a\nb c d " },
		{ "\xff" "x\xe6\x9f", "\xef\xbf\xbdx\xef\xbf\xbd\xef\xbf\xbd" },
		{ "非\xef\xbf\xbe字符'", "非 字符&#39;" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		expect_written(xml_field, cases[i].in, true, cases[i].out);
}

/*
 * A CSV field written to a stream and appended to a string is the same:
 * quoted for a comma, a quote, CR or LF, each quote doubled; an
 * apostrophe before what a spreadsheet would take for a formula; other
 * controls made visible.
 */
static void
test_esc_csv(void **state)
{
	static const struct {
		const char *in;
		bool first;
		const char *out;
	} cases[] = {
		{ NULL, true, "" },
		{ NULL, false, "," },
		{ "", false, "," },
		{ "plain 文本", true, "plain 文本" },
		{ "plain", false, ",plain" },
		{ "a,b", true, "\"a,b\"" },
		{ "say \"hi\"", false, ",\"say \"\"hi\"\"\"" },
		{ "\"", true, "\"\"\"\"" },
		{ "\"\"x\"", true, "\"\"\"\"\"x\"\"\"" },
		{ "line\r\nbreak", true, "\"line\r\nbreak\"" },
		{ "=1+1", true, "'=1+1" },
		{ "-", true, "-" },
		{ "-5,x", false, ",\"'-5,x\"" },
		{ "@a\"b", true, "\"'@a\"\"b\"" },
		{ "a\x01" "b\tc", true, "a\\x01b\tc" },
		{ "x\xc2\x85y", true, "x\\u0085y" },
	};
	struct sbuf b = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		expect_written(esc_csv_field, cases[i].in, cases[i].first,
		    cases[i].out);
		sbuf_clear(&b);
		sbuf_puts(&b, "<");
		esc_csv_sbuf(&b, cases[i].in, cases[i].first);
		assert_string_equal(b.p + 1, cases[i].out);
	}
	sbuf_free(&b);
}

/* ---- svg ------------------------------------------------------------ */

static void
test_svg(void **state)
{
	char *s = tu_export("svg", FULL, "zh"), *en;

	(void)state;
	assert_memory_equal(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"",
	    strlen("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="
	    "\"http://www.w3.org/2000/svg\" width=\""));
	tu_expect_has(s, " viewBox=\"0 0 ");
	tu_expect_has(s, "font-family=\"'Noto Sans CJK SC', 'Source Han Sans SC', "
	    "'PingFang SC', 'Microsoft YaHei', sans-serif\"");
	assert_true(tu_balanced(s));
	/* Month grid, phases, rows for host, partners and no online. */
	tu_expect_has(s, ">2024年3月</text>");
	tu_expect_has(s, ">2025年2月</text>");
	tu_expect_has(s, ">启动调研</text>");
	tu_expect_has(s, ">城关中心幼儿园</text>");
	tu_expect_has(s, ">河西镇中心幼儿园</text>");
	tu_expect_has(s, ">东滩镇幼儿园</text>");
	tu_expect_lacks(s, ">线上</text>");
	/* Marks with their date, a bar for two days, a legend by kind. */
	tu_expect_has(s, "<title>2024年3月29日：签订协议</title>");
	tu_expect_has(s, "<title>2024年11月4日—5日：集中培训</title>");
	tu_expect_has(s, "height=\"10\" rx=\"2\" fill=\"#ff9da7\"><title>");
	tu_expect_has(s, ">签订协议</text>");
	tu_expect_has(s, ">送教下乡</text>");
	tu_expect_has(s, ">师徒结对</text>");
	tu_expect_lacks(s, ">讲座</text>");
	en = tu_export("svg", FULL, "en");
	tu_expect_has(en, ">Mar 2024</text>");
	tu_expect_has(en, ">teaching visit</text>");
	assert_true(tu_balanced(en));
	free(s);
	free(en);
}

static void
test_svg_escaping(void **state)
{
	char *s = tu_export("svg", SPECIALS, "zh");

	(void)state;
	assert_true(tu_balanced(s));
	tu_expect_lacks(s, "<script>");
	tu_expect_lacks(s, "<b>");
	tu_expect_has(s, "&lt;script&gt;");
	free(s);
}

/* ---- the table of formats, determinism ------------------------------ */

static void
test_formats(void **state)
{
	(void)state;
	assert_ptr_equal(render_find_export("md"), &render_md);
	assert_ptr_equal(render_find_export("html"), &render_html);
	assert_ptr_equal(render_find_export("svg"), &render_svg);
	assert_ptr_equal(render_find_export("json"), &render_json);
	assert_ptr_equal(render_find_export("csv"), &render_csv);
	assert_ptr_equal(render_find_export("ics"), &render_ics);
	assert_null(render_find_export("table"));
	assert_null(render_find_export("pdf"));
	assert_null(render_md.schedule);
	assert_null(render_html.schedule);
	assert_null(render_svg.schedule);
	assert_string_equal(render_names(), "table, csv, json, ics");
	assert_string_equal(render_export_names(),
	    "csv, json, ics, md, html, svg");
}

static void
test_deterministic(void **state)
{
	static const char *const formats[] = { "md", "html", "svg" };
	char *a, *b;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		a = tu_export(formats[i], FULL, "zh");
		b = tu_export(formats[i], FULL, "zh");
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
}

/* What could not be placed is said; the document is still whole. */
static void
test_unplaced(void **state)
{
	static const char plan[] =
	    "pairplan: 1\n"
	    "plan:\n"
	    "  title: 测试\n"
	    "  host: {id: h, name: 城关园}\n"
	    "  period: 2024-04\n"
	    "partners:\n"
	    "  - {id: a, name: 甲园}\n"
	    "people:\n"
	    "  - {id: li, name: 李}\n"
	    "phases:\n"
	    "  - id: p1\n"
	    "    period: 2024-04\n"
	    "    activities:\n"
	    "      - {title: 开会, date: 2024-04-22, owner: li}\n"
	    "      - {title: 送教, at: partner, when: 2024-04-22, owner: li}\n";
	char *md = tu_export("md", plan, "zh"), *en = tu_export("md", plan, "en");

	(void)state;
	tu_expect_has(md, "2. 送教\n   - 时间：2024年4月22日\n   - 地点：甲园\n"
	    "   - 责任人：李\n   - 尚未排定：1次\n");
	tu_expect_has(en, "   - Not yet scheduled: 1 occurrence\n");
	free(md);
	free(en);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cn_numbers),
		cmocka_unit_test(test_span_zh),
		cmocka_unit_test(test_span_en),
		cmocka_unit_test(test_md_full),
		cmocka_unit_test(test_md_english),
		cmocka_unit_test(test_md_closes_up),
		cmocka_unit_test(test_md_past_ten),
		cmocka_unit_test(test_md_escaping),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_html_escaping),
		cmocka_unit_test(test_esc_xml),
		cmocka_unit_test(test_esc_csv),
		cmocka_unit_test(test_svg),
		cmocka_unit_test(test_svg_escaping),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_unplaced),
	};

	return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
