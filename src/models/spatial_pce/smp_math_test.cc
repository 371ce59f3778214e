#include "models/spatial_pce/smp_math.h"

#include <gtest/gtest.h>

#include <cmath>

namespace entente::smp {
namespace {

TEST(SmpMath, WeightedDistanceIsSalienceNormalised) {
  const double q[] = {0.0, 0.0};
  const double x[] = {1.0, 0.0};
  const double s_equal[] = {0.5, 0.5};
  // sqrt((0.5·1)² / (0.25 + 0.25)) = sqrt(0.5)
  EXPECT_DOUBLE_EQ(WeightedDistance(q, x, s_equal, 2), std::sqrt(0.5));
  const double s_only_first[] = {0.3, 0.0};
  EXPECT_DOUBLE_EQ(WeightedDistance(q, x, s_only_first, 2), 1.0);
  const double s_only_second[] = {0.0, 0.3};
  EXPECT_DOUBLE_EQ(WeightedDistance(q, x, s_only_second, 2), 0.0);
}

TEST(SmpMath, UtilityShapesFollowRiskAttitude) {
  EXPECT_DOUBLE_EQ(DistanceUtility(0.0, 0.7), 1.0);
  EXPECT_DOUBLE_EQ(DistanceUtility(1.0, 0.7), 0.0);
  EXPECT_DOUBLE_EQ(DistanceUtility(0.5, 0.0), 0.5);     // linear
  EXPECT_GT(DistanceUtility(0.5, 1.0), 0.5);            // risk-averse: concave
  EXPECT_LT(DistanceUtility(0.5, -0.5), 0.5);           // risk-acceptant: convex
  EXPECT_DOUBLE_EQ(DistanceUtility(1.1, 0.5), -0.1 * 1.5);  // beyond 1: (1 − d)(1 + R)
}

TEST(SmpMath, RiskRangesMapExtremes) {
  EXPECT_DOUBLE_EQ(RiskFromProb(0.1, 0.1, 0.5, SmpBigRRange::kMid), -0.5);
  EXPECT_DOUBLE_EQ(RiskFromProb(0.5, 0.1, 0.5, SmpBigRRange::kMid), 1.0);
  EXPECT_DOUBLE_EQ(RiskFromProb(0.1, 0.1, 0.5, SmpBigRRange::kMin), 0.0);
  EXPECT_DOUBLE_EQ(RiskFromProb(0.5, 0.1, 0.5, SmpBigRRange::kMin), 1.0);
  EXPECT_DOUBLE_EQ(RiskFromProb(0.1, 0.1, 0.5, SmpBigRRange::kMax), -1.0);
  EXPECT_NEAR(RiskFromProb(0.3, 0.1, 0.5, SmpBigRRange::kMax), 0.0, 1e-15);
}

TEST(SmpMath, PerceivedRiskBlends) {
  EXPECT_DOUBLE_EQ(PerceivedRisk(0.3, 0.9, SmpBigRAdjust::kNone), 0.3);
  EXPECT_DOUBLE_EQ(PerceivedRisk(0.3, 0.9, SmpBigRAdjust::kOneThird), 0.5);
  EXPECT_DOUBLE_EQ(PerceivedRisk(0.3, 0.9, SmpBigRAdjust::kHalf), 0.6);
  EXPECT_DOUBLE_EQ(PerceivedRisk(0.3, 0.9, SmpBigRAdjust::kTwoThirds), 0.7);
  EXPECT_DOUBLE_EQ(PerceivedRisk(0.3, 0.9, SmpBigRAdjust::kFull), 0.9);
}

TEST(SmpMath, VotingRules) {
  EXPECT_DOUBLE_EQ(Vote(SmpVotingRule::kProp, 2.0, 0.7, 0.2), 1.0);
  EXPECT_DOUBLE_EQ(Vote(SmpVotingRule::kBinary, 2.0, 0.7, 0.2), 2.0);
  EXPECT_DOUBLE_EQ(Vote(SmpVotingRule::kBinary, 2.0, 0.2, 0.7), -2.0);
  EXPECT_DOUBLE_EQ(Vote(SmpVotingRule::kPropBin, 1.0, 0.7, 0.2), 0.8 * 0.5 + 0.2);
  EXPECT_DOUBLE_EQ(Vote(SmpVotingRule::kPropCbc, 1.0, 0.7, 0.2), 0.25 + 0.0625);
  EXPECT_DOUBLE_EQ(Vote(SmpVotingRule::kCubic, 1.0, 0.7, 0.2), 0.125);
  EXPECT_DOUBLE_EQ(Vote(SmpVotingRule::kASymProsp, 3.0, 0.7, 0.2), 1.0);
  EXPECT_DOUBLE_EQ(Vote(SmpVotingRule::kASymProsp, 3.0, 0.2, 0.7), -1.5);
}

}  // namespace
}  // namespace entente::smp
