// `entente report FILE -o report.html`: one self-contained HTML page with the scenario, every
// model's run on it, and (when given) the analyses around them, drawn as Vega-Lite charts
// (include/entente/html_report.h). Like `compare`, it runs every registered model with its
// default preset; the expected utility model also records its challenges for the perception
// maps. A model that cannot run on the scenario is listed under "not run" in the page.
// `--sweep RUN_ID` adds a stored Monte Carlo sweep (intervals, histograms, threshold
// probabilities, recomputed from the store's replications); the tornado chart comes from a
// one-at-a-time sensitivity run of `--sensitivity-model` (off with `--no-sensitivity`).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/model_runner.h"
#include "cli/report_output.h"
#include "cli/scenario_input.h"
#include "entente/html_report.h"
#include "entente/report_format.h"
#include "entente/run_store.h"
#include "entente/sensitivity.h"
#include "entente/sweep.h"

namespace entente::cli {

namespace {

struct ReportFlags {
  ScenarioFlags input;
  int rounds = 0;
  std::string output;
  std::int64_t sweep = 0;  // 0 = no sweep
  std::string store;       // "" = runs.db beside the scenario
  bool no_sensitivity = false;
  std::string sensitivity_model = "eum";
};

// The stored sweep `run` as the report draws it, recomputed from its replications.
Result<ReportSweep> LoadSweep(const std::string& store_path, std::int64_t run_id,
                              const Scenario& scenario) {
  std::error_code ec;
  if (!std::filesystem::exists(store_path, ec)) {
    return Status::IOError(store_path +
                           ": no run store here (entente sweep creates one; --store PATH names "
                           "another)");
  }
  Result<std::unique_ptr<RunStore>> store = RunStore::Open(store_path);
  if (!store.ok()) return store.status();
  Result<StoredRun> run = (*store)->GetRun(run_id);
  if (!run.ok()) return run.status();
  if (run->kind != "sweep") {
    return Status::InvalidArgument("run " + std::to_string(run_id) + " in " + store_path +
                                   " is a " + run->kind +
                                   " run, not a sweep (entente runs list shows the kinds)");
  }
  if (run->status != "complete") {
    return Status::InvalidArgument("run " + std::to_string(run_id) + " in " + store_path + " is " +
                                   run->status + " (" + std::to_string(run->done) + " of " +
                                   std::to_string(run->samples) +
                                   " replications); finish it with: entente sweep --resume " +
                                   std::to_string(run_id) + " --store " + store_path);
  }
  if (run->scenario_hash != ScenarioHash(scenario)) {
    return Status::InvalidArgument("run " + std::to_string(run_id) + " in " + store_path +
                                   " swept " + run->scenario_path + " (hash " + run->scenario_hash +
                                   "), not this scenario (hash " + ScenarioHash(scenario) +
                                   "); pass the file that was swept");
  }
  Result<SweepOptions> options = SweepOptionsFromJson(run->options_json);
  if (!options.ok()) return options.status();
  Result<std::vector<ReplicationResult>> results =
      (*store)->LoadResults(run->id, *options, scenario);
  if (!results.ok()) return results.status();
  Result<SweepSummary> summary = Summarize(scenario, *options, std::move(results).value());
  if (!summary.ok()) return summary.status();
  ReportSweep sweep;
  sweep.run_id = store_path + "#" + std::to_string(run_id);
  sweep.seed = summary->seed;
  sweep.samples = summary->samples;
  sweep.description =
      std::to_string(summary->samples) + " draws of the scenario's uncertain inputs";
  for (const SweepStat& stat : summary->stats) {
    ReportSweepStat out;
    out.model = stat.model;
    out.preset = stat.preset;
    out.issue = stat.issue;
    out.n = stat.n;
    out.p05 = stat.p05;
    out.median = stat.median;
    out.p95 = stat.p95;
    out.bin_edges = stat.bin_edges;
    out.histogram = stat.histogram;
    out.thresholds = stat.thresholds;
    out.threshold_probability = stat.threshold_probability;
    sweep.stats.push_back(std::move(out));
  }
  return sweep;
}

// One-at-a-time effects of `model` (default preset) for the tornado chart: every actor's
// capability, position and salience (the scenario's declared distributions are set aside, so that
// the chart answers "whose inputs move the outcome" even where the declared ones do not), each
// issue's `kTornadoBars` largest effects. Sobol indices are `entente sensitivity`'s job.
constexpr std::size_t kTornadoBars = 15;

Result<ReportSensitivity> RunTornado(const Scenario& scenario, const std::string& model,
                                     int rounds) {
  Scenario point = scenario;
  point.uncertain.clear();
  SensitivityOptions options;
  options.model = model;
  options.run.max_rounds = rounds;
  options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.cancelled = [] { return InterruptSignal() != 0; };
  Result<SensitivitySummary> summary = RunSensitivity(point, options);
  if (!summary.ok()) return summary.status();
  ReportSensitivity out;
  out.model = summary->model;
  out.preset = summary->preset;
  std::size_t inputs = 0;
  std::string moved;  // per issue: how many inputs move its forecast at all
  for (const IssueSensitivity& issue : summary->issues) {
    std::vector<const Elasticity*> ranked;
    for (const Elasticity& e : issue.elasticities) {
      // Inputs whose ±5 % moves change nothing are counted, not drawn.
      if (std::abs(e.forecast_high - e.forecast_low) > 1e-9) ranked.push_back(&e);
    }
    inputs = std::max(inputs, issue.elasticities.size());
    moved += (moved.empty() ? "" : ", ") + issue.issue + " " + std::to_string(ranked.size());
    std::stable_sort(ranked.begin(), ranked.end(), [](const Elasticity* a, const Elasticity* b) {
      return std::abs(a->forecast_high - a->forecast_low) >
             std::abs(b->forecast_high - b->forecast_low);
    });
    if (ranked.size() > kTornadoBars) ranked.resize(kTornadoBars);
    for (const Elasticity* e : ranked) {
      ReportSensitivityBar bar;
      bar.issue = issue.issue;
      bar.input = DescribeInput(e->input);
      bar.input_low = e->low_value;
      bar.input_high = e->high_value;
      bar.forecast_base = issue.base_forecast;
      bar.forecast_low = e->forecast_low;
      bar.forecast_high = e->forecast_high;
      out.bars.push_back(std::move(bar));
    }
  }
  out.method =
      "one input at a time, the others at their point values: each actor's capability, "
      "position and salience moved by ±5 % of its range (the capability itself, the "
      "scale, the salience scale); of " +
      std::to_string(inputs) + " inputs per issue, the number that move the forecast at all (" +
      moved + "), the " + std::to_string(kTornadoBars) +
      " largest drawn (entente sensitivity has all of them and the Sobol indices)";
  return out;
}

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
  std::map<std::string, std::string> options =
      DescribeEveryModelRun(*runs, flags.rounds, loaded->events);
  if (!scenario.decision_rule.empty()) options["rule"] = scenario.decision_rule;
  for (SkippedModel& s : skipped) input.not_run.emplace_back(s.model, std::move(s.reason));
  input.header = MakeReportHeader(scenario, std::move(options), invocation.command_line);
  input.runs = std::move(runs).value();
  if (flags.sweep != 0) {
    const std::string store =
        flags.store.empty() ? DefaultStorePath(flags.input.file) : flags.store;
    Result<ReportSweep> sweep = LoadSweep(store, flags.sweep, scenario);
    if (!sweep.ok()) return ReportFailure(sweep.status());
    input.sweep = std::move(sweep).value();
  }
  if (!flags.no_sensitivity) {
    Result<ReportSensitivity> tornado = RunTornado(scenario, flags.sensitivity_model, flags.rounds);
    if (!tornado.ok()) return ReportFailure(tornado.status());
    input.sensitivity = std::move(tornado).value();
  }

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
  app->add_option("--sweep", flags->sweep,
                  "add the stored sweep RUN_ID (intervals, histograms, thresholds)")
      ->check(CLI::PositiveNumber);
  app->add_option("--store", flags->store,
                  "run store holding --sweep (default: runs.db beside FILE)");
  CLI::Option* none =
      app->add_flag("--no-sensitivity", flags->no_sensitivity, "leave out the tornado chart");
  app->add_option("--sensitivity-model", flags->sensitivity_model,
                  "model whose one-at-a-time sensitivity the tornado chart shows (default eum)")
      ->excludes(none);
  return [flags, invocation] { return Report(*flags, *invocation); };
}

}  // namespace entente::cli
