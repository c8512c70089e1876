/* sbuf.h - a growing string on the heap, for text built piece by piece. */
#ifndef PAIRPLAN_SBUF_H
#define PAIRPLAN_SBUF_H

#include <stddef.h>
#include <stdint.h>

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
/* v in decimal, without printf: tables print hundreds of thousands. */
void	 sbuf_putu(struct sbuf *, uint64_t v);
void	 sbuf_clear(struct sbuf *);

/* The most decimal digits of a uint64_t. */
#define SBUF_UDIGITS	20
/* Writes v in decimal to end on: returns where its digits start. */
char	*sbuf_udec(char *end, uint64_t v);
void	 sbuf_free(struct sbuf *);

#endif
