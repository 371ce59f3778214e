// The scenario options shared by the commands that read a scenario: FILE, the reader limits
// (--max-file-bytes, --max-actors, --max-issues, --max-depth) and (for commands that run
// models) --event / --no-events.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "entente/events.h"
#include "entente/io.h"
#include "entente/scenario.h"
#include "entente/status.h"

namespace CLI {
class App;
}  // namespace CLI

namespace entente::cli {

struct ScenarioFlags {
  std::string file;
  std::size_t max_file_bytes = LoadLimits{}.max_file_bytes;
  std::size_t max_actors = LoadLimits{}.max_actors;
  std::size_t max_issues = LoadLimits{}.max_issues;
  std::size_t max_depth = LoadLimits{}.max_depth;
  std::vector<std::string> events;  // --event ID (repeatable): exactly these events
  bool no_events = false;           // --no-events: no event at all
};

// Declares FILE and the reader limits (AddLimitOptions) on `app`, and --event / --no-events
// when `with_events`.
void AddScenarioOptions(CLI::App* app, ScenarioFlags* flags, bool with_events);

// Declares the reader limits --max-file-bytes, --max-actors, --max-issues and --max-depth on
// `app`, each writing its target (whose initial value, LoadLimits{}'s, is the default).
void AddLimitOptions(CLI::App* app, std::size_t* max_file_bytes, std::size_t* max_actors,
                     std::size_t* max_issues, std::size_t* max_depth);

// The LoadLimits the flags set.
LoadLimits LimitsOf(const ScenarioFlags& flags);

// The events the flags select (events.h): every enabled one by default.
EventSelection SelectedEvents(const ScenarioFlags& flags);

// A scenario ready for the models, and which events it carries.
struct LoadedScenario {
  Scenario scenario;   // round-0 events applied; later selected events left for the model
  std::string events;  // the selected event ids, comma-separated, or "none" (report headers)
};

// Applies the selected round-0 events to a validated scenario (ApplyEvents) and lists the
// selected ids. An unknown event id is InvalidArgument listing the known ids.
Result<LoadedScenario> ApplySelectedEvents(const Scenario& scenario,
                                           const EventSelection& selection);

// Loads and validates the file (LoadScenario), then applies the selected round-0 events
// (ApplyEvents). An unknown --event id is InvalidArgument listing the known ids.
Result<LoadedScenario> LoadScenarioForRun(const ScenarioFlags& flags);

}  // namespace entente::cli
