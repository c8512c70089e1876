/* test_arena.c - the arena allocator directly: zeroed and aligned memory, strings, printf, reset, owned blocks, growable arrays. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"

static int
setup(void **state)
{
	struct arena *a = malloc(sizeof(*a));

	if (a == NULL)
		return -1;
	arena_init(a);
	*state = a;
	return 0;
}

static int
teardown(void **state)
{
	struct arena *a = *state;

	arena_release(a);
	free(a);
	return 0;
}

static int
all_zero(const void *p, size_t n)
{
	const unsigned char *c = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (c[i] != 0)
			return 0;
	return 1;
}

static void
test_init_empty(void **state)
{
	struct arena *a = *state;

	assert_null(a->head);
	assert_int_equal(a->total, 0);
	assert_int_equal(a->nowned, 0);
}

/* Every block is zeroed and aligned for any object, even after reuse. */
static void
test_alloc_zeroed_aligned(void **state)
{
	struct arena *a = *state;
	static const size_t sizes[] = { 1, 3, 8, 15, 16, 17, 100, 4096,
	    70000 };
	size_t i, round;
	unsigned char *p;

	for (round = 0; round < 3; round++) {
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			p = arena_alloc(a, sizes[i]);
			assert_non_null(p);
			assert_int_equal((uintptr_t)p % _Alignof(max_align_t),
			    0);
			assert_true(all_zero(p, sizes[i]));
			/* Dirty it, so reuse after a reset must zero. */
			memset(p, 0xA5, sizes[i]);
		}
		arena_reset(a);
	}
}

/* Blocks do not overlap: each keeps what was written to it. */
static void
test_alloc_distinct(void **state)
{
	struct arena *a = *state;
	unsigned char *p[500];
	size_t i, n;

	for (i = 0; i < 500; i++) {
		n = 1 + i % 37;
		p[i] = arena_alloc(a, n);
		memset(p[i], (int)(i & 0xFF), n);
	}
	for (i = 0; i < 500; i++) {
		n = 1 + i % 37;
		while (n-- > 0)
			assert_int_equal(p[i][n], i & 0xFF);
	}
}

/*
 * arena_alloc_align honours the alignment asked, zeroes, keeps blocks
 * apart, and rounds a block only to that alignment: 24-byte items of
 * alignment 8 lie 24 bytes apart, where arena_alloc would round each to
 * 32. Under the sanitizers (ARENA_CHECKED) every block is its own.
 */
static void
test_alloc_align(void **state)
{
	struct arena *a = *state;
	static const size_t aligns[] = { 1, 2, 4, 8, 16 };
	unsigned char *p[200];
	size_t i, k, n;

	for (i = 0; i < 200; i++) {
		size_t al = aligns[i % 5];

		n = 1 + (i * 7) % 29;
		p[i] = arena_alloc_align(a, n, al);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % al, 0);
		assert_true(all_zero(p[i], n));
		memset(p[i], (int)(i & 0xFF), n);
	}
	for (i = 0; i < 200; i++)
		for (k = 0, n = 1 + (i * 7) % 29; k < n; k++)
			assert_int_equal(p[i][k], i & 0xFF);
#ifndef ARENA_CHECKED
	arena_reset(a);
	p[0] = arena_alloc_align(a, 24, 8);
	p[1] = arena_alloc_align(a, 24, 8);
	p[2] = arena_alloc(a, 24);
	p[3] = arena_alloc(a, 8);
	assert_int_equal(p[1] - p[0], 24);
	assert_int_equal((uintptr_t)p[2] % _Alignof(max_align_t), 0);
	assert_true(p[3] - p[2] <= 32);
#endif
}

static void
test_alloc_zero_size(void **state)
{
	struct arena *a = *state;
	void *p = arena_alloc(a, 0), *q = arena_alloc(a, 0);

	assert_non_null(p);
	assert_non_null(q);
	assert_ptr_not_equal(p, q);
}

/* A block bigger than any chunk (the mmap'd path), zeroed and writable. */
static void
test_alloc_big(void **state)
{
	struct arena *a = *state;
	size_t n = 40u << 20;
	unsigned char *p = arena_alloc(a, n), *q;

	assert_true(all_zero(p, n));
	memset(p, 1, n);
	assert_true(a->total >= n);
	q = arena_alloc(a, 64);
	assert_true(all_zero(q, 64));
	assert_int_equal(p[n - 1], 1);
}

