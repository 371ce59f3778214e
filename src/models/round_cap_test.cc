// A model that does not converge stops at its round cap and says so: stop = kRoundCap, the
// rounds run equal the cap, and the message names the cap. (The CLI prints the stop reason in
// the `stop` column and the message in JSON/CSV.)
#include <gtest/gtest.h>

#include <string>

#include "entente/model.h"
#include "testing/sample_scenario.h"

namespace entente {
namespace {

struct CapCase {
  const char* model;
  const char* says;  // what the message says about the cap
};

class RoundCap : public ::testing::TestWithParam<CapCase> {};

TEST_P(RoundCap, StopsAtTheCapAndSaysSo) {
  Result<const ModelInfo*> info = FindModel(GetParam().model);
  ASSERT_TRUE(info.ok());
  RunOptions options;
  options.max_rounds = 1;  // too few for the sample scenario to settle
  if (std::string(GetParam().model) == "eum") options.params["stop_early"] = "false";
  Result<ModelRun> run = (*info)->create()->Run(test_data::SampleScenario(), options);
  ASSERT_TRUE(run.ok()) << run.status().message();
  bool capped = false;
  for (const IssueResult& r : run->issues) {
    if (r.converged) continue;
    capped = true;
    EXPECT_EQ(r.stop, StopReason::kRoundCap) << r.issue_id << ": " << r.message;
    EXPECT_EQ(r.rounds, 1) << r.issue_id;
    EXPECT_NE(r.message.find(GetParam().says), std::string::npos) << r.message;
    EXPECT_STREQ(StopReasonName(r.stop), "round cap");
  }
  EXPECT_TRUE(capped) << GetParam().model << " converged in one round on every issue";
}

INSTANTIATE_TEST_SUITE_P(
    RoundModels, RoundCap,
    ::testing::Values(CapCase{"eum", "Reached the round cap of 1 rounds without converging"},
                      CapCase{"exchange", "ran the fixed 1 rounds"},
                      CapCase{"smp", "stopped at the iteration cap of 1 turns"}),
    [](const ::testing::TestParamInfo<CapCase>& info) { return std::string(info.param.model); });

}  // namespace
}  // namespace entente
