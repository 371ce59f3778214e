#include "entente/decision_rule.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

struct Row {
  const char* id;
  double x, cap, sal;
  bool votes = true, veto = false;
  double weight = 1.0;
};

DecisionTable Table(std::optional<double> sq, const std::vector<Row>& rows,
                    bool with_weights = false) {
  DecisionTable t;
  t.issue_id = "timing";
  t.status_quo = sq;
  for (const Row& r : rows) {
    t.actor_ids.push_back(r.id);
    t.position.push_back(r.x);
    t.capability.push_back(r.cap);
    t.salience.push_back(r.sal);
    t.votes.push_back(r.votes);
    t.veto.push_back(r.veto);
    if (with_weights) t.vote_weight.push_back(r.weight);
  }
  return t;
}

// A NATO-like consensus: SQ 0 (no invitation); hu and tr at 17.5 accept at most 2·17.5 − 0 = 35.
// The outsiders ua (for) and ru (against, at SQ) bargain but never vote.
DecisionTable Nato() {
  return Table(0.0, {{"usa", 100, 10, 1},
                     {"de", 60, 5, 1},
                     {"hu", 17.5, 1, 1},
                     {"tr", 17.5, 1, 1},
                     {"ua", 100, 1, 1, false},
                     {"ru", 0, 1, 1, false}});
}

TEST(Consensus, SaysWhoBlocksAndHowFar) {
  auto r = ApplyDecisionRule("consensus", Nato());
  ASSERT_TRUE(r.ok()) << r.status().message();
  // Compromise (1000 + 300 + 17.5 + 17.5 + 100 + 0) / 19.
  EXPECT_DOUBLE_EQ(r->compromise, 1435.0 / 19.0);
  EXPECT_DOUBLE_EQ(r->win_low, 0.0);
  EXPECT_DOUBLE_EQ(r->win_high, 35.0);
  EXPECT_DOUBLE_EQ(r->outcome, 35.0);
  EXPECT_FALSE(r->status_quo_stands);
  EXPECT_FALSE(r->compromise_passes);
  ASSERT_EQ(r->blockers.size(), 2u);  // ru prefers SQ but is an outsider: it never blocks
  EXPECT_EQ(r->blockers[0].actor_id, "hu");
  EXPECT_EQ(r->blockers[1].actor_id, "tr");
  EXPECT_DOUBLE_EQ(r->blockers[0].accepts_up_to, 35.0);
  EXPECT_DOUBLE_EQ(r->support, 2.0);
  EXPECT_DOUBLE_EQ(r->needed, 4.0);
  EXPECT_EQ(r->message,
            "hu and tr would block an outcome beyond 35 (compromise 75.53, status quo 0); "
            "consensus outcome 35");
}

TEST(Unanimity, StatusQuoInsideTheCoreStands) {
  // Voters at 20 and 80 around SQ 50: nobody-dominated SQ, empty win-set.
  auto r = ApplyDecisionRule("unanimity", Table(50.0, {{"a", 20, 1, 1}, {"b", 80, 3, 1}}));
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->compromise, 65.0);
  EXPECT_DOUBLE_EQ(r->outcome, 50.0);
  EXPECT_TRUE(r->status_quo_stands);
  ASSERT_EQ(r->blockers.size(), 1u);
  EXPECT_EQ(r->blockers[0].actor_id, "a");
  EXPECT_DOUBLE_EQ(r->blockers[0].accepts_up_to, 50.0);
  EXPECT_NE(r->message.find("(the status quo stands)"), std::string::npos);
}

TEST(Unanimity, EveryoneAcceptsTheCompromise) {
  auto r = ApplyDecisionRule("unanimity", Table(0.0, {{"a", 40, 1, 1}, {"b", 60, 1, 1}}));
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->outcome, 50.0);  // win-set [0, 80]
  EXPECT_DOUBLE_EQ(r->win_high, 80.0);
  EXPECT_TRUE(r->blockers.empty());
  EXPECT_EQ(r->message,
            "every voting member accepts the compromise 50 over the status quo 0; unanimity "
            "outcome 50");
}

DecisionTable Qmv() {
  // Weights 3, 2, 4, 1 (total 10); SQ 0; compromise (10 + 40 + 70 + 90) / 4 = 52.5.
  return Table(0.0,
               {{"a", 10, 1, 1, true, false, 3},
                {"b", 40, 1, 1, true, false, 2},
                {"c", 70, 1, 1, true, false, 4},
                {"d", 90, 1, 1, true, false, 1}},
               true);
}

TEST(QualifiedMajority, PivotFromTheFarEnd) {
  DecisionRuleOptions opt;
  opt.quota = 7;
  // From the right: d (1), c (5), b (7 >= 7): pivot 40, win-set up to 2·40 − 0 = 80.
  auto r = ApplyDecisionRule("qualified-majority", Qmv(), opt);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_DOUBLE_EQ(r->win_low, 0.0);
  EXPECT_DOUBLE_EQ(r->win_high, 80.0);
  EXPECT_DOUBLE_EQ(r->outcome, 52.5);
  EXPECT_TRUE(r->compromise_passes);
  EXPECT_DOUBLE_EQ(r->support, 7.0);  // b, c, d; a (accepts up to 20) blocks alone in vain
  ASSERT_EQ(r->blockers.size(), 1u);
  EXPECT_EQ(r->blockers[0].actor_id, "a");
  EXPECT_DOUBLE_EQ(r->blockers[0].accepts_up_to, 20.0);
  EXPECT_EQ(r->message,
            "a would block an outcome beyond 20 (compromise 52.5, status quo 0); the compromise "
            "has 7 of 10 votes, quota 7, so it passes; qualified-majority outcome 52.5");
  // A quota of 8 needs a as well: pivot 10, win-set [0, 20].
  opt.quota = 8;
  r = ApplyDecisionRule("qualified-majority", Qmv(), opt);
  EXPECT_DOUBLE_EQ(r->outcome, 20.0);
  EXPECT_FALSE(r->compromise_passes);
}

