#!/bin/sh
# readme.sh - the README's examples run for real: each marked block's commands are run and their output compared, each quoted file compared.
#
#   sh tests/readme.sh PATH/TO/pairplan [README.md]   (from the repository root)
#
# A fenced block is checked when the line just before it is a marker:
#
#   <!-- doctest -->            a transcript: lines "$ COMMAND", each
#                               followed by what it prints (standard output
#                               and standard error together, as on a
#                               terminal). A line "..." stands for any
#                               number of lines, none included.
#   <!-- doctest: file PATH --> the block is the file PATH, byte for byte.
#
# The commands of one block run in one sh, in order (so "echo $?" works),
# in a scratch directory where every top-level entry of the repository
# appears (a symbolic link) and ./pairplan is the binary under test, with
# LC_ALL=C and TZ=UTC; what they write there is thrown away. A block with
# a "$ " line and no marker is an error: every example is checked. The
# commands that make demo suggests at its end (make demo-next) must run too.
#
# GOLDEN_UPDATE=1 rewrites a block that differs from what was printed (or
# from its file) instead of failing, and says so; a transcript with "..."
# cannot be rewritten and still fails. Uses tests/lib.sh; POSIX sh, awk.

. tests/lib.sh
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: sh tests/readme.sh PATH/TO/pairplan [README.md]" >&2
	exit 2
fi
README=${2:-README.md}
lib_start readme "$1"
if [ ! -f "$README" ]; then
	echo "readme: no $README (run from the repository root)" >&2
	exit 2
fi
ROOT=$(pwd)
case $BIN in
/*)	ABSBIN=$BIN ;;
*)	ABSBIN=$ROOT/${BIN#./} ;;
esac

# The blocks: $T/b/N.text (without the fence's indent) and one line of
# $T/b/list per block: N KIND FIRST LAST INDENT ARG, FIRST..LAST being the
# README lines of the text. KIND is doctest, file, unmarked (a "$ " block
# without a marker) or bad (a marker without a block after it).
mkdir "$T/b"
awk -v dir="$T/b" '
function flush_marker() {
	if (marker != "") {
		printf "%d bad %d %d 0 %s\n", ++n, mline, mline, marker >list
		marker = ""
	}
}
BEGIN { list = dir "/list"; n = 0; infence = 0; marker = "" }
infence {
	line = $0
	if (line ~ ("^" ind fence "[ \t]*$")) {
		close(text)
		if (kind != "" || dollar)
			printf "%d %s %d %d %d %s\n", n, (kind != "" ? kind : \
			    "unmarked"), first, NR - 1, length(ind), arg >list
		infence = 0
		next
	}
	if (substr(line, 1, length(ind)) == ind)
		line = substr(line, length(ind) + 1)
	else
		sub(/^[ \t]+/, "", line)
	print line >text
	if (line ~ /^\$ /)
		dollar = 1
	next
}
/^[ \t]*<!-- doctest(: [^>]*)? -->[ \t]*$/ {
	flush_marker()
	marker = $0
	sub(/[ \t]*-->[ \t]*$/, "", marker)
	sub(/^[ \t]*<!-- doctest:? ?/, "", marker)
	if (marker == "")
		marker = "doctest"
	mline = NR
	next
}
/^[ \t]*(```|~~~)/ {
	match($0, /^[ \t]*/)
	ind = substr($0, 1, RLENGTH)
	fence = substr($0, RLENGTH + 1, 3)
	infence = 1
	first = NR + 1
	dollar = 0
	kind = ""
	arg = ""
	if (marker != "" && mline == NR - 1) {
		if (marker == "doctest")
			kind = "doctest"
		else if (marker ~ /^file [^ ]+$/) {
			kind = "file"
			arg = substr(marker, 6)
		} else {
			kind = "bad"
			arg = marker
		}
		marker = ""
	} else
		flush_marker()
	text = dir "/" ++n ".text"
	printf "" >text
	next
}
{ if (marker != "" && NR > mline) flush_marker() }
END { flush_marker(); if (infence) printf "%d bad %d %d 0 unclosed fence\n", \
    ++n, first, first >list }
' "$README"
[ -f "$T/b/list" ] || : >"$T/b/list"

