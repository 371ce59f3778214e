// Scalar building blocks of KTAB's SMP: distances, utilities, risk attitudes and votes.
// Spec references are to shared/models/spatial_pce.md (KTAB commit 3b5b063).
#pragma once

#include <algorithm>

#include "entente/spatial_pce.h"

namespace entente::smp {

// Salience-weighted normalised distance from an ideal to a position (spec §5.1, SMPModel::bvDiff):
// d = sqrt(Σ_k (s_k (q_k − θ_k))² / Σ_k s_k²). REQUIRES: some s_k > 0.
double WeightedDistance(const double* ideal, const double* position, const double* salience,
                        int dims);

// Utility of a distance with risk attitude r (spec §5.1, SMPModel::bsUtil):
// (1 − d)(1 + r d) for d <= 1, (1 − d)(1 + r) beyond.
inline double DistanceUtility(double d, double r) {
  return d <= 1.0 ? (1.0 - d) * (1.0 + r * d) : (1.0 - d) * (1.0 + r);
}

// Risk attitude from an outcome probability (spec §5.1 step 3, Model::bigRfromProb).
// REQUIRES: p_max > p_min.
double RiskFromProb(double p, double p_min, double p_max, SmpBigRRange range);

// h's estimate of i's risk attitude (spec §5.1 step 4, Model::estNRA).
double PerceivedRisk(double r_h, double r_i, SmpBigRAdjust adjust);

// Vote of weight w for an option worth u_i over one worth u_j (spec §5.2 table, Model::vote);
// Binary saturates at |Δ| = 1e-8.
inline double Vote(SmpVotingRule rule, double w, double u_i, double u_j) {
  const double d = u_i - u_j;
  const auto binary = [d] { return std::clamp(d / 1e-8, -1.0, 1.0); };
  switch (rule) {
    case SmpVotingRule::kBinary: return w * binary();
    case SmpVotingRule::kPropBin: return w * (0.8 * d + 0.2 * binary());
    case SmpVotingRule::kProp: return w * d;
    case SmpVotingRule::kPropCbc: return w * (0.5 * d + 0.5 * d * d * d);
    case SmpVotingRule::kCubic: return w * (d * d * d);
    case SmpVotingRule::kASymProsp: return w * (d < 0.0 ? d : (2.0 / 3.0) * d);
  }
  return 0.0;
}

}  // namespace entente::smp
