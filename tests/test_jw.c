/* test_jw.c - the small JSON writers: strings or null, lists of strings, dates, spans, list items. */
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
#include "jw.h"

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_str),
		cmocka_unit_test(test_strs),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_items),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
