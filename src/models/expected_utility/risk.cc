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
  // makes no difference (A1). Summed per unordered pair; each S_i still accumulates in
  // increasing j.
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const PairValues v = contest.Evaluate(i, j);
      security[i] += v.a_ji;
      security[j] += v.a_ij;
    }
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
