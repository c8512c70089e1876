/* output.c - where results go: standard output, or a file replaced atomically. */
#define _XOPEN_SOURCE 700	/* realpath */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "output.h"

/*
 * The files this run has read (plans, records, holiday files), by device
 * and inode: -o never replaces one of them. Files may be read in several
 * threads at once.
 */
struct input_id {
	dev_t	 dev;
	ino_t	 ino;
};

static pthread_mutex_t inputs_mu = PTHREAD_MUTEX_INITIALIZER;
static struct input_id *inputs;
static size_t ninputs, inputs_cap;

void
output_note_input(int fd)
{
	struct stat st;

	if (fstat(fd, &st) == 0)
		output_note_stat(&st);
}

/* Kept as they come: a file named twice is in the list twice. */
void
output_note_stat(const struct stat *st)
{
	struct input_id *v;

	if (!S_ISREG(st->st_mode))
		return;
	pthread_mutex_lock(&inputs_mu);
	if (ninputs == inputs_cap) {
		inputs_cap = inputs_cap ? inputs_cap * 2 : 16;
		if ((v = realloc(inputs, inputs_cap * sizeof(*v))) == NULL)
			arena_oom();
		inputs = v;
	}
	inputs[ninputs].dev = st->st_dev;
	inputs[ninputs].ino = st->st_ino;
	ninputs++;
	pthread_mutex_unlock(&inputs_mu);
}

static bool
was_read(const char *path)
{
	struct stat st;
	bool found = false;
	size_t i;

	if (stat(path, &st) != 0)
		return false;
	pthread_mutex_lock(&inputs_mu);
	for (i = 0; i < ninputs && !found; i++)
		found = inputs[i].dev == st.st_dev && inputs[i].ino == st.st_ino;
	pthread_mutex_unlock(&inputs_mu);
	return found;
}

static void
output_error(const struct output *o, int err)
{
	if (o->path == NULL)
		fprintf(stderr, "pairplan: cannot write standard output: %s\n",
		    strerror(err));
	else
		fprintf(stderr, "pairplan: cannot write '%s': %s\n", o->path,
		    strerror(err));
}

/*
 * "DIR/.pairplan.XXXXXX" beside path, for mkstemp: a short name, so that
 * it fits wherever a name of 255 bytes does.
 */
static char *
temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	size_t n = dirlen + sizeof(".pairplan.XXXXXX");
	char *t;

	if ((t = malloc(n)) == NULL)
		arena_oom();
	snprintf(t, n, "%.*s.pairplan.XXXXXX", (int)dirlen, path);
	return t;
}

/*
 * The mode the file gets: an existing file keeps its permissions (but
 * not set-id or sticky bits), a new one gets 0666 less the umask, as a
 * plain open would give it.
 */
static mode_t
file_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 0777;
	mask = umask(022);
	umask(mask);
	return 0666 & ~mask;
}

/*
 * The temporary file while it exists, for the signal handler: a signal
 * that ends the run removes it (unlink is async-signal-safe) and exits
 * with 128 + the signal, as a shell reports a death by signal.
 */
static const char *volatile armed_tmp;
static volatile sig_atomic_t armed;
static struct sigaction old_actions[3];
static const int caught[3] = { SIGINT, SIGTERM, SIGHUP };

static void
on_signal(int sig)
{
	if (armed && armed_tmp != NULL)
		(void)unlink(armed_tmp);
	_exit(128 + sig);
}

static void
arm(const char *tmp)
{
	struct sigaction sa;
	int i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 3; i++)
		sigaddset(&sa.sa_mask, caught[i]);
	armed_tmp = tmp;
	armed = 1;
	for (i = 0; i < 3; i++)
		sigaction(caught[i], &sa, &old_actions[i]);
}

static void
disarm(void)
{
	int i;

	if (!armed)
		return;
	armed = 0;
	armed_tmp = NULL;
	for (i = 0; i < 3; i++)
		sigaction(caught[i], &old_actions[i], NULL);
}

/*
 * The file to replace: path, or the file a symbolic link at path leads
 * to (malloc'd into *target). An errno when it cannot be written.
 */
