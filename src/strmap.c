/* strmap.c - string-keyed hash map of int32 values, in an arena. */
#include <string.h>

#include "arena.h"
#include "strmap.h"

static uint64_t
load64(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

static uint64_t
load32(const char *p)
{
	uint32_t w;

	memcpy(&w, p, 4);
	return w;
}

/*
 * Eight bytes at a time, then mixed: keys are short and hashed often. The
 * last bytes are read with loads that may overlap bytes already read (len
 * is mixed in), not copied byte by byte: a copy of a variable length is a
 * call, and the load that follows it waits for its stores. The two rounds
 * at the end spread every byte over the low bits, which pick the slot:
 * with one, keys such as "id-1", "id-2", ... filled a tenth of the slots.
 */
uint32_t
strmap_hash(const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ len;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		h = (h ^ load64(s + i)) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
	}
	if (i < len) {
		if (len >= 8)
			h ^= load64(s + len - 8);
		else if (len >= 4)
			h ^= load32(s) | load32(s + len - 4) << 32;
		else
			h ^= (uint64_t)(unsigned char)s[0] |
			    (uint64_t)(unsigned char)s[len / 2] << 8 |
			    (uint64_t)(unsigned char)s[len - 1] << 16;
	}
	h *= 0xC4CEB9FE1A85EC53ull;
	h ^= h >> 32;
	h *= 0xD6E8FEB86659FD93ull;
	h ^= h >> 32;
	return (uint32_t)h;
}

void
strmap_init(struct strmap *m, struct arena *a)
{
	memset(m, 0, sizeof(*m));
	m->arena = a;
}

static struct strmap_slot *
strmap_find(const struct strmap *m, const char *key, size_t len,
    uint32_t h)
{
	uint32_t i, mask = m->cap - 1;
	struct strmap_slot *s;

	for (i = h & mask;; i = (i + 1) & mask) {
		s = &m->slots[i];
		if (s->key == NULL)
			return s;
		if (s->hash == h && s->len == len &&
		    (s->key == key || memcmp(s->key, key, len) == 0))
			return s;
	}
}

/*
 * Tables of STRMAP_OWN_MIN slots or more are the arena's owned blocks
 * (arena_realloc_owned), given back when the table grows: in the arena,
 * every old copy of a big table would stay until the arena goes.
 */
#define STRMAP_OWN_MIN	4096u

/* A zeroed table of cap slots of size bytes (strmap's and strindex's). */
static void *
table_new(struct arena *a, uint32_t cap, size_t size)
{
	size_t bytes = (size_t)cap * size;
	void *t;

	if (cap < STRMAP_OWN_MIN)
		return arena_alloc(a, bytes);
	t = arena_realloc_owned(a, NULL, bytes);
	memset(t, 0, bytes);
	return t;
}

/* Gives a big table back; a small one stays in the arena. */
static void
table_free(struct arena *a, void *t, uint32_t cap)
{
	if (cap >= STRMAP_OWN_MIN)
		arena_realloc_owned(a, t, 1);
}

static void
strmap_resize(struct strmap *m, uint32_t ncap)
{
	struct strmap_slot *old = m->slots, *s;
	uint32_t i, ocap = m->cap;

	m->slots = table_new(m->arena, ncap, sizeof(*s));
	m->cap = ncap;
	for (i = 0; i < ocap; i++) {
		if (old[i].key == NULL)
			continue;
		s = strmap_find(m, old[i].key, old[i].len, old[i].hash);
		*s = old[i];
	}
	table_free(m->arena, old, ocap);
}

static void
strmap_grow(struct strmap *m)
{
	if (m->cap >= UINT32_MAX / 2 + 1)
		arena_oom();
	strmap_resize(m, m->cap ? m->cap * 2 : 16);
}

struct strmap_slot *
strmap_slot(struct strmap *m, const char *key, size_t len, bool *existed)
{
	struct strmap_slot *s;
	uint32_t h = strmap_hash(key, len);

	if ((m->n + 1) * 4 > m->cap * 3)
		strmap_grow(m);
	s = strmap_find(m, key, len, h);
	*existed = s->key != NULL;
	if (!*existed) {
		s->key = key;
		s->len = (uint32_t)len;
		s->hash = h;
		s->val = -1;
		m->n++;
	}
	return s;
}

