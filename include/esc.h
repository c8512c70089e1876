/* esc.h - text escaped for the formats that quote it: JSON strings, XML, CSV, plain text. */
#ifndef PAIRPLAN_ESC_H
#define PAIRPLAN_ESC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct sbuf;

/* Writes s as a JSON string with quotes. */
void	 esc_json(FILE *, const char *);

/*
 * Text as XML character data or an attribute value: &, <, >, " and '
 * escaped; characters XML cannot hold (controls, bytes that are not
 * UTF-8) become a space or U+FFFD.
 */
void	 esc_xml(FILE *, const char *);

/*
 * Text for a terminal or a text file, with every control character made
 * visible: newline as \n, tab as \t, carriage return as \r, other C0
 * characters and DEL as \xHH, C1 characters (U+0080..U+009F) as \uHHHH;
 * with keep_space (CSV, which quotes them), tab, newline and carriage
 * return are written as they are.
 */
void	 esc_text(FILE *, const char *, bool keep_space);
void	 esc_text_sbuf(struct sbuf *, const char *, size_t len,
	    bool keep_space);
/* Whether s[0..len) holds a character that esc_text would escape. */
bool	 esc_has_control(const char *, size_t len, bool keep_space);

/*
 * One RFC 4180 field, after a comma unless first; NULL is empty. Quoted
 * when it holds a comma, a quote, CR or LF; a field a spreadsheet would
 * take for a formula (= + - @ tab CR first, but a lone "-") gets a leading
 * apostrophe; other control characters are made visible as by esc_text.
 */
void	 esc_csv_field(FILE *, const char *, bool first);
/* The same, appended to a string: a prefix written on many lines. */
void	 esc_csv_sbuf(struct sbuf *, const char *, bool first);

#endif
