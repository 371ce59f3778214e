// The expected utility model behind the registry name `eum`: runs RunExpectedUtility on every
// issue of a scenario, each issue bargained separately.
//
// Thread-safety: holds no mutable state; Run may be called from many threads.
#pragma once

#include <memory>
#include <string>

#include "entente/model.h"

namespace entente {

class ExpectedUtilityModel : public Model {
 public:
  std::string name() const override { return "eum"; }
  // Preset from options.preset ("" = bdm), then options.params on top; InvalidArgument for an
  // unknown preset or parameter.
  Result<ModelRun> Run(const Scenario& scenario, const RunOptions& options) const override;
};

std::unique_ptr<Model> MakeExpectedUtilityModel();

}  // namespace entente
