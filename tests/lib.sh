# lib.sh - the shared harness of the shell test suites: case counting, ok/not ok, a temporary directory, run-and-compare helpers, golden files.
#
# Sourced, not run:
#
#	. tests/lib.sh
#	lib_start NAME "$@"	# checks the one argument PATH/TO/pairplan
#	...cases...
#	lib_finish		# "NAME: N passed, M failed"; the exit status
#
# A case either calls ok/notok/skip once, or notes problems with why (or
# the expect_* helpers, which call it) and then ends with result NAME.
# Output is TAP-like: "ok - NAME", "not ok - NAME" with "#   " details.
#
# lib_start sets BIN (the binary, with a slash), T (a temporary directory
# removed on exit), PASSED and FAILED, and the locale C. run puts the
# binary's stdout in $T/out, its stderr in $T/err and its status in $RC.
#
# GOLDEN_UPDATE=1 in the environment: expect_golden rewrites an expected
# file that differs (or is missing) instead of failing, and says so with
# a line "# updated: FILE"; review the change with git diff.
#
# POSIX sh and coreutils (plus diff).

LC_ALL=C
export LC_ALL
unset NO_COLOR

# lib_start NAME [ARGS...]: ARGS must be one path to an executable.
lib_start() {
	SUITE=$1
	shift
	if [ $# -ne 1 ]; then
		echo "usage: sh tests/$SUITE.sh PATH/TO/pairplan" >&2
		exit 2
	fi
	BIN=$1
	case $BIN in
	*/*)	;;
	*)	BIN=./$BIN ;;
	esac
	if [ ! -x "$BIN" ]; then
		echo "$SUITE: $BIN is not an executable" >&2
		exit 2
	fi
	T=$(mktemp -d) || exit 2
	trap 'rm -rf "$T"' EXIT
	trap 'exit 130' INT HUP TERM
	: >"$T/diff"
	PASSED=0
	FAILED=0
	WHY=
}

# lib_finish: the count line, and a status: 1 when a case failed.
lib_finish() {
	echo "$SUITE: $PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
}

# ---- reporting ----------------------------------------------------------

ok() {
	PASSED=$((PASSED + 1))
	echo "ok - $1"
}

# notok NAME [REASON]
notok() {
	FAILED=$((FAILED + 1))
	if [ $# -gt 1 ]; then
		echo "not ok - $1: $2"
	else
		echo "not ok - $1"
	fi
}

# skip NAME REASON: counted as passed, marked as a skip.
skip() {
	PASSED=$((PASSED + 1))
	echo "ok - $1 # SKIP $2"
}

# why TEXT: notes why the current case fails (the first reason counts).
why() {
	[ -n "$WHY" ] || WHY=$1
}

# result NAME: ok, or not ok with the reason and then $T/diff when it has
# something, else the first lines of stdout and stderr.
result() {
	if [ -z "$WHY" ]; then
		ok "$1"
	else
		notok "$1"
		echo "#   $WHY"
		if [ -s "$T/diff" ]; then
			sed 's/^/#   /' "$T/diff"
		else
			[ -f "$T/out" ] && sed -n '1,8s/^/#   stdout: /p' "$T/out"
			[ -f "$T/err" ] && sed -n '1,8s/^/#   stderr: /p' "$T/err"
		fi
	fi
	WHY=
	: >"$T/diff"
}

# ---- running and comparing ------------------------------------------------

# stream FILE: what $T/FILE holds, for messages.
stream() {
	case $1 in
	out)	echo stdout ;;
	err)	echo stderr ;;
	*)	echo "$1" ;;
	esac
}

# run ARGS...: runs the binary, stdout to $T/out, stderr to $T/err, the
# exit status to $RC. Standard input is whatever the caller redirects.
run() {
	"$BIN" "$@" >"$T/out" 2>"$T/err"
	RC=$?
}

expect_rc() {
	[ "$RC" -eq "$1" ] || why "exit status $RC, expected $1"
}

expect_no_stdout() {
	[ ! -s "$T/out" ] || why "unexpected output on stdout"
}

expect_no_stderr() {
	[ ! -s "$T/err" ] || why "unexpected output on stderr"
}

# expect_in FILE TEXT: FILE (out or err) holds the fixed string TEXT.
expect_in() {
	grep -F -q -e "$2" "$T/$1" || why "$1 lacks: $2"
}

expect_not_in() {
	! grep -F -q -e "$2" "$T/$1" || why "$1 has: $2"
}

# expect_lines FILE N: FILE (out or err) has N lines.
expect_lines() {
	n=$(wc -l <"$T/$1")
	[ "$n" -eq "$2" ] || why "$1 has $n lines, expected $2"
}

# expect_same WANT FILE [REASON]: the file WANT and $T/FILE (out or err)
# are the same bytes; else the diff goes to the report.
expect_same() {
	if ! cmp -s "$1" "$T/$2"; then
		diff -u "$1" "$T/$2" >"$T/diff"
		why "${3:-$(stream "$2") differs from $1}"
	fi
}

# expect_golden GOLDEN FILE: like expect_same, but with GOLDEN_UPDATE=1 a
# GOLDEN that differs or is missing is rewritten from $T/FILE.
expect_golden() {
	if [ -f "$1" ] && cmp -s "$1" "$T/$2"; then
		return 0
	fi
	if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
		golden_write "$T/$2" "$1"
		return 0
	fi
	if [ ! -f "$1" ]; then
		why "$1 is missing (GOLDEN_UPDATE=1 writes it)"
		return 0
	fi
	diff -u "$1" "$T/$2" | head -n 20 >"$T/diff"
	why "$(stream "$2") differs from $1"
}

# golden_write NEW GOLDEN: replaces GOLDEN by NEW (a rename, so a reader
# never sees half a file) and says so.
golden_write() {
	if ! cp "$1" "$2.tmp$$" || ! mv "$2.tmp$$" "$2"; then
		rm -f "$2.tmp$$"
		why "cannot update $2"
		return 1
	fi
	echo "# updated: $2"
}

# ---- suites of one program and numbers ----------------------------------

# lib_program SCRIPT USAGE "$@": for the suites that take a program and
# numbers rather than cases (record_concurrency.sh, recstore_*.sh). Sets
# PROG to the program $1 as an absolute path, T to a temporary directory
# removed on exit, and START to the time, for lib_ms; "usage: sh
# tests/SCRIPT.sh USAGE" and exit 2 when $1 is not an executable.
lib_program() {
	_script=$1
	_usage=$2
	shift 2
	if [ $# -lt 1 ] || [ ! -x "$1" ]; then
		echo "usage: sh tests/$_script.sh $_usage" >&2
		exit 2
	fi
	case $1 in
	/*)	PROG=$1 ;;
	*)	PROG=$(pwd)/$1 ;;
	esac
	T=$(mktemp -d) || exit 2
	trap 'rm -rf "$T"' EXIT
	START=$(date +%s%N)
}

# lib_ms: the milliseconds since lib_program.
lib_ms() {
	echo $((($(date +%s%N) - START) / 1000000))
}

# lib_rounds START [GO]: ROUNDS rounds of PROCS processes at once. "START
# R I" starts the I-th process of round R in the background; "GO R", when
# given, runs once all of round R are started; a round ends when all its
# processes have exited. Sets FAILS to how many exited with a failure.
lib_rounds() {
	FAILS=0
	_round=1
	while [ "$_round" -le "$ROUNDS" ]; do
		_pids=
		_i=1
		while [ "$_i" -le "$PROCS" ]; do
			"$1" "$_round" "$_i"
			_pids="$_pids $!"
			_i=$((_i + 1))
		done
		[ $# -lt 2 ] || "$2" "$_round"
		for _p in $_pids; do
			wait "$_p" || FAILS=$((FAILS + 1))
		done
		_round=$((_round + 1))
	done
}
