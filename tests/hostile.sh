#!/bin/sh
# hostile.sh - feeds pairplan every hostile input of spec §8 and checks for a quick, clean diagnostic.
#
#   sh tests/hostile.sh PATH/TO/pairplan
#
# POSIX sh and coreutils only (plus grep and awk, which writes the big
# inputs). For each case: the exit status, the rule id in brackets (and
# where given its line:col), the form of every stderr line, no signal, no
# timeout, and the time taken: under 2 s, or 5 s for a sanitizer build
# (HOSTILE_MAX_MS overrides).
#
# The cases of work (issue 9: inputs that buy far more work than their
# size) run other commands too, under a memory limit (ulimit -v, 768 MiB;
# not for a sanitizer build, which maps terabytes of shadow memory) and a
# time limit of 5 s (30 s under a sanitizer; HOSTILE_WORK_MS overrides),
# and bound the bytes written on standard output.

. tests/lib.sh
lib_start hostile "$@"
if [ -n "${HOSTILE_MAX_MS:-}" ]; then
	MAX_MS=$HOSTILE_MAX_MS
elif grep -q -e AddressSanitizer -e __asan_init "$BIN" 2>/dev/null; then
	MAX_MS=5000
else
	MAX_MS=2000
fi

# A second file whose diagnostics may appear (a plan's holiday file).
ALSO=
if [ -n "${HOSTILE_WORK_MS:-}" ]; then
	WORK_MS=$HOSTILE_WORK_MS
elif [ "$MAX_MS" -gt 2000 ]; then
	WORK_MS=30000
else
	WORK_MS=5000
fi
if grep -q -e AddressSanitizer -e __asan_init "$BIN" 2>/dev/null; then
	VMEM_KB=
else
	VMEM_KB=786432
fi

# check NAME RC RULE POS FILE MODE [OPTION...]
#   RC    expected exit status (0, 1 or 2)
#   RULE  rule id expected in brackets, or - for none
#   POS   LINE:COL the rule must be reported at, or - for anywhere
#   MODE  file: FILE as an argument; pipe: cat FILE | pairplan ... -;
#         redirect: pairplan ... - <FILE
check() {
	name=$1 want=$2 rule=$3 pos=$4 file=$5 mode=$6
	shift 6
	err=$T/stderr
	shown=$file
	t0=$(date +%s%N)
	case $mode in
	file)
		timeout 10 "$BIN" validate "$@" "$file" >/dev/null 2>"$err"
		rc=$?
		;;
	pipe)
		shown=-
		rc=$( { cat "$file" 2>/dev/null; } | {
			timeout 10 "$BIN" validate "$@" - >/dev/null 2>"$err"
			echo $?
		})
		;;
	redirect)
		shown=-
		timeout 10 "$BIN" validate "$@" - <"$file" >/dev/null 2>"$err"
		rc=$?
		;;
	esac
	t1=$(date +%s%N)
	ms=$(( (t1 - t0) / 1000000 ))

	if [ "$rc" -eq 124 ]; then
		notok "$name" "timed out after 10 s"
		return
	fi
	if grep -Eq 'Sanitizer|runtime error: ' "$err"; then
		notok "$name" "sanitizer report: $(grep -E \
		    'ERROR: |runtime error: ' "$err" | head -n 1 | cut -c 1-160)"
		return
	fi
	if [ "$rc" -ge 128 ]; then
		notok "$name" "killed by signal $((rc - 128))$(first_line)"
		return
	fi
	if [ "$rc" -ne "$want" ]; then
		notok "$name" "exit $rc, expected $want$(first_line)"
		return
	fi
	if [ "$ms" -ge "$MAX_MS" ]; then
		notok "$name" "took $ms ms (limit $MAX_MS ms)"
		return
	fi
	if [ "$want" -eq 2 ]; then
		if [ ! -s "$err" ]; then
			notok "$name" "no message on stderr"
		elif grep -vq '^pairplan: cannot ' "$err"; then
			notok "$name" "unexpected stderr line: $(grep -v \
			    '^pairplan: cannot ' "$err" | head -n 1)"
		else
			ok "$name"
		fi
		return
	fi
	# Every line is SHOWN:LINE:COL: SEVERITY: ...; SHOWN may hold
	# regex characters, so strip it as a string first.
	while IFS= read -r line; do
		case $line in
		"$shown":*)
			printf '%s\n' "${line#"$shown":}"
			;;
		"${ALSO:-/nonexistent/}":*)
			printf '%s\n' "${line#"$ALSO":}"
			;;
		*)
			printf 'not the file: %s\n' "$line"
			;;
		esac
	done <"$err" >"$T/rest"
	bad=$(grep -Ev '^[0-9]+:[0-9]+: (error|warning|note): ' "$T/rest" |
	    head -n 1)
	if [ -n "$bad" ]; then
		notok "$name" "badly formed stderr line: $bad"
		return
	fi
	if [ "$want" -eq 1 ] && ! grep -q '^[0-9]*:[0-9]*: error: ' \
	    "$T/rest"; then
		notok "$name" "exit 1 without an error diagnostic"
		return
	fi
	if [ "$rule" != - ] && ! grep -Fq "[$rule]" "$err"; then
		notok "$name" "no [$rule] diagnostic$(first_line)"
		return
	fi
	if [ "$pos" != - ] && ! grep -F -e "$shown:$pos: " "$err" |
	    grep -Fq "[$rule]"; then
		notok "$name" "[$rule] not at $pos$(first_line)"
		return
	fi
	ok "$name"
}

