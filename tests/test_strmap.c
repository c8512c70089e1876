/* test_strmap.c - the string map and the string index: put, get, slot, reserve, release, collisions, many keys. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "strmap.h"

struct fix {
	struct arena	a;
	struct strmap	m;
};

static int
setup(void **state)
{
	struct fix *f = malloc(sizeof(*f));

	if (f == NULL)
		return -1;
	arena_init(&f->a);
	strmap_init(&f->m, &f->a);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;

	arena_release(&f->a);
	free(f);
	return 0;
}

static int32_t
get(const struct strmap *m, const char *s)
{
	return strmap_get(m, s, strlen(s));
}

/* put KEY VAL: inserts a new key and sets its value. */
static void
put(struct strmap *m, const char *s, int32_t val)
{
	bool existed = true;
	int32_t *v = strmap_put(m, s, strlen(s), &existed);

	assert_false(existed);
	assert_int_equal(*v, -1);
	*v = val;
}

/* The load never goes over 3/4, and the capacity is a power of two. */
static void
check_shape(const struct strmap *m)
{
	assert_true(m->cap >= 16);
	assert_int_equal(m->cap & (m->cap - 1), 0);
	assert_true((uint64_t)m->n * 4 <= (uint64_t)m->cap * 3);
}

static void
test_empty(void **state)
{
	struct fix *f = *state;

	assert_int_equal(f->m.n, 0);
	assert_int_equal(f->m.cap, 0);
	assert_int_equal(get(&f->m, "x"), -1);
	assert_int_equal(get(&f->m, ""), -1);
}

static void
test_put_get(void **state)
{
	struct fix *f = *state;
	bool existed;
	int32_t *v, *w;

	v = strmap_put(&f->m, "zhou", 4, &existed);
	assert_false(existed);
	assert_int_equal(*v, -1);
	*v = 7;
	assert_int_equal(get(&f->m, "zhou"), 7);
	assert_int_equal(f->m.n, 1);

	w = strmap_put(&f->m, "zhou", 4, &existed);
	assert_true(existed);
	assert_ptr_equal(w, v);
	assert_int_equal(*w, 7);
	assert_int_equal(f->m.n, 1);

	put(&f->m, "周红", 8);
	put(&f->m, "", 9);
	assert_int_equal(get(&f->m, "周红"), 8);
	assert_int_equal(get(&f->m, ""), 9);
	assert_int_equal(get(&f->m, "zho"), -1);
	assert_int_equal(get(&f->m, "zhouh"), -1);
	assert_int_equal(get(&f->m, "Zhou"), -1);
	assert_int_equal(f->m.n, 3);
	check_shape(&f->m);
}

/* A key is its first len bytes: no terminator needed, NUL allowed. */
static void
test_key_length(void **state)
{
	struct fix *f = *state;
	static const char buf[] = "hexi,dongtan";
	static const char nul1[] = { 'a', '\0', 'b' };
	static const char nul2[] = { 'a', '\0', 'c' };
	bool existed;

	*strmap_put(&f->m, buf, 4, &existed) = 1;
	*strmap_put(&f->m, buf + 5, 7, &existed) = 2;
	assert_false(existed);
	assert_int_equal(get(&f->m, "hexi"), 1);
	assert_int_equal(get(&f->m, "dongtan"), 2);
	assert_int_equal(strmap_get(&f->m, "hexi,", 5), -1);
	assert_int_equal(strmap_get(&f->m, "hexiXYZ", 4), 1);

	*strmap_put(&f->m, nul1, 3, &existed) = 3;
	assert_false(existed);
	*strmap_put(&f->m, nul2, 3, &existed) = 4;
	assert_false(existed);
	assert_int_equal(strmap_get(&f->m, nul1, 3), 3);
	assert_int_equal(strmap_get(&f->m, nul2, 3), 4);
	assert_int_equal(strmap_get(&f->m, nul1, 1), -1);

	/* The hash reads len bytes only. */
	assert_int_equal(strmap_hash("abcX", 3), strmap_hash("abcY", 3));
	assert_int_equal(strmap_hash("0123456789abcdefQ", 16),
	    strmap_hash("0123456789abcdefR", 16));
}

/*
 * Every byte of a key counts in its hash, at every length (the tail is read
 * with overlapping loads), and no byte past its length does.
 */
