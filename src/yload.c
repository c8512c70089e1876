/* yload.c - libyaml events to a node tree that keeps line:col on every node. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "arena.h"
#include "budget.h"
#include "catalog.h"
#include "cores.h"
#include "diag.h"
#include "placeholder.h"
#include "strmap.h"
#include "yevq.h"
#include "yload.h"

/*
 * The input passes through yread_handler, which holds the size limit, for
 * pipes too. An encoding problem is reported where it is, with a message
 * of our own, rather than at libyaml's byte offset: yread_scan checks
 * UTF-8 and the characters YAML allows while counting lines and columns.
 * libyaml's reader refuses every such input as well, so on a file or a
 * buffer, which can be read again, the scan runs only when libyaml has
 * reported a reader error (rescan); a pipe is scanned as it is read.
 */
struct yreader {
	FILE			*fp;
	const unsigned char	*buf;		/* or a buffer */
	size_t			 len, pos;
	bool			 lazy;		/* scan only after an error */
	unsigned long long	 base;		/* where in fp the input starts */
	unsigned long long	 total, max_size;
	/* UTF-8 decoder state between chunks */
	uint32_t		 cp, need, min;
	unsigned long long	 seqoff;	/* where the sequence began */
	uint32_t		 line;		/* 1-based, current line */
	unsigned long long	 line_start;	/* its offset */
	uint32_t		 cont;		/* continuation bytes in it */
	bool			 prev_cr;
	bool			 failed;	/* stop at the next call */
	bool			 io_error;
	int			 io_errno;	/* errno of that error: the read
						   may run on another thread */
	enum rule_id		 rule;
	uint32_t		 fline, fcol;
	char			 msg[96];
};

/* Children from which a container's buffer is kept rather than copied. */
#define ADOPT_KIDS	65536

/* A container being filled: its children wait here until it ends. */
struct frame {
	struct ynode	 node;
	struct ynode	*kids;		/* malloc'd, reused at this depth */
	size_t		 n, cap;
	const char	*anchor;
	uint64_t	 reached_at_start;
	uint64_t	 bytes_at_start;
	/* streaming (yload_opts.stream) */
	int		 match;		/* path keys matched, or -1 */
	int		 path;		/* in stream_paths, or -1: any */
	bool		 streamed;	/* items go to the stream callback */
	bool		 in_item;	/* inside a streamed item: scratch */
	void		*list;		/* the callback's handle */
	uint32_t	 count;		/* items streamed */
};

struct anchor {
	struct ynode	 node;
	uint64_t	 weight;	/* nodes reached through it */
	uint64_t	 bytes;		/* bytes of text reached through it */
};

struct yload {
	struct arena	*arena;
	struct diags	*diags;
	yaml_parser_t	 parser;
	struct yreader	 rd;
	struct frame	 frames[YLOAD_MAX_DEPTH + 2];
	int		 depth;		/* frames[0] holds the document */
	uint64_t	 parsed;	/* nodes from events */
	uint64_t	 reached;	/* parsed plus alias weights */
	uint64_t	 via_alias;
	uint64_t	 bytes;		/* scalar bytes, aliases' included */
	uint64_t	 via_alias_bytes;
	uint32_t	 alias_line, alias_col;	/* the first alias */
	struct strmap	 anchors;
	struct anchor	*av;
	size_t		 an, acap;
	struct icache	*icache;	/* short scalars, shared */
	struct arena	*tree;		/* yload_opts.tree, or arena */
	const struct yload_opts *opts;
	bool		 pinned;	/* scratch holds an anchored subtree */
	const char	**sortbuf;	/* duplicate-key check */
	size_t		 sortcap;
	bool		 fatal;
	struct yevq	*q;		/* the parser on a thread, or NULL */
};

/*
 * Short scalars repeat a lot (keys, kinds, ids): a direct-mapped cache,
 * small enough to stay in the processor's cache, shares their copies.
 * A miss only costs a copy. A slot keeps the string's first bytes too,
 * so that a hit need not read the copy, far away in a big plan's arena.
 */
#define INTERN_MAX_LEN		63
#define ICACHE_MIN_SLOTS	256
#define ICACHE_MAX_SLOTS	8192
#define ICACHE_HEAD		16

struct icache_slot {
	const char	*s;
	uint32_t	 tag;		/* ICACHE_TAG(generation, length) */
	uint32_t	 hash;
	char		 head[ICACHE_HEAD];	/* s's first bytes */
};

/*
 * A slot belongs to the load whose generation its tag holds: a load takes
 * a new generation rather than clearing the slots (yload_cache), and the
 * strings of other loads, in other arenas, are never seen. The tag also
 * keeps the string's length, its placeholder_maybe, and whether it is a
 * key's copy, in the tree's arena.
 */
#define ICACHE_LEN_BITS		6	/* INTERN_MAX_LEN < 64 */
#define ICACHE_MAYBE		(1u << ICACHE_LEN_BITS)
#define ICACHE_KEY		(2u << ICACHE_LEN_BITS)	/* in y->tree */
#define ICACHE_GEN_SHIFT	(ICACHE_LEN_BITS + 2)
#define ICACHE_TAG(gen, len)	((uint32_t)(gen) << ICACHE_GEN_SHIFT | \
				    (uint32_t)(len))
#define ICACHE_MAX_GEN		(UINT32_MAX >> ICACHE_GEN_SHIFT)
_Static_assert(INTERN_MAX_LEN < 1 << ICACHE_LEN_BITS, "a tag holds a length");

