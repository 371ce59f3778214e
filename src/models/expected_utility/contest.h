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
  // when only r changed and votes are linear (P does not depend on r then); on the direct path
  // P is kept per pair of distinct positions. When actors share positions (integer scales), U^s
  // and U^f are tabulated per distinct (position, exponent) row and partner position
  // (UseUtilityTable), so each pow is computed once; the values are bit-identical.
  // Also sorts the actors into classes (below). x and r must outlive the calls to Evaluate.
  void Prepare(const std::vector<double>& x, const std::vector<double>& r, double mu,
               bool positions_changed);

  // REQUIRES: i != j.
  PairValues Evaluate(std::size_t i, std::size_t j) const;

  // Classes of the last Prepare: actors with the same position, risk exponent and salience (to
  // the bit). Evaluate reads nothing else of an actor, so Evaluate(i, j) and Evaluate(i', j')
  // give bit-identical values whenever i, i' and j, j' are alike (i != j, i' != j').
  // representatives()[c] is the first actor (lowest index) of class c, in increasing order;
  // class_of()[k] is actor k's class.
  const std::vector<std::size_t>& representatives() const { return reps_; }
  const std::vector<std::size_t>& class_of() const { return class_of_; }
  // Whether actors i and j hold the same position (as of the last Prepare).
  bool SamePosition(std::size_t i, std::size_t j) const {
    return position_id_[i] == position_id_[j];
  }

  ProbabilityTable& probability_table() { return table_; }

 private:
  // The no-challenge term of eq. (25a) for `challenger` facing `target`, with exponent r:
  // Q U^sq + (1 − Q)[T U^b + (1 − T) U^w] (or with dmasadgdm's sign).
  double NoChallenge(double r, double usq, std::size_t challenger, std::size_t target) const;

  // The same, with Q = 1 (Sch p. 26) answered inline: the term is then U^sq.
  double NoChallengeTerm(double r, double usq, std::size_t challenger, std::size_t target) const {
    return options_.q == 1.0 ? usq : NoChallenge(r, usq, challenger, target);
  }

  // U^s_ij and U^f_ij (Sch eqs. 15, 16) with i's exponent, from the table when it is in use.
  void SuccessFailure(std::size_t i, std::size_t j, double d, double* us, double* uf) const {
    if (use_table_) {
      const std::size_t at = row_[i] * distinct_ + position_id_[j];
      *us = us_table_[at];
      *uf = uf_table_[at];
      return;
    }
    ComputeSuccessFailure(i, d, us, uf);
  }
  void ComputeSuccessFailure(std::size_t i, double d, double* us, double* uf) const;

  // P_ij as the last Prepare left it.
  double P(std::size_t i, std::size_t j) const {
    return by_position_ ? position_p_[position_id_[i] * distinct_ + position_id_[j]]
                        : p_[i * x_->size() + j];
  }

  // Sorts the actors into classes (representatives(), class_of()) and sets usq_.
  void SortIntoClasses(const std::vector<double>& r);
  // Fills row_ and the utility table's rows, one per distinct (position, exponent).
  void FillUtilityTable(const std::vector<double>& x, const std::vector<double>& r);

  ExpectedUtilityOptions options_;
  const std::vector<double>& salience_;
  double range_;
  ProbabilityTable table_;
  const std::vector<double>* x_ = nullptr;
  const std::vector<double>* r_ = nullptr;
  double mu_ = 0.0;
  std::vector<double> usq_;  // U^sq(r_k) per actor
  // P: per pair of distinct positions from the table (direct path: position_p_ points into
  // it), else n×n in p_ at [i*n + j].
  bool by_position_ = false;
  const double* position_p_ = nullptr;
  std::vector<double> p_;
  bool p_valid_ = false;
  // position_id_[k] indexes the distinct positions value_of_id_ (ascending).
  std::vector<std::size_t> position_id_;
  std::size_t distinct_ = 0;
  std::vector<double> value_of_id_;
  // Utility table: us_table_/uf_table_ hold U^s, U^f at [row * distinct + position id], row_[k]
  // = actor k's row. Only used while it is small enough to stay in cache (every pair reads two
  // rows) and actors share positions.
  bool use_table_ = false;
  std::vector<std::size_t> row_;
  std::vector<double> us_table_, uf_table_;
  // Classes; class_head_[p] = the last class at position id p, class_next_[c] = the class at the
  // same position before c (kNone ends the list). The same lists for rows.
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> reps_, class_of_, class_head_, class_next_;
  std::vector<std::size_t> row_head_, row_next_, row_actor_, class_row_;
};

}  // namespace entente::eum
