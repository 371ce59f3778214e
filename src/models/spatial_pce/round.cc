#include "models/spatial_pce/round.h"

#include <algorithm>
#include <utility>

#include "models/spatial_pce/challenge.h"

namespace entente::smp {
namespace {

// Spec §5.5: the bargains of one round, in initiator order (SMPState::doBCN).
std::vector<SmpBargain> RoundProposals(const StateView& s) {
  const SmpOptions& o = s.options();
  std::vector<SmpBargain> out;
  for (int i = 0; i < s.n(); ++i) {
    const BestTarget best = BestChallenge(s, i);
    if (best.target < 0) continue;
    const int j = best.target;
    SmpBargain b;
    b.init = i;
    b.recd = j;
    b.value = best.estimate.delta();
    b.prob = best.estimate.prob;
    InterpolateBargain(s, i, j, best.estimate.prob, b.init_pos, b.recd_pos);
    if (o.bargn_model == SmpBargnModel::kInitOnlyInterp) {
      out.push_back(std::move(b));
      continue;
    }
    // j's view of the same challenge, P^j[i ≻ j]. KTAB's bug (smpbcn.cpp:423) takes the ΔEU
    // element instead: j's estimate of i's gain.
    const ChallengeEstimate ej = EstimateChallenge(s, j, i, i, j);
    const double p_j_view = o.ktab_bargain_bugs ? ej.delta() : ej.prob;
    SmpBargain bj = b;
    InterpolateBargain(s, i, j, p_j_view, bj.init_pos, bj.recd_pos);
    if (o.bargn_model == SmpBargnModel::kInitRcvrInterp) {
      out.push_back(std::move(b));
      out.push_back(std::move(bj));
      continue;
    }
    // PWCompInterp: average of both views weighted by each side's salience-weighted capability
    // s·c (fitted to KTAB's runs). KTAB's bug (smpbcn.cpp:430) uses i's capability for j's weight.
    const double ci = s.TotalSalience(i) * s.Capability(i);
    const double cj =
        s.TotalSalience(j) * (o.ktab_bargain_bugs ? s.Capability(i) : s.Capability(j));
    for (int k = 0; k < s.d(); ++k) {
      b.init_pos[k] = (ci * b.init_pos[k] + cj * bj.init_pos[k]) / (ci + cj);
      b.recd_pos[k] = (ci * b.recd_pos[k] + cj * bj.recd_pos[k]) / (ci + cj);
    }
    out.push_back(std::move(b));
  }
  return out;
}

// U_a(b) = (1/N) Σ_n u_a(position of n once b is adopted) (spec §5.6); self_util(a, m) = u_a(θ_m).
// Summed in actor order, as KTAB does.
std::vector<double> RoundBargainUtilities(const StateView& s, const Matrix& self_util,
                                          const SmpBargain& b) {
  const int n = s.n();
  std::vector<double> u(n);
  const bool sq = b.init == b.recd;
  const int lo = std::min(b.init, b.recd);
  const int hi = std::max(b.init, b.recd);
  for (int a = 0; a < n; ++a) {
    const double* row = &self_util.v[static_cast<size_t>(a) * n];
    double sum = 0.0;
    if (sq) {
      for (int m = 0; m < n; ++m) sum += row[m];
    } else {
      const double u_lo = s.OwnUtilOf(a, (lo == b.init ? b.init_pos : b.recd_pos).data());
      const double u_hi = s.OwnUtilOf(a, (hi == b.init ? b.init_pos : b.recd_pos).data());
      for (int m = 0; m < lo; ++m) sum += row[m];
      sum += u_lo;
      for (int m = lo + 1; m < hi; ++m) sum += row[m];
      sum += u_hi;
      for (int m = hi + 1; m < n; ++m) sum += row[m];
    }
    u[a] = sum / n;
  }
  return u;
}

}  // namespace

Round ProposeRound(const StateView& s) {
  const int n = s.n();
  Round r;
  for (int k = 0; k < n; ++k) {
    SmpBargain sq;
    sq.init = sq.recd = k;
    r.bargains.push_back(std::move(sq));
  }
  for (SmpBargain& b : RoundProposals(s)) r.bargains.push_back(std::move(b));
  Matrix self_util(n, n);
  for (int a = 0; a < n; ++a) {
    for (int m = 0; m < n; ++m) self_util(a, m) = s.Util(a, a, m);
  }
  r.bargain_util.reserve(r.bargains.size());
  for (const SmpBargain& b : r.bargains) {
    r.bargain_util.push_back(RoundBargainUtilities(s, self_util, b));
  }
  return r;
}

std::vector<std::vector<int>> StandardQueues(const std::vector<SmpBargain>& bargains, int n) {
  std::vector<std::vector<int>> queue(n);
  for (int b = 0; b < static_cast<int>(bargains.size()); ++b) {
    queue[bargains[b].init].push_back(b);
    if (bargains[b].recd != bargains[b].init) queue[bargains[b].recd].push_back(b);
  }
  return queue;
}

std::vector<double> QueueProbabilities(const StateView& s, const Round& round,
                                       const std::vector<int>& queue) {
  const int n = s.n();
  const int m = static_cast<int>(queue.size());
  Matrix u(n, m);
  for (int a = 0; a < n; ++a) {
    for (int q = 0; q < m; ++q) u(a, q) = round.bargain_util[queue[q]][a];
  }
  std::vector<double> weight(n);
  for (int a = 0; a < n; ++a) weight[a] = s.Capability(a);
  return ScalarPce(u, weight, s.options());
}

int MostProbable(const std::vector<double>& p) {
  int pick = 0;
  for (int q = 1; q < static_cast<int>(p.size()); ++q) {
    if (p[q] > p[pick]) pick = q;
  }
  return pick;
}

}  // namespace entente::smp
