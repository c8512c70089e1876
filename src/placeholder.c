/* placeholder.c - template text left in a plan (20xx, XXX, xx, __, 某某): a scan of the node tree. */
#include <stdbool.h>
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

/*
 * Every pattern holds xx, XX, __ or 某 (E6 9F 90), so text without any
 * of them needs no search: one pass over the bytes, stopping at the rare
 * ones (x, X, _ and 9F: not 某's first byte, E6, which starts most common
 * Chinese characters).
 */
bool
placeholder_maybe(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (;;) {
		p += strcspn((const char *)p, "xX_\x9f");
		if (*p == '\0')
			return false;
		if (*p == 0x9F ? p != (const unsigned char *)s &&
		    p[-1] == 0xE6 && p[1] == 0x90 : p[1] == *p)
			return true;
		p++;
	}
}

/*
 * The key whose value s is (NULL in a list of no key) decides "name". s
 * is a text that placeholder_maybe did not clear.
 */
static const char *
placeholder_in(const char *s, const struct ynode *key)
{
	static const char *const anywhere[] = {
		"20xx", "20XX", "20__", "XXX", "xxx", "某某", "xx", "__",
	};
	static const char *const in_names[] = { "XX" };
	size_t i;
	for (i = 0; i < sizeof(anywhere) / sizeof(anywhere[0]); i++)
		if (strstr(s, anywhere[i]) != NULL)
			return anywhere[i];
	if (key != NULL && key->kind == YN_SCALAR && is_name_key(key->u.str))
		for (i = 0; i < sizeof(in_names) / sizeof(in_names[0]); i++)
			if (strstr(s, in_names[i]) != NULL)
				return in_names[i];
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
		if (n->maybe_template &&
		    (hit = placeholder_in(n->u.str, key)) != NULL)
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