# The first stderr line, to explain a failure.
first_line() {
	if [ -s "$T/stderr" ]; then
		printf ' (stderr: %s)' "$(head -n 1 "$T/stderr" | cut -c 1-160)"
	fi
}

# A valid plan; the cases below break one thing in it each.
cat >"$T/base.yaml" <<'EOF'
pairplan: 1
plan:
  title: 实验幼儿园结对帮扶工作计划
  host: {id: h, name: 实验幼儿园}
  period: 2024-03..2024-06
partners:
  - {id: p, name: 沙梁幼儿园, classes: 6}
people:
  - {id: a, name: 冯亚琴}
leadership:
  leader: a
phases:
  - id: p1
    period: 2024-03..2024-06
    activities:
      - title: 送教下乡
        at: partner
        when: 2024-04-01..2024-04-07
        times: 2
        owner: a
EOF

# replace FROM TO OUT: base.yaml with the line FROM replaced by TO.
replace() {
	while IFS= read -r line; do
		if [ "$line" = "$1" ]; then
			printf '%s\n' "$2"
		else
			printf '%s\n' "$line"
		fi
	done <"$T/base.yaml" >"$T/$3"
	if cmp -s "$T/base.yaml" "$T/$3"; then
		echo "hostile: replace: no line '$1'" >&2
		exit 2
	fi
}

# repeat N STRING: STRING N times, no newline (by doubling: log N steps).
repeat() {
	rn=$1 rs=$2 rout=
	while [ "$rn" -gt 0 ]; do
		if [ $((rn % 2)) -eq 1 ]; then
			rout=$rout$rs
		fi
		rs=$rs$rs
		rn=$((rn / 2))
	done
	printf '%s' "$rout"
}

check "control: a valid plan" 0 - - "$T/base.yaml" file

# ---- empty and not YAML -----------------------------------------------
: >"$T/empty.yaml"
check "empty file" 1 required 1:1 "$T/empty.yaml" file
printf '# a plan\n   # nothing yet\n\n# end\n' >"$T/comments.yaml"
check "only comments" 1 required 1:1 "$T/comments.yaml" file
printf '\n   \n\n' >"$T/blank.yaml"
check "only blank lines" 1 required 1:1 "$T/blank.yaml" file
printf ': : : [\n' >"$T/notyaml.yaml"
check "not YAML (: : : [)" 1 yaml-syntax - "$T/notyaml.yaml" file
printf 'plan: {title: x\npartners: [a, b\n' >"$T/unclosed.yaml"
check "unclosed flow" 1 yaml-syntax - "$T/unclosed.yaml" file
printf 'Dear director,\nplease find: the plan: attached.\n' \
    >"$T/prose.yaml"
check "prose" 1 yaml-syntax 2:12 "$T/prose.yaml" file

# ---- binary and encoding ----------------------------------------------
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000' \
    >"$T/elf.yaml"
check "binary: ELF header" 1 encoding 1:1 "$T/elf.yaml" file
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$T/png.yaml"
check "binary: PNG header" 1 encoding 1:1 "$T/png.yaml" file
# Bytes 0x20..0xFF then 0x00..0x1F, 16 times: 4 KiB. 0x7F is column 96.
i=32
while [ $i -lt 288 ]; do
	# shellcheck disable=SC2059 # the format is the byte
	printf "\\$(printf %o $((i % 256)))"
	i=$((i + 1))
done >"$T/block.bin"
i=0
while [ $i -lt 16 ]; do
	cat "$T/block.bin"
	i=$((i + 1))
done >"$T/binary.yaml"
check "binary: 4 KiB of every byte" 1 encoding 1:96 "$T/binary.yaml" file
printf 'a: 1\nb: 中\377\n' >"$T/ff.yaml"
check "invalid UTF-8: byte FF" 1 encoding 2:5 "$T/ff.yaml" file
printf 'a: 1\nb: x\300\200\n' >"$T/overlong.yaml"
check "invalid UTF-8: overlong C0 80" 1 encoding 2:5 "$T/overlong.yaml" file
printf 'a: 1\nb: 中\344\270 y\n' >"$T/trunc.yaml"
check "invalid UTF-8: truncated E4 B8" 1 encoding 2:5 "$T/trunc.yaml" file
printf 'a: 1\nb: 中\344\270' >"$T/trunc-eof.yaml"
check "invalid UTF-8: truncated at the end" 1 encoding 2:5 \
    "$T/trunc-eof.yaml" file
