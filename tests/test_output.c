/* test_output.c - output files directly: written beside and renamed on commit, nothing left on abort, devices written as they are, errors named. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"

/* A scratch directory per test, and what went to stderr. */
struct fix {
	char	 dir[64];
	char	 path[128];	/* dir/plan.md */
	char	 err[4096];	/* stderr captured by capture_end */
	int	 saved;		/* the real stderr while captured */
	FILE	*cap;
};

static int
setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	strcpy(f->dir, "/tmp/pairplan-test-output.XXXXXX");
	if (mkdtemp(f->dir) == NULL) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof(f->path), "%s/plan.md", f->dir);
	f->saved = -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;
	char cmd[160];

	chmod(f->dir, 0700);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

/* Standard error goes to a temporary file until capture_end. */
static void
capture_start(struct fix *f)
{
	fflush(stderr);
	f->cap = tmpfile();
	assert_non_null(f->cap);
	f->saved = dup(2);
	assert_true(f->saved >= 0);
	assert_true(dup2(fileno(f->cap), 2) >= 0);
}

static void
capture_end(struct fix *f)
{
	size_t n;

	fflush(stderr);
	dup2(f->saved, 2);
	close(f->saved);
	f->saved = -1;
	rewind(f->cap);
	n = fread(f->err, 1, sizeof(f->err) - 1, f->cap);
	f->err[n] = '\0';
	fclose(f->cap);
}

/* The names in dir other than . and .., sorted, space-separated. */
static void
list_dir(const char *dir, char *out, size_t sz)
{
	struct dirent *e;
	char *names[64];
	size_t n = 0, i, j;
	DIR *d = opendir(dir);

	assert_non_null(d);
	while ((e = readdir(d)) != NULL && n < 64)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			names[n++] = strdup(e->d_name);
	closedir(d);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];

			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			strncat(out, " ", sz - strlen(out) - 1);
		strncat(out, names[i], sz - strlen(out) - 1);
		free(names[i]);
	}
}

static void
expect_dir(const char *dir, const char *want)
{
	char got[1024];

	list_dir(dir, got, sizeof(got));
	assert_string_equal(got, want);
}

static void
expect_file(const char *path, const char *want)
{
	char got[1024];
	size_t n;
	FILE *fp = fopen(path, "r");

	assert_non_null(fp);
	n = fread(got, 1, sizeof(got) - 1, fp);
	got[n] = '\0';
	fclose(fp);
	assert_string_equal(got, want);
}

static void
write_file(const char *path, const char *text, mode_t mode)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(chmod(path, mode), 0);
}

/*
 * Written to a hidden temporary file beside the target, which appears
 * only on commit, whole; the temporary file is gone.
 */
static void
test_commit(void **state)
{
	struct fix *f = *state;
	struct output o;
	char tmpname[128];

	assert_true(output_open(&o, f->path));
	assert_non_null(o.fp);
	assert_string_equal(o.path, f->path);
	assert_non_null(o.tmp);
	assert_int_equal(strncmp(o.tmp, f->dir, strlen(f->dir)), 0);
	snprintf(tmpname, sizeof(tmpname), "%s/.pairplan.", f->dir);
	assert_int_equal(strncmp(o.tmp, tmpname, strlen(tmpname)), 0);
	fputs("# 计划\n", o.fp);
	fflush(o.fp);
	/* Before the commit: only the temporary file. */
	assert_int_equal(access(f->path, F_OK), -1);
	list_dir(f->dir, tmpname, sizeof(tmpname));
	assert_int_equal(strncmp(tmpname, ".pairplan.", 10), 0);
	assert_null(strchr(tmpname, ' '));

	assert_true(output_commit(&o));
	assert_null(o.fp);
	assert_null(o.tmp);
	expect_dir(f->dir, "plan.md");
	expect_file(f->path, "# 计划\n");
}

/* An existing file is replaced whole and keeps its permissions. */
static void
test_commit_replaces(void **state)
{
	struct fix *f = *state;
	struct output o;
	struct stat st;

	write_file(f->path, "old text that is longer than the new\n", 0604);
	assert_true(output_open(&o, f->path));
	fputs("new\n", o.fp);
	assert_true(output_commit(&o));
	expect_file(f->path, "new\n");
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0604);
	expect_dir(f->dir, "plan.md");
}

