/* report_text.c - what the md and html reports share: their words in Chinese and English, names looked up by id. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_text.h"
#include "sbuf.h"

static const struct report_words zh = {
	.title = "结对帮扶工作汇总报告",
	.as_of = "统计截至%s。",
	.semesters_note = "学期：秋季学期为9月至次年2月，春季学期为3月至8月。",
	.sep = "、",
	.totals = "总体情况",
	.item = "项目",
	.number = "数量",
	.t_plans = "计划",
	.t_with_errors = "有错误、未计入统计的计划",
	.t_hosts = "帮扶园",
	.t_partners = "结对园",
	.t_flagged = "需关注的结对园",
	.t_people = "人员",
	.t_events = "活动（全部）",
	.t_due = "截至统计日应开展",
	.t_held = "已开展",
	.t_overdue = "逾期未开展",
	.t_unplaced = "无法排定的活动",
	.t_quotas = "未达到的走访次数要求",
	.c_events = "活动",
	.c_due = "应开展",
	.c_held = "已开展",
	.c_overdue = "逾期",
	.c_unplaced = "未排定",
	.c_quotas = "次数未达",
	.columns_note = "表中“活动”为计划排定的全部活动，“应开展”为其中截至统计日应已开展的，“逾期”为应开展而无开展记录的，“未排定”为无法排入工作日的活动次数，“次数未达”为未达到走访次数要求的人次与期间。",
	.partners = "结对园",
	.partner = "结对园",
	.hosts = "帮扶园",
	.host = "帮扶园",
	.visits = "送教走访",
	.total = "合计",
	.state = "情况",
	.flag_none = "未安排走访",
	.flag_few = "某学期少于%u次",
	.flag_empty = "某学期无走访",
	.partners_note = "每学期一栏为该学期安排在结对园的活动次数；“—”表示该学期不在其帮扶计划之内。",
	.hosts_h = "帮扶园",
	.plans_col = "计划",
	.partners_col = "结对园",
	.people = "人员",
	.person = "姓名",
	.org = "单位",
	.busiest = "最多的月份",
	.by_month = "各月活动次数",
	.plans = "计划文件",
	.file = "文件",
	.errors = "错误",
	.left_out = "有错误，未计入",
	.unreadable = "无法读取，未计入",
	.plans_note = "有错误的计划只列出错误数，不计入以上各项统计；错误详见 pairplan validate。",
	.none = "—",
};

static const struct report_words en = {
	.title = "Pairing-assistance plans: county report",
	.as_of = "As of %s.",
	.semesters_note = "Semesters: autumn is September to February, spring March to August.",
	.sep = ", ",
	.totals = "Totals",
	.item = "Item",
	.number = "Number",
	.t_plans = "Plans",
	.t_with_errors = "Plans with errors, left out",
	.t_hosts = "Host kindergartens",
	.t_partners = "Partner kindergartens",
	.t_flagged = "Partners flagged",
	.t_people = "People",
	.t_events = "Events (all)",
	.t_due = "Due up to the day",
	.t_held = "Held",
	.t_overdue = "Overdue",
	.t_unplaced = "Occurrences not placed",
	.t_quotas = "Visit quotas short",
	.c_events = "Events",
	.c_due = "Due",
	.c_held = "Held",
	.c_overdue = "Overdue",
	.c_unplaced = "Unplaced",
	.c_quotas = "Quotas short",
	.columns_note = "Events are all the events the plans schedule; due those dated up to the day; overdue those due without a record that they were held; unplaced the occurrences no working day could take; quotas short the people and periods below their visit quota.",
	.partners = "Partner kindergartens",
	.partner = "Partner",
	.hosts = "Hosts",
	.host = "Host",
	.visits = "Visits",
	.total = "Total",
	.state = "Flag",
	.flag_none = "no visit planned",
	.flag_few = "fewer than %u in a semester",
	.flag_empty = "a semester without a visit",
	.partners_note = "Each semester column counts the events planned at the partner's site; \"—\" marks a semester outside its plans.",
	.hosts_h = "Host kindergartens",
	.plans_col = "Plans",
	.partners_col = "Partners",
	.people = "People",
	.person = "Name",
	.org = "Kindergarten",
	.busiest = "Busiest month",
	.by_month = "Events by month",
	.plans = "Plan files",
	.file = "File",
	.errors = "Errors",
	.left_out = "errors: left out",
	.unreadable = "unreadable: left out",
	.plans_note = "Plans with errors are listed with their error count and left out of every figure above; pairplan validate shows the errors.",
	.none = "—",
};

const struct report_words *
report_words(bool en_)
{
	return en_ ? &en : &zh;
}

static int
host_key_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct report_host *)e)->id);
}

static int
partner_key_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct report_partner *)e)->id);
}

const char *
report_org_name(const struct report *r, const char *id)
{
	const struct report_host *h;
	const struct report_partner *p;

	if (id == NULL)
		return "";
	h = bsearch(id, r->hosts, r->nhosts, sizeof(*r->hosts), host_key_cmp);
	if (h != NULL)
		return h->name;
	p = bsearch(id, r->partners, r->npartners, sizeof(*r->partners),
	    partner_key_cmp);
	return p != NULL ? p->name : id;
}

void
report_names(struct sbuf *b, const struct report *r, const char *const *ids,
    uint32_t n, bool en_)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			sbuf_puts(b, report_words(en_)->sep);
		sbuf_puts(b, report_org_name(r, ids[i]));
	}
}

void
report_flag_text(struct sbuf *b, const struct report *r,
    const struct report_partner *p, bool en_)
{
	const struct report_words *w = report_words(en_);

	if (p->flag == RF_NONE)
		sbuf_puts(b, w->flag_none);
	else if (p->flag == RF_FEW && r->min_visits <= 1)
		sbuf_puts(b, w->flag_empty);
	else if (p->flag == RF_FEW)
		sbuf_printf(b, w->flag_few, r->min_visits);
}

void
report_semester_name(struct sbuf *b, int sem, bool en_)
{
	bool autumn = sem % 2 != 0;

	if (en_)
		sbuf_printf(b, "%s %d", autumn ? "Autumn" : "Spring", sem / 2);
	else
		sbuf_printf(b, "%d年%s", sem / 2, autumn ? "秋" : "春");
}

void
report_months_text(struct sbuf *b, const struct report_person *p)
{
	char key[8];
	uint32_t i;

	for (i = 0; i < p->nmonths; i++) {
		if (i > 0)
			sbuf_add(b, ", ", 2);
		report_month_key(p->months[i].month, key);
		sbuf_puts(b, key);
		sbuf_add(b, ": ", 2);
		sbuf_putu(b, p->months[i].n);
	}
}

void
report_busiest_text(struct sbuf *b, const struct report_person *p,
    const char *none)
{
	char key[8];

	if (p->nmonths == 0) {
		sbuf_puts(b, none);
		return;
	}
	report_month_key(p->months[p->busiest].month, key);
	sbuf_puts(b, key);
	sbuf_add(b, ": ", 2);
	sbuf_putu(b, p->months[p->busiest].n);
}

void
report_term_text(struct sbuf *b, const struct report_term *t, bool en_)
{
	sbuf_printf(b, "%u", t->planned);
	if (t->held > 0)
		sbuf_printf(b, en_ ? " (%u held)" : "（已开展 %u）", t->held);
}

void
report_month_range(struct sbuf *b, const struct report *r, bool en_)
{
	char from[8], to[8];

	if (r->month_first > r->month_last)
		return;
	report_month_key(r->month_first, from);
	report_month_key(r->month_last, to);
	sbuf_printf(b, en_ ? " (%s to %s)" : "（%s 至 %s）", from, to);
}
