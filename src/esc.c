/* esc.c - text escaped for the formats that quote it: JSON strings, XML, CSV, plain text. */
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "esc.h"
#include "sbuf.h"

/*
 * The escape for the character at p (avail bytes left) when it is a
 * control character: written to out (NUL-terminated), and the bytes it
 * takes returned; 0 when it is not one.
 */
static size_t
esc_control(const unsigned char *p, size_t avail, bool keep_space,
    char out[8])
{
	static const char hex[] = "0123456789abcdef";

	if (*p < 0x20 || *p == 0x7f) {
		if (keep_space && (*p == '\t' || *p == '\n' || *p == '\r'))
			return 0;
		if (*p == '\n' || *p == '\t' || *p == '\r') {
			out[0] = '\\';
			out[1] = *p == '\n' ? 'n' : *p == '\t' ? 't' : 'r';
			out[2] = '\0';
		} else
			snprintf(out, 8, "\\x%c%c", hex[*p >> 4], hex[*p & 15]);
		return 1;
	}
	/* U+0080..U+009F: C2 80..C2 9F */
	if (*p == 0xc2 && avail > 1 && p[1] >= 0x80 && p[1] <= 0x9f) {
		snprintf(out, 8, "\\u00%c%c", hex[p[1] >> 4], hex[p[1] & 15]);
		return 2;
	}
	return 0;
}

void
esc_text(FILE *fp, const char *s, bool keep_space)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	size_t len = strlen(s), k;
	char e[8];

	while (len > 0) {
		if ((*p >= 0x20 && *p < 0x7f && *p != 0xc2) ||
		    (k = esc_control(p, len, keep_space, e)) == 0) {
			p++;
			len--;
			continue;
		}
		fwrite(run, 1, (size_t)(p - run), fp);
		fputs(e, fp);
		p += k;
		len -= k;
		run = p;
	}
	fwrite(run, 1, (size_t)(p - run), fp);
}

void
esc_text_sbuf(struct sbuf *b, const char *s, size_t len, bool keep_space)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	size_t k;
	char e[8];

	while (len > 0) {
		if ((k = esc_control(p, len, keep_space, e)) == 0) {
			p++;
			len--;
			continue;
		}
		sbuf_add(b, (const char *)run, (size_t)(p - run));
		sbuf_puts(b, e);
		p += k;
		len -= k;
		run = p;
	}
	sbuf_add(b, (const char *)run, (size_t)(p - run));
}

bool
esc_has_control(const char *s, size_t len, bool keep_space)
{
	const unsigned char *p = (const unsigned char *)s;
	char e[8];

	for (; len > 0; p++, len--)
		if ((*p < 0x20 || *p == 0x7f || *p == 0xc2) &&
		    esc_control(p, len, keep_space, e) != 0)
			return true;
	return false;
}

/* What esc_xml writes for c in place of itself, or NULL: c as it is. */
static const char *
xml_entity(utf8proc_int32_t c)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&#39;";
	default:
		if ((c < 0x20 && c != '\n') || c == 0x7f || c == 0xfffe ||
		    c == 0xffff)
			return " ";
		return NULL;
	}
}

/* Runs of characters written as they are go out in one write. */
void
esc_xml(FILE *fp, const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s, *run = p;
	utf8proc_ssize_t k, len = (utf8proc_ssize_t)strlen(s);
	utf8proc_int32_t c;
	const char *e;

	while (len > 0) {
		k = utf8proc_iterate(p, len, &c);
		e = k <= 0 ? "\xef\xbf\xbd" : xml_entity(c);	/* U+FFFD */
		if (k <= 0)
			k = 1;
		if (e != NULL) {
			fwrite(run, 1, (size_t)(p - run), fp);
			fputs(e, fp);
			run = p + k;
		}
		p += k;
		len -= k;
	}
	fwrite(run, 1, (size_t)(p - run), fp);
}

/* Writes s as a JSON string; runs of plain characters go out in one write. */
void
esc_json(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run;

	putc('"', fp);
	while (*p != '\0') {
		for (run = p; *p >= 0x20 && *p != '"' && *p != '\\'; p++)
			;
		if (p > run)
			fwrite(run, 1, (size_t)(p - run), fp);
		switch (*p) {
		case '\0':
			break;
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			fprintf(fp, "\\u%04x", *p);
			break;
		}
		if (*p != '\0')
			p++;
	}
	putc('"', fp);
}

/*
 * Whether a spreadsheet would read the cell as a formula: it starts with
 * =, +, -, @, a tab or a carriage return (the plan "-" of standard input
 * is the one exception: alone, a minus is text).
 */
static bool
csv_formula(const char *s)
{
	return (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL) &&
	    strcmp(s, "-") != 0;
}

/*
 * A field, quoted when it holds a comma, a quote, CR or LF; NULL is
 * empty. A field a spreadsheet would take for a formula gets a leading
 * apostrophe, which makes it text; control characters other than tab,
 * newline and carriage return are written as visible escapes.
 */
void
esc_csv_sbuf(struct sbuf *out, const char *s, bool first)
{
	struct sbuf b = { 0 };
	const char *p, *run;

	if (!first)
		sbuf_putc(out, ',');
	if (s == NULL)
		return;
	if (csv_formula(s) || esc_has_control(s, strlen(s), true)) {
		if (csv_formula(s))
			sbuf_putc(&b, '\'');
		esc_text_sbuf(&b, s, strlen(s), true);
		s = b.p;
	}
	if (strpbrk(s, ",\"\r\n") == NULL)
		sbuf_puts(out, s);
	else {
		/* each quote doubled: the run up to it, then the quote */
		sbuf_putc(out, '"');
		for (run = s; (p = strchr(run, '"')) != NULL; run = p + 1) {
			sbuf_add(out, run, (size_t)(p - run) + 1);
			sbuf_putc(out, '"');
		}
		sbuf_puts(out, run);
		sbuf_putc(out, '"');
	}
	sbuf_free(&b);
}

void
esc_csv_field(FILE *fp, const char *s, bool first)
{
	struct sbuf b = { 0 };

	/* most fields need nothing done */
	if (s != NULL && strpbrk(s, ",\"\r\n") == NULL && !csv_formula(s) &&
	    !esc_has_control(s, strlen(s), true)) {
		if (!first)
			putc(',', fp);
		fputs(s, fp);
		return;
	}
	esc_csv_sbuf(&b, s, first);
	if (b.n > 0)
		fwrite(b.p, 1, b.n, fp);
	sbuf_free(&b);
}
