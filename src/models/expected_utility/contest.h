// The expected utilities of one pass of an EUM round: for a pair of actors, each one's EU of
// challenging the other and its estimate of the other's EU of challenging it (Scholz et al.
// 2011, eqs. 25a/b), with the per-pass quantities (P matrix, U^sq per actor) cached.
//
// Thread-safety: a prepared Contest may be read from many threads; Prepare is not thread-safe.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "entente/expected_utility.h"
#include "models/expected_utility/probability.h"
#include "models/expected_utility/utilities.h"

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

  // The first part of Prepare alone: the distinct positions and P, not the classes or the
  // utility table. Enough for the by-position reads below; Evaluate needs Prepare.
  void PrepareProbability(const std::vector<double>& x, const std::vector<double>& r,
                          bool positions_changed);

  // After PrepareProbability or Prepare: whether P is kept per pair of distinct positions, and
  // if so the distinct positions (ascending), each actor's index among them, and P of the
  // a-th over the b-th.
  bool by_position() const { return by_position_; }
  const std::vector<double>& position_values() const { return value_of_id_; }
  const std::vector<std::size_t>& position_id() const { return position_id_; }
  double PositionP(std::size_t a, std::size_t b) const { return position_p_[a * distinct_ + b]; }
  double range() const { return range_; }
  const std::vector<double>& salience() const { return salience_; }

  // REQUIRES: i != j.
  PairValues Evaluate(std::size_t i, std::size_t j) const;

  // Whether ForEachClassPair may be used after the last Prepare: the short form of Evaluate
  // (plain) with the utility table and P per pair of positions, as under bdm.
  bool by_class_table() const { return class_table_; }

  // Calls visit(a, b, eu_ab, eu_ba) for every pair of classes a < b at different positions, in
  // increasing order of (a, b), with eu_ab = Evaluate(i, j).a_ij and eu_ba = Evaluate(i, j).a_ji
  // for i = representatives()[a], j = representatives()[b] (the same bits), read from per-class
  // data (position, utility row, salience, U^sq). REQUIRES: by_class_table().
  template <class Visit>
  void ForEachClassPair(Visit&& visit) const;

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

  // P_ij as the last Prepare left it.
  double P(std::size_t i, std::size_t j) const {
    return by_position_ ? position_p_[position_id_[i] * distinct_ + position_id_[j]]
                        : p_[i * x_->size() + j];
  }

  // Sorts the actors into classes (representatives(), class_of()) and, without the utility
  // table, sets usq_ (FillUtilityTable sets it otherwise).
  void SortIntoClasses(const std::vector<double>& r);
  // Fills row_ and the utility table's rows, one per distinct (position, exponent).
  void FillUtilityTable(const std::vector<double>& x, const std::vector<double>& r);

  ExpectedUtilityOptions options_;
  // Q = 1, kOwn, kTarget (bdm): Evaluate's short form.
  bool plain_ = false;
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
  // Utility table: row r at utility_table_[r * stride_] holds U^s against each position id, then
  // U^f against each (at + distinct_), then padding; stride_ = 2·distinct_ rounded up to a
  // multiple of 4. row_[k] = actor k's row. Only used while it is small enough to stay in cache
  // (every pair reads two rows) and actors share positions.
  bool use_table_ = false;
  std::vector<std::size_t> row_;
  std::size_t stride_ = 0;
  std::vector<double> utility_table_;
  // FillBaseLogs: per distinct position p, the row of bases bases_[p * stride_ + …] (0.5 − d/2
  // against each position, then 0.5 + d/2, then padding 0.5, the utility table's layout) and
  // their logarithms, computed once per set of positions for every exponent's row.
  void FillBaseLogs();
  bool base_logs_valid_ = false;
  std::vector<double> bases_, base_logs_, pair_bases_, pair_logs_;
  // Classes; class_head_[p] = the last class at position id p, class_next_[c] = the class at the
  // same position before c (kNone ends the list). The same lists for rows.
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> reps_, class_of_, class_head_, class_next_;
  std::vector<std::size_t> row_head_, row_next_, row_actor_, class_row_;
  // ForEachClassPair's data, one entry per class (FillClassTable).
  struct ClassEntry {
    std::size_t position = 0;   // position id
    std::size_t row_start = 0;  // its utility table row × stride_
    double salience = 0.0;
    double usq = 0.0;
  };
  void FillClassTable();
  bool class_table_ = false;
  std::vector<ClassEntry> class_entries_;
};

