#include "cli/backtest_input.h"

#include "entente/io.h"

namespace entente::cli {

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Result<std::vector<BacktestCase>> LoadBacktestCases(const std::vector<std::string>& paths,
                                                    const std::string& format,
                                                    const DeuCapabilityOptions& capability) {
  std::vector<BacktestCase> cases;
  for (const std::string& path : paths) {
    const std::string kind =
        !format.empty() ? format : (EndsWith(path, ".csv") ? "deu" : "scenario");
    if (kind == "deu") {
      Result<DeuTable> table = LoadDeuCsv(path);
      if (!table.ok()) return table.status();
      Result<std::vector<BacktestCase>> c = DeuBacktestCases(*table, capability);
      if (!c.ok()) return c.status();
      cases.insert(cases.end(), c->begin(), c->end());
    } else {
      Result<Scenario> scenario = LoadScenario(path);
      if (!scenario.ok()) return scenario.status();
      std::vector<BacktestCase> c = ScenarioBacktestCases(*scenario);
      cases.insert(cases.end(), c.begin(), c.end());
    }
  }
  return cases;
}

}  // namespace entente::cli
