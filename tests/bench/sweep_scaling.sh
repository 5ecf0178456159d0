#!/usr/bin/env bash
# Benchmark of sweeps of the classroom baseline: runs per second on 1 and 2 threads (and the
# speedup), and peak RSS for 1,000 vs 10,000 runs (memory must stay flat as runs stream to disk).
# Usage: tests/bench/sweep_scaling.sh [path/to/salesim]   (needs GNU time, /usr/bin/time)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
salesim="${1:-$root/build/release/sim/cli/salesim}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sweep_file() {  # $1 replications per point; 10 design points
  cat > "$work/sweep-$1.yaml" <<YAML
name: bench-$1
scenario: $root/scenarios/classroom/baseline.yaml
replications: $1
seed: 3
design: {kind: latin_hypercube, points: 10}
parameters:
  - {path: service.level, range: [0.3, 0.9]}
  - {path: pricing.price_index, range: [0.9, 1.1]}
keep: {timeseries: [active_customers, profit]}
YAML
  echo "$work/sweep-$1.yaml"
}

measure() {  # $1 sweep file, $2 threads -> "seconds peak_kib"
  /usr/bin/time -f "%e %M" -o "$work/time" "$salesim" sweep "$1" -q --threads "$2" -o "$work/out.h5" >/dev/null
  cat "$work/time"
}

small=$(sweep_file 100)
large=$(sweep_file 1000)
read -r t1 rss1 < <(measure "$small" 1)
read -r t2 rss2 < <(measure "$small" 2)
read -r t10k rss10k < <(measure "$large" 2)
awk -v t1="$t1" -v t2="$t2" -v t10k="$t10k" -v rss1="$rss1" -v rss10k="$rss10k" 'BEGIN {
  printf "1,000 runs, 1 thread     %7.1f runs/s (%.2f s)\n", 1000 / t1, t1
  printf "1,000 runs, 2 threads    %7.1f runs/s (%.2f s)\n", 1000 / t2, t2
  printf "speedup 2 vs 1 thread    %7.2f\n", t1 / t2
  printf "peak RSS, 1,000 runs     %7.1f MiB\n", rss1 / 1024
  printf "peak RSS, 10,000 runs    %7.1f MiB (%.1f s)\n", rss10k / 1024, t10k
  printf "RSS ratio 10k / 1k       %7.2f\n", rss10k / rss1
}'
