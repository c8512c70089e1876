/* cal.c - the working-day calendar: workdays, China's holidays, holiday files, closed, open. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cal.h"
#include "cn_holidays.h"
#include "date.h"

/* Largest workmap; the caller promises less, days past it count as closed. */
#define WORKMAP_MAX_DAYS	40000

enum cn_status
cal_cn_status(day_t day, const char **name_zh)
{
	return cn_status(day, name_zh, NULL);
}

bool
cal_cn_covers_year(int year)
{
	return cn_year_source(year) == CN_OFFICIAL;
}

void
cal_init(struct calendar *c)
{
	c->workdays = 0x1f;	/* Monday to Friday */
	c->cn = true;
	c->closed = NULL;
	c->nclosed = 0;
	c->open = NULL;
	c->nopen = 0;
	c->fyears = NULL;
	c->nfyears = 0;
	c->fdays = NULL;
	c->nfdays = 0;
	c->visits_per_day = 1;
}

const char *
cal_source_name(enum cal_source s)
{
	static const char *const names[] = {
		[CAL_ORDINARY] = "ordinary",
		[CAL_OFFICIAL] = "official",
		[CAL_COMPUTED] = "computed",
		[CAL_FILE] = "file",
		[CAL_PLAN] = "plan",
	};

	return (unsigned)s < sizeof(names) / sizeof(names[0]) ?
	    names[s] : "ordinary";
}

static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return 0;
}

static int
day_cmp(const void *a, const void *b)
{
	day_t x = *(const day_t *)a, y = *(const day_t *)b;

	return (x > y) - (x < y);
}

void
cal_normalise(struct calendar *c)
{
	size_t i, n;

	/* Closed: drop empty (reversed) spans, sort, merge overlapping or adjacent. */
	n = 0;
	for (i = 0; i < c->nclosed; i++)
		if (c->closed[i].from <= c->closed[i].to)
			c->closed[n++] = c->closed[i];
	if (n > 1)
		qsort(c->closed, n, sizeof(c->closed[0]), span_cmp);
	c->nclosed = n;
	n = 0;
	for (i = 0; i < c->nclosed; i++) {
		if (n > 0 && (int64_t)c->closed[i].from <=
		    (int64_t)c->closed[n - 1].to + 1) {
			if (c->closed[i].to > c->closed[n - 1].to)
				c->closed[n - 1].to = c->closed[i].to;
		} else
			c->closed[n++] = c->closed[i];
	}
	c->nclosed = n;

	/* Open: sort, drop duplicates. */
	if (c->nopen > 1)
		qsort(c->open, c->nopen, sizeof(c->open[0]), day_cmp);
	n = 0;
	for (i = 0; i < c->nopen; i++)
		if (n == 0 || c->open[i] != c->open[n - 1])
			c->open[n++] = c->open[i];
	c->nopen = n;
}

static bool
cal_in_closed(const struct calendar *c, day_t day)
{
	size_t k = date_count_upto(c->closed, c->nclosed, sizeof(*c->closed),
	    day);

	return k > 0 && day <= c->closed[k - 1].to;
}

static bool
cal_in_open(const struct calendar *c, day_t day)
{
	size_t k = date_count_upto(c->open, c->nopen, sizeof(*c->open), day);

	return k > 0 && c->open[k - 1] == day;
}

static int
fday_cmp(const void *a, const void *b)
{
	const struct cal_fday *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

static int
year_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Whether y is one of the n sorted years. */
static bool
cal_year_in(const int *years, size_t n, int y)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (years[mid] < y)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && years[lo] == y;
}

bool
cal_file_covers_year(const struct calendar *c, int year)
{
	return cal_year_in(c->fyears, c->nfyears, year);
}

