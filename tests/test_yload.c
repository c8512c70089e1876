/* test_yload.c - unit tests of the YAML loader: positions, encoding, limits, bad input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "diag.h"
#include "plandoc.h"
#include "rules.h"
#include "yload.h"

/* One load: the arena owns the tree and the diagnostics. */
struct ld {
	struct arena		 a;
	struct diags		 d;
	const struct ynode	*root;
};

static int
setup(void **state)
{
	struct ld *l;

	if ((l = calloc(1, sizeof(*l))) == NULL)
		return -1;
	arena_init(&l->a);
	diags_init(&l->d, &l->a, "t.yaml");
	*state = l;
	return 0;
}

static int
teardown(void **state)
{
	struct ld *l = *state;

	arena_release(&l->a);
	free(l);
	return 0;
}

static const struct ynode *
load_max(struct ld *l, const char *buf, size_t len, unsigned long long max)
{
	struct yload_opts o;

	memset(&o, 0, sizeof(o));
	o.max_size = max;
	l->root = yload_buffer(buf, len, &l->a, &l->d, &o);
	return l->root;
}

/* A string literal, embedded NULs included. */
#define LOAD(l, lit)	load_max((l), (lit), sizeof(lit) - 1, 0)

/* Asserts kind and 1-based line:col; the failure names the caller's line. */
#define ASSERT_NODE(np, k, ln, cl) do {					\
	const struct ynode *n_ = (np);					\
	assert_non_null(n_);						\
	assert_int_equal(n_->kind, (k));				\
	assert_int_equal(n_->line, (ln));				\
	assert_int_equal(n_->col, (cl));				\
} while (0)

#define ASSERT_SCALAR(np, s, ln, cl) do {				\
	const struct ynode *s_ = (np);					\
	ASSERT_NODE(s_, YN_SCALAR, (ln), (cl));				\
	assert_string_equal(s_->u.str, (s));				\
} while (0)

/* Exactly one diagnostic, of rule at line:col. */
#define ASSERT_ONE_DIAG(l, r, ln, cl) do {				\
	assert_int_equal((l)->d.n, 1);					\
	assert_int_equal((l)->d.v[0].rule, (r));			\
	assert_int_equal((l)->d.v[0].line, (ln));			\
	assert_int_equal((l)->d.v[0].col, (cl));			\
} while (0)

/* The i-th child: an item of a list, or key 2i / value 2i+1 of a map. */
static const struct ynode *
kid(const struct ynode *n, uint32_t i)
{
	assert_non_null(n);
	assert_true(n->kind == YN_MAP || n->kind == YN_SEQ);
	assert_true(i < (n->kind == YN_MAP ? 2 * n->n : n->n));
	return &n->u.kids[i];
}

static const struct ynode *
val(const struct ynode *m, const char *key)
{
	const struct ynode *v = ynode_get(m, key);

	assert_non_null(v);
	return v;
}

/* The diagnostic of rule at line:col, which must exist. */
static const struct diag *
find_diag(const struct ld *l, enum rule_id r, uint32_t line, uint32_t col)
{
	size_t i;

	for (i = 0; i < l->d.n; i++)
		if (l->d.v[i].rule == r && l->d.v[i].line == line &&
		    l->d.v[i].col == col)
			return &l->d.v[i];
	fail_msg("no diagnostic [%s] at %u:%u", rule_catalogue[r].id,
	    line, col);
	return NULL;
}

static size_t
count_rule(const struct ld *l, enum rule_id r)
{
	size_t i, n = 0;

	for (i = 0; i < l->d.n; i++)
		if (l->d.v[i].rule == r)
			n++;
	return n;
}

/* ---- positions -------------------------------------------------------- */

/*
 * Short scalars are kept once (the loader's cache): equal ones share a
 * copy, and two that differ only after the cache's first 16 bytes stay
 * apart.
 */
static void
test_short_scalars_shared(void **state)
{
	struct ld *l = *state;
	const struct ynode *r = LOAD(l, "[abcdefghijklmnopqrst, "
	    "abcdefghijklmnopqrsu, abcdefghijklmnopqrst, ab, ab, "
	    "abcdefghijklmnopqrstuvwxy, abcdefghijklmnopqrstuvwxy]");

	ASSERT_NODE(r, YN_SEQ, 1, 1);
	assert_int_equal(r->n, 7);
	ASSERT_SCALAR(&r->u.kids[0], "abcdefghijklmnopqrst", 1, 2);
	ASSERT_SCALAR(&r->u.kids[1], "abcdefghijklmnopqrsu", 1, 24);
	ASSERT_SCALAR(&r->u.kids[2], "abcdefghijklmnopqrst", 1, 46);
	assert_ptr_equal(r->u.kids[0].u.str, r->u.kids[2].u.str);
	assert_ptr_not_equal(r->u.kids[0].u.str, r->u.kids[1].u.str);
	assert_ptr_equal(r->u.kids[3].u.str, r->u.kids[4].u.str);
	assert_string_equal(r->u.kids[6].u.str, "abcdefghijklmnopqrstuvwxy");
	assert_int_equal(l->d.n, 0);
}

/*
 * Scalars of up to 63 bytes go through the cache too: a plan repeats its
 * titles (17 Chinese characters are 51 bytes). Longer ones are copied
 * each time, with the same text.
 */
static void
test_titles_shared(void **state)
{
	struct ld *l = *state;
	const struct ynode *r = LOAD(l, "[幼儿园教师专业成长系列活动送教下乡, "
	    "幼儿园教师专业成长系列活动送教下乡, "
	    "幼儿园教师专业成长系列活动送教下乡与园本教研结合, "
	    "幼儿园教师专业成长系列活动送教下乡与园本教研结合]");

	ASSERT_NODE(r, YN_SEQ, 1, 1);
	assert_int_equal(r->n, 4);
	assert_int_equal(strlen(r->u.kids[0].u.str), 51);
	assert_ptr_equal(r->u.kids[0].u.str, r->u.kids[1].u.str);
	assert_true(strlen(r->u.kids[2].u.str) > 63);
	assert_ptr_not_equal(r->u.kids[2].u.str, r->u.kids[3].u.str);
	assert_string_equal(r->u.kids[2].u.str, r->u.kids[3].u.str);
	assert_int_equal(l->d.n, 0);
}

/*
 * A cache kept from one load to the next (yload_opts.cache) never hands a
 * later load the strings of an earlier one, which live in another arena;
 * within a load it still shares them. The second input is the bigger, so
 * the table grows in between.
 */
