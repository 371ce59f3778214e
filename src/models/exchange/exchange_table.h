// The exchange model's view of a scenario: every actor-issue stance on the normalised 0-100
// scale with its salience, capability and weight, plus the per-issue weight sums.
// Spec: shared models/dutch_models.md §1-§2.
#pragma once

#include <string>
#include <vector>

#include "entente/scenario.h"
#include "entente/status.h"

namespace entente::exchange {

// A matrix indexed [issue][actor].
using Grid = std::vector<std::vector<double>>;

struct Table {
  std::vector<std::string> actor_ids;
  std::vector<std::string> issue_ids;
  std::vector<double> lower;           // issue scale_min
  std::vector<double> upper;           // issue scale_max
  std::vector<std::vector<char>> has;  // has[d][i]: actor i has a stance on issue d
  Grid x;                     // input positions, normalised: 100·(raw − lower)/(upper − lower)
  Grid s;                     // salience on [0, 1]
  Grid c;                     // capability (per actor-issue)
  Grid w;                     // c·s
  std::vector<double> denom;  // D_d = Σ_i w_id over actors with a stance

  int actors() const { return static_cast<int>(actor_ids.size()); }
  int issues() const { return static_cast<int>(issue_ids.size()); }
  double ToRaw(int d, double value) const {
    return lower[d] + value * (upper[d] - lower[d]) / 100.0;
  }
  // The compromise outcome O_d = Σ_i c_id s_id x_id / D_d (dutch_models.md §2) of positions
  // `pos` ([issue][actor]); the unweighted mean when D_d = 0 (statistics.h fallback).
  double Outcome(int d, const Grid& pos) const;
};

// Normalises the scenario. ModelFailure when an issue's scale is empty (scale_max <= scale_min).
Result<Table> MakeTable(const Scenario& scenario);

}  // namespace entente::exchange
