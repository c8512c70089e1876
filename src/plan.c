/* plan.c - questions about a built plan that every later stage asks, and the one table of activity kinds. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cal.h"
#include "date.h"
#include "plan.h"

static const struct {
	const char	*zh, *en, *colour;
} kinds[K__COUNT] = {
	[K_AGREEMENT] = { "签订协议", "agreement", "#4e79a7" },
	[K_TEACHING_VISIT] = { "送教下乡", "teaching visit", "#e15759" },
	[K_STUDY_VISIT] = { "参观学习", "study visit", "#f28e2b" },
	[K_SHADOWING] = { "跟班学习", "shadowing", "#76b7b2" },
	[K_LECTURE] = { "讲座", "lecture", "#59a14f" },
	[K_DEMO_LESSON] = { "示范课", "demonstration lesson", "#edc948" },
	[K_OBSERVATION] = { "观摩", "observation", "#b07aa1" },
	[K_TRAINING] = { "培训", "training", "#ff9da7" },
	[K_RESEARCH] = { "教研", "research", "#9c755f" },
	[K_MEETING] = { "会议", "meeting", "#8c8c8c" },
	[K_MENTORING] = { "师徒结对", "mentoring", "#17becf" },
	[K_INSPECTION] = { "视导", "inspection", "#3a4fa8" },
	[K_EXCHANGE] = { "交流", "exchange", "#8cd17d" },
	[K_DONATION] = { "捐赠", "donation", "#d37295" },
	[K_SUMMARY] = { "总结", "summary", "#2f7f6f" },
	[K_OTHER] = { "其他", "other", "#b5a48a" },
};

const char *
rs_kind_label(int kind, bool en)
{
	if (kind < 0 || kind >= K__COUNT)
		kind = K_OTHER;
	return en ? kinds[kind].en : kinds[kind].zh;
}

const char *
rs_kind_colour(int kind)
{
	if (kind < 0 || kind >= K__COUNT)
		kind = K_OTHER;
	return kinds[kind].colour;
}

const char *const plan_kind_names[K__COUNT] = {
	"agreement", "teaching-visit", "study-visit", "shadowing", "lecture",
	"demo-lesson", "observation", "training", "research", "meeting",
	"mentoring", "inspection", "exchange", "donation", "summary", "other",
};

int
plan_kind_from_name(const char *s)
{
	int i;

	for (i = 0; i < K__COUNT; i++)
		if (plan_kind_names[i][0] == s[0] &&
		    strcmp(plan_kind_names[i], s) == 0)
			return i;
	return -1;
}

const char *
plan_ref_text(const struct ref *r)
{
	return r->text != NULL ? r->text : "";
}

day_t
plan_period_first(const struct when *w)
{
	day_t s = w->window.from;
	int y, m, d;

	switch (w->every) {
	case EV_WEEK:
	case EV_WEEKS:
		return s - date_weekday(s);
	case EV_MONTH:
		date_to_civil(s, &y, &m, &d);
		return date_from_civil(y, m, 1);
	default:
		return s;
	}
}

day_t
plan_period_next(const struct when *w, day_t start)
{
	int y, m, d;

	switch (w->every) {
	case EV_WEEK:
		return start + 7;
	case EV_WEEKS:
		return start + 7 * (day_t)w->every_n;
	case EV_DAYS:
		return start + (day_t)w->every_n;
	case EV_MONTH:
		date_to_civil(start, &y, &m, &d);
		return start + date_days_in_month(y, m);
	default:
		return w->window.to + 1;
	}
}

bool
plan_is_working(const struct plan *p, day_t d)
{
	if (p->has_wm && d >= p->wm.base && d - p->wm.base < p->wm.ndays)
		return workmap_is_working(&p->wm, d);
	return cal_is_working(&p->cal, d);
}

day_t
plan_occupied_end(const struct plan *p, day_t d, uint32_t days)
{
	uint32_t k = 1;
	day_t e = d;

	while (k < days) {
		if (++e - d > 4 * 366)
			return INT32_MAX;
		if (plan_is_working(p, e))
			k++;
	}
	return e;
}
