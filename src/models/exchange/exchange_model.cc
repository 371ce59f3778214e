#include "models/exchange/exchange_model.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "entente/statistics.h"
#include "models/exchange/decimal_equal_gain.h"
#include "models/exchange/exchange_round.h"

namespace entente {

const char* ExchangeVariantName(ExchangeVariant variant) {
  switch (variant) {
    case ExchangeVariant::kEqualGain:
      return "equal-gain";
    case ExchangeVariant::kRandomized:
      return "randomized";
    case ExchangeVariant::kRandomRate:
      return "random-rate";
  }
  return "unknown";
}

Status ExchangeOptions::Validate() const {
  if (rounds < 1 || rounds > 100000)
    return Status::InvalidArgument("exchange: rounds must be in [1, 100000], got " +
                                   std::to_string(rounds));
  if (!(p >= 0.0 && p <= 1.0))
    return Status::InvalidArgument("exchange: p must be in [0, 1], got " + std::to_string(p));
  if (!(fixed_weight >= 0.0 && salience_weight >= 0.0 && fixed_weight + salience_weight <= 1.0))
    return Status::InvalidArgument(
        "exchange: fixed_weight and salience_weight must be >= 0 with a sum <= 1");
  if (arithmetic == ExchangeArithmetic::kDecimal28 && variant != ExchangeVariant::kEqualGain)
    return Status::InvalidArgument(
        "exchange: arithmetic 'decimal28' is available for the equal-gain preset only");
  return Status::Ok();
}

namespace {

using exchange::Grid;

// Parses a whole string as a finite double.
bool ParseDouble(const std::string& text, double* out) {
  if (text.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(*out);
}

std::vector<double> Column(const exchange::Table& t, const Grid& g, int d, bool raw) {
  std::vector<double> out;
  for (int i = 0; i < t.actors(); ++i)
    if (t.has[d][i]) out.push_back(raw ? t.ToRaw(d, g[d][i]) : g[d][i]);
  return out;
}

// The generic per-issue view (model.h), mapped back to each issue's scale.
void FillModelRun(const exchange::Table& t, const std::vector<Grid>& starts,
                  const ExchangeResult& r, const ExchangeOptions& opt, bool record_detail,
                  ModelRun* run) {
  run->model = "exchange";
  run->preset = ExchangeVariantName(opt.variant);
  run->options = {{"variant", ExchangeVariantName(opt.variant)},
                  {"rounds", std::to_string(opt.rounds)},
                  {"p", std::to_string(opt.p)},
                  {"seed", std::to_string(opt.seed)},
                  {"fixed_weight", std::to_string(opt.fixed_weight)},
                  {"salience_weight", std::to_string(opt.salience_weight)}};
  if (opt.arithmetic == ExchangeArithmetic::kDecimal28) run->options["arithmetic"] = "decimal28";
  for (int d = 0; d < t.issues(); ++d) {
    IssueResult ir;
    ir.issue_id = t.issue_ids[d];
    std::vector<double> weights;
    for (int i = 0; i < t.actors(); ++i) {
      if (!t.has[d][i]) continue;
      ir.actor_ids.push_back(t.actor_ids[i]);
      weights.push_back(t.w[d][i]);
    }
    if (ir.actor_ids.empty()) {
      ir.message = "no actor takes part in this issue";
      ir.stop = StopReason::kHalted;
      run->issues.push_back(std::move(ir));
      continue;
    }
    // positions[t]: start positions after t rounds (round 0 = input); weighted_mean[0] = the
    // input outcome, weighted_mean[t] = round t's predicted outcome (mean of voting positions).
    for (std::size_t k = 0; k < starts.size(); ++k) {
      ir.positions.push_back(Column(t, starts[k], d, true));
      ir.weighted_median.push_back(WeightedMedian(ir.positions.back(), weights));
      ir.weighted_mean.push_back(
          k == 0 ? t.ToRaw(d, t.Outcome(d, starts[0]))
                 : t.ToRaw(d, r.rounds[k - 1].outcome_voting[static_cast<std::size_t>(d)]));
    }
    ir.forecast = ir.weighted_mean.back();
    ir.rounds = opt.rounds;
    ir.converged = false;
    ir.stop = StopReason::kRoundCap;
    int count = 0;
    for (const auto& round : r.rounds)
      for (const auto& e : round.exchanges)
        count += (e.i.supply_issue == ir.issue_id) + (e.j.supply_issue == ir.issue_id);
    ir.message = "ran the fixed " + std::to_string(opt.rounds) + " rounds of " +
                 ExchangeVariantName(opt.variant) + " exchange; " + std::to_string(count) +
                 " position moves on this issue";
    if (record_detail) {
      for (const auto& round : r.rounds) {
        for (const auto& e : round.exchanges) {
          for (int side = 0; side < 2; ++side) {
            const ExchangeSide& me = side == 0 ? e.i : e.j;
            const ExchangeSide& other = side == 0 ? e.j : e.i;
            if (me.supply_issue != ir.issue_id) continue;
            Interaction in;
            in.round = e.round;
            in.actor = me.actor;
            in.counterpart = other.actor;
            in.eu_actor = me.gain;
            in.eu_counterpart = other.gain;
            in.kind = "exchange";
            in.from = t.ToRaw(d, me.supply_pos);
            in.to = t.ToRaw(d, me.y);
            in.accepted = true;
            ir.interactions.push_back(in);
          }
        }
      }
    }
    run->issues.push_back(std::move(ir));
  }
}

class ExchangeModel : public Model {
 public:
  std::string name() const override { return "exchange"; }
  Result<ModelRun> Run(const Scenario& scenario, const RunOptions& options) const override {
    Result<ExchangeOptions> opt = ExchangeOptionsFrom(options);
    if (!opt.ok()) return opt.status();
    Result<ExchangeResult> r = RunExchange(scenario, *opt, options.record_detail);
    if (!r.ok()) return r.status();
    return std::move(r->run);
  }
};

}  // namespace

Result<ExchangeOptions> ExchangeOptionsFrom(const RunOptions& options) {
  ExchangeOptions opt;
  if (options.preset.empty() || options.preset == "equal-gain") {
    opt.variant = ExchangeVariant::kEqualGain;
  } else if (options.preset == "randomized") {
    opt.variant = ExchangeVariant::kRandomized;
  } else if (options.preset == "random-rate") {
    opt.variant = ExchangeVariant::kRandomRate;
  } else {
    return Status::InvalidArgument("exchange: unknown preset '" + options.preset +
                                   "'; known presets: equal-gain, randomized, random-rate");
  }
  if (options.max_rounds > 0) opt.rounds = options.max_rounds;
  opt.seed = options.seed;
  opt.cancel = options.cancel;
  for (const auto& [key, value] : options.params) {
    if (key == "arithmetic") {
      if (value == "double") {
        opt.arithmetic = ExchangeArithmetic::kDouble;
      } else if (value == "decimal28") {
        opt.arithmetic = ExchangeArithmetic::kDecimal28;
      } else {
        return Status::InvalidArgument(
            "exchange: param 'arithmetic' must be 'double' or "
            "'decimal28', got '" +
            value + "'");
      }
      continue;
    }
    double* field = key == "p"                 ? &opt.p
                    : key == "fixed_weight"    ? &opt.fixed_weight
                    : key == "salience_weight" ? &opt.salience_weight
                                               : nullptr;
    if (field == nullptr)
      return Status::InvalidArgument(
          "exchange: unknown param '" + key +
          "'; known params: p, fixed_weight, salience_weight, arithmetic");
    if (!ParseDouble(value, field))
      return Status::InvalidArgument("exchange: param '" + key + "' must be a number, got '" +
                                     value + "'");
  }
  Status valid = opt.Validate();
  if (!valid.ok()) return valid;
  return opt;
}

Result<ExchangeResult> RunExchange(const Scenario& scenario, const ExchangeOptions& options,
                                   bool record_detail) {
  Status valid = options.Validate();
  if (!valid.ok()) return valid;
  Result<exchange::Table> table = exchange::MakeTable(scenario);
  if (!table.ok()) return table.status();
  const exchange::Table& t = *table;
  ExchangeResult result;
  result.actor_ids = t.actor_ids;
  result.issue_ids = t.issue_ids;
  SplitMix64 rng(options.seed);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto masked = [&](const Grid& g) {
    Grid out = g;
    for (int d = 0; d < t.issues(); ++d)
      for (int i = 0; i < t.actors(); ++i)
        if (!t.has[d][i]) out[d][i] = nan;
    return out;
  };
  std::vector<Grid> starts = {t.x};
  if (options.arithmetic == ExchangeArithmetic::kDecimal28) {
    Result<exchange::DecimalRun> dr = exchange::RunEqualGainDecimal28(scenario, t, options);
    if (!dr.ok()) return dr.status();
    starts.clear();
    for (exchange::DecimalRound& round : dr->rounds) {
      ExchangeRoundRecord rec;
      rec.round = static_cast<int>(result.rounds.size()) + 1;
      rec.outcome_start = std::move(round.outcome_start);
      rec.outcome_voting = std::move(round.outcome_voting);
      rec.start = masked(round.start);
      rec.voting = masked(round.voting);
      rec.exchanges = std::move(round.exchanges);
      starts.push_back(std::move(round.start));
      result.rounds.push_back(std::move(rec));
    }
    starts.push_back(std::move(dr->final_start));
    FillModelRun(t, starts, result, options, record_detail, &result.run);
    return result;
  }
  for (int round = 1; round <= options.rounds; ++round) {
    if (options.cancel && options.cancel()) return CancelledStatus("exchange", round, "");
    const Grid& start = starts.back();
    exchange::RoundContext ctx;
    ctx.table = &t;
    ctx.start = &start;
    ctx.variant = options.variant;
    ctx.p = options.p;
    ctx.rng = &rng;
    ctx.options = &options;
    ctx.round = round;
    for (int d = 0; d < t.issues(); ++d) {
      double sum = 0.0;
      for (int i = 0; i < t.actors(); ++i)
        if (t.has[d][i]) sum += t.w[d][i] * start[d][i];
      ctx.start_sum.push_back(sum);
    }
    const bool keep = options.record_candidates && round == 1;
    exchange::RoundResult rr = exchange::RunRound(ctx, keep);
    ExchangeRoundRecord rec;
    rec.round = round;
    for (int d = 0; d < t.issues(); ++d) {
      rec.outcome_start.push_back(t.Outcome(d, start));
      rec.outcome_voting.push_back(t.Outcome(d, rr.voting));
    }
    rec.start = masked(start);
    rec.voting = masked(rr.voting);
    for (std::size_t k = 0; k < rr.realised.size(); ++k)
      rec.exchanges.push_back(
          exchange::ToRecord(t, rr.realised[k], round, static_cast<int>(k) + 1));
    if (keep)
      for (const auto& c : rr.initial)
        result.candidates_round1.push_back(exchange::ToRecord(t, c, 1, 0));
    result.rounds.push_back(std::move(rec));
    starts.push_back(
        exchange::NextStart(t, start, rr.voting, options.fixed_weight, options.salience_weight));
  }
  // starts[t]: start positions after t rounds (starts[0] = input), rounds + 1 entries.
  FillModelRun(t, starts, result, options, record_detail, &result.run);
  return result;
}

std::unique_ptr<Model> MakeExchangeModel() { return std::make_unique<ExchangeModel>(); }

}  // namespace entente
