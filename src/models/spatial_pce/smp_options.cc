// SmpOptions and SmpProblem validation and KTAB's enum names (spec §5.10).
#include <cmath>
#include <string>

#include "entente/spatial_pce.h"

namespace entente {
namespace {

// Looks `value` up among the names of enum E (values 0..count-1).
template <typename E>
Status SetEnum(E& out, const std::string& parameter, const std::string& value, int count) {
  std::string known;
  for (int i = 0; i < count; ++i) {
    const E e = static_cast<E>(i);
    if (value == SmpName(e)) {
      out = e;
      return Status::Ok();
    }
    known += (i ? ", " : "") + std::string(SmpName(e));
  }
  return Status::InvalidArgument("SMP parameter " + parameter + ": unknown value '" + value +
                                 "' (expected one of " + known + ")");
}

}  // namespace

const char* SmpName(SmpVotingRule v) {
  static const char* const kNames[] = {"Binary", "PropBin", "Prop", "PropCbc", "Cubic", "ASymProsp"};
  return kNames[static_cast<int>(v)];
}
const char* SmpName(SmpVictoryProbModel v) {
  static const char* const kNames[] = {"Linear", "Square", "Quartic", "Octic", "Binary"};
  return kNames[static_cast<int>(v)];
}
const char* SmpName(SmpPceModel v) {
  static const char* const kNames[] = {"Conditional", "MarkovIncentive", "MarkovUniform"};
  return kNames[static_cast<int>(v)];
}
const char* SmpName(SmpStateTransitions v) {
  static const char* const kNames[] = {"Deterministic", "Stochastic"};
  return kNames[static_cast<int>(v)];
}
const char* SmpName(SmpBigRAdjust v) {
  static const char* const kNames[] = {"None", "OneThird", "Half", "TwoThirds", "Full"};
  return kNames[static_cast<int>(v)];
}
const char* SmpName(SmpBigRRange v) {
  static const char* const kNames[] = {"Min", "Mid", "Max"};
  return kNames[static_cast<int>(v)];
}
const char* SmpName(SmpThirdPartyCommit v) {
  static const char* const kNames[] = {"NoCommit", "SemiCommit", "FullCommit"};
  return kNames[static_cast<int>(v)];
}
const char* SmpName(SmpInterVecBrgn v) {
  static const char* const kNames[] = {"S1P1", "S2P2", "S2PMax"};
  return kNames[static_cast<int>(v)];
}
const char* SmpName(SmpBargnModel v) {
  static const char* const kNames[] = {"InitOnlyInterp", "InitRcvrInterp", "PWCompInterp"};
  return kNames[static_cast<int>(v)];
}

Status SetSmpOption(SmpOptions& o, const std::string& parameter, const std::string& value) {
  if (parameter == "VictoryProbModel") return SetEnum(o.victory_prob_model, parameter, value, 5);
  if (parameter == "PCEModel") return SetEnum(o.pce_model, parameter, value, 3);
  if (parameter == "StateTransitions") return SetEnum(o.state_transitions, parameter, value, 2);
  if (parameter == "VotingRule") return SetEnum(o.voting_rule, parameter, value, 6);
  if (parameter == "BigRAdjust") return SetEnum(o.big_r_adjust, parameter, value, 5);
  if (parameter == "BigRRange") return SetEnum(o.big_r_range, parameter, value, 3);
  if (parameter == "ThirdPartyCommit") return SetEnum(o.third_party_commit, parameter, value, 3);
  if (parameter == "InterVecBrgn") return SetEnum(o.inter_vec_brgn, parameter, value, 3);
  if (parameter == "BargnModel" || parameter == "SMPBargnModel") {
    return SetEnum(o.bargn_model, parameter, value, 3);
  }
  return Status::InvalidArgument(
      "unknown SMP parameter '" + parameter +
      "' (expected VictoryProbModel, PCEModel, StateTransitions, VotingRule, BigRAdjust, "
      "BigRRange, ThirdPartyCommit, InterVecBrgn or BargnModel)");
}

Status SmpOptions::Validate() const {
  if (min_iterations < 1 || max_iterations < min_iterations || max_iterations > 100000) {
    return Status::InvalidArgument("SMP iteration limits must satisfy 1 <= min <= max <= 100000");
  }
  if (!(min_delta_ratio >= 0.0) || !std::isfinite(min_delta_ratio)) {
    return Status::InvalidArgument("SMP min_delta_ratio must be finite and >= 0");
  }
  return Status::Ok();
}

Status SmpProblem::Validate() const {
  const auto n = static_cast<size_t>(num_actors);
  const auto d = static_cast<size_t>(num_dims);
  if (num_actors < 2) return Status::InvalidArgument("the SMP needs at least 2 actors");
  if (num_dims < 1) return Status::InvalidArgument("the SMP needs at least 1 dimension");
  if (capability.size() != n || position.size() != n * d || salience.size() != n * d) {
    return Status::InvalidArgument("SMP input tables have inconsistent sizes");
  }
  if (!accommodation.empty() && accommodation.size() != n * n) {
    return Status::InvalidArgument("the accommodation matrix must be N x N");
  }
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(capability[i]) || capability[i] < 0.0) {
      return Status::InvalidArgument("actor " + std::to_string(i) +
                                     ": capability must be finite and >= 0");
    }
    double total = 0.0;
    for (size_t k = 0; k < d; ++k) {
      const double x = position[i * d + k];
      const double s = salience[i * d + k];
      if (!(x >= 0.0 && x <= 1.0)) {
        return Status::InvalidArgument("actor " + std::to_string(i) +
                                       ": SMP positions must lie in [0,1]");
      }
      if (!(s >= 0.0 && s <= 1.0)) {
        return Status::InvalidArgument("actor " + std::to_string(i) +
                                       ": SMP saliences must lie in [0,1]");
      }
      total += s;
    }
    if (!(total > 0.0) || total > 1.0 + 1e-12) {
      return Status::InvalidArgument("actor " + std::to_string(i) +
                                     ": SMP saliences must sum to a value in (0,1]");
    }
    if (!accommodation.empty()) {
      double row = 0.0;
      for (size_t j = 0; j < n; ++j) {
        const double a = accommodation[i * n + j];
        if (!(a >= 0.0 && a <= 1.0)) {
          return Status::InvalidArgument("accommodation entries must lie in [0,1]");
        }
        row += a;
      }
      if (row > 1.0 + 1e-12) {
        return Status::InvalidArgument("actor " + std::to_string(i) +
                                       ": accommodation row sums must be <= 1");
      }
    }
  }
  return Status::Ok();
}

}  // namespace entente