struct icache {
	uint32_t		 mask;	/* slots used - 1, a power of two less one */
	uint32_t		 gen;	/* this load's, from 1 */
	uint32_t		 cap;	/* slots */
	struct icache_slot	 slot[];
};

struct yload_cache {
	struct icache	*icache;
};

static bool
yread_allowed(uint32_t c)
{
	return c == 0x09 || c == 0x0A || c == 0x0D ||
	    (c >= 0x20 && c <= 0x7E) || c == 0x85 ||
	    (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
	    (c >= 0x10000 && c <= 0x10FFFF);
}

/*
 * Position tracking is cheap on the common path: plain ASCII bytes only
 * move the offset; line:col is worked out from the offset of the line
 * start and the number of UTF-8 continuation bytes since it.
 */
static void
yread_newline(struct yreader *r, unsigned long long next)
{
	r->line++;
	r->line_start = next;
	r->cont = 0;
}

static void
yread_pos(const struct yreader *r, unsigned long long off, uint32_t *line,
    uint32_t *col)
{
	*line = r->line;
	*col = (uint32_t)(off - r->line_start - r->cont + 1);
}

static void
yread_fail(struct yreader *r, unsigned long long off, enum rule_id rule,
    const char *fmt, uint32_t v)
{
	r->failed = true;
	r->rule = rule;
	yread_pos(r, off, &r->fline, &r->fcol);
	snprintf(r->msg, sizeof(r->msg), fmt, v);
}

/*
 * Checks bytes p[0..n), which start at offset base of the input: returns
 * how many of them are good (those up to the start of the first bad
 * character) and records the failure.
 */
static size_t
yread_scan(struct yreader *r, const unsigned char *p, size_t n,
    unsigned long long base)
{
	size_t i;
	uint32_t b;

	for (i = 0; i < n; i++) {
		b = p[i];
		if (r->need == 0) {
			if (b >= 0x20 && b < 0x7F)
				continue;	/* the common case */
			/*
			 * A whole three-byte character of U+1000..U+CFFF (most
			 * Chinese text): always allowed, and no line break but
			 * U+2028 and U+2029 (E2 80 A8, E2 80 A9).
			 */
			if (b >= 0xE1 && b <= 0xEC && i + 2 < n &&
			    (p[i + 1] & 0xC0) == 0x80 &&
			    (p[i + 2] & 0xC0) == 0x80 &&
			    !(b == 0xE2 && p[i + 1] == 0x80 &&
			    (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))) {
				r->prev_cr = false;
				r->cont += 2;
				i += 2;
				continue;
			}
			if (b == '\n') {
				/* CR LF is one break; a CR long before is not */
				if (r->prev_cr && r->line_start == base + i)
					r->line_start = base + i + 1;
				else
					yread_newline(r, base + i + 1);
				r->prev_cr = false;
				continue;
			}
			r->prev_cr = false;
			if (b == '\r') {
				yread_newline(r, base + i + 1);
				r->prev_cr = true;
				continue;
			}
			if (b == '\t')
				continue;
			if (b < 0x80) {
				if (b == 0)
					yread_fail(r, base + i, R_ENCODING,
					    "NUL byte in the file%.0u", 0);
				else
					yread_fail(r, base + i, R_ENCODING,
					    "control character U+%04X is not "
					    "allowed", b);
				return i;
			}
			if (b >= 0xC2 && b <= 0xDF) {
				r->need = 1;
				r->cp = b & 0x1F;
				r->min = 0x80;
			} else if (b >= 0xE0 && b <= 0xEF) {
				r->need = 2;
				r->cp = b & 0x0F;
				r->min = 0x800;
			} else if (b >= 0xF0 && b <= 0xF4) {
				r->need = 3;
				r->cp = b & 0x07;
				r->min = 0x10000;
			} else {
				if (base + i == 0 && i + 1 < n &&
				    (b == 0xFF || b == 0xFE) &&
				    p[i + 1] == (b ^ 0x01))
					yread_fail(r, base + i, R_ENCODING,
					    "the file is UTF-16 (byte-order "
					    "mark 0x%02X), not UTF-8", b);
				else
					yread_fail(r, base + i, R_ENCODING,
					    "invalid UTF-8 byte 0x%02X", b);
				return i;
			}
			r->seqoff = base + i;
			continue;
		}
		if ((b & 0xC0) != 0x80) {
			/* uncount what the broken sequence added */
			r->cont -= (uint32_t)(base + i - r->seqoff - 1);
			yread_fail(r, r->seqoff, R_ENCODING, "incomplete UTF-8 "
			    "sequence before byte 0x%02X", b);
			r->need = 0;
			return r->seqoff < base ? 0 : (size_t)(r->seqoff - base);
		}
		r->cp = (r->cp << 6) | (b & 0x3F);
		r->cont++;
		if (--r->need == 0) {
			uint32_t c = r->cp;

			if (c < r->min || !yread_allowed(c)) {
				r->cont -= (uint32_t)(r->min == 0x80 ? 1 :
				    r->min == 0x800 ? 2 : 3);
				yread_fail(r, r->seqoff, R_ENCODING,
				    c < r->min ? "overlong UTF-8 sequence "
				    "for U+%04X" : "character U+%04X is not "
				    "allowed", c);
				return r->seqoff < base ? 0 :
				    (size_t)(r->seqoff - base);
			}
			if (c == 0x85 || c == 0x2028 || c == 0x2029)
				yread_newline(r, base + i + 1);
			else if (c == 0xFEFF && r->seqoff == 0)
				r->cont++;	/* a BOM takes no column */
		}
	}
	return n;
}

/* At the end of the input, total bytes long: false when it cut a character. */
static bool
yread_end(struct yreader *r, unsigned long long total)
{
	if (r->need == 0)
		return true;
	r->need = 0;
	r->cont -= (uint32_t)(total - r->seqoff - 1);
	yread_fail(r, r->seqoff, R_ENCODING, "UTF-8 sequence cut short at "
	    "the end of the file%.0u", 0);
	return false;
}

static int
yread_handler(void *data, unsigned char *buffer, size_t size,
    size_t *size_read)
{
	struct yreader *r = data;
	size_t n, good;

	*size_read = 0;
	if (r->failed)
		return 0;
	if (r->fp != NULL) {
		/* not again once at the end: a read that costs a call */
		n = feof(r->fp) ? 0 : fread(buffer, 1, size, r->fp);
		if (n == 0 && ferror(r->fp)) {
			r->io_error = true;
			r->io_errno = errno;
			yread_fail(r, r->total, R_ENCODING, "read error%.0u", 0);
			return 0;
		}
	} else {
		n = r->len - r->pos < size ? r->len - r->pos : size;
		memcpy(buffer, r->buf + r->pos, n);
		r->pos += n;
	}
	if (n == 0)	/* end of input */
		return r->lazy || yread_end(r, r->total);
	if (r->total + n > r->max_size) {
		yread_fail(r, r->total, R_LIMIT, "%.0u", 0);
		snprintf(r->msg, sizeof(r->msg), "the input is larger than the "
		    "size limit of %llu bytes (see --max-size)", r->max_size);
		r->fline = 1;
		r->fcol = 1;
		return 0;
	}
	if (r->lazy) {
		/* libyaml would read UTF-16: refuse it now, as the scan does */
		good = r->total == 0 ? yread_scan(r, buffer, n < 2 ? n : 2, 0) :
		    n;
		if (!r->failed)
			good = n;
	} else
		good = yread_scan(r, buffer, n, r->total);
	r->total += n;
	if (good == 0 && r->failed)
		return 0;
	*size_read = good;
	return 1;
}

static struct ynode *
frame_push_kid(struct frame *f)
{
	if (f->n == f->cap) {
		size_t ncap = f->cap ? f->cap * 2 : 16;
		struct ynode *nk = realloc(f->kids, ncap * sizeof(*nk));

		if (nk == NULL)
			arena_oom();
		f->kids = nk;
		f->cap = ncap;
	}
	return &f->kids[f->n++];
}

static void
pos_of(const yaml_mark_t *m, struct ynode *n)
{
	n->line = (uint32_t)m->line + 1;
	n->col = (uint32_t)m->column + 1;
}

/*
 * A copy of s, shared when short; *maybe is its placeholder_maybe. A key's
 * copy goes to the tree's arena (yload_opts.tree), given back with the
 * tree: the model keeps values' text, never keys'. Keys and values then
 * share no copy.
 */
static const char *
intern(struct yload *y, const char *s, size_t len, bool key, bool *maybe)
{
	struct icache *ic = y->icache;
	struct arena *a = key ? y->tree : y->arena;
	struct icache_slot *c;
	uint32_t h, tag;

	if (len > INTERN_MAX_LEN) {
		const char *t = arena_strndup(a, s, len);

		*maybe = placeholder_maybe(t);
		return t;
	}
	h = strmap_hash(s, len);
	tag = ICACHE_TAG(ic->gen, len) | (key ? ICACHE_KEY : 0);
	c = &ic->slot[h & ic->mask];
	if ((c->tag & ~ICACHE_MAYBE) != tag || c->hash != h ||
	    memcmp(c->head, s, len < ICACHE_HEAD ? len : ICACHE_HEAD) != 0 ||
	    (len > ICACHE_HEAD && memcmp(c->s + ICACHE_HEAD, s + ICACHE_HEAD,
	    len - ICACHE_HEAD) != 0)) {
		c->s = arena_strndup(a, s, len);
		c->tag = tag | (placeholder_maybe(c->s) ? ICACHE_MAYBE : 0);
		c->hash = h;
		memcpy(c->head, s, len < ICACHE_HEAD ? len : ICACHE_HEAD);
	}
	*maybe = (c->tag & ICACHE_MAYBE) != 0;
	return c->s;
}

static void
fatal(struct yload *y, enum rule_id rule, uint32_t line, uint32_t col,
    const char *msg)
{
	diag_add(y->diags, rule, line, col, "%s", msg);
	y->fatal = true;
}

static int
key_cmp(const void *a, const void *b)
{
	const struct ynode *x = *(const struct ynode *const *)a;
	const struct ynode *y = *(const struct ynode *const *)b;
	int c = strcmp(x->u.str, y->u.str);

	if (c != 0)
		return c;
	/* Then file order, so the first of equal keys comes first. */
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static void
report_dup(struct yload *y, const struct ynode *second,
    const struct ynode *first)
{
	struct diag *g;

	g = diag_add(y->diags, R_DUPLICATE_KEY, second->line, second->col,
	    "duplicate key '%s'", second->u.str);
	diag_set_note(y->diags, g, first->line, first->col,
	    "'%s' first appears here", first->u.str);
}

static bool
is_str_key(const struct ynode *k)
{
	return k->kind == YN_SCALAR || k->kind == YN_NULL;
}

/* Short keys are interned (intern), so most equal keys are one copy. */
static bool
same_key(const char *a, const char *b)
{
	return a == b || (a[0] == b[0] && strcmp(a, b) == 0);
}

/* Reports each key that repeats an earlier key of the same mapping. */
static void
check_dup_keys(struct yload *y, const struct ynode *kids, size_t pairs)
{
	const struct ynode **v;
	size_t i, j, n = 0;

	if (pairs < 2)
		return;
	if (pairs <= 8) {
		for (i = 1; i < pairs; i++) {
			if (!is_str_key(&kids[2 * i]))
				continue;
			for (j = 0; j < i; j++)
				if (is_str_key(&kids[2 * j]) &&
				    same_key(kids[2 * i].u.str,
				    kids[2 * j].u.str)) {
					report_dup(y, &kids[2 * i],
					    &kids[2 * j]);
					break;
				}
		}
		return;
	}
	if (pairs > y->sortcap) {
		free(y->sortbuf);
		y->sortcap = pairs;
		if ((y->sortbuf = malloc(pairs * sizeof(*v))) == NULL)
			arena_oom();
	}
	v = (const struct ynode **)y->sortbuf;
	for (i = 0; i < pairs; i++)
		if (is_str_key(&kids[2 * i]))
			v[n++] = &kids[2 * i];
	qsort(v, n, sizeof(*v), key_cmp);
	for (i = 1, j = 0; i < n; i++) {
		if (strcmp(v[i]->u.str, v[j]->u.str) == 0)
			report_dup(y, v[i], v[j]);
		else
			j = i;
	}
}

static void
add_anchor(struct yload *y, const char *name, const struct ynode *n,
    uint64_t weight, uint64_t bytes)
{
	struct strmap_slot *sl;
	int32_t *slot;
	bool existed;

	sl = strmap_slot(&y->anchors, name, strlen(name), &existed);
	slot = &sl->val;
	if (!existed) {
		/* libyaml frees the name with the event: keep a copy */
		sl->key = arena_strdup(y->tree, name);
		if (y->an == y->acap) {
			size_t ncap = y->acap ? y->acap * 2 : 16;
			struct anchor *na = realloc(y->av,
			    ncap * sizeof(*na));

			if (na == NULL)
				arena_oom();
			y->av = na;
			y->acap = ncap;
		}
		*slot = (int32_t)y->an++;
	}
	y->av[*slot].node = *n;
	y->av[*slot].weight = weight;
	y->av[*slot].bytes = bytes;
}

/*
 * Adds a finished node to the container on top; an item of a streamed
 * list goes to the callback instead, and the scratch memory its subtree
 * used is taken back (unless an anchor in it may still be used).
 */
static void
emit(struct yload *y, const struct ynode *n, const char *anchor,
    uint64_t weight, uint64_t bytes)
{
	struct frame *f = &y->frames[y->depth];

	if (anchor != NULL)
		add_anchor(y, anchor, n, weight, bytes);
	if (!f->streamed) {
		*frame_push_kid(f) = *n;
		return;
	}
	f->list = y->opts->stream(y->opts->stream_ctx, f->path, f->list, n);
	f->count++;
	if (!y->pinned)
		arena_reset(y->opts->scratch);
}

/*
 * A double-quoted scalar can spell any character with an escape ("\e",
 * "\x01", "\0"): what it decodes to must be text too. Tab and newline
 * are; other control characters (carriage return and NUL included) and
 * the characters the reader refuses are an encoding error.
 */
static bool
decoded_ok(struct yload *y, const char *s, size_t len, const struct ynode *n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;
	uint32_t c;
	char msg[160];

	for (i = 0; i < len; i++) {
		c = p[i];
		if (c >= 0x20 && c < 0x7F)
			continue;
		if (c >= 0xC0) {	/* libyaml gives valid UTF-8 */
			int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;

			c &= 0x3Fu >> more;
			while (more-- > 0 && i + 1 < len)
				c = (c << 6) | (p[++i] & 0x3Fu);
		}
		if (c == '\t' || c == '\n' ||
		    (c != 0x0D && c != 0x85 && yread_allowed(c)))
			continue;
		snprintf(msg, sizeof(msg), c == 0 ? "quoted text holds a NUL "
		    "character (written \\0)%.0u" : "quoted text holds the "
		    "control character U+%04X (an escape): only tab and newline "
		    "are allowed", c);
		fatal(y, R_ENCODING, n->line, n->col, msg);
		return false;
	}
	return true;
}

#define CORE_TAG	"tag:yaml.org,2002:"

/* A tag as written: "!!binary" for the core tags. */
static const char *
tag_text(const char *tag, char *buf, size_t size)
{
	if (strncmp(tag, CORE_TAG, sizeof(CORE_TAG) - 1) == 0)
		snprintf(buf, size, "!!%.40s", tag + sizeof(CORE_TAG) - 1);
	else
		snprintf(buf, size, "%.40s", tag);
	return buf;
}

static bool
is_core(const char *tag, const char *name)
{
	return strncmp(tag, CORE_TAG, sizeof(CORE_TAG) - 1) == 0 &&
	    strcmp(tag + sizeof(CORE_TAG) - 1, name) == 0;
}

/* A whole or decimal number, as the plan's numbers are written. */
static bool
looks_numeric(const char *s, size_t len, bool whole)
{
	size_t i = 0, digits = 0;
	bool dot = false;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == '.' && !whole && !dot)
			dot = true;
		else
			return false;
	}
	return digits > 0;
}

