// Challenges and bargains (spec §5.4–5.5): h's estimate of what i challenging j is worth to k,
// each actor's best target, and the bargain interpolated between two positions.
#pragma once

#include <vector>

#include "models/spatial_pce/smp_state.h"

namespace entente::smp {

// h's estimate of i challenging j, as it affects k (SMPState::probEduChlg).
struct ChallengeEstimate {
  double prob = 0.0;     // P^h[i ≻ j]
  double util_sq = 0.0;  // U_SQ = u_ki + u_kj
  double util_vict = 0.0;   // U_vict = 2 u_ki
  double util_contest = 0.0;  // P·2u_ki + (1−P)·2u_kj
  double util_chlg = 0.0;     // (1 − s_j) U_vict + s_j U_contest
  double delta() const { return util_chlg - util_sq; }  // ΔEU
};

ChallengeEstimate EstimateChallenge(const StateView& s, int h, int k, int i, int j);

// i's best target: argmax_j ΔEU^i_i(i→j) when above minSigEDU = 1e-5, else -1 (spec §5.4.5).
struct BestTarget {
  int target = -1;
  ChallengeEstimate estimate;
};
BestTarget BestChallenge(const StateView& s, int i);

// The bargain between i and j when i's win probability is p_i (spec §5.5, interpolateBrgn):
// fills the position offered to i and to j.
void InterpolateBargain(const StateView& s, int i, int j, double p_i, std::vector<double>& to_i,
                        std::vector<double>& to_j);

}  // namespace entente::smp
