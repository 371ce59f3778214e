// `entente compare FILE`: run every registered model, each with its default preset, on one
// scenario and print their forecasts side by side (per issue: each model's forecast, rounds and
// stop reason, the spread between models, and the error against a recorded outcome).
//
// A model that cannot run on the scenario (e.g. nash on an issue without a status quo) does not
// fail the command: it is listed with its reason under "not run" (table) or as a header option
// "not_run.MODEL" (JSON, CSV). Only an interrupt or a scenario that does not load fails.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/model_runner.h"
#include "cli/report_output.h"
#include "cli/scenario_input.h"
#include "cli/work_limits.h"
#include "entente/io.h"
#include "entente/model.h"
#include "entente/report_format.h"

namespace entente::cli {

namespace {

struct CompareFlags {
  ScenarioFlags input;
  int rounds = 0;
  int max_rounds = kDefaultMaxRounds;
  std::string format = "table";
  std::string what;
  std::string output;
};

int Compare(const CompareFlags& flags, const Invocation& invocation) {
  if (!flags.what.empty() && flags.format != "csv") {
    return ReportFailure(Status::InvalidArgument(
        "--what selects the CSV table; it needs --format csv (JSON holds both tables)"));
  }
  if (Status s = CheckRoundLimit("--rounds", flags.rounds, flags.max_rounds); !s.ok()) {
    return ReportFailure(s);
  }
  Result<LoadedScenario> loaded = LoadScenarioForRun(flags.input);
  if (!loaded.ok()) return ReportFailure(loaded.status());
  const Scenario& scenario = loaded->scenario;
  std::vector<SkippedModel> skipped;
  RunOptions base;
  base.max_rounds = flags.rounds;
  Result<std::vector<ModelRun>> runs = RunEveryModel(scenario, base, {}, &skipped);
  if (!runs.ok()) return ReportFailure(runs.status());

  std::map<std::string, std::string> options =
      DescribeEveryModelRun(*runs, flags.rounds, loaded->events);
  options["format"] = flags.format;
  if (flags.format != "table") {
    for (const SkippedModel& s : skipped) options["not_run." + s.model] = s.reason;
  }
  const ReportHeader header =
      MakeReportHeader(scenario, std::move(options), invocation.command_line);
  std::string text;
  if (flags.format == "json") {
    text = FormatResultsJson(scenario, *runs, header);
  } else if (flags.format == "csv") {
    text =
        FormatResultsCsv(scenario, *runs, header,
                         flags.what == "positions" ? CsvTable::kPositions : CsvTable::kForecasts);
  } else {
    text = FormatForecastTable(scenario, *runs, header);
    if (!skipped.empty()) {
      text += "\nNot run:\n";
      for (const SkippedModel& s : skipped) text += fmt::format("  {}: {}\n", s.model, s.reason);
    }
  }

  return EmitReport(text, flags.output);
}

}  // namespace

Action ConfigureCompare(CLI::App* app, const Invocation* invocation) {
  auto flags = std::make_shared<CompareFlags>();
  AddScenarioOptions(app, &flags->input, /*with_events=*/true);
  app->add_option("--rounds,-n", flags->rounds,
                  "maximum bargaining rounds for every model (0 = each model's default)")
      ->check(CLI::NonNegativeNumber);
  AddMaxRoundsOption(app, &flags->max_rounds);
  app->add_option("--format,-f", flags->format, "table (default), json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app->add_option("--what", flags->what,
                  "with --format csv: forecasts (default) or positions (every round)")
      ->check(CLI::IsMember({"positions", "forecasts"}));
  app->add_option("--output,-o", flags->output,
                  "write to this file (atomically) instead of standard output");
  return [flags, invocation] { return Compare(*flags, *invocation); };
}

}  // namespace entente::cli