printf 'a: 1\nb: "\355\240\200"\n' >"$T/surrogate.yaml"
check "invalid UTF-8: surrogate ED A0 80" 1 encoding 2:5 \
    "$T/surrogate.yaml" file
printf 'pairplan: 1\nplan:\n  title: ab\000cd\n' >"$T/nul.yaml"
check "NUL byte in the middle" 1 encoding 3:12 "$T/nul.yaml" file
printf 'pairplan: 1\nplan:\n  title: ab\007\n' >"$T/bel.yaml"
check "control character 07" 1 encoding 3:12 "$T/bel.yaml" file
printf '\377\376p\000:\000 \0001\000\n\000' >"$T/utf16.yaml"
check "UTF-16 (FF FE)" 1 encoding 1:1 "$T/utf16.yaml" file
printf 'a: 1\r\nb: 2\r\nc: x\377\r\n' >"$T/crlf.yaml"
check "invalid UTF-8 after CRLF lines" 1 encoding 3:5 "$T/crlf.yaml" file

# ---- structure --------------------------------------------------------
printf -- '- pairplan: 1\n- plan: {}\n' >"$T/list.yaml"
check "top level is a list" 1 type 1:1 "$T/list.yaml" file
printf 'just a line of text\n' >"$T/scalar.yaml"
check "top level is a scalar" 1 type 1:1 "$T/scalar.yaml" file
{ cat "$T/base.yaml"; printf -- '---\n'; cat "$T/base.yaml"; } \
    >"$T/twodocs.yaml"
check "two documents" 1 yaml-syntax 21:1 "$T/twodocs.yaml" file
{ repeat 65 '['; printf x; repeat 65 ']'; echo; } >"$T/nest65.yaml"
check "nesting 65 deep" 1 limit 1:65 "$T/nest65.yaml" file
{ repeat 64 '['; printf x; repeat 64 ']'; echo; } >"$T/nest64.yaml"
check "nesting 64 deep (a list, so type)" 1 type 1:1 "$T/nest64.yaml" file
{ repeat 10000 '['; printf x; repeat 10000 ']'; echo; } \
    >"$T/nest10k.yaml"
check "nesting 10000 deep (flow)" 1 limit 1:65 "$T/nest10k.yaml" file
{ repeat 10000 '- '; echo x; } >"$T/nest10kb.yaml"
check "nesting 10000 deep (block)" 1 limit 1:129 "$T/nest10kb.yaml" file
{ repeat 10000 'a: {'; printf 'b: 1'; repeat 10000 '}'; echo; } \
    >"$T/nest10km.yaml"
check "nesting 10000 deep (flow mappings)" 1 limit - "$T/nest10km.yaml" file

# ---- aliases ----------------------------------------------------------
# bomb LEVELS WIDTH FIRST: level 0 is FIRST, level i lists WIDTH *l(i-1).
bomb() {
	printf 'l0: &l0 %s\n' "$3"
	i=1
	while [ "$i" -lt "$1" ]; do
		printf 'l%d: &l%d [*l%d' "$i" "$i" $((i - 1))
		j=1
		while [ "$j" -lt "$2" ]; do
			printf ', *l%d' $((i - 1))
			j=$((j + 1))
		done
		printf ']\n'
		i=$((i + 1))
	done
}
LOL='[lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'
bomb 10 10 "$LOL" >"$T/bomb.yaml"
check "alias bomb: 10 levels of 10" 1 limit - "$T/bomb.yaml" file
bomb 9 9 "[lol, lol, lol, lol, lol, lol, lol, lol, lol]" >"$T/bomb9.yaml"
check "alias bomb: 9 levels of 9" 1 limit - "$T/bomb9.yaml" file
bomb 10 10 lol >"$T/bombs.yaml"
check "alias bomb: scalar anchor" 1 limit - "$T/bombs.yaml" file
bomb 5 10 "$LOL" >"$T/bomb5.yaml"
check "aliases: 10 times the nodes parsed" 1 limit 2:10 "$T/bomb5.yaml" file
printf 'a: *nowhere\n' >"$T/alias.yaml"
check "unknown alias" 1 yaml-syntax 1:4 "$T/alias.yaml" file

# ---- size -------------------------------------------------------------
# 2 MiB of comments, then a sparse tail of NULs up to 300 MiB.
yes '# padding padding padding padding padding padding padding' |
    head -c 2097152 >"$T/huge.yaml"
truncate -s 300M "$T/huge.yaml"
check "300 MiB file (fstat)" 1 limit 1:1 "$T/huge.yaml" file
check "300 MiB on stdin, --max-size 1M (streaming)" 1 limit 1:1 \
    "$T/huge.yaml" pipe --max-size 1M
