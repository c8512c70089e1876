/* cli_opts.h - what several commands parse and print alike: --on, --lang, empty values, their output, the lines of their help. */
#ifndef PAIRPLAN_CLI_OPTS_H
#define PAIRPLAN_CLI_OPTS_H

#include <stdbool.h>

#include "cli.h"
#include "date.h"

struct output;

/* Lines of the commands' usage texts that describe the same option. */
#define CLI_OPTS_HELP_ON						\
    "  --on DATE           the day (YYYY-MM-DD); default today\n"	\
    "                      (SOURCE_DATE_EPOCH's day when it is set)\n"
#define CLI_OPTS_HELP_OUTPUT						\
    "  -o, --output OUT    write to OUT, replaced whole, instead of "	\
    "standard\n"							\
    "                      output\n"
#define CLI_OPTS_HELP_JOBS						\
    "  -j, --jobs N        read N files at once (default: the number of "	\
    "CPUs);\n"								\
    "                      the output is the same for every N\n"
#define CLI_OPTS_HELP_MAX_SIZE						\
    "  --max-size BYTES    largest file read (default 256M; K, M, G "	\
    "suffixes)\n"

/*
 * True, after the usage error "empty value for 'OPT'", when the value v
 * of the option argument opt ("--opt", "--opt=", "-o") is empty.
 */
bool	 cli_opts_empty(const struct cmd_struct *, const char *opt,
	    const char *v);

/*
 * --on DATE (YYYY-MM-DD): OPT_TAKEN with *on set and *has_on true,
 * OPT_UNKNOWN when argv[*i] is another option, OPT_FAILED after the
 * usage error "bad date".
 */
enum opt_result cli_opts_on(const struct cmd_struct *, int argc, char **argv,
	    int *i, day_t *on, bool *has_on);

/*
 * --lang zh|en: OPT_TAKEN with *lang set, OPT_UNKNOWN when argv[*i] is
 * another option, OPT_FAILED after the usage error "unknown language".
 */
enum opt_result cli_opts_lang(const struct cmd_struct *, int argc,
	    char **argv, int *i, const char **lang);

/*
 * -o/--output OUT and --records FILE: OPT_TAKEN with *out or *records
 * set, OPT_UNKNOWN when argv[*i] is another option, OPT_FAILED after the
 * usage error for an empty value.
 */
enum opt_result cli_opts_files(const struct cmd_struct *, int argc,
	    char **argv, int *i, const char **out, const char **records);

/*
 * Ends output opened with output_open: committed when written (what the
 * command printed to it went well), else given up, the file left as it
 * was. EXIT_OK, or EXIT_USAGE after a message.
 */
int	 cli_opts_finish(struct output *, bool written);

#endif
