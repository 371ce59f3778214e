// Internal to the sensitivity analysis: running one model on many variants of a scenario, in
// parallel, with results stored by index so that they never depend on the thread count.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "entente/model.h"
#include "entente/scenario.h"
#include "entente/status.h"

namespace entente::analysis {

// Runs fn(i) for every i in [0, n) on `threads` threads (>= 1), each taking the next index from a
// shared counter. Stops handing out indices after a failure or once `cancelled` (may be empty)
// returns true. Returns the failure with the lowest index (every lower index was handed out and
// finished, so it is the same for any thread count), Interrupted when cancelled, else OK.
// `done` (may be empty) is called after each successful fn(i) with the count finished so far,
// under a lock (never two calls at once; the count increases).
Status ParallelFor(std::size_t n, int threads, const std::function<Status(std::size_t)>& fn,
                   const std::function<bool()>& cancelled,
                   const std::function<void(std::size_t)>& done = {});

// One model with its options, answering "what are the forecasts of these issues on this
// scenario". Thread-safety: Forecasts may be called from many threads at once.
class ForecastEvaluator {
 public:
  // InvalidArgument for an unknown model; REQUIRES: `issues` index scenario.issues of every
  // scenario later passed to Forecasts.
  static Result<ForecastEvaluator> Create(const std::string& model, const RunOptions& options,
                                          std::vector<std::size_t> issues,
                                          const std::vector<Issue>& all_issues);

  // The model's forecast of each selected issue, in the order given to Create. The model's
  // Status (prefixed with the model's name) when it fails.
  Result<std::vector<double>> Forecasts(const Scenario& scenario) const;

  const std::string& model() const { return model_; }
  // The preset in force: options.preset, or the model's default preset ("" if it has none).
  const std::string& preset() const { return preset_; }

 private:
  std::string model_;
  std::string preset_;
  RunOptions options_;
  std::vector<std::string> issue_ids_;
  std::shared_ptr<const Model> instance_;
};

}  // namespace entente::analysis
