// RunOptions::cancel: every model with rounds stops inside its run, before the next round, and
// says so with Status::Interrupted; a cancel that never fires changes nothing.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "entente/model.h"
#include "testing/sample_scenario.h"

namespace entente {
namespace {

class Cancellation : public ::testing::TestWithParam<std::string> {};

TEST_P(Cancellation, StopsBeforeTheNextRound) {
  Result<const ModelInfo*> info = FindModel(GetParam());
  ASSERT_TRUE(info.ok()) << GetParam();
  int polls = 0;
  RunOptions options;
  options.max_rounds = 50;
  options.cancel = [&polls] { return ++polls >= 1; };  // cancelled from the first poll on
  Result<ModelRun> run = (*info)->create()->Run(test_data::SampleScenario(), options);
  ASSERT_FALSE(run.ok()) << GetParam() << " ran to the end despite the cancellation";
  EXPECT_EQ(run.status().code(), StatusCode::kInterrupted);
  EXPECT_NE(run.status().message().find(GetParam() + ": interrupted before round 1"),
            std::string::npos)
      << run.status().message();
  EXPECT_LE(polls, 2) << "the model kept going after the cancellation";
}

TEST_P(Cancellation, ACancelThatNeverFiresChangesNothing) {
  Result<const ModelInfo*> info = FindModel(GetParam());
  ASSERT_TRUE(info.ok());
  RunOptions plain;
  plain.max_rounds = 5;
  RunOptions polled = plain;
  int polls = 0;
  polled.cancel = [&polls] { return ++polls < 0; };
  Result<ModelRun> a = (*info)->create()->Run(test_data::SampleScenario(), plain);
  Result<ModelRun> b = (*info)->create()->Run(test_data::SampleScenario(), polled);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_GT(polls, 0) << "the model never polled RunOptions::cancel";
  ASSERT_EQ(a->issues.size(), b->issues.size());
  for (std::size_t i = 0; i < a->issues.size(); ++i) {
    EXPECT_EQ(a->issues[i].positions, b->issues[i].positions);
    EXPECT_EQ(a->issues[i].forecast, b->issues[i].forecast);
  }
}

// The models that run rounds (baselines and Nash are one-shot).
INSTANTIATE_TEST_SUITE_P(RoundModels, Cancellation, ::testing::Values("eum", "exchange", "smp"));

}  // namespace
}  // namespace entente
