#!/bin/bash
# The 1M full build side by side: BEFORE and AFTER `kg` commands build the same data at the same
# time (`/usr/bin/time -v`: wall, user, system, peak RSS), then bench/build_compare.py checks that
# graph.trig, the report and the on-disk store's content are the same.
# Usage: bash bench/build_sbs.sh WORK_DIR [BEFORE_KG] [AFTER_KG] [DATA]
set -eu
work=$1; before=${2:-/work/venvs/final/bin/kg}; after=${3:-kg}; data=${4:-/work/bench/synth1m}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
uptime > "$work/load"
/usr/bin/time -v "$before" build --data "$data" --out "$work/before" --engine oxigraph --full -q 2> "$work/before.time" &
/usr/bin/time -v "$after" build --data "$data" --out "$work/after" --engine oxigraph --full -q 2> "$work/after.time" &
wait
uptime >> "$work/load"
for x in before after; do
  t=$work/$x.time
  echo "$x: wall $(grep Elapsed "$t" | awk '{print $NF}'), user $(grep 'User time' "$t" | awk '{print $NF}') s," \
       "system $(grep 'System time' "$t" | awk '{print $NF}') s, peak $(grep 'Maximum resident' "$t" | awk '{print int($NF/1024)}') MB"
done
echo "load average, start and end:"; cat "$work/load"
python "$here/build_compare.py" "$work/before" "$work/after"
