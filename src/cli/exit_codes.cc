#include "cli/exit_codes.h"

#include <cstdio>

namespace entente::cli {

int ExitCodeFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kInvalidArgument:
      return kExitUsage;
    case StatusCode::kParseError:
      return kExitInvalidInput;
    case StatusCode::kIOError:
      return kExitIO;
    case StatusCode::kLimitExceeded:
      return kExitLimit;
    case StatusCode::kModelFailure:
      return kExitModel;
    case StatusCode::kInterrupted:
      return kExitSigint;
    case StatusCode::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

int ReportFailure(const Status& status) {
  // main() reports an interruption once, naming the signal.
  if (status.code() == StatusCode::kInterrupted) return ExitCodeFor(status.code());
  std::fputs(status.message().c_str(), stderr);
  std::fputc('\n', stderr);
  return ExitCodeFor(status.code());
}

}  // namespace entente::cli