/*
 * A tag on a scalar (§8): "!" and !!str make it a string, which numbers
 * refuse; !!int, !!float, !!null and !!bool must agree with the value;
 * any other tag (!!binary, !!timestamp, a local !tag) is a type error.
 */
static void
scalar_tag(struct yload *y, const char *tag, const char *s, size_t len,
    struct ynode *n)
{
	char name[48];
	const char *what = NULL;
	bool ok = true;

	if (strcmp(tag, "!") == 0 || is_core(tag, "str")) {
		n->kind = YN_SCALAR;
		if (!n->quoted)
			n->quoted = 2;
		return;
	}
	if (is_core(tag, "int") || is_core(tag, "float")) {
		ok = looks_numeric(s, len, is_core(tag, "int"));
		what = is_core(tag, "int") ? "a whole number" : "a number";
	} else if (is_core(tag, "null")) {
		ok = n->kind == YN_NULL;
		what = "null";
	} else if (is_core(tag, "bool")) {
		what = "true or false";
		ok = (len == 4 && (memcmp(s, "true", 4) == 0 ||
		    memcmp(s, "True", 4) == 0 || memcmp(s, "TRUE", 4) == 0)) ||
		    (len == 5 && (memcmp(s, "false", 5) == 0 ||
		    memcmp(s, "False", 5) == 0 || memcmp(s, "FALSE", 5) == 0));
	} else {
		diag_add(y->diags, R_TYPE, n->line, n->col, "tag '%s' is not "
		    "used in plans: write the value without it",
		    tag_text(tag, name, sizeof(name)));
		return;
	}
	if (!ok)
		diag_add(y->diags, R_TYPE, n->line, n->col, "'%.*s' is tagged "
		    "%s but is not %s", len > 64 ? 64 : (int)len, s,
		    tag_text(tag, name, sizeof(name)), what);
	else if (n->quoted && !is_core(tag, "null"))
		n->quoted = 0;	/* !!int "30": the number 30 */
}

