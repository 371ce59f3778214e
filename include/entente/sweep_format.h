// Sweep reports: the table, JSON and CSV that `entente sweep` prints (docs/manual.md, "entente
// sweep"), shared with other front ends (Python API, HTML report).
//
//  * table: per issue, one line per model with the point forecast (at the distributions'
//    centres), mean, median, 5–95 % interval, sd, the share of
//    replications that did not converge and each threshold's probability, then a one-line
//    histogram per model; a provenance footer.
//  * JSON: {"header": {...}, "sweep": {"samples", "seed", "models"}, "stats": [one object per
//    model and issue with point, n, mean, sd, min, p05, median, p95, max, not_converged,
//    histogram {edges, counts}, thresholds [{threshold, probability}]]}.
//  * CSV: "# {header json}", then the tidy table
//    model,preset,issue,statistic,label,lower,upper,value with one row per statistic (point, n,
//    mean, sd, min, p05, median, p95, max, not_converged), per histogram bin (statistic
//    "histogram", lower/upper the bin's edges, value the count) and per threshold (statistic
//    "probability", label the threshold).
// Numbers in JSON and CSV are the shortest text that reads back to the same double.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "entente/report_format.h"
#include "entente/scenario.h"
#include "entente/sweep.h"

namespace entente {

std::string FormatSweepTable(const Scenario& scenario, const SweepSummary& summary,
                             const ReportHeader& header);
std::string FormatSweepJson(const Scenario& scenario, const SweepSummary& summary,
                            const ReportHeader& header);
std::string FormatSweepCsv(const Scenario& scenario, const SweepSummary& summary,
                           const ReportHeader& header);

}  // namespace entente
