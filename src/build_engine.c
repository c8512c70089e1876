/* build_engine.c - reads a mapping through a table of its keys, and its values by type, for the model builder. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "build_engine.h"
#include "catalog.h"
#include "date.h"
#include "diag.h"
#include "strmap.h"
#include "suggest.h"
#include "yload.h"

struct pos
bld_pos(const struct ynode *v)
{
	struct pos p = { v->line, v->col };

	return p;
}

struct diag *
bld_diag(struct bctx *b, const struct ynode *n, enum rule_id r,
    const char *fmt, ...)
{
	struct diag *g;
	va_list ap;

	va_start(ap, fmt);
	g = diag_vadd(b->d, r, n->line, n->col, fmt, ap);
	va_end(ap);
	return g;
}

/* ---- scalars ------------------------------------------------------- */

const char *
bld_text(struct bctx *b, const struct ynode *v, const char *key)
{
	if (v->kind == YN_SCALAR)
		return v->u.str;
	bld_diag(b, v, R_TYPE, "'%s' must be text, not a %s", key,
	    ynode_kind_name(v));
	return NULL;
}

/* A whole number in [min, max]; false after reporting. */
bool
bld_int(struct bctx *b, const struct ynode *v, const char *key,
    int64_t min, int64_t max, int64_t *out)
{
	const char *s = v->u.str;
	bool neg = false;
	uint64_t x = 0;
	size_t i = 0;

	if (v->kind != YN_SCALAR || v->quoted) {
		bld_diag(b, v, R_TYPE, "'%s' must be a whole number, not a %s", key,
		    v->kind == YN_SCALAR ? "quoted string" :
		    ynode_kind_name(v));
		return false;
	}
	if (s[0] == '-' || s[0] == '+')
		neg = s[i++] == '-';
	if (s[i] == '\0')
		goto bad;
	for (; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9')
			goto bad;
		if (x > (UINT64_MAX - 9) / 10) {
			bld_diag(b, v, R_BAD_NUMBER, "'%s' is too %s: %s", key,
			    neg ? "small" : "large", s);
			return false;
		}
		x = x * 10 + (uint64_t)(s[i] - '0');
	}
	if (neg && x > 0 && min >= 0) {
		bld_diag(b, v, R_BAD_NUMBER, "'%s' must not be negative: %s", key,
		    s);
		return false;
	}
	if (x > (uint64_t)INT64_MAX || (!neg && (int64_t)x > max)) {
		bld_diag(b, v, R_BAD_NUMBER, "'%s' is too large: %s (at most %lld)",
		    key, s, (long long)max);
		return false;
	}
	*out = neg ? -(int64_t)x : (int64_t)x;
	if (*out < min) {
		bld_diag(b, v, R_BAD_NUMBER, "'%s' must be at least %lld, not %s",
		    key, (long long)min, s);
		return false;
	}
	return true;
bad:
	bld_diag(b, v, R_TYPE, "'%s' must be a whole number, not '%s'", key, s);
	return false;
}

bool
bld_span(struct bctx *b, const struct ynode *v, const char *key,
    bool day_only, struct span *out)
{
	enum date_err e;
	bool is_day;
	day_t d;

	if (v->kind != YN_SCALAR) {
		bld_diag(b, v, R_TYPE, "'%s' must be a date, not a %s", key,
		    ynode_kind_name(v));
		return false;
	}
	if (day_only) {
		e = date_parse_day(v->u.str, v->n, &d);
		out->from = out->to = d;
	} else
		e = date_parse_span(v->u.str, v->n, out, &is_day);
	if (e == DATE_INVALID) {
		bld_diag(b, v, R_BAD_DATE, "'%s' is not a real date", v->u.str);
		return false;
	}
	if (e != DATE_OK) {
		bld_diag(b, v, R_BAD_DATE, day_only ?
		    "'%s' is not a date: write YYYY-MM-DD" :
		    "'%s' is not a date: write YYYY-MM-DD, YYYY-MM, "
		    "'YYYY-MM mid' or A..B", v->u.str);
		return false;
	}
	return true;
}

