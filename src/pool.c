/* pool.c - blocks of 16 KB to 1 MB in pages of 2 MB, for arena chunks, once a process takes many. */
#define _DEFAULT_SOURCE	/* MAP_ANONYMOUS, madvise */
#include <sys/mman.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "pool.h"

/*
 * A county of small plans, each in arena chunks of 16 and 32 KB from
 * malloc, faults in a page every 4 KB; on a virtual machine that first
 * touch of a page can cost more than the work done in it. The pool carves
 * its blocks from mappings in pages of 2 MB instead. A small run never
 * reaches it, since clearing a 2 MB page would be its dearest step. Blocks
 * given back go on a list by size for the next arena of any thread; the
 * mappings last as long as the process.
 */
#define POOL_AFTER	(4u << 20)	/* bytes asked for before the pool */
#define POOL_HUGE	(2u << 20)
#define POOL_REGION	(32u << 20)

struct pool_free {
	struct pool_free	*next;
};

static struct {
	pthread_mutex_t		 mu;
	size_t			 asked;		/* bytes, while off */
	bool			 on;
	char			*cur, *end;	/* the mapping being carved */
	struct pool_free	*free[POOL_MAX_SHIFT + 1];
} pool = { .mu = PTHREAD_MUTEX_INITIALIZER };

unsigned
pool_class(size_t sz)
{
	unsigned k = POOL_MIN_SHIFT;

	if (sz > (size_t)1 << POOL_MAX_SHIFT)
		return 0;
	while (((size_t)1 << k) < sz)
		k++;
	return k;
}

/* With the lock: [p, p + len) onto the lists, in blocks as big as fit. */
static void
spare(char *p, size_t len)
{
	struct pool_free *f;
	unsigned k;

	for (k = POOL_MAX_SHIFT; k >= POOL_MIN_SHIFT; k--)
		for (; len >= (size_t)1 << k; p += (size_t)1 << k,
		    len -= (size_t)1 << k) {
			f = (struct pool_free *)(void *)p;
			f->next = pool.free[k];
			pool.free[k] = f;
		}
}

/* With the lock: a new mapping to carve, its start on a 2 MB boundary. */
static bool
map_region(void)
{
	void *m = mmap(NULL, POOL_REGION + POOL_HUGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (m == MAP_FAILED)
		return false;
	spare(pool.cur, (size_t)(pool.end - pool.cur));
	pool.cur = (char *)(((uintptr_t)m + POOL_HUGE - 1) &
	    ~(uintptr_t)(POOL_HUGE - 1));
	pool.end = pool.cur + POOL_REGION;
#ifdef MADV_HUGEPAGE
	(void)madvise(pool.cur, POOL_REGION, MADV_HUGEPAGE);
#endif
	return true;
}

void *
pool_get(unsigned k, size_t sz)
{
	struct pool_free *f;
	void *p = NULL;

	pthread_mutex_lock(&pool.mu);
	if (!pool.on) {
		pool.asked += sz;
		pool.on = pool.asked >= POOL_AFTER;
	} else if ((f = pool.free[k]) != NULL) {
		pool.free[k] = f->next;
		p = f;
	} else if ((size_t)(pool.end - pool.cur) >= (size_t)1 << k ||
	    map_region()) {
		p = pool.cur;
		pool.cur += (size_t)1 << k;
	}
	pthread_mutex_unlock(&pool.mu);
	return p;
}

void
pool_put(void *p, unsigned k)
{
	struct pool_free *f = p;

	pthread_mutex_lock(&pool.mu);
	f->next = pool.free[k];
	pool.free[k] = f;
	pthread_mutex_unlock(&pool.mu);
}
