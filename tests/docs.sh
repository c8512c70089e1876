#!/bin/sh
# docs.sh - the lists in README.md and the man pages against the binary's own
# tables: every command of `pairplan --help`, every rule of `pairplan rules`,
# every kind of `pairplan kinds`, and the formats that the usage texts name
# against the formats the commands accept. A list that drifts fails here.
#
#   sh tests/docs.sh ./pairplan        (from the repository root)
. tests/lib.sh
lib_start docs "$@"
P=$BIN
MAN1=docs/pairplan.1
MAN5=docs/pairplan-plan.5
FMT=docs/plan-format.md

commands=$("$P" --help | awk '/^commands:/ { on = 1; next } on && NF { print $1 } on && !NF { exit }')
rules=$("$P" rules | awk '{ print $1 }')
kinds=$("$P" kinds | awk '{ print $1 }')

# Each command: a section of the README and an item of pairplan(1).
for c in $commands; do
	grep -q "^### $c\$" README.md || why "README.md has no section '### $c'"
	grep -q "^\.It Cm $c\( \|\$\)" "$MAN1" || why "$MAN1 has no item for '$c'"
	result "docs: command $c"
done
for c in $(sed -n 's/^### \([a-z]*\)$/\1/p' README.md); do
	echo "$commands" | grep -qx "$c" || why "README.md has '### $c', not a command"
	result "docs: README section $c is a command"
done

# Each rule: a row of the table in plan-format.md and in pairplan-plan.5,
# and no row for a rule that is not one.
for r in $rules; do
	grep -q "^| \`$r\` |" "$FMT" || why "$FMT has no row for rule '$r'"
	grep -q "^\.It Cm $r Ta" "$MAN5" || why "$MAN5 has no row for rule '$r'"
	result "docs: rule $r"
done
for r in $(sed -n 's/^| `\([a-z-]*\)` | \(error\|warning\) |.*/\1/p' "$FMT") \
    $(sed -n 's/^\.It Cm \([a-z-]*\) Ta \(error\|warning\) Ta.*/\1/p' "$MAN5"); do
	echo "$rules" | grep -qx -- "$r" || why "the docs list '$r', which is not a rule"
	result "docs: listed rule $r exists"
done
# Each rule's severity as the man page gives it.
"$P" rules | while read -r id sev doc; do
	grep -q "^\.It Cm $id Ta $sev Ta" "$MAN5" || echo "$id $sev"
done >"$T/sev"
[ -s "$T/sev" ] && why "severities differ in $MAN5: $(tr '\n' ' ' <"$T/sev")"
result "docs: rule severities"

# Each kind: in plan-format.md and in pairplan-plan.5.
for k in $kinds; do
	grep -q "\`$k\`" "$FMT" || why "$FMT does not name kind '$k'"
	grep -q "^\.Cm $k\( \|\$\|,\)" "$MAN5" || grep -q "Cm $k\b" "$MAN5" ||
	    why "$MAN5 does not name kind '$k'"
	result "docs: kind $k"
done

# The formats a usage text names are the formats the command takes.
formats_of() {	# command: the list its error message gives
	"$P" "$1" --format nosuchformat - </dev/null 2>&1 |
	    sed -n 's/.*(one of: \(.*\)).*/\1/p' | head -n 1 | tr -d ' ' |
	    tr ',' '\n' | sort | tr '\n' ' '
}
usage_formats() {	# command: the list its usage gives
	"$P" "$1" --help | grep -oE -- '--format [a-z]+(\|[a-z]+)+' |
	    head -n 1 | sed 's/^--format //' | tr '|' '\n' | sort | tr '\n' ' '
}
for c in $commands; do
	u=$(usage_formats "$c")
	[ -n "$u" ] || continue
	t=$(formats_of "$c")
	[ -n "$t" ] || why "'$c --format nosuchformat' names no formats"
	[ "$u" = "$t" ] || why "$c: usage says '$u', the command takes '$t'"
	grep -q "$c.*--format" README.md || true
	result "docs: formats of $c"
done

lib_finish