/* One list of text, or a single text. */
const char **
bld_texts(struct bctx *b, const struct ynode *v, const char *key,
    uint32_t *n)
{
	const char **out;
	uint32_t i, k = 0;

	*n = 0;
	if (v->kind == YN_SCALAR) {
		out = arena_alloc(b->a, sizeof(*out));
		out[0] = v->u.str;
		*n = 1;
		return out;
	}
	if (v->kind != YN_SEQ) {
		bld_diag(b, v, R_TYPE, "'%s' must be a list of text, not a %s", key,
		    ynode_kind_name(v));
		return NULL;
	}
	out = arena_alloc(b->a, (v->n ? v->n : 1) * sizeof(*out));
	for (i = 0; i < v->n; i++)
		if ((out[k] = bld_text(b, &v->u.kids[i], key)) != NULL)
			k++;
	*n = k;
	return out;
}

static int32_t
lookup(const struct strmap *ids, const struct strmap *names, const char *s,
    size_t len)
{
	int32_t i = strmap_get(ids, s, len);

	if (i >= 0)
		return i;
	i = strmap_get(names, s, len);
	return i == -1 ? REF_UNKNOWN : i;
}

/*
 * Resolves a reference: people and organisations are built before
 * anything that refers to them, except activities read while the file
 * loads, which wait (REF_PENDING) until they are. Only failures are
 * kept, for the unknown-ref rule.
 */
void
bld_resolve(struct bctx *b, struct ref *r, enum ns ns)
{
	struct refsite *rs;
	size_t len = strlen(r->text);

	if (!(ns == NS_PERSON ? b->people_ready : b->orgs_ready)) {
		r->idx = REF_PENDING;
		return;
	}
	if (ns == NS_PERSON)
		r->idx = lookup(&b->pid, &b->pname, r->text, len);
	else {
		r->idx = lookup(&b->oid, &b->oname, r->text, len);
		if (ns == NS_PARTNER && r->idx == 0)
			r->idx = REF_UNKNOWN;
	}
	if (r->idx >= 0)
		return;
	rs = avec_push(b->a, &b->refs, sizeof(*rs));
	rs->ref = r;
	rs->ns = ns;
}

void
bld_add_ref(struct bctx *b, struct ref *r, const struct ynode *v, enum ns ns)
{
	r->text = v->u.str;
	r->pos = bld_pos(v);
	bld_resolve(b, r, ns);
}

bool
bld_ref(struct bctx *b, const struct ynode *v, const char *key, enum ns ns,
    struct ref *r)
{
	if (v->kind != YN_SCALAR) {
		bld_diag(b, v, R_TYPE, "'%s' must be an id or a name, not a %s", key,
		    ynode_kind_name(v));
		return false;
	}
	bld_add_ref(b, r, v, ns);
	return true;
}

/* One reference or a list of them. */
void
bld_refs(struct bctx *b, const struct ynode *v, const char *key,
    enum ns ns, struct reflist *out)
{
	uint32_t i;

	/* A repeated key (reported as duplicate-key) starts afresh. */
	out->n = 0;
	if (v->kind == YN_SCALAR) {
		out->v = arena_alloc(b->a, sizeof(*out->v));
		if (bld_ref(b, v, key, ns, &out->v[0]))
			out->n = 1;
		return;
	}
	if (v->kind != YN_SEQ) {
		bld_diag(b, v, R_TYPE, "'%s' must be an id, a name or a list of "
		    "them, not a %s", key, ynode_kind_name(v));
		return;
	}
	out->v = arena_alloc(b->a, (v->n ? v->n : 1) * sizeof(*out->v));
	for (i = 0; i < v->n; i++)
		if (bld_ref(b, &v->u.kids[i], key, ns, &out->v[out->n]))
			out->n++;
}

/* "all" or a list of partners. */
void
bld_partners(struct bctx *b, const struct ynode *v, bool *all,
    struct reflist *out)
{
	if (v->kind == YN_SCALAR && strcmp(v->u.str, "all") == 0) {
		*all = true;
		return;
	}
	*all = false;
	bld_refs(b, v, "partners", NS_PARTNER, out);
}

