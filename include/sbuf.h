/* sbuf.h - a growing string on the heap, for text built piece by piece. */
#ifndef PAIRPLAN_SBUF_H
#define PAIRPLAN_SBUF_H

#include <stddef.h>

/* A growing NUL-terminated string on the heap; no call fails. */
struct sbuf {
	char	*p;
	size_t	 n, cap;
};

void	 sbuf_add(struct sbuf *, const char *, size_t);
void	 sbuf_puts(struct sbuf *, const char *);
void	 sbuf_putc(struct sbuf *, char);
void	 sbuf_printf(struct sbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 sbuf_clear(struct sbuf *);
void	 sbuf_free(struct sbuf *);

#endif
