// The table of models. Adding a model: implement entente::Model in its own folder under
// src/models/, then add one entry below.
#include <string>

#include "entente/model.h"
#include "models/baselines/baselines.h"
#include "models/expected_utility/eum_model.h"
#include "models/spatial_pce/smp_model.h"
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
    case StopReason::kCycle: return "cycle";
  }
  return "unknown";
}

Status CancelledStatus(const std::string& model, int round, const std::string& issue_id) {
  return Status::Interrupted(model + ": interrupted before round " + std::to_string(round) +
                             (issue_id.empty() ? "" : " of issue '" + issue_id + "'"));
}

const std::vector<ModelInfo>& ModelRegistry() {
  static const std::vector<ModelInfo> registry = {
      // {name, description, presets, factory} — one line per model.
      {"eum",
       "Bueno de Mesquita's expected utility (challenge) model, per Scholz et al. 2011",
       {{"bdm", "the paper's equations with the known bugs fixed (default)"},
        {"scholz-code", "Scholz's own code as ported by jmckib; matches the paper's figures"},
        {"masad", "dmasad's GroupDecisionModel reading (max-sender-EU offers)"},
        {"scholz-equations", "decisionmechanics/eum: the printed equations, literally"}},
       MakeExpectedUtilityModel},
      // clang-format off
      {"compromise", "baseline: capability x salience weighted mean (Achen 2006; Van den Bos 1991)", {}, MakeCompromiseModel},
      {"weighted-median", "baseline: capability x salience weighted median (lower point)", {}, MakeWeightedMedianModel},
      {"mean", "baseline: unweighted mean of the stated positions", {}, MakeMeanModel},
      {"median", "baseline: unweighted lower median of the stated positions", {}, MakeMedianModel},
      {"salience-mean", "baseline: salience-only weighted mean of the stated positions", {}, MakeSalienceMeanModel},
      // clang-format on
      {"smp", "KTAB's spatial model of politics with probabilistic Condorcet elections",
       {{"ktab", "KTAB's default parameters"},
        {"ktab-compat", "KTAB defaults plus KTAB's InitRcvrInterp/PWCompInterp bargain bugs"}},
       MakeSmpModel},
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
