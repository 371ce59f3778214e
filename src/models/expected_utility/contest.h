// The expected utilities of one pass of an EUM round: for a pair of actors, each one's EU of
// challenging the other and its estimate of the other's EU of challenging it (Scholz et al.
// 2011, eqs. 25a/b), with the per-pass quantities (P matrix, U^sq per actor) cached.
//
// Thread-safety: a prepared Contest may be read from many threads; Prepare is not thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "entente/expected_utility.h"
#include "models/expected_utility/probability.h"

namespace entente::eum {

// Everything one unordered pair {i, j} contributes to a pass.
struct PairValues {
  double p_ij = 0.0;  // P_ij: probability that i beats j
  double p_ji = 0.0;  // P_ji
  double a_ij = 0.0;  // E^i(U_ij): i's EU of challenging j
  double b_ij = 0.0;  // j's EU of challenging i, as i sees it (perspective per options, A1)
  double a_ji = 0.0;  // E^j(U_ji)
  double b_ji = 0.0;  // i's EU of challenging j, as j sees it
};

class Contest {
 public:
  // weight[k] = c_k s_k; salience[k] = s_k; range = Δ > 0 (fixed from the initial positions).
  Contest(const ExpectedUtilityOptions& options, const std::vector<double>& weight,
          const std::vector<double>& salience, double range);

  // Caches one pass: positions x, risk exponents r, median voter mu. The P matrix is reused
  // when only r changed and votes are linear (P does not depend on r then).
  // x and r must outlive the calls to Evaluate.
  void Prepare(const std::vector<double>& x, const std::vector<double>& r, double mu,
               bool positions_changed);

  // REQUIRES: i != j.
  PairValues Evaluate(std::size_t i, std::size_t j) const;

  ProbabilityTable& probability_table() { return table_; }

 private:
  // The no-challenge term of eq. (25a) for `challenger` facing `target`, with exponent r:
  // Q U^sq + (1 − Q)[T U^b + (1 − T) U^w] (or with dmasadgdm's sign).
  double NoChallenge(double r, double usq, std::size_t challenger, std::size_t target) const;

  ExpectedUtilityOptions options_;
  const std::vector<double>& salience_;
  double range_;
  ProbabilityTable table_;
  const std::vector<double>* x_ = nullptr;
  const std::vector<double>* r_ = nullptr;
  double mu_ = 0.0;
  std::vector<double> usq_;  // U^sq(r_k) per actor
  std::vector<double> p_;    // n×n, P_ij at [i*n + j]
  bool p_valid_ = false;
};

}  // namespace entente::eum