static void
test_cache_between_loads(void **state)
{
	static const char one[] = "[ab, cd, ab]";
	static const char two[] = "[cd, ab, ef, ab, cd, "
	    "\"a somewhat longer text to make this input the bigger one, "
	    "and then some more of it, past a thousand bytes: ....................."
	    "..........................................................................."
	    "..........................................................................."
	    "..........................................................................."
	    "..........................................................................."
	    "..........................................................................."
	    "..........................................................................."
	    "..........................................................................."
	    "..........................................................................."
	    "..........................................................................."
	    "..........................................................................."
	    "..........................................................................."
	    "...........................................................................\"]";
	struct ld *l = *state;
	struct yload_cache *c = yload_cache_new();
	struct yload_opts o;
	struct arena a2;
	struct diags d2;
	const struct ynode *r1, *r2;
	uint32_t i, j;

	memset(&o, 0, sizeof(o));
	o.cache = c;
	r1 = yload_buffer(one, sizeof(one) - 1, &l->a, &l->d, &o);
	arena_init(&a2);
	diags_init(&d2, &a2, "t2.yaml");
	r2 = yload_buffer(two, sizeof(two) - 1, &a2, &d2, &o);
	ASSERT_NODE(r1, YN_SEQ, 1, 1);
	ASSERT_NODE(r2, YN_SEQ, 1, 1);
	assert_int_equal(r2->n, 6);
	ASSERT_SCALAR(&r2->u.kids[0], "cd", 1, 2);
	ASSERT_SCALAR(&r2->u.kids[1], "ab", 1, 6);
	ASSERT_SCALAR(&r2->u.kids[2], "ef", 1, 10);
	for (i = 0; i < r2->n; i++)
		for (j = 0; j < r1->n; j++)
			assert_ptr_not_equal(r2->u.kids[i].u.str,
			    r1->u.kids[j].u.str);
	assert_ptr_equal(r2->u.kids[1].u.str, r2->u.kids[3].u.str);
	assert_ptr_equal(r2->u.kids[0].u.str, r2->u.kids[4].u.str);
	assert_ptr_equal(r1->u.kids[0].u.str, r1->u.kids[2].u.str);
	/* and a third load, smaller again, into the first arena */
	r1 = yload_buffer(one, sizeof(one) - 1, &l->a, &l->d, &o);
	for (i = 0; i < r2->n; i++)
		assert_ptr_not_equal(r1->u.kids[0].u.str, r2->u.kids[i].u.str);
	ASSERT_SCALAR(&r1->u.kids[2], "ab", 1, 10);
	assert_int_equal(l->d.n + d2.n, 0);
	arena_release(&a2);
	yload_cache_free(c);
}

/*
 * Each scalar carries placeholder_maybe of its text, short (shared) or
 * long, the first time and when the text comes again.
 */
static void
test_maybe_template(void **state)
{
	struct ld *l = *state;
	const struct ynode *r = LOAD(l, "[20xx\u5e74, abc, 20xx\u5e74, "
	    "\"\u67d0\u67d0\", a text longer than the cache's 63 bytes with "
	    "__ in it somewhere, a text longer than the cache's sixty-three "
	    "bytes and nothing else, abc, 20xx\u5e74, xx: y_y]");
	static const bool want[] = { true, false, true, true, true, false,
	    false, true };
	uint32_t i;

	ASSERT_NODE(r, YN_SEQ, 1, 1);
	assert_int_equal(r->n, 9);
	for (i = 0; i < 8; i++)
		assert_int_equal(r->u.kids[i].maybe_template, want[i]);
	assert_true(kid(&r->u.kids[8], 0)->maybe_template);
	assert_false(kid(&r->u.kids[8], 1)->maybe_template);
	assert_int_equal(l->d.n, 0);
}

static void
test_block_positions(void **state)
{
	struct ld *l = *state;
	const struct ynode *r, *b, *m;

	r = LOAD(l, "a: 1\n"
	    "b:\n"
	    "  - x\n"
	    "  - k: v\n"
	    "    j: w\n"
	    "c:\n"
	    "  d: 2\n");
	assert_int_equal(l->d.n, 0);
	ASSERT_NODE(r, YN_MAP, 1, 1);
	assert_int_equal(r->n, 3);
	ASSERT_SCALAR(kid(r, 0), "a", 1, 1);
	ASSERT_SCALAR(kid(r, 1), "1", 1, 4);
	ASSERT_SCALAR(kid(r, 2), "b", 2, 1);
	b = val(r, "b");
	ASSERT_NODE(b, YN_SEQ, 3, 3);
	assert_int_equal(b->n, 2);
	ASSERT_SCALAR(kid(b, 0), "x", 3, 5);
	m = kid(b, 1);
	ASSERT_NODE(m, YN_MAP, 4, 5);
	assert_int_equal(m->n, 2);
	ASSERT_SCALAR(kid(m, 0), "k", 4, 5);
	ASSERT_SCALAR(kid(m, 1), "v", 4, 8);
	ASSERT_SCALAR(kid(m, 2), "j", 5, 5);
	ASSERT_SCALAR(kid(m, 3), "w", 5, 8);
	ASSERT_SCALAR(kid(r, 4), "c", 6, 1);
	ASSERT_NODE(val(r, "c"), YN_MAP, 7, 3);
	ASSERT_SCALAR(val(val(r, "c"), "d"), "2", 7, 6);
}

static void
test_flow_positions(void **state)
{
	struct ld *l = *state;
	const struct ynode *r, *f, *g;

	r = LOAD(l, "f: [x, {y: 1, z: [2, 3]}]\n"
	    "g: {a: [], b: {}}\n");
	assert_int_equal(l->d.n, 0);
	f = val(r, "f");
	ASSERT_NODE(f, YN_SEQ, 1, 4);
	ASSERT_SCALAR(kid(f, 0), "x", 1, 5);
	ASSERT_NODE(kid(f, 1), YN_MAP, 1, 8);
	ASSERT_SCALAR(kid(kid(f, 1), 0), "y", 1, 9);
	ASSERT_SCALAR(kid(kid(f, 1), 1), "1", 1, 12);
	ASSERT_SCALAR(kid(kid(f, 1), 2), "z", 1, 15);
	ASSERT_NODE(kid(kid(f, 1), 3), YN_SEQ, 1, 18);
	ASSERT_SCALAR(kid(kid(kid(f, 1), 3), 1), "3", 1, 22);
	g = val(r, "g");
	ASSERT_NODE(g, YN_MAP, 2, 4);
	ASSERT_NODE(val(g, "a"), YN_SEQ, 2, 8);
	assert_int_equal(val(g, "a")->n, 0);
	ASSERT_NODE(val(g, "b"), YN_MAP, 2, 15);
	assert_int_equal(val(g, "b")->n, 0);
}

