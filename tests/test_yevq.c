/* test_yevq.c - the parser on a second thread: the same plans, trees and diagnostics as on one. */
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
#include "diag.h"
#include "plan.h"
#include "plandoc.h"
#include "testutil.h"
#include "yevq.h"
#include "yload.h"

/* A growing text. */
struct text {
	char	*p;
	size_t	 n, cap;
};

static void
tprintf(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (t->p == NULL) {	/* not NULL + 0 */
		t->cap = 256;
		t->p = malloc(t->cap);
		assert_non_null(t->p);
	}
	for (;;) {
		va_start(ap, fmt);
		k = vsnprintf(t->p + t->n, t->cap - t->n, fmt, ap);
		va_end(ap);
		assert_true(k >= 0);
		if ((size_t)k < t->cap - t->n)
			break;
		t->cap = t->cap * 2 + (size_t)k + 1;
		t->p = realloc(t->p, t->cap);
		assert_non_null(t->p);
	}
	t->n += (size_t)k;
}

/*
 * A plan of n activities, big enough for many batches of events, with
 * anchors, aliases, tags and quoted text; tail is written at the end (a
 * mistake that stops the parser late, or nothing).
 */
static char *
big_plan(unsigned n, const char *tail)
{
	struct text t = { NULL, 0, 0 };
	unsigned i;

	tprintf(&t, "pairplan: 1\nplan:\n  title: \"大计划\\t一\"\n"
	    "  host: {id: h, name: 示范园}\n  period: 2024-03..2025-02\n"
	    "partners:\n  - {id: k1, name: 结对园一}\n  - {id: k2, name: "
	    "结对园二}\npeople:\n  - &lead {id: liu, name: 刘老师}\n"
	    "  - {id: chen, name: 陈老师}\nleadership: {leader: liu}\n"
	    "phases:\n  - name: 第一阶段\n    period: 2024-03..2025-02\n"
	    "    activities:\n");
	for (i = 0; i < n; i++)
		tprintf(&t, "      - {title: 'tea''ching %u', kind: "
		    "teaching-visit, at: partner, partners: [k%u], owner: "
		    "%s, when: 2024-%02u, note: !!str 说明%u}\n", i, 1 + i % 2,
		    i % 3 ? "liu" : "chen", 3 + i % 10, i);
	tprintf(&t, "%s", tail);
	return t.p;
}

/* Loads text with the parser on threads (1 or 2) threads. */
static void
load(struct plandoc *pd, const char *text, size_t len, int threads)
{
	struct yload_opts o;

	memset(&o, 0, sizeof(o));
	o.threads = threads;
	plandoc_init_buffer(pd, "t.yaml", text, len, &o);
}

/* The two loads gave the same diagnostics and the same plan. */
static void
expect_same(const char *text, size_t len, bool want_plan)
{
	struct plandoc a, b;
	size_t i;

	load(&a, text, len, 1);
	load(&b, text, len, 2);
	assert_int_equal(a.diags.n, b.diags.n);
	for (i = 0; i < a.diags.n; i++) {
		const struct diag *x = &a.diags.v[i], *y = &b.diags.v[i];

		assert_int_equal(x->rule, y->rule);
		assert_int_equal(x->line, y->line);
		assert_int_equal(x->col, y->col);
		assert_string_equal(x->msg, y->msg);
	}
	assert_true((a.plan != NULL) == (b.plan != NULL));
	assert_true((a.plan != NULL) == want_plan);
	if (a.plan != NULL) {
		assert_int_equal(a.plan->nacts, b.plan->nacts);
		for (i = 0; i < a.plan->nacts; i++) {
			assert_string_equal(a.plan->acts[i]->id,
			    b.plan->acts[i]->id);
			assert_string_equal(a.plan->acts[i]->title,
			    b.plan->acts[i]->title);
			assert_int_equal(a.plan->acts[i]->where->pos.line,
			    b.plan->acts[i]->where->pos.line);
		}
	}
	plandoc_release(&a);
	plandoc_release(&b);
}

static void
test_big_plan_same(void **state)
{
	char *t = big_plan(20000, "");

	(void)state;
	expect_same(t, strlen(t), true);
	free(t);
}

