// `entente run FILE`: forecast a scenario with one model or the default set, and print or write
// the result as a table, JSON or CSV.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/model_runner.h"
#include "cli/report_output.h"
#include "cli/scenario_input.h"
#include "cli/work_limits.h"
#include "entente/decision_rule.h"
#include "entente/io.h"
#include "entente/report_format.h"

namespace entente::cli {

namespace {

struct RunFlags {
  ScenarioFlags input;
  ModelSelection selection;
  std::string format = "table";
  std::string what;  // csv only: positions (default) | forecasts
  std::string output;
  std::string rule;  // "" = the scenario's; "none" = no rule
};

// --rule accepts every decision rule name and "none".
std::vector<std::string> RuleChoices() {
  std::vector<std::string> choices = DecisionRuleNames();
  choices.push_back("none");
  return choices;
}

int Run(const RunFlags& flags, const Invocation& invocation) {
  if (!flags.what.empty() && flags.format != "csv") {
    return ReportFailure(Status::InvalidArgument(
        "--what selects the CSV table; it needs --format csv (JSON holds both tables)"));
  }
  Result<std::vector<PlannedRun>> plan = PlanRuns(flags.selection);
  if (!plan.ok()) return ReportFailure(plan.status());
  Result<LoadedScenario> loaded = LoadScenarioForRun(flags.input);
  if (!loaded.ok()) return ReportFailure(loaded.status());
  // --rule overrides the scenario's decision rule; it changes only the reports, not the models.
  if (!flags.rule.empty()) loaded->scenario.decision_rule = flags.rule == "none" ? "" : flags.rule;
  const Scenario* scenario = &loaded->scenario;
  Result<std::vector<ModelRun>> runs = ExecuteRuns(*scenario, *plan);
  if (!runs.ok()) return ReportFailure(runs.status());

  std::map<std::string, std::string> options = DescribeOptions(flags.selection, *plan);
  options["format"] = flags.format;
  options["events"] = loaded->events;
  if (!flags.rule.empty() || !scenario->decision_rule.empty()) {
    options["rule"] = scenario->decision_rule.empty() ? "none" : scenario->decision_rule;
  }
  const ReportHeader header =
      MakeReportHeader(*scenario, std::move(options), invocation.command_line);
  std::string text;
  if (flags.format == "json") {
    text = FormatResultsJson(*scenario, *runs, header);
  } else if (flags.format == "csv") {
    text =
        FormatResultsCsv(*scenario, *runs, header,
                         flags.what == "forecasts" ? CsvTable::kForecasts : CsvTable::kPositions);
  } else {
    text = FormatForecastTable(*scenario, *runs, header);
  }

  return EmitReport(text, flags.output);
}

}  // namespace

Action ConfigureRun(CLI::App* app, const Invocation* invocation) {
  auto flags = std::make_shared<RunFlags>();
  AddScenarioOptions(app, &flags->input, /*with_events=*/true);
  app->add_option("--model,-m", flags->selection.model,
                  "run only this model (default: eum and every baseline; see `entente models`)");
  app->add_option("--preset,-p", flags->selection.preset,
                  "the model's preset (without --model: eum's preset)");
  app->add_option("--rounds,-n", flags->selection.rounds,
                  "maximum bargaining rounds (0 = the model's default)")
      ->check(CLI::NonNegativeNumber);
  AddMaxRoundsOption(app, &flags->selection.max_rounds);
  app->add_option("--format,-f", flags->format, "table (default), json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app->add_option("--what", flags->what,
                  "with --format csv: positions (default, every round) or forecasts")
      ->check(CLI::IsMember({"positions", "forecasts"}));
  app->add_option("--output,-o", flags->output,
                  "write to this file (atomically) instead of standard output");
  app->add_option("--param", flags->selection.params,
                  "model option key=value (repeatable; without --model: for eum)");
  app->add_option("--rule", flags->rule,
                  "decision rule applied to each model's final positions, overriding the "
                  "scenario's (consensus, unanimity, majority, ...; none = no rule)")
      ->check(CLI::IsMember(RuleChoices()));
  return [flags, invocation] { return Run(*flags, *invocation); };
}

}  // namespace entente::cli
