// SIGINT / SIGTERM handling for the CLI: the handler only records the signal; commands poll
// InterruptSignal() between steps, models poll it once per round (RunOptions::cancel), and
// everything stops before writing anything. Output is written
// atomically, so an interrupted run leaves no partial file. A second signal terminates at once
// (the handler is installed with SA_RESETHAND).
#pragma once

namespace entente::cli {

// Installs the recording handler for SIGINT and SIGTERM.
void InstallInterruptHandlers();

// The signal received since installation (SIGINT or SIGTERM), or 0.
int InterruptSignal();

// "interrupted by SIGINT (Ctrl-C)" / "terminated by SIGTERM".
// REQUIRES: InterruptSignal() != 0.
const char* InterruptDescription();

// 128 + InterruptSignal(): the conventional exit code for a command stopped by a signal.
// REQUIRES: InterruptSignal() != 0.
int InterruptExitCode();

}  // namespace entente::cli