static void
test_hash_every_byte(void **state)
{
	char a[48], b[48];
	size_t len, i;

	(void)state;
	for (len = 1; len <= 40; len++) {
		for (i = 0; i < sizeof(a); i++)
			a[i] = (char)('a' + (i * 7 + len) % 26);
		for (i = 0; i < len; i++) {
			memcpy(b, a, sizeof(a));
			b[i] ^= 0x20;
			assert_int_not_equal(strmap_hash(a, len),
			    strmap_hash(b, len));
		}
		memcpy(b, a, sizeof(a));
		b[len] ^= 0x20;
		assert_int_equal(strmap_hash(a, len), strmap_hash(b, len));
		assert_int_not_equal(strmap_hash(a, len),
		    strmap_hash(a, len - 1));
	}
}

/*
 * Keys that differ only in their last bytes spread over the low bits of
 * the hash as random numbers would (63 % of the slots taken when there are
 * as many keys as slots); "id-N" once took 9 %.
 */
static void
test_hash_spreads(void **state)
{
	static const char *const fmt[] = { "id-%u", "feng-yaqin%u", "p%u",
	    "%u", "\xe6\xb4\xbb\xe5\x8a\xa8%u" };
	enum { BITS = 16, N = 1 << BITS };
	uint8_t *seen = malloc(N);
	char k[32];
	size_t f;
	unsigned i, used;
	uint32_t h;
	int n;

	(void)state;
	assert_non_null(seen);
	for (f = 0; f < sizeof(fmt) / sizeof(fmt[0]); f++) {
		memset(seen, 0, N);
		for (i = used = 0; i < N; i++) {
			n = snprintf(k, sizeof(k), fmt[f], i);
			h = strmap_hash(k, (size_t)n) & (N - 1);
			used += !seen[h];
			seen[h] = 1;
		}
		assert_in_range(used, N * 6 / 10, N * 2 / 3);
	}
	free(seen);
}

/* strmap_slot gives the slot itself; its key may be replaced by a copy. */
static void
test_slot(void **state)
{
	struct fix *f = *state;
	char tmp[16];
	struct strmap_slot *s, *t;
	bool existed;

	strcpy(tmp, "liping");
	s = strmap_slot(&f->m, tmp, 6, &existed);
	assert_false(existed);
	assert_ptr_equal(s->key, tmp);
	assert_int_equal(s->len, 6);
	assert_int_equal(s->hash, strmap_hash("liping", 6));
	assert_int_equal(s->val, -1);
	s->key = arena_strndup(&f->a, tmp, 6);
	s->val = 11;
	memset(tmp, 'x', sizeof(tmp));		/* the caller's buffer goes */

	assert_int_equal(get(&f->m, "liping"), 11);
	t = strmap_slot(&f->m, "liping", 6, &existed);
	assert_true(existed);
	assert_ptr_equal(t, s);
	assert_int_equal(*strmap_put(&f->m, "liping", 6, &existed), 11);
	assert_true(existed);
}

/* reserve makes room at once: n inserts then never move the slots. */
static void
test_reserve(void **state)
{
	struct fix *f = *state;
	struct strmap_slot *slots;
	char key[16], *k;
	uint32_t cap;
	int i;

	strmap_reserve(&f->m, 1000);
	cap = f->m.cap;
	slots = f->m.slots;
	assert_true((uint64_t)cap * 3 >= 1001 * 4);
	assert_int_equal(cap & (cap - 1), 0);
	assert_int_equal(f->m.n, 0);
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "r%d", i);
		k = arena_strdup(&f->a, key);
		put(&f->m, k, i);
	}
	assert_int_equal(f->m.cap, cap);
	assert_ptr_equal(f->m.slots, slots);
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "r%d", i);
		assert_int_equal(get(&f->m, key), i);
	}
	/* Reserving less than there is changes nothing. */
	strmap_reserve(&f->m, 10);
	assert_int_equal(f->m.cap, cap);
	/* Reserving on a full map grows it and keeps every key. */
	strmap_reserve(&f->m, 5000);
	assert_true(f->m.cap > cap);
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "r%d", i);
		assert_int_equal(get(&f->m, key), i);
	}
	check_shape(&f->m);
}

/*
 * Keys that land on the same home slot of a 16-slot map: the probe walks
 * past them, both to insert and to find, and a missing key with the same
 * home slot is still missing.
 */
