#include "cli/report_output.h"

#include <cstdio>

#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "entente/io.h"

namespace entente::cli {

int EmitReport(const std::string& text, const std::string& output) {
  if (InterruptSignal() != 0) return InterruptExitCode();  // write nothing once interrupted
  if (output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitIO;
  }
  if (Status s = WriteFileAtomically(output, text); !s.ok()) return ReportFailure(s);
  return kExitOk;
}

}  // namespace entente::cli