/* Mistakes that stop the parser after many batches, or the loader. */
static void
test_late_errors_same(void **state)
{
	static const char *const tails[] = {
		"      - {title: x, when: [}\n",		/* yaml-syntax */
		"      - {title: \"x\\e\"}\n",		/* a control escape */
		"      - {title: *nowhere}\n",		/* unknown alias */
		"---\npairplan: 1\n",			/* a second document */
		"      - {title: a, title: b}\n",		/* duplicate key */
		"      - {title: \xff}\n",			/* not UTF-8 */
		"      - {title: \xe5\xa4}\n",		/* cut short */
		"      - [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
		"[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
		"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",	/* too deep */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
		char *t = big_plan(5000, tails[i]);

		expect_same(t, strlen(t), i == 4);
		free(t);
	}
}

/* An early mistake stops the reading: the thread stops with it. */
static void
test_early_error_same(void **state)
{
	char *t = big_plan(20000, "");
	char *bad = malloc(strlen(t) + 32);

	(void)state;
	assert_non_null(bad);
	strcpy(bad, "a: [\n");
	strcat(bad, t);
	expect_same(bad, strlen(bad), false);
	memcpy(bad, "x: \x01\n", 5);
	expect_same(bad, strlen(bad), false);
	free(bad);
	free(t);
}

static void
test_small_and_empty_same(void **state)
{
	static const char *const docs[] = {
		"", "# nothing\n", "pairplan: 1\n", "[1, 2", "a: &x [1]\nb: *x\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++)
		expect_same(docs[i], strlen(docs[i]), i == 2 || i == 4);
}

/*
 * Batches that hold no text at all (20,000 empty lists and nothing else
 * fill two batches of 8,192 events without a scalar): their events name
 * no string, and none is looked for.
 */
static void
test_batches_without_text(void **state)
{
	size_t i, n = 0, cap = 4 + 4 * 20000 + 4;
	char *t = malloc(cap);

	(void)state;
	assert_non_null(t);
	t[n++] = '[';
	for (i = 0; i < 20000; i++) {
		memcpy(t + n, "[], ", 4);
		n += 4;
	}
	memcpy(t + n, "[]]\n", 4);
	n += 4;
	expect_same(t, n, false);
	free(t);
}

/* Events taken straight from the queue: as yaml_parser_parse gives them. */
static int
from_text(void *data, unsigned char *buf, size_t size, size_t *got)
{
	struct text *t = data;
	size_t k = t->cap - t->n < size ? t->cap - t->n : size;

	memcpy(buf, t->p + t->n, k);
	t->n += k;
	*got = k;
	return 1;
}

static void
test_events_as_parsed(void **state)
{
	char *doc = big_plan(3000, "");
	struct text in = { doc, 0, strlen(doc) };
	yaml_parser_t p1, p2;
	yaml_event_t e1, e2;
	struct yevq *q;
	unsigned long n = 0;

	(void)state;
	assert_true(yaml_parser_initialize(&p1));
	yaml_parser_set_input_string(&p1, (const unsigned char *)doc,
	    strlen(doc));
	q = yevq_start(&p2, from_text, &in);
	for (;;) {
		assert_true(yaml_parser_parse(&p1, &e1));
		assert_int_equal(yevq_next(q, &e2), 1);
		assert_int_equal(e1.type, e2.type);
		assert_int_equal(e1.start_mark.line, e2.start_mark.line);
		assert_int_equal(e1.start_mark.column, e2.start_mark.column);
		if (e1.type == YAML_SCALAR_EVENT) {
			assert_int_equal(e1.data.scalar.length,
			    e2.data.scalar.length);
			assert_memory_equal(e1.data.scalar.value,
			    e2.data.scalar.value, e1.data.scalar.length);
			assert_int_equal(e1.data.scalar.style,
			    e2.data.scalar.style);
			assert_true((e1.data.scalar.tag == NULL) ==
			    (e2.data.scalar.tag == NULL));
		}
		n++;
		if (e1.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&e1);
			break;
		}
		yaml_event_delete(&e1);
	}
	assert_true(n > 3 * 8192);
	yevq_stop(q);
	yaml_parser_delete(&p1);
	yaml_parser_delete(&p2);
	free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_big_plan_same),
		cmocka_unit_test(test_late_errors_same),
		cmocka_unit_test(test_early_error_same),
		cmocka_unit_test(test_small_and_empty_same),
		cmocka_unit_test(test_batches_without_text),
		cmocka_unit_test(test_events_as_parsed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
