/* build_engine.h - how the model builder reads a mapping through a table of its keys, and its values by type. */
#ifndef PAIRPLAN_BUILD_ENGINE_H
#define PAIRPLAN_BUILD_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "catalog.h"
#include "plan.h"
#include "strmap.h"

struct diags;
struct diag;
struct holfile_cache;
struct ynode;

/* The state of one build: the plan being built and what resolves references. */
struct bctx {
	struct arena	*a;
	struct arena	*tmp;		/* working memory: given back with the
					   tree after the rules; may be a */
	struct diags	*d;
	struct plan	*p;
	struct avec	 refs;		/* struct refsite: unresolved only */
	struct avec	 dups;		/* struct dup_id */
	/* ids and names of people, organisations and activities */
	struct strmap	 pid, pname, oid, oname, acttitle;
	struct strindex	 actid;		/* into plan->acts */
	bool		 orgs_ready, people_ready, acts_ready;
	/*
	 * The people's ids and names indexed as the loader streams them,
	 * for index_people (build_plan.c): the streamed list, how many of
	 * its people, and the repeated ids (uint32_t pairs: second, first).
	 * The indexes hold the list's places (8 bytes a person, where pid
	 * and pname take 24): ids (a person without one by name), the first
	 * of each name, and the names that repeat (REF_AMBIGUOUS). They read
	 * a person's id and name from the list at each compare: nothing may
	 * change them while the indexes live (index_people's id = name for
	 * a person without an id keeps the key the same).
	 */
	const void	*early;
	uint32_t	 early_n;
	struct avec	 early_dups;
	struct strindex	 early_id, early_name;
	struct strmap	 early_twice;
	bool		 early_off;	/* a second list: index them later */
	bool		 early_used;	/* the plan's people are that list */
	bool		 early_ok;	/* and index_people kept the maps */
	bool		 early_refs;	/* activities' references to people
					   were resolved with them */
	/* the title of the activity being read, named in its messages */
	const char	*activity;
	/* where SIDEOFF offsets point: that activity's struct act_pos */
	void		*side;
	/* holiday files shared by the plans being read, or NULL */
	struct holfile_cache *holidays;
};

typedef void	(*keyfn)(struct bctx *, const struct ynode *, void *);

/* How a key's value is read (bld_text, bld_int, ...) and stored. */
enum keytype {
	KT_FN,		/* fn(b, value, obj + field), or obj when no field */
	KT_TEXT,	/* const char * */
	KT_TEXTS,	/* const char **, and its count in aux (uint32_t) */
	KT_INT,		/* an integer of width bytes, in [min, max] */
	KT_SPAN,	/* struct span */
	KT_DAY,		/* day_t */
	KT_REF,		/* struct ref in namespace ns */
	KT_REFS,	/* struct reflist in namespace ns */
	KT_PARTNERS,	/* "all" (bool in aux) or a struct reflist */
	KT_WEEKDAYS,	/* uint8_t mask, left alone when none is good */
	KT_CHOICE,	/* one of words[], its index as an int of width bytes */
	KT_NUM,		/* double, a number of at least min */
	KT_BOOL,	/* bool: true or false */
	KT_LIST,	/* a list of mappings read by list: an array, its count
			   in aux (uint32_t) */
};

struct keydef;

/*
 * A list of mappings, one item of size bytes each, read by keys[]: init
 * (or NULL) sets an item's defaults before it is read, i counting from 0;
 * check (or NULL) looks at it after. node is KEYOFF of the item's own
 * const struct ynode *; what names an item in messages ("a person").
 */
struct listdef {
	size_t			 size, node;
	const struct keydef	*keys;
	size_t			 nkeys;
	const char		*what;
	void			(*init)(struct bctx *, void *item, uint32_t i);
	void			(*check)(struct bctx *, void *item);
};

/*
 * One key a mapping may hold, and where its value goes. Offsets are
 * written with KEYOFF(type, member), which adds one so that 0 means
 * "none". node, pos and has are filled when the value is good; seen (a
 * struct pos) whenever the key is there, for rules about keys that
 * exclude each other.
 */
struct keydef {
	const char		*key;
	uint8_t			 type;		/* enum keytype */
	bool			 required;
	uint8_t			 ns;		/* KT_REF, KT_REFS */
	uint8_t			 width;		/* KT_INT, KT_CHOICE */
	uint8_t			 pass;		/* bld_map_pass */
	size_t			 field, aux, node, pos, seen, has;
	int64_t			 min, max;	/* KT_INT */
	/*
	 * KT_CHOICE, NULL-terminated; a word may list its synonyms after
	 * bars ("year|每年|年"), and messages name the first.
	 */
	const char *const	*words;
	keyfn			 fn;		/* KT_FN */
	const struct listdef	*list;		/* KT_LIST */
};

