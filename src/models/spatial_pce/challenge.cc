#include "models/spatial_pce/challenge.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace entente::smp {
namespace {

// Where a third party that sides with i ends up, as KTAB implements it (Actor::thirdPartyVoteSU;
// spec §5.4.2). n's expected utilities of joining i and of joining j are sums of the utilities of
// the three positions i, j and n hold afterwards, weighted by p_in = P[i wins | n joins i] and
// p_jn = 1 − p_in. SemiCommit: a winning side's third party stays put and a losing one moves to
// the winner; FullCommit: n ends with the winner either way; NoCommit: n never moves. Under
// FullCommit and NoCommit both sums are the same expectation, so n casts a zero vote — KTAB's
// behaviour, reproduced exactly (docs/models/spatial_pce.md); Estimate() skips that loop then.
double ThirdPartyVote(SmpVotingRule rule, SmpThirdPartyCommit commit, double w, double p_in,
                      double p_jn, double u_ni, double u_nj, double u_nn) {
  double eu_i = 0.0;
  double eu_j = 0.0;
  switch (commit) {
    case SmpThirdPartyCommit::kSemiCommit:
      eu_i = p_in * (2.0 * u_ni + u_nn) + (1.0 - p_in) * (3.0 * u_nj);
      eu_j = p_jn * (2.0 * u_nj + u_nn) + (1.0 - p_jn) * (3.0 * u_ni);
      break;
    case SmpThirdPartyCommit::kFullCommit:
      eu_i = p_in * (3.0 * u_ni) + p_jn * (3.0 * u_nj);
      eu_j = p_jn * (3.0 * u_nj) + p_in * (3.0 * u_ni);
      break;
    case SmpThirdPartyCommit::kNoCommit:
      eu_i = p_in * (2.0 * u_ni + u_nn) + p_jn * (2.0 * u_nj + u_nn);
      eu_j = p_jn * (2.0 * u_nj + u_nn) + p_in * (2.0 * u_ni + u_nn);
      break;
  }
  return Vote(rule, w, eu_i, eu_j);
}

}  // namespace

namespace {

// The body of SMPState::probEduChlg with h's utilities given as columns: u_i[n] = u^h_n(θ_i),
// u_j[n] = u^h_n(θ_j) and u_n[n] = u^h_n(θ_n), for every actor n.
ChallengeEstimate Estimate(const StateView& s, int k, int i, int j, const double* u_i,
                           const double* u_j, const double* u_n, const double* weight) {
  const SmpOptions& o = s.options();
  const SmpVotingRule vr = o.voting_rule;
  // Spec §5.4.1: the principals vote with weight s·c; positive parts go to C_ij, negative to C_ji.
  const double a_i = Vote(vr, weight[i], u_i[i], u_j[i]);
  const double a_j = Vote(vr, weight[j], u_i[j], u_j[j]);
  const double c_i0 = 1e-10 + (a_i > 0 ? a_i : 0.0) + (a_j > 0 ? a_j : 0.0);
  const double c_j0 = 1e-10 + (a_i < 0 ? -a_i : 0.0) + (a_j < 0 ? -a_j : 0.0);
  double c_i = c_i0;
  double c_j = c_j0;
  const bool votes = o.third_party_commit == SmpThirdPartyCommit::kSemiCommit;
  for (int n = 0; votes && n < s.n(); ++n) {
    if (n == i || n == j) continue;
    // Spec §5.4.2 (Actor::vProbLittle): the little contest against the principals alone.
    const double v = Vote(vr, weight[n], u_i[n], u_j[n]);
    const double cni = v > 0 ? v : 0.0;
    const double cnj = v < 0 ? -v : 0.0;
    const double p_in = (c_i0 + cni) / (c_i0 + cni + c_j0 + cnj);
    const double vn = ThirdPartyVote(vr, o.third_party_commit, weight[n], p_in, 1.0 - p_in,
                                     u_i[n], u_j[n], u_n[n]);
    if (vn > 0) {
      c_i += vn;
    } else {
      c_j -= vn;
    }
  }
  ChallengeEstimate e;
  e.prob = c_i / (c_i + c_j);  // spec §5.4.3, always linear
  const double u_ki = u_i[k];
  const double u_kj = u_j[k];
  const double s_j = s.TotalSalience(j);
  // Spec §5.4.4.
  e.util_sq = u_ki + u_kj;
  e.util_vict = 2.0 * u_ki;
  e.util_contest = e.prob * 2.0 * u_ki + (1.0 - e.prob) * 2.0 * u_kj;
  e.util_chlg = (1.0 - s_j) * e.util_vict + s_j * e.util_contest;
  return e;
}

std::vector<double> Weights(const StateView& s) {
  std::vector<double> w(s.n());
  for (int n = 0; n < s.n(); ++n) w[n] = s.TotalSalience(n) * s.Capability(n);
  return w;
}

}  // namespace

