/* jbuf.h - a buffered writer for long JSON outputs: pieces go to memory and reach the FILE in big blocks. */
#ifndef PAIRPLAN_JBUF_H
#define PAIRPLAN_JBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "date.h"

/*
 * What it writes is byte for byte what the jw and esc functions write to
 * a FILE; it only calls stdio once per block instead of several times per
 * item. Nothing else may write to fp until jbuf_flush.
 * With fp NULL, the buffer grows and is written nowhere.
 */
struct jbuf {
	FILE		*fp;
	char		*p;
	size_t		 n, cap;
	day_t		 last_day;	/* the date last written, */
	char		 last_text[16];	/* and its text */
	bool		 have_last;
};

void	 jbuf_init(struct jbuf *, FILE *);
/* A jbuf that only grows in memory (p, n): a piece written elsewhere. */
void	 jbuf_init_mem(struct jbuf *);
/*
 * Writes what is held to the FILE (nothing in memory); jbuf_done also
 * frees the buffer.
 */
void	 jbuf_flush(struct jbuf *);
void	 jbuf_done(struct jbuf *);
/* Writes what from holds, but its first skip bytes, after what b holds. */
void	 jbuf_append(struct jbuf *b, const struct jbuf *from, size_t skip);

void	 jbuf_put(struct jbuf *, const char *, size_t);
void	 jbuf_puts(struct jbuf *, const char *);
void	 jbuf_putc(struct jbuf *, char);
void	 jbuf_uint(struct jbuf *, uint64_t);
/* As esc_json: a JSON string with quotes; jbuf_str writes null for NULL. */
void	 jbuf_json(struct jbuf *, const char *);
void	 jbuf_str(struct jbuf *, const char *);
/* As jw_date and jw_span. */
void	 jbuf_date(struct jbuf *, day_t);
void	 jbuf_span(struct jbuf *, struct span);
/* As jw_item. */
void	 jbuf_item(struct jbuf *, bool *first, const char *ind);

#endif
