// Exchange model on the COP21 data (15 actors x 13 issues, 181 stances), 10 rounds of Equal
// Gain: the target is under 50 ms (BENCHMARKS.md, "Exchange model").
#include <benchmark/benchmark.h>

#include <string>

#include "entente/convert.h"
#include "entente/exchange.h"
#include "entente/io.h"

namespace {

// The shared folder beside the checkout, found from this file's path.
std::string SharedFile(const std::string& rel) {
  std::string here = __FILE__;
  const std::size_t cut = here.rfind("/bench/");
  return here.substr(0, cut) + "/../shared/" + rel;
}

entente::Scenario LoadCop21() {
  const std::string path = SharedFile("data/stokman_decide/cop21_head.tsv");
  entente::Result<std::string> text = entente::ReadFile(path);
  if (!text.ok()) return {};
  entente::Result<entente::Scenario> s = entente::ImportDecide(*text, path);
  return s.ok() ? std::move(s.value()) : entente::Scenario{};
}

void BM_ExchangeCop21(
    benchmark::State& state, entente::ExchangeVariant variant,
    entente::ExchangeArithmetic arithmetic = entente::ExchangeArithmetic::kDouble) {
  const entente::Scenario scenario = LoadCop21();
  if (scenario.actors.empty()) {
    state.SkipWithError("cannot read shared/data/stokman_decide/cop21_head.tsv");
    return;
  }
  entente::ExchangeOptions options;
  options.variant = variant;
  options.arithmetic = arithmetic;
  options.rounds = 10;
  std::size_t exchanges = 0;
  for (auto _ : state) {
    entente::Result<entente::ExchangeResult> r = entente::RunExchange(scenario, options);
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      return;
    }
    exchanges = 0;
    for (const auto& round : r->rounds) exchanges += round.exchanges.size();
    benchmark::DoNotOptimize(r->rounds.back().outcome_voting.data());
  }
  state.counters["exchanges"] = static_cast<double>(exchanges);
}

BENCHMARK_CAPTURE(BM_ExchangeCop21, equal_gain, entente::ExchangeVariant::kEqualGain)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ExchangeCop21, randomized, entente::ExchangeVariant::kRandomized)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ExchangeCop21, random_rate, entente::ExchangeVariant::kRandomRate)
    ->Unit(benchmark::kMillisecond);
// The reference-compatibility arithmetic (docs/models/exchange.md): Python's 28-digit decimal.
BENCHMARK_CAPTURE(BM_ExchangeCop21, equal_gain_decimal28, entente::ExchangeVariant::kEqualGain,
                  entente::ExchangeArithmetic::kDecimal28)
    ->Unit(benchmark::kMillisecond);

}  // namespace