static void
test_strdup(void **state)
{
	struct arena *a = *state;
	char src[] = "结对帮扶 plan";
	char *s = arena_strdup(a, src), *t;

	assert_string_equal(s, src);
	assert_ptr_not_equal(s, src);
	src[0] = 'x';
	assert_string_equal(s, "结对帮扶 plan");

	t = arena_strndup(a, "abcdef", 3);
	assert_string_equal(t, "abc");
	t = arena_strndup(a, "abc", 0);
	assert_string_equal(t, "");
	t = arena_strdup(a, "");
	assert_string_equal(t, "");
}

/*
 * arena_join against snprintf, with empty sides, a multibyte one, and
 * enough of them to cross chunks among aligned objects.
 */
static void
test_join(void **state)
{
	struct arena *a = *state;
	static const char *const sides[] = { "", "p2.1", "沙梁幼儿园",
	    "a-much-longer-activity-id-than-most" };
	char want[128], *s;
	long *o;
	int i, j, k;

	for (k = 0; k < 200; k++)
		for (i = 0; i < 4; i++)
			for (j = 0; j < 4; j++) {
				snprintf(want, sizeof(want), "%s#%s", sides[i],
				    sides[j]);
				s = arena_join(a, sides[i], '#', sides[j]);
				o = arena_alloc(a, 3 * sizeof(long));
				o[0] = o[2] = -1;
				assert_string_equal(s, want);
			}
}

/* Strings and aligned objects share chunks without trampling. */
static void
test_strings_and_objects(void **state)
{
	struct arena *a = *state;
	char *s[300];
	long *o[300];
	char want[32];
	int i;

	for (i = 0; i < 300; i++) {
		snprintf(want, sizeof(want), "key-%d", i * 7919);
		s[i] = arena_strdup(a, want);
		o[i] = arena_alloc(a, 5 * sizeof(long));
		o[i][0] = i;
		o[i][4] = -i;
	}
	for (i = 0; i < 300; i++) {
		snprintf(want, sizeof(want), "key-%d", i * 7919);
		assert_string_equal(s[i], want);
		assert_int_equal(o[i][0], i);
		assert_int_equal(o[i][4], -i);
	}
}

/* A string longer than a chunk gets a chunk of its own. */
static void
test_strndup_long(void **state)
{
	struct arena *a = *state;
	size_t n = 300000;
	char *big = malloc(n + 1), *s;

	assert_non_null(big);
	memset(big, 'y', n);
	big[n] = '\0';
	s = arena_strndup(a, big, n);
	assert_int_equal(strlen(s), n);
	assert_memory_equal(s, big, n);
	free(big);
}

static void
test_printf(void **state)
{
	struct arena *a = *state;
	char *s = arena_printf(a, "%s-%d-%c", "p", 42, 'x');
	size_t i;

	assert_string_equal(s, "p-42-x");
	assert_string_equal(arena_printf(a, "%s", ""), "");
	assert_string_equal(arena_printf(a, "%04d|%-3s|", 7, "ab"),
	    "0007|ab |");
	/* Longer than the first chunk. */
	s = arena_printf(a, "%*s!", 100000, "z");
	assert_int_equal(strlen(s), 100001);
	for (i = 0; i < 99999; i++)
		assert_int_equal(s[i], ' ');
	assert_string_equal(s + 99999, "z!");
}

static char *
call_vprintf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return s;
}

static void
test_vprintf(void **state)
{
	struct arena *a = *state;

	assert_string_equal(call_vprintf(a, "%s:%u:%u", "f.yaml", 3u, 10u),
	    "f.yaml:3:10");
}

/*
 * Reset keeps at most one chunk, and the arena works as new; a second
 * reset and a reset of an empty arena are harmless.
 */
static void
test_reset(void **state)
{
	struct arena *a = *state;
	size_t before, i;
	char *s;

	arena_reset(a);
	assert_int_equal(a->total, 0);
	for (i = 0; i < 2000; i++)
		arena_alloc(a, 1000);
	before = a->total;
	assert_true(before >= 2000 * 1000);
	arena_reset(a);
	assert_true(a->total < before);
	assert_true(a->total <= 16u << 20);
	s = arena_strdup(a, "after");
	assert_string_equal(s, "after");
	assert_true(all_zero(arena_alloc(a, 512), 512));
	arena_reset(a);
	arena_reset(a);
	assert_string_equal(arena_printf(a, "%d", 5), "5");
}

/* Release leaves an arena that can be used again. */
static void
test_release_reuse(void **state)
{
	struct arena *a = *state;

	arena_strdup(a, "one");
	arena_realloc_owned(a, NULL, 100);
	arena_release(a);
	assert_null(a->head);
	assert_int_equal(a->total, 0);
	assert_int_equal(a->nowned, 0);
	assert_string_equal(arena_strdup(a, "two"), "two");
}

