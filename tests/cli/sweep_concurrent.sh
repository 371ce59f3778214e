#!/usr/bin/env bash
# Two processes sweeping into one run store at once (docs/reliability.md): both must succeed with
# distinct runs (SQLite serialises their batch transactions; a writer waits for the other), every
# replication must be stored exactly once per run, each run's report must equal the same sweep
# made alone, and the store must pass PRAGMA integrity_check afterwards.
# Usage: sweep_concurrent.sh ENTENTE SCENARIO WORKDIR
set -euo pipefail
entente=$1 scenario=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
store="$work/runs.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
# Small batches, so the two writers interleave many transactions.
common=(--model compromise --samples 3000 --format csv --quiet --threads 1)

"$entente" sweep "$scenario" "${common[@]}" --seed 5 --no-store -o "$work/alone5.csv"
"$entente" sweep "$scenario" "${common[@]}" --seed 6 --no-store -o "$work/alone6.csv"

"$entente" sweep "$scenario" "${common[@]}" --seed 5 --store "$store" -o "$work/one.csv" &
first=$!
"$entente" sweep "$scenario" "${common[@]}" --seed 6 --store "$store" -o "$work/two.csv" &
second=$!
wait "$first" || fail "the first concurrent sweep failed"
wait "$second" || fail "the second concurrent sweep failed"

check=$(sqlite3 "$store" "PRAGMA integrity_check;")
[ "$check" = "ok" ] || fail "integrity_check: $check"
runs=$(sqlite3 "$store" "SELECT COUNT(*) FROM runs WHERE status = 'complete';")
[ "$runs" = "2" ] || fail "expected 2 complete runs, found $runs"
for run in 1 2; do
  stored=$(sqlite3 "$store" "SELECT COUNT(DISTINCT idx) || '/' || COUNT(*) FROM replications WHERE run = $run;")
  [ "$stored" = "3000/3000" ] || fail "run $run stores $stored (distinct/all) replications"
done
# Each report equals its sweep made alone (the first line quotes the command line).
diff <(tail -n +2 "$work/alone5.csv") <(tail -n +2 "$work/one.csv") > /dev/null ||
  fail "the first run's report differs from the same sweep made alone"
diff <(tail -n +2 "$work/alone6.csv") <(tail -n +2 "$work/two.csv") > /dev/null ||
  fail "the second run's report differs from the same sweep made alone"
echo "sweep_concurrent: ok"
