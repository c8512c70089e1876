/* arena.c - bump allocator that owns everything one loaded plan needs. */
#define _GNU_SOURCE	/* MAP_ANONYMOUS, madvise, mremap */
#include <sys/mman.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "pool.h"

struct arena_chunk {
	struct arena_chunk	*next;
	size_t			 mapped;	/* bytes mmap'd, 0: malloc'd, or
						   CHUNK_POOLED */
	size_t			 size;		/* bytes of data */
	max_align_t		 data[];
};

/*
 * Big chunks are mapped with transparent huge pages where the kernel
 * offers them: a large plan then touches its memory in 2 MiB pages
 * instead of 4 KiB ones, which saves most of the page-fault time. Chunks
 * of 16 KB to 1 MB come from the pool (pool.h) once a process has taken
 * many, as a county of small plans does.
 */
#define ARENA_HUGE	(2u << 20)
#define CHUNK_POOLED	SIZE_MAX	/* mapped: a pool block */

#define ARENA_MIN_CHUNK	(16u << 10)
#define ARENA_MAX_CHUNK	(16u << 20)
#define ARENA_ALIGN	_Alignof(max_align_t)

_Noreturn void
arena_oom(void)
{
	fputs("pairplan: out of memory\n", stderr);
	exit(2);
}

void
arena_init(struct arena *a)
{
	memset(a, 0, sizeof(*a));
}

/*
 * Owned blocks of ARENA_OWN_MAPPED bytes or more have a mapping of their
 * own, in whole huge pages: a growing array then grows in place or moves
 * by mremap, without a copy, and its new pages come 2 MB at a time. In
 * the heap, each step of its growth was a copy into fresh pages, a
 * fault every 4 KB (a third of schedule's faults on a big plan).
 */
#ifdef ARENA_CHECKED
#define ARENA_OWN_MAPPED	SIZE_MAX	/* the sanitizers see malloc */
#else
#define ARENA_OWN_MAPPED	(2 * (size_t)ARENA_HUGE)
#endif

struct arena_owned {
	void		*p;
	size_t		 sz;	/* bytes asked for */
	bool		 mapped;	/* its own mapping, not the heap's */
};

static size_t
owned_maplen(size_t sz)
{
	if (sz > SIZE_MAX - ARENA_HUGE)
		arena_oom();
	return (sz + ARENA_HUGE - 1) & ~(size_t)(ARENA_HUGE - 1);
}

static void
owned_free(const struct arena_owned *o)
{
	if (o->mapped)
		munmap(o->p, owned_maplen(o->sz));
	else
		free(o->p);
}

static void arena_advise_huge(void *, size_t);

/* o's block as one of sz bytes, its bytes kept. */
static void
owned_resize(struct arena_owned *o, size_t sz)
{
	struct arena_owned n = { NULL, sz, sz >= ARENA_OWN_MAPPED };

	if (!n.mapped && !o->mapped) {
		if ((n.p = realloc(o->p, sz)) == NULL)
			arena_oom();
		*o = n;
		return;
	}
	if (n.mapped && o->mapped) {
		if (owned_maplen(sz) == owned_maplen(o->sz)) {
			o->sz = sz;
			return;
		}
#ifdef MREMAP_MAYMOVE
		n.p = mremap(o->p, owned_maplen(o->sz), owned_maplen(sz),
		    MREMAP_MAYMOVE);
		if (n.p == MAP_FAILED)
			arena_oom();
		arena_advise_huge(n.p, owned_maplen(sz));
		*o = n;
		return;
#endif
	}
	if (n.mapped) {
		n.p = mmap(NULL, owned_maplen(sz), PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (n.p == MAP_FAILED)
			arena_oom();
		arena_advise_huge(n.p, owned_maplen(sz));
	} else if ((n.p = malloc(sz)) == NULL)
		arena_oom();
	if (o->p != NULL)
		memcpy(n.p, o->p, o->sz < sz ? o->sz : sz);
	owned_free(o);
	*o = n;
}

static void
chunk_free(struct arena_chunk *c)
{
	if (c->mapped == CHUNK_POOLED)
		pool_put(c, pool_class(sizeof(*c) + c->size));
	else if (c->mapped)
		munmap(c, c->mapped);
	else
		free(c);
}

void
arena_release(struct arena *a)
{
	struct arena_chunk *c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		chunk_free(c);
	}
	while (a->nowned > 0)
		owned_free(&a->owned[--a->nowned]);
	free(a->owned);
	memset(a, 0, sizeof(*a));
}

/*
 * Big blocks in pages of 2 MB where the system gives them on request:
 * a page fault each 2 MB rather than each 4 KB, and the faults of a big
 * plan's model cost more than building it. Only the whole huge pages
 * inside the block are named; malloc keeps its header before them.
 */
