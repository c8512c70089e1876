/* plandoc.c - one plan file through the pipeline: read, load, build, check. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "build.h"
#include "catalog.h"
#include "diag.h"
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
		if ((pd->plan = plan_builder_build(pb, pd->root)) != NULL)
			rules_check(pd->plan, &pd->diags);
	}
	diags_sort(&pd->diags);
}

/* An activity as the loader hands it over: scanned, then built. */
static void *
plandoc_stream(void *ctx, void *list, const struct ynode *item)
{
	struct plandoc *pd = ctx;

	placeholder_scan(item, &pd->diags);
	return pd->stream(pd->stream_ctx, list, item);
}

/* The loader's options, with activities built as they are read. */
static struct plan_builder *
plandoc_start(struct plandoc *pd, const char *name,
    const struct yload_opts *opts, struct yload_opts *o)
{
	struct plan_builder *pb;

	memset(pd, 0, sizeof(*pd));
	arena_init(&pd->arena);
	arena_init(&pd->scratch);
	diags_init(&pd->diags, &pd->arena, name);
	if (opts != NULL)
		*o = *opts;
	else
		memset(o, 0, sizeof(*o));
	pb = plan_builder_init(&pd->arena, &pd->diags);
	plan_builder_stream(pb, o, &pd->scratch);
	pd->stream = o->stream;
	pd->stream_ctx = o->stream_ctx;
	o->stream = plandoc_stream;
	o->stream_ctx = pd;
	return pb;
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

bool
plandoc_init_quiet(struct plandoc *pd, const char *path,
    const struct yload_opts *opts)
{
	unsigned long long max = opts != NULL && opts->max_size ?
	    opts->max_size : YLOAD_DEFAULT_MAX_SIZE;
	struct plan_builder *pb;
	struct yload_opts o;
	struct stat st;
	FILE *fp;
	bool bad;
	int err;

	pb = plandoc_start(pd, path, opts, &o);
	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL)
		return plandoc_fail(pd, "open", path, errno);
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		if (fp != stdin)
			fclose(fp);
		return plandoc_fail(pd, "read", path, 0);
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max)
		diag_add(&pd->diags, R_LIMIT, 1, 1, "the file is %llu bytes, "
		    "larger than the size limit of %llu bytes (see --max-size)",
		    (unsigned long long)st.st_size, max);
	else
		pd->root = yload_file(fp, &pd->arena, &pd->diags, &o);
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
	pd->root = yload_buffer(buf, len, &pd->arena, &pd->diags, &o);
	plandoc_check(pd, pb);
}

void
plandoc_trim(struct plandoc *pd)
{
	arena_release(&pd->scratch);
}

void
plandoc_release(struct plandoc *pd)
{
	arena_release(&pd->scratch);
	arena_release(&pd->arena);
	memset(pd, 0, sizeof(*pd));
}