/* Columns count characters, not bytes: 中文 is 2 columns, 6 bytes. */
static void
test_cjk_columns_flow(void **state)
{
	struct ld *l = *state;
	const struct ynode *r, *f, *m;

	r = LOAD(l, "k: 中文中文\n"
	    "f: [中文, 值, {名: 张三, x: [1]}]\n");
	assert_int_equal(l->d.n, 0);
	ASSERT_SCALAR(val(r, "k"), "中文中文", 1, 4);
	assert_int_equal(val(r, "k")->n, 12);	/* bytes */
	f = val(r, "f");
	ASSERT_NODE(f, YN_SEQ, 2, 4);
	ASSERT_SCALAR(kid(f, 0), "中文", 2, 5);
	ASSERT_SCALAR(kid(f, 1), "值", 2, 9);
	m = kid(f, 2);
	ASSERT_NODE(m, YN_MAP, 2, 12);
	ASSERT_SCALAR(kid(m, 0), "名", 2, 13);
	ASSERT_SCALAR(kid(m, 1), "张三", 2, 16);
	ASSERT_SCALAR(kid(m, 2), "x", 2, 20);
	ASSERT_NODE(kid(m, 3), YN_SEQ, 2, 23);
	ASSERT_SCALAR(kid(kid(m, 3), 0), "1", 2, 24);
}

static void
test_cjk_columns_block(void **state)
{
	struct ld *l = *state;
	const struct ynode *r, *s;

	r = LOAD(l, "标题: 实验幼儿园\n"
	    "中文键: {名: 值, k: [中, 文]}\n"
	    "列表:\n"
	    "  - 第一项\n"
	    "  - 乙: 丙\n");
	assert_int_equal(l->d.n, 0);
	ASSERT_SCALAR(kid(r, 0), "标题", 1, 1);
	ASSERT_SCALAR(kid(r, 1), "实验幼儿园", 1, 5);
	ASSERT_SCALAR(kid(r, 2), "中文键", 2, 1);
	ASSERT_NODE(kid(r, 3), YN_MAP, 2, 6);
	ASSERT_SCALAR(val(kid(r, 3), "名"), "值", 2, 10);
	ASSERT_NODE(val(kid(r, 3), "k"), YN_SEQ, 2, 16);
	ASSERT_SCALAR(kid(val(kid(r, 3), "k"), 1), "文", 2, 20);
	s = val(r, "列表");
	ASSERT_NODE(s, YN_SEQ, 4, 3);
	ASSERT_SCALAR(kid(s, 0), "第一项", 4, 5);
	ASSERT_NODE(kid(s, 1), YN_MAP, 5, 5);
	ASSERT_SCALAR(kid(kid(s, 1), 1), "丙", 5, 8);
}

/* A UTF-8 byte-order mark is accepted and takes no column. */
static void
test_bom_accepted(void **state)
{
	struct ld *l = *state;
	const struct ynode *r;

	r = LOAD(l, "\xEF\xBB\xBF" "a: 1\n"
	    "b: 中\n");
	assert_int_equal(l->d.n, 0);
	ASSERT_NODE(r, YN_MAP, 1, 1);
	ASSERT_SCALAR(kid(r, 0), "a", 1, 1);
	ASSERT_SCALAR(kid(r, 1), "1", 1, 4);
	ASSERT_SCALAR(kid(r, 2), "b", 2, 1);
	ASSERT_SCALAR(kid(r, 3), "中", 2, 4);
}

static void
test_bom_flow_and_error_column(void **state)
{
	struct ld *l = *state;
	const struct ynode *r;

	r = LOAD(l, "\xEF\xBB\xBF" "{a: [1]}\n");
	assert_int_equal(l->d.n, 0);
	ASSERT_NODE(r, YN_MAP, 1, 1);
	ASSERT_SCALAR(kid(r, 0), "a", 1, 2);
	ASSERT_NODE(kid(r, 1), YN_SEQ, 1, 5);
}

/* The encoding check counts no column for the BOM either. */
static void
test_bom_encoding_error_column(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "\xEF\xBB\xBF" "a: \xFF\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 1, 4);
}

static void
test_crlf_lines(void **state)
{
	struct ld *l = *state;
	const struct ynode *r, *b;

	r = LOAD(l, "a: 1\r\n"
	    "b: [x,\r\n"
	    "  y]\r\n"
	    "c:\r\n"
	    "  - 中\r\n");
	assert_int_equal(l->d.n, 0);
	ASSERT_SCALAR(val(r, "a"), "1", 1, 4);
	b = val(r, "b");
	ASSERT_NODE(b, YN_SEQ, 2, 4);
	ASSERT_SCALAR(kid(b, 0), "x", 2, 5);
	ASSERT_SCALAR(kid(b, 1), "y", 3, 3);
	ASSERT_SCALAR(kid(r, 4), "c", 4, 1);
	ASSERT_NODE(val(r, "c"), YN_SEQ, 5, 3);
	ASSERT_SCALAR(kid(val(r, "c"), 0), "中", 5, 5);
}

/* What a streaming load handed over: each item's path, first key, line. */
struct streamed {
	int		 n;
	int		 path[8];
	const char	*first[8];
	uint32_t	 line[8];
};

static void *
record_item(void *ctx, int path, void *list, const struct ynode *item)
{
	struct streamed *st = ctx;

	if (st->n < 8) {
		st->path[st->n] = path;
		st->first[st->n] = item->kind == YN_MAP && item->n > 0 ?
		    item->u.kids[1].u.str : NULL;
		st->line[st->n] = item->line;
		st->n++;
	}
	return list != NULL ? list : st;
}

/*
 * Several stream paths: the items of each list at a path go to the
 * callback with its path's index, lists elsewhere (a phase's "people",
 * a top-level "activities") stay in the tree, and the streamed lists
 * become YN_BUILT with their item counts.
 */
