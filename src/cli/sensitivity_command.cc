// `entente sensitivity FILE`: which inputs move each issue's forecast most (one-at-a-time
// elasticities, Sobol first-order and total indices over the scenario's uncertain inputs), or,
// with --target, how far one actor's position or salience would have to move for an issue's
// forecast to reach a value. Library: include/entente/sensitivity.h. Every run is recorded in the
// run store (include/entente/run_store.h) unless --no-store; `--resume RUN_ID` finishes a stored
// run that was interrupted or killed by running the analysis again from the stored scenario and
// options (the analysis keeps no partial state, so it starts over; the result is identical).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "analysis/sensitivity_inputs.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/model_runner.h"
#include "cli/progress.h"
#include "cli/report_output.h"
#include "cli/scenario_formats.h"
#include "cli/scenario_input.h"
#include "cli/stored_scenario.h"
#include "entente/io.h"
#include "entente/model.h"
#include "entente/report_format.h"
#include "entente/run_store.h"
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
  std::string store;
  bool no_store = false;
  std::int64_t resume = 0;
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

// What the flags ask for, as the run store keeps it (REQUIRES: flags.resume == 0).
SensitivityRunOptions OptionsFromFlags(const SensitivityFlags& flags, const RunOptions& run) {
  SensitivityRunOptions o;
  o.target = flags.target.has_value();
  o.events = SelectedEvents(flags.input);
  if (o.target) {
    TargetOptions& t = o.target_options;
    t.model = flags.model;
    t.run = run;
    t.issue = flags.issues.empty() ? std::string() : flags.issues.front();
    t.target = *flags.target;
    t.actor = flags.actor;
    t.field = flags.field == "salience" ? UncertainInput::Field::kSalience
                                        : UncertainInput::Field::kPosition;
  } else {
    SensitivityOptions& s = o.indices;
    s.model = flags.model;
    s.run = run;
    s.issues = flags.issues;
    s.samples = flags.samples;
    s.seed = flags.seed;
    s.step = flags.step;
    s.bootstrap = flags.bootstrap;
  }
  return o;
}

// The checks the analysis makes on its options and on the issue and actor names, made before a
// run is recorded so that a typo leaves no failed run in the store.
Status CheckNames(const Scenario& scenario, const SensitivityRunOptions& options) {
  if (!options.target) {
    if (Status s = options.indices.Validate(); !s.ok()) return s;
    for (const std::string& id : options.indices.issues) {
      if (!scenario.FindIssue(id)) return analysis::UnknownIssue(scenario, id);
    }
    return Status::Ok();
  }
  const TargetOptions& t = options.target_options;
  if (Status s = t.Validate(); !s.ok()) return s;
  const std::optional<std::size_t> issue = scenario.FindIssue(t.issue);
  if (!issue) return analysis::UnknownIssue(scenario, t.issue);
  if (!t.actor.empty()) {
    const std::optional<std::size_t> actor = scenario.FindActor(t.actor);
    if (!actor) return analysis::UnknownActor(scenario, t.actor);
    if (!scenario.stances[*issue][*actor]) {
      return Status::InvalidArgument("actor '" + t.actor + "' takes no part in issue '" + t.issue +
                                     "'");
    }
  }
  return Status::Ok();
}

// The report header's options (every option in force, by name).
std::map<std::string, std::string> CommonOptions(const std::string& model, const RunOptions& run,
                                                 const std::string& format,
                                                 const std::string& events) {
  std::map<std::string, std::string> o;
  o["model"] = model;
  if (!run.preset.empty()) o["preset"] = run.preset;
  o["rounds"] = run.max_rounds == 0 ? "model default" : std::to_string(run.max_rounds);
  // As `run` and `sweep` name them: param.MODEL.KEY = VALUE.
  for (const auto& [key, value] : run.params) o["param." + model + "." + key] = value;
  o["seed"] = std::to_string(run.seed);
  o["format"] = format;
  o["events"] = events;
  return o;
}

// The run store a sensitivity run writes to (or resumes from), if any.
struct SensitivityStore {
  std::unique_ptr<RunStore> store;
  std::string path;
  std::int64_t run = 0;
};

std::string SensitivityStorePath(const SensitivityFlags& flags) {
  if (!flags.store.empty()) return flags.store;
  if (!flags.input.file.empty()) return DefaultStorePath(flags.input.file);
  return "runs.db";
}

// After a failed or interrupted analysis: marks the stored run and reports.
int SensitivityFailed(const Status& status, SensitivityStore* stored) {
  if (stored->store == nullptr) return ReportFailure(status);
  const bool interrupted = status.code() == StatusCode::kInterrupted;
  stored->store->SetStatus(stored->run, interrupted ? "interrupted" : "failed");
  if (interrupted) {
    std::fprintf(stderr,
                 "sensitivity %s; run %lld is stored in %s; finish it with: entente sensitivity "
                 "--resume %lld --store %s\n",
                 status.message().c_str(), static_cast<long long>(stored->run),
                 stored->path.c_str(), static_cast<long long>(stored->run), stored->path.c_str());
    return InterruptSignal() != 0 ? InterruptExitCode() : kExitSigint;
  }
  return ReportFailure(status);
}

