// Risk exponents: each actor's security level and the exponent r_i it implies (Scholz et al.
// 2011, eqs. 32–34, Appendix steps 7–9; BdM 1985).
//
// Thread-safety: pure function of its arguments (the Contest is re-prepared).
#pragma once

#include <vector>

#include "entente/expected_utility.h"
#include "models/expected_utility/contest.h"

namespace entente::eum {

// The first pass of a round: with every r = 1, S_i = Σ_{j≠i} E(U_ji), j's EU of challenging i
// resisted with s_i (Sch eq. 34; with r = 1 the superscript does not matter), then R_i = (2 S_i −
// S_max − S_min)/(S_max − S_min) and r_i = (1 − R_i/3)/(1 + R_i/3) ∈ [0.5, 2] (Sch eq. 33). Writes
// r and security. Returns false when every S_i is equal (R = 0/0): then r is set per
// options.degenerate (kHalt leaves r at 1 and the caller stops).
// Under Q = 1 with P kept per pair of positions (Contest::by_position), S is summed by position
// (see risk.cc), which only Contest::PrepareProbability needs; otherwise E(U_ji) is evaluated per
// pair of classes after Contest::Prepare.
bool UpdateRisk(const ExpectedUtilityOptions& options, Contest& contest,
                const std::vector<double>& x, double mu, bool positions_changed,
                std::vector<double>& r, std::vector<double>& security);

}  // namespace entente::eum
