/* test_recstore.c - unit tests of the records file: the one-line emitter, numbering, torn tails, errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <regex.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "recstore.h"

/* ---- a small string buffer ---------------------------------------------- */

struct buf {
	char	*p;
	size_t	 n, cap;
};

static void
bput(struct buf *b, const char *s, size_t len)
{
	if (b->n + len + 1 > b->cap) {
		b->cap = (b->n + len + 1) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

static void
bputs(struct buf *b, const char *s)
{
	bput(b, s, strlen(s));
}

/* A scalar as "<style><bytes>:<text>": P plain, D double-quoted. */
static void
bscalar(struct buf *b, char style, const char *s, size_t len)
{
	char head[32];

	snprintf(head, sizeof(head), "%c%zu:", style, len);
	bputs(b, head);
	bput(b, s, len);
}

/*
 * What libyaml reads from text, as a string that is equal for equal
 * values: scalars with their style and length, "{" "}" around mappings,
 * "[" "]" around sequences. The text must be one block sequence of one
 * item. NULL when libyaml refuses it.
 */
static char *
yaml_dump(const char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct buf b = { NULL, 0, 0 };
	int depth = 0, items = 0;
	bool done = false, ok = true;
	char style;

	assert_true(yaml_parser_initialize(&parser));
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
	    len);
	bputs(&b, "");
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			ok = false;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_SEQUENCE_START_EVENT:
			if (depth++ > 0)
				bputs(&b, "[");
			break;
		case YAML_SEQUENCE_END_EVENT:
			if (--depth > 0)
				bputs(&b, "]");
			break;
		case YAML_MAPPING_START_EVENT:
			if (depth++ == 1)
				items++;
			bputs(&b, "{");
			break;
		case YAML_MAPPING_END_EVENT:
			depth--;
			bputs(&b, "}");
			break;
		case YAML_SCALAR_EVENT:
			if (depth == 1)
				items++;
			style = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE ?
			    'P' : ev.data.scalar.style ==
			    YAML_DOUBLE_QUOTED_SCALAR_STYLE ? 'D' : '?';
			bscalar(&b, style, (const char *)ev.data.scalar.value,
			    ev.data.scalar.length);
			break;
		case YAML_ALIAS_EVENT:
			ok = false;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (!ok || items != 1) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

/*
 * A target value the emitter must write plain, to read as a number: the
 * rule of recstore.h, as a regular expression.
 */
static bool
number_text(const char *s)
{
	static regex_t re;
	static bool compiled;

	if (!compiled) {
		assert_int_equal(regcomp(&re,
		    "^(0|[1-9][0-9]*)([.][0-9]+)?%?$", REG_EXTENDED | REG_NOSUB),
		    0);
		compiled = true;
	}
	return regexec(&re, s, 0, NULL, 0) == 0;
}

/* The dump yaml_dump must give for a record. */
static char *
expected_dump(const struct recstore_record *r)
{
	struct buf b = { NULL, 0, 0 };
	char num[32];
	size_t i;

#define KEY(k)	bscalar(&b, 'P', (k), strlen(k))
#define STR(s)	bscalar(&b, 'D', (s), strlen(s))
#define NUM(x)	do { snprintf(num, sizeof(num), "%" PRId64, (x)); \
		bscalar(&b, 'P', num, strlen(num)); } while (0)
	bputs(&b, "{");
	KEY("n");
	NUM(r->n);
	if (r->event) { KEY("event"); STR(r->event); }
	if (r->activity) { KEY("activity"); STR(r->activity); }
	if (r->partner) { KEY("partner"); STR(r->partner); }
	if (r->date) { KEY("date"); STR(r->date); }
	if (r->status) { KEY("status"); STR(r->status); }
	if (r->npeople) {
		KEY("people");
		bputs(&b, "[");
		for (i = 0; i < r->npeople; i++)
			STR(r->people[i]);
		bputs(&b, "]");
	}
	if (r->participants >= 0) { KEY("participants"); NUM(r->participants); }
	if (r->note) { KEY("note"); STR(r->note); }
	if (r->ntargets) {
		KEY("targets");
		bputs(&b, "{");
		for (i = 0; i < r->ntargets; i++) {
			STR(r->targets[i].name);
			bscalar(&b, number_text(r->targets[i].value) ?
			    'P' : 'D', r->targets[i].value,
			    strlen(r->targets[i].value));
		}
		bputs(&b, "}");
	}
	if (r->nconfirmed_by) {
		KEY("confirmed-by");
		bputs(&b, "[");
		for (i = 0; i < r->nconfirmed_by; i++)
			STR(r->confirmed_by[i]);
		bputs(&b, "]");
	}
	if (r->replaces > 0) { KEY("replaces"); NUM(r->replaces); }
	if (r->recorded) { KEY("recorded"); STR(r->recorded); }
	if (r->by) { KEY("by"); STR(r->by); }
	bputs(&b, "}");
#undef KEY
#undef STR
#undef NUM
	return b.p;
}

/* The line is "- {...}\n": one final newline, no other control byte. */
static void
assert_one_line(const char *line, size_t len)
{
	size_t i;

	assert_true(len > 5);
	assert_int_equal(strlen(line), len);
	assert_memory_equal(line, "- {", 3);
	assert_memory_equal(line + len - 2, "}\n", 2);
	for (i = 0; i + 1 < len; i++)
		if ((unsigned char)line[i] < 0x20 || line[i] == 0x7F)
			fail_msg("control byte 0x%02x at %zu in %s",
			    (unsigned char)line[i], i, line);
}

/* Formats r, checks the line's shape and reads it back with libyaml. */
static void
round_trip(const struct recstore_record *r)
{
	struct recstore_err err;
	char *line, *got, *want;
	size_t len;

	assert_int_equal(recstore_format(r, &line, &len, &err), RECSTORE_OK);
	assert_one_line(line, len);
	got = yaml_dump(line, len);
	if (got == NULL)
		fail_msg("libyaml cannot read back: %s", line);
	want = expected_dump(r);
	if (strcmp(got, want) != 0)
		fail_msg("read back\n  %s\nwanted\n  %s\nfrom\n  %s", got, want,
		    line);
	free(got);
	free(want);
	free(line);
}

static struct recstore_record
plain_record(void)
{
	struct recstore_record r;

	memset(&r, 0, sizeof(r));
	r.n = 1;
	r.participants = -1;
	return r;
}

/* ---- the emitter ------------------------------------------------------- */

static void
test_format_exact_line(void **state)
{
	static const char *const people[] = { "liu", "xie" };
	static const char *const signers[] = { "张三" };
	static const struct recstore_target t[] = { { "教师优课率", "35%" } };
	struct recstore_record r = plain_record();
	struct recstore_err err;
	char *line;
	size_t len;

	(void)state;
	r.n = 3;
	r.event = "p2.1#shaliang/3";
	r.date = "2024-10-15";
	r.status = "held";
	r.people = people;
	r.npeople = 2;
	r.participants = 40;
	r.note = "送教 \"下乡\"";
	r.targets = t;
	r.ntargets = 1;
	r.confirmed_by = signers;
	r.nconfirmed_by = 1;
	r.recorded = "2024-10-15T08:00:00Z";
	r.by = "liu";
	assert_int_equal(recstore_format(&r, &line, &len, &err), RECSTORE_OK);
	assert_string_equal(line, "- {n: 3, event: \"p2.1#shaliang/3\", "
	    "date: \"2024-10-15\", status: \"held\", people: [\"liu\", \"xie\"], "
	    "participants: 40, note: \"送教 \\\"下乡\\\"\", "
	    "targets: {\"教师优课率\": 35%}, confirmed-by: [\"张三\"], "
	    "recorded: \"2024-10-15T08:00:00Z\", by: \"liu\"}\n");
	assert_int_equal(len, strlen(line));
	free(line);
}

static void
test_format_absent_keys(void **state)
{
	static const char *const people[] = { "x" };
	struct recstore_record r = plain_record();
	struct recstore_err err;
	char *line;
	size_t len;

	(void)state;
	r.n = 12;
	r.activity = "a1";
	r.partner = "p";
	r.people = people;	/* npeople 0: absent all the same */
	r.participants = 0;
	r.replaces = 4;
	assert_int_equal(recstore_format(&r, &line, &len, &err), RECSTORE_OK);
	assert_string_equal(line, "- {n: 12, activity: \"a1\", partner: \"p\", "
	    "participants: 0, replaces: 4}\n");
	free(line);
	round_trip(&r);
}

static const char *const hostile[] = {
	"", " ", "  lead and trail  ", "\"", "\"\"", "'", "''single''",
	"\\", "\\n", "a\\\"b", "a: b", "a:b", ":", "?", "? x", "# c",
	"a #b", "a# b", "x\ny", "\n", "\r\n", "\r", "\t", "a\tb\t",
	"中文 送教下乡 「引号」 ，：", "- dash", "-", "--- ", "...", "yes",
	"no", "Yes", "on", "off", "y", "n", "true", "null", "Null", "~",
	"1", "0", "-1", "010", "0x1F", "1e3", "1_000", ".inf", ".nan",
	"12:30:00", "2024-10-15", "{a: [b, c]}", "[1, 2]", ",", "}", "]",
	"&anchor", "*alias", "!tag", "!!str x", "%TAG", "@at", "`tick`",
	"|", ">", "\x01\x02\x1f", "\x1b[31mred\x1b[0m", "\x7f",
	"\a\b\v\f\x1b", "\xc2\x80\xc2\x9f", "nel\xc2\x85here",
	"ls\xe2\x80\xa8ps\xe2\x80\xa9", "\xef\xbb\xbf\x62om",
	"\xef\xbf\xbe\xef\xbf\xbf", "nbsp\xc2\xa0", "\xf0\x9f\x98\x80 emoji",
	"\xe2\x80\x8b zero width", "tail space ", "\\x41\\u0041",
	"- {n: 999, note: \"x\"}", "a\n- {n: 999, x: y}\n",
};
#define NHOSTILE	(sizeof(hostile) / sizeof(hostile[0]))

static void
test_format_hostile_strings(void **state)
{
	struct recstore_target t[2];
	const char *list[3];
	struct recstore_record r;
	size_t i;

	(void)state;
	for (i = 0; i < NHOSTILE; i++) {
		const char *s = hostile[i], *o = hostile[(i + 1) % NHOSTILE];

		r = plain_record();
		r.event = s;
		r.activity = s;
		r.partner = s;
		r.date = s;
		r.status = s;
		list[0] = s;
		list[1] = o;
		list[2] = "";
		r.people = list;
		r.npeople = 3;
		r.note = s;
		t[0].name = s;
		t[0].value = s;
		t[1].name = strcmp(o, s) != 0 ? o : "other";
		t[1].value = s;
		r.targets = t;
		r.ntargets = 2;
		r.confirmed_by = list;
		r.nconfirmed_by = 2;
		r.recorded = s;
		r.by = s;
		round_trip(&r);
	}
}

static void
test_format_target_values(void **state)
{
	static const char *const plain[] = {
		"0", "35", "35%", "0.5", "12.50%", "100%", "1234567890",
	};
	static const char *const quoted[] = {
		"035", "00", "+1", "-1", "1e3", "1_000", ".5", "5.", "35 %",
		"%", "0x10", "1,000", "三成", "35%%", "", "0.5.1", "1:20",
	};
	struct recstore_target t[1];
	struct recstore_record r = plain_record();
	struct recstore_err err;
	char *line, want[128];
	size_t i, len;

	(void)state;
	r.targets = t;
	r.ntargets = 1;
	t[0].name = "rate";
	for (i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		t[0].value = plain[i];
		assert_int_equal(recstore_format(&r, &line, &len, &err),
		    RECSTORE_OK);
		snprintf(want, sizeof(want), "- {n: 1, targets: {\"rate\": %s}}\n",
		    plain[i]);
		assert_string_equal(line, want);
		free(line);
		round_trip(&r);
	}
	for (i = 0; i < sizeof(quoted) / sizeof(quoted[0]); i++) {
		t[0].value = quoted[i];
		assert_int_equal(recstore_format(&r, &line, &len, &err),
		    RECSTORE_OK);
		snprintf(want, sizeof(want),
		    "- {n: 1, targets: {\"rate\": \"%s\"}}\n", quoted[i]);
		assert_string_equal(line, want);
		free(line);
		round_trip(&r);
	}
}

/* Long strings: a 20000-byte note, and target names too long for an
   implicit key (libyaml's limit is 1024 characters). */
static void
test_format_long_strings(void **state)
{
	struct recstore_target t[3];
	struct recstore_record r = plain_record();
	struct recstore_err err;
	char *note, *name, *name2, *line;
	size_t i, len;

	(void)state;
	note = malloc(20001);
	name = malloc(3001);
	name2 = malloc(1201);
	assert_non_null(note);
	assert_non_null(name);
	assert_non_null(name2);
	for (i = 0; i < 20000; i++)
		note[i] = "ab\"c\n: #\t"[i % 9];
	note[20000] = '\0';
	for (i = 0; i < 3000; i += 3)
		memcpy(name + i, "名", 3);	/* 1000 characters */
	name[3000] = '\0';
	memset(name2, 'k', 1200);
	name2[1200] = '\0';
	t[0].name = name;
	t[0].value = "35%";
	t[1].name = "short";
	t[1].value = note;
	t[2].name = name2;
	t[2].value = "x";
	r.note = note;
	r.targets = t;
	r.ntargets = 3;
	r.by = "liu";
	round_trip(&r);
	assert_int_equal(recstore_format(&r, &line, &len, &err), RECSTORE_OK);
	assert_non_null(strstr(line, "{? \"名名"));
	assert_non_null(strstr(line, "名\" : 35%, \"short\": \""));
	free(line);
	free(note);
	free(name);
	free(name2);
}

static void
test_format_refuses(void **state)
{
	static const char *const people[] = { "liu", NULL };
	static const struct recstore_target twice[] = {
		{ "rate", "1" }, { "rate", "2" },
	};
	static const struct recstore_target noval[] = { { "rate", NULL } };
	static const char *const bad_utf8[] = {
		"\xff", "\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\xc3", "ok\xe4\xb8", "\x80",
	};
	struct recstore_record r;
	struct recstore_err err;
	char *line = (char *)"x";
	size_t i, len = 9;

	(void)state;
	r = plain_record();
	r.n = 0;
	assert_int_equal(recstore_format(&r, &line, &len, &err),
	    RECSTORE_EINVAL);
	assert_null(line);
	assert_int_equal(len, 0);
	assert_string_equal(err.msg, "record number 0 is not 1 or more");
	r = plain_record();
	r.participants = -2;
	assert_int_equal(recstore_format(&r, &line, &len, &err),
	    RECSTORE_EINVAL);
	assert_string_equal(err.msg,
	    "'participants' must not be negative: -2");
	r = plain_record();
	r.replaces = -1;
	assert_int_equal(recstore_format(&r, &line, &len, &err),
	    RECSTORE_EINVAL);
	r = plain_record();
	r.people = people;
	r.npeople = 2;
	assert_int_equal(recstore_format(&r, &line, &len, &err),
	    RECSTORE_EINVAL);
	assert_string_equal(err.msg,
	    "'people' holds a missing name or text that is not UTF-8");
	r = plain_record();
	r.targets = twice;
	r.ntargets = 2;
	assert_int_equal(recstore_format(&r, &line, &len, &err),
	    RECSTORE_EINVAL);
	assert_non_null(strstr(err.msg, "'targets' holds"));
	r.targets = noval;
	r.ntargets = 1;
	assert_int_equal(recstore_format(&r, &line, &len, &err),
	    RECSTORE_EINVAL);
	for (i = 0; i < sizeof(bad_utf8) / sizeof(bad_utf8[0]); i++) {
		r = plain_record();
		r.by = "liu";
		r.note = bad_utf8[i];
		assert_int_equal(recstore_format(&r, &line, &len, &err),
		    RECSTORE_EINVAL);
		assert_string_equal(err.msg, "'note' holds text that is not UTF-8");
		assert_null(line);
	}
}

/* ---- the file ---------------------------------------------------------- */

struct dir {
	char	 path[64];
	char	 file[128];
};

static int
setup_dir(void **state)
{
	struct dir *d;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return -1;
	snprintf(d->path, sizeof(d->path), "/tmp/test_recstore.XXXXXX");
	if (mkdtemp(d->path) == NULL)
		return -1;
	snprintf(d->file, sizeof(d->file), "%s/plan.records.yaml", d->path);
	*state = d;
	return 0;
}

static int
teardown_dir(void **state)
{
	struct dir *d = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", d->path);
	if (system(cmd) != 0)
		return -1;
	free(d);
	return 0;
}

/* The whole file as a string (NUL-terminated), and its length. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct buf b = { NULL, 0, 0 };
	char tmp[4096];
	size_t got;

	assert_non_null(fp);
	bputs(&b, "");
	while ((got = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		bput(&b, tmp, got);
	fclose(fp);
	if (len != NULL)
		*len = b.n;
	return b.p;
}

static void
spew(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
	assert_int_equal(fclose(fp), 0);
}

static struct recstore_record
held(const char *note)
{
	struct recstore_record r = plain_record();

	r.n = 0;			/* set by recstore_append */
	r.event = "p2.1#shaliang/3";
	r.date = "2024-10-15";
	r.status = "held";
	r.note = note;
	r.recorded = "2024-10-15T08:00:00Z";
	r.by = "liu";
	return r;
}

