// The command table and the general usage text.
#include <fmt/format.h>

#include "cli/command.h"

namespace entente::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      // clang-format off
      {"run",      "forecast a scenario with one model or the default set",  ConfigureRun},
      {"explain",  "show round by round why each actor moved on an issue",    ConfigureExplain},
      {"validate", "check a scenario file and summarise it",                   ConfigureValidate},
      {"compare",  "forecast a scenario with every model, side by side",      ConfigureCompare},
      {"report",   "write a self-contained HTML report with charts (offline)", ConfigureReport},
      {"sweep",    "Monte Carlo over uncertain inputs: spread of each forecast", ConfigureSweep},
      {"runs",     "list, show or export the sweeps in a run store",          ConfigureRuns},
      {"convert",  "rewrite a KTAB or Decide scenario as scenario YAML",       ConfigureConvert},
      {"sensitivity", "rank the inputs that move each forecast; what would reach a target", ConfigureSensitivity},
      {"models",   "list the models and their presets",                        ConfigureModels},
      {"backtest", "score models against recorded outcomes (DEU tables, scenarios)", ConfigureBacktest},
      {"help",     "show this help, or a command's options (help COMMAND)",   ConfigureHelp},
      // clang-format on
  };
  return commands;
}

std::string UsageText() {
  std::string text =
      "usage: entente COMMAND [options]   (entente --version, entente help COMMAND)\n\n"
      "Forecast how a group of actors settles a contested decision, and explain why.\n\n"
      "commands:\n";
  for (const Command& c : Commands()) text += fmt::format("  {:<11} {}\n", c.name, c.help);
  text +=
      "\nexit codes: 0 ok, 1 internal error, 2 usage error, 3 invalid input, 4 I/O error,\n"
      "5 limit exceeded, 6 model failure, 130/143 interrupted (docs/manual.md)\n";
  return text;
}

}  // namespace entente::cli