void NoteStored(const SensitivityStore& stored, bool quiet) {
  if (stored.store != nullptr && !quiet) {
    std::fprintf(stderr, "sensitivity: stored as run %lld in %s\n",
                 static_cast<long long>(stored.run), stored.path.c_str());
  }
}

int Target(const SensitivityFlags& flags, const LoadedScenario& loaded, TargetOptions options,
           SensitivityStore* stored, const std::string& command_line,
           const std::optional<TargetSummary>& already) {
  options.threads = Threads(flags.threads);
  options.cancelled = [] { return InterruptSignal() != 0; };
  ProgressSink progress("sensitivity --target", flags.quiet);
  options.progress = progress.Callback();
  Result<TargetSummary> summary =
      already ? Result<TargetSummary>(*already) : SolveTarget(loaded.scenario, options);
  progress.Finish();
  if (!summary.ok()) return SensitivityFailed(summary.status(), stored);
  if (stored->store != nullptr && !already) {
    if (Status s = stored->store->StoreTarget(stored->run, *summary); !s.ok()) {
      stored->store->SetStatus(stored->run, "failed");  // the rows were rolled back
      return ReportFailure(s);
    }
  }

  std::map<std::string, std::string> o =
      CommonOptions(options.model, options.run, flags.format, loaded.events);
  if (!summary->preset.empty()) o["preset"] = summary->preset;
  o["issue"] = options.issue;
  o["target"] = fmt::format("{}", options.target);
  o["field"] = InputFieldName(options.field);
  o["actor"] = options.actor.empty() ? "all" : options.actor;
  o["grid"] = std::to_string(options.grid);
  if (stored->store != nullptr) o["run"] = stored->path + "#" + std::to_string(stored->run);
  const ReportHeader header = MakeReportHeader(loaded.scenario, std::move(o), command_line);
  const std::string text = flags.format == "json"
                               ? FormatTargetJson(*summary, header)
                               : FormatTargetTable(loaded.scenario, *summary, header);
  NoteStored(*stored, flags.quiet);
  const int code = EmitReport(text, flags.output);
  const bool any = std::any_of(summary->results.begin(), summary->results.end(),
                               [](const TargetResult& r) { return r.reachable; });
  if (code != kExitOk || any) return code;
  // The report (with the reachable ranges) is out; the exit code tells scripts it failed.
  return ReportFailure(Status::InvalidArgument(fmt::format(
      "no {} {} alone reaches {} on '{}' (the report shows the reachable range)",
      InputFieldName(options.field),
      options.actor.empty() ? std::string("of any actor") : "of '" + options.actor + "'",
      options.target, options.issue)));
}

int Indices(const SensitivityFlags& flags, const LoadedScenario& loaded, SensitivityOptions options,
            SensitivityStore* stored, const std::string& command_line,
            const std::optional<SensitivitySummary>& already) {
  options.threads = Threads(flags.threads);
  options.cancelled = [] { return InterruptSignal() != 0; };
  ProgressSink progress("sensitivity", flags.quiet);
  options.progress = progress.Callback();
  Result<SensitivitySummary> summary =
      already ? Result<SensitivitySummary>(*already) : RunSensitivity(loaded.scenario, options);
  progress.Finish();
  if (!summary.ok()) return SensitivityFailed(summary.status(), stored);
  if (stored->store != nullptr && !already) {
    if (Status s = stored->store->StoreSensitivity(stored->run, *summary); !s.ok()) {
      stored->store->SetStatus(stored->run, "failed");  // the rows were rolled back
      return ReportFailure(s);
    }
  }

  std::map<std::string, std::string> o =
      CommonOptions(options.model, options.run, flags.format, loaded.events);
  if (!summary->preset.empty()) o["preset"] = summary->preset;
  o["samples"] = std::to_string(options.samples);
  o["step"] = fmt::format("{}", options.step);
  o["bootstrap"] = std::to_string(options.bootstrap);
  if (!options.issues.empty()) {
    std::string list;
    for (const std::string& i : options.issues) list += (list.empty() ? "" : ",") + i;
    o["issues"] = list;
  }
  if (stored->store != nullptr) o["run"] = stored->path + "#" + std::to_string(stored->run);
  const ReportHeader header = MakeReportHeader(loaded.scenario, std::move(o), command_line);
  const std::string text = flags.format == "json"
                               ? FormatSensitivityJson(*summary, header)
                               : FormatSensitivityTable(loaded.scenario, *summary, header);
  NoteStored(*stored, flags.quiet);
  return EmitReport(text, flags.output);
}

