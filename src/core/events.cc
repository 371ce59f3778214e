#include "entente/events.h"

#include <algorithm>

namespace entente {

double ApplyChangeOp(EventChange::Op op, double x, double value) {
  switch (op) {
    case EventChange::Op::kSet:
      return value;
    case EventChange::Op::kShift:
      return x + value;
    case EventChange::Op::kScale:
      return x * value;
  }
  return x;
}

namespace {

double ClampCapability(double c) { return std::max(c, 0.0); }

}  // namespace

std::string EventIdsText(const std::vector<Event>& events) {
  if (events.empty()) return "none";
  std::string out;
  for (const Event& e : events) {
    if (!out.empty()) out += ',';
    out += e.id;
  }
  return out;
}

Result<std::vector<Event>> SelectEvents(const Scenario& scenario, const EventSelection& selection) {
  std::vector<Event> selected;
  if (selection.mode == EventSelection::Mode::kNone) return selected;
  if (selection.mode == EventSelection::Mode::kNamed) {
    for (const std::string& id : selection.ids) {
      const bool known = std::any_of(scenario.events.begin(), scenario.events.end(),
                                     [&](const Event& e) { return e.id == id; });
      if (!known) {
        std::string list;
        for (const Event& e : scenario.events) list += (list.empty() ? "" : ", ") + e.id;
        return Status::InvalidArgument("unknown event '" + id + "'; " +
                                       (list.empty()
                                            ? std::string("the scenario declares no events")
                                            : "the scenario declares: " + list));
      }
    }
  }
  for (const Event& event : scenario.events) {
    const bool wanted = selection.mode == EventSelection::Mode::kEnabled
                            ? event.enabled
                            : std::find(selection.ids.begin(), selection.ids.end(), event.id) !=
                                  selection.ids.end();
    if (wanted) selected.push_back(event);
  }
  return selected;
}

Result<Scenario> ApplyEvents(const Scenario& scenario, const EventSelection& selection) {
  Result<std::vector<Event>> selected = SelectEvents(scenario, selection);
  if (!selected.ok()) return selected.status();
  Scenario out = scenario;
  out.events.clear();
  for (Event& event : *selected) {
    if (event.round > 0) {
      event.enabled = true;
      out.events.push_back(std::move(event));
      continue;
    }
    for (const EventChange& change : event.changes) {
      const std::string what = "event '" + event.id + "'";
      const auto a = out.FindActor(change.actor);
      if (!a) return Status::InvalidArgument(what + " names unknown actor '" + change.actor + "'");
      if (change.field == EventChange::Field::kCapability) {
        Actor& actor = out.actors[*a];
        actor.capability =
            ClampCapability(ApplyChangeOp(change.op, actor.capability, change.value));
        continue;
      }
      const auto i = out.FindIssue(change.issue);
      if (!i) return Status::InvalidArgument(what + " names unknown issue '" + change.issue + "'");
      std::optional<Stance>& stance = out.stances[*i][*a];
      if (!stance) {
        return Status::InvalidArgument(what + ": '" + change.actor + "' has no stance on '" +
                                       change.issue + "'");
      }
      const Issue& issue = out.issues[*i];
      if (change.field == EventChange::Field::kPosition) {
        stance->position = std::clamp(ApplyChangeOp(change.op, stance->position, change.value),
                                      issue.scale_min, issue.scale_max);
      } else {
        stance->salience =
            std::clamp(ApplyChangeOp(change.op, stance->salience, change.value), 0.0, 1.0);
      }
    }
  }
  return out;
}

void ApplyEventToTable(const Event& event, IssueTable& table) {
  for (const EventChange& change : event.changes) {
    const bool issue_matches =
        change.field == EventChange::Field::kCapability || change.issue == table.issue_id;
    if (!issue_matches) continue;
    for (std::size_t row = 0; row < table.size(); ++row) {
      if (table.actor_ids[row] != change.actor) continue;
      switch (change.field) {
        case EventChange::Field::kCapability:
          table.capability[row] =
              ClampCapability(ApplyChangeOp(change.op, table.capability[row], change.value));
          break;
        case EventChange::Field::kPosition:
          table.position[row] =
              std::clamp(ApplyChangeOp(change.op, table.position[row], change.value),
                         table.scale_min, table.scale_max);
          break;
        case EventChange::Field::kSalience:
          table.salience[row] =
              std::clamp(ApplyChangeOp(change.op, table.salience[row], change.value), 0.0, 1.0);
          break;
      }
    }
  }
}

}  // namespace entente
