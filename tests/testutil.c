/* testutil.c - what the unit tests share: a plan exported to text, checks on text, balanced markup, a temporary directory. */
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
#include "date.h"
#include "diag.h"
#include "l10n.h"
#include "plan.h"
#include "plandoc.h"
#include "render.h"
#include "sbuf.h"
#include "sched.h"
#include "testutil.h"

char *
tu_export(const char *format, const char *yaml, const char *lang)
{
	const struct renderer *r = render_find_export(format);
	const struct plan *p;
	struct plandoc pd;
	struct schedule s;
	struct arena a;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	assert_non_null(r);
	assert_non_null(r->export);
	plandoc_init_buffer(&pd, "test.yaml", yaml, strlen(yaml), NULL);
	if (pd.plan == NULL || diags_has_errors(&pd.diags, false))
		diags_print_text(&pd.diags,
		    &(struct diag_out){ stderr, false, false });
	assert_non_null(pd.plan);
	assert_false(diags_has_errors(&pd.diags, false));
	p = pd.plan;
	arena_init(&a);
	sched_run(&s, &p, 1, &a);
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_true(r->export(fp, p, &s, lang));
	assert_int_equal(fclose(fp), 0);
	arena_release(&a);
	plandoc_release(&pd);
	if (getenv("TEST_EXPORT_DUMP") != NULL)
		fprintf(stderr, "---- %s\n%s----\n", format, buf);
	return buf;
}

void
tu_expect_has(const char *text, const char *want)
{
	if (strstr(text, want) == NULL)
		fail_msg("missing: %s", want);
}

void
tu_expect_lacks(const char *text, const char *unwanted)
{
	if (strstr(text, unwanted) != NULL)
		fail_msg("unwanted: %s", unwanted);
}

void
tu_expect_order(const char *text, const char *a, const char *b)
{
	const char *x = strstr(text, a), *y = strstr(text, b);

	if (x == NULL || y == NULL)
		fail_msg("missing: %s", x == NULL ? a : b);
	if (x > y)
		fail_msg("'%s' comes after '%s'", a, b);
}

void
tu_expect_span(struct span sp, bool en, const char *want)
{
	struct sbuf b = { 0 };

	l10n_span(&b, sp, en);
	assert_string_equal(b.p, want);
	sbuf_free(&b);
}

char *
tu_slurp(FILE *fp)
{
	char *text;
	long n;

	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n >= 0);
	text = calloc(1, (size_t)n + 1);
	assert_non_null(text);
	rewind(fp);
	assert_int_equal(fread(text, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	return text;
}

bool
tu_balanced(const char *s)
{
	const char *stack[64], *p, *name;
	size_t lens[64], n, depth = 0, roots = 0;

	for (p = s; (p = strchr(p, '<')) != NULL; ) {
		if (p[1] == '?' || p[1] == '!') {
			if ((p = strchr(p, '>')) == NULL)
				return false;
			continue;
		}
		if (p[1] == '/') {
			name = p + 2;
			n = strcspn(name, " \t\n>");
			if (depth == 0 || lens[depth - 1] != n ||
			    strncmp(stack[depth - 1], name, n) != 0)
				return false;
			depth--;
			if ((p = strchr(p, '>')) == NULL)
				return false;
			continue;
		}
		name = p + 1;
		n = strcspn(name, " \t\n/>");
		if (n == 0 || (p = strchr(p, '>')) == NULL)
			return false;
		if (depth == 0)
			roots++;
		if (p[-1] == '/')		/* <empty/> */
			continue;
		if (depth == 64)
			return false;
		stack[depth] = name;
		lens[depth++] = n;
	}
	return depth == 0 && roots == 1;
}

/* ---- a temporary directory --------------------------------------------- */

static char tmpdir[64];

int
tu_tmpdir_setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/pairplan-test-XXXXXX");
	return mkdtemp(tmpdir) != NULL ? 0 : -1;
}

int
tu_tmpdir_teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

const char *
tu_tmpdir(void)
{
	return tmpdir;
}

const char *
tu_path(const char *name)
{
	static char p[4][160];
	static int k;

	k = (k + 1) % 4;
	snprintf(p[k], sizeof(p[k]), "%s/%s", tmpdir, name);
	return p[k];
}

const char *
tu_put(const char *name, const char *text)
{
	const char *path = tu_path(name);
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	return path;
}
