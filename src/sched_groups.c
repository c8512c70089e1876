/* sched_groups.c - plans that share no person and no site, scheduled on two threads. */
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cores.h"
#include "plan.h"
#include "sched.h"
#include "sched_groups.h"
#include "strmap.h"

/*
 * Why the two schedules merge into the one of all the plans: a series
 * meets another only through a person or a site both take, and those
 * are in one group. sched_run_fixed places the occurrences in an order
 * made of each one's own keys, ties kept in file order, so a group's
 * occurrences meet in the same order whatever else is scheduled with
 * them. What is left is order: series, plan by plan, as the plans are
 * given; events by date, then file order (series, occurrence); unplaced
 * occurrences and skipped periods in file order; quotas plan by plan.
 * Records can add occurrences at the end of that file order, so a
 * schedule with fixes stays on one thread.
 */

/* Below this many series, about, a thread costs more than it saves. */
#define GROUPS_MIN_SERIES	2000

struct half {
	const struct plan	**plans;	/* in the order given */
	size_t			  n;
	uint64_t		  series;	/* about: its weight */
	struct schedule		  s;
	struct arena		  a;
};

/* ---- groups -------------------------------------------------------- */

static uint32_t
root_of(uint32_t *up, uint32_t x)
{
	while (up[x] != x) {
		up[x] = up[up[x]];
		x = up[x];
	}
	return x;
}

/* One group of x and y, named by its first plan. */
static void
join(uint32_t *up, uint32_t x, uint32_t y)
{
	x = root_of(up, x);
	y = root_of(up, y);
	if (x < y)
		up[y] = x;
	else if (y < x)
		up[x] = y;
}

/* Plan i and the first plan that has id are in one group. */
static void
join_by_id(struct strmap *m, uint32_t *up, uint32_t i, const char *id)
{
	bool existed;
	int32_t *first = strmap_put(m, id, strlen(id), &existed);

	if (!existed)
		*first = (int32_t)i;
	else
		join(up, i, (uint32_t)*first);
}

/* The group of each plan, up[root_of(i)]: the first plan of its group. */
static size_t
find_groups(const struct plan *const *plans, uint32_t n, uint32_t *up)
{
	struct strmap people, sites;
	struct arena tmp;
	uint32_t i, j, groups = 0;
	size_t np = 0, ns = 0;

	arena_init(&tmp);
	strmap_init(&people, &tmp);
	strmap_init(&sites, &tmp);
	for (i = 0; i < n; i++) {
		up[i] = i;
		np += plans[i]->npeople;
		ns += plans[i]->norgs;
	}
	/* at their full size at once: growing rehashes each id again */
	strmap_reserve(&people, np);
	strmap_reserve(&sites, ns);
	for (i = 0; i < n; i++) {
		for (j = 0; j < plans[i]->npeople; j++)
			join_by_id(&people, up, i, plans[i]->people[j].id);
		for (j = 0; j < plans[i]->norgs; j++)
			join_by_id(&sites, up, i, plans[i]->orgs[j].id);
	}
	arena_release(&tmp);
	for (i = 0; i < n; i++)
		if (root_of(up, i) == i)
			groups++;
	return groups;
}

/* About the number of series of a plan. */
static uint64_t
plan_series(const struct plan *p)
{
	return (uint64_t)p->nacts + p->nmentorships + p->npairings + 1;
}

/*
 * Each group to the half with fewer series so far, in the order of their
 * first plans; side[i] and local[i] say where plan i went.
 */
static void
split(const struct plan *const *plans, uint32_t n, uint32_t *up,
    uint8_t *side, uint32_t *local, struct half *h)
{
	uint64_t *weight;
	uint32_t i, r;

	if ((weight = calloc(n, sizeof(*weight))) == NULL)
		arena_oom();
	for (i = 0; i < n; i++)
		weight[root_of(up, i)] += plan_series(plans[i]);
	for (i = 0; i < n; i++) {
		if ((r = root_of(up, i)) == i) {
			side[i] = h[0].series <= h[1].series ? 0 : 1;
			h[side[i]].series += weight[i];
		} else
			side[i] = side[r];
		local[i] = (uint32_t)h[side[i]].n;
		h[side[i]].plans[h[side[i]].n++] = plans[i];
	}
	free(weight);
}

static void *
run_half(void *arg)
{
	struct half *h = arg;

	sched_run_fixed(&h->s, h->plans, h->n, NULL, 0, &h->a);
	return NULL;
}

/* ---- merging the two schedules -------------------------------------- */

/* The global index of each series of both halves, gi[half][index]. */
struct merge {
	struct half		*h;
	uint32_t		*gi[2];
	struct sched_series	*series;
};

static uint32_t
global_series(const struct merge *m, int k, const struct sched_series *r)
{
	return m->gi[k][r - m->h[k].s.series];
}

