// The Vega-Lite specifications of the HTML report (include/entente/html_report.h), one function
// per chart. Each returns the complete spec, data inlined, with a title and axis titles that
// use the issue's scale words; the page adds the caption (which model, preset and inputs).
//
// Colours: the Okabe–Ito palette (distinguishable with every common colour-vision deficiency),
// always doubled by a second channel (dash, shape or position) so charts survive greyscale
// printing.
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "entente/decision_rule.h"
#include "entente/html_report.h"
#include "entente/model.h"
#include "entente/report_format.h"
#include "entente/scenario.h"

namespace entente::report {

using Json = nlohmann::ordered_json;

// "eum (bdm)" or "compromise".
std::string ModelLabel(const std::string& model, const std::string& preset);

// The scale in words: "0 = postponed indefinitely … 100 = immediate invitation".
std::string ScaleWords(const Issue& issue);

// Shared look: fonts, palette, sizes.
Json BaseConfig();

// Scenario: each actor's position (x) and salience (y), point size = capability.
Json StanceChart(const Scenario& scenario, std::size_t issue);

// Every actor's position round by round under one bargaining model at a time (a drop-down
// picks the model), with every model's forecast path (ForecastPath) and the status quo and
// recorded outcome as reference lines. `runs` are all the report's runs.
Json TrajectoryChart(const Scenario& scenario, std::size_t issue,
                     const std::vector<ModelRun>& runs);

// Each model's forecast on one issue, side by side; with `sweep`, the 5–95 % interval and
// median of the Monte Carlo forecasts per model.
Json ModelsChart(const Scenario& scenario, std::size_t issue, const std::vector<ModelRun>& runs,
                 const ReportSweep* sweep);

// Histogram of the sweep's final forecasts on one issue (its bins), one row per model.
Json OutcomeHistogram(const Scenario& scenario, std::size_t issue, const ReportSweep& sweep);

// The sweep's threshold probabilities on one issue, per model. REQUIRES: some stat of the
// issue has thresholds.
Json ThresholdChart(const Scenario& scenario, std::size_t issue, const ReportSweep& sweep);

// The bars of one issue ranked by the width of their effect (widest on top).
Json TornadoChart(const Scenario& scenario, std::size_t issue,
                  const ReportSensitivity& sensitivity);

// The expected utility model's perception map on one issue: for the actor and round picked
// (drop-down, slider), each challenge it faces at (its EU of challenging the counterpart, the
// counterpart's EU of challenging it as it perceives it), in the quadrants of Scholz et al.
// 2011 Fig. 6. REQUIRES: result.interactions is non-empty.
Json PerceptionChart(const Scenario& scenario, std::size_t issue, const IssueResult& result,
                     int max_rounds);

// Under the decision rule: per model, the win-set on the scale, the compromise, the rule's
// outcome, and each blocker's limit (how far it would go). `summaries` are this issue's.
Json BlockingChart(const Scenario& scenario, std::size_t issue,
                   const std::vector<ForecastSummary>& summaries);

}  // namespace entente::report
