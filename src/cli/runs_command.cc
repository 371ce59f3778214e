// `entente runs list|show|export`: read back the run store written by `entente sweep` and
// `entente sensitivity`.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/report_output.h"
#include "cli/stored_scenario.h"
#include "entente/io.h"
#include "entente/report_format.h"
#include "entente/run_store.h"
#include "entente/sensitivity_format.h"
#include "entente/sweep.h"
#include "entente/sweep_format.h"
#include "io/csv_field.h"

namespace entente::cli {

namespace {

struct RunsFlags {
  std::string store = "runs.db";
  std::int64_t run = 0;
  std::string format;  // list/show: table (default) | json | csv; export: csv (default) | json
  std::string output;
};

nlohmann::ordered_json RunJson(const StoredRun& r) {
  return {{"id", r.id},
          {"kind", r.kind},
          {"status", r.status},
          {"created", r.created},
          {"finished", r.finished},
          {"title", r.title},
          {"scenario", r.scenario_path},
          {"scenario_hash", r.scenario_hash},
          {"version", r.version},
          {"seed", std::to_string(r.seed)},
          {"samples", r.samples},
          {"done", r.kind == "sensitivity" ? (r.result_rows > 0 ? r.samples : 0) : r.done},
          {"options", nlohmann::ordered_json::parse(r.options_json, nullptr, false)},
          {"command_line", r.command_line}};
}

// "12/20" for a sweep; "N=64" or "target" for a sensitivity run (with "-" until it finishes).
std::string RunProgressText(const StoredRun& r) {
  if (r.kind != "sensitivity") return fmt::format("{}/{}", r.done, r.samples);
  const std::string what = r.samples > 0 ? fmt::format("N={}", r.samples) : "target";
  return r.result_rows > 0 ? what : what + " -";
}

Result<std::unique_ptr<RunStore>> OpenExisting(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::IOError(path +
                           ": no run store here (entente sweep creates one; --store PATH "
                           "names another)");
  }
  return RunStore::Open(path);
}

int List(const RunsFlags& flags) {
  Result<std::unique_ptr<RunStore>> store = OpenExisting(flags.store);
  if (!store.ok()) return ReportFailure(store.status());
  Result<std::vector<StoredRun>> runs = (*store)->ListRuns();
  if (!runs.ok()) return ReportFailure(runs.status());
  std::string text;
  if (flags.format == "json") {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const StoredRun& r : *runs) all.push_back(RunJson(r));
    text = all.dump(2) + "\n";
  } else if (flags.format == "csv") {
    text = "id,kind,status,created,finished,samples,done,seed,scenario,scenario_hash,title\n";
    for (const StoredRun& r : *runs) {
      const std::uint64_t done =
          r.kind == "sensitivity" ? (r.result_rows > 0 ? r.samples : 0) : r.done;
      text += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", r.id, r.kind, r.status, r.created,
                          r.finished, r.samples, done, r.seed, io::CsvQuote(r.scenario_path),
                          r.scenario_hash, io::CsvQuote(r.title));
    }
  } else {
    text = fmt::format("{:>4}  {:<11}  {:<11}  {:<20}  {:>15}  {:<16}  {}\n", "id", "kind",
                       "status", "created", "progress", "hash", "scenario");
    for (const StoredRun& r : *runs) {
      text +=
          fmt::format("{:>4}  {:<11}  {:<11}  {:<20}  {:>15}  {:<16}  {}\n", r.id, r.kind, r.status,
                      r.created, RunProgressText(r), r.scenario_hash, r.scenario_path);
    }
    if (runs->empty()) text += "(no runs)\n";
  }
  return EmitReport(text, flags.output);
}