/* Series plan by plan, in the order the plans were given. */
static void
merge_series(struct schedule *s, struct merge *m, const uint8_t *side,
    const uint32_t *local, struct arena *a)
{
	size_t at[2] = { 0, 0 }, pi, k = 0;

	s->nseries = m->h[0].s.nseries + m->h[1].s.nseries;
	m->series = arena_realloc_owned(a, NULL, (s->nseries + 1) *
	    sizeof(*m->series));
	for (pi = 0; pi < s->nplans; pi++) {
		const struct schedule *x = &m->h[side[pi]].s;
		size_t *i = &at[side[pi]];

		for (; *i < x->nseries && x->series[*i].plan == local[pi];
		    (*i)++, k++) {
			m->series[k] = x->series[*i];
			m->series[k].plan = (uint32_t)pi;
			m->gi[side[pi]][*i] = (uint32_t)k;
		}
	}
	s->series = m->series;
}

/* Whether event x of half 0 comes before event y of half 1. */
static bool
event_first(const struct merge *m, const struct sched_event *x,
    const struct sched_event *y)
{
	uint32_t gx, gy;

	if (x->date != y->date)
		return x->date < y->date;
	gx = global_series(m, 0, x->series);
	gy = global_series(m, 1, y->series);
	if (gx != gy)
		return gx < gy;
	return x->occurrence < y->occurrence;
}

/* Events x[i..ie) of half 0 and y[j..je) of half 1 merged into out. */
static void
merge_range(const struct merge *m, struct sched_event *out, size_t i,
    size_t ie, size_t j, size_t je)
{
	const struct sched_event *x = m->h[0].s.events, *y = m->h[1].s.events;

	while (i < ie || j < je) {
		if (j == je || (i < ie && event_first(m, &x[i], &y[j]))) {
			*out = x[i++];
			out->series = &m->series[global_series(m, 0,
			    out->series)];
		} else {
			*out = y[j++];
			out->series = &m->series[global_series(m, 1,
			    out->series)];
		}
		out++;
	}
}

/*
 * How many of the first k merged events come from half 0: the least i
 * whose x[i] comes after y[k - i - 1] (no event of one half equals one
 * of the other: their series differ).
 */
