/* build_engine.c - reads a mapping through a table of its keys, and its values by type, for the model builder. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "build_engine.h"
#include "catalog.h"
#include "date.h"
#include "diag.h"
#include "sbuf.h"
#include "strmap.h"
#include "suggest.h"
#include "yload.h"

struct pos
bld_pos(const struct ynode *v)
{
	struct pos p = { v->line, v->col };

	return p;
}

const char *
bld_stream_what(const struct ynode *v)
{
	switch (v->path) {
	case STREAM_ACTIVITIES:
		return "a phase's activities";
	case STREAM_PEOPLE:
		return "the people";
	default:
		return "the partners";
	}
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
	/* Inside an activity, say which: its id may be generated. */
	if (b->activity != NULL && (r == R_TYPE || r == R_BAD_NUMBER ||
	    r == R_BAD_DATE))
		g->msg = arena_printf(b->a, "activity '%s': %s", b->activity,
		    g->msg);
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
		    v->kind != YN_SCALAR ? ynode_kind_name(v) : v->quoted == 2 ?
		    "string (tagged as one)" : "quoted string");
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
bld_num(struct bctx *b, const struct ynode *v, const char *key, double min,
    double *out)
{
	const char *s = v->u.str;
	char *end;
	double x;

	if (v->kind != YN_SCALAR || v->quoted) {
		bld_diag(b, v, R_TYPE, "'%s' must be a number, not a %s", key,
		    v->kind == YN_SCALAR ? "quoted string" :
		    ynode_kind_name(v));
		return false;
	}
	errno = 0;
	x = strtod(s, &end);
	if (end == s || *end != '\0' || strchr("+-.0123456789", s[0]) ==
	    NULL || errno == ERANGE || !isfinite(x)) {
		bld_diag(b, v, R_TYPE, "'%s' must be a number, not '%s'", key,
		    s);
		return false;
	}
	if (x < min) {
		bld_diag(b, v, R_BAD_NUMBER, "'%s' must be at least %g, not %s",
		    key, min, s);
		return false;
	}
	*out = x;
	return true;
}

/* Is s word w or one of its synonyms ("year|每年|年")? */
static bool
word_is(const char *w, const char *s)
{
	size_t n = strlen(s);

	for (;;) {
		const char *bar = strchr(w, '|');
		size_t len = bar != NULL ? (size_t)(bar - w) : strlen(w);

		if (len == n && memcmp(w, s, n) == 0)
			return true;
		if (bar == NULL)
			return false;
		w = bar + 1;
	}
}

int
bld_word(struct bctx *b, const struct ynode *v, const char *key,
    const char *const *words)
{
	const char *s, *hint, *firsts[16];
	struct sbuf list = { 0 };
	size_t i, n;

	if ((s = bld_text(b, v, key)) == NULL)
		return -1;
	for (n = 0; words[n] != NULL; n++)
		if (word_is(words[n], s))
			return (int)n;
	for (i = 0; i < n && i < 16; i++) {
		size_t len = strcspn(words[i], "|");

		sbuf_printf(&list, "%s%.*s", i == 0 ? "" : i + 1 < n ? ", " :
		    " or ", (int)len, words[i]);
		firsts[i] = arena_strndup(b->a, words[i], len);
	}
	hint = suggest(s, firsts, i);
	bld_diag(b, v, R_TYPE, "'%s' must be %s, not '%s'" SUGGEST_FMT, key,
	    list.p, s, SUGGEST_ARGS(hint));
	sbuf_free(&list);
	return -1;
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
	int32_t i = ids != NULL ? strmap_get(ids, s, len) : -1;

	if (i >= 0)
		return i;
	i = strmap_get(names, s, len);
	return i == -1 ? REF_UNKNOWN : i;
}

