// Reconstructing the command line for report headers ("generated_by").
#pragma once

#include <string>

namespace entente::cli {

// "entente" followed by argv[1..argc), each argument shell-quoted when it needs it, so that the
// string can be pasted back into a shell to reproduce the run.
std::string QuoteCommandLine(int argc, const char* const* argv);

}  // namespace entente::cli
