/* diag.c - diagnostics as data: collected with position and rule, sorted, printed in one place. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "catalog.h"
#include "diag.h"
#include "esc.h"

void
diags_init(struct diags *d, struct arena *a, const char *file)
{
	memset(d, 0, sizeof(*d));
	d->arena = a;
	d->file = file;
	budget_init_unbounded(&d->budget);
}

/* FNV-1a over bytes, continuing from h. */
static uint64_t
fnv64(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n-- > 0) {
		h ^= *s++;
		h *= 0x100000001b3ull;
	}
	return h;
}

/*
 * Adds fingerprint h to the set: false when it was there already, i.e.
 * the same message at the same place came before. 0 marks a free slot.
 */
static bool
fp_insert(struct diags *d, uint64_t h)
{
	size_t i, mask;

	if (h == 0)
		h = 1;
	if ((d->fpn + 1) * 4 > d->fpcap * 3) {	/* three quarters full */
		uint64_t *old = d->fp;
		size_t oldcap = d->fpcap, j;

		d->fpcap = oldcap ? oldcap * 2 : 1024;
		d->fp = arena_realloc_owned(d->arena, NULL,
		    d->fpcap * sizeof(*d->fp));
		memset(d->fp, 0, d->fpcap * sizeof(*d->fp));
		for (j = 0; j < oldcap; j++)
			if (old[j] != 0) {
				mask = d->fpcap - 1;
				for (i = old[j] & mask; d->fp[i] != 0;
				    i = (i + 1) & mask)
					;
				d->fp[i] = old[j];
			}
		if (old != NULL)
			arena_realloc_owned(d->arena, old, 1);
	}
	mask = d->fpcap - 1;
	for (i = h & mask; d->fp[i] != 0; i = (i + 1) & mask)
		if (d->fp[i] == h)
			return false;
	d->fp[i] = h;
	d->fpn++;
	return true;
}

/* Formats into d->buf; returns the length. */
static size_t
format(struct diags *d, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	for (;;) {
		va_copy(aq, ap);
		n = vsnprintf(d->buf, d->bufcap, fmt, aq);
		va_end(aq);
		if (n < 0)
			n = 0;
		if ((size_t)n < d->bufcap)
			return (size_t)n;
		d->bufcap = (size_t)n + 256;
		d->buf = arena_realloc_owned(d->arena, d->buf, d->bufcap);
	}
}

static bool
is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/*
 * The message in the arena, each quoted value longer than DIAG_MAX_VALUE
 * characters cut to DIAG_MAX_VALUE - 1 of them and "…". A quote opens a
 * value after a character that is not part of a word, and closes it
 * before one ("a mentorship's" holds no value).
 */
static const char *
shorten(struct diags *d, const char *m, size_t len)
{
	const unsigned char *s = (const unsigned char *)m;
	char *out, *o;
	size_t i, j, k, chars;

	for (i = 0; i < len; i++)
		if (s[i] == '\'' && (i == 0 || !is_word(s[i - 1])))
			break;
	if (len <= DIAG_MAX_VALUE || i == len)
		return arena_strndup(d->arena, m, len);
	/* "…" is 3 bytes; at least 2 characters of a long value go */
	o = out = arena_alloc(d->arena, len + len / DIAG_MAX_VALUE * 2 + 4);
	for (i = 0; i < len; ) {
		if (s[i] != '\'' || (i > 0 && is_word(s[i - 1]))) {
			*o++ = (char)s[i++];
			continue;
		}
		/* the closing quote, and the value's length in characters */
		for (j = i + 1, chars = 0; j < len; j++) {
			if (s[j] == '\'' && (j + 1 == len || !is_word(s[j + 1])))
				break;
			chars += (s[j] & 0xC0) != 0x80;
		}
		if (j == len || chars <= DIAG_MAX_VALUE) {
			memcpy(o, s + i, j - i);
			o += j - i;
			i = j;
			if (i < len)
				*o++ = (char)s[i++];
			continue;
		}
		*o++ = '\'';
		for (k = i + 1, chars = 0; ; k++) {
			if ((s[k] & 0xC0) != 0x80 &&
			    ++chars > DIAG_MAX_VALUE - 1)
				break;
			*o++ = (char)s[k];
		}
		memcpy(o, "\xe2\x80\xa6'", 4);
		o += 4;
		i = j + 1;
	}
	*o = '\0';
	return out;
}

static int diag_cmp(const void *, const void *);

