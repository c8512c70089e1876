/* jbuf.c - a buffered writer for long JSON outputs: pieces go to memory and reach the FILE in big blocks. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "jbuf.h"
#include "sbuf.h"

#define JBUF_BLOCK	(256u << 10)

void
jbuf_init(struct jbuf *b, FILE *fp)
{
	memset(b, 0, sizeof(*b));
	b->fp = fp;
	b->cap = JBUF_BLOCK;
	if ((b->p = malloc(b->cap)) == NULL)
		arena_oom();
}

void
jbuf_init_mem(struct jbuf *b)
{
	jbuf_init(b, NULL);
}

void
jbuf_flush(struct jbuf *b)
{
	if (b->fp == NULL)
		return;
	if (b->n > 0)
		fwrite(b->p, 1, b->n, b->fp);
	b->n = 0;
}

void
jbuf_append(struct jbuf *b, const struct jbuf *from, size_t skip)
{
	if (skip >= from->n)
		return;
	if (b->fp == NULL) {
		jbuf_put(b, from->p + skip, from->n - skip);
		return;
	}
	jbuf_flush(b);
	fwrite(from->p + skip, 1, from->n - skip, b->fp);
}

void
jbuf_done(struct jbuf *b)
{
	jbuf_flush(b);
	free(b->p);
	b->p = NULL;
	b->cap = 0;
}

/*
 * Room for len more bytes: a flush, or a bigger buffer for a long piece;
 * in memory, a buffer twice as big.
 */
static void
jbuf_room(struct jbuf *b, size_t len)
{
	size_t need = len;
	char *np;

	if (b->cap - b->n >= len)
		return;
	if (b->fp == NULL) {
		if (len > SIZE_MAX / 2 - b->n)
			arena_oom();
		need = b->n + len;
		if (need < b->cap * 2)
			need = b->cap * 2;
	} else {
		jbuf_flush(b);
		if (b->cap >= len)
			return;
	}
	if ((np = realloc(b->p, need)) == NULL)
		arena_oom();
	b->p = np;
	b->cap = need;
}

void
jbuf_put(struct jbuf *b, const char *s, size_t len)
{
	jbuf_room(b, len);
	memcpy(b->p + b->n, s, len);
	b->n += len;
}

void
jbuf_puts(struct jbuf *b, const char *s)
{
	jbuf_put(b, s, strlen(s));
}

void
jbuf_putc(struct jbuf *b, char c)
{
	if (b->n == b->cap)
		jbuf_room(b, 1);
	b->p[b->n++] = c;
}

void
jbuf_uint(struct jbuf *b, uint64_t v)
{
	char tmp[SBUF_UDIGITS], *p = sbuf_udec(tmp + sizeof(tmp), v);

	jbuf_put(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

/* The bytes a JSON string escapes, and NUL, which ends it: 1. */
static const unsigned char jstop[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, ['\\'] = 1,
};

void
jbuf_json(struct jbuf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s, *run;
	char u[6] = { '\\', 'u', '0', '0', 0, 0 };

	jbuf_putc(b, '"');
	while (*p != '\0') {
		for (run = p; !jstop[*p]; p++)
			;
		if (p > run)
			jbuf_put(b, (const char *)run, (size_t)(p - run));
		switch (*p) {
		case '\0':
			continue;
		case '"':
			jbuf_put(b, "\\\"", 2);
			break;
		case '\\':
			jbuf_put(b, "\\\\", 2);
			break;
		case '\n':
			jbuf_put(b, "\\n", 2);
			break;
		case '\r':
			jbuf_put(b, "\\r", 2);
			break;
		case '\t':
			jbuf_put(b, "\\t", 2);
			break;
		default:
			u[4] = hex[*p >> 4];
			u[5] = hex[*p & 15];
			jbuf_put(b, u, 6);
			break;
		}
		p++;
	}
	jbuf_putc(b, '"');
}

void
jbuf_str(struct jbuf *b, const char *s)
{
	if (s == NULL)
		jbuf_put(b, "null", 4);
	else
		jbuf_json(b, s);
}

void
jbuf_date(struct jbuf *b, day_t d)
{
	/* events come by date: the last one is mostly the next one too */
	if (!b->have_last || b->last_day != d) {
		date_format(d, b->last_text + 1);
		b->last_text[0] = '"';
		b->last_text[11] = '"';
		b->last_day = d;
		b->have_last = true;
	}
	jbuf_put(b, b->last_text, 12);
}

void
jbuf_span(struct jbuf *b, struct span s)
{
	jbuf_putc(b, '[');
	jbuf_date(b, s.from);
	jbuf_put(b, ", ", 2);
	jbuf_date(b, s.to);
	jbuf_putc(b, ']');
}

void
jbuf_item(struct jbuf *b, bool *first, const char *ind)
{
	if (!*first)
		jbuf_putc(b, ',');
	jbuf_putc(b, '\n');
	jbuf_puts(b, ind);
	jbuf_put(b, "  ", 2);
	*first = false;
}
