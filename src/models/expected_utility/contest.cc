#include "models/expected_utility/contest.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "models/expected_utility/unit_pow.h"
#include "models/expected_utility/utilities.h"

namespace entente::eum {

namespace {
std::vector<double> Weight(const std::vector<double>& weight) { return weight; }
}  // namespace

Contest::Contest(const ExpectedUtilityOptions& options, const std::vector<double>& weight,
                 const std::vector<double>& salience, double range)
    : options_(options),
      plain_(options.q == 1.0 && options.perspective == OtherSidePerspective::kOwn &&
             options.other_salience == OtherSideSalience::kTarget),
      salience_(salience),
      range_(range),
      table_(options, Weight(weight), range),
      usq_(weight.size()) {}

namespace {
// Bitwise equality: values equal to the bit give equal results in every computation.
bool ContestSameBits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}
}  // namespace

void Contest::Prepare(const std::vector<double>& x, const std::vector<double>& r, double mu,
                      bool positions_changed) {
  PrepareProbability(x, r, positions_changed);
  mu_ = mu;
  SortIntoClasses(r);
  if (use_table_) FillUtilityTable(x, r);
  class_table_ = plain_ && use_table_ && by_position_;
  if (class_table_) FillClassTable();
}

void Contest::PrepareProbability(const std::vector<double>& x, const std::vector<double>& r,
                                 bool positions_changed) {
  x_ = &x;
  r_ = &r;
  class_table_ = false;  // until Prepare sorts the classes
  const std::size_t n = x.size();
  const bool positions_new = positions_changed || position_id_.size() != n;
  // P depends on r only through voter-risk votes or the all-pairs denominator's votes.
  const bool r_matters = options_.vote_risk == VoteRisk::kVoterRisk;
  const bool p_new = positions_new || r_matters || !p_valid_;
  if (p_new) table_.Prepare(x, r);
  if (positions_new) {
    base_logs_valid_ = false;
    if (table_.by_position()) {
      // The table has just numbered the distinct positions (ascending), as below.
      value_of_id_ = table_.distinct_values();
      position_id_ = table_.position_id();
    } else {
      std::vector<double>& values = value_of_id_;
      values.assign(x.begin(), x.end());
      std::sort(values.begin(), values.end());
      values.erase(std::unique(values.begin(), values.end()), values.end());
      position_id_.resize(n);
      for (std::size_t k = 0; k < n; ++k) {
        position_id_[k] = static_cast<std::size_t>(
            std::lower_bound(values.begin(), values.end(), x[k]) - values.begin());
      }
    }
    distinct_ = value_of_id_.size();
    stride_ = (2 * distinct_ + 3) & ~std::size_t{3};
    // Worth it when positions repeat; bounded to 1 MiB of doubles (cache-resident).
    use_table_ = distinct_ < n && n * stride_ <= (std::size_t{1} << 17);
    if (use_table_) utility_table_.resize(n * stride_);
  }
  if (p_new) {
    by_position_ = table_.by_position();
    if (by_position_) {
      table_.ComputePositionPairs();
      position_p_ = table_.position_pairs();
    } else {
      table_.AllPairs(p_);
    }
    p_valid_ = true;
  }
}

void Contest::FillClassTable() {
  class_entries_.resize(reps_.size());
  for (std::size_t c = 0; c < reps_.size(); ++c) {
    const std::size_t k = reps_[c];
    class_entries_[c] = ClassEntry{position_id_[k], class_row_[c] * stride_, salience_[k], usq_[k]};
  }
}

void Contest::SortIntoClasses(const std::vector<double>& r) {
  const std::size_t n = r.size();
  reps_.clear();
  class_next_.clear();
  class_of_.resize(n);
  class_head_.assign(distinct_, kNone);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t p = position_id_[k];
    std::size_t c = class_head_[p];
    while (c != kNone && !(ContestSameBits(r[reps_[c]], r[k]) &&
                           ContestSameBits(salience_[reps_[c]], salience_[k]))) {
      c = class_next_[c];
    }
    if (c == kNone) {
      c = reps_.size();
      reps_.push_back(k);
      class_next_.push_back(class_head_[p]);
      class_head_[p] = c;
      // Sch eq. (24); with the utility table it is read from the table's diagonal instead.
      if (!use_table_) usq_[k] = UtilityStatusQuo(r[k]);
    } else if (!use_table_) {
      usq_[k] = usq_[reps_[c]];
    }
    class_of_[k] = c;
  }
}

