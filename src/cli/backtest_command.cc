// `entente backtest PATH...`: score every model and preset (or those named) against recorded
// real outcomes — DEU issue tables or scenarios with `outcome:` — and print or write the scores
// as a table, JSON or CSV (backtest.h, backtest_format.h).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/backtest_input.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/report_output.h"
#include "cli/work_limits.h"
#include "entente/backtest.h"
#include "entente/backtest_format.h"
#include "entente/deu.h"
#include "entente/io.h"

namespace entente::cli {

namespace {

struct BacktestFlags {
  std::vector<std::string> paths;
  std::string format;  // deu | scenario; "" = by extension (.csv: deu, else scenario)
  std::string capability = "council-votes";
  std::string institutions = "largest-state";
  std::vector<std::string> models;  // "" = every baseline and registered model
  bool details = false;
  std::string format_out = "table";
  std::string output;
  std::uint64_t seed = BacktestOptions{}.seed;
  int bootstrap = BacktestOptions{}.bootstrap;
  long max_samples = kDefaultMaxSamples;
};

int Backtest(const BacktestFlags& flags) {
  if (Status s = CheckSampleLimit("--bootstrap", flags.bootstrap, flags.max_samples); !s.ok()) {
    return ReportFailure(s);
  }
  Result<DeuCapability> mapping = ParseDeuCapability(flags.capability);
  if (!mapping.ok()) return ReportFailure(mapping.status());
  Result<DeuInstitutions> institutions = ParseDeuInstitutions(flags.institutions);
  if (!institutions.ok()) return ReportFailure(institutions.status());
  DeuCapabilityOptions capability;
  capability.mapping = *mapping;
  capability.institutions = *institutions;

  BacktestOptions options;
  options.seed = flags.seed;
  options.bootstrap = flags.bootstrap;
  options.keep_details = flags.details;
  // The reference model is always scored, so that every row has its paired difference.
  std::vector<std::string> models = flags.models;
  if (!models.empty() &&
      std::find(models.begin(), models.end(), options.reference) == models.end()) {
    models.push_back(options.reference);
  }
  options.cancel = [] { return InterruptSignal() != 0; };
  RunOptions run_options;
  run_options.cancel = options.cancel;
  Result<std::vector<Forecaster>> forecasters = AllForecasters(models, run_options);
  if (!forecasters.ok()) return ReportFailure(forecasters.status());

  Result<std::vector<BacktestCase>> cases =
      LoadBacktestCases(flags.paths, flags.format, capability);
  if (!cases.ok()) return ReportFailure(cases.status());
  if (InterruptSignal() != 0) return InterruptExitCode();
  Result<BacktestReport> report = RunBacktest(*cases, *forecasters, options);
  if (!report.ok()) return ReportFailure(report.status());
  std::string files;
  for (const std::string& p : flags.paths) files += (files.empty() ? "" : ", ") + p;
  report->settings = "back-test of " + files + "; DEU capability " + flags.capability +
                     ", institutions " + flags.institutions;

  std::string text;
  if (flags.format_out == "json") {
    text = FormatBacktestJson(*report, flags.details);
  } else if (flags.format_out == "csv") {
    text = FormatBacktestCsv(*report, flags.details);
  } else {
    text = FormatBacktestTable(*report, flags.details);
  }
  return EmitReport(text, flags.output);
}

}  // namespace

Action ConfigureBacktest(CLI::App* app, const Invocation* /*invocation*/) {
  auto flags = std::make_shared<BacktestFlags>();
  app->add_option("PATH", flags->paths,
                  "DEU issue tables (.csv) or scenarios with recorded outcomes")
      ->required();
  app->add_option("--format", flags->format,
                  "input format: deu or scenario (default: .csv is deu, anything else scenario)")
      ->check(CLI::IsMember({"deu", "scenario"}));
  app->add_option("--capability", flags->capability,
                  "DEU capability: council-votes (default), shapley-shubik, banzhaf or equal");
  app->add_option("--institutions", flags->institutions,
                  "DEU Commission/EP capability: largest-state (default), co-equal or none");
  app->add_option("--model,-m", flags->models,
                  "score only this model (repeatable; compromise, the reference, is always "
                  "scored; default: every baseline and registered model)")
      ->allow_extra_args(false);
  app->add_flag("--details", flags->details, "also print every issue's forecast");
  app->add_option("--format-out,-f", flags->format_out, "table (default), json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app->add_option("--output,-o", flags->output,
                  "write to this file (atomically) instead of standard output");
  app->add_option("--seed", flags->seed, "bootstrap seed (default 20061)");
  app->add_option("--bootstrap", flags->bootstrap, "bootstrap resamples B (default 2000)")
      ->check(CLI::PositiveNumber);
  AddMaxSamplesOption(app, &flags->max_samples);
  return [flags] { return Backtest(*flags); };
}

}  // namespace entente::cli
