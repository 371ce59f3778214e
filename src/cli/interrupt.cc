#include "cli/interrupt.h"

#include <csignal>

namespace entente::cli {

namespace {
volatile std::sig_atomic_t g_signal = 0;

extern "C" void RecordSignal(int signal) { g_signal = signal; }
}  // namespace

void InstallInterruptHandlers() {
  struct sigaction action = {};
  action.sa_handler = RecordSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // a second signal gets the default action: terminate now
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int InterruptSignal() { return g_signal; }

const char* InterruptDescription() {
  return g_signal == SIGINT ? "interrupted by SIGINT (Ctrl-C)" : "terminated by SIGTERM";
}

int InterruptExitCode() { return 128 + g_signal; }

}  // namespace entente::cli
