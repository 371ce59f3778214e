#include "entente/sweep.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "entente/io.h"
#include "entente/uncertainty.h"

namespace entente {
namespace {

// Two equal actors whose positions are each uniform on [0, 100]. The unweighted mean of the two
// positions, Y = (X1 + X2)/2, is triangular on [0, 100] with mode 50:
// P(Y <= y) = 2(y/100)² for y <= 50, so the 5 % and 95 % quantiles are 100·√0.025 and
// 100(1 − √0.025), P(Y >= 90) = 2·0.1² = 0.02, and the mean and median are 50.
const char kTwoUniform[] = R"(entente: 1
title: "Two uniform positions"
issues:
  - id: x
    label: "X"
    scale: {min: 0, max: 100}
  - id: y
    label: "Y"
    scale: {min: -1, max: 1}
actors:
  - id: a
    name: "A"
    capability: 1
    stances:
      x: {position: {uniform: [0, 100]}, salience: 1}
      y: {position: {triangular: [-1, 0.5, 1]}, salience: {uniform: [0.2, 0.9]}}
  - id: b
    name: "B"
    capability: {experts: [1, 2, 4]}
    stances:
      x: {position: {uniform: [0, 100]}, salience: 1}
      y: [{normal: [0, 0.5]}, 0.5]
  - id: c
    name: "C"
    capability: 1
    stances:
      y: [0.3, 0.7]
)";

Scenario Load() {
  Result<Scenario> r = ParseScenarioYaml(kTwoUniform, "two.yaml");
  EXPECT_TRUE(r.ok()) << r.status().message();
  return *r;
}

SweepOptions Options(std::uint64_t samples, int threads) {
  SweepOptions o;
  o.models = {SweepModel{"mean", {}}, SweepModel{"compromise", {}}};
  o.samples = samples;
  o.seed = 42;
  o.threads = threads;
  Result<Threshold> t = ParseThreshold("x>=90");
  EXPECT_TRUE(t.ok());
  o.thresholds = {*t};
  return o;
}

const SweepStat& Stat(const SweepSummary& s, const std::string& model, const std::string& issue) {
  for (const SweepStat& st : s.stats) {
    if (st.model == model && st.issue == issue) return st;
  }
  ADD_FAILURE() << model << "/" << issue;
  return s.stats.front();
}

TEST(Sweep, MeanOfTwoUniformPositionsIsTriangular) {
  const Scenario scenario = Load();
  Result<SweepSummary> s = RunSweep(scenario, Options(20000, 2));
  ASSERT_TRUE(s.ok()) << s.status().message();
  const SweepStat& st = Stat(*s, "mean", "x");
  EXPECT_EQ(st.n, 20000u);
  EXPECT_EQ(st.point, 50);  // both positions at their midpoint, 50
  // Standard errors at n = 20 000: mean 20.4/√n ≈ 0.14; quantiles ≈ 0.3.
  EXPECT_NEAR(st.mean, 50, 0.6);
  EXPECT_NEAR(st.median, 50, 1.0);
  EXPECT_NEAR(st.sd, 100 / std::sqrt(24.0), 0.4);
  EXPECT_NEAR(st.p05, 100 * std::sqrt(0.025), 1.0);
  EXPECT_NEAR(st.p95, 100 * (1 - std::sqrt(0.025)), 1.0);
  ASSERT_EQ(st.threshold_probability.size(), 1u);
  EXPECT_EQ(st.thresholds[0], "x>=90");
  EXPECT_NEAR(st.threshold_probability[0], 0.02, 0.005);
  // Histogram: 20 bins of width 5; the triangular density puts (2k+1)/200 of the mass in bin k
  // below the mode.
  ASSERT_EQ(st.histogram.size(), 20u);
  ASSERT_EQ(st.bin_edges.size(), 21u);
  EXPECT_EQ(st.bin_edges.front(), 0);
  EXPECT_EQ(st.bin_edges.back(), 100);
  std::uint64_t total = 0;
  for (auto h : st.histogram) total += h;
  EXPECT_EQ(total, 20000u);
  for (int k = 0; k < 10; ++k) {
    const double expected = 20000.0 * (2 * k + 1) / 200.0;
    EXPECT_NEAR(st.histogram[k], expected, 5 * std::sqrt(expected) + 5) << k;
    EXPECT_NEAR(st.histogram[19 - k], expected, 5 * std::sqrt(expected) + 5) << k;
  }
  // Other issues carry no threshold.
  EXPECT_TRUE(Stat(*s, "mean", "y").thresholds.empty());
  EXPECT_EQ(s->models, (std::vector<std::string>{"mean", "compromise"}));
}

TEST(Sweep, IdenticalForAnyThreadCountBatchAndSplit) {
  const Scenario scenario = Load();
  const SweepOptions one = Options(300, 1);
  Result<SweepSummary> a = RunSweep(scenario, one);
  ASSERT_TRUE(a.ok()) << a.status().message();
  for (int threads : {2, 3, 8}) {
    for (std::uint64_t batch : {0, 1, 7, 1000}) {
      SweepOptions o = Options(300, threads);
      o.batch = batch;
      Result<SweepSummary> b = RunSweep(scenario, o);
      ASSERT_TRUE(b.ok());
      ASSERT_EQ(a->stats.size(), b->stats.size());
      for (std::size_t k = 0; k < a->stats.size(); ++k) {
        EXPECT_EQ(a->stats[k].mean, b->stats[k].mean) << threads << "/" << batch;
        EXPECT_EQ(a->stats[k].sd, b->stats[k].sd);
        EXPECT_EQ(a->stats[k].p05, b->stats[k].p05);
        EXPECT_EQ(a->stats[k].median, b->stats[k].median);
        EXPECT_EQ(a->stats[k].p95, b->stats[k].p95);
        EXPECT_EQ(a->stats[k].histogram, b->stats[k].histogram);
      }
    }
  }
  // Split: two disjoint halves run separately (as two ranks or a resumed run would) summarise
  // to the same figures.
  std::vector<std::uint64_t> evens, odds;
  for (std::uint64_t k = 0; k < 300; ++k) (k % 2 ? odds : evens).push_back(k);
  auto r1 = RunReplications(scenario, Options(300, 2), odds, nullptr);
  auto r2 = RunReplications(scenario, Options(300, 1), evens, nullptr);
  ASSERT_TRUE(r1.ok() && r2.ok());
  std::vector<ReplicationResult> all = *r1;
  all.insert(all.end(), r2->begin(), r2->end());
  Result<SweepSummary> c = Summarize(scenario, one, all);
  ASSERT_TRUE(c.ok()) << c.status().message();
  for (std::size_t k = 0; k < a->stats.size(); ++k) {
    EXPECT_EQ(a->stats[k].mean, c->stats[k].mean);
    EXPECT_EQ(a->stats[k].median, c->stats[k].median);
  }
  // A single replication equals its entry in the sweep.
  Result<ReplicationResult> single = RunReplication(scenario, one, 17);
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single->forecast, (*r1)[8].forecast);  // odds[8] == 17
  EXPECT_EQ(single->seed, ReplicationSeed(42, 17));
}

