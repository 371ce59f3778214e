// A candidate exchange between two actors on a pair of issues, and how its moves and gains are
// computed (Equal Gain, dutch_models.md §4.3) and recomputed after another exchange was
// realised in the same round (§4.5).
//
// Roles: side `a` demands issue p and supplies q (moves towards b on q); side `b` demands q and
// supplies p. In the vectors `a` is the exchange's "i" and `b` its "j".
#pragma once

#include <vector>

#include "entente/exchange.h"
#include "models/exchange/exchange_table.h"
#include "models/exchange/split_mix.h"

namespace entente::exchange {

// What every candidate of a round shares.
struct RoundContext {
  const Table* table = nullptr;
  const Grid* start = nullptr;    // round-start positions x0 [issue][actor]
  std::vector<double> start_sum;  // Σ_i w_id x0_id per issue
  ExchangeVariant variant = ExchangeVariant::kEqualGain;
  double p = 0.0;                            // REX strength
  SplitMix64* rng = nullptr;                 // randomized variants only
  const ExchangeOptions* options = nullptr;  // for tie_break
  int round = 0;                             // 1-based
};

struct Side {
  int actor = -1;
  int supply = -1;  // issue on which this actor moves
  int demand = -1;  // issue on which the partner moves towards this actor
  double round_start = 0.0;
  double x = 0.0;                 // current supply position (updated by realised exchanges, §4.5)
  double target = 0.0;            // partner's round-start position on the supply issue (fixed)
  double move = 0.0;              // signed move
  double y = 0.0;                 // voting position x + move
  double gain = 0.0;              // this actor's utility gain
  double nbs0 = 0.0, nbs1 = 0.0;  // adjusted mean of the supply issue before/after the move
  bool capped = false;            // the overshoot cap applied at some computation
  // Moves inherited from earlier recalculations (§4.5 step 1, with the upstream quirk: the
  // candidate's stale move is kept, the realised exchange's move is not).
  std::vector<double> history;
  double u = 0.0, v = 0.0, z = 0.0, eu_max = 0.0;  // randomized draws
};

// A demand-side update (§4.5 step 2): in this candidate's adjusted means, `actor` stands at
// `value` on `issue`.
struct Update {
  int issue;
  int actor;
  double value;
};

struct Candidate {
  int index = 0;  // creation order within the round
  int p = -1, q = -1;
  bool bc = false;  // groups b×c (else a×d)
  Side a, b;
  double gain = 0.0;           // Equal Gain gain: the ranking key
  double dp = 0.0, dq = 0.0;   // outcome shifts on p and q
  double rate_fraction = 0.5;  // Random Rate: where in the feasible rate range the rate lies
  bool valid = false;
  std::vector<Update> updates;
};

// Initialises a candidate between actor `first` (loop-outer) and `second` on issues (p, q) and
// computes it. Roles follow §4.2: the actor with the higher s_p/s_q ratio demands p; on equal
// ratios `first` does.
Candidate MakeCandidate(const RoundContext& ctx, int index, int p, int q, bool bc, int first,
                        int second);

// (Re)computes moves, gains and validity from the current supply positions (§4.3, §4.10, §4.11).
void Compute(const RoundContext& ctx, Candidate& c);

// Updates `c` after `e` was realised (§4.5) and recomputes it when anything changed; returns
// whether it did.
bool Recalculate(const RoundContext& ctx, const Candidate& e, Candidate& c);

// The exchange-local adjusted weighted mean Õ_u with `side`'s actor at `z` (§4.3 step 9).
double AdjustedMean(const RoundContext& ctx, const Candidate& c, const Side& side, double z);

// Converts to the public record (issue and actor ids, 1-based round).
RealisedExchange ToRecord(const Table& t, const Candidate& c, int round, int seq);

}  // namespace entente::exchange

namespace entente::exchange {

// Helpers shared by the Equal Gain and randomized computations.
struct PairWeights {
  double sAp, sAq, sBp, sBq;  // saliences of a and b on p and q
  double wAq, wBp;            // weights of the movers on their supply issues
  double Dp, Dq;              // weight sums of p and q
  double distA, distB;        // distances of the movers to their targets
  bool usable;                // every weight and denominator is positive
};
PairWeights WeightsOf(const RoundContext& ctx, const Candidate& c);

// Sets the signed moves (magnitudes move_a on q, move_b on p, towards the targets), voting
// positions, shifts and per-side gains G_A = dp·s_Ap − dq·s_Aq, G_B = dq·s_Bq − dp·s_Bp
// (Stokman & Van Oosten 1994; dutch_models.md §4.3 steps 5-7).
void SetMoves(const PairWeights& pw, Candidate& c, double move_a, double move_b, double dp,
              double dq);

// The validity rules of §4.3 step 8 (gain threshold, move sizes, bounds, move history).
bool CheckValid(const Candidate& c);

// §4.3 step 9 for a then b: shortens a move that would push the adjusted outcome past the
// partner's position, keeping the exchange rate dq/dp. With `equal_gain` the ranking gain
// c.gain follows the shortened moves. Returns false if the result is invalid.
bool CapOvershoot(const RoundContext& ctx, const PairWeights& pw, Candidate& c, bool equal_gain);

}  // namespace entente::exchange
