#include "models/expected_utility/risk.h"

#include <algorithm>

namespace entente::eum {

bool UpdateRisk(const ExpectedUtilityOptions& options, Contest& contest,
                const std::vector<double>& x, double mu, bool positions_changed,
                std::vector<double>& r, std::vector<double>& security) {
  const std::size_t n = x.size();
  // Appendix step 7: every utility evaluated risk-neutrally first.
  std::fill(r.begin(), r.end(), 1.0);
  security.assign(n, 0.0);
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
  const auto fill = [&](auto evaluate) {
    for (std::size_t a = 0; a < classes; ++a) {
      if (second[a] < n) eu[a * classes + a] = evaluate(a, a, reps[a], second[a]).a_ij;
      for (std::size_t b = a + 1; b < classes; ++b) {
        const PairValues v = evaluate(a, b, reps[a], reps[b]);
        eu[a * classes + b] = v.a_ij;
        eu[b * classes + a] = v.a_ji;
      }
    }
  };
  if (contest.by_class_table()) {
    fill([&](std::size_t a, std::size_t b, std::size_t, std::size_t) {
      return contest.EvaluateClasses(a, b);
    });
  } else {
    fill([&](std::size_t, std::size_t, std::size_t i, std::size_t j) {
      return contest.Evaluate(i, j);
    });
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double* column = &eu[class_of[i]];
    double sum = 0.0;
    for (std::size_t j = 0; j < i; ++j) sum += column[class_of[j] * classes];
    for (std::size_t j = i + 1; j < n; ++j) sum += column[class_of[j] * classes];
    security[i] = sum;
  }
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

}  // namespace entente::eum