static size_t
merge_split(const struct merge *m, size_t k)
{
	const struct schedule *x = &m->h[0].s, *y = &m->h[1].s;
	size_t lo = k > y->nevents ? k - y->nevents : 0;
	size_t hi = k < x->nevents ? k : x->nevents, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (event_first(m, &x->events[mid], &y->events[k - mid - 1]))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The second half of the merged events, on a thread of its own. */
struct merge_job {
	const struct merge	*m;
	struct sched_event	*out;
	size_t			 i, ie, j, je;
};

static void *
merge_job_run(void *arg)
{
	const struct merge_job *w = arg;

	merge_range(w->m, w->out, w->i, w->ie, w->j, w->je);
	return NULL;
}

/* Below this many events, a thread for half the merge costs more. */
#define MERGE_THREAD_MIN	100000

/* The merged events; on two threads when big, or when force says so. */
static void
merge_events(struct schedule *s, const struct merge *m, bool force,
    struct arena *a)
{
	const struct schedule *x = &m->h[0].s, *y = &m->h[1].s;
	struct merge_job w;
	pthread_t t;
	size_t k, i;

	s->nevents = x->nevents + y->nevents;
	s->events = arena_realloc_owned(a, NULL, (s->nevents + 1) *
	    sizeof(*s->events));
	if (s->nevents < MERGE_THREAD_MIN && !force) {
		merge_range(m, s->events, 0, x->nevents, 0, y->nevents);
		return;
	}
	/* the events' pages are new: both cores take their faults */
	k = s->nevents / 2;
	i = merge_split(m, k);
	w = (struct merge_job){ m, s->events + k, i, x->nevents, k - i,
	    y->nevents };
	if (pthread_create(&t, NULL, merge_job_run, &w) != 0) {
		merge_range(m, s->events, 0, x->nevents, 0, y->nevents);
		return;
	}
	merge_range(m, s->events, 0, i, 0, k - i);
	pthread_join(t, NULL);
}

/*
 * Unplaced occurrences or skipped periods, x[nx] of half 0 and y[ny] of
 * half 1, items of size bytes that start with their series pointer:
 * merged by global series (a series is in one half, and each half's are
 * in file order), the pointers set to the merged series.
 */
_Static_assert(offsetof(struct sched_unplaced, series) == 0 &&
    offsetof(struct sched_skipped, series) == 0,
    "merge_by_series reads the series pointer first");

static void *
merge_by_series(const struct merge *m, const void *x, size_t nx,
    const void *y, size_t ny, size_t size, struct arena *a)
{
	const char *from[2] = { x, y };
	size_t at[2] = { 0, 0 }, n[2] = { nx, ny }, k;
	char *out = arena_realloc_owned(a, NULL, (nx + ny + 1) * size);
	const struct sched_series *r;
	uint32_t g[2];
	int h;

	for (k = 0; k < nx + ny; k++) {
		for (h = 0; h < 2; h++) {
			g[h] = UINT32_MAX;
			if (at[h] < n[h]) {
				memcpy(&r, from[h] + at[h] * size, sizeof(r));
				g[h] = global_series(m, h, r);
			}
		}
		h = g[0] < g[1] ? 0 : 1;
		memcpy(out + k * size, from[h] + at[h]++ * size, size);
		r = &m->series[g[h]];
		memcpy(out + k * size, &r, sizeof(r));
	}
	return out;
}

/* Quotas plan by plan, in the order the plans were given. */
static void
merge_quotas(struct schedule *s, const struct merge *m, const uint8_t *side,
    const uint32_t *local, struct arena *a)
{
	size_t at[2] = { 0, 0 }, pi, k = 0;

	s->nquotas = m->h[0].s.nquotas + m->h[1].s.nquotas;
	s->quotas = arena_realloc_owned(a, NULL, (s->nquotas + 1) *
	    sizeof(*s->quotas));
	for (pi = 0; pi < s->nplans; pi++) {
		const struct schedule *x = &m->h[side[pi]].s;
		size_t *i = &at[side[pi]];

		for (; *i < x->nquotas && x->quotas[*i].plan == local[pi];
		    (*i)++, k++) {
			s->quotas[k] = x->quotas[*i];
			s->quotas[k].plan = (uint32_t)pi;
		}
	}
}

/* An array of a half's schedule, copied: given back (they are all owned). */
static void
drop(struct arena *a, void *v)
{
	if (v != NULL)
		arena_realloc_owned(a, v, 1);
}

static void
drop_arrays(struct half *h)
{
	drop(&h->a, h->s.series);
	drop(&h->a, h->s.events);
	drop(&h->a, h->s.unplaced);
	drop(&h->a, h->s.skipped);
	drop(&h->a, h->s.quotas);
}

/* ---- the two threads ------------------------------------------------ */

/* Two halves of whole groups, or false: one group, or too few series. */
static bool
worth_two(const struct plan *const *plans, size_t nplans, size_t nfix,
    unsigned threads)
{
	uint64_t series = 0;
	size_t i;

	if (threads == 1 || nfix > 0 || nplans < 2 || nplans > UINT32_MAX)
		return false;
	if (threads >= 2)
		return true;
	for (i = 0; i < nplans; i++)
		series += plan_series(plans[i]);
	return series >= GROUPS_MIN_SERIES && cores_spare();
}

void
sched_run_groups(struct schedule *s, const struct plan *const *plans,
    size_t nplans, const struct sched_fix *fixes, size_t nfix,
    unsigned threads, struct arena *a)
{
	struct half h[2];
	struct merge m;
	pthread_t t;
	uint32_t *up, *local, n = (uint32_t)nplans;
	uint8_t *side;
	bool thread;
	int k;

	if (!worth_two(plans, nplans, nfix, threads)) {
		sched_run_fixed(s, plans, nplans, fixes, nfix, a);
		return;
	}
	if ((up = malloc(n * sizeof(*up))) == NULL ||
	    (local = malloc(n * sizeof(*local))) == NULL ||
	    (side = malloc(n)) == NULL)
		arena_oom();
	if (find_groups(plans, n, up) < 2) {
		free(up);
		free(local);
		free(side);
		sched_run_fixed(s, plans, nplans, fixes, nfix, a);
		return;
	}
	memset(h, 0, sizeof(h));
	for (k = 0; k < 2; k++) {
		if ((h[k].plans = malloc(n * sizeof(*h[k].plans))) == NULL)
			arena_oom();
		arena_init(&h[k].a);
	}
	split(plans, n, up, side, local, h);
	thread = pthread_create(&t, NULL, run_half, &h[1]) == 0;
	run_half(&h[0]);
	if (thread)
		pthread_join(t, NULL);
	else	/* no thread to be had: one after the other */
		run_half(&h[1]);

	memset(s, 0, sizeof(*s));
	s->plans = plans;
	s->nplans = nplans;
	m.h = h;
	for (k = 0; k < 2; k++)
		if ((m.gi[k] = malloc((h[k].s.nseries + 1) *
		    sizeof(*m.gi[k]))) == NULL)
			arena_oom();
	merge_series(s, &m, side, local, a);
	merge_events(s, &m, threads >= 2, a);
	s->nunplaced = h[0].s.nunplaced + h[1].s.nunplaced;
	s->unplaced = merge_by_series(&m, h[0].s.unplaced, h[0].s.nunplaced,
	    h[1].s.unplaced, h[1].s.nunplaced, sizeof(*s->unplaced), a);
	s->nskipped = h[0].s.nskipped + h[1].s.nskipped;
	s->skipped = merge_by_series(&m, h[0].s.skipped, h[0].s.nskipped,
	    h[1].s.skipped, h[1].s.nskipped, sizeof(*s->skipped), a);
	merge_quotas(s, &m, side, local, a);
	for (k = 0; k < 2; k++) {
		free(m.gi[k]);
		free(h[k].plans);
		drop_arrays(&h[k]);
		arena_adopt(a, &h[k].a);	/* ids, people, reasons */
	}
	free(up);
	free(local);
	free(side);
}