check "300 MiB redirected to stdin (fstat)" 1 limit 1:1 "$T/huge.yaml" \
    redirect
check "300 MiB file, --max-size 1M" 1 limit 1:1 "$T/huge.yaml" file \
    --max-size 1M

# ---- expansion ----------------------------------------------------------
# 400 activities, each every day for 75 years: over ten million occurrences.
{
	printf 'pairplan: 1\nplan: {title: t, host: {id: h, name: h}, '
	printf 'period: 2024-01..2098-12}\n'
	printf 'partners: [{id: p, name: p}]\n'
	printf 'people: [{id: a, name: a}]\nleadership: {leader: a}\n'
	printf 'calendar: {holidays: none}\n'
	printf 'phases:\n  - period: 2024-01..2098-12\n    activities:\n'
	i=0
	while [ $i -lt 400 ]; do
		printf '      - {title: x%d, at: partner, every: 1 days}\n' $i
		i=$((i + 1))
	done
} >"$T/expand.yaml"
check "ten million occurrences" 1 limit - "$T/expand.yaml" file

# ---- values -----------------------------------------------------------
replace '  - {id: p, name: 沙梁幼儿园, classes: 6}' \
    '  - {id: p, name: 沙梁幼儿园, classes: 99999999999999999999999}' \
    hugeint.yaml
check "huge integer (classes)" 1 bad-number 7:35 "$T/hugeint.yaml" file
replace '        times: 2' '        times: 99999999999999999999999' \
    hugetimes.yaml
check "huge integer (times)" 1 bad-number 19:16 "$T/hugetimes.yaml" file
replace 'pairplan: 1' 'pairplan: 99999999999999999999999' hugever.yaml
check "huge integer (version)" 1 version 1:11 "$T/hugever.yaml" file
replace '        when: 2024-04-01..2024-04-07' '        date: 2024-02-30' \
    feb30.yaml
check "date 2024-02-30" 1 bad-date 18:15 "$T/feb30.yaml" file
replace '        when: 2024-04-01..2024-04-07' '        date: 0000-01-01' \
    year0.yaml
check "date 0000-01-01" 1 bad-date 18:15 "$T/year0.yaml" file
replace '  period: 2024-03..2024-06' '  period: 0000-01..2024-06' \
    year0p.yaml
check "plan period from year 0" 1 bad-date - "$T/year0p.yaml" file
replace '        times: 2' '        times: 100000' times.yaml
check "times: 100000 in a one-week window" 1 bad-number 19:16 \
    "$T/times.yaml" file

# ---- holiday files (§13): the same input, in a file the plan names ------
# hol CASE-NAME RULE CONTENT-FILE: base.yaml naming CONTENT-FILE as its
# holiday file; the diagnostics may be in either file.
hol() {
	replace '  period: 2024-03..2024-06' "  period: 2024-03..2024-06
calendar: {holidays: [cn, $3]}" hol.yaml
	ALSO=$3
	check "holiday file: $1" 1 "$2" - "$T/hol.yaml" file
	ALSO=
}
hol "binary data" encoding "$T/elf.yaml"
hol "invalid UTF-8" encoding "$T/ff.yaml"
hol "a NUL byte" encoding "$T/nul.yaml"
hol "not YAML" yaml-syntax "$T/notyaml.yaml"
hol "only comments" required "$T/comments.yaml"
hol "a plan, not a list" type "$T/base.yaml"
# a device or a FIFO is not a file of holidays: refused before reading,
# so neither /dev/zero (endless) nor a FIFO (no writer) can stall the run
hol "/dev/zero" holiday-file /dev/zero
hol "/dev/null" holiday-file /dev/null
mkfifo "$T/hol.fifo"
hol "a FIFO" holiday-file "$T/hol.fifo"
hol "a directory" holiday-file "$T"
hol "missing" holiday-file "$T/no/such/holidays.yaml"
repeat 100 '[' >"$T/deephol.yaml"
hol "nesting 100 deep" limit "$T/deephol.yaml"
{
	echo '- &a {year: 2027, off: [2027-01-01, 2027-01-02]}'
	echo '- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]'
	echo '- &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]'
	echo '- &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'
	echo '- &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]'
	echo '- [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]'
} >"$T/aliashol.yaml"
hol "alias expansion" limit "$T/aliashol.yaml"
{
	echo '- year: 2027'
	printf '  off: ['
	repeat 30000 '2027-01-01..2027-12-31, '
	echo '2027-01-01]'
} >"$T/bighol.yaml"
hol "30000 whole-year ranges" holiday-file "$T/bighol.yaml"
{
	echo '- year: 2027'
	echo '  off: 0001-01-01..9999-12-31'
} >"$T/widehol.yaml"
hol "a range of 10000 years" holiday-file "$T/widehol.yaml"
y=1
while [ $y -le 9999 ]; do
	printf -- '- {year: %d, off: %04d-01-01}\n' $y $y
	y=$((y + 1))
