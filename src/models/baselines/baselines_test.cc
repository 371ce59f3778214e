#include "models/baselines/baselines.h"

#include <gtest/gtest.h>

#include "testing/sample_scenario.h"

namespace entente {
namespace {

// Weights c*s on "timing": a 4*0.5 = 2, b 1*1 = 1, c 2*0.25 = 0.5 (total 3.5).
// On "share": a 4*1 = 4, b 1*0.5 = 0.5.

ModelRun RunOrDie(const Model& model, const Scenario& s) {
  Result<ModelRun> run = model.Run(s, RunOptions{});
  EXPECT_TRUE(run.ok()) << run.status().message();
  return run.ok() ? run.value() : ModelRun{};
}

TEST(BaselinesTest, CompromiseIsCapabilityTimesSalienceWeightedMean) {
  const ModelRun run = RunOrDie(*MakeCompromiseModel(), test_data::SampleScenario());
  ASSERT_EQ(run.issues.size(), 2u);
  EXPECT_DOUBLE_EQ(run.issues[0].forecast, (2 * 10 + 1 * 80 + 0.5 * 50) / 3.5);
  EXPECT_DOUBLE_EQ(run.issues[1].forecast, (4 * 0.2 + 0.5 * 0.6) / 4.5);
  EXPECT_EQ(run.model, "compromise");
}

TEST(BaselinesTest, WeightedMedianIsSmallestPositionReachingHalfTheWeight) {
  // Sorted: a 10 (2), c 50 (0.5), b 80 (1): cumulative 2 >= 1.75 at 10.
  const ModelRun run = RunOrDie(*MakeWeightedMedianModel(), test_data::SampleScenario());
  EXPECT_DOUBLE_EQ(run.issues[0].forecast, 10.0);
  EXPECT_DOUBLE_EQ(run.issues[1].forecast, 0.2);
}

TEST(BaselinesTest, WeightedMedianFallsBackToUnweightedWhenAllWeightsAreZero) {
  Scenario s = test_data::SampleScenario();
  for (Actor& a : s.actors) a.capability = 0.0;
  const ModelRun run = RunOrDie(*MakeWeightedMedianModel(), s);
  EXPECT_DOUBLE_EQ(run.issues[0].forecast, 50.0);  // lower median of 10, 50, 80
}

TEST(BaselinesTest, MeanAndMedianIgnoreWeights) {
  const Scenario s = test_data::SampleScenario();
  EXPECT_DOUBLE_EQ(RunOrDie(*MakeMeanModel(), s).issues[0].forecast, (10 + 80 + 50) / 3.0);
  EXPECT_DOUBLE_EQ(RunOrDie(*MakeMedianModel(), s).issues[0].forecast, 50.0);
  // Two actors on "share": the lower median is the smaller position.
  EXPECT_DOUBLE_EQ(RunOrDie(*MakeMedianModel(), s).issues[1].forecast, 0.2);
}

TEST(BaselinesTest, SalienceMeanWeightsBySalienceOnly) {
  const ModelRun run = RunOrDie(*MakeSalienceMeanModel(), test_data::SampleScenario());
  EXPECT_DOUBLE_EQ(run.issues[0].forecast, (0.5 * 10 + 1.0 * 80 + 0.25 * 50) / 1.75);
}

TEST(BaselinesTest, ReportsTheInputAsTheOnlyRoundAndStopsStatically) {
  const ModelRun run = RunOrDie(*MakeMeanModel(), test_data::SampleScenario());
  const IssueResult& share = run.issues[1];
  EXPECT_EQ(share.issue_id, "share");
  EXPECT_EQ(share.actor_ids, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(share.positions.size(), 1u);
  EXPECT_EQ(share.positions[0], (std::vector<double>{0.2, 0.6}));
  EXPECT_EQ(share.rounds, 0);
  EXPECT_EQ(share.stop, StopReason::kStatic);
  EXPECT_NE(share.message.find("unweighted mean"), std::string::npos);
  ASSERT_EQ(share.weighted_mean.size(), 1u);
  EXPECT_DOUBLE_EQ(share.weighted_mean[0], (4 * 0.2 + 0.5 * 0.6) / 4.5);
}

TEST(BaselinesTest, RejectsPresetsAndParams) {
  RunOptions options;
  options.preset = "bdm";
  EXPECT_EQ(MakeMeanModel()->Run(test_data::SampleScenario(), options).status().code(),
            StatusCode::kInvalidArgument);
  RunOptions with_param;
  with_param.params["q"] = "1";
  EXPECT_EQ(MakeMeanModel()->Run(test_data::SampleScenario(), with_param).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace entente
