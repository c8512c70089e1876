#!/bin/sh
# recstore_crash.sh - an append loop killed with SIGKILL at random moments: the file always parses or ends in one torn line, which is reported, refused and repaired as the message says.
#
#   sh tests/recstore_crash.sh PATH/TO/recstore_driver [TRIALS] [MAX_US]
#
# The driver runs the trials: each starts a fresh records file and an
# append loop that is killed with SIGKILL after a random delay below
# MAX_US microseconds (default 3000); odd trials write each line in
# one-byte pieces (so that the kill often lands inside a line), even
# trials as the tool does, in one write(). After each kill,
# recstore_check_tail must find the file whole or ending in one
# incomplete line, reported at the line after the last newline; an append
# must refuse it, unchanged, with the repair in its message; the repair,
# run as printed, must clear it; and the next append must get the next
# number. Then python3-yaml reads every file, and every torn file up to
# the repair's offset. Exits 1 on a failure; says how many trials tore a
# line.

. tests/lib.sh
lib_program recstore_crash "PATH/TO/recstore_driver [TRIALS] [MAX_US]" "$@"
DRV=$PROG
TRIALS=${2:-200}
MAX_US=${3:-3000}

out=$(cd "$T" && "$DRV" crash . "$TRIALS" "$MAX_US")
rc=$?
if [ "$rc" -ne 0 ]; then
	echo "not ok - recstore crash: $out"
	exit 1
fi
set -- $out
torn=$1
unterminated=$2
if [ "$TRIALS" -ge 100 ] && [ $((torn + unterminated)) -eq 0 ]; then
	echo "not ok - recstore crash: no kill landed inside a line in $TRIALS trials"
	exit 1
fi

/usr/bin/python3 - "$T" "$TRIALS" <<'EOF' || exit 1
import os, sys, yaml
tdir, trials = sys.argv[1], int(sys.argv[2])
bad = []
def records(raw, what):
    try:
        recs = yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError:
        bad.append("%s is not UTF-8" % what)
        return []
    except yaml.YAMLError as e:
        bad.append("%s does not parse: %s" % (what, str(e).replace("\n", " ")))
        return []
    if recs is None:
        recs = []
    if not isinstance(recs, list) or not all(isinstance(r, dict) for r in recs):
        bad.append("%s is not a list of mappings" % what)
        return []
    if [r.get("n") for r in recs] != list(range(1, len(recs) + 1)):
        bad.append("%s: numbers are not 1..%d" % (what, len(recs)))
    return recs
for i in range(1, trials + 1):
    name = os.path.join(tdir, "r%d" % i)
    with open(name + ".yaml", "rb") as f:
        raw = f.read()
    recs = records(raw, "trial %d, after the repair" % i)
    if not recs or recs[-1]["by"] != "after":
        bad.append("trial %d: the last record is not the one appended after" % i)
    if os.path.exists(name + ".tear"):
        with open(name + ".tear") as f:
            kind, line, keep = f.read().split()
        with open(name + ".torn", "rb") as f:
            torn = f.read()
        keep = int(keep)
        if torn.endswith(b"\n") or b"\n" in torn[keep:]:
            bad.append("trial %d: more than one incomplete line" % i)
        if torn[:keep].count(b"\n") != int(line) - 1:
            bad.append("trial %d: line %s is not the last" % (i, line))
        records(torn[:keep], "trial %d, before the torn line" % i)
        if kind == "unterminated":
            records(torn, "trial %d, unterminated" % i)
        else:
            try:
                yaml.safe_load(torn.decode("utf-8", "replace"))
                if torn[keep:].strip() != b"-":    # "-" reads as null
                    bad.append("trial %d: a torn line that parses" % i)
            except yaml.YAMLError:
                pass
if bad:
    print("not ok - recstore crash: " + "; ".join(bad[:5]))
    sys.exit(1)
EOF
echo "ok - recstore crash: $TRIALS appends killed, $torn left a torn line," \
    "$unterminated a line without its newline, each refused and repaired" \
    "($(lib_ms) ms)"
