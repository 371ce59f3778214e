// One SMP round as KTAB's SMPState::doBCN builds it (spec §5.5–5.6): every actor's bargain
// proposal, the bargain queues, and the resolution of one queue by a probabilistic Condorcet
// election. RunSmp (turn.cc) chains rounds; the golden tests replay single rounds from KTAB's
// own states and queue orders.
#pragma once

#include <vector>

#include "entente/spatial_pce.h"
#include "models/spatial_pce/smp_state.h"

namespace entente::smp {

// The offers of one round: one status-quo pseudo-bargain per actor (init = recd = k, in actor
// order), then the proposals in initiator order (SMPState::doBCN; with InitRcvrInterp two per
// challenge, i's view first). bargain_util[b][a] = U_a(b), actor a's value of bargain b (§5.6).
struct Round {
  std::vector<SmpBargain> bargains;
  std::vector<std::vector<double>> bargain_util;
};
Round ProposeRound(const StateView& s);

// entente's queues: queue[k] = k's status quo, then every proposal k takes part in (as initiator
// or receiver), in proposal order. KTAB fills its queues in its threads' finishing order instead,
// which is not reproducible (docs/models/spatial_pce.md, "Queue order").
std::vector<std::vector<int>> StandardQueues(const std::vector<SmpBargain>& bargains, int n);

// The PCE probability of each entry of one queue (indices into round.bargains, in queue order),
// every actor voting with its value of each bargain and its capability as weight (§5.6). With an
// asymmetric voting rule (ASymProsp) the result depends on the order of the queue.
std::vector<double> QueueProbabilities(const StateView& s, const Round& round,
                                       const std::vector<int>& queue);

// Deterministic transition: the first entry with the highest probability.
int MostProbable(const std::vector<double>& p);

}  // namespace entente::smp