static int
resolve(const char *path, char **target)
{
	struct stat st;
	char *t;

	*target = NULL;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		if ((t = realpath(path, NULL)) == NULL)
			return errno == ENOENT ? ENOENT : errno;
		*target = t;
		path = t;
	} else if ((*target = strdup(path)) == NULL)
		arena_oom();
	if (stat(path, &st) != 0)
		return errno == ENOENT ? 0 : errno;
	if (S_ISDIR(st.st_mode))
		return EISDIR;
	if (S_ISREG(st.st_mode) &&
	    (access(path, W_OK) != 0 || (st.st_mode & 0222) == 0))
		return EACCES;
	return 0;
}

bool
output_open(struct output *o, const char *path)
{
	struct stat st;
	int fd, err;

	memset(o, 0, sizeof(*o));
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return true;
	}
	o->path = path;
	if (path[0] == '\0') {
		output_error(o, ENOENT);
		return false;
	}
	/* A device or a pipe (/dev/null, /dev/stdout) is written as it is. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) {
		if ((o->fp = fopen(path, "w")) == NULL) {
			output_error(o, errno);
			return false;
		}
		return true;
	}
	if ((err = resolve(path, &o->target)) != 0) {
		if (err == ENOENT)
			fprintf(stderr, "pairplan: cannot write '%s': it is a "
			    "symbolic link to a missing file\n", path);
		else
			output_error(o, err);
		free(o->target);
		o->target = NULL;
		return false;
	}
	if (was_read(o->target)) {
		fprintf(stderr, "pairplan: '%s' is a file given to read: not "
		    "writing over it\n", path);
		free(o->target);
		o->target = NULL;
		return false;
	}
	o->tmp = temp_name(o->target);
	arm(o->tmp);
	if ((fd = mkstemp(o->tmp)) == -1) {
		err = errno;
		disarm();
		output_error(o, err);
		free(o->tmp);
		o->tmp = NULL;
		free(o->target);
		o->target = NULL;
		return false;
	}
	if (fchmod(fd, file_mode(o->target)) == -1 ||
	    (o->fp = fdopen(fd, "w")) == NULL) {
		err = errno;
		close(fd);
		output_abort(o);
		output_error(o, err);
		return false;
	}
	return true;
}

void
output_sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd;

	if (slash == NULL)
		dir = strdup(".");
	else if (slash == path)
		dir = strdup("/");
	else
		dir = strndup(path, (size_t)(slash - path));
	if (dir == NULL)
		arena_oom();
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(fd);	/* failure here is not worth a message */
		close(fd);
	}
	free(dir);
}

bool
output_commit(struct output *o)
{
	int err = 0;

	if (o->fp == NULL)
		return false;
	errno = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		err = errno ? errno : EIO;
	else if (o->tmp != NULL && fsync(fileno(o->fp)) == -1)
		err = errno;
	if (o->path == NULL) {		/* standard output stays open */
		if (err != 0)
			output_error(o, err);
		return err == 0;
	}
	if (fclose(o->fp) != 0 && err == 0)
		err = errno ? errno : EIO;
	o->fp = NULL;
	if (err == 0 && o->tmp != NULL && rename(o->tmp, o->target) == -1)
		err = errno;
	if (err != 0) {
		output_abort(o);
		output_error(o, err);
		return false;
	}
	if (o->tmp != NULL) {
		disarm();
		output_sync_dir(o->target);
		free(o->tmp);
		o->tmp = NULL;
	}
	free(o->target);
	o->target = NULL;
	return true;
}

void
output_abort(struct output *o)
{
	if (o->path == NULL)
		return;
	if (o->fp != NULL) {
		fclose(o->fp);
		o->fp = NULL;
	}
	if (o->tmp != NULL) {
		unlink(o->tmp);
		disarm();
		free(o->tmp);
		o->tmp = NULL;
	}
	free(o->target);
	o->target = NULL;
}

void
output_fail(struct output *o)
{
	int err = errno != 0 ? errno : EIO;

	output_abort(o);
	output_error(o, err);
}
