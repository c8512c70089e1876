/* fuzz_load.c - libFuzzer target: any bytes through load, build and every rule. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "plandoc.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct yload_opts opts;

	memset(&opts, 0, sizeof(opts));
	opts.max_size = 1u << 20;
	struct plandoc pd;

	plandoc_init_buffer(&pd, "fuzz.yaml", (const char *)data, size,
	    &opts);
	plandoc_release(&pd);
	return 0;
}
