#include "models/spatial_pce/pce.h"

#include <gtest/gtest.h>

#include <numeric>

namespace entente::smp {
namespace {

// Three voters, three options; voter k likes option k best.
Matrix Utilities() {
  Matrix u(3, 3);
  const double rows[3][3] = {{1.0, 0.5, 0.0}, {0.4, 1.0, 0.3}, {0.0, 0.6, 1.0}};
  for (int k = 0; k < 3; ++k) {
    for (int m = 0; m < 3; ++m) u(k, m) = rows[k][m];
  }
  return u;
}

TEST(SmpPce, CoalitionsSumPositiveVotes) {
  const Matrix c = Coalitions(Utilities(), {1.0, 2.0, 1.0}, SmpVotingRule::kProp);
  // Option 1 over 0: voter 1 (+0.6·2) and voter 2 (+0.6·1); voter 0 votes for 0 (+0.5).
  EXPECT_DOUBLE_EQ(c(1, 0), 1e-8 + 1.2 + 0.6);
  EXPECT_DOUBLE_EQ(c(0, 1), 1e-8 + 0.5);
  EXPECT_DOUBLE_EQ(c(2, 2), 1e-8);
}

TEST(SmpPce, VictoryModelsSharpen) {
  const Matrix c = Coalitions(Utilities(), {1.0, 2.0, 1.0}, SmpVotingRule::kProp);
  const Matrix lin = VictoryProbabilities(c, SmpVictoryProbModel::kLinear);
  const Matrix oct = VictoryProbabilities(c, SmpVictoryProbModel::kOctic);
  const Matrix bin = VictoryProbabilities(c, SmpVictoryProbModel::kBinary);
  EXPECT_DOUBLE_EQ(lin(0, 0), 0.5);
  EXPECT_NEAR(lin(1, 0) + lin(0, 1), 1.0, 1e-15);
  EXPECT_GT(oct(1, 0), lin(1, 0));
  // 1.8 vs 0.5: far beyond a 10 % advantage, so 1/(1 + 1e-6) (KTAB's floor of 1e-6 on the loser).
  EXPECT_DOUBLE_EQ(bin(1, 0), 1.0 / (1.0 + 1e-6));
  EXPECT_DOUBLE_EQ(bin(0, 1), 1e-6 / (1.0 + 1e-6));
}

// Binary inside the ±10 % band: linear in the strength share, from 0 at C_ij = C_ji/1.1 to 1 at
// C_ij = 1.1 C_ji, each side floored at 1e-6 before normalising.
TEST(SmpPce, BinaryVictoryIsLinearInTheShareInsideTheBand) {
  Matrix c(2, 2, 1e-8);
  c(0, 1) = 1.05;
  c(1, 0) = 1.0;
  const Matrix v = VictoryProbabilities(c, SmpVictoryProbModel::kBinary);
  const double b = (1.05 / 2.05 - 1.0 / 2.1) / (1.1 / 2.1 - 1.0 / 2.1);
  EXPECT_NEAR(v(0, 1), b, 1e-15);
  EXPECT_NEAR(v(0, 1) + v(1, 0), 1.0, 4e-15);
  c(0, 1) = 1.0;
  EXPECT_DOUBLE_EQ(VictoryProbabilities(c, SmpVictoryProbModel::kBinary)(0, 1), 0.5);
}

TEST(SmpPce, AllPceModelsGiveDistributionsFavouringTheStrongest) {
  SmpOptions o;
  for (SmpPceModel m :
       {SmpPceModel::kConditional, SmpPceModel::kMarkovUniform, SmpPceModel::kMarkovIncentive}) {
    o.pce_model = m;
    const std::vector<double> p = ScalarPce(Utilities(), {1.0, 2.0, 1.0}, o);
    ASSERT_EQ(p.size(), 3u);
    EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-12) << SmpName(m);
    EXPECT_GT(p[1], p[0]) << SmpName(m);  // the heaviest voter's favourite, also a compromise
    EXPECT_GT(p[1], p[2]) << SmpName(m);
  }
}

TEST(SmpPce, AsymmetricRuleOrientsEachPairOnce) {
  // With ASymProsp, gains count 2/3 and losses fully; the pair (1, 0) is voted as "1 over 0".
  Matrix u(1, 2);
  u(0, 0) = 0.0;
  u(0, 1) = 0.3;
  const Matrix c = Coalitions(u, {1.0}, SmpVotingRule::kASymProsp);
  EXPECT_DOUBLE_EQ(c(1, 0), 1e-8 + 0.2);
  EXPECT_DOUBLE_EQ(c(0, 1), 1e-8);
}

}  // namespace
}  // namespace entente::smp
