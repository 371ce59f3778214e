// The scenario's decision rule next to each model's forecast: the rule applied to the model's
// final positions (include/entente/decision_rule.h), and the one line the table prints for it.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "entente/decision_rule.h"
#include "entente/report_format.h"

namespace entente {

namespace {

// At most this many names in a line; the rest are counted ("and 27 more").
constexpr std::size_t kMaxNames = 6;

std::string DisplayName(const Scenario& scenario, const std::string& actor_id) {
  if (const auto a = scenario.FindActor(actor_id); a && !scenario.actors[*a].name.empty()) {
    return scenario.actors[*a].name;
  }
  return actor_id;
}

// "A", "A and B", "A, B and C", "A, B, C, D, E, F and 3 more".
std::string NameList(const std::vector<std::string>& names) {
  const std::size_t shown = names.size() > kMaxNames ? kMaxNames : names.size();
  std::string out;
  for (std::size_t i = 0; i < shown; ++i) {
    const bool last_shown = i + 1 == shown && shown == names.size();
    out += i == 0 ? "" : (last_shown ? " and " : ", ");
    out += names[i];
  }
  if (shown < names.size()) out += fmt::format(" and {} more", names.size() - shown);
  return out;
}

bool IsProcedural(const std::string& rule) {
  return rule != "weighted-mean" && rule != "weighted-median";
}

}  // namespace

void ApplyRuleToSummary(const Scenario& scenario, const IssueResult& result,
                        ForecastSummary* summary) {
  summary->rule = scenario.decision_rule;
  summary->decision.reset();
  summary->rule_problem.clear();
  if (scenario.decision_rule.empty()) return;
  const auto issue = scenario.FindIssue(result.issue_id);
  if (!issue) {
    summary->rule_problem = "issue '" + result.issue_id + "' is not in the scenario";
    return;
  }
  const IssueTable table = MakeIssueTable(scenario, *issue);
  // The model's last round, matched to the table's actors by id; an actor the model did not
  // report keeps its stated position.
  std::vector<double> final_positions = table.position;
  if (!result.positions.empty()) {
    const std::vector<double>& last = result.positions.back();
    for (std::size_t i = 0; i < table.size(); ++i) {
      for (std::size_t a = 0; a < result.actor_ids.size() && a < last.size(); ++a) {
        if (result.actor_ids[a] == table.actor_ids[i]) final_positions[i] = last[a];
      }
    }
  }
  Result<DecisionTable> decision_table =
      DecisionTable::FromIssueTable(scenario, table, final_positions);
  if (!decision_table.ok()) {
    summary->rule_problem = decision_table.status().message();
    return;
  }
  DecisionRuleOptions options;
  options.quota = scenario.quota;
  Result<DecisionOutcome> outcome =
      ApplyDecisionRule(scenario.decision_rule, *decision_table, options);
  if (!outcome.ok()) {
    summary->rule_problem = outcome.status().message();
    return;
  }
  summary->decision = std::move(outcome).value();
}

std::string FormatRuleLine(const Scenario& scenario, const ForecastSummary& summary) {
  if (summary.rule.empty()) return "";
  if (!summary.decision) {
    return fmt::format("{}: not applied: {}", summary.rule, summary.rule_problem);
  }
  const DecisionOutcome& d = *summary.decision;
  double span = 0.0;
  if (const auto i = scenario.FindIssue(summary.issue)) {
    span = scenario.issues[*i].scale_max - scenario.issues[*i].scale_min;
  }
  auto num = [span](double x) { return FormatTableNumber(x, span); };
  std::string line = fmt::format("{}: {}", summary.rule, num(d.outcome));
  if (!IsProcedural(summary.rule)) return line;
  const std::string sq = d.status_quo ? num(*d.status_quo) : "?";
  if (d.blockers.empty()) {
    return line + fmt::format("; no member blocks the compromise {}", num(d.compromise));
  }
  std::vector<std::string> names;
  for (const Blocker& b : d.blockers) names.push_back(DisplayName(scenario, b.actor_id));
  const std::string who = NameList(names);
  if (d.compromise_passes) {
    return line + fmt::format("; {} {} the status quo {} to the compromise {} but cannot block it",
                              who, names.size() == 1 ? "prefers" : "prefer", sq, num(d.compromise));
  }
  if (d.status_quo_stands) {
    return line + fmt::format("; {} would block any move from the status quo {}", who, sq);
  }
  return line + fmt::format(
                    "; {} would block anything beyond {}; the status quo stands if the "
                    "compromise {} is pushed",
                    who, num(d.outcome), num(d.compromise));
}

}  // namespace entente
