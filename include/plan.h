/* plan.h - the typed model of a plan, every default of the format resolved. */
#ifndef PAIRPLAN_PLAN_H
#define PAIRPLAN_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cal.h"
#include "date.h"

struct arena;
struct ynode;

/*
 * A place in the file, 1-based; line 0 when absent. Activities keep
 * positions rather than nodes: their subtrees are dropped once built.
 */
struct pos {
	uint32_t	 line, col;
};

/*
 * A reference to a person, organisation or phase as written: its id, or
 * the name of exactly one entry. idx is the index of the target in the
 * plan's array (people, or orgs for organisations and partners), or
 * REF_UNKNOWN / REF_AMBIGUOUS (rule unknown-ref reports those).
 */
struct ref {
	const char		*text;	/* as written */
	struct pos		 pos;
	int32_t			 idx;
};

/* What a reference names. */
enum ns { NS_PERSON, NS_ORG, NS_PARTNER, NS_ACTIVITY, NS__COUNT };
#define REF_UNKNOWN	(-1)
#define REF_AMBIGUOUS	(-2)
#define REF_PENDING	(-3)	/* while building only */

struct reflist {
	struct ref	*v;
	uint32_t	 n;
};

/* What a partner is (§10): kindergartens, and the villages, households
 * and units of a responsibility pairing. */
enum org_type { ORG_KINDERGARTEN, ORG_VILLAGE, ORG_HOUSEHOLD, ORG_UNIT };

/* Host and partners: plan->orgs[0] is the host, partners follow. */
struct org {
	const char		*id, *name;
	const char		*level;		/* host only */
	const char		*kind;		/* partners only */
	const char		*head;		/* a household's 户主 */
	struct ref		 village;	/* a household's village */
	bool			 has_village;
	uint8_t			 type;		/* enum org_type */
	int64_t			 classes, children, teachers, staff; /* -1: absent */
	const char	       **needs;
	uint32_t		 nneeds;
	struct pos		 pos;		/* the entry */
	struct pos		 name_pos;	/* its name, else pos */
	struct pos		 key_pos;	/* its id, else name_pos */
	const struct ynode	*node, *id_node, *name_node; /* while built,
						   then NULL: partners may
						   be streamed */
};

struct person {
	const char		*id, *name;
	struct ref		 org;		/* index into orgs; host by default */
	bool			 has_org;
	const char		*role, *duty;
	struct pos		 pos, id_pos;	/* the entry; its id, else pos */
	const struct ynode	*node, *id_node; /* while built, then NULL:
						   people may be streamed */
};

/* Activity kinds: K_AGREEMENT ... K_OTHER, one per row of kinds.def. */
enum kind {
#define KIND(name, id, zh, en, colour)	K_##name,
#include "kinds.def"
#undef KIND
	K__COUNT
};

/* A row of kinds.def. */
struct kind_info {
	const char	*name;		/* as a plan writes it: "teaching-visit" */
	const char	*zh, *en;	/* labels of the exports */
	const char	*colour;	/* "#e15759" */
};
extern const struct kind_info plan_kinds[K__COUNT];

/*
 * Where an activity is held. AT_OWN (本园) and AT_OTHER (结对园) are
 * read from the writer's side once the plan's author is known, and
 * become one of the others.
 */
enum at { AT_HOST, AT_PARTNER, AT_ONLINE, AT_ORG, AT_OWN, AT_OTHER };

enum every {
	EV_NONE, EV_WEEK, EV_MONTH, EV_WEEKS, EV_DAYS,
	EV_MONTHS,		/* N months from the window start */
	EV_YEAR,		/* years from the window start */
	EV_SEMESTER,		/* 6 months from the window start */
};

/* The scheduling keys shared by activities and mentorship meetings. */
struct when {
	struct ref		*at_org;	/* AT_ORG: index into orgs, or
						   NULL (when_org) */
	struct span		 window;	/* when, else the phase/period */
	uint32_t		 times;		/* default 1 */
	uint32_t		 every_n;	/* EV_WEEKS, EV_DAYS, EV_MONTHS */
	uint32_t		 days;		/* default 1 */
	uint32_t		 cal;		/* AT_ONLINE: index into sitecals */
	uint8_t			 at;		/* enum at */
	uint8_t			 every;		/* enum every */
	uint8_t			 weekdays;	/* mask; default every day */
	bool			 has_when;
	bool			 has_weekday;
};

