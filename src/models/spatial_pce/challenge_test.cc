#include "models/spatial_pce/challenge.h"

#include <gtest/gtest.h>

#include <cmath>

namespace entente::smp {
namespace {

// Three actors on one dimension: 0 at 0.2, 1 at 0.8 (strong), 2 at 0.5.
SmpProblem Problem() {
  SmpProblem p;
  p.num_actors = 3;
  p.num_dims = 1;
  p.capability = {50.0, 150.0, 80.0};
  p.position = {0.2, 0.8, 0.5};
  p.salience = {0.9, 0.8, 0.7};
  return p;
}

TEST(SmpChallenge, EstimateIsConsistent) {
  const SmpProblem p = Problem();
  const SmpOptions o;
  const StateView s(p, o, p.position, p.position);
  const ChallengeEstimate e = EstimateChallenge(s, 1, 1, 1, 0);
  EXPECT_GT(e.prob, 0.5);  // the strong actor expects to win against the weak one
  EXPECT_LT(e.prob, 1.0);
  EXPECT_DOUBLE_EQ(e.util_vict, 2.0 * s.Util(1, 1, 1));
  EXPECT_DOUBLE_EQ(e.util_sq, s.Util(1, 1, 1) + s.Util(1, 1, 0));
  // The target (actor 0, salience 0.9) resists with probability 0.9.
  EXPECT_NEAR(e.util_chlg, 0.1 * e.util_vict + 0.9 * e.util_contest, 1e-15);
}

TEST(SmpChallenge, BestChallengeMatchesAPlainScan) {
  const SmpProblem p = Problem();
  const SmpOptions o;
  const StateView s(p, o, p.position, p.position);
  for (int i = 0; i < 3; ++i) {
    int expect = -1;
    double best = 1e-5;
    for (int j = 0; j < 3; ++j) {
      if (j == i) continue;
      const double d = EstimateChallenge(s, i, i, i, j).delta();
      if (d > best) {
        best = d;
        expect = j;
      }
    }
    EXPECT_EQ(BestChallenge(s, i).target, expect) << "actor " << i;
  }
}

TEST(SmpChallenge, InterpolatedBargainLiesBetweenAndIsRounded) {
  const SmpProblem p = Problem();
  SmpOptions o;
  const StateView s(p, o, p.position, p.position);
  std::vector<double> bi, bj;
  InterpolateBargain(s, 1, 0, 0.7, bi, bj);
  EXPECT_GT(bi[0], 0.2);
  EXPECT_LT(bi[0], 0.8);
  EXPECT_GT(bi[0], 0.5);  // the likelier winner with more salience pulls the deal its way
  EXPECT_DOUBLE_EQ(bi[0] * 1e4, std::round(bi[0] * 1e4));
  o.inter_vec_brgn = SmpInterVecBrgn::kS2PMax;
  const StateView s2(p, o, p.position, p.position);
  InterpolateBargain(s2, 1, 0, 0.7, bi, bj);
  EXPECT_DOUBLE_EQ(bi[0], 0.8);  // the likely winner does not move
  EXPECT_LT(bj[0], 0.8);
  EXPECT_GT(bj[0], 0.2);
}

}  // namespace
}  // namespace entente::smp
