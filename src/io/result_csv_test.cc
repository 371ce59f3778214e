#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "entente/report_format.h"
#include "testing/sample_runs.h"
#include "testing/sample_scenario.h"

namespace entente {
namespace {

const ReportHeader kHeader = [] {
  ReportHeader h;
  h.entente_version = "9.9";
  h.scenario_path = "s.yaml";
  h.scenario_hash = "00ff";
  h.title = "Line one\nline \"two\"";
  h.generated_by = "entente run s.yaml --format csv";
  return h;
}();

TEST(ResultCsvTest, PositionsTableIsTidyWithAJsonCommentHeader) {
  const std::string csv = FormatResultsCsv(test_data::SampleScenario(), test_data::SampleRuns(),
                                           kHeader, CsvTable::kPositions);
  const std::string first = csv.substr(0, csv.find('\n'));
  ASSERT_EQ(first.rfind("# ", 0), 0u);
  const nlohmann::json header = nlohmann::json::parse(first.substr(2));
  EXPECT_EQ(header["title"], "Line one\nline \"two\"");  // newline escaped, still one line
  EXPECT_EQ(header["entente"], "9.9");
  const std::string body = csv.substr(first.size() + 1);
  EXPECT_EQ(body.substr(0, body.find("eum,bdm,share")),
            "model,preset,issue,round,actor,position\n"
            "eum,bdm,timing,0,a,10\n"
            "eum,bdm,timing,0,b,80\n"
            "eum,bdm,timing,0,c,50\n"
            "eum,bdm,timing,1,a,20\n"
            "eum,bdm,timing,1,b,70\n"
            "eum,bdm,timing,1,c,50\n"
            "eum,bdm,timing,2,a,0.1\n"
            "eum,bdm,timing,2,b,60\n"
            "eum,bdm,timing,2,c,50\n");
  EXPECT_NE(body.find("\nmean,,share,0,b,0.6\n"), std::string::npos) << body;
}

TEST(ResultCsvTest, ForecastsTableHasEmptyCellsWithoutOutcomeAndRoundTripNumbers) {
  const std::string csv = FormatResultsCsv(test_data::SampleScenario(), test_data::SampleRuns(),
                                           kHeader, CsvTable::kForecasts);
  const std::string body = csv.substr(csv.find('\n') + 1);
  EXPECT_EQ(body,
            "model,preset,issue,forecast,rounds,converged,stop,outcome,error,message,rule,"
            "rule_outcome,blockers\n"
            "eum,bdm,timing,38.25,2,true,converged,35,3.25,Converged after 2 rounds.,,,\n"
            "eum,bdm,share,0.25,0,true,converged,,,Nothing to do.,,,\n"
            "mean,,timing,46.666666666666664,0,true,static,35,11.666666666666664,"
            "No bargaining.,,,\n"
            "mean,,share,0.4,0,true,static,,,No bargaining.,,,\n");
  EXPECT_EQ(std::stod("46.666666666666664"), 140.0 / 3.0);
}

TEST(ResultCsvTest, FieldsWithCommasOrQuotesAreQuoted) {
  std::vector<ModelRun> runs = test_data::SampleRuns();
  runs.resize(1);
  runs[0].issues.resize(1);
  runs[0].issues[0].actor_ids[0] = "Korea, \"South\"";
  runs[0].issues[0].message = "a, b";
  const std::string positions =
      FormatResultsCsv(test_data::SampleScenario(), runs, kHeader, CsvTable::kPositions);
  EXPECT_NE(positions.find("eum,bdm,timing,0,\"Korea, \"\"South\"\"\",10\n"), std::string::npos)
      << positions;
  const std::string forecasts =
      FormatResultsCsv(test_data::SampleScenario(), runs, kHeader, CsvTable::kForecasts);
  EXPECT_NE(forecasts.find(",\"a, b\",,,\n"), std::string::npos) << forecasts;
}

TEST(ResultCsvTest, ForecastsCarryTheRuleOutcomeAndQuotedBlockers) {
  Scenario s = test_data::SampleScenario();
  s.issues[0].status_quo = 10.0;
  s.decision_rule = "consensus";
  const std::string csv =
      FormatResultsCsv(s, test_data::SampleRuns(), kHeader, CsvTable::kForecasts);
  // eum ends with a at 0.1, below SQ 10: a blocks every move up, so SQ stands. "share" has no
  // status quo: the rule is named but has no outcome.
  EXPECT_NE(csv.find("\neum,bdm,timing,38.25,2,true,converged,35,3.25,Converged after 2 rounds."
                     ",consensus,10,\"a\"\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\neum,bdm,share,0.25,0,true,converged,,,Nothing to do.,consensus,,\n"),
            std::string::npos)
      << csv;
}

}  // namespace
}  // namespace entente
