/* recstore.h - the records file: one YAML line per record, appended under a lock, never rewritten. */
#ifndef PAIRPLAN_RECSTORE_H
#define PAIRPLAN_RECSTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The records file NAME.records.yaml (contract §11) is a YAML block
 * sequence with one record per line, each line a flow mapping:
 *
 *   - {n: 3, event: "p2.1#shaliang/3", date: "2024-10-15", ...}
 *
 * written only by appending, whole lines, under an exclusive flock.
 * This module writes such lines and checks the file's tail; it does not
 * read records into the model and does not check them against a plan.
 */

/* One measured value of a record's targets: {name: value}. */
struct recstore_target {
	const char	*name;
	const char	*value;		/* "35%", "120", or any text */
};

/*
 * A record, with the keys of §11. Strings are UTF-8; NULL leaves the key
 * out, as does a count of 0 for a list. The emitter checks only what it
 * needs to write a line that reads back the same (valid UTF-8, numbers in
 * range, no NULL in a list, no target name twice); what the values mean is
 * for the caller to check against the plan.
 */
struct recstore_record {
	int64_t		 n;		/* 1, 2, ...; recstore_append sets it */
	const char	*event;		/* an event id of the schedule */
	const char	*activity;	/* or an activity held beyond the plan */
	const char	*partner;
	const char	*date;		/* a day or "A..B", written as text */
	const char	*status;	/* "held", "cancelled", "moved" */
	const char *const *people;
	size_t		 npeople;
	int64_t		 participants;	/* -1: absent */
	const char	*note;
	const struct recstore_target *targets;
	size_t		 ntargets;
	const char *const *confirmed_by; /* written as key confirmed-by */
	size_t		 nconfirmed_by;
	int64_t		 replaces;	/* 0: absent */
	const char	*recorded;	/* UTC time of writing, e.g.
					   "2024-10-15T08:00:00Z" */
	const char	*by;
};

enum recstore_status {
	RECSTORE_OK,
	RECSTORE_ESYS,		/* a system call failed (err.errnum) */
	RECSTORE_ETORN,		/* the file ends in an incomplete line */
	RECSTORE_EINVAL,	/* the record cannot be written as it is */
	RECSTORE_ESYNC,		/* appended as record n, but fsync failed */
};

/*
 * What went wrong, in one lower-case sentence naming the file in quotes,
 * without "pairplan: " and without a final newline. Paths longer than
 * the buffer are cut, never overflow it.
 */
struct recstore_err {
	int	 errnum;		/* errno for RECSTORE_ESYS/ESYNC, else 0 */
	char	 msg[6 * 4096];
};

/*
 * Formats the record as exactly one line "- {...}\n": a flow mapping
 * whose keys come in the order of §11 (n, event, activity, partner, date,
 * status, people, participants, note, targets, confirmed-by, replaces,
 * recorded, by). Every string is double-quoted, with YAML escapes for
 * '"', '\\', the C0 and C1 controls, DEL, U+2028, U+2029, U+FEFF, U+FFFE
 * and U+FFFF, so the line holds no raw line break or tab and libyaml
 * reads back exactly the same text. Numbers (n, participants, replaces)
 * are plain, and so is a target's value when it is a plain decimal
 * number or percentage ("35%", "120", "0.5"; no sign, no leading zero),
 * so that it reads as a number; any other value is quoted. A target name
 * too long for a YAML implicit key is written as an explicit key
 * ("? name : value"). On success *line (malloc'd, NUL-terminated; the
 * caller frees it) and *len (bytes, final newline included) are set.
 * RECSTORE_EINVAL with a message when a string is not valid UTF-8, n < 1,
 * participants < -1, replaces < 0, a list holds NULL, or a target name
 * comes twice.
 */
enum recstore_status recstore_format(const struct recstore_record *,
	    char **line, size_t *len, struct recstore_err *);

/* Knobs for tests; recstore_append uses the defaults (all zero). */
struct recstore_opts {
	size_t	 max_write;	/* write at most this many bytes per write()
				   call (0: the whole line in one call), to
				   widen the window in which a crash tears a
				   line and to exercise the short-write loop */
	bool	 no_reserve;	/* skip reserving the line's disk space */
	unsigned pause_us;	/* sleep this long between two pieces of a
				   line (with max_write), to widen the
				   window further */
};

/*
 * Appends the record to the records file at path as record n = (highest
 * n in the file) + 1, and sets rec->n. Creates the file (mode 0644 less
 * the umask) when it is missing. Under an exclusive flock it reads the
 * file, refuses (RECSTORE_ETORN, nothing written) when the last line is
 * incomplete, with the exact repair in the message, takes the highest n
 * of the lines the tool writes ("- {n: N, ..."; comments, blank lines and
 * other lines are ignored), writes the line with one write() (looping on
 * short writes), fsyncs the file, and fsyncs the directory when the file
 * was created or was empty. The file is never truncated or rewritten.
 * Errors: RECSTORE_EINVAL (the record; nothing opened), RECSTORE_ESYS
 * (cannot open, lock, read or write; if a write failed half-way the
 * message says so and gives the repair, and the next append refuses the
 * torn line), RECSTORE_ESYNC (the line was appended as rec->n but fsync
 * failed: it may not survive a power loss).
 */
enum recstore_status recstore_append(const char *path,
	    struct recstore_record *rec, struct recstore_err *);
enum recstore_status recstore_append_opts(const char *path,
	    struct recstore_record *rec, const struct recstore_opts *,
	    struct recstore_err *);

enum recstore_tail_kind {
	RECSTORE_TAIL_OK,		/* empty, or ends in a newline */
	RECSTORE_TAIL_TORN,		/* the last line was cut short */
	RECSTORE_TAIL_UNTERMINATED,	/* the file reads as YAML, only the
					   last line's newline is missing */
};

/* The tail of a records file, as recstore_check_tail found it. */
struct recstore_tail {
	enum recstore_tail_kind kind;
	unsigned long	 line, col;	/* the incomplete line, col 1; 0 0
					   when kind is RECSTORE_TAIL_OK */
	long long	 size;		/* bytes read */
	long long	 keep;		/* bytes up to the end of the last
					   complete line */
	unsigned long	 lines;		/* complete lines */
	unsigned long	 records;	/* lines "- {n: N, ..." */
	int64_t		 max_n;		/* highest such N, 0 when none */
	const char	*reason;	/* "a write was interrupted" or "it
					   has no final newline"; NULL when
					   OK */
	char		 repair[4 * 4096 + 64]; /* the shell command that repairs
					   it: "truncate -s KEEP 'PATH'" or
					   "printf '\n' >> 'PATH'"; "" if OK */
};

/*
 * For validate: reads the records file under a shared lock, without
 * modifying anything, and fills *tail. RECSTORE_ETORN, with the message
 * recstore_append would print, when the last line is incomplete;
 * RECSTORE_ESYS when the file cannot be read (err.errnum ENOENT when it
 * does not exist).
 */
enum recstore_status recstore_check_tail(const char *path,
	    struct recstore_tail *tail, struct recstore_err *);

#endif
