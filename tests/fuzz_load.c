/* fuzz_load.c - libFuzzer target: any bytes through load and every rule; a valid plan through the scheduler and every renderer and export. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "plan.h"
#include "plandoc.h"
#include "render.h"
#include "sched_filter.h"
#include "sched.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
schedule_and_render(const struct plan *p)
{
	static const char *const formats[] = { "table", "csv", "json", "ics" };
	static const char *const exports[] = { "md", "html", "svg", "json" };
	struct sched_filter f;
	struct schedule s;
	struct arena a;
	FILE *null;
	size_t i;

	if ((null = fopen("/dev/null", "w")) == NULL)
		return;
	memset(&f, 0, sizeof(f));
	arena_init(&a);
	sched_run(&s, &p, 1, &a);
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		render_find(formats[i])->schedule(null, &s, &f);
	for (i = 0; i < sizeof(exports) / sizeof(exports[0]); i++) {
		render_find_export(exports[i])->export(null, p, &s, "zh");
		render_find_export(exports[i])->export(null, p, &s, "en");
	}
	arena_release(&a);
	fclose(null);
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
	if (pd.plan != NULL && pd.diags.count[SEV_ERROR] == 0)
		schedule_and_render(pd.plan);
	plandoc_release(&pd);
	return 0;
}
