// Sensitivity analysis: which inputs move each issue's forecast most, and how far one input would
// have to move for an issue's forecast to reach a target (docs/models/sensitivity.md).
//
// Options -> Run -> Summary, twice:
//  * RunSensitivity(scenario, SensitivityOptions) -> SensitivitySummary: one-at-a-time (OAT)
//    elasticities of every issue's forecast with respect to every input, and variance-based
//    first-order and total Sobol indices over the scenario's uncertain inputs (Scenario::uncertain)
//    with Saltelli et al. (2010) / Jansen (1999) estimators and bootstrap confidence intervals.
//  * SolveTarget(scenario, TargetOptions) -> TargetSummary: for one issue and a target forecast X,
//    the value of one actor's position (or salience) at which the model's forecast reaches X,
//    found by scanning the input's valid range for a bracket and bisecting it.
//
// Determinism: every model evaluation has a fixed index; its sampled inputs depend only on the
// run seed and that index (ReplicationSeed, uncertainty.h), results are stored by index and
// reduced in index order, so the summary is identical for any thread count.
//
// Thread-safety: pure functions; each call may use up to `threads` worker threads of its own.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "entente/model.h"
#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

// One input a sensitivity analysis varies: a field of an actor (on an issue, except capability).
struct SensitivityInput {
  std::string actor;  // actor id
  std::string issue;  // issue id; empty for capability
  UncertainInput::Field field = UncertainInput::Field::kPosition;
  bool declared = false;  // true: one of Scenario::uncertain; false: a default OAT perturbation
};

// "position of usa on timing", "salience of usa on timing", "capability of usa".
std::string DescribeInput(const SensitivityInput& input);
// "position", "salience", "capability".
const char* InputFieldName(UncertainInput::Field field);

struct SensitivityOptions {
  std::string model = "eum";  // a registered model name (FindModel)
  RunOptions run;             // preset, rounds, params; run.seed is the model's own seed, held
                              // fixed across evaluations (common random numbers)
  std::vector<std::string> issues;  // issue ids to report; empty = every issue
  // Sobol base sample size N: the analysis runs the model N * (k + 2) times for k uncertain
  // inputs. Indices from small N are noisy; read the bootstrap intervals.
  int samples = 512;
  std::uint64_t seed =
      1;            // run seed: sample j of matrix A/B is drawn from ReplicationSeed(seed, .)
  int threads = 1;  // worker threads (>= 1); results do not depend on it
  // OAT relative step: the input moves by +/- step x its range (the issue's scale width for a
  // position, 1 for a salience, the actor's capability for a capability; for a declared
  // uncertain input the distribution's support width), clamped to the valid range.
  double step = 0.05;
  int bootstrap = 200;  // bootstrap resamples for the Sobol intervals (0 = none)
  // Polled between evaluations; returning true stops the run with Status::Interrupted.
  std::function<bool()> cancelled;
  // Called after each model run with (runs done, runs planned), from worker threads but never two
  // at once, with `done` increasing. May be empty.
  std::function<void(long long, long long)> progress;

  // InvalidArgument naming the bad field (samples < 2, step not in (0, 1], threads < 1, ...).
  Status Validate() const;
};

// One input's one-at-a-time effect on one issue's forecast.
struct Elasticity {
  SensitivityInput input;
  double base_value = 0.0;     // the input's point value
  double step = 0.0;           // the nominal step h (before clamping)
  double low_value = 0.0;      // max(base - h, valid low)
  double high_value = 0.0;     // min(base + h, valid high)
  double forecast_low = 0.0;   // the forecast with the input at low_value
  double forecast_high = 0.0;  // ... at high_value
  double derivative = 0.0;     // (forecast_high - forecast_low) / (high_value - low_value)
  // derivative * x0 / F0, with positions and forecasts measured from the scale's lower end;
  // absent when F0 (or the input's range) is 0.
  std::optional<double> elasticity;
};

// One uncertain input's variance-based indices on one issue's forecast, with 95 % bootstrap
// percentile intervals (equal to the estimate when bootstrap = 0).
struct SobolIndex {
  SensitivityInput input;
  double first = 0.0;  // S_i, Saltelli et al. 2010, Table 2 (b)
  double first_low = 0.0, first_high = 0.0;
  double total = 0.0;  // S_Ti, Jansen 1999 (Saltelli et al. 2010, Table 2 (f))
  double total_low = 0.0, total_high = 0.0;
};

struct IssueSensitivity {
  std::string issue;
  double base_forecast = 0.0;  // the model's forecast on the point scenario
  // Ranked by |elasticity| (absent last, then by |derivative x step|), largest first.
  std::vector<Elasticity> elasticities;
  // Ranked by total index, largest first; empty when the scenario declares no uncertain input.
  std::vector<SobolIndex> sobol;
  double mean = 0.0;      // of the forecast over matrices A and B (2N draws); 0 without Sobol
  double variance = 0.0;  // ditto (the denominator of the indices)
};

struct SensitivitySummary {
  std::string model;
  std::string preset;  // the preset that ran (the model's default when options.run.preset is "")
  int samples = 0;     // N (0 when no Sobol analysis ran)
  std::uint64_t seed = 0;
  int bootstrap = 0;
  int uncertain_inputs = 0;              // k
  long long evaluations = 0;             // model runs, OAT and Sobol together
  std::vector<IssueSensitivity> issues;  // in scenario order
  std::vector<std::string> notes;  // human sentences (e.g. why no Sobol indices were computed)
};

// REQUIRES: scenario passed validation. InvalidArgument for bad options or an unknown issue or
// model; the model's own Status when it fails on the point scenario; Interrupted when cancelled.
Result<SensitivitySummary> RunSensitivity(const Scenario& scenario,
                                          const SensitivityOptions& options);

struct TargetOptions {
  std::string model = "eum";
  RunOptions run;
  std::string issue;  // required
  double target = 0.0;
  std::string actor;  // "" = every actor with a stance on the issue
  UncertainInput::Field field = UncertainInput::Field::kPosition;  // position or salience
  int grid = 41;  // points scanned over the valid range to find brackets (>= 3)
  int threads = 1;
  std::function<bool()> cancelled;
  std::function<void(long long, long long)> progress;  // as SensitivityOptions::progress

  Status Validate() const;
};

struct TargetResult {
  std::string actor;
  double current_value = 0.0;
  double range_low = 0.0, range_high = 0.0;  // the input's valid range scanned
  bool reachable = false;
  double value = 0.0;              // the input value at which the forecast reaches the target
  double change = 0.0;             // value - current_value
  double forecast_at_value = 0.0;  // the forecast there (differs from target at a jump)
  bool jump = false;               // the forecast jumps across the target at `value`
  double reachable_min = 0.0, reachable_max = 0.0;  // forecasts seen over the scan
};

struct TargetSummary {
  std::string model;
  std::string preset;
  std::string issue;
  UncertainInput::Field field = UncertainInput::Field::kPosition;
  double target = 0.0;
  double current_forecast = 0.0;
  long long evaluations = 0;
  // Reachable first, by |change| ascending; then unreachable, in scenario order.
  std::vector<TargetResult> results;
};

// REQUIRES: scenario passed validation. InvalidArgument for an unknown issue, an unknown actor
// or one without a stance on the issue, a capability field, or bad options.
Result<TargetSummary> SolveTarget(const Scenario& scenario, const TargetOptions& options);

}  // namespace entente
