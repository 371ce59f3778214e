#!/usr/bin/env bash
# A 3-rank MPI sweep (docs/manual.md, "Distributed sweeps") must print the same figures as one
# process and leave every replication stored exactly once, by rank 0.
# Usage: sweep_mpi.sh MPIEXEC ENTENTE SCENARIO WORKDIR
set -euo pipefail
mpiexec=$1 entente=$2 scenario=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
args=(--samples 301 --seed 5 --threshold timing\>=50 --format csv --quiet --threads 1)
fail() { echo "FAIL: $*" >&2; exit 1; }

"$entente" sweep "$scenario" "${args[@]}" --no-store -o "$work/single.csv"
# CI runs as root; three ranks on a machine with fewer cores need --oversubscribe.
"$mpiexec" -np 3 --oversubscribe --allow-run-as-root \
    "$entente" sweep "$scenario" "${args[@]}" --store "$work/runs.db" -o "$work/mpi.csv"
diff <(tail -n +2 "$work/single.csv") <(tail -n +2 "$work/mpi.csv") ||
  fail "the 3-rank sweep differs from one process"
[ "$(sqlite3 "$work/runs.db" "SELECT COUNT(*) || ' ' || COUNT(DISTINCT idx) FROM replications WHERE run = 1;")" = "301 301" ] ||
  fail "the store does not hold each of the 301 replications once"
[ "$(sqlite3 "$work/runs.db" "SELECT status FROM runs WHERE id = 1;")" = "complete" ] ||
  fail "the run is not complete"
[ "$(sqlite3 "$work/runs.db" "PRAGMA integrity_check;")" = "ok" ] || fail "integrity_check"
echo "ok: 3 ranks = 1 process"
