#include "models/expected_utility/utilities.h"

#include <gtest/gtest.h>

namespace entente::eum {
namespace {

// Spec §3.3 (jmckib's early unit tests): r = 1, d = 1 and r = 2, d = 0.5.
TEST(EumUtilities, RiskNeutralFullDistance) {
  EXPECT_DOUBLE_EQ(UtilitySuccess(1.0, 1.0), 2.0);
  EXPECT_DOUBLE_EQ(UtilityFailure(1.0, 1.0), -2.0);
  EXPECT_DOUBLE_EQ(UtilityStatusQuo(1.0), 0.0);
}

TEST(EumUtilities, RiskAverseHalfDistance) {
  EXPECT_DOUBLE_EQ(UtilitySuccess(0.5, 2.0), 1.75);
  EXPECT_DOUBLE_EQ(UtilityFailure(0.5, 2.0), -0.25);
  EXPECT_DOUBLE_EQ(UtilityStatusQuo(2.0), 1.0);
}

TEST(EumUtilities, BetterAndWorseBracketTheStatusQuo) {
  // Sch eqs. (18), (19): U^b ≥ U^sq ≥ U^w, equal when both distances are 0.
  EXPECT_DOUBLE_EQ(UtilityBetter(0.0, 0.0, 1.5), UtilityStatusQuo(1.5));
  EXPECT_DOUBLE_EQ(UtilityWorse(0.0, 0.0, 1.5), UtilityStatusQuo(1.5));
  EXPECT_GT(UtilityBetter(0.5, 1.0, 1.0), UtilityStatusQuo(1.0));
  EXPECT_LT(UtilityWorse(0.5, 1.0, 1.0), UtilityStatusQuo(1.0));
  EXPECT_DOUBLE_EQ(UtilityBetter(1.0, 1.0, 0.5), 2.0);  // base clamps at 0
}

TEST(EumUtilities, ChallengeUtilityEq25a) {
  // s_j = 1, P = 1: the challenge surely succeeds → U^s − no_challenge.
  EXPECT_DOUBLE_EQ(ChallengeUtility(1.0, 1.0, 1.5, -1.0, 0.25), 1.25);
  // s_j = 0: j never resists → U^s regardless of P.
  EXPECT_DOUBLE_EQ(ChallengeUtility(0.0, 0.0, 1.5, -1.0, 0.0), 1.5);
  // Half-way: 0.5 [0.5·2 + 0.5·(−2)] + 0.5·2 − 0 = 1.
  EXPECT_DOUBLE_EQ(ChallengeUtility(0.5, 0.5, 2.0, -2.0, 0.0), 1.0);
}

}  // namespace
}  // namespace entente::eum
