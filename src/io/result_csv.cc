// The CSV report: a "# {header json}" comment line, then one tidy table.
#include <fmt/format.h>

#include <optional>
#include <string>

#include "entente/report_format.h"
#include "io/report_header_json.h"

namespace entente {

namespace {

// RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside.
// With always_quote, quote it regardless (e.g. a ';'-joined list).
std::string CsvField(const std::string& s, bool always_quote = false) {
  if (!always_quote && s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// fmt's default double format is the shortest text that reads back to the same double.
std::string CsvNumber(double x) { return fmt::format("{}", x); }

std::string CsvOptional(const std::optional<double>& x) { return x ? CsvNumber(*x) : ""; }

}  // namespace

std::string FormatResultsCsv(const Scenario& scenario, const std::vector<ModelRun>& runs,
                             const ReportHeader& header, CsvTable table) {
  // The header line must stay one line: dump() escapes newlines inside strings.
  std::string out = "# " + ReportHeaderJson(header).dump() + "\n";
  if (table == CsvTable::kPositions) {
    out += "model,preset,issue,round,actor,position\n";
    for (const ModelRun& run : runs) {
      const std::string prefix = CsvField(run.model) + "," + CsvField(run.preset) + ",";
      for (const IssueResult& r : run.issues) {
        for (std::size_t t = 0; t < r.positions.size(); ++t) {
          for (std::size_t a = 0; a < r.positions[t].size() && a < r.actor_ids.size(); ++a) {
            out += fmt::format("{}{},{},{},{}\n", prefix, CsvField(r.issue_id), t,
                               CsvField(r.actor_ids[a]), CsvNumber(r.positions[t][a]));
          }
        }
      }
    }
    return out;
  }
  out +=
      "model,preset,issue,forecast,rounds,converged,stop,outcome,error,message,rule,rule_outcome,"
      "blockers\n";
  for (const ForecastSummary& s : SummarizeForecasts(scenario, runs)) {
    // Blocker ids joined by ';' inside one field, quoted so spreadsheets keep it whole.
    std::string blockers;
    if (s.decision) {
      for (const Blocker& b : s.decision->blockers) {
        blockers += (blockers.empty() ? "" : ";") + b.actor_id;
      }
    }
    const std::string blockers_field =
        blockers.empty() ? std::string() : CsvField(blockers, /*always_quote=*/true);
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{}\n", CsvField(s.model), CsvField(s.preset),
        CsvField(s.issue), CsvNumber(s.forecast), s.rounds, s.converged ? "true" : "false",
        CsvField(StopReasonName(s.stop)), CsvOptional(s.outcome), CsvOptional(s.error),
        CsvField(s.message), CsvField(s.rule),
        CsvOptional(s.decision ? std::optional<double>(s.decision->outcome) : std::nullopt),
        blockers_field);
  }
  return out;
}

}  // namespace entente
