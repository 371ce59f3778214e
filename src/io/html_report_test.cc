#include "entente/html_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "io/report_assets.h"
#include "testing/sample_runs.h"
#include "testing/sample_scenario.h"

namespace entente {
namespace {

// The chart list the page hands to vega-embed.
nlohmann::json ChartsOf(const std::string& page) {
  const std::string open = "<script id=\"entente-charts\" type=\"application/json\">";
  const std::size_t a = page.find(open);
  EXPECT_NE(a, std::string::npos);
  const std::size_t b = page.find("</script>", a);
  return nlohmann::json::parse(page.substr(a + open.size(), b - a - open.size()));
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

HtmlReportInput SampleInput(const Scenario* s) {
  HtmlReportInput in;
  in.scenario = s;
  in.runs = test_data::SampleRuns();
  in.header = MakeReportHeader(*s, {{"events", "none"}}, "entente report sample.yaml -o r.html");
  return in;
}

ReportSweep SampleSweep() {
  ReportSweep sweep;
  sweep.run_id = "run-7";
  sweep.seed = 7;
  sweep.samples = 4;
  sweep.description = "4 draws";
  sweep.stats.push_back(
      {"eum", "bdm", "timing", 4, 21.5, 37.5, 49.25, {0, 50, 100}, {3, 1}, {"timing>=50"}, {0.25}});
  sweep.stats.push_back({"mean", "", "timing", 4, 40, 47.5, 55, {0, 50, 100}, {2, 2}, {}, {}});
  return sweep;
}

TEST(ForecastPathTest, FollowsTheRoundStatisticThatIsTheModelsForecast) {
  IssueResult r;
  r.positions = {{0, 10}, {5, 10}, {8, 10}};
  r.weighted_median = {0, 5, 8};
  r.weighted_mean = {4, 7, 9};
  r.forecast = 8;
  EXPECT_EQ(ForecastPath(r), (std::vector<double>{0, 5, 8}));
  r.forecast = 9;
  EXPECT_EQ(ForecastPath(r), (std::vector<double>{4, 7, 9}));
  r.forecast = 6;  // neither: the final forecast alone
  EXPECT_EQ(ForecastPath(r), (std::vector<double>{6}));
  r.positions = {{0, 10}};  // a static model
  r.weighted_median = {0};
  r.forecast = 0;
  EXPECT_EQ(ForecastPath(r), (std::vector<double>{0}));
}

TEST(HtmlReportTest, OneDrawnChartPerFigureAndNotesForAbsentSections) {
  if (ReportAssets().empty()) GTEST_SKIP() << "built without the chart library";
  const Scenario s = test_data::SampleScenario();
  Result<std::string> page = FormatHtmlReport(SampleInput(&s));
  ASSERT_TRUE(page.ok()) << page.status().message();
  const nlohmann::json charts = ChartsOf(*page);
  EXPECT_EQ(Count(*page, "<div class=\"chart\" id=\""), charts.size());
  for (const auto& c : charts) {
    const std::string id = c["id"];
    EXPECT_NE(page->find("id=\"" + id + "\""), std::string::npos) << id;
    EXPECT_FALSE(c["spec"]["title"]["text"].get<std::string>().empty()) << id;
  }
  // Per issue: stances, trajectory, models; the perception map where eum recorded challenges.
  for (const std::string id : {"stance-timing", "stance-share", "trajectory-timing", "models-share",
                               "perception-timing"}) {
    EXPECT_NE(page->find("id=\"" + id + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(page->find("id=\"perception-share\""), std::string::npos);
  EXPECT_EQ(Count(*page, "No Monte Carlo sweep was given to this report"), 2u);
  EXPECT_EQ(Count(*page, "No sensitivity analysis was given to this report"), 2u);
  EXPECT_EQ(Count(*page, "The scenario names no decision rule"), 2u);
  // Captions name the models, presets and inputs.
  EXPECT_NE(page->find("models: eum preset bdm, mean. inputs: sample.yaml (hash " +
                       ScenarioHash(s) + "); events: none; entente "),
            std::string::npos);
  // The library is inlined, with its license.
  for (const ReportAsset& a : ReportAssets()) {
    EXPECT_NE(page->find(std::string("/* ") + a.name + " " + a.version), std::string::npos);
  }
  EXPECT_NE(page->find("BSD-3-Clause"), std::string::npos);
  EXPECT_EQ(page->find("src=\"http"), std::string::npos);
}

TEST(HtmlReportTest, SweepAndSensitivitySectionsAppearWhenGiven) {
  if (ReportAssets().empty()) GTEST_SKIP() << "built without the chart library";
  const Scenario s = test_data::SampleScenario();
  HtmlReportInput in = SampleInput(&s);
  in.sweep = SampleSweep();
  in.sensitivity = ReportSensitivity{
      "eum", "bdm", "one at a time", {{"timing", "position of a", 0, 20, 38, 30, 44}}};
  Result<std::string> page = FormatHtmlReport(in);
  ASSERT_TRUE(page.ok());
  for (const std::string id : {"histogram-timing", "thresholds-timing", "tornado-timing"}) {
    EXPECT_NE(page->find("id=\"" + id + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(Count(*page, "No Monte Carlo sweep was given"), 0u);
  // "share" has no sweep traces and no bars: said so.
  EXPECT_NE(page->find("Sweep run-7 holds no forecasts for this issue."), std::string::npos);
  EXPECT_NE(page->find("No single input moves this issue's forecast in the sensitivity analysis"),
            std::string::npos);
  EXPECT_NE(page->find("Intervals from sweep run-7 (4 replications, seed 7)."), std::string::npos);
  EXPECT_EQ(Count(*page, "the 5–95 % interval has zero width"), 0u);
}

TEST(HtmlReportTest, ZeroWidthIntervalIsNotShownAsCertainty) {
  if (ReportAssets().empty()) GTEST_SKIP() << "built without the chart library";
  const Scenario s = test_data::SampleScenario();
  HtmlReportInput in = SampleInput(&s);
  in.sweep = SampleSweep();
  in.sweep->stats[1].p05 = in.sweep->stats[1].p95 = in.sweep->stats[1].median = 40;
  Result<std::string> page = FormatHtmlReport(in);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Count(*page, "the 5–95 % interval has zero width"), 1u);
  EXPECT_NE(page->find("mean: the 5–95 % interval has zero width (at least 90 % of the 4 "
                       "replications gave 40)"),
            std::string::npos);
}

TEST(HtmlReportTest, TextFromTheScenarioCannotBreakThePage) {
  if (ReportAssets().empty()) GTEST_SKIP() << "built without the chart library";
  Scenario s = test_data::SampleScenario();
  s.actors[0].name = "</script><b>Alpha & co</b>";
  s.issues[0].label = "Timing <!-- of --> membership";
  Result<std::string> page = FormatHtmlReport(SampleInput(&s));
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->find("&lt;/script&gt;&lt;b&gt;Alpha &amp; co&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(page->find("<b>Alpha"), std::string::npos);
  EXPECT_EQ(page->find("<!-- of"), std::string::npos);
  // In the chart data the name survives intact (JSON-escaped '<').
  const nlohmann::json charts = ChartsOf(*page);
  EXPECT_NE(charts.dump().find("</script><b>Alpha & co</b>"), std::string::npos);
}

TEST(HtmlReportTest, DecisionRuleSectionShowsWhoBlocks) {
  if (ReportAssets().empty()) GTEST_SKIP() << "built without the chart library";
  Scenario s = test_data::SampleScenario();
  s.decision_rule = "consensus";
  s.issues[0].status_quo = 10.0;
  Result<std::string> page = FormatHtmlReport(SampleInput(&s));
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->find("id=\"blocking-timing\""), std::string::npos);
  EXPECT_NE(page->find("Rule: consensus, applied to each model's final positions."),
            std::string::npos);
  // "share" has no status quo: the rule cannot apply, and the page says why.
  EXPECT_NE(page->find("The consensus rule cannot be applied here: "), std::string::npos);
}

}  // namespace
}  // namespace entente
