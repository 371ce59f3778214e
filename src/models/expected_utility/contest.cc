#include "models/expected_utility/contest.h"

#include <algorithm>
#include <cmath>

#include "models/expected_utility/utilities.h"

namespace entente::eum {

namespace {
std::vector<double> Weight(const std::vector<double>& weight) { return weight; }
}  // namespace

Contest::Contest(const ExpectedUtilityOptions& options, const std::vector<double>& weight,
                 const std::vector<double>& salience, double range)
    : options_(options),
      salience_(salience),
      range_(range),
      table_(options, Weight(weight), range),
      usq_(weight.size()),
      p_(weight.size() * weight.size()) {}

void Contest::Prepare(const std::vector<double>& x, const std::vector<double>& r, double mu,
                      bool positions_changed) {
  x_ = &x;
  r_ = &r;
  mu_ = mu;
  const std::size_t n = x.size();
  for (std::size_t k = 0; k < n; ++k) usq_[k] = UtilityStatusQuo(r[k]);
  if (positions_changed || position_id_.size() != n) {
    std::vector<double> values = x;
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
      us_table_.assign(n * distinct_, 0.0);
      uf_table_.assign(n * distinct_, 0.0);
      value_of_id_ = std::move(values);
    }
  }
  if (use_table_) {
    // Actors at one position with the same exponent share a row, so each distinct row's pows
    // are computed once and copied (bit-identical). Under bdm, r_i depends on x_i and s_i only,
    // so actors coded alike (e.g. the flagship's Allies at salience 0.3) share rows.
    row_of_.assign(distinct_, kNoRow);
    row_next_.assign(n, kNoRow);
    for (std::size_t k = 0; k < n; ++k) {
      std::size_t same = row_of_[position_id_[k]];
      while (same != kNoRow && r[same] != r[k]) same = row_next_[same];
      if (same != kNoRow) {
        std::copy_n(&us_table_[same * distinct_], distinct_, &us_table_[k * distinct_]);
        std::copy_n(&uf_table_[same * distinct_], distinct_, &uf_table_[k * distinct_]);
        continue;
      }
      row_next_[k] = row_of_[position_id_[k]];  // k heads its position's list of rows
      row_of_[position_id_[k]] = k;
      for (std::size_t p = 0; p < distinct_; ++p) {
        // The same d and r as Evaluate would use for a partner at this position.
        const double d = std::abs(x[k] - value_of_id_[p]) / range_;
        us_table_[k * distinct_ + p] = UtilitySuccess(d, r[k]);
        uf_table_[k * distinct_ + p] = UtilityFailure(d, r[k]);
      }
    }
  }
  // P depends on r only through voter-risk votes or the all-pairs denominator's votes.
  const bool r_matters = options_.vote_risk == VoteRisk::kVoterRisk;
  if (positions_changed || r_matters || !p_valid_) {
    table_.Prepare(x, r);
    table_.AllPairs(p_);
    p_valid_ = true;
  }
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

void Contest::ComputeSuccessFailure(std::size_t i, double d, double* us, double* uf) const {
  const double r = (*r_)[i];
  *us = UtilitySuccess(d, r);
  *uf = UtilityFailure(d, r);
}

PairValues Contest::Evaluate(std::size_t i, std::size_t j) const {
  const std::size_t n = x_->size();
  const std::vector<double>& r = *r_;
  PairValues v;
  v.p_ij = p_[i * n + j];
  v.p_ji = p_[j * n + i];
  const double d = std::abs((*x_)[i] - (*x_)[j]) / range_;
  // Sch eqs. (15), (16): success and failure utilities with each actor's exponent.
  double us_i = 0.0, uf_i = 0.0, us_j = 0.0, uf_j = 0.0;
  SuccessFailure(i, j, d, &us_i, &uf_i);
  if (r[j] == r[i]) {
    us_j = us_i;
    uf_j = uf_i;
  } else {
    SuccessFailure(j, i, d, &us_j, &uf_j);
  }
  // E^i(U_ij): i's EU of challenging j, with r_i and j's salience (Sch eq. 25a).
  v.a_ij =
      ChallengeUtility(v.p_ij, salience_[j], us_i, uf_i, NoChallengeTerm(r[i], usq_[i], i, j, i));
  v.a_ji =
      ChallengeUtility(v.p_ji, salience_[i], us_j, uf_j, NoChallengeTerm(r[j], usq_[j], j, i, j));
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
  const double s_b_ij = target ? salience_[i] : salience_[j];
  const double s_b_ji = target ? salience_[j] : salience_[i];
  const std::size_t anchor_ij = anchor_target ? i : j;  // for b_ij, j challenges i
  const std::size_t anchor_ji = anchor_target ? j : i;
  if (perceiver) {
    v.b_ij = ChallengeUtility(v.p_ji, s_b_ij, us_i, uf_i,
                              NoChallengeTerm(r[i], usq_[i], j, i, anchor_ij));
    v.b_ji = ChallengeUtility(v.p_ij, s_b_ji, us_j, uf_j,
                              NoChallengeTerm(r[j], usq_[j], i, j, anchor_ji));
  } else {
    v.b_ij = ChallengeUtility(v.p_ji, s_b_ij, us_j, uf_j,
                              NoChallengeTerm(r[j], usq_[j], j, i, anchor_ij));
    v.b_ji = ChallengeUtility(v.p_ij, s_b_ji, us_i, uf_i,
                              NoChallengeTerm(r[i], usq_[i], i, j, anchor_ji));
  }
  return v;
}

}  // namespace entente::eum
