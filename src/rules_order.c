/* rules_order.c - the order between activities (after): dependency-cycle. */
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "diag.h"
#include "plan.h"
#include "rules.h"

enum { WHITE, GREY, BLACK };

/*
 * v comes after w, and w after ... after v (the walk went from w down to
 * v through predecessors): "'v' after 'w' after ... after 'v'".
 */
static void
report_cycle(const struct plan *p, struct diags *d, const struct ref *r,
    const uint32_t *parent, uint32_t v, uint32_t w)
{
	const char *tail = "";
	uint32_t x, k = 0;

	/* At most eight steps: a cycle may run through every activity. */
	for (x = v; x != w && k < 8; x = parent[x], k++)
		tail = arena_printf(d->arena, " after '%s'%s", p->acts[x]->id,
		    tail);
	if (x != w)
		tail = arena_printf(d->arena, " after ...%s", tail);
	rules_report(d, R_DEPENDENCY_CYCLE, r->pos, "activity '%s' comes "
	    "after itself: '%s' after '%s'%s", p->acts[v]->id,
	    p->acts[v]->id, p->acts[w]->id, tail);
}

/*
 * A depth-first walk over after-edges without recursion (plans may hold
 * hundreds of thousands of activities): each back edge closes a cycle,
 * reported at the `after` that closes it, with the path it closes.
 */
void
check_dependency_cycle(const struct plan *p, struct diags *d)
{
	uint8_t *colour;
	uint32_t *stack, *edge, *parent, n = p->nacts, top, i, v, w;

	if (n == 0)
		return;
	colour = arena_alloc(rules_tmp(d), n);
	stack = arena_alloc(rules_tmp(d), (size_t)n * sizeof(*stack));
	edge = arena_alloc(rules_tmp(d), (size_t)n * sizeof(*edge));
	parent = arena_alloc(rules_tmp(d), (size_t)n * sizeof(*parent));
	for (i = 0; i < n; i++) {
		if (colour[i] != WHITE)
			continue;
		top = 0;
		stack[top++] = i;
		colour[i] = GREY;
		edge[i] = 0;
		while (top > 0) {
			const struct activity *a;
			const struct ref *r;

			v = stack[top - 1];
			a = p->acts[v];
			if (edge[v] == a->after.n) {
				colour[v] = BLACK;
				top--;
				continue;
			}
			r = &a->after.v[edge[v]++];
			if (r->idx < 0)
				continue;	/* unknown-ref reports it */
			w = (uint32_t)r->idx;
			if (colour[w] == WHITE) {
				colour[w] = GREY;
				parent[w] = v;
				edge[w] = 0;
				stack[top++] = w;
			} else if (colour[w] == GREY)
				report_cycle(p, d, r, parent, v, w);
		}
	}
}
