/* cal.h - the working-day calendar: workdays, China's holidays, holiday files, closed, open. */
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

/* Where a day's status comes from, as `pairplan calendar` names it. */
enum cal_source {
	CAL_ORDINARY,	/* its weekday under Monday-Friday: "ordinary" */
	CAL_OFFICIAL,	/* the built-in table of official notices */
	CAL_COMPUTED,	/* the computed statutory holidays */
	CAL_FILE,	/* a holiday file */
	CAL_PLAN,	/* the plan's workdays, closed or open */
};
/* "ordinary", "official", "computed", "file", "plan". */
const char	*cal_source_name(enum cal_source);

/* A day a holiday file gives: off, or a make-up working day. */
struct cal_fday {
	day_t		 day;
	uint8_t		 status;	/* CN_OFF or CN_WORK */
	const char	*name;		/* 春节; never NULL */
};

struct calendar {
	uint8_t		 workdays;	/* bit (1 << weekday), Monday = bit 0 */
	bool		 cn;		/* holidays: cn */
	struct span	*closed;	/* sorted by start, merged */
	size_t		 nclosed;
	day_t		*open;		/* sorted, unique */
	size_t		 nopen;
	/*
	 * Holiday files: the years they give (sorted, unique), whose days
	 * replace the built-in or computed ones whether or not cn is set,
	 * and those days (sorted, unique). cal_add_file_years fills them.
	 */
	int		*fyears;
	size_t		 nfyears;
	struct cal_fday	*fdays;
	size_t		 nfdays;
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
 * Gives the nyears years (sorted, unique) of a holiday file its n days
 * (any order, each in one of the years, no day twice): they replace what
 * the calendar had for those years, built-in or from an earlier file.
 * Memory from the arena.
 */
struct arena;
void	 cal_add_file_years(struct calendar *, struct arena *,
	    const int *years, size_t nyears, const struct cal_fday *days,
	    size_t n);
/* Whether a holiday file gives year. */
bool	 cal_file_covers_year(const struct calendar *, int year);

/*
 * The holiday status of a day before closed and open: from a holiday
 * file for the years one gives, else the built-in table when cn is set.
 * *name (if not NULL) gets the holiday's name or NULL, *src (if not NULL)
 * CAL_FILE, CAL_OFFICIAL, CAL_COMPUTED, or CAL_ORDINARY for CN_NONE.
 */
enum cn_status cal_holiday(const struct calendar *, day_t, const char **name,
	    enum cal_source *src);

/*
 * Whether a day is working, and why: the rule that decides it against an
 * ordinary Monday-Friday week. A closed or open day that would be so
 * anyway keeps its holiday or weekday reason. The plan's own reasons
 * (CAL_PLAN) are named CAL_NAME_CLOSED (a closed day), CAL_NAME_OPEN (an
 * open day), CAL_NAME_WORKDAY (a weekend day in workdays) and
 * CAL_NAME_RESTDAY (a weekday not in workdays).
 */
#define CAL_NAME_CLOSED		"闭园"
#define CAL_NAME_OPEN		"开园"
#define CAL_NAME_WORKDAY	"工作日"
#define CAL_NAME_RESTDAY	"休息日"
struct cal_why {
	bool		 working;
	enum cal_source	 source;	/* CAL_ORDINARY: nothing special */
	const char	*name;		/* NULL for CAL_ORDINARY */
};
void	 cal_explain(const struct calendar *, day_t, struct cal_why *);

/*
 * A day on which a calendar differs from an ordinary Monday-Friday week
 * (or from another calendar), for `pairplan calendar` and the holiday
 * rows of an ICS export. at names the sites it applies to (NULL: all).
 */
struct cal_row {
	day_t		 day;
	bool		 working;
	enum cal_source	 source;
	const char	*name;
	const char *const *at;
	uint32_t	 nat;
};

/*
 * Appends to *rows (an array of *n with room for *cap, grown in the
 * arena) the days of [s] on which c differs from base, or from an
 * ordinary Monday-Friday week when base is NULL; at as given. Returns
 * how many it added.
 */
size_t	 cal_rows(const struct calendar *c, const struct calendar *base,
	    struct span s, const char *const *at, uint32_t nat,
	    struct arena *, struct cal_row **rows, size_t *n, size_t *cap);

/*
 * A dense view of the calendar over a span: its working days as bits, 64
 * days to a word (word k holds days 64k .. 64k + 63, as the scheduler's
 * words do; days outside the span are 0), and the working days before
 * each word, so that a count over any weekdays reads a word per 64 days
 * and a count over all of them two words. About a bit and a half a day.
 */
struct workmap {
	day_t		 base;
	int32_t		 ndays;
	int32_t		 first;		/* word of base */
	int32_t		 nwords;
	uint64_t	*bits;		/* nwords */
	int32_t		*before;	/* nwords + 1: working days before
					   each word, from base */
};

/* Memory from the arena; days outside [span] count as not working. */
void	 workmap_init(struct workmap *, struct arena *,
	    const struct calendar *, struct span);
/*
 * The same for the days on which every one of n calendars works (an
 * online event's people's kindergartens); n >= 1.
 */
void	 workmap_init_all(struct workmap *, struct arena *,
	    const struct calendar *const *, size_t n, struct span);
bool	 workmap_is_working(const struct workmap *, day_t);
/* Working days in [base, d), for d in [base, base + ndays]. */
int32_t	 workmap_before(const struct workmap *, day_t d);
/* Working days in [s] whose weekday bit is set in mask. */
int32_t	 workmap_count(const struct workmap *, struct span s, uint8_t mask);

#endif