/* Heap of the kept diagnostics once full: the last in file order on top. */
static void
sift_down(struct diag *v, size_t n, size_t i)
{
	struct diag t;
	size_t c;

	for (;;) {
		c = 2 * i + 1;
		if (c >= n)
			return;
		if (c + 1 < n && diag_cmp(&v[c + 1], &v[c]) > 0)
			c++;
		if (diag_cmp(&v[c], &v[i]) <= 0)
			return;
		t = v[i];
		v[i] = v[c];
		v[c] = t;
		i = c;
	}
}

/* One more not kept: counted, and the first of them in file order noted. */
static void
drop(struct diags *d, const struct diag *g)
{
	if (d->dropped++ == 0 || diag_cmp(g, &d->drop) < 0)
		d->drop = *g;
}

/*
 * Adds a diagnostic of file (NULL: the diags' own), unless it repeats
 * one at the same place. The first DIAG_MAX_KEPT in file order are kept:
 * once that many are, one that comes before the last of them takes its
 * place, while the messages so given up stay under DIAG_MAX_GIVEN_UP
 * bytes. A repeat or a diagnostic not kept gives the sink, which
 * diag_set_note ignores.
 */
static struct diag *
diag_push(struct diags *d, const char *file, enum rule_id rule,
    uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
	struct diag *g, key;
	uint64_t h;
	size_t len, i;

	len = format(d, fmt, ap);
	h = fnv64(0xcbf29ce484222325ull, file != NULL ? file : "", file !=
	    NULL ? strlen(file) + 1 : 0);
	h = fnv64(h, &line, sizeof(line));
	h = fnv64(h, &col, sizeof(col));
	h = fnv64(h, &rule, sizeof(rule));
	h = fnv64(h, d->buf, len);
	h ^= h >> 33;		/* spread the low bits, which index the set */
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	if (!fp_insert(d, h))
		return &d->sink;
	d->count[rule_catalogue[rule].severity]++;
	memset(&key, 0, sizeof(key));
	key.file = file;
	key.line = line;
	key.col = col;
	key.rule = rule;
	key.seq = d->seq < UINT32_MAX ? d->seq++ : UINT32_MAX;
	if (d->n >= DIAG_MAX_KEPT) {
		/* the heap is put right here, not while a note may follow */
		if (!d->heaped) {
			for (i = d->n / 2; i-- > 0;)
				sift_down(d->v, d->n, i);
			d->heaped = true;
		} else if (d->top_moved)
			sift_down(d->v, d->n, 0);
		d->top_moved = false;
	}
	if (d->n < DIAG_MAX_KEPT) {
		g = AVEC_PUSH(d->arena, d->v, d->n, d->cap);
		budget_charge(&d->budget, 1);
	} else if (d->given_up < DIAG_MAX_GIVEN_UP &&
	    diag_cmp(&key, &d->v[0]) < 0) {
		g = &d->v[0];
		d->given_up += strlen(g->msg) +
		    (g->note != NULL ? strlen(g->note) : 0);
		drop(d, g);
		d->top_moved = true;
	} else {
		drop(d, &key);
		return &d->sink;
	}
	*g = key;
	g->msg = shorten(d, d->buf, len);
	return g;
}

struct diag *
diag_vadd(struct diags *d, enum rule_id rule, uint32_t line, uint32_t col,
    const char *fmt, va_list ap)
{
	return diag_push(d, NULL, rule, line, col, fmt, ap);
}

struct diag *
diag_add(struct diags *d, enum rule_id rule, uint32_t line, uint32_t col,
    const char *fmt, ...)
{
	struct diag *g;
	va_list ap;

	va_start(ap, fmt);
	g = diag_push(d, NULL, rule, line, col, fmt, ap);
	va_end(ap);
	return g;
}

struct diag *
diag_vadd_in(struct diags *d, const char *file, enum rule_id rule,
    uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
	return diag_push(d, file, rule, line, col, fmt, ap);
}

struct diag *
diag_add_in(struct diags *d, const char *file, enum rule_id rule,
    uint32_t line, uint32_t col, const char *fmt, ...)
{
	struct diag *g;
	va_list ap;

	va_start(ap, fmt);
	g = diag_push(d, file, rule, line, col, fmt, ap);
	va_end(ap);
	return g;
}

void
diag_set_note(struct diags *d, struct diag *g, uint32_t line, uint32_t col,
    const char *fmt, ...)
{
	va_list ap;
	size_t len;

	if (g == &d->sink)
		return;
	g->note_line = line;
	g->note_col = col;
	va_start(ap, fmt);
	len = format(d, fmt, ap);
	va_end(ap);
	g->note = shorten(d, d->buf, len);
}

/* The file a diagnostic is in. */
static const char *
diag_file(const struct diags *d, const struct diag *g)
{
	return g->file != NULL ? g->file : d->file;
}

