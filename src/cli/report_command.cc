// `entente report FILE -o report.html`: one self-contained HTML page with the scenario, every
// model's run on it, and (when given) the analyses around them, drawn as Vega-Lite charts
// (include/entente/html_report.h). Like `compare`, it runs every registered model with its
// default preset; the expected utility model also records its challenges for the perception
// maps. A model that cannot run on the scenario is listed under "not run" in the page.
#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/model_runner.h"
#include "cli/report_output.h"
#include "cli/scenario_input.h"
#include "entente/html_report.h"
#include "entente/report_format.h"

namespace entente::cli {

namespace {

struct ReportFlags {
  ScenarioFlags input;
  int rounds = 0;
  std::string output;
};

int Report(const ReportFlags& flags, const Invocation& invocation) {
  Result<LoadedScenario> loaded = LoadScenarioForRun(flags.input);
  if (!loaded.ok()) return ReportFailure(loaded.status());
  const Scenario& scenario = loaded->scenario;
  std::vector<SkippedModel> skipped;
  RunOptions base;
  base.max_rounds = flags.rounds;
  Result<std::vector<ModelRun>> runs =
      RunEveryModel(scenario, base, /*record_detail=*/{"eum"}, &skipped);
  if (!runs.ok()) return ReportFailure(runs.status());

  HtmlReportInput input;
  input.scenario = &scenario;
  std::map<std::string, std::string> options;
  std::string models;
  for (const ModelRun& r : *runs) {
    models += (models.empty() ? "" : ",") + r.model;
    if (!r.preset.empty()) options["preset." + r.model] = r.preset;
  }
  options["models"] = models;
  options["rounds"] = flags.rounds == 0 ? "model default" : std::to_string(flags.rounds);
  options["events"] = loaded->events;
  if (!scenario.decision_rule.empty()) options["rule"] = scenario.decision_rule;
  for (SkippedModel& s : skipped) input.not_run.emplace_back(s.model, std::move(s.reason));
  input.header = MakeReportHeader(scenario, std::move(options), invocation.command_line);
  input.runs = std::move(runs).value();

  Result<std::string> page = FormatHtmlReport(input);
  if (!page.ok()) return ReportFailure(page.status());
  return EmitReport(*page, flags.output);
}

}  // namespace

Action ConfigureReport(CLI::App* app, const Invocation* invocation) {
  auto flags = std::make_shared<ReportFlags>();
  AddScenarioOptions(app, &flags->input, /*with_events=*/true);
  app->add_option("--output,-o", flags->output,
                  "write the page to this file (atomically); required")
      ->required();
  app->add_option("--rounds,-n", flags->rounds,
                  "maximum bargaining rounds for every model (0 = each model's default)")
      ->check(CLI::Range(0, 1000000));
  return [flags, invocation] { return Report(*flags, *invocation); };
}

}  // namespace entente::cli
