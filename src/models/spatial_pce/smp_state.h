// One SMP state as the actors see it at the start of a turn: distances from ideals to positions,
// endogenous risk attitudes and every actor's estimate of every actor's utilities (spec §5.1),
// and the state's outcome distribution (spec §5.3, SMPState::pDist).
#pragma once

#include <vector>

#include "entente/spatial_pce.h"
#include "models/spatial_pce/pce.h"
#include "models/spatial_pce/smp_math.h"

namespace entente::smp {

class StateView {
 public:
  // REQUIRES: problem.Validate() is OK; position and ideal have num_actors × num_dims entries.
  StateView(const SmpProblem& problem, const SmpOptions& options, std::vector<double> position,
            std::vector<double> ideal);

  int n() const { return n_; }
  int d() const { return d_; }
  const double* Position(int i) const { return &position_[static_cast<size_t>(i) * d_]; }
  const double* Ideal(int i) const { return &ideal_[static_cast<size_t>(i) * d_]; }
  const double* Salience(int i) const { return &problem_->salience[static_cast<size_t>(i) * d_]; }
  double TotalSalience(int i) const { return total_salience_[i]; }
  double Capability(int i) const { return problem_->capability[i]; }
  const std::vector<double>& position() const { return position_; }
  const std::vector<double>& ideal() const { return ideal_; }
  const std::vector<double>& risk() const { return risk_; }
  const SmpOptions& options() const { return *options_; }

  // aUtil[h](i,j): h's estimate of i's utility for j's position (spec §5.1 step 5).
  double Util(int h, int i, int j) const {
    return DistanceUtility(dist_(i, j), perceived_(h, i));
  }
  // a's own utility for an arbitrary point x (risk attitude R_a), as used for bargains (§5.6).
  double OwnUtilOf(int a, const double* x) const {
    return DistanceUtility(WeightedDistance(Ideal(a), x, Salience(a), d_), perceived_(a, a));
  }

  // equiv[i] = lowest actor index whose position is within 1e-3 (Euclidean) of i's
  // (State::setUENdx).
  std::vector<int> Equivalence() const;
  // Outcome probability of each actor's position, as estimated by `estimator` (every voter
  // uses that actor's utility estimates) or, for estimator = -1, with every actor voting with
  // its own utilities (spec §5.3, SMPState::pDist); capability weights.
  std::vector<double> OutcomeProbabilities(int estimator, const std::vector<int>& equiv) const;

 private:
  const SmpProblem* problem_;
  const SmpOptions* options_;
  int n_, d_;
  std::vector<double> position_, ideal_, total_salience_, risk_;
  Matrix dist_;       // dist_(i,j): from i's ideal to j's position
  Matrix perceived_;  // perceived_(h,i) = r^h_i
};

}  // namespace entente::smp
