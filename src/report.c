/* report.c - the county view (§12): many plans' schedule counted per plan, host, partner kindergarten and person. */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cores.h"
#include "date.h"
#include "plan.h"
#include "report.h"
#include "sched.h"
#include "strmap.h"

/* ---- semesters and months ------------------------------------------ */

int
report_semester(day_t d)
{
	int y, m, dd;

	date_to_civil(d, &y, &m, &dd);
	if (m >= 9)
		return 2 * y + 1;
	if (m <= 2)
		return 2 * (y - 1) + 1;
	return 2 * y;
}

struct span
report_semester_span(int sem)
{
	int y = sem / 2;
	struct span sp;

	if (sem % 2 == 0) {
		sp.from = date_from_civil(y, 3, 1);
		sp.to = date_from_civil(y, 8, 31);
	} else {
		sp.from = date_from_civil(y, 9, 1);
		sp.to = date_from_civil(y + 1, 3, 1) - 1;
	}
	return sp;
}

void
report_semester_key(int sem, char buf[20])
{
	int y = sem / 2;

	if (sem % 2 == 0)
		snprintf(buf, 20, "%04d-03..%04d-08", y % 10000, y % 10000);
	else
		snprintf(buf, 20, "%04d-09..%04d-02", y % 10000,
		    (y + 1) % 10000);
}

static int32_t
month_of(day_t d)
{
	int y, m, dd;

	date_to_civil(d, &y, &m, &dd);
	return (int32_t)y * 12 + m - 1;
}

void
report_month_key(int32_t month, char buf[8])
{
	uint32_t m = month < 0 ? 0 : (uint32_t)month;
	uint32_t y = m / 12 % 10000, mo = m % 12 + 1;

	/* "%04u-%02u", without a printf: the county has millions */
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + mo / 10);
	buf[6] = (char)('0' + mo % 10);
	buf[7] = '\0';
}

const struct report_term *
report_term(const struct report_partner *p, int sem)
{
	uint32_t i;

	for (i = 0; i < p->nterms; i++)
		if (p->terms[i].sem == sem)
			return &p->terms[i];
	return NULL;
}

/* ---- building ------------------------------------------------------ */

/* What report_build works with. */
struct rb {
	struct report		*r;
	struct arena		*a;
	const struct schedule	*s;
	const struct plan *const *plans;	/* the plans counted */
	size_t			 nplans;
	uint32_t		*fidx;		/* counted plan -> file */
	int32_t			**pg;		/* person of a plan -> global */
	int32_t			**og;		/* partner org of a plan -> global */
	uint32_t		*nsem;		/* per partner: visits, dense */
	uint32_t		*hsem;		/* per partner: held, dense */
	uint8_t			*cover;		/* per partner: semesters met */
	int			 nsems;
	const int32_t		*mtab;		/* month_of(dmin + i), or NULL */
	day_t			 dmin;
};

/* Longest span of event days that gets a table of their months. */
#define MONTH_TABLE_DAYS	(1 << 16)

/*
 * The month of each day the events span, once: a month_of per event
 * (three of them, the months counted twice) was a twentieth of
 * report_build and the schedule after it on a county. NULL when the span
 * is too long or there are no events: then month_at asks month_of.
 */
static void
rb_month_table(struct rb *b)
{
	const struct schedule *s = b->s;
	day_t lo, hi, d;
	int32_t *t;
	size_t i;

	if (s->nevents == 0)
		return;
	lo = hi = s->events[0].date;
	for (i = 1; i < s->nevents; i++) {
		lo = s->events[i].date < lo ? s->events[i].date : lo;
		hi = s->events[i].date > hi ? s->events[i].date : hi;
	}
	if ((int64_t)hi - lo >= MONTH_TABLE_DAYS)
		return;
	t = arena_alloc(b->a, ((size_t)(hi - lo) + 1) * sizeof(*t));
	for (d = lo; d <= hi; d++)
		t[d - lo] = month_of(d);
	b->mtab = t;
	b->dmin = lo;
}

/* The month of d, a day of an event. */
static int32_t
month_at(const struct rb *b, day_t d)
{
	return b->mtab != NULL ? b->mtab[d - b->dmin] : month_of(d);
}