static int
diag_cmp(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c;

	/* The file's own diagnostics first, then those of other files. */
	if (x->file != y->file) {
		if (x->file == NULL || y->file == NULL)
			return x->file == NULL ? -1 : 1;
		if ((c = strcmp(x->file, y->file)) != 0)
			return c;
	}
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * Sorts into file order and drops repeats of the same message at the same
 * place (a node reached twice through an alias is reported once).
 */
void
diags_sort(struct diags *d)
{
	size_t i, k;

	if (d->n < 2)
		return;
	qsort(d->v, d->n, sizeof(d->v[0]), diag_cmp);
	for (i = 1, k = 1; i < d->n; i++) {
		const struct diag *a = &d->v[k - 1], *b = &d->v[i];

		if (strcmp(diag_file(d, a), diag_file(d, b)) == 0 &&
		    a->line == b->line && a->col == b->col &&
		    a->rule == b->rule && strcmp(a->msg, b->msg) == 0) {
			d->count[rule_catalogue[b->rule].severity]--;
			continue;
		}
		d->v[k++] = *b;
	}
	d->n = k;
}

const char *
diags_too_many(const struct diags *d)
{
	static char msg[96];

	snprintf(msg, sizeof(msg), "too many diagnostics: %zu more not shown "
	    "(the first %d are)", d->dropped, DIAG_MAX_KEPT);
	return msg;
}

enum severity
diag_severity(const struct diag *g, bool strict)
{
	return strict ? SEV_ERROR : rule_catalogue[g->rule].severity;
}

bool
diags_has_errors(const struct diags *d, bool strict)
{
	return d->count[SEV_ERROR] > 0 ||
	    (strict && d->count[SEV_WARNING] > 0);
}

void
diags_print_text(const struct diags *d, const struct diag_out *o)
{
	static const char *const colour[SEV__COUNT] = {
		"\033[1;35m", "\033[1;31m"
	};
	const struct diag *g;
	enum severity sev;
	size_t i;

	for (i = 0; i < d->n; i++) {
		g = &d->v[i];
		sev = diag_severity(g, o->strict);
		esc_text(o->fp, diag_file(d, g), false);
		fprintf(o->fp, ":%u:%u: %s%s%s: ", g->line, g->col,
		    o->color ? colour[sev] : "", severity_name(sev),
		    o->color ? "\033[0m" : "");
		esc_text(o->fp, g->msg, false);
		fprintf(o->fp, " [%s]\n", rule_catalogue[g->rule].id);
		if (g->note != NULL) {
			esc_text(o->fp, diag_file(d, g), false);
			fprintf(o->fp, ":%u:%u: %snote%s: ", g->note_line,
			    g->note_col, o->color ? "\033[1;36m" : "",
			    o->color ? "\033[0m" : "");
			esc_text(o->fp, g->note, false);
			putc('\n', o->fp);
		}
	}
	if (d->dropped > 0) {
		esc_text(o->fp, diag_file(d, &d->drop), false);
		fprintf(o->fp, ":%u:%u: %snote%s: %s\n", d->drop.line,
		    d->drop.col, o->color ? "\033[1;36m" : "",
		    o->color ? "\033[0m" : "", diags_too_many(d));
	}
}

void
diags_print_json(const struct diags *d, const struct diag_out *o,
    bool *first)
{
	const struct diag *g;
	size_t i;

	for (i = 0; i < d->n; i++) {
		g = &d->v[i];
		fputs(*first ? "\n  " : ",\n  ", o->fp);
		*first = false;
		fputs("{\"file\": ", o->fp);
		esc_json(o->fp, diag_file(d, g));
		fprintf(o->fp, ", \"line\": %u, \"column\": %u, \"severity\": "
		    "\"%s\", \"rule\": \"%s\", \"message\": ", g->line, g->col,
		    severity_name(diag_severity(g, o->strict)),
		    rule_catalogue[g->rule].id);
		esc_json(o->fp, g->msg);
		if (g->note != NULL) {
			fprintf(o->fp, ", \"note\": {\"line\": %u, "
			    "\"column\": %u, \"message\": ", g->note_line,
			    g->note_col);
			esc_json(o->fp, g->note);
			putc('}', o->fp);
		}
		putc('}', o->fp);
	}
	if (d->dropped > 0) {
		fputs(*first ? "\n  " : ",\n  ", o->fp);
		*first = false;
		fputs("{\"file\": ", o->fp);
		esc_json(o->fp, diag_file(d, &d->drop));
		fprintf(o->fp, ", \"line\": %u, \"column\": %u, \"severity\": "
		    "\"note\", \"rule\": \"%s\", \"message\": ", d->drop.line,
		    d->drop.col, rule_catalogue[R_LIMIT].id);
		esc_json(o->fp, diags_too_many(d));
		putc('}', o->fp);
	}
}

/* ---- SARIF 2.1.0 ------------------------------------------------------ */

#define SARIF_SCHEMA	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/" \
	"os/schemas/sarif-schema-2.1.0.json"

void
diags_sarif_begin(FILE *fp, const char *tool_version)
{
	size_t i;

	fprintf(fp, "{\"$schema\": \"%s\",\n \"version\": \"2.1.0\",\n"
	    " \"runs\": [{\"tool\": {\"driver\": {\"name\": \"pairplan\", "
	    "\"version\": ", SARIF_SCHEMA);
	esc_json(fp, tool_version);
	fputs(", \"rules\": [", fp);
	for (i = 0; i < R__COUNT; i++) {
		fputs(i == 0 ? "\n   " : ",\n   ", fp);
		fputs("{\"id\": ", fp);
		esc_json(fp, rule_catalogue[i].id);
		fputs(", \"shortDescription\": {\"text\": ", fp);
		esc_json(fp, rule_catalogue[i].doc);
		fprintf(fp, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
		    severity_name(rule_catalogue[i].severity));
	}
	fputs("]}},\n \"columnKind\": \"unicodeCodePoints\",\n"
	    " \"results\": [", fp);
}

/*
 * A file name as a URI reference: bytes other than the unreserved
 * characters and '/' percent-encoded (RFC 3986), an absolute path as a
 * file: URI.
 */
static void
sarif_uri(FILE *fp, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)path;

	putc('"', fp);
	if (*p == '/')
		fputs("file://", fp);
	for (; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~' || *p == '/')
			putc(*p, fp);
		else {
			putc('%', fp);
			putc(hex[*p >> 4], fp);
			putc(hex[*p & 15], fp);
		}
	}
	putc('"', fp);
}

