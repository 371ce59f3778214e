#!/usr/bin/env bash
# Kill-and-resume test of sensitivity runs in the run store (docs/formats/run_store.md,
# "Guarantees"):
#  1. a sensitivity run killed with SIGKILL while it computes leaves the store consistent
#     (PRAGMA integrity_check), the run marked `running` with no result row, and no report;
#  2. Ctrl-C (SIGINT) stops a resumed run: exit 130, the run marked `interrupted`, a resume hint;
#  3. `entente sensitivity --resume RUN_ID` completes it, and its report equals an uninterrupted
#     run's byte for byte (the header line aside: it holds the command line and the run);
#  4. `runs list` shows the kind, `runs show` the rebuilt report, `runs export` the tidy rows.
# Usage: sensitivity_resume.sh ENTENTE SCENARIO WORKDIR
set -eu  # no pipefail: `entente ... | grep -q` may end entente with SIGPIPE
entente=$1 scenario=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
store="$work/runs.db"
# eum over the 8 uncertain inputs: 1 + 16 + 120 x 10 model runs, a few tenths of a second on one core.
common=(--samples 120 --bootstrap 20 --seed 7 --format json --quiet)

fail() { echo "FAIL: $*" >&2; exit 1; }
runs() { [ -f "$store" ] || { echo 0; return; }; sqlite3 "$store" "SELECT COUNT(*) FROM runs;" 2>/dev/null || echo 0; }
# Waits until the store holds more than $2 runs (the run is recorded when the analysis starts),
# or process $1 has ended.
wait_for_run() {
  for _ in $(seq 1 1000); do
    kill -0 "$1" 2>/dev/null || return 0
    [ "$(runs)" -gt "$2" ] && return 0
    sleep 0.01
  done
}
integrity() {
  local check
  check=$(sqlite3 "$store" "PRAGMA integrity_check;")
  [ "$check" = "ok" ] || fail "integrity_check after $1: $check"
}

"$entente" sensitivity "$scenario" "${common[@]}" -j 1 --store "$store" -o "$work/never.json" &
pid=$!
wait_for_run "$pid" 0
kill -KILL "$pid" 2>/dev/null || fail "the run ended before it could be killed"
wait "$pid" 2>/dev/null || true
[ -f "$work/never.json" ] && fail "a killed run wrote its report"
integrity "SIGKILL"
[ "$(sqlite3 "$store" "SELECT kind || ' ' || status FROM runs WHERE id = 1;")" = "sensitivity running" ] ||
  fail "after SIGKILL run 1 is not a running sensitivity run"
[ "$(sqlite3 "$store" "SELECT COUNT(*) FROM sensitivity_results;")" = "0" ] ||
  fail "a killed run left result rows"
"$entente" runs show 1 --store "$store" | grep -q "finish it with: entente sensitivity --resume 1" ||
  fail "runs show gives no resume hint"

# Ctrl-C while the resumed run computes.
"$entente" sensitivity --resume 1 --store "$store" -j 1 -o "$work/never.json" 2> "$work/sigint.err" &
pid=$!
# Once it has the store open (its signal handlers are in place by then), while it computes.
for _ in $(seq 1 1000); do
  kill -0 "$pid" 2>/dev/null || break
  ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "runs.db" && break
  sleep 0.01
done
kill -INT "$pid" 2>/dev/null || true
code=0
wait "$pid" || code=$?
if [ "$code" = "130" ]; then
  [ "$(sqlite3 "$store" "SELECT status FROM runs WHERE id = 1;")" = "interrupted" ] ||
    fail "after SIGINT the run is not marked interrupted"
  grep -q "entente sensitivity --resume 1 --store $store" "$work/sigint.err" ||
    fail "no resume hint after SIGINT: $(cat "$work/sigint.err")"
elif [ "$code" != "0" ]; then
  fail "SIGINT: exit code $code, expected 130"
fi
integrity "SIGINT"

"$entente" sensitivity --resume 1 --store "$store" -j 2 -q -f json -o "$work/resumed.json" ||
  fail "--resume failed"
"$entente" sensitivity "$scenario" "${common[@]}" -j 2 --no-store -o "$work/reference.json"
diff <(sed 1,2d "$work/reference.json") <(sed 1,2d "$work/resumed.json") > /dev/null ||
  fail "the resumed run's report differs from an uninterrupted run's"
integrity "resume"
[ "$(sqlite3 "$store" "SELECT status FROM runs WHERE id = 1;")" = "complete" ] ||
  fail "the resumed run is not complete"
# Resuming a complete run reports it again from the store, without recomputing.
"$entente" sensitivity --resume 1 --store "$store" -q -f json -o "$work/again.json"
diff <(sed 1,2d "$work/reference.json") <(sed 1,2d "$work/again.json") > /dev/null ||
  fail "the stored report differs"
# A sweep cannot resume it.
"$entente" sweep --resume 1 --store "$store" 2> "$work/sweep.err" && fail "sweep resumed it"
grep -q "is a sensitivity run; finish it with: entente sensitivity --resume 1" "$work/sweep.err" ||
  fail "no hint from sweep --resume: $(cat "$work/sweep.err")"

"$entente" runs list --store "$store" | grep -q "   1  sensitivity  complete" ||
  fail "runs list: $("$entente" runs list --store "$store")"
"$entente" runs show 1 --store "$store" | grep -q "variance-based indices (N = 120, seed 7" ||
  fail "runs show lacks the report"
"$entente" runs show 1 --store "$store" -f json | grep -q '"summary": {' || fail "runs show json"
export_csv=$("$entente" runs export 1 --store "$store")
[ "$(head -1 <<< "$export_csv")" = "run,issue,method,rank,actor,input_issue,field,declared,measure,value,low,high" ] ||
  fail "export header: $(head -1 <<< "$export_csv")"
[ "$(sed -n 2p <<< "$export_csv" | cut -d, -f2-3,9)" = "timing,base,forecast" ] ||
  fail "export does not start with the first issue's forecast"
grep -q '^1,timing,sobol,1,.*,true,total,' <<< "$export_csv" || fail "export lacks Sobol rows"
"$entente" runs export 1 --store "$store" -f json | grep -q '"measure": "elasticity"' ||
  fail "json export"
echo "ok: killed, interrupted (exit $code), resumed with identical figures"