/* A tag on a mapping or a list: only !!map and !!seq, where they fit. */
static void
container_tag(struct yload *y, const char *tag, const struct ynode *n)
{
	char name[48];

	if (strcmp(tag, "!") == 0 ||
	    (n->kind == YN_MAP && is_core(tag, "map")) ||
	    (n->kind == YN_SEQ && is_core(tag, "seq")))
		return;
	diag_add(y->diags, R_TYPE, n->line, n->col, "tag '%s' is not used on "
	    "a %s in plans: write the value without it",
	    tag_text(tag, name, sizeof(name)), ynode_kind_name(n));
}

static void
on_scalar(struct yload *y, const yaml_event_t *ev)
{
	struct ynode n;
	const struct frame *f;
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	bool key;

	memset(&n, 0, sizeof(n));
	pos_of(&ev->start_mark, &n);
	n.kind = YN_SCALAR;
	n.quoted = !plain;
	if (plain && (len == 0 || (len == 1 && s[0] == '~') ||
	    (len == 4 && (memcmp(s, "null", 4) == 0 ||
	    memcmp(s, "Null", 4) == 0 || memcmp(s, "NULL", 4) == 0))))
		n.kind = YN_NULL;
	if (len > UINT32_MAX)
		len = UINT32_MAX;
	n.n = (uint32_t)len;
	if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
	    !decoded_ok(y, s, len, &n))
		return;
	if (ev->data.scalar.tag != NULL)
		scalar_tag(y, (const char *)ev->data.scalar.tag, s, len, &n);
	/*
	 * A key, unless anchored (an alias could make it a value), has its
	 * copy in the tree's arena when the tree has one of its own.
	 */
	f = &y->frames[y->depth];
	key = y->tree != y->arena && f->node.kind == YN_MAP && f->n % 2 == 0 &&
	    ev->data.scalar.anchor == NULL;
	n.u.str = intern(y, s, len, key, &n.maybe_template);
	y->parsed++;
	y->reached++;
	y->bytes += len;
	emit(y, &n, (const char *)ev->data.scalar.anchor, 1, len);
}