static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts ids and drops repeats: the new count. */
static uint32_t
sort_unique(const char **v, uint32_t n)
{
	uint32_t i, k;

	if (n < 2)
		return n;
	qsort(v, n, sizeof(*v), str_cmp);
	for (i = 1, k = 1; i < n; i++)
		if (strcmp(v[i], v[k - 1]) != 0)
			v[k++] = v[i];
	return k;
}

static void
count_add(struct report_count *c, const struct report_count *d)
{
	c->events += d->events;
	c->due += d->due;
	c->held += d->held;
}

static void
count_event(struct report_count *c, bool due, bool held)
{
	c->events++;
	c->due += due;
	c->held += held;
}

static void
count_finish(struct report_count *c)
{
	c->overdue = c->due - c->held;
}

/* The plans, and the counted ones in their order. */
static void
rb_plans(struct rb *b, const struct report_file *files, size_t nfiles)
{
	struct report *r = b->r;
	const struct plan **counted;
	size_t i, n = 0;

	r->plans = arena_alloc(b->a, (nfiles + 1) * sizeof(*r->plans));
	r->nplans = nfiles;
	counted = arena_alloc(b->a, (nfiles + 1) * sizeof(*counted));
	b->fidx = arena_alloc(b->a, (nfiles + 1) * sizeof(*b->fidx));
	for (i = 0; i < nfiles; i++) {
		struct report_plan *rp = &r->plans[i];

		rp->file = files[i].file;
		rp->errors = files[i].errors;
		rp->unreadable = files[i].unreadable;
		rp->counted = files[i].plan != NULL;
		if (!rp->counted) {
			r->with_errors++;
			continue;
		}
		rp->title = files[i].plan->title;
		rp->host = files[i].plan->orgs[0].id;
		b->fidx[n] = (uint32_t)i;
		counted[n++] = files[i].plan;
	}
	b->plans = counted;
	b->nplans = n;
}

/* Semesters met by the plans counted. */
static void
rb_semesters(struct rb *b)
{
	struct report *r = b->r;
	size_t i;

	r->sem_first = 1;
	r->sem_last = 0;
	for (i = 0; i < b->nplans; i++) {
		const struct plan *p = b->plans[i];
		int f, l;

		if (!p->has_period || p->period.from > p->period.to)
			continue;
		f = report_semester(p->period.from);
		l = report_semester(p->period.to);
		if (r->sem_first > r->sem_last) {
			r->sem_first = f;
			r->sem_last = l;
		}
		if (f < r->sem_first)
			r->sem_first = f;
		if (l > r->sem_last)
			r->sem_last = l;
	}
	b->nsems = r->sem_first <= r->sem_last ?
	    r->sem_last - r->sem_first + 1 : 0;
}

/* Hosts by id: their plans, partners and counts. */
static void
rb_hosts(struct rb *b)
{
	struct report *r = b->r;
	struct strmap m;
	struct avec hosts = { 0 };
	size_t i, k;
	uint32_t j;
	bool existed;

	strmap_init(&m, b->a);
	/* First the hosts, then each one's plans and partners. */
	for (i = 0; i < b->nplans; i++) {
		const struct org *h = &b->plans[i]->orgs[0];
		int32_t *v = strmap_put(&m, h->id, strlen(h->id), &existed);

		if (!existed) {
			struct report_host *rh = avec_push(b->a, &hosts,
			    sizeof(*rh));

			memset(rh, 0, sizeof(*rh));
			rh->id = h->id;
			rh->name = h->name != NULL ? h->name : h->id;
			*v = (int32_t)(hosts.n - 1);
		}
	}
	r->hosts = hosts.v;
	r->nhosts = hosts.n;
	for (i = 0; i < b->nplans; i++) {
		const struct plan *p = b->plans[i];
		struct report_host *rh = &r->hosts[strmap_get(&m, p->orgs[0].id,
		    strlen(p->orgs[0].id))];

		rh->nplans++;
		rh->npartners += p->norgs - 1;
	}
	for (k = 0; k < r->nhosts; k++) {
		struct report_host *rh = &r->hosts[k];

		rh->plans = arena_alloc(b->a, rh->nplans * sizeof(*rh->plans) +
		    1);
		rh->partners = arena_alloc(b->a, (rh->npartners + 1) *
		    sizeof(*rh->partners));
		rh->nplans = rh->npartners = 0;
	}
	for (i = 0; i < b->nplans; i++) {
		const struct plan *p = b->plans[i];
		struct report_host *rh = &r->hosts[strmap_get(&m, p->orgs[0].id,
		    strlen(p->orgs[0].id))];
		const struct report_plan *rp = &r->plans[b->fidx[i]];

		rh->plans[rh->nplans++] = b->fidx[i];
		for (j = 1; j < p->norgs; j++)
			rh->partners[rh->npartners++] = p->orgs[j].id;
		count_add(&rh->c, &rp->c);
		rh->unplaced += rp->unplaced;
		rh->quotas_short += rp->quotas_short;
	}
	for (k = 0; k < r->nhosts; k++) {
		struct report_host *rh = &r->hosts[k];

		rh->npartners = sort_unique(rh->partners, rh->npartners);
		count_finish(&rh->c);
	}
}

