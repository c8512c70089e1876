# pairplan(1) completion for bash: commands, their options, formats, languages and plan files.
#
# Install as $(PREFIX)/share/bash-completion/completions/pairplan (make
# install does), or source this file from ~/.bashrc.

# Adds the lines of standard input to COMPREPLY (names may hold spaces).
_pairplan_add()
{
	mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY
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
	local cur prev opt cmd ci opts formats prefix i
	local commands="validate schedule export rules init help"

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
			_pairplan_add < <(compgen -W "$commands" -- "$cur")
		fi
		return ;;
	help)
		((ci == COMP_CWORD - 1)) || return
		_pairplan_add < <(compgen -W "validate schedule export rules init" \
		    -- "$cur")
		return ;;
	validate)
		opts="--strict --format --max-size --help"
		formats="text json" ;;
	schedule)
		opts="--phase --from --to --person --partner --format -o
		    --output --max-size --help"
		formats="table csv json ics" ;;
	export)
		opts="--format --lang -o --output --max-size --help"
		formats="md html json csv ics svg" ;;
	init)
		opts="--lang --help" ;;
	rules)
		opts="--help" ;;
	*)
		return ;;
	esac

	case $opt in
	--format)
		_pairplan_add < <(compgen -P "$prefix" -W "$formats" -- "$cur")
		return ;;
	--lang)
		_pairplan_add < <(compgen -P "$prefix" -W "zh en" -- "$cur")
		return ;;
	-o|--output)
		compopt -o filenames 2>/dev/null
		_pairplan_add < <(compgen -f -- "$cur")
		return ;;
	--max-size|--phase|--from|--to|--person|--partner)
		return ;;
	esac

	if [[ $cur == -* ]]; then
		_pairplan_add < <(compgen -W "$opts" -- "$cur")
		return
	fi
	case $cmd in
	validate|schedule|export)
		_pairplan_plans "$cur" ;;
	esac
}

complete -F _pairplan pairplan