static void
test_stream_paths(void **state)
{
	static const char *const acts[] = { "phases", "activities", NULL };
	static const char *const people[] = { "people", NULL };
	static const char *const *const paths[] = { acts, people, NULL };
	static const char doc[] =
	    "people:\n"
	    "  - {id: a}\n"
	    "  - {id: b}\n"
	    "activities: [{id: top}]\n"
	    "phases:\n"
	    "  - people: [{id: inner}]\n"
	    "    activities:\n"
	    "      - {id: x}\n";
	struct ld *l = *state;
	struct arena scratch;
	struct streamed st;
	struct yload_opts o;
	const struct ynode *r;

	memset(&st, 0, sizeof(st));
	memset(&o, 0, sizeof(o));
	arena_init(&scratch);
	o.stream_paths = paths;
	o.stream = record_item;
	o.stream_ctx = &st;
	o.scratch = &scratch;
	r = yload_buffer(doc, sizeof(doc) - 1, &l->a, &l->d, &o);
	assert_non_null(r);
	assert_int_equal(st.n, 3);
	assert_int_equal(st.path[0], 1);
	assert_string_equal(st.first[0], "a");
	assert_int_equal(st.line[0], 2);
	assert_int_equal(st.path[1], 1);
	assert_string_equal(st.first[1], "b");
	assert_int_equal(st.path[2], 0);
	assert_string_equal(st.first[2], "x");
	assert_int_equal(st.line[2], 8);
	assert_int_equal(val(r, "people")->kind, YN_BUILT);
	assert_int_equal(val(r, "people")->n, 2);
	assert_int_equal(val(r, "activities")->kind, YN_SEQ);
	assert_int_equal(val(kid(val(r, "phases"), 0), "people")->kind,
	    YN_SEQ);
	assert_int_equal(val(kid(val(r, "phases"), 0), "activities")->kind,
	    YN_BUILT);
	arena_release(&scratch);
}

/* CR LF is one line end for the encoding check too. */
static void
test_crlf_encoding_error_line(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\r\nb: 2\r\nc: x\xFF\r\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 3, 5);
}

/*
 * A lone CR ends a line as libyaml counts them: a LF after more text on
 * the next line ends that line too, it is not the second half of a CR LF.
 */
static void
test_lone_cr_encoding_error_line(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\rb: 2\nc: \001\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 3, 4);
}

/* ... and a CR LF after a lone CR is still one line end. */
static void
test_lone_cr_then_crlf_error_line(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\rb\r\nc: \001\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 3, 4);
}

/*
 * Chinese text is checked three bytes at a time: columns still count
 * characters, U+2028 still ends a line, and a bad byte right after such
 * characters, or a character cut short, is found where it is.
 */
