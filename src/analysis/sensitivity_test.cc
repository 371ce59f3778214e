// Sensitivity analysis on cases whose answers are known in closed form: the compromise baseline's
// forecast is the capability x salience weighted mean F = sum w_a x_a / W (w_a = c_a s_a,
// W = sum w_a), linear in the positions, so dF/dx_a = w_a / W exactly and, for independent
// uncertain positions, S_a = S_Ta = (w_a / W)^2 Var(x_a) / sum_b (w_b / W)^2 Var(x_b).
#include "entente/sensitivity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "entente/uncertainty.h"

namespace entente {
namespace {

// Capabilities 4, 1, 2; saliences 0.5, 1, 0.25; positions 10, 80, 50 on a 0-100 scale:
// weights 2, 1, 0.5 (W = 3.5), F = 125 / 3.5 = 35.714...
Scenario ThreeActors(bool uncertain) {
  Scenario s;
  s.meta.title = "three actors";
  Issue issue;
  issue.id = "timing";
  issue.label = "Timing";
  s.issues.push_back(issue);
  const double capability[] = {4, 1, 2}, salience[] = {0.5, 1, 0.25}, position[] = {10, 80, 50};
  const char* ids[] = {"a", "b", "c"};
  s.stances.resize(1);
  for (int a = 0; a < 3; ++a) {
    Actor actor;
    actor.id = ids[a];
    actor.name = ids[a];
    actor.capability = capability[a];
    s.actors.push_back(actor);
    Stance stance;
    stance.position = position[a];
    stance.salience = salience[a];
    s.stances[0].push_back(stance);
  }
  if (uncertain) {
    // Uniform around the point positions: a on [0, 20], b on [60, 100], c on [40, 60].
    const double low[] = {0, 60, 40}, high[] = {20, 100, 60};
    for (int a = 0; a < 3; ++a) {
      UncertainInput u;
      u.actor = ids[a];
      u.issue = "timing";
      u.field = UncertainInput::Field::kPosition;
      u.distribution.kind = Distribution::Kind::kUniform;
      u.distribution.low = low[a];
      u.distribution.high = high[a];
      s.uncertain.push_back(u);
    }
  }
  return s;
}

const Elasticity* Find(const IssueSensitivity& is, const std::string& actor,
                       UncertainInput::Field field) {
  for (const Elasticity& e : is.elasticities) {
    if (e.input.actor == actor && e.input.field == field) return &e;
  }
  return nullptr;
}

TEST(Sensitivity, CompromiseElasticitiesMatchClosedForm) {
  SensitivityOptions options;
  options.model = "compromise";
  Result<SensitivitySummary> r = RunSensitivity(ThreeActors(false), options);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->issues.size(), 1u);
  const IssueSensitivity& is = r->issues[0];
  const double w[] = {2, 1, 0.5}, x[] = {10, 80, 50}, c[] = {4, 1, 2}, W = 3.5, F = 125 / 3.5;
  EXPECT_NEAR(is.base_forecast, F, 1e-12);
  EXPECT_TRUE(r->issues[0].sobol.empty());
  EXPECT_EQ(r->samples, 0);
  ASSERT_FALSE(r->notes.empty());
  // 3 capabilities + 3 positions + 3 saliences, two runs each, plus the point run.
  EXPECT_EQ(is.elasticities.size(), 9u);
  EXPECT_EQ(r->evaluations, 19);
  const char* ids[] = {"a", "b", "c"};
  for (int a = 0; a < 3; ++a) {
    const Elasticity* p = Find(is, ids[a], UncertainInput::Field::kPosition);
    ASSERT_NE(p, nullptr);
    EXPECT_DOUBLE_EQ(p->step, 5.0);  // 5 % of the 0-100 scale
    EXPECT_NEAR(p->derivative, w[a] / W, 1e-9) << ids[a];
    ASSERT_TRUE(p->elasticity.has_value());
    EXPECT_NEAR(*p->elasticity, w[a] / W * x[a] / F, 1e-9) << ids[a];
    // dF/ds_a = c_a (x_a - F) / W; central differences of a ratio: O(h^2) error.
    const Elasticity* s = Find(is, ids[a], UncertainInput::Field::kSalience);
    ASSERT_NE(s, nullptr);
    const double exact = c[a] * (x[a] - F) / W;
    EXPECT_NEAR(s->derivative, exact, 0.02 * std::abs(exact)) << ids[a];
  }
  // Ranked by |elasticity|: b's position (0.64) leads.
  EXPECT_EQ(is.elasticities[0].input.actor, "b");
  EXPECT_EQ(is.elasticities[0].input.field, UncertainInput::Field::kPosition);
  for (std::size_t i = 1; i < is.elasticities.size(); ++i) {
    if (!is.elasticities[i].elasticity) continue;
    EXPECT_LE(std::abs(*is.elasticities[i].elasticity),
              std::abs(*is.elasticities[i - 1].elasticity));
  }
}

TEST(Sensitivity, CompromiseSobolIndicesMatchClosedForm) {
  SensitivityOptions options;
  options.model = "compromise";
  options.samples = 4000;
  options.bootstrap = 50;
  options.threads = 2;
  Result<SensitivitySummary> r = RunSensitivity(ThreeActors(true), options);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const IssueSensitivity& is = r->issues[0];
  ASSERT_EQ(is.sobol.size(), 3u);
  EXPECT_EQ(r->uncertain_inputs, 3);
  EXPECT_EQ(r->evaluations, 1 + 3 * 2 + 4000 * 5);
  // Contributions (w_a / W)^2 * width^2 / 12.
  const double contribution[] = {4.0 / 12.25 * 400 / 12, 1.0 / 12.25 * 1600 / 12,
                                 0.25 / 12.25 * 400 / 12};
  const double total = contribution[0] + contribution[1] + contribution[2];
  EXPECT_NEAR(is.variance, total, 0.05 * total);
  for (const SobolIndex& s : is.sobol) {
    const int a = s.input.actor[0] - 'a';
    const double expected = contribution[a] / total;  // additive model: S_i = S_Ti
    EXPECT_NEAR(s.first, expected, 0.05) << s.input.actor;
    EXPECT_NEAR(s.total, expected, 0.03) << s.input.actor;
    EXPECT_LE(s.first_low, s.first);
    EXPECT_GE(s.first_high, s.first);
    EXPECT_LE(s.total_low, s.total);
    EXPECT_GE(s.total_high, s.total);
    EXPECT_TRUE(s.input.declared);
  }
  EXPECT_EQ(is.sobol[2].input.actor, "c");  // ranked by total index; c's is the smallest
  // The elasticities perturb the declared inputs only, by 5 % of their distribution's width.
  ASSERT_EQ(is.elasticities.size(), 3u);
  const Elasticity* b = Find(is, "b", UncertainInput::Field::kPosition);
  ASSERT_NE(b, nullptr);
  EXPECT_DOUBLE_EQ(b->step, 2.0);
  EXPECT_NEAR(b->derivative, 1 / 3.5, 1e-9);
}

void ExpectSame(const SensitivitySummary& x, const SensitivitySummary& y) {
  ASSERT_EQ(x.issues.size(), y.issues.size());
  EXPECT_EQ(x.evaluations, y.evaluations);
  for (std::size_t i = 0; i < x.issues.size(); ++i) {
    const IssueSensitivity &a = x.issues[i], &b = y.issues[i];
    EXPECT_EQ(a.variance, b.variance);
    EXPECT_EQ(a.mean, b.mean);
    ASSERT_EQ(a.sobol.size(), b.sobol.size());
    for (std::size_t k = 0; k < a.sobol.size(); ++k) {
      EXPECT_EQ(a.sobol[k].input.actor, b.sobol[k].input.actor);
      EXPECT_EQ(a.sobol[k].first, b.sobol[k].first);
      EXPECT_EQ(a.sobol[k].total, b.sobol[k].total);
      EXPECT_EQ(a.sobol[k].first_low, b.sobol[k].first_low);
      EXPECT_EQ(a.sobol[k].total_high, b.sobol[k].total_high);
    }
    ASSERT_EQ(a.elasticities.size(), b.elasticities.size());
    for (std::size_t k = 0; k < a.elasticities.size(); ++k) {
      EXPECT_EQ(a.elasticities[k].derivative, b.elasticities[k].derivative);
    }
  }
}

TEST(Sensitivity, SameResultForAnyThreadCount) {
  Scenario s = ThreeActors(true);
  UncertainInput salience;
  salience.actor = "b";
  salience.issue = "timing";
  salience.field = UncertainInput::Field::kSalience;
  salience.distribution.kind = Distribution::Kind::kTriangular;
  salience.distribution.low = 0.6;
  salience.distribution.mode = 1.0;
  salience.distribution.high = 1.0;
  s.uncertain.push_back(salience);
  SensitivityOptions options;  // eum: a bargaining model, not a closed form
  options.samples = 24;
  options.bootstrap = 20;
  options.seed = 7;
  options.threads = 1;
  Result<SensitivitySummary> one = RunSensitivity(s, options);
  ASSERT_TRUE(one.ok()) << one.status().message();
  options.threads = 3;
  Result<SensitivitySummary> three = RunSensitivity(s, options);
  ASSERT_TRUE(three.ok()) << three.status().message();
  ExpectSame(*one, *three);
  options.seed = 8;
  Result<SensitivitySummary> other = RunSensitivity(s, options);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->issues[0].variance, one->issues[0].variance);  // the seed matters
}