int Sensitivity(const SensitivityFlags& flags, const Invocation& invocation) {
  SensitivityStore stored;
  stored.path = SensitivityStorePath(flags);
  SensitivityRunOptions options;
  Scenario scenario;  // as read from the file (before events): what the store keeps
  std::string command_line = invocation.command_line;
  bool complete = false;  // --resume of a run that already finished: report it from the store

  if (flags.resume != 0) {
    Result<std::unique_ptr<RunStore>> opened = RunStore::Open(stored.path);
    if (!opened.ok()) return ReportFailure(opened.status());
    stored.store = std::move(opened).value();
    Result<StoredRun> run = stored.store->GetRun(flags.resume);
    if (!run.ok()) return ReportFailure(run.status());
    if (run->kind != "sensitivity") {
      return ReportFailure(Status::InvalidArgument(
          stored.path + ": run " + std::to_string(run->id) + " is a " + run->kind +
          " run; finish it with: entente " + run->kind + " --resume " + std::to_string(run->id) +
          " --store " + stored.path));
    }
    Result<SensitivityRunOptions> from = SensitivityRunOptionsFromJson(run->options_json);
    if (!from.ok()) return ReportFailure(from.status());
    options = std::move(from).value();
    Result<Scenario> loaded = StoredScenario(*run, LimitsOf(flags.input));
    if (!loaded.ok()) return ReportFailure(loaded.status());
    scenario = std::move(loaded).value();
    stored.run = run->id;
    complete = run->status == "complete";
    if (!complete) {
      if (Status s = stored.store->SetStatus(stored.run, "running"); !s.ok()) {
        return ReportFailure(s);
      }
    }
  } else {
    if (flags.input.file.empty()) {
      return ReportFailure(
          Status::InvalidArgument("sensitivity needs a scenario FILE (or --resume ID)"));
    }
    if (!flags.target && (!flags.actor.empty() || !flags.field.empty())) {
      return ReportFailure(Status::InvalidArgument("--actor and --field need --target"));
    }
    Result<RunOptions> run = MakeRunOptions(flags);
    if (!run.ok()) return ReportFailure(run.status());
    Result<const ModelInfo*> model = FindModel(flags.model);
    if (!model.ok()) return ReportFailure(model.status());
    Result<Scenario> loaded = LoadAnyScenario(flags.input.file, LimitsOf(flags.input));
    if (!loaded.ok()) return ReportFailure(loaded.status());
    scenario = std::move(loaded).value();
    if (flags.target && flags.issues.size() != 1) {
      return ReportFailure(Status::InvalidArgument("--target needs exactly one --issue"));
    }
    options = OptionsFromFlags(flags, *run);
  }
  Result<LoadedScenario> loaded = ApplySelectedEvents(scenario, options.events);
  if (!loaded.ok()) return ReportFailure(loaded.status());
  // Refuse bad options before a run is recorded.
  if (Status s = CheckNames(loaded->scenario, options); !s.ok()) return ReportFailure(s);

  if (flags.resume == 0 && !flags.no_store) {
    Result<std::unique_ptr<RunStore>> opened = RunStore::Open(stored.path);
    if (!opened.ok()) return ReportFailure(opened.status());
    stored.store = std::move(opened).value();
    Result<std::int64_t> id =
        stored.store->CreateSensitivityRun(scenario, options, invocation.command_line);
    if (!id.ok()) return ReportFailure(id.status());
    stored.run = *id;
  }

  if (options.target) {
    std::optional<TargetSummary> already;
    if (complete) {
      Result<TargetSummary> s = stored.store->LoadTarget(stored.run);
      if (!s.ok()) return ReportFailure(s.status());
      already = std::move(s).value();
    }
    return Target(flags, *loaded, options.target_options, &stored, command_line, already);
  }
  std::optional<SensitivitySummary> already;
  if (complete) {
    Result<SensitivitySummary> s = stored.store->LoadSensitivity(stored.run);
    if (!s.ok()) return ReportFailure(s.status());
    already = std::move(s).value();
  }
  return Indices(flags, *loaded, options.indices, &stored, command_line, already);
}

}  // namespace

Action ConfigureSensitivity(CLI::App* app, const Invocation* invocation) {
  auto flags = std::make_shared<SensitivityFlags>();
  AddScenarioOptions(app, &flags->input, /*with_events=*/true);
  // FILE is optional with --resume (the run holds its scenario).
  app->get_option("FILE")->required(false);
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
  CLI::Option* store = app->add_option("--store", flags->store,
                                       "run store (SQLite; default: runs.db beside the scenario)");
  app->add_flag("--no-store", flags->no_store, "do not store the run")->excludes(store);
  CLI::Option* resume = app->add_option(
      "--resume", flags->resume,
      "finish stored sensitivity run RUN_ID (scenario and options come from the store; the "
      "analysis runs again from the start)");
  resume->check(CLI::PositiveNumber);
  for (const char* name :
       {"--model", "--preset", "--rounds", "--param", "--issue", "--samples", "--seed", "--step",
        "--bootstrap", "--target", "--actor", "--field", "--no-store", "--event", "--no-events"}) {
    resume->excludes(name);
  }
  return [flags, invocation] { return Sensitivity(*flags, *invocation); };
}

}  // namespace entente::cli