/*
 * Where a new container stands on the stream paths: the top mapping
 * matches none of their keys yet, an item of a list what its list
 * matched, a list under key K one more key of the path whose next key
 * is K. A list that matches a whole path is streamed.
 */
static void
stream_match(struct yload *y, const struct frame *parent, struct frame *f,
    enum ynode_kind kind)
{
	const char *const *const *paths = y->opts->stream_paths;
	const char *key;
	int i;

	if (y->depth == 1) {
		f->match = kind == YN_MAP ? 0 : -1;
		return;
	}
	if (kind == YN_MAP && parent->node.kind == YN_SEQ) {
		f->match = parent->match;	/* an item */
		f->path = parent->path;
		return;
	}
	if (kind != YN_SEQ || parent->node.kind != YN_MAP ||
	    parent->match < 0 || parent->n % 2 != 1 ||
	    parent->kids[parent->n - 1].kind != YN_SCALAR)
		return;
	key = parent->kids[parent->n - 1].u.str;
	for (i = 0; paths[i] != NULL; i++) {
		if ((parent->path >= 0 && parent->path != i) ||
		    paths[i][parent->match] == NULL ||
		    strcmp(key, paths[i][parent->match]) != 0)
			continue;
		f->match = parent->match + 1;
		f->path = i;
		f->streamed = paths[i][f->match] == NULL;
		return;
	}
}