TEST(Sensitivity, RejectsBadOptions) {
  SensitivityOptions options;
  options.issues = {"budget"};
  Result<SensitivitySummary> r = RunSensitivity(ThreeActors(false), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "unknown issue 'budget'; issues: timing");
  options.issues.clear();
  options.samples = 1;
  EXPECT_EQ(RunSensitivity(ThreeActors(false), options).status().message(),
            "samples must be at least 2, got 1");
  options.samples = 10;
  options.model = "nope";
  EXPECT_EQ(RunSensitivity(ThreeActors(false), options).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(Sensitivity, StopsWhenCancelled) {
  SensitivityOptions options;
  options.model = "compromise";
  options.cancelled = [] { return true; };
  EXPECT_EQ(RunSensitivity(ThreeActors(true), options).status().code(), StatusCode::kInterrupted);
}

// Target: b's position for F = 40: (20 + x + 25) / 3.5 = 40 -> x = 95.
TEST(SensitivityTarget, FindsTheKnownPosition) {
  TargetOptions options;
  options.model = "compromise";
  options.issue = "timing";
  options.target = 40;
  options.actor = "b";
  Result<TargetSummary> r = SolveTarget(ThreeActors(false), options);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->results.size(), 1u);
  const TargetResult& b = r->results[0];
  EXPECT_TRUE(b.reachable);
  EXPECT_NEAR(b.value, 95.0, 1e-6);
  EXPECT_NEAR(b.change, 15.0, 1e-6);
  EXPECT_NEAR(b.forecast_at_value, 40.0, 1e-6);
  EXPECT_FALSE(b.jump);
  EXPECT_NEAR(r->current_forecast, 125 / 3.5, 1e-12);
}

// Every actor, ranked by the size of the move: a needs +7.5 (x = 17.5), b +15, c +30 (x = 80).
TEST(SensitivityTarget, RanksEveryActorBySmallestChange) {
  TargetOptions options;
  options.model = "compromise";
  options.issue = "timing";
  options.target = 40;
  options.threads = 2;
  Result<TargetSummary> r = SolveTarget(ThreeActors(false), options);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->results.size(), 3u);
  EXPECT_EQ(r->results[0].actor, "a");
  EXPECT_NEAR(r->results[0].value, 17.5, 1e-6);
  EXPECT_EQ(r->results[1].actor, "b");
  EXPECT_NEAR(r->results[1].change, 15.0, 1e-6);
  EXPECT_EQ(r->results[2].actor, "c");
  EXPECT_NEAR(r->results[2].value, 80.0, 1e-6);
}

