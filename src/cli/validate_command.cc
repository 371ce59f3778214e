// `entente validate FILE`: load and check a scenario, then summarise it in one line.
//
// Contract with the scenario readers: on failure print exactly status.message() and a newline
// to stderr and exit 3 (invalid input), 4 (I/O error) or 5 (limit exceeded); on success print
// `FILE: valid (N actors, M issues[, K events])` and exit 0.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/scenario_formats.h"
#include "cli/scenario_input.h"
#include "entente/io.h"

namespace entente::cli {

namespace {

std::string Count(std::size_t n, const char* noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace

Action ConfigureValidate(CLI::App* app, const Invocation* /*invocation*/) {
  auto flags = std::make_shared<ScenarioFlags>();
  AddScenarioOptions(app, flags.get(), /*with_events=*/false);
  return [flags] {
    Result<Scenario> scenario = LoadAnyScenario(flags->file, LimitsOf(*flags));
    if (!scenario.ok()) return ReportFailure(scenario.status());
    std::string summary =
        Count(scenario->actors.size(), "actor") + ", " + Count(scenario->issues.size(), "issue");
    if (!scenario->events.empty()) summary += ", " + Count(scenario->events.size(), "event");
    std::fputs(fmt::format("{}: valid ({})\n", flags->file, summary).c_str(), stdout);
    return static_cast<int>(kExitOk);
  };
}

}  // namespace entente::cli
