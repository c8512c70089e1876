#!/bin/bash
# completion.sh - completion/pairplan.bash sourced into bash and asked as bash asks it: commands, options, formats, languages, files.
#
#   bash tests/completion.sh        (run from the repository root)
#
# Prints "ok - NAME" or "not ok - NAME" per case, then a count; exits 1
# when a case failed.

if [ ! -f completion/pairplan.bash ]; then
	echo "completion: run from the repository root" >&2
	exit 2
fi
bin=${1:-./pairplan}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
[ -x "$bin" ] || { echo "completion: no binary '$bin'" >&2; exit 2; }
. completion/pairplan.bash || exit 2
complete -p pairplan >/dev/null || { echo "not ok - complete -F"; exit 1; }

T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2
B=$(mktemp -d) || exit 2
trap 'rm -rf "$T" "$B"' EXIT
ln -s "$bin" "$B/pairplan" && PATH=$B:$PATH
mkdir plans
touch a.yaml b.yml notes.txt plans/x.yaml

PASSED=0
FAILED=0

# expect "WANT" WORD...: completing the last WORD (the command line up to
# the cursor) offers exactly WANT, sorted, space-separated.
expect() {
	local want=$1 got
	shift
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_pairplan pairplan "${COMP_WORDS[COMP_CWORD]}" \
	    "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort |
	    tr '\n' ' ' | sed 's/ $//')
	if [ "$got" = "$want" ]; then
		PASSED=$((PASSED + 1))
		echo "ok - completion: $*|"
	else
		FAILED=$((FAILED + 1))
		echo "not ok - completion: $*|"
		echo "#   got:  $got"
		echo "#   want: $want"
	fi
}

expect "calendar export help init kinds record report rules schedule status summary validate" pairplan ""
expect "schedule" pairplan sch
expect "--help --version" pairplan --
expect "calendar export init kinds record report rules schedule status summary validate" pairplan help ""
expect "--format --help --jobs --max-size --records --strict" pairplan validate --
expect "json sarif text" pairplan validate --format ""
expect "json" pairplan validate --format j
expect "--format --help --max-size --output --plan" pairplan calendar --
expect "ics json table" pairplan calendar --format ""
expect "csv ics json table" pairplan schedule --format ""
expect "csv html ics json md svg" pairplan export --format ""
expect "csv html ics json md svg" pairplan export --format = ""
expect "md" pairplan export --format = m
expect "--format=md" pairplan export --format=m
expect "en zh" pairplan export --lang ""
expect "en zh" pairplan init --lang ""
expect "--help --kind --lang --records" pairplan init -
expect "aid mentorship pairing programme responsibility" pairplan init --kind ""
expect "--help" pairplan rules --
expect "csv html json table" pairplan status --format ""
expect "html json md" pairplan summary --format ""
expect "cancelled held moved" pairplan record --status ""
expect "--format --from --help --jobs --max-size --output --partner --person --phase --records --to -j -o" \
    pairplan schedule -
expect "--format --help --lang --max-size --output -o" pairplan export -
expect "a.yaml b.yml plans" pairplan validate ""
expect "a.yaml b.yml plans" pairplan schedule --format csv ""
expect "plans/x.yaml" pairplan export --format md plans/
expect "a.yaml" pairplan validate --strict a
expect "a.yaml b.yml notes.txt plans" pairplan export -o ""
expect "" pairplan schedule --person ""
expect "" pairplan init ""
expect "" pairplan rules ""
expect "--help" pairplan kinds -
expect "csv html json md" pairplan report --format ""
expect "en zh" pairplan report --lang ""
expect "" pairplan kinds ""
expect "a.yaml b.yml plans" pairplan validate -- ""

echo "completion: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