static int
partner_cmp(const void *a, const void *b)
{
	return strcmp(((const struct report_partner *)a)->id,
	    ((const struct report_partner *)b)->id);
}

static int
host_cmp(const void *a, const void *b)
{
	return strcmp(((const struct report_host *)a)->id,
	    ((const struct report_host *)b)->id);
}

/* A person's place in id order: the id's first 8 bytes, big-endian. */
struct pkey {
	uint64_t	 k;
	const char	*id;
	size_t		 i;
};

static int
pkey_cmp(const void *a, const void *b)
{
	const struct pkey *x = a, *y = b;

	if (x->k != y->k)
		return x->k < y->k ? -1 : 1;
	return strcmp(x->id, y->id);
}

/*
 * The people in id order (ids are unique): sorted by keys that compare
 * as numbers, the ids read only when their first 8 bytes tie, then put
 * in that order in place. A qsort of the people with strcmp took 0.06 s
 * of a county's 240,000.
 */
static void
sort_people(struct report *r)
{
	struct report_person tmp;
	struct pkey *key;
	size_t i, j, k;

	if ((key = malloc(r->npeople * sizeof(*key))) == NULL)
		arena_oom();
	for (i = 0; i < r->npeople; i++) {
		const unsigned char *id = (const unsigned char *)r->people[i].id;

		key[i].k = 0;
		for (j = 0; j < 8; j++) {	/* the NUL, then zeros */
			key[i].k = key[i].k << 8 | id[0];
			id += id[0] != '\0';
		}
		key[i].id = r->people[i].id;
		key[i].i = i;
	}
	qsort(key, r->npeople, sizeof(*key), pkey_cmp);
	/* in place, cycle by cycle: person i is to be the key[i].i-th */
	for (i = 0; i < r->npeople; i++) {
		if (key[i].i == i)
			continue;
		tmp = r->people[i];
		for (j = i; key[j].i != i; j = k) {
			k = key[j].i;
			r->people[j] = r->people[k];
			key[j].i = j;
		}
		r->people[j] = tmp;
		key[j].i = j;
	}
	free(key);
}

/* Partners by id: names, hosts, the semesters their plans meet. */
static void
rb_partners(struct rb *b)
{
	struct report *r = b->r;
	struct strmap m;
	struct avec parts = { 0 };
	size_t i, np;
	uint32_t j;
	bool existed;

	strmap_init(&m, b->a);
	b->og = arena_alloc(b->a, (b->nplans + 1) * sizeof(*b->og));
	for (i = 0; i < b->nplans; i++) {
		const struct plan *p = b->plans[i];

		b->og[i] = arena_alloc(b->a, p->norgs * sizeof(**b->og));
		b->og[i][0] = -1;
		for (j = 1; j < p->norgs; j++) {
			const struct org *o = &p->orgs[j];
			int32_t *v = strmap_put(&m, o->id, strlen(o->id),
			    &existed);

			if (!existed) {
				struct report_partner *rp = avec_push(b->a,
				    &parts, sizeof(*rp));

				memset(rp, 0, sizeof(*rp));
				rp->id = o->id;
				rp->name = o->name != NULL ? o->name : o->id;
				*v = (int32_t)(parts.n - 1);
			}
			b->og[i][j] = *v;
			((struct report_partner *)parts.v)[*v].nhosts++;
		}
	}
	np = parts.n;
	r->partners = parts.v;
	r->npartners = np;
	for (i = 0; i < np; i++) {
		r->partners[i].hosts = arena_alloc(b->a,
		    (r->partners[i].nhosts + 1) * sizeof(const char *));
		r->partners[i].nhosts = 0;
	}
	b->cover = arena_alloc(b->a, np * (size_t)b->nsems + 1);
	b->nsem = arena_alloc(b->a, (np * (size_t)b->nsems + 1) *
	    sizeof(*b->nsem));
	b->hsem = arena_alloc(b->a, (np * (size_t)b->nsems + 1) *
	    sizeof(*b->hsem));
	for (i = 0; i < b->nplans; i++) {
		const struct plan *p = b->plans[i];
		int f = 0, l = -1, k;

		if (p->has_period && p->period.from <= p->period.to) {
			f = report_semester(p->period.from) - r->sem_first;
			l = report_semester(p->period.to) - r->sem_first;
		}
		for (j = 1; j < p->norgs; j++) {
			struct report_partner *rp = &r->partners[b->og[i][j]];

			rp->hosts[rp->nhosts++] = p->orgs[0].id;
			for (k = f; k <= l; k++)
				b->cover[(size_t)b->og[i][j] * b->nsems + k] = 1;
		}
	}
}

