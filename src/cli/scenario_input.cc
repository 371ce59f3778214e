#include "cli/scenario_input.h"

#include <CLI/CLI.hpp>

#include "cli/scenario_formats.h"
#include "entente/events.h"

namespace entente::cli {

void AddScenarioOptions(CLI::App* app, ScenarioFlags* flags, bool with_events) {
  app->add_option("FILE", flags->file,
                  "scenario file (.yaml, .yml, .csv; KTAB .csv/.xml, Decide .txt/.csv)")
      ->required();
  app->add_option("--max-file-bytes", flags->max_file_bytes,
                  "refuse scenario files larger than this (default 64 MiB)")
      ->check(CLI::PositiveNumber);
  if (!with_events) return;
  CLI::Option* named =
      app->add_option("--event", flags->events,
                      "apply exactly this event (repeatable; default: every enabled event)");
  app->add_flag("--no-events", flags->no_events, "apply no event")->excludes(named);
}

EventSelection SelectedEvents(const ScenarioFlags& flags) {
  if (flags.no_events) return EventSelection::None();
  if (!flags.events.empty()) return EventSelection::Named(flags.events);
  return EventSelection::Enabled();
}

Result<LoadedScenario> ApplySelectedEvents(const Scenario& scenario,
                                           const EventSelection& selection) {
  Result<std::vector<Event>> selected = SelectEvents(scenario, selection);
  if (!selected.ok()) return selected.status();
  Result<Scenario> applied = ApplyEvents(scenario, selection);
  if (!applied.ok()) return applied.status();
  LoadedScenario out{std::move(applied).value(), "none"};
  for (std::size_t i = 0; i < selected->size(); ++i) {
    out.events = (i == 0 ? "" : out.events + ",") + (*selected)[i].id;
  }
  return out;
}

Result<LoadedScenario> LoadScenarioForRun(const ScenarioFlags& flags) {
  LoadLimits limits;
  limits.max_file_bytes = flags.max_file_bytes;
  Result<Scenario> scenario = LoadAnyScenario(flags.file, limits);
  if (!scenario.ok()) return scenario.status();
  return ApplySelectedEvents(*scenario, SelectedEvents(flags));
}

}  // namespace entente::cli
