// The EUM round driver: RunExpectedUtility. One round (Scholz et al. 2011, Appendix steps 2–12):
//
//   1. every r = 1; security levels; new r per actor (risk.h)                 [steps 7–9]
//   2. with the new r: P, E(U) for every ordered pair (contest.h)            [step 10]
//   3. every actor classifies each pair and receives proposals (offers.h)    [step 11]
//   4. ALL actors then move at once to the proposal they accept              [step 12]
//
// Moves are simultaneous: every offer is computed from the start-of-round state.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "entente/events.h"
#include "entente/expected_utility.h"
#include "entente/statistics.h"
#include "models/expected_utility/contest.h"
#include "models/expected_utility/cycle.h"
#include "models/expected_utility/offers.h"
#include "models/expected_utility/risk.h"

namespace entente {

namespace {

using eum::Contest;
using eum::OfferBook;
using eum::PairValues;

// μ, the median voter position (A5); only Q < 1 reads it.
double MedianVoter(const ExpectedUtilityOptions& options, const std::vector<double>& x,
                   const std::vector<double>& weight) {
  if (options.q == 1.0) return 0.0;
  switch (options.median) {
    case MedianRule::kWeightedMean:
      return WeightedMean(x, weight);
    case MedianRule::kBorda: {
      // eum: argmax_a Σ_b Σ_k v_k(a,b) = argmin_a Σ_k c_k s_k |x_k − x_a| (first on ties).
      std::size_t best = 0;
      double best_cost = 0.0;
      for (std::size_t a = 0; a < x.size(); ++a) {
        double cost = 0.0;
        for (std::size_t k = 0; k < x.size(); ++k) cost += weight[k] * std::abs(x[k] - x[a]);
        if (a == 0 || cost < best_cost) {
          best = a;
          best_cost = cost;
        }
      }
      return x[best];
    }
    case MedianRule::kWeightedMedian:
      break;
  }
  return WeightedMedian(x, weight);
}

double MaxDifference(const std::vector<double>& a, const std::vector<double>& b) {
  double m = 0.0;
  for (std::size_t k = 0; k < a.size(); ++k) m = std::max(m, std::abs(a[k] - b[k]));
  return m;
}

std::string Format(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// Steps 11–12 without detail: every actor's accepted proposal into `next`. Actors alike
// (Contest::representatives) send and receive identical offers, and OfferBook keeps the first
// of equal offers, so one contest per pair of classes, offered to each class's first actor in
// increasing counterpart order, gives every member the proposal the all-pairs loop would:
// bit-identical, with about half the contests on the flagship (≈ 22.5 classes of 33 actors).
void MoveByClass(const ExpectedUtilityOptions& options, const Contest& contest, OfferBook& book,
                 const std::vector<double>& x, std::vector<double>& next) {
  const std::vector<std::size_t>& reps = contest.representatives();
  const std::vector<std::size_t>& class_of = contest.class_of();
  const bool class_table = contest.by_class_table();
  // The bdm preset's offer rules as constants where they apply (BdmOfferRules: the same code).
  const auto offers = [&](const auto& rules) {
    if (class_table) {
      // The pair (a, b) from each side: i's E(U) of challenging j is the other side's b for j
      // (Evaluate's plain form).
      contest.ForEachClassPair([&](std::size_t a, std::size_t b, double eu_ab, double eu_ba) {
        const std::size_t i = reps[a], j = reps[b];
        book.OfferBy(rules, i, j, eu_ab, eu_ba, x[i], x[j]);
        book.OfferBy(rules, j, i, eu_ba, eu_ab, x[j], x[i]);
      });
      return;
    }
    for (std::size_t a = 0; a < reps.size(); ++a) {
      for (std::size_t b = a + 1; b < reps.size(); ++b) {
        const std::size_t i = reps[a], j = reps[b];
        if (contest.SamePosition(i, j)) continue;  // A12: no offers at the same position
        const PairValues v = contest.Evaluate(i, j);
        book.OfferBy(rules, i, j, v.a_ij, v.b_ij, x[i], x[j]);
        book.OfferBy(rules, j, i, v.a_ji, v.b_ji, x[j], x[i]);
      }
    }
  };
  if (eum::BdmOfferRules::Match(options)) {
    offers(eum::BdmOfferRules{});
  } else {
    offers(options);
  }
  for (std::size_t i = 0; i < x.size(); ++i) {
    const std::size_t first = reps[class_of[i]];
    if (first < i) {
      next[i] = next[first];
      continue;
    }
    double to = x[i];
    next[i] = book.Accepted(i, x, &to) >= 0 ? to : x[i];
  }
}

void RecordRound(IssueResult& result, const std::vector<double>& x,
                 const std::vector<double>& weight) {
  result.positions.push_back(x);
  result.weighted_median.push_back(WeightedMedian(x, weight));
  result.weighted_mean.push_back(WeightedMean(x, weight));
}

}  // namespace

IssueResult RunExpectedUtility(const IssueTable& table, const ExpectedUtilityOptions& options,
                               const RunOptions& run, const std::vector<Event>& events) {
  const std::size_t n = table.size();
  IssueResult result;
  result.issue_id = table.issue_id;
  result.actor_ids = table.actor_ids;
  const int max_rounds = run.max_rounds > 0 ? run.max_rounds : options.max_rounds;

  std::vector<double> weight(n);
  for (std::size_t k = 0; k < n; ++k) weight[k] = table.capability[k] * table.salience[k];
  std::vector<double> x = table.position;
  RecordRound(result, x, weight);
  RoundSeries risk_series{"risk", {}};

  const auto finish = [&](StopReason stop, bool converged, std::string message) {
    result.rounds = static_cast<int>(result.positions.size()) - 1;
    result.stop = stop;
    result.converged = converged;
    result.forecast = result.weighted_median.back();
    result.message = std::move(message);
    result.series.push_back(std::move(risk_series));
    return std::move(result);
  };

  // Δ: the range of the initial positions, fixed for the whole run (spec §2).
  double range = 0.0;
  if (n > 0) {
    const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
    range = *hi - *lo;
  }
  if (n < 2 || !(range > 0.0)) {
    return finish(StopReason::kConverged, true,
                  "All actors already share one position; nothing to bargain over (0 rounds).");
  }

  IssueTable work = table;  // the inputs timed events change
  std::optional<Contest> contest(std::in_place, options, weight, work.salience, range);
  OfferBook book(options);
  std::vector<double> r(n, 1.0), security(n), next(n);
  bool positions_changed = true;
  // positions[first_state] is the first state reached with the current inputs: states before a
  // timed event came from other capabilities or saliences, so no cycle reaches back past it.
  int first_state = 0;
  for (int round = 1; round <= max_rounds; ++round) {
    if (run.Cancelled()) {
      return finish(StopReason::kHalted, false,
                    "Interrupted before round " + std::to_string(round) + ".");
    }
    // Timed events (events.h) change capability, salience or position before this round.
    bool shocked = false;
    for (const Event& event : events) {
      if (!event.enabled || event.round != round) continue;
      if (!shocked) work.position = x;
      ApplyEventToTable(event, work);
      shocked = true;
    }
    if (shocked) {
      x = work.position;
      for (std::size_t k = 0; k < n; ++k) weight[k] = work.capability[k] * work.salience[k];
      const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
      range = std::max(range, *hi - *lo);  // keep every d_ij inside [0, 1]
      contest.emplace(options, weight, work.salience, range);
      positions_changed = true;
      first_state = round;
    }
    const double mu = MedianVoter(options, x, weight);
    // Steps 7–9: security levels with r = 1, then each actor's risk exponent.
    if (!eum::UpdateRisk(options, *contest, x, mu, positions_changed, r, security) &&
        options.degenerate == DegenerateSecurity::kHalt) {
      return finish(StopReason::kHalted, false,
                    "Halted before round " + std::to_string(round) +
                        ": every actor's security level is equal, so the risk exponents "
                        "(Scholz et al. 2011, eq. 34) are undefined (the masad original raises "
                        "ZeroDivisionError here); positions after round " +
                        std::to_string(round - 1) + " are final.");
    }
    risk_series.values.push_back(r);
    // Step 10: P and E(U) again with the new exponents (P is reused when votes are linear).
    contest->Prepare(x, r, mu, false);
    // Step 11: every ordered pair; proposals reach each actor in increasing counterpart order.
    // Without detail, once per pair of classes (same results, MoveByClass).
    book.Reset(n);
    // Per class only where same-position pairs make no offers (A12): with
    // SamePositionOffers::kClassify (eum) a partner at one's own position can keep one in place.
    const bool by_class = !run.record_detail && options.same_position == SamePositionOffers::kSkip;
    if (by_class) MoveByClass(options, *contest, book, x, next);
    std::vector<Interaction> detail;  // [me * n + other], only with record_detail
    if (run.record_detail) detail.assign(n * n, Interaction{});
    for (std::size_t i = 0; i < n && !by_class; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) {
        const PairValues v = contest->Evaluate(i, j);
        book.Offer(i, j, v.a_ij, v.b_ij, x[i], x[j]);
        book.Offer(j, i, v.a_ji, v.b_ji, x[j], x[i]);
        if (run.record_detail) {
          for (int side = 0; side < 2; ++side) {
            const std::size_t me = side == 0 ? i : j, other = side == 0 ? j : i;
            const double a = side == 0 ? v.a_ij : v.a_ji, b = side == 0 ? v.b_ij : v.b_ji;
            const eum::Proposal p = eum::Classify(options, a, b, x[me], x[other]);
            Interaction& in = detail[me * n + other];
            in.round = round;
            in.actor = table.actor_ids[me];
            in.counterpart = table.actor_ids[other];
            in.eu_actor = a;
            in.eu_counterpart = b;
            in.probability = side == 0 ? v.p_ij : v.p_ji;
            in.kind = eum::OfferKindName(p.kind);
            in.from = x[me];
            in.to = p.to;
          }
        }
      }
    }
    // Step 12: everyone moves at once to the proposal it accepts.
    for (std::size_t i = 0; i < n && !by_class; ++i) {
      double to = x[i];
      const long j = book.Accepted(i, x, &to);
      next[i] = j >= 0 ? to : x[i];
      if (run.record_detail && j >= 0) {
        Interaction& in = detail[i * n + static_cast<std::size_t>(j)];
        in.accepted = true;
        in.to = to;
      }
    }
    // A round's interactions by actor, then counterpart, in table order.
    for (std::size_t i = 0; i < n && run.record_detail; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        if (i != j) result.interactions.push_back(std::move(detail[i * n + j]));
      }
    }
    positions_changed = next != x;
    x.swap(next);
    RecordRound(result, x, weight);

