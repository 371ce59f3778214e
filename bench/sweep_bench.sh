#!/usr/bin/env bash
# Sweep throughput, process to process (BENCHMARKS.md, "Monte Carlo sweeps"): the flagship
# scenario, all issues, eum with its default preset, on 1 and 2 threads and (when mpiexec is
# present) on 2 MPI ranks of one thread each. Prints wall time, replications per second and the
# machine's load average before each case. Wall-time speed-ups are only meaningful on a quiet
# machine; the CPU time per replication (user + sys, children included) is what a loaded machine
# can still measure: equal CPU per replication on 1 and 2 threads means no parallel overhead.
# On shared or virtual cores one run's CPU time per replication can vary by a third, so a single
# speed-up is unreliable: REPEAT=K runs the cases K times, alternating, and then prints each
# case's median wall time and the median of the K speed-ups over 1 thread.
# SWEEP_ARGS adds options to every case, e.g. SWEEP_ARGS='--param tolerance=1e-4'.
# Usage: [REPEAT=K] [SWEEP_ARGS=...] bench/sweep_bench.sh [path/to/entente] [samples]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/entente}
samples=${2:-10000}
repeat=${REPEAT:-1}
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "REPEAT must be a positive integer" >&2; exit 2; }
walls=$(mktemp)  # one line per run: LABEL<TAB>wall seconds
trap 'rm -f "$walls"' EXIT
scenario=scenarios/nato-vilnius-2023/scenario.yaml
[ -x "$bin" ] || { echo "no entente binary at $bin: build the release preset first" >&2; exit 2; }

# Seconds in bash's `times` format ("1m2.345s").
seconds() { awk -v t="$1" 'BEGIN { split(t, a, "m"); sub("s", "", a[2]); print a[1] * 60 + a[2] }'; }

run() {  # run LABEL CMD...: wall time, CPU time (user + sys of the process and its children)
  local label=$1; shift
  local load start end cpu
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s.%N)
  cpu=$( ("$@" > /dev/null; times) | tail -n 1)
  end=$(date +%s.%N)
  local user sys
  user=$(seconds "$(echo "$cpu" | cut -d' ' -f1)")
  sys=$(seconds "$(echo "$cpu" | cut -d' ' -f2)")
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$samples" -v load="$load" -v u="$user" \
      -v y="$sys" 'BEGIN {
    t = e - s; c = u + y
    printf "%-26s wall %8.2f s %8.1f rep/s | CPU %8.2f s %7.2f ms/rep | load %s\n",
           l, t, n / t, c, 1000 * c / n, load }'
  awk -v l="$label" -v s="$start" -v e="$end" 'BEGIN { printf "%s\t%.6f\n", l, e - s }' >> "$walls"
}

read -r -a extra <<< "${SWEEP_ARGS:-}"
common=(sweep "$scenario" --model eum --samples "$samples" --no-store --quiet "${extra[@]}")
for ((k = 1; k <= repeat; ++k)); do
  [ "$repeat" -gt 1 ] && echo "run $k of $repeat"
  run "1 thread" "$bin" "${common[@]}" --threads 1
  run "2 threads" "$bin" "${common[@]}" --threads 2
  if command -v mpiexec > /dev/null; then
    run "2 MPI ranks x 1 thread" mpiexec -np 2 --oversubscribe --allow-run-as-root \
      "$bin" "${common[@]}" --threads 1
  fi
done

# Medians over the runs: wall time per case, and the speed-up of run k over run k's 1 thread.
if [ "$repeat" -gt 1 ]; then
  echo "medians of $repeat runs"
  awk -F '\t' '
    function median(a, n,    i, j, t) {
      for (i = 2; i <= n; ++i) for (j = i; j > 1 && a[j - 1] > a[j]; --j) {
        t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
      }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    {
      if (!($1 in count)) order[++cases] = $1
      wall[$1, ++count[$1]] = $2
    }
    END {
      for (c = 1; c <= cases; ++c) {
        label = order[c]; n = count[label]
        for (k = 1; k <= n; ++k) { w[k] = wall[label, k]; up[k] = wall[order[1], k] / w[k] }
        mw = median(w, n); mu = median(up, n)
        printf "%-26s wall %8.2f s | speed-up over 1 thread %.2fx\n", label, mw, mu
      }
    }' "$walls"
fi
