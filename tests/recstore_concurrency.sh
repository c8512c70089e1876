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

LC_ALL=C
export LC_ALL

if [ $# -lt 1 ] || [ ! -x "$1" ]; then
	echo "usage: sh tests/recstore_concurrency.sh PATH/TO/recstore_driver [PROCS] [ROUNDS]" >&2
	exit 2
fi
DRV=$1
PROCS=${2:-50}
ROUNDS=${3:-3}

T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
F=$T/plan.records.yaml
start=$(date +%s%N)
fails=0

round=1
while [ "$round" -le "$ROUNDS" ]; do
	pids=
	i=1
	while [ "$i" -le "$PROCS" ]; do
		"$DRV" append "$F" "r$round-p$i" "$T/gate" >"$T/out.r$round-p$i" &
		pids="$pids $!"
		i=$((i + 1))
	done
	: >"$T/gate"
	for p in $pids; do
		wait "$p" || fails=$((fails + 1))
	done
	rm -f "$T/gate"
	round=$((round + 1))
done
if [ "$fails" -ne 0 ]; then
	echo "not ok - recstore concurrency: $fails of $((PROCS * ROUNDS)) appends failed"
	exit 1
fi

/usr/bin/python3 - "$T" "$F" "$PROCS" "$ROUNDS" <<'EOF' || exit 1
import os, sys, yaml
tdir, path, procs, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
total = procs * rounds
with open(path, "rb") as f:
    raw = f.read()
text = raw.decode("utf-8")
recs = yaml.safe_load(text)
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
            with open(os.path.join(tdir, "out." + tag)) as f:
                printed = f.read().strip()
            r = by_tag.get(tag)
            if r is None:
                bad.append("the record of %s is missing" % tag)
            elif str(r["n"]) != printed:
                bad.append("%s printed n %s, its record has %s" % (tag, printed, r["n"]))
            elif not r["note"].endswith("\\ " + tag) or r["people"] != ["liu", "xie"] \
                    or r["targets"] != {"教师优课率": "35%", "yes": "no"} \
                    or r["confirmed-by"] != ["张三", "- 李四: yes"]:
                bad.append("the record of %s does not read back: %r" % (tag, r))
if bad:
    print("not ok - recstore concurrency: " + "; ".join(bad[:5]))
    sys.exit(1)
EOF
end=$(date +%s%N)
echo "ok - recstore concurrency: $ROUNDS rounds of $PROCS processes at once," \
    "$((PROCS * ROUNDS)) records numbered 1..$((PROCS * ROUNDS))" \
    "($(((end - start) / 1000000)) ms)"
