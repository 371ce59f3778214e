// The cases `entente backtest` scores: DEU issue tables and scenarios with recorded outcomes,
// shared by the CLI command and the Python API (python/).
#pragma once

#include <string>
#include <vector>

#include "entente/backtest.h"
#include "entente/deu.h"
#include "entente/status.h"

namespace entente::cli {

// Every case of every path, in order. `format` is "deu" (a DEU issue table, capabilities mapped
// by `capability`), "scenario" (LoadScenario; every issue with an outcome), or "" to choose by
// extension (.csv is deu, anything else scenario). The first file that fails to load fails the
// call with its status.
Result<std::vector<BacktestCase>> LoadBacktestCases(const std::vector<std::string>& paths,
                                                    const std::string& format,
                                                    const DeuCapabilityOptions& capability);

}  // namespace entente::cli
