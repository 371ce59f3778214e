#!/usr/bin/env bash
# Sweep throughput, process to process (BENCHMARKS.md, "Monte Carlo sweeps"): the flagship
# scenario, all issues, eum with its default preset, on 1 and 2 threads and (when mpiexec is
# present) on 2 MPI ranks of one thread each. Prints wall time, replications per second and the
# machine's load average before each case (the figures are only comparable on a quiet machine).
# Usage: bench/sweep_bench.sh [path/to/entente] [samples]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/entente}
samples=${2:-10000}
scenario=scenarios/nato-vilnius-2023/scenario.yaml
[ -x "$bin" ] || { echo "no entente binary at $bin: build the release preset first" >&2; exit 2; }

run() {  # run LABEL CMD...
  local label=$1; shift
  local load start end
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$samples" -v load="$load" \
    'BEGIN { t = e - s; printf "%-34s %8.2f s %9.1f rep/s %8.3f ms/rep  (load %s)\n", l, t, n / t, 1000 * t / n, load }'
}

common=(sweep "$scenario" --model eum --samples "$samples" --no-store --quiet)
run "1 thread" "$bin" "${common[@]}" --threads 1
run "2 threads" "$bin" "${common[@]}" --threads 2
if command -v mpiexec > /dev/null; then
  run "2 MPI ranks x 1 thread" mpiexec -np 2 --oversubscribe --allow-run-as-root \
    "$bin" "${common[@]}" --threads 1
fi