# The scratch directory the commands run in.
S=$T/scratch
mkdir "$S"
for f in "$ROOT"/* "$ROOT"/.[!.]*; do
	[ -e "$f" ] || continue
	[ "$(basename "$f")" = pairplan ] && continue
	ln -s "$f" "$S/$(basename "$f")"
done
ln -s "$ABSBIN" "$S/pairplan"

# transcript BLOCK: runs the commands of $T/b/BLOCK.text in the scratch
# directory and writes the transcript, prompt lines included, to
# $T/b/BLOCK.got.
transcript() {
	awk '
	/^\$ / {
		cmd = substr($0, 3)
		q = $0
		gsub(/\047/, "\047\\\047\047", q)
		# The prompt line, keeping $? for a command like "echo $?".
		print "rc_=$?; printf \047%s\\n\047 \047" q "\047; (exit $rc_)"
		print cmd
	}' "$T/b/$1.text" >"$T/b/$1.sh"
	# shellcheck disable=SC2016 # $1 is the inner sh's
	(cd "$S" && LC_ALL=C TZ=UTC timeout 60 sh -c 'exec 2>&1; . "$1"' \
	    sh "$T/b/$1.sh" >"$T/b/$1.got" 2>&1 </dev/null)
}

# matches WANT GOT: GOT's lines are WANT's, where a line "..." in WANT
# stands for any number of lines.
matches() {
	awk '
	NR == FNR { w[++n] = $0; next }
	{ g[++m] = $0 }
	END {
		# ok[i, j]: w[i..n] matches g[j..m].
		for (j = m + 1; j >= 1; j--)
			ok[n + 1, j] = (j == m + 1)
		for (i = n; i >= 1; i--)
			for (j = m + 1; j >= 1; j--)
				if (w[i] == "...")
					ok[i, j] = ok[i + 1, j] || \
					    (j <= m && ok[i, j + 1])
				else
					ok[i, j] = j <= m && w[i] == g[j] && \
					    ok[i + 1, j + 1]
		exit !ok[1, 1]
	}' "$1" "$2"
}

UPDATES=
# replace BLOCK FIRST LAST INDENT NEW: notes that README lines
# FIRST..LAST become the file NEW, indented by INDENT spaces.
replace() {
	awk -v ind="$4" '{ printf "%*s%s\n", ($0 == "" ? 0 : ind), "", $0 }' \
	    "$5" >"$T/b/$1.new"
	UPDATES="$UPDATES $1:$2:$3"
}

# Each block is a case, named by its line and first command or its file.
while read -r n kind first last ind arg; do
	case $kind in
	doctest)
		name="$README:$first: $(sed -n 's/^\$ //p' "$T/b/$n.text" |
		    head -n 1)"
		if ! sed -n 1p "$T/b/$n.text" | grep -q '^\$ '; then
			why "the block does not start with a \"\$ \" line"
			result "$name"
			continue
		fi
		transcript "$n"
		if ! matches "$T/b/$n.text" "$T/b/$n.got"; then
			if [ "${GOLDEN_UPDATE:-}" = 1 ] &&
			    ! grep -qx '\.\.\.' "$T/b/$n.text"; then
				replace "$n" "$first" "$last" "$ind" \
				    "$T/b/$n.got"
			else
				diff -u "$T/b/$n.text" "$T/b/$n.got" |
				    tail -n +3 | head -n 40 >"$T/diff"
				if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
					why "differs, and has \"...\": edit it by hand"
				else
					why "the output differs from the README"
				fi
			fi
		fi
		result "$name"
		;;
	file)
		name="$README:$first: the file $arg"
		if [ ! -f "$arg" ]; then
			why "no file $arg"
		elif ! cmp -s "$arg" "$T/b/$n.text"; then
			if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
				replace "$n" "$first" "$last" "$ind" "$arg"
			else
				diff -u "$arg" "$T/b/$n.text" | tail -n +3 |
				    head -n 40 >"$T/diff"
				why "the block differs from $arg"
			fi
		fi
		result "$name"
		;;
	unmarked)
		why "a block of commands without <!-- doctest --> before it"
		result "$README:$first: $(sed -n 's/^\$ //p' "$T/b/$n.text" |
		    head -n 1)"
		;;
	*)
		why "a doctest marker not just before a fenced block: $arg"
		result "$README:$first"
		;;
	esac
done <"$T/b/list"

# The commands make demo suggests at its end run, exiting 0 or 1 (a plan
# with mistakes); their output is not compared.
MAKEFLAGS= MFLAGS= make -s --no-print-directory demo-next >"$T/next" 2>&1 ||
    why "make demo-next fails"
sed -n 's/^  \(\.\/pairplan .*\)$/\1/p' "$T/next" >"$T/next.cmds"
[ -s "$T/next.cmds" ] || why "make demo-next suggests no ./pairplan command"
while IFS= read -r cmd; do
	(cd "$S" && LC_ALL=C TZ=UTC timeout 60 sh -c "$cmd" >"$T/out" 2>"$T/err" \
	    </dev/null)
	rc=$?
	[ "$rc" -le 1 ] || why "exit status $rc: $cmd"
done <"$T/next.cmds"
result "make demo: the $(wc -l <"$T/next.cmds") commands of \"next, try\" run"

# The updates, from the last block up, so line numbers stay right.
if [ -n "$UPDATES" ]; then
	cp "$README" "$T/readme"
	# shellcheck disable=SC2086 # one word per block
	for u in $(printf '%s\n' $UPDATES | sort -t: -k2,2nr); do
		IFS=: read -r n first last <<EOF
$u
EOF
		awk -v a="$first" -v b="$last" -v f="$T/b/$n.new" '
		FNR == a { while ((getline l < f) > 0) print l }
		FNR >= a && FNR <= b { next }
		{ print }' "$T/readme" >"$T/readme.new"
		mv "$T/readme.new" "$T/readme"
	done
	golden_write "$T/readme" "$README"
fi

lib_finish
