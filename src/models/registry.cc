// The table of models. Adding a model: implement entente::Model in its own folder under
// src/models/, then add one entry below.
#include <string>

#include "entente/model.h"
#include "models/exchange/exchange_model.h"
#include "models/nash/nash_model.h"

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
      {"exchange",
       "Stokman & Van Oosten's position-exchange model (Decide), multi-issue",
       {{"equal-gain", "both partners gain the same utility (Stokman & Van Oosten 1994)"},
        {"randomized", "randomized Equal Gain, REX (Dijkstra et al. 2018), param p"},
        {"random-rate", "rate drawn within the range where both gain; bilateral matching"}},
       MakeExchangeModel},
      {"nash", "Nash bargaining solution with the status quo as disagreement point, per issue",
       {{"quadratic", "quadratic spatial utility -s(x-O)^2 (dutch_models.md §3)"},
        {"linear", "linear spatial utility -s|x-O|"}},
       MakeNashModel},
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