static void
test_cjk_encoding_error_columns(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 中文字\xFF\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 1, 7);
	teardown(state);
	setup(state);
	l = *state;
	assert_null(LOAD(l, "a: \"中\xe2\x80\xa8文\"\nb: 字x\x01\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 3, 6);
	teardown(state);
	setup(state);
	l = *state;
	assert_null(LOAD(l, "a: 中文\xe4\xb8\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 1, 6);
}

/* ---- duplicate keys --------------------------------------------------- */

static void
test_duplicate_key_small(void **state)
{
	struct ld *l = *state;
	const struct diag *g;
	const struct ynode *r;

	r = LOAD(l, "a: 1\nb: 2\na: 3\n");
	assert_non_null(r);	/* not fatal */
	ASSERT_ONE_DIAG(l, R_DUPLICATE_KEY, 3, 1);
	g = &l->d.v[0];
	assert_non_null(g->note);
	assert_int_equal(g->note_line, 1);
	assert_int_equal(g->note_col, 1);
	assert_non_null(strstr(g->msg, "'a'"));
}

static void
test_duplicate_key_flow_nested(void **state)
{
	struct ld *l = *state;
	const struct diag *g;

	assert_non_null(LOAD(l, "x:\n  - {名: 1, k: 2, 名: 3}\n"));
	ASSERT_ONE_DIAG(l, R_DUPLICATE_KEY, 2, 18);
	g = &l->d.v[0];
	assert_int_equal(g->note_line, 2);
	assert_int_equal(g->note_col, 6);
}

/* More than 8 keys takes the sorting path. */
static void
test_duplicate_key_big(void **state)
{
	struct ld *l = *state;
	const struct diag *g;

	assert_non_null(LOAD(l, "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\n"
	    "k6: 6\nk7: 7\nk8: 8\nk9: 9\nk3: x\nk10: 10\nk1: y\nk3: z\n"));
	assert_int_equal(l->d.n, 3);
	assert_int_equal(count_rule(l, R_DUPLICATE_KEY), 3);
	g = find_diag(l, R_DUPLICATE_KEY, 10, 1);
	assert_int_equal(g->note_line, 3);
	assert_int_equal(g->note_col, 1);
	g = find_diag(l, R_DUPLICATE_KEY, 12, 1);
	assert_int_equal(g->note_line, 1);
	assert_int_equal(g->note_col, 1);
	g = find_diag(l, R_DUPLICATE_KEY, 13, 1);
	assert_int_equal(g->note_line, 3);	/* the first, not the second */
	assert_int_equal(g->note_col, 1);
}

static void
test_no_duplicate_in_big_map(void **state)
{
	struct ld *l = *state;
	char buf[4096];
	size_t len = 0;
	int i;

	for (i = 0; i < 200; i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
		    "k%d: %d\n", i, i);
	assert_true(len < sizeof(buf));
	assert_non_null(load_max(l, buf, len, 0));
	assert_int_equal(l->d.n, 0);
	assert_int_equal(l->root->n, 200);
	ASSERT_SCALAR(val(l->root, "k199"), "199", 200, 7);
}

/* ---- nesting ---------------------------------------------------------- */

/* depth [ ... x ... ] depth: flow lists nested depth deep. */
static char *
nested(int depth, size_t *len)
{
	char *s;
	int i;

	if ((s = malloc((size_t)depth * 2 + 3)) == NULL)
		fail();
	for (i = 0; i < depth; i++)
		s[i] = '[';
	s[depth] = 'x';
	for (i = 0; i < depth; i++)
		s[depth + 1 + i] = ']';
	s[2 * depth + 1] = '\n';
	s[2 * depth + 2] = '\0';
	*len = (size_t)depth * 2 + 2;
	return s;
}

static void
test_nesting_64_accepted(void **state)
{
	struct ld *l = *state;
	const struct ynode *n;
	size_t len;
	char *s = nested(64, &len);
	int i;

	n = load_max(l, s, len, 0);
	free(s);
	assert_int_equal(l->d.n, 0);
	for (i = 0; i < 64; i++) {
		ASSERT_NODE(n, YN_SEQ, 1, (uint32_t)i + 1);
		assert_int_equal(n->n, 1);
		n = kid(n, 0);
	}
	ASSERT_SCALAR(n, "x", 1, 65);
}

static void
test_nesting_65_refused(void **state)
{
	struct ld *l = *state;
	size_t len;
	char *s = nested(65, &len);

	assert_null(load_max(l, s, len, 0));
	free(s);
	ASSERT_ONE_DIAG(l, R_LIMIT, 1, 65);
}

/* Block mappings count as levels too: a top-level map holds 63 lists. */
static void
test_nesting_mixed(void **state)
{
	struct ld *l = *state;
	char buf[256];
	size_t len;
	char *s;

	s = nested(63, &len);
	snprintf(buf, sizeof(buf), "a: %s", s);
	free(s);
	assert_non_null(load_max(l, buf, strlen(buf), 0));
	assert_int_equal(l->d.n, 0);
	s = nested(64, &len);
	snprintf(buf, sizeof(buf), "a: %s", s);
	free(s);
	assert_null(load_max(l, buf, strlen(buf), 0));
	ASSERT_ONE_DIAG(l, R_LIMIT, 1, 67);
}

static void
test_nesting_10000_refused(void **state)
{
	struct ld *l = *state;
	size_t len;
	char *s = nested(10000, &len);

	assert_null(load_max(l, s, len, 0));
	free(s);
	ASSERT_ONE_DIAG(l, R_LIMIT, 1, 65);
}

/* ---- aliases ---------------------------------------------------------- */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The billion laughs: levels lists of width aliases of the level below. */
static char *
bomb(int levels, int width, size_t *len)
{
	size_t cap = (size_t)levels * ((size_t)width * 8 + 32) + 1;
	char *s = malloc(cap);
	size_t n = 0;
	int i, j;

	if (s == NULL)
		fail();
	for (i = 0; i < levels; i++) {
		n += (size_t)snprintf(s + n, cap - n, "l%d: &l%d [", i, i);
		for (j = 0; j < width; j++) {
			if (i == 0)
				n += (size_t)snprintf(s + n, cap - n,
				    "%slol", j ? ", " : "");
			else
				n += (size_t)snprintf(s + n, cap - n,
				    "%s*l%d", j ? ", " : "", i - 1);
		}
		n += (size_t)snprintf(s + n, cap - n, "]\n");
	}
	assert_true(n < cap);
	*len = n;
	return s;
}

static void
test_alias_bomb_refused(void **state)
{
	struct ld *l = *state;
	double t0, dt;
	size_t len;
	char *s = bomb(10, 10, &len);

	t0 = now();
	assert_null(load_max(l, s, len, 0));
	dt = now() - t0;
	free(s);
	assert_int_equal(l->d.n, 1);
	assert_int_equal(l->d.v[0].rule, R_LIMIT);
	assert_true(dt < 1.0);
}

static void
test_alias_bomb_9x9_refused(void **state)
{
	struct ld *l = *state;
	double t0, dt;
	size_t len;
	char *s = bomb(9, 9, &len);

	t0 = now();
	assert_null(load_max(l, s, len, 0));
	dt = now() - t0;
	free(s);
	assert_int_equal(l->d.n, 1);
	assert_int_equal(l->d.v[0].rule, R_LIMIT);
	assert_true(dt < 1.0);
}

/*
 * Under 10 million nodes, but far over 10 times the nodes parsed: reported
 * at the first alias (line 2, after "l1: &l1 [").
 */
static void
test_alias_ratio_refused(void **state)
{
	struct ld *l = *state;
	size_t len;
	char *s = bomb(5, 10, &len);

	assert_null(load_max(l, s, len, 0));
	free(s);
	ASSERT_ONE_DIAG(l, R_LIMIT, 2, 10);
}

static void
test_aliases_legit(void **state)
{
	struct ld *l = *state;
	const struct ynode *r, *one, *two;

	r = LOAD(l, "base: &b {x: 1, y: [2]}\n"
	    "one: *b\n"
	    "two:   *b\n");
	assert_int_equal(l->d.n, 0);
	ASSERT_NODE(val(r, "base"), YN_MAP, 1, 7);
	one = val(r, "one");
	two = val(r, "two");
	ASSERT_NODE(one, YN_MAP, 2, 6);	/* at the alias */
	ASSERT_NODE(two, YN_MAP, 3, 8);
	assert_int_equal(one->n, 2);
	assert_int_equal(two->n, 2);
	ASSERT_SCALAR(val(one, "x"), "1", 1, 14);	/* at the anchor */
	ASSERT_SCALAR(val(two, "x"), "1", 1, 14);
	ASSERT_NODE(val(two, "y"), YN_SEQ, 1, 20);
}

/*
 * An anchored scalar, reused. Run last: the loader keeps the anchor name
 * of a scalar event after libyaml frees it, which ASan stops on.
 */
static void
test_alias_scalar_anchor(void **state)
{
	struct ld *l = *state;
	const struct ynode *r;

	r = LOAD(l, "name: &n 张三\n"
	    "pad: [1, 2, 3]\n"
	    "who: [*n, *n]\n");
	assert_int_equal(l->d.n, 0);
	ASSERT_SCALAR(val(r, "name"), "张三", 1, 7);
	ASSERT_SCALAR(kid(val(r, "who"), 0), "张三", 3, 7);
	ASSERT_SCALAR(kid(val(r, "who"), 1), "张三", 3, 11);
}

static void
test_unknown_alias(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\nb: [1, *nope]\n"));
	ASSERT_ONE_DIAG(l, R_YAML_SYNTAX, 2, 8);
	assert_non_null(strstr(l->d.v[0].msg, "nope"));
}

/* An alias to an anchor that comes later is unknown too. */
static void
test_alias_before_anchor(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: *x\nb: &x 1\n"));
	ASSERT_ONE_DIAG(l, R_YAML_SYNTAX, 1, 4);
}

/* ---- encoding --------------------------------------------------------- */

static void
test_invalid_byte_ff(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\nb: 中文\xFF\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 2, 6);
}

static void
test_overlong_c0_80(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\nb: x\xC0\x80y\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 2, 5);
}

/* E0 80 80 passes the first-byte check and must fail as overlong. */
static void
test_overlong_e0(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: x\xE0\x80\x80\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 1, 5);
}

static void
test_truncated_e4_b8(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\nb: 中\xE4\xB8 y\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 2, 5);
}

static void
test_truncated_at_end(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\nb: 中\xE4\xB8"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 2, 5);
}

static void
test_surrogate(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\n\nc: \"x\xED\xA0\x80\"\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 3, 6);
}

static void
test_nul_byte(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\nb: x\0y\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 2, 5);
}

static void
test_control_char(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\nb: \"\x07\"\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 2, 5);
}

static void
test_utf16_bom(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "\xFF\xFE" "a\0:\0 \0001\0\n\0"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 1, 1);
	assert_non_null(strstr(l->d.v[0].msg, "UTF-16"));
}

