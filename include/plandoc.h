/* plandoc.h - one plan file through the pipeline: read, load, build, check. */
#ifndef PAIRPLAN_PLANDOC_H
#define PAIRPLAN_PLANDOC_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "yload.h"

struct plan;

/* A loaded plan: the arena owns the tree, the model and the diagnostics. */
struct plandoc {
	struct arena		 arena;
	struct arena		 scratch;	/* activities while read */
	struct diags		 diags;
	const struct ynode	*root;
	struct plan		*plan;		/* NULL after a fatal problem */
	bool			 unreadable;	/* could not open or read: exit 2 */
	/* the builder's handler of activities streamed by the loader */
	void			*(*stream)(void *, void *, const struct ynode *);
	void			*stream_ctx;
};

/*
 * Reads path ("-" for standard input), builds the model and runs every
 * rule; the diagnostics come out sorted. Returns false when the file
 * could not be read (a message is printed, and unreadable is set).
 */
bool	 plandoc_init(struct plandoc *, const char *path,
	    const struct yload_opts *);
/* The same over a buffer, named name in diagnostics. */
void	 plandoc_init_buffer(struct plandoc *, const char *name,
	    const char *buf, size_t len, const struct yload_opts *);
void	 plandoc_release(struct plandoc *);

#endif
