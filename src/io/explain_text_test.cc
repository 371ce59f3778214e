#include <gtest/gtest.h>

#include "entente/report_format.h"
#include "testing/sample_runs.h"
#include "testing/sample_scenario.h"

namespace entente {
namespace {

std::string Explain(const std::string& actor) {
  const std::vector<ModelRun> runs = test_data::SampleRuns();
  return FormatExplanation(test_data::SampleScenario(), 0, runs[0], runs[0].issues[0], actor);
}

TEST(ExplainTextTest, ListsEveryPairPerRoundWithNumbersQuadrantAndMove) {
  const std::string text = Explain("");
  EXPECT_EQ(text.rfind("eum (preset bdm) on issue timing: Timing of membership\n", 0), 0u);
  EXPECT_NE(text.find("How to read this"), std::string::npos);
  const std::string round1 =
      "Round 1\n"
      "  actor  counterpart  EU(actor)  EU(other)  P(win)  quadrant      move\n"
      "  a      b              -0.2500    +0.5000   0.400  compromise    10.0 -> 20.0  accepted\n"
      "  b      c              -0.1000    -0.2000   0.700  stalemate     80.0 -> 80.0\n"
      "  positions after round 1: a 20.0, b 70.0, c 50.0\n";
  EXPECT_NE(text.find(round1), std::string::npos) << text;
  EXPECT_NE(text.find("  b      a              +0.3000    +0.2000   0.600  conflict      "
                      "70.0 -> 60.0  accepted\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\nForecast 38.2 after 2 rounds (converged). Converged after 2 rounds.\n"),
            std::string::npos)
      << text;
}

TEST(ExplainTextTest, ActorFilterKeepsOnlyItsPairs) {
  const std::string text = Explain("c");
  EXPECT_NE(text.find("Only the pairs involving 'c'."), std::string::npos);
  EXPECT_NE(text.find("  b      c              -0.1000"), std::string::npos) << text;
  EXPECT_EQ(text.find("compromise    10.0"), std::string::npos) << text;
  EXPECT_NE(text.find("Round 2\n  (no recorded interactions)\n  positions after round 2: c 50.0\n"),
            std::string::npos)
      << text;
}

TEST(ExplainTextTest, ModelWithoutInteractionsSaysSo) {
  const std::vector<ModelRun> runs = test_data::SampleRuns();
  const std::string text =
      FormatExplanation(test_data::SampleScenario(), 0, runs[1], runs[1].issues[0], "");
  EXPECT_NE(text.find("Model 'mean' records no pairwise interactions"), std::string::npos) << text;
  EXPECT_EQ(text.find("How to read this"), std::string::npos) << text;
  EXPECT_NE(text.find("Forecast 46.7 after 0 rounds (static). No bargaining.\n"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace entente
