// Turning DEU tables and scenarios into back-test cases. See include/entente/backtest.h.
#include <string>

#include "entente/backtest.h"

namespace entente {

namespace {

// A copy of `scenario` keeping only issue `k` (actors are kept; stances of that issue only).
Scenario OneIssue(const Scenario& scenario, std::size_t k) {
  Scenario s;
  s.meta = scenario.meta;
  s.actors = scenario.actors;
  s.issues = {scenario.issues[k]};
  s.stances = {scenario.stances[k]};
  s.events = scenario.events;
  s.decision_rule = scenario.decision_rule;
  s.path = scenario.path;
  s.text = scenario.text;
  return s;
}

}  // namespace

Result<std::vector<BacktestCase>> DeuBacktestCases(const DeuTable& table,
                                                   const DeuCapabilityOptions& options) {
  std::vector<BacktestCase> cases;
  for (const DeuIssue& issue : table.issues) {
    if (!issue.outcome || issue.PositionCount() < 2) continue;
    Result<Scenario> s = DeuIssueToScenario(issue, table.path, options);
    if (!s.ok()) return s.status();
    BacktestCase c;
    c.source = table.path + ":" + std::to_string(issue.line);
    c.id = issue.issue;
    c.outcome = *issue.outcome;
    c.scenario = std::move(s).value();
    // The Council's game of the day: votes per member state, 0 for the Commission, the EP and
    // states without a seat; QMV quota, or every vote under unanimity.
    const CouncilRegime regime = CouncilRegimeAt(issue.intro);
    const bool unanimity = issue.council_rule == "Unan";
    c.scenario.decision_rule = unanimity ? "unanimity" : "qualified-majority";
    c.quota = unanimity ? regime.total : regime.quota;
    for (const Actor& a : c.scenario.actors) {
      double w = 0.0;
      for (std::size_t m = 0; m < regime.members.size(); ++m)
        if (regime.members[m] == a.id) w = regime.weights[m];
      c.vote_weight.push_back(w);
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<BacktestCase> ScenarioBacktestCases(const Scenario& scenario) {
  std::vector<BacktestCase> cases;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    if (!issue.outcome) continue;
    int stances = 0;
    for (const auto& st : scenario.stances[k]) stances += st.has_value() ? 1 : 0;
    if (stances < 2) continue;
    BacktestCase c;
    c.source = issue.where.file.empty() ? scenario.path : issue.where.file;
    if (issue.where.line > 0) c.source += ":" + std::to_string(issue.where.line);
    c.id = issue.id;
    c.outcome = *issue.outcome;
    c.scenario = OneIssue(scenario, k);
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace entente