static void
test_same_home_slot(void **state)
{
	struct fix *f = *state;
	char key[16], *same[8];
	uint32_t home = 0;
	int i, n = 0;

	for (i = 0; n < 8 && i < 100000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		if (n == 0)
			home = strmap_hash(key, strlen(key)) & 15;
		if ((strmap_hash(key, strlen(key)) & 15) == home)
			same[n++] = arena_strdup(&f->a, key);
	}
	assert_int_equal(n, 8);
	for (i = 0; i < 7; i++)
		put(&f->m, same[i], 100 + i);
	assert_int_equal(f->m.cap, 16);		/* no growth: 7 of 12 */
	for (i = 0; i < 7; i++)
		assert_int_equal(get(&f->m, same[i]), 100 + i);
	assert_int_equal(get(&f->m, same[7]), -1);
	/* Growing rehashes them apart; all still there. */
	for (i = 0; i < 40; i++) {
		snprintf(key, sizeof(key), "g%d", i);
		put(&f->m, arena_strdup(&f->a, key), i);
	}
	assert_true(f->m.cap > 16);
	for (i = 0; i < 7; i++)
		assert_int_equal(get(&f->m, same[i]), 100 + i);
	assert_int_equal(get(&f->m, same[7]), -1);
}

struct hk {
	uint32_t	 h;
	uint32_t	 i;
};

static int
hk_cmp(const void *x, const void *y)
{
	const struct hk *a = x, *b = y;

	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/*
 * Two different keys with the same 32-bit hash (found among 300,000
 * keys; by the birthday bound there is one with near certainty) are two
 * entries.
 */
static void
test_full_hash_collision(void **state)
{
	struct fix *f = *state;
	enum { NKEYS = 300000 };
	struct hk *v = malloc(NKEYS * sizeof(*v));
	char a[16], b[16];
	size_t i;
	bool found = false, existed;

	assert_non_null(v);
	for (i = 0; i < NKEYS; i++) {
		snprintf(a, sizeof(a), "id-%zu", i);
		v[i].h = strmap_hash(a, strlen(a));
		v[i].i = (uint32_t)i;
	}
	qsort(v, NKEYS, sizeof(*v), hk_cmp);
	for (i = 1; i < NKEYS && !found; i++)
		if (v[i].h == v[i - 1].h) {
			snprintf(a, sizeof(a), "id-%u", v[i - 1].i);
			snprintf(b, sizeof(b), "id-%u", v[i].i);
			found = true;
		}
	free(v);
	assert_true(found);
	assert_string_not_equal(a, b);
	assert_int_equal(strmap_hash(a, strlen(a)), strmap_hash(b, strlen(b)));

	*strmap_put(&f->m, a, strlen(a), &existed) = 1;
	assert_false(existed);
	assert_int_equal(get(&f->m, b), -1);
	*strmap_put(&f->m, b, strlen(b), &existed) = 2;
	assert_false(existed);
	assert_int_equal(get(&f->m, a), 1);
	assert_int_equal(get(&f->m, b), 2);
	assert_int_equal(f->m.n, 2);
}

/* 200,000 keys, inserted one by one: every one found, none invented. */
static void
test_many_keys(void **state)
{
	struct fix *f = *state;
	enum { NKEYS = 200000 };
	char key[32];
	int i;

	for (i = 0; i < NKEYS; i++) {
		snprintf(key, sizeof(key), "person-%d-%x", i, i * 2654435761u);
		put(&f->m, arena_strdup(&f->a, key), i);
	}
	assert_int_equal(f->m.n, NKEYS);
	check_shape(&f->m);
	for (i = 0; i < NKEYS; i++) {
		snprintf(key, sizeof(key), "person-%d-%x", i, i * 2654435761u);
		assert_int_equal(get(&f->m, key), i);
	}
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "person-%d-%x", i, i * 2654435761u + 1);
		assert_int_equal(get(&f->m, key), -1);
	}
}

/*
 * Released, a map is empty and can be filled again; a big one (its
 * table is an owned block) and a small one (arena memory) alike.
 */
