#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "entente/report_format.h"
#include "testing/sample_runs.h"
#include "testing/sample_scenario.h"

namespace entente {
namespace {

nlohmann::json SampleJson() {
  const Scenario s = test_data::SampleScenario();
  const ReportHeader h = MakeReportHeader(s, {{"rounds", "7"}}, "entente run sample.yaml");
  return nlohmann::json::parse(FormatResultsJson(s, test_data::SampleRuns(), h));
}

TEST(ResultJsonTest, HeaderSaysWhereTheNumbersCameFrom) {
  const nlohmann::json j = SampleJson();
  EXPECT_EQ(j["header"]["entente"], ENTENTE_VERSION);
  EXPECT_EQ(j["header"]["scenario"], "sample.yaml");
  EXPECT_EQ(j["header"]["scenario_hash"], ScenarioHash(test_data::SampleScenario()));
  EXPECT_EQ(j["header"]["title"], "Sample");
  EXPECT_EQ(j["header"]["options"]["rounds"], "7");
  EXPECT_EQ(j["header"]["generated_by"], "entente run sample.yaml");
}

TEST(ResultJsonTest, RowsAreTidyAndCoverEveryRoundOfEveryModel) {
  const nlohmann::json j = SampleJson();
  // eum: 3 rounds x 3 actors + 1 x 2; mean: 3 + 2.
  ASSERT_EQ(j["rows"].size(), 16u);
  const nlohmann::json& r = j["rows"][6];
  EXPECT_EQ(r["model"], "eum");
  EXPECT_EQ(r["preset"], "bdm");
  EXPECT_EQ(r["issue"], "timing");
  EXPECT_EQ(r["round"], 2);
  EXPECT_EQ(r["actor"], "a");
  EXPECT_EQ(r["position"].get<double>(), 0.1);  // exact round trip
}

TEST(ResultJsonTest, ForecastsCarryFullPrecisionAndNullWithoutOutcome) {
  const nlohmann::json j = SampleJson();
  ASSERT_EQ(j["forecasts"].size(), 4u);
  const nlohmann::json& mean_timing = j["forecasts"][2];
  EXPECT_EQ(mean_timing["model"], "mean");
  EXPECT_EQ(mean_timing["forecast"].get<double>(), 140.0 / 3.0);
  EXPECT_EQ(mean_timing["outcome"].get<double>(), 35.0);
  EXPECT_EQ(mean_timing["error"].get<double>(), 140.0 / 3.0 - 35.0);
  EXPECT_EQ(mean_timing["stop"], "static");
  EXPECT_TRUE(j["forecasts"][1]["outcome"].is_null());
  EXPECT_TRUE(j["forecasts"][1]["error"].is_null());
}

TEST(ResultJsonTest, EmptyRunsStillFormValidJson) {
  const Scenario s = test_data::SampleScenario();
  const nlohmann::json j =
      nlohmann::json::parse(FormatResultsJson(s, {}, MakeReportHeader(s, {}, "")));
  EXPECT_TRUE(j["rows"].empty());
  EXPECT_TRUE(j["forecasts"].empty());
}

TEST(ResultJsonTest, ForecastsCarryTheRuleOutcomeAndBlockers) {
  Scenario s = test_data::SampleScenario();
  s.issues[0].status_quo = 10.0;
  s.decision_rule = "consensus";
  const ReportHeader h = MakeReportHeader(s, {}, "entente run sample.yaml");
  const nlohmann::json j = nlohmann::json::parse(FormatResultsJson(s, test_data::SampleRuns(), h));
  const nlohmann::json& eum_timing = j["forecasts"][0];
  EXPECT_EQ(eum_timing["rule"], "consensus");
  EXPECT_EQ(eum_timing["rule_outcome"].get<double>(), 10.0);
  EXPECT_EQ(eum_timing["status_quo_stands"], true);
  EXPECT_EQ(eum_timing["blockers"], nlohmann::json::array({"a"}));
  // "share" has no status quo: the rule is named, its outcome is null.
  EXPECT_EQ(j["forecasts"][1]["rule"], "consensus");
  EXPECT_TRUE(j["forecasts"][1]["rule_outcome"].is_null());
  EXPECT_TRUE(j["forecasts"][1]["blockers"].empty());
  // Without a rule the fields are null / empty.
  const nlohmann::json plain = SampleJson();
  EXPECT_TRUE(plain["forecasts"][0]["rule"].is_null());
  EXPECT_TRUE(plain["forecasts"][0]["rule_outcome"].is_null());
  EXPECT_TRUE(plain["forecasts"][0]["blockers"].empty());
}

}  // namespace
}  // namespace entente
