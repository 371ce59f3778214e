#include "entente/backtest.h"

#include <gtest/gtest.h>

#include <cmath>

namespace entente {
namespace {

// Two actors, one issue: positions 0 and 100, capability 1 and 3, salience 1 and 1.
Scenario TwoActors(double outcome, std::optional<double> sq = std::nullopt) {
  Scenario s;
  s.path = "t.yaml";
  Actor a{"a", "A", 1.0};
  Actor b{"b", "B", 3.0};
  s.actors = {a, b};
  Issue i;
  i.id = "x";
  i.outcome = outcome;
  i.status_quo = sq;
  s.issues = {i};
  s.stances = {{Stance{0.0, 1.0}, Stance{100.0, 1.0}}};
  return s;
}

TEST(SummariseErrors, HandComputed) {
  const BacktestRow r = SummariseErrors({0, 4, 6, 30});
  EXPECT_EQ(r.n, 4);
  EXPECT_DOUBLE_EQ(r.mae, 10.0);
  EXPECT_DOUBLE_EQ(r.median_ae, 5.0);
  EXPECT_DOUBLE_EQ(r.rmse, std::sqrt((0 + 16 + 36 + 900) / 4.0));
  EXPECT_DOUBLE_EQ(r.within5, 0.5);
  EXPECT_DOUBLE_EQ(r.within10, 0.75);
  EXPECT_DOUBLE_EQ(r.within20, 0.75);
}

TEST(BootstrapPairedDifference, ConstantDifferenceHasDegenerateInterval) {
  const PairedDifference d = BootstrapPairedDifference({3, 5, 7}, {1, 3, 5}, 100, 1);
  EXPECT_DOUBLE_EQ(d.mean, 2.0);
  EXPECT_DOUBLE_EQ(d.ci_low, 2.0);
  EXPECT_DOUBLE_EQ(d.ci_high, 2.0);
}

TEST(BootstrapPairedDifference, SeededAndReproducible) {
  const std::vector<double> a = {1, 9, 4, 0, 12, 3}, b = {2, 2, 2, 2, 2, 2};
  const PairedDifference x = BootstrapPairedDifference(a, b, 500, 42);
  const PairedDifference y = BootstrapPairedDifference(a, b, 500, 42);
  EXPECT_EQ(x.ci_low, y.ci_low);
  EXPECT_EQ(x.ci_high, y.ci_high);
  EXPECT_DOUBLE_EQ(x.mean, 29.0 / 6.0 - 2.0);
  EXPECT_LE(x.ci_low, x.mean);
  EXPECT_GE(x.ci_high, x.mean);
  EXPECT_GE(x.ci_low, -2.0);  // bounded by the smallest and largest difference
  EXPECT_LE(x.ci_high, 10.0);
}

TEST(RunBacktest, ScoresBaselinesAgainstCompromise) {
  Scenario s1 = TwoActors(70.0, 0.0);
  Scenario s2 = TwoActors(40.0);
  std::vector<BacktestCase> cases;
  for (const Scenario& s : {s1, s2}) {
    auto c = ScenarioBacktestCases(s);
    ASSERT_EQ(c.size(), 1u);
    cases.push_back(c[0]);
  }
  auto report = RunBacktest(cases, BaselineForecasters(), {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  std::map<std::string, BacktestRow> rows;
  for (const BacktestRow& r : report->rows) rows[r.model] = r;
  // compromise = (0*1 + 100*3)/4 = 75: errors 5 and 35; mean = 50: errors 20 and 10.
  EXPECT_DOUBLE_EQ(rows["compromise"].mae, 20.0);
  EXPECT_DOUBLE_EQ(rows["compromise"].diff_vs_reference, 0.0);
  EXPECT_DOUBLE_EQ(rows["mean"].mae, 15.0);
  EXPECT_DOUBLE_EQ(rows["mean"].diff_vs_reference, -5.0);
  EXPECT_EQ(rows["mean"].n_paired, 2);
  // median of {0, 100} = 50; weighted median (c s) = 100: errors 30 and 60.
  EXPECT_DOUBLE_EQ(rows["midpoint-median"].mae, 15.0);
  EXPECT_DOUBLE_EQ(rows["weighted-median"].mae, 45.0);
  // The status quo only exists on the first case: error 70.
  EXPECT_EQ(rows["status-quo"].n, 1);
  EXPECT_EQ(rows["status-quo"].failed, 1);
  EXPECT_DOUBLE_EQ(rows["status-quo"].mae, 70.0);
  // No scenario names a decision rule: the procedural forecaster fails on both.
  EXPECT_EQ(rows["procedural"].n, 0);
  EXPECT_TRUE(std::isnan(rows["procedural"].mae));
  ASSERT_EQ(report->failures.size(), 2u);
  EXPECT_NE(report->failures[0].find("status-quo could not forecast 1 of 2 issues; first: x "
                                     "(t.yaml): issue 'x' has no status quo"),
            std::string::npos);
  EXPECT_EQ(report->details.size(), 2u * 8u - 1u - 2u);
}

TEST(RunBacktest, ProceduralForecastAppliesTheScenarioRule) {
  // SQ 0; a at 0 prefers SQ to anything, so unanimity keeps SQ; a qualified majority of b's
  // 3 votes (quota 3) reaches 2·100 − 0: the compromise 75 passes.
  Scenario s = TwoActors(70.0, 0.0);
  s.decision_rule = "unanimity";
  auto cases = ScenarioBacktestCases(s);
  ASSERT_EQ(cases.size(), 1u);
  std::vector<Forecaster> procedural;
  for (const Forecaster& f : BaselineForecasters())
    if (f.model == "procedural") procedural.push_back(f);
  ASSERT_EQ(procedural.size(), 1u);
  EXPECT_DOUBLE_EQ(*procedural[0].forecast(cases[0]), 0.0);
  cases[0].scenario.decision_rule = "qualified-majority";
  cases[0].vote_weight = {1.0, 3.0};
  cases[0].quota = 3.0;
  EXPECT_DOUBLE_EQ(*procedural[0].forecast(cases[0]), 75.0);
  cases[0].quota.reset();
  EXPECT_FALSE(procedural[0].forecast(cases[0]).ok());
}

TEST(RunBacktest, RejectsNoCasesAndBadBootstrap) {
  EXPECT_EQ(RunBacktest({}, BaselineForecasters(), {}).status().code(),
            StatusCode::kInvalidArgument);
  BacktestOptions opt;
  opt.bootstrap = 0;
  auto cases = ScenarioBacktestCases(TwoActors(10));
  EXPECT_EQ(RunBacktest(cases, BaselineForecasters(), opt).status().message(),
            "bootstrap resamples must be >= 1, got 0");
}

TEST(ScenarioBacktestCases, SkipsIssuesWithoutOutcome) {
  Scenario s = TwoActors(10);
  s.issues[0].outcome.reset();
  EXPECT_TRUE(ScenarioBacktestCases(s).empty());
}

TEST(AllForecasters, FiltersAndRejectsUnknownNames) {
  auto only = AllForecasters({"mean", "compromise"});
  ASSERT_TRUE(only.ok());
  EXPECT_EQ(only->size(), 2u);
  auto bad = AllForecasters({"oracle"});
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("unknown model 'oracle'"), std::string::npos);
}

}  // namespace
}  // namespace entente