/* Owned blocks keep their contents as they grow; release frees them. */
static void
test_realloc_owned(void **state)
{
	struct arena *a = *state;
	int *p = NULL, *q;
	size_t n, i;

	for (n = 1; n <= 1u << 16; n *= 2) {
		p = arena_realloc_owned(a, p, n * sizeof(*p));
		for (i = n / 2; i < n; i++)
			p[i] = (int)i;
	}
	for (i = 0; i < 1u << 16; i++)
		assert_int_equal(p[i], (int)i);
	/* One block, however often it moved. */
	assert_int_equal(a->nowned, 1);

	q = arena_realloc_owned(a, NULL, 0);
	assert_non_null(q);
	assert_int_equal(a->nowned, 2);
	/* Shrinking keeps the front. */
	p = arena_realloc_owned(a, p, 4 * sizeof(*p));
	assert_int_equal(p[3], 3);
	assert_int_equal(a->nowned, 2);
	/* Many blocks: the table of owned blocks grows too. */
	for (i = 0; i < 100; i++)
		arena_realloc_owned(a, NULL, 16);
	assert_int_equal(a->nowned, 102);
	assert_true(a->capowned >= 102);
}

/*
 * Big owned blocks (4 MB and more have a mapping of their own) keep their
 * bytes across every crossing: heap to mapping, mapping to mapping by
 * mremap, back to the heap, and a caller's malloc block taken over.
 */
static void
test_realloc_owned_big(void **state)
{
	struct arena *a = *state;
	size_t sizes[] = { 1000, 5u << 20, 9u << 20, (9u << 20) + 1,
	    33u << 20, 3u << 20, 6u << 20, 100 };
	unsigned char *p = NULL, *m;
	size_t k, i, have = 0, keep;

	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		p = arena_realloc_owned(a, p, sizes[k]);
		keep = have < sizes[k] ? have : sizes[k];
		for (i = 0; i < keep; i += 4093)
			assert_int_equal(p[i], (unsigned char)(i * 7 + 1));
		if (keep > 0)
			assert_int_equal(p[keep - 1],
			    (unsigned char)((keep - 1) * 7 + 1));
		for (i = keep; i < sizes[k]; i++)
			p[i] = (unsigned char)(i * 7 + 1);
		have = sizes[k];
	}
	assert_int_equal(a->nowned, 1);
	/* a caller's block of 5 MB, then grown into a mapping */
	m = malloc(5u << 20);
	assert_non_null(m);
	memset(m, 0xAB, 5u << 20);
	m = arena_realloc_owned(a, m, 5u << 20);
	assert_int_equal(a->nowned, 2);
	m = arena_realloc_owned(a, m, 12u << 20);
	assert_int_equal(m[0], 0xAB);
	assert_int_equal(m[(5u << 20) - 1], 0xAB);
	m[(12u << 20) - 1] = 1;
	assert_int_equal(a->nowned, 2);
}

struct item {
	int	 k;
	char	 tag[13];
};

/* avec_push: capacity from 16, growing by half, items kept in order. */
static void
test_avec_growth(void **state)
{
	struct arena *a = *state;
	struct avec v = { 0 };
	struct item *it, *arr;
	size_t i, caps = 0, lastcap = 0;

	for (i = 0; i < 5000; i++) {
		it = avec_push(a, &v, sizeof(*it));
		assert_int_equal(v.n, i + 1);
		assert_ptr_equal(it, (struct item *)v.v + i);
		/* The new item starts zeroed. */
		assert_int_equal(it->k, 0);
		assert_true(all_zero(it->tag, sizeof(it->tag)));
		it->k = (int)i;
		snprintf(it->tag, sizeof(it->tag), "t%zu", i);
		if (v.cap != lastcap) {
			assert_true(lastcap == 0 ? v.cap == 16 :
			    v.cap == lastcap + lastcap / 2);
			lastcap = v.cap;
			caps++;
		}
		assert_true(v.n <= v.cap);
	}
	assert_int_equal(caps, 16);		/* 16, 24, 36, ..., 6927 */
	assert_true(v.cap >= 5000 && v.cap < 5000 * 3 / 2 + 16);
	arr = v.v;
	for (i = 0; i < 5000; i++) {
		char want[13];

		snprintf(want, sizeof(want), "t%zu", i);
		assert_int_equal(arr[i].k, (int)i);
		assert_string_equal(arr[i].tag, want);
	}
}

/* Two arrays in one arena do not disturb each other. */
static void
test_avec_two(void **state)
{
	struct arena *a = *state;
	struct avec x = { 0 }, y = { 0 };
	int i;

	for (i = 0; i < 1000; i++) {
		*(int *)avec_push(a, &x, sizeof(int)) = i;
		*(double *)avec_push(a, &y, sizeof(double)) = i / 2.0;
	}
	for (i = 0; i < 1000; i++) {
		assert_int_equal(((int *)x.v)[i], i);
		assert_true(((double *)y.v)[i] == i / 2.0);
	}
}

