/* ics.h - RFC 5545 pieces the calendar outputs share: folded lines, escaped text, dates, stamps, working-day rows. */
#ifndef PAIRPLAN_ICS_H
#define PAIRPLAN_ICS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "date.h"

struct cal_row;
struct sbuf;

/*
 * One content line, folded (§3.1): at most 75 octets a line, CRLF ends,
 * continuation lines starting with a space, never inside a UTF-8
 * character.
 */
void	 ics_line(FILE *, const char *, size_t len);
/* TEXT (§3.3.11) appended to b: backslash, ; , and newlines escaped. */
void	 ics_text(struct sbuf *b, const char *);
/* NAME:TEXT as one folded line; b is scratch. */
void	 ics_prop(FILE *, struct sbuf *b, const char *name, const char *text);
/* "YYYYMMDD" into buf (at least 9 bytes). */
void	 ics_date(char *buf, size_t size, day_t);
/*
 * The all-day span first..last: DTSTART and DTEND, or DURATION when the
 * day after last is past 9999-12-31, which a DATE cannot hold.
 */
void	 ics_dates(FILE *, day_t first, day_t last);
/*
 * DTSTAMP: SOURCE_DATE_EPOCH (seconds since the epoch, UTC) when it is
 * set and valid, else midnight UTC of fallback: never the clock.
 */
void	 ics_stamp(char *buf, size_t size, day_t fallback);
/* BEGIN:VCALENDAR with its version, product and scale; END:VCALENDAR. */
void	 ics_begin(FILE *);
void	 ics_end(FILE *);
/* FNV-1a, 32 bits: a short stable tag for UIDs. */
uint32_t ics_tag(const char *);

/*
 * The rows of a working-day calendar (cal_row, by date) as all-day
 * VEVENTs, a run of consecutive days with the same status, name, source
 * and sites as one: SUMMARY "春节（休）" or "春节（班）", the sites after
 * the name when the row is for some sites only, TRANSP:TRANSPARENT, UID
 * "day-YYYYMMDD[-SITE...]@TAG.pairplan". b and v are scratch.
 */
void	 ics_day_rows(FILE *, const struct cal_row *, size_t n,
	    const char *stamp, uint32_t tag, struct sbuf *b, struct sbuf *v);

#endif
