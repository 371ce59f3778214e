#include "models/expected_utility/probability.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <utility>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "models/expected_utility/utilities.h"

namespace entente::eum {

ProbabilityTable::ProbabilityTable(const ExpectedUtilityOptions& options,
                                   std::vector<double> weight, double range)
    : options_(options), weight_(std::move(weight)), range_(range) {
  const std::size_t n = weight_.size();
  sorted_x_.resize(n);
  prefix_w_.resize(n + 1);
  prefix_wx_.resize(n + 1);
  order_.resize(n);
  split_.resize(n);
  scratch_.resize(n);
}

void ProbabilityTable::Prepare(const std::vector<double>& x, const std::vector<double>& r) {
  x_ = &x;
  r_ = &r;
  const std::size_t n = x.size();
  fast_ = !force_direct_ && options_.vote_risk == VoteRisk::kLinear && n > kDirectLimit;
  if (fast_) {
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::sort(order_.begin(), order_.end(),
              [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    prefix_w_[0] = prefix_wx_[0] = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
      sorted_x_[t] = x[order_[t]];
      prefix_w_[t + 1] = prefix_w_[t] + weight_[order_[t]];
      prefix_wx_[t + 1] = prefix_wx_[t] + weight_[order_[t]] * sorted_x_[t];
    }
    // Actors sharing a position share the first index of its run in sorted order.
    for (std::size_t t = 0; t < n; ++t) {
      split_[order_[t]] = t > 0 && sorted_x_[t] == sorted_x_[t - 1] ? split_[order_[t - 1]] : t;
    }
  }
  if (!fast_) {
    // Distinct positions (ascending) and each actor's id among them.
    distinct_x_.assign(x.begin(), x.end());
    std::sort(distinct_x_.begin(), distinct_x_.end());
    distinct_x_.erase(std::unique(distinct_x_.begin(), distinct_x_.end()), distinct_x_.end());
    distinct_ = distinct_x_.size();
    position_id_.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
      position_id_[k] = static_cast<std::size_t>(
          std::lower_bound(distinct_x_.begin(), distinct_x_.end(), x[k]) - distinct_x_.begin());
    }
    // Voters at one position with one exponent cast votes of one sign on every pair, in
    // proportion to their weights: one group each, its weight summed in table order, first
    // appearance first.
    const std::size_t d = distinct_;
    const bool voter_risk = options_.vote_risk == VoteRisk::kVoterRisk;
    voter_group_.resize(n);
    group_weight_.clear();
    group_voter_.clear();
    group_next_.clear();
    group_head_.assign(d, kNoGroup);
    for (std::size_t k = 0; k < n; ++k) {
      std::size_t g = group_head_[position_id_[k]];
      while (g != kNoGroup && voter_risk &&
             std::bit_cast<std::uint64_t>(r[group_voter_[g]]) !=
                 std::bit_cast<std::uint64_t>(r[k])) {
        g = group_next_[g];
      }
      if (g == kNoGroup) {
        g = group_voter_.size();
        group_voter_.push_back(k);
        group_weight_.push_back(0.0);
        group_next_.push_back(group_head_[position_id_[k]]);
        group_head_[position_id_[k]] = g;
      }
      group_weight_[g] += weight_[k];
      voter_group_[k] = g;
    }
    // Linear votes: one group per position, so the vote sums follow from the positions, their
    // weights and the weights on either side (LinearPairSums); no vote table is needed unless
    // the all-pairs denominator reads it.
    linear_ = !voter_risk;
    if (linear_) {
      position_weight_.resize(d);
      for (std::size_t p = 0; p < d; ++p) position_weight_[p] = group_weight_[group_head_[p]];
      left_weight_.resize(d);
      right_weight_.resize(d);
      double sum = 0.0;
      for (std::size_t p = 0; p < d; ++p) left_weight_[p] = sum += position_weight_[p];
      sum = 0.0;
      for (std::size_t p = d; p-- > 0;) right_weight_[p] = sum += position_weight_[p];
    }
    // Each row padded by 3 zeros for ComputePositionPairs' blocks of four.
    u_stride_ = d + 3;
    const bool need_votes = !linear_ || options_.denominator == ProbabilityDenominator::kAllPairs;
    u_.assign(need_votes ? group_voter_.size() * u_stride_ : 0, 0.0);
    for (std::size_t g = 0; g < group_voter_.size() && need_votes; ++g) {
      const std::size_t k = group_voter_[g];
      const double rho = voter_risk ? r[k] : 1.0;
      for (std::size_t p = 0; p < d; ++p) {
        u_[g * u_stride_ + p] = RiskPow(std::abs(x[k] - distinct_x_[p]) / range_, rho);
      }
    }
  }
  all_pairs_ = 0.0;
  if (options_.denominator == ProbabilityDenominator::kAllPairs) {
    // Σ_k Σ_a Σ_b |v_k(a,b)| = Σ_k c_k s_k Σ_a Σ_b |y_kb − y_ka| with y_ka = (|x_k − x_a|/Δ)^ρ.
    // Sorting y_k ascending, Σ_a Σ_b |y_a − y_b| = 2 Σ_t y_(t) (2t − n + 1): O(n log n) per
    // voter instead of O(n²), the same for every contest of the pass.
    for (std::size_t k = 0; k < n; ++k) {
      const double rho = options_.vote_risk == VoteRisk::kVoterRisk ? r[k] : 1.0;
      for (std::size_t a = 0; a < n; ++a) {
        scratch_[a] = fast_ ? RiskPow(std::abs(x[k] - x[a]) / range_, rho)
                            : u_[voter_group_[k] * u_stride_ + position_id_[a]];
      }
      std::sort(scratch_.begin(), scratch_.end());
      double sum = 0.0;
      for (std::size_t t = 0; t < n; ++t) {
        sum += scratch_[t] * (2.0 * static_cast<double>(t) - static_cast<double>(n) + 1.0);
      }
      all_pairs_ += weight_[k] * 2.0 * sum;
    }
  }
}

double ProbabilityTable::Probability(std::size_t i, std::size_t j) const {
  double p_ij = 0.0, p_ji = 0.0;
  Pair(i, j, &p_ij, &p_ji);
  return p_ij;
}

void ProbabilityTable::Pair(std::size_t i, std::size_t j, double* p_ij, double* p_ji) const {
  const double xi = (*x_)[i], xj = (*x_)[j];
  if (xi == xj) {  // A12: no contest between actors at the same position
    *p_ij = *p_ji = 0.0;
    return;
  }
  if (fast_) {
    FastPair(i, j, p_ij, p_ji);
  } else {
    DirectPair(i, j, p_ij, p_ji);
  }
}

namespace {
// P from the vote sums; `net` = Σ v, `positive` = Σ max(0, v), `absolute` = Σ |v|.
double Ratio(const ExpectedUtilityOptions& options, double net, double positive, double absolute,
             double all_pairs) {
  const double num =
      options.numerator == ProbabilityNumerator::kNetVotes ? std::max(0.0, net) : positive;
  const bool all = options.denominator == ProbabilityDenominator::kAllPairs;
  const double den = all ? all_pairs : absolute;
  if (den <= 0.0) return all ? 0.0 : 0.5;  // nobody cares: a coin toss (eq. 30 undefined)
  return num / den;
}
}  // namespace

namespace {
// The voter between positions y_a < y_b at y_p votes, in units of W_p/Δ, (y_b − y_p) − (y_p − y_a):
// for a when positive, for b when negative (Sch eq. 28 with ρ = 1). Non-increasing in y_p.
inline double LinearBetweenVote(double ya, double yb, double yp) { return (yb - yp) - (yp - ya); }
}  // namespace

inline void ProbabilityTable::LinearSplit(std::size_t a, std::size_t b, std::size_t* below_end,
                                          std::size_t* above_begin) const {
  // LinearBetweenVote is non-increasing in y_p, so the voters between that vote for a come
  // first, then those on the midpoint, then those for b.
  const double* y = distinct_x_.data();
  const double ya = y[a], yb = y[b];
  while (*below_end < b && LinearBetweenVote(ya, yb, y[*below_end]) > 0.0) ++*below_end;
  if (*above_begin < *below_end) *above_begin = *below_end;
  while (*above_begin < b && !(LinearBetweenVote(ya, yb, y[*above_begin]) < 0.0)) ++*above_begin;
}

inline void ProbabilityTable::LinearPairSums(std::size_t a, std::size_t b,
                                             const LinearBetween& between, double* positive,
                                             double* negative) const {
  // Linear votes on y_a < y_b: the voters at or below y_a all vote for a with W_p (y_b − y_a)/Δ,
  // those at or above y_b for b with the same factor; the voters between below the midpoint
  // vote for a with W_p (g − 2(y_p − y_a))/Δ, g = y_b − y_a, so their sum is g Σ W_p −
  // 2 Σ W_p (y_p − y_a) over them, and those above the midpoint for b likewise. Every term of
  // those sums has one sign, so the difference can only lose what rounding costs the partial
  // sums: an absolute error in P of a few ulps times (weight between)/(weight outside). The
  // common factor 1/Δ cancels in eq. (30), so it is applied only for the all-pairs denominator
  // (A2), whose total is in units of Δ.
  const double gap = distinct_x_[b] - distinct_x_[a];
  const double pos_between = std::max(0.0, gap * between.below_w - 2.0 * between.below_wy);
  const double neg_between = std::max(0.0, 2.0 * (between.all_wy - between.above_wy_start) -
                                               gap * (between.all_w - between.above_w_start));
  double pos = left_weight_[a] * gap + pos_between;
  double neg = right_weight_[b] * gap + neg_between;
  if (options_.denominator == ProbabilityDenominator::kAllPairs) {
    pos /= range_;
    neg /= range_;
  }
  *positive = pos;
  *negative = neg;
}

void ProbabilityTable::DirectPair(std::size_t i, std::size_t j, double* p_ij, double* p_ji) const {
  if (linear_) {
    // LinearPairSums on the pair in position order; the net vote is positive − negative.
    const std::size_t lo = std::min(position_id_[i], position_id_[j]);
    const std::size_t hi = std::max(position_id_[i], position_id_[j]);
    // The partial sums over the voters between, in position order, up to the same split as
    // ComputePositionPairs finds (so both give the same bits).
    std::size_t below_end = lo + 1, above_begin = lo + 1;
    LinearSplit(lo, hi, &below_end, &above_begin);
    const double* y = distinct_x_.data();
    LinearBetween between;
    for (std::size_t p = lo + 1;; ++p) {
      if (p == below_end) {
        between.below_w = between.all_w;
        between.below_wy = between.all_wy;
      }
      if (p == above_begin) {
        between.above_w_start = between.all_w;
        between.above_wy_start = between.all_wy;
      }
      if (p == hi) break;
      between.all_w += position_weight_[p];
      between.all_wy += position_weight_[p] * (y[p] - y[lo]);
    }
    double pos = 0.0, neg = 0.0;
    LinearPairSums(lo, hi, between, &pos, &neg);
    if (position_id_[i] > position_id_[j]) std::swap(pos, neg);
    *p_ij = Ratio(options_, pos - neg, pos, pos + neg, all_pairs_);
    *p_ji = Ratio(options_, neg - pos, neg, pos + neg, all_pairs_);
    return;
  }
  // Scholz et al. 2011, eq. (30): P_ij = Σ_{k: v_k > 0} v_k(i,j) / Σ_k |v_k(i,j)|, with
  // eq. (28): v_k(i, j) = c_k s_k (u_k(x_i) − u_k(x_j)), u_k(x) = 1 − 2 (|x_k − x| / Δ)^ρ; the
  // common factor 2 cancels. Summed over voter groups (Prepare) in order of first appearance:
  // a group votes once with its summed weight, its members' votes sharing a sign, so every sum
  // is the references' per-voter sum but for rounding. Adding +0.0 for a vote of the other
  // sign leaves a sum unchanged, so the sums need no branches.
  double net = 0.0, positive = 0.0, negative = 0.0, absolute = 0.0;
  const std::size_t groups = group_weight_.size(), stride = u_stride_;
  const double* ui = &u_[position_id_[i]];
  const double* uj = &u_[position_id_[j]];
  for (std::size_t k = 0; k < groups; ++k) {
    const double v = group_weight_[k] * (uj[k * stride] - ui[k * stride]);
    net += v;
    positive += v > 0.0 ? v : 0.0;
    negative += v < 0.0 ? -v : 0.0;
    absolute += std::abs(v);
  }
  *p_ij = Ratio(options_, net, positive, absolute, all_pairs_);
  *p_ji = Ratio(options_, -net, negative, absolute, all_pairs_);
}

double ProbabilityTable::SumAbs(std::size_t lo, std::size_t hi, double z, std::size_t split) const {
  if (lo >= hi) return 0.0;
  // lower_bound within [lo, hi) is the whole-array lower_bound clamped to the range.
  const std::size_t p = std::min(std::max(split, lo), hi);
  const double left = z * (prefix_w_[p] - prefix_w_[lo]) - (prefix_wx_[p] - prefix_wx_[lo]);
  const double right = (prefix_wx_[hi] - prefix_wx_[p]) - z * (prefix_w_[hi] - prefix_w_[p]);
  return left + right;
}

void ProbabilityTable::FastPair(std::size_t i, std::size_t j, double* p_ij, double* p_ji) const {
  const double m = 0.5 * ((*x_)[i] + (*x_)[j]);
  const auto below_it = std::lower_bound(sorted_x_.begin(), sorted_x_.end(), m);
  const auto above_it = std::upper_bound(below_it, sorted_x_.end(), m);
  FastPairAt(i, j, static_cast<std::size_t>(below_it - sorted_x_.begin()),
             static_cast<std::size_t>(above_it - sorted_x_.begin()), p_ij, p_ji);
}

void ProbabilityTable::FastPairAt(std::size_t i, std::size_t j, std::size_t below,
                                  std::size_t above, double* p_ij, double* p_ji) const {
  // With linear votes, v_k(i,j) = c_k s_k (|x_k − x_j| − |x_k − x_i|) / Δ has one sign on each
  // side of the midpoint m = (x_i + x_j)/2 (and is 0 at m), so each side's sum is a difference
  // of two Σ w |x − z| sums, read from prefix sums.
  const double xi = (*x_)[i], xj = (*x_)[j];
  const std::size_t si = split_[i], sj = split_[j];
  const std::size_t n = sorted_x_.size();
  const double low = (SumAbs(0, below, xj, sj) - SumAbs(0, below, xi, si)) / range_;
  const double high = (SumAbs(above, n, xj, sj) - SumAbs(above, n, xi, si)) / range_;
  const double absolute = std::abs(low) + std::abs(high);
  *p_ij =
      Ratio(options_, low + high, std::max(0.0, low) + std::max(0.0, high), absolute, all_pairs_);
  *p_ji = Ratio(options_, -(low + high), std::max(0.0, -low) + std::max(0.0, -high), absolute,
                all_pairs_);
}

namespace {

// The vote sums of DirectPair for position a against every position b in [a + 1, d): for each
// b, net = Σ v, positive = Σ max(v, 0), negative = Σ max(−v, 0), absolute = Σ |v| over the
// voter groups k in order, v = w_k (u[k][b] − u[k][a]) (Sch eqs. 28, 30). u has `stride` >= d + 3
// columns (zero padding); out arrays hold d + 3 entries, indexed by b. Partners are taken four
// at a time; each lane does exactly the scalar operations, so every variant below gives the
// same bits.
struct ProbabilityVoteSums {
  double* net;
  double* positive;
  double* negative;
  double* absolute;
};

void ProbabilityVoteSumsScalar(const double* u, std::size_t stride, const double* weight,
                               std::size_t n, std::size_t a, std::size_t d,
                               const ProbabilityVoteSums& out) {
  for (std::size_t b = a + 1; b < d; ++b) {
    out.net[b] = out.positive[b] = out.negative[b] = out.absolute[b] = 0.0;
  }
  for (std::size_t k = 0; k < n; ++k) {
    const double* row = &u[k * stride];
    for (std::size_t b = a + 1; b < d; ++b) {
      const double v = weight[k] * (row[b] - row[a]);
      out.net[b] += v;
      out.positive[b] += v > 0.0 ? v : 0.0;
      out.negative[b] += v < 0.0 ? -v : 0.0;
      out.absolute[b] += std::abs(v);
    }
  }
}

#if defined(__SSE2__)
void ProbabilityVoteSumsSse2(const double* u, std::size_t stride, const double* weight,
                             std::size_t n, std::size_t a, std::size_t d,
                             const ProbabilityVoteSums& out) {
  const __m128d zero = _mm_setzero_pd();
  const __m128d sign = _mm_set1_pd(-0.0);
  for (std::size_t b0 = a + 1; b0 < d; b0 += 4) {
    __m128d net0 = zero, net1 = zero, pos0 = zero, pos1 = zero;
    __m128d neg0 = zero, neg1 = zero, abs0 = zero, abs1 = zero;
    for (std::size_t k = 0; k < n; ++k) {
      const double* row = &u[k * stride];
      const __m128d w = _mm_set1_pd(weight[k]);
      const __m128d ua = _mm_set1_pd(row[a]);
      const __m128d v0 = _mm_mul_pd(w, _mm_sub_pd(_mm_loadu_pd(row + b0), ua));
      const __m128d v1 = _mm_mul_pd(w, _mm_sub_pd(_mm_loadu_pd(row + b0 + 2), ua));
      net0 = _mm_add_pd(net0, v0);
      net1 = _mm_add_pd(net1, v1);
      // v > 0 ? v : +0, v < 0 ? −v : +0 and |v|, as masks.
      pos0 = _mm_add_pd(pos0, _mm_and_pd(_mm_cmpgt_pd(v0, zero), v0));
      pos1 = _mm_add_pd(pos1, _mm_and_pd(_mm_cmpgt_pd(v1, zero), v1));
      neg0 = _mm_add_pd(neg0, _mm_and_pd(_mm_cmplt_pd(v0, zero), _mm_xor_pd(v0, sign)));
      neg1 = _mm_add_pd(neg1, _mm_and_pd(_mm_cmplt_pd(v1, zero), _mm_xor_pd(v1, sign)));
      abs0 = _mm_add_pd(abs0, _mm_andnot_pd(sign, v0));
      abs1 = _mm_add_pd(abs1, _mm_andnot_pd(sign, v1));
    }
    _mm_storeu_pd(out.net + b0, net0);
    _mm_storeu_pd(out.net + b0 + 2, net1);
    _mm_storeu_pd(out.positive + b0, pos0);
    _mm_storeu_pd(out.positive + b0 + 2, pos1);
    _mm_storeu_pd(out.negative + b0, neg0);
    _mm_storeu_pd(out.negative + b0 + 2, neg1);
    _mm_storeu_pd(out.absolute + b0, abs0);
    _mm_storeu_pd(out.absolute + b0 + 2, abs1);
  }
}
#endif

#if defined(__x86_64__) && defined(__GNUC__)
#define ENTENTE_PROBABILITY_AVX 1
// The same with four lanes per register, for processors with AVX (chosen at run time). AVX
// alone has no fused multiply-add, so the product and the sum stay two roundings.
__attribute__((target("avx"))) void ProbabilityVoteSumsAvx(const double* u, std::size_t stride,
                                                           const double* weight, std::size_t n,
                                                           std::size_t a, std::size_t d,
                                                           const ProbabilityVoteSums& out) {
  const __m256d zero = _mm256_setzero_pd();
  const __m256d sign = _mm256_set1_pd(-0.0);
  for (std::size_t b0 = a + 1; b0 < d; b0 += 4) {
    __m256d net = zero, pos = zero, neg = zero, abs = zero;
    for (std::size_t k = 0; k < n; ++k) {
      const double* row = &u[k * stride];
      const __m256d v =
          _mm256_mul_pd(_mm256_set1_pd(weight[k]),
                        _mm256_sub_pd(_mm256_loadu_pd(row + b0), _mm256_set1_pd(row[a])));
      net = _mm256_add_pd(net, v);
      pos = _mm256_add_pd(pos, _mm256_and_pd(_mm256_cmp_pd(v, zero, _CMP_GT_OQ), v));
      neg = _mm256_add_pd(
          neg, _mm256_and_pd(_mm256_cmp_pd(v, zero, _CMP_LT_OQ), _mm256_xor_pd(v, sign)));
      abs = _mm256_add_pd(abs, _mm256_andnot_pd(sign, v));
    }
    _mm256_storeu_pd(out.net + b0, net);
    _mm256_storeu_pd(out.positive + b0, pos);
    _mm256_storeu_pd(out.negative + b0, neg);
    _mm256_storeu_pd(out.absolute + b0, abs);
  }
}
#endif

}  // namespace

void ProbabilityTable::ComputePositionPairs() {
  // DirectPair for every pair of distinct positions a < b, bit-identical: LinearPairSums for
  // linear votes, else the same sums in the same voter order (ProbabilityVoteSums). Swapping the
  // pair negates every vote exactly, so one pass gives both directions.
  const std::size_t d = distinct_;
  // Every entry is written below but the diagonal (P between equal positions is 0).
  if (pair_p_.size() < d * d) pair_p_.resize(d * d);
  for (std::size_t a = 0; a < d; ++a) pair_p_[a * d + a] = 0.0;
  if (linear_) {
    // For each a, the partial sums of W_p and W_p (y_p − y_a) over p = a+1, a+2, … once; for
    // each b above it, the voters between that vote for a are those before the first p with a
    // non-positive vote, and both boundaries only move up as y_b grows (LinearBetweenVote is
    // non-decreasing in y_b), so DirectPair's values come out at O(1) a pair.
    const double* y = distinct_x_.data();
    between_w_.resize(d + 1);
    between_wy_.resize(d + 1);
    for (std::size_t a = 0; a + 1 < d; ++a) {
      const double ya = y[a];
      between_w_[a + 1] = between_wy_[a + 1] = 0.0;  // sums over a < q < p at index p
      for (std::size_t p = a + 1; p < d; ++p) {
        between_w_[p + 1] = between_w_[p] + position_weight_[p];
        between_wy_[p + 1] = between_wy_[p] + position_weight_[p] * (y[p] - ya);
      }
      std::size_t below_end = a + 1, above_begin = a + 1;
      for (std::size_t b = a + 1; b < d; ++b) {
        LinearSplit(a, b, &below_end, &above_begin);
        const LinearBetween between{between_w_[below_end],   between_wy_[below_end],
                                    between_w_[above_begin], between_wy_[above_begin],
                                    between_w_[b],           between_wy_[b]};
        double pos = 0.0, neg = 0.0;
        LinearPairSums(a, b, between, &pos, &neg);
        pair_p_[a * d + b] = Ratio(options_, pos - neg, pos, pos + neg, all_pairs_);
        pair_p_[b * d + a] = Ratio(options_, neg - pos, neg, pos + neg, all_pairs_);
      }
    }
    return;
  }
  sums_.resize(4 * (d + 3));
  const ProbabilityVoteSums out{&sums_[0], &sums_[d + 3], &sums_[2 * (d + 3)], &sums_[3 * (d + 3)]};
  auto* kernel = &ProbabilityVoteSumsScalar;
#if defined(__SSE2__)
  if (vote_sums_ == VoteSums::kAuto || vote_sums_ == VoteSums::kSse2) {
    kernel = &ProbabilityVoteSumsSse2;
  }
#endif
#if defined(ENTENTE_PROBABILITY_AVX)
  static const bool avx = __builtin_cpu_supports("avx");
  if (avx && (vote_sums_ == VoteSums::kAuto || vote_sums_ == VoteSums::kAvx)) {
    kernel = &ProbabilityVoteSumsAvx;
  }
#endif
  for (std::size_t a = 0; a + 1 < d; ++a) {
    kernel(u_.data(), u_stride_, group_weight_.data(), group_weight_.size(), a, d, out);
    for (std::size_t b = a + 1; b < d; ++b) {
      pair_p_[a * d + b] =
          Ratio(options_, out.net[b], out.positive[b], out.absolute[b], all_pairs_);
      pair_p_[b * d + a] =
          Ratio(options_, -out.net[b], out.negative[b], out.absolute[b], all_pairs_);
    }
  }
}

void ProbabilityTable::AllPairs(std::vector<double>& p) {
  const std::size_t n = x_->size();
  p.assign(n * n, 0.0);
  if (!fast_) {
    // Every vote on (i, j) depends on x_i and x_j only, not on who holds them, so P is computed
    // once per pair of distinct positions and copied to every actor pair holding them.
    ComputePositionPairs();
    const std::size_t d = distinct_;
    for (std::size_t i = 0; i < n; ++i) {
      const double* row = &pair_p_[position_id_[i] * d];
      double* out = &p[i * n];
      for (std::size_t j = 0; j < n; ++j) out[j] = row[position_id_[j]];
    }
    return;
  }
  // Sweep: for the actor at sorted place t, partners at places u > t have nondecreasing
  // midpoints, so lower_bound/upper_bound of the midpoint only move forward. FastPairAt is
  // antisymmetric to the bit (a − b = −(b − a)), so the pair's index order does not matter.
  for (std::size_t t = 0; t < n; ++t) {
    const std::size_t a = order_[t];
    std::size_t below = 0, above = 0;
    for (std::size_t u = t + 1; u < n; ++u) {
      const std::size_t b = order_[u];
      if (sorted_x_[t] == sorted_x_[u]) continue;  // A12: no contest at the same position
      const std::size_t i = a < b ? a : b, j = a < b ? b : a;
      const double m = 0.5 * ((*x_)[i] + (*x_)[j]);
      while (below < n && sorted_x_[below] < m) ++below;
      if (above < below) above = below;
      while (above < n && !(m < sorted_x_[above])) ++above;
      FastPairAt(i, j, below, above, &p[i * n + j], &p[j * n + i]);
    }
  }
}

}  // namespace entente::eum
