// Expected utility model (EUM): Bueno de Mesquita's challenge model as formalised by Scholz,
// Calbert & Smith (2011, ICAART version; "Sch eq. N" below), with every published reading of
// its ambiguities (A1–A13 in shared/models/expected_utility.md) as a named option.
//
// One core, four presets:
//  * "bdm" (default): the paper's equations with the known bugs fixed;
//  * "scholz-code": the jmckib port of Scholz's own code (matches the paper's figures);
//  * "masad": dmasad's GroupDecisionModel reading;
//  * "scholz-equations": decisionmechanics/eum, the literal equations (with its quirks).
// docs/models/expected_utility.md lists what each preset sets and why.
//
// Thread-safety: plain values and pure functions; safe to call from many threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "entente/model.h"
#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

// A2: the denominator of the probability of success P_ij.
enum class ProbabilityDenominator {
  kContestVotes,  // Σ_k |v_k(i,j)| — Sch eq. (30); P_ij + P_ji = 1
  kAllPairs,      // Σ_k Σ_a Σ_b |v_k(a,b)| — Scholz's code (jmckib); P tiny
};

// The numerator of P_ij.
enum class ProbabilityNumerator {
  kPositiveVotes,  // Σ_k max(0, v_k(i,j)) — Sch eq. (30)
  kNetVotes,       // max(0, Σ_k v_k(i,j)) — dmasadgdm
};

// A3: whether a voter's risk exponent enters its pairwise vote.
enum class VoteRisk {
  kLinear,     // v_k = c_k s_k (d_kj − d_ki) — Sch eqs. (28), (31)
  kVoterRisk,  // v_k = c_k s_k (d_kj^{r_k} − d_ki^{r_k}) — jmckib
};

// A1: whose risk exponent evaluates the counterpart's EU of challenging i.
enum class OtherSidePerspective {
  kPerceiver,  // E^i(U_ji) with r_i (jmckib; Sch Figs 7–9)
  kOwn,        // E^j(U_ji) with r_j (Sch §6.1, Appendix step 11; eum, dmasadgdm)
};

// A11: the resisting probability in the counterpart's EU of challenging i (Sch eq. 25b).
enum class OtherSideSalience {
  kTarget,      // s_i, the target's salience (Sch eq. 6 swapped; the paper's figures)
  kChallenger,  // s_j, as eq. 25b is printed (eum)
};

// A7: whose distance to μ sets U^b, U^w and the geometric T in the counterpart's EU of
// challenging i (the other side, Sch eq. 25b). Only read when Q < 1.
enum class OtherSideMedian {
  kChallenger,  // |x_j − μ|: eq. (25a) with i and j swapped (Sch eqs. 18, 19)
  kTarget,      // |x_i − μ|: the actor weighing the offer (eum; spec §5, "eum vs the papers")
};

// A12: whether a partner at i's own position takes part in i's offer choice.
enum class SamePositionOffers {
  kSkip,      // no offers between actors at the same position (jmckib, dmasadgdm)
  kClassify,  // classified like any pair (eum): its proposal moves i nowhere but can win the
              // selection (category, then least move) and so keep i in place. With Q = 1 such
              // a pair's E(U) is 0 and this changes nothing.
};

// A7: the probability T that things improve absent a challenge.
enum class TRule {
  kConstant,   // T = options.t for every pair (Sch Fig. 11 needs T = 1)
  kGeometric,  // T = 1 iff |x_i − μ| < |x_i − x_j|, else 0 (Sch p. 22; Eftekhari 2014 §2.6)
};

// A7: the sign of the (1 − Q) no-challenge term.
enum class NoChallengeSign {
  kSubtract,  // − {Q U^sq + (1 − Q)[T U^b + (1 − T) U^w]} — Sch eq. (25a)
  kAddMasad,  // − Q U^sq + (1 − Q)[…] — dmasadgdm's sign bug
};

// A5: the median voter μ used by U^b, U^w and the geometric T.
enum class MedianRule {
  kWeightedMedian,  // c·s-weighted median of current positions (the Condorcet winner)
  kBorda,           // argmax_a Σ_b Σ_k v_k(a,b), first actor on ties (eum)
  kWeightedMean,    // c·s-weighted mean (dmasadgdm's second pass)
};

// A8: where a compromising actor moves.
enum class CompromisePoint {
  kFraction,  // x_i + (x_j − x_i)|E_ij / E_ji| — Sch eq. (36)
  kWeighted,  // (|E_ij| x_i + |E_ji| x_j) / (|E_ij| + |E_ji|) — eum
};

