// Probability of success P_ij from the actors' pairwise votes (Scholz et al. 2011, eqs. 28–31;
// the all-pairs denominator of Scholz's code, A2), with the per-round quantities cached.
//
// Prepare() once per pass (positions and risk exponents fixed), then Probability(i, j) for any
// pair. With linear votes and more than kDirectLimit actors, sums over voters come from prefix
// sums over the sorted positions (one binary search per pair); with linear votes and fewer, from
// the weights on either side of the pair plus a loop over the voters between (LinearPairSums);
// with voter-risk votes, from a direct loop over voters, the order the reference
// implementations sum in.
//
// Thread-safety: a prepared table may be read from many threads; Prepare is not thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "entente/expected_utility.h"

namespace entente::eum {

class ProbabilityTable {
 public:
  static constexpr std::size_t kDirectLimit = 64;

  // weight[k] = c_k s_k; range = Δ > 0.
  ProbabilityTable(const ExpectedUtilityOptions& options, std::vector<double> weight, double range);

  // Caches the state of one pass. x and r must outlive the calls to Probability.
  void Prepare(const std::vector<double>& x, const std::vector<double>& r);

  // P_ij: probability that i beats j in a contest; 0 when x_i == x_j. Sch eq. (30) or the
  // all-pairs variant per options.
  double Probability(std::size_t i, std::size_t j) const;
  // P_ij and P_ji from one pass over the voters (v_k(j,i) = −v_k(i,j)).
  void Pair(std::size_t i, std::size_t j, double* p_ij, double* p_ji) const;

  // Every P at once: p[i * n + j] = P_ij (0 on the diagonal and between equal positions), the
  // same values Pair gives. On the prefix-sum path the pairs are visited in sorted order, so the
  // midpoint's place among the voters is found by a forward sweep instead of a binary search.
  // On the direct path each pair of distinct positions is computed once. Not thread-safe.
  void AllPairs(std::vector<double>& p);

  // The direct path's P per pair of distinct positions, for callers that look P up by position
  // instead of by actor (Contest): after ComputePositionPairs, position_pair(a, b) is P of the
  // a-th over the b-th distinct position (ascending), the value Pair gives any actors holding
  // them; distinct_values() are those positions and position_id()[k] is actor k's index among
  // them (set by Prepare). REQUIRES: by_position(), which holds after Prepare unless the
  // prefix-sum path is on.
  bool by_position() const { return !fast_; }
  void ComputePositionPairs();
  const double* position_pairs() const { return pair_p_.data(); }
  std::size_t distinct() const { return distinct_; }
  const std::vector<double>& distinct_values() const { return distinct_x_; }
  const std::vector<std::size_t>& position_id() const { return position_id_; }

  // The vote sums of ComputePositionPairs under voter-risk votes (linear votes take
  // LinearPairSums whatever this says): kAuto picks AVX when the processor has it, else SSE2,
  // else scalar; the others force one (for tests: all give the same bits; one the build or the
  // processor lacks falls back to scalar).
  enum class VoteSums { kAuto, kScalar, kSse2, kAvx };
  void set_vote_sums(VoteSums kind) { vote_sums_ = kind; }

  // Forces the direct O(n) loop (for tests comparing it with the prefix-sum path).
  void set_force_direct(bool force) { force_direct_ = force; }

  // Σ_k Σ_a Σ_b |v_k(x_a, x_b)| of the last Prepare (0 unless the all-pairs denominator is on).
  double all_pairs_denominator() const { return all_pairs_; }