static void
on_start(struct yload *y, const yaml_event_t *ev, enum ynode_kind kind)
{
	struct frame *f, *parent;
	const char *anchor, *tag;

	anchor = kind == YN_MAP ? (const char *)ev->data.mapping_start.anchor :
	    (const char *)ev->data.sequence_start.anchor;
	if (y->depth >= YLOAD_MAX_DEPTH) {
		fatal(y, R_LIMIT, (uint32_t)ev->start_mark.line + 1,
		    (uint32_t)ev->start_mark.column + 1,
		    "nesting deeper than 64 levels");
		return;
	}
	parent = &y->frames[y->depth];
	f = &y->frames[++y->depth];
	memset(&f->node, 0, sizeof(f->node));
	pos_of(&ev->start_mark, &f->node);
	f->node.kind = (uint8_t)kind;
	f->n = 0;
	f->streamed = false;
	f->in_item = parent->in_item || parent->streamed;
	f->list = NULL;
	f->count = 0;
	f->match = -1;
	f->path = -1;
	if (y->opts != NULL && y->opts->stream_paths != NULL)
		stream_match(y, parent, f, kind);
	f->anchor = anchor != NULL ? arena_strdup(y->tree, anchor) : NULL;
	f->reached_at_start = y->reached;
	f->bytes_at_start = y->bytes;
	tag = kind == YN_MAP ? (const char *)ev->data.mapping_start.tag :
	    (const char *)ev->data.sequence_start.tag;
	if (tag != NULL)
		container_tag(y, tag, &f->node);
	y->parsed++;
	y->reached++;
}

static void
on_end(struct yload *y)
{
	struct frame *f = &y->frames[y->depth];
	struct ynode *kids = NULL;
	size_t n = f->n;

	if (n >= ADOPT_KIDS && !f->in_item) {
		/* a big container keeps the buffer it was read into, not a
		   copy: the arena takes it over */
		kids = arena_realloc_owned(y->tree, f->kids, n * sizeof(*kids));
		f->kids = NULL;
		f->cap = 0;
	} else if (n > 0) {
		kids = arena_alloc(f->in_item ? y->opts->scratch : y->tree,
		    n * sizeof(*kids));
		memcpy(kids, f->kids, n * sizeof(*kids));
	}
	if (f->in_item && f->anchor != NULL)
		y->pinned = true;
	f->node.u.kids = kids;
	if (f->node.kind == YN_MAP) {
		f->node.n = (uint32_t)(n / 2);
		check_dup_keys(y, kids, n / 2);
	} else if (f->streamed) {
		f->node.kind = YN_BUILT;
		f->node.path = (uint8_t)f->path;
		f->node.n = f->count;
		f->node.u.ext = f->list;
	} else
		f->node.n = (uint32_t)n;
	y->depth--;
	emit(y, &f->node, f->anchor, y->reached - f->reached_at_start,
	    y->bytes - f->bytes_at_start);
}

static void
on_alias(struct yload *y, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	struct anchor *a;
	struct ynode n;
	int32_t i;

	i = strmap_get(&y->anchors, name, strlen(name));
	if (i < 0) {
		char msg[128];

		snprintf(msg, sizeof(msg), "unknown alias '%.80s'", name);
		fatal(y, R_YAML_SYNTAX, (uint32_t)ev->start_mark.line + 1,
		    (uint32_t)ev->start_mark.column + 1, msg);
		return;
	}
	a = &y->av[i];
	if (y->alias_line == 0) {
		y->alias_line = (uint32_t)ev->start_mark.line + 1;
		y->alias_col = (uint32_t)ev->start_mark.column + 1;
	}
	y->via_alias += a->weight;
	y->reached += a->weight;
	y->via_alias_bytes += a->bytes;
	y->bytes += a->bytes;
	if (y->via_alias > YLOAD_MAX_ALIAS_NODES) {
		fatal(y, R_LIMIT, (uint32_t)ev->start_mark.line + 1,
		    (uint32_t)ev->start_mark.column + 1,
		    "aliases expand to more than 10000000 nodes");
		return;
	}
	/*
	 * What an alias reaches is built, checked and printed again: its
	 * nodes and its text are charged to the file's budget now, before
	 * anything is built from it.
	 */
	if (!budget_charge(&y->diags->budget, budget_add(a->weight,
	    budget_text(a->bytes)))) {
		char msg[256];

		snprintf(msg, sizeof(msg), "alias '%.40s' passes the work limit "
		    "of a file of %llu bytes: the aliases so far reach %llu "
		    "nodes and %llu bytes of text (see 'Limits' in the format's "
		    "documentation)", name,
		    (unsigned long long)y->diags->budget.input,
		    (unsigned long long)y->via_alias,
		    (unsigned long long)y->via_alias_bytes);
		fatal(y, R_LIMIT, (uint32_t)ev->start_mark.line + 1,
		    (uint32_t)ev->start_mark.column + 1, msg);
		return;
	}
	n = a->node;
	pos_of(&ev->start_mark, &n);
	emit(y, &n, NULL, a->weight, a->bytes);
}

