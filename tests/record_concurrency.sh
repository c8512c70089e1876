#!/bin/sh
# record_concurrency.sh - many `pairplan record` processes at once on one plan: all land, numbered 1..N without gaps or repeats, the file parses and validates.
#
#   sh tests/record_concurrency.sh PATH/TO/pairplan [PROCS] [ROUNDS]
#
# Each round starts PROCS (default 50) `pairplan record` processes at
# once on a copy of tests/diag/clean.yaml; the first round creates the
# records file, so the creation races too. Then python3-yaml reads the
# file: PROCS*ROUNDS records, n = 1, 2, ... in file order, each process's
# record carrying the n it printed; and `pairplan validate` reads it
# back without a diagnostic. Exits 1 on a failure.

. tests/lib.sh
lib_program record_concurrency "PATH/TO/pairplan [PROCS] [ROUNDS]" "$@"
BIN=$PROG
PROCS=${2:-50}
ROUNDS=${3:-2}

cp tests/diag/clean.yaml "$T/plan.yaml" || exit 2
F=$T/plan.records.yaml

# record ROUND I: the I-th process of a round, tagged rROUND-pI.
record() {
	SOURCE_DATE_EPOCH=1729000000 "$BIN" record "$T/plan.yaml" \
	    --activity p1.2 --partner jinqiu --date 2024-10-22 \
	    --people gengqj,王静 --participants "$2" \
	    --note "送教 \"下乡\" # r$1-p$2" --by "r$1-p$2" \
	    >"$T/out.r$1-p$2" 2>"$T/err.r$1-p$2" &
}

lib_rounds record
if [ "$FAILS" -ne 0 ]; then
	echo "not ok - record concurrency: $FAILS of $((PROCS * ROUNDS)) records failed"
	cat "$T"/err.* | sort | uniq -c | head -5
	exit 1
fi
if ! "$BIN" validate --strict "$T/plan.yaml" >"$T/validate" 2>&1; then
	echo "not ok - record concurrency: validate reports:"
	head -5 "$T/validate"
	exit 1
fi

/usr/bin/python3 - "$T" "$F" "$PROCS" "$ROUNDS" <<'PY' || exit 1
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, "tests")
from appends_check import check
check("record concurrency", sys.argv[1], sys.argv[2], int(sys.argv[3]),
      int(sys.argv[4]),
      lambda r, path: "recorded %d in %s" % (r["n"], path),
      lambda r, tag, i: r["note"] == '送教 "下乡" # ' + tag
      and r["people"] == ["gengqj", "王静"] and r["participants"] == i
      and r["recorded"] == "2024-10-15T13:46:40Z")
PY
echo "ok - record concurrency: $ROUNDS rounds of $PROCS \`pairplan record\` at once," \
    "$((PROCS * ROUNDS)) records numbered 1..$((PROCS * ROUNDS)), valid" \
    "($(lib_ms) ms)"
