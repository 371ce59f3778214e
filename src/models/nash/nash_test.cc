#include "models/nash/nash.h"

#include <gtest/gtest.h>

#include <cmath>

#include "entente/model.h"
#include "models/nash/nash_model.h"

namespace entente {
namespace {

IssueTable Table(std::vector<double> x, std::vector<double> c, std::vector<double> s,
                 std::optional<double> sq) {
  IssueTable t;
  t.issue_id = "x";
  t.status_quo = sq;
  for (std::size_t i = 0; i < x.size(); ++i) {
    t.actor_ids.push_back(std::string(1, static_cast<char>('a' + i)));
    t.actor_index.push_back(i);
    t.position.push_back(x[i]);
    t.capability.push_back(c[i]);
    t.salience.push_back(s[i]);
    t.votes.push_back(true);
  }
  return t;
}

TEST(Nash, OneActorGetsItsIdeal) {
  const nash::Solution s = nash::Solve(Table({30}, {1}, {1}, 0.0), nash::Utility::kQuadratic);
  ASSERT_TRUE(s.agreement);
  EXPECT_NEAR(s.outcome, 30.0, 1e-9);
}

// x = (40, 80), SQ = 0, c = s = 1: maximise ln(O(80 − O)) + ln(O(160 − O)) on (0, 80).
// FOC 2/O = 1/(80 − O) + 1/(160 − O) gives O² − 180·O + 6400 = 0, O = 90 − √1700.
TEST(Nash, TwoActorsQuadraticByHand) {
  const nash::Solution s =
      nash::Solve(Table({40, 80}, {1, 1}, {1, 1}, 0.0), nash::Utility::kQuadratic);
  ASSERT_TRUE(s.agreement);
  EXPECT_NEAR(s.outcome, 90.0 - std::sqrt(1700.0), 1e-9);  // 48.769, below the mean 60
  EXPECT_DOUBLE_EQ(s.lower, 0.0);
  EXPECT_DOUBLE_EQ(s.upper, 80.0);
}

// Bargaining weights: c = (3, 1) pulls towards the first actor. FOC
// 3(40 − O)/(O(80 − O)) + (80 − O)/(O(160 − O)) = 0 ⇔ 3(40 − O)(160 − O) + (80 − O)² = 0
// ⇔ 4O² − 760·O + 25600 = 0, O = 95 − √2625.
TEST(Nash, CapabilityWeightsByHand) {
  const nash::Solution s =
      nash::Solve(Table({40, 80}, {3, 1}, {1, 1}, 0.0), nash::Utility::kQuadratic);
  ASSERT_TRUE(s.agreement);
  EXPECT_NEAR(s.outcome, 95.0 - std::sqrt(2625.0), 1e-9);  // 43.76
}

// Linear utility: ln(40 − |40 − O|) + ln(80 − |80 − O|) rises up to 40 and falls after it.
TEST(Nash, LinearUtilityByHand) {
  const nash::Solution s =
      nash::Solve(Table({40, 80}, {1, 1}, {1, 1}, 0.0), nash::Utility::kLinear);
  ASSERT_TRUE(s.agreement);
  EXPECT_NEAR(s.outcome, 40.0, 1e-6);
}

TEST(Nash, StatusQuoBetweenActorsMeansNoAgreement) {
  const nash::Solution s =
      nash::Solve(Table({20, 80}, {1, 1}, {1, 1}, 50.0), nash::Utility::kQuadratic);
  EXPECT_FALSE(s.agreement);
  EXPECT_DOUBLE_EQ(s.outcome, 50.0);
  EXPECT_EQ(s.message,
            "no agreement: 'a' prefers the status quo (50) to every point above it and 'b' to "
            "every point below it");
}

TEST(Nash, ActorAtTheStatusQuoBlocks) {
  const nash::Solution s =
      nash::Solve(Table({50, 80}, {1, 1}, {1, 1}, 50.0), nash::Utility::kQuadratic);
  EXPECT_FALSE(s.agreement);
  EXPECT_EQ(s.message,
            "no agreement: 'a' stands at the status quo (50) and prefers it to every other point");
}

TEST(Nash, IndifferentActorsDoNotBlock) {
  // 'a' has salience 0: it does not care, so only 'b' bargains.
  const nash::Solution s =
      nash::Solve(Table({50, 80}, {1, 1}, {0, 1}, 50.0), nash::Utility::kQuadratic);
  ASSERT_TRUE(s.agreement);
  EXPECT_NEAR(s.outcome, 80.0, 1e-9);
}

Scenario WithIssue(std::optional<double> sq) {
  Scenario s;
  s.actors = {Actor{"a", "a", 1.0}, Actor{"b", "b", 1.0}};
  Issue is;
  is.id = "timing";
  is.status_quo = sq;
  s.issues.push_back(is);
  s.stances.assign(1, std::vector<std::optional<Stance>>(2));
  Stance st;
  st.salience = 1.0;
  st.position = 40;
  s.stances[0][0] = st;
  st.position = 80;
  s.stances[0][1] = st;
  return s;
}

TEST(NashModel, NeedsAStatusQuo) {
  Result<ModelRun> r = MakeNashModel()->Run(WithIssue(std::nullopt), RunOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kModelFailure);
  EXPECT_EQ(r.status().message(), "nash needs a status_quo on issue 'timing'");
}

TEST(NashModel, RegisteredAndRuns) {
  Result<const ModelInfo*> info = FindModel("nash");
  ASSERT_TRUE(info.ok());
  Result<ModelRun> r = (*info)->create()->Run(WithIssue(0.0), RunOptions{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_NEAR(r->issues[0].forecast, 90.0 - std::sqrt(1700.0), 1e-9);
  EXPECT_EQ(r->issues[0].stop, StopReason::kStatic);
  EXPECT_DOUBLE_EQ(r->issues[0].weighted_mean[0], 60.0);
  RunOptions bad;
  bad.preset = "cubic";
  EXPECT_EQ(MakeNashModel()->Run(WithIssue(0.0), bad).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace entente