#define KEYOFF(type, member)	(offsetof(type, member) + 1)
/*
 * An offset into the side record (bctx.side) rather than the object
 * read: where an activity's keys are written goes apart from the model.
 */
#define KEY_SIDE		(~(SIZE_MAX >> 1))
#define SIDEOFF(type, member)	(KEY_SIDE | KEYOFF(type, member))

/*
 * The start of a row: key k of type T stored in member f of struct S, a
 * key read by its own function, an integer in [lo, hi]. More fields may
 * follow in the row: { KEY("title", KT_TEXT, A, title), .required = true }.
 */
#define KEY(k, T, S, f)	.key = (k), .type = (T), .field = KEYOFF(S, f)
#define KEY_FN(k, f)	.key = (k), .type = KT_FN, .fn = (f)
#define KEY_LIST(k, S, f, nf, l) \
	KEY(k, KT_LIST, S, f), .aux = KEYOFF(S, nf), .list = (l)
#define KEY_INT(k, S, f, lo, hi) \
	KEY(k, KT_INT, S, f), .width = sizeof(((S *)0)->f), .min = (lo), \
	.max = (hi)

#define NKEYS(t)	(sizeof(t) / sizeof((t)[0]))

/* Where a node is, as a model position. */
struct pos bld_pos(const struct ynode *);
/*
 * The lists the loader streams (build_plan.c's stream_paths, in this
 * order): a YN_BUILT node says which one it is, and an alias may have put
 * it under any key.
 */
enum bld_stream { STREAM_ACTIVITIES, STREAM_PEOPLE, STREAM_PARTNERS };
/* What a streamed list holds, for the message of an alias misplaced. */
const char *bld_stream_what(const struct ynode *);
/* A diagnostic at node n. */
struct diag *bld_diag(struct bctx *, const struct ynode *n, enum rule_id,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Values by type, each reporting (type, bad-number, bad-date) and giving
 * NULL or false when the value is not of its type; key names the value
 * in messages.
 */
const char *bld_text(struct bctx *, const struct ynode *, const char *key);
/* A number of at least min (amounts in yuan, figures of targets). */
bool	 bld_num(struct bctx *, const struct ynode *, const char *key,
	    double min, double *out);
/* A word of words[] (as KT_CHOICE): its index, or -1 after reporting. */
int	 bld_word(struct bctx *, const struct ynode *, const char *key,
	    const char *const *words);
/* A whole number in [min, max]. */
bool	 bld_int(struct bctx *, const struct ynode *, const char *key,
	    int64_t min, int64_t max, int64_t *out);
/* A date span of any form of the format, or with day_only one day. */
bool	 bld_span(struct bctx *, const struct ynode *, const char *key,
	    bool day_only, struct span *out);
/* One text, or a list of them. */
const char **bld_texts(struct bctx *, const struct ynode *, const char *key,
	    uint32_t *n);
/* Weekday names, as a mask (Monday bit 0); 0 after reporting. */
uint8_t	 bld_weekdays(struct bctx *, const struct ynode *, const char *key);

/*
 * References: resolved at once when their namespace is built (people and
 * organisations are built first, whatever the order of the file), else
 * REF_PENDING until plan_builder_build resolves them. Failures are kept
 * for the unknown-ref rule.
 */
void	 bld_resolve(struct bctx *, struct ref *, enum ns);
void	 bld_add_ref(struct bctx *, struct ref *, const struct ynode *,
	    enum ns);
bool	 bld_ref(struct bctx *, const struct ynode *, const char *key,
	    enum ns, struct ref *);
/* One reference, or a list of them. */
void	 bld_refs(struct bctx *, const struct ynode *, const char *key,
	    enum ns, struct reflist *);
/* "all", or a list of partners. */
void	 bld_partners(struct bctx *, const struct ynode *, bool *all,
	    struct reflist *);

/*
 * Fills obj from mapping m by its key table, reporting unknown keys (with
 * a did-you-mean), missing required keys and a map that is not one; what
 * names the mapping in messages ("an activity"). bld_map_pass handles
 * only the keys of one pass (keydef.pass) and reports unknown and
 * missing keys in the last, BLD_LAST_PASS.
 */
#define BLD_LAST_PASS	2
void	 bld_map(struct bctx *, const struct ynode *m, const struct keydef *,
	    size_t nkeys, void *obj, const char *what);
void	 bld_map_pass(struct bctx *, const struct ynode *m,
	    const struct keydef *, size_t nkeys, void *obj, const char *what,
	    int pass);
/* The items of list v as l reads them (KT_LIST), or NULL after reporting. */
void	*bld_list(struct bctx *, const struct ynode *v, const char *key,
	    const struct listdef *l, uint32_t *n);
/* One zeroed item of itemsz bytes per element of list v, or reports. */
void	*bld_items(struct bctx *, const struct ynode *v, const char *key,
	    size_t itemsz, uint32_t *n);

#endif
