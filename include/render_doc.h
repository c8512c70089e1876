/* render_doc.h - the plan as the document a kindergarten files, walked for md and html. */
#ifndef PAIRPLAN_RENDER_DOC_H
#define PAIRPLAN_RENDER_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct plan;
struct schedule;

/*
 * The plan as the document a kindergarten files (§6), written through a
 * backend: render_doc walks the plan and the schedule and calls these;
 * md and html turn them into markup. Every string is text, which the
 * backend escapes; ctx is the backend's own state.
 */
struct doc_ops {
	void	(*begin)(void *, const char *title, bool en);
	void	(*end)(void *);
	/* level 2 or 3; text carries its number (一、, （一）, 1., 1.1) */
	void	(*heading)(void *, int level, const char *text);
	void	(*para)(void *);
	void	(*para_end)(void *);
	void	(*line_break)(void *);
	void	(*text)(void *, const char *);
	void	(*list)(void *, bool ordered);
	void	(*item)(void *, unsigned number);
	void	(*item_end)(void *);
	void	(*list_end)(void *);
	/* right[i]: column i holds numbers */
	void	(*table)(void *, size_t ncols, const char *const *head,
		    const bool *right);
	void	(*cell)(void *, const char *);
	void	(*row_end)(void *);
	void	(*table_end)(void *);
	/* NULL when the format has no timeline */
	void	(*timeline)(void *, const struct plan *,
		    const struct schedule *, bool en);
};

void	 render_doc(const struct doc_ops *, void *ctx, const struct plan *,
	    const struct schedule *, bool en);

/*
 * Any document written through the md or html backend: walk calls the
 * ops with the backend's ctx to write what arg describes (the plan's
 * document, the year-end summary). False when writing failed.
 */
typedef void	(*doc_walk)(const struct doc_ops *, void *ctx, const void *arg,
		    bool en);
bool	 render_md_walk(FILE *, doc_walk, const void *arg, bool en);
bool	 render_html_walk(FILE *, doc_walk, const void *arg, bool en);

#endif
