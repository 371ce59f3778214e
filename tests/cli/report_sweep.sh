#!/usr/bin/env bash
# report.with_sweep: `entente sweep` into a fresh store, then `entente report --sweep` draws it.
# Usage: report_sweep.sh ENTENTE SCENARIO OUT_DIR
set -euo pipefail
entente="$1" scenario="$2" out="$3"
rm -rf "$out" && mkdir -p "$out"
fail() { echo "report.with_sweep: $*" >&2; exit 1; }

"$entente" sweep "$scenario" --samples 40 --model mean --quiet \
  --threshold 'timing>=50' --store "$out/runs.db" -o "$out/sweep.txt" 2>"$out/sweep.err" ||
  fail "sweep failed: $(cat "$out/sweep.err")"
"$entente" report "$scenario" --sweep 1 --store "$out/runs.db" --no-sensitivity \
  -o "$out/report.html" || fail "report --sweep failed"
for want in 'id="histogram-timing"' 'id="thresholds-timing"' 'timing>=50' "$out/runs.db#1"; do
  grep -qF -- "$want" "$out/report.html" || fail "the page lacks $want"
done
grep -qF 'No Monte Carlo sweep was given' "$out/report.html" && fail "the page says no sweep"

# A different file than the one swept is refused, and nothing is written.
cp "$scenario" "$out/other.yaml" && echo "# edited" >> "$out/other.yaml"
if "$entente" report "$out/other.yaml" --sweep 1 --store "$out/runs.db" --no-sensitivity \
  -o "$out/other.html" 2>"$out/other.err"; then
  fail "a sweep of another file was accepted"
fi
grep -qF 'not this scenario' "$out/other.err" || fail "unexpected message: $(cat "$out/other.err")"
[ ! -e "$out/other.html" ] || fail "a page was written for a refused sweep"
echo "report.with_sweep: ok"
