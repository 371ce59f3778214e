// SolveTarget: how far one actor's position or salience must move for an issue's forecast to
// reach a target (include/entente/sensitivity.h, docs/models/sensitivity.md).
//
// The forecast as a function of the one input, g(v) = F(v) - X, is scanned on a grid over the
// input's valid range (plus the current value); every grid interval where g changes sign (or
// touches 0) brackets a crossing. The bracket nearest the current value is narrowed by bisection
// (robust where the model's forecast jumps, as the bargaining models' do) to 1e-9 of the range.
// A crossing between two grid points that both stay on one side of X is not seen: the scan
// resolution is `grid`.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "analysis/forecast_evaluator.h"
#include "analysis/sensitivity_inputs.h"
#include "entente/sensitivity.h"

namespace entente {

using analysis::ForecastEvaluator;
using analysis::ParallelFor;

Status TargetOptions::Validate() const {
  if (issue.empty()) return Status::InvalidArgument("a target needs an issue (--issue)");
  if (field == UncertainInput::Field::kCapability) {
    return Status::InvalidArgument(
        "the target solver varies a position or a salience, not a "
        "capability");
  }
  if (grid < 3) return Status::InvalidArgument(fmt::format("grid must be >= 3, got {}", grid));
  if (threads < 1) {
    return Status::InvalidArgument(fmt::format("threads must be at least 1, got {}", threads));
  }
  if (!std::isfinite(target)) return Status::InvalidArgument("the target must be a finite number");
  return Status::Ok();
}

namespace {

constexpr int kMaxBisections = 64;

struct Sample {
  double v = 0.0;
  double f = 0.0;
};

}  // namespace

Result<TargetSummary> SolveTarget(const Scenario& scenario, const TargetOptions& options) {
  if (Status s = options.Validate(); !s.ok()) return s;
  const std::optional<std::size_t> issue = scenario.FindIssue(options.issue);
  if (!issue) return analysis::UnknownIssue(scenario, options.issue);
  std::vector<std::size_t> actors;
  if (!options.actor.empty()) {
    const std::optional<std::size_t> a = scenario.FindActor(options.actor);
    if (!a) return analysis::UnknownActor(scenario, options.actor);
    if (!scenario.stances[*issue][*a]) {
      return Status::InvalidArgument("actor '" + options.actor + "' takes no part in issue '" +
                                     options.issue + "'");
    }
    actors.push_back(*a);
  } else {
    for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
      if (scenario.stances[*issue][a]) actors.push_back(a);
    }
  }
  Result<ForecastEvaluator> evaluator =
      ForecastEvaluator::Create(options.model, options.run, {*issue}, scenario.issues);
  if (!evaluator.ok()) return evaluator.status();
  Scenario base = scenario;
  base.text.clear();

  TargetSummary summary;
  summary.model = evaluator->model();
  summary.preset = evaluator->preset();
  summary.issue = options.issue;
  summary.field = options.field;
  summary.target = options.target;
  Result<std::vector<double>> f0 = evaluator->Forecasts(base);
  if (!f0.ok()) return f0.status();
  summary.current_forecast = (*f0)[0];
  summary.evaluations = 1;

  std::vector<SensitivityInput> inputs;
  for (std::size_t a : actors) {
    SensitivityInput in;
    in.actor = scenario.actors[a].id;
    in.issue = options.issue;
    in.field = options.field;
    inputs.push_back(in);
  }
  auto forecast_at = [&](const SensitivityInput& in, double v) -> Result<double> {
    Scenario s = base;
    analysis::SetValue(s, in, v);
    Result<std::vector<double>> f = evaluator->Forecasts(s);
    if (!f.ok()) return f.status();
    return (*f)[0];
  };

  // 1. The scan: grid points of every actor at once.
  const std::size_t g = static_cast<std::size_t>(options.grid);
  std::vector<Sample> scan(inputs.size() * g);
  Status scanned = ParallelFor(
      scan.size(), options.threads,
      [&](std::size_t e) -> Status {
        const SensitivityInput& in = inputs[e / g];
        double lo = 0.0, hi = 0.0;
        analysis::ValidRange(base, in, &lo, &hi);
        const double v = lo + (hi - lo) * static_cast<double>(e % g) / static_cast<double>(g - 1);
        Result<double> f = forecast_at(in, v);
        if (!f.ok()) return f.status();
        scan[e] = {v, *f};
        return Status::Ok();
      },
      options.cancelled,
      [&](std::size_t done) {
        if (options.progress) {
          options.progress(static_cast<long long>(done), static_cast<long long>(scan.size()));
        }
      });
  if (!scanned.ok()) return scanned;
  summary.evaluations += static_cast<long long>(scan.size());

