// Report writers for `entente sensitivity`: the table and the JSON document of a sensitivity
// analysis (SensitivitySummary) and of a target search (TargetSummary). docs/manual.md,
// "entente sensitivity", describes both.
//
// JSON: {"header": {...as every command's JSON...}, "analysis": {...}, "elasticities": [tidy
// rows], "sobol": [tidy rows], "notes": [...]} or, for a target search, {"header", "target": {...},
// "results": [tidy rows]}. Every number prints as the shortest text that reads back the same.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "entente/report_format.h"
#include "entente/scenario.h"
#include "entente/sensitivity.h"

namespace entente {

// The table; it lists the inputs with a non-zero effect (the count of the others is given) and
// ends with a provenance footer (model, preset, samples, seed, scenario hash, version).
std::string FormatSensitivityTable(const Scenario& scenario, const SensitivitySummary& summary,
                                   const ReportHeader& header);
std::string FormatSensitivityJson(const SensitivitySummary& summary, const ReportHeader& header);

std::string FormatTargetTable(const Scenario& scenario, const TargetSummary& summary,
                              const ReportHeader& header);
std::string FormatTargetJson(const TargetSummary& summary, const ReportHeader& header);

}  // namespace entente
