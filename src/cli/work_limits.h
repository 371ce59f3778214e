// Limits on the work a command may ask for: rounds per model run and samples (bootstrap
// resamples; Monte Carlo draws). Past a limit a command stops before starting, with
// StatusCode::kLimitExceeded (exit 5) naming the flag that raises it, instead of running for
// days or exhausting memory (a run keeps every round's positions). docs/manual.md, "Limits".
#pragma once

#include <string>

#include "entente/status.h"

namespace CLI {
class App;
}  // namespace CLI

namespace entente::cli {

inline constexpr int kDefaultMaxRounds = 10000;
inline constexpr long kDefaultMaxSamples = 1000000;

// Declares --max-rounds N (default kDefaultMaxRounds) / --max-samples N (kDefaultMaxSamples).
void AddMaxRoundsOption(CLI::App* app, int* max_rounds);
void AddMaxSamplesOption(CLI::App* app, long* max_samples);

// OK when `rounds` <= `max_rounds`; else LimitExceeded "<what> asks for 20000 rounds, over the
// limit of 10000 (raise it with --max-rounds)". `what` names the source, e.g. "--rounds".
Status CheckRoundLimit(const std::string& what, long long rounds, int max_rounds);
// The same for samples, e.g. CheckSampleLimit("--bootstrap", b, max) ("... samples ...").
Status CheckSampleLimit(const std::string& what, long long samples, long max_samples);

}  // namespace entente::cli
