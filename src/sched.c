/* sched.c - fuzzy plans become dated events on real working days. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "plan.h"
#include "sched.h"
#include "strmap.h"

/* ---- occupancy: who and what is taken on which day ----------------- */

/*
 * Open addressing from a 64-bit key to a 64-bit value, malloc'd (owned by
 * the arena). People: key (person, day / 64), value a bit per day. Sites:
 * key (site, day), value the number of events.
 */
struct occmap {
	struct occpair {
		uint64_t key;	/* key + 1; 0 is empty */
		uint64_t val;
	}		*v;	/* a key and its value share a cache line */
	size_t		 cap, n;
};

static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xFF51AFD7ED558CCDull;
	x ^= x >> 33;
	return x;
}

static size_t
occ_find(const struct occmap *m, uint64_t key)
{
	size_t i, mask = m->cap - 1;

	for (i = mix64(key) & mask;; i = (i + 1) & mask)
		if (m->v[i].key == 0 || m->v[i].key == key + 1)
			return i;
}

static uint64_t
occ_get(const struct occmap *m, uint64_t key)
{
	size_t i;

	if (m->cap == 0)
		return 0;
	i = occ_find(m, key);
	return m->v[i].key == 0 ? 0 : m->v[i].val;
}

static uint64_t *
occ_slot(struct occmap *m, struct arena *a, uint64_t key)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap) {
		struct occmap old = *m;
		size_t j;

		m->cap = old.cap ? old.cap * 2 : 1024;
		m->v = arena_realloc_owned(a, NULL, m->cap * sizeof(*m->v));
		memset(m->v, 0, m->cap * sizeof(*m->v));
		for (j = 0; j < old.cap; j++)
			if (old.v[j].key != 0)
				m->v[occ_find(m, old.v[j].key - 1)] = old.v[j];
		if (old.cap)	/* give the old table back */
			arena_realloc_owned(a, old.v, 1);
	}
	i = occ_find(m, key);
	if (m->v[i].key == 0) {
		m->v[i].key = key + 1;
		m->v[i].val = 0;
		m->n++;
	}
	return &m->v[i].val;
}

/* ---- the scheduler's state ----------------------------------------- */

/*
 * One occurrence waiting for a day, in 24 bytes: a big plan has millions.
 * Its eligible days, by which it is placed, are counted when it is sorted
 * (occ_len). A plan has at most 10,000,000 occurrences (rule limit).
 */
struct occ {
	uint32_t	 series;
	unsigned int	 number : 28;	/* 1-based within the series */
	unsigned int	 fixed : 1;
	unsigned int	 placed : 1;
	unsigned int	 dropped : 1;	/* cancelled by a record */
	unsigned int	 recorded : 1;	/* fixed by a record on [from, end] */
	day_t		 from, to;	/* its slice: first and last eligible day */
	day_t		 date, end;	/* where it went; a record's last day
					   while recorded and not yet placed */
};
_Static_assert(sizeof(struct occ) == 24, "an occurrence is 24 bytes");

/*
 * What placement reads of a series, in one cache line. Occurrences are
 * placed in order of slice end, not file order, so each meets its series
 * at random: its window, calendar, people's global ids and state read
 * from the series, its `when`, two index arrays and the plan were a cache
 * miss each, most of the time placement took.
 */
#define PS_PEOPLE	5	/* global person ids kept in the record */
struct pser {
	day_t		 from, to;	/* the window */
	uint32_t	 cw;		/* its calendar's words: st->cw index */
	uint32_t	 days;		/* working days an occurrence takes */
	uint32_t	 npeople;
	uint32_t	 gp[PS_PEOPLE];	/* people (ps_person); with more, gp[0]
					   is where they start in st->gpool */
	uint32_t	 site;		/* global id of the site it takes */
	uint32_t	 vpd;		/* its plan's visits-per-day */
	uint32_t	 npred;		/* series it comes after */
	day_t		 last_end;	/* its last day placed, or INT32_MIN */
	uint32_t	 nunplaced;
	uint8_t		 weekdays;
	bool		 room;		/* takes room at its site */
};
_Static_assert(sizeof(struct pser) == 64, "a placement record is a line");

struct sstate {
	struct arena		*a;
	struct schedule		*s;
	const struct plan *const *plans;
	/* global ids: people and sites shared across plans */
	uint32_t		**pgid, **sgid;	/* [plan][index] */
	const char		**pnames, **snames;
	uint32_t		 npersons, nsites;
	struct occmap		 busy, visits;
	uint64_t		*dense;		/* busy words, when not the map */
	struct occmap		 siteany;	/* (site, day / 64): a bit per
						   day with a visit */
	/* working days of each site calendar as words (struct calwords) */
	struct occmap		 calmap;	/* sitecal pointer -> index + 1 */
	struct avec		 cw;
	uint32_t		*scw;		/* per series: index + 1, or 0;
						   malloc'd, until make_pser */
	day_t			*days;		/* slice_period's eligible days */
	size_t			 ndays_cap;
	uint64_t		 wdpat[128][7];	/* weekday masks as day bits */
	bool			 wdpat_done[128];
	struct avec		 series, occs, events, unplaced, skipped,
				 quotas;
	/* what series i comes after: pred[pfirst[i] .. pfirst[i + 1]) */
	uint32_t		*pfirst, *pred;
	struct pser		*ps;		/* per series, while placing */
	uint32_t		*gpool;		/* global ids of big series */
	uint32_t		*layer;		/* per series: 0, or one above
						   its `after` (malloc'd) */
	uint32_t		 nlayers;
	day_t			 longest;	/* the longest visit, in days */
	uint8_t			*counted;	/* bit per global person in a quota */
};

_Static_assert(sizeof(struct sched_series) <= 64, "a series fits a line");

static const struct plan *
plan_of(const struct sstate *st, const struct sched_series *r)
{
	return st->plans[r->plan];
}

/* Global indexes: the same id in two plans is the same person or site. */
static void
index_globals(struct sstate *st)
{
	struct strmap pm, sm;
	size_t i;
	uint32_t j;
	bool existed;
	int32_t *slot;

	strmap_init(&pm, st->a);
	strmap_init(&sm, st->a);
	st->pgid = arena_alloc(st->a, st->s->nplans * sizeof(*st->pgid));
	st->sgid = arena_alloc(st->a, st->s->nplans * sizeof(*st->sgid));
	for (i = 0; i < st->s->nplans; i++) {
		const struct plan *p = st->plans[i];

		st->pgid[i] = arena_alloc(st->a, (p->npeople + 1) *
		    sizeof(uint32_t));
		for (j = 0; j < p->npeople; j++) {
			slot = strmap_put(&pm, p->people[j].id,
			    strlen(p->people[j].id), &existed);
			if (!existed)
				*slot = (int32_t)st->npersons++;
			st->pgid[i][j] = (uint32_t)*slot;
		}
		st->sgid[i] = arena_alloc(st->a, (p->norgs + 1) *
		    sizeof(uint32_t));
		for (j = 0; j < p->norgs; j++) {
			slot = strmap_put(&sm, p->orgs[j].id,
			    strlen(p->orgs[j].id), &existed);
			if (!existed)
				*slot = (int32_t)st->nsites++;
			st->sgid[i][j] = (uint32_t)*slot;
		}
	}
}

/* ---- working days as bits ----------------------------------------- */

/*
 * Days as bits, 64 to a word: word k holds days 64k .. 64k + 63 (the
 * busy map of people is keyed the same way). Placement reads whole words
 * of them to find the next day that could do, instead of trying each day
 * (the work budget's BUDGET_WINDOW_DAYS counts on it).
 */
#define NO_DAY		INT32_MAX

static int32_t
word_of(day_t d)
{
	return (int32_t)(d >> 6);	/* the floor, as the busy map's key */
}

/* The bits of word k for the days of [lo, hi]. */
static uint64_t
range_bits(int32_t k, day_t lo, day_t hi)
{
	int64_t first = (int64_t)k * 64, a, b;

	a = lo > first ? lo - first : 0;
	b = hi < first + 63 ? hi - first : 63;
	if (a > b)
		return 0;
	return (~0ull >> (63 - b)) & (~0ull << a);
}

static day_t
day_of(int32_t k, int bit)
{
	return (day_t)((int64_t)k * 64 + bit);
}

