/* output.h - where results go: standard output, or a file replaced atomically. */
#ifndef PAIRPLAN_OUTPUT_H
#define PAIRPLAN_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

struct output {
	FILE		*fp;
	const char	*path;		/* NULL: standard output */
	char		*target;	/* path, its symbolic links followed */
	char		*tmp;		/* the temporary file beside target */
};

/*
 * Opens path for writing (NULL or "-": standard output). A file is
 * written to a temporary file in the same directory (".pairplan.XXXXXX",
 * short enough for any name) and renamed over path by output_commit,
 * after an fsync, so that a failed or interrupted run never leaves a
 * truncated file and an existing file is only replaced whole. The file
 * keeps its permissions, but never set-user-id, set-group-id or sticky
 * bits. A symbolic link is followed: its target is replaced (in the
 * target's directory) and the link stays; a link to nothing, or to a
 * directory, is refused. An existing file that is read-only (not
 * writable by the user, or by no one) is refused, as a shell's
 * redirection refuses it. A path that is neither a regular file nor a
 * directory (/dev/null, a FIFO) is written directly. SIGINT, SIGTERM and
 * SIGHUP while the temporary file exists remove it and exit with status
 * 128 + the signal. Prints "pairplan: cannot write 'PATH': REASON" and
 * returns false when it cannot.
 */
bool	 output_open(struct output *, const char *path);
/* Finishes: false (after a message) when anything failed to be written. */
bool	 output_commit(struct output *);
/* Gives up: removes the temporary file. */
void	 output_abort(struct output *);
/* Gives up after a write failed: the message (errno), then output_abort. */
void	 output_fail(struct output *);

/*
 * Notes a file this run reads (a plan, a records file, a holiday file):
 * output_open refuses to replace it, under any name.
 */
void	 output_note_input(int fd);
/* The same with the file's stat, when the caller has it. */
struct stat;
void	 output_note_stat(const struct stat *);

/*
 * Makes a new or renamed entry of path durable: fsync of its directory
 * (best effort; -o and the records file both need it).
 */
void	 output_sync_dir(const char *path);

#endif
