#include "models/expected_utility/cycle.h"

#include <cmath>
#include <cstddef>

namespace entente::eum {

namespace {

// Whether every |a_k − b_k| < tolerance; stops at the first position that differs more.
bool CycleStatesMatch(const std::vector<double>& a, const std::vector<double>& b,
                      double tolerance) {
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (!(std::abs(a[k] - b[k]) < tolerance)) return false;
  }
  return true;
}

}  // namespace

int CycleLength(const std::vector<std::vector<double>>& positions, int first, int k_max,
                double tolerance) {
  const int last = static_cast<int>(positions.size()) - 1;
  for (int k = 2; k <= k_max && last - k >= first; ++k) {
    if (CycleStatesMatch(positions[last], positions[last - k], tolerance)) return k;
  }
  return 0;
}

}  // namespace entente::eum