/*
 * The working days of one site calendar as words, those of its workmap
 * worked out once (first..last); other words are worked out when asked.
 */
struct calwords {
	const struct sitecal	*cal;
	int32_t			 first, last;
	uint64_t		*bits;		/* NULL: none kept */
};

static uint64_t
cal_word_of(const struct sitecal *c, int32_t k)
{
	uint64_t m = 0;
	int i;

	for (i = 0; i < 64; i++)
		if (sitecal_is_working(c, day_of(k, i)))
			m |= 1ull << i;
	return m;
}

/* The words of series si's calendar, made the first time one asks. */
static const struct calwords *
cal_words(struct sstate *st, uint32_t si)
{
	const struct sitecal *c;
	struct calwords *w;
	uint64_t *slot;
	int32_t k;

	if (st->scw[si] != 0)
		return &((const struct calwords *)st->cw.v)[st->scw[si] - 1];
	c = ((const struct sched_series *)st->series.v)[si].cal;
	slot = occ_slot(&st->calmap, st->a, (uint64_t)(uintptr_t)c);
	if (*slot == 0) {
		w = avec_push(st->a, &st->cw, sizeof(*w));
		w->cal = c;
		w->bits = NULL;
		w->first = 0;
		w->last = -1;
		if (c->has_wm && c->wm.ndays > 0) {
			w->first = word_of(c->wm.base);
			w->last = word_of(c->wm.base + c->wm.ndays - 1);
			w->bits = arena_alloc(st->a, (size_t)(w->last -
			    w->first + 1) * sizeof(*w->bits));
			/*
			 * The workmap's words, but for the parts of the
			 * first and last outside its span, which it leaves 0
			 */
			for (k = w->first; k <= w->last; k++)
				w->bits[k - w->first] = k == w->first ||
				    k == w->last ? cal_word_of(c, k) :
				    c->wm.bits[k - c->wm.first];
		}
		*slot = st->cw.n;
	}
	st->scw[si] = (uint32_t)*slot;
	return &((const struct calwords *)st->cw.v)[st->scw[si] - 1];
}

/* The working days of word k of a calendar. */
static uint64_t
work_word(const struct calwords *w, int32_t k)
{
	if (k >= w->first && k <= w->last)
		return w->bits[k - w->first];
	return cal_word_of(w->cal, k);
}

/* The days of word k whose weekday is in mask. */
static uint64_t
weekday_word(struct sstate *st, uint8_t mask, int32_t k)
{
	int s, i;

	mask &= 0x7F;
	if (!st->wdpat_done[mask]) {
		for (s = 0; s < 7; s++) {
			st->wdpat[mask][s] = 0;
			for (i = 0; i < 64; i++)
				if ((mask >> ((s + i) % 7)) & 1)
					st->wdpat[mask][s] |= 1ull << i;
		}
		st->wdpat_done[mask] = true;
	}
	return st->wdpat[mask][date_weekday(day_of(k, 0))];
}

/* The index of the lowest set bit of m (not 0): a de Bruijn sequence. */
static int
lowest_bit(uint64_t m)
{
	static const int8_t pos[64] = {
		0, 1, 48, 2, 57, 49, 28, 3, 61, 58, 50, 42, 38, 29, 17, 4,
		62, 55, 59, 36, 53, 51, 43, 22, 45, 39, 33, 30, 24, 18, 12, 5,
		63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21, 44, 32, 23, 11,
		46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9, 13, 8, 7, 6
	};

	return pos[((m & -m) * 0x03f79d71b4cb0a89ull) >> 58];
}

/* ---- expansion ----------------------------------------------------- */

static const int32_t *
people_of(struct sstate *st, const struct reflist *a, const struct reflist *b,
    uint32_t *n)
{
	int32_t *v;
	uint32_t i, k, m = 0;
	const struct reflist *l[2] = { a, b };
	int t;

	v = arena_alloc_align(st->a, ((size_t)a->n + (b ? b->n : 0) + 1) *
	    sizeof(*v), _Alignof(int32_t));
	for (t = 0; t < 2; t++) {
		if (l[t] == NULL)
			continue;
		for (i = 0; i < l[t]->n; i++) {
			int32_t x = l[t]->v[i].idx;

			if (x < 0)
				continue;
			for (k = 0; k < m && v[k] != x; k++)
				;
			if (k == m)
				v[m++] = x;
		}
	}
	*n = m;
	return v;
}

static struct sched_series *
new_series(struct sstate *st, uint32_t plan)
{
	struct sched_series *r = avec_push(st->a, &st->series, sizeof(*r));

	memset(r, 0, sizeof(*r));
	r->plan = plan;
	r->partner = r->site = -1;
	r->phase = -1;
	return r;
}

static const struct when *
when_of(const struct sched_series *r)
{
	return r->type == SCHED_ACT ? &sched_act(r)->w :
	    r->type == SCHED_MENT ? &sched_ment(r)->meet : &sched_pair(r)->w;
}

/* The last day an occurrence of w starting on d occupies. */
static day_t
end_of(const struct sitecal *c, const struct when *w, day_t d)
{
	return sitecal_occupied_end(c, d, w->days);
}

static void
add_occ(struct sstate *st, uint32_t series, uint32_t number, day_t from,
    day_t to)
{
	struct occ *o = avec_push(st->a, &st->occs, sizeof(*o));

	o->series = series;
	o->number = number;
	o->from = from;
	o->to = to;
}

static void
add_unplaced(struct sstate *st, uint32_t series, uint32_t number,
    struct span win, const char *reason)
{
	struct sched_unplaced *u = avec_push(st->a, &st->unplaced,
	    sizeof(*u));

	u->series = (const struct sched_series *)(uintptr_t)series;
	u->occurrence = number;
	u->window = win;
	u->reason = reason;
}

/*
 * Cuts the eligible days of [per] into `times` slices (§5.1) and adds
 * one occurrence per slice. Returns false when [per] has no eligible day.
 * An eligible day is in the window, a working day of the series' own
 * site calendar (§13: its site's, or for an online series its people's
 * kindergartens'), on an allowed weekday; they are read a word of 64 days
 * at a time (cal_words).
 */
static bool
slice_period(struct sstate *st, uint32_t si, struct span per,
    uint32_t *number)
{
	const struct sched_series *r = &((struct sched_series *)
	    st->series.v)[si];
	const struct when *w = when_of(r);
	const struct calwords *cw = cal_words(st, si);
	day_t lo = per.from > w->window.from ? per.from : w->window.from;
	day_t hi = per.to < w->window.to ? per.to : w->window.to;
	day_t *d = st->days;
	size_t k = 0;
	uint32_t t;
	int32_t word;
	uint64_t m;

	for (word = word_of(lo); lo <= hi && word <= word_of(hi); word++) {
		m = range_bits(word, lo, hi) & work_word(cw, word) &
		    weekday_word(st, w->weekdays, word);
		for (; m != 0; m &= m - 1) {
			if (k == st->ndays_cap) {
				st->ndays_cap = k ? 2 * k : 256;
				d = st->days = arena_realloc_owned(st->a, d,
				    st->ndays_cap * sizeof(*d));
			}
			d[k++] = day_of(word, lowest_bit(m));
		}
	}
	if (k == 0)
		return false;
	for (t = 0; t < w->times; t++) {
		size_t from = (size_t)t * k / w->times;
		size_t to = (size_t)(t + 1) * k / w->times;

		++*number;
		if (from == to) {
			add_unplaced(st, si, *number, per,
			    "its share of the window has no working day");
			continue;
		}
		add_occ(st, si, *number, d[from], d[to - 1]);
	}
	return true;
}

