#include "models/exchange/exchange_table.h"

namespace entente::exchange {

double Table::Outcome(int d, const Grid& pos) const {
  double num = 0.0, unweighted = 0.0;
  int count = 0;
  for (int i = 0; i < actors(); ++i) {
    if (!has[d][i]) continue;
    num += w[d][i] * pos[d][i];
    unweighted += pos[d][i];
    ++count;
  }
  if (denom[d] > 0.0) return num / denom[d];
  return count > 0 ? unweighted / count : 0.0;
}

Result<Table> MakeTable(const Scenario& scenario) {
  Table t;
  const std::size_t n = scenario.actors.size();
  const std::size_t m = scenario.issues.size();
  for (const Actor& a : scenario.actors) t.actor_ids.push_back(a.id);
  t.has.assign(m, std::vector<char>(n, 0));
  t.x.assign(m, std::vector<double>(n, 0.0));
  t.s = t.c = t.w = t.x;
  t.denom.assign(m, 0.0);
  for (std::size_t d = 0; d < m; ++d) {
    const Issue& issue = scenario.issues[d];
    t.issue_ids.push_back(issue.id);
    t.lower.push_back(issue.scale_min);
    t.upper.push_back(issue.scale_max);
    if (!(issue.scale_max > issue.scale_min)) {
      return Status::ModelFailure("exchange needs scale_max > scale_min on issue '" + issue.id +
                                  "'");
    }
    const double span = issue.scale_max - issue.scale_min;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& stance = scenario.stances[d][i];
      if (!stance) continue;
      t.has[d][i] = 1;
      // dutch_models.md §1: x = 100·(raw − lo)/(hi − lo).
      t.x[d][i] = 100.0 * (stance->position - issue.scale_min) / span;
      t.s[d][i] = stance->salience;
      t.c[d][i] = stance->capability.value_or(scenario.actors[i].capability);
      t.w[d][i] = t.c[d][i] * t.s[d][i];
      t.denom[d] += t.w[d][i];
    }
  }
  return t;
}

}  // namespace entente::exchange
