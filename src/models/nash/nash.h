// The asymmetric Nash bargaining solution of one issue with the status quo as disagreement
// point (shared models/dutch_models.md §3; Nash 1950, generalised with bargaining weights by
// Kalai 1977; used for EU bargaining by Achen 2006 and Schneider, Finke & Bailer 2010):
//
//   O* = argmax_{O ∈ F} Σ_i c_i · ln(u_i(O) − u_i(SQ)),  F = {O : u_i(O) > u_i(SQ) for all i}
//
// with quadratic u_i(O) = −s_i (x_i − O)² or linear u_i(O) = −s_i |x_i − O|. When F is empty
// some actor prefers the status quo to every point the others would accept: no agreement, and
// the prediction is SQ.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "entente/scenario.h"

namespace entente::nash {

enum class Utility { kQuadratic, kLinear };

struct Solution {
  bool agreement = false;
  double outcome = 0.0;  // O*, or SQ without agreement
  double lower = 0.0;    // F = (lower, upper) when agreement
  double upper = 0.0;
  std::string message;  // one sentence: the outcome, or who blocks agreement and why
};

// REQUIRES: table.status_quo is set. Actors with c_i·s_i = 0 are indifferent to the outcome
// and take no part in the product.
Solution Solve(const IssueTable& table, Utility utility);

}  // namespace entente::nash
