#!/usr/bin/env bash
# Benchmark of a sweep across MPI ranks: runs per second in one process (1 and 2 threads) and under
# mpirun with 1 and 2 ranks of 1 thread each, and whether every file holds the same datasets.
# Usage: tests/bench/sweep_mpi.sh [path/to/salesim built with SALESIM_MPI=ON]   (needs h5diff)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
salesim="${1:-$root/build/ci/sim/cli/salesim}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs=400
cat > "$work/sweep.yaml" <<YAML
name: bench-mpi
scenario: $root/scenarios/classroom/baseline.yaml
replications: 40
seed: 3
design: {kind: latin_hypercube, points: 10}
parameters:
  - {path: service.level, range: [0.3, 0.9]}
  - {path: pricing.price_index, range: [0.9, 1.1]}
keep: {timeseries: [active_customers, profit]}
YAML

seconds() {  # command... -> wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

mpirun=(mpirun --oversubscribe --allow-run-as-root)
t_one1=$(seconds "$salesim" sweep "$work/sweep.yaml" -q --threads 1 -o "$work/one1.h5")
t_one2=$(seconds "$salesim" sweep "$work/sweep.yaml" -q --threads 2 -o "$work/one2.h5")
t_np1=$(seconds "${mpirun[@]}" -np 1 "$salesim" sweep "$work/sweep.yaml" -q --threads 1 -o "$work/np1.h5")
t_np2=$(seconds "${mpirun[@]}" -np 2 "$salesim" sweep "$work/sweep.yaml" -q --threads 1 -o "$work/np2.h5")
for file in one2 np1 np2; do
  # The results only: /mpi says how the ranks shared the work, the root attributes when and how.
  for group in summary timeseries design stats sensitivity; do
    h5diff "$work/one1.h5" "$work/$file.h5" "/$group" "/$group" || { echo "$file differs in /$group" >&2; exit 1; }
  done
done
awk -v n="$runs" -v a="$t_one1" -v b="$t_one2" -v c="$t_np1" -v d="$t_np2" 'BEGIN {
  printf "%d runs, 1 process, 1 thread      %7.1f runs/s (%.2f s)\n", n, n / a, a
  printf "%d runs, 1 process, 2 threads     %7.1f runs/s (%.2f s)\n", n, n / b, b
  printf "%d runs, mpirun -np 1, 1 thread   %7.1f runs/s (%.2f s)\n", n, n / c, c
  printf "%d runs, mpirun -np 2, 1 thread   %7.1f runs/s (%.2f s)\n", n, n / d, d
  printf "speedup 2 vs 1 rank               %7.2f\n", c / d
  print "datasets identical in all four files"
}'
