// `entente sweep FILE --samples N`: Monte Carlo over the scenario's uncertain inputs (and each
// model's own randomness), stored in the run store, printed as a table, JSON or CSV.
// `entente sweep --resume RUN_ID` finishes a stored run that was interrupted or killed.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/distributed.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/model_runner.h"
#include "cli/progress.h"
#include "cli/report_output.h"
#include "cli/scenario_formats.h"
#include "cli/scenario_input.h"
#include "cli/stored_scenario.h"
#include "cli/work_limits.h"
#include "entente/io.h"
#include "entente/report_format.h"
#include "entente/run_store.h"
#include "entente/sweep.h"
#include "entente/sweep_format.h"

namespace entente::cli {

namespace {

struct SweepFlags {
  ScenarioFlags input;
  ModelSelection selection;
  std::uint64_t samples = 1000;
  std::uint64_t seed = 1;
  int threads = 0;
  std::vector<std::string> thresholds;
  int bins = 20;
  std::string format = "table";
  std::string output;
  std::string store;
  bool no_store = false;
  std::int64_t resume = 0;
  bool quiet = false;
  long max_samples = kDefaultMaxSamples;
};

// Stores each finished batch, reports progress, and stops on SIGINT/SIGTERM.
class CliSink : public SweepSink {
 public:
  CliSink(RunStore* store, std::int64_t run, const SweepOptions& options, const Scenario& scenario,
          Progress* progress, std::uint64_t already_done)
      : store_(store),
        run_(run),
        options_(options),
        scenario_(scenario),
        progress_(progress),
        offset_(already_done) {}

  Status OnBatch(const std::vector<ReplicationResult>& batch) override {
    if (store_ == nullptr) return Status::Ok();
    return store_->AddBatch(run_, batch, options_, scenario_);
  }
  void OnProgress(std::uint64_t done, std::uint64_t total) override {
    (void)total;
    if (progress_ != nullptr) progress_->Update(offset_ + done);
  }
  bool Cancelled() override { return InterruptSignal() != 0; }

