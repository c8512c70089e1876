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
enum ns { NS_PERSON, NS_ORG, NS_PARTNER, NS__COUNT };
#define REF_UNKNOWN	(-1)
#define REF_AMBIGUOUS	(-2)
#define REF_PENDING	(-3)	/* while building only */

struct reflist {
	struct ref	*v;
	uint32_t	 n;
};

/* Host and partners: plan->orgs[0] is the host, partners follow. */
struct org {
	const char		*id, *name;
	const char		*level;		/* host only */
	const char		*kind;		/* partners only */
	int64_t			 classes, children, teachers, staff; /* -1: absent */
	const char	       **needs;
	uint32_t		 nneeds;
	const struct ynode	*node, *id_node, *name_node;
};

struct person {
	const char		*id, *name;
	struct ref		 org;		/* index into orgs; host by default */
	bool			 has_org;
	const char		*role, *duty;
	const struct ynode	*node, *id_node;
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

enum at { AT_HOST, AT_PARTNER, AT_ONLINE, AT_ORG };

enum every { EV_NONE, EV_WEEK, EV_MONTH, EV_WEEKS, EV_DAYS };

/* The scheduling keys shared by activities and mentorship meetings. */
struct when {
	struct ref		 at_org;	/* AT_ORG: index into orgs */
	struct span		 window;	/* when, else the phase/period */
	uint32_t		 times;		/* default 1 */
	uint32_t		 every_n;	/* EV_WEEKS, EV_DAYS */
	uint32_t		 days;		/* default 1 */
	struct pos		 when_pos, times_pos, every_pos;
	uint8_t			 at;		/* enum at */
	uint8_t			 every;		/* enum every */
	uint8_t			 weekdays;	/* mask; default every day */
	bool			 has_when;
	bool			 has_weekday;
};

/* Fields ordered by size: a big plan holds hundreds of thousands. */
struct activity {
	const char		*id, *title;
	const char		*kind_text;	/* as written (unknown kinds) */
	const char		*note;
	struct reflist		 partners;	/* index into orgs */
	struct reflist		 owners, people;/* index into people */
	struct when		 w;
	struct pos		 pos, id_pos, kind_pos, date_pos;
	day_t			 date;
	uint32_t		 phase;		/* index into phases */
	uint32_t		 order;		/* 1-based position in its phase */
	uint8_t			 kind;		/* enum kind */
	bool			 all_partners;	/* partners: all (default) */
	bool			 has_date;
};

/* Activities as the loader hands them over, one list per phase. */
struct actlist {
	struct activity	*v;
	uint32_t	 n, cap;
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
	const struct ynode	*node, *period_node;
};

enum cmp { CMP_AT_LEAST, CMP_AT_MOST, CMP_EQUALS };

struct target {
	const char		*name;
	enum cmp		 cmp;
	double			 value;
	bool			 percent;
	bool			 all_partners;
	struct reflist		 partners;
	bool			 has_by;
	struct span		 by;
	const struct ynode	*node, *value_node;
	const struct ynode	*extra_cmp_node;	/* a second comparison */
	const struct ynode	*by_node;
};

enum quota_group {
	QG_LIST, QG_LEADER, QG_DEPUTIES, QG_MEMBERS, QG_LEADERSHIP
};
enum per { PER_YEAR, PER_SEMESTER, PER_MONTH };

struct quota {
	enum quota_group	 group;
	struct reflist		 people;	/* QG_LIST */
	const struct ynode	*people_node;
	int64_t			 visits;
	enum per		 per;
	const struct ynode	*node, *visits_node;
};

struct plan {
	const char		*file;
	const struct ynode	*root;
	int64_t			 version;
	const char		*title, *lang, *guiding;
	const char	       **goals;
	uint32_t		 ngoals;
	const char	       **confirm;	/* who signs a held record */
	uint32_t		 nconfirm;
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
	const struct ynode	*phases_node;
	struct mentorship	*mentorships;
	uint32_t		 nmentorships;
	struct target		*targets;
	uint32_t		 ntargets;
	struct quota		*quotas;
	uint32_t		 nquotas;
	struct calendar		 cal;
	struct workmap		 wm;		/* over the plan period */
	bool			 has_wm;
	/* closed ranges as written, for range-order */
	struct span		*closed_raw;
	const struct ynode     **closed_nodes;
	uint32_t		 nclosed_raw;
	const struct ynode	*version_node, *period_node, *lang_node,
				*plan_node, *leadership_node, *calendar_node,
				*holidays_node;
	/* Pairs of nodes holding the same id (duplicate-id), second first. */
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

/*
 * Working days as the schedule sees them: the plan's workmap inside the
 * plan period, its calendar outside. plan_occupied_end gives the last day
 * of an occurrence that starts on d and lasts `days` working days (d and
 * the next days - 1 working days, §5.2), or INT32_MAX when they are not
 * found within four years.
 */
bool	 plan_is_working(const struct plan *, day_t);
day_t	 plan_occupied_end(const struct plan *, day_t d, uint32_t days);

/* A kind's label (enum kind, or -1 for unknown: other), and its colour. */
const char *plan_kind_label(int kind, bool en);
const char *plan_kind_colour(int kind);
/* The names of the kinds, for suggestions, in the arena. */
const char **plan_kind_names(struct arena *, size_t *n);
/* Index of a kind's name, or -1. */
int	 plan_kind_from_name(const char *);
/* The id of what ref points at, or the text as written. */
const char *plan_ref_text(const struct ref *);
/* Longest plan period that is accepted (rule limit). */
#define PLAN_MAX_DAYS	(100 * 366)

#endif
