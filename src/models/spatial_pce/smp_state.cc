#include "models/spatial_pce/smp_state.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace entente::smp {

StateView::StateView(const SmpProblem& problem, const SmpOptions& options,
                     std::vector<double> position, std::vector<double> ideal)
    : problem_(&problem),
      options_(&options),
      n_(problem.num_actors),
      d_(problem.num_dims),
      position_(std::move(position)),
      ideal_(std::move(ideal)),
      total_salience_(n_, 0.0),
      risk_(n_, 0.0),
      dist_(n_, n_),
      perceived_(n_, n_) {
  for (int i = 0; i < n_; ++i) {
    for (int k = 0; k < d_; ++k) total_salience_[i] += Salience(i)[k];
    for (int j = 0; j < n_; ++j) {
      dist_(i, j) = WeightedDistance(Ideal(i), Position(j), Salience(i), d_);
    }
  }
  // Spec §5.1 steps 1–3: risk-neutral utilities U⁰ (voter i, option j), a PCE over all N
  // positions with capability weights, then R_i = bigRfromProb(p_i).
  Matrix u0(n_, n_);
  for (int i = 0; i < n_; ++i) {
    for (int j = 0; j < n_; ++j) u0(i, j) = DistanceUtility(dist_(i, j), 0.0);
  }
  const std::vector<double> p = ScalarPce(u0, problem.capability, options);
  const auto [p_min, p_max] = std::minmax_element(p.begin(), p.end());
  // KTAB divides by p_max − p_min; when every position is equally likely (e.g. all actors at
  // one point) entente keeps every actor risk-neutral instead (docs/models/spatial_pce.md).
  if (*p_max - *p_min > 0.0) {
    for (int i = 0; i < n_; ++i) risk_[i] = RiskFromProb(p[i], *p_min, *p_max, options.big_r_range);
  }
  // Spec §5.1 step 4: r^h_i = estNRA(R_h, R_i).
  for (int h = 0; h < n_; ++h) {
    for (int i = 0; i < n_; ++i) perceived_(h, i) = PerceivedRisk(risk_[h], risk_[i], options.big_r_adjust);
  }
}

std::vector<int> StateView::Equivalence() const {
  // Spec §5.3: positions within posTol = 1e-3 (Euclidean, [0,1] scale) are one option.
  std::vector<int> equiv(n_);
  for (int i = 0; i < n_; ++i) {
    equiv[i] = i;
    for (int j = 0; j < i; ++j) {
      if (equiv[j] != j) continue;
      double s = 0.0;
      for (int k = 0; k < d_; ++k) {
        const double x = Position(i)[k] - Position(j)[k];
        s += x * x;
      }
      if (std::sqrt(s) < 1e-3) {
        equiv[i] = j;
        break;
      }
    }
  }
  return equiv;
}

std::vector<double> StateView::OutcomeProbabilities(int estimator,
                                                    const std::vector<int>& equiv) const {
  std::vector<int> unique;
  std::vector<int> slot(n_, -1);
  for (int i = 0; i < n_; ++i) {
    if (equiv[i] == i) {
      slot[i] = static_cast<int>(unique.size());
      unique.push_back(i);
    }
  }
  const int m = static_cast<int>(unique.size());
  Matrix u(n_, m);
  for (int k = 0; k < n_; ++k) {
    const int h = estimator < 0 ? k : estimator;
    for (int a = 0; a < m; ++a) u(k, a) = Util(h, k, unique[a]);
  }
  const std::vector<double> pu = ScalarPce(u, problem_->capability, *options_);
  std::vector<double> p(n_);
  for (int i = 0; i < n_; ++i) p[i] = pu[slot[equiv[i]]];
  return p;
}

}  // namespace entente::smp