static void
append_ok(const char *path, const char *note, int64_t want_n)
{
	struct recstore_record r = held(note);
	struct recstore_err err;

	if (recstore_append(path, &r, &err) != RECSTORE_OK)
		fail_msg("append: %s", err.msg);
	assert_int_equal(r.n, want_n);
	assert_string_equal(err.msg, "");
}

/* The file holds exactly the lines of records 1..n, as formatted. */
static void
assert_records(const char *path, int64_t n)
{
	struct buf want = { NULL, 0, 0 };
	struct recstore_record r = held("x");
	struct recstore_err err;
	char *text, *line;
	size_t len;
	int64_t i;

	bputs(&want, "");
	for (i = 1; i <= n; i++) {
		r.n = i;
		assert_int_equal(recstore_format(&r, &line, &len, &err),
		    RECSTORE_OK);
		bput(&want, line, len);
		free(line);
	}
	text = slurp(path, NULL);
	assert_string_equal(text, want.p);
	free(text);
	free(want.p);
}

static void
test_append_creates_and_numbers(void **state)
{
	struct dir *d = *state;
	struct recstore_tail tail;
	struct recstore_err err;
	struct stat st;
	mode_t old = umask(0);

	assert_int_equal(stat(d->file, &st), -1);
	append_ok(d->file, "x", 1);
	assert_int_equal(stat(d->file, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0644);
	append_ok(d->file, "x", 2);
	append_ok(d->file, "x", 3);
	assert_records(d->file, 3);
	assert_int_equal(recstore_check_tail(d->file, &tail, &err), RECSTORE_OK);
	assert_int_equal(tail.kind, RECSTORE_TAIL_OK);
	assert_int_equal(tail.line, 0);
	assert_int_equal(tail.lines, 3);
	assert_int_equal(tail.records, 3);
	assert_int_equal(tail.max_n, 3);
	assert_int_equal(tail.keep, tail.size);
	assert_null(tail.reason);
	assert_string_equal(tail.repair, "");
	umask(old);
}

/* Pieces of one byte: the short-write loop writes the same line. */
static void
test_append_in_pieces(void **state)
{
	struct dir *d = *state;
	struct recstore_opts o = { 1, false, 0 };
	struct recstore_record r = held("x");
	struct recstore_err err;

	append_ok(d->file, "x", 1);
	assert_int_equal(recstore_append_opts(d->file, &r, &o, &err),
	    RECSTORE_OK);
	assert_int_equal(r.n, 2);
	o.max_write = 7;
	o.no_reserve = true;
	assert_int_equal(recstore_append_opts(d->file, &r, &o, &err),
	    RECSTORE_OK);
	assert_int_equal(r.n, 3);
	assert_records(d->file, 3);
}

/*
 * Only "- {n: N," lines written by the tool count; comments, blank
 * lines, other forms and text inside notes do not.
 */
static void
test_append_numbering_from_file(void **state)
{
	struct dir *d = *state;
	struct recstore_tail tail;
	struct recstore_err err;
	char *before, *after;
	size_t blen, alen;

	spew(d->file,
	    "\xef\xbb\xbf- {n: 2, event: \"a\"}\n"
	    "# records of the plan\n"
	    "\n"
	    "- {n:  7 , event: \"a\"}\n"
	    "-\t{\tn:\t5}\n"
	    "# - {n: 99, event: \"a\"}\n"
	    "  - {n: 98, event: \"a\"}\n"
	    "- {event: \"a\", n: 97}\n"
	    "- {n: '96', event: \"a\"}\n"
	    "- {n: 95x, event: \"a\"}\n"
	    "- {n:94, event: \"a\"}\n"
	    "-{n: 93}\n"
	    "- {n: 3, note: \"\\n- {n: 92, \"}\n"
	    "- {n: 6, note: \"text\r\n"
	    "  on two lines\"}\r\n");
	assert_int_equal(recstore_check_tail(d->file, &tail, &err), RECSTORE_OK);
	assert_int_equal(tail.records, 5);
	assert_int_equal(tail.max_n, 7);
	assert_int_equal(tail.lines, 15);
	before = slurp(d->file, &blen);
	append_ok(d->file, "x", 8);
	append_ok(d->file, "- {n: 1000, x}\n- {n: 1001,", 9);
	append_ok(d->file, "x", 10);
	after = slurp(d->file, &alen);
	assert_true(alen > blen);
	assert_memory_equal(before, after, blen);	/* only appended */
	free(before);
	free(after);
}

static void
test_append_number_too_large(void **state)
{
	struct dir *d = *state;
	struct recstore_record r = held("x");
	struct recstore_err err;

	spew(d->file, "- {n: 9223372036854775807}\n");
	assert_int_equal(recstore_append(d->file, &r, &err), RECSTORE_EINVAL);
	assert_int_equal(r.n, 0);
	spew(d->file, "- {n: 99999999999999999999999, x: 1}\n");
	assert_int_equal(recstore_append(d->file, &r, &err), RECSTORE_EINVAL);
	assert_non_null(strstr(err.msg, "too large"));
	spew(d->file, "- {n: 9223372036854775806}\n");
	append_ok(d->file, "x", INT64_MAX);
}

/* Expects path to end in an incomplete line: append refuses and leaves
   the file as it was, check_tail reports the same. */
static void
expect_refused(const char *path, enum recstore_tail_kind kind,
    unsigned long line, long long keep, const char *msg)
{
	struct recstore_record r = held("x");
	struct recstore_tail tail;
	struct recstore_err err;
	char *before, *after;
	size_t blen, alen;

	before = slurp(path, &blen);
	assert_int_equal(recstore_append(path, &r, &err), RECSTORE_ETORN);
	assert_int_equal(err.errnum, 0);
	assert_string_equal(err.msg, msg);
	assert_int_equal(r.n, 0);
	after = slurp(path, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(before, after, blen);
	memset(&err, 0, sizeof(err));
	assert_int_equal(recstore_check_tail(path, &tail, &err),
	    RECSTORE_ETORN);
	assert_string_equal(err.msg, msg);
	assert_int_equal(tail.kind, kind);
	assert_int_equal(tail.line, line);
	assert_int_equal(tail.col, 1);
	assert_int_equal(tail.lines, line - 1);
	assert_int_equal(tail.keep, keep);
	assert_int_equal(tail.size, (long long)blen);
	assert_non_null(strstr(msg, tail.repair));
	assert_string_equal(tail.reason, kind == RECSTORE_TAIL_TORN ?
	    "a write was interrupted" : "it has no final newline");
	free(before);
	free(after);
}

/* Runs the repair the message gives, as a user would. */
static void
run_repair(const char *path)
{
	struct recstore_tail tail;
	struct recstore_err err;

	assert_int_equal(recstore_check_tail(path, &tail, &err),
	    RECSTORE_ETORN);
	assert_int_equal(system(tail.repair), 0);
	assert_int_equal(recstore_check_tail(path, &tail, &err), RECSTORE_OK);
}

static void
test_torn_tail_refused_and_repaired(void **state)
{
	struct dir *d = *state;
	char msg[512], *text;
	long long keep;

	append_ok(d->file, "x", 1);
	append_ok(d->file, "x", 2);
	text = slurp(d->file, NULL);
	keep = (long long)strlen(text);
	free(text);
	/* A crash in the middle of record 3. */
	{
		FILE *fp = fopen(d->file, "ab");

		assert_non_null(fp);
		fputs("- {n: 3, event: \"p2.1#sha", fp);
		assert_int_equal(fclose(fp), 0);
	}
	snprintf(msg, sizeof(msg), "records file '%s' ends in an incomplete "
	    "line 3 (a write was interrupted): remove it with: truncate -s "
	    "%lld '%s'", d->file, keep, d->file);
	expect_refused(d->file, RECSTORE_TAIL_TORN, 3, keep, msg);
	run_repair(d->file);
	append_ok(d->file, "x", 3);
	assert_records(d->file, 3);
}

static void
test_torn_tail_kinds(void **state)
{
	static const struct {
		const char	*text;
		int		 kind;		/* 0 torn, 1 unterminated */
		unsigned long	 line;
		long long	 keep;
		int64_t		 next;		/* n after the repair */
	} c[] = {
		{ "-", 0, 1, 0, 1 },
		{ "- ", 0, 1, 0, 1 },
		{ "- {", 0, 1, 0, 1 },
		{ "- {n: 1}\n-", 0, 2, 9, 2 },
		{ "- {n: 1}\n- {n: 2, note: \"a}", 0, 2, 9, 2 },
		{ "- {n: 1}\n- {n: 2, note: \"a\\", 0, 2, 9, 2 },
		{ "- {n: 1}\n- {n: 2, note: \"a\"", 0, 2, 9, 2 },
		{ "- {n: 1}\n- {n: 2, note: \"\xe4\xb8", 0, 2, 9, 2 },
		{ "- {n: 1}\n\n# c\n- {n: 2, ev", 0, 4, 14, 2 },
		{ "- {n: 1}\r\n- {n: 2", 0, 2, 10, 2 },
		/* the newline only is missing: kept */
		{ "- {n: 1}\n- {n: 2, note: \"a\"}", 1, 2, 9, 3 },
		{ "- {n: 1}\n# a comment", 1, 2, 9, 2 },
		{ "- {n: 4}", 1, 1, 0, 5 },
		{ "- {n: 1}\n- event: x\n  date: 2024-10-15", 1, 3, 20, 2 },
		{ "- {n: 1}\n   ", 1, 2, 9, 2 },
		{ "- {n: 1}\r", 1, 1, 0, 2 },
		/* a file broken elsewhere: the last line alone decides */
		{ "key: value\n- {n: 1}", 1, 2, 11, 2 },
		{ "key: value\n- {n: 1, x", 0, 2, 11, 1 },
		/* a multi-line record whose last line closes it */
		{ "- {n: 1,\n  note: \"x\"}", 1, 2, 9, 2 },
	};
	struct dir *d = *state;
	char msg[512];
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		spew(d->file, c[i].text);
		if (c[i].kind == 0)
			snprintf(msg, sizeof(msg), "records file '%s' ends in "
			    "an incomplete line %lu (a write was interrupted): "
			    "remove it with: truncate -s %lld '%s'", d->file,
			    c[i].line, c[i].keep, d->file);
		else
			snprintf(msg, sizeof(msg), "records file '%s' line %lu "
			    "has no final newline: end it with: printf '\\n' "
			    ">> '%s'", d->file, c[i].line, d->file);
		expect_refused(d->file, c[i].kind ? RECSTORE_TAIL_UNTERMINATED :
		    RECSTORE_TAIL_TORN, c[i].line, c[i].keep, msg);
		run_repair(d->file);
		append_ok(d->file, "x", c[i].next);
	}
}

/* The repair names the file as one shell word, whatever its name. */
static void
test_torn_tail_odd_names(void **state)
{
	static const char *const names[] = {
		"-it's here.yaml", "a b$(echo x)`y`\\\".yaml", "记录.yaml",
	};
	struct dir *d = *state;
	char path[256], cwd[4096];
	size_t i;

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(d->path), 0);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s", names[i]);
		append_ok(path, "x", 1);
		{
			FILE *fp = fopen(path, "ab");

			assert_non_null(fp);
			fputs("- {n: 2", fp);
			assert_int_equal(fclose(fp), 0);
		}
		run_repair(path);
		append_ok(path, "x", 2);
		assert_records(path, 2);
	}
	assert_int_equal(chdir(cwd), 0);
}