/* Reads input bytes [off, off + size) again: how many there were. */
static size_t
yread_again(const struct yreader *r, unsigned char *buf, size_t size,
    unsigned long long off)
{
	ssize_t got;
	size_t n = 0;

	if (r->fp == NULL) {
		if (off >= r->len)
			return 0;
		n = r->len - off < size ? (size_t)(r->len - off) : size;
		memcpy(buf, r->buf + off, n);
		return n;
	}
	while (n < size) {
		got = pread(fileno(r->fp), buf + n, size - n,
		    (off_t)(r->base + off + n));
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	return n;
}

/*
 * After libyaml's reader failed at byte off of a lazily checked input:
 * scans the input from its start, which finds the problem and its line
 * and column; true when it did. *line, *col: where off is, otherwise.
 */
static bool
yread_rescan(struct yreader *r, unsigned long long off, uint32_t *line,
    uint32_t *col)
{
	unsigned char buf[1 << 14];
	unsigned long long at = 0, end = off + 4;	/* the bad character */
	size_t n, want;

	r->line = 1;
	r->line_start = r->cont = r->need = 0;
	r->prev_cr = false;
	*line = 1;
	*col = 1;
	while (at < end) {
		/* stop at off once, to know where it is */
		want = at < off && off - at < sizeof(buf) ? (size_t)(off - at) :
		    end - at < sizeof(buf) ? (size_t)(end - at) : sizeof(buf);
		if ((n = yread_again(r, buf, want, at)) == 0)
			return !yread_end(r, at);
		yread_scan(r, buf, n, at);
		if (r->failed)
			return true;
		at += n;
		if (at == off)
			yread_pos(r, off, line, col);
	}
	return false;
}

static void
report_parser_error(struct yload *y)
{
	yaml_parser_t *p = &y->parser;
	struct yreader *r = &y->rd;
	char msg[256];

	if (r->failed) {
		fatal(y, r->rule, r->fline, r->fcol, r->msg);
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		snprintf(msg, sizeof(msg), "%s", p->problem ?
		    p->problem : "cannot read the input");
		{
			uint32_t line, col;

			if (!r->lazy)
				yread_pos(r, r->total, &line, &col);
			else if (yread_rescan(r, p->problem_offset, &line,
			    &col)) {
				fatal(y, r->rule, r->fline, r->fcol, r->msg);
				return;
			}
			fatal(y, R_ENCODING, line, col, msg);
		}
		return;
	}
	if (p->context != NULL)
		snprintf(msg, sizeof(msg), "%s (%s at %zu:%zu)",
		    p->problem ? p->problem : "syntax error", p->context,
		    p->context_mark.line + 1, p->context_mark.column + 1);
	else
		snprintf(msg, sizeof(msg), "%s",
		    p->problem ? p->problem : "syntax error");
	fatal(y, R_YAML_SYNTAX, (uint32_t)p->problem_mark.line + 1,
	    (uint32_t)p->problem_mark.column + 1, msg);
}

static const struct ynode *
yload_run(struct yload *y)
{
	yaml_event_t ev;
	const struct ynode *root = NULL;
	int docs = 0;
	bool done = false;

	while (!done && !y->fatal) {
		if (y->q != NULL ? !yevq_next(y->q, &ev) :
		    !yaml_parser_parse(&y->parser, &ev)) {
			report_parser_error(y);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1)
				fatal(y, R_YAML_SYNTAX,
				    (uint32_t)ev.start_mark.line + 1,
				    (uint32_t)ev.start_mark.column + 1,
				    "a second YAML document: a plan file "
				    "holds one document");
			break;
		case YAML_SCALAR_EVENT:
			on_scalar(y, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			on_start(y, &ev, YN_SEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			on_start(y, &ev, YN_MAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			on_end(y);
			break;
		case YAML_ALIAS_EVENT:
			on_alias(y, &ev);
			break;
		default:
			break;
		}
		if (y->q == NULL)
			yaml_event_delete(&ev);
	}
	yevq_stop(y->q);
	y->q = NULL;
	if (y->fatal)
		return NULL;
	if (y->frames[0].n == 0) {
		diag_add(y->diags, R_REQUIRED, 1, 1, "the file is empty: "
		    "a plan needs 'pairplan' and 'plan'");
		return NULL;
	}
	if (y->via_alias > YLOAD_ALIAS_FACTOR * y->parsed) {
		diag_add(y->diags, R_LIMIT, y->alias_line, y->alias_col,
		    "aliases expand to %llu "
		    "nodes, more than 10 times the %llu nodes parsed",
		    (unsigned long long)y->via_alias,
		    (unsigned long long)y->parsed);
		return NULL;
	}
	root = arena_alloc(y->tree, sizeof(*root));
	memcpy((struct ynode *)root, &y->frames[0].kids[0], sizeof(*root));
	return root;
}

/*
 * Whether to parse on a second thread (yevq.h): for an input of some
 * megabytes, when a core is spare (cores.h). Small inputs (and the many
 * small files that -j reads at once) stay on one thread.
 */
#define PIPELINE_MIN	(4ull << 20)

static bool
use_pipeline(const struct yload_opts *opts, unsigned long long size)
{
	if (opts != NULL && opts->threads != 0)
		return opts->threads > 1;
	return size >= PIPELINE_MIN && cores_spare();
}

static unsigned long long
input_size(const struct yreader *r)
{
	struct stat st;

	if (r->fp == NULL)
		return r->len;
	if (fstat(fileno(r->fp), &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	return (unsigned long long)st.st_size;
}

/*
 * Where the input starts in its file, into r->base, so that a rescan reads
 * the bytes libyaml read (standard input may stand anywhere in its file);
 * false when that cannot be known.
 */
static bool
input_start(struct yreader *r)
{
	off_t at = ftello(r->fp);

	if (at < 0)
		return false;
	r->base = (unsigned long long)at;
	return true;
}

/*
 * A slot for every 64 bytes of input, within bounds: a small plan touches a
 * few pages rather than the 256 KB a big one wants (unknown sizes get that).
 * Each page is a fault that costs more than the copies a smaller cache
 * misses: a 13 KB plan has 8 KB, where a slot for every 16 bytes made it
 * 32 KB and 6 faults more (0.1 ms of its 3.8). *cp is kept from an earlier
 * load when it is big enough: a new generation empties it.
 */
static struct icache *
icache_begin(struct icache **cp, unsigned long long size)
{
	struct icache *c = *cp;
	uint32_t slots = ICACHE_MIN_SLOTS;

	while (slots < ICACHE_MAX_SLOTS && (size == 0 || slots < size / 64))
		slots *= 2;
	if (c == NULL || c->cap < slots) {
		free(c);
		if ((c = calloc(1, sizeof(*c) + slots * sizeof(c->slot[0]))) ==
		    NULL)
			arena_oom();
		c->cap = slots;
	}
	if (++c->gen > ICACHE_MAX_GEN) {
		memset(c->slot, 0, c->cap * sizeof(c->slot[0]));
		c->gen = 1;
	}
	c->mask = slots - 1;
	return *cp = c;
}

struct yload_cache *
yload_cache_new(void)
{
	struct yload_cache *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		arena_oom();
	return c;
}

void
yload_cache_free(struct yload_cache *c)
{
	if (c == NULL)
		return;
	free(c->icache);
	free(c);
}

static const struct ynode *
yload_common(struct yload *y, struct arena *a, struct diags *d,
    const struct yload_opts *opts)
{
	struct icache *own = NULL, **icp = &own;
	const struct ynode *root;
	unsigned long long size;
	int i;

	y->arena = y->tree = a;
	if (opts != NULL && opts->tree != NULL)
		y->tree = opts->tree;
	y->diags = d;
	if (opts != NULL && opts->stream != NULL && opts->scratch != NULL)
		y->opts = opts;
	y->rd.line = 1;
	y->rd.max_size = opts != NULL && opts->max_size != 0 ?
	    opts->max_size : YLOAD_DEFAULT_MAX_SIZE;
	strmap_init(&y->anchors, y->tree);
	if (opts != NULL && opts->file_size > 0 && y->rd.fp != NULL) {
		size = opts->file_size;
		y->rd.base = 0;
	} else
		size = input_size(&y->rd);
	y->rd.lazy = y->opts != NULL && !opts->scan_first &&
	    (y->rd.fp == NULL || (size > 0 && (opts->file_size > 0 ||
	    input_start(&y->rd))));
	if (opts != NULL && opts->cache != NULL)
		icp = &opts->cache->icache;
	y->icache = icache_begin(icp, size);
	if (use_pipeline(opts, size))
		y->q = yevq_start(&y->parser, yread_handler, &y->rd);
	if (y->q == NULL) {	/* one thread, or no thread could start */
		if (!yaml_parser_initialize(&y->parser))
			arena_oom();
		yaml_parser_set_input(&y->parser, yread_handler, &y->rd);
	}
	root = yload_run(y);
	yaml_parser_delete(&y->parser);
	for (i = 0; i <= YLOAD_MAX_DEPTH + 1; i++)
		free(y->frames[i].kids);
	free(y->av);
	free(y->sortbuf);
	free(own);
	return root;
}

const struct ynode *
yload_file(FILE *fp, struct arena *a, struct diags *d,
    const struct yload_opts *opts)
{
	struct yload *y;
	const struct ynode *root;
	int err;

	if ((y = calloc(1, sizeof(*y))) == NULL)
		arena_oom();
	y->rd.fp = fp;
	root = yload_common(y, a, d, opts);
	err = y->rd.io_error ? y->rd.io_errno : 0;
	free(y);
	if (err != 0)	/* the read may have failed on the parser's thread */
		errno = err;
	return root;
}

const struct ynode *
yload_buffer(const char *buf, size_t len, struct arena *a, struct diags *d,
    const struct yload_opts *opts)
{
	struct yload *y;
	const struct ynode *root;

	if ((y = calloc(1, sizeof(*y))) == NULL)
		arena_oom();
	y->rd.buf = (const unsigned char *)buf;
	y->rd.len = len;
	root = yload_common(y, a, d, opts);
	free(y);
	return root;
}

bool
yload_encoding_failed(const struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].rule == R_ENCODING)
			return true;
	return false;
}

const struct ynode *
ynode_get(const struct ynode *m, const char *key)
{
	uint32_t i;

	if (m == NULL || m->kind != YN_MAP)
		return NULL;
	for (i = 0; i < m->n; i++)
		if (m->u.kids[2 * i].kind == YN_SCALAR &&
		    strcmp(m->u.kids[2 * i].u.str, key) == 0)
			return &m->u.kids[2 * i + 1];
	return NULL;
}

bool
ynode_is_null(const struct ynode *n)
{
	return n == NULL || n->kind == YN_NULL;
}

const char *
ynode_kind_name(const struct ynode *n)
{
	static const char *const names[] = {
		"null", "string", "mapping", "list", "list of mappings"
	};

	return n == NULL ? "nothing" : names[n->kind];
}
