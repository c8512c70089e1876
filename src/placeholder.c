/* placeholder.c - template text left in a plan (20xx, XXX, xx, __, 某某): a scan of the node tree. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "catalog.h"
#include "diag.h"
#include "placeholder.h"
#include "yload.h"

/* Keys whose values are names, where XX also marks a template. */
static bool
is_name_key(const char *k)
{
	static const char *const keys[] = {
		"name", "title", "owner", "people", "leader", "deputies",
		"members", "mentor", "apprentice",
	};
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(k, keys[i]) == 0)
			return true;
	return false;
}

/* The patterns, in the order a text holding several is reported by. */
static const char *const anywhere[] = {
	"20xx", "20XX", "20__", "XXX", "xxx", "某某", "xx", "__",
};
#define IN_NAMES	(1u << 8)	/* XX, only in names */

/* Whether p, in s, follows "20". */
static bool
after_20(const char *s, const unsigned char *p)
{
	return p - (const unsigned char *)s >= 2 && p[-2] == '2' &&
	    p[-1] == '0';
}

/* The patterns that start at p, a byte of s, as bits as patterns_in. */
static unsigned
patterns_at(const char *s, const unsigned char *p)
{
	switch (*p) {
	case 'x':
		if (p[1] != 'x')
			return 0;
		return 1u << 6 | (unsigned)(p[2] == 'x') << 4 |
		    (unsigned)after_20(s, p) << 0;
	case 'X':
		if (p[1] != 'X')
			return 0;
		return IN_NAMES | (unsigned)(p[2] == 'X') << 3 |
		    (unsigned)after_20(s, p) << 1;
	case '_':
		if (p[1] != '_')
			return 0;
		return 1u << 7 | (unsigned)after_20(s, p) << 2;
	case 0xE6:	/* 某某 is E6 9F 90 E6 9F 90 */
		return p[1] == 0x9F && p[2] == 0x90 && p[3] == 0xE6 &&
		    p[4] == 0x9F && p[5] == 0x90 ? 1u << 5 : 0;
	default:
		return 0;
	}
}

/* The bytes of w equal to c, as their top bits (none missed). */
static uint64_t
bytes_eq(uint64_t w, uint64_t c)
{
	uint64_t x = w ^ (c * 0x0101010101010101ull);

	return (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
}

/*
 * The patterns s holds, as bits of anywhere[] and IN_NAMES. Eight bytes
 * are passed over at once when they hold no x, X or _ and no 0x90, the
 * last byte of 某 (most Chinese characters start with 0xE6, as 某 does;
 * few end with 0x90). Otherwise each pattern is looked for where it
 * would start, from the five bytes before, where a 某某 ending here starts.
 */
static unsigned
patterns_in(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, j;
	unsigned found = 0;
	uint64_t w;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		if ((bytes_eq(w, 'x') | bytes_eq(w, 'X') | bytes_eq(w, '_') |
		    bytes_eq(w, 0x90)) == 0)
			continue;
		for (j = i >= 5 ? i - 5 : 0; j < i + 8; j++)
			found |= patterns_at(s, p + j);
	}
	for (j = i >= 5 ? i - 5 : 0; j < len; j++)
		found |= patterns_at(s, p + j);
	return found;
}

/* The key whose value s is (NULL in a list of no key) decides "name". */
static const char *
placeholder_in(const char *s, const struct ynode *key)
{
	unsigned found = patterns_in(s);

	if ((found & 0xFF) != 0)
		return anywhere[__builtin_ctz(found & 0xFF)];
	if ((found & IN_NAMES) != 0 && key != NULL &&
	    key->kind == YN_SCALAR && is_name_key(key->u.str))
		return "XX";
	return NULL;
}

/*
 * key is the mapping key above n (lists pass theirs on), looked at only
 * for text that may hold a pattern: most values never need it.
 */
static void
placeholder_walk(struct diags *d, const struct ynode *n,
    const struct ynode *key, int depth)
{
	const char *hit;
	uint32_t i;

	if (depth > YLOAD_MAX_DEPTH)
		return;
	switch (n->kind) {
	case YN_SCALAR:
		if ((hit = placeholder_in(n->u.str, key)) != NULL)
			diag_add(d, R_PLACEHOLDER, n->line, n->col, "template text '%s' left "
			    "in the plan", hit);
		break;
	case YN_MAP:
		for (i = 0; i < n->n; i++)
			placeholder_walk(d, &n->u.kids[2 * i + 1],
			    &n->u.kids[2 * i], depth + 1);
		break;
	case YN_SEQ:
		for (i = 0; i < n->n; i++)
			placeholder_walk(d, &n->u.kids[i], key, depth + 1);
		break;
	default:
		break;
	}
}

void
placeholder_scan(const struct ynode *n, struct diags *d)
{
	placeholder_walk(d, n, NULL, 0);
}
