#!/bin/sh
# county.sh - many plans at once end to end: pairplan report (golden county,
# a generated county of a few hundred plans against the joint schedule),
# -j N giving the same bytes as -j 1 for validate, schedule and report.
#
#   sh tests/county.sh PATH/TO/pairplan [PLANS]    (from the repository root)
#
# PLANS is the size of the generated county (default 300). Needs python3
# (bench/gencounty.py and tests/county_check.py, standard library only).
# Prints "ok - NAME" or "not ok - NAME" per case, then "county: N passed,
# M failed", and exits non-zero when a case failed.

LC_ALL=C
export LC_ALL
NO_COLOR=1
export NO_COLOR
unset SOURCE_DATE_EPOCH

if [ $# -lt 1 ]; then
	echo "usage: sh tests/county.sh PATH/TO/pairplan [PLANS]" >&2
	exit 2
fi
BIN=$1
NPLANS=${2:-300}
case $BIN in
*/*)	;;
*)	BIN=./$BIN ;;
esac
if [ ! -x "$BIN" ] || [ ! -d tests/golden/county ]; then
	echo "county: no binary $BIN, or not run from the repository root" >&2
	exit 2
fi

T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT HUP TERM

PASSED=0
FAILED=0
WHY=
G=tests/golden/county
ON=2025-01-15

run() {
	"$BIN" "$@" >"$T/out" 2>"$T/err"
	RC=$?
}

why() {
	[ -n "$WHY" ] || WHY=$1
}

result() {
	if [ -z "$WHY" ]; then
		PASSED=$((PASSED + 1))
		echo "ok - $1"
	else
		FAILED=$((FAILED + 1))
		echo "not ok - $1"
		echo "#   $WHY"
		if [ -s "$T/diff" ]; then
			sed -n '1,20s/^/#   /p' "$T/diff"
		else
			sed -n '1,8s/^/#   stderr: /p' "$T/err"
		fi
	fi
	WHY=
	: >"$T/diff"
}

expect_rc() {
	[ "$RC" -eq "$1" ] || why "exit status $RC, expected $1"
}

expect_in() {
	grep -F -q -e "$2" "$T/$1" || why "$1 lacks: $2"
}

# same NAME ARGS...: the command with -j 1 and -j 2 writes the same bytes
# to stdout and stderr and exits the same.
same() {
	name=$1
	shift
	"$BIN" "$@" -j 1 >"$T/o1" 2>"$T/e1"
	r1=$?
	"$BIN" "$@" -j 2 >"$T/o2" 2>"$T/e2"
	r2=$?
	"$BIN" "$@" -j 7 >"$T/o7" 2>"$T/e7"
	r7=$?
	[ "$r1" -eq "$r2" ] && [ "$r1" -eq "$r7" ] ||
	    why "exit status $r1 with -j 1, $r2 with -j 2, $r7 with -j 7"
	cmp -s "$T/o1" "$T/o2" && cmp -s "$T/o1" "$T/o7" ||
	    { diff "$T/o1" "$T/o2" | head -n 10 >"$T/diff"; why "stdout differs"; }
	cmp -s "$T/e1" "$T/e2" && cmp -s "$T/e1" "$T/e7" ||
	    { diff "$T/e1" "$T/e2" | head -n 10 >"$T/diff"; why "stderr differs"; }
	[ -s "$T/o1" ] || [ -s "$T/e1" ] || why "no output at all"
	result "$name: -j 1, -j 2 and -j 7 give the same bytes"
}

# ---- the golden county -------------------------------------------------
# tests/golden/county: three plans (one in a subfolder), a plan with errors,
# a records file, a hidden folder and a text file that are no plans.

for f in md json csv html en.md; do
	case $f in
	en.md)	run report --on $ON --lang en $G ;;
	*)	run report --on $ON --format $f $G ;;
	esac
	expect_rc 1
	cmp -s "$G/report.$f" "$T/out" ||
	    { diff -u "$G/report.$f" "$T/out" | head -n 20 >"$T/diff";
	      why "stdout differs from $G/report.$f"; }
	expect_in err "$G/north/d-broken.yaml:24:15: error: activity '送教下乡': '2024-09-31' is not a real date [bad-date]"
	result "golden county: report.$f"
done

run report --on $ON --format json $G
grep -q '"file": "tests/golden/county/north/d-broken.yaml", "errors": 2, "events": 0' "$T/out" ||
    why "the broken plan is not listed with its 2 errors"
grep -q 'records\|draft\|notes' "$T/out" && why "a file that is no plan was read"
grep -q '"with-errors": 1' "$T/out" || why "with-errors is not 1"
result "golden county: the broken plan listed and left out; no records, hidden or text file read"

SOURCE_DATE_EPOCH=1736899200 "$BIN" report --format json $G >"$T/out" 2>/dev/null
cmp -s "$G/report.json" "$T/out" || why "SOURCE_DATE_EPOCH (2025-01-15) is not the default of --on"
result "golden county: --on defaults to the day of SOURCE_DATE_EPOCH"

run report --on $ON --format json $G/a-chengguan.yaml $G/b-shiyan.yaml \
    $G/north/c-binhe.yaml $G/north/d-broken.yaml
cmp -s "$G/report.json" "$T/out" || why "files given one by one differ from their folder"
run report --on $ON --format json $G $G/b-shiyan.yaml ./$G/north/c-binhe.yaml
cmp -s "$G/report.json" "$T/out" || why "a file given twice is read twice"
result "golden county: files given directly; a file reached twice read once"

run report --on $ON --format json -o "$T/r.json" $G
expect_rc 1
[ ! -s "$T/out" ] || why "-o wrote to stdout"
cmp -s "$G/report.json" "$T/r.json" || why "-o OUT differs"
run report --on $ON -o $G/a-chengguan.yaml $G
expect_rc 2
expect_in err "not writing over it"
result "golden county: -o writes the file, never over a plan"

run report --on $ON --format json $G/north/c-binhe.yaml
expect_rc 0
grep -q '"flag": "none"' "$T/out" || why "shiqiao is not flagged none"
result "report of one valid plan: exit 0, a partner never visited flagged"

run report --on $ON --format json --min-visits 3 $G/a-chengguan.yaml $G/b-shiyan.yaml
grep -q '"id": "hexi".*"flag": "few"' "$T/out" || why "--min-visits 3 does not flag hexi (2 visits in spring)"
run report --on $ON --format json --min-visits 0 $G/a-chengguan.yaml $G/b-shiyan.yaml
grep -q '"flag": "few"' "$T/out" && why "--min-visits 0 flags a partner as few"
result "--min-visits"

run report --on $ON $G nosuch.yaml
expect_rc 2
expect_in err "pairplan: cannot open 'nosuch.yaml'"
expect_in out "nosuch.yaml"
result "an unreadable file: exit 2, listed, the report still written"

mkdir "$T/empty"
run report "$T/empty"
expect_rc 2
expect_in err "no plan found"
result "a folder without plans: exit 2"

for bad in "--on 2025-13-01" "--on 2025-01" "--format xml" "--min-visits -1" \
    "--min-visits x" "--lang fr" "-j 0" "-j x" "--jobs 257" "-j"; do
	# shellcheck disable=SC2086
	run report $bad $G
	expect_rc 2
	expect_in err "usage: pairplan report"
	result "report $bad: usage error"
done

for c in validate schedule; do
	run $c -j 0 plans/example.yaml
	expect_rc 2
	expect_in err "bad number of jobs"
	result "$c -j 0: usage error"
done

same "report golden county" report --on $ON --format json $G
same "validate golden county" validate $G/a-chengguan.yaml $G/north/d-broken.yaml \
    nosuch.yaml tests/diag/duplicate-key.yaml $G/b-shiyan.yaml

# ---- a generated county ------------------------------------------------

if ! python3 bench/gencounty.py --plans "$NPLANS" -o "$T/cty" --stats 2>"$T/gen"; then
	cat "$T/gen"
	why "bench/gencounty.py failed"
	result "generate a county of $NPLANS plans"
else
	result "generate a county of $NPLANS plans ($(sed 's/^gencounty: //' "$T/gen"))"
	# One broken plan in the middle, and the list of the files in path order.
	sed 's/^pairplan: 1$/pairplan: 2/' "$T/cty/d00/k00002.yaml" >"$T/cty/d00/k00002x.yaml"
	(cd "$T/cty" && find . -name '*.yaml' | LC_ALL=C sort) |
	    sed "s|^\./|$T/cty/|" >"$T/files"
	grep -v '/k00002x.yaml' "$T/files" >"$T/valid"
	{ while read -r f; do
		if [ "$f" = "$T/cty/d00/k00002x.yaml" ]; then echo "$f broken"; else echo "$f"; fi
	  done <"$T/files"; } >"$T/listed"

	ON2=2025-06-30
	run report --on $ON2 --format json "$T/cty"
	expect_rc 1
	cp "$T/out" "$T/report.json"
	expect_in err "k00002x.yaml:"
	# shellcheck disable=SC2046
	"$BIN" schedule --format json $(cat "$T/valid") >"$T/sched.json" 2>"$T/sched.err"
	python3 tests/county_check.py "$T/report.json" "$T/sched.json" $ON2 "$T/listed" \
	    >"$T/diff" 2>&1 || why "the report's figures differ from the joint schedule"
	[ -n "$WHY" ] || echo "# $(cat "$T/diff")"
	result "county of $NPLANS plans: the report's totals are the joint schedule's; the broken plan listed and skipped"

	same "county report json" report --on $ON2 --format json "$T/cty"
	same "county report md" report --on $ON2 "$T/cty"
	same "county report html" report --on $ON2 --format html --lang en "$T/cty"
	same "county report csv" report --on $ON2 --format csv "$T/cty"
	# shellcheck disable=SC2046
	same "county validate" validate $(cat "$T/files")
	# shellcheck disable=SC2046
	same "county validate json" validate --format json $(cat "$T/files")
	# shellcheck disable=SC2046
	same "county validate sarif" validate --format sarif --strict $(cat "$T/files")
	# shellcheck disable=SC2046
	same "county schedule" schedule --format json $(cat "$T/valid")
	# shellcheck disable=SC2046
	same "county schedule with the broken plan" schedule $(cat "$T/files")

	# md: every table line is a row of a GFM table (cmark-gfm).
	run report --on $ON2 "$T/cty"
	rows=$(grep -c '^|' "$T/out")
	rules=$(grep -c '^|---' "$T/out")
	trs=$(cmark-gfm -e table "$T/out" | grep -c '<tr>')
	[ "$trs" -eq $((rows - rules)) ] ||
	    why "cmark-gfm reads $trs table rows of $((rows - rules))"
	[ "$rules" -eq 5 ] || why "$rules tables, expected 5"
	result "county report md: five GFM tables, every row read by cmark-gfm"

	# CSV: every row has the header's 11 fields, lines end in CRLF.
	run report --on $ON2 --format csv "$T/cty"
	python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n"), "not CRLF"
assert all(len(r) == 11 for r in rows), "a row without 11 fields"
assert rows[0][0] == "section" and rows[1][0] == "total"
' "$T/out" >"$T/diff" 2>&1 || why "the CSV is not one table of 11 columns with CRLF"
	result "county report csv: RFC 4180, 11 columns"
fi

echo "county: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
