/* cli.h - what the commands share: their options, reading plans, names given on the command line, exit status. */
#ifndef PAIRPLAN_CLI_H
#define PAIRPLAN_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "yload.h"

struct diag_out;
struct holfile_cache;
struct plan;
struct plandoc;
struct schedule;

enum exit_status { EXIT_OK = 0, EXIT_PLAN = 1, EXIT_USAGE = 2 };

/* A subcommand: a row of commands.def. */
struct cmd_struct {
	const char	*name;
	int		(*fn)(const struct cmd_struct *, int, char **);
	const char	*summary;
	const char	*usage;		/* `pairplan NAME --help` */
};

/* "pairplan: MESSAGE" and the command's usage on stderr: EXIT_USAGE. */
int	 cli_usage_error(const struct cmd_struct *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* "--opt=value" or "--opt value": the value, advancing *i; NULL if none. */
const char *cli_opt_value(int argc, char **argv, int *i, const char *opt);
/* -o OUT, -oOUT, --output OUT, --output=OUT. */
const char *cli_opt_output(int argc, char **argv, int *i);
/* BYTES with an optional K, M or G; false when not a positive size. */
bool	 cli_parse_size(const char *, unsigned long long *);
/* A day, or a month (its first or last day), as --from and --to take. */
bool	 cli_parse_bound(const char *, bool last, day_t *);
/* Colour on standard error: a terminal, and NO_COLOR unset. */
bool	 cli_use_color(void);

/*
 * A command's own options: OPT_TAKEN when argv[*i] was one of them (*i
 * then past its value), OPT_UNKNOWN when it is not, OPT_FAILED after a
 * usage error was printed.
 */
enum opt_result { OPT_TAKEN, OPT_UNKNOWN, OPT_FAILED };
typedef enum opt_result (*cli_opt_fn)(const struct cmd_struct *, int,
    char **, int *, void *);

/* What every command that reads plans takes: FILEs and --max-size. */
struct cli_plan_args {
	struct yload_opts	 opts;
	char		       **files;
	int			 nfiles;
};

/*
 * Parses a command line of options and FILEs ("-" is standard input,
 * "--" ends the options), handing the options it does not know to own;
 * valued lists those of them that take a value. Returns EXIT_OK, or
 * EXIT_USAGE after a message.
 */
int	 cli_parse_plan_args(const struct cmd_struct *, int argc, char **argv,
	    struct cli_plan_args *, cli_opt_fn own, const char *const *valued,
	    void *ctx);

/*
 * The holiday files (holfile.h) of the plans a command reads, shared so
 * that each is read once; cli_parse_plan_args puts it in opts.holidays.
 * Thread-safe once made; main calls cli_release when the command is done.
 */
struct holfile_cache *cli_holidays(void);
void	 cli_release(void);

/*
 * -j N, -jN, --jobs N, --jobs=N: how many files are read at once, 1 to
 * CLI_MAX_JOBS. OPT_TAKEN (*jobs set), OPT_UNKNOWN, or OPT_FAILED after a
 * usage error. List "-j" and "--jobs" among the options that take a value.
 */
#define CLI_MAX_JOBS	256
enum opt_result cli_opt_jobs(const struct cmd_struct *, int argc, char **argv,
	    int *i, unsigned *jobs);
/* -j's default: the number of online CPUs (at least 1, at most CLI_MAX_JOBS). */
unsigned cli_default_jobs(void);

/* How cli_load_plans prints diagnostics. */
enum cli_diag_format {
	CLI_DIAG_TEXT, CLI_DIAG_JSON, CLI_DIAG_SARIF,
	CLI_DIAG_NONE		/* not printed: the caller does */
};

/*
 * Reading many files: cli_load_plans reads and checks files[0..nfiles)
 * with up to jobs threads at once (the calling thread among them), and,
 * one file at a time and in file order, prints each file's diagnostics
 * (or why it could not be read) after those of every earlier file, and
 * calls done(ctx, i, pd), in whichever of those threads read the file
 * that completed the run. The output is the same for every jobs.
 *
 * keep NULL: file i is read into one of at most jobs + 2 plandocs, which
 * is released after done returns, so that only those are in memory at
 * once. keep an array of nfiles: file i is read into keep[i], its scratch
 * memory given back (plandoc_trim), and kept for the caller, who releases
 * it. done may be NULL. check, when set, is called on each file read
 * (readable or not) in the thread that read it, before its diagnostics
 * are printed: a step of the reading, such as its records (cli_records.h).
 *
 * Returns the worst exit status the files earn: EXIT_USAGE when one could
 * not be read, EXIT_PLAN when one has errors (warnings too when
 * out->strict), else EXIT_OK.
 */
struct cli_load {
	char			**files;
	int			 nfiles;
	const struct yload_opts	*opts;
	unsigned		 jobs;
	const struct diag_out	*out;
	enum cli_diag_format	 format;
	bool			*first;		/* JSON and SARIF commas */
	struct plandoc		*keep;
	void			(*done)(void *ctx, int i, struct plandoc *);
	void			*ctx;
	void			(*check)(void *check_ctx, int i,
				    struct plandoc *);
	void			*check_ctx;
};
int	 cli_load_plans(const struct cli_load *);

/* Flushes standard output: EXIT_OK, or EXIT_USAGE after a message. */
int	 cli_flush_stdout(void);
/* The worse of two exit statuses. */
int	 cli_worst(int, int);
/*
 * Reads and checks one file and prints its diagnostics. Returns the exit
 * status it earns: EXIT_USAGE when it could not be read, EXIT_PLAN when
 * it has errors.
 */
int	 cli_load_plan(struct plandoc *, const char *path,
	    const struct yload_opts *, const struct diag_out *, bool json,
	    bool *first);

/*
 * --person and --partner take an id, or the name of exactly one person
 * or organisation (the same id in several plans is one); *s becomes the
 * id. --phase takes a number no greater than some plan's phases, or an
 * id. EXIT_OK, or EXIT_USAGE after a message with a did-you-mean.
 */
int	 cli_resolve_name(const char **s, bool person,
	    const struct plan *const *plans, size_t nplans);
int	 cli_resolve_phase(const char *s, const struct plan *const *plans,
	    size_t nplans);
/* The tool never writes to a plan file: true (after a message) when -o names an input. */
bool	 cli_output_is_input(const char *out, char **files, int nfiles);
/* On standard error: why the exit status is 1 although all was printed. */
void	 cli_report_incomplete(const struct schedule *);

#endif
