/* render_json.c - the json format: the schedule, or the plan normalised with its schedule. */
#include <stdio.h>

#include "json_plan.h"
#include "json_sched.h"
#include "plan.h"
#include "render.h"
#include "sched.h"

/*
 * `export --format json`: the plan with every default filled in and
 * every reference resolved to an id, and its whole schedule. The data
 * are the same in every language, so lang is not used.
 */
static bool
json_export(FILE *fp, const struct plan *p, const struct schedule *s,
    const char *lang)
{
	(void)lang;
	fputs("{\"plan\": ", fp);
	json_plan(fp, p);
	fputs(",\n \"schedule\": ", fp);
	json_schedule_object(fp, s, NULL, " ");
	fputs("}\n", fp);
	return fflush(fp) == 0 && !ferror(fp);
}

const struct renderer render_json = { "json", json_schedule, json_export };
