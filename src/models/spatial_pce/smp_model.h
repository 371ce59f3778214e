// The SMP as an entente Model (registered as `smp`): every scenario issue is one SMP dimension.
#pragma once

#include <memory>
#include <string>

#include "entente/model.h"
#include "entente/spatial_pce.h"

namespace entente {

class SmpModel : public Model {
 public:
  std::string name() const override { return "smp"; }
  // Presets: "ktab" (KTAB's defaults; the default) and "ktab-compat" (also reproduces KTAB's
  // bargain bugs for InitRcvrInterp/PWCompInterp). RunOptions::params may set any KTAB
  // parameter by name (e.g. VotingRule=Cubic, see SetSmpOption); RunOptions::seed (when
  // non-zero) seeds Stochastic transitions; RunOptions::max_rounds caps the turns.
  Result<ModelRun> Run(const Scenario& scenario, const RunOptions& options) const override;
};

// SmpOptions for a preset name and parameters (as Run resolves them).
Result<SmpOptions> ResolveSmpOptions(const RunOptions& options);

std::unique_ptr<Model> MakeSmpModel();

}  // namespace entente
