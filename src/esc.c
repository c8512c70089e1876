/* esc.c - text escaped for the formats that quote it: JSON strings, XML. */
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "esc.h"

void
esc_xml(FILE *fp, const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t k, len = (utf8proc_ssize_t)strlen(s);
	utf8proc_int32_t c;

	while (len > 0) {
		k = utf8proc_iterate(p, len, &c);
		if (k <= 0) {
			fputs("\xef\xbf\xbd", fp);	/* U+FFFD */
			p++;
			len--;
			continue;
		}
		switch (c) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			if ((c < 0x20 && c != '\n') || c == 0x7f ||
			    c == 0xfffe || c == 0xffff)
				putc(' ', fp);
			else
				fwrite(p, 1, (size_t)k, fp);
			break;
		}
		p += k;
		len -= k;
	}
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
