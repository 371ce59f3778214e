// The subcommand table of the `entente` tool (like ninja's tool table): each command is a name,
// a one-line help and a function that declares its options on a CLI11 subcommand and returns
// the action to run once the command line has been parsed. One file per command.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}  // namespace CLI

namespace entente::cli {

// What a command may know about how it was called.
struct Invocation {
  std::string command_line;  // the whole command line, shell-quoted, for report headers
};

// Runs a parsed command; returns the process exit code (cli/exit_codes.h).
using Action = std::function<int()>;

struct Command {
  const char* name;
  const char* help;  // one line
  // Declares the command's options and arguments on `app`; the returned action reads them.
  Action (*configure)(CLI::App* app, const Invocation* invocation);
};

// Every command, in the order `entente help` lists them.
const std::vector<Command>& Commands();

// The configure functions, one per file (cli/<name>_command.cc).
Action ConfigureRun(CLI::App* app, const Invocation* invocation);
Action ConfigureExplain(CLI::App* app, const Invocation* invocation);
Action ConfigureValidate(CLI::App* app, const Invocation* invocation);
Action ConfigureModels(CLI::App* app, const Invocation* invocation);
Action ConfigureBacktest(CLI::App* app, const Invocation* invocation);
Action ConfigureHelp(CLI::App* app, const Invocation* invocation);
Action ConfigureCompare(CLI::App* app, const Invocation* invocation);
Action ConfigureConvert(CLI::App* app, const Invocation* invocation);
Action ConfigureReport(CLI::App* app, const Invocation* invocation);
Action ConfigureSensitivity(CLI::App* app, const Invocation* invocation);
Action ConfigureSweep(CLI::App* app, const Invocation* invocation);
Action ConfigureRuns(CLI::App* app, const Invocation* invocation);

// The general usage text: synopsis and one line per command.
std::string UsageText();

}  // namespace entente::cli
