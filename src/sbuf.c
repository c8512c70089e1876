/* sbuf.c - a growing string on the heap, for text built piece by piece. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "sbuf.h"

/* ---- helpers of the formats ------------------------------------------ */

static void
sbuf_grow(struct sbuf *b, size_t more)
{
	size_t cap;
	char *p;

	if (b->n + more + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < b->n + more + 1) {
		if (cap > SIZE_MAX / 2)
			arena_oom();
		cap *= 2;
	}
	if ((p = realloc(b->p, cap)) == NULL)
		arena_oom();
	b->p = p;
	b->cap = cap;
}

void
sbuf_add(struct sbuf *b, const char *s, size_t len)
{
	sbuf_grow(b, len);
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

void
sbuf_puts(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void
sbuf_putc(struct sbuf *b, char c)
{
	sbuf_add(b, &c, 1);
}

void
sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	sbuf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

char *
sbuf_udec(char *end, uint64_t v)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	return end;
}

void
sbuf_putu(struct sbuf *b, uint64_t v)
{
	char tmp[SBUF_UDIGITS], *p = sbuf_udec(tmp + sizeof(tmp), v);

	sbuf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

void
sbuf_clear(struct sbuf *b)
{
	b->n = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

void
sbuf_free(struct sbuf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}