done >"$T/yearshol.yaml"
hol "9999 years, one entry each" limit "$T/yearshol.yaml"
# ---- controls, tags and long values ----------------------------------
printf 'pairplan: 1\nplan:\n  title: "a\\eb"\n' >"$T/esc.yaml"
check "a quoted escape of ESC" 1 encoding 3:10 "$T/esc.yaml" file
printf 'pairplan: 1\nplan:\n  title: "a\\x01b"\n' >"$T/x01.yaml"
check "a quoted escape of U+0001" 1 encoding 3:10 "$T/x01.yaml" file
printf 'pairplan: 1\nplan:\n  title: "a\\u009bb"\n' >"$T/c1.yaml"
check "a quoted escape of U+009B (C1)" 1 encoding 3:10 "$T/c1.yaml" file
replace '  - {id: p, name: 沙梁幼儿园, classes: 6}' \
    '  - {id: "p\0q", name: 沙梁幼儿园, classes: 6}' nulid.yaml
check "a quoted escape of NUL in an id" 1 encoding 7:10 "$T/nulid.yaml" \
    file
replace '  title: 实验幼儿园结对帮扶工作计划' '  title: "计划\t第一\n第二"' tabnl.yaml
check "quoted tab and newline: text" 0 - - "$T/tabnl.yaml" file
if grep -q "$(printf '\033')" "$T/stderr"; then
	notok "no raw ESC in diagnostics" "ESC on stderr"
else
	ok "no raw ESC in diagnostics"
fi
replace '  - {id: p, name: 沙梁幼儿园, classes: 6}' \
    '  - {id: p, name: 沙梁幼儿园, classes: !!str 6}' strnum.yaml
check "!!str 6 for a number" 1 type 7:35 "$T/strnum.yaml" file
replace '  host: {id: h, name: 实验幼儿园}' \
    '  host: {id: h, name: !!binary 5a6e6aqM}' binary.yaml
check "!!binary text" 1 type 4:23 "$T/binary.yaml" file
replace '  - {id: p, name: 沙梁幼儿园, classes: 6}' \
    '  - {id: p, name: 沙梁幼儿园, classes: !!int six}' badint.yaml
check "!!int six" 1 type 7:35 "$T/badint.yaml" file
{ cat "$T/base.yaml"; printf 'targets: *acts\n'; } |
    sed 's/^    activities:$/    activities: \&acts/' >"$T/actalias.yaml"
check "an alias to a phase's activities" 1 type 21:10 "$T/actalias.yaml" file
if grep -q "not an alias to a phase's activities" "$T/stderr" &&
    ! grep -q "list, not a list" "$T/stderr"; then
	ok "an alias to a phase's activities: named so"
else
	notok "an alias to a phase's activities: named so" "$(first_line)"
fi
awk 'BEGIN { s = "x"; while (length(s) < 1048576) s = s s; print s }' \
    >"$T/long.txt"
replace '        owner: a' "        owner: $(cat "$T/long.txt")" longref.yaml
check "a 1 MiB unknown reference" 1 unknown-ref 20:16 "$T/longref.yaml" file
if [ "$(wc -c <"$T/stderr")" -lt 400 ]; then
	ok "a 1 MiB unknown reference: shortened in the message"
else
	notok "a 1 MiB unknown reference: shortened in the message" \
	    "$(wc -c <"$T/stderr") bytes of diagnostics"
fi
grep -v '^        \(when\|times\):' "$T/base.yaml" |
    sed 's/^        owner: a$/        owner: a\n        days: 366/' \
    >"$T/longdays.yaml"
check "days: 366, no when or times: at the activity" 1 bad-number 16:9 \
    "$T/longdays.yaml" file

# ---- work: inputs that buy more than their size ---------------------------