 private:
  RunStore* store_;
  std::int64_t run_;
  const SweepOptions& options_;
  const Scenario& scenario_;
  Progress* progress_;
  std::uint64_t offset_;
};

std::string StorePathFor(const SweepFlags& flags) {
  if (!flags.store.empty()) return flags.store;
  if (!flags.input.file.empty()) return DefaultStorePath(flags.input.file);
  return "runs.db";
}

// "none" also when the selection is invalid: the sweep itself reports that error.
std::string EventsText(const Scenario& scenario, const EventSelection& selection) {
  Result<std::vector<Event>> selected = SelectEvents(scenario, selection);
  return selected.ok() ? EventIdsText(*selected) : "none";
}

int Sweep(const SweepFlags& flags, const Invocation& invocation) {
  Distributed& world = Distributed::Get();
  const bool root = world.rank() == 0;
  const bool storing = !flags.no_store;
  const std::string store_path = StorePathFor(flags);

  Scenario scenario;
  SweepOptions options;
  std::unique_ptr<RunStore> store;
  std::int64_t run_id = 0;
  std::vector<ReplicationResult> results;  // replications already stored (resume)

  if (flags.resume != 0) {
    // Every rank reads the run (the store is only read here); only rank 0 writes to it.
    Result<std::unique_ptr<RunStore>> opened = RunStore::Open(store_path);
    if (!opened.ok()) return ReportFailure(opened.status());
    store = std::move(opened).value();
    Result<StoredRun> run = store->GetRun(flags.resume);
    if (!run.ok()) return ReportFailure(run.status());
    if (run->kind != "sweep") {
      return ReportFailure(Status::InvalidArgument(
          store_path + ": run " + std::to_string(run->id) + " is a " + run->kind +
          " run; finish it with: entente " + run->kind + " --resume " + std::to_string(run->id) +
          " --store " + store_path));
    }
    Result<SweepOptions> stored = SweepOptionsFromJson(run->options_json);
    if (!stored.ok()) return ReportFailure(stored.status());
    options = *stored;
    Result<Scenario> loaded = StoredScenario(*run, LimitsOf(flags.input));
    if (!loaded.ok()) return ReportFailure(loaded.status());
    scenario = std::move(loaded).value();
    Result<std::vector<ReplicationResult>> done = store->LoadResults(run->id, options, scenario);
    if (!done.ok()) return ReportFailure(done.status());
    results = std::move(done).value();
    run_id = run->id;
    if (!root) store.reset();
  } else {
    if (flags.input.file.empty()) {
      return ReportFailure(Status::InvalidArgument("sweep needs a scenario FILE (or --resume ID)"));
    }
    Result<std::vector<PlannedRun>> plan = PlanRuns(flags.selection);
    if (!plan.ok()) return ReportFailure(plan.status());
    if (Status s =
            CheckSampleLimit("--samples", static_cast<long long>(flags.samples), flags.max_samples);
        !s.ok()) {
      return ReportFailure(s);
    }
    Result<Scenario> loaded = LoadAnyScenario(flags.input.file, LimitsOf(flags.input));
    if (!loaded.ok()) return ReportFailure(loaded.status());
    scenario = std::move(loaded).value();
    for (const PlannedRun& p : *plan) options.models.push_back(SweepModel{p.info->name, p.options});
    options.samples = flags.samples;
    options.seed = flags.seed;
    options.events = SelectedEvents(flags.input);
    options.histogram_bins = flags.bins;
    for (const std::string& t : flags.thresholds) {
      Result<Threshold> parsed = ParseThreshold(t);
      if (!parsed.ok()) return ReportFailure(parsed.status());
      options.thresholds.push_back(*parsed);
    }
  }
  options.threads = flags.threads;
  if (Status s = ValidateSweepOptions(scenario, options); !s.ok()) return ReportFailure(s);

  // Rank 0 alone records the run (or marks a resumed one running again).
  Status setup;
  if (flags.resume == 0 && storing && root) {
    Result<std::unique_ptr<RunStore>> opened = RunStore::Open(store_path);
    if (opened.ok()) {
      store = std::move(opened).value();
      Result<std::int64_t> id = store->CreateRun(scenario, options, invocation.command_line);
      if (id.ok()) run_id = *id;
      setup = id.status();
    } else {
      setup = opened.status();
    }
  }
  if (flags.resume != 0 && root) setup = store->SetStatus(run_id, "running");
  // Also a barrier: every rank has read the stored replications before rank 0 writes new ones,
  // so all ranks split the same list; and all stop together if rank 0 could not set up.
  if (!world.AllOk(setup.ok())) {
    return root ? ReportFailure(setup.ok() ? Status::Internal("another MPI rank failed") : setup)
                : kExitInternal;
  }
  // The replications still to run, split across MPI ranks (one rank without MPI).
  std::set<std::uint64_t> stored;
  for (const ReplicationResult& r : results) stored.insert(r.index);
  std::vector<std::uint64_t> todo;
  for (std::uint64_t k = 0; k < options.samples; ++k) {
    if (!stored.count(k)) todo.push_back(k);
  }
  const std::vector<std::uint64_t> mine = world.Share(todo);

  Progress progress("sweep", options.samples,
                    root ? Progress::ChooseMode(flags.quiet) : Progress::Mode::kQuiet);
  // Rank 0 stores its own batches as they finish, and the other ranks' results once gathered.
  CliSink sink(store.get(), run_id, options, scenario, &progress, results.size());
  Result<std::vector<ReplicationResult>> fresh = RunReplications(scenario, options, mine, &sink);
  const Status local = fresh.ok() ? Status::Ok() : fresh.status();
  std::vector<ReplicationResult> gathered;
  Status status;
  if (Status s = world.Gather(fresh.ok() ? *fresh : std::vector<ReplicationResult>{}, local,
                              &gathered, &status);
      !s.ok()) {
    status = s;
  }
  if (root && world.size() > 1 && store != nullptr) {
    const std::set<std::uint64_t> own(mine.begin(), mine.end());
    std::vector<ReplicationResult> others;
    for (const ReplicationResult& r : gathered) {
      if (!own.count(r.index)) others.push_back(r);
    }
    if (!others.empty()) {
      if (Status s = store->AddBatch(run_id, others, options, scenario); !s.ok() && status.ok()) {
        status = s;
      }
    }
  }
  progress.Update(results.size() + gathered.size());
  progress.Finish();
  if (!root) return ExitCodeFor(status.code());

  if (!status.ok()) {
    if (store != nullptr) {
      store->SetStatus(run_id,
                       status.code() == StatusCode::kInterrupted ? "interrupted" : "failed");
    }
    if (status.code() == StatusCode::kInterrupted) {
      std::string message = "sweep " + status.message();
      if (store != nullptr) {
        message += "; run " + std::to_string(run_id) + " is stored in " + store_path +
                   "; finish it with: entente sweep --resume " + std::to_string(run_id) +
                   " --store " + store_path;
      }
      std::fprintf(stderr, "%s\n", message.c_str());
      return InterruptSignal() != 0 ? InterruptExitCode() : kExitSigint;
    }
    return ReportFailure(status);
  }
  for (ReplicationResult& r : gathered) results.push_back(std::move(r));
  Result<SweepSummary> summary = Summarize(scenario, options, std::move(results));
  if (!summary.ok()) return ReportFailure(summary.status());
  if (store != nullptr) {
    if (Status s = store->SetStatus(run_id, "complete"); !s.ok()) return ReportFailure(s);
  }

  std::map<std::string, std::string> header_options;
  std::string models;
  for (const std::string& m : summary->models) models += (models.empty() ? "" : ",") + m;
  header_options["models"] = models;
  header_options["samples"] = std::to_string(options.samples);
  header_options["seed"] = std::to_string(options.seed);
  header_options["events"] = EventsText(scenario, options.events);
  header_options["histogram_bins"] = std::to_string(options.histogram_bins);
  if (store != nullptr) header_options["run"] = store_path + "#" + std::to_string(run_id);
  for (std::size_t m = 0; m < options.models.size(); ++m) {
    if (options.models[m].options.max_rounds != 0) {
      header_options["rounds." + options.models[m].name] =
          std::to_string(options.models[m].options.max_rounds);
    }
    for (const auto& [key, value] : options.models[m].options.params) {
      header_options["param." + options.models[m].name + "." + key] = value;
    }
  }
  const ReportHeader header =
      MakeReportHeader(scenario, std::move(header_options), invocation.command_line);
  std::string text;
  if (flags.format == "json") {
    text = FormatSweepJson(scenario, *summary, header);
  } else if (flags.format == "csv") {
    text = FormatSweepCsv(scenario, *summary, header);
  } else {
    text = FormatSweepTable(scenario, *summary, header);
  }
  if (store != nullptr && !flags.quiet) {
    std::fprintf(stderr, "sweep: stored as run %lld in %s\n", static_cast<long long>(run_id),
                 store_path.c_str());
  }
  return EmitReport(text, flags.output);
}

}  // namespace

Action ConfigureSweep(CLI::App* app, const Invocation* invocation) {
  auto flags = std::make_shared<SweepFlags>();
  AddScenarioOptions(app, &flags->input, /*with_events=*/true);
  // FILE is optional with --resume (the run holds its scenario).
  app->get_option("FILE")->required(false);
  CLI::Option* model = app->add_option(
      "--model,-m", flags->selection.model,
      "sweep only this model (default: eum and every baseline; see `entente models`)");
  CLI::Option* preset = app->add_option("--preset,-p", flags->selection.preset,
                                        "the model's preset (without --model: eum's preset)");
  CLI::Option* rounds = app->add_option("--rounds,-n", flags->selection.rounds,
                                        "maximum bargaining rounds (0 = the model's default)")
                            ->check(CLI::Range(0, 1000000));
  CLI::Option* params =
      app->add_option("--param", flags->selection.params,
                      "model option key=value (repeatable; without --model: for eum)");
  CLI::Option* samples =
      app->add_option("--samples,-N", flags->samples, "replications (default 1000)")
          ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000000}));
  AddMaxSamplesOption(app, &flags->max_samples);
  CLI::Option* seed = app->add_option("--seed,-s", flags->seed, "run seed (default 1)");
  app->add_option("--threads,-j", flags->threads,
                  "worker threads (default 0 = one per core); results do not depend on it")
      ->check(CLI::Range(0, 4096));
  CLI::Option* thresholds =
      app->add_option("--threshold", flags->thresholds,
                      "report P(outcome passes), e.g. timing>=90 (repeatable; >=, >, <=, <)");
  CLI::Option* bins = app->add_option("--bins", flags->bins, "histogram bins (default 20)")
                          ->check(CLI::Range(1, 1000));
  app->add_option("--format,-f", flags->format, "table (default), json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app->add_option("--output,-o", flags->output,
                  "write to this file (atomically) instead of standard output");
  CLI::Option* store = app->add_option("--store", flags->store,
                                       "run store (SQLite; default: runs.db beside the scenario)");
  app->add_flag("--no-store", flags->no_store, "do not store the run")->excludes(store);
  CLI::Option* resume =
      app->add_option("--resume", flags->resume,
                      "finish stored run RUN_ID (its scenario and options come from the store)");
  resume->check(CLI::PositiveNumber);
  for (CLI::Option* o : {model, preset, rounds, params, samples, seed, thresholds, bins}) {
    resume->excludes(o);
  }
  resume->excludes("--no-store");
  resume->excludes("--event");
  resume->excludes("--no-events");
  app->add_flag("--quiet,-q", flags->quiet, "no progress report and no closing note on stderr");
  return [flags, invocation] { return Sweep(*flags, *invocation); };
}

}  // namespace entente::cli
