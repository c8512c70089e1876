/* render_md.c - export as Markdown: CommonMark with GFM tables, user text escaped. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "plan.h"
#include "render.h"
#include "render_doc.h"
#include "sched.h"

#define MD_MAXDEPTH	16

struct md {
	FILE		*fp;
	bool		 started;	/* a block was written */
	bool		 bol;		/* text starts a line of a block */
	bool		 open;		/* a list item's line is not ended */
	int		 depth;		/* lists open */
	size_t		 indent[MD_MAXDEPTH + 1]; /* of content, per depth */
	bool		 ordered[MD_MAXDEPTH + 1];
	bool		 first_cell;
};

/* Before a top-level block: a blank line after the one before. */
static void
md_block(struct md *m)
{
	if (m->depth == 0 && m->started)
		putc('\n', m->fp);
	m->started = true;
}

static bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/*
 * Text, escaped so that nothing in it is taken for markup: the inline
 * specials always, and at the start of a line what would start a block
 * (a list marker, a setext underline). Whitespace runs and control
 * characters become one space; spaces at the start and end are dropped.
 */
static void
md_text(void *ctx, const char *s)
{
	struct md *m = ctx;
	const unsigned char *p = (const unsigned char *)s, *q;
	bool space = false;
	int c;

	for (; *p != '\0'; p++) {
		c = *p;
		if (c < 0x20 || c == 0x7f || c == ' ') {
			space = !m->bol;
			continue;
		}
		if (space)
			putc(' ', m->fp);
		space = false;
		if (m->bol) {
			m->bol = false;
			if (c == '-' || c == '+' || c == '=') {
				putc('\\', m->fp);
			} else if (is_digit(c)) {
				for (q = p; is_digit(*q); q++)
					continue;
				if ((*q == '.' || *q == ')') && q - p <= 9) {
					fwrite(p, 1, (size_t)(q - p), m->fp);
					putc('\\', m->fp);
					putc(*q, m->fp);
					p = q;
					continue;
				}
			}
		}
		if (strchr("\\`*_[]<>#|~&!", c) != NULL)
			putc('\\', m->fp);
		putc(c, m->fp);
	}
}

static void
md_begin(void *ctx, const char *title, bool en)
{
	struct md *m = ctx;

	(void)en;
	md_block(m);
	fputs("# ", m->fp);
	m->bol = false;
	md_text(m, title);
	putc('\n', m->fp);
}

static void
md_end(void *ctx)
{
	(void)ctx;
}

static void
md_heading(void *ctx, int level, const char *text)
{
	struct md *m = ctx;

	md_block(m);
	fprintf(m->fp, "%.*s ", level, "######");
	m->bol = false;
	md_text(m, text);
	putc('\n', m->fp);
}

static void
md_para(void *ctx)
{
	struct md *m = ctx;

	md_block(m);
	m->bol = true;
}

static void
md_para_end(void *ctx)
{
	struct md *m = ctx;

	putc('\n', m->fp);
	m->bol = false;
}

static void
md_line_break(void *ctx)
{
	struct md *m = ctx;

	fputs("\\\n", m->fp);
	m->bol = true;
}

static void
md_list(void *ctx, bool ordered)
{
	struct md *m = ctx;

	if (m->depth == 0)
		md_block(m);
	else if (m->open) {
		putc('\n', m->fp);
		m->open = false;
	}
	if (m->depth < MD_MAXDEPTH) {
		m->depth++;
		m->ordered[m->depth] = ordered;
		m->indent[m->depth] = m->indent[m->depth - 1];
	}
}

static void
md_item(void *ctx, unsigned number)
{
	struct md *m = ctx;
	size_t base = m->indent[m->depth > 0 ? m->depth - 1 : 0];
	int n;

	if (m->open)
		putc('\n', m->fp);
	fprintf(m->fp, "%*s", (int)base, "");
	if (m->ordered[m->depth])
		n = fprintf(m->fp, "%u. ", number);
	else
		n = fprintf(m->fp, "- ");
	m->indent[m->depth] = base + (n > 0 ? (size_t)n : 2);
	m->open = true;
	m->bol = true;
}

static void
md_item_end(void *ctx)
{
	struct md *m = ctx;

	if (m->open)
		putc('\n', m->fp);
	m->open = false;
	m->bol = false;
}

static void
md_list_end(void *ctx)
{
	struct md *m = ctx;

	if (m->depth > 0)
		m->depth--;
}

static void
md_table(void *ctx, size_t ncols, const char *const *head,
    const bool *right)
{
	struct md *m = ctx;
	size_t i;

	md_block(m);
	m->bol = false;
	for (i = 0; i < ncols; i++) {
		fputs(i == 0 ? "| " : " | ", m->fp);
		md_text(m, head[i]);
	}
	fputs(" |\n", m->fp);
	for (i = 0; i < ncols; i++)
		fprintf(m->fp, "%s%s", i == 0 ? "| " : " | ",
		    right[i] ? "---:" : "---");
	fputs(" |\n", m->fp);
	m->first_cell = true;
}

static void
md_cell(void *ctx, const char *text)
{
	struct md *m = ctx;

	fputs(m->first_cell ? "| " : " | ", m->fp);
	m->first_cell = false;
	m->bol = false;
	md_text(m, text);
}

static void
md_row_end(void *ctx)
{
	struct md *m = ctx;

	fputs(" |\n", m->fp);
	m->first_cell = true;
}

static void
md_table_end(void *ctx)
{
	(void)ctx;
}

static const struct doc_ops md_ops = {
	md_begin, md_end, md_heading, md_para, md_para_end, md_line_break,
	md_text, md_list, md_item, md_item_end, md_list_end, md_table,
	md_cell, md_row_end, md_table_end, NULL
};

bool
render_md_walk(FILE *fp, doc_walk walk, const void *arg, bool en)
{
	struct md m;

	memset(&m, 0, sizeof(m));
	m.fp = fp;
	walk(&md_ops, &m, arg, en);
	return fflush(fp) == 0 && !ferror(fp);
}

/* The plan's document: render_doc over the plan and its schedule. */
struct md_plan {
	const struct plan	*p;
	const struct schedule	*s;
};

static void
md_plan_walk(const struct doc_ops *o, void *ctx, const void *arg, bool en)
{
	const struct md_plan *x = arg;

	render_doc(o, ctx, x->p, x->s, en);
}

static bool
md_export(FILE *fp, const struct plan *p, const struct schedule *s,
    const char *lang)
{
	struct md_plan x = { p, s };

	return render_md_walk(fp, md_plan_walk, &x,
	    lang != NULL && strcmp(lang, "en") == 0);
}

const struct renderer render_md = { "md", NULL, md_export };
