/* render_ics.c - the events of a schedule as an RFC 5545 calendar of all-day events. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "plan.h"
#include "render.h"
#include "render_util.h"
#include "sbuf.h"
#include "sched.h"
#include "sched_filter.h"

#define ICS_FOLD	75		/* octets a line, without CRLF */
#define ICS_MAX_EPOCH	253402300799LL	/* 9999-12-31T23:59:59Z */

/*
 * Writes one content line, folded (RFC 5545 §3.1): at most 75 octets a
 * line, continuation lines starting with a space, never inside a UTF-8
 * character.
 */
static void
ics_emit(FILE *fp, const char *s, size_t len)
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

/* TEXT (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped. */
static void
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

static void
ics_prop(FILE *fp, struct sbuf *b, const char *name, const char *text)
{
	sbuf_clear(b);
	sbuf_puts(b, name);
	sbuf_putc(b, ':');
	ics_text(b, text);
	ics_emit(fp, b->p, b->n);
}

static void
ics_date(char *buf, size_t size, day_t d)
{
	int y, m, dd;

	date_to_civil(d, &y, &m, &dd);
	snprintf(buf, size, "%04d%02d%02d", y, m, dd);
}

/* The last day a DATE value holds: 9999-12-31. */
static bool
ics_date_ok(day_t d)
{
	int y;

	date_to_civil(d, &y, NULL, NULL);
	return y >= 1 && y <= 9999;
}

/* FNV-1a, 32 bits: a short stable tag of the plan's file name. */
static uint32_t
fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

/*
 * DTSTAMP: SOURCE_DATE_EPOCH (seconds since the epoch, UTC) when it is
 * set and valid, else midnight UTC of the first plan's first day: never
 * the clock, so that the same input gives the same bytes.
 */
static void
ics_stamp(char *buf, size_t size, const struct schedule *s)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long long t = -1;
	const char *p;
	int y, m, d;
	day_t day;

	if (env != NULL && *env != '\0') {
		for (t = 0, p = env; *p >= '0' && *p <= '9'; p++) {
			t = t * 10 + (*p - '0');
			if (t > ICS_MAX_EPOCH)
				break;
		}
		if (*p != '\0' || t > ICS_MAX_EPOCH)
			t = -1;
	}
	if (t >= 0) {
		day = (day_t)(t / 86400);
		t %= 86400;
	} else {
		day = s->nplans > 0 && s->plans[0]->has_period ?
		    s->plans[0]->period.from : 0;
		t = 0;
	}
	date_to_civil(day, &y, &m, &d);
	snprintf(buf, size, "%04d%02d%02dT%02d%02d%02dZ", y, m, d,
	    (int)(t / 3600), (int)(t / 60 % 60), (int)(t % 60));
}

/*
 * The tag of each plan in the UIDs: a hash of its file name, and when an
 * earlier plan has the same (the same file given twice), "-2", "-3" ...
 * so that no two events share a UID.
 */
static char *
ics_tags(const struct schedule *s)
{
	char *tags;
	uint32_t *h;
	size_t i, j, k;

	if ((tags = calloc(s->nplans + 1, 24)) == NULL ||
	    (h = calloc(s->nplans + 1, sizeof(*h))) == NULL)
		arena_oom();
	for (i = 0; i < s->nplans; i++) {
		h[i] = fnv1a(s->plans[i]->file);
		for (j = k = 0; j < i; j++)
			k += h[j] == h[i];
		if (k == 0)
			snprintf(tags + 24 * i, 24, "%08x", h[i]);
		else
			snprintf(tags + 24 * i, 24, "%08x-%zu", h[i], k + 1);
	}
	free(h);
	return tags;
}

static void
ics_event(FILE *fp, const struct schedule *s, const struct sched_event *e,
    const char *stamp, const char *tags, struct sbuf *b, struct sbuf *v)
{
	const struct sched_series *sr = e->series;
	const struct plan *p = rs_plan(s, sr);
	char day[16];

	fputs("BEGIN:VEVENT\r\n", fp);
	sbuf_clear(v);
	sbuf_printf(v, "%s/%u@%s.pairplan", sr->id, e->occurrence,
	    tags + 24 * sr->plan);
	ics_prop(fp, b, "UID", v->p);
	fprintf(fp, "DTSTAMP:%s\r\n", stamp);
	ics_date(day, sizeof(day), e->date);
	fprintf(fp, "DTSTART;VALUE=DATE:%s\r\n", day);
	/* a DATE after 9999-12-31 cannot be written: a duration then */
	if (ics_date_ok(e->end + 1)) {
		ics_date(day, sizeof(day), e->end + 1);
		fprintf(fp, "DTEND;VALUE=DATE:%s\r\n", day);
	} else
		fprintf(fp, "DURATION:P%ldD\r\n",
		    (long)e->end - (long)e->date + 1);
	sbuf_clear(v);
	rs_title(v, sr, e->occurrence);
	ics_prop(fp, b, "SUMMARY", v->p);
	ics_prop(fp, b, "LOCATION", rs_site_name(p, sr->site));
	sbuf_clear(v);
	rs_people_names(v, p, sr);
	if (v->n > 0)
		ics_prop(fp, b, "DESCRIPTION", v->p);
	if (sr->kind != NULL)
		ics_prop(fp, b, "CATEGORIES", sr->kind);
	fputs("END:VEVENT\r\n", fp);
}

static bool
ics_schedule(FILE *fp, const struct schedule *s,
    const struct sched_filter *f)
{
	struct sbuf b = { 0 }, v = { 0 };
	char stamp[32], *tags = ics_tags(s);
	size_t i;

	ics_stamp(stamp, sizeof(stamp), s);
	fputs("BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    "PRODID:-//pairplan//pairplan 0.1//EN\r\n"
	    "CALSCALE:GREGORIAN\r\n", fp);
	for (i = 0; i < s->nevents; i++)
		if (sched_filter_match(f, s, &s->events[i]))
			ics_event(fp, s, &s->events[i], stamp, tags, &b, &v);
	fputs("END:VCALENDAR\r\n", fp);
	sbuf_free(&b);
	sbuf_free(&v);
	free(tags);
	return fflush(fp) == 0 && !ferror(fp);
}

const struct renderer render_ics = { "ics", ics_schedule, NULL };