static void
arena_advise_huge(void *p, size_t sz)
{
#ifdef MADV_HUGEPAGE
	uintptr_t from = ((uintptr_t)p + ARENA_HUGE - 1) &
	    ~(uintptr_t)(ARENA_HUGE - 1);
	uintptr_t to = ((uintptr_t)p + sz) & ~(uintptr_t)(ARENA_HUGE - 1);

	if (to > from)
		(void)madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
	(void)p;
	(void)sz;
#endif
}

static void
arena_grow(struct arena *a, size_t need)
{
	struct arena_chunk *c;
	size_t sz;

	/* Chunks double with the arena, up to a cap, so big plans use few. */
	sz = a->total < ARENA_MIN_CHUNK ? ARENA_MIN_CHUNK : a->total;
	if (sz > ARENA_MAX_CHUNK)
		sz = ARENA_MAX_CHUNK;
	if (need > SIZE_MAX - sizeof(*c) - ARENA_ALIGN)
		arena_oom();
	if (sz < need)
		sz = need;
	if (sz >= 2 * ARENA_HUGE) {
		size_t len = (sizeof(*c) + sz + ARENA_HUGE - 1) &
		    ~(size_t)(ARENA_HUGE - 1);
		void *m = mmap(NULL, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (m == MAP_FAILED)
			arena_oom();
#ifdef MADV_HUGEPAGE
		(void)madvise(m, len, MADV_HUGEPAGE);
#endif
		c = m;
		c->mapped = len;
		sz = len - sizeof(*c);
	} else {
		/* a pool block: a power of two bytes, header and all */
		unsigned k = pool_class(sz);

		if (k != 0 && ((size_t)1 << k) - sizeof(*c) < need)
			k = k < POOL_MAX_SHIFT ? k + 1 : 0;
		if (k != 0 && (c = pool_get(k, sizeof(*c) + sz)) != NULL) {
			c->mapped = CHUNK_POOLED;
			sz = ((size_t)1 << k) - sizeof(*c);
		} else if ((c = malloc(sizeof(*c) + sz)) != NULL)
			c->mapped = 0;
		else
			arena_oom();
	}
	c->size = sz;
	c->next = a->head;
	a->head = c;
	a->cur = (char *)c->data;
	a->end = a->cur + sz;
	a->total += sz;
}

#ifdef ARENA_CHECKED
/*
 * Under the sanitizers every allocation is its own malloc block, so that
 * AddressSanitizer sees an overflow of one object into the next.
 */
static void *
arena_checked(struct arena *a, size_t sz)
{
	struct arena_chunk *c;

	if (sz > SIZE_MAX - sizeof(*c) ||
	    (c = calloc(1, sizeof(*c) + sz)) == NULL)
		arena_oom();
	c->next = a->head;
	c->mapped = 0;
	a->head = c;
	a->total += sz;
	return c->data;
}
#endif

void *
arena_alloc(struct arena *a, size_t sz)
{
	return arena_alloc_align(a, sz, ARENA_ALIGN);
}

void *
arena_alloc_align(struct arena *a, size_t sz, size_t align)
{
	size_t pad;
	char *p;

#ifdef ARENA_CHECKED
	(void)align;
	return arena_checked(a, sz);
#endif

	/* a chunk's start is aligned for max_align_t, not more */
	if (align == 0 || align > ARENA_ALIGN || (align & (align - 1)) != 0)
		align = ARENA_ALIGN;
	if (sz == 0)
		sz = 1;
	pad = a->cur == NULL ? 0 : -(uintptr_t)a->cur & (align - 1);
	if (a->cur == NULL || (size_t)(a->end - a->cur) < sz ||
	    (size_t)(a->end - a->cur) - sz < pad) {
		arena_grow(a, sz);	/* a chunk's start suits any align */
		pad = 0;
	}
	p = a->cur + pad;
	a->cur = p + sz;
	memset(p, 0, sz);
	return p;
}

/*
 * Room for a string of len bytes and its NUL. Strings need no alignment:
 * they are taken from the end of the chunk, growing down, while aligned
 * objects grow up from the start.
 */
static char *
string_room(struct arena *a, size_t len)
{
	char *p;

	if (len == SIZE_MAX)
		arena_oom();
#ifdef ARENA_CHECKED
	p = arena_checked(a, len + 1);
	return p;
#endif
	if (a->cur == NULL || (size_t)(a->end - a->cur) < len + 1)
		arena_grow(a, len + 1);
	a->end -= len + 1;
	p = a->end;
	p[len] = '\0';
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = string_room(a, len);

	if (len > 0)
		memcpy(p, s, len);
	return p;
}

char *
arena_join(struct arena *a, const char *x, char sep, const char *y)
{
	size_t lx = strlen(x), ly = strlen(y);
	char *p;

	if (lx > SIZE_MAX - 2 - ly)
		arena_oom();
	p = string_room(a, lx + 1 + ly);
	memcpy(p, x, lx);
	p[lx] = sep;
	memcpy(p + lx + 1, y, ly);
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	char *p;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		arena_oom();
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_reset(struct arena *a)
{
	struct arena_chunk *keep = a->head, *c, *next;

	if (keep == NULL)
		return;
#ifdef ARENA_CHECKED
	keep = NULL;
#endif
	for (c = keep != NULL ? keep->next : a->head; c != NULL; c = next) {
		next = c->next;
		chunk_free(c);
	}
	if (keep == NULL) {
		memset(a, 0, sizeof(*a));
		return;
	}
	keep->next = NULL;
	a->head = keep;
	a->cur = (char *)keep->data;
	a->end = a->cur + keep->size;
	a->total = keep->size;
}

void
arena_adopt(struct arena *dst, struct arena *src)
{
	struct arena_chunk **tail;
	size_t ncap;

	/* behind dst's newest chunk, which dst goes on filling */
	for (tail = dst->head != NULL ? &dst->head->next : &dst->head;
	    *tail != NULL; tail = &(*tail)->next)
		;
	*tail = src->head;
	if (dst->cur == NULL && src->head != NULL) {
		dst->cur = src->cur;
		dst->end = src->end;
	}
	dst->total += src->total;
	if (src->nowned > dst->capowned - dst->nowned) {
		ncap = dst->nowned + src->nowned;
		if ((dst->owned = realloc(dst->owned, ncap *
		    sizeof(*dst->owned))) == NULL)
			arena_oom();
		dst->capowned = ncap;
	}
	if (src->nowned > 0)
		memcpy(dst->owned + dst->nowned, src->owned, src->nowned *
		    sizeof(*src->owned));
	dst->nowned += src->nowned;
	free(src->owned);
	memset(src, 0, sizeof(*src));
}

void *
arena_realloc_owned(struct arena *a, void *old, size_t sz)
{
	struct arena_owned *o;
	size_t i = a->nowned;

	if (sz == 0)
		sz = 1;
	if (old != NULL)
		while (i-- > 0 && a->owned[i].p != old)
			;
	if (old != NULL && i < a->nowned) {
		owned_resize(&a->owned[i], sz);
		return a->owned[i].p;
	}
	if (a->nowned == a->capowned) {
		size_t ncap = a->capowned ? a->capowned * 2 : 8;
		struct arena_owned *nv = realloc(a->owned, ncap * sizeof(*nv));

		if (nv == NULL)
			arena_oom();
		a->owned = nv;
		a->capowned = ncap;
	}
	/* a block of the caller's malloc, taken over: the heap's still */
	o = &a->owned[a->nowned++];
	o->p = old;
	o->sz = 0;
	o->mapped = false;
	if (old != NULL) {
		if ((o->p = realloc(old, sz)) == NULL)
			arena_oom();
		o->sz = sz;
	} else
		owned_resize(o, sz);
	return o->p;
}

void *
arena_settle_owned(struct arena *a, void *p, size_t sz)
{
	size_t i = a->nowned;
	void *c;

	if (p == NULL)
		return NULL;
	while (i-- > 0 && a->owned[i].p != p)
		;
	if (i >= a->nowned || sz > a->owned[i].sz)
		return p;	/* not an owned block: left as it is */
	c = arena_alloc(a, sz);
	memcpy(c, p, sz);
	owned_free(&a->owned[i]);
	a->owned[i] = a->owned[--a->nowned];
	return c;
}

/*
 * Growth by half again, through arena_realloc_owned: realloc can move a
 * big array without a copy, and no old copy is left in the arena.
 */
void *
avec_grow(struct arena *a, void *v, size_t *cap, size_t n, size_t itemsz)
{
	size_t ncap;

	if (n < *cap)
		return v;
	ncap = *cap ? *cap + *cap / 2 : 16;
	if (ncap > SIZE_MAX / itemsz)
		arena_oom();
	*cap = ncap;
	return arena_realloc_owned(a, v, ncap * itemsz);
}

void *
avec_push(struct arena *a, struct avec *v, size_t itemsz)
{
	char *it;

	v->v = avec_grow(a, v->v, &v->cap, v->n, itemsz);
	it = (char *)v->v + itemsz * v->n++;
	memset(it, 0, itemsz);
	return it;
}
