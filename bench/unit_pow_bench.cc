// b^r over one utility-table row: UnitPowRow (the EUM's exp(r ln b), vectorised) against a loop
// of glibc's std::pow on the same bases, the way the table was filled before. Bases are those
// of Sch eqs. (15)–(16) for 40 positions (0.5 ± d/2), r = 0.73. Results in BENCHMARKS.md.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <vector>

#include "models/expected_utility/unit_pow.h"

namespace {

std::vector<double> UtilityBases() {
  std::vector<double> bases;
  for (int q = 0; q < 20; ++q) {
    const double d = q / 19.0;
    bases.push_back(0.5 - 0.5 * d);
    bases.push_back(0.5 + 0.5 * d);
  }
  return bases;
}

void BM_UtilityRowUnitPow(benchmark::State& state) {
  const std::vector<double> bases = UtilityBases();
  std::vector<double> row(bases.size());
  for (auto _ : state) {
    row = bases;
    entente::eum::UnitPowRow(row.data(), row.size(), 0.73);
    benchmark::DoNotOptimize(row.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long>(bases.size()));
}
BENCHMARK(BM_UtilityRowUnitPow);

void BM_UtilityRowStdPow(benchmark::State& state) {
  const std::vector<double> bases = UtilityBases();
  std::vector<double> row(bases.size());
  for (auto _ : state) {
    for (std::size_t q = 0; q < bases.size(); ++q) row[q] = std::pow(bases[q], 0.73);
    benchmark::DoNotOptimize(row.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long>(bases.size()));
}
BENCHMARK(BM_UtilityRowStdPow);

}  // namespace
