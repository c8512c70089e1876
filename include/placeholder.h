/* placeholder.h - template text left in a plan (20xx, XXX, 某某): a scan of the node tree. */
#ifndef PAIRPLAN_PLACEHOLDER_H
#define PAIRPLAN_PLACEHOLDER_H

#include <stdbool.h>

struct diags;
struct ynode;

/*
 * Reports template text in the scalars of a subtree (rule placeholder):
 * 20xx, 20XX, 20__, XXX, xxx, xx, __ and 某某 anywhere, XX in names. The
 * pipeline runs it on each activity as the loader hands it over, and on
 * the rest of the tree once it is read.
 */
void	 placeholder_scan(const struct ynode *, struct diags *);
/*
 * The quick test the loader runs on each scalar as it copies it, and keeps
 * in ynode.maybe_template: false when the text holds none of the patterns;
 * true when it may. placeholder_scan looks no further into a scalar
 * without the mark.
 */
bool	 placeholder_maybe(const char *);

#endif
