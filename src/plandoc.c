/* plandoc.c - one plan file through the pipeline: read, load, build, check. */
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "build.h"
#include "catalog.h"
#include "diag.h"
#include "output.h"
#include "placeholder.h"
#include "plandoc.h"
#include "rules.h"
#include "yload.h"

/*
 * The tree-level checks and then the model: the placeholder scan sees the
 * tree the builder leaves (activities were scanned as they streamed by).
 */
static void
plandoc_check(struct plandoc *pd, struct plan_builder *pb)
{
	if (pd->root != NULL) {
		placeholder_scan(pd->root, &pd->diags);
		if ((pd->plan = plan_builder_build(pb, pd->root)) != NULL) {
			pd->diags.scratch = &pd->tree;
			rules_check(pd->plan, &pd->diags);
			pd->diags.scratch = NULL;
		}
	}
	diags_sort(&pd->diags);
}

/* An activity as the loader hands it over: scanned, then built. */
static void *
plandoc_stream(void *ctx, int path, void *list, const struct ynode *item)
{
	struct plandoc *pd = ctx;

	placeholder_scan(item, &pd->diags);
	return pd->stream(pd->stream_ctx, path, list, item);
}

/* The loader's options, with activities built as they are read. */
static struct plan_builder *
plandoc_start(struct plandoc *pd, const char *name,
    const struct yload_opts *opts, struct yload_opts *o)
{
	struct plan_builder *pb;

	memset(pd, 0, sizeof(*pd));
	arena_init(&pd->arena);
	arena_init(&pd->tree);
	arena_init(&pd->scratch);
	diags_init(&pd->diags, &pd->arena, name);
	if (opts != NULL)
		*o = *opts;
	else
		memset(o, 0, sizeof(*o));
	pb = plan_builder_init(&pd->arena, &pd->tree, &pd->diags);
	plan_builder_stream(pb, o, &pd->scratch);
	o->tree = &pd->tree;
	pd->stream = o->stream;
	pd->stream_ctx = o->stream_ctx;
	o->stream = plandoc_stream;
	o->stream_ctx = pd;
	return pb;
}

/*
 * After a load that found an encoding problem only when libyaml refused
 * the input: starts again, to be loaded with the input checked as it is
 * read, which sees every event before the bad byte (yload_opts.scan_first).
 * Rare, so the first load's work is simply thrown away.
 */
static bool
plandoc_again(struct plandoc *pd, struct plan_builder **pb, const char *name,
    const struct yload_opts *opts, struct yload_opts *o)
{
	if (o->scan_first || pd->root != NULL ||
	    !yload_encoding_failed(&pd->diags))
		return false;
	plandoc_release(pd);
	*pb = plandoc_start(pd, name, opts, o);
	o->scan_first = true;
	return true;
}

/*
 * Why path could not be read, "cannot WHAT 'PATH': REASON", kept in the
 * arena (strerror_r: files may be read in several threads at once).
 */
static bool
plandoc_fail(struct plandoc *pd, const char *what, const char *path, int err)
{
	char buf[256];

	if (err == 0)
		snprintf(buf, sizeof(buf), "it is a directory");
	else if (strerror_r(err, buf, sizeof(buf)) != 0)
		snprintf(buf, sizeof(buf), "error %d", err);
	pd->error = arena_printf(&pd->arena, "cannot %s '%s': %s", what, path,
	    buf);
	pd->unreadable = true;
	return false;
}

/*
 * Reads an input that is not a regular file (a pipe, a terminal) whole,
 * up to max bytes, so that its size is known before it is loaded: the
 * work budget depends on it, for standard input as for a file. NULL with
 * *len > max when it is larger; NULL with *len = 0 on a read error.
 */