// A9: which of several proposals an actor accepts.
enum class OfferSelection {
  kLeastMove,    // conflict lost > compromise > capitulation, then least |Δx| (Sch §6.2)
  kScholzCode,   // as kLeastMove, but compromises by least weighted position (jmckib quirk)
  kMaxSenderEu,  // only the challenge with the largest sender EU, ties least distance (masad)
};

// A10: whether capitulation (b > 0 > a, b < |a|) ever fires.
enum class CapitulationRule {
  kFires,  // i moves fully to x_j (Sch Fig. 6)
  kNever,  // jmckib's typo `eu_ji < abs(eu_ji)`: never
};

// A12: what to do when every security level is equal (R_i = 0/0, Sch eq. 34).
enum class DegenerateSecurity {
  kRiskOne,   // r_i = 1 for everyone (risk-neutral)
  kRiskZero,  // r_i = 0 for everyone (eum's behaviour; makes every EU zero)
  kHalt,      // stop the run (dmasadgdm raises ZeroDivisionError)
};

struct ExpectedUtilityOptions {
  double q = 1.0;  // Q: probability the status quo persists absent a challenge (Sch p. 26: 1.0)
  double t = 1.0;  // T when t_rule == kConstant
  TRule t_rule = TRule::kConstant;                                 // A7
  NoChallengeSign no_challenge_sign = NoChallengeSign::kSubtract;  // A7 (masad sign bug)
  MedianRule median = MedianRule::kWeightedMedian;                 // A5, for μ
  ProbabilityDenominator denominator = ProbabilityDenominator::kContestVotes;  // A2
  ProbabilityNumerator numerator = ProbabilityNumerator::kPositiveVotes;       // A2 (masad)
  VoteRisk vote_risk = VoteRisk::kLinear;                                      // A3
  OtherSidePerspective perspective = OtherSidePerspective::kOwn;               // A1
  OtherSideSalience other_salience = OtherSideSalience::kTarget;               // A11
  OtherSideMedian other_mu = OtherSideMedian::kChallenger;                     // A7 (Q < 1)
  SamePositionOffers same_position = SamePositionOffers::kSkip;                // A12
  CompromisePoint compromise = CompromisePoint::kFraction;                     // A8
  OfferSelection selection = OfferSelection::kLeastMove;                       // A9
  CapitulationRule capitulation = CapitulationRule::kFires;                    // A10
  DegenerateSecurity degenerate = DegenerateSecurity::kRiskOne;                // A12
  double zero_threshold = 0.0;  // |E| below this counts as 0 when classifying (eum: 1e-4)
  int max_rounds = 100;         // default round cap (RunOptions::max_rounds overrides)
  // Convergence (and the cycle test): every position moved less than this fraction of the
  // scale width (1e-6 of 0–100 is 0.0001 points); RunOptions::tolerance overrides when > 0.
  double tolerance = 1e-6;
  bool stop_early = true;  // stop on convergence or a two-cycle before the round cap

  // InvalidArgument naming the offending field when a value is out of range.
  Status Validate() const;
};

// "bdm", "scholz-code", "masad" or "scholz-equations"; InvalidArgument otherwise.
Result<ExpectedUtilityOptions> ExpectedUtilityPreset(std::string_view name);

// Applies RunOptions::params ("q=0.5", "t_rule=geometric", ...) on top of `base`; an unknown
// name or a bad value gives InvalidArgument naming the known parameters / accepted values.
Result<ExpectedUtilityOptions> ApplyExpectedUtilityParams(
    ExpectedUtilityOptions base, const std::map<std::string, std::string>& params);

// Every option as name → value text (the keys ApplyExpectedUtilityParams accepts).
std::map<std::string, std::string> DescribeExpectedUtilityOptions(
    const ExpectedUtilityOptions& options);

// Runs the EUM on one issue. Rounds: RunOptions::max_rounds if > 0, else options.max_rounds.
// Timed events (events.h): every enabled event with round k > 0 is applied to the working table
// (ApplyEventToTable) just before round k is computed; Δ then widens if positions left the
// initial range. Round-0 events must already be applied (ApplyEvents).
// REQUIRES: options.Validate().ok(); table sizes agree; salience on [0, 1]; capability >= 0.
IssueResult RunExpectedUtility(const IssueTable& table, const ExpectedUtilityOptions& options,
                               const RunOptions& run, const std::vector<Event>& events = {});

}  // namespace entente
