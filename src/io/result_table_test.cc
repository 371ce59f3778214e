#include <gtest/gtest.h>

#include "entente/report_format.h"
#include "testing/sample_runs.h"
#include "testing/sample_scenario.h"

namespace entente {
namespace {

TEST(ResultTableTest, PrintsScaleForecastsErrorsSpreadAndProvenance) {
  const Scenario s = test_data::SampleScenario();
  const ReportHeader h = MakeReportHeader(s, {{"rounds", "default"}}, "entente run sample.yaml");
  const std::string expected =
      "Sample\n"
      "\n"
      "timing: Timing of membership\n"
      "  scale: 0 = postponed indefinitely … 100 = immediate\n"
      "  recorded outcome: 35.0 (no timetable set)\n"
      "\n"
      "  model              forecast      error  rounds  stop\n"
      "  eum (preset bdm)       38.2       +3.2       2  converged\n"
      "  mean                   46.7      +11.7       0  static\n"
      "  spread between models: 8.4 (lowest eum (preset bdm) 38.2, highest mean 46.7)\n"
      "\n"
      "share: Cost share\n"
      "  scale: 0 … 1\n"
      "\n"
      "  model              forecast  rounds  stop\n"
      "  eum (preset bdm)      0.250       0  converged\n"
      "  mean                  0.400       0  static\n"
      "  spread between models: 0.150 (lowest eum (preset bdm) 0.250, highest mean 0.400)\n"
      "\n"
      "Scenario \"Sample\" from sample.yaml (hash " +
      ScenarioHash(s) +
      "), entente " ENTENTE_VERSION
      ".\n"
      "Models: eum (preset bdm), mean.\n"
      "Options: rounds=default.\n";
  EXPECT_EQ(FormatForecastTable(s, test_data::SampleRuns(), h), expected);
}

TEST(ResultTableTest, OneModelHasNoSpreadLineAndStatusQuoIsShown) {
  Scenario s = test_data::SampleScenario();
  s.issues[0].status_quo = 10.0;
  std::vector<ModelRun> runs = test_data::SampleRuns();
  runs.pop_back();
  const std::string t = FormatForecastTable(s, runs, MakeReportHeader(s, {}, ""));
  EXPECT_NE(t.find("  status quo: 10.0\n"), std::string::npos) << t;
  EXPECT_EQ(t.find("spread"), std::string::npos) << t;
  EXPECT_EQ(t.find("Options:"), std::string::npos) << t;
}

TEST(ResultTableTest, NegativeErrorsKeepTheirSign) {
  const Scenario s = test_data::SampleScenario();
  std::vector<ModelRun> runs = test_data::SampleRuns();
  runs[0].issues[0].forecast = 30.0;
  const std::string t = FormatForecastTable(s, runs, MakeReportHeader(s, {}, ""));
  EXPECT_NE(t.find("  eum (preset bdm)       30.0       -5.0       2  converged\n"),
            std::string::npos)
      << t;
}

TEST(ResultTableTest, DecisionRuleLinesFollowEachIssue) {
  Scenario s = test_data::SampleScenario();
  s.issues[0].status_quo = 10.0;
  s.decision_rule = "consensus";
  const ReportHeader h = MakeReportHeader(s, {{"rule", "consensus"}}, "entente run sample.yaml");
  const std::string table = FormatForecastTable(s, test_data::SampleRuns(), h);
  // Both runs end with Alpha at or below SQ 10: it blocks any move.
  EXPECT_NE(table.find("  spread between models: 8.4 (lowest eum (preset bdm) 38.2, highest mean "
                       "46.7)\n"
                       "\n"
                       "  decision rule: consensus\n"
                       "  eum (preset bdm)  consensus: 10.0; Alpha would block any move from the "
                       "status quo 10.0\n"
                       "  mean              consensus: 10.0; Alpha would block any move from the "
                       "status quo 10.0\n"
                       "\nshare: Cost share\n"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("  eum (preset bdm)  consensus: not applied: issue 'share' has no status "
                       "quo"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("Options: rule=consensus.\n"), std::string::npos) << table;
}

}  // namespace
}  // namespace entente
