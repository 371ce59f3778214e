#include "models/spatial_pce/smp_model.h"

#include <cmath>
#include <string>
#include <vector>

#include "entente/convert.h"
#include "entente/statistics.h"

namespace entente {

Result<SmpProblem> SmpProblemFromScenario(const Scenario& scenario,
                                          const std::vector<double>& accommodation) {
  SmpProblem p;
  p.num_actors = static_cast<int>(scenario.actors.size());
  p.num_dims = static_cast<int>(scenario.issues.size());
  const size_t n = scenario.actors.size();
  const size_t d = scenario.issues.size();
  p.capability.resize(n);
  p.position.assign(n * d, 0.0);
  p.salience.assign(n * d, 0.0);
  for (size_t a = 0; a < n; ++a) {
    p.capability[a] = scenario.actors[a].capability;
    double total = 0.0;
    for (size_t k = 0; k < d; ++k) {
      const Issue& is = scenario.issues[k];
      const double span = is.scale_max - is.scale_min;
      const std::optional<Stance>& st = scenario.stances[k][a];
      // Positions map linearly from the issue's scale to KTAB's [0,1].
      p.position[a * d + k] = st ? (span > 0 ? (st->position - is.scale_min) / span : 0.5) : 0.5;
      p.salience[a * d + k] = st ? st->salience : 0.0;
      total += p.salience[a * d + k];
    }
    if (!(total > 0.0)) {
      return Status::InvalidArgument("actor '" + scenario.actors[a].id +
                                     "' has zero salience on every issue; the SMP needs some");
    }
    if (total > 1.0) {
      for (size_t k = 0; k < d; ++k) p.salience[a * d + k] /= total;
    }
  }
  p.accommodation = accommodation;
  if (Status st = p.Validate(); !st.ok()) return st;
  return p;
}

Result<SmpOptions> ResolveSmpOptions(const RunOptions& options) {
  SmpOptions o;
  if (options.preset == "ktab-compat") {
    o.ktab_bargain_bugs = true;
  } else if (!options.preset.empty() && options.preset != "ktab") {
    return Status::InvalidArgument("unknown smp preset '" + options.preset +
                                   "'; known presets: ktab, ktab-compat");
  }
  for (const auto& [key, value] : options.params) {
    if (Status st = SetSmpOption(o, key, value); !st.ok()) return st;
  }
  if (options.seed != 0) o.seed = options.seed;
  if (options.max_rounds > 0) {
    o.max_iterations = options.max_rounds;
    if (o.min_iterations > o.max_iterations) o.min_iterations = o.max_iterations;
  }
  if (Status st = o.Validate(); !st.ok()) return st;
  return o;
}

Result<ModelRun> SmpModel::Run(const Scenario& scenario, const RunOptions& options) const {
  Result<SmpOptions> opt = ResolveSmpOptions(options);
  if (!opt.ok()) return opt.status();
  opt->record_detail = options.record_detail;
  opt->cancel = options.cancel;
  Result<SmpProblem> problem = SmpProblemFromScenario(scenario);
  // A valid scenario the SMP cannot take (an actor with no salience anywhere) is a model
  // failure (exit 6), not a usage error. Found by fuzz_models (tests/regressions/models/).
  if (!problem.ok()) return Status::ModelFailure("smp: " + problem.status().message());
  Result<SmpResult> run = RunSmp(*problem, *opt);
  if (!run.ok()) return run.status();
  const SmpResult& r = *run;
  const int n = problem->num_actors;
  const int d = problem->num_dims;
  ModelRun out;
  out.model = name();
  out.preset = options.preset.empty() ? "ktab" : options.preset;
  const SmpOptions& o = *opt;
  out.options = {{"VictoryProbModel", SmpName(o.victory_prob_model)},
                 {"PCEModel", SmpName(o.pce_model)},
                 {"StateTransitions", SmpName(o.state_transitions)},
                 {"VotingRule", SmpName(o.voting_rule)},
                 {"BigRAdjust", SmpName(o.big_r_adjust)},
                 {"BigRRange", SmpName(o.big_r_range)},
                 {"ThirdPartyCommit", SmpName(o.third_party_commit)},
                 {"InterVecBrgn", SmpName(o.inter_vec_brgn)},
                 {"BargnModel", SmpName(o.bargn_model)},
                 {"ktab_bargain_bugs", o.ktab_bargain_bugs ? "true" : "false"},
                 {"seed", std::to_string(o.seed)}};
  const int turns = static_cast<int>(r.states.size()) - 1;
  RoundSeries risk{"risk", {}};
  RoundSeries prob{"outcome_probability", {}};
  for (int t = 1; t <= turns; ++t) {
    risk.values.push_back(r.states[t].risk);
    prob.values.push_back(r.states[t].outcome_prob);
  }
  for (int k = 0; k < d; ++k) {
    const Issue& is = scenario.issues[k];
    const double span = is.scale_max - is.scale_min;
    IssueResult ir;
    ir.issue_id = is.id;
    for (const Actor& a : scenario.actors) ir.actor_ids.push_back(a.id);
    std::vector<double> w(n);
    for (int a = 0; a < n; ++a) {
      const auto& st = scenario.stances[k][a];
      w[a] = scenario.actors[a].capability * (st ? st->salience : 0.0);
    }
    for (const SmpStateRecord& s : r.states) {
      std::vector<double> x(n);
      for (int a = 0; a < n; ++a) {
        x[a] = is.scale_min + span * s.position[static_cast<size_t>(a) * d + k];
      }
      ir.weighted_median.push_back(WeightedMedian(x, w));
      ir.weighted_mean.push_back(WeightedMean(x, w));
      ir.positions.push_back(std::move(x));
    }
    // Forecast: the expected final position under the final state's outcome distribution
    // (each distinct position counted once, with its PCE probability).
    const SmpStateRecord& last = r.states.back();
    double f = 0.0;
    for (int a = 0; a < n; ++a) {
      if (last.equiv[a] == a) f += last.outcome_prob[a] * ir.positions.back()[a];
    }
    ir.forecast = f;
    ir.rounds = turns;
    ir.converged = r.stopped_by_rule;
    ir.stop = r.stopped_by_rule ? StopReason::kConverged : StopReason::kRoundCap;
    ir.message = "SMP " + r.message + "; forecast = expected position under the final " +
                 "state's outcome probabilities";
    ir.series = {risk, prob};
    if (options.record_detail) {
      // Each bargain as seen by both parties: ΔEU and P are the initiator's estimates.
      for (int t = 0; t + 1 < static_cast<int>(r.states.size()); ++t) {
        const SmpTurnDetail& det = r.states[t].detail;
        for (size_t b = 0; b < det.bargains.size(); ++b) {
          const SmpBargain& x = det.bargains[b];
          if (x.init == x.recd) continue;
          for (const bool as_init : {true, false}) {
            const int a = as_init ? x.init : x.recd;
            const int other = as_init ? x.recd : x.init;
            Interaction in;
            in.round = t + 1;
            in.actor = scenario.actors[a].id;
            in.counterpart = scenario.actors[other].id;
            in.eu_actor = as_init ? x.value : 0.0;
            in.probability = as_init ? x.prob : 1.0 - x.prob;
            in.kind = "compromise";
            in.from = ir.positions[t][a];
            in.to = is.scale_min + span * (as_init ? x.init_pos : x.recd_pos)[k];
            in.accepted = det.chosen[a] == static_cast<int>(b);
            ir.interactions.push_back(std::move(in));
          }
        }
      }
    }
    out.issues.push_back(std::move(ir));
  }
  return out;
}

std::unique_ptr<Model> MakeSmpModel() { return std::make_unique<SmpModel>(); }

}  // namespace entente
