#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "entente/report_format.h"
#include "testing/sample_scenario.h"

namespace entente {
namespace {

// SampleScenario with status quo 10 on "timing" and the given rule.
Scenario RuleScenario(const std::string& rule) {
  Scenario s = test_data::SampleScenario();
  s.issues[0].status_quo = 10.0;
  s.decision_rule = rule;
  return s;
}

// A model run on "timing" whose last round puts a, b, c at the given positions.
IssueResult TimingResult(double a, double b, double c) {
  IssueResult r;
  r.issue_id = "timing";
  r.actor_ids = {"a", "b", "c"};
  r.positions = {{10, 80, 50}, {a, b, c}};
  return r;
}

ForecastSummary Summarize(const Scenario& s, const IssueResult& r) {
  ForecastSummary summary;
  summary.issue = r.issue_id;
  ApplyRuleToSummary(s, r, &summary);
  return summary;
}

TEST(RuleReportTest, NoRuleGivesNoLine) {
  const Scenario s = RuleScenario("");
  const ForecastSummary summary = Summarize(s, TimingResult(30, 60, 50));
  EXPECT_EQ(summary.rule, "");
  EXPECT_FALSE(summary.decision.has_value());
  EXPECT_EQ(FormatRuleLine(s, summary), "");
}

TEST(RuleReportTest, ConsensusOnFinalPositionsWithoutBlockers) {
  // Final a 30, b 60, c 50; c s = 2, 1, 0.5: compromise (60 + 60 + 25) / 3.5 = 41.43, which
  // every member prefers to SQ 10 (a accepts up to 50).
  const Scenario s = RuleScenario("consensus");
  const ForecastSummary summary = Summarize(s, TimingResult(30, 60, 50));
  ASSERT_TRUE(summary.decision.has_value()) << summary.rule_problem;
  EXPECT_NEAR(summary.decision->outcome, 145.0 / 3.5, 1e-9);
  EXPECT_TRUE(summary.decision->blockers.empty());
  EXPECT_EQ(FormatRuleLine(s, summary), "consensus: 41.4; no member blocks the compromise 41.4");
}

TEST(RuleReportTest, ConsensusNamesWhoBlocksWhat) {
  // Final a 20: it accepts at most 30 (mirror of SQ 10), below the compromise
  // (40 + 60 + 25) / 3.5 = 35.7, so the outcome is 30 and Alpha blocks the compromise.
  const Scenario s = RuleScenario("consensus");
  const ForecastSummary summary = Summarize(s, TimingResult(20, 60, 50));
  ASSERT_TRUE(summary.decision.has_value()) << summary.rule_problem;
  ASSERT_EQ(summary.decision->blockers.size(), 1u);
  EXPECT_EQ(summary.decision->blockers[0].actor_id, "a");
  EXPECT_EQ(FormatRuleLine(s, summary),
            "consensus: 30.0; Alpha would block anything beyond 30.0; the status quo stands if "
            "the compromise 35.7 is pushed");
}

TEST(RuleReportTest, ActorAtTheStatusQuoBlocksAnyMove) {
  const Scenario s = RuleScenario("unanimity");
  const ForecastSummary summary = Summarize(s, TimingResult(10, 80, 50));
  ASSERT_TRUE(summary.decision.has_value()) << summary.rule_problem;
  EXPECT_TRUE(summary.decision->status_quo_stands);
  EXPECT_EQ(FormatRuleLine(s, summary),
            "unanimity: 10.0; Alpha would block any move from the status quo 10.0");
}

TEST(RuleReportTest, IssueWithoutStatusQuoIsExplainedNotFailed) {
  const Scenario s = RuleScenario("unanimity");
  IssueResult r;
  r.issue_id = "share";
  r.actor_ids = {"a", "b"};
  r.positions = {{0.2, 0.6}};
  const ForecastSummary summary = Summarize(s, r);
  EXPECT_FALSE(summary.decision.has_value());
  const std::string line = FormatRuleLine(s, summary);
  EXPECT_EQ(line.rfind("unanimity: not applied: ", 0), 0u) << line;
  EXPECT_NE(line.find("no status quo"), std::string::npos) << line;
}

TEST(RuleReportTest, WeightedRulesPrintOnlyTheOutcome) {
  const Scenario s = RuleScenario("weighted-mean");
  const ForecastSummary summary = Summarize(s, TimingResult(30, 60, 50));
  EXPECT_EQ(FormatRuleLine(s, summary), "weighted-mean: 41.4");
}

TEST(RuleReportTest, LongBlockerListsAreCut) {
  const Scenario s = RuleScenario("consensus");
  ForecastSummary summary;
  summary.issue = "timing";
  summary.rule = "consensus";
  DecisionOutcome d;
  d.rule = "consensus";
  d.status_quo = 10.0;
  d.outcome = 10.0;
  d.compromise = 40.0;
  d.status_quo_stands = true;
  d.compromise_passes = false;
  // "a" has a display name; the others are not in the scenario and show as ids.
  for (const char* id : {"a", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"}) {
    d.blockers.push_back(Blocker{.actor_id = id});
  }
  summary.decision = d;
  EXPECT_EQ(FormatRuleLine(s, summary),
            "consensus: 10.0; Alpha, x2, x3, x4, x5, x6 and 3 more would block any move from "
            "the status quo 10.0");
  d.blockers.resize(3);
  summary.decision = d;
  EXPECT_EQ(FormatRuleLine(s, summary),
            "consensus: 10.0; Alpha, x2 and x3 would block any move from the status quo 10.0");
}

TEST(RuleReportTest, OutvotedMembersCannotBlock) {
  const Scenario s = RuleScenario("majority");
  // Final a 10 (at SQ), b 80, c 50: a prefers SQ, b and c outvote it.
  const ForecastSummary summary = Summarize(s, TimingResult(10, 80, 50));
  ASSERT_TRUE(summary.decision.has_value()) << summary.rule_problem;
  const std::string line = FormatRuleLine(s, summary);
  EXPECT_NE(line.find("Alpha prefers the status quo 10.0 to the compromise 35.7"),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("but cannot block it"), std::string::npos) << line;
}

}  // namespace
}  // namespace entente
