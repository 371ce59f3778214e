#include "cli/model_runner.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "testing/sample_scenario.h"

namespace entente::cli {
namespace {

std::vector<std::string> Names(const std::vector<PlannedRun>& plan) {
  std::vector<std::string> names;
  for (const PlannedRun& p : plan) names.push_back(p.info->name);
  return names;
}

TEST(ModelRunnerTest, DefaultSetIsEveryRegisteredModelOfTheDefaultList) {
  Result<std::vector<PlannedRun>> plan = PlanRuns(ModelSelection{});
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  std::vector<std::string> expected;
  for (const std::string& name : DefaultModelSet()) {
    if (FindModel(name).ok()) expected.push_back(name);
  }
  EXPECT_EQ(Names(*plan), expected);
  // The baselines are always registered.
  EXPECT_GE(plan->size(), 5u);
}

TEST(ModelRunnerTest, OneModelWithRoundsAndParams) {
  ModelSelection selection;
  selection.model = "median";
  selection.rounds = 7;
  Result<std::vector<PlannedRun>> plan = PlanRuns(selection);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  ASSERT_EQ(Names(*plan), std::vector<std::string>{"median"});
  EXPECT_EQ(plan->front().options.max_rounds, 7);
}

TEST(ModelRunnerTest, UsageMistakesAreInvalidArgument) {
  auto code = [](ModelSelection s) { return PlanRuns(s).status().code(); };
  EXPECT_EQ(code({.model = "no-such-model"}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({.model = "mean", .preset = "bdm"}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({.model = "mean", .rounds = -1}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({.model = "mean", .params = {"novalue"}}), StatusCode::kInvalidArgument);
}

TEST(ModelRunnerTest, ParseParamsSplitsAtTheFirstEqualsSign) {
  Result<std::map<std::string, std::string>> p = ParseParams({"q=0.5", "rule=a=b"});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->at("q"), "0.5");
  EXPECT_EQ(p->at("rule"), "a=b");
  EXPECT_FALSE(ParseParams({"=1"}).ok());
  EXPECT_FALSE(ParseParams({"q=1", "q=2"}).ok());
}

TEST(ModelRunnerTest, ExecuteRunsRunsThePlanInOrder) {
  Result<std::vector<PlannedRun>> plan = PlanRuns({.model = "compromise"});
  ASSERT_TRUE(plan.ok());
  Result<std::vector<ModelRun>> runs = ExecuteRuns(test_data::SampleScenario(), *plan);
  ASSERT_TRUE(runs.ok()) << runs.status().message();
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ(runs->front().model, "compromise");
  EXPECT_EQ(runs->front().preset, "");
  ASSERT_EQ(runs->front().issues.size(), 2u);
  EXPECT_DOUBLE_EQ(runs->front().issues[0].forecast, (2 * 10 + 1 * 80 + 0.5 * 50) / 3.5);
}

TEST(ModelRunnerTest, DescribeOptionsNamesModelsAndRounds) {
  const ModelSelection selection{.model = "mean", .rounds = 3};
  Result<std::vector<PlannedRun>> plan = PlanRuns(selection);
  ASSERT_TRUE(plan.ok());
  const std::map<std::string, std::string> options = DescribeOptions(selection, *plan);
  EXPECT_EQ(options.at("models"), "mean");
  EXPECT_EQ(options.at("rounds"), "3");
}

TEST(ModelRunnerTest, RunEveryModelSkipsModelsThatCannotRun) {
  // The sample has no status quo, so the Nash bargaining solution has no disagreement point.
  RunOptions base;
  base.max_rounds = 4;
  std::vector<SkippedModel> skipped;
  Result<std::vector<ModelRun>> runs = RunEveryModel(test_data::SampleScenario(), base, {}, &skipped);
  ASSERT_TRUE(runs.ok()) << runs.status().message();
  EXPECT_EQ(runs->size() + skipped.size(), ModelRegistry().size());
  for (const SkippedModel& s : skipped) {
    EXPECT_FALSE(s.reason.empty());
    EXPECT_NE(s.reason.rfind("model '", 0), 0u) << s.reason;  // the prefix is removed
  }
  if (FindModel("nash").ok()) {
    EXPECT_TRUE(std::any_of(skipped.begin(), skipped.end(),
                            [](const SkippedModel& s) { return s.model == "nash"; }));
  }
  for (const ModelRun& r : *runs) {
    for (const IssueResult& i : r.issues) EXPECT_LE(i.rounds, 4) << r.model;
  }
}

}  // namespace
}  // namespace entente::cli