/*
 * The events in the order of their series, by date within each, or NULL
 * when an event's series is not in s->series (then date order serves).
 * What rb_events and the months count does not depend on the order, and
 * in it a series' plan, partner and people stay in the cache from one
 * event to the next, where date order jumps between thousands of plans.
 */
static uint32_t *
by_series(const struct schedule *s)
{
	uint32_t *at, *ord;
	size_t i, k;

	if (s->nevents > UINT32_MAX)
		return NULL;
	for (i = 0; i < s->nevents; i++)	/* addresses, as numbers: the
						   series may be elsewhere */
		if ((uintptr_t)s->events[i].series < (uintptr_t)s->series ||
		    (uintptr_t)s->events[i].series >= (uintptr_t)(s->series +
		    s->nseries))
			return NULL;
	if ((at = calloc(s->nseries + 1, sizeof(*at))) == NULL ||
	    (ord = malloc((s->nevents + 1) * sizeof(*ord))) == NULL)
		arena_oom();
	for (i = 0; i < s->nevents; i++)
		at[s->events[i].series - s->series + 1]++;
	for (k = 1; k <= s->nseries; k++)
		at[k] += at[k - 1];
	for (i = 0; i < s->nevents; i++)
		ord[at[s->events[i].series - s->series]++] = (uint32_t)i;
	free(at);
	return ord;
}

/* Every event: the plans', partners' and people's counts. */
static void
rb_events(struct rb *b, const bool *held, const uint32_t *ord)
{
	struct report *r = b->r;
	const struct schedule *s = b->s;
	size_t t, i;
	uint32_t k;

	r->month_first = 1;
	r->month_last = 0;
	for (t = 0; t < s->nevents; t++) {
		const struct sched_event *ev = &s->events[i = ord ? ord[t] : t];
		const struct sched_series *sr = ev->series;
		bool due = ev->date <= r->on, h = due && held != NULL &&
		    held[i];
		int32_t mo = month_at(b, ev->date);

		count_event(&r->plans[b->fidx[sr->plan]].c, due, h);
		if (r->month_first > r->month_last)
			r->month_first = r->month_last = mo;
		if (mo < r->month_first)
			r->month_first = mo;
		if (mo > r->month_last)
			r->month_last = mo;
		if (sr->partner > 0) {
			int32_t g = b->og[sr->plan][sr->partner];
			int sem = report_semester(ev->date) - r->sem_first;

			count_event(&r->partners[g].c, due, h);
			if (sem >= 0 && sem < b->nsems) {
				size_t at = (size_t)g * b->nsems + sem;

				b->nsem[at]++;
				b->hsem[at] += h;
				b->cover[at] = 1;
			}
		}
		for (k = 0; k < sr->npeople; k++)
			r->people[b->pg[sr->plan][sr->people[k]]].events++;
	}
	for (i = 0; i < s->nunplaced; i++)
		r->plans[b->fidx[s->unplaced[i].series->plan]].unplaced++;
	for (i = 0; i < s->nquotas; i++)
		if (s->quotas[i].got < s->quotas[i].required)
			r->plans[b->fidx[s->quotas[i].plan]].quotas_short++;
	for (i = 0; i < r->nplans; i++) {
		struct report_plan *rp = &r->plans[i];

		count_finish(&rp->c);
		count_add(&r->total, &rp->c);
		r->unplaced += rp->unplaced;
		r->quotas_short += rp->quotas_short;
	}
	count_finish(&r->total);
}