void Contest::FillUtilityTable(const std::vector<double>& x, const std::vector<double>& r) {
  // Actors at one position with the same exponent share a row, so each distinct row's pows
  // are computed once. Under bdm, r_i depends on x_i and s_i only, so actors coded alike
  // (e.g. the flagship's Allies at salience 0.3) share rows.
  const std::size_t n = x.size(), d = distinct_;
  row_.resize(n);
  row_head_.assign(d, kNone);
  row_next_.clear();
  row_actor_.clear();
  class_row_.resize(reps_.size());
  for (std::size_t c = 0; c < reps_.size(); ++c) {
    const std::size_t k = reps_[c];
    const std::size_t p = position_id_[k];
    std::size_t row = row_head_[p];
    while (row != kNone && !ContestSameBits(r[row_actor_[row]], r[k])) row = row_next_[row];
    if (row == kNone) {
      row = row_actor_.size();
      row_actor_.push_back(k);
      row_next_.push_back(row_head_[p]);
      row_head_[p] = row;
      double* __restrict us = &utility_table_[row * stride_];
      double* __restrict uf = us + d;
      const double* __restrict value = value_of_id_.data();
      const double xk = x[k], rk = r[k], range = range_;
      if (rk == 1.0) {
        // RiskPow(base, 1) is base itself: no pow, and a loop the compiler vectorises.
        for (std::size_t q = 0; q < d; ++q) {
          const double dist = std::abs(xk - value[q]) / range;
          us[q] = 2.0 - 4.0 * (0.5 - 0.5 * dist);
          uf[q] = 2.0 - 4.0 * (0.5 + 0.5 * dist);
        }
      } else {
        // UtilitySuccess / UtilityFailure (Sch eqs. 15, 16): 2 − 4·RiskPow of the bases 0.5 ∓
        // d/2 of every partner position, from their logarithms (FillBaseLogs: the same for
        // every exponent, and symmetric, in this row's layout), bit-identical to UnitPowRow on
        // the bases and then 2 − 4·x.
        if (!base_logs_valid_) FillBaseLogs();
        UnitPowAffineRowFromLogs(&bases_[p * stride_], &base_logs_[p * stride_], us, stride_, rk,
                                 2.0, 4.0);
      }
    }
    class_row_[c] = row;
  }
  // At distance 0 both bases are 0.5, so U^s = U^f = 2 − 4·RiskPow(0.5, r): U^sq (Sch eq. 24),
  // to the bit, on the row's own position.
  for (std::size_t k = 0; k < n; ++k) {
    row_[k] = class_row_[class_of_[k]];
    usq_[k] = utility_table_[row_[k] * stride_ + position_id_[k]];
  }
}

void Contest::FillBaseLogs() {
  // Row p: [0.5 − d_pq/2 for q < D, 0.5 + d_pq/2 for q < D, padding 0.5] with d_pq = |y_p − y_q|/Δ
  // exactly as a row computes it (the difference is exact in sign, so d_pq = d_qp). The
  // logarithms of the pairs q > p are taken in one padded UnitLogRow; each row then reads its
  // entries from the pair (min(p, q), max(p, q)).
  const std::size_t d = distinct_, stride = stride_;
  bases_.resize(d * stride);
  base_logs_.resize(d * stride);
  const double* value = value_of_id_.data();
  const std::size_t pairs = d * (d - 1) / 2;
  const std::size_t padded = (2 * pairs + 4 + 3) & ~std::size_t{3};
  pair_bases_.resize(padded);  // [s of each pair, f of each pair, 0.5 (its log at the end)]
  pair_logs_.resize(padded);
  std::size_t at = 0;
  for (std::size_t p = 0; p < d; ++p) {
    for (std::size_t q = p + 1; q < d; ++q, ++at) {
      const double dist = std::abs(value[p] - value[q]) / range_;
      pair_bases_[at] = 0.5 - 0.5 * dist;
      pair_bases_[pairs + at] = 0.5 + 0.5 * dist;
    }
  }
  std::fill(pair_bases_.begin() + static_cast<std::ptrdiff_t>(2 * pairs), pair_bases_.end(), 0.5);
  UnitLogRow(pair_bases_.data(), pair_logs_.data(), padded);
  const double log_half = pair_logs_[padded - 1];  // ln 0.5: the diagonal and the padding
  for (std::size_t p = 0; p < d; ++p) {
    double* __restrict bp = &bases_[p * stride];
    double* __restrict lp = &base_logs_[p * stride];
    // Pair (q, p) for q < p sits at q·D − q(q+1)/2 + (p − q − 1); pair (p, q) for q > p follows
    // the row start of p.
    std::size_t pair = p - 1;  // pair (0, p)
    for (std::size_t q = 0; q < p; ++q) {
      bp[q] = pair_bases_[pair];
      bp[d + q] = pair_bases_[pairs + pair];
      lp[q] = pair_logs_[pair];
      lp[d + q] = pair_logs_[pairs + pair];
      pair += d - q - 2;  // (q, p) → (q + 1, p)
    }
    bp[p] = bp[d + p] = 0.5;
    lp[p] = lp[d + p] = log_half;
    pair = p * d - p * (p + 1) / 2;  // pair (p, p + 1)
    for (std::size_t q = p + 1; q < d; ++q, ++pair) {
      bp[q] = pair_bases_[pair];
      bp[d + q] = pair_bases_[pairs + pair];
      lp[q] = pair_logs_[pair];
      lp[d + q] = pair_logs_[pairs + pair];
    }
    for (std::size_t q = 2 * d; q < stride; ++q) {
      bp[q] = 0.5;
      lp[q] = log_half;
    }
  }
  base_logs_valid_ = true;
}

double Contest::NoChallenge(double r, double usq, std::size_t challenger, std::size_t target,
                            std::size_t anchor) const {
  const double q = options_.q;
  if (q == 1.0) return usq;  // Sch p. 26: with Q = 1 the term is U^sq
  // Sch eqs. (18), (19): U^b, U^w from the anchor's distance to μ (the challenger's, or on the
  // other side under eum's reading the target's) and the challenger's distance to the target.
  const double xc = (*x_)[challenger], xt = (*x_)[target];
  const double to_mu = std::abs((*x_)[anchor] - mu_), to_target = std::abs(xc - xt);
  const double t =
      options_.t_rule == TRule::kGeometric ? (to_mu < to_target ? 1.0 : 0.0) : options_.t;
  const double ub = UtilityBetter(to_mu / range_, to_target / range_, r);
  const double uw = UtilityWorse(to_mu / range_, to_target / range_, r);
  const double rest = (1.0 - q) * (t * ub + (1.0 - t) * uw);
  // Sch eq. (25a) subtracts the whole term; dmasadgdm adds the (1 − Q) part (A7).
  return options_.no_challenge_sign == NoChallengeSign::kSubtract ? q * usq + rest : q * usq - rest;
}

}  // namespace entente::eum
