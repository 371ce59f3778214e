// entente command-line entry point: builds the subcommands from the command table
// (cli/commands.cc), parses, runs the chosen command and maps the outcome to an exit code.
// Only this file and cli/exit_codes.cc decide exit codes (docs/manual.md, "Exit codes").
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/exit_codes.h"
#include "cli/distributed.h"
#include "cli/interrupt.h"
#include "cli/mpi_handoff.h"

int main(int argc, char** argv) {
  using namespace entente::cli;  // NOLINT: the entry point of the cli namespace
  // Under mpirun/srun with several ranks, the static `entente` becomes `entente-mpi` here.
  std::string handoff_error;
  HandOffToMpiBuild(argv, Distributed::BuiltWithMpi(), &handoff_error);
  if (!handoff_error.empty()) {
    std::fprintf(stderr, "entente: %s\n", handoff_error.c_str());
    return kExitUsage;
  }
  InstallInterruptHandlers();
  Invocation invocation;
  invocation.command_line = QuoteCommandLine(argc, argv);

  CLI::App app{"Forecast how a group of actors settles a contested decision.", "entente"};
  app.set_version_flag("--version", "entente " ENTENTE_VERSION);
  app.require_subcommand(0, 1);
  std::vector<std::pair<CLI::App*, Action>> actions;
  for (const Command& command : Commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    actions.emplace_back(sub, command.configure(sub, &invocation));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::fprintf(stderr, "entente: %s\nRun 'entente help' for usage.\n", e.what());
    return kExitUsage;
  }

  for (const auto& [sub, action] : actions) {
    if (!sub->parsed()) continue;
    int code = kExitInternal;
    try {
      code = action();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "entente: internal error: %s\n", e.what());
      code = kExitInternal;
    }
    if (InterruptSignal() != 0) {
      // Commands stop at their next check and write nothing once a signal has arrived.
      std::fprintf(stderr, "entente: %s; stopped, no output written\n", InterruptDescription());
      return InterruptExitCode();
    }
    return code;
  }
  std::fputs(UsageText().c_str(), stderr);
  return kExitUsage;
}
