/* build.h - the model builder: a node tree becomes the typed model of a plan, every default resolved. */
#ifndef PAIRPLAN_BUILD_H
#define PAIRPLAN_BUILD_H

struct arena;
struct diags;
struct plan;
struct ynode;

/*
 * Builds the model from the tree. Reports unknown-key, type, required,
 * version and bad-date; records duplicate ids and references for the
 * rules. Returns NULL only when the root is not a mapping.
 */
struct plan *plan_build(const struct ynode *root, struct arena *,
	    struct diags *);

/*
 * The same in steps, so that activities can be built while the file
 * loads (their subtrees are then dropped, which keeps big plans small):
 * plan_builder_stream fills the streaming fields of the loader's options.
 */
struct plan_builder;
struct yload_opts;
/* The model in a, the builder's working memory in tmp (a will do). */
struct plan_builder *plan_builder_init(struct arena *a, struct arena *tmp,
	    struct diags *);
void	 plan_builder_stream(struct plan_builder *, struct yload_opts *,
	    struct arena *scratch);
struct plan *plan_builder_build(struct plan_builder *,
	    const struct ynode *root);

#endif
