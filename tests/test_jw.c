/* test_jw.c - the small JSON writers (strings or null, lists of strings, dates, spans, list items) and the buffered one. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "jbuf.h"
#include "jw.h"
#include "sbuf.h"

/* The text of a memory stream, closed: to free. */
static char *
text_of(FILE *fp, char **buf)
{
	assert_int_equal(fclose(fp), 0);
	return *buf;
}

static FILE *
mem(char **buf, size_t *len)
{
	FILE *fp;

	*buf = NULL;
	fp = open_memstream(buf, len);
	assert_non_null(fp);
	return fp;
}

static void
test_str(void **state)
{
	char *buf;
	size_t len;
	FILE *fp = mem(&buf, &len);

	(void)state;
	jw_str(fp, "a \"b\"\n");
	putc(' ', fp);
	jw_str(fp, NULL);
	assert_string_equal(text_of(fp, &buf), "\"a \\\"b\\\"\\n\" null");
	free(buf);
}

static void
test_strs(void **state)
{
	static const char *const v[] = { "一", NULL, "c\"" };
	char *buf;
	size_t len;
	FILE *fp = mem(&buf, &len);

	(void)state;
	jw_strs(fp, v, 3);
	jw_strs(fp, v, 0);
	jw_strs(fp, v, 1);
	assert_string_equal(text_of(fp, &buf),
	    "[\"一\", null, \"c\\\"\"][][\"一\"]");
	free(buf);
}

static void
test_dates(void **state)
{
	struct span s = { date_from_civil(2024, 9, 1),
	    date_from_civil(2025, 1, 31) };
	char *buf;
	size_t len;
	FILE *fp = mem(&buf, &len);

	(void)state;
	jw_date(fp, s.from);
	putc(' ', fp);
	jw_span(fp, s);
	assert_string_equal(text_of(fp, &buf),
	    "\"2024-09-01\" [\"2024-09-01\", \"2025-01-31\"]");
	free(buf);
}

static void
test_items(void **state)
{
	bool first = true;
	char *buf;
	size_t len;
	FILE *fp = mem(&buf, &len);

	(void)state;
	putc('[', fp);
	jw_item(fp, &first, " ");
	fputs("1", fp);
	jw_item(fp, &first, " ");
	fputs("2", fp);
	putc(']', fp);
	assert_false(first);
	assert_string_equal(text_of(fp, &buf), "[\n   1,\n   2]");
	free(buf);
}

/*
 * jbuf writes strings as jw does: quotes, backslashes, controls, UTF-8,
 * in a list of awkward ones and then in 5,000 random strings of up to 40
 * bytes with those at every offset.
 */
static void
test_jbuf_like_jw(void **state)
{
	static const char *const v[] = { "", "plain", "a \"b\"\n", "\\",
	    "\t\r\x01\x1f", "一二\x7f三", "end\\\"" };
	static const unsigned char pool[] = { 'a', 'Z', ' ', '"', '\\', '\n',
	    '\t', '\r', 0x01, 0x1f, 0x20, 0x21, 0x7f, 0x80, 0xe4, 0xb8, 0x80,
	    0x5b, 0x5d, 0x1e };
	char *buf1, *buf2, s[48];
	size_t len1, len2, n, i;
	FILE *fp1 = mem(&buf1, &len1), *fp2 = mem(&buf2, &len2);
	struct jbuf b;
	uint32_t seed = 11;
	int round;

	(void)state;
	jbuf_init(&b, fp2);
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		jw_str(fp1, v[i]);
		jbuf_str(&b, v[i]);
	}
	jw_str(fp1, NULL);
	jbuf_str(&b, NULL);
	for (round = 0; round < 5000; round++) {
		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % 41;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = (char)pool[(seed >> 16) % sizeof(pool)];
		}
		s[n] = '\0';
		jw_str(fp1, s);
		jbuf_str(&b, s);
	}
	jbuf_done(&b);
	assert_string_equal(text_of(fp2, &buf2), text_of(fp1, &buf1));
	free(buf1);
	free(buf2);
}

/*
 * A jbuf in memory grows past its first block and keeps every byte; one
 * jbuf appends another, but its first bytes, past its own block too.
 */
static void
test_jbuf_mem(void **state)
{
	struct jbuf m, b;
	char *buf, piece[1000];
	size_t len, i;
	FILE *fp = mem(&buf, &len);

	(void)state;
	jbuf_init_mem(&m);
	for (i = 0; i < 1000; i++) {
		memset(piece, 'a' + (int)(i % 26), sizeof(piece));
		jbuf_put(&m, piece, sizeof(piece));
		jbuf_putc(&m, '|');
	}
	assert_int_equal(m.n, 1000 * 1001);
	assert_int_equal(m.p[0], 'a');
	assert_int_equal(m.p[1000], '|');
	assert_int_equal(m.p[999 * 1001], 'a' + 999 % 26);
	jbuf_flush(&m);		/* in memory: nothing to write, nothing lost */
	assert_int_equal(m.n, 1000 * 1001);
	jbuf_init(&b, fp);
	jbuf_puts(&b, "[");
	jbuf_append(&b, &m, 1000);
	jbuf_puts(&b, "]");
	jbuf_done(&b);
	assert_int_equal(text_of(fp, &buf)[0], '[');
	assert_int_equal(len, 1 + 1000 * 1001 - 1000 + 1);
	assert_int_equal(buf[1], '|');
	assert_int_equal(buf[2], 'b');
	assert_int_equal(buf[len - 2], '|');
	assert_int_equal(buf[len - 1], ']');
	assert_memory_equal(buf + 1, m.p + 1000, m.n - 1000);
	free(buf);
	jbuf_done(&m);
}

/*
 * Numbers in decimal without printf: sbuf_udec, and the sbuf and jbuf
 * writers made of it, against printf's "%llu" at the edges of each
 * count of digits and at both ends of uint64_t.
 */
static void
test_decimal(void **state)
{
	char want[32], *buf;
	size_t len, i;
	struct sbuf sb = { 0 };
	struct jbuf jb;
	uint64_t v[44];
	FILE *fp = mem(&buf, &len);
	int n = 0;

	(void)state;
	v[n++] = 0;
	v[n++] = UINT64_MAX;
	for (i = 0; i < 20; i++) {
		uint64_t p = 1;
		size_t k;

		for (k = 0; k < i; k++)
			p *= 10;
		v[n++] = p;
		v[n++] = p - 1 + (i == 0);
	}
	jbuf_init(&jb, fp);
	for (i = 0; i < (size_t)n; i++) {
		snprintf(want, sizeof(want), "%llu", (unsigned long long)v[i]);
		sbuf_clear(&sb);
		sbuf_putu(&sb, v[i]);
		assert_string_equal(sb.p, want);
		jbuf_uint(&jb, v[i]);
		jbuf_putc(&jb, ' ');
	}
	jbuf_done(&jb);
	text_of(fp, &buf);
	for (i = 0, len = 0; i < (size_t)n; i++) {
		snprintf(want, sizeof(want), "%llu ", (unsigned long long)v[i]);
		assert_memory_equal(buf + len, want, strlen(want));
		len += strlen(want);
	}
	free(buf);
	sbuf_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_str),
		cmocka_unit_test(test_strs),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_jbuf_like_jw),
		cmocka_unit_test(test_jbuf_mem),
		cmocka_unit_test(test_decimal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
