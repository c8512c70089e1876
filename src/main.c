/* main.c - the command line: the table of subcommands, --help and --version. */
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "version.h"

static const struct cmd_struct commands[] = {
#define CMD(name, summary)	{ #name, cmd_##name, summary, cmd_##name##_usage },
#include "commands.def"
#undef CMD
};

#define NCOMMANDS	(sizeof(commands) / sizeof(commands[0]))

static void
usage_all(FILE *fp)
{
	size_t i;

	fputs("usage: pairplan COMMAND [OPTIONS] [FILE...]\n"
	    "       pairplan --help | --version | COMMAND --help\n"
	    "\ncommands:\n", fp);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name,
		    commands[i].summary);
	fputs("\nA plan is a YAML file; its format is described in "
	    "docs/plan-format.md.\n", fp);
}

/* A usage error without a command: the message and the list of commands. */
static int
usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("pairplan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	usage_all(stderr);
	return EXIT_USAGE;
}

static const struct cmd_struct *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int
main(int argc, char **argv)
{
	const struct cmd_struct *c;
	int i, status;

	/*
	 * Each plan frees its memory when it is done, and the next takes
	 * about as much again: glibc would give the top of the heap back
	 * to the kernel and ask for it again each time (brk, a TLB flush
	 * each), which costed more than a fifth of reading many small plans
	 * (bench/README.md). Keep up to 64 MB of freed memory instead, and
	 * let only blocks of 32 MB or more have their own mapping.
	 */
#ifdef M_TRIM_THRESHOLD
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
	if (argc < 2)
		return usage_error("no command given");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && (c = find_command(argv[2])) != NULL)
			fputs(c->usage, stdout);
		else
			usage_all(stdout);
		return cli_flush_stdout();
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("pairplan %s (plan format 1)\n", PAIRPLAN_VERSION);
		return cli_flush_stdout();
	}
	if ((c = find_command(argv[1])) == NULL)
		return usage_error("unknown command '%s'", argv[1]);
	for (i = 2; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			fputs(c->usage, stdout);
			return cli_flush_stdout();
		}
	status = c->fn(c, argc - 1, argv + 1);
	cli_release();
	return status;
}
