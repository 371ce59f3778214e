// RunSmp: validation, the stopping rule, ideals, and reproducible stochastic transitions.
#include <gtest/gtest.h>

#include <cmath>

#include "entente/spatial_pce.h"

namespace entente {
namespace {

SmpProblem Problem() {
  // KTAB's shipped dummyData_3Dim (also shared/vectors/ktab/dummy3), on [0,1].
  SmpProblem p;
  p.num_actors = 7;
  p.num_dims = 3;
  p.capability = {102.543, 53.393, 129.643, 75.920, 63.224, 120.048, 54.178};
  const double pos[7][3] = {{75.79, 6.37, 70.45}, {82.72, 73.50, 64.00}, {82.45, 90.89, 0.07},
                            {62.52, 50.82, 62.33}, {82.34, 45.77, 73.31}, {84.48, 33.70, 88.11},
                            {70.96, 33.46, 90.36}};
  const double sal[7][3] = {{49.53, 5.91, 28.15},  {30.33, 21.22, 24.79}, {48.47, 13.55, 34.62},
                            {20.76, 39.24, 22.21}, {40.96, 25.43, 22.59}, {22.92, 39.35, 15.42},
                            {31.75, 27.93, 26.03}};
  for (int i = 0; i < 7; ++i) {
    for (int k = 0; k < 3; ++k) {
      p.position.push_back(pos[i][k] / 100.0);
      p.salience.push_back(sal[i][k] / 100.0);
    }
  }
  return p;
}

TEST(RunSmp, RejectsInvalidInput) {
  SmpProblem p = Problem();
  p.salience[0] = 0.9;  // actor 0's saliences now sum above 1
  EXPECT_EQ(RunSmp(p, {}).status().code(), StatusCode::kInvalidArgument);
  p = Problem();
  p.position[4] = 1.5;
  EXPECT_EQ(RunSmp(p, {}).status().code(), StatusCode::kInvalidArgument);
  SmpOptions o;
  o.max_iterations = 0;
  EXPECT_EQ(RunSmp(Problem(), o).status().code(), StatusCode::kInvalidArgument);
}

TEST(RunSmp, StopsByRuleAndReportsDistributions) {
  const Result<SmpResult> r = RunSmp(Problem(), {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->stopped_by_rule);
  EXPECT_EQ(r->states.size(), 11u);  // KTAB: 11 states (shared/vectors/ktab/dummy3)
  for (const SmpStateRecord& s : r->states) {
    double total = 0.0;
    for (int i = 0; i < 7; ++i) {
      if (s.equiv[i] == i) total += s.outcome_prob[i];
    }
    EXPECT_NEAR(total, 1.0, 1e-12);
    EXPECT_EQ(s.position, s.ideal);  // identity accommodation: ideals follow positions
  }
}

TEST(RunSmp, IterationCapStops) {
  SmpOptions o;
  o.max_iterations = 3;
  const Result<SmpResult> r = RunSmp(Problem(), o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->states.size(), 4u);
  EXPECT_FALSE(r->stopped_by_rule);
}

TEST(RunSmp, IdealistsKeepTheirIdeals) {
  SmpProblem p = Problem();
  p.accommodation.assign(49, 0.0);  // A = 0: the "idealistic" model
  const Result<SmpResult> r = RunSmp(p, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->states.back().ideal, p.position);
}

TEST(RunSmp, StochasticIsReproducibleFromTheSeed) {
  SmpOptions o;
  o.state_transitions = SmpStateTransitions::kStochastic;
  o.seed = 42;
  const Result<SmpResult> a = RunSmp(Problem(), o);
  const Result<SmpResult> b = RunSmp(Problem(), o);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->states.size(), b->states.size());
  for (size_t t = 0; t < a->states.size(); ++t) {
    EXPECT_EQ(a->states[t].position, b->states[t].position) << "turn " << t;
  }
  bool some_differ = false;
  for (std::uint64_t seed = 1; seed <= 8 && !some_differ; ++seed) {
    o.seed = seed;
    const Result<SmpResult> c = RunSmp(Problem(), o);
    ASSERT_TRUE(c.ok());
    some_differ = c->states.size() != a->states.size() ||
                  c->states.back().position != a->states.back().position;
  }
  EXPECT_TRUE(some_differ);
}

TEST(RunSmp, IdenticalActorsAreRiskNeutral) {
  // Every actor at one point: all positions equally likely. KTAB divides by zero here; entente
  // keeps every actor risk-neutral and stops.
  SmpProblem p;
  p.num_actors = 3;
  p.num_dims = 1;
  p.capability = {1.0, 2.0, 3.0};
  p.position = {0.4, 0.4, 0.4};
  p.salience = {0.5, 0.5, 0.5};
  const Result<SmpResult> r = RunSmp(p, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (double x : r->states[0].risk) EXPECT_EQ(x, 0.0);
  EXPECT_EQ(r->states.back().position, p.position);
}

}  // namespace
}  // namespace entente