/*
 * Running out of memory is not survivable: the message and exit status 2,
 * tried in a child process.
 */
static void
expect_oom(void (*fn)(struct arena *))
{
	int fds[2], st;
	char buf[64] = "";
	ssize_t n;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct arena a;

		close(fds[0]);
		dup2(fds[1], 2);
		arena_init(&a);
		fn(&a);
		_exit(0);		/* not reached when the arena exits */
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf) - 1);
	close(fds[0]);
	assert_true(n > 0);
	buf[n] = '\0';
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 2);
	assert_string_equal(buf, "pairplan: out of memory\n");
}

static void
push_huge_items(struct arena *a)
{
	struct avec v = { 0 };

	avec_push(a, &v, SIZE_MAX / 4);
}

static void
alloc_max(struct arena *a)
{
	arena_alloc(a, SIZE_MAX);
}

static void
strndup_max(struct arena *a)
{
	arena_strndup(a, "", SIZE_MAX);
}

static void
call_oom(struct arena *a)
{
	(void)a;
	arena_oom();
}

static void
test_oom(void **state)
{
	(void)state;
	expect_oom(call_oom);
	expect_oom(push_huge_items);
	expect_oom(alloc_max);
	expect_oom(strndup_max);
}

/*
 * arena_adopt: what another arena made, chunks and owned blocks, is dst's
 * to keep, to grow and to free; the source is left empty and reusable.
 */
static void
test_adopt(void **state)
{
	struct arena *dst = *state, src, empty;
	char *s[300], *own, *mine;
	size_t i;

	(void)arena_alloc(dst, 40);	/* dst has a chunk of its own */
	arena_init(&src);
	for (i = 0; i < 300; i++) {	/* several chunks */
		s[i] = arena_alloc(&src, 100 + i);
		memset(s[i], (int)(i & 0x7F), 100 + i);
	}
	own = arena_realloc_owned(&src, NULL, 1000);
	memset(own, 'o', 1000);
	arena_adopt(dst, &src);
	memset(&empty, 0, sizeof(empty));
	assert_memory_equal(&src, &empty, sizeof(src));
	for (i = 0; i < 300; i++)
		assert_int_equal(s[i][99 + i], (char)(i & 0x7F));
	/* the owned block is dst's now: it grows through dst */
	own = arena_realloc_owned(dst, own, 1 << 20);
	assert_int_equal(own[999], 'o');
	own[(1 << 20) - 1] = 'e';
	mine = arena_alloc(dst, 64);	/* dst goes on allocating */
	assert_true(all_zero(mine, 64));
	/* an empty arena adopts: it takes src's chunks as its own */
	arena_init(&src);
	s[0] = arena_strdup(&src, "kept");
	arena_init(&empty);
	arena_adopt(&empty, &src);
	assert_string_equal(s[0], "kept");
	assert_string_equal(arena_strdup(&empty, "more"), "more");
	arena_release(&empty);
	arena_release(&src);	/* empty: nothing to free */
}

/*
 * arena_settle_owned: an owned block's first sz bytes move into the
 * chunks, and the block is no longer owned (dst grows it no more); a
 * pointer the arena does not own comes back as it was.
 */
static void
test_settle_owned(void **state)
{
	struct arena *a = *state;
	char *v, *w, local[4] = "abc";
	size_t owned;

	v = arena_realloc_owned(a, NULL, 4096);
	memset(v, 's', 4096);
	owned = a->nowned;
	w = arena_settle_owned(a, v, 3000);
	assert_non_null(w);
	assert_int_equal(a->nowned, owned - 1);
	assert_int_equal(w[0], 's');
	assert_int_equal(w[2999], 's');
	assert_ptr_equal(arena_settle_owned(a, local, 4), local);
	assert_null(arena_settle_owned(a, NULL, 10));
	/* more than the block holds: left as it is */
	v = arena_realloc_owned(a, NULL, 16);
	assert_ptr_equal(arena_settle_owned(a, v, 17), v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_init_empty, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_alloc_zeroed_aligned,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_alloc_distinct, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_alloc_align, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_alloc_zero_size, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_alloc_big, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_strdup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_join, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strings_and_objects,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_strndup_long, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_printf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_vprintf, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_release_reuse, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_realloc_owned_big, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_realloc_owned, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_avec_growth, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_avec_two, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_adopt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_settle_owned, setup,
		    teardown),
		cmocka_unit_test(test_oom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
