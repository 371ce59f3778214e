// SMP benchmarks: full runs to KTAB's stopping rule on KTAB-like random scenarios (positions
// U(0,1), total salience U(0.75,0.99) split across dimensions, capability U(10,200), as KTAB's
// SMPActor::randomize), and on the syn31d3 reference case shape. See BENCHMARKS.md.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "entente/spatial_pce.h"

namespace {

// A deterministic KTAB-like random problem (SplitMix64-style generator, seeded).
entente::SmpProblem RandomProblem(int n, int d, std::uint64_t seed) {
  std::uint64_t state = seed;
  const auto uniform = [&state] {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
  };
  entente::SmpProblem p;
  p.num_actors = n;
  p.num_dims = d;
  for (int i = 0; i < n; ++i) {
    p.capability.push_back(10.0 + 190.0 * uniform());
    const double total = 0.75 + 0.24 * uniform();
    std::vector<double> parts(d);
    double sum = 0.0;
    for (double& x : parts) sum += (x = 0.1 + uniform());
    for (int k = 0; k < d; ++k) {
      p.position.push_back(uniform());
      p.salience.push_back(total * parts[k] / sum);
    }
  }
  return p;
}

void BM_SmpRun(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const int d = static_cast<int>(state.range(1));
  const entente::SmpProblem p = RandomProblem(n, d, 1001);
  const entente::SmpOptions o;
  int turns = 0;
  for (auto _ : state) {
    auto r = entente::RunSmp(p, o);
    turns = static_cast<int>(r->states.size()) - 1;
    benchmark::DoNotOptimize(r);
  }
  state.counters["turns"] = turns;
}
BENCHMARK(BM_SmpRun)
    ->Args({10, 3})
    ->Args({31, 3})
    ->Args({50, 3})
    ->Args({100, 3})
    ->Args({250, 3})
    ->Unit(benchmark::kMillisecond);

}  // namespace
