/* recstore.c - the records file: one YAML line per record, appended under a lock, never rewritten. */

/*
 * fallocate(2) and FALLOC_FL_KEEP_SIZE, to reserve a line's disk space
 * before writing it, are Linux extensions; elsewhere the reservation is
 * skipped (see reserve()).
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

#include "arena.h"
#include "output.h"
#include "recstore.h"

/* ---- messages ------------------------------------------------------- */

static void
err_clear(struct recstore_err *err)
{
	err->errnum = 0;
	err->msg[0] = '\0';
}

static enum recstore_status
fail(struct recstore_err *err, enum recstore_status st, int errnum,
    const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static enum recstore_status
fail(struct recstore_err *err, enum recstore_status st, int errnum,
    const char *fmt, ...)
{
	va_list ap;

	err->errnum = errnum;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return st;
}

/*
 * path as one shell word: in single quotes, a quote written '\'', and
 * "./" before a path that starts with '-' so that no command takes it for
 * an option. Cut (never overflowing) when it does not fit.
 */
static void
shell_quote(char *out, size_t cap, const char *path)
{
	size_t n = 0;
	const char *p;

#define PUT(c)	do { if (n + 1 < cap) out[n++] = (c); } while (0)
	PUT('\'');
	if (path[0] == '-') {
		PUT('.');
		PUT('/');
	}
	for (p = path; *p != '\0'; p++) {
		if (*p == '\'') {
			PUT('\'');
			PUT('\\');
			PUT('\'');
			PUT('\'');
		} else
			PUT(*p);
	}
	PUT('\'');
#undef PUT
	out[n] = '\0';
}

/* ---- a growing buffer ------------------------------------------------ */

struct sbuf {
	char	*p;
	size_t	 n, cap;
};

static void
sb_grow(struct sbuf *b, size_t more)
{
	size_t cap = b->cap ? b->cap : 256;

	if (b->n + more + 1 <= b->cap)
		return;
	while (cap < b->n + more + 1) {
		if (cap > SIZE_MAX / 2)
			arena_oom();
		cap *= 2;
	}
	if ((b->p = realloc(b->p, cap)) == NULL)
		arena_oom();
	b->cap = cap;
}

static void
sb_put(struct sbuf *b, const char *s, size_t len)
{
	sb_grow(b, len);
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

static void
sb_puts(struct sbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

static void
sb_int(struct sbuf *b, int64_t x)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%" PRId64, x);
	sb_puts(b, tmp);
}

/* ---- the emitter ------------------------------------------------------ */

/*
 * Decodes one UTF-8 character of s (at most len bytes): its length, or 0
 * when the bytes are not well-formed UTF-8 (overlong forms, surrogates and
 * code points above U+10FFFF included).
 */
static size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t c, min;
	size_t n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		c = s[0] & 0x1F;
		n = 2;
		min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		c = s[0] & 0x0F;
		n = 3;
		min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		c = s[0] & 0x07;
		n = 4;
		min = 0x10000;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/*
 * s as a YAML double-quoted scalar. Every character that is not printable
 * for YAML, or that libyaml would take for a line break inside the quotes
 * (NEL, LS, PS) and so fold, is escaped, and so are tab and the
 * byte-order mark: the line never holds a raw line break, and the text
 * reads back unchanged. False when s is not valid UTF-8.
 */
static bool
put_quoted(struct sbuf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, k;
	char esc[12];
	uint32_t c;

	sb_put(b, "\"", 1);
	while (i < len) {
		if ((k = utf8_decode(p + i, len - i, &c)) == 0)
			return false;
		esc[0] = '\0';
		switch (c) {
		case '"':	strcpy(esc, "\\\""); break;
		case '\\':	strcpy(esc, "\\\\"); break;
		case 0x07:	strcpy(esc, "\\a"); break;
		case 0x08:	strcpy(esc, "\\b"); break;
		case 0x09:	strcpy(esc, "\\t"); break;
		case 0x0A:	strcpy(esc, "\\n"); break;
		case 0x0B:	strcpy(esc, "\\v"); break;
		case 0x0C:	strcpy(esc, "\\f"); break;
		case 0x0D:	strcpy(esc, "\\r"); break;
		case 0x1B:	strcpy(esc, "\\e"); break;
		case 0x85:	strcpy(esc, "\\N"); break;
		case 0x2028:	strcpy(esc, "\\L"); break;
		case 0x2029:	strcpy(esc, "\\P"); break;
		default:
			if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
				esc[0] = '\\';
				esc[1] = 'x';
				esc[2] = hex[c >> 4];
				esc[3] = hex[c & 0xF];
				esc[4] = '\0';
			} else if (c == 0xFEFF || c == 0xFFFE ||
			    c == 0xFFFF) {
				esc[0] = '\\';
				esc[1] = 'u';
				esc[2] = hex[(c >> 12) & 0xF];
				esc[3] = hex[(c >> 8) & 0xF];
				esc[4] = hex[(c >> 4) & 0xF];
				esc[5] = hex[c & 0xF];
				esc[6] = '\0';
			}
		}
		if (esc[0] != '\0')
			sb_puts(b, esc);
		else
			sb_put(b, s + i, k);
		i += k;
	}
	sb_put(b, "\"", 1);
	return true;
}

/*
 * A decimal number or percentage YAML reads the same everywhere, as a
 * plain scalar: "0", "35", "35%", "0.5", "12.50%". No sign, no leading
 * zero (YAML 1.1 reads 010 as octal), no exponent, no '_'.
 */
static bool
plain_number(const char *s)
{
	size_t i = 0;

	if (s[0] == '0')
		i = 1;
	else if (s[0] >= '1' && s[0] <= '9')
		while (s[i] >= '0' && s[i] <= '9')
			i++;
	else
		return false;
	if (s[i] == '.') {
		if (!(s[++i] >= '0' && s[i] <= '9'))
			return false;
		while (s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (s[i] == '%')
		i++;
	return s[i] == '\0';
}

/*
 * libyaml (like the YAML spec) takes a key without "?" only when it ends
 * within 1024 characters of where it starts; a longer target name gets an
 * explicit key. Counting bytes errs on the safe side.
 */
#define IMPLICIT_KEY_MAX	1000

struct emit {
	struct sbuf	 b;
	bool		 first;
	const char	*bad;		/* the key whose value is invalid */
};

static void
key(struct emit *e, const char *k)
{
	if (!e->first)
		sb_puts(&e->b, ", ");
	e->first = false;
	sb_puts(&e->b, k);
	sb_puts(&e->b, ": ");
}

static void
str_field(struct emit *e, const char *k, const char *v)
{
	if (v == NULL)
		return;
	key(e, k);
	if (!put_quoted(&e->b, v) && e->bad == NULL)
		e->bad = k;
}

static void
list_field(struct emit *e, const char *k, const char *const *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	key(e, k);
	sb_puts(&e->b, "[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			sb_puts(&e->b, ", ");
		if ((v == NULL || v[i] == NULL || !put_quoted(&e->b, v[i])) &&
		    e->bad == NULL)
			e->bad = k;
	}
	sb_puts(&e->b, "]");
}

static void
targets_field(struct emit *e, const struct recstore_target *t, size_t n)
{
	size_t i, j, at;

	if (n == 0)
		return;
	key(e, "targets");
	sb_puts(&e->b, "{");
	for (i = 0; i < n; i++) {
		if (i > 0)
			sb_puts(&e->b, ", ");
		if (t == NULL || t[i].name == NULL || t[i].value == NULL) {
			if (e->bad == NULL)
				e->bad = "targets";
			continue;
		}
		for (j = 0; j < i; j++)
			if (t[j].name != NULL &&
			    strcmp(t[j].name, t[i].name) == 0 && e->bad == NULL)
				e->bad = "targets";
		at = e->b.n;
		if (!put_quoted(&e->b, t[i].name) && e->bad == NULL)
			e->bad = "targets";
		if (e->b.n - at > IMPLICIT_KEY_MAX) {
			/* "? " before the key, and " :" after it. */
			sb_grow(&e->b, 2);
			memmove(e->b.p + at + 2, e->b.p + at, e->b.n - at + 1);
			memcpy(e->b.p + at, "? ", 2);
			e->b.n += 2;
			sb_puts(&e->b, " ");
		}
		sb_puts(&e->b, ": ");
		if (plain_number(t[i].value))
			sb_puts(&e->b, t[i].value);
		else if (!put_quoted(&e->b, t[i].value) && e->bad == NULL)
			e->bad = "targets";
	}
	sb_puts(&e->b, "}");
}

enum recstore_status
recstore_format(const struct recstore_record *r, char **line, size_t *len,
    struct recstore_err *err)
{
	struct emit e = { { NULL, 0, 0 }, true, NULL };

	err_clear(err);
	*line = NULL;
	*len = 0;
	if (r->n < 1)
		return fail(err, RECSTORE_EINVAL, 0,
		    "record number %" PRId64 " is not 1 or more", r->n);
	if (r->participants < -1)
		return fail(err, RECSTORE_EINVAL, 0,
		    "'participants' must not be negative: %" PRId64,
		    r->participants);
	if (r->replaces < 0)
		return fail(err, RECSTORE_EINVAL, 0,
		    "'replaces' must be a record number, not %" PRId64,
		    r->replaces);
	sb_puts(&e.b, "- {");
	key(&e, "n");
	sb_int(&e.b, r->n);
	str_field(&e, "event", r->event);
	str_field(&e, "activity", r->activity);
	str_field(&e, "partner", r->partner);
	str_field(&e, "date", r->date);
	str_field(&e, "status", r->status);
	list_field(&e, "people", r->people, r->npeople);
	if (r->participants >= 0) {
		key(&e, "participants");
		sb_int(&e.b, r->participants);
	}
	str_field(&e, "note", r->note);
	targets_field(&e, r->targets, r->ntargets);
	list_field(&e, "confirmed-by", r->confirmed_by, r->nconfirmed_by);
	if (r->replaces > 0) {
		key(&e, "replaces");
		sb_int(&e.b, r->replaces);
	}
	str_field(&e, "recorded", r->recorded);
	str_field(&e, "by", r->by);
	sb_puts(&e.b, "}\n");
	if (e.bad != NULL) {
		free(e.b.p);
		if (strcmp(e.bad, "targets") == 0)
			return fail(err, RECSTORE_EINVAL, 0, "'targets' holds "
			    "a missing name or value, a name twice, or text "
			    "that is not UTF-8");
		return fail(err, RECSTORE_EINVAL, 0, "'%s' holds %s", e.bad,
		    (strcmp(e.bad, "people") == 0 ||
		    strcmp(e.bad, "confirmed-by") == 0) ?
		    "a missing name or text that is not UTF-8" :
		    "text that is not UTF-8");
	}
	*line = e.b.p;
	*len = e.b.n;
	return RECSTORE_OK;
}

/* ---- reading the file under the lock ---------------------------------- */

#define HEAD_MAX	64	/* bytes of each line kept for its "n:" */

struct scan {
	unsigned long	 lines;		/* complete lines */
	long long	 pos;		/* bytes read */
	long long	 line_start;	/* offset of the current line */
	char		 head[HEAD_MAX];
	size_t		 nhead;
	unsigned long	 records;
	int64_t		 max_n;
};

static const char *
skip_blank(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/*
 * The n of a line the tool writes, "- {n: N," or "- {n: N}" (spaces and
 * tabs allowed where YAML allows them); -1 for any other line. A number
 * too large for int64_t counts as INT64_MAX.
 */
static int64_t
line_n(const char *p, size_t len, bool first_line)
{
	const char *end = p + len, *q;
	int64_t n = 0;

	if (first_line && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;				/* a byte-order mark */
	if (p >= end || *p++ != '-' || p >= end || (*p != ' ' && *p != '\t'))
		return -1;
	p = skip_blank(p, end);
	if (p >= end || *p++ != '{')
		return -1;
	p = skip_blank(p, end);
	if (p >= end || *p++ != 'n')
		return -1;
	p = skip_blank(p, end);
	if (p >= end || *p++ != ':' || p >= end || (*p != ' ' && *p != '\t'))
		return -1;
	p = skip_blank(p, end);
	for (q = p; q < end && *q >= '0' && *q <= '9'; q++)
		n = n > (INT64_MAX - (*q - '0')) / 10 ? INT64_MAX :
		    n * 10 + (*q - '0');
	if (q == p)
		return -1;
	q = skip_blank(q, end);
	if (q >= end || (*q != ',' && *q != '}'))
		return -1;
	return n;
}

static void
scan_bytes(struct scan *s, const char *buf, size_t len)
{
	size_t i;
	int64_t n;

	for (i = 0; i < len; i++) {
		if (buf[i] != '\n') {
			if (s->nhead < HEAD_MAX)
				s->head[s->nhead++] = buf[i];
			continue;
		}
		if ((n = line_n(s->head, s->nhead, s->lines == 0)) >= 0) {
			s->records++;
			if (n > s->max_n)
				s->max_n = n;
		}
		s->lines++;
		s->line_start = s->pos + (long long)i + 1;
		s->nhead = 0;
	}
	s->pos += (long long)len;
}

/* pread that retries on EINTR: bytes read, 0 at the end, -1 on error. */
static ssize_t
read_at(int fd, char *buf, size_t len, long long off)
{
	ssize_t got;

	do
		got = pread(fd, buf, len, (off_t)off);
	while (got == -1 && errno == EINTR);
	return got;
}

struct yreader {
	int		 fd;
	long long	 off, end;
	bool		 failed;
};

static int
yread(void *data, unsigned char *buf, size_t size, size_t *got)
{
	struct yreader *r = data;
	ssize_t n;

	if ((long long)size > r->end - r->off)
		size = (size_t)(r->end - r->off);
	n = size > 0 ? read_at(r->fd, (char *)buf, size, r->off) : 0;
	if (n < 0) {
		r->failed = true;
		return 0;
	}
	r->off += n;
	*got = (size_t)n;
	return 1;
}

/* Whether the bytes [from, to) of the file read as YAML, to their end. */
static bool
parses(int fd, long long from, long long to)
{
	struct yreader r = { fd, from, to, false };
	yaml_parser_t parser;
	yaml_event_t ev;
	bool ok = true, end = false;

	if (!yaml_parser_initialize(&parser))
		arena_oom();
	yaml_parser_set_input(&parser, yread, &r);
	while (ok && !end) {
		if (!yaml_parser_parse(&parser, &ev)) {
			ok = false;
			break;
		}
		end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return ok && !r.failed;
}

/*
 * A last line that is only "-" (a torn "- {...") reads as a null item:
 * it parses, but is no record.
 */
static bool
bare_dash(const struct scan *s)
{
	const char *p = s->head, *end = s->head + s->nhead;

	if (s->nhead == HEAD_MAX)
		return false;
	p = skip_blank(p, end);
	if (p >= end || *p++ != '-')
		return false;
	p = skip_blank(p, end);
	return p == end || *p == '#' || *p == '\r';
}

/*
 * Reads the whole file from its start and fills *t; classifies an
 * incomplete last line. Does not modify the file.
 */
static enum recstore_status
scan_file(int fd, const char *path, struct recstore_tail *t,
    struct recstore_err *err)
{
	char buf[1 << 15];
	struct scan s;
	ssize_t got;
	char q[sizeof(t->repair) - 32];

	memset(&s, 0, sizeof(s));
	memset(t, 0, sizeof(*t));
	while ((got = read_at(fd, buf, sizeof(buf), s.pos)) > 0)
		scan_bytes(&s, buf, (size_t)got);
	if (got < 0)
		return fail(err, RECSTORE_ESYS, errno,
		    "cannot read records file '%s': %s", path,
		    strerror(errno));
	t->size = s.pos;
	t->keep = s.line_start;
	t->lines = s.lines;
	t->records = s.records;
	t->max_n = s.max_n;
	if (s.pos == s.line_start)
		return RECSTORE_OK;
	t->line = s.lines + 1;
	t->col = 1;
	shell_quote(q, sizeof(q), path);
	/*
	 * The tool writes a line and its newline in one write(), so a line
	 * without its newline is a write cut short, to be removed: its "{"
	 * is never closed, and neither the line nor the file reads as YAML.
	 * When one of them does (a hand-written last line, or a record cut
	 * just before its newline), the newline is what is missing, and
	 * removing the line could lose a record.
	 */
	if (!bare_dash(&s) && (parses(fd, s.line_start, s.pos) ||
	    parses(fd, 0, s.pos))) {
		t->kind = RECSTORE_TAIL_UNTERMINATED;
		t->reason = "it has no final newline";
		snprintf(t->repair, sizeof(t->repair), "printf '\\n' >> %s",
		    q);
		return fail(err, RECSTORE_ETORN, 0, "records file '%s' line "
		    "%lu has no final newline: end it with: %s", path,
		    t->line, t->repair);
	}
	t->kind = RECSTORE_TAIL_TORN;
	t->reason = "a write was interrupted";
	snprintf(t->repair, sizeof(t->repair), "truncate -s %lld %s", t->keep,
	    q);
	return fail(err, RECSTORE_ETORN, 0, "records file '%s' ends in an "
	    "incomplete line %lu (a write was interrupted): remove it with: %s",
	    path, t->line, t->repair);
}

/* ---- opening and locking ---------------------------------------------- */

/*
 * Opens path and takes the lock (LOCK_EX or LOCK_SH). With create, a
 * missing file is created (*created set). A file replaced or removed
 * between the open and the lock (someone's editor saving a repair) is
 * opened again, so the lock is always on the file path names.
 */
static enum recstore_status
open_locked(const char *path, bool create, int lock, int *fdp, bool *created,
    struct recstore_err *err)
{
	int flags = (create ? O_RDWR | O_APPEND : O_RDONLY) | O_CLOEXEC |
	    O_NOCTTY | O_NONBLOCK;
	struct stat st, now;
	int attempt, fd, r, e;

	*created = false;
	for (attempt = 0; attempt < 100; attempt++) {
		fd = open(path, flags);
		if (fd == -1 && errno == ENOENT && create) {
			fd = open(path, flags | O_CREAT | O_EXCL, 0644);
			if (fd == -1 && errno == EEXIST)
				continue;	/* created by another */
			*created = fd != -1;
		}
		if (fd == -1)
			return fail(err, RECSTORE_ESYS, errno,
			    "cannot open records file '%s': %s", path,
			    strerror(errno));
		if (fstat(fd, &st) == -1) {
			e = errno;
			close(fd);
			return fail(err, RECSTORE_ESYS, e, "cannot read "
			    "records file '%s': %s", path, strerror(e));
		}
		if (!S_ISREG(st.st_mode)) {
			close(fd);
			e = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
			return fail(err, RECSTORE_ESYS, e, "records file '%s' "
			    "is not a regular file", path);
		}
		/* A regular file: blocking I/O from here on. */
		if ((r = fcntl(fd, F_GETFL)) != -1)
			(void)fcntl(fd, F_SETFL, r & ~O_NONBLOCK);
		while ((r = flock(fd, lock)) == -1 && errno == EINTR)
			;
		if (r == -1) {
			e = errno;
			close(fd);
			return fail(err, RECSTORE_ESYS, e, "cannot lock "
			    "records file '%s': %s", path, strerror(e));
		}
		if (fstat(fd, &st) == 0 && stat(path, &now) == 0 &&
		    st.st_dev == now.st_dev && st.st_ino == now.st_ino) {
			*fdp = fd;
			return RECSTORE_OK;
		}
		close(fd);			/* replaced meanwhile */
		*created = false;
	}
	return fail(err, RECSTORE_ESYS, EAGAIN, "records file '%s' keeps "
	    "being replaced while it is opened", path);
}

static void
unlock_close(int fd)
{
	(void)flock(fd, LOCK_UN);
	close(fd);
}

/* ---- appending -------------------------------------------------------- */

/*
 * Reserves the disk space of len bytes at the end of the file without
 * changing its size, so that a full disk refuses the record before a byte
 * of it is written. Only a full disk or quota is an error; filesystems
 * that cannot reserve are written without.
 */
static int
reserve(int fd, long long size, size_t len)
{
#ifdef __linux__
	int r;

	do
		r = fallocate(fd, FALLOC_FL_KEEP_SIZE, (off_t)size, (off_t)len);
	while (r == -1 && errno == EINTR);
	if (r == -1 && (errno == ENOSPC || errno == EDQUOT))
		return errno;
#else
	(void)fd;
	(void)size;
	(void)len;
#endif
	return 0;
}

/*
 * Writes all of buf at the end of the file (O_APPEND), looping on short
 * writes, at most max bytes per call (0: no limit). Returns the bytes
 * written; on an error, fewer than len and *e set.
 */
static size_t
write_all(int fd, const char *buf, size_t len, size_t max,
    unsigned pause_us, int *e)
{
	struct timespec ts = { 0, (long)pause_us * 1000 };
	size_t done = 0, chunk;
	ssize_t w;

	*e = 0;
	while (done < len) {
		if (done > 0 && pause_us > 0)
			nanosleep(&ts, NULL);
		chunk = len - done;
		if (max != 0 && chunk > max)
			chunk = max;
		w = write(fd, buf + done, chunk);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0) {
			*e = w == 0 ? EIO : errno;
			break;
		}
		done += (size_t)w;
	}
	return done;
}

enum recstore_status
recstore_append_opts(const char *path, struct recstore_record *rec,
    const struct recstore_opts *opts, struct recstore_err *err)
{
	static const struct recstore_opts defaults;
	struct recstore_record r = *rec;
	struct recstore_tail tail;
	enum recstore_status st;
	char *line;
	char q[4 * 4096 + 64];
	size_t len, done;
	bool created;
	int fd, e;

	err_clear(err);
	if (opts == NULL)
		opts = &defaults;
	/* A record that cannot be written is refused before the file is
	   touched (or created). */
	r.n = 1;
	if ((st = recstore_format(&r, &line, &len, err)) != RECSTORE_OK)
		return st;
	free(line);

	if ((st = open_locked(path, true, LOCK_EX, &fd, &created, err)) !=
	    RECSTORE_OK)
		return st;
	if ((st = scan_file(fd, path, &tail, err)) != RECSTORE_OK) {
		unlock_close(fd);
		return st;
	}
	if (tail.max_n == INT64_MAX) {
		unlock_close(fd);
		return fail(err, RECSTORE_EINVAL, 0, "records file '%s' holds "
		    "a record number too large to count on from", path);
	}
	r.n = tail.max_n + 1;
	if ((st = recstore_format(&r, &line, &len, err)) != RECSTORE_OK) {
		unlock_close(fd);
		return st;
	}
	if (!opts->no_reserve && (e = reserve(fd, tail.size, len)) != 0) {
		free(line);
		unlock_close(fd);
		return fail(err, RECSTORE_ESYS, e, "cannot write records file "
		    "'%s': %s", path, strerror(e));
	}
	/*
	 * One write() of the whole line, so that a crash leaves the line
	 * either whole or missing; only a write cut short (a full disk, a
	 * file size limit, an I/O error) leaves part of it. That part is not
	 * removed here, the file being never truncated: the next append
	 * finds the line without its newline and refuses, as validate
	 * reports it, until it is removed with the repair printed.
	 */
	done = write_all(fd, line, len, opts->max_write, opts->pause_us, &e);
	free(line);
	if (done < len) {
		if (done == 0) {
			unlock_close(fd);
			return fail(err, RECSTORE_ESYS, e, "cannot write "
			    "records file '%s': %s", path, strerror(e));
		}
		(void)fsync(fd);
		unlock_close(fd);
		shell_quote(q, sizeof(q), path);
		return fail(err, RECSTORE_ESYS, e, "cannot write records file "
		    "'%s': %s: line %lu was left incomplete, and no record can "
		    "be added until it is removed with: truncate -s %lld %s",
		    path, strerror(e), tail.lines + 1, tail.size,
		    q);
	}
	rec->n = r.n;
	if (fsync(fd) == -1) {
		e = errno;
		unlock_close(fd);
		return fail(err, RECSTORE_ESYNC, e, "records file '%s': record "
		    "%" PRId64 " was appended but could not be synced to "
		    "disk: %s", path, r.n, strerror(e));
	}
	if (created || tail.size == 0)
		output_sync_dir(path);
	unlock_close(fd);
	return RECSTORE_OK;
}

enum recstore_status
recstore_append(const char *path, struct recstore_record *rec,
    struct recstore_err *err)
{
	return recstore_append_opts(path, rec, NULL, err);
}

enum recstore_status
recstore_check_tail(const char *path, struct recstore_tail *tail,
    struct recstore_err *err)
{
	enum recstore_status st;
	bool created;
	int fd;

	err_clear(err);
	/* not the 16 KB of repair, read only once set */
	memset(tail, 0, offsetof(struct recstore_tail, repair));
	tail->repair[0] = '\0';
	if ((st = open_locked(path, false, LOCK_SH, &fd, &created, err)) !=
	    RECSTORE_OK)
		return st;
	st = scan_file(fd, path, tail, err);
	unlock_close(fd);
	return st;
}