# work NAME RC RULE POS MAXOUT FILE ARG...: pairplan ARG... FILE, its
# standard output counted, under the memory and time limits: exit status
# RC, a [RULE] diagnostic (at LINE:COL POS, or - for anywhere; RULE - for
# none), every stderr line a diagnostic or a "pairplan:" message, at most
# MAXOUT bytes on standard output (MIN..MAX: at least MIN too).
work() {
	name=$1 want=$2 rule=$3 pos=$4 maxout=${5#*..} minout=0 file=$6
	case $5 in *..*) minout=${5%..*} ;; esac
	shift 6
	t0=$(date +%s%N)
	out=$( ( if [ -n "$VMEM_KB" ]; then ulimit -v "$VMEM_KB"; fi
		timeout 60 "$BIN" "$@" "$file" 2>"$T/stderr"
		echo $? >"$T/rc" ) | wc -c)
	t1=$(date +%s%N)
	ms=$(( (t1 - t0) / 1000000 ))
	rc=$(cat "$T/rc")
	if [ "$rc" -eq 124 ]; then
		notok "$name" "timed out after 60 s"
	elif grep -Eq 'Sanitizer|runtime error: ' "$T/stderr"; then
		notok "$name" "sanitizer report: $(grep -E \
		    'ERROR: |runtime error: ' "$T/stderr" | head -n 1 |
		    cut -c 1-160)"
	elif [ "$rc" -ge 128 ]; then
		notok "$name" "killed by signal $((rc - 128))$(first_line)"
	elif [ "$rc" -ne "$want" ]; then
		notok "$name" "exit $rc, expected $want$(first_line)"
	elif [ "$ms" -ge "$WORK_MS" ]; then
		notok "$name" "took $ms ms (limit $WORK_MS ms)"
	elif [ "$out" -gt "$maxout" ] || [ "$out" -lt "$minout" ]; then
		notok "$name" "wrote $out bytes (expected $minout to $maxout)"
	elif grep -Ev "^$file:[0-9]+:[0-9]+: (error|warning|note): |^pairplan: " \
	    "$T/stderr" | grep -q .; then
		notok "$name" "badly formed stderr line: $(grep -Ev \
		    "^$file:[0-9]+:[0-9]+: (error|warning|note): |^pairplan: " \
		    "$T/stderr" | head -n 1 | cut -c 1-160)"
	elif [ "$rule" != - ] && ! grep -Fq "[$rule]" "$T/stderr"; then
		notok "$name" "no [$rule] diagnostic$(first_line)"
	elif [ "$pos" != - ] && ! grep -F -e "$file:$pos: " "$T/stderr" |
	    grep -Fq "[$rule]"; then
		notok "$name" "[$rule] not at $pos$(first_line)"
	else
		ok "$name ($ms ms, $out bytes)"
	fi
}

# A plan of one partner p and people a0 .. a(N-1) over PERIOD, its phase
# as long; awk prints the activities after it. Written by gen HEADER...
plan_head() {	# PERIOD NPEOPLE [calendar line]
	awk -v per="$1" -v np="$2" -v cal="$3" 'BEGIN {
	print "pairplan: 1"
	print "plan: {title: t, host: {id: h, name: h}, period: " per "}"
	print "partners: [{id: p, name: p}]"
	print "people:"
	for (i = 0; i < np; i++) printf "  - {id: a%d, name: a%d}\n", i, i
	print "leadership: {leader: a0}"
	if (cal != "") print cal
	print "phases:"
	print "  - period: " per
	print "    activities:" }'
}
CENTURY=2000-01..2099-12
NOHOL='calendar: {holidays: none}'

# 1. Quota rows: 200 people in a leadership, 100 years, 500 monthly quotas.
{
	plan_head $CENTURY 200 "$NOHOL" | sed 's/^leadership: .*/leadership: {leader: a0, members: \&m [a1]}/'
	echo '      - {title: x, at: partner, owner: a0, date: 2000-01-03}'
	awk 'BEGIN { printf "quotas:\n"
	for (i = 0; i < 500; i++) printf "  - {people: [%s], visits: 1, per: month}\n", "a0, a1, a2, a3, a4, a5, a6, a7, a8, a9" }'
} >"$T/quotas.yaml"
work "quotas: 500 x 10 people x 1201 months (validate)" 1 limit 222:5 0 \
    "$T/quotas.yaml" validate
work "quotas: 500 x 10 people x 1201 months (schedule json)" 1 limit - 0 \
    "$T/quotas.yaml" schedule --format json

# 2. Conflict claims: 500 fixed activities of 366 days, 20 people each.
{
	plan_head 2024-01..2026-12 20 "$NOHOL"
	awk 'BEGIN { printf "      - {title: x, at: online, date: 2024-01-01, days: 366, people: &t ["
	for (i = 0; i < 20; i++) printf "%sa%d", (i ? ", " : ""), i; print "]}"
	for (i = 1; i < 500; i++) print "      - {title: x, at: online, date: 2024-01-01, days: 366, people: *t}" }'
} >"$T/claims.yaml"
work "conflict: 500 fixed x 366 days x 20 people" 1 limit - 0 \
    "$T/claims.yaml" validate

# 3. Fixed dates x partners: 10000 partners, 2000 fixed `at: partner`.
awk 'BEGIN {
	print "pairplan: 1"
	print "plan: {title: t, host: {id: h, name: h}, period: 2024-01..2024-12}"
	print "partners:"
	for (i = 0; i < 10000; i++) printf "  - {id: p%d, name: p%d}\n", i, i
	print "people: [{id: a, name: a}]"
	print "leadership: {leader: a}"
	print "phases:"
	print "  - period: 2024-01..2024-12"
	print "    activities:"
	for (i = 0; i < 2000; i++)
		printf "      - {title: x, at: partner, date: 2024-%02d-%02d}\n", i % 12 + 1, i % 28 + 1 }' \
    >"$T/fixedpartners.yaml"
