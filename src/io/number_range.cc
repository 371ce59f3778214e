#include "io/number_range.h"

#include <cmath>

namespace entente::io {

std::string NumberRangeProblem(double x) {
  if (!std::isfinite(x)) return "must be a finite number";
  const double m = std::fabs(x);
  if (m > kMaxInputMagnitude) return "is too large (magnitude above 1e15)";
  if (m != 0.0 && m < kMinInputMagnitude) {
    return "is too small to tell from 0 (magnitude below 1e-12); write 0";
  }
  return "";
}

}  // namespace entente::io