/* check_tail reads only: the file, its size and times stay as they are. */
static void
test_check_tail_modifies_nothing(void **state)
{
	struct dir *d = *state;
	struct recstore_tail tail;
	struct recstore_err err;
	struct stat a, b;

	spew(d->file, "- {n: 1}\n- {n: 2, no");
	assert_int_equal(chmod(d->file, 0444), 0);
	assert_int_equal(stat(d->file, &a), 0);
	assert_int_equal(recstore_check_tail(d->file, &tail, &err),
	    RECSTORE_ETORN);
	assert_int_equal(recstore_check_tail(d->file, &tail, &err),
	    RECSTORE_ETORN);
	assert_int_equal(stat(d->file, &b), 0);
	assert_int_equal(a.st_size, b.st_size);
	assert_int_equal(a.st_mode, b.st_mode);
	assert_int_equal(a.st_mtim.tv_sec, b.st_mtim.tv_sec);
	assert_int_equal(a.st_mtim.tv_nsec, b.st_mtim.tv_nsec);
	assert_int_equal(a.st_ctim.tv_nsec, b.st_ctim.tv_nsec);
	assert_int_equal(tail.line, 2);
	/* a missing file is created by append only */
	assert_int_equal(unlink(d->file), 0);
	assert_int_equal(recstore_check_tail(d->file, &tail, &err),
	    RECSTORE_ESYS);
	assert_int_equal(err.errnum, ENOENT);
	assert_int_equal(access(d->file, F_OK), -1);
	/* an empty file is fine */
	spew(d->file, "");
	assert_int_equal(recstore_check_tail(d->file, &tail, &err), RECSTORE_OK);
	assert_int_equal(tail.size, 0);
	assert_int_equal(tail.lines, 0);
}

