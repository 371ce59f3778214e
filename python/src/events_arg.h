// The `events` argument of entente.forecast, compare and sweep as an EventSelection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "entente/events.h"

namespace entente::python {

// None = every enabled event (the CLI default); a list = exactly those (empty: none).
inline EventSelection EventsArgSelection(const std::optional<std::vector<std::string>>& events) {
  if (!events) return EventSelection::Enabled();
  if (events->empty()) return EventSelection::None();
  return EventSelection::Named(*events);
}

}  // namespace entente::python
