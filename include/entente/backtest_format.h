// Text forms of a back-test report (backtest.h) for the CLI and for files: an aligned table,
// JSON and CSV. Each has the same columns, one row per model+preset:
//   model, preset, n, mae, median_ae, rmse, within5, within10, within20,
//   diff_vs_<reference>, ci_low, ci_high
// and, with `details`, the per-issue forecasts (model, preset, source, issue, forecast, outcome,
// abs_error). Numbers that do not exist (no reference, no issue scored) print as "-" in the
// table, empty in CSV and null in JSON.
//
// Thread-safety: reentrant.
#pragma once

#include <string>

#include "entente/backtest.h"

namespace entente {

std::string FormatBacktestTable(const BacktestReport& report, bool details = false);
std::string FormatBacktestJson(const BacktestReport& report, bool details = false);
// The summary rows; with `details` the per-issue rows instead (a CSV holds one table).
std::string FormatBacktestCsv(const BacktestReport& report, bool details = false);

}  // namespace entente