    // The tolerance is a fraction of the issue's scale width (RunOptions' when set, else the
    // option's).
    const double tolerance = (run.tolerance > 0.0 ? run.tolerance : options.tolerance) *
                             (table.scale_max - table.scale_min);
    const double moved = MaxDifference(x, result.positions[result.positions.size() - 2]);
    const bool converged = moved < tolerance;
    const bool check = options.stop_early || round == max_rounds;
    // A cycle: the state repeats the one k rounds back (within the same tolerance). Two-cycles
    // are looked for by every preset, as the originals report them; longer cycles only with
    // stop_early (bdm), so the replication presets' results stay those of their originals.
    const int cycle = converged || !check
                          ? 0
                          : eum::CycleLength(result.positions, first_state,
                                             options.stop_early ? round : 2, tolerance);
    if (converged && check) {
      return finish(StopReason::kConverged, true,
                    "Converged after " + std::to_string(round) +
                        " rounds: no position moved by more than " + Format(tolerance) +
                        "; forecast (weighted median) " + Format(result.weighted_median.back()) +
                        ".");
    }
    if (cycle == 2) {
      result.cycle = 2;
      return finish(StopReason::kTwoCycle, false,
                    "Stopped after " + std::to_string(round) +
                        " rounds: positions alternate between two states (a two-cycle); "
                        "forecast (weighted median of the last round) " +
                        Format(result.weighted_median.back()) + ".");
    }
    if (cycle > 2) {
      result.cycle = cycle;
      return finish(StopReason::kCycle, false,
                    "Stopped after " + std::to_string(round) +
                        " rounds: positions repeat those of round " +
                        std::to_string(round - cycle) + " (a cycle of length " +
                        std::to_string(cycle) + "); forecast (weighted median of the last round) " +
                        Format(result.weighted_median.back()) + ".");
    }
  }
  const std::size_t last = result.positions.size() - 1;
  const double last_move =
      last > 0 ? MaxDifference(result.positions[last], result.positions[last - 1]) : 0.0;
  return finish(StopReason::kRoundCap, false,
                "Reached the round cap of " + std::to_string(max_rounds) +
                    " rounds without converging (largest move in the last round " +
                    Format(last_move) + "); forecast (weighted median of the last round) " +
                    Format(result.weighted_median.back()) + ".");
}

}  // namespace entente
