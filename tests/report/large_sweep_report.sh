#!/bin/sh
# The report of a 10,000-run sweep (100 design points x 100 replications of a tiny 3-month world)
# weighs under 5 MB, since only design-point statistics enter the page, and draws in Chromium; the
# time from navigation start to the last chart drawn is printed, not asserted (timed tests flake).
# usage: large_sweep_report.sh SALESIM SOURCE_DIR OUTPUT_DIR
set -eu
salesim=$1 source=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
sed -E -e 's/horizon_months: 36 /horizon_months: 3 /' -e 's/^name: .*/name: tiny/' \
  -e 's/size: ([0-9]+)00$/size: \1/' -e 's/initial_customers: [0-9]+/initial_customers: 2/' \
  "$source/scenarios/classroom/baseline.yaml" > "$out/tiny.yaml"
cat > "$out/sweep.yaml" <<YAML
name: ten-thousand-runs
scenario: $out/tiny.yaml
replications: 100
seed: 3
design:
  kind: grid
parameters:
  - path: service.level
    range: [0.1, 0.9]
    steps: 10
  - path: pricing.price_index
    range: [0.9, 1.1]
    steps: 10
YAML
"$salesim" sweep "$out/sweep.yaml" -q -o "$out/sweep.h5" >/dev/null
"$salesim" report "$out/sweep.h5" -o "$out/sweep.html" >/dev/null
bytes=$(wc -c < "$out/sweep.html")
echo "report of 10000 runs: $bytes bytes"
[ "$bytes" -lt 5000000 ] || { echo "over 5 MB"; exit 1; }
exec node "$source/tests/report/render_in_chromium.mjs" "$out" "$out/sweep.html"
