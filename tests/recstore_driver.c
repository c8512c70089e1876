/* recstore_driver.c - drives the records file from the shell: the concurrency and crash tests. */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "recstore.h"

static void
usage(void)
{
	fputs("usage: recstore_driver append FILE TAG [GATE]\n"
	    "       recstore_driver check FILE\n"
	    "       recstore_driver crash DIR TRIALS MAX_US\n", stderr);
	exit(2);
}

static void
sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* A record with text YAML could misread, tagged so it can be found. */
static void
make_record(struct recstore_record *r, const char *tag, char *note,
    size_t cap)
{
	static const char *const people[] = { "liu", "xie" };
	static const char *const signers[] = { "张三", "- 李四: yes" };
	static struct recstore_target t[2];

	snprintf(note, cap, "送教 \"下乡\" # not a comment\n"
	    "line two:\t{x, [y]} 'q' \\ %s", tag);
	memset(r, 0, sizeof(*r));
	r->event = "p2.1#shaliang/3";
	r->date = "2024-10-15";
	r->status = "held";
	r->people = people;
	r->npeople = 2;
	r->participants = 40;
	r->note = note;
	t[0].name = "教师优课率";
	t[0].value = "35%";
	t[1].name = "yes";
	t[1].value = "no";
	r->targets = t;
	r->ntargets = 2;
	r->confirmed_by = signers;
	r->nconfirmed_by = 2;
	r->recorded = "2024-10-15T08:00:00Z";
	r->by = tag;
}

/* Exit status: 0 appended (n printed), 1 refused (torn tail), 2 error. */
static int
cmd_append(int argc, char **argv)
{
	struct recstore_record r;
	struct recstore_err err;
	enum recstore_status st;
	char note[256];
	int waited = 0;

	if (argc < 4 || argc > 5)
		usage();
	if (argc == 5)			/* start together: wait for GATE */
		while (access(argv[4], F_OK) != 0) {
			if (++waited > 60000) {
				fputs("recstore_driver: no gate\n", stderr);
				return 2;
			}
			sleep_us(1000);
		}
	make_record(&r, argv[3], note, sizeof(note));
	st = recstore_append(argv[2], &r, &err);
	if (st != RECSTORE_OK) {
		fprintf(stderr, "recstore_driver: %s\n", err.msg);
		return st == RECSTORE_ETORN ? 1 : 2;
	}
	printf("%" PRId64 "\n", r.n);
	return 0;
}

/*
 * Prints "ok LINES MAX_N", exit 0; or "torn|unterminated LINE COL KEEP"
 * and the repair on a second line, exit 3; exit 2 on an error.
 */
static int
cmd_check(int argc, char **argv)
{
	struct recstore_tail t;
	struct recstore_err err;
	enum recstore_status st;

	if (argc != 3)
		usage();
	st = recstore_check_tail(argv[2], &t, &err);
	if (st == RECSTORE_OK) {
		printf("ok %lu %" PRId64 "\n", t.lines, t.max_n);
		return 0;
	}
	if (st != RECSTORE_ETORN) {
		fprintf(stderr, "recstore_driver: %s\n", err.msg);
		return 2;
	}
	printf("%s %lu %lu %lld\n%s\n", t.kind == RECSTORE_TAIL_TORN ?
	    "torn" : "unterminated", t.line, t.col, t.keep, t.repair);
	return 3;
}

/* The whole file: its bytes and length; NULL when it cannot be read. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, got;

	*len = 0;
	if (fp == NULL)
		return NULL;
	do {
		if (*len + 4096 > cap) {
			cap = (*len + 4096) * 2;
			if ((buf = realloc(buf, cap)) == NULL)
				exit(2);
		}
		got = fread(buf + *len, 1, cap - *len, fp);
		*len += got;
	} while (got > 0);
	fclose(fp);
	return buf;
}

static int
spew(const char *path, const char *buf, size_t len)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL)
		return -1;
	if (fwrite(buf, 1, len, fp) != len) {
		fclose(fp);
		return -1;
	}
	return fclose(fp);
}

/*
 * One trial: a child appends records to path in a loop, each line in
 * pieces of chunk bytes (0: whole, as the tool writes), and is killed
 * with SIGKILL after delay microseconds. Then the file is checked: whole,
 * or ending in one incomplete line that check_tail reports at the line
 * after the last newline, that append refuses (with the repair in its
 * message, leaving the file as it was), and that the repair, run as
 * printed, clears. path.tear ("KIND LINE KEEP") and path.torn (the file
 * as the crash left it) keep a tear for the final check. Last, one more
 * record is appended ("after"). Returns a failure or NULL; *kind is 0,
 * 1 torn, 2 unterminated.
 */
