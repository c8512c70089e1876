#!/bin/sh
# units.sh - runs the cmocka test programs one after the other and counts them.
#
#   sh tests/units.sh DIR test_NAME...      (DIR: build or build/san)
#
# Each program's own output, then "ok - NAME" or "not ok - NAME (exit
# status N)", and at the end "units: P passed, F failed"; exits 1 when a
# program failed.

if [ $# -lt 1 ]; then
	echo "usage: sh tests/units.sh DIR test_NAME..." >&2
	exit 2
fi
dir=$1
shift
PASSED=0
FAILED=0
for t in "$@"; do
	"./$dir/$t"
	rc=$?
	if [ "$rc" -eq 0 ]; then
		PASSED=$((PASSED + 1))
		echo "ok - $t"
	else
		FAILED=$((FAILED + 1))
		echo "not ok - $t (exit status $rc)"
	fi
done
echo "units: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