/* A new file gets 0666 less the umask, as open(2) would give it. */
static void
test_new_file_mode(void **state)
{
	struct fix *f = *state;
	struct output o;
	struct stat st;
	mode_t old = umask(027);

	assert_true(output_open(&o, f->path));
	fputs("x\n", o.fp);
	assert_true(output_commit(&o));
	umask(old);
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
}

/* Abort: the temporary file goes, the target is never created. */
static void
test_abort_leaves_nothing(void **state)
{
	struct fix *f = *state;
	struct output o;

	assert_true(output_open(&o, f->path));
	fputs("half a document", o.fp);
	output_abort(&o);
	assert_null(o.fp);
	assert_null(o.tmp);
	expect_dir(f->dir, "");
	/* Aborting twice is harmless. */
	output_abort(&o);
	expect_dir(f->dir, "");
}

/* Abort with an existing target: it is untouched, bytes and mode. */
static void
test_abort_keeps_existing(void **state)
{
	struct fix *f = *state;
	struct output o;
	struct stat st;

	write_file(f->path, "the old plan\n", 0600);
	assert_true(output_open(&o, f->path));
	fputs("new\n", o.fp);
	fflush(o.fp);
	expect_file(f->path, "the old plan\n");
	output_abort(&o);
	expect_file(f->path, "the old plan\n");
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	expect_dir(f->dir, "plan.md");
}

/* output_fail: the message with errno, then the same as abort. */
static void
test_fail(void **state)
{
	struct fix *f = *state;
	struct output o;
	char want[256];

	write_file(f->path, "kept\n", 0644);
	assert_true(output_open(&o, f->path));
	fputs("partial", o.fp);
	capture_start(f);
	errno = ENOSPC;
	output_fail(&o);
	capture_end(f);
	snprintf(want, sizeof(want), "pairplan: cannot write '%s': %s\n",
	    f->path, strerror(ENOSPC));
	assert_string_equal(f->err, want);
	expect_file(f->path, "kept\n");
	expect_dir(f->dir, "plan.md");
}

/* A name without a directory: the temporary file is in the current one. */
static void
test_relative_path(void **state)
{
	struct fix *f = *state;
	struct output o;
	int cwd = open(".", O_RDONLY);

	assert_true(cwd >= 0);
	assert_int_equal(chdir(f->dir), 0);
	assert_true(output_open(&o, "plain.csv"));
	assert_int_equal(strncmp(o.tmp, ".pairplan.", 10), 0);
	fputs("a,b\r\n", o.fp);
	assert_true(output_commit(&o));
	assert_int_equal(fchdir(cwd), 0);
	close(cwd);
	expect_dir(f->dir, "plain.csv");
}

/* Standard output: NULL or "-", kept open by commit. */
static void
test_stdout(void **state)
{
	struct output o;

	(void)state;
	assert_true(output_open(&o, NULL));
	assert_ptr_equal(o.fp, stdout);
	assert_null(o.path);
	assert_null(o.tmp);
	assert_true(output_commit(&o));
	assert_true(output_open(&o, "-"));
	assert_ptr_equal(o.fp, stdout);
	assert_true(output_commit(&o));
	output_abort(&o);		/* does not close stdout */
	assert_true(fflush(stdout) == 0);
}

/* A device is written as it is: no temporary file, no rename. */
static void
test_dev_null(void **state)
{
	struct output o;
	struct stat st;

	(void)state;
	assert_true(output_open(&o, "/dev/null"));
	assert_null(o.tmp);
	assert_string_equal(o.path, "/dev/null");
	fputs("discarded\n", o.fp);
	assert_true(output_commit(&o));
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
}

/* A write that fails (the device is full) makes commit fail, named. */
static void
test_dev_full(void **state)
{
	struct fix *f = *state;
	struct output o;
	char want[256];

	if (access("/dev/full", W_OK) != 0)
		skip();
	assert_true(output_open(&o, "/dev/full"));
	assert_null(o.tmp);
	fputs("no room\n", o.fp);
	capture_start(f);
	assert_false(output_commit(&o));
	capture_end(f);
	snprintf(want, sizeof(want), "pairplan: cannot write '/dev/full': %s\n",
	    strerror(ENOSPC));
	assert_string_equal(f->err, want);
}