/* A person in the early indexes (build_plan.c: early_person). */
static int32_t
lookup_early(const struct bctx *b, const char *s, size_t len)
{
	int32_t i = strindex_get(&b->early_id, s, len);

	if (i >= 0)
		return i;
	if ((i = strindex_get(&b->early_name, s, len)) < 0)
		return REF_UNKNOWN;
	if (b->early_twice.n > 0 && strmap_get(&b->early_twice, s, len) >= 0)
		return REF_AMBIGUOUS;
	return i;
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

	if (!(ns == NS_PERSON ? b->people_ready : ns == NS_ACTIVITY ?
	    b->acts_ready : b->orgs_ready)) {
		/*
		 * An activity after the people: what their early index
		 * (build_plan.c) finds, the final one finds too, unless the
		 * plan's people are another list; then resolve_pending
		 * looks again. What it does not find waits.
		 */
		if (ns == NS_PERSON && b->early != NULL && !b->early_off &&
		    (r->idx = lookup_early(b, r->text, len)) >= 0) {
			b->early_refs = true;
			return;
		}
		r->idx = REF_PENDING;
		return;
	}
	if (ns == NS_PERSON)
		r->idx = b->early_ok ? lookup_early(b, r->text, len) :
		    lookup(&b->pid, &b->pname, r->text, len);
	else if (ns == NS_ACTIVITY) {
		if ((r->idx = strindex_get(&b->actid, r->text, len)) < 0)
			r->idx = lookup(NULL, &b->acttitle, r->text, len);
	}
	else {
		r->idx = lookup(&b->oid, &b->oname, r->text, len);
		if (ns == NS_PARTNER && r->idx == 0)
			r->idx = REF_UNKNOWN;
	}
	if (r->idx >= 0)
		return;
	rs = avec_push(b->tmp, &b->refs, sizeof(*rs));
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
		out->v = arena_alloc_align(b->a, sizeof(*out->v),
		    _Alignof(struct ref));
		if (bld_ref(b, v, key, ns, &out->v[0]))
			out->n = 1;
		return;
	}
	if (v->kind != YN_SEQ) {
		bld_diag(b, v, R_TYPE, "'%s' must be an id, a name or a list of "
		    "them, not a %s", key, ynode_kind_name(v));
		return;
	}
	out->v = arena_alloc_align(b->a, (v->n ? v->n : 1) * sizeof(*out->v),
	    _Alignof(struct ref));
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

			bld_diag(b, it, R_TYPE, "'%s' is not a weekday: use "
			    "mon .. sun or 周一 .. 周日" SUGGEST_FMT,
			    it->kind == YN_SCALAR ? s : ynode_kind_name(it),
			    SUGGEST_ARGS(hint));
			continue;
		}
		mask |= (uint8_t)(1u << w);
	}
	return mask;
}

/* ---- mappings ------------------------------------------------------ */

/* Where a keydef's offset points, in obj or b->side, or NULL for none. */
static void *
field_of(const struct bctx *b, void *obj, size_t off)
{
	if (off == 0)
		return NULL;
	if ((off & KEY_SIDE) != 0)
		return (char *)b->side + (off & ~KEY_SIDE) - 1;
	return (char *)obj + off - 1;
}

static void
store_int(void *at, uint8_t width, int64_t x)
{
	switch (width) {
	case 1: {
		uint8_t v = (uint8_t)x;

		memcpy(at, &v, 1);
		break;
	}
	case 4: {
		int32_t v = (int32_t)x;

		memcpy(at, &v, 4);
		break;
	}
	default:
		memcpy(at, &x, 8);
		break;
	}
}

static const char *const bool_words[] = { "false|no|否", "true|yes|是", NULL };

/* Reads value v of key k into obj. */
static void
read_value(struct bctx *b, const struct keydef *k, const struct ynode *v,
    void *obj)
{
	void *f = field_of(b, obj, k->field), *x;
	struct span sp;
	int64_t n;
	uint8_t mask;
	bool ok = true;

	if ((x = field_of(b, obj, k->seen)) != NULL)
		*(struct pos *)x = bld_pos(v);
	switch (k->type) {
	case KT_FN:
		k->fn(b, v, f != NULL ? f : obj);
		return;
	case KT_TEXT:
		ok = (*(const char **)f = bld_text(b, v, k->key)) != NULL;
		break;
	case KT_TEXTS:
		*(const char ***)f = bld_texts(b, v, k->key,
		    (uint32_t *)field_of(b, obj, k->aux));
		break;
	case KT_INT:
		if ((ok = bld_int(b, v, k->key, k->min, k->max, &n)))
			store_int(f, k->width, n);
		break;
	case KT_SPAN:
	case KT_DAY:
		if ((ok = bld_span(b, v, k->key, k->type == KT_DAY, &sp))) {
			if (k->type == KT_DAY)
				*(day_t *)f = sp.from;
			else
				*(struct span *)f = sp;
		}
		break;
	case KT_REF:
		ok = bld_ref(b, v, k->key, (enum ns)k->ns, f);
		break;
	case KT_REFS:
		bld_refs(b, v, k->key, (enum ns)k->ns, f);
		break;
	case KT_PARTNERS:
		bld_partners(b, v, (bool *)field_of(b, obj, k->aux), f);
		break;
	case KT_WEEKDAYS:
		if ((ok = (mask = bld_weekdays(b, v, k->key)) != 0))
			*(uint8_t *)f = mask;
		break;
	case KT_CHOICE:
		if ((ok = (n = bld_word(b, v, k->key, k->words)) >= 0))
			store_int(f, k->width, n);
		break;
	case KT_NUM:
		ok = bld_num(b, v, k->key, (double)k->min, (double *)f);
		break;
	case KT_BOOL:
		if ((ok = (n = bld_word(b, v, k->key, bool_words)) >= 0))
			*(bool *)f = n == 1;
		break;
	case KT_LIST:
		ok = (*(void **)f = bld_list(b, v, k->key, k->list,
		    (uint32_t *)field_of(b, obj, k->aux))) != NULL;
		break;
	}
	if (!ok)
		return;
	if ((x = field_of(b, obj, k->node)) != NULL)
		*(const struct ynode **)x = v;
	if ((x = field_of(b, obj, k->pos)) != NULL)
		*(struct pos *)x = bld_pos(v);
	if ((x = field_of(b, obj, k->has)) != NULL)
		*(bool *)x = true;
}