TEST(Sweep, SummarizeRejectsMissingOrRepeatedReplications) {
  const Scenario scenario = Load();
  const SweepOptions o = Options(10, 1);
  auto r = RunReplications(scenario, o, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, nullptr);
  ASSERT_TRUE(r.ok());
  std::vector<ReplicationResult> bad = *r;
  bad[3] = bad[2];
  EXPECT_EQ(Summarize(scenario, o, bad).status().code(), StatusCode::kInternal);
  bad = *r;
  bad.pop_back();
  EXPECT_EQ(Summarize(scenario, o, bad).status().code(), StatusCode::kInternal);
}

// Forecasts that differ only in their last bits (a model's rounding) count as one value: the
// histogram does not split them over two bins at an edge they straddle, and the spread is
// reported as zero width. A real difference of 1e-6 of the scale still counts.
TEST(Sweep, RoundingNoiseAtABinEdgeIsOneValue) {
  const Scenario scenario = Load();
  SweepOptions o = Options(4, 1);
  o.models = {SweepModel{"mean", {}}};
  o.thresholds.clear();
  auto r = RunReplications(scenario, o, {0, 1, 2, 3}, nullptr);
  ASSERT_TRUE(r.ok());
  std::vector<ReplicationResult> results = *r;
  // Issue x is [0, 100] in 20 bins: 40 is the lower edge of bin 8.
  const double noise[] = {40.0, std::nextafter(40.0, 0.0), 40.0 - 3e-12, 40.0 + 2e-12};
  for (std::size_t k = 0; k < results.size(); ++k) results[k].forecast[0] = noise[k];
  auto s = Summarize(scenario, o, results);
  ASSERT_TRUE(s.ok()) << s.status().message();
  const SweepStat& st = Stat(*s, "mean", "x");
  EXPECT_EQ(st.histogram[8], 4u);
  EXPECT_EQ(st.histogram[7], 0u);
  EXPECT_TRUE(SameAtSweepResolution(st.min, st.max, 100.0));

  results[1].forecast[0] = 40.0 - 1e-4;  // a real move: the bin below, a spread
  s = Summarize(scenario, o, results);
  ASSERT_TRUE(s.ok());
  const SweepStat& moved = Stat(*s, "mean", "x");
  EXPECT_EQ(moved.histogram[7], 1u);
  EXPECT_EQ(moved.histogram[8], 3u);
  EXPECT_FALSE(SameAtSweepResolution(moved.min, moved.max, 100.0));
}

