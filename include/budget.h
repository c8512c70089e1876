/* budget.h - one accounting of the work an input buys: every stage charges it, and its size bounds it. */
#ifndef PAIRPLAN_BUDGET_H
#define PAIRPLAN_BUDGET_H

#include <stdbool.h>
#include <stdint.h>

/*
 * A unit of work is about one thing that a later stage keeps in memory or
 * prints, each some tens to a few hundred bytes:
 *
 *   - a node reached through an alias, and BUDGET_TEXT_BYTES bytes of the
 *     text reached through one (the loader);
 *   - for each occurrence a series expands to, fixed dates included and
 *     `at: partner` counted once per partner: one unit for each day it
 *     lasts and each person and site it occupies on that day (what the
 *     scheduler marks taken, and what the conflict rule claims), and a
 *     unit for every BUDGET_TEXT_BYTES bytes of the text each event
 *     prints (title, ids, names);
 *   - for each series, a unit for every BUDGET_WINDOW_DAYS days of its
 *     window, for each person and site it needs free (the days the
 *     scheduler searches);
 *   - what the exports print once: each activity's text, and each
 *     reference's, by what it names (a short id may name a long name),
 *     in activities, mentorships, the leadership and targets;
 *   - a quota row: one person in one period, and the name it prints;
 *   - a diagnostic kept.
 *
 * A file of n bytes may cost BUDGET_BASE + n / BUDGET_BYTES_PER_UNIT units,
 * which keeps every command's time, memory and output within a small
 * multiple of the file plus a constant. Charges saturate; once the limit is
 * passed it stays passed, and the stage that passed it reports a `limit`
 * error naming what did.
 */
#define BUDGET_BASE		250000u
#define BUDGET_BYTES_PER_UNIT	4u
#define BUDGET_TEXT_BYTES	64u
#define BUDGET_WINDOW_DAYS	64u

struct budget {
	uint64_t	 input;		/* bytes of the input it is for */
	uint64_t	 limit;		/* units */
	uint64_t	 used;		/* units charged, saturating */
};

/* The units a file of input bytes may cost. */
uint64_t budget_limit_for(uint64_t input);
/* A budget for a file of input bytes, nothing used. */
void	 budget_init(struct budget *, uint64_t input);
/* A budget without a limit (a model built without a file). */
void	 budget_init_unbounded(struct budget *);
/*
 * Charges units: true while the total is within the limit, false once
 * this charge or an earlier one passed it.
 */
bool	 budget_charge(struct budget *, uint64_t units);
bool	 budget_over(const struct budget *);
/* Whether units more would pass the limit, without charging them. */
bool	 budget_would_pass(const struct budget *, uint64_t units);

/* Saturating arithmetic for the charges. */
uint64_t budget_add(uint64_t, uint64_t);
uint64_t budget_mul(uint64_t, uint64_t);
/* Units for bytes of text: ceil(bytes / BUDGET_TEXT_BYTES). */
uint64_t budget_text(uint64_t bytes);

#endif
