#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time and fails on any finding (crash, sanitizer
# report, leak, timeout, memory blow-up, broken contract). Used by .ci/run; run it longer by
# hand to search harder (fuzz/README.md):
#
#   fuzz/run_fuzzers.sh [BUILD_DIR] [SECONDS_PER_TARGET] [TARGET...]
#
# BUILD_DIR defaults to build/asan-ubsan (the preset that builds the fuzzers), SECONDS to 20.
# Seed corpora are the repository's own scenarios and test inputs and the reference data beside
# the checkout (../shared), referenced in place: each target starts from a scratch copy in a
# temporary folder, so nothing in the tree changes. A finding is saved as
# BUILD_DIR/fuzz-findings/<target>/crash-*: reproduce with `BUILD_DIR/fuzz/fuzz_<target> FILE`,
# fix, and add the file under tests/regressions/<target>/ named after what it found.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-build/asan-ubsan}
seconds=${2:-20}
shift $(( $# >= 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(yaml_scenario csv_table ktab_csv ktab_xml decide deu models)
shared=${ENTENTE_SHARED_DIR:-$root/../shared}

# Seed files per target (globs; missing ones are skipped).
seeds() {
  case $1 in
    yaml_scenario | models)
      echo scenarios/*/scenario.yaml tests/data/*.yaml tests/cli/bad_input/*.yaml \
        tests/regressions/"$1"/* ;;
    csv_table)
      echo tests/cli/bad_input/*.csv tests/cli/convert_input/zero_weight.csv \
        "$shared"/vectors/bdm/*.input.csv tests/regressions/csv_table/* ;;
    ktab_csv)
      echo "$shared"/vectors/ktab/*/scenario.csv "$shared"/data/ktab_china_soe/*.csv \
        tests/cli/convert_input/bad_ktab.csv tests/regressions/ktab_csv/* ;;
    ktab_xml)
      echo "$shared"/vectors/ktab/*/input.xml tests/cli/convert_input/bad_ktab.xml \
        tests/regressions/ktab_xml/* ;;
    decide)
      echo "$shared"/vectors/exchange/inputs/*.txt "$shared"/data/stokman_decide/*.tsv \
        "$shared"/data/stokman_decide/*.csv tests/cli/convert_input/bad_decide.txt \
        tests/cli/convert_input/per_issue_power.csv tests/regressions/decide/* ;;
    deu)
      echo "$shared"/data/deu/deu_dev.csv tests/regressions/deu/* ;;
  esac
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
for t in "${targets[@]}"; do
  bin=$build/fuzz/fuzz_$t
  if [ ! -x "$bin" ]; then
    echo "fuzz: $bin not built (cmake --preset asan-ubsan && cmake --build --preset asan-ubsan)"
    exit 2
  fi
  corpus=$work/$t
  mkdir -p "$corpus" "$build/fuzz-findings/$t"
  n=0
  for f in $(seeds "$t"); do
    [ -f "$f" ] || continue
    n=$((n + 1))
    cp "$f" "$corpus/seed$n"  # libFuzzer reads at most -max_len bytes of each
  done
  echo "fuzz: $t for ${seconds}s from $n seed files"
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" -max_total_time="$seconds" ${FUZZ_SEED:+-seed=$FUZZ_SEED} ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} -timeout=10 \
    -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$build/fuzz-findings/$t/" \
    "$corpus" >"$work/$t.log" 2>&1; then
    tail -n 60 "$work/$t.log"
    failed+=("$t")
  else
    grep -E "^(stat::number_of_executed_units|stat::new_units_added)" "$work/$t.log" |
      tr '\n' ' '
    echo
  fi
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: FINDINGS in ${failed[*]} (inputs under $build/fuzz-findings/)"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, no findings"
