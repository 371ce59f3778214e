// The CSV report: a "# {header json}" comment line, then one tidy table.
#include <fmt/format.h>

#include <optional>
#include <string>

#include "entente/report_format.h"
#include "io/csv_field.h"
#include "io/report_header_json.h"

namespace entente {

namespace {

std::string CsvOptional(const std::optional<double>& x) { return x ? io::CsvNumber(*x) : ""; }

}  // namespace

std::string FormatResultsCsv(const Scenario& scenario, const std::vector<ModelRun>& runs,
                             const ReportHeader& header, CsvTable table) {
  // The header line must stay one line: dump() escapes newlines inside strings.
  std::string out = "# " + ReportHeaderJson(header).dump() + "\n";
  if (table == CsvTable::kPositions) {
    out += "model,preset,issue,round,actor,position\n";
    for (const ModelRun& run : runs) {
      const std::string prefix = io::CsvQuote(run.model) + "," + io::CsvQuote(run.preset) + ",";
      for (const IssueResult& r : run.issues) {
        for (std::size_t t = 0; t < r.positions.size(); ++t) {
          for (std::size_t a = 0; a < r.positions[t].size() && a < r.actor_ids.size(); ++a) {
            out += fmt::format("{}{},{},{},{}\n", prefix, io::CsvQuote(r.issue_id), t,
                               io::CsvQuote(r.actor_ids[a]), io::CsvNumber(r.positions[t][a]));
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
        blockers.empty() ? std::string() : io::CsvQuote(blockers, /*always_quote=*/true);
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{}\n", io::CsvQuote(s.model), io::CsvQuote(s.preset),
        io::CsvQuote(s.issue), io::CsvNumber(s.forecast), s.rounds, s.converged ? "true" : "false",
        io::CsvQuote(StopReasonName(s.stop)), CsvOptional(s.outcome), CsvOptional(s.error),
        io::CsvQuote(s.message), io::CsvQuote(s.rule),
        CsvOptional(s.decision ? std::optional<double>(s.decision->outcome) : std::nullopt),
        blockers_field);
  }
  return out;
}

}  // namespace entente
