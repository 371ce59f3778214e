// One Monte Carlo replication of the flagship scenario (scenarios/nato-vilnius-2023): draw the 85
// uncertain inputs, apply the events, run eum with its default preset on all five issues: the
// unit of work of `entente sweep FILE --model eum` (BENCHMARKS.md, "Monte Carlo sweeps").
// Each iteration runs the next replication index, as a sweep does.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "entente/io.h"
#include "entente/sweep.h"

namespace {

void BM_SweepReplicationFlagship(benchmark::State& state) {
  const entente::Result<entente::Scenario> scenario = entente::LoadScenario(
      std::string(ENTENTE_SOURCE_DIR) + "/scenarios/nato-vilnius-2023/scenario.yaml");
  if (!scenario.ok()) {
    state.SkipWithError(scenario.status().message().c_str());
    return;
  }
  entente::SweepOptions options;
  options.models.push_back({"eum", {}});
  options.seed = 1;
  std::uint64_t index = 0;
  for (auto _ : state) {
    entente::Result<entente::ReplicationResult> r =
        entente::RunReplication(*scenario, options, index++);
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(r->forecast.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(index));
}
BENCHMARK(BM_SweepReplicationFlagship)->Unit(benchmark::kMillisecond);

}  // namespace
