#!/usr/bin/env bash
# Kill-and-resume test of the run store (docs/formats/run_store.md, "Guarantees"):
#  1. an uninterrupted reference sweep (--no-store), 2 threads;
#  2. the same sweep stored, killed with SIGKILL at a few random moments; after each kill the
#     store must pass PRAGMA integrity_check and hold no replication twice; the run is then
#     resumed (and killed again) until `entente sweep --resume` completes;
#  3. the resumed run's report must equal the reference byte for byte (header line aside), every
#     replication must be stored exactly once, and `runs export` must list each once.
# Usage: sweep_resume.sh ENTENTE SCENARIO WORKDIR SAMPLES
set -euo pipefail
entente=$1 scenario=$2 work=$3 samples=$4
rm -rf "$work" && mkdir -p "$work"
store="$work/runs.db"
common=(--model eum --samples "$samples" --seed 11 --threshold timing\>=50 --format csv --quiet)

fail() { echo "FAIL: $*" >&2; exit 1; }
integrity() {
  local check
  check=$(sqlite3 "$store" "PRAGMA integrity_check;")
  [ "$check" = "ok" ] || fail "integrity_check after $1: $check"
  local dups
  dups=$(sqlite3 "$store" "SELECT COUNT(*) FROM (SELECT run, idx FROM replications GROUP BY run, idx HAVING COUNT(*) > 1);")
  [ "$dups" = "0" ] || fail "duplicated replications after $1"
  # Every stored replication has all its results (one transaction per batch).
  local partial
  partial=$(sqlite3 "$store" "SELECT COUNT(*) FROM replications p WHERE (SELECT COUNT(*) FROM results r WHERE r.run = p.run AND r.idx = p.idx) <> 2;")
  [ "$partial" = "0" ] || fail "replications with partial results after $1"
}

"$entente" sweep "$scenario" "${common[@]}" --no-store --threads 2 -o "$work/reference.csv"

# A random delay in [lo, hi] milliseconds.
delay() { printf '0.%03d' $(($1 + RANDOM % ($2 - $1))); }
stored() { [ -f "$store" ] || { echo 0; return; }; sqlite3 "$store" "SELECT COUNT(*) FROM replications;" 2>/dev/null || echo 0; }
# Kills process $1 with SIGKILL at a random moment after the store has grown past $2 rows (so
# that kills land mid-run whatever the machine's speed), or when it ends by itself.
kill_later() {
  local pid=$1 before=$2
  for _ in $(seq 1 500); do
    kill -0 "$pid" 2>/dev/null || break
    [ "$(stored)" -gt "$before" ] && break
    sleep 0.02
  done
  sleep "$(delay 0 40)"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

"$entente" sweep "$scenario" "${common[@]}" --store "$store" --threads 2 -o "$work/never.csv" &
kill_later $! 0
[ -f "$work/never.csv" ] && fail "a killed sweep wrote its report"
[ -f "$store" ] || fail "no store after the first kill"
integrity "the first kill"
run=$(sqlite3 "$store" "SELECT MAX(id) FROM runs;")
[ "$run" = "1" ] || fail "expected run 1, got '$run'"
echo "killed the first sweep with $(sqlite3 "$store" "SELECT COUNT(*) FROM replications;")/$samples stored"

# Ctrl-C: the sweep stops between batches, marks the run interrupted and says how to resume.
"$entente" sweep --resume "$run" --store "$store" --threads 2 --format csv -o "$work/never.csv" \
    2> "$work/sigint.err" &
pid=$!
before=$(stored)
for _ in $(seq 1 500); do
  kill -0 "$pid" 2>/dev/null || break
  [ "$(stored)" -gt "$before" ] && break
  sleep 0.02
done
kill -INT "$pid" 2>/dev/null || true
code=0
wait "$pid" || code=$?
if [ "$code" = "130" ]; then
  [ "$(sqlite3 "$store" "SELECT status FROM runs WHERE id = $run;")" = "interrupted" ] ||
    fail "after SIGINT the run is not marked interrupted"
  grep -q "entente sweep --resume $run --store $store" "$work/sigint.err" ||
    fail "no resume hint after SIGINT: $(cat "$work/sigint.err")"
  echo "SIGINT: $(stored)/$samples stored, run marked interrupted"
elif [ "$code" != "0" ]; then
  fail "SIGINT: exit code $code, expected 130"
fi
integrity "SIGINT"

for attempt in 1 2 3; do
  "$entente" sweep --resume "$run" --store "$store" --threads 1 --format csv --quiet \
      -o "$work/never.csv" &
  kill_later $! "$(stored)"
  integrity "kill $((attempt + 1))"
  echo "kill $((attempt + 1)): $(sqlite3 "$store" "SELECT COUNT(*) FROM replications;")/$samples stored"
done

"$entente" sweep --resume "$run" --store "$store" --threads 3 --format csv --quiet \
    -o "$work/resumed.csv"
integrity "the final resume"
[ "$(sqlite3 "$store" "SELECT status FROM runs WHERE id = $run;")" = "complete" ] ||
  fail "the resumed run is not complete"
[ "$(sqlite3 "$store" "SELECT COUNT(*) FROM replications WHERE run = $run;")" = "$samples" ] ||
  fail "the run does not hold exactly $samples replications"
[ "$(sqlite3 "$store" "SELECT MIN(idx) || '-' || MAX(idx) FROM replications WHERE run = $run;")" = "0-$((samples - 1))" ] ||
  fail "replication indices are not 0..$((samples - 1))"

# Same figures as the uninterrupted run (the first line is the header, which names the run).
diff <(tail -n +2 "$work/reference.csv") <(tail -n +2 "$work/resumed.csv") ||
  fail "the resumed report differs from the uninterrupted one"

# The export lists each replication once per model and issue (eum × 2 issues).
rows=$("$entente" runs export "$run" --store "$store" | tail -n +2 | wc -l)
[ "$rows" = "$((samples * 2))" ] || fail "runs export has $rows rows, expected $((samples * 2))"
"$entente" runs show "$run" --store "$store" | grep -q "complete" || fail "runs show"
echo "ok: killed 4 times and interrupted once, resumed, identical to the uninterrupted run"
