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
  x_ = &x;
  r_ = &r;
  mu_ = mu;
  const std::size_t n = x.size();
  if (positions_changed || position_id_.size() != n) {
    std::vector<double>& values = value_of_id_;
    values.assign(x.begin(), x.end());
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    distinct_ = values.size();
    position_id_.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
      position_id_[k] = static_cast<std::size_t>(
          std::lower_bound(values.begin(), values.end(), x[k]) - values.begin());
    }
    // Worth it when positions repeat; bounded to 1 MiB of doubles per table (cache-resident).
    use_table_ = distinct_ < n && n * distinct_ <= (std::size_t{1} << 17);
    if (use_table_) {
      us_table_.resize(n * distinct_);
      uf_table_.resize(n * distinct_);
    }
  }
  SortIntoClasses(r);
  if (use_table_) FillUtilityTable(x, r);
  // P depends on r only through voter-risk votes or the all-pairs denominator's votes.
  const bool r_matters = options_.vote_risk == VoteRisk::kVoterRisk;
  if (positions_changed || r_matters || !p_valid_) {
    table_.Prepare(x, r);
    // The table numbers the distinct positions as position_id_ does (both ascending).
    by_position_ = table_.by_position() && table_.distinct() == distinct_;
    if (by_position_) {
      table_.ComputePositionPairs();
      position_p_ = table_.position_pairs();
    } else {
      table_.AllPairs(p_);
    }
    p_valid_ = true;
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
      usq_[k] = UtilityStatusQuo(r[k]);  // Sch eq. (24)
    } else {
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
      double* __restrict us = &us_table_[row * d];
      double* __restrict uf = &uf_table_[row * d];
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
        // UtilitySuccess / UtilityFailure (Sch eqs. 15, 16) in three passes, the same
        // operations: the bases, RiskPow of each (one UnitPowRow over both rows side by side,
        // padded with 0.5 to whole four-lane blocks, so no lane takes the scalar tail), then
        // 2 − 4·x. At d = 0 both are 2 − 4·0.5^r, which is U^sq (eq. 24) to the bit.
        const std::size_t padded = (2 * d + 3) & ~std::size_t{3};
        pow_scratch_.resize(padded);
        double* __restrict base_s = pow_scratch_.data();
        double* __restrict base_f = base_s + d;
        for (std::size_t q = 0; q < d; ++q) {
          const double dist = std::abs(xk - value[q]) / range;
          base_s[q] = 0.5 - 0.5 * dist;
          base_f[q] = 0.5 + 0.5 * dist;
        }
        for (std::size_t q = 2 * d; q < padded; ++q) base_s[q] = 0.5;
        UnitPowRow(base_s, padded, rk);  // RiskPow of each base, to the bit
        for (std::size_t q = 0; q < d; ++q) {
          us[q] = 2.0 - 4.0 * base_s[q];
          uf[q] = 2.0 - 4.0 * base_f[q];
        }
        us[p] = uf[p] = usq_[k];
      }
    }
    class_row_[c] = row;
  }
  for (std::size_t k = 0; k < n; ++k) row_[k] = class_row_[class_of_[k]];
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
