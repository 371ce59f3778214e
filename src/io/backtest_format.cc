// Table, JSON and CSV forms of a back-test report. See include/entente/backtest_format.h.
#include "entente/backtest_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/csv_field.h"

namespace entente {

namespace {

std::string Fixed(double x, int decimals) {
  if (!std::isfinite(x)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  std::string s = buf;
  // A tiny negative that rounds to zero prints as 0, not -0.00.
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string DiffColumn(const BacktestReport& r) { return "diff_vs_" + r.reference; }

std::vector<std::string> Header(const BacktestReport& r) {
  return {"model",   "preset",   "n",        "mae",         "median_ae", "rmse",
          "within5", "within10", "within20", DiffColumn(r), "ci_low",    "ci_high"};
}

std::vector<std::string> Cells(const BacktestRow& row) {
  return {row.model,
          row.preset,
          std::to_string(row.n),
          Fixed(row.mae, 2),
          Fixed(row.median_ae, 2),
          Fixed(row.rmse, 2),
          Fixed(row.within5, 3),
          Fixed(row.within10, 3),
          Fixed(row.within20, 3),
          Fixed(row.diff_vs_reference, 2),
          Fixed(row.ci_low, 2),
          Fixed(row.ci_high, 2)};
}

std::vector<std::string> DetailHeader() {
  return {"model", "preset", "source", "issue", "forecast", "outcome", "abs_error"};
}

std::vector<std::string> DetailCells(const IssueForecast& d) {
  return {d.model,
          d.preset,
          d.source,
          d.issue,
          Fixed(d.forecast, 4),
          Fixed(d.outcome, 4),
          Fixed(d.abs_error, 4)};
}

// Columns padded to their widest cell; text left-aligned, numbers right-aligned.
std::string Align(const std::vector<std::vector<std::string>>& rows, std::size_t text_columns) {
  std::vector<std::size_t> width;
  for (const auto& r : rows) {
    width.resize(std::max(width.size(), r.size()), 0);
    for (std::size_t c = 0; c < r.size(); ++c)
      width[c] = std::max(width[c], std::max<std::size_t>(r[c].size(), 1));
  }
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t c = 0; c < r.size(); ++c) {
      const std::string cell = r[c].empty() ? "-" : r[c];
      const std::string pad(width[c] - cell.size(), ' ');
      if (c > 0) line += "  ";
      line += c < text_columns ? cell + pad : pad + cell;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string CsvLine(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + io::CsvQuote(cells[i]);
  return line + "\n";
}

nlohmann::json Number(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}

}  // namespace

std::string FormatBacktestTable(const BacktestReport& report, bool details) {
  std::string out = report.settings.empty() ? "" : report.settings + "\n";
  out += "issues scored: " + std::to_string(report.cases) + "; paired differences against " +
         report.reference +
         " (mean |error| difference, negative = more accurate), percentile bootstrap "
         "95% CI, B = " +
         std::to_string(report.bootstrap) + ", seed " + std::to_string(report.seed) + "\n\n";
  std::vector<std::vector<std::string>> rows = {Header(report)};
  for (const BacktestRow& r : report.rows) rows.push_back(Cells(r));
  out += Align(rows, 2);
  for (const std::string& f : report.failures) out += "note: " + f + "\n";
  if (details) {
    std::vector<std::vector<std::string>> d = {DetailHeader()};
    for (const IssueForecast& f : report.details) d.push_back(DetailCells(f));
    out += "\n" + Align(d, 4);
  }
  return out;
}

std::string FormatBacktestJson(const BacktestReport& report, bool details) {
  nlohmann::json j;
  if (!report.settings.empty()) j["settings"] = report.settings;
  j["issues"] = report.cases;
  j["reference"] = report.reference;
  j["bootstrap"] = report.bootstrap;
  j["seed"] = report.seed;
  j["rows"] = nlohmann::json::array();
  for (const BacktestRow& r : report.rows) {
    nlohmann::json row;
    row["model"] = r.model;
    row["preset"] = r.preset;
    row["n"] = r.n;
    row["failed"] = r.failed;
    row["mae"] = Number(r.mae);
    row["median_ae"] = Number(r.median_ae);
    row["rmse"] = Number(r.rmse);
    row["within5"] = Number(r.within5);
    row["within10"] = Number(r.within10);
    row["within20"] = Number(r.within20);
    row["n_paired"] = r.n_paired;
    row[DiffColumn(report)] = Number(r.diff_vs_reference);
    row["ci_low"] = Number(r.ci_low);
    row["ci_high"] = Number(r.ci_high);
    j["rows"].push_back(row);
  }
  j["failures"] = report.failures;
  if (details) {
    j["details"] = nlohmann::json::array();
    for (const IssueForecast& d : report.details) {
      j["details"].push_back({{"model", d.model},
                              {"preset", d.preset},
                              {"source", d.source},
                              {"issue", d.issue},
                              {"forecast", Number(d.forecast)},
                              {"outcome", Number(d.outcome)},
                              {"abs_error", Number(d.abs_error)}});
    }
  }
  return j.dump(2) + "\n";
}

std::string FormatBacktestCsv(const BacktestReport& report, bool details) {
  std::string out;
  if (details) {
    out = CsvLine(DetailHeader());
    for (const IssueForecast& d : report.details) out += CsvLine(DetailCells(d));
    return out;
  }
  out = CsvLine(Header(report));
  for (const BacktestRow& r : report.rows) out += CsvLine(Cells(r));
  return out;
}

}  // namespace entente