/*
 * The org of an `at: ORG` (AT_ORG), an index into orgs; 0 (the host) for
 * a when without one. Only AT_ORG whens have one: most activities keep
 * a pointer rather than a reference.
 */
static inline int32_t
when_org(const struct when *w)
{
	return w->at_org != NULL ? w->at_org->idx : 0;
}

/* Where the keys of a struct when are written; line 0: absent. */
struct when_pos {
	struct pos		 when_pos, times_pos, every_pos;
};

/*
 * Where an activity and its keys are written. Only the rules read them:
 * they are in the tree's arena (plandoc.h), given back by plandoc_trim,
 * so that a plan of hundreds of thousands of activities does not keep
 * them while it is scheduled.
 */
struct act_pos {
	struct pos		 pos, id_pos, kind_pos, date_pos, title_pos;
	struct when_pos		 wp;
};

/* Fields ordered by size: a big plan holds hundreds of thousands. */
struct activity {
	const char		*id, *title;
	const char		*kind_text;	/* as written (unknown kinds) */
	const char		*note;
	struct reflist		 partners;	/* index into orgs */
	struct reflist		 owners, people;/* index into people */
	struct reflist		 after;		/* plan_activity() indexes */
	struct when		 w;
	const struct act_pos	*where;		/* until plandoc_trim */
	day_t			 date;
	uint32_t		 phase;		/* index into phases */
	uint32_t		 order;		/* 1-based position in its phase */
	uint32_t		 gap;		/* working days after `after` */
	int32_t			 publicity_days;/* -1: the plan's (aid) */
	uint8_t			 kind;		/* enum kind */
	bool			 all_partners;	/* partners: all (default) */
	bool			 has_date;
	bool			 shared;	/* site: shared, takes no room */
	bool			 id_given;	/* id written, not generated */
};

/* The people as the loader streams them (yload_opts.stream). */
struct personlist {
	struct person	*v;
	uint32_t	 n, cap;
	bool		 owned;
};

/* The partners as the loader streams them; v[0] is left for the host. */
struct orglist {
	struct org	*v;
	uint32_t	 n, cap;
	bool		 owned;
};

/*
 * Activities as the loader hands them over, one list per phase; a list
 * that an alias repeats is copied for each further phase (owned).
 */
struct actlist {
	struct activity	*v;
	uint32_t	 n, cap;
	bool		 owned;
};

struct phase {
	const char		*id, *name, *goal;
	struct span		 period;
	struct activity		*acts;
	uint32_t		 nacts;
	const struct ynode	*node, *id_node, *period_node;
};

struct mentorship {
	struct ref		 mentor, apprentice;	/* index into people */
	struct span		 period;	/* default the plan period */
	bool			 has_period;
	bool			 has_meet;
	struct when		 meet;
	struct when_pos		 meet_pos;
	const struct ynode	*node, *period_node;
};

enum cmp { CMP_AT_LEAST, CMP_AT_MOST, CMP_EQUALS };

/* A yearly figure of a target (by-year: {2016: 223, ...}). */
struct year_value {
	int32_t			 year;
	double			 value;
	struct pos		 pos;
};

/*
 * A target. Its threshold is cmp and value (has_value); at-least with
 * at-most is a range, value the least and max the most. A target with
 * total or by-year and no comparison holds them as minimums.
 */
struct target {
	const char		*name;
	const char		*unit;		/* 所, 人次, %, 元, ... */
	enum cmp		 cmp;
	double			 value;
	bool			 has_value;
	bool			 percent;
	bool			 has_max;	/* a range: at-least .. at-most */
	double			 max;
	bool			 approx;	/* 左右 */
	bool			 cumulative;	/* by-year figures are running totals */
	bool			 per_year;	/* to reach every year */
	bool			 has_baseline, has_total;
	double			 baseline, total;
	struct year_value	*by_year;	/* in year order as written */
	uint32_t		 nby_year;
	bool			 all_partners;
	struct reflist		 partners;
	bool			 has_by;
	struct span		 by;
	const struct ynode	*node, *value_node;
	const struct ynode	*extra_cmp_node;	/* equals with another */
	const struct ynode	*by_node, *total_node, *by_year_node;
};

enum quota_group {
	QG_LIST, QG_LEADER, QG_DEPUTIES, QG_MEMBERS, QG_LEADERSHIP
};
enum per { PER_YEAR, PER_SEMESTER, PER_MONTH };

