// `entente sensitivity FILE`: which inputs move each issue's forecast most (one-at-a-time
// elasticities, Sobol first-order and total indices over the scenario's uncertain inputs), or,
// with --target, how far one actor's position or salience would have to move for an issue's
// forecast to reach a value. Library: include/entente/sensitivity.h.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/model_runner.h"
#include "cli/progress.h"
#include "cli/report_output.h"
#include "cli/scenario_input.h"
#include "entente/io.h"
#include "entente/model.h"
#include "entente/report_format.h"
#include "entente/sensitivity.h"
#include "entente/sensitivity_format.h"

namespace entente::cli {

namespace {

struct SensitivityFlags {
  ScenarioFlags input;
  std::string model = "eum";
  std::string preset;
  int rounds = 0;
  std::vector<std::string> params;
  std::vector<std::string> issues;
  int samples = SensitivityOptions{}.samples;
  std::uint64_t seed = 1;
  int threads = 0;
  double step = SensitivityOptions{}.step;
  int bootstrap = SensitivityOptions{}.bootstrap;
  std::string format = "table";
  std::string output;
  std::optional<double> target;
  std::string actor;
  std::string field;
  bool quiet = false;
};

// A progress report on standard error (cli/progress.h), created on the first callback, when the
// library knows how many model runs it plans.
class ProgressSink {
 public:
  ProgressSink(const char* label, bool quiet) : label_(label), quiet_(quiet) {}
  std::function<void(long long, long long)> Callback() {
    return [this](long long done, long long total) {
      if (!progress_) {
        progress_.emplace(label_, static_cast<std::uint64_t>(total), Progress::ChooseMode(quiet_));
      }
      progress_->Update(static_cast<std::uint64_t>(done));
    };
  }
  void Finish() {
    if (progress_) progress_->Finish();
  }

