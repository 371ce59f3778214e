// A small in-memory scenario for unit tests that must not depend on the file readers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "entente/scenario.h"

namespace entente::test_data {

// Three actors on two issues:
//   issue "timing" on [0, 100] (outcome 35), issue "share" on [0, 1] (no outcome);
//   actor "c" takes no part in "share".
inline Scenario SampleScenario() {
  Scenario s;
  s.meta.title = "Sample";
  s.path = "sample.yaml";
  s.text = "sample text";
  s.actors = {{.id = "a", .name = "Alpha", .capability = 4.0},
              {.id = "b", .name = "Beta", .capability = 1.0},
              {.id = "c", .name = "Gamma", .capability = 2.0}};
  Issue timing{.id = "timing", .label = "Timing of membership"};
  timing.scale_min = 0.0;
  timing.scale_max = 100.0;
  timing.min_label = "postponed indefinitely";
  timing.max_label = "immediate";
  timing.outcome = 35.0;
  timing.outcome_note = "no timetable set";
  Issue share{.id = "share", .label = "Cost share"};
  share.scale_min = 0.0;
  share.scale_max = 1.0;
  s.issues = {timing, share};
  s.stances = {{Stance{.position = 10, .salience = 0.5}, Stance{.position = 80, .salience = 1.0},
                Stance{.position = 50, .salience = 0.25}},
               {Stance{.position = 0.2, .salience = 1.0}, Stance{.position = 0.6, .salience = 0.5},
                std::nullopt}};
  return s;
}

}  // namespace entente::test_data
