/* commands.h - the subcommands of commands.def, each defined in its cmd_NAME.c. */
#ifndef PAIRPLAN_COMMANDS_H
#define PAIRPLAN_COMMANDS_H

struct cmd_struct;

#define CMD(name, summary)						\
	int	 cmd_##name(const struct cmd_struct *, int, char **);	\
	extern const char cmd_##name##_usage[];
#include "commands.def"
#undef CMD

#endif
