// Writing a Scenario as scenario YAML (docs/formats/scenario.md), e.g. for `entente convert`.
//
// The output is meant to be read and edited by people: a top-level block, then one block per
// issue and one per actor, stances in the short form `issue: [position, salience]` unless they
// carry a source or note. Saliences are written on the unit scale; every number is written with
// the shortest text that reads back to the same double, so LoadScenario on the output yields the
// same actors, issues, positions, saliences and capabilities bit for bit. Uncertain inputs
// (Scenario::uncertain) are written as their distributions.
//
// Issue ids must match [a-z0-9_-]+ in YAML; an imported id that does not (KTAB's "Pstn1",
// Decide's "X") is lowercased, other characters become '-', and a clash gets a "-2", "-3", ...
// suffix; the issue's label keeps the original text, and stances and events follow the new id.
// An issue on which no actor has a stance (Decide files may declare one) cannot be written, as
// scenario YAML requires a stance on every issue: it is left out, with a comment saying so.
//
// Thread-safety: pure function.
#pragma once

#include <string>

#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

// The YAML text of `scenario`, starting with `comment` (each line prefixed with "# "; empty =
// no comment block). InvalidArgument when the scenario cannot be written faithfully: an empty
// title, or a stance whose per-issue capability (Stance::capability) differs from its actor's
// capability (the YAML format has no per-issue capability).
Result<std::string> FormatScenarioYaml(const Scenario& scenario, const std::string& comment = "");

// The YAML issue id for `id`: itself when it matches [a-z0-9_-]+, else its sanitized form
// (before de-duplication).
std::string YamlIssueId(const std::string& id);

}  // namespace entente
