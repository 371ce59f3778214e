#include "cli/report_output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "entente/io.h"

namespace entente::cli {

int EmitReport(const std::string& text, const std::string& output) {
  if (InterruptSignal() != 0) return InterruptExitCode();  // write nothing once interrupted
  if (output.empty()) {
    const bool written = std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
    if (written && std::fflush(stdout) == 0) return kExitOk;
    return ReportFailure(
        Status::IOError(std::string("cannot write to standard output: ") + std::strerror(errno)));
  }
  if (Status s = WriteFileAtomically(output, text); !s.ok()) return ReportFailure(s);
  return kExitOk;
}

}  // namespace entente::cli
