// Pieces every report format shares: the provenance header, the per-issue forecast summaries
// and the rounding of numbers for tables.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "entente/report_format.h"

namespace entente {

ReportHeader MakeReportHeader(const Scenario& scenario, std::map<std::string, std::string> options,
                              std::string generated_by) {
  ReportHeader header;
  header.entente_version = ENTENTE_VERSION;
  header.scenario_path = scenario.path;
  header.scenario_hash = ScenarioHash(scenario);
  header.title = scenario.meta.title;
  header.options = std::move(options);
  header.generated_by = std::move(generated_by);
  return header;
}

std::vector<ForecastSummary> SummarizeForecasts(const Scenario& scenario,
                                                const std::vector<ModelRun>& runs) {
  std::vector<ForecastSummary> out;
  for (const ModelRun& run : runs) {
    for (const IssueResult& r : run.issues) {
      ForecastSummary s;
      s.model = run.model;
      s.preset = run.preset;
      s.issue = r.issue_id;
      s.forecast = r.forecast;
      s.rounds = r.rounds;
      s.converged = r.converged;
      s.stop = r.stop;
      s.message = r.message;
      if (const auto i = scenario.FindIssue(r.issue_id); i && scenario.issues[*i].outcome) {
        s.outcome = scenario.issues[*i].outcome;
        s.error = r.forecast - *s.outcome;
      }
      ApplyRuleToSummary(scenario, r, &s);
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::string FormatTableNumber(double value, double span) {
  int decimals = 3;
  if (span > 0.0 && std::isfinite(span)) {
    decimals = std::clamp(3 - static_cast<int>(std::ceil(std::log10(span))), 1, 8);
  }
  std::string text = fmt::format("{:.{}f}", value, decimals);
  // "-0.0" reads as a sign that is not there.
  if (text.find_first_not_of("-0.") == std::string::npos && text[0] == '-') text.erase(0, 1);
  return text;
}

}  // namespace entente
