/* budget.c - one accounting of the work an input buys: every stage charges it, and its size bounds it. */
#include <stdbool.h>
#include <stdint.h>

#include "budget.h"

uint64_t
budget_add(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

uint64_t
budget_mul(uint64_t a, uint64_t b)
{
	if (a == 0 || b == 0)
		return 0;
	return a > UINT64_MAX / b ? UINT64_MAX : a * b;
}

uint64_t
budget_text(uint64_t bytes)
{
	return bytes / BUDGET_TEXT_BYTES + (bytes % BUDGET_TEXT_BYTES != 0);
}

uint64_t
budget_limit_for(uint64_t input)
{
	return budget_add(BUDGET_BASE, input / BUDGET_BYTES_PER_UNIT);
}

void
budget_init(struct budget *b, uint64_t input)
{
	b->input = input;
	b->limit = budget_limit_for(input);
	b->used = 0;
}

void
budget_init_unbounded(struct budget *b)
{
	b->input = 0;
	b->limit = UINT64_MAX;
	b->used = 0;
}

bool
budget_over(const struct budget *b)
{
	return b->used > b->limit;
}

bool
budget_would_pass(const struct budget *b, uint64_t units)
{
	return budget_add(b->used, units) > b->limit;
}

bool
budget_charge(struct budget *b, uint64_t units)
{
	b->used = budget_add(b->used, units);
	return b->used <= b->limit;
}
