#!/bin/sh
# Runs the libFuzzer target for N seconds on a seed corpus of plans/ and tests/.
set -e
bin=$1
secs=${2:-60}
corpus=build/fuzz-corpus
mkdir -p "$corpus"
for f in plans/*.yaml tests/diag/*.yaml tests/golden/*.yaml; do
	[ -f "$f" ] && cp "$f" "$corpus/"
done
"$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 "$corpus" 2>build/fuzz.log ||
    { tail -n 40 build/fuzz.log; exit 1; }
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' build/fuzz.log
echo "fuzz: ran $secs s without a crash"
