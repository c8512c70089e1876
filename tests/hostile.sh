#!/bin/sh
# hostile.sh - feeds pairplan every hostile input of spec §8 and checks for a quick, clean diagnostic.
#
#   sh tests/hostile.sh PATH/TO/pairplan
#
# POSIX sh and coreutils only (plus grep); the harness is tests/lib.sh.
# For each case: the exit status, the rule id in brackets (and where given
# its line:col), the form of every stderr line, no signal, no timeout, and
# the time taken: under 2 s, or 5 s for a sanitizer build (HOSTILE_MAX_MS
# overrides).

. tests/lib.sh
lib_start hostile "$@"
if [ -n "${HOSTILE_MAX_MS:-}" ]; then
	MAX_MS=$HOSTILE_MAX_MS
elif grep -q AddressSanitizer "$BIN" 2>/dev/null; then
	MAX_MS=5000
else
	MAX_MS=2000
fi

# A second file whose diagnostics may appear (a plan's holiday file).
ALSO=
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
hol "/dev/zero" limit /dev/zero
hol "/dev/null" required /dev/null
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

# ---- unreadable -------------------------------------------------------
check "nonexistent file" 2 - - "$T/no/such/plan.yaml" file
mkdir "$T/dir.yaml"
check "a directory" 2 - - "$T/dir.yaml" file

lib_finish
