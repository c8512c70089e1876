#!/bin/sh
# cli.sh - the command line end to end: golden diagnostics, the bundled plans, options and exit status.
#
#   sh tests/cli.sh PATH/TO/pairplan        (run from the repository root)
#
# POSIX sh and Debian coreutils (plus grep, sed, diff). Prints one
# "ok - NAME" or "not ok - NAME" per case, then "cli: N passed, M failed",
# and exits non-zero when a case failed. The harness is tests/lib.sh;
# GOLDEN_UPDATE=1 rewrites the golden files (tests/diag/*.err,
# tests/golden/NAME.FORMAT) that differ instead of failing. The hostile
# inputs are a suite of their own, tests/hostile.sh.

. tests/lib.sh
lib_start cli "$@"
if [ ! -d tests/diag ] || [ ! -d plans ]; then
	echo "cli: run from the repository root" >&2
	exit 2
fi

# Every rule id of §7 of the contract.
RULE_IDS="yaml-syntax encoding duplicate-key unknown-key type required
version bad-date range-order duplicate-id unknown-ref outside-plan
outside-phase exclusive-keys bad-number limit unknown-kind placeholder
phase-overlap empty-phase partner-unvisited non-working-date conflict
calendar-coverage no-leader dependency-cycle budget publicity-short
duplicate-name phase-order pairing-limit target-sum holiday-file
records-duplicate records-unconfirmed records-torn"

ESC=$(printf '\033')

