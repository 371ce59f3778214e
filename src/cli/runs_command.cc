// `entente runs list|show|export`: read back the run store written by `entente sweep`.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/report_output.h"
#include "entente/io.h"
#include "entente/report_format.h"
#include "entente/run_store.h"
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
          {"done", r.done},
          {"options", nlohmann::ordered_json::parse(r.options_json, nullptr, false)},
          {"command_line", r.command_line}};
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
      text += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", r.id, r.kind, r.status, r.created,
                          r.finished, r.samples, r.done, r.seed, io::CsvQuote(r.scenario_path),
                          r.scenario_hash, io::CsvQuote(r.title));
    }
  } else {
    text = fmt::format("{:>4}  {:<11}  {:<20}  {:>15}  {:<16}  {}\n", "id", "status", "created",
                       "done/samples", "hash", "scenario");
    for (const StoredRun& r : *runs) {
      text +=
          fmt::format("{:>4}  {:<11}  {:<20}  {:>15}  {:<16}  {}\n", r.id, r.status, r.created,
                      fmt::format("{}/{}", r.done, r.samples), r.scenario_hash, r.scenario_path);
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
  // A complete run also shows its summary, recomputed from the stored replications.
  std::string summary_text;
  if (run->status == "complete") {
    Result<SweepOptions> options = SweepOptionsFromJson(run->options_json);
    Result<Scenario> scenario =
        ParseScenarioYaml(run->scenario_text, run->scenario_path);  // YAML runs
    if (options.ok() && scenario.ok()) {
      Result<std::vector<ReplicationResult>> results =
          (*store)->LoadResults(run->id, *options, *scenario);
      if (!results.ok()) return ReportFailure(results.status());
      Result<SweepSummary> summary = Summarize(*scenario, *options, std::move(results).value());
      if (!summary.ok()) return ReportFailure(summary.status());
      ReportHeader header = MakeReportHeader(
          *scenario, {{"run", flags.store + "#" + std::to_string(run->id)}}, run->command_line);
      header.scenario_path = run->scenario_path;
      if (flags.format == "json") {
        doc["summary"] =
            nlohmann::ordered_json::parse(FormatSweepJson(*scenario, *summary, header));
      } else {
        summary_text = FormatSweepTable(*scenario, *summary, header);
      }
    }
  }
  std::string text;
  if (flags.format == "json") {
    text = doc.dump(2) + "\n";
  } else {
    text = fmt::format(
        "run {} ({}), {}\n  scenario: {} (hash {})\n  title: {}\n  created: {}{}\n  "
        "replications: {} of {} stored\n  seed: {}\n  entente: {}\n  options: {}\n  command: {}\n",
        run->id, run->kind, run->status, run->scenario_path, run->scenario_hash, run->title,
        run->created, run->finished.empty() ? "" : ", finished " + run->finished, run->done,
        run->samples, run->seed, run->version, run->options_json, run->command_line);
    if (run->status != "complete") {
      text += fmt::format("  finish it with: entente sweep --resume {} --store {}\n", run->id,
                          flags.store);
    }
    if (!summary_text.empty()) text += "\n" + summary_text;
  }
  return EmitReport(text, flags.output);
}

int Export(const RunsFlags& flags) {
  Result<std::unique_ptr<RunStore>> store = OpenExisting(flags.store);
  if (!store.ok()) return ReportFailure(store.status());
  Result<std::string> text =
      flags.format == "json" ? (*store)->ExportJson(flags.run) : (*store)->ExportCsv(flags.run);
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
      "write a run's replications as tidy rows (run, replication, seed, model, preset, "
      "issue, forecast, stop)");
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
