/* suggest.h - did-you-mean: the nearest candidate by edit distance over characters. */
#ifndef PAIRPLAN_SUGGEST_H
#define PAIRPLAN_SUGGEST_H

#include <stddef.h>

/*
 * The candidate nearest to s by Levenshtein distance counted in Unicode
 * characters (so Chinese names work), when it is close enough to be a
 * likely typo; NULL otherwise. Ties go to the earlier candidate.
 */
const char *suggest(const char *s, const char *const *cands, size_t n);
/*
 * The one way a message offers a suggestion: SUGGEST_FMT in the format
 * and SUGGEST_ARGS(hint) in the arguments give " (did you mean 'X'?)"
 * for hint X, and nothing for NULL.
 */
#define SUGGEST_FMT		"%s%s%s"
#define SUGGEST_ARGS(hint)	(hint) != NULL ? " (did you mean '" : "", \
				(hint) != NULL ? (hint) : "", \
				(hint) != NULL ? "'?)" : ""

/* Distance in characters, or a number > limit once it exceeds limit. */
size_t	 suggest_distance(const char *a, const char *b, size_t limit);

#endif
