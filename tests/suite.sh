#!/bin/sh
# suite.sh - make check's one line per test suite: the suite's output goes to a log, the details only on failure.
#
#   sh tests/suite.sh LOGDIR NAME NOUN COMMAND...   run one suite
#   sh tests/suite.sh LOGDIR --verdict NAME...       the details of the
#                                                    suites that failed, then
#                                                    the verdict, last
#
# A suite is COMMAND, run with its standard output and error in
# LOGDIR/NAME.log; its count is the last line of the log of the form
# "SUITE: P passed, F failed" (NOUN names what is counted; - for no
# count). It prints one line,
#
#   ok   cli (241 cases)
#   FAIL hostile (2 of 46): see build/test-logs/hostile.log
#
# followed by the files a GOLDEN_UPDATE=1 run rewrote, writes ok or fail
# to LOGDIR/NAME.status, and exits 1 when the suite failed. --verdict
# prints, for each suite that failed (or never ran), its failed cases
# (or the last lines of its log), then "make check: ..." as the last
# line, and exits 1 when any failed. POSIX sh, grep, sed.

if [ $# -lt 2 ]; then
	echo "usage: sh tests/suite.sh LOGDIR NAME NOUN COMMAND..." >&2
	echo "       sh tests/suite.sh LOGDIR --verdict NAME..." >&2
	exit 2
fi
dir=$1
shift

if [ "$1" = --verdict ]; then
	shift
	total=0
	failed=
	nfailed=0
	for n in "$@"; do
		total=$((total + 1))
		[ "$(cat "$dir/$n.status" 2>/dev/null)" = ok ] && continue
		failed="$failed${failed:+, }$n"
		nfailed=$((nfailed + 1))
		log=$dir/$n.log
		echo
		if [ ! -f "$log" ]; then
			echo "---- $n: did not run"
			continue
		fi
		# The failed cases and what they said (TAP-like "not ok" and
		# "#" lines, cmocka's, the sanitizers'), else the log's tail.
		grep -E '^not ok|^#   |^\[  (ERROR|FAILED|LINE) |ERROR: [A-Za-z]*Sanitizer|runtime error: ' \
		    "$log" | grep -v '^\[  FAILED  \] [0-9]* test' |
		    head -n 40 >"$log.why"
		if [ -s "$log.why" ]; then
			echo "---- $log: the failures"
			cat "$log.why"
		else
			echo "---- $log: the last lines"
			tail -n 20 "$log"
		fi
		rm -f "$log.why"
	done
	if [ "$nfailed" -eq 0 ]; then
		echo "make check: all $total suites passed"
		exit 0
	fi
	echo "make check: FAILED, $nfailed of $total suites: $failed"
	exit 1
fi

if [ $# -lt 3 ]; then
	echo "usage: sh tests/suite.sh LOGDIR NAME NOUN COMMAND..." >&2
	exit 2
fi
name=$1
noun=$2
shift 2
log=$dir/$name.log
mkdir -p "$dir" || exit 2
rm -f "$dir/$name.status"

"$@" >"$log" 2>&1 </dev/null
rc=$?

counts=$(grep -E '^[A-Za-z0-9_-]+: [0-9]+ passed, [0-9]+ failed$' "$log" |
    tail -n 1)
p=$(printf '%s\n' "$counts" | sed -n 's/^.*: \([0-9]*\) passed.*$/\1/p')
f=$(printf '%s\n' "$counts" | sed -n 's/^.*, \([0-9]*\) failed$/\1/p')
skips=$(grep -c '^ok - .* # SKIP' "$log")

what=
if [ "$noun" != - ] && [ -n "$counts" ]; then
	what=" ($((p + f)) $noun"
	[ "$skips" -gt 0 ] && what="$what, $skips skipped"
	what="$what)"
fi

if [ "$rc" -eq 0 ] && [ "${f:-0}" -eq 0 ] && { [ "$noun" = - ] ||
    [ -n "$counts" ]; }; then
	status=ok
	msg="ok   $name$what"
else
	status=fail
	if [ -n "$counts" ] && [ "$f" -gt 0 ]; then
		msg="FAIL $name ($f of $((p + f)) $noun): see $log"
	elif [ "$rc" -eq 0 ]; then
		msg="FAIL $name (no count line): see $log"
	else
		msg="FAIL $name (exit status $rc): see $log"
	fi
fi
# Golden files rewritten by GOLDEN_UPDATE=1, under the line: one printf,
# so that under make -j the lines of one suite stay together.
upd=$(sed -n 's/^# updated: /     updated /p' "$log")
[ -n "$upd" ] && msg="$msg
$upd"
echo "$status" >"$dir/$name.status"
printf '%s\n' "$msg"
[ "$status" = ok ]