void
cal_add_file_years(struct calendar *c, struct arena *a, const int *years,
    size_t nyears, const struct cal_fday *days, size_t n)
{
	struct cal_fday *nd;
	size_t i, k = 0;
	int y, m, d;
	int *ny;

	/* the days of other years stay, then the new ones, sorted */
	nd = arena_alloc(a, (c->nfdays + n + 1) * sizeof(*nd));
	for (i = 0; i < c->nfdays; i++) {
		date_to_civil(c->fdays[i].day, &y, &m, &d);
		if (!cal_year_in(years, nyears, y))
			nd[k++] = c->fdays[i];
	}
	if (n > 0)
		memcpy(nd + k, days, n * sizeof(*days));
	k += n;
	qsort(nd, k, sizeof(*nd), fday_cmp);
	c->fdays = nd;
	c->nfdays = k;
	/* the union of the years */
	ny = arena_alloc(a, (c->nfyears + nyears + 1) * sizeof(*ny));
	if (c->nfyears > 0)
		memcpy(ny, c->fyears, c->nfyears * sizeof(*ny));
	k = c->nfyears;
	for (i = 0; i < nyears; i++)
		if (!cal_year_in(c->fyears, c->nfyears, years[i]))
			ny[k++] = years[i];
	qsort(ny, k, sizeof(*ny), year_cmp);
	c->fyears = ny;
	c->nfyears = k;
}

enum cn_status
cal_holiday(const struct calendar *c, day_t day, const char **name,
    enum cal_source *src)
{
	enum cn_source cs = CN_NO_SOURCE;
	enum cn_status st = CN_NONE;
	const char *nm = NULL;
	int y, m, d;
	size_t k;

	if (c->nfyears > 0) {
		date_to_civil(day, &y, &m, &d);
		if (cal_file_covers_year(c, y)) {
			k = date_count_upto(c->fdays, c->nfdays,
			    sizeof(*c->fdays), day);
			if (k > 0 && c->fdays[k - 1].day == day) {
				st = (enum cn_status)c->fdays[k - 1].status;
				nm = c->fdays[k - 1].name;
			}
			if (name != NULL)
				*name = nm;
			if (src != NULL)
				*src = st == CN_NONE ? CAL_ORDINARY : CAL_FILE;
			return st;
		}
	}
	if (c->cn)
		st = cn_status(day, &nm, &cs);
	if (name != NULL)
		*name = st == CN_NONE ? NULL : nm;
	if (src != NULL)
		*src = st == CN_NONE ? CAL_ORDINARY : cs == CN_OFFICIAL ?
		    CAL_OFFICIAL : CAL_COMPUTED;
	return st;
}

bool
cal_is_working(const struct calendar *c, day_t day)
{
	enum cn_status st;

	if (c->nclosed > 0 && cal_in_closed(c, day))
		return false;
	if (c->nopen > 0 && cal_in_open(c, day))
		return true;
	st = c->cn || c->nfyears > 0 ? cal_holiday(c, day, NULL, NULL) :
	    CN_NONE;
	if (st == CN_WORK)
		return true;
	if (st == CN_OFF)
		return false;
	return (c->workdays >> date_weekday(day)) & 1;
}

void
cal_explain(const struct calendar *c, day_t day, struct cal_why *w)
{
	int wd = date_weekday(day);
	bool ordinary = wd < WD_SAT;
	enum cn_status st;

	st = cal_holiday(c, day, &w->name, &w->source);
	if (st != CN_NONE)
		w->working = st == CN_WORK;
	else {
		w->working = (c->workdays >> wd) & 1;
		if (w->working != ordinary) {
			w->source = CAL_PLAN;
			w->name = w->working ? CAL_NAME_WORKDAY : CAL_NAME_RESTDAY;
		}
	}
	if (c->nclosed > 0 && cal_in_closed(c, day)) {
		if (w->working) {
			w->source = CAL_PLAN;
			w->name = CAL_NAME_CLOSED;
		}
		w->working = false;
	} else if (c->nopen > 0 && cal_in_open(c, day)) {
		if (!w->working) {
			w->source = CAL_PLAN;
			w->name = CAL_NAME_OPEN;
		}
		w->working = true;
	}
	if (w->source == CAL_ORDINARY)
		w->name = NULL;
}

size_t
cal_rows(const struct calendar *c, const struct calendar *base,
    struct span s, const char *const *at, uint32_t nat, struct arena *a,
    struct cal_row **rows, size_t *n, size_t *cap)
{
	struct cal_why w;
	struct cal_row *r;
	size_t added = 0;
	int64_t d;
	bool other;