static void
test_errors(void **state)
{
	struct dir *d = *state;
	struct recstore_record r = held("x");
	struct recstore_tail tail;
	struct recstore_err err;
	char path[256], msg[512];

	/* a directory */
	assert_int_equal(recstore_append(d->path, &r, &err), RECSTORE_ESYS);
	assert_int_equal(err.errnum, EISDIR);
	snprintf(msg, sizeof(msg), "cannot open records file '%s': %s",
	    d->path, strerror(EISDIR));
	assert_string_equal(err.msg, msg);
	assert_int_equal(r.n, 0);
	/* a missing folder */
	snprintf(path, sizeof(path), "%s/no/such.yaml", d->path);
	assert_int_equal(recstore_append(path, &r, &err), RECSTORE_ESYS);
	assert_int_equal(err.errnum, ENOENT);
	/* a FIFO: refused, without waiting for a writer */
	snprintf(path, sizeof(path), "%s/fifo", d->path);
	assert_int_equal(mkfifo(path, 0644), 0);
	assert_int_equal(recstore_append(path, &r, &err), RECSTORE_ESYS);
	snprintf(msg, sizeof(msg), "records file '%s' is not a regular file",
	    path);
	assert_string_equal(err.msg, msg);
	assert_int_equal(recstore_check_tail(path, &tail, &err), RECSTORE_ESYS);
	assert_string_equal(err.msg, msg);
	/* a record that cannot be written: the file is not even created */
	r.note = "\xff";
	assert_int_equal(recstore_append(d->file, &r, &err), RECSTORE_EINVAL);
	assert_int_equal(access(d->file, F_OK), -1);
	r.note = "x";
	/* no permission (root has every permission: nothing to check) */
	spew(d->file, "");
	assert_int_equal(chmod(d->file, 0444), 0);
	if (geteuid() != 0) {
		assert_int_equal(recstore_append(d->file, &r, &err),
		    RECSTORE_ESYS);
		assert_int_equal(err.errnum, EACCES);
	}
}