static const char *
trial(const char *path, size_t chunk, long delay, int *kind)
{
	static char why[sizeof(((struct recstore_err *)0)->msg) + 64];
	struct recstore_opts o = { chunk, false, 0 };
	struct recstore_record r;
	struct recstore_tail t;
	struct recstore_err err;
	enum recstore_status st;
	char note[256], tag[32], side[4096];
	char *before, *after;
	size_t blen, alen, i, nl;
	pid_t pid;
	int status, ready[2];
	ssize_t got;
	char c;
	FILE *fp;

	*kind = 0;
	fflush(NULL);
	if (pipe(ready) == -1)
		return "cannot make a pipe";
	if ((pid = fork()) == -1)
		return "cannot fork";
	if (pid == 0) {
		close(ready[0]);
		for (i = 1;; i++) {
			snprintf(tag, sizeof(tag), "c%zu", i);
			make_record(&r, tag, note, sizeof(note));
			if (recstore_append_opts(path, &r, &o, &err) !=
			    RECSTORE_OK) {
				fprintf(stderr, "recstore_driver: %s\n",
				    err.msg);
				_exit(2);
			}
			if (i == 1) {		/* the loop is running */
				(void)!write(ready[1], "r", 1);
				close(ready[1]);
			}
		}
	}
	/*
	 * The delay counts from the first record, not from the fork, which
	 * a loaded machine can make longer than the delay.
	 */
	close(ready[1]);
	while ((got = read(ready[0], &c, 1)) == -1 && errno == EINTR)
		;
	close(ready[0]);
	if (got == 1)
		sleep_us(delay);
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
		return "the append loop stopped before it was killed";
	if (access(path, F_OK) != 0 && spew(path, "", 0) != 0)
		return "cannot create the file";	/* killed early */

	st = recstore_check_tail(path, &t, &err);
	if (st == RECSTORE_ETORN) {
		*kind = t.kind == RECSTORE_TAIL_TORN ? 1 : 2;
		if ((before = slurp(path, &blen)) == NULL)
			return "cannot read the file";
		for (i = nl = 0; i < blen; i++)
			nl += before[i] == '\n';
		if (t.line != nl + 1 || t.col != 1 || t.lines != nl ||
		    (size_t)t.size != blen || blen == 0 ||
		    before[blen - 1] == '\n' ||
		    memchr(before + t.keep, '\n', blen - (size_t)t.keep)) {
			snprintf(why, sizeof(why), "tail reported at %lu:%lu, "
			    "keep %lld, in %zu bytes of %zu lines", t.line,
			    t.col, t.keep, blen, nl);
			free(before);
			return why;
		}
		snprintf(side, sizeof(side), "%s.torn", path);
		if (spew(side, before, blen) != 0)
			return "cannot save the torn file";
		snprintf(side, sizeof(side), "%s.tear", path);
		if ((fp = fopen(side, "w")) == NULL)
			return "cannot save the tear";
		fprintf(fp, "%s %lu %lld\n", *kind == 1 ? "torn" :
		    "unterminated", t.line, t.keep);
		fclose(fp);
		make_record(&r, "refused", note, sizeof(note));
		st = recstore_append(path, &r, &err);
		after = slurp(path, &alen);
		if (st != RECSTORE_ETORN || strstr(err.msg, t.repair) == NULL ||
		    after == NULL || alen != blen ||
		    memcmp(before, after, blen) != 0) {
			snprintf(why, sizeof(why), "append did not refuse the "
			    "tail as it should: %s", err.msg);
			free(before);
			free(after);
			return why;
		}
		free(before);
		free(after);
		if (system(t.repair) != 0)
			return "the repair failed";
		st = recstore_check_tail(path, &t, &err);
	}
	if (st != RECSTORE_OK) {
		snprintf(why, sizeof(why), "%s", err.msg);
		return why;
	}
	make_record(&r, "after", note, sizeof(note));
	if (recstore_append(path, &r, &err) != RECSTORE_OK) {
		snprintf(why, sizeof(why), "cannot append after: %s", err.msg);
		return why;
	}
	if (r.n != t.max_n + 1) {
		snprintf(why, sizeof(why), "appended after as %" PRId64
		    ", after %" PRId64, r.n, t.max_n);
		return why;
	}
	return NULL;
}

/*
 * TRIALS trials in DIR (files r1.yaml ...), killed after a delay drawn
 * from the trial's number in [0, MAX_US) microseconds; odd trials write
 * in one-byte pieces, even ones whole. Prints "TORN UNTERMINATED", the
 * counts of trials that left an incomplete line. Exit 0, or 1 after the
 * first failure.
 */
static int
cmd_crash(int argc, char **argv)
{
	char path[4096];
	const char *why;
	unsigned long trials, i, counts[3] = { 0, 0, 0 };
	uint64_t x;
	long max_us, delay;
	int kind, k;

	if (argc != 5)
		usage();
	trials = strtoul(argv[3], NULL, 10);
	max_us = strtol(argv[4], NULL, 10);
	for (i = 1; i <= trials; i++) {
		x = i * 0x9E3779B97F4A7C15ull + 1;
		for (k = 0; k < 3; k++) {		/* xorshift64 */
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
		}
		delay = max_us > 0 ? (long)(x % (uint64_t)max_us) : 0;
		snprintf(path, sizeof(path), "%s/r%lu.yaml", argv[2], i);
		if ((why = trial(path, i % 2, delay, &kind)) != NULL) {
			printf("trial %lu (%s, killed after %ld us): %s\n", i,
			    i % 2 ? "one-byte writes" : "whole writes", delay,
			    why);
			return 1;
		}
		counts[kind]++;
	}
	printf("%lu %lu\n", counts[1], counts[2]);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc < 2)
		usage();
	if (strcmp(argv[1], "append") == 0)
		return cmd_append(argc, argv);
	if (strcmp(argv[1], "check") == 0)
		return cmd_check(argc, argv);
	if (strcmp(argv[1], "crash") == 0)
		return cmd_crash(argc, argv);
	usage();
	return 2;
}