static void
expand_series(struct sstate *st, uint32_t si)
{
	struct sched_series *r = &((struct sched_series *)st->series.v)[si];
	const struct when *w = when_of(r);
	uint32_t number = 0;
	struct span per;
	day_t start, next;

	r->cal = plan_site_cal(plan_of(st, r), r->site, w);
	if (sched_act(r) != NULL && sched_act(r)->has_date) {
		struct occ *o = avec_push(st->a, &st->occs, sizeof(*o));

		o->series = si;
		o->number = 1;
		o->from = o->to = sched_act(r)->date;
		o->fixed = true;
		r->of = 1;
		return;
	}
	if (w->window.from > w->window.to)
		return;
	if (w->every == EV_NONE) {
		if (!slice_period(st, si, w->window, &number)) {
			uint32_t t;

			for (t = 0; t < w->times; t++)
				add_unplaced(st, si, ++number, w->window,
				    "the calendar leaves no working day in "
				    "its window");
		}
		r = &((struct sched_series *)st->series.v)[si];
		r->of = number;
		return;
	}
	for (start = plan_period_first(w); start <= w->window.to;
	    start = next) {
		next = plan_period_next(w, start);
		per.from = start < w->window.from ? w->window.from : start;
		per.to = next - 1 > w->window.to ? w->window.to : next - 1;
		if (!slice_period(st, si, per, &number)) {
			struct sched_skipped *k = avec_push(st->a,
			    &st->skipped, sizeof(*k));

			k->series = (const struct sched_series *)(uintptr_t)si;
			k->period = per;
			k->reason = "no working day";
		}
	}
	r = &((struct sched_series *)st->series.v)[si];
	r->of = number;
}

/*
 * The series of each activity of each plan: first[pi][k] and count[pi][k]
 * for activity k of plan->acts, so that after can find its predecessors.
 */
struct actseries {
	uint32_t	**first, **count;
	void		 *mem;		/* all of them, malloc'd: freed once
					   the series are linked */
};

static void
make_series(struct sstate *st, struct actseries *as)
{
	uint32_t pi, i, j, k, ai, *u;
	size_t total = 0, np = st->s->nplans;

	for (pi = 0; pi < np; pi++)
		total += (size_t)st->plans[pi]->nacts + 1;
	if ((as->mem = calloc(1, 2 * np * sizeof(*as->first) +
	    2 * total * sizeof(uint32_t) + 1)) == NULL)
		arena_oom();
	as->first = as->mem;
	as->count = as->first + np;
	u = (uint32_t *)(as->count + np);
	for (pi = 0; pi < np; pi++) {
		const struct plan *p = st->plans[pi];

		as->first[pi] = u;
		u += (size_t)p->nacts + 1;
		as->count[pi] = u;
		u += (size_t)p->nacts + 1;
		for (i = ai = 0; i < p->nphases; i++)
			for (j = 0; j < p->phases[i].nacts; j++, ai++) {
				const struct activity *a = &p->phases[i].acts[j];
				uint32_t np, n = 1;
				const int32_t *ppl = people_of(st, &a->owners,
				    &a->people, &np);

				if (a->w.at == AT_PARTNER)
					n = a->all_partners ? p->norgs - 1 :
					    a->partners.n;
				as->first[pi][ai] = (uint32_t)st->series.n;
				for (k = 0; k < n; k++) {
					struct sched_series *r;
					int32_t partner = -1;

					if (a->w.at == AT_PARTNER) {
						partner = a->all_partners ?
						    (int32_t)k + 1 :
						    a->partners.v[k].idx;
						if (partner < 1)
							continue;
					}
					r = new_series(st, pi);
					r->src = a;
					r->type = SCHED_ACT;
					r->shared = a->shared;
					r->phase = (int32_t)i;
					r->people = ppl;
					r->npeople = np;
					switch (a->w.at) {
					case AT_PARTNER:
						r->partner = r->site = partner;
						r->id = arena_join(st->a,
						    a->id, '#',
						    p->orgs[partner].id);
						break;
					case AT_HOST:
						r->site = 0;
						r->id = a->id;
						break;
					case AT_ORG:
						r->site = when_org(&a->w);
						if (r->site > 0)
							r->partner = r->site;
						r->id = a->id;
						break;
					default:
						r->id = a->id;
						break;
					}
				}
				as->count[pi][ai] = (uint32_t)st->series.n -
				    as->first[pi][ai];
			}
		for (i = 0; i < p->nmentorships; i++) {
			const struct mentorship *m = &p->mentorships[i];
			struct sched_series *r;
			struct reflist a = { (struct ref *)&m->mentor, 1 };
			struct reflist b = { (struct ref *)&m->apprentice, 1 };
			int32_t site;

			if (!m->has_meet)
				continue;
			r = new_series(st, pi);
			r->src = m;
			r->type = SCHED_MENT;
			r->id = arena_printf(st->a, "m%u", i + 1);
			r->people = people_of(st, &a, &b, &r->npeople);
			switch (m->meet.at) {
			case AT_HOST:
				r->site = 0;
				break;
			case AT_ORG:
				r->site = when_org(&m->meet);
				break;
			case AT_PARTNER:
				/* at the apprentice's kindergarten */
				site = 0;
				if (m->apprentice.idx >= 0 &&
				    p->people[m->apprentice.idx].has_org)
					site = p->people[m->apprentice.idx].
					    org.idx;
				r->site = site;
				break;
			default:
				break;
			}
			if (r->site > 0)
				r->partner = r->site;
		}
		/* Pairings with visits: v1, v2, ... at their partner (§10). */
		for (i = 0; i < p->npairings; i++) {
			const struct pairing *x = &p->pairings[i];
			struct sched_series *r;
			struct reflist a = { (struct ref *)&x->person, 1 };

			if (x->visits <= 0 || x->partner.idx < 1 ||
			    x->person.idx < 0)
				continue;
			r = new_series(st, pi);
			r->src = x;
			r->type = SCHED_PAIR;
			r->id = x->id;
			r->people = people_of(st, &a, NULL, &r->npeople);
			r->site = r->partner = x->partner.idx;
		}
	}
	if ((st->scw = calloc(st->series.n + 1, sizeof(*st->scw))) == NULL)
		arena_oom();
	for (i = 0; i < st->series.n; i++)
		expand_series(st, i);
}

/*
 * The predecessors of each series (after), partner by partner between
 * two `at: partner` activities (a partner the predecessor does not reach
 * is not held back), and the layers of §10: 0 without predecessors, else
 * one above the highest predecessor.
 */
static void
link_series(struct sstate *st, const struct actseries *as)
{
	struct sched_series *v = st->series.v;
	size_t n = st->series.n, i, e;
	uint32_t *first, *at;	/* the total of predecessors fits (below) */
	uint32_t k, j, *indeg, *succ, head = 0, tail = 0;
	struct avec pv = { 0 };

	/*
	 * Working arrays of the malloc, given back at the end: the
	 * successors of series j are succ[first[j] .. first[j + 1]).
	 */
	st->pfirst = arena_alloc_align(st->a, (n + 1) * sizeof(*st->pfirst),
	    _Alignof(uint32_t));
	if ((st->layer = calloc(n + 1, sizeof(*st->layer))) == NULL ||
	    (indeg = calloc(n + 1, sizeof(*indeg))) == NULL ||
	    (first = calloc(n + 2, sizeof(*first))) == NULL)
		arena_oom();
	for (i = 0; i < n; i++) {
		const struct activity *b = sched_act(&v[i]);
		const struct plan *p = st->plans[v[i].plan];

		st->pfirst[i] = (uint32_t)pv.n;
		if (b == NULL || b->after.n == 0)
			continue;
		for (k = 0; k < b->after.n; k++) {
			int32_t ai = b->after.v[k].idx;
			const struct activity *a;
			uint32_t f, c;

			if (ai < 0 || (uint32_t)ai >= p->nacts)
				continue;
			a = p->acts[ai];
			f = as->first[v[i].plan][ai];
			c = as->count[v[i].plan][ai];
			for (j = f; j < f + c; j++) {
				if (a->w.at == AT_PARTNER &&
				    b->w.at == AT_PARTNER &&
				    v[j].partner != v[i].partner)
					continue;
				if (pv.n == UINT32_MAX)
					arena_oom();
				*(uint32_t *)avec_push(st->a, &pv,
				    sizeof(uint32_t)) = j;
				first[j + 1]++;
			}
		}
		indeg[i] = (uint32_t)pv.n - st->pfirst[i];
	}
	st->pfirst[n] = (uint32_t)pv.n;
	st->pred = pv.v;
	for (i = 0; i < n; i++)
		first[i + 1] += first[i];
	if ((succ = malloc((first[n] + 1) * sizeof(*succ))) == NULL ||
	    (at = malloc((n + 1) * sizeof(*at))) == NULL)
		arena_oom();
	memcpy(at, first, n * sizeof(*at));
	for (i = 0; i < n; i++)
		for (k = st->pfirst[i]; k < st->pfirst[i + 1]; k++)
			succ[at[st->pred[k]]++] = (uint32_t)i;
	/* at becomes the queue of series whose predecessors are done */
	for (i = 0; i < n; i++)
		if (indeg[i] == 0)
			at[tail++] = (uint32_t)i;
	while (head < tail) {
		uint32_t x = at[head++];

		if (st->layer[x] + 1 > st->nlayers)
			st->nlayers = st->layer[x] + 1;
		for (e = first[x]; e < first[x + 1]; e++) {
			j = succ[e];
			if (st->layer[x] + 1 > st->layer[j])
				st->layer[j] = st->layer[x] + 1;
			if (--indeg[j] == 0)
				at[tail++] = j;
		}
	}
	/* A cycle (validate reports it) leaves its series for a last layer. */
	for (i = 0; i < n; i++)
		if (indeg[i] > 0)
			st->layer[i] = st->nlayers;
	if (tail < n)
		st->nlayers++;
	free(indeg);
	free(first);
	free(at);
	free(succ);
}