/*
 * A write cut short, with the file size limit standing in for a full
 * disk: with no room at all nothing is written; with room for part of
 * the line the part stays, the message gives the repair, and the next
 * append refuses until it is done.
 */
static void
test_short_write(void **state)
{
	struct dir *d = *state;
	struct recstore_record r = held("x");
	struct recstore_err err;
	struct rlimit old, lim;
	void (*oldsig)(int);
	char *text, msg[512];
	size_t len;

	append_ok(d->file, "x", 1);
	text = slurp(d->file, &len);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	oldsig = signal(SIGXFSZ, SIG_IGN);
	lim = old;
	lim.rlim_cur = len;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	assert_int_equal(recstore_append(d->file, &r, &err), RECSTORE_ESYS);
	assert_int_equal(err.errnum, EFBIG);
	assert_int_equal(r.n, 0);
	snprintf(msg, sizeof(msg), "cannot write records file '%s': %s",
	    d->file, strerror(EFBIG));
	assert_string_equal(err.msg, msg);
	assert_records(d->file, 1);

	lim.rlim_cur = len + 10;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	assert_int_equal(recstore_append(d->file, &r, &err), RECSTORE_ESYS);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, oldsig);
	assert_int_equal(err.errnum, EFBIG);
	snprintf(msg, sizeof(msg), "cannot write records file '%s': %s: line 2 "
	    "was left incomplete, and no record can be added until it is "
	    "removed with: truncate -s %zu '%s'", d->file, strerror(EFBIG),
	    len, d->file);
	assert_string_equal(err.msg, msg);
	free(text);
	text = slurp(d->file, NULL);
	assert_int_equal(strlen(text), len + 10);
	free(text);
	snprintf(msg, sizeof(msg), "records file '%s' ends in an incomplete "
	    "line 2 (a write was interrupted): remove it with: truncate -s "
	    "%zu '%s'", d->file, len, d->file);
	expect_refused(d->file, RECSTORE_TAIL_TORN, 2, (long long)len, msg);
	run_repair(d->file);
	append_ok(d->file, "x", 2);
	assert_records(d->file, 2);
}