/* Each partner's semesters, hosts and flag. */
static void
rb_partner_terms(struct rb *b)
{
	struct report *r = b->r;
	size_t i;
	int k;

	for (i = 0; i < r->npartners; i++) {
		struct report_partner *rp = &r->partners[i];
		size_t base = i * (size_t)b->nsems;

		count_finish(&rp->c);
		rp->nhosts = sort_unique(rp->hosts, rp->nhosts);
		for (k = 0; k < b->nsems; k++)
			rp->nterms += b->cover[base + k];
		rp->terms = arena_alloc(b->a, (rp->nterms + 1) *
		    sizeof(*rp->terms));
		rp->nterms = 0;
		for (k = 0; k < b->nsems; k++) {
			struct report_term *t;

			if (!b->cover[base + k])
				continue;
			t = &rp->terms[rp->nterms++];
			t->sem = r->sem_first + k;
			t->planned = b->nsem[base + k];
			t->held = b->hsem[base + k];
			if (t->planned < r->min_visits && rp->flag == RF_OK)
				rp->flag = RF_FEW;
		}
		if (rp->c.events == 0)
			rp->flag = RF_NONE;
		if (rp->flag != RF_OK)
			r->flagged++;
	}
}

/* People by id across the plans: name, kindergarten, plans. */
static void
rb_people(struct rb *b)
{
	struct report *r = b->r;
	struct strmap m;
	struct avec people = { 0 };
	size_t i;
	uint32_t j;
	bool existed;

	strmap_init(&m, b->a);
	b->pg = arena_alloc(b->a, (b->nplans + 1) * sizeof(*b->pg));
	for (i = 0; i < b->nplans; i++) {
		const struct plan *p = b->plans[i];

		b->pg[i] = arena_alloc(b->a, (p->npeople + 1) *
		    sizeof(**b->pg));
		for (j = 0; j < p->npeople; j++) {
			const struct person *pe = &p->people[j];
			int32_t *v = strmap_put(&m, pe->id, strlen(pe->id),
			    &existed);
			struct report_person *rp;

			if (!existed) {
				int32_t o = pe->has_org ? pe->org.idx : 0;

				rp = avec_push(b->a, &people, sizeof(*rp));
				memset(rp, 0, sizeof(*rp));
				rp->id = pe->id;
				rp->name = pe->name != NULL ? pe->name : pe->id;
				rp->org = p->orgs[o >= 0 &&
				    (uint32_t)o < p->norgs ? o : 0].id;
				*v = (int32_t)(people.n - 1);
			}
			rp = &((struct report_person *)people.v)[*v];
			rp->nplans++;
			b->pg[i][j] = *v;
		}
	}
	r->people = people.v;
	r->npeople = people.n;
}

/* A person's event in a month, for the counts by month. */
struct pm {
	uint32_t	 person;
	int32_t		 month;
};

/*
 * v in order of person, then month: a stable counting sort by month, then
 * one by person, linear where a qsort took a third of report_build on a
 * county of 10,000 plans. People are below np.
 */
static void
pm_sort(struct pm *v, size_t n, size_t np)
{
	size_t *at, i, nm;
	int32_t lo, hi;
	struct pm *t;

	if (n < 2)
		return;
	lo = hi = v[0].month;
	for (i = 1; i < n; i++) {
		lo = v[i].month < lo ? v[i].month : lo;
		hi = v[i].month > hi ? v[i].month : hi;
	}
	nm = (size_t)((int64_t)hi - lo) + 1;
	if ((at = calloc((nm > np ? nm : np) + 1, sizeof(*at))) == NULL ||
	    (t = malloc(n * sizeof(*t))) == NULL)
		arena_oom();
	for (i = 0; i < n; i++)
		at[v[i].month - lo + 1]++;
	for (i = 1; i <= nm; i++)
		at[i] += at[i - 1];
	for (i = 0; i < n; i++)
		t[at[v[i].month - lo]++] = v[i];
	memset(at, 0, (np + 1) * sizeof(*at));
	for (i = 0; i < n; i++)
		at[t[i].person + 1]++;
	for (i = 1; i <= np; i++)
		at[i] += at[i - 1];
	for (i = 0; i < n; i++)
		v[at[t[i].person]++] = t[i];
	free(at);
	free(t);
}

