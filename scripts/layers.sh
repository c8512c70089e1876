#!/bin/sh
# layers.sh - the pipeline runs one way: every object file of src/ calls
# only objects of its own stage or a stage below it, and objects never
# call each other in a cycle. Reads the symbols with nm; prints each call
# that goes up, or each cycle, and exits 1 when there is one.
#
#   sh scripts/layers.sh [BUILD_DIR]
#
# The stages, lowest first. A new file must be named here, in its stage.
set -eu
dir=${1:-build}
stages='
0 base     pool arena cores budget strmap suggest date sbuf esc jw jbuf output recstore
1 catalog  catalog
2 diag     diag
3 load     yevq yload placeholder
4 calendar cn_holidays lunar cal holfile
5 model    plan
6 build    build_engine build_plan
7 records  records
8 rules    rules_util rules_ref rules_time rules_conflict rules_content rules_order rules_aid rules
9 pipeline plandoc
10 schedule sched sched_filter sched_groups
11 tracking rectrack status report report_records
12 formats l10n render_util ics json_sched json_plan render_doc render_svg render_table render_csv render_json render_ics render_md render_html init render_status render_summary report_text report_md report_html report_json report_csv
13 table   formats
14 cli     cli cli_records cli_opts
15 commands cmd_validate cmd_schedule cmd_export cmd_calendar cmd_report cmd_rules cmd_init cmd_kinds cmd_record cmd_status cmd_summary main
'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' "$stages" | awk 'NF { for (i = 3; i <= NF; i++) print $i, $1, $2 }' \
    >"$tmp/rank"
status=0
for o in "$dir"/*.o; do
	b=$(basename "$o" .o)
	if ! grep -q "^$b " "$tmp/rank"; then
		echo "layers: $b.o is in no stage: name it in scripts/layers.sh"
		status=1
	fi
	nm "$o" | awk -v o="$b" '$1 ~ /^[0-9a-f]+$/ && $2 ~ /^[TDRBC]$/ { print $3, o }' \
	    >>"$tmp/defs"
	nm -u "$o" | awk -v o="$b" '{ print $NF, o }' >>"$tmp/uses"
done
sort -u "$tmp/defs" >"$tmp/defs.s"
sort -u "$tmp/uses" >"$tmp/uses.s"
# user object, defining object, symbol
join "$tmp/uses.s" "$tmp/defs.s" | awk '$2 != $3 { print $2, $3, $1 }' \
    >"$tmp/edges"
awk 'NR == FNR { rank[$1] = $2; stage[$1] = $3; next }
    ($1 in rank) && ($2 in rank) && rank[$1] < rank[$2] {
	printf "layers: %s.o (%s) calls %s of %s.o (%s), a stage above it\n",
	    $1, stage[$1], $3, $2, stage[$2]; bad = 1 }
    END { exit bad }' "$tmp/rank" "$tmp/edges" || status=1
# A cycle among objects, even within a stage, is a call back up.
awk '{ print $1, $2 }' "$tmp/edges" | sort -u >"$tmp/pairs"
if ! tsort "$tmp/pairs" >/dev/null 2>"$tmp/tsort"; then
	echo "layers: objects call each other in a cycle:"
	sed 's/^tsort: /  /' "$tmp/tsort"
	status=1
fi
[ "$status" -eq 0 ] && echo "layers: $(wc -l <"$tmp/rank") objects in $(printf '%s\n' "$stages" | grep -c .) stages, every call goes down"
exit "$status"
