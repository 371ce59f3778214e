// `entente explain FILE --issue I [--actor A]`: round by round, who challenged whom, with what
// expected utilities and probability, in which quadrant, and where each actor moved.
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
#include "entente/io.h"
#include "entente/report_format.h"

namespace entente::cli {

namespace {

struct ExplainFlags {
  ScenarioFlags input;
  std::string issue;
  std::string actor;
  ModelSelection selection;
};

template <typename T>
std::string Ids(const std::vector<T>& items) {
  std::string ids;
  for (const T& item : items) ids += (ids.empty() ? "" : ", ") + item.id;
  return ids;
}

int Explain(ExplainFlags flags) {
  if (flags.selection.model.empty()) flags.selection.model = "eum";
  flags.selection.record_detail = true;
  Result<std::vector<PlannedRun>> plan = PlanRuns(flags.selection);
  if (!plan.ok()) return ReportFailure(plan.status());
  Result<LoadedScenario> loaded = LoadScenarioForRun(flags.input);
  if (!loaded.ok()) return ReportFailure(loaded.status());
  const Scenario* scenario = &loaded->scenario;

  const std::optional<std::size_t> issue = scenario->FindIssue(flags.issue);
  if (!issue) {
    return ReportFailure(Status::InvalidArgument("unknown issue '" + flags.issue +
                                                 "'; known issues: " + Ids(scenario->issues)));
  }
  if (!flags.actor.empty()) {
    const std::optional<std::size_t> actor = scenario->FindActor(flags.actor);
    if (!actor) {
      return ReportFailure(Status::InvalidArgument("unknown actor '" + flags.actor +
                                                   "'; known actors: " + Ids(scenario->actors)));
    }
    if (!scenario->stances[*issue][*actor]) {
      return ReportFailure(Status::InvalidArgument(
          "actor '" + flags.actor + "' takes no part in issue '" + flags.issue + "'"));
    }
  }
  Result<std::vector<ModelRun>> runs = ExecuteRuns(*scenario, *plan);
  if (!runs.ok()) return ReportFailure(runs.status());
  const ModelRun& run = runs->front();
  for (const IssueResult& result : run.issues) {
    if (result.issue_id != flags.issue) continue;
    const std::string text = FormatExplanation(*scenario, *issue, run, result, flags.actor);
    return EmitReport(text, /*output=*/"");
  }
  return ReportFailure(
      Status::Internal("model '" + run.model + "' returned no result for issue " + flags.issue));
}

}  // namespace

Action ConfigureExplain(CLI::App* app, const Invocation* /*invocation*/) {
  auto flags = std::make_shared<ExplainFlags>();
  AddScenarioOptions(app, &flags->input, /*with_events=*/true);
  app->add_option("--issue,-i", flags->issue, "the issue to explain (its id)")->required();
  app->add_option("--actor,-a", flags->actor, "show only the pairs involving this actor (id)");
  app->add_option("--model,-m", flags->selection.model, "the model (default: eum)");
  app->add_option("--preset,-p", flags->selection.preset, "the model's preset");
  app->add_option("--rounds,-n", flags->selection.rounds,
                  "maximum bargaining rounds (0 = the model's default)")
      ->check(CLI::NonNegativeNumber);
  AddMaxRoundsOption(app, &flags->selection.max_rounds);
  app->add_option("--param", flags->selection.params, "model option key=value (repeatable)");
  return [flags] { return Explain(*flags); };
}

}  // namespace entente::cli