/* {"physicalLocation": ...}, without a region for the file as a whole. */
static void
sarif_location(FILE *fp, const char *file, uint32_t line, uint32_t col)
{
	fputs("\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", fp);
	sarif_uri(fp, file);
	putc('}', fp);
	if (line > 0) {
		fprintf(fp, ", \"region\": {\"startLine\": %u", line);
		if (col > 0)
			fprintf(fp, ", \"startColumn\": %u", col);
		putc('}', fp);
	}
	putc('}', fp);
}

void
diags_print_sarif(const struct diags *d, const struct diag_out *o,
    bool *first)
{
	const struct diag *g;
	size_t i;

	for (i = 0; i < d->n; i++) {
		g = &d->v[i];
		fputs(*first ? "\n  " : ",\n  ", o->fp);
		*first = false;
		fprintf(o->fp, "{\"ruleId\": \"%s\", \"ruleIndex\": %d, "
		    "\"level\": \"%s\", \"message\": {\"text\": ",
		    rule_catalogue[g->rule].id, (int)g->rule,
		    severity_name(diag_severity(g, o->strict)));
		esc_json(o->fp, g->msg);
		fputs("}, \"locations\": [{", o->fp);
		sarif_location(o->fp, diag_file(d, g), g->line, g->col);
		fputs("}]", o->fp);
		if (g->note != NULL) {
			fputs(", \"relatedLocations\": [{\"id\": 1, ", o->fp);
			sarif_location(o->fp, diag_file(d, g), g->note_line,
			    g->note_col);
			fputs(", \"message\": {\"text\": ", o->fp);
			esc_json(o->fp, g->note);
			fputs("}}]", o->fp);
		}
		putc('}', o->fp);
	}
}

void
diags_sarif_end(FILE *fp, bool first, const char *const *files,
    const char *const *why, size_t nfailed)
{
	size_t i;

	fprintf(fp, "%s],\n \"invocations\": [{\"executionSuccessful\": %s, "
	    "\"toolExecutionNotifications\": [", first ? "" : "\n ",
	    nfailed == 0 ? "true" : "false");
	for (i = 0; i < nfailed; i++) {
		fputs(i == 0 ? "\n  " : ",\n  ", fp);
		fputs("{\"level\": \"error\", \"message\": {\"text\": ", fp);
		esc_json(fp, why[i]);
		fputs("}, \"locations\": [{", fp);
		sarif_location(fp, files[i], 0, 0);
		fputs("}]}", fp);
	}
	fprintf(fp, "%s]}]}]}\n", nfailed == 0 ? "" : "\n ");
}
