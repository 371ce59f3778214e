#include <gtest/gtest.h>

#include "entente/report_format.h"
#include "testing/sample_runs.h"
#include "testing/sample_scenario.h"

namespace entente {
namespace {

TEST(ReportSummaryTest, HeaderCarriesProvenance) {
  const Scenario s = test_data::SampleScenario();
  const ReportHeader h = MakeReportHeader(s, {{"rounds", "5"}}, "entente run sample.yaml");
  EXPECT_EQ(h.entente_version, ENTENTE_VERSION);
  EXPECT_EQ(h.scenario_path, "sample.yaml");
  EXPECT_EQ(h.scenario_hash, ScenarioHash(s));
  EXPECT_EQ(h.title, "Sample");
  EXPECT_EQ(h.options.at("rounds"), "5");
  EXPECT_EQ(h.generated_by, "entente run sample.yaml");
}

TEST(ReportSummaryTest, SummariesHaveErrorsOnlyWhereAnOutcomeIsRecorded) {
  const std::vector<ForecastSummary> sums =
      SummarizeForecasts(test_data::SampleScenario(), test_data::SampleRuns());
  ASSERT_EQ(sums.size(), 4u);
  EXPECT_EQ(sums[0].model, "eum");
  EXPECT_EQ(sums[0].preset, "bdm");
  EXPECT_EQ(sums[0].issue, "timing");
  ASSERT_TRUE(sums[0].error.has_value());
  EXPECT_DOUBLE_EQ(*sums[0].error, 38.25 - 35.0);
  EXPECT_EQ(sums[1].issue, "share");
  EXPECT_FALSE(sums[1].outcome.has_value());
  EXPECT_FALSE(sums[1].error.has_value());
  EXPECT_EQ(sums[2].model, "mean");
  EXPECT_EQ(sums[2].rounds, 0);
}

TEST(ReportSummaryTest, TableNumbersUseDecimalsSuitedToTheScale) {
  EXPECT_EQ(FormatTableNumber(38.25, 100), "38.2");  // round-half-even on the binary value
  EXPECT_EQ(FormatTableNumber(38.26, 100), "38.3");
  EXPECT_EQ(FormatTableNumber(0.12345, 1), "0.123");
  EXPECT_EQ(FormatTableNumber(4.56789, 10), "4.57");
  EXPECT_EQ(FormatTableNumber(0.001234, 0.01), "0.00123");
  EXPECT_EQ(FormatTableNumber(-0.01, 100), "0.0");  // no negative zero
  EXPECT_EQ(FormatTableNumber(-3.25, 100), "-3.2");
}

}  // namespace
}  // namespace entente
