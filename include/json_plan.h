/* json_plan.h - the plan normalised as JSON: every default filled in, every reference an id. */
#ifndef PAIRPLAN_JSON_PLAN_H
#define PAIRPLAN_JSON_PLAN_H

#include <stdio.h>

struct plan;

void	 json_plan(FILE *, const struct plan *);

#endif