/* ---- records: occurrences fixed or dropped (§11) ------------------ */

/* A fix's day span, as the occurrence takes it. */
static void
fix_occ(struct sstate *st, struct occ *o, const struct sched_fix *f)
{
	const struct sched_series *r = &((struct sched_series *)
	    st->series.v)[o->series];
	day_t e;

	if (f->cancelled) {	/* a fixed date's too */
		o->dropped = true;
		o->fixed = false;
		return;
	}
	o->fixed = true;
	o->recorded = true;
	o->from = o->to = f->days.from;
	e = f->days.to;
	if (f->days.to == f->days.from) {	/* a day starts `days` days */
		e = end_of(r->cal, when_of(r), f->days.from);
		if (e == INT32_MAX)
			e = f->days.from;
	}
	o->end = e;
}

/*
 * Applies the fixes to the occurrences just expanded: an occurrence that
 * expansion could not slice (unplaced already) becomes placeable when a
 * record fixes it, and is forgotten when a record cancels it.
 */
static void
apply_fixes(struct sstate *st, const struct sched_fix *fixes, size_t nfix)
{
	struct strmap ids;
	struct occmap at = { 0 };
	size_t i, k;
	bool existed;

	if (nfix == 0)
		return;
	strmap_init(&ids, st->a);
	for (i = 0; i < st->series.n; i++) {
		const struct sched_series *r = &((struct sched_series *)
		    st->series.v)[i];
		const char *key = arena_printf(st->a, "%u:%s", r->plan, r->id);

		*strmap_put(&ids, key, strlen(key), &existed) = (int32_t)i;
	}
	/* the last fix of an occurrence wins; value: fix index + 1 */
	for (i = 0; i < nfix; i++) {
		const char *key = arena_printf(st->a, "%u:%s", fixes[i].plan,
		    fixes[i].series);
		int32_t si = strmap_get(&ids, key, strlen(key));

		if (si < 0 || fixes[i].occurrence == 0)
			continue;
		*occ_slot(&at, st->a, ((uint64_t)si << 32) |
		    fixes[i].occurrence) = i + 1;
	}
	for (i = 0; i < st->occs.n; i++) {
		struct occ *o = &((struct occ *)st->occs.v)[i];
		uint64_t f = occ_get(&at, ((uint64_t)o->series << 32) |
		    o->number);

		if (f != 0)
			fix_occ(st, o, &fixes[f - 1]);
	}
	for (i = k = 0; i < st->unplaced.n; i++) {
		struct sched_unplaced *u = &((struct sched_unplaced *)
		    st->unplaced.v)[i];
		uint32_t si = (uint32_t)(uintptr_t)u->series;
		uint64_t f = occ_get(&at, ((uint64_t)si << 32) |
		    u->occurrence);

		if (f == 0) {
			((struct sched_unplaced *)st->unplaced.v)[k++] = *u;
			continue;
		}
		if (!fixes[f - 1].cancelled) {
			add_occ(st, si, u->occurrence, 0, 0);
			fix_occ(st, &((struct occ *)st->occs.v)[st->occs.n - 1],
			    &fixes[f - 1]);
		}
	}
	st->unplaced.n = k;
}

/* ---- placement ----------------------------------------------------- */

/* The sort key of item i of ctx, for csort. */
typedef day_t	(*sortkey)(void *ctx, uint32_t i);

/*
 * Stable counting sort of the indexes idx[0..n) by key(ctx, idx[i]):
 * linear, where a comparison sort of a million items is the slowest part
 * of scheduling. The keys are asked for, not kept: an array of them would
 * be 4 MB more at the peak of a million occurrences.
 */
static void
csort(uint32_t *idx, uint32_t *tmp, size_t n, sortkey key, void *ctx)
{
	size_t *count, i, range;
	day_t lo = INT32_MAX, hi = INT32_MIN, k;

	for (i = 0; i < n; i++) {
		k = key(ctx, idx[i]);
		lo = k < lo ? k : lo;
		hi = k > hi ? k : hi;
	}
	if (n < 2)
		return;
	range = (size_t)((int64_t)hi - lo) + 1;
	if ((count = calloc(range + 1, sizeof(*count))) == NULL)
		arena_oom();
	for (i = 0; i < n; i++)
		count[key(ctx, idx[i]) - lo + 1]++;
	for (i = 1; i <= range; i++)
		count[i] += count[i - 1];
	for (i = 0; i < n; i++)
		tmp[count[key(ctx, idx[i]) - lo]++] = idx[i];
	memcpy(idx, tmp, n * sizeof(*idx));
	free(count);
}

static uint64_t
site_key(uint32_t gs, day_t d)
{
	return ((uint64_t)gs << 32) | (uint32_t)d;
}

/*
 * The first eligible day (§5.1: in the window, a working day of the
 * series' calendar, on an allowed weekday) of series r in [d, to], or
 * NO_DAY.
 */
static day_t
next_eligible(struct sstate *st, const struct pser *ps,
    const struct calwords *cw, day_t d, day_t to)
{
	int32_t k;
	uint64_t m;

	if (d < ps->from)
		d = ps->from;
	if (to > ps->to)
		to = ps->to;
	for (k = word_of(d); d <= to && k <= word_of(to); k++) {
		m = range_bits(k, d, to) & work_word(cw, k) &
		    weekday_word(st, ps->weekdays, k);
		if (m != 0)
			return day_of(k, lowest_bit(m));
	}
	return NO_DAY;
}

/* Whether series r takes room at its site: a partner site (§10). */
static bool
takes_room(const struct sched_series *r)
{
	return r->site > 0 && !r->shared;
}

/* The people of a series, then its site when it takes room: what may
 * block it, in the order a blocker is named. */
static uint32_t
nblockers(const struct pser *ps)
{
	return ps->npeople + ps->room;
}

/*
 * Person b of a series: their global id, or once busy_init has made the
 * array of busy words, where their words start less their first word.
 */
static uint32_t
ps_person(const struct sstate *st, const struct pser *ps, uint32_t b)
{
	return ps->npeople <= PS_PEOPLE ? ps->gp[b] :
	    st->gpool[ps->gp[0] + b];
}

static const struct calwords *
ps_words(const struct sstate *st, const struct pser *ps)
{
	return &((const struct calwords *)st->cw.v)[ps->cw];
}

/*
 * The days of word k on which person b of a series is busy. People's
 * busy days are one array of words (busy_init) or, where that would
 * take much more memory than their windows, the busy map keyed by
 * global id and word. In the array, ps_person is where the person's
 * words start, less their first word: word k is at that plus k, in
 * unsigned arithmetic (the sum is an index of the array).
 */
static uint64_t
person_word(const struct sstate *st, const struct pser *ps, uint32_t b,
    int32_t k)
{
	uint32_t g = ps_person(st, ps, b);

	if (st->dense != NULL)
		return st->dense[(uint32_t)(g + (uint32_t)k)];
	return occ_get(&st->busy, ((uint64_t)g << 32) | (uint32_t)k);
}

static void
person_take(struct sstate *st, const struct pser *ps, uint32_t b, day_t d)
{
	uint32_t g = ps_person(st, ps, b), k = (uint32_t)word_of(d);

	if (st->dense != NULL)
		st->dense[(uint32_t)(g + k)] |= 1ull << (d & 63);
	else
		*occ_slot(&st->busy, st->a, ((uint64_t)g << 32) | k) |=
		    1ull << (d & 63);
}

