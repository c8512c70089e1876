/* jw.h - small pieces of JSON output: strings or null, lists of strings, dates, spans, list items. */
#ifndef PAIRPLAN_JW_H
#define PAIRPLAN_JW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"

/* A JSON string, or null. */
void	 jw_str(FILE *, const char *);
/* A list of n strings (each one or null) on one line: ["a", "b"]. */
void	 jw_strs(FILE *, const char *const *v, size_t n);
/* "YYYY-MM-DD" and ["YYYY-MM-DD", "YYYY-MM-DD"]. */
void	 jw_date(FILE *, day_t);
void	 jw_span(FILE *, struct span);
/*
 * Starts an item of a list: a comma after the first, a newline, the
 * indent of the enclosing object (ind) and two spaces.
 */
void	 jw_item(FILE *, bool *first, const char *ind);

#endif
