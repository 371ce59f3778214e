// The human-readable forecast table printed by `entente run`.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "entente/report_format.h"

namespace entente {

namespace {

// "0 = postponed indefinitely … 100 = immediate" (labels omitted when the file has none).
std::string ScaleInWords(const Issue& issue) {
  const double span = issue.scale_max - issue.scale_min;
  auto end = [&](double value, const std::string& label) {
    // Scale ends print as written when they are whole numbers, else rounded like the table.
    std::string number = value == static_cast<long long>(value)
                             ? fmt::format("{}", static_cast<long long>(value))
                             : FormatTableNumber(value, span);
    return label.empty() ? number : number + " = " + label;
  };
  return end(issue.scale_min, issue.min_label) + " … " + end(issue.scale_max, issue.max_label);
}

std::string ModelLabel(const ModelRun& run) {
  return run.preset.empty() ? run.model : run.model + " (preset " + run.preset + ")";
}

// One issue's block: heading, scale, outcome, one line per model, spread, and with a decision
// rule one line per model on the rule's outcome and who blocks what.
void AppendIssue(const Scenario& scenario, const Issue& issue, const std::vector<ModelRun>& runs,
                 const std::vector<ForecastSummary>& summaries, std::string* out) {
  const double span = issue.scale_max - issue.scale_min;
  *out += fmt::format("{}: {}\n", issue.id, issue.label);
  *out += fmt::format("  scale: {}\n", ScaleInWords(issue));
  if (issue.status_quo) {
    *out += fmt::format("  status quo: {}\n", FormatTableNumber(*issue.status_quo, span));
  }
  if (issue.outcome) {
    *out += fmt::format("  recorded outcome: {}{}\n", FormatTableNumber(*issue.outcome, span),
                        issue.outcome_note.empty() ? "" : " (" + issue.outcome_note + ")");
  }
  std::size_t width = 5;  // "model"
  for (const ModelRun& run : runs) width = std::max(width, ModelLabel(run).size());
  *out += "\n";
  *out += fmt::format("  {:<{}}  {:>9}{}  {:>6}  {}\n", "model", width, "forecast",
                      issue.outcome ? fmt::format("  {:>9}", "error") : "", "rounds", "stop");
  double lo = 0.0, hi = 0.0;
  std::string lo_model, hi_model;
  bool any = false;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    for (const ForecastSummary& s : summaries) {
      if (s.issue != issue.id || s.model != runs[k].model || s.preset != runs[k].preset) continue;
      std::string error;
      if (s.error) {
        error = FormatTableNumber(*s.error, span);
        if (*s.error >= 0 && error.find_first_not_of("0.") != std::string::npos) {
          error = "+" + error;
        }
        error = fmt::format("  {:>9}", error);
      }
      *out +=
          fmt::format("  {:<{}}  {:>9}{}  {:>6}  {}\n", ModelLabel(runs[k]), width,
                      FormatTableNumber(s.forecast, span), error, s.rounds, StopReasonName(s.stop));
      if (!any || s.forecast < lo) lo = s.forecast, lo_model = ModelLabel(runs[k]);
      if (!any || s.forecast > hi) hi = s.forecast, hi_model = ModelLabel(runs[k]);
      any = true;
    }
  }
  if (runs.size() > 1 && any) {
    *out += fmt::format("  spread between models: {} (lowest {} {}, highest {} {})\n",
                        FormatTableNumber(hi - lo, span), lo_model, FormatTableNumber(lo, span),
                        hi_model, FormatTableNumber(hi, span));
  }
  bool heading = false;
  for (const ModelRun& run : runs) {
    for (const ForecastSummary& s : summaries) {
      if (s.issue != issue.id || s.model != run.model || s.preset != run.preset) continue;
      const std::string line = FormatRuleLine(scenario, s);
      if (line.empty()) continue;
      if (!heading) {
        *out += fmt::format("\n  decision rule: {}\n", s.rule);
        heading = true;
      }
      *out += fmt::format("  {:<{}}  {}\n", ModelLabel(run), width, line);
    }
  }
}

}  // namespace

std::string FormatForecastTable(const Scenario& scenario, const std::vector<ModelRun>& runs,
                                const ReportHeader& header) {
  std::string out = fmt::format("{}\n\n", header.title.empty() ? "(untitled)" : header.title);
  const std::vector<ForecastSummary> summaries = SummarizeForecasts(scenario, runs);
  for (const Issue& issue : scenario.issues) {
    AppendIssue(scenario, issue, runs, summaries, &out);
    out += "\n";
  }
  // Provenance footer: what produced these numbers.
  out += fmt::format("Scenario \"{}\" from {} (hash {}), entente {}.\n", header.title,
                     header.scenario_path, header.scenario_hash, header.entente_version);
  std::string models;
  for (const ModelRun& run : runs) models += (models.empty() ? "" : ", ") + ModelLabel(run);
  out += fmt::format("Models: {}.\n", models.empty() ? "none" : models);
  std::string options;
  for (const auto& [key, value] : header.options) {
    if (key == "models" || key == "format") continue;  // said above / evident
    options += (options.empty() ? "" : ", ") + key + "=" + value;
  }
  if (!options.empty()) out += fmt::format("Options: {}.\n", options);
  return out;
}

}  // namespace entente