ChallengeEstimate EstimateChallenge(const StateView& s, int h, int k, int i, int j) {
  const int n = s.n();
  std::vector<double> u_i(n), u_j(n), u_n(n);
  for (int m = 0; m < n; ++m) {
    u_i[m] = s.Util(h, m, i);
    u_j[m] = s.Util(h, m, j);
    u_n[m] = s.Util(h, m, m);
  }
  const std::vector<double> w = Weights(s);
  return Estimate(s, k, i, j, u_i.data(), u_j.data(), u_n.data(), w.data());
}

BestTarget BestChallenge(const StateView& s, int i) {
  const int n = s.n();
  // cols[x * n + m] = u^i_m(θ_x): i's estimate of every actor's utility for every position.
  std::vector<double> cols(static_cast<size_t>(n) * n), u_n(n);
  for (int m = 0; m < n; ++m) {
    for (int x = 0; x < n; ++x) cols[static_cast<size_t>(x) * n + m] = s.Util(i, m, x);
    u_n[m] = s.Util(i, m, m);
  }
  const std::vector<double> w = Weights(s);
  // Targets in decreasing order of an upper bound on ΔEU, so that most are ruled out without
  // estimating them. ΔEU is linear in P: at P = 1 it is u_ii − u_ij, at P = 0 it is
  // (1 − 2 s_j)(u_ii − u_ij); the bound is the larger. The winner is the first maximum in index
  // order, exactly as a plain scan finds it.
  const double* u_i = &cols[static_cast<size_t>(i) * n];
  std::vector<std::pair<double, int>> order;
  order.reserve(n);
  for (int j = 0; j < n; ++j) {
    if (j == i) continue;
    const double gap = u_i[i] - cols[static_cast<size_t>(j) * n + i];
    order.emplace_back(std::max(gap, (1.0 - 2.0 * s.TotalSalience(j)) * gap), j);
  }
  std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  BestTarget best;
  double best_delta = 1e-5;  // minSigEDU
  for (const auto& [bound, j] : order) {
    if (bound < best_delta - 1e-12) break;  // margin covers rounding in the bound
    const ChallengeEstimate e =
        Estimate(s, i, i, j, u_i, &cols[static_cast<size_t>(j) * n], u_n.data(), w.data());
    if (e.delta() > best_delta || (e.delta() == best_delta && best.target >= 0 && j < best.target)) {
      best_delta = e.delta();
      best.target = j;
      best.estimate = e;
    }
  }
  return best;
}

void InterpolateBargain(const StateView& s, int i, int j, double p_i, std::vector<double>& to_i,
                        std::vector<double>& to_j) {
  const int d = s.d();
  to_i.assign(d, 0.0);
  to_j.assign(d, 0.0);
  const double p_j = 1.0 - p_i;
  const double* x_i = s.Position(i);
  const double* x_j = s.Position(j);
  const double* s_i = s.Salience(i);
  const double* s_j = s.Salience(j);
  const SmpInterVecBrgn mode = s.options().inter_vec_brgn;
  if (mode == SmpInterVecBrgn::kS2PMax) {
    // Only the likelier loser moves, toward the winner by weights s_w² δ and s_l² (1 − δ), with
    // δ = |p_i − p_j| the winner's advantage, plus the 1e-6 tie-breaker on the loser's weight
    // (interpBrgnS2PMax; fitted to KTAB's runs). Not rounded.
    const bool i_wins = p_i > p_j;
    const double delta = i_wins ? p_i - p_j : p_j - p_i;
    for (int k = 0; k < d; ++k) {
      const double ww = (i_wins ? s_i[k] * s_i[k] : s_j[k] * s_j[k]) * delta;
      const double wl = (i_wins ? s_j[k] * s_j[k] : s_i[k] * s_i[k]) * (1.0 - delta);
      const double xw = i_wins ? x_i[k] : x_j[k];
      const double xl = i_wins ? x_j[k] : x_i[k];
      const double moved = (ww * xw + (wl + 1e-6) * xl) / (ww + wl + 1e-6);
      to_i[k] = i_wins ? x_i[k] : moved;
      to_j[k] = i_wins ? moved : x_j[k];
    }
    return;
  }
  // Spec §5.5 (interpBrgnSnPm): w = s^n p^m with n = m = 1 (S1P1) or 2 (S2P2); a 1e-6
  // tie-breaker keeps each side a little closer to its own position; rounded to 4 decimals.
  const bool squared = mode == SmpInterVecBrgn::kS2P2;
  constexpr double kTieBreak = 1e-6;
  for (int k = 0; k < d; ++k) {
    const double wi = squared ? (s_i[k] * s_i[k]) * (p_i * p_i) : s_i[k] * p_i;
    const double wj = squared ? (s_j[k] * s_j[k]) * (p_j * p_j) : s_j[k] * p_j;
    const double bi = ((wi + kTieBreak) * x_i[k] + wj * x_j[k]) / (wi + wj + kTieBreak);
    const double bj = (wi * x_i[k] + (wj + kTieBreak) * x_j[k]) / (wi + wj + kTieBreak);
    to_i[k] = std::round(bi * 10000.0) / 10000.0;
    to_j[k] = std::round(bj * 10000.0) / 10000.0;
  }
}

}  // namespace entente::smp