uint8_t
bld_weekdays(struct bctx *b, const struct ynode *v, const char *key)
{
	const struct ynode *items = v;
	uint32_t i, n = 1;
	uint8_t mask = 0;
	int w;

	if (v->kind == YN_SEQ) {
		items = v->u.kids;
		n = v->n;
	} else if (v->kind != YN_SCALAR) {
		bld_diag(b, v, R_TYPE, "'%s' must be a weekday or a list of them, "
		    "not a %s", key, ynode_kind_name(v));
		return 0;
	}
	for (i = 0; i < n; i++) {
		const struct ynode *it = &items[i];

		if (it->kind != YN_SCALAR ||
		    (w = date_weekday_from_name(it->u.str)) < 0) {
			const char *s = it->kind == YN_SCALAR ? it->u.str : "";
			const char *hint = suggest(s, date_weekday_names, 7);

			bld_diag(b, it, R_TYPE, "'%s' is not a weekday: use mon, "
			    "tue, wed, thu, fri, sat or sun%s%s%s",
			    it->kind == YN_SCALAR ? s : ynode_kind_name(it),
			    hint ? " (did you mean '" : "", hint ? hint : "",
			    hint ? "'?)" : "");
			continue;
		}
		mask |= (uint8_t)(1u << w);
	}
	return mask;
}

/* ---- mappings ------------------------------------------------------ */

/*
 * Fills obj from mapping m by the key table. With pass >= 0 only the keys
 * of that pass are handled, and unknown and missing keys are reported in
 * the last pass (2); pass -1 does everything at once.
 */
void
bld_map_pass(struct bctx *b, const struct ynode *m,
    const struct keydef *keys, size_t nkeys, void *obj, const char *what,
    const int *passes, int pass)
{
	bool seen[32] = { false };
	const char *names[32];
	const struct ynode *k, *v;
	uint32_t i;
	size_t j;

	bool report = pass < 0 || pass == 2;

	if (m->kind != YN_MAP) {
		if (report)
			bld_diag(b, m, R_TYPE, "%s must be a mapping, not a %s", what,
			    ynode_kind_name(m));
		return;
	}
	for (i = 0; i < m->n; i++) {
		k = &m->u.kids[2 * i];
		v = &m->u.kids[2 * i + 1];
		if (k->kind != YN_SCALAR) {
			if (!report)
				continue;
			bld_diag(b, k, R_TYPE, "a key of %s must be text, not a %s",
			    what, ynode_kind_name(k));
			continue;
		}
		for (j = 0; j < nkeys; j++)
			if (keys[j].key[0] == k->u.str[0] &&
			    strcmp(keys[j].key, k->u.str) == 0)
				break;
		if (j < nkeys && pass >= 0 && passes[j] != pass) {
			seen[j] = true;
			continue;
		}
		if (j == nkeys) {
			const char *hint;

			if (!report)
				continue;
			for (j = 0; j < nkeys; j++)
				names[j] = keys[j].key;
			hint = suggest(k->u.str, names, nkeys);
			/* "titel" for "title": one error, not a second "no title" */
			for (j = 0; hint != NULL && j < nkeys; j++)
				if (names[j] == hint)
					seen[j] = true;
			if (hint != NULL)
				bld_diag(b, k, R_UNKNOWN_KEY, "unknown key '%s' in %s "
				    "(did you mean '%s'?)", k->u.str, what,
				    hint);
			else
				bld_diag(b, k, R_UNKNOWN_KEY, "unknown key '%s' in %s",
				    k->u.str, what);
			continue;
		}
		seen[j] = true;
		if (v->kind == YN_NULL) {
			if (keys[j].required && report)
				bld_diag(b, v, R_REQUIRED, "'%s' of %s has no value",
				    keys[j].key, what);
			else
				seen[j] = false;
			continue;
		}
		keys[j].fn(b, v, obj);
	}
	for (j = 0; report && j < nkeys; j++)
		if (keys[j].required && !seen[j] &&
		    ynode_get(m, keys[j].key) == NULL)
			bld_diag(b, m, R_REQUIRED, "%s has no '%s'", what,
			    keys[j].key);
}

void
bld_map(struct bctx *b, const struct ynode *m, const struct keydef *keys,
    size_t nkeys, void *obj, const char *what)
{
	bld_map_pass(b, m, keys, nkeys, obj, what, NULL, -1);
}

/* Allocates one zeroed item per element of a list, or reports. */
void *
bld_items(struct bctx *b, const struct ynode *v, const char *key,
    size_t itemsz, uint32_t *n)
{
	*n = 0;
	if (v->kind != YN_SEQ) {
		bld_diag(b, v, R_TYPE, "'%s' must be a list, not a %s", key,
		    ynode_kind_name(v));
		return NULL;
	}
	*n = v->n;
	return arena_alloc(b->a, (v->n ? v->n : 1) * itemsz);
}