int Show(const RunsFlags& flags) {
  Result<std::unique_ptr<RunStore>> store = OpenExisting(flags.store);
  if (!store.ok()) return ReportFailure(store.status());
  Result<StoredRun> run = (*store)->GetRun(flags.run);
  if (!run.ok()) return ReportFailure(run.status());
  nlohmann::ordered_json doc = RunJson(*run);
  // A complete run also shows its summary: a sweep's recomputed from the stored replications,
  // a sensitivity run's rebuilt from its stored rows.
  std::string summary_text;
  LoadLimits limits;
  limits.max_file_bytes = run->scenario_text.size() + 1;
  Result<Scenario> scenario = StoredScenario(*run, limits);
  if (run->status == "complete" && !scenario.ok()) {
    summary_text = "(no summary: " + scenario.status().message() + ")\n";
  } else if (run->status == "complete") {
    ReportHeader header = MakeReportHeader(
        *scenario, {{"run", flags.store + "#" + std::to_string(run->id)}}, run->command_line);
    header.scenario_path = run->scenario_path;
    std::string json;
    if (run->kind == "sensitivity") {
      Result<SensitivityRunOptions> options = SensitivityRunOptionsFromJson(run->options_json);
      if (!options.ok()) return ReportFailure(options.status());
      if (options->target) {
        Result<TargetSummary> summary = (*store)->LoadTarget(run->id);
        if (!summary.ok()) return ReportFailure(summary.status());
        json = FormatTargetJson(*summary, header);
        summary_text = FormatTargetTable(*scenario, *summary, header);
      } else {
        Result<SensitivitySummary> summary = (*store)->LoadSensitivity(run->id);
        if (!summary.ok()) return ReportFailure(summary.status());
        json = FormatSensitivityJson(*summary, header);
        summary_text = FormatSensitivityTable(*scenario, *summary, header);
      }
    } else {
      Result<SweepOptions> options = SweepOptionsFromJson(run->options_json);
      if (!options.ok()) return ReportFailure(options.status());
      Result<std::vector<ReplicationResult>> results =
          (*store)->LoadResults(run->id, *options, *scenario);
      if (!results.ok()) return ReportFailure(results.status());
      Result<SweepSummary> summary = Summarize(*scenario, *options, std::move(results).value());
      if (!summary.ok()) return ReportFailure(summary.status());
      json = FormatSweepJson(*scenario, *summary, header);
      summary_text = FormatSweepTable(*scenario, *summary, header);
    }
    if (flags.format == "json") doc["summary"] = nlohmann::ordered_json::parse(json);
  }
  std::string text;
  if (flags.format == "json") {
    text = doc.dump(2) + "\n";
  } else {
    const std::string progress =
        run->kind == "sensitivity"
            ? fmt::format("results: {} rows stored", run->result_rows)
            : fmt::format("replications: {} of {} stored", run->done, run->samples);
    text = fmt::format(
        "run {} ({}), {}\n  scenario: {} (hash {})\n  title: {}\n  created: {}{}\n  "
        "{}\n  seed: {}\n  entente: {}\n  options: {}\n  command: {}\n",
        run->id, run->kind, run->status, run->scenario_path, run->scenario_hash, run->title,
        run->created, run->finished.empty() ? "" : ", finished " + run->finished, progress,
        run->seed, run->version, run->options_json, run->command_line);
    if (run->status != "complete") {
      text += fmt::format("  finish it with: entente {} --resume {} --store {}\n", run->kind,
                          run->id, flags.store);
    }
    if (!summary_text.empty()) text += "\n" + summary_text;
  }
  return EmitReport(text, flags.output);
}

int Export(const RunsFlags& flags) {
  Result<std::unique_ptr<RunStore>> store = OpenExisting(flags.store);
  if (!store.ok()) return ReportFailure(store.status());
  Result<StoredRun> run = (*store)->GetRun(flags.run);
  if (!run.ok()) return ReportFailure(run.status());
  const ExportOrder order = StoredExportOrder(*run);
  Result<std::string> text = flags.format == "json" ? (*store)->ExportJson(flags.run, order)
                                                    : (*store)->ExportCsv(flags.run, order);
  if (!text.ok()) return ReportFailure(text.status());
  return EmitReport(*text, flags.output);
}

}  // namespace

Action ConfigureRuns(CLI::App* app, const Invocation* invocation) {
  (void)invocation;
  auto flags = std::make_shared<RunsFlags>();
  app->require_subcommand(1);
  const auto common = [&](CLI::App* sub, const char* formats) {
    sub->add_option("--store", flags->store, "the run store (default runs.db)");
    sub->add_option("--format,-f", flags->format, formats);
    sub->add_option("--output,-o", flags->output,
                    "write to this file (atomically) instead of standard output");
  };
  CLI::App* list = app->add_subcommand("list", "list the stored runs");
  common(list, "table (default), json or csv");
  list->get_option("--format")->check(CLI::IsMember({"table", "json", "csv"}));
  CLI::App* show = app->add_subcommand("show", "show one run: options, progress, summary");
  show->add_option("RUN_ID", flags->run, "the run's id")->required()->check(CLI::PositiveNumber);
  common(show, "table (default) or json");
  show->get_option("--format")->check(CLI::IsMember({"table", "json"}));
  CLI::App* exp = app->add_subcommand(
      "export",
      "write a run's results as tidy rows: a sweep's (run, replication, seed, model, preset, "
      "issue, forecast, stop); a sensitivity run's (run, issue, method, rank, actor, "
      "input_issue, field, declared, measure, value, low, high)");
  exp->add_option("RUN_ID", flags->run, "the run's id")->required()->check(CLI::PositiveNumber);
  common(exp, "csv (default) or json");
  exp->get_option("--format")->check(CLI::IsMember({"csv", "json"}));
  return [flags, app] {
    if (app->got_subcommand("list")) return List(*flags);
    if (app->got_subcommand("show")) return Show(*flags);
    return Export(*flags);
  };
}

}  // namespace entente::cli
