#include "cli/work_limits.h"

#include <CLI/CLI.hpp>

namespace entente::cli {

void AddMaxRoundsOption(CLI::App* app, int* max_rounds) {
  *max_rounds = kDefaultMaxRounds;
  app->add_option(
         "--max-rounds", *max_rounds,
         "refuse runs of more rounds than this (default " + std::to_string(kDefaultMaxRounds) + ")")
      ->check(CLI::PositiveNumber);
}

void AddMaxSamplesOption(CLI::App* app, long* max_samples) {
  *max_samples = kDefaultMaxSamples;
  app->add_option(
         "--max-samples", *max_samples,
         "refuse more samples than this (default " + std::to_string(kDefaultMaxSamples) + ")")
      ->check(CLI::PositiveNumber);
}

Status CheckRoundLimit(const std::string& what, long long rounds, int max_rounds) {
  if (rounds <= max_rounds) return Status::Ok();
  return Status::LimitExceeded(what + " asks for " + std::to_string(rounds) +
                               " rounds, over the limit of " + std::to_string(max_rounds) +
                               " (raise it with --max-rounds)");
}

Status CheckSampleLimit(const std::string& what, long long samples, long max_samples) {
  if (samples <= max_samples) return Status::Ok();
  return Status::LimitExceeded(what + " asks for " + std::to_string(samples) +
                               " samples, over the limit of " + std::to_string(max_samples) +
                               " (raise it with --max-samples)");
}

}  // namespace entente::cli
