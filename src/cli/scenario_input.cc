#include "cli/scenario_input.h"

#include <CLI/CLI.hpp>

#include "cli/scenario_formats.h"
#include "entente/events.h"

namespace entente::cli {

void AddScenarioOptions(CLI::App* app, ScenarioFlags* flags, bool with_events) {
  app->add_option("FILE", flags->file,
                  "scenario file (.yaml, .yml, .csv; KTAB .csv/.xml, Decide .txt/.csv)")
      ->required();
  AddLimitOptions(app, &flags->max_file_bytes, &flags->max_actors, &flags->max_issues,
                  &flags->max_depth);
  if (!with_events) return;
  CLI::Option* named =
      app->add_option("--event", flags->events,
                      "apply exactly this event (repeatable; default: every enabled event)");
  app->add_flag("--no-events", flags->no_events, "apply no event")->excludes(named);
}

void AddLimitOptions(CLI::App* app, std::size_t* max_file_bytes, std::size_t* max_actors,
                     std::size_t* max_issues, std::size_t* max_depth) {
  app->add_option("--max-file-bytes", *max_file_bytes,
                  "refuse scenario files larger than this (default 64 MiB)")
      ->check(CLI::PositiveNumber);
  app->add_option("--max-actors", *max_actors,
                  "refuse scenarios with more actors than this (default 100000)")
      ->check(CLI::PositiveNumber);
  app->add_option("--max-issues", *max_issues,
                  "refuse scenarios with more issues than this (default 10000)")
      ->check(CLI::PositiveNumber);
  app->add_option("--max-depth", *max_depth,
                  "refuse YAML or XML nested deeper than this (default 64)")
      ->check(CLI::PositiveNumber);
}

EventSelection SelectedEvents(const ScenarioFlags& flags) {
  if (flags.no_events) return EventSelection::None();
  if (!flags.events.empty()) return EventSelection::Named(flags.events);
  return EventSelection::Enabled();
}

LoadLimits LimitsOf(const ScenarioFlags& flags) {
  LoadLimits limits;
  limits.max_file_bytes = flags.max_file_bytes;
  limits.max_actors = flags.max_actors;
  limits.max_issues = flags.max_issues;
  limits.max_depth = flags.max_depth;
  return limits;
}

Result<LoadedScenario> ApplySelectedEvents(const Scenario& scenario,
                                           const EventSelection& selection) {
  Result<std::vector<Event>> selected = SelectEvents(scenario, selection);
  if (!selected.ok()) return selected.status();
  Result<Scenario> applied = ApplyEvents(scenario, selection);
  if (!applied.ok()) return applied.status();
  return LoadedScenario{std::move(applied).value(), EventIdsText(*selected)};
}

Result<LoadedScenario> LoadScenarioForRun(const ScenarioFlags& flags) {
  Result<Scenario> scenario = LoadAnyScenario(flags.file, LimitsOf(flags));
  if (!scenario.ok()) return scenario.status();
  return ApplySelectedEvents(*scenario, SelectedEvents(flags));
}

}  // namespace entente::cli