/* open fails with the message for PATH; nothing is created. */
static void
expect_open_fails(struct fix *f, const char *path, int err)
{
	struct output o;
	char want[256];

	capture_start(f);
	assert_false(output_open(&o, path));
	capture_end(f);
	snprintf(want, sizeof(want), "pairplan: cannot write '%s': %s\n",
	    path, strerror(err));
	assert_string_equal(f->err, want);
	assert_null(o.tmp);
}

static void
test_missing_directory(void **state)
{
	struct fix *f = *state;
	char path[160];

	snprintf(path, sizeof(path), "%s/nodir/plan.md", f->dir);
	expect_open_fails(f, path, ENOENT);
	expect_dir(f->dir, "");
}

/* A path through a regular file. */
static void
test_not_a_directory(void **state)
{
	struct fix *f = *state;
	char path[160];

	write_file(f->path, "a file\n", 0644);
	snprintf(path, sizeof(path), "%s/plan.md/x.md", f->dir);
	expect_open_fails(f, path, ENOTDIR);
	expect_dir(f->dir, "plan.md");
}

static void
test_empty_path(void **state)
{
	expect_open_fails(*state, "", ENOENT);
}

/* /proc refuses new files even to root. */
static void
test_proc(void **state)
{
	struct fix *f = *state;
	struct output o;
	static const char want[] =
	    "pairplan: cannot write '/proc/pairplan-test.md': ";

	capture_start(f);
	assert_false(output_open(&o, "/proc/pairplan-test.md"));
	capture_end(f);
	assert_int_equal(strncmp(f->err, want, sizeof(want) - 1), 0);
	assert_int_equal(access("/proc/pairplan-test.md", F_OK), -1);
}

/*
 * A directory without write permission. Root may write anyway, so as root
 * a child process that has become nobody (uid 65534) tries it.
 */
static void
test_read_only_directory(void **state)
{
	struct fix *f = *state;
	char want[256], got[256] = "";
	int fds[2], st;
	ssize_t n;
	pid_t pid;

	snprintf(want, sizeof(want), "pairplan: cannot write '%s': %s\n",
	    f->path, strerror(EACCES));
	if (geteuid() != 0) {
		assert_int_equal(chmod(f->dir, 0500), 0);
		expect_open_fails(f, f->path, EACCES);
		assert_int_equal(chmod(f->dir, 0700), 0);
		expect_dir(f->dir, "");
		return;
	}
	assert_int_equal(chmod(f->dir, 0755), 0);
	assert_int_equal(pipe(fds), 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct output o;

		close(fds[0]);
		dup2(fds[1], 2);
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(3);
		_exit(output_open(&o, f->path) ? 1 : 0);
	}
	close(fds[1]);
	n = read(fds[0], got, sizeof(got) - 1);
	close(fds[0]);
	got[n > 0 ? n : 0] = '\0';
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_string_equal(got, want);
	expect_dir(f->dir, "");
}

/*
 * The target is a directory: refused at once, before any temporary file
 * is made; the directory is untouched.
 */
static void
test_target_is_directory(void **state)
{
	struct fix *f = *state;
	struct output o;
	char want[256];

	assert_int_equal(mkdir(f->path, 0755), 0);
	capture_start(f);
	assert_false(output_open(&o, f->path));
	capture_end(f);
	snprintf(want, sizeof(want), "pairplan: cannot write '%s': %s\n",
	    f->path, strerror(EISDIR));
	assert_string_equal(f->err, want);
	assert_null(o.tmp);
	expect_dir(f->dir, "plan.md");
	expect_dir(f->path, "");
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_commit),
		T(test_commit_replaces),
		T(test_new_file_mode),
		T(test_abort_leaves_nothing),
		T(test_abort_keeps_existing),
		T(test_fail),
		T(test_relative_path),
		T(test_stdout),
		T(test_dev_null),
		T(test_dev_full),
		T(test_missing_directory),
		T(test_not_a_directory),
		T(test_empty_path),
		T(test_proc),
		T(test_read_only_directory),
		T(test_target_is_directory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