 private:
  void DirectPair(std::size_t i, std::size_t j, double* p_ij, double* p_ji) const;
  // Direct path, linear votes: Σ max(v, 0) and Σ max(−v, 0) over the voters for the a-th over
  // the b-th distinct position, a < b (the net vote is their difference, Σ |v| their sum), times
  // Δ unless the all-pairs denominator needs the votes themselves (eq. 30 is a ratio).
  // `between` holds partial sums over the voters strictly between the two positions, in
  // position order (W = weight, WY = weight × (y_p − y_a)): up to the first non-positive vote
  // (below_*), up to the first negative vote (above_*_start), and over all of them (all_*).
  struct LinearBetween {
    double below_w = 0.0, below_wy = 0.0;
    double above_w_start = 0.0, above_wy_start = 0.0;
    double all_w = 0.0, all_wy = 0.0;
  };
  void LinearPairSums(std::size_t a, std::size_t b, const LinearBetween& between, double* positive,
                      double* negative) const;
  // The split of the voters strictly between the a-th and b-th distinct positions (a < b): on
  // return *below_end is the first with a vote not for a, *above_begin (>= it) the first with a
  // vote for b. Both only move forward from their values on entry (> a), so a caller walking b
  // upwards for one a may carry them over (the vote of a voter between grows with y_b).
  void LinearSplit(std::size_t a, std::size_t b, std::size_t* below_end,
                   std::size_t* above_begin) const;
  void FastPair(std::size_t i, std::size_t j, double* p_ij, double* p_ji) const;
  // FastPair with the midpoint's bounds in the sorted positions given: `below` = lower_bound,
  // `above` = upper_bound of (x_i + x_j) / 2.
  void FastPairAt(std::size_t i, std::size_t j, std::size_t below, std::size_t above, double* p_ij,
                  double* p_ji) const;
  // Σ_{t in [lo, hi)} w_t |y_t − z| over the sorted positions, where `split` is the index of the
  // first sorted position >= z in the whole array (std::lower_bound), precomputed per actor.
  double SumAbs(std::size_t lo, std::size_t hi, double z, std::size_t split) const;

  ExpectedUtilityOptions options_;
  std::vector<double> weight_;
  double range_;
  const std::vector<double>* x_ = nullptr;
  const std::vector<double>* r_ = nullptr;
  bool force_direct_ = false;
  VoteSums vote_sums_ = VoteSums::kAuto;
  bool fast_ = false;
  double all_pairs_ = 0.0;
  // Sorted positions with prefix sums of weight and weight·position (fast path).
  std::vector<double> sorted_x_, prefix_w_, prefix_wx_;
  std::vector<std::size_t> order_;
  std::vector<std::size_t> split_;  // split_[k]: first sorted index with position >= x_k
  std::vector<double> scratch_;
  // Direct path, voter groups: voters at one position with one vote exponent, numbered in order
  // of first appearance; voter_group_[k] = voter k's group, group_weight_[g] = Σ c_k s_k of its
  // members (in table order), group_voter_[g] = its first voter; group_head_/group_next_ list
  // the groups at each position (kNoGroup ends a list).
  static constexpr std::size_t kNoGroup = static_cast<std::size_t>(-1);
  std::vector<std::size_t> voter_group_, group_voter_, group_head_, group_next_;
  std::vector<double> group_weight_;
  // Direct path with linear votes (one group per position): position_weight_[p] = the group
  // weight at the p-th distinct position, left_weight_[p] = Σ_{q <= p}, right_weight_[p] =
  // Σ_{q >= p} of them (LinearPairSums).
  bool linear_ = false;
  std::vector<double> position_weight_, left_weight_, right_weight_;
  std::vector<double> between_w_, between_wy_;  // ComputePositionPairs' partial sums
  // Direct path: u_[g * u_stride_ + p] = (|x_k − y_p| / Δ)^ρ_k for group g's voters k and the
  // p-th distinct position y_p, so each vote is one subtraction and, for one position, the votes
  // on the positions above it are contiguous (ComputePositionPairs sums four pairs at once).
  // Each row ends with 3 zeros of padding (u_stride_ = distinct_ + 3).
  std::vector<double> u_;
  std::size_t u_stride_ = 0;
  std::vector<double> sums_;  // ComputePositionPairs' four vote sums per partner position
  // Direct path: the distinct positions (ascending), position_id_[k] = x_k's index among them,
  // pair_p_[p * distinct_ + q] = P of position p over q.
  std::vector<double> distinct_x_;
  std::vector<std::size_t> position_id_;
  std::size_t distinct_ = 0;
  std::vector<double> pair_p_;
};

}  // namespace entente::eum