/* Person rp's months from the counts c of months lo, lo + 1, ... */
static void
person_months(struct rb *b, struct report_person *rp, const uint32_t *c,
    int32_t lo, size_t span)
{
	size_t k;
	uint32_t m = 0;

	for (k = 0; k < span; k++)
		m += c[k] != 0;
	if (m == 0)
		return;
	rp->months = arena_alloc(b->a, m * sizeof(*rp->months));
	for (k = 0; k < span; k++)
		if (c[k] != 0) {
			rp->months[rp->nmonths].month = lo + (int32_t)k;
			rp->months[rp->nmonths++].n = c[k];
		}
	for (m = 1; m < rp->nmonths; m++)
		if (rp->months[m].n > rp->months[rp->busiest].n)
			rp->busiest = m;
}

/* A plan's table of people by months, at most: bigger ones sort. */
#define MONTHS_TABLE_MAX	(1u << 20)

/*
 * Each person's events by month, plan by plan, when no person is in two
 * plans: ord has the events of a plan's series together, and they are
 * all that its people have, counted in a table of its people by its
 * months that stays in the cache. False, before anything is counted,
 * when a person is in two plans or a plan's table would be too big:
 * then the sort of all (months_by_sort) does it.
 */
static bool
months_by_plan(struct rb *b, const uint32_t *ord)
{
	struct report *r = b->r;
	const struct schedule *s = b->s;
	size_t t, u, i, span, cap = 0;
	uint32_t *cnt, plan, j, k;
	int32_t *lo, *hi, mo;
	bool fit = true;

	if (ord == NULL)
		return false;
	for (i = 0; i < r->npeople; i++)
		if (r->people[i].nplans > 1)
			return false;
	if ((lo = malloc((b->nplans + 1) * sizeof(*lo))) == NULL ||
	    (hi = malloc((b->nplans + 1) * sizeof(*hi))) == NULL)
		arena_oom();
	for (t = 0; fit && t < s->nevents; t = u) {	/* the tables fit */
		plan = s->events[ord[t]].series->plan;
		if (t > 0 && plan <= s->events[ord[t - 1]].series->plan) {
			fit = false;	/* a plan's series not together */
			break;
		}
		lo[plan] = INT32_MAX;
		hi[plan] = INT32_MIN;
		for (u = t; u < s->nevents &&
		    s->events[ord[u]].series->plan == plan; u++) {
			mo = month_at(b, s->events[ord[u]].date);
			lo[plan] = mo < lo[plan] ? mo : lo[plan];
			hi[plan] = mo > hi[plan] ? mo : hi[plan];
		}
		span = (size_t)((int64_t)hi[plan] - lo[plan]) + 1;
		if (span > MONTHS_TABLE_MAX || (size_t)b->plans[plan]->npeople *
		    span > MONTHS_TABLE_MAX)
			fit = false;
		else if ((size_t)b->plans[plan]->npeople * span > cap)
			cap = (size_t)b->plans[plan]->npeople * span;
	}
	if (!fit) {
		free(lo);
		free(hi);
		return false;
	}
	if ((cnt = malloc((cap + 1) * sizeof(*cnt))) == NULL)
		arena_oom();
	for (t = 0; t < s->nevents; t = u) {
		const struct plan *p;

		plan = s->events[ord[t]].series->plan;
		p = b->plans[plan];
		span = (size_t)((int64_t)hi[plan] - lo[plan]) + 1;
		memset(cnt, 0, (size_t)p->npeople * span * sizeof(*cnt));
		for (u = t; u < s->nevents &&
		    s->events[ord[u]].series->plan == plan; u++) {
			const struct sched_event *ev = &s->events[ord[u]];
			const struct sched_series *sr = ev->series;
			size_t at = (size_t)(month_at(b, ev->date) - lo[plan]);

			for (j = 0; j < sr->npeople; j++)
				cnt[(size_t)sr->people[j] * span + at]++;
		}
		for (k = 0; k < p->npeople; k++)
			person_months(b, &r->people[b->pg[plan][k]],
			    &cnt[(size_t)k * span], lo[plan], span);
	}
	free(cnt);
	free(lo);
	free(hi);
	return true;
}

/*
 * Each person's events by month, from a sort of all: when months_by_plan
 * could not, after rb_events has counted each person's events.
 */
