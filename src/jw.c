/* jw.c - small pieces of JSON output: strings or null, dates, spans, list items. */
#include <stdbool.h>
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
