// The forecasters a back-test scores: built-in baselines and registered models.
#include <algorithm>
#include <set>
#include <string>

#include "entente/backtest.h"
#include "entente/decision_rule.h"
#include "entente/statistics.h"

namespace entente {

namespace {

// A baseline computed from issue 0's table: fn(positions, capability × salience, salience).
Forecaster Baseline(const std::string& name,
                    double (*fn)(const IssueTable& t, const std::vector<double>& cs)) {
  Forecaster f;
  f.model = name;
  f.forecast = [fn, name](const BacktestCase& c) -> Result<double> {
    const Scenario& s = c.scenario;
    if (s.issues.empty()) return Status::InvalidArgument(name + ": the scenario has no issue");
    const IssueTable t = MakeIssueTable(s, 0);
    if (t.size() == 0) {
      return Status::ModelFailure(name + ": issue '" + t.issue_id + "' has no stances");
    }
    std::vector<double> cs(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) cs[i] = t.capability[i] * t.salience[i];
    return fn(t, cs);
  };
  return f;
}

}  // namespace

std::vector<Forecaster> BaselineForecasters() {
  std::vector<Forecaster> out;
  out.push_back(Baseline(
      "mean", [](const IssueTable& t, const std::vector<double>&) { return Mean(t.position); }));
  out.push_back(Baseline("salience-mean", [](const IssueTable& t, const std::vector<double>&) {
    return WeightedMean(t.position, t.salience);
  }));
  // Achen 2006 / dutch_models.md §2: O = Σ c s x / Σ c s.
  out.push_back(Baseline("compromise", [](const IssueTable& t, const std::vector<double>& cs) {
    return WeightedMean(t.position, cs);
  }));
  out.push_back(Baseline("midpoint-median", [](const IssueTable& t, const std::vector<double>&) {
    return MidpointMedian(t.position);
  }));
  out.push_back(Baseline("salience-median", [](const IssueTable& t, const std::vector<double>&) {
    return WeightedMedian(t.position, t.salience);
  }));
  // dutch_models.md §5 with w = c s.
  out.push_back(Baseline("weighted-median", [](const IssueTable& t, const std::vector<double>& cs) {
    return WeightedMedian(t.position, cs);
  }));
  Forecaster sq;
  sq.model = "status-quo";
  sq.forecast = [](const BacktestCase& c) -> Result<double> {
    const Scenario& s = c.scenario;
    if (s.issues.empty() || !s.issues[0].status_quo) {
      return Status::InvalidArgument(
          "issue '" + (s.issues.empty() ? std::string() : s.issues[0].id) + "' has no status quo");
    }
    return *s.issues[0].status_quo;
  };
  out.push_back(sq);
  Forecaster proc;
  proc.model = "procedural";
  proc.forecast = [](const BacktestCase& c) -> Result<double> {
    const Scenario& s = c.scenario;
    if (s.issues.empty()) return Status::InvalidArgument("procedural: the scenario has no issue");
    if (s.decision_rule.empty()) {
      return Status::InvalidArgument("scenario '" + s.path + "' names no decision rule");
    }
    const IssueTable it = MakeIssueTable(s, 0);
    Result<DecisionTable> t = DecisionTable::FromIssueTable(s, it);
    if (!t.ok()) return t.status();
    if (!c.vote_weight.empty()) {
      for (std::size_t i : it.actor_index) t->vote_weight.push_back(c.vote_weight[i]);
    }
    DecisionRuleOptions opt;
    opt.quota = c.quota;
    Result<DecisionOutcome> o = ApplyDecisionRule(s.decision_rule, *t, opt);
    if (!o.ok()) return o.status();
    return o->outcome;
  };
  out.push_back(proc);
  return out;
}

Result<std::vector<Forecaster>> RegistryForecasters(const std::vector<std::string>& only,
                                                    const RunOptions& options) {
  for (const std::string& name : only) {
    if (!FindModel(name).ok()) return FindModel(name).status();
  }
  std::vector<Forecaster> out;
  for (const ModelInfo& info : ModelRegistry()) {
    if (!only.empty() && std::find(only.begin(), only.end(), info.name) == only.end()) continue;
    std::vector<std::string> presets;
    for (const PresetInfo& p : info.presets) presets.push_back(p.name);
    if (presets.empty()) presets.push_back("");
    for (const std::string& preset : presets) {
      Forecaster f;
      f.model = info.name;
      f.preset = preset;
      const ModelInfo* model = &info;
      RunOptions run = options;
      run.preset = preset;
      f.forecast = [model, run](const BacktestCase& c) -> Result<double> {
        const std::unique_ptr<Model> m = model->create();
        Result<ModelRun> r = m->Run(c.scenario, run);
        if (!r.ok()) return r.status();
        if (r->issues.empty()) {
          return Status::ModelFailure(model->name + " returned no issue result");
        }
        return r->issues[0].forecast;
      };
      out.push_back(std::move(f));
    }
  }
  return out;
}

Result<std::vector<Forecaster>> AllForecasters(const std::vector<std::string>& only,
                                               const RunOptions& options) {
  std::set<std::string> registered;
  for (const ModelInfo& info : ModelRegistry()) registered.insert(info.name);
  std::vector<Forecaster> baselines = BaselineForecasters();
  std::set<std::string> baseline_names;
  for (const Forecaster& f : baselines) baseline_names.insert(f.model);
  std::vector<std::string> registry_only;
  for (const std::string& name : only) {
    if (registered.count(name)) {
      registry_only.push_back(name);
    } else if (!baseline_names.count(name)) {
      std::string known;
      for (const std::string& b : baseline_names) known += (known.empty() ? "" : ", ") + b;
      for (const std::string& r : registered) known += ", " + r;
      return Status::InvalidArgument("unknown model '" + name + "'; known: " + known);
    }
  }
  std::vector<Forecaster> out;
  for (Forecaster& f : baselines) {
    if (registered.count(f.model)) continue;  // the registered model replaces the baseline
    if (!only.empty() && std::find(only.begin(), only.end(), f.model) == only.end()) continue;
    out.push_back(std::move(f));
  }
  if (only.empty() || !registry_only.empty()) {
    Result<std::vector<Forecaster>> reg = RegistryForecasters(registry_only, options);
    if (!reg.ok()) return reg.status();
    for (Forecaster& f : *reg) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace entente
