// The scenario as the Python module holds it: a validated Scenario plus the form it came in.
#pragma once

#include <string>

#include "entente/scenario.h"

namespace entente::python {

struct PyScenario {
  Scenario scenario;   // validated (scenario.h conventions hold); no events applied
  std::string format;  // "entente" (YAML/CSV table, or a dict), "ktab-csv", "ktab-xml", "decide"
  bool yaml_text = false;  // scenario.text is scenario YAML (to_dict reads it as written)
  std::string notes;       // what an imported file carried that Scenario has no place for
};

}  // namespace entente::python