/* Whether blocker b of a series is taken on day x. */
static bool
taken(const struct sstate *st, const struct pser *ps, uint32_t b, day_t x)
{
	if (b < ps->npeople)
		return (person_word(st, ps, b, word_of(x)) >> (x & 63)) & 1;
	return occ_get(&st->visits, site_key(ps->site, x)) >= ps->vpd;
}

/*
 * The days of word k on which blocker b may be taken: exactly the taken
 * ones for a person, and for a site the days with a visit (full when the
 * plan allows one a day; else each of them must be counted).
 */
static uint64_t
maybe_taken(const struct sstate *st, const struct pser *ps, uint32_t b,
    int32_t k)
{
	if (b < ps->npeople)
		return person_word(st, ps, b, k);
	if (ps->vpd == 0)
		return ~0ull;
	return occ_get(&st->siteany, ((uint64_t)ps->site << 32) |
	    (uint32_t)k);
}

/*
 * The first day of [lo, hi] that an occurrence starting on start
 * occupies (start, and the working days after it) on which blocker b is
 * taken, or NO_DAY.
 */
static day_t
first_taken(const struct sstate *st, const struct pser *ps,
    const struct calwords *cw, uint32_t b, day_t lo, day_t hi, day_t start)
{
	uint64_t m;
	int32_t k;
	int i;

	for (k = word_of(lo); lo <= hi && k <= word_of(hi); k++) {
		m = maybe_taken(st, ps, b, k) & range_bits(k, lo, hi);
		/* the start day counts even when it is not a working day */
		m &= work_word(cw, k) | range_bits(k, start, start);
		for (; m != 0; m &= m - 1) {
			i = lowest_bit(m);
			if (b < ps->npeople || taken(st, ps, b, day_of(k, i)))
				return day_of(k, i);
		}
	}
	return NO_DAY;
}

/*
 * What stops an occurrence of series r on days [d, e] (§5.2): the first
 * day it occupies on which one of its people or its site is taken, and in
 * *who the first of them, in the order people then site, taken that day.
 * NO_DAY when nothing does.
 */
static day_t
first_blocked(const struct sstate *st, const struct pser *ps,
    const struct calwords *cw, day_t d, day_t e, uint32_t *who)
{
	day_t best = NO_DAY, x;
	uint32_t b;

	for (b = 0; b < nblockers(ps); b++) {
		/* on a day after best, b cannot be first; on best, an
		   earlier one is */
		x = first_taken(st, ps, cw, b, d, best == NO_DAY ? e : best - 1,
		    d);
		if (x < best) {
			best = x;
			*who = b;
		}
	}
	return best;
}

/* The first day after x, up to limit, on which blocker b is free. */
static day_t
next_free(const struct sstate *st, const struct pser *ps, uint32_t b,
    day_t x, day_t limit)
{
	bool exact = b < ps->npeople || ps->vpd == 1;
	uint64_t m, rng, t;
	int32_t k;
	day_t y = x + 1;
	int i;

	for (k = word_of(y); y <= limit && k <= word_of(limit); k++) {
		m = maybe_taken(st, ps, b, k);
		rng = range_bits(k, y, limit);
		if (exact) {
			if ((t = ~m & rng) != 0)
				return day_of(k, lowest_bit(t));
			continue;
		}
		/* a site that takes several visits a day: count them */
		for (t = rng; t != 0; t &= t - 1) {
			i = lowest_bit(t);
			if (!((m >> i) & 1) || !taken(st, ps, b, day_of(k, i)))
				return day_of(k, i);
		}
	}
	return limit + 1;
}

/* Whether a blocker before b may be taken on an eligible day of [lo, hi]. */
static bool
earlier_taken(struct sstate *st, const struct pser *ps,
    const struct calwords *cw, uint32_t b, day_t lo, day_t hi)
{
	uint64_t elig;
	uint32_t a;
	int32_t k;

	for (k = word_of(lo); lo <= hi && k <= word_of(hi); k++) {
		elig = range_bits(k, lo, hi) & work_word(cw, k) &
		    weekday_word(st, ps->weekdays, k);
		for (a = 0; a < b && elig != 0; a++)
			if (maybe_taken(st, ps, a, k) & elig)
				return true;
	}
	return false;
}

/* The name of blocker b: a person's id or the site's. */
static const char *
blocker_name(const struct sstate *st, const struct sched_series *r,
    uint32_t b)
{
	const struct plan *p = plan_of(st, r);

	return b < r->npeople ? p->people[r->people[b]].id :
	    p->orgs[r->site].id;
}

static void
take(struct sstate *st, const struct pser *ps, day_t d, day_t e)
{
	uint32_t i;
	day_t x;

	for (x = d; x <= e; x++) {
		if (x != d && !sitecal_is_working(ps_words(st, ps)->cal, x))
			continue;
		for (i = 0; i < ps->npeople; i++)
			person_take(st, ps, i, x);
		if (ps->room) {		/* partner sites only (§10) */
			uint32_t gs = ps->site;

			++*occ_slot(&st->visits, st->a, site_key(gs, x));
			*occ_slot(&st->siteany, st->a, ((uint64_t)gs << 32) |
			    (uint32_t)word_of(x)) |= 1ull << (x & 63);
		}
	}
}

static void
add_event(struct sstate *st, uint32_t si, uint32_t number, day_t d, day_t e,
    bool fixed)
{
	struct sched_event *ev = avec_push(st->a, &st->events, sizeof(*ev));

	ev->series = (const struct sched_series *)(uintptr_t)si;
	ev->date = d;
	ev->end = e;
	ev->occurrence = number;
	ev->fixed = fixed;
}

/*
 * Why no day of the slice would do, naming what blocked it: from what
 * blocked each day it could have started on (the first, and whether every
 * one of them had its name). Blockers are kept by number and named when
 * two differ, or for the text: most tries that fail are not the last.
 */
#define NO_BLOCKER	UINT32_MAX
struct why {
	uint32_t	 first;		/* blocker number, or NO_BLOCKER */
	bool		 one;
};

static void
why_note(struct why *y, const struct sstate *st, uint32_t si, uint32_t b)
{
	const struct sched_series *r;

	if (y->first == NO_BLOCKER) {
		y->first = b;
		return;
	}
	if (!y->one || b == y->first)
		return;
	r = &((const struct sched_series *)st->series.v)[si];
	if (strcmp(blocker_name(st, r, y->first), blocker_name(st, r, b)) != 0)
		y->one = false;
}

static const char *
why_text(struct sstate *st, const struct sched_series *r,
    const struct why *y)
{
	const struct when *w = when_of(r);
	const char *first;

	if (y->first == NO_BLOCKER)
		return w->days > 1 ? arena_printf(st->a, "no day of its slice "
		    "leaves room for %u working days in the window", w->days) :
		    "the calendar leaves no working day in its window";
	first = blocker_name(st, r, y->first);
	if (y->one)
		return arena_printf(st->a, r->site >= 0 && strcmp(first,
		    plan_of(st, r)->orgs[r->site].id) == 0 ?
		    "site '%s' is full on every day it could have" :
		    "'%s' is busy on every day it could have", first);
	return arena_printf(st->a, "'%s' and others are busy on every day it "
	    "could have", first);
}

/*
 * Puts occurrence o on the earliest day of [from, its slice end] where
 * every constraint holds (§5.4): takes its days [*date, *end] and returns
 * true; else false with what blocked each day in *y. This is the greedy reference, tried day by
 * day, but the days known to fail are skipped: the starts up to the
 * first taken day x of a try all occupy x, and so do the starts on the
 * days the blocker at x stays taken (their reason is that blocker,
 * unless one before it is taken too: then the days are tried one by one).
 */
static bool
place_one(struct sstate *st, const struct occ *o, day_t from, struct why *y,
    day_t *date, day_t *end)
{
	const struct pser *ps = &st->ps[o->series];
	const struct calwords *cw = ps_words(st, ps);
	day_t d = from, e, x, z;
	uint32_t who = 0;

	y->first = NO_BLOCKER;
	y->one = true;
	while ((d = next_eligible(st, ps, cw, d, o->to)) != NO_DAY) {
		e = sitecal_occupied_end(cw->cal, d, ps->days);
		if (e > ps->to)
			break;		/* a later start ends later still */
		if ((x = first_blocked(st, ps, cw, d, e, &who)) == NO_DAY) {
			take(st, ps, d, e);
			*date = d;
			*end = e;
			return true;
		}
		why_note(y, st, o->series, who);
		d = x + 1;
		if (x >= o->to)
			break;
		z = next_free(st, ps, who, x, o->to);
		if (z > d && (!y->one || who == 0 ||
		    !earlier_taken(st, ps, cw, who, d, z - 1)))
			d = z;
	}
	return false;
}

