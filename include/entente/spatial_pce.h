// KTAB's Spatial Model of Politics (SMP) with probabilistic Condorcet elections (PCE).
//
// A port of the SMP of KAPSARC's KTAB (`smpc`, commit 3b5b063), following the behaviour
// description in shared/models/spatial_pce.md (cited below as "spec §x"). Actors hold positions
// in a D-dimensional space [0,1]^D; each turn every actor challenges the rival it gains most from
// challenging (a Bueno de Mesquita-style expected-utility calculation), the pair is offered an
// interpolated bargain, and every actor adopts the bargain that wins a probabilistic Condorcet
// election among the offers in its queue. The outcome distribution of a state is the PCE over its
// distinct positions.
//
// Entry points: RunSmp() on an SmpProblem (the model's own [0,1] inputs) or the generic Model
// registered as `smp` (src/models/registry.cc), which maps each scenario issue to one dimension.
// docs/models/spatial_pce.md has the equations and the known differences from KTAB.
//
// Thread-safety: every function here is reentrant; nothing holds mutable global state.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "entente/status.h"

namespace entente {

// Spec §5.2 table: how an actor's utility difference Δ becomes a vote (times its weight).
enum class SmpVotingRule { kBinary, kPropBin, kProp, kPropCbc, kCubic, kASymProsp };
// Spec §5.2: victory probability from coalition strengths, C^ν/(C^ν + C'^ν), or Binary (10 %).
enum class SmpVictoryProbModel { kLinear, kSquare, kQuartic, kOctic, kBinary };
// Spec §5.3: how pairwise victory probabilities become outcome probabilities.
enum class SmpPceModel { kConditional, kMarkovIncentive, kMarkovUniform };
// Spec §5.6: adopt the most probable bargain, or draw one from the queue's PCE distribution.
enum class SmpStateTransitions { kDeterministic, kStochastic };
// Spec §5.1 step 4: how much of i's own risk attitude h perceives (None = h projects its own).
enum class SmpBigRAdjust { kNone, kOneThird, kHalf, kTwoThirds, kFull };
// Spec §5.1 step 3: the range risk attitudes are mapped onto (Min [0,1], Mid [-1/2,1], Max [-1,1]).
enum class SmpBigRRange { kMin, kMid, kMax };
// Spec §5.4: where a third party that joined a contest ends up.
enum class SmpThirdPartyCommit { kNoCommit, kSemiCommit, kFullCommit };
// Spec §5.5: bargain interpolation weights, salience^n × probability^m (S2PMax: loser moves).
enum class SmpInterVecBrgn { kS1P1, kS2P2, kS2PMax };
// Spec §5.5: whose view of a challenge produces the bargain(s) put in the queues.
enum class SmpBargnModel { kInitOnlyInterp, kInitRcvrInterp, kPwCompInterp };

// Every SMP parameter. In-class defaults are KTAB's defaults (spec §5.10).
struct SmpOptions {
  SmpVictoryProbModel victory_prob_model = SmpVictoryProbModel::kLinear;
  SmpPceModel pce_model = SmpPceModel::kConditional;
  SmpStateTransitions state_transitions = SmpStateTransitions::kDeterministic;
  SmpVotingRule voting_rule = SmpVotingRule::kProp;
  SmpBigRAdjust big_r_adjust = SmpBigRAdjust::kOneThird;
  SmpBigRRange big_r_range = SmpBigRRange::kMid;
  SmpThirdPartyCommit third_party_commit = SmpThirdPartyCommit::kSemiCommit;
  SmpInterVecBrgn inter_vec_brgn = SmpInterVecBrgn::kS2P2;
  SmpBargnModel bargn_model = SmpBargnModel::kInitOnlyInterp;
  // KTAB bug compatibility (spec §5.5 "Bugs"): when true, the receiver's view of a bargain uses
  // the ΔEU element instead of the victory probability (smpbcn.cpp:423) and PWCompInterp weighs
  // both views by the initiator's capability (smpbcn.cpp:430). Affects only InitRcvrInterp and
  // PWCompInterp. false = the intended behaviour.
  bool ktab_bargain_bugs = false;
  // Seed of the SplitMix64 generator used by Stochastic transitions (KTAB's default seed).
  std::uint64_t seed = 0xD67CC16FE69C185CULL;
  // Stopping rule (spec §5.9; KTAB hard-codes these).
  int min_iterations = 2;
  int max_iterations = 100;
  double min_delta_ratio = 0.02;
  // Record per-estimator outcome probabilities and the bargain tables of every turn (costly:
  // O(N^4) per turn for the estimators). The default records only what the result needs.
  bool record_detail = false;
  // Polled before every turn; when it returns true RunSmp returns Status::Interrupted
  // (RunOptions::cancel). Unset = never.
  std::function<bool()> cancel;

