/* formats.c - the table of output formats, found by name. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "render.h"

static const struct renderer *const renderers[] = {
	&render_table,
	&render_csv,
	&render_json,
	&render_ics,
	&render_md,
	&render_html,
	&render_svg,
};

#define NRENDERERS	(sizeof(renderers) / sizeof(renderers[0]))

const struct renderer *
render_find(const char *name)
{
	size_t i;

	for (i = 0; i < NRENDERERS; i++)
		if (strcmp(renderers[i]->name, name) == 0)
			return renderers[i];
	return NULL;
}

/* Names of the renderers that pass, comma-separated, into buf. */
static const char *
names(char *buf, size_t size, bool (*pass)(const struct renderer *))
{
	size_t i, n = 0;
	int k;

	if (buf[0] != '\0')
		return buf;
	for (i = 0; i < NRENDERERS; i++) {
		if (!pass(renderers[i]))
			continue;
		k = snprintf(buf + n, size - n, "%s%s", n ? ", " : "",
		    renderers[i]->name);
		if (k < 0 || (size_t)k >= size - n)
			break;
		n += (size_t)k;
	}
	return buf;
}

static bool
schedules(const struct renderer *r)
{
	return r->schedule != NULL;
}

/* What export takes: a document, or a schedule format but the table. */
static bool
exports(const struct renderer *r)
{
	return r->export != NULL || (r->schedule != NULL &&
	    r != &render_table);
}

const char *
render_names(void)
{
	static char buf[128];

	return names(buf, sizeof(buf), schedules);
}

const struct renderer *
render_find_export(const char *name)
{
	const struct renderer *r = render_find(name);

	return r != NULL && exports(r) ? r : NULL;
}

const char *
render_export_names(void)
{
	static char buf[128];

	return names(buf, sizeof(buf), exports);
}