class CancelAfter : public SweepSink {
 public:
  explicit CancelAfter(std::uint64_t n) : n_(n) {}
  Status OnBatch(const std::vector<ReplicationResult>& batch) override {
    received += batch.size();
    return Status::Ok();
  }
  bool Cancelled() override { return received >= n_; }
  std::uint64_t received = 0;

 private:
  std::uint64_t n_;
};

TEST(Sweep, CancellationStopsBetweenBatchesAndHandsOverFinishedWork) {
  // eum on the flagship scenario takes tens of milliseconds per replication, so the sweep is
  // still running when the first batch arrives and asks to stop.
  Result<Scenario> scenario =
      LoadScenario(std::string(ENTENTE_SOURCE_DIR) + "/scenarios/nato-vilnius-2023/scenario.yaml");
  ASSERT_TRUE(scenario.ok()) << scenario.status().message();
  SweepOptions o;
  o.models = {SweepModel{"eum", {}}};
  o.samples = 200;
  o.threads = 1;
  o.batch = 2;
  CancelAfter sink(1);
  std::vector<std::uint64_t> all(200);
  for (std::uint64_t k = 0; k < 200; ++k) all[k] = k;
  auto r = RunReplications(*scenario, o, all, &sink);
  EXPECT_EQ(r.status().code(), StatusCode::kInterrupted);
  EXPECT_GE(sink.received, 2u);
  EXPECT_LT(sink.received, 200u);
  EXPECT_EQ(sink.received % 2, 0u);  // whole batches only
}

TEST(Sweep, ModelRandomnessIsSeededPerReplication) {
  // The randomized exchange model draws from RunOptions::seed: the same sweep twice, on any
  // thread count, gives the same figures.
  Result<Scenario> scenario =
      LoadScenario(std::string(ENTENTE_SOURCE_DIR) + "/tests/data/two_issues.yaml");
  ASSERT_TRUE(scenario.ok()) << scenario.status().message();
  SweepOptions o;
  SweepModel m{"exchange", {}};
  m.options.preset = "random-rate";
  o.models = {m};
  o.samples = 24;
  o.seed = 5;
  o.threads = 1;
  Result<SweepSummary> a = RunSweep(*scenario, o);
  ASSERT_TRUE(a.ok()) << a.status().message();
  o.threads = 3;
  Result<SweepSummary> b = RunSweep(*scenario, o);
  ASSERT_TRUE(b.ok());
  for (std::size_t k = 0; k < a->stats.size(); ++k) {
    EXPECT_EQ(a->stats[k].mean, b->stats[k].mean);
    EXPECT_EQ(a->stats[k].p95, b->stats[k].p95);
  }
  EXPECT_NE(ModelSeed(1, 0), ModelSeed(1, 1));
  EXPECT_NE(ModelSeed(1, 0), ReplicationSeed(1, 0));
}

TEST(Sweep, OptionsAreValidated) {
  const Scenario scenario = Load();
  SweepOptions o = Options(10, 1);
  o.thresholds[0].issue = "z";
  EXPECT_NE(ValidateSweepOptions(scenario, o).message().find("unknown issue 'z'"),
            std::string::npos);
  o = Options(0, 1);
  EXPECT_EQ(ValidateSweepOptions(scenario, o).code(), StatusCode::kInvalidArgument);
  o = Options(10, 1);
  o.models = {SweepModel{"nope", {}}};
  EXPECT_EQ(ValidateSweepOptions(scenario, o).code(), StatusCode::kInvalidArgument);
}

TEST(Threshold, ParsesEachComparison) {
  auto t = ParseThreshold("timing >= 90");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->issue, "timing");
  EXPECT_EQ(t->op, Threshold::Op::kGe);
  EXPECT_EQ(t->value, 90);
  EXPECT_TRUE(t->Passes(90));
  EXPECT_FALSE(t->Passes(89.9));
  EXPECT_EQ(ParseThreshold("a>1")->op, Threshold::Op::kGt);
  EXPECT_EQ(ParseThreshold("a<=1")->op, Threshold::Op::kLe);
  EXPECT_EQ(ParseThreshold("a<-1.5")->value, -1.5);
  EXPECT_FALSE(ParseThreshold("timing=90").ok());
  EXPECT_FALSE(ParseThreshold(">=90").ok());
  EXPECT_FALSE(ParseThreshold("a>=ninety").ok());
  EXPECT_FALSE(ParseThreshold("a>=").ok());
}

TEST(Quantile, IsHyndmanFanSeven) {
  const std::vector<double> x = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(Quantile(x, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(Quantile(x, 0.0), 1);
  EXPECT_DOUBLE_EQ(Quantile(x, 1.0), 4);
  EXPECT_DOUBLE_EQ(Quantile(x, 0.05), 1.15);
}

}  // namespace
}  // namespace entente
