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
/* Distance in characters, or a number > limit once it exceeds limit. */
size_t	 suggest_distance(const char *a, const char *b, size_t limit);

#endif
