/* yload.h - libyaml events to a node tree that keeps line:col on every node. */
#ifndef PAIRPLAN_YLOAD_H
#define PAIRPLAN_YLOAD_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>

struct arena;
struct diags;
struct holfile_cache;
struct yload_cache;

/*
 * YN_BUILT is a list whose items went to yload_opts.stream as they were
 * read: n counts them and u.ext holds what the stream callback made.
 */
enum ynode_kind { YN_NULL, YN_SCALAR, YN_MAP, YN_SEQ, YN_BUILT };

/*
 * A node. Maps hold their pairs as 2 * n children, key then value.
 * An alias is a copy of the anchored node (sharing its children), so the
 * tree is a DAG; the loader bounds the nodes reachable through aliases.
 */
struct ynode {
	uint32_t	 line, col;	/* 1-based, as libyaml counts */
	uint8_t		 kind;		/* enum ynode_kind */
	uint8_t		 quoted;	/* 1: not plain; 2: plain but tagged
					   ! or !!str, a string all the same */
	uint8_t		 path;		/* YN_BUILT: which of stream_paths */
	bool		 maybe_template;/* a scalar placeholder_maybe may
					   not clear: placeholder_scan
					   looks only at these */
	uint32_t	 n;		/* scalar bytes, map pairs, seq items */
	union {
		const char		*str;	/* NUL-terminated scalar */
		const struct ynode	*kids;
		void			*ext;	/* YN_BUILT */
	} u;
};

#define YLOAD_MAX_DEPTH		64
#define YLOAD_MAX_ALIAS_NODES	10000000u
#define YLOAD_ALIAS_FACTOR	10u
#define YLOAD_DEFAULT_MAX_SIZE	(256ull << 20)

struct yload_opts {
	unsigned long long	max_size;	/* bytes; 0 means the default */
	/*
	 * Streaming, to keep big plans small in memory: each item of a list
	 * at one of the key paths of stream_paths (e.g. {"phases",
	 * "activities", NULL}, lists of mappings nested in each other, or
	 * {"people", NULL}) is handed to stream, with the index of its path,
	 * as soon as it is read, and then dropped from the tree. stream
	 * returns the list handle it was given or a new one; the list node
	 * becomes YN_BUILT, its path kept (at most 255 paths): an alias may
	 * put it under any key, and only its own key may take its handle.
	 * Strings handed over stay valid for the life of the arena.
	 */
	const char *const *const *stream_paths; /* NULL-terminated; NULL:
						   keep the whole tree */
	void			*(*stream)(void *ctx, int path, void *list,
				    const struct ynode *item);
	void			*stream_ctx;
	struct arena		*scratch;	/* for streamed items; owned
						   by the caller, who releases
						   it with the tree */
	/*
	 * For the rest of the tree (its lists of children, anchors, the
	 * root) and the text of keys that carry no anchor, when not the
	 * arena of the load: the caller may then give the tree back and keep
	 * the text of values (and of anchored keys, which an alias can make
	 * values), which stays in the load's arena. NULL: the load's arena.
	 */
	struct arena		*tree;
	/*
	 * Not the loader's: the holiday files of the plans being read
	 * (holfile.h), shared so that each is read once; NULL: every plan
	 * reads its own.
	 */
	struct holfile_cache	*holidays;
	/*
	 * What the loader keeps from one load to the next (yload_cache_new),
	 * for a thread that reads many files one after another; never two
	 * loads at once. NULL: each load makes its own.
	 */
	struct yload_cache	*cache;
	/*
	 * 0: parse on a second thread when the input is big and a core is
	 * free; 1: one thread; 2: always a second thread. The result is the
	 * same.
	 */
	int			 threads;
	/*
	 * With stream set: false lets libyaml's reader check the encoding
	 * and runs the loader's own check (its message, at line:col) only
	 * when libyaml refuses the input. libyaml decodes a block of input
	 * at a time, so the events just before a bad byte are then not
	 * seen: a caller that wants every diagnostic up to the byte loads
	 * such an input again with scan_first (yload_encoding_failed).
	 * Without stream the input is always checked as it is read.
	 */
	bool			 scan_first;
	/*
	 * The size of a regular file the caller opened and has not read
	 * from, when it knows it: spares asking the system again. 0: ask.
	 */
	unsigned long long	 file_size;
};

/*
 * Reads one YAML document from fp (named file in diagnostics) into a tree
 * allocated in the arena. Returns the root, or NULL after reporting a
 * fatal problem (yaml-syntax, encoding, limit, an empty file, several
 * documents). Duplicate keys are reported but are not fatal. Never
 * closes fp.
 */
const struct ynode *yload_file(FILE *fp, struct arena *, struct diags *,
	    const struct yload_opts *);
/* The same over a buffer (tests, the fuzzer). */
const struct ynode *yload_buffer(const char *buf, size_t len,
	    struct arena *, struct diags *, const struct yload_opts *);

/*
 * The loader's table of short scalars, kept for the next load: a table
 * made afresh for each of many small files costs more than its file's
 * parse (new memory, cleared).
 */
struct yload_cache *yload_cache_new(void);
void	 yload_cache_free(struct yload_cache *);

/* A load that reported an encoding problem (see scan_first). */
bool	 yload_encoding_failed(const struct diags *);

/* Value of key in map m, or NULL. */
const struct ynode *ynode_get(const struct ynode *m, const char *key);
/* A plain scalar that YAML reads as null: "", "~", "null", "Null", "NULL". */
bool	 ynode_is_null(const struct ynode *);
const char *ynode_kind_name(const struct ynode *);

#endif