/*
 * The eligible days of occurrence i's slice (§5.4), as slice_period found
 * them: days of its series' window, calendar and weekdays.
 */
static day_t
occ_len(void *ctx, uint32_t i)
{
	struct sstate *st = ctx;
	const struct occ *o = &((const struct occ *)st->occs.v)[i];
	const struct pser *ps = &st->ps[o->series];
	const struct calwords *cw = ps_words(st, ps);
	day_t lo = o->from > ps->from ? o->from : ps->from;
	day_t hi = o->to < ps->to ? o->to : ps->to, n = 0;
	int32_t k;

	for (k = word_of(lo); lo <= hi && k <= word_of(hi); k++)
		n += __builtin_popcountll(range_bits(k, lo, hi) &
		    work_word(cw, k) & weekday_word(st, ps->weekdays, k));
	return n;
}

/* The last day of occurrence i's slice. */
static day_t
occ_to(void *ctx, uint32_t i)
{
	return ((const struct occ *)ctx)[i].to;
}

/* Occurrence i's date: its eligible days while it waits (place). */
static day_t
occ_date(void *ctx, uint32_t i)
{
	return ((const struct occ *)ctx)[i].date;
}

/* The first day of event i. */
static day_t
event_date(void *ctx, uint32_t i)
{
	return ((const struct sched_event *)ctx)[i].date;
}

/* The placed occurrences as events: file order, then stably by date. */
static void
collect_events(struct sstate *st, uint32_t *idx, uint32_t *tmp)
{
	const struct occ *v = st->occs.v;
	struct sched_event *ev, *sorted;
	size_t i, k = 0, n = st->occs.n;

	for (i = 0; i < n; i++)
		if (v[i].placed) {
			add_event(st, v[i].series, v[i].number, v[i].date,
			    v[i].end, v[i].fixed);
			idx[k] = (uint32_t)k;
			k++;
		}
	/* The occurrences are done with: give their memory back first. */
	arena_realloc_owned(st->a, st->occs.v, 1);
	st->occs.v = NULL;
	st->occs.n = st->occs.cap = 0;
	if (k < 2)
		return;
	ev = st->events.v;
	csort(idx, tmp, k, event_date, ev);
	sorted = arena_realloc_owned(st->a, NULL, k * sizeof(*sorted));
	for (i = 0; i < k; i++)
		sorted[i] = ev[idx[i]];
	arena_realloc_owned(st->a, ev, 1);
	st->events.v = sorted;
}

/* The day after n more working days of calendar c after day d. */
static day_t
working_after(const struct sitecal *c, day_t d, uint32_t n)
{
	uint32_t k = 0;
	day_t x = d;

	do {
		if (++x - d > 4 * 366)
			return INT32_MAX;
		if (sitecal_is_working(c, x))
			k++;
	} while (k <= n);
	return x;
}

/*
 * The first day an occurrence of series si may start given what it comes
 * after (§10): a working day after the last occurrence of each
 * predecessor has ended, and gap more. INT32_MAX with *waits set when a
 * predecessor is unplaced; *waits also names the predecessor that sets
 * the day.
 */
static day_t
earliest(struct sstate *st, uint32_t si, const char **waits)
{
	const struct sched_series *v = st->series.v, *r = &v[si];
	day_t best = INT32_MIN, x;
	uint32_t k;

	*waits = NULL;
	for (k = st->pfirst[si]; k < st->pfirst[si + 1]; k++) {
		uint32_t j = st->pred[k];

		if (st->ps[j].nunplaced > 0) {
			*waits = sched_activity(&v[j]);
			return INT32_MAX;
		}
		if (st->ps[j].last_end == INT32_MIN)
			continue;	/* nothing of it was held */
		x = working_after(r->cal, st->ps[j].last_end,
		    sched_act(r) != NULL ? sched_act(r)->gap : 0);
		if (x > best) {
			best = x;
			*waits = sched_activity(&v[j]);
		}
	}
	return best;
}

static void
placed(struct sstate *st, struct occ *o, day_t d, day_t e)
{
	o->date = d;
	o->end = e;
	o->placed = true;
	if (e > st->ps[o->series].last_end)
		st->ps[o->series].last_end = e;
}

static void
not_placed(struct sstate *st, const struct occ *o, const char *reason)
{
	struct span win = { o->from, o->to };

	add_unplaced(st, o->series, o->number, win, reason);
	st->ps[o->series].nunplaced++;
}

/*
 * Asks the cache for the busy words of the people of occurrence o on its
 * first day, which placement reads first.
 */
static void
prefetch_busy(const struct sstate *st, const struct occ *o)
{
	const struct pser *ps = &st->ps[o->series];
	uint32_t b, k = (uint32_t)word_of(o->from);

	if (ps->npeople > PS_PEOPLE)
		return;
	for (b = 0; b < ps->npeople; b++)
		if (st->dense != NULL)
			__builtin_prefetch(&st->dense[(uint32_t)(ps->gp[b] + k)]);
		else if (st->busy.cap != 0)
			__builtin_prefetch(&st->busy.v[mix64((uint64_t)ps->gp[b]
			    << 32 | k) & (st->busy.cap - 1)]);
}

/* Grows the span [*lo, *hi] of words to hold the days [d, e]. */
static void
span_add(int32_t *lo, int32_t *hi, day_t d, day_t e)
{
	if (word_of(d) < *lo)
		*lo = word_of(d);
	if (word_of(e) > *hi)
		*hi = word_of(e);
}

/*
 * People's busy days as one array of words (st->dense), each person's
 * from the first word of the windows and fixed days they are in to the
 * last, when that is at most four times the words of those windows (which
 * the work budget bounds) and a constant; else they stay in the busy map.
 * A word of the map is a probe of a table of several times the array's
 * size, a cache miss for every person of every occurrence tried. The
 * records' people become where their words start (person_word).
 */
static void
busy_init(struct sstate *st)
{
	const struct occ *v = st->occs.v;
	size_t i, n = st->series.n, np = st->npersons;
	uint64_t windows = 0, total = 0;
	int32_t *lo, *hi;
	uint32_t b, g, *start;

	if (np == 0)
		return;
	if ((lo = malloc(np * sizeof(*lo))) == NULL ||
	    (hi = malloc(np * sizeof(*hi))) == NULL ||
	    (start = malloc(np * sizeof(*start))) == NULL)
		arena_oom();
	for (g = 0; g < np; g++) {
		lo[g] = INT32_MAX;
		hi[g] = INT32_MIN;
	}
	for (i = 0; i < n; i++) {
		const struct pser *ps = &st->ps[i];

		if (ps->from > ps->to)
			continue;
		windows += (uint64_t)ps->npeople *
		    (uint64_t)(word_of(ps->to) - word_of(ps->from) + 1);
		for (b = 0; b < ps->npeople; b++) {
			g = ps_person(st, ps, b);
			span_add(&lo[g], &hi[g], ps->from, ps->to);
		}
	}
	for (i = 0; i < st->occs.n; i++) {	/* fixed days, as placed */
		const struct pser *ps = &st->ps[v[i].series];

		if (!v[i].fixed)
			continue;
		for (b = 0; b < ps->npeople; b++) {
			g = ps_person(st, ps, b);
			span_add(&lo[g], &hi[g], v[i].date, v[i].end);
		}
	}
	for (g = 0; g < np; g++) {
		start[g] = (uint32_t)total;
		if (lo[g] <= hi[g])
			total += (uint64_t)((int64_t)hi[g] - lo[g] + 1);
	}
	if (total <= 4 * windows + 256 && total < UINT32_MAX / 2) {
		st->dense = arena_realloc_owned(st->a, NULL, (total + 1) *
		    sizeof(*st->dense));
		memset(st->dense, 0, (total + 1) * sizeof(*st->dense));
		for (i = 0; i < n; i++) {
			struct pser *ps = &st->ps[i];
			uint32_t *gp = ps->npeople <= PS_PEOPLE ? ps->gp :
			    &st->gpool[ps->gp[0]];

			for (b = 0; b < ps->npeople; b++)
				gp[b] = start[gp[b]] - (uint32_t)lo[gp[b]];
		}
	}
	free(lo);
	free(hi);
	free(start);
}

