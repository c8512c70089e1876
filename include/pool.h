/* pool.h - blocks of 16 KB to 1 MB in pages of 2 MB, for arena chunks, once a process takes many. */
#ifndef PAIRPLAN_POOL_H
#define PAIRPLAN_POOL_H

#include <stddef.h>

#define POOL_MIN_SHIFT	14	/* blocks of 1 << k bytes, k in [MIN, MAX] */
#define POOL_MAX_SHIFT	20

/* The k of the smallest block of sz bytes or more, or 0 past 1 MB. */
unsigned pool_class(size_t sz);
/*
 * A block of 1 << k bytes, not zeroed, or NULL: take sz bytes from malloc
 * instead. NULL while the process has asked for fewer than POOL_AFTER
 * bytes (pool.c), sz counting towards them, so that a small run keeps to
 * malloc; or when no memory could be mapped. Safe from any thread.
 */
void	*pool_get(unsigned k, size_t sz);
/* Gives back a block of pool_get, for the next of its size. */
void	 pool_put(void *, unsigned k);

#endif