TEST(Majority, VetoPlayerWhoPrefersTheStatusQuoBlocks) {
  // Three voters at 10, 20, 30 and SQ 60: a majority accepts down to 2·20 − 60 = −20 (clamped
  // to 0). The veto player at 90 (an outsider) accepts only [60, 120]: SQ stands.
  auto t = Table(60.0,
                 {{"a", 10, 1, 1}, {"b", 20, 1, 1}, {"c", 30, 1, 1}, {"v", 90, 1, 1, false, true}});
  auto r = ApplyDecisionRule("majority", t);
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->compromise, 37.5);
  EXPECT_DOUBLE_EQ(r->outcome, 60.0);
  EXPECT_TRUE(r->status_quo_stands);
  ASSERT_EQ(r->blockers.size(), 1u);
  EXPECT_EQ(r->blockers[0].actor_id, "v");
  EXPECT_TRUE(r->blockers[0].veto);
  EXPECT_DOUBLE_EQ(r->blockers[0].accepts_up_to, 60.0);
  // Without the veto player the majority takes the compromise.
  t.veto[3] = false;
  r = ApplyDecisionRule("majority", t);
  EXPECT_DOUBLE_EQ(r->win_low, 0.0);
  EXPECT_DOUBLE_EQ(r->outcome, 37.5);
  EXPECT_DOUBLE_EQ(r->needed, 2.0);
}

TEST(WeightedRules, NeedNoStatusQuo) {
  auto t = Table(std::nullopt, {{"a", 0, 1, 1}, {"b", 100, 3, 1}});
  EXPECT_DOUBLE_EQ(ApplyDecisionRule("weighted-mean", t)->outcome, 75.0);
  EXPECT_DOUBLE_EQ(ApplyDecisionRule("weighted-median", t)->outcome, 100.0);
}

TEST(DecisionRuleErrors, ClearMessages) {
  auto no_sq = Table(std::nullopt, {{"a", 0, 1, 1}, {"b", 100, 3, 1}});
  EXPECT_EQ(ApplyDecisionRule("consensus", no_sq).status().message(),
            "issue 'timing' has no status quo; the 'consensus' rule needs one (set status_quo "
            "on the issue, or use weighted-mean or weighted-median)");
  EXPECT_EQ(ApplyDecisionRule("dictator", no_sq).status().message(),
            "unknown decision rule 'dictator'; known: weighted-mean, weighted-median, "
            "unanimity, consensus, majority, qualified-majority");
  EXPECT_NE(ApplyDecisionRule("qualified-majority", Qmv()).status().message().find("needs a quota"),
            std::string::npos);
  auto outsiders = Table(0.0, {{"a", 10, 1, 1, false}});
  EXPECT_NE(ApplyDecisionRule("unanimity", outsiders).status().message().find("no voting member"),
            std::string::npos);
}

TEST(DecisionTable, FromIssueTableTakesFinalPositionsAndVetoFlags) {
  Scenario s;
  Actor a{"a", "A", 1.0};
  Actor b{"b", "B", 2.0};
  b.veto = true;
  s.actors = {a, b};
  Issue i;
  i.id = "x";
  i.status_quo = 0.0;
  s.issues = {i};
  s.stances = {{Stance{10.0, 0.5}, Stance{90.0, 1.0}}};
  const IssueTable it = MakeIssueTable(s, 0);
  auto t = DecisionTable::FromIssueTable(s, it, {30.0, 70.0});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->position, (std::vector<double>{30.0, 70.0}));
  EXPECT_EQ(t->veto, (std::vector<bool>{false, true}));
  EXPECT_FALSE(DecisionTable::FromIssueTable(s, it, {1.0}).ok());
  EXPECT_TRUE(t->vote_weight.empty());  // no actor has votes: one per member
}

TEST(DecisionTable, FromIssueTableTakesTheScenarioVotes) {
  Scenario s;
  Actor a{"a", "A", 1.0};
  a.votes = 29.0;
  Actor b{"b", "B", 2.0};
  b.votes = 3.0;
  Actor c{"c", "C", 2.0};  // no stance on the issue: not in the table
  c.votes = 10.0;
  s.actors = {a, b, c};
  Issue i;
  i.id = "x";
  i.status_quo = 0.0;
  s.issues = {i};
  s.stances = {{Stance{80.0, 0.5}, Stance{0.0, 0.5}, std::nullopt}};
  auto t = DecisionTable::FromIssueTable(s, MakeIssueTable(s, 0));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->vote_weight, (std::vector<double>{29.0, 3.0}));
  // a alone (29 of 32) reaches a quota of 29; b prefers SQ but cannot block.
  DecisionRuleOptions opt;
  opt.quota = 29.0;
  auto d = ApplyDecisionRule("qualified-majority", *t, opt);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_TRUE(d->compromise_passes);
  EXPECT_DOUBLE_EQ(d->support, 29.0);
  ASSERT_EQ(d->blockers.size(), 1u);
  EXPECT_EQ(d->blockers[0].actor_id, "b");
}

}  // namespace
}  // namespace entente