template <class Visit>
inline void Contest::ForEachClassPair(Visit&& visit) const {
  const std::size_t classes = class_entries_.size(), d = distinct_;
  const ClassEntry* entry = class_entries_.data();
  const double* p = position_p_;
  const double* u = utility_table_.data();
  for (std::size_t a = 0; a < classes; ++a) {
    const ClassEntry ca = entry[a];
    const double* p_of_a = p + ca.position * d;  // P of a's position over each position
    for (std::size_t b = a + 1; b < classes; ++b) {
      const ClassEntry& cb = entry[b];
      if (cb.position == ca.position) continue;  // A12: no contest at the same position
      const std::size_t at_a = ca.row_start + cb.position, at_b = cb.row_start + ca.position;
      // As Evaluate's plain form: Sch eqs. (15), (16), (25a), the other side's E(U) its own.
      const double eu_ab =
          ChallengeUtility(p_of_a[cb.position], cb.salience, u[at_a], u[at_a + d], ca.usq);
      const double eu_ba = ChallengeUtility(p[cb.position * d + ca.position], ca.salience, u[at_b],
                                            u[at_b + d], cb.usq);
      visit(a, b, eu_ab, eu_ba);
    }
  }
}

// Inline: the round's loops call it once per pair of classes.
inline PairValues Contest::Evaluate(std::size_t i, std::size_t j) const {
  const double ri = (*r_)[i], rj = (*r_)[j];
  PairValues v;
  v.p_ij = P(i, j);
  v.p_ji = P(j, i);
  // Sch eqs. (15), (16): success and failure utilities with each actor's exponent.
  double us_i, uf_i, us_j, uf_j;
  if (use_table_) {
    const double* u = utility_table_.data();
    const std::size_t at_i = row_[i] * stride_ + position_id_[j];
    us_i = u[at_i];
    uf_i = u[at_i + distinct_];
    const std::size_t at_j = row_[j] * stride_ + position_id_[i];
    us_j = u[at_j];  // the same values as row i's when r_j == r_i
    uf_j = u[at_j + distinct_];
  } else {
    const double d = std::abs((*x_)[i] - (*x_)[j]) / range_;
    us_i = UtilitySuccess(d, ri);
    uf_i = UtilityFailure(d, ri);
    us_j = rj == ri ? us_i : UtilitySuccess(d, rj);
    uf_j = rj == ri ? uf_i : UtilityFailure(d, rj);
  }
  const double si = salience_[i], sj = salience_[j];
  const double usq_i = usq_[i], usq_j = usq_[j];
  if (plain_) {
    // Q = 1 (the no-challenge term is U^sq, Sch p. 26), the other side as its own actor sees
    // it, resisted by the target (A1, A11): E^j(U_ji) is exactly a_ji.
    v.a_ij = ChallengeUtility(v.p_ij, sj, us_i, uf_i, usq_i);
    v.a_ji = ChallengeUtility(v.p_ji, si, us_j, uf_j, usq_j);
    v.b_ij = v.a_ji;
    v.b_ji = v.a_ij;
    return v;
  }
  // E^i(U_ij): i's EU of challenging j, with r_i and j's salience (Sch eq. 25a).
  v.a_ij = ChallengeUtility(v.p_ij, sj, us_i, uf_i, NoChallengeTerm(ri, usq_i, i, j, i));
  v.a_ji = ChallengeUtility(v.p_ji, si, us_j, uf_j, NoChallengeTerm(rj, usq_j, j, i, j));
  // The other side (Sch eq. 25b): j's EU of challenging i, with r_i as i perceives it or r_j
  // (A1), resisted with i's salience or, as eq. 25b is printed, j's (A11); U^b, U^w and T from
  // j's distance to μ or, under eum's reading, i's (A7).
  const bool perceiver = options_.perspective == OtherSidePerspective::kPerceiver;
  const bool target = options_.other_salience == OtherSideSalience::kTarget;
  const bool anchor_target = options_.other_mu == OtherSideMedian::kTarget && options_.q != 1.0;
  if (!perceiver && target && !anchor_target) {  // E^j(U_ji) is exactly a_ji
    v.b_ij = v.a_ji;
    v.b_ji = v.a_ij;
    return v;
  }
  const double s_b_ij = target ? si : sj;
  const double s_b_ji = target ? sj : si;
  const std::size_t anchor_ij = anchor_target ? i : j;  // for b_ij, j challenges i
  const std::size_t anchor_ji = anchor_target ? j : i;
  if (perceiver) {
    v.b_ij =
        ChallengeUtility(v.p_ji, s_b_ij, us_i, uf_i, NoChallengeTerm(ri, usq_i, j, i, anchor_ij));
    v.b_ji =
        ChallengeUtility(v.p_ij, s_b_ji, us_j, uf_j, NoChallengeTerm(rj, usq_j, i, j, anchor_ji));
  } else {
    v.b_ij =
        ChallengeUtility(v.p_ji, s_b_ij, us_j, uf_j, NoChallengeTerm(rj, usq_j, j, i, anchor_ij));
    v.b_ji =
        ChallengeUtility(v.p_ij, s_b_ji, us_i, uf_i, NoChallengeTerm(ri, usq_i, i, j, anchor_ji));
  }
  return v;
}

}  // namespace entente::eum
