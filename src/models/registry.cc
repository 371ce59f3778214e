// The table of models. Adding a model: implement entente::Model in its own folder under
// src/models/, then add one entry below.
#include <string>

#include "entente/model.h"
#include "models/spatial_pce/smp_model.h"

namespace entente {

const char* StopReasonName(StopReason reason) {
  switch (reason) {
    case StopReason::kConverged: return "converged";
    case StopReason::kTwoCycle: return "two-cycle";
    case StopReason::kRoundCap: return "round cap";
    case StopReason::kHalted: return "halted";
    case StopReason::kStatic: return "static";
  }
  return "unknown";
}

const std::vector<ModelInfo>& ModelRegistry() {
  static const std::vector<ModelInfo> registry = {
      // {name, description, presets, factory} — one line per model.
      {"smp", "KTAB's spatial model of politics with probabilistic Condorcet elections",
       {{"ktab", "KTAB's default parameters"},
        {"ktab-compat", "KTAB defaults plus KTAB's InitRcvrInterp/PWCompInterp bargain bugs"}},
       MakeSmpModel},
  };
  return registry;
}

Result<const ModelInfo*> FindModel(const std::string& name) {
  std::string known;
  for (const ModelInfo& info : ModelRegistry()) {
    if (info.name == name) return &info;
    known += (known.empty() ? "" : ", ") + info.name;
  }
  return Status::InvalidArgument("unknown model '" + name + "'; known models: " + known +
                                 " (see `entente models`)");
}

}  // namespace entente