struct quota {
	enum quota_group	 group;
	struct reflist		 people;	/* QG_LIST */
	const struct ynode	*people_node;
	int64_t			 visits;	/* -1: only days */
	int64_t			 days;		/* -1: only visits */
	enum per		 per;
	const struct ynode	*node, *visits_node;
};

/*
 * One person assigned to one partner (§10 pairings: 挂点, 包村, 包户,
 * 园长对园长), v1, v2, ... by position. With visits, a series of visits
 * to the partner per period; days asks for working days spent there.
 */
struct pairing {
	const char		*id;		/* "v1" */
	struct ref		 person, partner;
	const char		*role;
	int64_t			 visits, days;	/* -1: absent */
	enum per		 per;
	struct span		 window;	/* the plan period */
	struct when		 w;		/* the visits as a series */
	const struct ynode	*node;
};

/* A section of the document that is not dated (工作内容, 基本原则, ...). */
enum place { PLACE_AFTER_PHASES, PLACE_BEFORE_GOALS, PLACE_BEFORE_PHASES };

struct section {
	const char		*title, *text;
	const char	       **items;
	uint32_t		 nitems;
	uint8_t			 place;		/* enum place */
	struct section		*subs;		/* (一) ... one level deep */
	uint32_t		 nsubs;
	const struct ynode	*node;
};

/* A category of financial aid (资助对象与标准). */
struct aid_standard {
	const char		*category;
	double			 amount;	/* yuan, per `per` */
	enum per		 per;
	int64_t			 children;	/* -1: not stated */
	const char	       **proofs;
	uint32_t		 nproofs;
	bool			 amount_at_least;	/* 不低于 */
	const struct ynode	*node, *amount_node;
};

struct aid {
	struct aid_standard	*standards;
	uint32_t		 nstandards;
	bool			 has_budget;
	double			 budget;
	int64_t			 publicity_days;	/* default 5 */
	const struct ynode	*node, *budget_node;
};

/* Who wrote the plan, and what kind of document it is (§10). */
enum author { AUTHOR_HOST, AUTHOR_PARTNER };
enum plan_kind {
	PK_PAIRING, PK_MENTORSHIP, PK_AID, PK_RESPONSIBILITY, PK_PROGRAMME
};

/*
 * The working days of one site, or of the kindergartens of an online
 * event's people: a day works when every one of cals works. The workmap
 * covers the plan period (when has_wm); cals answer outside it.
 */
struct sitecal {
	const struct calendar *const *cals;
	uint32_t		 ncals;
	bool			 has_wm;
	struct workmap		 wm;
};

/* A closed or open entry that names its sites: {dates, at} (§13). */
struct site_entry {
	struct span		*spans;		/* dates as written */
	const struct ynode     **span_nodes;
	uint32_t		 nspans;
	struct reflist		 at;		/* orgs; "host" is orgs[0] */
	bool			 open;
	const struct ynode	*node;
};

struct plan {
	const char		*file;
	const struct ynode	*root;
	int64_t			 version;
	const char		*title, *lang, *guiding;
	const char		*issuer, *preamble, *closing;
	const char	       **goals;
	uint32_t		 ngoals;
	const char	       **confirm;	/* who signs a record card */
	uint32_t		 nconfirm;
	uint8_t			 author;	/* enum author */
	uint8_t			 kind;		/* enum plan_kind */
	struct ref		 writer;	/* author: partner */
	bool			 has_writer;
	int64_t			 pairings_per_person;	/* -1: no limit */
	struct span		 period;
	bool			 has_period;
	struct org		*orgs;		/* [0] host, then partners */
	uint32_t		 norgs;
	struct person		*people;
	uint32_t		 npeople;
	bool			 has_leadership;
	struct reflist		 leader, deputies, members;
	struct phase		*phases;
	uint32_t		 nphases;
	struct mentorship	*mentorships;
	uint32_t		 nmentorships;
	struct target		*targets;
	uint32_t		 ntargets;
	struct quota		*quotas;
	uint32_t		 nquotas;
	struct pairing		*pairings;
	uint32_t		 npairings;
	struct section		*sections;
	uint32_t		 nsections;
	bool			 has_aid;
	struct aid		 aid;
	/* Every activity in phase order, for after and lookups by id. */
	struct activity	       **acts;
	uint32_t		 nacts;
	struct calendar		 cal;
	struct workmap		 wm;		/* over the plan period */
	bool			 has_wm;
	/*
	 * Calendars per site (§13): sitecals[0] is the plan-wide one (cal
	 * and wm), then one per distinct set of site entries that some
	 * organisation has, then one per distinct set of kindergartens of
	 * online events' people. org_cal[i] indexes org i's calendar,
	 * when.cal an online series'.
	 */
	struct sitecal		*sitecals;
	uint32_t		 nsitecals;
	uint32_t		*org_cal;
	struct site_entry	*site_entries;
	uint32_t		 nsite_entries;
	/* calendar.holidays as written: the files, relative to the plan */
	const char	       **holiday_files;
	const struct ynode     **holiday_file_nodes;
	uint32_t		 nholiday_files;
	/* closed ranges as written (site entries too), for range-order */
	struct span		*closed_raw;
	const struct ynode     **closed_nodes;
	uint32_t		 nclosed_raw;
	const struct ynode	*version_node, *period_node, *lang_node,
				*plan_node, *leadership_node, *calendar_node,
				*holidays_node, *kind_node, *author_node,
				*partners_node, *pairings_per_person_node;
	/*
	 * For the rules only, in the builder's working memory: gone, with
	 * the nodes, after plandoc_trim (which empties these two lists).
	 * Pairs of nodes holding the same id (duplicate-id), second first.
	 */
	struct dup_id {
		struct pos	 second, first;
		const char	*what;
		const char *id;
	}			*dups;
	uint32_t		 ndups;
	/* Every reference, for unknown-ref (what names the namespace). */
	struct refsite {
		const struct ref *ref;
		enum ns		 ns;
	}			*refs;
	uint32_t		 nrefs;
};

