#include "cli/backtest_input.h"

#include <gtest/gtest.h>

#include <string>

namespace entente::cli {
namespace {

const std::string kFlagship =
    std::string(ENTENTE_SOURCE_DIR) + "/scenarios/nato-vilnius-2023/scenario.yaml";

TEST(LoadBacktestCases, ScenarioFilesGiveOneCasePerRecordedOutcome) {
  Result<std::vector<BacktestCase>> cases = LoadBacktestCases({kFlagship}, "", {});
  ASSERT_TRUE(cases.ok()) << cases.status().message();
  ASSERT_EQ(cases->size(), 5u);  // every issue of the flagship records its outcome
  for (const BacktestCase& c : *cases) {
    EXPECT_EQ(c.scenario.issues.size(), 1u);
    EXPECT_EQ(c.scenario.issues[0].outcome, c.outcome);
  }
  // Two paths: the cases of both, in order.
  Result<std::vector<BacktestCase>> twice = LoadBacktestCases({kFlagship, kFlagship}, "", {});
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->size(), 10u);
}

TEST(LoadBacktestCases, TheFirstFileThatFailsFailsTheCall) {
  Result<std::vector<BacktestCase>> missing =
      LoadBacktestCases({kFlagship, "no/such/file.yaml"}, "", {});
  EXPECT_EQ(missing.status().code(), StatusCode::kIOError);
  // Named as a DEU table, a scenario file is not one.
  Result<std::vector<BacktestCase>> as_deu = LoadBacktestCases({kFlagship}, "deu", {});
  EXPECT_FALSE(as_deu.ok());
}

}  // namespace
}  // namespace entente::cli
