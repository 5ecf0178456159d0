#!/bin/sh
# Writes a run, a comparison with a timeline and a 2-parameter sweep report of small inputs, and
# renders them in headless Chromium (render_in_chromium.mjs); screenshots land in OUTPUT_DIR.
# usage: render_reports.sh SALESIM SOURCE_DIR OUTPUT_DIR
set -eu
salesim=$1 source=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
sed -e 's/horizon_months: 36 /horizon_months: 12 /' -e 's/^name: .*/name: baseline-short/' \
  "$source/scenarios/classroom/baseline.yaml" > "$out/short.yaml"
cat > "$out/sweep.yaml" <<YAML
name: service-and-price-small
scenario: $out/short.yaml
replications: 4
seed: 11
design:
  kind: grid
parameters:
  - path: service.level
    values: [0.3, 0.6, 0.9]
  - path: pricing.price_index
    values: [0.9, 1.1]
keep:
  summaries: [revenue, profit, customer_equity, churn_rate, true_nps]
  timeseries: [active_customers]
YAML
"$salesim" run "$source/scenarios/classroom/pay-annual-quota-bonus.yaml" --reps 4 -q -o "$out/run.h5" >/dev/null
"$salesim" compare "$source/scenarios/classroom/pay-annual-quota-bonus.yaml" \
  "$source/scenarios/classroom/timeline-bonus-to-commission.yaml" --reps 4 -q -o "$out/compare.h5" >/dev/null
"$salesim" sweep "$out/sweep.yaml" -q -o "$out/sweep.h5" >/dev/null
for kind in run compare sweep; do "$salesim" report "$out/$kind.h5" -o "$out/$kind.html" >/dev/null; done
exec node "$source/tests/report/render_in_chromium.mjs" "$out" "$out/run.html" "$out/compare.html" "$out/sweep.html"
