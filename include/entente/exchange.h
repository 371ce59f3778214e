// Exchange model: Stokman & Van Oosten's (1994) position-exchange model as implemented by the
// Decide software, with the Equal Gain rate, the randomized Equal Gain variant ("REX", Dijkstra,
// Van Assen, Stokman & Draaijer 2018 draft) and a Random Rate variant. Spec: shared
// models/dutch_models.md §4; docs/models/exchange.md.
//
// Actors trade voting positions across pairs of issues they care about unequally: an actor that
// cares more about issue p than q moves towards its partner on q in return for the partner
// moving towards it on p. Every round all candidate exchanges are built, executed greedily by
// gain, and start positions then move part of the way towards the voting positions.
//
// The model works on a normalised 0-100 scale per issue, x = 100·(raw − scale_min)/(scale_max −
// scale_min); every number in ExchangeResult is on that scale except IssueResult fields, which
// are mapped back to the issue's own scale.
//
// Thread-safety: RunExchange is reentrant. Deterministic for a given options.seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "entente/model.h"
#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

enum class ExchangeVariant {
  kEqualGain,   // both partners gain the same utility (Stokman & Van Oosten 1994)
  kRandomized,  // REX: the Equal Gain split is perturbed by p (Dijkstra et al. 2018 draft)
  kRandomRate,  // the exchange rate is drawn uniformly from the range where both gain
};

const char* ExchangeVariantName(ExchangeVariant variant);  // "equal-gain", ...

// The arithmetic of the Equal Gain computation (docs/models/exchange.md).
enum class ExchangeArithmetic {
  kDouble,     // binary64: fast; the default
  kDecimal28,  // reference compatibility: Python's 28-digit decimal (round half even) in the
               // reference implementation's order of operations; Equal Gain only
};

struct RealisedExchange;

struct ExchangeOptions {
  ExchangeVariant variant = ExchangeVariant::kEqualGain;
  int rounds = 10;            // fixed number of rounds; there is no convergence test (§4.7)
  double p = 0.5;             // REX randomisation strength in [0, 1]; 0 reproduces Equal Gain
  std::uint64_t seed = 0;     // seeds the generator of the randomized variants
  double fixed_weight = 0.1;  // fw of the position update x' = x0 + (fw + sw·(1−s))·(y − x0)
  double salience_weight = 0.4;                                 // sw of the same update (§4.8)
  ExchangeArithmetic arithmetic = ExchangeArithmetic::kDouble;  // param `arithmetic`
  bool record_candidates = false;  // keep round 1's candidate list in the result (for tests;
                                   // double arithmetic only)
  // Chooses among candidates whose gains tie (differ by less than 1e-12, the reference's
  // near-tie bound) at the head of the ranking; gets them in ranking order (round and seq set
  // to where the chosen one would execute) and returns the index of the one to execute. Unset = the
  // first (the reference with its coin flip turned off). Lets tests replay the reference's choices
  // at ties that 28-digit decimals break by rounding.
  std::function<std::size_t(const std::vector<RealisedExchange>& tied)> tie_break;
  // Polled before every round; when it returns true RunExchange returns Status::Interrupted
  // (RunOptions::cancel). Unset = never.
  std::function<bool()> cancel;

  // InvalidArgument naming the offending field when a value is out of range.
  Status Validate() const;
};

// One actor's side of an exchange. The mover supplies `supply_issue`: it moves its voting
// position there towards its partner, in return for the partner moving on `demand_issue`.
struct ExchangeSide {
  std::string actor;
  std::string supply_issue;
  std::string demand_issue;
  double round_start = 0.0;  // position on the supply issue at the start of the round
  double supply_pos = 0.0;   // position on the supply issue when the exchange was executed
  double move = 0.0;         // signed move on the supply issue
  double y = 0.0;            // voting position after the move: supply_pos + move
  double target = 0.0;       // partner's (round-start) position on this supply issue
  double gain = 0.0;         // this actor's utility gain
  double nbs0 = 0.0;         // adjusted weighted mean of the supply issue before the move
  double nbs1 = 0.0;         // ... and after it
  bool capped = false;       // the overshoot cap shortened this move
  // Randomized variants only: the draws and the best gain this actor could have got.
  double u = 0.0, v = 0.0, z = 0.0, eu_max = 0.0;
};

struct RealisedExchange {
  int round = 0;  // 1-based
  int seq = 0;    // 1-based execution order within the round
  std::string p;  // issue pair as iterated: i demands p, j demands q
  std::string q;
  double gain = 0.0;  // the Equal Gain gain the candidate was ranked by
  double dp = 0.0;    // shift of the outcome on p (issue-scale fraction of D_p, 0-100 scale)
  double dq = 0.0;    // shift of the outcome on q
  bool valid = true;  // candidates only: whether it could be executed
  ExchangeSide i;     // demands p, supplies q
  ExchangeSide j;     // demands q, supplies p
};

struct ExchangeRoundRecord {
  int round = 0;                            // 1-based
  std::vector<double> outcome_start;        // per issue: weighted mean of start positions
  std::vector<double> outcome_voting;       // per issue: weighted mean of voting positions
  std::vector<std::vector<double>> start;   // [issue][actor]; NaN where no stance
  std::vector<std::vector<double>> voting;  // [issue][actor]; NaN where no stance
  std::vector<RealisedExchange> exchanges;  // in execution order
};

struct ExchangeResult {
  std::vector<std::string> actor_ids;  // scenario order
  std::vector<std::string> issue_ids;  // scenario order
  std::vector<ExchangeRoundRecord> rounds;
  std::vector<RealisedExchange> candidates_round1;  // only with record_candidates
  ModelRun run;                                     // the generic per-issue view (issue scale)
};

// Runs the exchange model on every issue of the scenario.
// REQUIRES: scenario passed validation. ModelFailure when an issue has a degenerate scale.
Result<ExchangeResult> RunExchange(const Scenario& scenario, const ExchangeOptions& options,
                                   bool record_detail = false);

}  // namespace entente
