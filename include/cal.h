/* cal.h - the working-day calendar: workdays, China's holidays, closed, open. */
#ifndef PAIRPLAN_CAL_H
#define PAIRPLAN_CAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cn_holidays.h"
#include "date.h"

/*
 * The years of China's official arrangements (holidays and make-up working
 * days); the statutory holidays of the years after, to CN_COMPUTED_LAST,
 * are computed (cn_holidays.h).
 */
#define CN_FIRST_YEAR	CN_OFFICIAL_FIRST
#define CN_LAST_YEAR	CN_OFFICIAL_LAST

/* cn_status without the source: official or computed, as cn_year_source. */
enum cn_status	 cal_cn_status(day_t, const char **name_zh);
/* Whether the official arrangement covers year (CN_FIRST_YEAR..CN_LAST_YEAR). */
bool		 cal_cn_covers_year(int year);

struct calendar {
	uint8_t		 workdays;	/* bit (1 << weekday), Monday = bit 0 */
	bool		 cn;		/* holidays: cn */
	struct span	*closed;	/* sorted by start, merged */
	size_t		 nclosed;
	day_t		*open;		/* sorted, unique */
	size_t		 nopen;
	unsigned	 visits_per_day;
};

/* Defaults of §4: Monday-Friday, cn, nothing closed or open, 1 visit. */
void	 cal_init(struct calendar *);
/*
 * Sorts and merges closed, sorts and de-duplicates open, in place; call
 * once after filling them and before cal_is_working.
 */
void	 cal_normalise(struct calendar *);
bool	 cal_is_working(const struct calendar *, day_t);

/*
 * A dense view of the calendar over a span, for counting eligible days in
 * O(1): prefix[w][i] is the number of working days with weekday w in
 * [base, base + i).
 */
struct workmap {
	day_t		 base;
	int32_t		 ndays;
	uint8_t		*working;	/* 1 per day */
	int32_t		*prefix[7];	/* ndays + 1 entries each */
};

/* Memory from the arena; days outside [span] count as not working. */
struct arena;
void	 workmap_init(struct workmap *, struct arena *,
	    const struct calendar *, struct span);
bool	 workmap_is_working(const struct workmap *, day_t);
/* Working days in [s] whose weekday bit is set in mask. */
int32_t	 workmap_count(const struct workmap *, struct span s, uint8_t mask);

#endif
