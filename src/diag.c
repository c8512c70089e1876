/* diag.c - diagnostics as data: collected with position and rule, sorted, printed in one place. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "diag.h"
#include "esc.h"

void
diags_init(struct diags *d, struct arena *a, const char *file)
{
	memset(d, 0, sizeof(*d));
	d->arena = a;
	d->file = file;
}

struct diag *
diag_vadd(struct diags *d, enum rule_id rule, uint32_t line, uint32_t col,
    const char *fmt, va_list ap)
{
	struct diag *g = AVEC_PUSH(d->arena, d->v, d->n, d->cap);

	memset(g, 0, sizeof(*g));
	g->line = line;
	g->col = col;
	g->rule = rule;
	g->seq = (uint32_t)(d->n - 1);
	g->msg = arena_vprintf(d->arena, fmt, ap);
	d->count[rule_catalogue[rule].severity]++;
	return g;
}

struct diag *
diag_add(struct diags *d, enum rule_id rule, uint32_t line, uint32_t col,
    const char *fmt, ...)
{
	struct diag *g;
	va_list ap;

	va_start(ap, fmt);
	g = diag_vadd(d, rule, line, col, fmt, ap);
	va_end(ap);
	return g;
}

struct diag *
diag_add_in(struct diags *d, const char *file, enum rule_id rule,
    uint32_t line, uint32_t col, const char *fmt, ...)
{
	struct diag *g;
	va_list ap;

	va_start(ap, fmt);
	g = diag_vadd(d, rule, line, col, fmt, ap);
	va_end(ap);
	g->file = file;
	return g;
}

void
diag_set_note(struct diags *d, struct diag *g, uint32_t line, uint32_t col,
    const char *fmt, ...)
{
	va_list ap;

	g->note_line = line;
	g->note_col = col;
	va_start(ap, fmt);
	g->note = arena_vprintf(d->arena, fmt, ap);
	va_end(ap);
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
		fprintf(o->fp, "%s:%u:%u: %s%s%s: %s [%s]\n", diag_file(d, g),
		    g->line, g->col, o->color ? colour[sev] : "",
		    severity_name(sev), o->color ? "\033[0m" : "", g->msg,
		    rule_catalogue[g->rule].id);
		if (g->note != NULL)
			fprintf(o->fp, "%s:%u:%u: %snote%s: %s\n", diag_file(d, g),
			    g->note_line, g->note_col,
			    o->color ? "\033[1;36m" : "",
			    o->color ? "\033[0m" : "", g->note);
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