	for (d = s.from; d <= s.to; d++) {
		cal_explain(c, (day_t)d, &w);
		other = base != NULL ? cal_is_working(base, (day_t)d) :
		    date_weekday((day_t)d) < WD_SAT;
		if (w.working == other)
			continue;
		r = AVEC_PUSH(a, *rows, *n, *cap);
		r->day = (day_t)d;
		r->working = w.working;
		r->source = w.source;
		r->name = w.name != NULL ? w.name : w.working ?
		    CAL_NAME_WORKDAY : CAL_NAME_RESTDAY;
		r->at = at;
		r->nat = nat;
		added++;
	}
	return added;
}

/* The word of day d: its days are 64 * word .. 64 * word + 63. */
static int32_t
wm_word(day_t d)
{
	return (int32_t)(d >> 6);	/* the floor, for days before 1970 too */
}

/*
 * The days of word k whose weekday is in mask: the mask turned to start
 * at the weekday of the word's first day, repeated every 7 bits (the
 * multiplier has a bit every 7 places, and the copies do not overlap).
 */
static uint64_t
wm_weekdays(int32_t k, uint8_t mask)
{
	int s = date_weekday((day_t)((int64_t)k * 64));
	unsigned m = mask & 0x7Fu;

	m = ((m >> s) | (m << (7 - s))) & 0x7Fu;
	return (uint64_t)m * 0x8102040810204081ull;
}

void
workmap_init(struct workmap *wm, struct arena *a, const struct calendar *c,
    struct span s)
{
	workmap_init_all(wm, a, &c, 1, s);
}

/* The words of a layer being built: days lo..hi, in words from first. */
struct wm_layer {
	uint64_t	*w;
	int32_t		 first;
	day_t		 lo, hi;
};

static void
wm_put(const struct wm_layer *l, day_t d, bool working)
{
	uint64_t bit;

	if (d < l->lo || d > l->hi)
		return;
	bit = 1ull << (d & 63);
	if (working)
		l->w[wm_word(d) - l->first] |= bit;
	else
		l->w[wm_word(d) - l->first] &= ~bit;
}

/* A year's holidays and make-up days: a holiday file's, or China's. */
static void
wm_year(const struct wm_layer *l, const struct calendar *c, int y)
{
	struct cn_day buf[CN_YEAR_MAX];
	day_t jan1, dec31;
	size_t i, n;

	if (c->nfyears > 0 && cal_file_covers_year(c, y)) {
		jan1 = date_from_civil(y, 1, 1);
		dec31 = date_from_civil(y, 12, 31);
		i = date_count_upto(c->fdays, c->nfdays, sizeof(*c->fdays),
		    jan1 - 1);
		for (; i < c->nfdays && c->fdays[i].day <= dec31; i++)
			wm_put(l, c->fdays[i].day, c->fdays[i].status ==
			    CN_WORK);
		return;
	}
	if (!c->cn)
		return;
	n = cn_year_days(y, buf, CN_YEAR_MAX);
	for (i = 0; i < n && i < CN_YEAR_MAX; i++)
		wm_put(l, buf[i].day, buf[i].status == CN_WORK);
}

/*
 * One calendar's working days, in the order cal_is_working decides
 * them: the weekday, then the year's holidays, then the open days, then
 * the closed spans.
 */
static void
wm_fill(const struct wm_layer *l, int32_t nwords, const struct calendar *c)
{
	int ylo, yhi, y, m, d;
	day_t from, to, e;
	size_t i;
	int32_t k;

	for (k = 0; k < nwords; k++)
		l->w[k] = wm_weekdays(l->first + k, c->workdays);
	if (c->cn || c->nfyears > 0) {
		date_to_civil(l->lo, &ylo, &m, &d);
		date_to_civil(l->hi, &yhi, &m, &d);
		for (y = ylo; y <= yhi; y++)
			wm_year(l, c, y);
	}
	i = l->lo == INT32_MIN ? 0 :
	    date_count_upto(c->open, c->nopen, sizeof(*c->open), l->lo - 1);
	for (; i < c->nopen && c->open[i] <= l->hi; i++)
		wm_put(l, c->open[i], true);
	i = date_count_upto(c->closed, c->nclosed, sizeof(*c->closed), l->lo);
	if (i > 0 && c->closed[i - 1].to >= l->lo)
		i--;
	for (; i < c->nclosed && c->closed[i].from <= l->hi; i++) {
		from = c->closed[i].from > l->lo ? c->closed[i].from : l->lo;
		to = c->closed[i].to < l->hi ? c->closed[i].to : l->hi;
		for (e = from; e <= to && e >= from; e++)
			wm_put(l, e, false);
	}
}