static void
months_by_sort(struct rb *b, const uint32_t *ord)
{
	struct report *r = b->r;
	const struct schedule *s = b->s;
	struct pm *v;
	size_t i, n = 0, k, t;
	uint32_t j;

	for (i = 0; i < r->npeople; i++)
		n += r->people[i].events;
	v = malloc((n + 1) * sizeof(*v));
	if (v == NULL)
		arena_oom();
	n = 0;
	for (t = 0; t < s->nevents; t++) {
		const struct sched_event *ev = &s->events[ord ? ord[t] : t];
		const struct sched_series *sr = ev->series;
		int32_t mo = month_at(b, ev->date);

		for (j = 0; j < sr->npeople; j++) {
			v[n].person = (uint32_t)b->pg[sr->plan][sr->people[j]];
			v[n++].month = mo;
		}
	}
	pm_sort(v, n, r->npeople);
	for (i = 0; i < n; i = k) {
		struct report_person *rp = &r->people[v[i].person];
		uint32_t m = 0;

		for (k = i; k < n && v[k].person == v[i].person; k++)
			if (k == i || v[k].month != v[k - 1].month)
				m++;
		rp->months = arena_alloc(b->a, m * sizeof(*rp->months));
		for (k = i; k < n && v[k].person == v[i].person; k++) {
			if (k == i || v[k].month != v[k - 1].month) {
				rp->months[rp->nmonths].month = v[k].month;
				rp->months[rp->nmonths++].n = 0;
			}
			rp->months[rp->nmonths - 1].n++;
		}
		for (m = 1; m < rp->nmonths; m++)
			if (rp->months[m].n > rp->months[rp->busiest].n)
				rp->busiest = m;
	}
	free(v);
}

/* Below this many events, a thread costs more than the months take. */
#define MONTHS_THREAD_MIN	200000

/*
 * months_by_plan on a thread of its own while rb_events and the rest
 * count: the two write different fields of the people (months against
 * events), and the months' memory comes from an arena of the job's,
 * adopted at the end.
 */
struct months_job {
	struct rb	 b;		/* the caller's, with a = &a */
	const uint32_t	*ord;
	struct arena	 a;
	pthread_t	 t;
	bool		 running;
	bool		 done;		/* months_by_plan's answer */
};

static void *
months_run(void *arg)
{
	struct months_job *j = arg;

	j->done = months_by_plan(&j->b, j->ord);
	return NULL;
}

static void
months_start(struct months_job *j, const struct rb *b, const uint32_t *ord)
{
	memset(j, 0, sizeof(*j));
	if (ord == NULL || b->s->nevents < MONTHS_THREAD_MIN || !cores_spare())
		return;
	j->b = *b;
	j->ord = ord;
	arena_init(&j->a);
	j->b.a = &j->a;
	j->running = pthread_create(&j->t, NULL, months_run, j) == 0;
	if (!j->running)
		arena_release(&j->a);
}

/* Whether the people's months are counted, on the job's thread or now. */
static bool
months_finish(struct months_job *j, struct rb *b, const uint32_t *ord)
{
	if (!j->running)
		return months_by_plan(b, ord);
	pthread_join(j->t, NULL);
	arena_adopt(b->a, &j->a);
	return j->done;
}

void
report_build(struct report *r, const struct report_file *files,
    size_t nfiles, const struct schedule *s, const bool *held, day_t on,
    uint32_t min_visits, struct arena *a)
{
	struct rb b;
	struct months_job mj;
	uint32_t *ord;

	memset(r, 0, sizeof(*r));
	memset(&b, 0, sizeof(b));
	r->on = on;
	r->min_visits = min_visits;
	b.r = r;
	b.a = a;
	b.s = s;
	rb_month_table(&b);
	rb_plans(&b, files, nfiles);
	rb_semesters(&b);
	rb_partners(&b);
	rb_people(&b);
	ord = by_series(s);
	months_start(&mj, &b, ord);
	rb_events(&b, held, ord);
	rb_partner_terms(&b);
	rb_hosts(&b);
	if (r->nhosts > 1)
		qsort(r->hosts, r->nhosts, sizeof(*r->hosts), host_cmp);
	if (r->npartners > 1)
		qsort(r->partners, r->npartners, sizeof(*r->partners),
		    partner_cmp);
	if (!months_finish(&mj, &b, ord))
		months_by_sort(&b, ord);
	free(ord);
	/* Everything is counted: now the people go in id order too. */
	if (r->npeople > 1)
		sort_people(r);
}