// b's position alone moves F only over [45 / 3.5, 145 / 3.5] = [12.86, 41.43]: 50 is out of reach.
TEST(SensitivityTarget, ReportsAnUnreachableTargetWithTheReachableRange) {
  TargetOptions options;
  options.model = "compromise";
  options.issue = "timing";
  options.target = 50;
  options.actor = "b";
  Result<TargetSummary> r = SolveTarget(ThreeActors(false), options);
  ASSERT_TRUE(r.ok());
  const TargetResult& b = r->results[0];
  EXPECT_FALSE(b.reachable);
  EXPECT_NEAR(b.reachable_min, 45 / 3.5, 1e-9);
  EXPECT_NEAR(b.reachable_max, 145 / 3.5, 1e-9);
  EXPECT_EQ(b.range_low, 0.0);
  EXPECT_EQ(b.range_high, 100.0);
}

// b's salience for F = 30: (45 + 80 s) / (2.5 + s) = 30 -> s = 0.6.
TEST(SensitivityTarget, SolvesForASalience) {
  TargetOptions options;
  options.model = "compromise";
  options.issue = "timing";
  options.target = 30;
  options.actor = "b";
  options.field = UncertainInput::Field::kSalience;
  Result<TargetSummary> r = SolveTarget(ThreeActors(false), options);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->results[0].reachable);
  EXPECT_NEAR(r->results[0].value, 0.6, 1e-8);
  EXPECT_NEAR(r->results[0].change, -0.4, 1e-8);
}

TEST(SensitivityTarget, RejectsUnknownNames) {
  TargetOptions options;
  options.issue = "timing";
  options.actor = "zeta";
  EXPECT_EQ(SolveTarget(ThreeActors(false), options).status().message(),
            "unknown actor 'zeta'; actors: a, b, c");
  options.actor = "";
  options.issue = "budget";
  EXPECT_EQ(SolveTarget(ThreeActors(false), options).status().message(),
            "unknown issue 'budget'; issues: timing");
  options.issue = "timing";
  options.field = UncertainInput::Field::kCapability;
  EXPECT_EQ(SolveTarget(ThreeActors(false), options).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace entente