/* The placement record of each series (struct pser). */
static void
make_pser(struct sstate *st)
{
	const struct sched_series *v = st->series.v;
	size_t i, n = st->series.n;
	struct avec pool = { 0 };
	uint32_t b;

	st->ps = arena_realloc_owned(st->a, NULL, (n + 1) * sizeof(*st->ps));
	for (i = 0; i < n; i++) {
		const struct sched_series *r = &v[i];
		const struct when *w = when_of(r);
		struct pser *ps = &st->ps[i];
		const uint32_t *pg = st->pgid[r->plan];
		const struct calwords *cw;

		memset(ps, 0, sizeof(*ps));
		ps->from = w->window.from;
		ps->to = w->window.to;
		/* cal_words may move st->cw: its array is read after */
		cw = cal_words(st, (uint32_t)i);
		ps->cw = (uint32_t)(cw - (const struct calwords *)st->cw.v);
		ps->days = w->days;
		ps->npeople = r->npeople;
		if (r->npeople <= PS_PEOPLE)
			for (b = 0; b < r->npeople; b++)
				ps->gp[b] = pg[r->people[b]];
		else {
			ps->gp[0] = (uint32_t)pool.n;
			for (b = 0; b < r->npeople; b++)
				*(uint32_t *)avec_push(st->a, &pool,
				    sizeof(uint32_t)) = pg[r->people[b]];
		}
		ps->room = takes_room(r);
		if (ps->room)
			ps->site = st->sgid[r->plan][r->site];
		ps->vpd = plan_of(st, r)->cal.visits_per_day;
		ps->npred = st->pfirst[i + 1] - st->pfirst[i];
		ps->last_end = INT32_MIN;
		ps->weekdays = w->weekdays;
	}
	st->gpool = pool.v;
}

/*
 * Fixed dates first, as written (§5.3); then the rest layer by layer of
 * `after` (§10), within a layer greedily in order of slice end, slice
 * length and file order (§5.4), each on the earliest day of its slice,
 * and after what it comes after, where every constraint holds.
 */
static void
place(struct sstate *st)
{
	struct occ *v = st->occs.v;
	size_t i, n = st->occs.n, k;
	uint32_t *idx, *tmp, layer;

	make_pser(st);
	free(st->scw);
	st->scw = NULL;
	/* occurrences unplaced while they were cut count for after */
	for (i = 0; i < st->unplaced.n; i++)
		st->ps[(uintptr_t)((struct sched_unplaced *)
		    st->unplaced.v)[i].series].nunplaced++;
	for (i = 0; i < n; i++) {
		const struct pser *ps;
		day_t e;

		if (!v[i].fixed)
			continue;
		ps = &st->ps[v[i].series];
		e = v[i].recorded ? v[i].end : sitecal_occupied_end(
		    ps_words(st, ps)->cal, v[i].from, ps->days);
		if (e == INT32_MAX)
			e = v[i].from;	/* no working day follows */
		placed(st, &v[i], v[i].from, e);
	}
	busy_init(st);
	for (i = 0; i < n; i++)
		if (v[i].fixed)
			take(st, &st->ps[v[i].series], v[i].date, v[i].end);
	if (n == 0)
		return;
	if ((idx = malloc(n * sizeof(*idx))) == NULL ||
	    (tmp = malloc(n * sizeof(*tmp))) == NULL)
		arena_oom();
	for (layer = 0; layer < (st->nlayers ? st->nlayers : 1); layer++) {
		const struct sched_series *sv = st->series.v;

		/* v[] is in file order: sorting stably by length, then end,
		 * keeps it */
		for (i = k = 0; i < n; i++)
			if (!v[i].fixed && !v[i].dropped &&
			    st->layer[v[i].series] == layer)
				idx[k++] = (uint32_t)i;
		if (k == 0)
			continue;
		/*
		 * An occurrence that waits has no date yet: it holds the
		 * slice's eligible days while they sort, counted once each.
		 */
		for (i = 0; i < k; i++)
			v[idx[i]].date = occ_len(st, idx[i]);
		csort(idx, tmp, k, occ_date, v);
		for (i = 0; i < k; i++)
			v[idx[i]].date = 0;
		csort(idx, tmp, k, occ_to, v);
		for (i = 0; i < k; i++) {
			struct occ *o = &v[idx[i]];
			const struct sched_series *r;
			const char *waits = NULL;

			if (i + 16 < k)
				__builtin_prefetch(&v[idx[i + 16]]);
			if (i + 8 < k)
				__builtin_prefetch(&st->ps[v[idx[i + 8]].series]);
			if (i + 4 < k)
				prefetch_busy(st, &v[idx[i + 4]]);
			struct why why;
			day_t d, e, from = o->from;

			r = &sv[o->series];
			if (st->ps[o->series].npred > 0) {
				day_t first = earliest(st, o->series, &waits);

				if (first == INT32_MAX || first > o->to) {
					not_placed(st, o, arena_printf(st->a,
					    "waits for '%s'", waits));
					continue;
				}
				if (first > from)
					from = first;
			}
			if (place_one(st, o, from, &why, &d, &e))
				placed(st, o, d, e);
			else
				not_placed(st, o, from > o->from ?
				    arena_printf(st->a, "waits for '%s'",
				    waits) : why_text(st, r, &why));
		}
	}
	/* the records are done with: give their memory back first */
	if (st->dense != NULL)
		arena_realloc_owned(st->a, st->dense, 1);
	st->dense = NULL;
	arena_realloc_owned(st->a, st->ps, 1);
	if (st->gpool != NULL)
		arena_realloc_owned(st->a, st->gpool, 1);
	st->ps = NULL;
	st->gpool = NULL;
	collect_events(st, idx, tmp);
	free(idx);
	free(tmp);
}

/* ---- quotas ------------------------------------------------------- */

static void
quota_people(const struct plan *p, const struct quota *q,
    const struct reflist **out, size_t *n)
{
	*n = 0;
	switch (q->group) {
	case QG_LIST:
		out[(*n)++] = &q->people;
		break;
	case QG_LEADER:
		out[(*n)++] = &p->leader;
		break;
	case QG_DEPUTIES:
		out[(*n)++] = &p->deputies;
		break;
	case QG_MEMBERS:
		out[(*n)++] = &p->members;
		break;
	case QG_LEADERSHIP:
		out[(*n)++] = &p->leader;
		out[(*n)++] = &p->deputies;
		out[(*n)++] = &p->members;
		break;
	}
}

/*
 * A visit: an event at a partner site, and one person who attends it,
 * with the working days it occupies there.
 */
struct visit {
	uint32_t	 person;	/* global */
	uint32_t	 site;		/* global */
	day_t		 date, end;
	const struct sitecal *cal;	/* of its series */
};

static int
visit_cmp(const void *x, const void *y)
{
	const struct visit *a = x, *b = y;

	if (a->person != b->person)
		return a->person < b->person ? -1 : 1;
	return a->date < b->date ? -1 : a->date > b->date;
}

/* Every visit of a person some quota names, sorted by person then date. */
static struct visit *
list_visits(struct sstate *st, size_t *n)
{
	struct avec v = { 0 };
	size_t i;
	uint32_t k;

	for (i = 0; i < st->s->nevents; i++) {
		const struct sched_series *r = st->s->events[i].series;

		if (r->site < 1)
			continue;	/* the host, or online */
		for (k = 0; k < r->npeople; k++) {
			uint32_t gp = st->pgid[r->plan][r->people[k]];
			struct visit *x;

			if (!(st->counted[gp / 8] & (1u << (gp % 8))))
				continue;	/* no quota names them */
			x = avec_push(st->a, &v, sizeof(*x));
			x->person = gp;
			x->site = st->sgid[r->plan][r->site];
			x->date = st->s->events[i].date;
			x->end = st->s->events[i].end;
			x->cal = r->cal;
			if (x->end - x->date > st->longest)
				st->longest = x->end - x->date;
		}
	}
	if (v.n > 1)
		qsort(v.v, v.n, sizeof(struct visit), visit_cmp);
	*n = v.n;
	return v.v;
}

