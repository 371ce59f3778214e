#!/usr/bin/env bash
# End-to-end timings, process to process: the real `entente` binary on real and synthetic inputs,
# start-up and file reading included. Usage: bench/end_to_end.sh [path/to/entente] [repetitions]
# Prints one line per case: the median wall time over the repetitions.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/entente}
reps=${2:-5}
[ -x "$bin" ] || { echo "no entente binary at $bin: build the release preset first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Synthetic one-issue actor tables (actor,capability,position,salience) from a fixed-seed LCG,
# so every machine times the same input.
synth() {  # synth N FILE
  awk -v n="$1" 'BEGIN {
    s = 20260101; print "actor,capability,position,salience"
    for (i = 1; i <= n; i++) {
      s = (s * 1103515245 + 12345) % 2147483648; c = 1 + int(s / 2147483648 * 100)
      s = (s * 1103515245 + 12345) % 2147483648; p = int(s / 2147483648 * 101)
      s = (s * 1103515245 + 12345) % 2147483648; w = 0.1 + 0.9 * s / 2147483648
      printf "a%d,%d,%d,%.3f\n", i, c, p, w
    }
  }' > "$2"
}
synth 31 "$work/n31.csv"
synth 100 "$work/n100.csv"
synth 1000 "$work/n1000.csv"

median_time() {  # median_time LABEL CMD...: wall time of the whole process, median of $reps
  local label=$1; shift
  python3 - "$label" "$reps" "$@" <<'PY'
import statistics, subprocess, sys, time
label, reps, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
times = []
for _ in range(reps):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - start)
print(f"{label:<52} {statistics.median(times) * 1000:10.1f} ms")
PY
}

echo "entente end-to-end, median of $reps runs, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
median_time "start-up only: entente --version" "$bin" --version
median_time "flagship: run nato-vilnius-2023 (eum + baselines)" \
  "$bin" run scenarios/nato-vilnius-2023/scenario.yaml
median_time "eum masad, 31 actors x 10 rounds" "$bin" run "$work/n31.csv" --model eum --preset masad --rounds 10
median_time "eum masad, 100 actors x 10 rounds" "$bin" run "$work/n100.csv" --model eum --preset masad --rounds 10
median_time "eum scholz-code, 31 actors x 10 rounds" "$bin" run "$work/n31.csv" --model eum --preset scholz-code --rounds 10
median_time "eum bdm, 1000 actors, up to 10 rounds" "$bin" run "$work/n1000.csv" --model eum --rounds 10
median_time "smp ktab, syn31d3 (31 actors x 3 dims)" "$bin" run ../shared/vectors/ktab/syn31d3/input.csv --model smp
