// The sweep reports (include/entente/sweep_format.h).
#include "entente/sweep_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "io/csv_field.h"
#include "io/report_header_json.h"

namespace entente {

namespace {

std::string Label(const SweepStat& st) {
  return st.preset.empty() ? st.model : st.model + " (preset " + st.preset + ")";
}

// The histogram as one line of block characters, tallest bin = █.
std::string Sparkline(const std::vector<std::uint64_t>& counts) {
  static const char* const kBlocks[] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  const std::uint64_t top = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
  std::string out;
  for (std::uint64_t c : counts) {
    int level = top == 0 ? 0 : static_cast<int>((c * 8 + top - 1) / top);  // ceil: any count shows
    out += kBlocks[std::clamp(level, 0, 8)];
  }
  return out;
}

}  // namespace

std::string FormatSweepTable(const Scenario& scenario, const SweepSummary& summary,
                             const ReportHeader& header) {
  std::string out = fmt::format(
      "{}\nMonte Carlo sweep: {} replications, seed {}, {} uncertain "
      "input{}\n\n",
      scenario.meta.title, summary.samples, summary.seed, scenario.uncertain.size(),
      scenario.uncertain.size() == 1 ? "" : "s");
  std::size_t width = 5;
  for (const SweepStat& st : summary.stats) width = std::max(width, Label(st).size());
  for (const Issue& issue : scenario.issues) {
    const double span = issue.scale_max - issue.scale_min;
    const auto num = [&](double x) { return FormatTableNumber(x, span); };
    out += fmt::format("{}: {}\n", issue.id, issue.label);
    out += fmt::format("  scale: {} … {}\n", num(issue.scale_min), num(issue.scale_max));
    if (issue.outcome) out += fmt::format("  recorded outcome: {}\n", num(*issue.outcome));
    out += fmt::format("\n  {:<{}}  {:>9}  {:>9}  {:>9}  {:>21}  {:>9}  {:>6}\n", "model", width,
                       "point", "mean", "median", "5-95 % interval", "sd", "unconv");
    std::vector<const SweepStat*> rows;
    for (const SweepStat& st : summary.stats)
      if (st.issue == issue.id) rows.push_back(&st);
    for (const SweepStat* st : rows) {
      const std::string interval = "[" + num(st->p05) + ", " + num(st->p95) + "]";
      out +=
          fmt::format("  {:<{}}  {:>9}  {:>9}  {:>9}  {:>21}  {:>9}  {:>5.1f}%\n", Label(*st),
                      width, num(st->point), num(st->mean), num(st->median), interval, num(st->sd),
                      100.0 * static_cast<double>(st->not_converged) /
                          static_cast<double>(std::max<std::uint64_t>(st->n, 1)));
      for (std::size_t t = 0; t < st->thresholds.size(); ++t) {
        out += fmt::format("  {:<{}}  P({}) = {:.3f}\n", "", width, st->thresholds[t],
                           st->threshold_probability[t]);
      }
    }
    // A zero-width spread says only that the drawn inputs do not move this forecast; say so, so
    // that it is not read as certainty about the outcome.
    for (const SweepStat* st : rows) {
      if (st->n == 0 || !SameAtSweepResolution(st->min, st->max, span)) continue;
      if (scenario.uncertain.empty()) {
        out += fmt::format(
            "  note: {}: every replication gives {}, because no input of this file is "
            "uncertain.\n        Write positions, saliences or capabilities as distributions "
            "(docs/formats/scenario.md,\n        \"Uncertain inputs\") to see a spread.\n",
            Label(*st), num(st->median));
      } else {
        out += fmt::format(
            "  note: {}: all {} replications give {}: none of the {} uncertain input{} moves "
            "this\n        forecast. That is not certainty about the outcome: inputs written as "
            "numbers are\n        not drawn (`entente sensitivity` ranks the inputs that do move "
            "it).\n",
            Label(*st), st->n, num(st->median), scenario.uncertain.size(),
            scenario.uncertain.size() == 1 ? "" : "s");
      }
    }
    out += fmt::format("\n  histogram over the scale ({} bins):\n",
                       rows.empty() ? 0 : rows.front()->histogram.size());
    for (const SweepStat* st : rows) {
      out += fmt::format("  {:<{}}  {}|{}|{}\n", Label(*st), width, num(issue.scale_min),
                         Sparkline(st->histogram), num(issue.scale_max));
    }
    out += "\n";
  }
  out +=
      "point: one run at every distribution's centre (as `entente run`). unconv: the share of\n"
      "replications that stopped at the round cap or halted (their forecast is the last "
      "round's).\n";
  out += fmt::format("entente {} · scenario {} · hash {}\n", header.entente_version,
                     header.scenario_path, header.scenario_hash);
  return out;
}

std::string FormatSweepJson(const Scenario& scenario, const SweepSummary& summary,
                            const ReportHeader& header) {
  (void)scenario;
  nlohmann::ordered_json doc;
  doc["header"] = ReportHeaderJson(header);
  doc["sweep"] = {{"samples", summary.samples}, {"seed", summary.seed}, {"models", summary.models}};
  nlohmann::ordered_json stats = nlohmann::ordered_json::array();
  for (const SweepStat& st : summary.stats) {
    nlohmann::ordered_json thresholds = nlohmann::ordered_json::array();
    for (std::size_t t = 0; t < st.thresholds.size(); ++t) {
      thresholds.push_back(
          {{"threshold", st.thresholds[t]}, {"probability", st.threshold_probability[t]}});
    }
    stats.push_back({{"model", st.model},
                     {"preset", st.preset},
                     {"issue", st.issue},
                     {"point", st.point},
                     {"n", st.n},
                     {"mean", st.mean},
                     {"sd", st.sd},
                     {"min", st.min},
                     {"p05", st.p05},
                     {"median", st.median},
                     {"p95", st.p95},
                     {"max", st.max},
                     {"not_converged", st.not_converged},
                     {"histogram", {{"edges", st.bin_edges}, {"counts", st.histogram}}},
                     {"thresholds", thresholds}});
  }
  doc["stats"] = std::move(stats);
  return doc.dump(2) + "\n";
}

std::string FormatSweepCsv(const Scenario& scenario, const SweepSummary& summary,
                           const ReportHeader& header) {
  (void)scenario;
  std::string out = "# " + ReportHeaderJson(header).dump() + "\n";
  out += "model,preset,issue,statistic,label,lower,upper,value\n";
  for (const SweepStat& st : summary.stats) {
    const std::string prefix =
        io::CsvQuote(st.model) + "," + io::CsvQuote(st.preset) + "," + io::CsvQuote(st.issue) + ",";
    const auto row = [&](const std::string& stat, double value) {
      out += prefix + stat + ",,,," + io::CsvNumber(value) + "\n";
    };
    row("point", st.point);
    row("n", static_cast<double>(st.n));
    row("mean", st.mean);
    row("sd", st.sd);
    row("min", st.min);
    row("p05", st.p05);
    row("median", st.median);
    row("p95", st.p95);
    row("max", st.max);
    row("not_converged", static_cast<double>(st.not_converged));
    for (std::size_t b = 0; b < st.histogram.size(); ++b) {
      out += prefix + "histogram,," + io::CsvNumber(st.bin_edges[b]) + "," +
             io::CsvNumber(st.bin_edges[b + 1]) + "," + std::to_string(st.histogram[b]) + "\n";
    }
    for (std::size_t t = 0; t < st.thresholds.size(); ++t) {
      out += prefix + "probability," + io::CsvQuote(st.thresholds[t]) + ",,," +
             io::CsvNumber(st.threshold_probability[t]) + "\n";
    }
  }
  return out;
}

}  // namespace entente
