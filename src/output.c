/* output.c - where results go: standard output, or a file replaced atomically. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "output.h"

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

/* "DIR/.BASE.XXXXXX" beside path, for mkstemp. */
static char *
temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	size_t n = strlen(path) + sizeof("/..XXXXXX");
	char *t;

	if ((t = malloc(n)) == NULL)
		arena_oom();
	snprintf(t, n, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
	return t;
}

/*
 * The mode the file gets: an existing file keeps its permissions, a new
 * one gets 0666 less the umask, as a plain open would give it.
 */
static mode_t
file_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 07777;
	mask = umask(022);
	umask(mask);
	return 0666 & ~mask;
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
	o->tmp = temp_name(path);
	if ((fd = mkstemp(o->tmp)) == -1) {
		output_error(o, errno);
		free(o->tmp);
		o->tmp = NULL;
		return false;
	}
	if (fchmod(fd, file_mode(path)) == -1 ||
	    (o->fp = fdopen(fd, "w")) == NULL) {
		err = errno;
		close(fd);
		output_abort(o);
		output_error(o, err);
		return false;
	}
	return true;
}

/* Makes the rename itself durable; failure here is not worth a message. */
static void
sync_dir(const char *path)
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
		return;
	if ((fd = open(dir, O_RDONLY)) != -1) {
		(void)fsync(fd);
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
	if (err == 0 && o->tmp != NULL && rename(o->tmp, o->path) == -1)
		err = errno;
	if (err != 0) {
		output_abort(o);
		output_error(o, err);
		return false;
	}
	if (o->tmp != NULL) {
		sync_dir(o->path);
		free(o->tmp);
		o->tmp = NULL;
	}
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
		free(o->tmp);
		o->tmp = NULL;
	}
}

void
output_fail(struct output *o)
{
	int err = errno != 0 ? errno : EIO;

	output_abort(o);
	output_error(o, err);
}
