/* render.h - output formats: one const struct renderer per file, found by name. */
#ifndef PAIRPLAN_RENDER_H
#define PAIRPLAN_RENDER_H

#include <stdbool.h>
#include <stdio.h>

struct plan;
struct schedule;
struct sched_filter;

/*
 * An output format. To add one: write render_NAME.c defining
 * `const struct renderer render_NAME`, list it in renderers[] in render.c,
 * and give it golden tests in tests/golden.
 */
struct renderer {
	const char	*name;
	/*
	 * The schedule as this format (`schedule --format`), or NULL when
	 * the format only exports; false when writing failed.
	 */
	bool		(*schedule)(FILE *, const struct schedule *,
			    const struct sched_filter *);
	/*
	 * The whole plan as this format (`export --format`), lang "zh" or
	 * "en"; NULL when export prints the schedule as above.
	 */
	bool		(*export)(FILE *, const struct plan *,
			    const struct schedule *, const char *lang);
};

extern const struct renderer render_table;
extern const struct renderer render_csv;
extern const struct renderer render_json;
extern const struct renderer render_ics;
extern const struct renderer render_md;
extern const struct renderer render_html;
extern const struct renderer render_svg;

/* The renderer called name, or NULL. */
const struct renderer *render_find(const char *name);
/* Names of the renderers that print a schedule, comma-separated. */
const char *render_names(void);
/*
 * The renderer called name when `export` takes it (md, html, json, csv,
 * ics, svg: not the table, which is for a terminal), or NULL.
 */
const struct renderer *render_find_export(const char *name);
/* Names of the formats export takes, comma-separated. */
const char *render_export_names(void);

#endif
