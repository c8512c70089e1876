/* cli_opts.c - what several commands parse and print alike: --on, --lang, empty values, their output, the lines of their help. */
#include <stdbool.h>
#include <string.h>

#include "cli.h"
#include "cli_opts.h"
#include "cli_records.h"
#include "date.h"
#include "output.h"

bool
cli_opts_empty(const struct cmd_struct *c, const char *opt, const char *v)
{
	if (*v != '\0')
		return false;
	cli_usage_error(c, "empty value for '%.*s'", (int)strcspn(opt, "="),
	    opt);
	return true;
}

enum opt_result
cli_opts_on(const struct cmd_struct *c, int argc, char **argv, int *i,
    day_t *on, bool *has_on)
{
	const char *v;

	if ((v = cli_opt_value(argc, argv, i, "--on")) == NULL)
		return OPT_UNKNOWN;
	if (!cli_parse_day(v, on)) {
		cli_usage_error(c, "bad date '%s' (YYYY-MM-DD)", v);
		return OPT_FAILED;
	}
	*has_on = true;
	return OPT_TAKEN;
}

enum opt_result
cli_opts_lang(const struct cmd_struct *c, int argc, char **argv, int *i,
    const char **lang)
{
	const char *v;

	if ((v = cli_opt_value(argc, argv, i, "--lang")) == NULL)
		return OPT_UNKNOWN;
	if (strcmp(v, "zh") != 0 && strcmp(v, "en") != 0) {
		cli_usage_error(c, "unknown language '%s' (zh or en)", v);
		return OPT_FAILED;
	}
	*lang = v;
	return OPT_TAKEN;
}

int
cli_opts_finish(struct output *out, bool written)
{
	if (!written) {
		output_fail(out);
		return EXIT_USAGE;
	}
	return output_commit(out) ? EXIT_OK : EXIT_USAGE;
}

enum opt_result
cli_opts_files(const struct cmd_struct *c, int argc, char **argv, int *i,
    const char **out, const char **records)
{
	const char *opt = argv[*i], *v;

	if ((v = cli_opt_output(argc, argv, i)) != NULL)
		*out = v;
	else if ((v = cli_opt_value(argc, argv, i, "--records")) != NULL)
		*records = v;
	else
		return OPT_UNKNOWN;
	return cli_opts_empty(c, opt, v) ? OPT_FAILED : OPT_TAKEN;
}
