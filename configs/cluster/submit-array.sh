#!/bin/bash
# Submits a sweep as a job array of SHARDS tasks and a merge job that waits for all of them.
#   configs/cluster/submit-array.sh configs/sweeps/service-and-price.yaml 16
set -euo pipefail
here=$(dirname "$0")
sweep=${1:?usage: submit-array.sh SWEEP.yaml SHARDS}
shards=${2:?usage: submit-array.sh SWEEP.yaml SHARDS}
# The shard files are named after the sweep's `name:`, not its file name.
name=$(sed -n 's/^name:[[:space:]]*\([^[:space:]#]*\).*/\1/p' "$sweep" | head -n 1)
[ -n "$name" ] || { echo "$sweep: no name: line" >&2; exit 2; }

array=$(sbatch --parsable --array="1-$shards" "$here/sweep-array.sbatch" "$sweep")
# afterok on an array job waits for every task and runs only when all exited 0.
sbatch --dependency="afterok:${array%%;*}" "$here/merge.sbatch" "$name"
echo "submitted array $array ($shards shards of $name) and its merge"
