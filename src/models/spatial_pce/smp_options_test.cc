#include <gtest/gtest.h>

#include "entente/spatial_pce.h"

namespace entente {
namespace {

TEST(SmpOptions, DefaultsAreKtabs) {
  const SmpOptions o;
  EXPECT_STREQ(SmpName(o.victory_prob_model), "Linear");
  EXPECT_STREQ(SmpName(o.pce_model), "Conditional");
  EXPECT_STREQ(SmpName(o.state_transitions), "Deterministic");
  EXPECT_STREQ(SmpName(o.voting_rule), "Prop");
  EXPECT_STREQ(SmpName(o.big_r_adjust), "OneThird");
  EXPECT_STREQ(SmpName(o.big_r_range), "Mid");
  EXPECT_STREQ(SmpName(o.third_party_commit), "SemiCommit");
  EXPECT_STREQ(SmpName(o.inter_vec_brgn), "S2P2");
  EXPECT_STREQ(SmpName(o.bargn_model), "InitOnlyInterp");
  EXPECT_EQ(o.seed, 0xD67CC16FE69C185CULL);
  EXPECT_TRUE(o.Validate().ok());
}

TEST(SmpOptions, SetByKtabNames) {
  SmpOptions o;
  EXPECT_TRUE(SetSmpOption(o, "VotingRule", "ASymProsp").ok());
  EXPECT_EQ(o.voting_rule, SmpVotingRule::kASymProsp);
  EXPECT_TRUE(SetSmpOption(o, "BargnModel", "PWCompInterp").ok());
  EXPECT_EQ(o.bargn_model, SmpBargnModel::kPwCompInterp);
  EXPECT_TRUE(SetSmpOption(o, "BigRAdjust", "None").ok());
  EXPECT_EQ(o.big_r_adjust, SmpBigRAdjust::kNone);
  const Status bad = SetSmpOption(o, "VotingRule", "Proportional");  // the XSD's spelling
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("Prop"), std::string::npos);
  EXPECT_EQ(SetSmpOption(o, "Colour", "Blue").code(), StatusCode::kInvalidArgument);
}

TEST(SmpOptions, ValidateRejectsBadLimits) {
  SmpOptions o;
  o.min_iterations = 5;
  o.max_iterations = 4;
  EXPECT_FALSE(o.Validate().ok());
}

}  // namespace
}  // namespace entente
