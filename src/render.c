/* render.c - the table of output formats, the selection of what is printed, and helpers the formats share. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "arena.h"
#include "plan.h"
#include "render.h"
#include "render_int.h"
#include "sched.h"

static const struct renderer *const renderers[] = {
	&render_table,
	&render_csv,
	&render_json,
	&render_ics,
	&render_md,
	&render_html,
	&render_svg,
};

#define NRENDERERS	(sizeof(renderers) / sizeof(renderers[0]))

const struct renderer *
render_find(const char *name)
{
	size_t i;

	for (i = 0; i < NRENDERERS; i++)
		if (strcmp(renderers[i]->name, name) == 0)
			return renderers[i];
	return NULL;
}

/* Names of the renderers that pass, comma-separated, into buf. */
static const char *
names(char *buf, size_t size, bool (*pass)(const struct renderer *))
{
	size_t i, n = 0;
	int k;

	if (buf[0] != '\0')
		return buf;
	for (i = 0; i < NRENDERERS; i++) {
		if (!pass(renderers[i]))
			continue;
		k = snprintf(buf + n, size - n, "%s%s", n ? ", " : "",
		    renderers[i]->name);
		if (k < 0 || (size_t)k >= size - n)
			break;
		n += (size_t)k;
	}
	return buf;
}

static bool
schedules(const struct renderer *r)
{
	return r->schedule != NULL;
}

/* What export takes: a document, or a schedule format but the table. */
static bool
exports(const struct renderer *r)
{
	return r->export != NULL || (r->schedule != NULL &&
	    r != &render_table);
}

const char *
render_names(void)
{
	static char buf[128];

	return names(buf, sizeof(buf), schedules);
}

const struct renderer *
render_find_export(const char *name)
{
	const struct renderer *r = render_find(name);

	return r != NULL && exports(r) ? r : NULL;
}

const char *
render_export_names(void)
{
	static char buf[128];

	return names(buf, sizeof(buf), exports);
}

/* --phase: a 1-based number, or a phase id of the series' plan. */
static bool
match_phase(const char *want, const struct plan *p, int32_t phase)
{
	const char *s;
	unsigned long n = 0;

	if (phase < 0 || (uint32_t)phase >= p->nphases)
		return false;
	if (strcmp(p->phases[phase].id, want) == 0)
		return true;
	for (s = want; *s >= '0' && *s <= '9'; s++) {
		n = n * 10 + (unsigned long)(*s - '0');
		if (n > UINT32_MAX)
			return false;
	}
	return s != want && *s == '\0' && n == (unsigned long)phase + 1;
}

static bool
match_person(const char *want, const struct plan *p,
    const struct sched_series *sr)
{
	uint32_t i;
	int32_t k;

	for (i = 0; i < sr->npeople; i++) {
		k = sr->people[i];
		if (k >= 0 && (uint32_t)k < p->npeople &&
		    strcmp(p->people[k].id, want) == 0)
			return true;
	}
	return false;
}

static bool
match_org(const char *want, const struct plan *p, int32_t org)
{
	const char *id = rs_org_id(p, org);

	return id != NULL && strcmp(id, want) == 0;
}

bool
sched_filter_match_span(const struct sched_filter *f,
    const struct schedule *s, const struct sched_series *sr, struct span d)
{
	const struct plan *p;

	if (f == NULL)
		return true;
	p = rs_plan(s, sr);
	if (f->has_from && d.to < f->from)
		return false;
	if (f->has_to && d.from > f->to)
		return false;
	if (f->phase != NULL && !match_phase(f->phase, p, sr->phase))
		return false;
	if (f->person != NULL && !match_person(f->person, p, sr))
		return false;
	if (f->partner != NULL && !match_org(f->partner, p, sr->partner) &&
	    !match_org(f->partner, p, sr->site))
		return false;
	return true;
}

bool
sched_filter_match(const struct sched_filter *f, const struct schedule *s,
    const struct sched_event *e)
{
	struct span d = { e->date, e->end };

	return sched_filter_match_span(f, s, e->series, d);
}