static void
test_utf16_be_bom(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "\xFE\xFF\0a\0:\0 \0001\0\n"));
	ASSERT_ONE_DIAG(l, R_ENCODING, 1, 1);
}

/* A bad sequence near libyaml's 16 KiB read boundary keeps its column. */
static void
test_encoding_across_reads(void **state)
{
	struct ld *l = *state;
	size_t off, len;
	char *s;

	for (off = 16370; off <= 16400; off++) {
		len = off + 5;
		if ((s = malloc(len)) == NULL)
			fail();
		memcpy(s, "a: \"", 4);
		memset(s + 4, 'x', off - 4);
		memcpy(s + off, "\xE4\xB8 \"\n", 5);
		arena_release(&l->a);
		arena_init(&l->a);
		diags_init(&l->d, &l->a, "t.yaml");
		assert_null(load_max(l, s, len, 0));
		free(s);
		ASSERT_ONE_DIAG(l, R_ENCODING, 1, (uint32_t)off + 1);
	}
}

/* An item streamed by a lazily checked load: nothing to keep. */
static void *
ignore_item(void *ctx, int path, void *list, const struct ynode *item)
{
	(void)ctx;
	(void)path;
	(void)item;
	return list;
}

/* The one diagnostic of loading buf, checked first or only on failure. */
static void
one_encoding_diag(const char *buf, size_t len, bool scan_first,
    struct diag *out, char *msg, size_t msgsize)
{
	static const char *const items[] = { "items", NULL };
	static const char *const *const paths[] = { items, NULL };
	struct arena a, scratch;
	struct diags d;
	struct yload_opts o;

	arena_init(&a);
	arena_init(&scratch);
	diags_init(&d, &a, "t.yaml");
	memset(&o, 0, sizeof(o));
	o.stream_paths = paths;
	o.stream = ignore_item;
	o.scratch = &scratch;
	o.scan_first = scan_first;
	assert_null(yload_buffer(buf, len, &a, &d, &o));
	assert_int_equal(d.n, 1);
	assert_int_equal(yload_encoding_failed(&d), d.v[0].rule == R_ENCODING);
	*out = d.v[0];
	snprintf(msg, msgsize, "%s", d.v[0].msg);
	out->msg = msg;
	arena_release(&scratch);
	arena_release(&a);
}

/*
 * Left to libyaml's reader, every encoding problem is found again by the
 * loader's own check, with the same message at the same line:col.
 */
static void
test_encoding_lazy_same(void **state)
{
	static const struct { const char *s; size_t len; } docs[] = {
#define DOC(lit)	{ (lit), sizeof(lit) - 1 }
		DOC("a: 1\nb: 中文\xFF\n"),
		DOC("a: 1\nb: x\xC0\x80y\n"),
		DOC("a: x\xE0\x80\x80\n"),
		DOC("a: 1\nb: 中\xE4\xB8 y\n"),
		DOC("a: 1\nb: 中\xE4\xB8"),
		DOC("a: 1\n\nc: \"x\xED\xA0\x80\"\n"),
		DOC("a: 1\nb: x\0y\n"),
		DOC("a: 1\nb: \"\x07\"\n"),
		DOC("\xFF\xFE" "a\0:\0 \0001\0\n\0"),
		DOC("\xFE\xFF\0a\0:\0 \0001\0\n"),
		DOC("a: 1\r\nb: 2\r\nc: \xF5\n"),
		DOC("a: 1\rb: 2\r\nc: x\xC2\n"),
		DOC("\xEF\xBB\xBF" "a: \xF4\x90\x80\x80\n"),
		DOC("items:\n  - {a: 1}\n  - {b: \"\xC0\"}\n"),
#undef DOC
	};
	struct diag eager, lazy;
	char em[256], lm[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		one_encoding_diag(docs[i].s, docs[i].len, true, &eager, em,
		    sizeof(em));
		one_encoding_diag(docs[i].s, docs[i].len, false, &lazy, lm,
		    sizeof(lm));
		assert_int_equal(eager.rule, R_ENCODING);
		assert_int_equal(lazy.rule, eager.rule);
		assert_int_equal(lazy.line, eager.line);
		assert_int_equal(lazy.col, eager.col);
		assert_string_equal(lazy.msg, eager.msg);
	}
}

/*
 * libyaml decodes a block at a time, so a lazily checked load misses the
 * events just before a bad byte: the pipeline loads such a file again,
 * and the bad date of the activity before the byte is still reported.
 */
static void
test_plandoc_encoding_keeps_earlier(void **state)
{
	static const char doc[] =
	    "pairplan: 1\n"
	    "plan: {title: t, period: 2024-09..2025-06}\n"
	    "phases:\n"
	    "  - name: p\n"
	    "    activities:\n"
	    "      - {title: a, date: 2024-09-31}\n"
	    "      - {title: \"b\xFF\"}\n";
	struct plandoc pd;

	(void)state;
	plandoc_init_buffer(&pd, "late.yaml", doc, sizeof(doc) - 1, NULL);
	assert_null(pd.root);
	assert_int_equal(pd.diags.n, 2);
	assert_int_equal(pd.diags.v[0].rule, R_BAD_DATE);
	assert_int_equal(pd.diags.v[0].line, 6);
	assert_int_equal(pd.diags.v[1].rule, R_ENCODING);
	assert_int_equal(pd.diags.v[1].line, 7);
	assert_int_equal(pd.diags.v[1].col, 19);
	plandoc_release(&pd);
}

/* Columns of a long CJK line stay right over several reads. */
static void
test_cjk_column_across_reads(void **state)
{
	struct ld *l = *state;
	size_t n = 6000, i, len;
	char *s;

	len = 3 + n * 3 + 2;
	if ((s = malloc(len)) == NULL)
		fail();
	memcpy(s, "a: ", 3);
	for (i = 0; i < n; i++)
		memcpy(s + 3 + 3 * i, "中", 3);
	memcpy(s + len - 2, "\xFF\n", 2);
	assert_null(load_max(l, s, len, 0));
	free(s);
	ASSERT_ONE_DIAG(l, R_ENCODING, 1, (uint32_t)n + 4);
}

/* A CR LF split by a read is one line end. */
static void
test_crlf_across_reads(void **state)
{
	struct ld *l = *state;
	size_t cr, len;
	char *s;

	for (cr = 16370; cr <= 16400; cr++) {
		len = cr + 2 + 7;
		if ((s = malloc(len)) == NULL)
			fail();
		memset(s, 'x', cr);
		s[0] = '#';
		memcpy(s + cr, "\r\nb: x\xFF\r\n", 9);
		arena_release(&l->a);
		arena_init(&l->a);
		diags_init(&l->d, &l->a, "t.yaml");
		assert_null(load_max(l, s, len, 0));
		free(s);
		ASSERT_ONE_DIAG(l, R_ENCODING, 2, 5);
	}
}

