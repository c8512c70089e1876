/* test_pool.c - the pool of 16 KB to 1 MB blocks: classes, the malloc until 4 MB, reuse, no block handed out twice. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "pool.h"

#define HUGE_PAGE	((uintptr_t)2 << 20)

static void
test_class(void **state)
{
	(void)state;
	assert_int_equal(pool_class(1), POOL_MIN_SHIFT);
	assert_int_equal(pool_class(16384), 14);
	assert_int_equal(pool_class(16385), 15);
	assert_int_equal(pool_class(100000), 17);
	assert_int_equal(pool_class((size_t)1 << 20), 20);
	assert_int_equal(pool_class(((size_t)1 << 20) + 1), 0);
}

/*
 * The first 4 MB asked for go to malloc (NULL); then blocks come from 2 MB
 * pages, each on a 16 KB boundary, a new mapping's first on a 2 MB one.
 * This test runs first: the pool is the process's.
 */
static void
test_on_after_4mb(void **state)
{
	size_t asked = 0;
	void *p;

	(void)state;
	while ((p = pool_get(14, 16384)) == NULL) {
		asked += 16384;
		assert_true(asked <= (size_t)4 << 20);
	}
	assert_true(asked >= ((size_t)4 << 20) - 16384);
	assert_int_equal((uintptr_t)p % HUGE_PAGE, 0);
	memset(p, 0xA5, 16384);
	pool_put(p, 14);
}

/* A block given back is the next of its size; sizes do not mix. */
static void
test_reuse(void **state)
{
	void *a, *b, *c;

	(void)state;
	a = pool_get(15, 32768);
	assert_non_null(a);
	pool_put(a, 15);
	b = pool_get(16, 65536);
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	c = pool_get(15, 32768);
	assert_ptr_equal(a, c);
	assert_int_equal((uintptr_t)b % 16384, 0);
	pool_put(b, 16);
	pool_put(c, 15);
}

/*
 * Blocks of every size, past the end of a mapping (32 MB) and into the
 * next, never overlap; each keeps what was written into it.
 */
static void
test_disjoint(void **state)
{
	enum { N = 120 };
	unsigned char *p[N];
	unsigned k[N];
	size_t i, j;

	(void)state;
	for (i = 0; i < N; i++) {
		k[i] = POOL_MIN_SHIFT + (unsigned)(i * 5 % (POOL_MAX_SHIFT -
		    POOL_MIN_SHIFT + 1));
		p[i] = pool_get(k[i], (size_t)1 << k[i]);
		assert_non_null(p[i]);
		memset(p[i], (int)i, (size_t)1 << k[i]);
	}
	for (i = 0; i < N; i++) {
		uintptr_t a = (uintptr_t)p[i], ae = a + ((uintptr_t)1 << k[i]);

		assert_int_equal(p[i][0], (unsigned char)i);
		assert_int_equal(p[i][((size_t)1 << k[i]) - 1], (unsigned char)i);
		for (j = i + 1; j < N; j++) {
			uintptr_t b = (uintptr_t)p[j];
			uintptr_t be = b + ((uintptr_t)1 << k[j]);

			assert_true(ae <= b || be <= a);
		}
	}
	for (i = 0; i < N; i++)
		pool_put(p[i], k[i]);
}

/* Two threads taking and giving back: no block is ever held by both. */
struct worker {
	unsigned char	 tag;
	bool		 ok;
};

static void *
work(void *arg)
{
	struct worker *w = arg;
	unsigned char *p[8];
	int round, i;

	w->ok = true;
	for (round = 0; round < 2000; round++) {
		for (i = 0; i < 8; i++) {
			if ((p[i] = pool_get(14, 16384)) == NULL) {
				w->ok = false;
				return NULL;
			}
			memset(p[i], w->tag, 64);
		}
		for (i = 0; i < 8; i++) {
			if (p[i][0] != w->tag || p[i][63] != w->tag)
				w->ok = false;
			pool_put(p[i], 14);
		}
	}
	return NULL;
}

static void
test_threads(void **state)
{
	struct worker w[2] = { { 1, false }, { 2, false } };
	pthread_t t;

	(void)state;
	assert_int_equal(pthread_create(&t, NULL, work, &w[0]), 0);
	work(&w[1]);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_true(w[0].ok);
	assert_true(w[1].ok);
}

/*
 * Arenas take their chunks from the pool now that it is on: an arena's
 * first object sits just past a 16 KB boundary (its chunk's header), and
 * a released arena's chunk is the next arena's. Not under ARENA_CHECKED,
 * where each object is its own malloc block.
 */
static void
test_arena_chunks(void **state)
{
#ifndef ARENA_CHECKED
	struct arena a;
	char *p, *q;

	(void)state;
	arena_init(&a);
	p = arena_alloc(&a, 100);
	assert_true((uintptr_t)p % 16384 < 128);
	arena_release(&a);
	arena_init(&a);
	q = arena_alloc(&a, 100);
	assert_ptr_equal(p, q);
	q = arena_alloc(&a, 60000);	/* a second chunk, of 64 KB */
	assert_true((uintptr_t)q % 16384 < 128);
	arena_release(&a);
#else
	(void)state;
	skip();
#endif
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_class),
		cmocka_unit_test(test_on_after_4mb),
		cmocka_unit_test(test_reuse),
		cmocka_unit_test(test_disjoint),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_arena_chunks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
