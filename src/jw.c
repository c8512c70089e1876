/* jw.c - small pieces of JSON output: strings or null, lists of strings, dates, spans, list items. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "esc.h"
#include "jw.h"

/* A JSON string, or null. */
void
jw_str(FILE *fp, const char *s)
{
	if (s == NULL)
		fputs("null", fp);
	else
		esc_json(fp, s);
}

void
jw_strs(FILE *fp, const char *const *v, size_t n)
{
	size_t i;

	putc('[', fp);
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(", ", fp);
		jw_str(fp, v[i]);
	}
	putc(']', fp);
}

void
jw_date(FILE *fp, day_t d)
{
	char buf[16];

	date_format(d, buf);
	fprintf(fp, "\"%s\"", buf);
}

void
jw_span(FILE *fp, struct span s)
{
	putc('[', fp);
	jw_date(fp, s.from);
	fputs(", ", fp);
	jw_date(fp, s.to);
	putc(']', fp);
}

/*
 * Starts an item of a list: a comma after the first, a newline, the
 * indent of the enclosing object (ind) and two spaces.
 */
void
jw_item(FILE *fp, bool *first, const char *ind)
{
	if (!*first)
		putc(',', fp);
	putc('\n', fp);
	fputs(ind, fp);
	fputs("  ", fp);
	*first = false;
}
