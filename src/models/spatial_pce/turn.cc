// The SMP turn driver (spec §5.6–5.9): best challenges, bargain queues, queue resolution by PCE,
// position and ideal updates, and the stopping rule.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/splitmix64.h"
#include "entente/model.h"
#include "entente/spatial_pce.h"
#include "models/spatial_pce/challenge.h"
#include "models/spatial_pce/smp_state.h"

namespace entente {
namespace {

using smp::ChallengeEstimate;
using smp::Matrix;
using smp::StateView;

// Spec §5.5: the bargains of one turn, in initiator order (SMPState::doBCN).
std::vector<SmpBargain> ProposeBargains(const StateView& s) {
  const SmpOptions& o = s.options();
  std::vector<SmpBargain> out;
  for (int i = 0; i < s.n(); ++i) {
    const smp::BestTarget best = smp::BestChallenge(s, i);
    if (best.target < 0) continue;
    const int j = best.target;
    SmpBargain b;
    b.init = i;
    b.recd = j;
    b.value = best.estimate.delta();
    b.prob = best.estimate.prob;
    smp::InterpolateBargain(s, i, j, best.estimate.prob, b.init_pos, b.recd_pos);
    if (o.bargn_model == SmpBargnModel::kInitOnlyInterp) {
      out.push_back(std::move(b));
      continue;
    }
    // j's view of the same challenge, P^j[i ≻ j]. KTAB's bug (smpbcn.cpp:423) takes the ΔEU
    // element instead: j's estimate of i's gain.
    const ChallengeEstimate ej = smp::EstimateChallenge(s, j, i, i, j);
    const double p_j_view = o.ktab_bargain_bugs ? ej.delta() : ej.prob;
    SmpBargain bj = b;
    smp::InterpolateBargain(s, i, j, p_j_view, bj.init_pos, bj.recd_pos);
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
std::vector<double> BargainUtilities(const StateView& s, const Matrix& self_util,
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

double StateDistance(const std::vector<double>& a, const std::vector<double>& b, int n, int d) {
  // Spec §5.9: Σ_i ‖θ_i − θ'_i‖₂.
  double total = 0.0;
  for (int i = 0; i < n; ++i) {
    double s = 0.0;
    for (int k = 0; k < d; ++k) {
      const double x = a[static_cast<size_t>(i) * d + k] - b[static_cast<size_t>(i) * d + k];
      s += x * x;
    }
    total += std::sqrt(s);
  }
  return total;
}

}  // namespace

Result<SmpResult> RunSmp(const SmpProblem& problem, const SmpOptions& options) {
  if (Status st = problem.Validate(); !st.ok()) return st;
  if (Status st = options.Validate(); !st.ok()) return st;
  const int n = problem.num_actors;
  const int d = problem.num_dims;
  SplitMix64 rng(options.seed);
  SmpResult result;
  std::vector<double> pos = problem.position;
  std::vector<double> ideal = problem.position;
  for (int t = 0;; ++t) {
    if (options.cancel && options.cancel()) return CancelledStatus("smp", t + 1, "");
    const StateView s(problem, options, pos, ideal);
    SmpStateRecord rec;
    rec.position = pos;
    rec.ideal = ideal;
    rec.risk = s.risk();
    rec.equiv = s.Equivalence();
    rec.outcome_prob = s.OutcomeProbabilities(-1, rec.equiv);
    if (options.record_detail) {
      for (int h = 0; h < n; ++h) {
        rec.outcome_prob_by_estimator.push_back(s.OutcomeProbabilities(h, rec.equiv));
      }
    }
    result.states.push_back(std::move(rec));
    // Spec §5.9: stop at t >= maxIter, or at t >= minIter when the last step moved the actors
    // less than minDeltaRatio of the first step (+1e-4).
    if (t >= options.max_iterations) {
      result.message = "stopped at the iteration cap of " + std::to_string(t) + " turns";
      break;
    }
    if (t >= options.min_iterations) {
      const auto& st = result.states;
      const double first = StateDistance(st[0].position, st[1].position, n, d);
      const double last = StateDistance(st[t - 1].position, st[t].position, n, d);
      if (last / (first + 1e-4) < options.min_delta_ratio) {
        result.stopped_by_rule = true;
        result.message = "converged after " + std::to_string(t) +
                         " turns: the last turn moved the actors less than " +
                         std::to_string(options.min_delta_ratio) + " of the first";
        break;
      }
    }
    // One round: bargains, queues (status quo first, then bargains in proposal order).
    std::vector<SmpBargain> bargains;
    for (int k = 0; k < n; ++k) {
      SmpBargain sq;
      sq.init = sq.recd = k;
      bargains.push_back(std::move(sq));
    }
    for (SmpBargain& b : ProposeBargains(s)) bargains.push_back(std::move(b));
    const int nb = static_cast<int>(bargains.size());
    Matrix self_util(n, n);
    for (int a = 0; a < n; ++a) {
      for (int m = 0; m < n; ++m) self_util(a, m) = s.Util(a, a, m);
    }
    std::vector<std::vector<double>> butil(nb);
    for (int b = 0; b < nb; ++b) butil[b] = BargainUtilities(s, self_util, bargains[b]);
    std::vector<std::vector<int>> queue(n);
    for (int b = 0; b < nb; ++b) {
      queue[bargains[b].init].push_back(b);
      if (bargains[b].recd != bargains[b].init) queue[bargains[b].recd].push_back(b);
    }
    std::vector<double> next = pos;
    SmpTurnDetail detail;
    for (int k = 0; k < n; ++k) {
      const int m = static_cast<int>(queue[k].size());
      Matrix u(n, m);
      for (int a = 0; a < n; ++a) {
        for (int q = 0; q < m; ++q) u(a, q) = butil[queue[k][q]][a];
      }
      const std::vector<double> p = smp::ScalarPce(u, problem.capability, options);
      int pick = 0;
      if (options.state_transitions == SmpStateTransitions::kDeterministic) {
        for (int q = 1; q < m; ++q) {
          if (p[q] > p[pick]) pick = q;
        }
      } else {
        const double r = rng.Uniform();
        double acc = 0.0;
        pick = m - 1;
        for (int q = 0; q < m; ++q) {
          acc += p[q];
          if (r < acc) {
            pick = q;
            break;
          }
        }
      }
      const SmpBargain& chosen = bargains[queue[k][pick]];
      if (chosen.init != chosen.recd) {
        const std::vector<double>& x = chosen.init == k ? chosen.init_pos : chosen.recd_pos;
        std::copy(x.begin(), x.end(), next.begin() + static_cast<long>(k) * d);
      }
      if (options.record_detail) {
        detail.queue_prob.push_back(p);
        detail.chosen.push_back(queue[k][pick]);
      }
    }
    if (options.record_detail) {
      detail.bargains = bargains;
      detail.queue = queue;
      detail.bargain_util = butil;
      result.states.back().detail = std::move(detail);
    }
    // Spec §5.8: q_i ← Σ_j a_ij θ_j + (1 − Σ_j a_ij) q_i; identity when no matrix is given.
    if (problem.accommodation.empty()) {
      ideal = next;
    } else {
      std::vector<double> q(ideal.size());
      for (int i = 0; i < n; ++i) {
        double row = 0.0;
        for (int j = 0; j < n; ++j) row += problem.accommodation[static_cast<size_t>(i) * n + j];
        for (int k = 0; k < d; ++k) {
          double x = 0.0;
          for (int j = 0; j < n; ++j) {
            x += problem.accommodation[static_cast<size_t>(i) * n + j] *
                 next[static_cast<size_t>(j) * d + k];
          }
          q[static_cast<size_t>(i) * d + k] =
              x + (1.0 - row) * ideal[static_cast<size_t>(i) * d + k];
        }
      }
      ideal = std::move(q);
    }
    pos = std::move(next);
  }
  return result;
}

}  // namespace entente
