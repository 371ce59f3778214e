#include "cli/stored_scenario.h"

#include <string>

#include "cli/scenario_formats.h"

namespace entente::cli {

Result<Scenario> StoredScenario(const StoredRun& run, const LoadLimits& limits) {
  Result<ImportedScenario> imported =
      ParseAnyScenario(run.scenario_text, run.scenario_path, limits);
  if (!imported.ok()) return imported.status();
  Scenario scenario = std::move(imported->scenario);
  if (ScenarioHash(scenario) != run.scenario_hash) {
    return Status::InvalidArgument(run.scenario_path + ": the scenario text stored with run " +
                                   std::to_string(run.id) + " has hash " + ScenarioHash(scenario) +
                                   ", not the stored " + run.scenario_hash +
                                   " (a damaged run store)");
  }
  return scenario;
}

ExportOrder StoredExportOrder(const StoredRun& run) {
  LoadLimits limits;
  limits.max_file_bytes = run.scenario_text.size() + 1;
  Result<Scenario> scenario = StoredScenario(run, limits);
  if (!scenario.ok()) return {};
  return ExportOrderOf(*scenario);
}

}  // namespace entente::cli
