// The HTML report (`entente report`): one self-contained page of charts and tables an analyst
// can open offline, print, or hand on. Every chart is a Vega-Lite specification plus its data
// (users can copy a chart's spec from the page source and reuse it); the chart library (Vega,
// Vega-Lite, vega-embed) is embedded in the page, so it opens with no network.
//
// Sections (docs/manual.md, "entente report"):
//  * the scenario: issues with their scale words, status quo and recorded outcome; actors with
//    capability, role and veto; per issue each actor's position and salience (chart + table);
//    the sources;
//  * per issue, every actor's position round by round under each bargaining model, with each
//    model's forecast line (ForecastPath);
//  * the models side by side per issue, with Monte Carlo intervals when a sweep is given;
//  * from a sweep: the outcome distribution (histogram) and threshold probabilities;
//  * sensitivity as a ranked ("tornado") bar chart;
//  * the expected utility model's perception map: the challenges each actor faces in a round,
//    placed in the conflict / compromise / capitulation quadrants (from recorded interactions);
//  * under the scenario's decision rule, who blocks what (decision_rule.h).
// A section whose data is absent (no sweep, no sensitivity analysis, no decision rule, no
// recorded interactions) is replaced by a short note saying what would fill it.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entente/model.h"
#include "entente/report_format.h"
#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

// One model's forecast on one issue over the replications of a Monte Carlo sweep: the fields of
// a sweep summary (`entente sweep`, sweep.h's SweepStat) that the report draws, so that a sweep
// summary converts field by field.
struct ReportSweepStat {
  std::string model;
  std::string preset;   // "" for models without presets
  std::string issue;    // issue id
  std::uint64_t n = 0;  // replications
  double p05 = 0.0;     // 5th percentile of the final forecast
  double median = 0.0;
  double p95 = 0.0;
  // Equal-width bins over the issue's scale: bin k counts bin_edges[k] <= x < bin_edges[k+1].
  std::vector<double> bin_edges;  // histogram.size() + 1 values
  std::vector<std::uint64_t> histogram;
  std::vector<std::string> thresholds;        // as written, e.g. "timing>=50"
  std::vector<double> threshold_probability;  // same order
};

// A sweep as the report shows it.
struct ReportSweep {
  std::string run_id;
  std::uint64_t seed = 0;
  std::uint64_t samples = 0;
  std::string description;  // e.g. "1000 draws of the scenario's uncertain inputs"
  std::vector<ReportSweepStat> stats;
};

// One input's effect on one issue's forecast: the forecast with the input at the low and at the
// high end of its range, everything else at its point value.
struct ReportSensitivityBar {
  std::string issue;  // issue id
  std::string input;  // readable, e.g. "capability of United States"
  double input_low = 0.0;
  double input_high = 0.0;
  double forecast_base = 0.0;  // forecast with every input at its point value
  double forecast_low = 0.0;   // forecast with the input at input_low
  double forecast_high = 0.0;  // forecast with the input at input_high
};

struct ReportSensitivity {
  std::string model;
  std::string preset;
  std::string method;  // e.g. "one input at a time, low/high ends of its distribution"
  std::vector<ReportSensitivityBar> bars;
};

struct HtmlReportInput {
  const Scenario* scenario = nullptr;  // REQUIRES: non-null, validated
  // Every model run to show, in display order (e.g. `entente compare`'s runs). Runs made with
  // RunOptions::record_detail feed the perception map.
  std::vector<ModelRun> runs;
  std::vector<std::pair<std::string, std::string>> not_run;  // model, why it could not run
  std::optional<ReportSweep> sweep;
  std::optional<ReportSensitivity> sensitivity;
  ReportHeader header;
  // Perception maps show rounds 1..perception_rounds (each round of a 30-actor issue is ~900
  // challenges; all rounds are in `entente explain`).
  int perception_rounds = 6;
};

// A model's forecast after each round (same length as result.positions): the weighted median
// (or mean) of each round's positions when that is the model's forecast rule (its final value
// equals IssueResult::forecast), else the final forecast alone (one element).
std::vector<double> ForecastPath(const IssueResult& result);

// The whole page (UTF-8 HTML, ends with a newline). Internal when entente was built
// without the chart library (scripts/setup.sh installs it; CMake must then be re-run).
Result<std::string> FormatHtmlReport(const HtmlReportInput& input);

}  // namespace entente
