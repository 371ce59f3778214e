// Turning the model options of `entente run` / `entente explain` into model runs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "entente/model.h"
#include "entente/scenario.h"
#include "entente/status.h"

namespace entente::cli {

// The models `entente run` uses without --model, in table order; those not registered (e.g. a
// model whose branch is not merged) are skipped.
const std::vector<std::string>& DefaultModelSet();

// What the command line asked for.
struct ModelSelection {
  std::string model;                // "" = DefaultModelSet()
  std::string preset;               // "" = each model's default; without --model it goes to eum
  int rounds = 0;                   // 0 = each model's default round cap
  int max_rounds = 10000;           // --max-rounds: larger --rounds (or max_rounds param) refused
  std::vector<std::string> params;  // "key=value", passed to the model (to eum without --model)
  bool record_detail = false;       // keep interactions (explain)
};

// One model to run with its options.
struct PlannedRun {
  const ModelInfo* info = nullptr;
  RunOptions options;
};

// Resolves the selection against the registry. InvalidArgument for an unknown model, a preset
// the model does not have, a malformed or repeated --param, or a negative round count;
// LimitExceeded for --rounds (or a numeric `max_rounds` param) above selection.max_rounds.
Result<std::vector<PlannedRun>> PlanRuns(const ModelSelection& selection);

// Parses "key=value" strings (key non-empty, unique).
Result<std::map<std::string, std::string>> ParseParams(const std::vector<std::string>& params);

// Runs the plan in order. Stops with Status::Interrupted when a SIGINT/SIGTERM has arrived
// (checked between models, and by the models once per round through RunOptions::cancel, which
// it sets when the plan leaves it empty). A run whose model leaves ModelRun::preset empty gets the
// model's default preset name, so reports always say which preset ran.
Result<std::vector<ModelRun>> ExecuteRuns(const Scenario& scenario,
                                          const std::vector<PlannedRun>& plan);

// A model `RunEveryModel` could not run on the scenario, and why (its message without the
// "model 'X': " prefix).
struct SkippedModel {
  std::string model;
  std::string reason;
};

// Runs every registered model with its default preset and `base`'s round cap and seed, in
// registry order (`compare`, `report`, the Python API). Models named in `record_detail` keep their
// per-round interactions. A model that fails is appended to `skipped` and the others still run;
// only an interrupt (Status::Interrupted) fails the whole call.
Result<std::vector<ModelRun>> RunEveryModel(const Scenario& scenario, const RunOptions& base,
                                            const std::vector<std::string>& record_detail,
                                            std::vector<SkippedModel>* skipped);

// The header options of a command that ran every model (`compare`, `report`): "models" (in run
// order), "preset.<model>", "rounds" (`rounds`, 0 = "model default") and "events".
std::map<std::string, std::string> DescribeEveryModelRun(const std::vector<ModelRun>& runs,
                                                         int rounds, const std::string& events);

// The options in force, for report headers: models, presets, rounds and params.
std::map<std::string, std::string> DescribeOptions(const ModelSelection& selection,
                                                   const std::vector<PlannedRun>& plan);

}  // namespace entente::cli
