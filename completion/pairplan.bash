# pairplan(1) completion for bash: commands, their options, formats, languages and plan files.
#
# Install as $(PREFIX)/share/bash-completion/completions/pairplan (make
# install does), or source this file from ~/.bashrc.
#
# The commands, options and formats are the binary's own: read from
# `pairplan --help` and `pairplan COMMAND --help`, so that a new command,
# option or format needs no change here.

# Adds the lines of standard input to COMPREPLY (names may hold spaces).
_pairplan_add()
{
	mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY
}

# The binary being completed, as typed ("pairplan", "./pairplan").
_pairplan_bin()
{
	local bin=${COMP_WORDS[0]}

	[[ $bin == */* || -z $bin ]] || bin=$(type -P "$bin")
	printf '%s\n' "${bin:-pairplan}"
}

# The commands that `pairplan --help` lists.
_pairplan_commands()
{
	"$(_pairplan_bin)" --help 2>/dev/null |
	    awk '/^commands:/ { on = 1; next } on && NF { print $1 } on && !NF { exit }'
}

# The options of a command, from its usage text, and --help.
_pairplan_options()
{
	{ "$(_pairplan_bin)" "$1" --help 2>/dev/null |
	    grep -oE -- '(^|[[ ,])--?[a-z][a-z-]*' | sed 's/^[[ ,]*//'
	  echo --help; } | sort -u
}

# The values an option takes, as its usage writes them: --format md|html.
_pairplan_values()
{
	"$(_pairplan_bin)" "$1" --help 2>/dev/null |
	    grep -oE -- "$2[ =][a-z0-9]+(\|[a-z0-9]+)+" | head -n 1 |
	    sed "s/^$2[ =]//" | tr '|' '\n'
}

# Does the command read plan files (FILE, PLAN or PATH in its usage)?
_pairplan_reads_plans()
{
	"$(_pairplan_bin)" "$1" --help 2>/dev/null | head -n 5 |
	    grep -qE '(FILE|PLAN|PATH)'
}

# Plan files (*.yaml, *.yml) and directories to descend into.
_pairplan_plans()
{
	compopt -o filenames 2>/dev/null
	_pairplan_add < <(compgen -d -- "$1")
	_pairplan_add < <(compgen -f -X '!*.yaml' -- "$1")
	_pairplan_add < <(compgen -f -X '!*.yml' -- "$1")
}

_pairplan()
{
	local cur prev opt cmd ci prefix i values

	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}

	# The command is the first word that is not an option; after "--"
	# every word is a file.
	cmd=
	for ((ci = 1; ci < COMP_CWORD; ci++)); do
		case ${COMP_WORDS[ci]} in
		-*)	;;
		*)	cmd=${COMP_WORDS[ci]}
			break ;;
		esac
	done
	for ((i = ci + 1; i < COMP_CWORD; i++)); do
		if [[ ${COMP_WORDS[i]} == -- ]]; then
			_pairplan_plans "$cur"
			return
		fi
	done

	# The option whose value is being completed: "--format VALUE",
	# "--format=VALUE" split at '=' by COMP_WORDBREAKS, or one word.
	opt=
	prefix=
	if [[ $cur == = ]]; then
		opt=$prev
		cur=
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		opt=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		prefix=$opt=
		cur=${cur#*=}
	elif [[ $prev == -* ]]; then
		opt=$prev
	fi

	case $cmd in
	"")
		if [[ $cur == -* ]]; then
			_pairplan_add < <(compgen -W "--help --version" -- "$cur")
		else
			_pairplan_add < <(compgen -W "$(_pairplan_commands) help" \
			    -- "$cur")
		fi
		return ;;
	help)
		((ci == COMP_CWORD - 1)) || return
		_pairplan_add < <(compgen -W "$(_pairplan_commands)" -- "$cur")
		return ;;
	esac
	_pairplan_commands | grep -qxF -- "$cmd" || return

	case $opt in
	-o|--output)
		compopt -o filenames 2>/dev/null
		_pairplan_add < <(compgen -f -- "$cur")
		return ;;
	--*)
		if _pairplan_options "$cmd" | grep -qxF -- "$opt"; then
			values=$(_pairplan_values "$cmd" "$opt")
			if [[ -n $values ]]; then
				_pairplan_add < <(compgen -P "$prefix" \
				    -W "$values" -- "$cur")
				return
			fi
			# An option with a value of its own (a date, an id).
			"$(_pairplan_bin)" "$cmd" --help 2>/dev/null |
			    grep -qE -- "$opt[ =][A-Z]" && return
		fi ;;
	esac

	if [[ $cur == -* ]]; then
		_pairplan_add < <(compgen -W "$(_pairplan_options "$cmd")" -- "$cur")
		return
	fi
	_pairplan_reads_plans "$cmd" && _pairplan_plans "$cur"
}

complete -F _pairplan pairplan
