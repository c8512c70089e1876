/* ics.c - RFC 5545 pieces the calendar outputs share: folded lines, escaped text, dates, stamps, working-day rows. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cal.h"
#include "date.h"
#include "ics.h"
#include "sbuf.h"

#define ICS_FOLD	75		/* octets a line, without CRLF */

void
ics_line(FILE *fp, const char *s, size_t len)
{
	size_t room = ICS_FOLD, cut;

	for (;;) {
		if (len <= room) {
			fwrite(s, 1, len, fp);
			fputs("\r\n", fp);
			return;
		}
		cut = room;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == 0)		/* not UTF-8: cut where it must */
			cut = room;
		fwrite(s, 1, cut, fp);
		fputs("\r\n ", fp);
		s += cut;
		len -= cut;
		room = ICS_FOLD - 1;
	}
}

void
ics_text(struct sbuf *b, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '\\':
		case ';':
		case ',':
			sbuf_putc(b, '\\');
			sbuf_putc(b, (char)*p);
			break;
		case '\r':
			if (p[1] == '\n')
				p++;
			/* FALLTHROUGH */
		case '\n':
			sbuf_puts(b, "\\n");
			break;
		default:
			/* Control characters are not allowed in TEXT. */
			if (*p >= 0x20 && *p != 0x7F)
				sbuf_putc(b, (char)*p);
			else if (*p == '\t')
				sbuf_putc(b, ' ');
		}
	}
}

void
ics_prop(FILE *fp, struct sbuf *b, const char *name, const char *text)
{
	sbuf_clear(b);
	sbuf_puts(b, name);
	sbuf_putc(b, ':');
	ics_text(b, text);
	ics_line(fp, b->p, b->n);
}

void
ics_date(char *buf, size_t size, day_t d)
{
	int y, m, dd;

	date_to_civil(d, &y, &m, &dd);
	snprintf(buf, size, "%04d%02d%02d", y, m, dd);
}

void
ics_dates(FILE *fp, day_t first, day_t last)
{
	char day[16];
	int y;

	ics_date(day, sizeof(day), first);
	fprintf(fp, "DTSTART;VALUE=DATE:%s\r\n", day);
	date_to_civil(last + 1, &y, NULL, NULL);
	if (y >= 1 && y <= 9999) {
		ics_date(day, sizeof(day), last + 1);
		fprintf(fp, "DTEND;VALUE=DATE:%s\r\n", day);
	} else	/* a DATE after 9999-12-31 cannot be written */
		fprintf(fp, "DURATION:P%ldD\r\n", (long)last - (long)first +
		    1);
}

void
ics_stamp(char *buf, size_t size, day_t fallback)
{
	long long t;
	int y, m, d;
	day_t day;

	if (date_source_epoch(&t)) {
		day = (day_t)(t / 86400);
		t %= 86400;
	} else {
		day = fallback;
		t = 0;
	}
	date_to_civil(day, &y, &m, &d);
	snprintf(buf, size, "%04d%02d%02dT%02d%02d%02dZ", y, m, d,
	    (int)(t / 3600), (int)(t / 60 % 60), (int)(t % 60));
}

void
ics_begin(FILE *fp)
{
	fputs("BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    "PRODID:-//pairplan//pairplan 0.1//EN\r\n"
	    "CALSCALE:GREGORIAN\r\n", fp);
}

void
ics_end(FILE *fp)
{
	fputs("END:VCALENDAR\r\n", fp);
}

uint32_t
ics_tag(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

/* Two rows of one run: the same but for the day. */
static bool
ics_same_kind(const struct cal_row *a, const struct cal_row *b)
{
	uint32_t i;

	if (a->working != b->working || a->source != b->source ||
	    strcmp(a->name, b->name) != 0 || a->nat != b->nat ||
	    (a->at == NULL) != (b->at == NULL))
		return false;
	for (i = 0; i < a->nat; i++)
		if (strcmp(a->at[i], b->at[i]) != 0)
			return false;
	return true;
}

void
ics_day_rows(FILE *fp, const struct cal_row *rows, size_t n,
    const char *stamp, uint32_t tag, struct sbuf *b, struct sbuf *v)
{
	char day[16];
	size_t i, last, m;
	uint32_t a;
	bool *used;

	if ((used = calloc(n + 1, sizeof(*used))) == NULL)
		arena_oom();
	for (i = 0; i < n; i++) {
		if (used[i])
			continue;
		/* the run: rows of the same kind on the days that follow */
		for (last = i;; last = m) {
			for (m = last + 1; m < n &&
			    rows[m].day <= rows[last].day + 1; m++)
				if (!used[m] &&
				    rows[m].day == rows[last].day + 1 &&
				    ics_same_kind(&rows[i], &rows[m]))
					break;
			if (m >= n || rows[m].day != rows[last].day + 1)
				break;
			used[m] = true;
		}
		fputs("BEGIN:VEVENT\r\n", fp);
		sbuf_clear(v);
		ics_date(day, sizeof(day), rows[i].day);
		sbuf_printf(v, "day-%s", day);
		for (a = 0; a < rows[i].nat; a++)
			sbuf_printf(v, "-%s", rows[i].at[a]);
		sbuf_printf(v, "@%08x.pairplan", tag);
		ics_prop(fp, b, "UID", v->p);
		fprintf(fp, "DTSTAMP:%s\r\n", stamp);
		ics_dates(fp, rows[i].day, rows[last].day);
		sbuf_clear(v);
		sbuf_printf(v, "%s（%s）", rows[i].name, rows[i].working ?
		    "班" : "休");
		for (a = 0; a < rows[i].nat; a++)
			sbuf_printf(v, "%s%s", a ? "、" : " ", rows[i].at[a]);
		ics_prop(fp, b, "SUMMARY", v->p);
		sbuf_clear(v);
		sbuf_printf(v, "%s, %s", rows[i].working ? "work" : "off",
		    cal_source_name(rows[i].source));
		ics_prop(fp, b, "DESCRIPTION", v->p);
		ics_prop(fp, b, "CATEGORIES", rows[i].working ? "workday" :
		    "holiday");
		fputs("TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n", fp);
	}
	free(used);
}
