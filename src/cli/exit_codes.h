// The documented exit codes of the `entente` tool (docs/manual.md, "Exit codes"), and the one
// place where library Status codes become exit codes.
#pragma once

#include "entente/status.h"

namespace entente::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitInternal = 1,      // a bug
  kExitUsage = 2,         // bad command line (unknown option, model, preset, issue, ...)
  kExitInvalidInput = 3,  // the scenario file is malformed or fails validation
  kExitIO = 4,            // a file could not be read or written
  kExitLimit = 5,         // an input is larger than a configured limit
  kExitModel = 6,         // a model could not produce a result
  kExitSigint = 130,      // interrupted by SIGINT (128 + 2)
  kExitSigterm = 143,     // terminated by SIGTERM (128 + 15)
};

// The exit code for a non-OK status (kInterrupted maps to kExitSigint).
int ExitCodeFor(StatusCode code);

// Prints status.message() and a newline to stderr and returns ExitCodeFor(status.code());
// prints nothing for kInterrupted (main() says which signal stopped the command).
// REQUIRES: !status.ok().
int ReportFailure(const Status& status);

}  // namespace entente::cli
