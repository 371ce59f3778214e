#include <gtest/gtest.h>

#include "entente/expected_utility.h"
#include "entente/model.h"

namespace entente {
namespace {

TEST(EumOptions, PresetsValidate) {
  for (const char* name : {"bdm", "scholz-code", "masad", "scholz-equations"}) {
    Result<ExpectedUtilityOptions> o = ExpectedUtilityPreset(name);
    ASSERT_TRUE(o.ok()) << name;
    EXPECT_TRUE(o->Validate().ok()) << name;
  }
  EXPECT_EQ(ExpectedUtilityPreset("scholz-code")->denominator, ProbabilityDenominator::kAllPairs);
  EXPECT_EQ(ExpectedUtilityPreset("bdm")->max_rounds, 100);
  EXPECT_EQ(ExpectedUtilityPreset("masad")->max_rounds, 10);
  Result<ExpectedUtilityOptions> bad = ExpectedUtilityPreset("nope");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("scholz-equations"), std::string::npos);
}

TEST(EumOptions, ParamsOverridePreset) {
  Result<ExpectedUtilityOptions> o = ApplyExpectedUtilityParams(
      ExpectedUtilityOptions{}, {{"q", "0.5"}, {"t_rule", "geometric"}, {"max_rounds", "7"}});
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_DOUBLE_EQ(o->q, 0.5);
  EXPECT_EQ(o->t_rule, TRule::kGeometric);
  EXPECT_EQ(o->max_rounds, 7);
}

TEST(EumOptions, EumReadingsOfTheOtherSideAndSamePositions) {
  Result<ExpectedUtilityOptions> eq = ExpectedUtilityPreset("scholz-equations");
  ASSERT_TRUE(eq.ok());
  EXPECT_EQ(eq->other_mu, OtherSideMedian::kTarget);
  EXPECT_EQ(eq->same_position, SamePositionOffers::kClassify);
  EXPECT_EQ(ExpectedUtilityPreset("bdm")->other_mu, OtherSideMedian::kChallenger);
  EXPECT_EQ(ExpectedUtilityPreset("bdm")->same_position, SamePositionOffers::kSkip);
  Result<ExpectedUtilityOptions> o = ApplyExpectedUtilityParams(
      ExpectedUtilityOptions{}, {{"other_mu", "target"}, {"same_position", "classify"}});
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->other_mu, OtherSideMedian::kTarget);
  EXPECT_EQ(o->same_position, SamePositionOffers::kClassify);
  Result<ExpectedUtilityOptions> bad =
      ApplyExpectedUtilityParams(ExpectedUtilityOptions{}, {{"same_position", "keep"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("skip, classify"), std::string::npos);
}

TEST(EumOptions, UnknownParamNamesTheKnownOnes) {
  Result<ExpectedUtilityOptions> o =
      ApplyExpectedUtilityParams(ExpectedUtilityOptions{}, {{"qq", "1"}});
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(o.status().message().find("unknown eum parameter 'qq'"), std::string::npos);
  EXPECT_NE(o.status().message().find("zero_threshold"), std::string::npos);
}

TEST(EumOptions, BadValuesAreRejected) {
  EXPECT_FALSE(ApplyExpectedUtilityParams(ExpectedUtilityOptions{}, {{"q", "1.5"}}).ok());
  EXPECT_FALSE(ApplyExpectedUtilityParams(ExpectedUtilityOptions{}, {{"q", "abc"}}).ok());
  Result<ExpectedUtilityOptions> o =
      ApplyExpectedUtilityParams(ExpectedUtilityOptions{}, {{"selection", "random"}});
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.status().message().find("least-move, scholz-code, max-sender-eu"), std::string::npos);
}

TEST(EumOptions, ToleranceIsAFractionOfTheScaleWidth) {
  EXPECT_EQ(ExpectedUtilityOptions{}.tolerance, 1e-6);
  EXPECT_EQ(DescribeExpectedUtilityOptions(ExpectedUtilityOptions{}).at("tolerance"), "1e-06");
  Result<ExpectedUtilityOptions> o =
      ApplyExpectedUtilityParams(ExpectedUtilityOptions{}, {{"tolerance", "1e-4"}});
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->tolerance, 1e-4);
  EXPECT_EQ(DescribeExpectedUtilityOptions(*o).at("tolerance"), "0.0001");
  for (const char* bad : {"0", "-1e-4", "1", "2", "nan", "x"}) {
    Result<ExpectedUtilityOptions> b =
        ApplyExpectedUtilityParams(ExpectedUtilityOptions{}, {{"tolerance", bad}});
    ASSERT_FALSE(b.ok()) << bad;
    EXPECT_NE(b.status().message().find("tolerance"), std::string::npos) << bad;
  }
}

TEST(EumOptions, RegisteredWithPresetsInOrder) {
  Result<const ModelInfo*> info = FindModel("eum");
  ASSERT_TRUE(info.ok());
  ASSERT_EQ((*info)->presets.size(), 4u);
  EXPECT_EQ((*info)->presets[0].name, "bdm");
  EXPECT_EQ((*info)->presets[1].name, "scholz-code");
  EXPECT_EQ((*info)->presets[2].name, "masad");
  EXPECT_EQ((*info)->presets[3].name, "scholz-equations");
  EXPECT_EQ((*info)->create()->name(), "eum");
}

}  // namespace
}  // namespace entente
