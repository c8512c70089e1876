/* plandoc.h - one plan file through the pipeline: read, load, build, check. */
#ifndef PAIRPLAN_PLANDOC_H
#define PAIRPLAN_PLANDOC_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "yload.h"

struct plan;

/*
 * A loaded plan: the arena owns the model and the diagnostics; the tree
 * and the builder's working memory are tree's until plandoc_trim.
 */
struct plandoc {
	struct arena		 arena;
	struct arena		 tree;
	struct arena		 scratch;	/* activities while read */
	struct diags		 diags;
	const struct ynode	*root;
	struct plan		*plan;		/* NULL after a fatal problem */
	bool			 unreadable;	/* could not open or read: exit 2 */
	const char		*error;		/* then why: "cannot open 'F': ..." */
	/* the builder's handler of items streamed by the loader */
	void			*(*stream)(void *, int, void *,
				    const struct ynode *);
	void			*stream_ctx;
};

/*
 * Reads path ("-" for standard input), builds the model and runs every
 * rule; the diagnostics come out sorted. Returns false when the file
 * could not be read (a message is printed, and unreadable is set).
 */
bool	 plandoc_init(struct plandoc *, const char *path,
	    const struct yload_opts *);
/*
 * The same, printing nothing: when the file cannot be read, error holds
 * the message (without "pairplan: "). Safe to call in several threads at
 * once, each with its own plandoc.
 */
bool	 plandoc_init_quiet(struct plandoc *, const char *path,
	    const struct yload_opts *);
/* The same over a buffer, named name in diagnostics. */
void	 plandoc_init_buffer(struct plandoc *, const char *name,
	    const char *buf, size_t len, const struct yload_opts *);
/*
 * Gives back the tree, and the builder's working memory with it, once the
 * file is checked: nothing after the rules reads them. root goes NULL,
 * and so do the plan's and each activity's where, and its lists of
 * references and repeated ids are emptied; the model's nodes (ynode pointers, for the rules'
 * positions) may be read no more. The text of values stays; that of
 * keys goes with the tree.
 */
void	 plandoc_trim(struct plandoc *);
void	 plandoc_release(struct plandoc *);

#endif