int32_t *
strmap_put(struct strmap *m, const char *key, size_t len, bool *existed)
{
	return &strmap_slot(m, key, len, existed)->val;
}

int32_t
strmap_get(const struct strmap *m, const char *key, size_t len)
{
	const struct strmap_slot *s;

	if (m->cap == 0)
		return -1;
	s = strmap_find(m, key, len, strmap_hash(key, len));
	return s->key == NULL ? -1 : s->val;
}

void
strmap_reserve(struct strmap *m, size_t n)
{
	uint64_t cap = m->cap ? m->cap : 16;

	/* one step to the size the doubling would reach */
	while (cap * 3 < ((uint64_t)n + 1) * 4)
		cap *= 2;
	if (cap > UINT32_MAX / 2 + 1)
		arena_oom();
	if (cap != m->cap)
		strmap_resize(m, (uint32_t)cap);
}

void
strmap_release(struct strmap *m)
{
	table_free(m->arena, m->slots, m->cap);
	m->slots = NULL;
	m->cap = m->n = 0;
}

static void
strindex_resize(struct strindex *x, uint32_t ncap)
{
	uint64_t *old = x->slots;
	uint32_t i, j, ocap = x->cap, mask = ncap - 1;

	x->slots = table_new(x->arena, ncap, sizeof(*x->slots));
	x->cap = ncap;
	for (i = 0; i < ocap; i++) {
		if (old[i] == 0)
			continue;
		for (j = (uint32_t)(old[i] >> 32) & mask; x->slots[j] != 0;
		    j = (j + 1) & mask)
			;
		x->slots[j] = old[i];
	}
	table_free(x->arena, old, ocap);
}

void
strindex_init(struct strindex *x, struct arena *a, size_t n,
    const char *(*key)(const void *, uint32_t), const void *ctx)
{
	uint64_t cap = 16;

	memset(x, 0, sizeof(*x));
	x->arena = a;
	x->key = key;
	x->ctx = ctx;
	while (cap * 3 < ((uint64_t)n + 1) * 4)
		cap *= 2;
	if (cap > UINT32_MAX / 2 + 1)
		arena_oom();
	x->cap = (uint32_t)cap;
	x->slots = table_new(a, x->cap, sizeof(*x->slots));
}

/* The slot of key (len bytes, hash h): its entry's, or the empty one. */
static uint64_t *
strindex_find(const struct strindex *x, const char *key, size_t len,
    uint32_t h)
{
	uint32_t i, mask = x->cap - 1;
	uint64_t *s;

	for (i = h & mask;; i = (i + 1) & mask) {
		s = &x->slots[i];
		if (*s == 0)
			return s;
		if ((uint32_t)(*s >> 32) == h) {
			const char *k = x->key(x->ctx, (uint32_t)*s - 1);

			if (strncmp(k, key, len) == 0 && k[len] == '\0')
				return s;
		}
	}
}

int32_t
strindex_add(struct strindex *x, uint32_t i)
{
	const char *key = x->key(x->ctx, i);
	size_t len = strlen(key);
	uint32_t h = strmap_hash(key, len);
	uint64_t *s;

	if (i >= INT32_MAX)
		arena_oom();
	if (((uint64_t)x->n + 1) * 4 > (uint64_t)x->cap * 3) {
		if (x->cap >= UINT32_MAX / 2 + 1)
			arena_oom();
		strindex_resize(x, x->cap * 2);
	}
	s = strindex_find(x, key, len, h);
	if (*s != 0)
		return (int32_t)((uint32_t)*s - 1);
	*s = (uint64_t)h << 32 | ((uint64_t)i + 1);
	x->n++;
	return -1;
}

int32_t
strindex_get(const struct strindex *x, const char *key, size_t len)
{
	const uint64_t *s;

	if (x->cap == 0)
		return -1;
	s = strindex_find(x, key, len, strmap_hash(key, len));
	return *s == 0 ? -1 : (int32_t)((uint32_t)*s - 1);
}

void
strindex_release(struct strindex *x)
{
	table_free(x->arena, x->slots, x->cap);
	x->slots = NULL;
	x->cap = x->n = 0;
}
