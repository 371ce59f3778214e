// Back-testing: score forecasts against recorded real outcomes.
//
// A BacktestCase is one issue with a known outcome, held as a one-issue Scenario so that any
// registered Model can run on it. A Forecaster turns such a scenario into a point forecast:
// the built-in baselines (BaselineForecasters) or any model in the registry, once per preset
// (RegistryForecasters). RunBacktest scores every forecaster on every case and compares each
// with the reference model (the compromise model by default) by a paired bootstrap.
//
//   auto table = LoadDeuCsv(path);                      // or a Scenario with outcomes
//   auto cases = DeuBacktestCases(*table, {});         // capability mapping: deu.h
//   auto report = RunBacktest(*cases, AllForecasters(), {});
//
// Thread-safety: reentrant; forecasters must be (models are, see model.h).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "entente/deu.h"
#include "entente/model.h"
#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

struct BacktestCase {
  std::string source;  // where it came from, "file:line" or a scenario path
  std::string id;      // issue id
  Scenario scenario;   // exactly one issue; its outcome is set
  double outcome = 0.0;
  // For the `procedural` forecaster: the rule is scenario.decision_rule; vote weights per
  // scenario actor (empty = one vote per member) and the qualified-majority quota.
  std::vector<double> vote_weight;
  std::optional<double> quota;
};

// Cases from every DEU row with an outcome and at least two positions, capabilities mapped by
// `options`. Rows without an outcome or with fewer than two positions are skipped. The decision
// rule is "unanimity" for `Unan` rows and "qualified-majority" otherwise, with the Council votes
// and QMV quota of the regime in force (CouncilRegimeAt), whatever the capability mapping.
Result<std::vector<BacktestCase>> DeuBacktestCases(const DeuTable& table,
                                                   const DeuCapabilityOptions& options);
// Cases from every issue of a scenario with a recorded outcome and at least two stances.
std::vector<BacktestCase> ScenarioBacktestCases(const Scenario& scenario);

struct Forecaster {
  std::string model;
  std::string preset;                                           // "" when the model has none
  std::function<Result<double>(const BacktestCase&)> forecast;  // forecast for the case's issue
};

// Forecasts that need no model (every actor with a stance takes part; w = weight):
//   mean             unweighted mean of positions
//   salience-mean    w = salience
//   compromise       w = capability × salience (Achen 2006; dutch_models.md §2)
//   midpoint-median  the median of positions (midpoint of the two middle ones for an even
//                    count: the textbook median)
//   salience-median  weighted median, w = salience (dutch_models.md §5: lowest position where
//                    the cumulative weight reaches half)
//   weighted-median  weighted median, w = capability × salience
//   status-quo       the issue's status quo (error when it has none)
//   procedural       the scenario's decision rule applied to the input positions
//                    (decision_rule.h: the win-set point nearest the compromise); error when
//                    the issue has no status quo or the scenario names no rule
// All-zero weights fall back to the unweighted statistic (statistics.h).
std::vector<Forecaster> BaselineForecasters();

// One forecaster per (model, preset) in ModelRegistry() (a model with no presets gives one with
// preset ""), running Model::Run with `options` (preset overridden) on the case's scenario.
// `only`: when non-empty, keep these model names. Unknown names: InvalidArgument.
Result<std::vector<Forecaster>> RegistryForecasters(const std::vector<std::string>& only,
                                                    const RunOptions& options);

// Baselines first, then registry models; a registered model with a baseline's name replaces
// that baseline. `only` filters both (InvalidArgument naming an unknown model).
Result<std::vector<Forecaster>> AllForecasters(const std::vector<std::string>& only = {},
                                               const RunOptions& options = {});

struct BacktestOptions {
  std::string reference = "compromise";  // paired differences are taken against this model
  int bootstrap = 2000;                  // B, number of bootstrap resamples of the issues
  std::uint64_t seed = 20061;            // bootstrap seed (std::mt19937_64)
  bool keep_details = true;              // keep per-issue forecasts
  // Polled before every forecast; once it returns true RunBacktest returns Status::Interrupted.
  // Unset = never (RunOptions::cancel stops a model inside its rounds).
  std::function<bool()> cancel;
};

// Per-issue forecast of one forecaster.
struct IssueForecast {
  std::string model;
  std::string preset;
  std::string source;
  std::string issue;
  double forecast = 0.0;
  double outcome = 0.0;
  double abs_error = 0.0;
};

// One row per model+preset. Errors are |forecast − outcome| on the issue's scale.
struct BacktestRow {
  std::string model;
  std::string preset;
  int n = 0;               // issues scored (those the forecaster could forecast)
  int failed = 0;          // issues where the forecaster returned an error
  double mae = 0.0;        // mean absolute error
  double median_ae = 0.0;  // median absolute error (midpoint median)
  double rmse = 0.0;
  double within5 = 0.0;   // share of issues with |error| <= 5
  double within10 = 0.0;  // ... <= 10
  double within20 = 0.0;  // ... <= 20
  // Mean over the issues both scored of |e_model| − |e_reference| (negative = more accurate
  // than the reference), with its percentile-bootstrap 95 % interval (resampling issues with
  // replacement). NaN when the reference is missing or they share no issue.
  int n_paired = 0;
  double diff_vs_reference = 0.0;
  double ci_low = 0.0;
  double ci_high = 0.0;
};

struct BacktestReport {
  // One line on the inputs and options (files, capability mapping, ...), set by the caller;
  // printed first by the formatters (backtest_format.h) when not empty.
  std::string settings;
  std::string reference;
  int bootstrap = 0;
  std::uint64_t seed = 0;
  int cases = 0;
  std::vector<BacktestRow> rows;
  std::vector<IssueForecast> details;
  // Per forecaster that failed somewhere: "model/preset could not forecast N of M issues;
  // first: issue (source): message".
  std::vector<std::string> failures;
};

// Scores every forecaster on every case. InvalidArgument when options make no sense
// (bootstrap < 1) or there are no cases.
Result<BacktestReport> RunBacktest(const std::vector<BacktestCase>& cases,
                                   const std::vector<Forecaster>& forecasters,
                                   const BacktestOptions& options);

// Summary statistics of a set of absolute errors (n, MAE, median, RMSE, within-k shares).
// REQUIRES: errors non-empty.
BacktestRow SummariseErrors(const std::vector<double>& abs_errors);

// Mean paired difference and its percentile-bootstrap 95 % interval: resample the index set
// B times with replacement (mt19937_64 seeded with `seed`), take the 2.5 % and 97.5 %
// quantiles of the resampled means (type-7 interpolation). REQUIRES: same non-zero length.
struct PairedDifference {
  double mean = 0.0;
  double ci_low = 0.0;
  double ci_high = 0.0;
};
PairedDifference BootstrapPairedDifference(const std::vector<double>& a,
                                           const std::vector<double>& b, int bootstrap,
                                           std::uint64_t seed);

}  // namespace entente