# The bundled plans: every plans/*.yaml but the records files beside them.
PLANS=$(ls plans/*.yaml | grep -v '\.records\.yaml$')

# ---- helpers ----------------------------------------------------------
# (run, why, result and the expect_* helpers are in tests/lib.sh)

# expect_json_object: stdout is one JSON object, braces and brackets
# balanced outside strings, nothing after it.
expect_json_object() {
	[ "$(head -c 1 "$T/out")" = "{" ] || why "stdout does not start with {"
	[ "$(tail -c 2 "$T/out")" = "}" ] || why "stdout does not end with }"
	# Drop escapes and strings, then count what is left.
	sed -e 's/\\.//g' -e 's/"[^"]*"//g' "$T/out" >"$T/bare"
	o=$(tr -cd '{' <"$T/bare" | wc -c)
	c=$(tr -cd '}' <"$T/bare" | wc -c)
	so=$(tr -cd '[' <"$T/bare" | wc -c)
	sc=$(tr -cd ']' <"$T/bare" | wc -c)
	if [ "$o" -ne "$c" ] || [ "$so" -ne "$sc" ]; then
		why "stdout has unbalanced braces or brackets"
	fi
	# One top-level object: inside the outer braces, the depth never
	# drops below 0.
	{ tr -cd '{}' <"$T/bare"; echo; } | sed 's/^{\(.*\)}$/\1/' |
	    fold -w 1 >"$T/inner"
	d=0
	ok=1
	while read -r ch; do
		case $ch in
		"{")	d=$((d + 1)) ;;
		"}")	d=$((d - 1)); [ $d -ge 0 ] || ok=0 ;;
		esac
	done <"$T/inner"
	[ $ok -eq 1 ] || why "stdout holds more than one JSON object"
}

# ---- (a) golden diagnostics ---------------------------------------------

for y in tests/diag/*.yaml; do
	case $y in *.records.yaml) continue ;; esac
	name=${y%.yaml}
	e=$name.err
	NO_COLOR=1 run validate "$y"
	expect_golden "$e" err
	expect_no_stdout
	if grep -q ': error: ' "$T/err"; then
		expect_rc 1
	else
		expect_rc 0
	fi
	result "diag $(basename "$name")"
done

# Every rule is reported by some case of tests/diag (encoding and limit
# need inputs of their own: tests/hostile.sh).
: >"$T/diff"
for id in $RULE_IDS; do
	case $id in
	encoding|limit) continue ;;
	esac
	cat tests/diag/*.err | grep -q " \[$id\]\$" && continue
	why "a rule that no case of tests/diag reports"
	echo "$id" >>"$T/diff"
done
result "diag: a case for every rule"

# ---- (a2) golden schedules ----------------------------------------------
# tests/golden/NAME.yaml with NAME.<format> for each format to compare;
# NAME.exit holds the expected exit status when it is not 0.

# md, html and svg are documents: `export --format F`, which exits 0
# even when something is unplaced. NAME.json is the schedule, NAME.plan.json
# what `export --format json` writes: the normalised plan and the schedule.

for y in tests/golden/*.yaml; do
	name=${y%.yaml}
	want=0
	[ -f "$name.exit" ] && want=$(cat "$name.exit")
	for f in table csv json ics md html svg plan.json; do
		[ -f "$name.$f" ] || continue
		case $f in
		md|html|svg)
			SOURCE_DATE_EPOCH=1700000000 run export --format "$f" "$y"
			expect_rc 0 ;;
		plan.json)
			run export --format json "$y"
			expect_rc 0 ;;
		*)
			SOURCE_DATE_EPOCH=1700000000 run schedule --format "$f" "$y"
			expect_rc "$want" ;;
		esac
		expect_golden "$name.$f" out
		result "golden $(basename "$name").$f"
	done
done

# ---- (a3) records: status and summary ----------------------------------
# tests/records/NAME.yaml with NAME.records.yaml beside it: status in every
# format and the summary, as of 2024-11-30, against golden files.

ON=2024-11-30
for y in tests/records/*.yaml; do
	case $y in *.records.yaml) continue ;; esac
	name=${y%.yaml}
	for f in table json csv html; do
		[ -f "$name.status.$f" ] || continue
		run status --on $ON --format $f "$y"
		expect_rc 1	# something is overdue on that day
		expect_golden "$name.status.$f" out
		result "records $(basename "$name").status.$f"
	done
	for f in md json html en.md; do
		[ -f "$name.summary.$f" ] || continue
		case $f in
		en.md)	run summary --on $ON --lang en "$y" ;;
		*)	run summary --on $ON --format $f "$y" ;;
		esac
		expect_rc 0
		expect_no_stderr
		expect_golden "$name.summary.$f" out
		result "records $(basename "$name").summary.$f"
	done
	# Valid CommonMark with GFM tables: cmark-gfm makes tables of them.
	if command -v cmark-gfm >/dev/null 2>&1; then
		for f in "$name".summary*.md; do
			cmark-gfm -e table "$f" >"$T/md.html" 2>"$T/diff" ||
			    why "cmark-gfm rejects $f"
			grep -q '<table>' "$T/md.html" || why "$f has no table"
			result "records $f renders with GFM tables"
		done
	fi
	for f in "$name".status.html "$name".summary.html; do
		[ -f "$f" ] || continue
		/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' \
		    "$f" >"$T/diff" 2>&1 || why "$f is not well-formed XML"
		result "records $f parses as XML"
	done
	# The counts against the schedule: planned = held + overdue, by phase
	# and in total; planned = the scheduled events dated up to the day.
	run status --on $ON --format json "$y"
	cp "$T/out" "$T/status.json"
	run schedule --format json "$y"
	/usr/bin/python3 - "$T/status.json" "$T/out" "$ON" >"$T/diff" 2>&1 <<'PY' ||
import json, sys
st = json.load(open(sys.argv[1]))
sc = json.load(open(sys.argv[2]))
on = sys.argv[3]
bad = []
def check(what, c):
    if c["planned"] != c["held"] + c["overdue"]:
        bad.append("%s: planned %d != held %d + overdue %d"
                   % (what, c["planned"], c["held"], c["overdue"]))
check("total", st["totals"])
for ph in st["phases"]:
    check("phase " + ph["id"], ph)
    n = sum(1 for e in sc["events"] if e["phase"] == ph["id"] and e["date"] <= on)
    if n != ph["planned"]:
        bad.append("phase %s: %d events up to %s, planned %d" % (ph["id"], n, on, ph["planned"]))
n = sum(1 for e in sc["events"] if e["date"] <= on)
if n != st["totals"]["planned"]:
    bad.append("total: %d events up to %s, planned %d" % (n, on, st["totals"]["planned"]))
if len(st["overdue"]) != st["totals"]["overdue"]:
    bad.append("the overdue list has %d entries" % len(st["overdue"]))
if bad:
    print("; ".join(bad))
    sys.exit(1)
PY
	    why "status counts disagree with the schedule"
	result "records $(basename "$name"): status counts match the schedule"
done

# ICS read back by a real client (Debian's python3-icalendar).
for y in tests/golden/*.yaml; do
	name=${y%.yaml}
	[ -f "$name.ics" ] && [ -f "$name.json" ] || continue
	n=$(grep -c '"occurrence"' "$name.json")
	/usr/bin/python3 tests/ics_check.py "$name.ics" "$n" >"$T/diff" 2>&1 ||
	    why "icalendar rejects $name.ics"
	result "golden $(basename "$name").ics read by icalendar"
done
SOURCE_DATE_EPOCH=1700000000 run schedule --format ics $PLANS
cp "$T/out" "$T/all.ics"
run schedule --format json $PLANS
n=$(grep -c '"occurrence"' "$T/out")
/usr/bin/python3 tests/ics_check.py "$T/all.ics" "$n" >"$T/diff" 2>&1 ||
    why "icalendar rejects the schedule of every bundled plan"
result "every bundled plan as ICS, read by icalendar"

# tests/golden/calendar-YEAR.FORMAT is `calendar YEAR --format FORMAT`;
# calendar-YEAR-NAME.FORMAT the same with --plan tests/golden/NAME.yaml.
for g in tests/golden/calendar-*.*; do
	base=$(basename "$g")
	fmt=${base##*.}
	rest=${base%.*}
	rest=${rest#calendar-}
	year=${rest%%-*}
	if [ "$rest" = "$year" ]; then
		SOURCE_DATE_EPOCH=1700000000 run calendar "$year" --format "$fmt"
	else
		SOURCE_DATE_EPOCH=1700000000 run calendar "$year" \
		    --plan "tests/golden/${rest#*-}.yaml" --format "$fmt"
	fi
	expect_rc 0
	if ! cmp -s "$g" "$T/out"; then
		diff -u "$g" "$T/out" | head -n 20 >"$T/diff"
		why "stdout differs from $g"
	fi
	if [ "$fmt" = ics ]; then
		/usr/bin/python3 tests/ics_check.py "$g" \
		    "$(grep -c '^BEGIN:VEVENT' "$g")" >"$T/diff" 2>&1 ||
		    why "icalendar rejects $g"
	fi
	result "golden $base"
done

# ---- (a3) pairplan calendar ---------------------------------------------

run calendar 2027 --format json
expect_rc 0
expect_no_stderr
expect_json_object
expect_in out '{"date": "2027-02-05", "status": "off", "name": "春节", "source": "computed"}'
expect_in out '{"date": "2027-02-08", "status": "off", "name": "春节", "source": "computed"}'
expect_not_in out '"2027-02-06"'
result "calendar 2027: 春节 on the weekdays of 2027-02-05..08, computed"

run calendar 2026
expect_rc 0
expect_in out "2026-02-14  Sat  work    春节"
expect_in out "official"
result "calendar 2026: official, with the make-up Saturday"

run calendar 1950 --format json
expect_rc 0
expect_in out '{"year": 1950, "days": []}'
result "calendar 1950: nothing known, nothing listed"

run calendar 2003
expect_rc 0
expect_in out "(no built-in holidays for 2003: pairplan has them for 2004-2099)"
expect_in out "(none)"
result "calendar 2003: the table says there is no holiday data"

run calendar 2004
expect_rc 0
expect_not_in out "no built-in holidays"
result "calendar 2004: the official table, no such line"

for bad in 1900 2100 0 20x7 ""; do
	run calendar "$bad"
	expect_rc 2
	expect_no_stdout
	expect_in err "usage: pairplan calendar"
	result "calendar '$bad': usage error"
done
run calendar
expect_rc 2
expect_in err "no YEAR given"
result "calendar without a year: usage error"
run calendar 2027 2028
expect_rc 2
result "calendar with two years: usage error"
run calendar 2027 --format csv
expect_rc 2
expect_in err "unknown format 'csv'"
result "calendar --format csv: usage error"
run calendar 2027 --plan tests/diag/no-such-plan.yaml
expect_rc 2
expect_no_stdout
result "calendar --plan of a missing file: exit 2"
run calendar 2027 --plan tests/diag/holiday-file.yaml
expect_rc 1
expect_no_stdout
expect_in err "tests/diag/holiday-files/bad-2027.yaml:7:33: error:"
result "calendar --plan of a plan with errors: its diagnostics, exit 1"
run calendar 2024 --plan plans/example.yaml --format json
expect_rc 0
expect_in out '{"date": "2024-11-16", "status": "work", "name": "开园", "source": "plan", "at": ["chengguan"]}'
expect_in out '{"date": "2024-10-01", "status": "off", "name": "国庆节", "source": "official"}'
expect_in out '"name": "闭园", "source": "plan"}'
result "calendar --plan: the plan's closures, a host-only open day with at"
run calendar 2027 --format ics -o "$T/cal.ics"
expect_rc 0
expect_no_stdout
grep -q 'SUMMARY:清明节（休）' "$T/cal.ics" || why "no 清明节 in $T/cal.ics"
result "calendar -o: written to the file"
run calendar --help
expect_rc 0
expect_in out "usage: pairplan calendar YEAR"
result "calendar --help"

# ---- (b) the bundled plans ----------------------------------------------

# A plan may declare the warnings its source document makes true, on a
# line "# expect-warnings: RULE..." (a seed that names no leader): those
# rules, each at least once, and no other diagnostic.
for p in $PLANS; do
	expected=$(sed -n 's/^# expect-warnings: //p' "$p")
	if [ -n "$expected" ]; then
		run validate "$p"
		expect_rc 0
		expect_no_stdout
		for r in $expected; do
			grep -q "warning: .* \[$r\]\$" "$T/err" ||
			    why "expected a '$r' warning"
		done
		sed 's/.*\[\([a-z-]*\)\]$/\1/' "$T/err" | sort -u |
		    while read -r r; do
			case " $expected " in
			*" $r "*) ;;
			*) echo "$r" ;;
			esac
		done >"$T/other"
		[ -s "$T/other" ] &&
		    why "diagnostics besides the expected: $(cat "$T/other")"
		result "plan $p: validate, warnings as declared"
		run validate --strict "$p"
		expect_rc 1
		result "plan $p: validate --strict fails on its warnings"
		continue
	fi
	run validate "$p"
	expect_rc 0
	expect_no_stdout
	expect_no_stderr
	result "plan $p: validate"

	run validate --format json "$p"
	expect_rc 0
	expect_no_stderr
	expect_json_object
	expect_in out '"errors": 0'
	expect_in out '"warnings": 0'
	expect_in out '"diagnostics": []'
	result "plan $p: validate --format json"

	run validate --strict "$p"
	expect_rc 0
	expect_no_stdout
	expect_no_stderr
	result "plan $p: validate --strict"
done

# ---- (c) the command line -----------------------------------------------

run --help
expect_rc 0
expect_no_stderr
expect_in out "usage: pairplan"
expect_in out "validate"
expect_in out "rules"
result "--help"

run -h
expect_rc 0
expect_in out "usage: pairplan"
result "-h"

run --version
expect_rc 0
expect_no_stderr
expect_lines out 1
grep -q '^pairplan [0-9][0-9]*\.[0-9][0-9]*' "$T/out" ||
    why "--version does not print 'pairplan X.Y'"
result "--version"

run validate --help
expect_rc 0
expect_no_stderr
expect_in out "usage: pairplan validate"
expect_in out "--strict"
expect_in out "--format"
result "validate --help"

run validate plans/example.yaml --help
expect_rc 0
expect_in out "usage: pairplan validate"
result "validate FILE --help"

run rules
expect_rc 0
expect_no_stderr
expect_lines out "$(grep -cE '^(RULE|CHECK)\(' include/rules.def)"
expect_not_in out "["
expect_in out "unknown-ref"
for id in $RULE_IDS; do
	grep -q "^$id " "$T/out" || why "rules does not list $id"
done
grep -q '^unknown-ref  *error ' "$T/out" ||
    why "rules: unknown-ref is not an error"
grep -q '^no-leader  *warning ' "$T/out" ||
    why "rules: no-leader is not a warning"
result "rules"

run rules extra
expect_rc 2
expect_no_stdout
result "rules with an argument: exit 2"

run
expect_rc 2
expect_no_stdout
expect_in err "usage: pairplan"
result "no command: exit 2"

run frobnicate plans/example.yaml
expect_rc 2
expect_no_stdout
expect_in err "unknown command 'frobnicate'"
result "unknown command: exit 2"

run validate --bogus plans/example.yaml
expect_rc 2
expect_no_stdout
expect_in err "unknown option '--bogus'"
expect_in err "usage: pairplan validate"
result "unknown option: exit 2"

run validate --format xml plans/example.yaml
expect_rc 2
expect_no_stdout
expect_in err "xml"
result "unknown format: exit 2"

# an empty file name is a usage error, never "no records" or a file ''
for cmd in validate status summary schedule record; do
	run $cmd --records "" plans/example.yaml
	expect_rc 2
	expect_no_stdout
	expect_in err "empty value for '--records'"
	result "$cmd --records '': exit 2"
done
for cmd in status summary; do
	run $cmd -o "" plans/example.yaml
	expect_rc 2
	expect_in err "empty value for '-o'"
	result "$cmd -o '': exit 2"
done

run validate
expect_rc 2
expect_no_stdout
expect_in err "no plan file"
result "no files: exit 2"

run validate --strict
expect_rc 2
expect_no_stdout
result "options but no files: exit 2"

run validate tests/diag/no-such-plan.yaml
expect_rc 2
expect_no_stdout
expect_in err "tests/diag/no-such-plan.yaml"
result "missing file: exit 2"

run validate - <plans/example.yaml
expect_rc 0
expect_no_stdout
expect_no_stderr
result "stdin: a valid plan"

NO_COLOR=1 run validate - <tests/diag/typo-key.yaml
expect_rc 1
expect_no_stdout
sed 's|^tests/diag/typo-key\.yaml:|-:|' tests/diag/typo-key.err >"$T/want"
expect_same "$T/want" err "stdin diagnostics differ"
result "stdin: a bad plan, named -"

# Standard input may be a file read from the middle: an encoding problem
# is placed by the bytes given, not by the file's first ones. The first
# three bytes here are a comment and a bad byte, which must not count.
printf '#\377\npairplan: 1\nplan: \300\n' >"$T/mid.yaml"
{ dd bs=3 count=1 of=/dev/null status=none; NO_COLOR=1 run validate -; } \
    <"$T/mid.yaml"
expect_rc 1
echo "-:2:7: error: invalid UTF-8 byte 0xC0 [encoding]" >"$T/want"
expect_same "$T/want" err "the bad byte is placed from the start of the file"
result "stdin read from the middle of a file: the encoding error's line"

# Two plans from one standard input: the second goes on where the first
# stopped (after its bad byte), as it always did.
{ printf 'pairplan: 1\nplan: {title: "a\377"}\n'; head -c 40000 /dev/zero |
    tr '\0' 'x'; printf '\n\224\n'; } >"$T/twice.yaml"
NO_COLOR=1 run validate -j 1 - - <"$T/twice.yaml"
expect_rc 1
[ "$(grep -c 'encoding' "$T/err")" -eq 2 ] || why "not two encoding errors"
grep -q '^-:2:17: error: invalid UTF-8 byte 0xFF \[encoding\]$' "$T/err" ||
    why "the first plan's error is not at 2:17"
[ "$(sort -u "$T/err" | wc -l)" -eq 2 ] || why "the same error twice"
result "standard input twice: each plan from where the last one stopped"

run validate -- plans/example.yaml
expect_rc 0
expect_no_stderr
result "-- before the files"

run validate tests/diag/clean.yaml tests/diag/warnings-only.yaml
expect_rc 0
expect_no_stdout
cat tests/diag/clean.err tests/diag/warnings-only.err >"$T/want"
expect_same "$T/want" err "diagnostics of two files differ"
result "two files, warnings only: exit 0"

NO_COLOR=1 run validate tests/diag/clean.yaml tests/diag/version.yaml \
    tests/diag/warnings-only.yaml
expect_rc 1
expect_no_stdout
cat tests/diag/version.err tests/diag/warnings-only.err >"$T/want"
expect_same "$T/want" err \
    "diagnostics of three files differ or are out of order"
result "three files, one with errors: exit 1, file order"

run validate tests/diag/version.yaml tests/diag/no-such-plan.yaml
expect_rc 2
expect_in err "tests/diag/version.yaml:2:11: error:"
expect_in err "tests/diag/no-such-plan.yaml"
result "errors, then a missing file: exit 2"

run validate tests/diag/no-such-plan.yaml tests/diag/version.yaml
expect_rc 2
expect_in err "tests/diag/version.yaml:2:11: error:"
result "a missing file, then errors: exit 2, the rest still checked"

run validate --strict tests/diag/warnings-only.yaml
expect_rc 1
expect_no_stdout
sed 's/: warning: /: error: /' tests/diag/warnings-only.err >"$T/want"
expect_same "$T/want" err "--strict does not print the warnings as errors"
result "--strict on warnings only: exit 1"

run validate --strict tests/diag/clean.yaml
expect_rc 0
expect_no_stderr
result "--strict on a clean plan: exit 0"

# JSON of a bad plan: the shape of §2, and counts that match the text.
E=$(grep -c ': error: ' tests/diag/many-mistakes.err)
W=$(grep -c ': warning: ' tests/diag/many-mistakes.err)
run validate --format json tests/diag/many-mistakes.yaml
expect_rc 1
expect_no_stderr
expect_json_object
expect_in out '{"diagnostics": ['
expect_in out "\"errors\": $E, \"warnings\": $W}"
expect_in out '"rule": "unknown-key"'
expect_in out '"rule": "placeholder"'
expect_in out '"rule": "duplicate-id"'
expect_in out '"file": "tests/diag/many-mistakes.yaml", "line": 4, "column": 10, "severity": "warning", "rule": "placeholder", "message": "template text '"'"'20xx'"'"' left in the plan"'
expect_in out '"severity": "error", "rule": "unknown-key", "message": "unknown key '"'"'guidng'"'"' in '"'"'plan'"'"' (did you mean '"'"'guiding'"'"'?)"'
n=$(grep -c '"rule": ' "$T/out")
[ "$n" -eq $((E + W)) ] || why "$n diagnostics in JSON, $((E + W)) in text"
result "--format json: a bad plan"

run validate --format=json tests/diag/duplicate-key.yaml
expect_rc 1
expect_json_object
expect_in out '"rule": "duplicate-key"'
expect_in out '"note": {"line": 14, "column": 5, "message": "'"'"'period'"'"' first appears here"}'
result "--format=json: a note"

run validate --format json --strict tests/diag/warnings-only.yaml
expect_rc 1
expect_json_object
expect_not_in out '"severity": "warning"'
W=$(grep -c ': warning: ' tests/diag/warnings-only.err)
expect_in out "\"errors\": $W, \"warnings\": 0}"
result "--format json --strict: warnings counted as errors"

run validate --format json tests/diag/clean.yaml tests/diag/version.yaml \
    tests/diag/typo-key.yaml
expect_rc 1
expect_json_object
E=$(cat tests/diag/version.err tests/diag/typo-key.err | grep -c ': error: ')
expect_in out "\"errors\": $E, \"warnings\": 0}"
expect_in out '"file": "tests/diag/version.yaml"'
expect_in out '"file": "tests/diag/typo-key.yaml"'
result "--format json: several files, one object"

run validate --format json tests/diag/yaml-syntax.yaml
expect_rc 1
expect_json_object
expect_in out '"rule": "yaml-syntax"'
result "--format json: yaml-syntax"

run validate --format text tests/diag/version.yaml
expect_rc 1
expect_no_stdout
expect_in err "[version]"
result "--format text"

# Not a terminal: no colour, with or without NO_COLOR.
run validate tests/diag/many-mistakes.yaml
expect_not_in err "$ESC"
result "no colour when stderr is not a terminal"

NO_COLOR=1 run validate tests/diag/many-mistakes.yaml
expect_not_in err "$ESC"
result "no colour with NO_COLOR"

# The same input gives the same bytes.
NO_COLOR=1 run validate --format json tests/diag/many-mistakes.yaml
cp "$T/out" "$T/first"
NO_COLOR=1 run validate --format json tests/diag/many-mistakes.yaml
cmp -s "$T/first" "$T/out" || why "two runs differ"
result "deterministic output"

# ---- (e) schedule ------------------------------------------------------

CR=$(printf '\r')

# stderr: nothing, or only the warnings the plan declares (see above).
expect_declared_stderr() {
	sed -n 's/^# expect-warnings: //p' "$1" >"$T/declared"
	if [ ! -s "$T/declared" ]; then
		expect_no_stderr
		return
	fi
	sed 's/.*\[\([a-z-]*\)\]$/\1/' "$T/err" | sort -u | while read -r r; do
		grep -qw -- "$r" "$T/declared" || echo "$r"
	done >"$T/other"
	[ ! -s "$T/other" ] || why "stderr: $(cat "$T/other")"
}

for p in $PLANS; do
	run schedule "$p"
	expect_rc 0
	expect_declared_stderr "$p"
	[ -s "$T/out" ] || why "no table"
	result "plan $p: schedule"
done

run schedule --format json plans/example.yaml
expect_rc 0
expect_no_stderr
expect_json_object
[ "$(head -n 1 "$T/out")" = '{"events": [' ] || why "json start"
expect_in out ' "unplaced": [],'
expect_in out ' "skipped": [],'
expect_in out '"person": "zhouhong", "period": ["2024-03-01", "2025-02-28"], "required": 3,'
expect_in out '{"plan": "plans/example.yaml", "id": "sign/1", "activity": "sign", "title": "签订结对帮扶协议", "kind": "agreement", "phase": "qidong", "partner": null, "site": "chengguan", "date": "2024-03-29", "end": "2024-03-29", "people": ["zhouhong", "wuyan", "zhengmin"], "fixed": true, "occurrence": 1, "of": 1}'
expect_in out '"title": "幼儿一日常规专题讲座", "kind": "lecture", "phase": "qidong", "partner": null, "site": null,'
expect_in out '"activity": "m1", "title": "师徒结对", "kind": "mentoring", "phase": null, "partner": null, "site": "chengguan",'
result "schedule --format json"

run schedule --format csv plans/example.yaml
expect_rc 0
[ "$(head -n 1 "$T/out")" = "plan,id,activity,title,kind,phase,partner,site,date,end,weekday,people,fixed,occurrence,of$CR" ] ||
    why "csv header"
n=$(grep -c "$CR\$" "$T/out")
[ "$n" -eq "$(wc -l <"$T/out")" ] || why "csv lines do not all end in CRLF"
expect_in out 'plans/example.yaml,sign/1,sign,签订结对帮扶协议,agreement,qidong,,chengguan,2024-03-29,2024-03-29,fri,zhouhong;wuyan;zhengmin,true,1,1'
result "schedule --format csv"

SOURCE_DATE_EPOCH=1700000000 run schedule --format ics plans/example.yaml
expect_rc 0
expect_in out "DTSTAMP:20231114T221320Z$CR"
expect_in out "DTSTART;VALUE=DATE:20240329$CR"
expect_in out "UID:sign/1@"
expect_in out "LOCATION:线上"
[ "$(head -n 1 "$T/out")" = "BEGIN:VCALENDAR$CR" ] || why "ics start"
[ "$(tail -n 1 "$T/out")" = "END:VCALENDAR$CR" ] || why "ics end"
LC_ALL=C awk 'length($0) > 76 { bad = 1 } END { exit bad }' "$T/out" ||
    why "ics line over 75 octets"
result "schedule --format ics"

(unset SOURCE_DATE_EPOCH; "$BIN" schedule --format ics plans/example.yaml \
    >"$T/out" 2>"$T/err")
RC=$?
expect_rc 0
expect_in out "DTSTAMP:20240301T000000Z"
result "schedule --format ics: DTSTAMP from the plan"

for f in table csv json ics; do
	run schedule --format $f plans/example.yaml plans/seed-03-shaliang.yaml
	cp "$T/out" "$T/first"
	run schedule --format $f plans/example.yaml plans/seed-03-shaliang.yaml
	expect_rc 0
	cmp -s "$T/first" "$T/out" || why "two runs differ"
	result "schedule --format $f: deterministic"
done

run schedule plans/example.yaml plans/seed-03-shaliang.yaml
expect_rc 0
expect_in out "== plans/example.yaml"
expect_in out "== plans/seed-03-shaliang.yaml"
result "schedule: several plans, a heading each"

run schedule --phase 2 --format csv plans/example.yaml
expect_rc 0
expect_not_in out ",qidong,"
expect_not_in out ",zongjie,"
expect_in out ",p2,"
result "schedule --phase N"

run schedule --person 周红 --from 2025-01 --to 2025-01 --format csv \
    plans/example.yaml
expect_rc 0
expect_lines out 5
expect_in out ",2025-01-15,"
result "schedule --person NAME --from --to"

run schedule --partner dongtan --format json plans/example.yaml
expect_rc 0
expect_not_in out '"site": "hexi"'
expect_in out '"partner": "dongtan"'
result "schedule --partner"

run schedule --person zhouhng plans/example.yaml
expect_rc 2
expect_no_stdout
expect_in err "unknown person 'zhouhng' (did you mean 'zhouhong'?)"
result "schedule: unknown person: exit 2"

run schedule --format xml plans/example.yaml
expect_rc 2
expect_no_stdout
expect_in err "unknown format 'xml'"
result "schedule: unknown format: exit 2"

run schedule --from 2024-02-30 plans/example.yaml
expect_rc 2
expect_in err "bad date '2024-02-30'"
result "schedule: bad date: exit 2"

run schedule
expect_rc 2
expect_in err "no plan file"
result "schedule: no files: exit 2"

NO_COLOR=1 run schedule tests/diag/version.yaml
expect_rc 1
expect_no_stdout
expect_same tests/diag/version.err err "diagnostics differ from validate"
result "schedule: a plan with errors: diagnostics, exit 1, no schedule"

run schedule - <plans/example.yaml
expect_rc 0
expect_in out "签订结对帮扶协议"
result "schedule: standard input"

run schedule -o "$T/sched.json" --format json plans/example.yaml
expect_rc 0
expect_no_stdout
cp "$T/sched.json" "$T/out"
expect_json_object
result "schedule -o"

echo old >"$T/keep"
run schedule -o "$T/nodir/keep" plans/example.yaml
expect_rc 2
expect_in err "cannot write '$T/nodir/keep'"
[ ! -e "$T/nodir" ] || why "created the directory"
run schedule -o "$T/keep" tests/diag/version.yaml
expect_rc 1
[ "$(cat "$T/keep")" = old ] || why "a plan with errors touched the output"
result "schedule -o: failures leave files alone"

cp plans/example.yaml "$T/plan.yaml"
run schedule -o "$T/plan.yaml" "$T/plan.yaml"
expect_rc 2
cmp -s plans/example.yaml "$T/plan.yaml" || why "wrote over the plan"
result "schedule -o: never over a plan file"

cp plans/example.yaml "$T/plan.yaml"
run schedule -o "$T/plan.yaml" - <"$T/plan.yaml"
expect_rc 2
expect_in err "not writing over it"
cmp -s plans/example.yaml "$T/plan.yaml" || why "wrote over the plan"
ln -s plan.yaml "$T/plan-link"
run export --format json -o "$T/plan-link" - <"$T/plan.yaml"
expect_rc 2
cmp -s plans/example.yaml "$T/plan.yaml" || why "wrote over the plan"
result "schedule -o: never over the plan on standard input (-)"

# -o onto a symbolic link: the target is replaced, the link stays.
echo old >"$T/target.txt"
ln -s target.txt "$T/link.txt"
run schedule -o "$T/link.txt" plans/example.yaml
expect_rc 0
[ -L "$T/link.txt" ] || why "the link was replaced"
grep -q "签订结对帮扶协议" "$T/target.txt" || why "the target was not written"
ls -a "$T" | grep -q '^\.pairplan\.' && why "a temporary file is left"
result "schedule -o: a symbolic link's target is written, the link stays"

mkdir "$T/adir"
ln -s adir "$T/dirlink"
ln -s nowhere "$T/deadlink"
run schedule -o "$T/dirlink" plans/example.yaml
expect_rc 2
expect_in err "Is a directory"
[ -L "$T/dirlink" ] || why "the link to a directory was replaced"
run schedule -o "$T/deadlink" plans/example.yaml
expect_rc 2
expect_in err "symbolic link to a missing file"
[ -L "$T/deadlink" ] && [ ! -e "$T/nowhere" ] || why "a dangling link was followed"
result "schedule -o: a link to a directory or to nothing is refused"

echo keep >"$T/readonly.txt"
chmod 444 "$T/readonly.txt"
run schedule -o "$T/readonly.txt" plans/example.yaml
expect_rc 2
expect_in err "Permission denied"
[ "$(cat "$T/readonly.txt")" = keep ] || why "a read-only file was replaced"
echo x >"$T/setid.txt"
chmod 6755 "$T/setid.txt"
run schedule -o "$T/setid.txt" plans/example.yaml
expect_rc 0
[ "$(stat -c %a "$T/setid.txt")" = 755 ] ||
    why "mode $(stat -c %a "$T/setid.txt"), expected 755"
result "schedule -o: read-only refused, set-id bits dropped"

long=$(printf '%0255d' 0)
run schedule -o "$T/$long" plans/example.yaml
expect_rc 0
[ -s "$T/$long" ] || why "a 255-byte name was not written"
rm -f "$T/$long"
result "schedule -o: a name of 255 bytes"

# A signal while the temporary file exists removes it: exit 128+signal.
# The writer is stopped once a file shows in its directory, then sent the
# signal, so the case is not a race; a run that ends first is tried again.
python3 bench/genplan.py --activities 3000 --seed 3 -o "$T/big.yaml" \
    2>/dev/null
mkdir "$T/sig"
for sig in TERM INT HUP; do
	case $sig in TERM) signum=15 ;; INT) signum=2 ;; *) signum=1 ;; esac
	tries=0
	RC=-1
	while [ $tries -lt 20 ]; do
		rm -f "$T/sig/out.json" "$T/sig"/.[!.]*
		"$BIN" export --format json -o "$T/sig/out.json" "$T/big.yaml" \
		    >/dev/null 2>&1 &
		pid=$!
		n=0
		while [ $n -lt 5000 ] && [ -z "$(ls -A "$T/sig")" ]; do
			n=$((n + 1))
		done
		kill -STOP "$pid" 2>/dev/null
		if [ -n "$(ls -A "$T/sig")" ] && [ ! -e "$T/sig/out.json" ]; then
			kill -"$sig" "$pid"
			kill -CONT "$pid"
			wait "$pid"
			RC=$?
			break
		fi
		kill -CONT "$pid" 2>/dev/null
		wait "$pid"
		tries=$((tries + 1))
	done
	[ "$RC" -eq $((128 + signum)) ] ||
	    why "SIG$sig: exit $RC, expected $((128 + signum))"
	[ -n "$(ls -A "$T/sig")" ] &&
	    why "SIG$sig: left $(ls -A "$T/sig" | head -n 1)"
done
result "schedule -o: SIGTERM, SIGINT, SIGHUP remove the temporary file"

# One fixed meeting takes li's only day: the visit is unplaced and the
# quota short. The schedule is still printed.
cat >"$T/short.yaml" <<'PLAN'
pairplan: 1
plan:
  title: 测试
  host: {id: h, name: 城关园}
  period: 2024-04
partners:
  - {id: a, name: 甲园}
people:
  - {id: li, name: 李}
leadership:
  leader: li
phases:
  - id: p1
    name: 一
    period: 2024-04
    activities:
      - {title: 开会, date: 2024-04-22, owner: li}
      - {title: 送教, kind: teaching-visit, at: partner, when: 2024-04-22,
         owner: li}
quotas:
  - {people: [li], visits: 2, per: month}
PLAN
run schedule "$T/short.yaml"
expect_rc 1
expect_in out "开会"
expect_in out "unplaced:"
expect_in out "short by 2"
expect_in err "incomplete"
run schedule --format json "$T/short.yaml"
expect_rc 1
expect_json_object
expect_in out '"activity": "p1.2", "partner": "a", "occurrence": 1, "window": ["2024-04-22", "2024-04-22"], "reason": '
expect_in out '"required": 2, "got": 0, "unit": "visits"}'
result "schedule: unplaced and a short quota: printed, exit 1"

# CSV cells that a spreadsheet would run as formulas become text.
awk '$0 == "      - title: 签订结对帮扶协议" {
	print "      - title: \x27=HYPERLINK(\"http://x\",\"y\")\x27"; next }
    $0 == "      - title: 送教下乡" { print "      - title: \x27@SUM(1)\x27"; next }
    { print }' plans/example.yaml >"$T/formula.yaml"
run schedule --format csv "$T/formula.yaml"
expect_in out ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
grep -q ',=' "$T/out" && why "a cell starts with ="
grep -q ',@' "$T/out" && why "a cell starts with @"
run schedule --format csv - <plans/example.yaml
expect_in out "$(printf -- '\r\n-,qidong.2#hexi/1,')"
result "schedule --format csv: formula cells get a leading apostrophe"

# The same plan given twice: every UID once.
run schedule --format ics plans/example.yaml plans/example.yaml
[ "$RC" -le 1 ] || why "exit status $RC"
tr -d '\r' <"$T/out" | sed -e ':a' -e '$!N' -e 's/\n //' -e 'ta' -e 'P' -e 'D' |
    grep '^UID:' | sort | uniq -d >"$T/dups"
[ -s "$T/dups" ] && why "duplicate UIDs: $(head -n 1 "$T/dups")"
result "schedule --format ics: the same plan twice, UIDs all different"

# A tab or newline in a title is text; the table shows it escaped.
sed 's/^      - title: 签订结对帮扶协议$/      - title: "签订\\t协议\\n第二行"/' \
    plans/example.yaml >"$T/tabs.yaml"
run schedule "$T/tabs.yaml"
expect_in out 'Fri  签订\t协议\n第二行'
[ "$(tr -cd '\t' <"$T/out" | wc -c)" -eq 0 ] || why "a raw tab in the table"
result "schedule: control characters in the table are escaped"

run schedule --help
expect_rc 0
expect_in out "usage: pairplan schedule"
expect_in out "--format table|csv|json|ics"
result "schedule --help"

run --help
expect_in out "schedule"
result "--help lists schedule"

for args in --version --help rules "schedule --help"; do
	# shellcheck disable=SC2086 # the words are the arguments
	"$BIN" $args >/dev/full 2>"$T/err"
	RC=$?
	expect_rc 2
	expect_in err "cannot write standard output"
done
result "--version, --help, rules onto a full device: exit 2, a message"

run validate --max-size 18014398509481985K plans/example.yaml
expect_rc 2
expect_in err "bad size"
run validate --max-size 99999999999999999999 plans/example.yaml
expect_rc 2
run validate --max-size 17179869184G plans/example.yaml
expect_rc 2
run validate --max-size 1G plans/example.yaml
expect_rc 0
result "--max-size too large to hold: a usage error"

# ---- (f) export ---------------------------------------------------------

# xml_ok FILE: FILE is well-formed XML (HTML is written as XHTML).
xml_ok() {
	/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' \
	    "$1" >"$T/diff" 2>&1
}

# md_ok FILE: cmark-gfm renders FILE, and every GFM table in it (each
# delimiter row "| --- |") as a table: a plan without partners, aid or
# yearly targets may have none.
md_ok() {
	if ! command -v cmark-gfm >/dev/null 2>&1; then
		echo "cmark-gfm is not installed (make test-deps)" >"$T/diff"
		return 1
	fi
	cmark-gfm -e table "$1" >"$T/md.html" 2>"$T/diff" || return 1
	want=$(grep -c '^| ---' "$1")
	got=$(grep -c '<table>' "$T/md.html")
	[ "$want" -eq "$got" ] || {
		echo "$1 has $want tables, cmark-gfm made $got" >"$T/diff"
		return 1
	}
}

for y in tests/golden/*.yaml; do
	name=${y%.yaml}
	[ -f "$name.md" ] && { md_ok "$name.md" || why "cmark-gfm: $name.md"; }
	for f in html svg; do
		[ -f "$name.$f" ] || continue
		xml_ok "$name.$f" || why "$name.$f is not well-formed XML"
	done
	result "golden $(basename "$name"): md renders, html and svg parse"
done

for p in $PLANS; do
	for f in md html svg json csv ics; do
		run export --format $f "$p"
		expect_rc 0
		expect_declared_stderr "$p"
		[ -s "$T/out" ] || why "nothing written"
		case $f in
		md)	cp "$T/out" "$T/doc.md"
			md_ok "$T/doc.md" || why "cmark-gfm fails or misses a table" ;;
		html|svg)
			cp "$T/out" "$T/doc.$f"
			xml_ok "$T/doc.$f" || why "not well-formed XML" ;;
		esac
		cp "$T/out" "$T/first"
		run export --format $f "$p"
		cmp -s "$T/first" "$T/out" || why "two runs differ"
		result "plan $p: export --format $f"
	done
done

for f in md html svg; do
	run export --format $f --lang en plans/example.yaml
	expect_rc 0
	expect_no_stderr
	! grep -q '[0-9]年[0-9][0-9]*月' "$T/out" || why "a Chinese date in English"
	expect_in out "2024"
	result "export --format $f --lang en"
done

run export --format md plans/example.yaml
expect_in out "# 城关中心幼儿园2024年度结对帮扶工作计划"
expect_in out "## 一、指导思想"
expect_in out "## 二、结对对象"
expect_in out "| 幼儿园 | 类别 | 班级数 | 幼儿数 | 教师数 | 教职工数 | 帮扶需求 |"
expect_in out "## 五、实施步骤"
expect_in out "### （一）第一阶段：启动调研 规范园务管理（2024年3月—8月）"
expect_in out "## 八、保障措施"
result "export --format md: the document's sections"

run export --format html plans/example.yaml
expect_in out '<meta charset="utf-8"/>'
expect_in out 'lang="zh-CN"'
expect_in out '@page { size: A4;'
expect_in out "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
expect_in out '<svg xmlns="http://www.w3.org/2000/svg"'
expect_not_in out '<script'
expect_not_in out '<link'
result "export --format html: standalone, printable, with the timeline"

run export --format svg plans/example.yaml
expect_in out '<svg xmlns="http://www.w3.org/2000/svg" width="'
expect_in out 'viewBox="0 0 '
expect_in out "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
expect_in out ">2024年3月</text>"
result "export --format svg: a timeline with CJK fonts"

run export --format csv plans/example.yaml
cp "$T/out" "$T/first"
run schedule --format csv plans/example.yaml
cmp -s "$T/first" "$T/out" || why "export --format csv differs from schedule"
result "export --format csv: the whole schedule"

# export --format ics: the whole schedule, then the working-day calendar
# of the plan period (§14) as all-day transparent events.
SOURCE_DATE_EPOCH=1700000000 run export --format ics plans/example.yaml
cp "$T/out" "$T/first"
SOURCE_DATE_EPOCH=1700000000 run schedule --format ics plans/example.yaml
sed '$d' "$T/out" >"$T/events"
head -c "$(wc -c <"$T/events")" "$T/first" | cmp -s - "$T/events" ||
    why "export --format ics does not start with the schedule's events"
grep -q 'SUMMARY:国庆节（休）' "$T/first" || why "no 国庆节 in export ics"
grep -q 'SUMMARY:开园（班） chengguan' "$T/first" ||
    why "no host open day in export ics"
grep -q '^TRANSP:TRANSPARENT' "$T/first" || why "holiday rows not transparent"
run schedule --format json plans/example.yaml
n=$(( $(grep -c '"occurrence"' "$T/out") + $(grep -c '^UID:day-' "$T/first") ))
/usr/bin/python3 tests/ics_check.py "$T/first" "$n" >"$T/diff" 2>&1 ||
    why "icalendar rejects export --format ics"
result "export --format ics: the whole schedule and the working-day calendar"

run export --format md - <plans/example.yaml
expect_rc 0
expect_in out "## 五、实施步骤"
result "export: standard input"

run export --format md plans/example.yaml
cp "$T/out" "$T/first"
run export --format md -o "$T/plan.md" plans/example.yaml
expect_rc 0
expect_no_stdout
cmp -s "$T/plan.md" "$T/first" || why "-o OUT differs from standard output"
result "export -o"

# Output that cannot be written: exit 2 and nothing left behind.
run export --format html -o "$T/nodir/plan.html" plans/example.yaml
expect_rc 2
expect_no_stdout
expect_in err "cannot write '$T/nodir/plan.html'"
[ ! -e "$T/nodir" ] || why "created the directory"
result "export -o into a missing directory: exit 2"

run export --format md -o /proc/pairplan-test.md plans/example.yaml
expect_rc 2
expect_no_stdout
[ ! -e /proc/pairplan-test.md ] || why "wrote into /proc"
result "export -o into a read-only directory (/proc): exit 2"

mkdir "$T/ro"
chmod 555 "$T/ro"
if [ -w "$T/ro" ]; then
	skip "export -o into a read-only directory" "writable by this user"
else
	run export --format svg -o "$T/ro/plan.svg" plans/example.yaml
	expect_rc 2
	expect_no_stdout
	[ -z "$(ls -A "$T/ro")" ] || why "left files behind: $(ls -A "$T/ro")"
	result "export -o into a read-only directory: exit 2, nothing left"
fi
chmod 755 "$T/ro"

echo old >"$T/keep"
NO_COLOR=1 run export --format md -o "$T/keep" tests/diag/version.yaml
expect_rc 1
expect_no_stdout
expect_same tests/diag/version.err err "diagnostics differ from validate"
[ "$(cat "$T/keep")" = old ] || why "a plan with errors touched the output"
result "export: a plan with errors: diagnostics, exit 1, nothing written"

cp plans/example.yaml "$T/plan.yaml"
run export --format md -o "$T/plan.yaml" "$T/plan.yaml"
expect_rc 2
cmp -s plans/example.yaml "$T/plan.yaml" || why "wrote over the plan"
result "export -o: never over a plan file"

run export --format md "$T/short.yaml"
expect_rc 0
expect_in out "尚未排定：1次"
expect_in err "incomplete"
result "export: something unplaced: written, said on stderr, exit 0"

run export plans/example.yaml
expect_rc 2
expect_no_stdout
expect_in err "no --format"
result "export without --format: exit 2"

run export --format table plans/example.yaml
expect_rc 2
expect_no_stdout
expect_in err "unknown format 'table'"
result "export --format table: exit 2"

run export --format md plans/example.yaml plans/seed-03-shaliang.yaml
expect_rc 2
expect_no_stdout
expect_in err "one plan file"
result "export of two files: exit 2"

run export --format md --lang fr plans/example.yaml
expect_rc 2
expect_no_stdout
expect_in err "unknown language 'fr'"
result "export --lang fr: exit 2"

run export --format md
expect_rc 2
expect_in err "no plan file"
result "export: no file: exit 2"

for f in md html svg; do
	run schedule --format $f plans/example.yaml
	expect_rc 2
	expect_no_stdout
	expect_in err "unknown format '$f'"
	result "schedule --format $f: only export takes it, exit 2"
done

run export --help
expect_rc 0
expect_no_stderr
expect_in out "usage: pairplan export"
expect_in out "--format md|html|json|csv|ics|svg"
expect_in out "--lang zh|en"
result "export --help"

run init --bogus
expect_rc 2
expect_no_stdout
expect_in err "usage: pairplan init"
result "init: unknown option: exit 2"

run init --lang fr
expect_rc 2
expect_no_stdout
result "init --lang fr: exit 2"

run init --help
expect_rc 0
expect_in out "usage: pairplan init"
expect_in out "--kind pairing|mentorship|aid|responsibility|programme"
result "init --help"

# A starter of each kind, in each language: it validates clean, says its
# kind, and exports as a document of that kind.
for k in pairing mentorship aid responsibility programme; do
	for l in zh en; do
		run init --kind "$k" --lang "$l"
		expect_rc 0
		expect_no_stderr
		cp "$T/out" "$T/init-$k-$l.yaml"
		grep -q "^  kind: $k " "$T/out" || why "the starter does not say kind: $k"
		run validate --strict "$T/init-$k-$l.yaml"
		expect_rc 0
		expect_no_stdout
		expect_no_stderr
		run export --format md "$T/init-$k-$l.yaml"
		expect_rc 0
		cp "$T/out" "$T/init.md"
		md_ok "$T/init.md" || why "cmark-gfm: the starter's md"
		case $k-$l in
		mentorship-zh)	expect_in out "带教时间：" ;;
		aid-zh)		expect_in out "## 三、资助对象与标准"
				expect_in out "宣传 → 申请 → 审核 → 公示（不少于5个工作日） → 上报 → 发放" ;;
		responsibility-zh) expect_in out "挂点包村包户安排"
				expect_in out "每年在村到户累计不少于60个工作日" ;;
		programme-zh)	expect_in out "| 市级财政投入 | 5000万元 | 6000万元 | 7000万元 | 1.8亿元 |" ;;
		pairing-zh)	expect_in out "帮扶园：实验幼儿园" ;;
		*-en)		! grep -q '[0-9]年[0-9][0-9]*月' "$T/out" ||
				    why "a Chinese date in English" ;;
		esac
		result "init --kind $k --lang $l: validates clean, exports"
	done
done
run init
cp "$T/out" "$T/default"
run init --kind pairing
expect_same "$T/default" out "init differs from init --kind pairing"
result "init: pairing is the default kind"

run init --kind village
expect_rc 2
expect_no_stdout
expect_in err "unknown kind of plan 'village'"
result "init --kind village: exit 2"

run init --kind
expect_rc 2
expect_no_stdout
expect_in err "option '--kind' needs a value"
result "init --kind without a value: exit 2"

run --help
expect_in out "export"
expect_in out "init"
result "--help lists export and init"

# ---- (f) records: record, status, summary, and the records beside a plan --

mkdir "$T/rec"
cp tests/diag/clean.yaml "$T/rec/p.yaml"
P=$T/rec/p.yaml
R=$T/rec/p.records.yaml

for l in zh en; do
	run init --records --lang $l
	expect_rc 0
	cp "$T/out" "$T/rec/init-$l.records.yaml"
	run init --lang $l
	cp "$T/out" "$T/rec/init-$l.yaml"
	run validate --strict "$T/rec/init-$l.yaml"
	expect_rc 0
	expect_no_stderr
	run status --on 2026-07-31 --format json "$T/rec/init-$l.yaml"
	expect_in out '"cancelled": 1'
	expect_in out '"extra": 1'
	result "init --records --lang $l: the starter plan's records validate"
done

SOURCE_DATE_EPOCH=1728400000 run record "$P" --event 'p1.2#jinqiu/1' \
    --people gengqj,王静 --participants 30 --note '送教 "下乡"' \
    --target 'x=1' --by 王静
expect_rc 1
expect_in err "unknown target 'x'"
[ ! -e "$R" ] || why "a record with an error was written"
result "record: an error writes nothing"

SOURCE_DATE_EPOCH=1728400000 run record "$P" --event 'p1.2#jinqiu/1' \
    --people gengqj,王静 --participants 30 --note '送教 "下乡"' --by 王静
expect_rc 0
expect_no_stderr
expect_in out "recorded 1 in $R"
grep -F -q -x -e '- {n: 1, event: "p1.2#jinqiu/1", date: "2024-10-08", status: "held", people: ["gengqj", "王静"], participants: 30, note: "送教 \"下乡\"", recorded: "2024-10-08T15:06:40Z", by: "王静"}' "$R" ||
    why "the record line is not as expected"
result "record: the first record, dated as scheduled, stamped with SOURCE_DATE_EPOCH"

run record "$P" --event 'p1.2#jinqu/2'
expect_rc 1
expect_in err "unknown event 'p1.2#jinqu/2' (did you mean 'p1.2#jinqiu/2'?)"
result "record: unknown event, did you mean"

run record "$P" --event 'p1.2#jinqiu/9'
expect_rc 1
expect_in err "unknown event 'p1.2#jinqiu/9': 'p1.2#jinqiu' has 2 occurrences"
expect_not_in err "'date'"
result "record: an occurrence beyond the series, and no second error for its date"

run record "$P" --event 'p1.2#jinqiu/2' --people 王经
expect_rc 1
expect_in err "unknown person '王经' (did you mean '王静'?)"
result "record: unknown person, did you mean"

run record "$P" --activity p1.9 --date 2024-10-10
expect_rc 1
expect_in err "unknown activity 'p1.9'"
result "record: unknown activity"

run record "$P" --event 'p1.2#jinqiu/2' --date 2025-06-01
expect_rc 1
expect_in err "outside the plan period"
result "record: a date outside the plan is an error"

run record "$P" --event 'p1.2#jinqiu/2' --date 2024-10-19
expect_rc 0
expect_in err "warning: the record's date 2024-10-19 is not a working day [non-working-date]"
expect_in out "recorded 2 in"
result "record: held on a non-working day: a warning, recorded"

run record "$P" --event 'p1.2#jinqiu/2' --date 2024-10-18 --replaces 2
expect_rc 0
expect_no_stderr
expect_in out "recorded 3 in"
result "record: a correction replaces a record"

run record "$P" --event p1.1/1
expect_rc 0
expect_in out "recorded 4 in"
run record "$P" --event p1.1/1
expect_rc 0
expect_in err "event 'p1.1/1' is already recorded as held by record 4"
expect_in err "[records-duplicate]"
result "record: held twice: records-duplicate"

run record "$P" --event 'p1.2#bochang/1' --status cancelled --note 停电
expect_rc 0
result "record: cancelled"

run record "$P" --event p2.1/1 --status moved
expect_rc 1
expect_in err "a moved record has no 'date'"
result "record: moved needs a date"

run record "$P" --event p1.1/1 --activity p1.2
expect_rc 2
expect_in err "give --event or --activity"
result "record: --event and --activity: exit 2"

run record "$P" --event p1.1/1 --status done
expect_rc 2
expect_in err "unknown status 'done'"
result "record: unknown status: exit 2"

run record "$P" "$P" --event p1.1/1
expect_rc 2
result "record: one plan at a time"

cp "$P" "$T/rec/same.yaml"
run record "$T/rec/same.yaml" --event p1.1/1 --records "$T/rec/same.yaml"
expect_rc 2
expect_in err "is a plan given to read"
cmp -s "$P" "$T/rec/same.yaml" || why "the plan file was written"
ln -s same.yaml "$T/rec/link.yaml"
run record "$T/rec/same.yaml" --event p1.1/1 --records "$T/rec/link.yaml"
expect_rc 2
cmp -s "$P" "$T/rec/same.yaml" || why "the plan file was written through a link"
result "record --records naming the plan itself: refused, the plan untouched"

run validate "$P"
expect_rc 0
expect_in err "$R:2:"
expect_in err "[non-working-date]"
result "validate reads the records beside the plan"

cp "$R" "$T/rec/other.yaml"
printf '%s' '- {n: 9, event: "p1.1/1", da' >>"$T/rec/other.yaml"
run validate --records "$T/rec/other.yaml" "$P"
expect_rc 1
expect_in err "$T/rec/other.yaml:7:1: error: the last line of the records file is incomplete"
expect_in err "[records-torn]"
result "validate --records FILE: a torn last line at its line"

run record --records "$T/rec/other.yaml" "$P" --event p1.1/1
expect_rc 2
expect_in err "truncate -s "
result "record refuses a torn file with the repair"

run validate --records "$T/rec/other.yaml" "$P" tests/diag/clean.yaml
expect_rc 2
expect_in err "--records goes with one plan"
result "validate --records with two plans: exit 2"

run schedule --format csv "$P"
expect_rc 1	# the leader's quota is short, as without records
expect_in out "p1.2#jinqiu/2,p1.2,送教下乡,teaching-visit,p1,jinqiu,jinqiu,2024-10-18,2024-10-18,fri,gengqj;王静,true,2,2"
expect_not_in out "p1.2#bochang/1,"
result "schedule applies the records: fixed, cancelled dropped"

run status --on 2024-10-10 --format json "$P"
expect_rc 0
expect_in out '"totals": {"planned": 2, "held": 2, "cancelled": 1, "overdue": 0, "upcoming": 2, "extra": 0}'
result "status: nothing overdue: exit 0"

run status --on 2024-12-01 --format json "$P"
expect_rc 1
expect_json_object
expect_in out '"overdue": [
  {"plan": "'
result "status: overdue: exit 1, json"

run status --on 2024-13-01 "$P"
expect_rc 2
result "status --on a bad date: exit 2"

run status --format pdf "$P"
expect_rc 2
result "status --format pdf: exit 2"

# Two plans, records beside the second only: its held event counts for
# it, not for the first plan's event of the same index; a correction
# with the signatures settles the unsigned record it replaces.
mkdir -p "$T/two"
cat >"$T/two/a.yaml" <<'EOF'
pairplan: 1
plan: {title: A计划, host: {id: ha, name: 园a}, period: 2024-03..2024-06}
partners: [{id: qa, name: 乙园a}]
people: [{id: pa, name: 人a}]
leadership: {leader: pa}
phases:
  - period: 2024-03..2024-06
    activities:
      - {id: lec, title: 讲座, date: 2024-03-12}
      - {id: vis, title: 送教, at: partner, times: 2, owner: pa}
EOF
cat >"$T/two/b.yaml" <<'EOF'
pairplan: 1
plan: {title: B计划, confirm: [村负责人, 户主], host: {id: hb, name: 园b}, period: 2024-03..2024-06}
partners: [{id: qb, name: 乙园b}]
people: [{id: pb, name: 人b}]
leadership: {leader: pb}
quotas: [{people: pb, visits: 1}]
phases:
  - period: 2024-03..2024-06
    activities:
      - {id: tr, title: 培训, at: partner, date: 2024-04-10, owner: pb}
EOF
cat >"$T/two/b.records.yaml" <<'EOF'
- {n: 1, event: "tr#qb/1", date: "2024-04-10", status: "held", recorded: "2024-07-03T09:46:40Z"}
- {n: 2, event: "tr#qb/1", date: "2024-04-10", status: "held", confirmed-by: [张, 李], replaces: 1, recorded: "2024-07-03T09:46:40Z"}
EOF
run status --on 2024-06-30 --format json "$T/two/a.yaml" "$T/two/b.yaml"
expect_in out '{"plan": "'"$T"'/two/a.yaml", "id": "p1", "planned": 3, "held": 0,'
expect_in out '{"plan": "'"$T"'/two/b.yaml", "id": "p1", "planned": 1, "held": 1,'
expect_in out '"person": "pb", "period": ["2024-03-01", "2024-06-30"], "required": 0, "got": 1'
expect_not_in out '"event": "tr#qb/1"'
expect_no_stderr
result "status of two plans: each plan's records count for its own events"

# Status and report CSV neutralise formulas as the schedule's CSV does.
mkdir -p "$T/formula"
cat >"$T/formula/f.yaml" <<'EOF'
pairplan: 1
plan: {title: 计划, host: {id: h, name: 园}, period: 2024-03..2024-06}
partners: [{id: q, name: "@SUM(A1)"}]
people: [{id: a, name: "=1+1"}]
leadership: {leader: a}
targets: [{name: "+cmd", at-least: 1}]
phases:
  - period: 2024-03..2024-06
    activities:
      - {title: "-送教", at: partner, date: 2024-04-10, owner: a}
EOF
run status --on 2024-06-30 --format csv "$T/formula/f.yaml"
expect_in out ",'+cmd,"
expect_in out ",'=1+1,"
expect_in out ",'-送教,"
run report --on 2024-06-30 --format csv "$T/formula"
expect_in out ",'@SUM(A1),"
grep -q ',[=+@]' "$T/out" && why "a report cell starts a formula"
result "status and report --format csv: formula cells get a leading apostrophe"

# -o never replaces a file the run read: the records file, a holiday file,
# by any name.
mkdir -p "$T/readset"
cp plans/example.yaml plans/example.records.yaml "$T/readset/"
cp "$T/readset/example.records.yaml" "$T/readset/want"
run status --on 2024-12-01 -o "$T/readset/example.records.yaml" "$T/readset/example.yaml"
expect_rc 2
expect_in err "is a file given to read: not writing over it"
ln -s example.records.yaml "$T/readset/link.yaml"
run summary --on 2024-12-01 -o "$T/readset/link.yaml" "$T/readset/example.yaml"
expect_rc 2
cmp -s "$T/readset/want" "$T/readset/example.records.yaml" || why "the records file was replaced"
printf -- '- year: 2027\n  off: [2027-02-05]\n' >"$T/readset/h.yaml"
cp "$T/readset/h.yaml" "$T/readset/hwant"
printf 'pairplan: 1\nplan: {title: t, kind: programme, host: {id: h, name: 园}, period: 2027-01..2027-06}\ncalendar: {holidays: [cn, h.yaml]}\n' >"$T/readset/p.yaml"
run calendar 2027 --plan "$T/readset/p.yaml" -o "$T/readset/h.yaml"
expect_rc 2
cmp -s "$T/readset/hwant" "$T/readset/h.yaml" || why "the holiday file was replaced"
result "-o onto a records or holiday file the run read: refused, the file kept"

mkfifo "$T/readset/h.fifo"
printf 'pairplan: 1\nplan: {title: t, kind: programme, host: {id: h, name: 园}, period: 2027-01..2027-06}\ncalendar: {holidays: [cn, h.fifo]}\n' >"$T/readset/pf.yaml"
run validate "$T/readset/pf.yaml"
expect_rc 1
expect_in err "h.fifo': it is not a regular file [holiday-file]"
result "a FIFO as a holiday file: an error, not a hang"

# record appends only to a records file it can number: not to one whose
# lines it cannot read a number from, not to one that is not a list.
mkdir -p "$T/brk"
cp plans/example.yaml "$T/brk/"
printf -- '- {event: "sign/1", n: 1, date: "2024-03-29"}\n' >"$T/brk/example.records.yaml"
cp "$T/brk/example.records.yaml" "$T/brk/want"
run record "$T/brk/example.yaml" --event 'qidong.3#hexi/1'
expect_rc 1
expect_in err "must be repaired by hand before a record is added to it"
cmp -s "$T/brk/want" "$T/brk/example.records.yaml" || why "appended to it"
printf 'n: 1\n' >"$T/brk/example.records.yaml"
run record "$T/brk/example.yaml" --event 'qidong.3#hexi/1'
expect_rc 1
expect_in err "example.records.yaml:1:1: error: a records file is a list of records"
[ "$(cat "$T/brk/example.records.yaml")" = "n: 1" ] || why "appended to a mapping"
printf -- '- {n: 9223372036854775807, event: "sign/1", date: "2024-03-29"}\n' >"$T/brk/example.records.yaml"
run record "$T/brk/example.yaml" --event 'qidong.3#hexi/1'
expect_rc 2
expect_in err "has used the last record number"
result "record: a records file it cannot number is refused, untouched"

# Diagnostics of a records file beyond the cap: the first in file order,
# and the note about the rest in the records file.
awk 'BEGIN { for (i = 1; i <= 3000; i++)
	printf "- {n: %d, event: \"qidong.4/1\", date: \"2024-04-02\"}\n", i }' \
    >"$T/brk/example.records.yaml"
run validate "$T/brk/example.yaml"
expect_in err "example.records.yaml:2:3: warning: event 'qidong.4/1' is already recorded"
expect_in err "example.records.yaml:1002:3: note: too many diagnostics"
expect_not_in err "example.yaml:1002"
result "validate: a records file's diagnostics past the cap stay in their file"

SOURCE_DATE_EPOCH=1730000000 run status --format json "$P"
expect_in out '{"on": "2024-10-27",'
result "status --on defaults to SOURCE_DATE_EPOCH's day"

run summary --on 2024-12-01 "$P"
expect_rc 0
expect_in out "# 锦秋幼儿园2024学年城乡手拉手帮扶总结"
expect_in out "## 一、基本情况"
expect_in out '送教 "下乡"'
expect_in out "停电"
result "summary: the notes of the records"

run summary --on 2024-12-01 "$P" "$P"
expect_rc 2
result "summary: one plan"

run summary --format docx "$P"
expect_rc 2
result "summary --format docx: exit 2"

for c in record status summary; do
	run $c --help
	expect_rc 0
	expect_in out "usage: pairplan $c"
	result "$c --help"
done

lib_finish
