// Events: what-if shocks written in a scenario's `events:` list (docs/formats/scenario.md,
// "Events"), and how they are applied.
//
// An event with `round: 0` changes the inputs before bargaining starts: ApplyEvents() returns
// the scenario with those changes made. An event with `round: k > 0` happens before bargaining
// round k: ApplyEvents() keeps it in Scenario::events and a model that supports timed events
// calls ApplyEventToTable() on its working table just before computing round k (round 1 is the
// first round the model computes). A model that ignores timed events simply never calls it.
//
// Every change is applied in file order (events, then changes within an event), and each
// result is clamped as scenario.h documents: positions to the issue's scale, salience to
// [0, 1], capability to >= 0.
//
// Thread-safety: pure functions; reentrant.
#pragma once

#include <string>
#include <vector>

#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

// Which of a scenario's events take effect.
struct EventSelection {
  enum class Mode {
    kEnabled,  // every event whose `enabled` is true (the default)
    kNone,     // no event at all (`--no-events`)
    kNamed,    // exactly the events named in `ids`, enabled or not (`--event ID`, repeatable)
  };
  Mode mode = Mode::kEnabled;
  std::vector<std::string> ids;  // used only by kNamed; order and repeats do not matter

  static EventSelection Enabled() { return {}; }
  static EventSelection None() { return {Mode::kNone, {}}; }
  static EventSelection Named(std::vector<std::string> ids) {
    return {Mode::kNamed, std::move(ids)};
  }
};

// The selected events, in file order. InvalidArgument for an id the scenario does not
// declare; the message lists the known ids.
Result<std::vector<Event>> SelectEvents(const Scenario& scenario, const EventSelection& selection);

// The events' ids, comma-separated, or "none" for no event: how report headers name the
// events a run applied.
std::string EventIdsText(const std::vector<Event>& events);

// The scenario with every selected round-0 event applied to its actors and stances. Its
// `events` then holds only the selected events with round > 0 (each marked enabled), for the
// model to apply with ApplyEventToTable(); unselected events are dropped. InvalidArgument for
// an unknown id in `selection` or a change naming an actor, issue or stance the scenario lacks
// (a scenario from LoadScenario never has such changes).
Result<Scenario> ApplyEvents(const Scenario& scenario, const EventSelection& selection);

// Applies `event`'s changes to one issue's table: capability changes to every row of the named
// actor, position and salience changes when they name this table's issue. Changes for actors
// not in the table are skipped. Results are clamped as above.
void ApplyEventToTable(const Event& event, IssueTable& table);

// x changed by one change's operation (set, shift or scale), before clamping.
double ApplyChangeOp(EventChange::Op op, double x, double value);

}  // namespace entente
