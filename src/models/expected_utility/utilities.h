// The EUM's von Neumann–Morgenstern utilities, from a perceiver with risk exponent r.
// d is the normalised distance |x_i − x_j| / Δ ∈ [0, 1]; every utility lies in [−2, 2].
//
// Thread-safety: pure functions.
#pragma once

#include "models/expected_utility/unit_pow.h"

namespace entente::eum {

// x^r: UnitPow (r = 1 exact, 0^r = 0 for r > 0, 0^0 = 1 for eum's r = 0 case). Every utility
// goes through it, so the utility table (UnitPowRow) and direct evaluation agree to the bit.
// r = 1 (every vote utility under linear votes, the whole risk pass) is answered inline.
inline double RiskPow(double base, double r) { return r == 1.0 ? base : UnitPow(base, r); }

// U^s_ij: i's challenge succeeds and j moves to x_i. Scholz et al. 2011, eq. (15).
inline double UtilitySuccess(double d, double r) { return 2.0 - 4.0 * RiskPow(0.5 - 0.5 * d, r); }

// U^f_ij: i's challenge fails and i moves to x_j. Scholz et al. 2011, eq. (16).
inline double UtilityFailure(double d, double r) { return 2.0 - 4.0 * RiskPow(0.5 + 0.5 * d, r); }

// U^sq: the status quo persists. Scholz et al. 2011, eq. (24).
inline double UtilityStatusQuo(double r) { return 2.0 - 4.0 * RiskPow(0.5, r); }

// U^b_ij: no challenge and things get better for i; dm = |x_i − μ|/Δ, d = |x_i − x_j|/Δ.
// Scholz et al. 2011, eq. (18). The base is clamped at 0 (it is >= 0 inside the scale).
inline double UtilityBetter(double dm, double d, double r) {
  const double base = 0.5 - 0.25 * (dm + d);
  return 2.0 - 4.0 * RiskPow(base < 0.0 ? 0.0 : base, r);
}

// U^w_ij: no challenge and things get worse for i. Scholz et al. 2011, eq. (19).
inline double UtilityWorse(double dm, double d, double r) {
  return 2.0 - 4.0 * RiskPow(0.5 + 0.25 * (dm + d), r);
}

// E(U) of a challenge given its success probability p, the resisting actor's salience
// s_resist, the success/failure utilities and the no-challenge term `no_challenge`.
// Scholz et al. 2011, eq. (25a): s_j [P U^s + (1 − P) U^f] + (1 − s_j) U^s − no_challenge.
inline double ChallengeUtility(double p, double s_resist, double us, double uf,
                               double no_challenge) {
  return s_resist * (p * us + (1.0 - p) * uf) + (1.0 - s_resist) * us - no_challenge;
}

}  // namespace entente::eum
