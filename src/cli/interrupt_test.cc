#include "cli/interrupt.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>

#include "cli/exit_codes.h"
#include "cli/model_runner.h"
#include "testing/sample_scenario.h"

namespace entente::cli {
namespace {

// Death tests run in a child process, so the recorded signal does not leak into other tests.

TEST(InterruptDeathTest, SigintIsRecordedAndMapsTo130) {
  EXPECT_EXIT(
      {
        InstallInterruptHandlers();
        std::raise(SIGINT);  // recorded, not fatal
        std::exit(InterruptSignal() == SIGINT ? InterruptExitCode() : 1);
      },
      ::testing::ExitedWithCode(kExitSigint), "");
}

TEST(InterruptDeathTest, SigtermIsRecordedAndMapsTo143) {
  EXPECT_EXIT(
      {
        InstallInterruptHandlers();
        std::raise(SIGTERM);
        std::exit(InterruptSignal() == SIGTERM ? InterruptExitCode() : 1);
      },
      ::testing::ExitedWithCode(kExitSigterm), "");
}

TEST(InterruptDeathTest, ModelRunsStopOnceInterrupted) {
  EXPECT_EXIT(
      {
        InstallInterruptHandlers();
        std::raise(SIGINT);
        Result<std::vector<PlannedRun>> plan = PlanRuns({.model = "mean"});
        Result<std::vector<ModelRun>> runs = ExecuteRuns(test_data::SampleScenario(), *plan);
        std::exit(!runs.ok() && runs.status().code() == StatusCode::kInterrupted ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(InterruptDeathTest, ASecondSignalTerminatesAtOnce) {
  EXPECT_EXIT(
      {
        InstallInterruptHandlers();
        std::raise(SIGINT);
        std::raise(SIGINT);  // the handler was reset: default action
        std::exit(0);
      },
      ::testing::KilledBySignal(SIGINT), "");
}

}  // namespace
}  // namespace entente::cli
