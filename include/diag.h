/* diag.h - diagnostics as data: collected with position and rule, sorted, printed in one place. */
#ifndef PAIRPLAN_DIAG_H
#define PAIRPLAN_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "budget.h"
#include "catalog.h"

struct diag {
	const char	*file;		/* NULL: the file of the diags */
	uint32_t	 line, col;	/* 1-based; 0 when the file as a whole */
	enum rule_id	 rule;
	uint32_t	 seq;		/* order of emission, for a stable sort */
	const char	*msg;
	/* An optional note at another place, e.g. the first of two keys. */
	uint32_t	 note_line, note_col;
	const char	*note;
};

/*
 * The diagnostics of one file, and of the files it brings in (a holiday
 * file, a records file): each has its own name, at its own line and
 * column. Strings live in the arena.
 *
 * The same message at the same place is kept once (a node reached twice
 * through an alias is reported once). At most DIAG_MAX_KEPT are kept,
 * the first in file order (within a bound on the memory that costs); the
 * rest are only counted, and printed as one "too many diagnostics" note
 * at the first of them. count[] counts them all. Quoted values
 * longer than DIAG_MAX_VALUE characters are shortened with "…".
 *
 * The diags also carry the file's work budget (budget.h), which every
 * stage that reports on the file charges; a kept diagnostic costs a unit.
 */
#define DIAG_MAX_KEPT		1000
#define DIAG_MAX_VALUE		60
#define DIAG_MAX_GIVEN_UP	(4u << 20)	/* bytes of messages replaced */

struct diags {
	struct arena	*arena;
	/*
	 * Working memory for those who report here and then forget it (the
	 * rules: see rules_tmp), given back after them; NULL: arena.
	 */
	struct arena	*scratch;
	const char	*file;		/* as named on the command line */
	struct diag	*v;
	size_t		 n, cap;
	size_t		 count[SEV__COUNT];
	struct budget	 budget;
	uint32_t	 seq;		/* diagnostics so far */
	/* diagnostics not kept, and the first of them in file order */
	size_t		 dropped;
	struct diag	 drop;
	/* once DIAG_MAX_KEPT are kept, v is a heap: the last on top */
	bool		 heaped, top_moved;
	size_t		 given_up;	/* bytes of messages replaced */
	/* fingerprints of every diagnostic, for repeats (owned by arena) */
	uint64_t	*fp;
	size_t		 fpn, fpcap;
	char		*buf;		/* a message while it is formatted */
	size_t		 bufcap;
	struct diag	 sink;		/* what a repeat or a dropped one gets */
};

/* No limit on the budget until the input's size is known (budget_init). */
void	 diags_init(struct diags *, struct arena *, const char *file);
struct diag *diag_add(struct diags *, enum rule_id, uint32_t line,
	    uint32_t col, const char *, ...)
	    __attribute__((format(printf, 5, 6)));
struct diag *diag_vadd(struct diags *, enum rule_id, uint32_t line,
	    uint32_t col, const char *, va_list)
	    __attribute__((format(printf, 5, 0)));
/* A diagnostic in another file than the diags' own (file as named). */
struct diag *diag_add_in(struct diags *, const char *file, enum rule_id,
	    uint32_t line, uint32_t col, const char *, ...)
	    __attribute__((format(printf, 6, 7)));
struct diag *diag_vadd_in(struct diags *, const char *file, enum rule_id,
	    uint32_t line, uint32_t col, const char *, va_list)
	    __attribute__((format(printf, 6, 0)));
void	 diag_set_note(struct diags *, struct diag *, uint32_t line,
	    uint32_t col, const char *, ...)
	    __attribute__((format(printf, 5, 6)));
void	 diags_sort(struct diags *);
/* "too many diagnostics: N more not shown ..." (a static buffer). */
const char *diags_too_many(const struct diags *);
bool	 diags_has_errors(const struct diags *, bool strict);

/* Severity as printed: warnings become errors under --strict. */
enum severity diag_severity(const struct diag *, bool strict);

struct diag_out {
	FILE	*fp;
	bool	 strict;
	bool	 color;		/* ANSI colour on the severity word */
};
/*
 * file:line:col: severity: message [rule], and a note line if any; then
 * the "too many diagnostics" note when some were not kept. Control
 * characters are printed as visible escapes (esc_text).
 */
void	 diags_print_text(const struct diags *, const struct diag_out *);
/*
 * One JSON object per diagnostic, comma-separated; *first tracks commas.
 * The "too many diagnostics" note is an object of severity "note" and
 * rule "limit".
 */
void	 diags_print_json(const struct diags *, const struct diag_out *,
	    bool *first);

/*
 * SARIF 2.1.0 (§14): one log with one run. diags_sarif_begin prints the
 * head, with the tool and the rule catalogue as its rules;
 * diags_print_sarif one result per diagnostic, at its physical location,
 * with the note, if any, as a related location (*first tracks commas);
 * diags_sarif_end the tail: the invocation, successful unless some file
 * could not be read, with a notification for each such file (files[i],
 * why[i]).
 */
void	 diags_sarif_begin(FILE *, const char *tool_version);
void	 diags_print_sarif(const struct diags *, const struct diag_out *,
	    bool *first);
void	 diags_sarif_end(FILE *, bool first, const char *const *files,
	    const char *const *why, size_t nfailed);

#endif
