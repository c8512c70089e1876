/* sched_filter.c - which events, unplaced occurrences and quotas of a schedule are printed. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "plan.h"
#include "sched.h"
#include "sched_filter.h"

/* --phase: a 1-based number, or a phase id of the series' plan. */
static bool
match_phase(const char *want, const struct plan *p, int32_t phase)
{
	const char *s;
	unsigned long n = 0;

	if (phase < 0 || (uint32_t)phase >= p->nphases)
		return false;
	if (strcmp(p->phases[phase].id, want) == 0)
		return true;
	for (s = want; *s >= '0' && *s <= '9'; s++) {
		n = n * 10 + (unsigned long)(*s - '0');
		if (n > UINT32_MAX)
			return false;
	}
	return s != want && *s == '\0' && n == (unsigned long)phase + 1;
}

static bool
match_person(const char *want, const struct plan *p,
    const struct sched_series *sr)
{
	uint32_t i;
	int32_t k;

	for (i = 0; i < sr->npeople; i++) {
		k = sr->people[i];
		if (k >= 0 && (uint32_t)k < p->npeople &&
		    strcmp(p->people[k].id, want) == 0)
			return true;
	}
	return false;
}

static bool
match_org(const char *want, const struct plan *p, int32_t org)
{
	return org >= 0 && (uint32_t)org < p->norgs &&
	    strcmp(p->orgs[org].id, want) == 0;
}

bool
sched_filter_match_span(const struct sched_filter *f,
    const struct schedule *s, const struct sched_series *sr, struct span d)
{
	const struct plan *p;

	if (f == NULL)
		return true;
	p = s->plans[sr->plan];
	if (f->has_from && d.to < f->from)
		return false;
	if (f->has_to && d.from > f->to)
		return false;
	if (f->phase != NULL && !match_phase(f->phase, p, sr->phase))
		return false;
	if (f->person != NULL && !match_person(f->person, p, sr))
		return false;
	if (f->partner != NULL && !match_org(f->partner, p, sr->partner) &&
	    !match_org(f->partner, p, sr->site))
		return false;
	return true;
}

bool
sched_filter_match(const struct sched_filter *f, const struct schedule *s,
    const struct sched_event *e)
{
	struct span d = { e->date, e->end };

	return sched_filter_match_span(f, s, e->series, d);
}

bool
sched_filter_match_quota(const struct sched_filter *f,
    const struct schedule *s, const struct sched_quota *q)
{
	const struct plan *p;

	if (f == NULL)
		return true;
	if (f->has_from && q->period.to < f->from)
		return false;
	if (f->has_to && q->period.from > f->to)
		return false;
	if (f->person != NULL) {
		p = s->plans[q->plan];
		if (q->person < 0 || (uint32_t)q->person >= p->npeople ||
		    strcmp(p->people[q->person].id, f->person) != 0)
			return false;
	}
	return true;
}
