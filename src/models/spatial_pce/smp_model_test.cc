#include "models/spatial_pce/smp_model.h"

#include <gtest/gtest.h>

#include "entente/convert.h"
#include "entente/model.h"

namespace entente {
namespace {

Scenario TwoIssueScenario() {
  Scenario sc;
  for (const char* id : {"a", "b", "c", "d"}) {
    Actor a;
    a.id = a.name = id;
    sc.actors.push_back(a);
  }
  sc.actors[0].capability = 40;
  sc.actors[1].capability = 30;
  sc.actors[2].capability = 20;
  sc.actors[3].capability = 10;
  for (const char* id : {"timing", "scope"}) {
    Issue is;
    is.id = id;
    is.scale_min = 0;
    is.scale_max = 10;
    sc.issues.push_back(is);
  }
  const double pos[2][4] = {{1, 4, 8, 10}, {9, 2, 5, 0}};
  sc.stances.assign(2, std::vector<std::optional<Stance>>(4));
  for (int k = 0; k < 2; ++k) {
    for (int a = 0; a < 4; ++a) sc.stances[k][a] = Stance{pos[k][a], 0.4, "", {}};
  }
  return sc;
}

TEST(SmpModel, RegisteredWithPresets) {
  Result<const ModelInfo*> info = FindModel("smp");
  ASSERT_TRUE(info.ok());
  ASSERT_GE((*info)->presets.size(), 2u);
  EXPECT_EQ((*info)->presets[0].name, "ktab");
  EXPECT_EQ((*info)->presets[1].name, "ktab-compat");
}

TEST(SmpModel, FillsIssueResults) {
  const Scenario sc = TwoIssueScenario();
  Result<ModelRun> run = SmpModel().Run(sc, {});
  ASSERT_TRUE(run.ok()) << run.status().message();
  ASSERT_EQ(run->issues.size(), 2u);
  for (const IssueResult& ir : run->issues) {
    EXPECT_EQ(ir.positions.size(), static_cast<size_t>(ir.rounds) + 1);
    EXPECT_EQ(ir.weighted_median.size(), ir.positions.size());
    EXPECT_EQ(ir.weighted_mean.size(), ir.positions.size());
    EXPECT_GE(ir.forecast, 0.0);
    EXPECT_LE(ir.forecast, 10.0);
    EXPECT_FALSE(ir.message.empty());
  }
  // Round 0 is the input, on the issue's own scale.
  EXPECT_DOUBLE_EQ(run->issues[0].positions[0][2], 8.0);
  // capability × salience weighted mean of the input on "timing".
  EXPECT_NEAR(run->issues[0].weighted_mean[0], (40 * 1 + 30 * 4 + 20 * 8 + 10 * 10) / 100.0,
              1e-12);
}

TEST(SmpModel, OptionsAndPresets) {
  RunOptions o;
  o.preset = "ktab-compat";
  o.params = {{"VotingRule", "Cubic"}};
  o.max_rounds = 5;
  Result<SmpOptions> s = ResolveSmpOptions(o);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->ktab_bargain_bugs);
  EXPECT_EQ(s->voting_rule, SmpVotingRule::kCubic);
  EXPECT_EQ(s->max_iterations, 5);
  o.preset = "nonsense";
  EXPECT_EQ(ResolveSmpOptions(o).status().code(), StatusCode::kInvalidArgument);
  o.preset = "";
  o.params = {{"VotingRule", "Loud"}};
  EXPECT_EQ(SmpModel().Run(TwoIssueScenario(), o).status().code(), StatusCode::kInvalidArgument);
}

TEST(SmpModel, SaliencesAboveOneAreScaled) {
  Scenario sc = TwoIssueScenario();
  for (auto& row : sc.stances) row[0]->salience = 0.9;  // 1.8 in total
  Result<SmpProblem> p = SmpProblemFromScenario(sc);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_DOUBLE_EQ(p->salience[0] + p->salience[1], 1.0);
  for (auto& row : sc.stances) row[0]->salience = 0.0;
  EXPECT_EQ(SmpProblemFromScenario(sc).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace entente
