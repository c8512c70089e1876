/* strmap.h - string-keyed hash map of int32 values, in an arena. */
#ifndef PAIRPLAN_STRMAP_H
#define PAIRPLAN_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

struct strmap_slot {
	const char	*key;	/* NULL: empty; not copied, must outlive the map */
	uint32_t	 len;
	uint32_t	 hash;
	int32_t		 val;
};

struct strmap {
	struct arena		*arena;
	struct strmap_slot	*slots;
	uint32_t		 cap, n;	/* cap is a power of two */
};

void	 strmap_init(struct strmap *, struct arena *);
/*
 * The value slot for key (len bytes), inserting it with value -1 when it
 * is new; *existed tells which.
 */
int32_t	*strmap_put(struct strmap *, const char *key, size_t len,
	    bool *existed);
/* The same, giving the slot, whose key the caller may replace by a copy. */
struct strmap_slot *strmap_slot(struct strmap *, const char *key, size_t len,
	    bool *existed);
/* Makes room for n entries at once. */
void	 strmap_reserve(struct strmap *, size_t n);
/* Gives a big table back to the arena at once; the map is empty after. */
void	 strmap_release(struct strmap *);
/* The value for key, or -1. */
int32_t	 strmap_get(const struct strmap *, const char *key, size_t len);
uint32_t strmap_hash(const char *, size_t);

/*
 * An index of strings that live in the caller's array: key(ctx, i) is the
 * i-th, NUL-terminated. A slot holds a hash and an index, 8 bytes where a
 * strmap's take 24, for the hundreds of thousands of activity ids of a big
 * plan; a key is read only when its hash matches.
 */
struct strindex {
	struct arena	*arena;
	uint64_t	*slots;		/* hash << 32 | (index + 1); 0: empty */
	uint32_t	 cap, n;	/* cap is a power of two */
	const char	*(*key)(const void *ctx, uint32_t i);
	const void	*ctx;
};

/* Room for n keys (it grows past them); the arena's until released. */
void	 strindex_init(struct strindex *, struct arena *, size_t n,
	    const char *(*key)(const void *, uint32_t), const void *ctx);
/* Adds key i unless an equal key is in: returns that one's index, or -1. */
int32_t	 strindex_add(struct strindex *, uint32_t i);
/* The index of key (len bytes), or -1. */
int32_t	 strindex_get(const struct strindex *, const char *key, size_t len);
void	 strindex_release(struct strindex *);

#endif