 private:
  const char* label_;
  bool quiet_;
  std::optional<Progress> progress_;
};

Result<RunOptions> MakeRunOptions(const SensitivityFlags& flags) {
  RunOptions run;
  run.preset = flags.preset;
  run.max_rounds = flags.rounds;
  run.seed = flags.seed;
  Result<std::map<std::string, std::string>> params = ParseParams(flags.params);
  if (!params.ok()) return params.status();
  run.params = std::move(*params);
  return run;
}

int Threads(int requested) {
  if (requested > 0) return requested;
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

std::map<std::string, std::string> CommonOptions(const SensitivityFlags& flags,
                                                 const std::string& events) {
  std::map<std::string, std::string> o;
  o["model"] = flags.model;
  if (!flags.preset.empty()) o["preset"] = flags.preset;
  o["rounds"] = flags.rounds == 0 ? "model default" : std::to_string(flags.rounds);
  for (const std::string& p : flags.params) o["param." + p.substr(0, p.find('='))] = p;
  o["seed"] = std::to_string(flags.seed);
  o["format"] = flags.format;
  o["events"] = events;
  return o;
}

int Target(const SensitivityFlags& flags, const LoadedScenario& loaded, const RunOptions& run,
           const Invocation& invocation) {
  if (flags.issues.size() != 1) {
    return ReportFailure(Status::InvalidArgument("--target needs exactly one --issue"));
  }
  TargetOptions options;
  options.model = flags.model;
  options.run = run;
  options.issue = flags.issues.front();
  options.target = *flags.target;
  options.actor = flags.actor;
  options.field = flags.field == "salience" ? UncertainInput::Field::kSalience
                                            : UncertainInput::Field::kPosition;
  options.threads = Threads(flags.threads);
  options.cancelled = [] { return InterruptSignal() != 0; };
  ProgressSink progress("sensitivity --target", flags.quiet);
  options.progress = progress.Callback();
  Result<TargetSummary> summary = SolveTarget(loaded.scenario, options);
  progress.Finish();
  if (!summary.ok()) return ReportFailure(summary.status());

  std::map<std::string, std::string> o = CommonOptions(flags, loaded.events);
  if (!summary->preset.empty()) o["preset"] = summary->preset;
  o["issue"] = options.issue;
  o["target"] = fmt::format("{}", options.target);
  o["field"] = InputFieldName(options.field);
  o["actor"] = flags.actor.empty() ? "all" : flags.actor;
  o["grid"] = std::to_string(options.grid);
  const ReportHeader header =
      MakeReportHeader(loaded.scenario, std::move(o), invocation.command_line);
  const std::string text = flags.format == "json"
                               ? FormatTargetJson(*summary, header)
                               : FormatTargetTable(loaded.scenario, *summary, header);
  const int code = EmitReport(text, flags.output);
  const bool any = std::any_of(summary->results.begin(), summary->results.end(),
                               [](const TargetResult& r) { return r.reachable; });
  if (code != kExitOk || any) return code;
  // The report (with the reachable ranges) is out; the exit code tells scripts it failed.
  return ReportFailure(Status::InvalidArgument(
      fmt::format("no {} {} alone reaches {} on '{}' (the report shows the reachable range)",
                  InputFieldName(options.field),
                  flags.actor.empty() ? std::string("of any actor") : "of '" + flags.actor + "'",
                  options.target, options.issue)));
}

int Sensitivity(const SensitivityFlags& flags, const Invocation& invocation) {
  if (!flags.target && (!flags.actor.empty() || !flags.field.empty())) {
    return ReportFailure(Status::InvalidArgument("--actor and --field need --target"));
  }
  Result<RunOptions> run = MakeRunOptions(flags);
  if (!run.ok()) return ReportFailure(run.status());
  Result<const ModelInfo*> model = FindModel(flags.model);
  if (!model.ok()) return ReportFailure(model.status());
  Result<LoadedScenario> loaded = LoadScenarioForRun(flags.input);
  if (!loaded.ok()) return ReportFailure(loaded.status());
  if (flags.target) return Target(flags, *loaded, *run, invocation);

  SensitivityOptions options;
  options.model = flags.model;
  options.run = *run;
  options.issues = flags.issues;
  options.samples = flags.samples;
  options.seed = flags.seed;
  options.threads = Threads(flags.threads);
  options.step = flags.step;
  options.bootstrap = flags.bootstrap;
  options.cancelled = [] { return InterruptSignal() != 0; };
  ProgressSink progress("sensitivity", flags.quiet);
  options.progress = progress.Callback();
  Result<SensitivitySummary> summary = RunSensitivity(loaded->scenario, options);
  progress.Finish();
  if (!summary.ok()) return ReportFailure(summary.status());

  std::map<std::string, std::string> o = CommonOptions(flags, loaded->events);
  if (!summary->preset.empty()) o["preset"] = summary->preset;
  o["samples"] = std::to_string(flags.samples);
  o["step"] = fmt::format("{}", flags.step);
  o["bootstrap"] = std::to_string(flags.bootstrap);
  if (!flags.issues.empty()) {
    std::string list;
    for (const std::string& i : flags.issues) list += (list.empty() ? "" : ",") + i;
    o["issues"] = list;
  }
  const ReportHeader header =
      MakeReportHeader(loaded->scenario, std::move(o), invocation.command_line);
  const std::string text = flags.format == "json"
                               ? FormatSensitivityJson(*summary, header)
                               : FormatSensitivityTable(loaded->scenario, *summary, header);
  return EmitReport(text, flags.output);
}

}  // namespace

Action ConfigureSensitivity(CLI::App* app, const Invocation* invocation) {
  auto flags = std::make_shared<SensitivityFlags>();
  AddScenarioOptions(app, &flags->input, /*with_events=*/true);
  app->add_option("--model,-m", flags->model, "the model to analyse (default eum)");
  app->add_option("--preset,-p", flags->preset, "the model's preset (default: its default)");
  app->add_option("--rounds,-n", flags->rounds,
                  "maximum bargaining rounds (0 = the model's default)")
      ->check(CLI::Range(0, 1000000));
  app->add_option("--param", flags->params, "model option key=value (repeatable)");
  app->add_option("--issue,-i", flags->issues,
                  "report only this issue (repeatable; exactly one with --target)");
  app->add_option("--samples,-N", flags->samples,
                  "Sobol base sample size N (default 512; N x (k + 2) model runs)")
      ->check(CLI::Range(2, 100000000));
  app->add_option("--seed,-s", flags->seed, "run seed (default 1)");
  app->add_option("--threads,-j", flags->threads,
                  "worker threads (default 0 = one per core); results do not depend on it")
      ->check(CLI::Range(0, 4096));
  app->add_option("--step", flags->step,
                  "one-at-a-time relative step, a fraction of each input's range (default 0.05)")
      ->check(CLI::Range(1e-9, 1.0));
  app->add_option("--bootstrap", flags->bootstrap,
                  "bootstrap resamples for the Sobol intervals (default 200; 0 = none)")
      ->check(CLI::Range(0, 100000));
  app->add_option("--target", flags->target,
                  "find the value of one input at which the --issue forecast reaches this");
  app->add_option("--actor,-a", flags->actor,
                  "with --target: vary only this actor (default: each actor, ranked)");
  app->add_option("--field", flags->field, "with --target: position (default) or salience")
      ->check(CLI::IsMember({"position", "salience"}));
  app->add_flag("--quiet,-q", flags->quiet, "no progress report on standard error");
  app->add_option("--format,-f", flags->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  app->add_option("--output,-o", flags->output,
                  "write to this file (atomically) instead of standard output");
  return [flags, invocation] { return Sensitivity(*flags, *invocation); };
}

}  // namespace entente::cli
