/*
 * fresh.c - how fast this machine hands a process memory it has not
 * touched yet: maps MB megabytes (default 256), writes one byte of each
 * 4 KB page, and prints the rate, first in 4 KB pages and then with
 * transparent huge pages asked for (MADV_HUGEPAGE). A bare parse needs
 * almost no memory, pairplan needs some times its file, so where fresh
 * memory is slow (a virtual machine whose every page fault is a trap)
 * the ratios of bench/run.py carry that cost. run.py prints this line
 * with its table.
 *
 *	fresh [MB]
 */
#define _GNU_SOURCE	/* MAP_ANONYMOUS, madvise */
#include <sys/mman.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* GB/s of writing every page of n fresh bytes once, or -1. */
static double
touch(size_t n, int huge)
{
	volatile char *p;
	double t0, t1;
	size_t i;

	t0 = now();
	p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0);
	if (p == MAP_FAILED)
		return -1;
#ifdef MADV_HUGEPAGE
	if (huge)
		(void)madvise((void *)p, n, MADV_HUGEPAGE);
#else
	(void)huge;
#endif
	for (i = 0; i < n; i += 4096)
		p[i] = 1;
	t1 = now();
	munmap((void *)p, n);
	return (double)n / (t1 - t0) / 1e9;
}

int
main(int argc, char **argv)
{
	long mb = argc > 1 ? strtol(argv[1], NULL, 10) : 256;
	double small, huge;

	if (mb < 1 || mb > 65536) {
		fputs("usage: fresh [MB]\n", stderr);
		return 2;
	}
	small = touch((size_t)mb << 20, 0);
	huge = touch((size_t)mb << 20, 1);
	if (small < 0 || huge < 0) {
		perror("fresh: mmap");
		return 1;
	}
	printf("fresh memory: %.2f GB/s in 4 KB pages, %.2f GB/s in 2 MB "
	    "pages\n", small, huge);
	return 0;
}
