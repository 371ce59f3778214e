#include "entente/uncertainty.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

namespace entente {
namespace {

Distribution Uniform(double lo, double hi) {
  Distribution d;
  d.kind = Distribution::Kind::kUniform;
  d.low = lo;
  d.high = hi;
  return d;
}

Distribution Triangular(double lo, double mode, double hi) {
  Distribution d = Uniform(lo, hi);
  d.kind = Distribution::Kind::kTriangular;
  d.mode = mode;
  return d;
}

Distribution Normal(double mean, double sd, double lo, double hi) {
  Distribution d = Uniform(lo, hi);
  d.kind = Distribution::Kind::kNormal;
  d.mean = mean;
  d.sd = sd;
  return d;
}

Distribution Experts(std::vector<double> estimates, bool bootstrap) {
  Distribution d;
  d.kind = Distribution::Kind::kExperts;
  d.estimates = std::move(estimates);
  d.bootstrap = bootstrap;
  return d;
}

std::vector<double> Draws(const Distribution& d, int n, std::uint64_t run_seed = 7) {
  std::vector<double> out;
  for (int i = 0; i < n; ++i) out.push_back(SampleValue(d, ReplicationSeed(run_seed, i)));
  return out;
}

double Mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s / v.size();
}

double Variance(const std::vector<double>& v) {
  const double m = Mean(v);
  double s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return s / (v.size() - 1);
}

TEST(PointValue, IsTheCentreOfEachKind) {
  EXPECT_DOUBLE_EQ(PointValue(Uniform(20, 60)), 40);
  EXPECT_DOUBLE_EQ(PointValue(Triangular(20, 30, 60)), 30);
  EXPECT_DOUBLE_EQ(PointValue(Normal(45, 5, 0, 100)), 45);
  EXPECT_DOUBLE_EQ(PointValue(Experts({10, 20, 60}, false)), 30);
  EXPECT_DOUBLE_EQ(PointValue(Experts({10, 20, 60}, true)), 30);
}

TEST(ReplicationSeed, IsAPureFunctionOfRunSeedAndIndex) {
  EXPECT_EQ(ReplicationSeed(1, 5), ReplicationSeed(1, 5));
  EXPECT_NE(ReplicationSeed(1, 5), ReplicationSeed(1, 6));
  EXPECT_NE(ReplicationSeed(1, 5), ReplicationSeed(2, 5));
  // Nearby run seeds do not give index-shifted copies of each other.
  EXPECT_NE(ReplicationSeed(1, 6), ReplicationSeed(2, 5));
  std::set<std::uint64_t> seen;
  for (std::uint64_t run = 0; run < 20; ++run)
    for (std::uint64_t i = 0; i < 500; ++i) seen.insert(ReplicationSeed(run, i));
  EXPECT_EQ(seen.size(), 20u * 500u);
}

TEST(SampleValue, IsDeterministicForASeed) {
  const Distribution d = Normal(50, 10, 0, 100);
  EXPECT_EQ(SampleValue(d, 123), SampleValue(d, 123));
  EXPECT_NE(SampleValue(d, 123), SampleValue(d, 124));
}

// Moments against the closed forms, with tolerances of about 5 standard errors at n = 40 000.
TEST(SampleValue, UniformMatchesItsMoments) {
  const auto v = Draws(Uniform(20, 60), 40000);
  EXPECT_GE(*std::min_element(v.begin(), v.end()), 20);
  EXPECT_LT(*std::max_element(v.begin(), v.end()), 60);
  EXPECT_NEAR(Mean(v), 40, 5 * std::sqrt(1600.0 / 12 / 40000));
  EXPECT_NEAR(Variance(v), 1600.0 / 12, 0.03 * 1600.0 / 12);
}

TEST(SampleValue, TriangularMatchesItsMoments) {
  // Mean (a + b + c)/3, variance (a² + b² + c² − ab − ac − bc)/18.
  const double a = 10, c = 20, b = 70;
  const auto v = Draws(Triangular(a, c, b), 40000);
  const double var = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  EXPECT_GE(*std::min_element(v.begin(), v.end()), a);
  EXPECT_LE(*std::max_element(v.begin(), v.end()), b);
  EXPECT_NEAR(Mean(v), (a + b + c) / 3, 5 * std::sqrt(var / 40000));
  EXPECT_NEAR(Variance(v), var, 0.03 * var);
  // P(X < c) = (c − a)/(b − a).
  const double below = std::count_if(v.begin(), v.end(), [&](double x) { return x < c; });
  EXPECT_NEAR(below / v.size(), (c - a) / (b - a), 0.01);
}

TEST(SampleValue, UntruncatedNormalMatchesItsMoments) {
  const auto v = Draws(Normal(50, 5, 0, 100), 40000);  // bounds 10 sd away
  EXPECT_NEAR(Mean(v), 50, 5 * 5 / std::sqrt(40000.0));
  EXPECT_NEAR(std::sqrt(Variance(v)), 5, 0.05);
}

TEST(SampleValue, TruncatedNormalMatchesTheTruncatedMean) {
  // Normal(90, 20) truncated to [0, 100]: mean = μ + σ(φ(α) − φ(β))/(Φ(β) − Φ(α)).
  const double mu = 90, sd = 20, lo = 0, hi = 100;
  const double alpha = (lo - mu) / sd, beta = (hi - mu) / sd;
  const auto phi = [](double z) { return std::exp(-z * z / 2) / std::sqrt(2 * M_PI); };
  const auto cdf = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
  const double expected = mu + sd * (phi(alpha) - phi(beta)) / (cdf(beta) - cdf(alpha));
  const auto v = Draws(Normal(mu, sd, lo, hi), 40000);
  EXPECT_GE(*std::min_element(v.begin(), v.end()), lo);
  EXPECT_LE(*std::max_element(v.begin(), v.end()), hi);
  EXPECT_NEAR(Mean(v), expected, 5 * sd / std::sqrt(40000.0));
}

TEST(SampleValue, NormalFarInTheTailStaysInsideTheBounds) {
  // The whole interval lies 40 sd above the mean, where Φ underflows: the draws follow the
  // tail's exponential shape, mean ≈ 40 + 1/40.
  const auto tail = Draws(Normal(0, 1, 40, 41), 2000);
  for (double x : tail) {
    EXPECT_GE(x, 40);
    EXPECT_LT(x, 40.5);
  }
  EXPECT_NEAR(Mean(tail), 40.025, 0.003);
  for (double x : Draws(Normal(100, 1, -41, -40), 200)) {
    EXPECT_LE(x, -40);
    EXPECT_GT(x, -40.2);
  }
}

TEST(SampleValue, ExpertsPicksEachEstimateEquallyOften) {
  const auto v = Draws(Experts({10, 20, 60}, false), 30000);
  for (double e : {10.0, 20.0, 60.0}) {
    const double share = std::count(v.begin(), v.end(), e) / 30000.0;
    EXPECT_NEAR(share, 1.0 / 3, 0.015) << e;
  }
}

TEST(SampleValue, BootstrapDrawsAreResampleMeans) {
  // The mean of n resampled estimates has the estimates' mean and variance σ²/n (σ² with
  // divisor n).
  const std::vector<double> e = {10, 20, 60, 30};
  const auto v = Draws(Experts(e, true), 40000);
  const double m = 30, pop_var = (400 + 100 + 900 + 0) / 4.0;
  EXPECT_NEAR(Mean(v), m, 5 * std::sqrt(pop_var / 4 / 40000));
  EXPECT_NEAR(Variance(v), pop_var / 4, 0.04 * pop_var / 4);
  for (double x : v) {
    EXPECT_GE(x, 10);
    EXPECT_LE(x, 60);
  }
}

Scenario TwoActorScenario() {
  Scenario s;
  s.actors = {Actor{.id = "a", .capability = 1}, Actor{.id = "b", .capability = 2}};
  Issue issue;
  issue.id = "x";
  issue.scale_min = 0;
  issue.scale_max = 100;
  s.issues = {issue};
  s.stances = {{Stance{.position = 30, .salience = 0.5}, Stance{.position = 70, .salience = 0.8}}};
  UncertainInput pos;
  pos.actor = "a";
  pos.issue = "x";
  pos.field = UncertainInput::Field::kPosition;
  pos.distribution = Uniform(0, 60);
  UncertainInput cap;
  cap.actor = "b";
  cap.field = UncertainInput::Field::kCapability;
  cap.distribution = Experts({1, 2, 3}, false);
  UncertainInput sal;
  sal.actor = "b";
  sal.issue = "x";
  sal.field = UncertainInput::Field::kSalience;
  sal.distribution = Normal(0.8, 0.1, 0, 1);
  s.uncertain = {pos, cap, sal};
  return s;
}

TEST(SetInput, WritesTheNamedFieldAndClamps) {
  Scenario s = TwoActorScenario();
  SetInput(s, s.uncertain[0], 42);
  EXPECT_EQ(s.stances[0][0]->position, 42);
  EXPECT_EQ(GetInput(s, s.uncertain[0]), 42);
  SetInput(s, s.uncertain[0], 140);
  EXPECT_EQ(s.stances[0][0]->position, 100);
  SetInput(s, s.uncertain[1], -3);
  EXPECT_EQ(s.actors[1].capability, 0);
  SetInput(s, s.uncertain[2], 1.5);
  EXPECT_EQ(s.stances[0][1]->salience, 1);
  EXPECT_EQ(GetInput(s, s.uncertain[2]), 1);
}

TEST(SampleScenario, DrawsEveryInputAndLeavesTheRestAlone) {
  const Scenario base = TwoActorScenario();
  const Scenario a = SampleScenario(base, 11);
  const Scenario b = SampleScenario(base, 11);
  const Scenario c = SampleScenario(base, 12);
  EXPECT_EQ(GetInput(a, base.uncertain[0]), GetInput(b, base.uncertain[0]));
  EXPECT_NE(GetInput(a, base.uncertain[0]), GetInput(c, base.uncertain[0]));
  EXPECT_EQ(a.uncertain.size(), 3u);
  EXPECT_EQ(a.actors[0].capability, 1);       // not uncertain
  EXPECT_EQ(a.stances[0][0]->salience, 0.5);  // not uncertain
  const double v = GetInput(a, base.uncertain[0]);
  EXPECT_GE(v, 0);
  EXPECT_LT(v, 60);
  const double cap = GetInput(a, base.uncertain[1]);
  EXPECT_TRUE(cap == 1 || cap == 2 || cap == 3);
  // Each input's draw depends only on the replication seed and the input's index.
  EXPECT_EQ(GetInput(a, base.uncertain[0]),
            SampleValue(base.uncertain[0].distribution, ReplicationSeed(11, 0)));
}

}  // namespace
}  // namespace entente
