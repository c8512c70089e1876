/* fuzz_load.c - libFuzzer target: any bytes through load and every rule; a valid plan through the scheduler and every renderer and export, within the work the input's budget allows. */
#define _GNU_SOURCE	/* fopencookie: output counted, not kept */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "budget.h"
#include "plan.h"
#include "plandoc.h"
#include "render.h"
#include "sched_filter.h"
#include "sched.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * The fuzzer hunts amplification as well as crashes: an input whose
 * schedule, output or memory passes what its charges allow aborts, as
 * a crash would. Each unit charged (budget.h) may give at most
 * OUT_PER_UNIT bytes of any one output and MEM_PER_UNIT bytes of the
 * scheduler's memory; the exports also print the plan's own text.
 */
#define OUT_PER_UNIT	1024u
#define OUT_PER_BYTE	64u
#define OUT_SLACK	(1u << 20)
#define MEM_PER_UNIT	512u
#define MEM_SLACK	(4u << 20)

static uint64_t written;

static ssize_t
count_write(void *cookie, const char *buf, size_t n)
{
	(void)cookie;
	(void)buf;
	written += n;
	return (ssize_t)n;
}

static void
over(const char *what, uint64_t got, uint64_t bound, uint64_t used)
{
	fprintf(stderr, "fuzz_load: %s is %llu, more than %llu for %llu units "
	    "of work charged\n", what, (unsigned long long)got,
	    (unsigned long long)bound, (unsigned long long)used);
	abort();
}

/* One output: its bytes within the bound. */
static void
counted(FILE *fp, const char *what, uint64_t bound, uint64_t used)
{
	fflush(fp);
	if (written > bound)
		over(what, written, bound, used);
	written = 0;
}

static void
schedule_and_render(const struct plan *p, const struct budget *b,
    size_t size)
{
	static const char *const formats[] = { "table", "csv", "json", "ics" };
	static const char *const exports[] = { "md", "html", "svg", "json" };
	cookie_io_functions_t io = { NULL, count_write, NULL, NULL };
	uint64_t used = b->used, items, out;
	struct sched_filter f;
	struct schedule s;
	struct arena a;
	FILE *fp;
	size_t i;

	if ((fp = fopencookie(NULL, "w", io)) == NULL)
		return;
	memset(&f, 0, sizeof(f));
	arena_init(&a);
	sched_run(&s, &p, 1, &a);
	/* everything the schedule lists was charged at least a unit */
	items = s.nevents + s.nunplaced + s.nskipped + s.nquotas;
	if (items > used)
		over("the number of events, unplaced, skipped and quota rows",
		    items, used, used);
	if (a.total > budget_add(budget_mul(MEM_PER_UNIT, used), MEM_SLACK))
		over("the scheduler's memory", a.total, budget_add(
		    budget_mul(MEM_PER_UNIT, used), MEM_SLACK), used);
	out = budget_add(budget_add(budget_mul(OUT_PER_UNIT, used),
	    budget_mul(OUT_PER_BYTE, size)), OUT_SLACK);
	written = 0;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		render_find(formats[i])->schedule(fp, &s, &f);
		counted(fp, formats[i], out, used);
	}
	for (i = 0; i < sizeof(exports) / sizeof(exports[0]); i++) {
		render_find_export(exports[i])->export(fp, p, &s, "zh");
		counted(fp, exports[i], out, used);
		render_find_export(exports[i])->export(fp, p, &s, "en");
		counted(fp, exports[i], out, used);
	}
	arena_release(&a);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct yload_opts opts;
	struct plandoc pd;

	memset(&opts, 0, sizeof(opts));
	opts.max_size = 1u << 20;
	plandoc_init_buffer(&pd, "fuzz.yaml", (const char *)data, size,
	    &opts);
	/* the budget holds whatever the input: only the kept diagnostics
	   may still be charged after a charge passed it */
	if (pd.diags.budget.used > pd.diags.budget.limit + DIAG_MAX_KEPT &&
	    pd.diags.count[SEV_ERROR] == 0)
		over("the work charged to a plan without errors",
		    pd.diags.budget.used, pd.diags.budget.limit,
		    pd.diags.budget.used);
	if (pd.plan != NULL && pd.diags.count[SEV_ERROR] == 0)
		schedule_and_render(pd.plan, &pd.diags.budget, size);
	plandoc_release(&pd);
	return 0;
}
