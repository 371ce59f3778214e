// The randomized exchange variants: randomized Equal Gain ("REX", Dijkstra, Van Assen, Stokman
// & Draaijer 2018 draft; dutch_models.md §4.10) and Random Rate (§4.11).
#pragma once

#include "models/exchange/candidate.h"

namespace entente::exchange {

// The largest gain the actor on `side` (a or b) can get from this exchange: the partner gains
// nothing (the rate sits at the partner's end of the feasible range) and the exchange is as
// large as the movers' distances allow. Used as eu_max by REX.
double MaximumGain(const PairWeights& pw, bool for_a);

// REX: after a valid, capped Equal Gain solution, draws u, v, z ~ U(0,1); K = a if u < 0.5
// else b; K's gain becomes G + p·z·(eu_max_K − G) if v < 0.5, else G − p·z·G; K makes its full
// move and the partner's move follows from K's gain. Keeps c.gain (the EG gain, the ranking
// key). Returns whether the result is valid.
bool SplitRandomized(const RoundContext& ctx, const PairWeights& pw, Candidate& c);

// Random Rate: the exchange rate ρ = dq/dp lies at c.rate_fraction of the range
// [s_Bp/s_Bq, s_Ap/s_Aq] in which both partners gain (dutch_models.md §4.11); b makes its full
// move unless a's move would then be too long. Sets c.gain = min(G_A, G_B). Returns validity.
bool SolveRandomRate(const RoundContext& ctx, const PairWeights& pw, Candidate& c);

}  // namespace entente::exchange
