/* holfile.h - holiday files: a year's official arrangement as YAML, read once for all the plans that name it. */
#ifndef PAIRPLAN_HOLFILE_H
#define PAIRPLAN_HOLFILE_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct calendar;
struct diags;

/*
 * A holiday file is a YAML list of entries, one per holiday of a
 * State Council notice:
 *
 *   - year: 2027                       # required, 1..9999
 *     name: 春节                        # optional: the days' name
 *     off: [2027-02-05..2027-02-11]    # days or ranges A..B of days
 *     work: [2027-02-14, 2027-02-20]   # make-up working days
 *
 * The entries of one year together replace that year's built-in or
 * computed days. Every date lies in its entry's year; a day is listed
 * once. Without a name a day is named by the built-in holiday of that
 * day, else by the first such name among its entry's off days, else
 * 放假 (off) or 调休 (work).
 */

/* The most bytes a holiday file may have (rule limit). */
#define HOLFILE_MAX_SIZE	(1u << 20)

/*
 * Holiday files read so far, keyed by device and inode, so that plans
 * sharing a file read it once. Every call locks the cache's mutex: plans
 * may be built on several threads at once. A file, once read, does not
 * change while the cache lives.
 */
struct holfile_cache;
struct holfile_cache *holfile_cache_new(void);
void	 holfile_cache_free(struct holfile_cache *);

/* One file as read: its days and its diagnostics (immutable). */
struct holfile;

/*
 * The file at path, read now or before. NULL when it cannot be opened or
 * read, with *why (static or strerror text) saying why.
 */
const struct holfile *holfile_get(struct holfile_cache *, const char *path,
	    const char **why);

/*
 * Gives the file's years and days to the calendar (memory from the
 * arena) and adds the file's diagnostics to d, each in the file named
 * name (a string that lives as long as d). Returns the number of errors
 * the file has.
 */
size_t	 holfile_apply(const struct holfile *, struct calendar *,
	    struct arena *, struct diags *d, const char *name);
/* The first year of the file that calendar has from a file already, or 0. */
int	 holfile_repeated_year(const struct holfile *,
	    const struct calendar *);

#endif
