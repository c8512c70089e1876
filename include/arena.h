/* arena.h - bump allocator that owns everything one loaded plan needs. */
#ifndef PAIRPLAN_ARENA_H
#define PAIRPLAN_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;
struct arena_owned;

struct arena {
	struct arena_chunk *head;	/* newest chunk first */
	char *cur;			/* next free byte in head */
	char *end;			/* end of head */
	size_t total;			/* bytes obtained from malloc */
	struct arena_owned *owned;	/* arena_realloc_owned blocks */
	size_t	 nowned, capowned;
};

void	 arena_init(struct arena *);
void	 arena_release(struct arena *);

/*
 * Allocation never returns NULL: when memory runs out the process prints
 * "pairplan: out of memory" and exits with status 2 (see arena_oom).
 * Memory from arena_alloc is zeroed.
 */
void	*arena_alloc(struct arena *, size_t);
/*
 * The same aligned to align only, a power of two up to that of
 * max_align_t: for the small arrays a big plan has hundreds of thousands
 * of, where rounding each to 16 bytes would waste a third of them.
 */
void	*arena_alloc_align(struct arena *, size_t, size_t align);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_strdup(struct arena *, const char *);
/* x, then the byte sep, then y: "p2.1#shaliang" without a printf. */
char	*arena_join(struct arena *, const char *x, char sep, const char *y);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
char	*arena_vprintf(struct arena *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));

/*
 * Moves everything src holds into dst, which frees it on release; src is
 * left empty. For work done in an arena of its own on another thread,
 * whose results outlive it.
 */
void	 arena_adopt(struct arena *dst, struct arena *src);

/* Frees everything but the newest chunk, which is reused from its start. */
void	 arena_reset(struct arena *);
/*
 * realloc for a block the arena frees on release: for big growing arrays,
 * which realloc can move without copying where arena growth would leave
 * the old copies behind. As with realloc, the block may move on any call,
 * a shrink too (one of 4 MB or more leaves its own mapping for the heap):
 * only the pointer returned is good.
 */
void	*arena_realloc_owned(struct arena *, void *, size_t);

/*
 * The block of arena_realloc_owned p, copied into the arena's chunks and
 * freed: for an array done growing, whose slack and heap pages the next
 * one takes. The copy, which may move, is returned.
 */
void	*arena_settle_owned(struct arena *, void *p, size_t sz);

/*
 * The growing array, the one kind there is: room for one more item in
 * an array v of n items of itemsz bytes with room for *cap, growing it
 * (and *cap) when it is full; returns the array, which may have moved.
 * Its memory is the arena's (arena_realloc_owned) and is freed with it.
 * AVEC_PUSH(a, v, n, cap) appends to a typed array T *v and gives the
 * new, uninitialised item &v[n++]; struct avec is the same for an array
 * of any type, whose avec_push gives a zeroed item.
 */
void	*avec_grow(struct arena *, void *v, size_t *cap, size_t n,
	    size_t itemsz);
#define AVEC_PUSH(a, v, n, cap) \
	((v) = avec_grow((a), (v), &(cap), (n), sizeof(*(v))), &(v)[(n)++])

struct avec {
	void	*v;
	size_t	 n, cap;
};
void	*avec_push(struct arena *, struct avec *, size_t itemsz);

_Noreturn void arena_oom(void);

#endif