static void
map_keys(struct bctx *b, const struct ynode *m, const struct keydef *keys,
    size_t nkeys, void *obj, const char *what, int pass)
{
	bool seen[32] = { false };
	const char *names[32];
	const struct ynode *k, *v;
	uint32_t i;
	size_t j;
	bool report = pass < 0 || pass == BLD_LAST_PASS;

	if (m->kind != YN_MAP) {
		if (report)
			bld_diag(b, m, R_TYPE, "%s must be a mapping, not a %s",
			    what, ynode_kind_name(m));
		return;
	}
	for (i = 0; i < m->n; i++) {
		k = &m->u.kids[2 * i];
		v = &m->u.kids[2 * i + 1];
		if (k->kind != YN_SCALAR) {
			if (!report)
				continue;
			bld_diag(b, k, R_TYPE, "a key of %s must be text, not "
			    "a %s", what, ynode_kind_name(k));
			continue;
		}
		for (j = 0; j < nkeys; j++)
			if (keys[j].key[0] == k->u.str[0] &&
			    strcmp(keys[j].key, k->u.str) == 0)
				break;
		if (j < nkeys && pass >= 0 && keys[j].pass != pass) {
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
			bld_diag(b, k, R_UNKNOWN_KEY, "unknown key '%s' in %s"
			    SUGGEST_FMT, k->u.str, what, SUGGEST_ARGS(hint));
			continue;
		}
		seen[j] = true;
		if (v->kind == YN_NULL) {
			if (keys[j].required && report)
				bld_diag(b, v, R_REQUIRED, "'%s' of %s has no "
				    "value", keys[j].key, what);
			else
				seen[j] = false;
			continue;
		}
		read_value(b, &keys[j], v, obj);
	}
	for (j = 0; report && j < nkeys; j++)
		if (keys[j].required && !seen[j] &&
		    ynode_get(m, keys[j].key) == NULL)
			bld_diag(b, m, R_REQUIRED, "%s has no '%s'", what,
			    keys[j].key);
}

void
bld_map_pass(struct bctx *b, const struct ynode *m,
    const struct keydef *keys, size_t nkeys, void *obj, const char *what,
    int pass)
{
	map_keys(b, m, keys, nkeys, obj, what, pass);
}

void
bld_map(struct bctx *b, const struct ynode *m, const struct keydef *keys,
    size_t nkeys, void *obj, const char *what)
{
	map_keys(b, m, keys, nkeys, obj, what, -1);
}

void *
bld_list(struct bctx *b, const struct ynode *v, const char *key,
    const struct listdef *l, uint32_t *n)
{
	char *items, *it;
	uint32_t i;

	if ((items = bld_items(b, v, key, l->size, n)) == NULL)
		return NULL;
	for (i = 0, it = items; i < *n; i++, it += l->size) {
		*(const struct ynode **)field_of(b, it, l->node) = &v->u.kids[i];
		if (l->init != NULL)
			l->init(b, it, i);
		bld_map(b, &v->u.kids[i], l->keys, l->nkeys, it, l->what);
		if (l->check != NULL)
			l->check(b, it);
	}
	return items;
}

/* Allocates one zeroed item per element of a list, or reports. */
void *
bld_items(struct bctx *b, const struct ynode *v, const char *key,
    size_t itemsz, uint32_t *n)
{
	*n = 0;
	if (v->kind == YN_BUILT) {	/* an alias to a streamed list */
		bld_diag(b, v, R_TYPE, "'%s' must be a list of its own, not an "
		    "alias to %s", key, bld_stream_what(v));
		return NULL;
	}
	if (v->kind != YN_SEQ) {
		bld_diag(b, v, R_TYPE, "'%s' must be a list, not a %s", key,
		    ynode_kind_name(v));
		return NULL;
	}
	*n = v->n;
	return arena_alloc(b->a, (v->n ? v->n : 1) * itemsz);
}