  // 2. Per actor: the bracket nearest the current value, narrowed by bisection.
  const double x = options.target;
  const double width = scenario.issues[*issue].scale_max - scenario.issues[*issue].scale_min;
  std::vector<TargetResult> results(inputs.size());
  std::vector<long long> bisections(inputs.size(), 0);
  Status solved = ParallelFor(
      inputs.size(), options.threads,
      [&](std::size_t k) -> Status {
        const SensitivityInput& in = inputs[k];
        TargetResult& r = results[k];
        r.actor = in.actor;
        r.current_value = analysis::GetValue(base, in);
        analysis::ValidRange(base, in, &r.range_low, &r.range_high);
        std::vector<Sample> pts(scan.begin() + static_cast<std::ptrdiff_t>(k * g),
                                scan.begin() + static_cast<std::ptrdiff_t>((k + 1) * g));
        pts.push_back({r.current_value, summary.current_forecast});
        std::stable_sort(pts.begin(), pts.end(),
                         [](const Sample& a, const Sample& b) { return a.v < b.v; });
        r.reachable_min = r.reachable_max = pts.front().f;
        for (const Sample& p : pts) {
          r.reachable_min = std::min(r.reachable_min, p.f);
          r.reachable_max = std::max(r.reachable_max, p.f);
        }
        if (summary.current_forecast == x) {
          r.reachable = true;
          r.value = r.current_value;
          r.forecast_at_value = x;
          return Status::Ok();
        }
        // The bracket [pts[i], pts[i+1]] nearest the current value with a sign change of F - X.
        std::optional<std::size_t> best;
        double best_distance = 0.0;
        for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
          const double ga = pts[i].f - x, gb = pts[i + 1].f - x;
          if (!((ga <= 0.0 && gb >= 0.0) || (ga >= 0.0 && gb <= 0.0))) continue;
          const double distance = r.current_value < pts[i].v       ? pts[i].v - r.current_value
                                  : r.current_value > pts[i + 1].v ? r.current_value - pts[i + 1].v
                                                                   : 0.0;
          if (!best || distance < best_distance) {
            best = i;
            best_distance = distance;
          }
        }
        if (!best) return Status::Ok();  // unreachable on this grid
        // Orient the bracket: `near` is the end nearer the current value (F on the current
        // side of X, unless it already equals X), `far` the end where F has reached X.
        Sample a = pts[*best], b = pts[*best + 1];
        Sample near = std::abs(a.v - r.current_value) <= std::abs(b.v - r.current_value) ? a : b;
        Sample far = (near.v == a.v) ? b : a;
        if (near.f == x) far = near;
        const double tol = 1e-9 * (r.range_high - r.range_low);
        for (int it = 0; it < kMaxBisections && near.f != x && std::abs(far.v - near.v) > tol;
             ++it) {
          if (options.cancelled && options.cancelled()) return Status::Interrupted("interrupted");
          const double mid = 0.5 * (near.v + far.v);
          Result<double> f = forecast_at(in, mid);
          if (!f.ok()) return f.status();
          ++bisections[k];
          // near.f != x here, so "reached" is: at X, or on the other side of X from near.
          const bool reached = *f == x || ((*f - x > 0.0) != (near.f - x > 0.0));
          (reached ? far : near) = {mid, *f};
        }
        r.reachable = true;
        r.value = far.v;
        r.change = r.value - r.current_value;
        r.forecast_at_value = far.f;
        r.jump = std::abs(far.f - near.f) > 1e-6 * width && std::abs(far.f - x) > 1e-6 * width;
        return Status::Ok();
      },
      options.cancelled);
  if (!solved.ok()) return solved;
  for (long long b : bisections) summary.evaluations += b;

  std::vector<std::size_t> order(results.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    if (results[i].reachable != results[j].reachable) return results[i].reachable;
    if (!results[i].reachable) return false;
    return std::abs(results[i].change) < std::abs(results[j].change);
  });
  for (std::size_t i : order) summary.results.push_back(std::move(results[i]));
  return summary;
}

}  // namespace entente
