/* suggest.c - did-you-mean: the nearest candidate by edit distance over characters. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"

#define SUGGEST_MAX_CHARS	64

/* Decodes UTF-8 (already validated by the loader) into code points. */
static size_t
decode(const char *s, uint32_t *out, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	while (*p != '\0' && n < max) {
		uint32_t c = *p++;
		int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

		if (more)
			c &= 0x3F >> more;
		while (more-- > 0 && (*p & 0xC0) == 0x80)
			c = (c << 6) | (*p++ & 0x3F);
		out[n++] = c;
	}
	return *p == '\0' ? n : max + 1;
}

/*
 * Optimal string alignment distance: insertions, deletions, substitutions
 * and swaps of two neighbours each cost one ("fneg" is one from "feng").
 */
size_t
suggest_distance(const char *a, const char *b, size_t limit)
{
	uint32_t x[SUGGEST_MAX_CHARS], y[SUGGEST_MAX_CHARS];
	size_t rows[3][SUGGEST_MAX_CHARS + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *t;
	size_t m, n, i, j, best, c;

	if ((m = decode(a, x, SUGGEST_MAX_CHARS)) > SUGGEST_MAX_CHARS ||
	    (n = decode(b, y, SUGGEST_MAX_CHARS)) > SUGGEST_MAX_CHARS)
		return limit + 1;
	if ((m > n ? m - n : n - m) > limit)
		return limit + 1;
	for (j = 0; j <= n; j++)
		prev[j] = j;
	for (i = 1; i <= m; i++) {
		cur[0] = best = i;
		for (j = 1; j <= n; j++) {
			c = prev[j - 1] + (x[i - 1] != y[j - 1]);
			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (cur[j - 1] + 1 < c)
				c = cur[j - 1] + 1;
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1] && prev2[j - 2] + 1 < c)
				c = prev2[j - 2] + 1;
			cur[j] = c;
			if (c < best)
				best = c;
		}
		if (best > limit)
			return limit + 1;
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[n];
}

const char *
suggest(const char *s, const char *const *cands, size_t n)
{
	uint32_t tmp[SUGGEST_MAX_CHARS];
	const char *best = NULL;
	size_t i, d, len, limit, bestd;

	len = decode(s, tmp, SUGGEST_MAX_CHARS);
	if (len == 0 || len > SUGGEST_MAX_CHARS)
		return NULL;
	/* One edit in short words, about one in three in longer ones. */
	limit = len <= 4 ? 1 : (len + 2) / 3;
	bestd = limit + 1;
	for (i = 0; i < n; i++) {
		if (cands[i] == NULL || strcmp(cands[i], s) == 0)
			continue;
		d = suggest_distance(s, cands[i], bestd - 1);
		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	return best;
}
