#include "io/report_charts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/report_chart_util.h"
#include "testing/sample_runs.h"
#include "testing/sample_scenario.h"

namespace entente::report {
namespace {

// Every "title" string anywhere in the spec, joined.
void CollectTitles(const Json& j, std::string* out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "title" && it.value().is_string())
        *out += it.value().get<std::string>() + "\n";
      CollectTitles(it.value(), out);
    }
  } else if (j.is_array()) {
    for (const Json& x : j) CollectTitles(x, out);
  }
}

std::string Titles(const Json& spec) {
  std::string out;
  CollectTitles(spec, &out);
  return out;
}

ReportSweep Sweep() {
  ReportSweep sweep;
  sweep.samples = 4;
  sweep.stats.push_back({"eum",
                         "bdm",
                         "timing",
                         4,
                         21.5,
                         37.5,
                         49.25,
                         {0, 50, 100},
                         {3, 1},
                         {"timing>10", "timing>=50"},
                         {0.75, 0.25}});
  return sweep;
}

TEST(ReportChartsTest, ScaleWordsAndModelLabels) {
  const Scenario s = test_data::SampleScenario();
  EXPECT_EQ(ScaleWords(s.issues[0]), "0 = postponed indefinitely … 100 = immediate");
  EXPECT_EQ(ScaleWords(s.issues[1]), "0 … 1");
  EXPECT_EQ(ModelLabel("eum", "bdm"), "eum (bdm)");
  EXPECT_EQ(ModelLabel("mean", ""), "mean");
}

TEST(ReportChartsTest, EveryChartHasATitleAndAxesInTheIssuesWords) {
  const Scenario s = test_data::SampleScenario();
  const std::vector<ModelRun> runs = test_data::SampleRuns();
  const std::string words = "Position: 0 = postponed indefinitely … 100 = immediate";
  const ReportSweep sweep = Sweep();
  const ReportSensitivity sa{"eum", "bdm", "m", {{"timing", "position of a", 0, 20, 38, 30, 44}}};
  ForecastSummary blocked;
  blocked.model = "eum";
  blocked.preset = "bdm";
  blocked.decision = DecisionOutcome{};
  blocked.decision->rule = "consensus";
  blocked.decision->blockers = {{"a", 10, false, 12}};
  const std::vector<std::pair<std::string, Json>> charts = {
      {"stance", StanceChart(s, 0)},
      {"trajectory", TrajectoryChart(s, 0, runs)},
      {"models", ModelsChart(s, 0, runs, &sweep)},
      {"tornado", TornadoChart(s, 0, sa)},
      {"blocking", BlockingChart(s, 0, {blocked})},
  };
  for (const auto& [name, spec] : charts) {
    EXPECT_FALSE(spec["title"]["text"].get<std::string>().empty()) << name;
    EXPECT_NE(Titles(spec).find(words), std::string::npos) << name << ": " << Titles(spec);
  }
  EXPECT_NE(Titles(OutcomeHistogram(s, 0, sweep)).find("Forecast: 0 = postponed"),
            std::string::npos);
  std::string subtitle;  // the wrapped lines, joined again
  const Json thresholds = ThresholdChart(s, 0, sweep);
  for (const Json& line : thresholds["title"]["subtitle"]) {
    subtitle += line.get<std::string>() + " ";
  }
  EXPECT_NE(subtitle.find("0 = postponed indefinitely … 100 = immediate)"), std::string::npos)
      << subtitle;
}

TEST(ReportChartsTest, TrajectoryHasEveryActorEveryRoundAndEachModelsForecast) {
  const Scenario s = test_data::SampleScenario();
  const Json spec = TrajectoryChart(s, 0, test_data::SampleRuns());
  int actor_rows = 0, forecast_rows = 0;
  for (const Json& row : spec["data"]["values"]) {
    (row["kind"] == "actor" ? actor_rows : forecast_rows) += 1;
  }
  EXPECT_EQ(actor_rows, 3 * 3);     // eum: 3 actors, rounds 0..2; mean is static
  EXPECT_EQ(forecast_rows, 2 + 2);  // both models' forecasts as flat lines (round 0 and 2)
  EXPECT_EQ(spec["params"][0]["value"], "eum (bdm)");
}

TEST(ReportChartsTest, ModelsChartCarriesMonteCarloQuantiles) {
  const Scenario s = test_data::SampleScenario();
  const ReportSweep sweep = Sweep();
  const Json spec = ModelsChart(s, 0, test_data::SampleRuns(), &sweep);
  const Json& eum = spec["data"]["values"][0];
  EXPECT_EQ(eum["model"], "eum (bdm)");
  EXPECT_DOUBLE_EQ(eum["p05"].get<double>(), 21.5);
  EXPECT_DOUBLE_EQ(eum["p50"].get<double>(), 37.5);
  EXPECT_DOUBLE_EQ(eum["p95"].get<double>(), 49.25);
  EXPECT_DOUBLE_EQ(eum["error"].get<double>(), 38.25 - 35);
  EXPECT_FALSE(spec["data"]["values"][1].contains("p50"));  // no stats for "mean"
}