static void
test_release(void **state)
{
	struct fix *f = *state;
	char key[32];
	int i, round;

	for (round = 0; round < 2; round++) {
		int nkeys = round == 0 ? 5000 : 10;

		for (i = 0; i < nkeys; i++) {
			snprintf(key, sizeof(key), "k%d", i);
			put(&f->m, arena_strdup(&f->a, key), i);
		}
		assert_int_equal(get(&f->m, "k7"), 7);
		strmap_release(&f->m);
		assert_int_equal(f->m.n, 0);
		assert_int_equal(f->m.cap, 0);
		assert_null(f->m.slots);
		assert_int_equal(get(&f->m, "k7"), -1);
		put(&f->m, "k7", 70);
		assert_int_equal(get(&f->m, "k7"), 70);
		assert_int_equal(f->m.n, 1);
		strmap_release(&f->m);
	}
}

static const char *
nth(const void *ctx, uint32_t i)
{
	return ((const char *const *)ctx)[i];
}

/*
 * The index of strings kept elsewhere: the first of equal keys stays,
 * a later one gets its index back; a prefix, a longer key and a missing
 * one are not found.
 */
static void
test_strindex(void **state)
{
	struct fix *f = *state;
	static const char *const keys[] = {
		"p1.1", "xieyi", "p1.10", "xieyi", "p1", "", "p1.1",
	};
	struct strindex x;
	uint32_t i;

	strindex_init(&x, &f->a, 7, nth, keys);
	assert_int_equal(strindex_add(&x, 0), -1);
	assert_int_equal(strindex_add(&x, 1), -1);
	assert_int_equal(strindex_add(&x, 2), -1);
	assert_int_equal(strindex_add(&x, 3), 1);
	assert_int_equal(strindex_add(&x, 4), -1);
	assert_int_equal(strindex_add(&x, 5), -1);
	assert_int_equal(strindex_add(&x, 6), 0);
	assert_int_equal(x.n, 5);
	for (i = 0; i < 7; i++)
		assert_int_equal(strindex_get(&x, keys[i], strlen(keys[i])),
		    i == 3 ? 1 : i == 6 ? 0 : (int)i);
	assert_int_equal(strindex_get(&x, "p1.", 3), -1);
	assert_int_equal(strindex_get(&x, "p1.11", 5), -1);
	assert_int_equal(strindex_get(&x, "xieyi2", 6), -1);
	/* a length shorter than the string: only that prefix is the key */
	assert_int_equal(strindex_get(&x, "p1.1x", 4), 0);
	strindex_release(&x);
	assert_int_equal(strindex_get(&x, "p1.1", 4), -1);
}

/* Past the room it was made with, a big index grows and finds them all. */
static void
test_strindex_grows(void **state)
{
	struct fix *f = *state;
	enum { NKEYS = 20000 };
	char **keys = malloc(NKEYS * sizeof(*keys));
	char buf[32];
	struct strindex x;
	uint32_t i;

	assert_non_null(keys);
	for (i = 0; i < NKEYS; i++) {
		snprintf(buf, sizeof(buf), "a%u", i % (NKEYS / 2));
		keys[i] = arena_strdup(&f->a, buf);
	}
	strindex_init(&x, &f->a, 10, nth, keys);
	for (i = 0; i < NKEYS; i++)
		assert_int_equal(strindex_add(&x, i),
		    i < NKEYS / 2 ? -1 : (int)(i - NKEYS / 2));
	assert_int_equal(x.n, NKEYS / 2);
	for (i = 0; i < NKEYS; i++)
		assert_int_equal(strindex_get(&x, keys[i], strlen(keys[i])),
		    (int)(i % (NKEYS / 2)));
	assert_int_equal(strindex_get(&x, "a20000", 6), -1);
	strindex_release(&x);
	free(keys);
}

/* Two maps in one arena are independent. */
static void
test_two_maps(void **state)
{
	struct fix *f = *state;
	struct strmap other;

	strmap_init(&other, &f->a);
	put(&f->m, "hexi", 1);
	put(&other, "hexi", 2);
	assert_int_equal(get(&f->m, "hexi"), 1);
	assert_int_equal(get(&other, "hexi"), 2);
	assert_int_equal(get(&other, "dongtan"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_put_get, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_key_length, setup,
		    teardown),
		cmocka_unit_test(test_hash_every_byte),
		cmocka_unit_test(test_hash_spreads),
		cmocka_unit_test_setup_teardown(test_slot, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reserve, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_same_home_slot, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_full_hash_collision,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_keys, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_release, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strindex, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strindex_grows, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_two_maps, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
