// Where a finished report goes: standard output, or a file written atomically.
#pragma once

#include <string>

namespace entente::cli {

// Writes `text` to standard output when `output` is empty, else to `output` through
// WriteFileAtomically (temporary file + rename). Writes nothing once an interrupt has arrived.
// Returns the command's exit code (kExitOk, kExitIO, or the interrupt's code).
int EmitReport(const std::string& text, const std::string& output);

}  // namespace entente::cli
