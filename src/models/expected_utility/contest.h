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
  // when only r changed and votes are linear (P does not depend on r then). When actors share
  // positions (integer scales), U^s and U^f are tabulated per actor and distinct position
  // (UseUtilityTable), so each pow is computed once; the values are bit-identical.
  // x and r must outlive the calls to Evaluate.
  void Prepare(const std::vector<double>& x, const std::vector<double>& r, double mu,
               bool positions_changed);

  // REQUIRES: i != j.
  PairValues Evaluate(std::size_t i, std::size_t j) const;

  ProbabilityTable& probability_table() { return table_; }

 private:
  // The no-challenge term of eq. (25a) for `challenger` facing `target`, with exponent r:
  // Q U^sq + (1 − Q)[T U^b + (1 − T) U^w] (or with dmasadgdm's sign). U^b, U^w and the
  // geometric T take the distance to μ of `anchor` (the challenger, except on the other side
  // under OtherSideMedian::kTarget).
  double NoChallenge(double r, double usq, std::size_t challenger, std::size_t target,
                     std::size_t anchor) const;

  // The same, with Q = 1 (Sch p. 26) answered inline: the term is then U^sq.
  double NoChallengeTerm(double r, double usq, std::size_t challenger, std::size_t target,
                         std::size_t anchor) const {
    return options_.q == 1.0 ? usq : NoChallenge(r, usq, challenger, target, anchor);
  }

  // U^s_ij and U^f_ij (Sch eqs. 15, 16) with i's exponent, from the table when it is in use.
  void SuccessFailure(std::size_t i, std::size_t j, double d, double* us, double* uf) const {
    if (use_table_) {
      const std::size_t at = i * distinct_ + position_id_[j];
      *us = us_table_[at];
      *uf = uf_table_[at];
      return;
    }
    ComputeSuccessFailure(i, d, us, uf);
  }
  void ComputeSuccessFailure(std::size_t i, double d, double* us, double* uf) const;

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
  // Utility table: position_id_[k] indexes the distinct positions; us_table_/uf_table_ hold
  // U^s, U^f at [actor * distinct + position id]. Only used while it is small enough to stay in
  // cache (every pair reads two rows) and actors share positions.
  std::vector<std::size_t> position_id_;
  std::size_t distinct_ = 0;
  std::vector<double> value_of_id_;  // the distinct positions, ascending
  bool use_table_ = false;
  std::vector<double> us_table_, uf_table_;
  // Rows already computed this pass, per position id: row_of_[p] = the last actor at p whose row
  // was computed, row_next_[k] = the one before it (kNoRow ends the list).
  static constexpr std::size_t kNoRow = static_cast<std::size_t>(-1);
  std::vector<std::size_t> row_of_, row_next_;
};

}  // namespace entente::eum