/*
 * The days every calendar works, built a word at a time: a day in a
 * holiday table or a plan's list is set or cleared where it falls, the
 * rest comes from the weekday pattern.
 */
void
workmap_init_all(struct workmap *wm, struct arena *a,
    const struct calendar *const *c, size_t nc, struct span s)
{
	struct wm_layer l;
	uint64_t *more = NULL;
	int64_t n;
	int32_t k;
	size_t i;

	n = s.from <= s.to ? (int64_t)s.to - s.from + 1 : 0;
	if (n > WORKMAP_MAX_DAYS)
		n = WORKMAP_MAX_DAYS;
	wm->base = s.from;
	wm->ndays = (int32_t)n;
	wm->first = wm_word(s.from);
	wm->nwords = n > 0 ? wm_word((day_t)(s.from + n - 1)) - wm->first + 1 :
	    0;
	wm->bits = arena_alloc(a, (size_t)wm->nwords * sizeof(*wm->bits));
	wm->before = arena_alloc(a, ((size_t)wm->nwords + 1) *
	    sizeof(*wm->before));
	if (n == 0)
		return;
	l.first = wm->first;
	l.lo = s.from;
	l.hi = (day_t)(s.from + n - 1);
	if (nc == 0)
		for (k = 0; k < wm->nwords; k++)
			wm->bits[k] = ~0ull;
	for (i = 0; i < nc; i++) {
		l.w = i == 0 ? wm->bits : more;
		if (l.w == NULL)
			l.w = more = arena_alloc(a, (size_t)wm->nwords *
			    sizeof(*more));
		wm_fill(&l, wm->nwords, c[i]);
		if (i > 0)
			for (k = 0; k < wm->nwords; k++)
				wm->bits[k] &= more[k];
	}
	/* The days of the first and last words outside the span. */
	wm->bits[0] &= ~0ull << (l.lo & 63);
	wm->bits[wm->nwords - 1] &= ~0ull >> (63 - (l.hi & 63));
	for (k = 0; k < wm->nwords; k++)
		wm->before[k + 1] = wm->before[k] +
		    __builtin_popcountll(wm->bits[k]);
}

bool
workmap_is_working(const struct workmap *wm, day_t day)
{
	int64_t i = (int64_t)day - wm->base;

	return i >= 0 && i < wm->ndays &&
	    (wm->bits[wm_word(day) - wm->first] >> (day & 63)) & 1;
}

int32_t
workmap_before(const struct workmap *wm, day_t d)
{
	int32_t k = wm_word(d) - wm->first;

	if (k >= wm->nwords)
		return wm->before[wm->nwords];
	return wm->before[k] + __builtin_popcountll(wm->bits[k] &
	    ((1ull << (d & 63)) - 1));
}

int32_t
workmap_count(const struct workmap *wm, struct span s, uint8_t mask)
{
	int64_t lo, hi;
	int32_t n, k, klo, khi;
	uint64_t w;

	lo = s.from > wm->base ? s.from : wm->base;
	hi = (int64_t)wm->base + wm->ndays - 1;
	if (s.to < hi)
		hi = s.to;
	if (lo > hi || (mask & 0x7F) == 0)
		return 0;
	if ((mask & 0x7F) == 0x7F)
		return workmap_before(wm, (day_t)(hi + 1)) -
		    workmap_before(wm, (day_t)lo);
	klo = wm_word((day_t)lo);
	khi = wm_word((day_t)hi);
	n = 0;
	for (k = klo; k <= khi; k++) {
		w = wm->bits[k - wm->first] & wm_weekdays(k, mask);
		if (k == klo)
			w &= ~0ull << (lo & 63);
		if (k == khi)
			w &= ~0ull >> (63 - (hi & 63));
		n += __builtin_popcountll(w);
	}
	return n;
}
