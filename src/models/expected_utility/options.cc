// ExpectedUtilityOptions: validation, the four presets and the `--param name=value` overrides.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "entente/expected_utility.h"

namespace entente {

namespace {

template <typename E>
using Names = std::vector<std::pair<const char*, E>>;

const Names<TRule>& TRuleNames() {
  static const Names<TRule> n = {{"constant", TRule::kConstant}, {"geometric", TRule::kGeometric}};
  return n;
}
const Names<NoChallengeSign>& SignNames() {
  static const Names<NoChallengeSign> n = {{"subtract", NoChallengeSign::kSubtract},
                                           {"add-masad", NoChallengeSign::kAddMasad}};
  return n;
}
const Names<MedianRule>& MedianNames() {
  static const Names<MedianRule> n = {{"weighted-median", MedianRule::kWeightedMedian},
                                      {"borda", MedianRule::kBorda},
                                      {"weighted-mean", MedianRule::kWeightedMean}};
  return n;
}
const Names<ProbabilityDenominator>& DenominatorNames() {
  static const Names<ProbabilityDenominator> n = {
      {"contest-votes", ProbabilityDenominator::kContestVotes},
      {"all-pairs", ProbabilityDenominator::kAllPairs}};
  return n;
}
const Names<ProbabilityNumerator>& NumeratorNames() {
  static const Names<ProbabilityNumerator> n = {
      {"positive-votes", ProbabilityNumerator::kPositiveVotes},
      {"net-votes", ProbabilityNumerator::kNetVotes}};
  return n;
}
const Names<VoteRisk>& VoteRiskNames() {
  static const Names<VoteRisk> n = {{"linear", VoteRisk::kLinear},
                                    {"voter-risk", VoteRisk::kVoterRisk}};
  return n;
}
const Names<OtherSidePerspective>& PerspectiveNames() {
  static const Names<OtherSidePerspective> n = {{"perceiver", OtherSidePerspective::kPerceiver},
                                                {"own", OtherSidePerspective::kOwn}};
  return n;
}
const Names<OtherSideSalience>& SalienceNames() {
  static const Names<OtherSideSalience> n = {{"target", OtherSideSalience::kTarget},
                                             {"challenger", OtherSideSalience::kChallenger}};
  return n;
}
const Names<OtherSideMedian>& OtherMuNames() {
  static const Names<OtherSideMedian> n = {{"challenger", OtherSideMedian::kChallenger},
                                           {"target", OtherSideMedian::kTarget}};
  return n;
}

const Names<SamePositionOffers>& SamePositionNames() {
  static const Names<SamePositionOffers> n = {{"skip", SamePositionOffers::kSkip},
                                              {"classify", SamePositionOffers::kClassify}};
  return n;
}

const Names<CompromisePoint>& CompromiseNames() {
  static const Names<CompromisePoint> n = {{"fraction", CompromisePoint::kFraction},
                                           {"weighted", CompromisePoint::kWeighted}};
  return n;
}
const Names<OfferSelection>& SelectionNames() {
  static const Names<OfferSelection> n = {{"least-move", OfferSelection::kLeastMove},
                                          {"scholz-code", OfferSelection::kScholzCode},
                                          {"max-sender-eu", OfferSelection::kMaxSenderEu}};
  return n;
}
const Names<CapitulationRule>& CapitulationNames() {
  static const Names<CapitulationRule> n = {{"fires", CapitulationRule::kFires},
                                            {"never", CapitulationRule::kNever}};
  return n;
}
const Names<DegenerateSecurity>& DegenerateNames() {
  static const Names<DegenerateSecurity> n = {{"risk-one", DegenerateSecurity::kRiskOne},
                                              {"risk-zero", DegenerateSecurity::kRiskZero},
                                              {"halt", DegenerateSecurity::kHalt}};
  return n;
}

template <typename E>
const char* NameOf(const Names<E>& names, E value) {
  for (const auto& [name, v] : names) {
    if (v == value) return name;
  }
  return "?";
}

template <typename E>
Status ParseEnum(const Names<E>& names, const std::string& key, const std::string& text, E* out) {
  std::string accepted;
  for (const auto& [name, v] : names) {
    if (text == name) {
      *out = v;
      return Status::Ok();
    }
    accepted += (accepted.empty() ? "" : ", ") + std::string(name);
  }
  return Status::InvalidArgument("eum parameter " + key + "='" + text +
                                 "' is not one of: " + accepted);
}

Status ParseDouble(const std::string& key, const std::string& text, double* out) {
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || errno != 0 || !std::isfinite(v)) {
    return Status::InvalidArgument("eum parameter " + key + "='" + text + "' is not a number");
  }
  *out = v;
  return Status::Ok();
}

// The shortest of %.15g–%.17g that reads back as v (1e-06, not 9.9999999999999995e-07).
std::string Number(double v) {
  char buf[32];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

}  // namespace

Status ExpectedUtilityOptions::Validate() const {
  if (!(q >= 0.0 && q <= 1.0)) return Status::InvalidArgument("eum: q must be in [0, 1]");
  if (!(t >= 0.0 && t <= 1.0)) return Status::InvalidArgument("eum: t must be in [0, 1]");
  if (!(zero_threshold >= 0.0 && std::isfinite(zero_threshold))) {
    return Status::InvalidArgument("eum: zero_threshold must be finite and >= 0");
  }
  if (max_rounds < 1) return Status::InvalidArgument("eum: max_rounds must be >= 1");
  if (!(tolerance > 0.0 && tolerance < 1.0)) {
    return Status::InvalidArgument(
        "eum: tolerance must be a fraction of the scale width in (0, 1), e.g. 1e-4");
  }
  return Status::Ok();
}

Result<ExpectedUtilityOptions> ExpectedUtilityPreset(std::string_view name) {
  ExpectedUtilityOptions o;  // the in-class defaults are the `bdm` preset
  if (name == "bdm" || name.empty()) return o;
  if (name == "scholz-code") {
    // jmckib/bdm-scholz-expected-utility-model: Scholz's code as ported by jmckib.
    o.denominator = ProbabilityDenominator::kAllPairs;
    o.vote_risk = VoteRisk::kVoterRisk;
    o.perspective = OtherSidePerspective::kPerceiver;
    o.selection = OfferSelection::kScholzCode;
    o.capitulation = CapitulationRule::kNever;
    o.max_rounds = 10;
    o.stop_early = false;
    return o;
  }
  if (name == "masad") {
    // dmasad/BDM_DecisionModel_Replication, GroupDecisionModel.py.
    o.numerator = ProbabilityNumerator::kNetVotes;
    o.selection = OfferSelection::kMaxSenderEu;
    o.degenerate = DegenerateSecurity::kHalt;
    o.no_challenge_sign = NoChallengeSign::kAddMasad;
    o.median = MedianRule::kWeightedMean;
    o.max_rounds = 10;
    o.stop_early = false;
    return o;
  }
  if (name == "scholz-equations") {
    // decisionmechanics/eum (Issue.cs, Challenge.cs): the printed equations, literally.
    o.other_salience = OtherSideSalience::kChallenger;
    // Both only act at q < 1; with them emission_eumq05 is exact (docs/models/expected_utility.md).
    o.other_mu = OtherSideMedian::kTarget;
    o.same_position = SamePositionOffers::kClassify;
    o.compromise = CompromisePoint::kWeighted;
    o.degenerate = DegenerateSecurity::kRiskZero;
    o.zero_threshold = 1e-4;
    o.median = MedianRule::kBorda;
    o.t_rule = TRule::kGeometric;
    o.max_rounds = 10;
    o.stop_early = false;
    return o;
  }
  return Status::InvalidArgument("unknown eum preset '" + std::string(name) +
                                 "'; known presets: bdm, scholz-code, masad, scholz-equations");
}

std::map<std::string, std::string> DescribeExpectedUtilityOptions(const ExpectedUtilityOptions& o) {
  return {{"q", Number(o.q)},
          {"t", Number(o.t)},
          {"t_rule", NameOf(TRuleNames(), o.t_rule)},
          {"sign", NameOf(SignNames(), o.no_challenge_sign)},
          {"median", NameOf(MedianNames(), o.median)},
          {"denominator", NameOf(DenominatorNames(), o.denominator)},
          {"numerator", NameOf(NumeratorNames(), o.numerator)},
          {"vote_risk", NameOf(VoteRiskNames(), o.vote_risk)},
          {"perspective", NameOf(PerspectiveNames(), o.perspective)},
          {"other_salience", NameOf(SalienceNames(), o.other_salience)},
          {"other_mu", NameOf(OtherMuNames(), o.other_mu)},
          {"same_position", NameOf(SamePositionNames(), o.same_position)},
          {"compromise", NameOf(CompromiseNames(), o.compromise)},
          {"selection", NameOf(SelectionNames(), o.selection)},
          {"capitulation", NameOf(CapitulationNames(), o.capitulation)},
          {"degenerate", NameOf(DegenerateNames(), o.degenerate)},
          {"zero_threshold", Number(o.zero_threshold)},
          {"max_rounds", std::to_string(o.max_rounds)},
          {"tolerance", Number(o.tolerance)},
          {"stop_early", o.stop_early ? "true" : "false"}};
}

Result<ExpectedUtilityOptions> ApplyExpectedUtilityParams(
    ExpectedUtilityOptions o, const std::map<std::string, std::string>& params) {
  for (const auto& [key, value] : params) {
    Status st;
    if (key == "q") {
      st = ParseDouble(key, value, &o.q);
    } else if (key == "t") {
      st = ParseDouble(key, value, &o.t);
    } else if (key == "zero_threshold") {
      st = ParseDouble(key, value, &o.zero_threshold);
    } else if (key == "tolerance") {
      st = ParseDouble(key, value, &o.tolerance);
    } else if (key == "max_rounds") {
      double v = 0.0;
      st = ParseDouble(key, value, &v);
      if (st.ok() && (v != std::floor(v) || v < 1 || v > 1e9)) {
        st = Status::InvalidArgument("eum parameter max_rounds='" + value +
                                     "' is not a positive whole number");
      }
      if (st.ok()) o.max_rounds = static_cast<int>(v);
    } else if (key == "stop_early") {
      if (value == "true" || value == "false") {
        o.stop_early = value == "true";
      } else {
        st = Status::InvalidArgument("eum parameter stop_early='" + value +
                                     "' is not one of: true, false");
      }
    } else if (key == "t_rule") {
      st = ParseEnum(TRuleNames(), key, value, &o.t_rule);
    } else if (key == "sign") {
      st = ParseEnum(SignNames(), key, value, &o.no_challenge_sign);
    } else if (key == "median") {
      st = ParseEnum(MedianNames(), key, value, &o.median);
    } else if (key == "denominator") {
      st = ParseEnum(DenominatorNames(), key, value, &o.denominator);
    } else if (key == "numerator") {
      st = ParseEnum(NumeratorNames(), key, value, &o.numerator);
    } else if (key == "vote_risk") {
      st = ParseEnum(VoteRiskNames(), key, value, &o.vote_risk);
    } else if (key == "perspective") {
      st = ParseEnum(PerspectiveNames(), key, value, &o.perspective);
    } else if (key == "other_salience") {
      st = ParseEnum(SalienceNames(), key, value, &o.other_salience);
    } else if (key == "other_mu") {
      st = ParseEnum(OtherMuNames(), key, value, &o.other_mu);
    } else if (key == "same_position") {
      st = ParseEnum(SamePositionNames(), key, value, &o.same_position);
    } else if (key == "compromise") {
      st = ParseEnum(CompromiseNames(), key, value, &o.compromise);
    } else if (key == "selection") {
      st = ParseEnum(SelectionNames(), key, value, &o.selection);
    } else if (key == "capitulation") {
      st = ParseEnum(CapitulationNames(), key, value, &o.capitulation);
    } else if (key == "degenerate") {
      st = ParseEnum(DegenerateNames(), key, value, &o.degenerate);
    } else {
      std::string known;
      for (const auto& [name, unused] : DescribeExpectedUtilityOptions(o)) {
        known += (known.empty() ? "" : ", ") + name;
      }
      return Status::InvalidArgument("unknown eum parameter '" + key +
                                     "'; known parameters: " + known);
    }
    if (!st.ok()) return st;
  }
  if (Status st = o.Validate(); !st.ok()) return st;
  return o;
}

}  // namespace entente