work "fixed dates x 10000 partners (validate)" 1 limit - 0 \
    "$T/fixedpartners.yaml" validate
work "fixed dates x 10000 partners (schedule json)" 1 limit - 0 \
    "$T/fixedpartners.yaml" schedule --format json

# 4. Bytes through aliases: a 1 MB goal, 10000 aliases of it.
aliases() {	# TEXTBYTES ALIASES FILLER
	awk -v nb="$1" -v na="$2" -v nf="$3" 'BEGIN {
	print "pairplan: 1"
	printf "plan:\n  title: t\n  host: {id: h, name: h}\n  period: 2024-01..2024-12\n"
	t = "abcdefghij"; while (length(t) < nb) t = t t
	printf "  goals: [&g %s", substr(t, 1, nb)
	for (i = 0; i < na; i++) printf ", *g"
	for (i = 0; i < nf; i++) printf ", x"
	print "]"
	print "partners: [{id: p, name: p}]"
	print "people: [{id: a, name: a}]"
	print "leadership: {leader: a}"
	print "phases:"
	print "  - period: 2024-01..2024-12"
	print "    activities: [{title: x, at: partner}]" }'
}
aliases 1000000 10000 1000 >"$T/aliasbytes.yaml"
work "aliases: 10000 x a 1 MB goal (export json)" 1 limit - 0 \
    "$T/aliasbytes.yaml" export --format json
aliases 100000 100000 10000 >"$T/aliasmany.yaml"
work "aliases: 100000 x a 100 kB goal (validate)" 1 limit - 0 \
    "$T/aliasmany.yaml" validate

# 4b. Short references to a long name, printed where each one is.
awk 'BEGIN {
	t = "abcdefghij"; while (length(t) < 300000) t = t t
	print "pairplan: 1"
	print "plan: {title: t, host: {id: h, name: h}, period: 2024-01..2024-12}"
	print "partners: [{id: p, name: p}]"
	print "people: [{id: a, name: " substr(t, 1, 300000) "}]"
	print "leadership: {leader: a}"
	print "phases:"
	print "  - period: 2024-01..2024-12"
	print "    activities:"
	for (i = 0; i < 300; i++)
		print "      - {title: x, at: partner, partners: [], owner: [a, a, a, a, a]}"
	print "quotas:"
	for (i = 0; i < 300; i++)
		print "  - {people: [a, a, a, a, a, a], visits: 1, per: year}" }' \
    >"$T/longname.yaml"
work "a 300 kB name, 3300 references to it (export md)" 1 limit - 0 \
    "$T/longname.yaml" export --format md
work "a 300 kB name, 3300 references to it (schedule)" 1 limit - 0 \
    "$T/longname.yaml" schedule

# 5. Placement: long occurrences and one-offs over 100 years.
{
	plan_head $CENTURY 1 "$NOHOL"
	awk 'BEGIN { for (i = 0; i < 2000; i++)
		print "      - {title: x, owner: a0, at: online, days: 366}" }'
} >"$T/longdays.yaml"
work "2000 activities of 366 days over 100 years (schedule)" 1 limit - 0 \
    "$T/longdays.yaml" schedule --format json
{
	plan_head $CENTURY 1 "$NOHOL"
	awk 'BEGIN { for (i = 0; i < 100; i++)
		print "      - {title: x, owner: a0, at: online, days: 366}" }'
} >"$T/longdays100.yaml"
work "100 activities of 366 days over 100 years (scheduled)" 1 - - \
    1000..1000000 \
    "$T/longdays100.yaml" schedule --format json
{
	plan_head $CENTURY 1 "$NOHOL"
	awk 'BEGIN { for (i = 0; i < 60000; i++)
		print "      - {title: x, owner: a0, at: online}" }'
} >"$T/oneoffs.yaml"
work "60000 one-off activities of one owner (schedule)" 1 limit - 0 \
    "$T/oneoffs.yaml" schedule --format json
{
	plan_head 2024-01..2024-12 3 "$NOHOL"
	awk 'BEGIN { for (i = 0; i < 6000; i++)
		printf "      - {title: x, owner: a%d, at: online}\n", i % 3 }'
} >"$T/oneoffs1.yaml"
work "6000 one-offs of three owners in a year (scheduled)" 1 - - \
    100000..4000000 "$T/oneoffs1.yaml" schedule --format json

# 6. Diagnostics: 300000 type errors, 200000 duplicate keys.
awk 'BEGIN { printf "pairplan: 1\nplan:\n  goals: ["
	for (i = 0; i < 300000; i++) printf "%s[]", (i ? "," : ""); print "]" }' \
    >"$T/typeerrs.yaml"
