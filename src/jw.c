/* jw.c - small pieces of JSON output: strings or null, dates, spans, list items. */
#include <stdbool.h>
#include <stdio.h>

#include "date.h"
#include "esc.h"
#include "jw.h"

/* A JSON string, or null. */
void
jstr(FILE *fp, const char *s)
{
	if (s == NULL)
		fputs("null", fp);
	else
		json_string(fp, s);
}

void
jdate(FILE *fp, day_t d)
{
	char buf[16];

	date_format(d, buf);
	fprintf(fp, "\"%s\"", buf);
}

void
jspan(FILE *fp, struct span s)
{
	putc('[', fp);
	jdate(fp, s.from);
	fputs(", ", fp);
	jdate(fp, s.to);
	putc(']', fp);
}

/*
 * Starts an item of a list: a comma after the first, a newline, the
 * indent of the enclosing object (ind) and two spaces.
 */
void
item(FILE *fp, bool *first, const char *ind)
{
	if (!*first)
		putc(',', fp);
	putc('\n', fp);
	fputs(ind, fp);
	fputs("  ", fp);
	*first = false;
}
