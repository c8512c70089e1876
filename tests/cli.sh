#!/bin/sh
# cli.sh - the command line end to end: golden diagnostics, the bundled plans, options and exit status.
#
#   sh tests/cli.sh PATH/TO/pairplan        (run from the repository root)
#
# POSIX sh and Debian coreutils (plus grep, sed, diff). Prints one
# "ok - NAME" or "not ok - NAME" per case, then "cli: N passed, M failed",
# and exits non-zero when a case failed. Then runs tests/hostile.sh, when
# it exists, as one more case.

LC_ALL=C
export LC_ALL
unset NO_COLOR

if [ $# -ne 1 ]; then
	echo "usage: sh tests/cli.sh PATH/TO/pairplan" >&2
	exit 2
fi
BIN=$1
case $BIN in
*/*)	;;
*)	BIN=./$BIN ;;
esac
if [ ! -x "$BIN" ]; then
	echo "cli: $BIN is not an executable" >&2
	exit 2
fi
if [ ! -d tests/diag ] || [ ! -d plans ]; then
	echo "cli: run from the repository root" >&2
	exit 2
fi

T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT HUP TERM

PASSED=0
FAILED=0
WHY=

# Every rule id of §7 of the contract.
RULE_IDS="yaml-syntax encoding duplicate-key unknown-key type required
version bad-date range-order duplicate-id unknown-ref outside-plan
outside-phase exclusive-keys bad-number limit unknown-kind placeholder
phase-overlap empty-phase partner-unvisited non-working-date conflict
calendar-coverage no-leader"

ESC=$(printf '\033')

# ---- helpers ----------------------------------------------------------

# run ARGS...: runs the binary, stdout to $T/out, stderr to $T/err, the
# exit status to $RC. Standard input is whatever the caller redirects.
run() {
	"$BIN" "$@" >"$T/out" 2>"$T/err"
	RC=$?
}

# why TEXT: notes why the current case fails (the first reason counts).
why() {
	[ -n "$WHY" ] || WHY=$1
}

# result NAME: prints ok or not ok with the reason, and the files.
result() {
	if [ -z "$WHY" ]; then
		PASSED=$((PASSED + 1))
		echo "ok - $1"
	else
		FAILED=$((FAILED + 1))
		echo "not ok - $1"
		echo "#   $WHY"
		if [ -s "$T/diff" ]; then
			sed 's/^/#   /' "$T/diff"
		else
			sed -n '1,8s/^/#   stdout: /p' "$T/out"
			sed -n '1,8s/^/#   stderr: /p' "$T/err"
		fi
	fi
	WHY=
	: >"$T/diff"
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
	name=${y%.yaml}
	e=$name.err
	if [ ! -f "$e" ]; then
		why "$e is missing"
		result "diag $(basename "$name")"
		continue
	fi
	NO_COLOR=1 run validate "$y"
	if ! diff -u "$e" "$T/err" >"$T/diff"; then
		why "stderr differs from $e"
	fi
	expect_no_stdout
	if grep -q ': error: ' "$e"; then
		expect_rc 1
	else
		expect_rc 0
	fi
	result "diag $(basename "$name")"
done

# ---- (a2) golden schedules ----------------------------------------------
# tests/golden/NAME.yaml with NAME.<format> for each format to compare;
# NAME.exit holds the expected exit status when it is not 0.

# md, html and svg are documents: `export --format F`, which exits 0
# even when something is unplaced.

for y in tests/golden/*.yaml; do
	name=${y%.yaml}
	want=0
	[ -f "$name.exit" ] && want=$(cat "$name.exit")
	for f in table csv json ics md html svg; do
		[ -f "$name.$f" ] || continue
		case $f in
		md|html|svg)
			SOURCE_DATE_EPOCH=1700000000 run export --format "$f" "$y"
			expect_rc 0 ;;
		*)
			SOURCE_DATE_EPOCH=1700000000 run schedule --format "$f" "$y"
			expect_rc "$want" ;;
		esac
		if ! cmp -s "$name.$f" "$T/out"; then
			diff -u "$name.$f" "$T/out" | head -n 20 >"$T/diff"
			why "stdout differs from $name.$f"
		fi
		result "golden $(basename "$name").$f"
	done
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
SOURCE_DATE_EPOCH=1700000000 run schedule --format ics plans/*.yaml
cp "$T/out" "$T/all.ics"
run schedule --format json plans/*.yaml
n=$(grep -c '"occurrence"' "$T/out")
/usr/bin/python3 tests/ics_check.py "$T/all.ics" "$n" >"$T/diff" 2>&1 ||
    why "icalendar rejects the schedule of every bundled plan"
result "every bundled plan as ICS, read by icalendar"

# ---- (b) the bundled plans ----------------------------------------------

for p in plans/*.yaml; do
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
expect_lines out 25
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
diff -u "$T/want" "$T/err" >"$T/diff" || why "stdin diagnostics differ"
result "stdin: a bad plan, named -"

run validate -- plans/example.yaml
expect_rc 0
expect_no_stderr
result "-- before the files"

run validate tests/diag/clean.yaml tests/diag/warnings-only.yaml
expect_rc 0
expect_no_stdout
cat tests/diag/clean.err tests/diag/warnings-only.err >"$T/want"
diff -u "$T/want" "$T/err" >"$T/diff" || why "diagnostics of two files differ"
result "two files, warnings only: exit 0"

NO_COLOR=1 run validate tests/diag/clean.yaml tests/diag/version.yaml \
    tests/diag/warnings-only.yaml
expect_rc 1
expect_no_stdout
cat tests/diag/version.err tests/diag/warnings-only.err >"$T/want"
diff -u "$T/want" "$T/err" >"$T/diff" ||
    why "diagnostics of three files differ or are out of order"
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
diff -u "$T/want" "$T/err" >"$T/diff" ||
    why "--strict does not print the warnings as errors"
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

for p in plans/*.yaml; do
	run schedule "$p"
	expect_rc 0
	expect_no_stderr
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
diff -u tests/diag/version.err "$T/err" >"$T/diff" ||
    why "diagnostics differ from validate"
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
expect_in out '"required": 2, "got": 0}'
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
expect_rc 1	# the same people twice: some occurrences unplaced
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

# md_ok FILE: cmark-gfm renders FILE, with a table for the partners.
md_ok() {
	if ! command -v cmark-gfm >/dev/null 2>&1; then
		echo "cmark-gfm is not installed (make test-deps)" >"$T/diff"
		return 1
	fi
	cmark-gfm -e table "$1" >"$T/md.html" 2>"$T/diff" || return 1
	grep -q '<table>' "$T/md.html" || {
		echo "no <table> in what cmark-gfm made of $1" >"$T/diff"
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

for p in plans/*.yaml; do
	for f in md html svg json csv ics; do
		run export --format $f "$p"
		expect_rc 0
		expect_no_stderr
		[ -s "$T/out" ] || why "nothing written"
		case $f in
		md)	cp "$T/out" "$T/doc.md"
			md_ok "$T/doc.md" || why "cmark-gfm fails or finds no table" ;;
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

SOURCE_DATE_EPOCH=1700000000 run export --format ics plans/example.yaml
cp "$T/out" "$T/first"
SOURCE_DATE_EPOCH=1700000000 run schedule --format ics plans/example.yaml
cmp -s "$T/first" "$T/out" || why "export --format ics differs from schedule"
result "export --format ics: the whole schedule"

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
	PASSED=$((PASSED + 1))
	echo "ok - export -o into a read-only directory # SKIP writable by this user"
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
diff -u tests/diag/version.err "$T/err" >"$T/diff" ||
    why "diagnostics differ from validate"
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
result "init --help"

run --help
expect_in out "export"
expect_in out "init"
result "--help lists export and init"

# ---- (d) hostile inputs -------------------------------------------------

if [ -f tests/hostile.sh ]; then
	if sh tests/hostile.sh "$BIN"; then
		PASSED=$((PASSED + 1))
		echo "ok - hostile.sh"
	else
		FAILED=$((FAILED + 1))
		echo "not ok - hostile.sh"
	fi
fi

echo "cli: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
