// The SMP turn driver (spec §5.6–5.9): best challenges, bargain queues, queue resolution by PCE,
// position and ideal updates, and the stopping rule.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/splitmix64.h"
#include "entente/model.h"
#include "entente/spatial_pce.h"
#include "models/spatial_pce/round.h"
#include "models/spatial_pce/smp_state.h"

namespace entente {
namespace {

using smp::StateView;

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
    // One round: bargains, then every actor's queue (its status quo first, then the bargains it
    // takes part in, in proposal order), each resolved by a PCE; actors in index order.
    smp::Round round = smp::ProposeRound(s);
    const std::vector<std::vector<int>> queue = smp::StandardQueues(round.bargains, n);
    std::vector<double> next = pos;
    SmpTurnDetail detail;
    for (int k = 0; k < n; ++k) {
      const std::vector<double> p = smp::QueueProbabilities(s, round, queue[k]);
      const int m = static_cast<int>(p.size());
      int pick = 0;
      if (options.state_transitions == SmpStateTransitions::kDeterministic) {
        pick = smp::MostProbable(p);
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
      const SmpBargain& chosen = round.bargains[queue[k][pick]];
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
      detail.bargains = std::move(round.bargains);
      detail.queue = queue;
      detail.bargain_util = std::move(round.bargain_util);
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
