#!/bin/sh
# recstore_concurrency.sh - many processes append to one records file at once: all land, numbered 1..N without gaps or repeats, and the file parses.
#
#   sh tests/recstore_concurrency.sh PATH/TO/recstore_driver [PROCS] [ROUNDS]
#
# Each round starts PROCS (default 50) driver processes that wait at a
# gate, opens the gate, and waits for them all; the first round creates
# the file, so the creation races too. Then python3-yaml reads the file:
# a list of PROCS*ROUNDS mappings, n = 1, 2, ... in file order, each
# process's record carrying the n it printed. Exits 1 on a failure.

. tests/lib.sh
lib_program recstore_concurrency "PATH/TO/recstore_driver [PROCS] [ROUNDS]" "$@"
DRV=$PROG
PROCS=${2:-50}
ROUNDS=${3:-3}

F=$T/plan.records.yaml

# append ROUND I: the I-th process of a round, waiting at the round's gate;
# open_gate ROUND: the gate, once all are started.
append() {
	"$DRV" append "$F" "r$1-p$2" "$T/gate$1" >"$T/out.r$1-p$2" &
}
open_gate() {
	: >"$T/gate$1"
}

lib_rounds append open_gate
if [ "$FAILS" -ne 0 ]; then
	echo "not ok - recstore concurrency: $FAILS of $((PROCS * ROUNDS)) appends failed"
	exit 1
fi

/usr/bin/python3 - "$T" "$F" "$PROCS" "$ROUNDS" <<'EOF' || exit 1
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, "tests")
from appends_check import check
check("recstore concurrency", sys.argv[1], sys.argv[2], int(sys.argv[3]),
      int(sys.argv[4]), lambda r, path: str(r["n"]),
      lambda r, tag, i: r["note"].endswith("\\ " + tag)
      and r["people"] == ["liu", "xie"]
      and r["targets"] == {"教师优课率": "35%", "yes": "no"}
      and r["confirmed-by"] == ["张三", "- 李四: yes"])
EOF
echo "ok - recstore concurrency: $ROUNDS rounds of $PROCS processes at once," \
    "$((PROCS * ROUNDS)) records numbered 1..$((PROCS * ROUNDS))" \
    "($(lib_ms) ms)"