bool
sched_filter_match_quota(const struct sched_filter *f,
    const struct schedule *s, const struct sched_quota *q)
{
	const struct plan *p;

	if (f == NULL)
		return true;
	if (f->has_from && q->period.to < f->from)
		return false;
	if (f->has_to && q->period.from > f->to)
		return false;
	if (f->person != NULL) {
		p = s->plans[q->plan];
		if (q->person < 0 || (uint32_t)q->person >= p->npeople ||
		    strcmp(p->people[q->person].id, f->person) != 0)
			return false;
	}
	return true;
}

/* ---- helpers of the formats ------------------------------------------ */

static void
sbuf_grow(struct sbuf *b, size_t more)
{
	size_t cap;
	char *p;

	if (b->n + more + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < b->n + more + 1) {
		if (cap > SIZE_MAX / 2)
			arena_oom();
		cap *= 2;
	}
	if ((p = realloc(b->p, cap)) == NULL)
		arena_oom();
	b->p = p;
	b->cap = cap;
}

void
sbuf_add(struct sbuf *b, const char *s, size_t len)
{
	sbuf_grow(b, len);
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

void
sbuf_puts(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void
sbuf_putc(struct sbuf *b, char c)
{
	sbuf_add(b, &c, 1);
}

void
sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	sbuf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

void
sbuf_clear(struct sbuf *b)
{
	b->n = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

void
sbuf_free(struct sbuf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

const char *const rs_weekday_abbr[7] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};

size_t
rs_display_width(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t k;
	utf8proc_int32_t c;
	size_t w = 0;
	int cw;

	while (len > 0) {
		k = utf8proc_iterate(p, (utf8proc_ssize_t)len, &c);
		if (k <= 0) {		/* not UTF-8: one column a byte */
			w++;
			p++;
			len--;
			continue;
		}
		cw = utf8proc_charwidth(c);
		w += cw > 0 ? (size_t)cw : 0;
		p += k;
		len -= (size_t)k;
	}
	return w;
}

void
rs_xml_text(FILE *fp, const char *s)
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

const struct plan *
rs_plan(const struct schedule *s, const struct sched_series *sr)
{
	return s->plans[sr->plan];
}

const char *
rs_org_id(const struct plan *p, int32_t i)
{
	return i >= 0 && (uint32_t)i < p->norgs ? p->orgs[i].id : NULL;
}

const char *
rs_phase_id(const struct plan *p, int32_t i)
{
	return i >= 0 && (uint32_t)i < p->nphases ? p->phases[i].id : NULL;
}

static bool
rs_english(const struct plan *p)
{
	return p->lang != NULL && strcmp(p->lang, "en") == 0;
}

const char *
rs_site_name(const struct plan *p, int32_t i)
{
	if (i >= 0 && (uint32_t)i < p->norgs)
		return p->orgs[i].name != NULL ? p->orgs[i].name :
		    p->orgs[i].id;
	return rs_english(p) ? "online" : "线上";
}

const char *
rs_name_sep(const struct plan *p)
{
	return rs_english(p) ? ", " : "、";
}

void
rs_title(struct sbuf *b, const struct sched_series *sr, uint32_t occurrence)
{
	sbuf_puts(b, sr->title != NULL ? sr->title : "");
	if (sr->of > 1)
		sbuf_printf(b, " (%u/%u)", occurrence, sr->of);
}

void
rs_people_names(struct sbuf *b, const struct plan *p,
    const struct sched_series *sr)
{
	const char *sep = rs_name_sep(p);
	uint32_t i, n = 0;
	int32_t k;

	for (i = 0; i < sr->npeople; i++) {
		k = sr->people[i];
		if (k < 0 || (uint32_t)k >= p->npeople)
			continue;
		if (n++ > 0)
			sbuf_puts(b, sep);
		sbuf_puts(b, p->people[k].name != NULL ? p->people[k].name :
		    p->people[k].id);
	}
}

void
rs_date(day_t d, char *buf)
{
	date_format(d, buf);
}