/*
 * The periods of `every` (§5): the start of the first period that meets
 * the window (ISO week, month, N weeks from the window's first Monday, N
 * days from the window start), and the start of the period after start.
 */
day_t	 plan_period_first(const struct when *);
day_t	 plan_period_next(const struct when *, day_t start);
/* The day n months after d, on the same day of the month or its last. */
day_t	 plan_add_months(day_t d, int n);
/* Months of a quota's or pairing's period: 12, 6 or 1. */
int	 plan_per_months(enum per);

/*
 * Working days as the schedule sees them: the plan's workmap inside the
 * plan period, its calendar outside. plan_occupied_end gives the last day
 * of an occurrence that starts on d and lasts `days` working days (d and
 * the next days - 1 working days, §5.2), or INT32_MAX when they are not
 * found within four years.
 */
bool	 plan_is_working(const struct plan *, day_t);
day_t	 plan_occupied_end(const struct plan *, day_t d, uint32_t days);

/*
 * The same on one calendar of sitecals: its workmap inside the plan
 * period, its calendars outside.
 */
bool	 sitecal_is_working(const struct sitecal *, day_t);
day_t	 sitecal_occupied_end(const struct sitecal *, day_t d, uint32_t days);
/* Eligible days (§5.1): working days in [s] on a weekday of mask. */
int32_t	 sitecal_count(const struct sitecal *, struct span s, uint8_t mask);

/*
 * The calendar of a series: of its site (an org index), or, for an
 * online series (site < 0), of its people's kindergartens (w->cal).
 */
const struct sitecal *plan_site_cal(const struct plan *, int32_t site,
	    const struct when *w);
/*
 * The site of a series as §5.1 expands it: partner for `at: partner`
 * activities (one series per partner), the host, the org of `at: ORG`,
 * the apprentice's kindergarten for a mentorship meeting `at: partner`,
 * or -1 online.
 */
int32_t	 plan_series_site(const struct plan *, const struct when *,
	    int32_t partner, const struct mentorship *);

/*
 * The days of [s] that differ from an ordinary Monday-Friday week on the
 * plan-wide calendar, then for each site calendar the days on which it
 * differs from the plan-wide one, with the ids of its sites in at; by
 * date, the plan-wide row first. Memory from the arena.
 */
struct cal_row *plan_calendar_rows(const struct plan *, struct span s,
	    struct arena *, size_t *n);

/* A kind's label (enum kind, or -1 for unknown: other), and its colour. */
const char *plan_kind_label(int kind, bool en);
const char *plan_kind_colour(int kind);
/* The names of the kinds, then their Chinese labels, for suggestions. */
const char **plan_kind_names(struct arena *, size_t *n);
/* Index of a kind by its name or either label, or -1. */
int	 plan_kind_from_name(const char *);
/* The id of what ref points at, or the text as written. */
const char *plan_ref_text(const struct ref *);
/* Longest plan period that is accepted (rule limit). */
#define PLAN_MAX_DAYS	(100 * 366)

#endif
