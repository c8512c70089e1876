/* esc.h - text escaped for the formats that quote it: JSON strings, XML. */
#ifndef PAIRPLAN_ESC_H
#define PAIRPLAN_ESC_H

#include <stdio.h>

/* Writes s as a JSON string with quotes. */
void	 esc_json(FILE *, const char *);

/*
 * Text as XML character data or an attribute value: &, <, >, " and '
 * escaped; characters XML cannot hold (controls, bytes that are not
 * UTF-8) become a space or U+FFFD.
 */
void	 esc_xml(FILE *, const char *);

#endif