static char *
slurp(FILE *fp, unsigned long long max, size_t *len)
{
	size_t n = 0, cap = 0, got;
	char *buf = NULL, *nb;

	for (;;) {
		if (n == cap) {
			if (cap > SIZE_MAX / 4)
				arena_oom();
			cap = cap ? cap * 2 : 65536;
			if (max < SIZE_MAX - 1 && cap > max + 1)
				cap = (size_t)max + 1;
			if ((nb = realloc(buf, cap + 1)) == NULL)
				arena_oom();
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (n > max) {
			free(buf);
			*len = n;
			return NULL;
		}
		if (got == 0) {
			if (ferror(fp)) {
				free(buf);
				*len = 0;
				return NULL;
			}
			*len = n;
			return buf;
		}
	}
}

static void
too_large(struct plandoc *pd, unsigned long long size, unsigned long long max)
{
	if (size > 0)
		diag_add(&pd->diags, R_LIMIT, 1, 1, "the file is %llu bytes, "
		    "larger than the size limit of %llu bytes (see --max-size)",
		    size, max);
	else
		diag_add(&pd->diags, R_LIMIT, 1, 1, "the input is larger than "
		    "the size limit of %llu bytes (see --max-size)", max);
}

bool
plandoc_init_quiet(struct plandoc *pd, const char *path,
    const struct yload_opts *opts)
{
	unsigned long long max = opts != NULL && opts->max_size ?
	    opts->max_size : YLOAD_DEFAULT_MAX_SIZE;
	struct plan_builder *pb;
	struct yload_opts o;
	char iobuf[4096];
	struct stat st;
	FILE *fp;
	char *buf;
	size_t len;
	bool bad;
	int err;

	pb = plandoc_start(pd, path, opts, &o);
	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL)
		return plandoc_fail(pd, "open", path, errno);
	else	/* a buffer of its own: stdio would ask the file's block size */
		setvbuf(fp, iobuf, _IOFBF, sizeof(iobuf));
	if (fstat(fileno(fp), &st) != 0)
		memset(&st, 0, sizeof(st));	/* read as a stream */
	output_note_stat(&st);
	if (S_ISDIR(st.st_mode)) {
		if (fp != stdin)
			fclose(fp);
		return plandoc_fail(pd, "read", path, 0);
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max)
		too_large(pd, (unsigned long long)st.st_size, max);
	else if (S_ISREG(st.st_mode)) {
		/* standard input may stand anywhere in its file */
		off_t start = fp == stdin ? ftello(fp) : 0;

		if (fp != stdin)
			o.file_size = (unsigned long long)st.st_size;
		budget_init(&pd->diags.budget, (uint64_t)st.st_size);
		pd->root = yload_file(fp, &pd->arena, &pd->diags, &o);
		if (start >= 0 && plandoc_again(pd, &pb, path, opts, &o)) {
			if (fseeko(fp, start, SEEK_SET) != 0)
				clearerr(fp);	/* read on from where it is */
			budget_init(&pd->diags.budget, (uint64_t)st.st_size);
			pd->root = yload_file(fp, &pd->arena, &pd->diags, &o);
		}
	} else if ((buf = slurp(fp, max, &len)) != NULL) {
		budget_init(&pd->diags.budget, len);
		pd->root = yload_buffer(buf, len, &pd->arena, &pd->diags, &o);
		if (plandoc_again(pd, &pb, path, opts, &o)) {
			budget_init(&pd->diags.budget, len);
			pd->root = yload_buffer(buf, len, &pd->arena,
			    &pd->diags, &o);
		}
		free(buf);
	} else if (len > 0)
		too_large(pd, 0, max);
	bad = ferror(fp);
	err = errno;
	if (fp != stdin)
		fclose(fp);
	if (bad)
		return plandoc_fail(pd, "read", path, err != 0 ? err : EIO);
	plandoc_check(pd, pb);
	return true;
}

bool
plandoc_init(struct plandoc *pd, const char *path,
    const struct yload_opts *opts)
{
	if (plandoc_init_quiet(pd, path, opts))
		return true;
	fprintf(stderr, "pairplan: %s\n", pd->error);
	return false;
}

void
plandoc_init_buffer(struct plandoc *pd, const char *name, const char *buf,
    size_t len, const struct yload_opts *opts)
{
	struct plan_builder *pb;
	struct yload_opts o;

	pb = plandoc_start(pd, name, opts, &o);
	budget_init(&pd->diags.budget, len);
	pd->root = yload_buffer(buf, len, &pd->arena, &pd->diags, &o);
	if (plandoc_again(pd, &pb, name, opts, &o)) {
		budget_init(&pd->diags.budget, len);
		pd->root = yload_buffer(buf, len, &pd->arena, &pd->diags, &o);
	}
	plandoc_check(pd, pb);
}

void
plandoc_trim(struct plandoc *pd)
{
	uint32_t i, j;

	arena_release(&pd->scratch);
	arena_release(&pd->tree);
	pd->root = NULL;
	if (pd->plan != NULL) {
		/* where the keys were went with the tree: a reader crashes */
		for (i = 0; i < pd->plan->nphases; i++)
			for (j = 0; j < pd->plan->phases[i].nacts; j++)
				pd->plan->phases[i].acts[j].where = NULL;
		pd->plan->root = NULL;
		pd->plan->dups = NULL;
		pd->plan->ndups = 0;
		pd->plan->refs = NULL;
		pd->plan->nrefs = 0;
	}
}

void
plandoc_release(struct plandoc *pd)
{
	arena_release(&pd->scratch);
	arena_release(&pd->tree);
	arena_release(&pd->arena);
	memset(pd, 0, sizeof(*pd));
}
