#include "models/expected_utility/risk.h"

#include <algorithm>
#include <cmath>

namespace entente::eum {

namespace {

// Sch eq. (34) with every r = 1 under Q = 1, by position. Then U^s = 2 − 4(1/2 − d/2) = 2d,
// U^f = −2d (eqs. 15, 16) and U^sq = 0 (eq. 24), so eq. (25a) for j challenging i, resisted with
// i's salience, is E(U_ji) = s_i [P_ji 2d + (1 − P_ji)(−2d)] + (1 − s_i) 2d = 2d [1 − 2 s_i (1 −
// P_ji)], d = |x_i − x_j|/Δ, and
//   S_i = Σ_{j≠i} E(U_ji) = (2 N_p − 4 s_i F_p) / Δ,
//   N_p = Σ_q m_q |y_p − y_q|,  F_p = Σ_q m_q |y_p − y_q| (1 − P(y_q over y_p)),
// over the distinct positions y_q held by m_q actors, p = i's position (partners at i's own
// position add 0, as E(U_ji) does at d = 0). Two sums per pair of positions instead of one E(U)
// per pair of classes and one addition per pair of actors; equal to the actor-by-actor sum in
// exact arithmetic, not to the bit.
void SecurityByPosition(const Contest& contest, std::vector<double>& security) {
  const std::vector<double>& y = contest.position_values();
  const std::vector<std::size_t>& position = contest.position_id();
  const std::vector<double>& salience = contest.salience();
  const std::size_t d = y.size(), n = position.size();
  thread_local std::vector<double> count, near, far_from_winning;
  count.assign(d, 0.0);
  for (std::size_t k = 0; k < n; ++k) count[position[k]] += 1.0;
  near.assign(d, 0.0);
  far_from_winning.assign(d, 0.0);
  // Each sum in increasing q: the terms q < p arrive while the rows before p are summed, each
  // distance |y_p − y_q| is taken once for both rows.
  for (std::size_t p = 0; p < d; ++p) {
    double sum_n = near[p], sum_f = far_from_winning[p];
    for (std::size_t q = p + 1; q < d; ++q) {
      const double distance = std::abs(y[p] - y[q]);
      const double toward_p = count[q] * distance, toward_q = count[p] * distance;
      sum_n += toward_p;
      sum_f += toward_p * (1.0 - contest.PositionP(q, p));
      near[q] += toward_q;
      far_from_winning[q] += toward_q * (1.0 - contest.PositionP(p, q));
    }
    near[p] = sum_n;
    far_from_winning[p] = sum_f;
  }
  const double range = contest.range();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t p = position[i];
    security[i] = (2.0 * near[p] - 4.0 * salience[i] * far_from_winning[p]) / range;
  }
}

// r from the security levels (Sch eqs. 33, 34); false when they are all equal.
bool RiskFromSecurity(const ExpectedUtilityOptions& options, const std::vector<double>& security,
                      std::vector<double>& r) {
  const std::size_t n = security.size();
  const auto [lo, hi] = std::minmax_element(security.begin(), security.end());
  const double s_min = *lo, s_max = *hi;
  if (!(s_max > s_min)) {
    const double value = options.degenerate == DegenerateSecurity::kRiskZero ? 0.0 : 1.0;
    std::fill(r.begin(), r.end(), value);
    return false;
  }
  for (std::size_t i = 0; i < n; ++i) {
    // Sch eq. (34): relative security R_i ∈ [−1, 1] across all actors (A6).
    const double big_r = (2.0 * security[i] - s_max - s_min) / (s_max - s_min);
    // Sch eq. (33): r_i = (1 − R_i/3)/(1 + R_i/3); R = 1 (most endangered) gives 0.5.
    r[i] = (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0);
  }
  return true;
}

}  // namespace

bool UpdateRisk(const ExpectedUtilityOptions& options, Contest& contest,
                const std::vector<double>& x, double mu, bool positions_changed,
                std::vector<double>& r, std::vector<double>& security) {
  const std::size_t n = x.size();
  // Appendix step 7: every utility evaluated risk-neutrally first.
  std::fill(r.begin(), r.end(), 1.0);
  security.assign(n, 0.0);
  if (options.q == 1.0) {
    contest.PrepareProbability(x, r, positions_changed);
    if (contest.by_position()) {
      SecurityByPosition(contest, security);
      return RiskFromSecurity(options, security, r);
    }
    positions_changed = false;  // the positions and P were prepared just above
  }
  contest.Prepare(x, r, mu, positions_changed);
  // Sch eq. (34): security (danger) of i = what its adversaries expect from challenging it,
  // E(U_ji) with i's salience as the resisting probability (A11: s_i in every implementation,
  // eum included, even where its offers use s_j). With every r = 1 the perceiver's exponent
  // makes no difference (A1).
  //
  // E(U_ji) depends on j and i only through their classes (Contest::representatives: position,
  // exponent, salience), so it is evaluated once per pair of classes (and once within a class
  // of two or more, for two distinct members), then each S_i is summed over j in increasing
  // order, as before: bit-identical to evaluating every pair.
  const std::vector<std::size_t>& reps = contest.representatives();
  const std::vector<std::size_t>& class_of = contest.class_of();
  const std::size_t classes = reps.size();
  // eu[a * classes + b]: a challenges b (every entry read is written below); second[c]: a
  // class's second member, n if none. Kept per thread between rounds (no allocation a round).
  thread_local std::vector<double> eu;
  thread_local std::vector<std::size_t> second;
  if (eu.size() < classes * classes) eu.resize(classes * classes);
  second.assign(classes, n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t c = class_of[k];
    if (k != reps[c] && second[c] == n) second[c] = k;
  }
  for (std::size_t a = 0; a < classes; ++a) {
    if (second[a] < n) eu[a * classes + a] = contest.Evaluate(reps[a], second[a]).a_ij;
    for (std::size_t b = a + 1; b < classes; ++b) {
      const PairValues v = contest.Evaluate(reps[a], reps[b]);
      eu[a * classes + b] = v.a_ij;
      eu[b * classes + a] = v.a_ji;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double* column = &eu[class_of[i]];
    double sum = 0.0;
    for (std::size_t j = 0; j < i; ++j) sum += column[class_of[j] * classes];
    for (std::size_t j = i + 1; j < n; ++j) sum += column[class_of[j] * classes];
    security[i] = sum;
  }
  return RiskFromSecurity(options, security, r);
}

}  // namespace entente::eum
