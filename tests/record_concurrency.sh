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

LC_ALL=C
export LC_ALL

if [ $# -lt 1 ] || [ ! -x "$1" ]; then
	echo "usage: sh tests/record_concurrency.sh PATH/TO/pairplan [PROCS] [ROUNDS]" >&2
	exit 2
fi
BIN=$1
case $BIN in
/*)	;;
*)	BIN=$(pwd)/$BIN ;;
esac
PROCS=${2:-50}
ROUNDS=${3:-2}

T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
cp tests/diag/clean.yaml "$T/plan.yaml" || exit 2
F=$T/plan.records.yaml
start=$(date +%s%N)
fails=0

round=1
while [ "$round" -le "$ROUNDS" ]; do
	pids=
	i=1
	while [ "$i" -le "$PROCS" ]; do
		SOURCE_DATE_EPOCH=1729000000 "$BIN" record "$T/plan.yaml" \
		    --activity p1.2 --partner jinqiu --date 2024-10-22 \
		    --people gengqj,王静 --participants "$i" \
		    --note "送教 \"下乡\" # r$round-p$i" --by "r$round-p$i" \
		    >"$T/out.r$round-p$i" 2>"$T/err.r$round-p$i" &
		pids="$pids $!"
		i=$((i + 1))
	done
	for p in $pids; do
		wait "$p" || fails=$((fails + 1))
	done
	round=$((round + 1))
done
if [ "$fails" -ne 0 ]; then
	echo "not ok - record concurrency: $fails of $((PROCS * ROUNDS)) records failed"
	cat "$T"/err.* | sort | uniq -c | head -5
	exit 1
fi
if ! "$BIN" validate --strict "$T/plan.yaml" >"$T/validate" 2>&1; then
	echo "not ok - record concurrency: validate reports:"
	head -5 "$T/validate"
	exit 1
fi

/usr/bin/python3 - "$T" "$F" "$PROCS" "$ROUNDS" <<'PY' || exit 1
import os, sys, yaml
tdir, path, procs, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
total = procs * rounds
raw = open(path, "rb").read()
recs = yaml.safe_load(raw.decode("utf-8"))
bad = []
if not isinstance(recs, list) or not all(isinstance(r, dict) for r in recs):
    bad.append("the file is not a list of mappings")
else:
    if len(recs) != total:
        bad.append("%d records, not %d" % (len(recs), total))
    if [r.get("n") for r in recs] != list(range(1, len(recs) + 1)):
        bad.append("numbers are not 1..%d in file order" % len(recs))
    if raw.count(b"\n") != len(recs) or not raw.endswith(b"\n"):
        bad.append("not one line per record")
    by_tag = {r.get("by"): r for r in recs}
    if len(by_tag) != len(recs):
        bad.append("a process's record landed twice")
    for rnd in range(1, rounds + 1):
        for i in range(1, procs + 1):
            tag = "r%d-p%d" % (rnd, i)
            printed = open(os.path.join(tdir, "out." + tag)).read().strip()
            r = by_tag.get(tag)
            if r is None:
                bad.append("the record of %s is missing" % tag)
            elif printed != "recorded %d in %s" % (r["n"], path):
                bad.append("%s printed %r, its record is n %s" % (tag, printed, r["n"]))
            elif r["note"] != '送教 "下乡" # ' + tag or r["people"] != ["gengqj", "王静"] \
                    or r["participants"] != i or r["recorded"] != "2024-10-15T13:46:40Z":
                bad.append("the record of %s does not read back: %r" % (tag, r))
if bad:
    print("not ok - record concurrency: " + "; ".join(bad[:5]))
    sys.exit(1)
PY
end=$(date +%s%N)
echo "ok - record concurrency: $ROUNDS rounds of $PROCS \`pairplan record\` at once," \
    "$((PROCS * ROUNDS)) records numbered 1..$((PROCS * ROUNDS)), valid" \
    "($(((end - start) / 1000000)) ms)"