/* A valid multi-byte character split by a read is no error. */
static void
test_cjk_across_reads(void **state)
{
	struct ld *l = *state;
	size_t n = 20000, i, len;
	char *s;

	len = 3 + n * 3 + 1;
	if ((s = malloc(len)) == NULL)
		fail();
	memcpy(s, "a: ", 3);
	for (i = 0; i < n; i++)
		memcpy(s + 3 + 3 * i, "中", 3);
	s[len - 1] = '\n';
	assert_non_null(load_max(l, s, len, 0));
	free(s);
	assert_int_equal(l->d.n, 0);
	assert_int_equal(val(l->root, "a")->n, n * 3);
}

/* ---- syntax, empty input, documents ----------------------------------- */

static void
test_syntax_error_line(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\n  b: 2\n"));
	ASSERT_ONE_DIAG(l, R_YAML_SYNTAX, 2, 4);
}

static void
test_syntax_error_unclosed_flow(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\nb: [1, 2\nc: 3\n"));
	assert_int_equal(l->d.n, 1);
	assert_int_equal(l->d.v[0].rule, R_YAML_SYNTAX);
	assert_int_equal(l->d.v[0].line, 3);
}

static void
test_not_yaml(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, ": : : [\n"));
	assert_int_equal(l->d.n, 1);
	assert_int_equal(l->d.v[0].rule, R_YAML_SYNTAX);
	assert_int_equal(l->d.v[0].line, 1);
}

static void
test_empty_buffer(void **state)
{
	struct ld *l = *state;

	assert_null(load_max(l, "", 0, 0));
	ASSERT_ONE_DIAG(l, R_REQUIRED, 1, 1);
	assert_int_equal(l->d.count[SEV_ERROR], 1);
}

static void
test_comments_only(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "# a plan\n   # to come\n\n"));
	ASSERT_ONE_DIAG(l, R_REQUIRED, 1, 1);
	assert_int_equal(l->d.count[SEV_ERROR], 1);
}

static void
test_two_documents(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "a: 1\n---\nb: 2\n"));
	ASSERT_ONE_DIAG(l, R_YAML_SYNTAX, 2, 1);
}

static void
test_two_documents_explicit(void **state)
{
	struct ld *l = *state;

	assert_null(LOAD(l, "--- \na: 1\n...\n--- \nb: 2\n"));
	ASSERT_ONE_DIAG(l, R_YAML_SYNTAX, 4, 1);
}

static void
test_one_document_with_markers(void **state)
{
	struct ld *l = *state;

	assert_non_null(LOAD(l, "--- \na: 1\n...\n"));
	assert_int_equal(l->d.n, 0);
	ASSERT_NODE(l->root, YN_MAP, 2, 1);
}

/* ---- size limit ------------------------------------------------------- */

static void
test_size_limit(void **state)
{
	struct ld *l = *state;

	assert_null(load_max(l, "a: b\n", 5, 4));
	ASSERT_ONE_DIAG(l, R_LIMIT, 1, 1);
}

static void
test_size_at_limit(void **state)
{
	struct ld *l = *state;

	assert_non_null(load_max(l, "a: b\n", 5, 5));
	assert_int_equal(l->d.n, 0);
}

/* The limit holds over several reads, not only the first. */
static void
test_size_limit_many_reads(void **state)
{
	struct ld *l = *state;
	size_t len = 100000;
	char *s;

	if ((s = malloc(len)) == NULL)
		fail();
	memset(s, '#', len);
	s[len - 1] = '\n';
	assert_null(load_max(l, s, len, 65536));
	ASSERT_ONE_DIAG(l, R_LIMIT, 1, 1);
	arena_release(&l->a);
	arena_init(&l->a);
	diags_init(&l->d, &l->a, "t.yaml");
	memcpy(s, "a: 1\n", 5);
	assert_non_null(load_max(l, s, len, len));
	free(s);
	assert_int_equal(l->d.n, 0);
}

/* A limit under 1 MiB must not be printed as "0 MiB". */
static void
test_size_limit_message(void **state)
{
	struct ld *l = *state;

	assert_null(load_max(l, "a: b\n", 5, 4));
	assert_int_equal(l->d.n, 1);
	assert_null(strstr(l->d.v[0].msg, " 0 MiB"));
}

/* ---- null scalars, ynode_get ------------------------------------------ */

static void
test_null_scalars(void **state)
{
	struct ld *l = *state;
	const struct ynode *r;

	r = LOAD(l, "a: ~\nb:\nc: null\nd: \"null\"\ne: Null\nf: NULL\n"
	    "g: '~'\nh: nul\ni: ''\n");
	assert_int_equal(l->d.n, 0);
	ASSERT_NODE(val(r, "a"), YN_NULL, 1, 4);
	assert_int_equal(val(r, "b")->kind, YN_NULL);
	assert_int_equal(val(r, "b")->line, 2);
	ASSERT_NODE(val(r, "c"), YN_NULL, 3, 4);
	ASSERT_SCALAR(val(r, "d"), "null", 4, 4);
	assert_int_equal(val(r, "d")->quoted, 1);
	assert_int_equal(val(r, "c")->quoted, 0);
	ASSERT_NODE(val(r, "e"), YN_NULL, 5, 4);
	ASSERT_NODE(val(r, "f"), YN_NULL, 6, 4);
	ASSERT_SCALAR(val(r, "g"), "~", 7, 4);
	assert_int_equal(val(r, "g")->quoted, 1);
	ASSERT_SCALAR(val(r, "h"), "nul", 8, 4);
	ASSERT_SCALAR(val(r, "i"), "", 9, 4);
	assert_int_equal(val(r, "i")->quoted, 1);
	assert_true(ynode_is_null(val(r, "a")));
	assert_true(ynode_is_null(val(r, "b")));
	assert_false(ynode_is_null(val(r, "d")));
	assert_false(ynode_is_null(val(r, "i")));
	assert_true(ynode_is_null(NULL));
}

