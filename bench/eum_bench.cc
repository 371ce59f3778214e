// Expected utility model: one round and a 10-round run, per preset, for 10–1000 synthetic actors
// drawn from a fixed-seed generator. Results and the command are in BENCHMARKS.md.
#include <benchmark/benchmark.h>

#include <cstddef>

#include "entente/expected_utility.h"
#include "testing/synthetic_actors.h"

namespace {

void Run(benchmark::State& state, const char* preset, int rounds) {
  const entente::IssueTable table = entente::test_data::SyntheticActors(
      static_cast<std::size_t>(state.range(0)), 20260101, "bench");
  entente::ExpectedUtilityOptions options = *entente::ExpectedUtilityPreset(preset);
  options.stop_early = false;  // time exactly `rounds` rounds
  entente::RunOptions run;
  run.max_rounds = rounds;
  for (auto _ : state) {
    entente::IssueResult r = entente::RunExpectedUtility(table, options, run);
    benchmark::DoNotOptimize(r.forecast);
  }
}

#define ENTENTE_EUM_BENCH(name, preset)                                    \
  void BM_EumRound_##name(benchmark::State& s) { Run(s, preset, 1); }      \
  void BM_EumTenRounds_##name(benchmark::State& s) { Run(s, preset, 10); } \
  BENCHMARK(BM_EumRound_##name)                                            \
      ->Arg(10)                                                            \
      ->Arg(31)                                                            \
      ->Arg(100)                                                           \
      ->Arg(300)                                                           \
      ->Arg(1000)                                                          \
      ->Unit(benchmark::kMillisecond);                                     \
  BENCHMARK(BM_EumTenRounds_##name)                                        \
      ->Arg(10)                                                            \
      ->Arg(31)                                                            \
      ->Arg(100)                                                           \
      ->Arg(300)                                                           \
      ->Arg(1000)                                                          \
      ->Unit(benchmark::kMillisecond)

ENTENTE_EUM_BENCH(Bdm, "bdm");
// scholz-code's numerator needs every voter's own-risk vote per pair: O(n³) per pass, so its
// 10-round run stops at 300 actors (1000 actors: see the one-round figure).
void BM_EumRound_ScholzCode(benchmark::State& s) { Run(s, "scholz-code", 1); }
void BM_EumTenRounds_ScholzCode(benchmark::State& s) { Run(s, "scholz-code", 10); }
BENCHMARK(BM_EumRound_ScholzCode)
    ->Arg(10)
    ->Arg(31)
    ->Arg(100)
    ->Arg(300)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EumTenRounds_ScholzCode)
    ->Arg(10)
    ->Arg(31)
    ->Arg(100)
    ->Arg(300)
    ->Unit(benchmark::kMillisecond);
ENTENTE_EUM_BENCH(Masad, "masad");
ENTENTE_EUM_BENCH(ScholzEquations, "scholz-equations");

}  // namespace