work "300000 type errors (validate)" 1 type - 0 "$T/typeerrs.yaml" validate
if [ "$(wc -l <"$T/stderr")" -eq 1001 ] &&
    tail -n 1 "$T/stderr" | grep -q 'note: too many diagnostics: 299006 more'; then
	ok "300000 type errors: 1000 kept, then one note"
else
	notok "300000 type errors: 1000 kept, then one note" \
	    "$(wc -l <"$T/stderr") lines, last: $(tail -n 1 "$T/stderr" | cut -c 1-100)"
fi
work "300000 type errors (validate --format json)" 1 - - 400000 \
    "$T/typeerrs.yaml" validate --format json
( if [ -n "$VMEM_KB" ]; then ulimit -v "$VMEM_KB"; fi
  "$BIN" validate --format json "$T/typeerrs.yaml" 2>/dev/null ) |
    tail -c 200 >"$T/tail.json"
if grep -q '"errors": 300005, "warnings": 1}' "$T/tail.json"; then
	ok "300000 type errors: the JSON counts every one"
else
	notok "300000 type errors: the JSON counts every one" \
	    "$(cat "$T/tail.json")"
fi
awk 'BEGIN { printf "pairplan: 1\nplan: {"
	for (i = 0; i < 200000; i++) printf "%sa: 1", (i ? ", " : ""); print "}" }' \
    >"$T/dupkeys.yaml"
work "200000 duplicate keys (validate)" 1 duplicate-key - 0 \
    "$T/dupkeys.yaml" validate
grep -q 'too many diagnostics' "$T/stderr" &&
    ok "200000 duplicate keys: capped" ||
    notok "200000 duplicate keys: capped" "no 'too many diagnostics' note"

# 7. Occurrences: 273 activities every day for 100 years (12 kB).
{
	plan_head $CENTURY 1 "$NOHOL"
	awk 'BEGIN { for (i = 0; i < 273; i++)
		printf "      - {title: x%d, every: 1 days}\n", i }'
} >"$T/everyday.yaml"
work "273 activities every day for 100 years (validate)" 1 limit - 0 \
    "$T/everyday.yaml" validate
work "273 activities every day for 100 years (schedule)" 1 limit - 0 \
    "$T/everyday.yaml" schedule --format json

# 8. Closures: 50000 closed days, 50000 fixed dates on a Sunday.
awk 'BEGIN {
	print "pairplan: 1"
	print "plan: {title: t, host: {id: h, name: h}, period: 2000-01..2099-12}"
	print "partners: [{id: p, name: p}]"
	print "people: [{id: a, name: a}]"
	print "leadership: {leader: a}"
	print "calendar:"
	print "  holidays: none"
	print "  closed:"
	y = 2000; m = 1; d = 4		# Tuesdays
	for (i = 0; i < 50000; i++) { printf "    - %04d-%02d-%02d\n", y, m, d; step() }
	print "phases:"
	print "  - period: 2000-01..2099-12"
	print "    activities:"
	y = 2000; m = 1; d = 2		# Sundays
	for (i = 0; i < 50000; i++) {
		printf "      - {title: x, at: partner, date: %04d-%02d-%02d}\n", y, m, d
		step(); if (y > 2099) { y = 2000; m = 1; d = 2 } } }
	function step(   dim) { d += 7
		dim = m == 2 ? (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31)
		if (d > dim) { d -= dim; if (++m > 12) { m = 1; y++ } } }' \
    >"$T/closed.yaml"
work "50000 closed days and 50000 fixed Sundays (validate)" 0 \
    non-working-date - 0 "$T/closed.yaml" validate

# 9. Activities streamed in with aliases: built only within the budget.
awk 'BEGIN {
	print "pairplan: 1"
	print "plan: {title: t, host: {id: h, name: h}, period: 2024-01..2024-12}"
	print "partners: [{id: p, name: p}]"
	print "people:"
	for (i = 0; i < 1000; i++) printf "  - {id: a%d, name: a%d}\n", i, i
	printf "leadership: {leader: a0, members: &all ["
	for (i = 0; i < 1000; i++) printf "%sa%d", (i ? ", " : ""), i
	print "]}"
	print "phases:"
	print "  - period: 2024-01..2024-12"
	print "    activities:"
	for (i = 0; i < 9900; i++)
		print "      - {title: x, date: 2024-01-02, people: *all}" }' \
    >"$T/streamalias.yaml"
work "9900 streamed activities, 1000 people each by alias" 1 limit - 0 \
    "$T/streamalias.yaml" validate
work "the same on standard input" 1 limit - 0 - validate <"$T/streamalias.yaml"

# ---- unreadable -------------------------------------------------------
check "nonexistent file" 2 - - "$T/no/such/plan.yaml" file
mkdir "$T/dir.yaml"
check "a directory" 2 - - "$T/dir.yaml" file

lib_finish
