/* testutil.h - what the unit tests share: a plan exported to text, checks on text, balanced markup, a temporary directory. */
#ifndef PAIRPLAN_TESTUTIL_H
#define PAIRPLAN_TESTUTIL_H

#include <stdbool.h>
#include <stdio.h>

#include "date.h"

/*
 * The plan of the YAML text, scheduled and exported as format in lang; the
 * test fails when the plan has errors (they are printed) or the export
 * fails. The text, to free. TEST_EXPORT_DUMP set: also on stderr.
 */
char	*tu_export(const char *format, const char *yaml, const char *lang);

/* The test fails, naming the string, unless text holds want / lacks unwanted. */
void	 tu_expect_has(const char *text, const char *want);
void	 tu_expect_lacks(const char *text, const char *unwanted);
/* The test fails unless text holds a and then b, after it. */
void	 tu_expect_order(const char *text, const char *a, const char *b);
/* The test fails unless l10n_span writes the span as want. */
void	 tu_expect_span(struct span, bool en, const char *want);

/* All that is in the file fp, which is then closed: to free. */
char	*tu_slurp(FILE *fp);

/*
 * Are the elements of the XML text balanced: every start tag closed by an
 * end tag of the same name, in order, and one root? Comments, declarations
 * and processing instructions are skipped; attribute values hold no '<'
 * (they are escaped).
 */
bool	 tu_balanced(const char *);

/*
 * A temporary directory for a group of tests, as cmocka's group setup and
 * teardown: tu_tmpdir_setup makes /tmp/pairplan-test-XXXXXX,
 * tu_tmpdir_teardown removes it and all in it. tu_tmpdir is its path.
 */
int	 tu_tmpdir_setup(void **state);
int	 tu_tmpdir_teardown(void **state);
const char *tu_tmpdir(void);
/* tu_tmpdir()/name, in one of four buffers used in turn. */
const char *tu_path(const char *name);
/* tu_path(name), written with text. */
const char *tu_put(const char *name, const char *text);

#endif
