// Equal Gain exchange (dutch_models.md §4.2-§4.8) computed in Decimal28, Python's 28-digit
// decimal arithmetic, in the reference implementation's order of operations: the option
// `arithmetic: decimal28` (ExchangeOptions::arithmetic). The reference decides exact ties and
// "adjusted mean exactly at the target" cases by its decimal rounding; this path reproduces that
// rounding where the order of operations is known (docs/models/exchange.md, "Agreement with the
// reference implementation", lists what is pinned and what is not).
//
// The rules are those of candidate.cc / exchange_round.cc (same spec sections); the differences
// are the arithmetic and the operation order:
//   normalisation x = (100/(hi − lo))·(raw − lo); an outcome shift is move·s·c/D (left to
//   right); the rate dq = dp·((s_Ap + s_Bp)/(s_Aq + s_Bq)); position update with the binary
//   constants Decimal(0.1), Decimal(0.4); overshoot tests on the 28-digit adjusted mean, and,
//   where it is within 1e-26 of the target (one unit of the 28th digit for values in [10, 100)),
//   by the sign of the exact value Σ w·x − T·D.
// Inputs are read as the decimals they were written as (the shortest text of each double).
//
// Thread-safety: reentrant.
#pragma once

#include <vector>

#include "entente/exchange.h"
#include "entente/scenario.h"
#include "entente/status.h"
#include "models/exchange/exchange_table.h"

namespace entente::exchange {

struct DecimalRound {
  Grid start;   // round-start positions (double view), [issue][actor]
  Grid voting;  // voting positions at the end of the round
  std::vector<double> outcome_start, outcome_voting;
  std::vector<RealisedExchange> exchanges;  // in execution order
};

struct DecimalRun {
  std::vector<DecimalRound> rounds;
  Grid final_start;  // start positions after the last round (double view)
};

// Runs options.rounds rounds of Equal Gain from `scenario` (whose table is `t`).
// REQUIRES: options.variant == kEqualGain. Interrupted when options.cancel fires.
Result<DecimalRun> RunEqualGainDecimal28(const Scenario& scenario, const Table& t,
                                         const ExchangeOptions& options);

}  // namespace entente::exchange