static void
test_ynode_get(void **state)
{
	struct ld *l = *state;
	const struct ynode *r, *m;

	r = LOAD(l, "a: 1\n\"b\": 2\n名字: 张三\nm: {x: y}\nl: [a]\n");
	assert_int_equal(l->d.n, 0);
	ASSERT_SCALAR(ynode_get(r, "a"), "1", 1, 4);
	ASSERT_SCALAR(ynode_get(r, "b"), "2", 2, 6);
	ASSERT_SCALAR(ynode_get(r, "名字"), "张三", 3, 5);
	m = ynode_get(r, "m");
	ASSERT_NODE(m, YN_MAP, 4, 4);
	ASSERT_SCALAR(ynode_get(m, "x"), "y", 4, 8);
	assert_null(ynode_get(m, "a"));		/* not from the parent */
	assert_null(ynode_get(r, "x"));
	assert_null(ynode_get(r, ""));
	assert_null(ynode_get(r, "A"));
	assert_null(ynode_get(ynode_get(r, "l"), "a"));	/* a list */
	assert_null(ynode_get(ynode_get(r, "a"), "a"));	/* a scalar */
	assert_null(ynode_get(NULL, "a"));
	assert_string_equal(ynode_kind_name(r), "mapping");
	assert_string_equal(ynode_kind_name(ynode_get(r, "l")), "list");
	assert_string_equal(ynode_kind_name(ynode_get(r, "a")), "string");
	assert_string_equal(ynode_kind_name(NULL), "nothing");
}

/* ---- the whole pipeline ----------------------------------------------- */

static void
expect_top_type(const char *buf, uint32_t line, uint32_t col,
    const char *what)
{
	struct plandoc pd;

	plandoc_init_buffer(&pd, "top.yaml", buf, strlen(buf), NULL);
	assert_non_null(pd.root);
	assert_null(pd.plan);
	assert_int_equal(pd.diags.n, 1);
	assert_int_equal(pd.diags.v[0].rule, R_TYPE);
	assert_int_equal(pd.diags.v[0].line, line);
	assert_int_equal(pd.diags.v[0].col, col);
	assert_non_null(strstr(pd.diags.v[0].msg, what));
	assert_true(diags_has_errors(&pd.diags, false));
	plandoc_release(&pd);
}

static void
test_plandoc_top_scalar(void **state)
{
	(void)state;
	expect_top_type("hello\n", 1, 1, "string");
	expect_top_type("# c\n  \"quoted\"\n", 2, 3, "string");
}

static void
test_plandoc_top_list(void **state)
{
	(void)state;
	expect_top_type("- a\n- b\n", 1, 1, "list");
	expect_top_type("\n  [pairplan, 1]\n", 2, 3, "list");
}

static void
test_plandoc_bad_input(void **state)
{
	struct plandoc pd;

	(void)state;
	plandoc_init_buffer(&pd, "bad.yaml", "a: \xFF", 4, NULL);
	assert_null(pd.root);
	assert_null(pd.plan);
	assert_int_equal(pd.diags.n, 1);
	assert_int_equal(pd.diags.v[0].rule, R_ENCODING);
	assert_string_equal(pd.diags.file, "bad.yaml");
	plandoc_release(&pd);
	plandoc_init_buffer(&pd, "empty.yaml", "", 0, NULL);
	assert_null(pd.root);
	assert_null(pd.plan);
	assert_true(diags_has_errors(&pd.diags, false));
	plandoc_release(&pd);
}

/* Duplicate keys survive the pipeline, sorted in file order. */
static void
test_plandoc_duplicate_sorted(void **state)
{
	struct plandoc pd;
	const struct diag *g = NULL;
	size_t i;

	(void)state;
	plandoc_init_buffer(&pd, "dup.yaml", "pairplan: 1\npairplan: 1\n",
	    24, NULL);
	assert_non_null(pd.root);
	for (i = 0; i < pd.diags.n; i++) {
		if (i > 0)
			assert_true(pd.diags.v[i - 1].line <
			    pd.diags.v[i].line ||
			    (pd.diags.v[i - 1].line == pd.diags.v[i].line &&
			    pd.diags.v[i - 1].col <= pd.diags.v[i].col));
		if (pd.diags.v[i].rule == R_DUPLICATE_KEY)
			g = &pd.diags.v[i];
	}
	assert_non_null(g);
	assert_int_equal(g->line, 2);
	assert_int_equal(g->col, 1);
	assert_int_equal(g->note_line, 1);
	plandoc_release(&pd);
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_short_scalars_shared),
		T(test_titles_shared),
		T(test_cache_between_loads),
		T(test_maybe_template),
		T(test_block_positions),
		T(test_flow_positions),
		T(test_cjk_columns_flow),
		T(test_cjk_columns_block),
		T(test_cjk_encoding_error_columns),
		T(test_bom_accepted),
		T(test_bom_flow_and_error_column),
		T(test_bom_encoding_error_column),
		T(test_crlf_lines),
		T(test_crlf_encoding_error_line),
		T(test_stream_paths),
		T(test_encoding_lazy_same),
		T(test_plandoc_encoding_keeps_earlier),
		T(test_lone_cr_encoding_error_line),
		T(test_lone_cr_then_crlf_error_line),
		T(test_duplicate_key_small),
		T(test_duplicate_key_flow_nested),
		T(test_duplicate_key_big),
		T(test_no_duplicate_in_big_map),
		T(test_nesting_64_accepted),
		T(test_nesting_65_refused),
		T(test_nesting_mixed),
		T(test_nesting_10000_refused),
		T(test_alias_bomb_refused),
		T(test_alias_bomb_9x9_refused),
		T(test_alias_ratio_refused),
		T(test_aliases_legit),
		T(test_unknown_alias),
		T(test_alias_before_anchor),
		T(test_invalid_byte_ff),
		T(test_overlong_c0_80),
		T(test_overlong_e0),
		T(test_truncated_e4_b8),
		T(test_truncated_at_end),
		T(test_surrogate),
		T(test_nul_byte),
		T(test_control_char),
		T(test_utf16_bom),
		T(test_utf16_be_bom),
		T(test_encoding_across_reads),
		T(test_cjk_across_reads),
		T(test_cjk_column_across_reads),
		T(test_crlf_across_reads),
		T(test_syntax_error_line),
		T(test_syntax_error_unclosed_flow),
		T(test_not_yaml),
		T(test_empty_buffer),
		T(test_comments_only),
		T(test_two_documents),
		T(test_two_documents_explicit),
		T(test_one_document_with_markers),
		T(test_size_limit),
		T(test_size_at_limit),
		T(test_size_limit_many_reads),
		T(test_size_limit_message),
		T(test_null_scalars),
		T(test_ynode_get),
		T(test_plandoc_top_scalar),
		T(test_plandoc_top_list),
		T(test_plandoc_bad_input),
		T(test_plandoc_duplicate_sorted),
		T(test_alias_scalar_anchor),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