TEST(ReportChartsTest, HistogramAndThresholdsComeFromTheSweepsStatistics) {
  const Scenario s = test_data::SampleScenario();
  const Json hist = OutcomeHistogram(s, 0, Sweep());
  const Json& bins = hist["data"]["values"];
  ASSERT_EQ(bins.size(), 2u);
  EXPECT_EQ(bins[0]["bin_start"], 0);
  EXPECT_EQ(bins[0]["bin_end"], 50);
  EXPECT_DOUBLE_EQ(bins[0]["share"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(bins[1]["share"].get<double>(), 0.25);
  const Json spec = ThresholdChart(s, 0, Sweep());
  const Json& v = spec["data"]["values"];
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0]["threshold"], "timing>10");
  EXPECT_DOUBLE_EQ(v[0]["probability"].get<double>(), 0.75);
  EXPECT_EQ(v[1]["threshold"], "timing>=50");
  EXPECT_EQ(spec["encoding"]["y"]["sort"], Json::array({"timing>10", "timing>=50"}));
}

TEST(ReportChartsTest, TornadoRanksInputsByTheWidthOfTheirEffect) {
  const Scenario s = test_data::SampleScenario();
  ReportSensitivity sa{"eum", "bdm", "m", {}};
  sa.bars = {{"timing", "narrow", 0, 1, 38, 37, 39},
             {"timing", "wide", 0, 1, 38, 20, 60},
             {"share", "other issue", 0, 1, 0.2, 0, 1}};
  const Json spec = TornadoChart(s, 0, sa);
  const Json order = spec["layer"][0]["encoding"]["y"]["sort"];
  EXPECT_EQ(order, Json::array({"wide", "narrow"}));
  EXPECT_EQ(spec["data"]["values"].size(), 4u);
}

TEST(ReportChartsTest, PerceptionMapKeepsTheFirstRoundsAndPicksTheHeaviestActor) {
  const Scenario s = test_data::SampleScenario();
  const std::vector<ModelRun> runs = test_data::SampleRuns();
  const IssueResult& r = runs[0].issues[0];
  const Json spec = PerceptionChart(s, 0, r, 1);
  EXPECT_EQ(spec["data"]["values"].size(), 2u);  // round 1 only
  EXPECT_EQ(spec["params"][0]["value"], "a");    // capability 4 × salience 0.5 = 2
  EXPECT_EQ(spec["params"][1]["bind"]["max"], 1);
  const Json all = PerceptionChart(s, 0, r, 10);
  EXPECT_EQ(all["data"]["values"].size(), 3u);
  EXPECT_EQ(all["params"][1]["bind"]["max"], 2);
}

TEST(ReportChartsTest, QuantileInterpolatesLikeNumpy) {
  EXPECT_DOUBLE_EQ(Quantile({4, 1, 3, 2}, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(Quantile({1, 2, 3, 4}, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(Quantile({1, 2, 3, 4}, 1.0), 4.0);
  EXPECT_DOUBLE_EQ(Quantile({7}, 0.3), 7.0);
}

// The spec builders write their keys in a fixed order: the page embeds the specs as written.
TEST(ReportChartsTest, SpecBuildersWriteTheirKeysInOrder) {
  EXPECT_EQ(TooltipField("p05", "MC 5 %", ".2f").dump(),
            R"({"field":"p05","title":"MC 5 %","format":".2f"})");
  EXPECT_EQ(TooltipField("model", "Model").dump(), R"({"field":"model","title":"Model"})");
  EXPECT_EQ(Quantitative("x").dump(), R"({"field":"x","type":"quantitative"})");
  EXPECT_EQ(FilterTransform("datum.k == 'a'").dump(), R"([{"filter":"datum.k == 'a'"}])");
  EXPECT_EQ(
      ModelRowAxis(Json::array({"b", "a"})).dump(),
      R"json({"field":"model","type":"nominal","sort":["b","a"],"title":"Model (preset)"})json");
  const Json spec = ChartOfRows("T", "", Json::array({{{"v", 1}}}), 100, Step(20));
  EXPECT_EQ(spec["data"].dump(), R"({"values":[{"v":1}]})");
  EXPECT_EQ(spec["height"].dump(), R"({"step":20})");
  std::vector<std::string> keys;
  for (const auto& [key, value] : spec.items()) keys.push_back(key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"$schema", "title", "config", "data", "width", "height"}));
}

}  // namespace
}  // namespace entente::report
