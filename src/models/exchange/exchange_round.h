// One round of the exchange model (dutch_models.md §4.1-§4.8): build the candidate exchanges
// from the round-start positions, execute them greedily, then move the start positions towards
// the voting positions.
//
// Order of moves within a round, written out in RunRound: all candidates are created at once
// from the round-start outcome; then, one at a time, the best remaining candidate is realised
// and every other candidate is recalculated against it. Voting positions apply at the end of
// the round, simultaneously for all actors.
#pragma once

#include <vector>

#include "entente/exchange.h"
#include "models/exchange/candidate.h"
#include "models/exchange/exchange_table.h"

namespace entente::exchange {

struct RoundResult {
  std::vector<Candidate> realised;  // in execution order
  std::vector<Candidate> initial;   // every candidate as created (when asked for)
  Grid voting;                      // voting positions at the end of the round
};

// Creates the candidates of a round in upstream order (§4.2): issue pairs (p, q) in scenario
// order, then groups a×d (i outer, j inner), then b×c.
std::vector<Candidate> BuildCandidates(const RoundContext& ctx);

// Runs the selection loop (§4.4) and returns the realised exchanges and voting positions (§4.6).
RoundResult RunRound(const RoundContext& ctx, bool keep_initial);

// §4.8: x' = x0 + (fw + sw·(1 − s))·(y − x0) for every stance whose voting position moved.
Grid NextStart(const Table& t, const Grid& start, const Grid& voting, double fixed_weight,
               double salience_weight);

}  // namespace entente::exchange
