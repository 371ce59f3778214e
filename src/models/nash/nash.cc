#include "models/nash/nash.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace entente::nash {

namespace {

// u_i(O) − u_i(SQ) for one actor (dutch_models.md §3).
double Surplus(Utility utility, double x, double s, double sq, double o) {
  if (utility == Utility::kQuadratic) return s * ((x - sq) * (x - sq) - (x - o) * (x - o));
  return s * (std::fabs(x - sq) - std::fabs(x - o));
}

}  // namespace

Solution Solve(const IssueTable& table, Utility utility) {
  Solution out;
  const double sq = *table.status_quo;
  out.outcome = sq;
  // F is the intersection of the open intervals {O : |x_i − O| < |x_i − SQ|}, one per actor
  // who cares: (SQ, 2x_i − SQ) for x_i > SQ, (2x_i − SQ, SQ) for x_i < SQ, empty for x_i = SQ.
  // (The same sets for quadratic and linear utility.)
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  std::string above, below;
  int players = 0;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (!(table.capability[i] * table.salience[i] > 0.0)) continue;
    ++players;
    const double x = table.position[i];
    const std::string& id = table.actor_ids[i];
    if (x == sq) {
      out.message = fmt::format(
          "no agreement: '{}' stands at the status quo ({}) and prefers it to every other point",
          id, sq);
      return out;
    }
    if (x > sq) {
      lo = std::max(lo, sq);
      hi = std::min(hi, 2 * x - sq);
      if (above.empty()) above = id;
    } else {
      lo = std::max(lo, 2 * x - sq);
      hi = std::min(hi, sq);
      if (below.empty()) below = id;
    }
  }
  if (players == 0) {
    out.message = fmt::format(
        "no agreement: no actor cares about the issue; the status quo ({}) "
        "stays",
        sq);
    return out;
  }
  if (!above.empty() && !below.empty()) {
    out.message = fmt::format(
        "no agreement: '{}' prefers the status quo ({}) to every point above it and '{}' to "
        "every point below it",
        below, sq, above);
    return out;
  }
  // The objective is strictly concave on F (a sum of logs of concave positive functions), so
  // its derivative Σ c_i·u_i'(O)/(u_i(O) − u_i(SQ)) falls from +∞ to −∞ across F: bisect on its
  // sign (for linear utility, a subgradient: 0 at an actor's ideal point).
  auto slope = [&](double o) {
    double sum = 0.0;
    for (std::size_t i = 0; i < table.size(); ++i) {
      const double w = table.capability[i] * table.salience[i];
      if (!(w > 0.0)) continue;
      const double x = table.position[i];
      const double du = utility == Utility::kQuadratic ? 2.0 * table.salience[i] * (x - o)
                                                       : table.salience[i] * ((x > o) - (x < o));
      sum += table.capability[i] * du / Surplus(utility, x, table.salience[i], sq, o);
    }
    return sum;
  };
  double a = lo, b = hi;
  for (int k = 0; k < 200; ++k) {
    const double m = 0.5 * (a + b);
    if (m <= a || m >= b) break;  // the bracket is down to adjacent doubles
    const double g = slope(m);
    if (g > 0.0) {
      a = m;
    } else if (g < 0.0) {
      b = m;
    } else {
      a = b = m;
    }
  }
  out.agreement = true;
  out.outcome = 0.5 * (a + b);
  out.lower = lo;
  out.upper = hi;
  out.message = fmt::format(
      "Nash bargaining solution {:.6g} over the status quo {}: every actor gains on ({:.6g}, "
      "{:.6g})",
      out.outcome, sq, lo, hi);
  return out;
}

}  // namespace entente::nash
