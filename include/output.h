/* output.h - where results go: standard output, or a file replaced atomically. */
#ifndef PAIRPLAN_OUTPUT_H
#define PAIRPLAN_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

struct output {
	FILE		*fp;
	const char	*path;		/* NULL: standard output */
	char		*tmp;		/* the temporary file beside path */
};

/*
 * Opens path for writing (NULL or "-": standard output). A file is
 * written to a temporary file in the same directory and renamed over path
 * by output_commit, after an fsync, so that a failed or interrupted run
 * never leaves a truncated file and an existing file is only replaced
 * whole; it keeps its permissions. A path that is neither a regular file
 * nor a directory (/dev/null, a FIFO) is written directly. Prints
 * "pairplan: cannot write 'PATH': REASON" and returns false when it
 * cannot.
 */
bool	 output_open(struct output *, const char *path);
/* Finishes: false (after a message) when anything failed to be written. */
bool	 output_commit(struct output *);
/* Gives up: removes the temporary file. */
void	 output_abort(struct output *);
/* Gives up after a write failed: the message (errno), then output_abort. */
void	 output_fail(struct output *);

#endif
