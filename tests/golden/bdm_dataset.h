// Turns a reference data set (shared/vectors/bdm/<dataset>.input.csv: actor, capability,
// position, salience on [0, 1]) into the IssueTable the models read (test-only).
#pragma once

#include <optional>
#include <string>

#include "entente/scenario.h"

namespace entente::testing {

// nullopt when the file cannot be read.
std::optional<IssueTable> LoadBdmDataset(const std::string& dataset);

}  // namespace entente::testing
