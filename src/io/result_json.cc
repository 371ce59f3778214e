// The JSON report: header, tidy position rows and forecast summaries.
#include <string>

#include "entente/report_format.h"
#include "io/report_header_json.h"

namespace entente {

nlohmann::ordered_json ReportHeaderJson(const ReportHeader& header) {
  nlohmann::ordered_json options = nlohmann::ordered_json::object();
  for (const auto& [key, value] : header.options) options[key] = value;
  return {{"entente", header.entente_version},
          {"scenario", header.scenario_path},
          {"scenario_hash", header.scenario_hash},
          {"title", header.title},
          {"options", options},
          {"generated_by", header.generated_by}};
}

std::string FormatResultsJson(const Scenario& scenario, const std::vector<ModelRun>& runs,
                              const ReportHeader& header) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const ModelRun& run : runs) {
    for (const IssueResult& r : run.issues) {
      for (std::size_t t = 0; t < r.positions.size(); ++t) {
        for (std::size_t a = 0; a < r.positions[t].size() && a < r.actor_ids.size(); ++a) {
          rows.push_back({{"model", run.model},
                          {"preset", run.preset},
                          {"issue", r.issue_id},
                          {"round", t},
                          {"actor", r.actor_ids[a]},
                          {"position", r.positions[t][a]}});
        }
      }
    }
  }
  nlohmann::ordered_json forecasts = nlohmann::ordered_json::array();
  for (const ForecastSummary& s : SummarizeForecasts(scenario, runs)) {
    nlohmann::ordered_json blockers = nlohmann::ordered_json::array();
    if (s.decision) {
      for (const Blocker& b : s.decision->blockers) blockers.push_back(b.actor_id);
    }
    forecasts.push_back(
        {{"model", s.model},
         {"preset", s.preset},
         {"issue", s.issue},
         {"forecast", s.forecast},
         {"rounds", s.rounds},
         {"converged", s.converged},
         {"stop", StopReasonName(s.stop)},
         {"outcome", s.outcome ? nlohmann::ordered_json(*s.outcome) : nullptr},
         {"error", s.error ? nlohmann::ordered_json(*s.error) : nullptr},
         {"message", s.message},
         {"rule",
          s.rule.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.rule)},
         {"rule_outcome", s.decision ? nlohmann::ordered_json(s.decision->outcome) : nullptr},
         {"status_quo_stands",
          s.decision ? nlohmann::ordered_json(s.decision->status_quo_stands) : nullptr},
         {"blockers", blockers}});
  }
  // Pretty at the top, one line per row: readable, diffable, and short for long runs.
  // nlohmann prints doubles with the shortest text that reads back to the same value.
  std::string out = "{\n  \"header\": " + ReportHeaderJson(header).dump() + ",\n";
  auto append_array = [&out](const char* name, const nlohmann::ordered_json& items, bool last) {
    out += std::string("  \"") + name + "\": [";
    for (std::size_t i = 0; i < items.size(); ++i) {
      out += (i == 0 ? "\n    " : ",\n    ") + items[i].dump();
    }
    out += items.empty() ? "]" : "\n  ]";
    out += last ? "\n" : ",\n";
  };
  append_array("rows", rows, false);
  append_array("forecasts", forecasts, true);
  return out + "}\n";
}

}  // namespace entente
