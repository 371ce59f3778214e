#include "models/spatial_pce/smp_math.h"

#include <algorithm>
#include <cmath>

namespace entente::smp {

double WeightedDistance(const double* ideal, const double* position, const double* salience,
                        int dims) {
  // Spec §5.1: d_ij = sqrt( Σ_k (s_ik (q_ik − θ_jk))² / Σ_k s_ik² ).
  double num = 0.0;
  double den = 0.0;
  for (int k = 0; k < dims; ++k) {
    const double x = salience[k] * (ideal[k] - position[k]);
    num += x * x;
    den += salience[k] * salience[k];
  }
  return std::sqrt(num / den);
}

double RiskFromProb(double p, double p_min, double p_max, SmpBigRRange range) {
  const double span = p_max - p_min;
  switch (range) {
    case SmpBigRRange::kMin:  // (p − p_min)/(p_max − p_min) ∈ [0,1]
      return (p - p_min) / span;
    case SmpBigRRange::kMid:  // (3p − (p_max + 2 p_min)) / (2 (p_max − p_min)) ∈ [−½,1]
      return (3.0 * p - (p_max + 2.0 * p_min)) / (2.0 * span);
    case SmpBigRRange::kMax:  // (2p − p_max − p_min)/(p_max − p_min) ∈ [−1,1]
      return (2.0 * p - p_max - p_min) / span;
  }
  return 0.0;
}

double PerceivedRisk(double r_h, double r_i, SmpBigRAdjust adjust) {
  switch (adjust) {
    case SmpBigRAdjust::kNone: return r_h;
    case SmpBigRAdjust::kOneThird: return (2.0 * r_h + r_i) / 3.0;
    case SmpBigRAdjust::kHalf: return (r_h + r_i) / 2.0;
    case SmpBigRAdjust::kTwoThirds: return (r_h + 2.0 * r_i) / 3.0;
    case SmpBigRAdjust::kFull: return r_i;
  }
  return r_h;
}

}  // namespace entente::smp