  // InvalidArgument when an iteration limit is out of range.
  Status Validate() const;
};

// Enum <-> KTAB's names (the spellings KTAB's XML reader accepts, e.g. "Prop", "None").
const char* SmpName(SmpVotingRule v);
const char* SmpName(SmpVictoryProbModel v);
const char* SmpName(SmpPceModel v);
const char* SmpName(SmpStateTransitions v);
const char* SmpName(SmpBigRAdjust v);
const char* SmpName(SmpBigRRange v);
const char* SmpName(SmpThirdPartyCommit v);
const char* SmpName(SmpInterVecBrgn v);
const char* SmpName(SmpBargnModel v);
// Sets one option from its KTAB parameter name ("VotingRule", "BargnModel", ...) and value
// name. InvalidArgument naming the accepted values when either is unknown.
Status SetSmpOption(SmpOptions& options, const std::string& parameter, const std::string& value);

// The SMP's own input: everything on KTAB's internal [0,1] scale.
struct SmpProblem {
  int num_actors = 0;
  int num_dims = 0;
  std::vector<double> capability;  // [actor], >= 0
  std::vector<double> position;    // [actor * num_dims + dim], in [0,1]
  std::vector<double> salience;    // [actor * num_dims + dim], >= 0, actor sums in (0,1]
  // Accommodation matrix a_ij, [i * num_actors + j] (spec §5.8); empty = identity.
  std::vector<double> accommodation;

  // InvalidArgument describing the first violated constraint.
  Status Validate() const;
};

// One bargain offered in a turn (spec §5.5).
struct SmpBargain {
  int init = 0;                  // initiator i
  int recd = 0;                  // receiver j (== init for a status-quo pseudo-bargain)
  double value = 0.0;            // the initiator's ΔEU of the challenge; 0 for a status quo
  double prob = 0.0;             // P^i[i ≻ j], the initiator's estimate of winning
  std::vector<double> init_pos;  // offered to the initiator; empty for a status quo
  std::vector<double> recd_pos;  // offered to the receiver
};

// Bargain-level detail of one turn (only with SmpOptions::record_detail).
struct SmpTurnDetail {
  std::vector<SmpBargain> bargains;             // in queue-construction order
  std::vector<std::vector<int>> queue;          // queue[k] = indices into bargains
  std::vector<std::vector<double>> queue_prob;  // PCE probability of each queue entry
  std::vector<int> chosen;                      // chosen[k] = index into bargains
  // bargain_util[b][a] = U_a(b), actor a's value of bargain b (spec §5.6).
  std::vector<std::vector<double>> bargain_util;
};

// State t of a run (state 0 = the input).
struct SmpStateRecord {
  std::vector<double> position;  // [actor * num_dims + dim], [0,1]
  std::vector<double> ideal;     // same layout
  std::vector<double> risk;      // R_i (spec §5.1 step 3)
  // Outcome probability of each actor's position when every actor votes with its own utilities
  // (KTAB's pDist(-1), printed in its history); actors on one (merged) position share it.
  std::vector<double> outcome_prob;
  std::vector<int> equiv;  // lowest actor index whose position is within 1e-3 of this one
  // [estimator][actor]: the same probabilities as estimated by each actor h (record_detail).
  std::vector<std::vector<double>> outcome_prob_by_estimator;
  SmpTurnDetail detail;  // the round that starts from this state (record_detail; not the last)
};

struct SmpResult {
  std::vector<SmpStateRecord> states;  // states[0] = input; states.size() - 1 turns were run
  bool stopped_by_rule = false;  // the relative-movement rule stopped it (not the iteration cap)
  std::string message;
};

// Runs the SMP to its stopping rule. InvalidArgument for an invalid problem or options.
Result<SmpResult> RunSmp(const SmpProblem& problem, const SmpOptions& options);

}  // namespace entente