/* The first visit not before (person, date). */
static size_t
visit_lower(const struct visit *v, size_t n, uint32_t person, day_t date)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].person < person ||
		    (v[mid].person == person && v[mid].date < date))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * What person gp did in per: visits that start in it, or the working
 * days of visits that fall in it; at one site only when site is not
 * UINT32_MAX. An event may start before per and last into it: days are
 * counted from the longest event's length back.
 */
static uint32_t
count_done(struct sstate *st, const struct visit *v, size_t n, uint32_t gp,
    struct span per, enum quota_unit unit, uint32_t site)
{
	size_t i, lo = visit_lower(v, n, gp, unit == QU_DAYS ?
	    per.from - st->longest : per.from);
	size_t hi = visit_lower(v, n, gp, per.to + 1);
	uint32_t got = 0;
	day_t d;

	for (i = lo; i < hi; i++) {
		if (site != UINT32_MAX && v[i].site != site)
			continue;
		if (unit == QU_VISITS) {
			got++;
			continue;
		}
		for (d = v[i].date; d <= v[i].end; d++)
			if (d >= per.from && d <= per.to && (d == v[i].date ||
			    sitecal_is_working(v[i].cal, d)))
				got++;
	}
	return got;
}

/* The rows of one quota of one person: one per period of the plan. */
static void
quota_rows(struct sstate *st, const struct visit *vv, size_t nv, uint32_t pi,
    int32_t who, int32_t partner, enum per per, int64_t need,
    enum quota_unit unit)
{
	const struct plan *p = st->plans[pi];
	int months = plan_per_months(per), n;
	day_t start = p->period.from, next;
	uint32_t site = partner > 0 ? st->sgid[pi][partner] : UINT32_MAX;

	for (n = 1; start <= p->period.to; start = next, n++) {
		struct sched_quota *sq;
		struct span span;
		day_t full;

		next = plan_add_months(p->period.from, months * n);
		full = next - start;
		span.from = start;
		span.to = next - 1 > p->period.to ? p->period.to : next - 1;
		sq = avec_push(st->a, &st->quotas, sizeof(*sq));
		sq->plan = pi;
		sq->person = who;
		sq->partner = partner;
		sq->period = span;
		sq->unit = (uint8_t)unit;
		/* the last partial period prorated, rounded down */
		sq->required = (uint32_t)((uint64_t)need *
		    (uint64_t)(span.to - span.from + 1) / (uint64_t)full);
		sq->got = count_done(st, vv, nv, st->pgid[pi][who], span,
		    unit, site);
	}
}

static void
mark_counted(struct sstate *st, uint32_t pi, int32_t who)
{
	uint32_t gp;

	if (who < 0)
		return;
	gp = st->pgid[pi][who];
	st->counted[gp / 8] |= (uint8_t)(1u << (gp % 8));
}

static void
count_quotas(struct sstate *st)
{
	size_t pi, g, ng, nv;
	uint32_t i, k;
	struct visit *vv;

	st->counted = arena_alloc(st->a, st->npersons / 8 + 1);
	for (pi = 0; pi < st->s->nplans; pi++) {
		const struct plan *p = st->plans[pi];
		const struct reflist *lists[3];

		for (i = 0; i < p->nquotas; i++) {
			quota_people(p, &p->quotas[i], lists, &ng);
			for (g = 0; g < ng; g++)
				for (k = 0; k < lists[g]->n; k++)
					mark_counted(st, (uint32_t)pi,
					    lists[g]->v[k].idx);
		}
		for (i = 0; i < p->npairings; i++)
			if (p->pairings[i].days >= 0)
				mark_counted(st, (uint32_t)pi,
				    p->pairings[i].person.idx);
	}
	vv = list_visits(st, &nv);

	for (pi = 0; pi < st->s->nplans; pi++) {
		const struct plan *p = st->plans[pi];

		for (i = 0; i < p->nquotas; i++) {
			const struct quota *q = &p->quotas[i];
			const struct reflist *lists[3];

			quota_people(p, q, lists, &ng);
			for (g = 0; g < ng; g++)
				for (k = 0; k < lists[g]->n; k++) {
					int32_t who = lists[g]->v[k].idx;

					if (who < 0)
						continue;
					if (q->visits >= 0)
						quota_rows(st, vv, nv,
						    (uint32_t)pi, who, -1,
						    q->per, q->visits,
						    QU_VISITS);
					if (q->days >= 0)
						quota_rows(st, vv, nv,
						    (uint32_t)pi, who, -1,
						    q->per, q->days, QU_DAYS);
				}
		}
		/* A pairing's days: at its partner (驻村, §10). */
		for (i = 0; i < p->npairings; i++) {
			const struct pairing *x = &p->pairings[i];

			if (x->days >= 0 && x->person.idx >= 0 &&
			    x->partner.idx > 0)
				quota_rows(st, vv, nv, (uint32_t)pi,
				    x->person.idx, x->partner.idx, x->per,
				    x->days, QU_DAYS);
		}
	}
}

/* ---- results ------------------------------------------------------- */

static int
unplaced_cmp(const void *x, const void *y)
{
	const struct sched_unplaced *a = x, *b = y;

	if (a->series != b->series)	/* one array, in file order */
		return a->series < b->series ? -1 : 1;
	return a->occurrence < b->occurrence ? -1 :
	    a->occurrence > b->occurrence;
}

void
sched_run(struct schedule *s, const struct plan *const *plans,
    size_t nplans, struct arena *a)
{
	sched_run_fixed(s, plans, nplans, NULL, 0, a);
}

void
sched_run_fixed(struct schedule *s, const struct plan *const *plans,
    size_t nplans, const struct sched_fix *fixes, size_t nfix,
    struct arena *a)
{
	struct sstate st;
	struct actseries as;
	struct sched_series *series;
	size_t i;

	memset(s, 0, sizeof(*s));
	memset(&st, 0, sizeof(st));
	s->plans = plans;
	s->nplans = nplans;
	st.a = a;
	st.s = s;
	st.plans = plans;
	index_globals(&st);
	make_series(&st, &as);
	apply_fixes(&st, fixes, nfix);
	link_series(&st, &as);
	free(as.mem);
	place(&st);
	free(st.layer);

	/* Series indexes become pointers now that the array stays put. */
	series = st.series.v;
	s->series = series;
	s->nseries = st.series.n;
	s->events = st.events.v;
	s->nevents = st.events.n;
	for (i = 0; i < s->nevents; i++)
		s->events[i].series =
		    &series[(uintptr_t)s->events[i].series];
	s->unplaced = st.unplaced.v;
	s->nunplaced = st.unplaced.n;
	for (i = 0; i < s->nunplaced; i++)
		s->unplaced[i].series =
		    &series[(uintptr_t)s->unplaced[i].series];
	s->skipped = st.skipped.v;
	s->nskipped = st.skipped.n;
	for (i = 0; i < s->nskipped; i++)
		s->skipped[i].series =
		    &series[(uintptr_t)s->skipped[i].series];
	if (s->nunplaced > 1)
		qsort(s->unplaced, s->nunplaced, sizeof(*s->unplaced),
		    unplaced_cmp);
	count_quotas(&st);
	s->quotas = st.quotas.v;
	s->nquotas = st.quotas.n;
}

bool
sched_incomplete(const struct schedule *s)
{
	size_t i;

	if (s->nunplaced > 0)
		return true;
	for (i = 0; i < s->nquotas; i++)
		if (s->quotas[i].got < s->quotas[i].required)
			return true;
	return false;
}

const char *
sched_event_id(const struct sched_event *ev, struct arena *a)
{
	return arena_printf(a, "%s/%u", ev->series->id, ev->occurrence);
}

const char *
sched_activity(const struct sched_series *r)
{
	return r->type == SCHED_ACT ? sched_act(r)->id : r->id;
}

const char *
sched_title(const struct sched_series *r)
{
	return r->type == SCHED_ACT ? sched_act(r)->title :
	    r->type == SCHED_MENT ? "师徒结对" : "结对走访";
}

const char *
sched_kind(const struct sched_series *r)
{
	const struct activity *a = sched_act(r);

	if (a == NULL)
		return r->type == SCHED_MENT ? "mentoring" : "visit";
	return a->kind_text != NULL && a->kind == K_OTHER ? "other" :
	    plan_kinds[a->kind].name;
}
