/* cli_records.h - plans read with their records: the records file beside each plan, checked, applied to the schedule; the day of --on. */
#ifndef PAIRPLAN_CLI_RECORDS_H
#define PAIRPLAN_CLI_RECORDS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "arena.h"
#include "date.h"
#include "records.h"
#include "sched.h"

struct diag_out;
struct plan;
struct plandoc;
struct yload_opts;

#include "cli.h"

/* Plans loaded with their records, and their schedule. */
struct cli_tracked {
	struct plandoc		*pds;
	const struct plan	**plans;	/* NULL after a fatal problem */
	struct records		**recp;		/* per plan: its records, or
						   NULL when it has none */
	int			 n;
	struct arena		 arena;		/* the schedule's */
	struct schedule		 s;
	bool			 scheduled;
};

/*
 * The records step of reading a plan, a cli_load check: the records file
 * `records` names when set (one plan), else NAME.records.yaml beside
 * files[i] when it exists, read into the plan's arena and checked against
 * the plan and its own schedule; recp[i] gets them when recp is set.
 */
struct cli_records {
	char			**files;
	const char		*records;
	struct records		**recp;
	bool			*unreadable;	/* per file */
	unsigned long long	 max_size;
};
void	 cli_records_check(void *ctx, int i, struct plandoc *);

/*
 * The plan's own file has errors (not its records or holiday files, whose
 * diagnostics name their file), or it built no plan at all.
 */
bool	 cli_plan_has_errors(const struct plandoc *);

/*
 * Loads the plans of files (jobs at once, cli_load_plans) and the records
 * of each (cli_records_check), printing every diagnostic in file order as
 * format says (CLI_DIAG_NONE: not at all). When every plan is free of
 * errors and `schedule` is set or some plan has records, schedules the
 * plans together with the records applied (sched_run_fixed). Returns the
 * exit status earned: EXIT_USAGE when a file could not be read, EXIT_PLAN
 * when a plan or its records have errors.
 */
int	 cli_tracked_load(struct cli_tracked *, char **files, int nfiles,
	    const char *records, const struct yload_opts *,
	    const struct diag_out *out, enum cli_diag_format format,
	    bool *first, bool schedule, unsigned jobs);
void	 cli_tracked_release(struct cli_tracked *);

/*
 * Now: SOURCE_DATE_EPOCH (seconds, UTC) when it is set to a number up to
 * the end of 9999 (date_source_epoch), else the clock.
 * cli_today gives the day: SOURCE_DATE_EPOCH's day in UTC, else today in
 * local time.
 */
time_t	 cli_now(void);
day_t	 cli_today(void);
/* --on DATE: a day YYYY-MM-DD; false when it is not one. */
bool	 cli_parse_day(const char *, day_t *);

#endif
