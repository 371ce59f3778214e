#include "models/exchange/candidate.h"

#include <gtest/gtest.h>

#include "models/exchange/exchange_round.h"

namespace entente::exchange {
namespace {

// dutch_models.md §4.9: A1 at (0, 0) with s = (0.1, 0.9), A2 at (100, 100) with s = (0.6, 0.5).
Scenario Tiny2() {
  Scenario s;
  for (const char* id : {"A1", "A2"}) s.actors.push_back(Actor{id, id, 1.0});
  for (const char* id : {"I1", "I2"}) {
    Issue is;
    is.id = id;
    s.issues.push_back(is);
  }
  s.stances.assign(2, std::vector<std::optional<Stance>>(2));
  auto set = [&](int d, int a, double x, double sal) {
    Stance st;
    st.position = x;
    st.salience = sal;
    s.stances[d][a] = st;
  };
  set(0, 0, 0, 0.1);
  set(1, 0, 0, 0.9);
  set(0, 1, 100, 0.6);
  set(1, 1, 100, 0.5);
  return s;
}

struct Fixture {
  Table t;
  RoundContext ctx;
  explicit Fixture(const Scenario& s) : t(*MakeTable(s)) {
    ctx.table = &t;
    ctx.start = &t.x;
    for (int d = 0; d < t.issues(); ++d) ctx.start_sum.push_back(t.Outcome(d, t.x) * t.denom[d]);
  }
};

TEST(ExchangeCandidate, HandCheckOfTiny2RoundOne) {
  Fixture f(Tiny2());
  EXPECT_NEAR(f.t.Outcome(0, f.t.x), 85.7142857142857, 1e-12);  // §2
  const Candidate c = MakeCandidate(f.ctx, 0, 0, 1, false, 1, 0);
  // A2's ratio 1.2 exceeds A1's 0.111: A2 demands I1 and supplies I2.
  EXPECT_EQ(c.a.actor, 1);
  EXPECT_EQ(c.a.supply, 1);
  EXPECT_TRUE(c.valid);
  EXPECT_NEAR(c.dp, 100 * 0.1 / 0.7, 1e-12);
  EXPECT_NEAR(c.dq, c.dp * 0.7 / 1.4, 1e-12);
  EXPECT_NEAR(c.a.move, -20.0, 1e-12);
  EXPECT_NEAR(c.b.move, 100.0, 1e-12);
  EXPECT_DOUBLE_EQ(c.b.y, 100.0);
  EXPECT_NEAR(c.gain, 5.0, 1e-12);
  EXPECT_NEAR(c.a.gain, c.b.gain, 1e-12);
}

TEST(ExchangeCandidate, RolesSwapWithTheSalienceRatio) {
  Fixture f(Tiny2());
  // Listed the other way round, the roles still follow the ratios.
  const Candidate c = MakeCandidate(f.ctx, 0, 0, 1, false, 0, 1);
  EXPECT_EQ(c.a.actor, 1);
  EXPECT_EQ(c.b.actor, 0);
}

TEST(ExchangeCandidate, NeverReversesDirectionWithinARound) {
  Fixture f(Tiny2());
  Candidate c = MakeCandidate(f.ctx, 0, 0, 1, false, 1, 0);
  ASSERT_TRUE(c.valid);
  c.a.history.push_back(+3.0);  // an earlier move upwards; this one goes down
  Compute(f.ctx, c);
  EXPECT_FALSE(c.valid);
  c.a.history = {-90.0};  // same direction, but the moves add up past 100
  Compute(f.ctx, c);
  EXPECT_TRUE(c.valid);  // the reference checks the signed sum: downward moves pass
}

TEST(ExchangeCandidate, OvershootCapStopsTheOutcomeAtThePartner) {
  Scenario s = Tiny2();
  // A third actor far right on I2 pulls the outcome so that A2's full move would pass A1.
  s.actors.push_back(Actor{"A3", "A3", 1.0});
  for (auto& row : s.stances) row.resize(3);
  Stance st;
  st.position = 0.0;
  st.salience = 0.05;
  s.stances[0][2] = st;
  st.position = 100.0;
  s.stances[1][2] = st;
  Fixture f(s);
  Candidate c = MakeCandidate(f.ctx, 0, 0, 1, false, 1, 0);
  // Whatever the moves, neither adjusted outcome ends beyond the partner's position.
  for (const Side* side : {&c.a, &c.b}) {
    const double o1 = AdjustedMean(f.ctx, c, *side, side->y);
    const double o0 = AdjustedMean(f.ctx, c, *side, side->x);
    if (o0 < side->target) EXPECT_LE(o1, side->target + 1e-9);
    if (o0 > side->target) EXPECT_GE(o1, side->target - 1e-9);
  }
}

TEST(ExchangeRound, PositionUpdateMovesPartOfTheWay) {
  Fixture f(Tiny2());
  Grid voting = f.t.x;
  voting[1][1] = 80.0;   // A2 voted 80 on I2 (s = 0.5)
  voting[0][0] = 100.0;  // A1 voted 100 on I1 (s = 0.1)
  const Grid next = NextStart(f.t, f.t.x, voting, 0.1, 0.4);
  EXPECT_NEAR(next[1][1], 94.0, 1e-12);  // §4.9 step 7: 100 − 0.3·20
  EXPECT_NEAR(next[0][0], 46.0, 1e-12);  // 0 + 0.46·100
  EXPECT_DOUBLE_EQ(next[1][0], 0.0);     // no exchange on this stance
}

TEST(ExchangeRound, OneRoundOfTiny2) {
  Fixture f(Tiny2());
  const RoundResult r = RunRound(f.ctx, true);
  ASSERT_EQ(r.initial.size(), 1u);
  ASSERT_EQ(r.realised.size(), 1u);
  EXPECT_NEAR(f.t.Outcome(1, r.voting), 28.5714285714286, 1e-12);
}

}  // namespace
}  // namespace entente::exchange
