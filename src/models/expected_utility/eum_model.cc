#include "models/expected_utility/eum_model.h"

#include "entente/expected_utility.h"

namespace entente {

Result<ModelRun> ExpectedUtilityModel::Run(const Scenario& scenario,
                                           const RunOptions& options) const {
  Result<ExpectedUtilityOptions> preset = ExpectedUtilityPreset(options.preset);
  if (!preset.ok()) return preset.status();
  Result<ExpectedUtilityOptions> eum = ApplyExpectedUtilityParams(*preset, options.params);
  if (!eum.ok()) return eum.status();
  ModelRun run;
  run.model = name();
  run.preset = options.preset.empty() ? "bdm" : options.preset;
  // RunOptions::tolerance, when set, is the one RunExpectedUtility uses: describe that one.
  if (options.tolerance > 0.0) eum->tolerance = options.tolerance;
  run.options = DescribeExpectedUtilityOptions(*eum);
  if (options.max_rounds > 0) run.options["max_rounds"] = std::to_string(options.max_rounds);
  for (std::size_t issue = 0; issue < scenario.issues.size(); ++issue) {
    run.issues.push_back(
        RunExpectedUtility(MakeIssueTable(scenario, issue), *eum, options, scenario.events));
    // RunExpectedUtility stops at the round it noticed the cancellation.
    if (options.Cancelled()) {
      return CancelledStatus(name(), run.issues.back().rounds + 1, scenario.issues[issue].id);
    }
  }
  return run;
}

std::unique_ptr<Model> MakeExpectedUtilityModel() {
  return std::make_unique<ExpectedUtilityModel>();
}

}  // namespace entente