/* The records written read back through libyaml as they were given. */
static void
test_append_hostile_round_trip(void **state)
{
	struct dir *d = *state;
	struct recstore_record r;
	struct recstore_err err;
	struct buf want = { NULL, 0, 0 };
	char *text, *got, *exp;
	size_t i, len;

	bputs(&want, "");
	for (i = 0; i < NHOSTILE; i++) {
		r = held(hostile[i]);
		r.by = hostile[NHOSTILE - 1 - i];
		assert_int_equal(recstore_append(d->file, &r, &err),
		    RECSTORE_OK);
		assert_int_equal(r.n, (int64_t)i + 1);
		exp = expected_dump(&r);
		bputs(&want, exp);
		free(exp);
	}
	text = slurp(d->file, &len);
	/* the whole file, item by item, as one sequence */
	{
		yaml_parser_t p;
		yaml_event_t ev;
		size_t items = 0;
		bool done = false;

		assert_true(yaml_parser_initialize(&p));
		yaml_parser_set_input_string(&p, (unsigned char *)text, len);
		while (!done) {
			assert_true(yaml_parser_parse(&p, &ev));
			if (ev.type == YAML_MAPPING_START_EVENT &&
			    ev.start_mark.column == 2)
				items++;
			done = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
		}
		yaml_parser_delete(&p);
		assert_int_equal(items, NHOSTILE);
	}
	/* and line by line */
	{
		struct buf all = { NULL, 0, 0 };
		char *line = text, *nl;

		bputs(&all, "");
		while ((nl = strchr(line, '\n')) != NULL) {
			got = yaml_dump(line, (size_t)(nl - line + 1));
			assert_non_null(got);
			bputs(&all, got);
			free(got);
			line = nl + 1;
		}
		assert_string_equal(all.p, want.p);
		free(all.p);
	}
	free(text);
	free(want.p);
}

#define T(f)	cmocka_unit_test(f)
#define TD(f)	cmocka_unit_test_setup_teardown(f, setup_dir, teardown_dir)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_format_exact_line),
		T(test_format_absent_keys),
		T(test_format_hostile_strings),
		T(test_format_target_values),
		T(test_format_long_strings),
		T(test_format_refuses),
		TD(test_append_creates_and_numbers),
		TD(test_append_in_pieces),
		TD(test_append_numbering_from_file),
		TD(test_append_number_too_large),
		TD(test_torn_tail_refused_and_repaired),
		TD(test_torn_tail_kinds),
		TD(test_torn_tail_odd_names),
		TD(test_check_tail_modifies_nothing),
		TD(test_errors),
		TD(test_short_write),
		TD(test_append_hostile_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
