// Expected utility model: one round and a 10-round run, per preset, for 10–1000 synthetic actors
// drawn from a fixed-seed generator. Results and the command are in BENCHMARKS.md.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <string>

#include "entente/expected_utility.h"

namespace {

entente::IssueTable Synthetic(std::size_t n) {
  std::mt19937_64 rng(20260101);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  entente::IssueTable t;
  t.issue_id = "bench";
  for (std::size_t k = 0; k < n; ++k) {
    t.actor_index.push_back(k);
    t.actor_ids.push_back("a" + std::to_string(k));
    t.position.push_back(std::round(u(rng) * 100.0));
    t.capability.push_back(1.0 + 99.0 * u(rng));
    t.salience.push_back(0.1 + 0.9 * u(rng));
    t.votes.push_back(true);
  }
  return t;
}

void Run(benchmark::State& state, const char* preset, int rounds) {
  const entente::IssueTable table = Synthetic(static_cast<std::size_t>(state.range(0)));
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
