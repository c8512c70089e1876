/* render_svg.h - the Gantt timeline of a plan as an <svg> element. */
#ifndef PAIRPLAN_RENDER_SVG_H
#define PAIRPLAN_RENDER_SVG_H

#include <stdbool.h>
#include <stdio.h>

struct plan;
struct schedule;

/*
 * The Gantt timeline of a plan (render_svg.c) as an <svg> element: month
 * grid, phases as bands, a row per site with its events, a legend. With
 * heading, the plan's title above the chart.
 */
void	 svg_timeline(FILE *, const struct plan *, const struct schedule *,
	    bool en, bool heading);

#endif
