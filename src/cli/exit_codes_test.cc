#include "cli/exit_codes.h"

#include <gtest/gtest.h>

namespace entente::cli {
namespace {

TEST(ExitCodesTest, EachStatusCodeHasItsDocumentedExitCode) {
  EXPECT_EQ(ExitCodeFor(StatusCode::kOk), 0);
  EXPECT_EQ(ExitCodeFor(StatusCode::kInternal), 1);
  EXPECT_EQ(ExitCodeFor(StatusCode::kInvalidArgument), 2);
  EXPECT_EQ(ExitCodeFor(StatusCode::kParseError), 3);
  EXPECT_EQ(ExitCodeFor(StatusCode::kIOError), 4);
  EXPECT_EQ(ExitCodeFor(StatusCode::kLimitExceeded), 5);
  EXPECT_EQ(ExitCodeFor(StatusCode::kModelFailure), 6);
  EXPECT_EQ(ExitCodeFor(StatusCode::kInterrupted), 130);
}

TEST(ExitCodesTest, ReportFailurePrintsTheMessageAndReturnsTheCode) {
  ::testing::internal::CaptureStderr();
  const int code = ReportFailure(Status::LimitExceeded("f.yaml: too big"));
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "f.yaml: too big\n");
  EXPECT_EQ(code, 5);
}

}  // namespace
}  // namespace entente::cli
