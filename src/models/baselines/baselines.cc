#include "models/baselines/baselines.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "entente/statistics.h"

namespace entente {

namespace {

// The weights of one issue's bargaining table as seen by a baseline.
std::vector<double> CapabilityTimesSalience(const IssueTable& t) {
  std::vector<double> w(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) w[i] = t.capability[i] * t.salience[i];
  return w;
}

using Statistic = std::function<double(const IssueTable&)>;

// A baseline: a name, a sentence describing it, and the statistic it applies to each issue.
class StatisticModel : public Model {
 public:
  StatisticModel(std::string name, std::string what, Statistic statistic)
      : name_(std::move(name)), what_(std::move(what)), statistic_(std::move(statistic)) {}

  std::string name() const override { return name_; }

  Result<ModelRun> Run(const Scenario& scenario, const RunOptions& options) const override {
    if (!options.preset.empty()) {
      return Status::InvalidArgument("model '" + name_ + "' has no presets; got preset '" +
                                     options.preset + "'");
    }
    if (!options.params.empty()) {
      return Status::InvalidArgument("model '" + name_ + "' takes no --param options; got '" +
                                     options.params.begin()->first + "'");
    }
    ModelRun run;
    run.model = name_;
    for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
      const IssueTable table = MakeIssueTable(scenario, i);
      if (table.size() == 0) {
        return Status::ModelFailure("issue '" + table.issue_id + "' has no stances");
      }
      const std::vector<double> w = CapabilityTimesSalience(table);
      IssueResult result;
      result.issue_id = table.issue_id;
      result.actor_ids = table.actor_ids;
      result.positions = {table.position};
      result.weighted_median = {WeightedMedian(table.position, w)};
      result.weighted_mean = {WeightedMean(table.position, w)};
      result.forecast = statistic_(table);
      result.rounds = 0;
      result.converged = true;
      result.stop = StopReason::kStatic;
      result.message = "No bargaining: the forecast is " + what_ + " of the stated positions.";
      run.issues.push_back(std::move(result));
    }
    return run;
  }

 private:
  std::string name_;
  std::string what_;
  Statistic statistic_;
};

}  // namespace

std::unique_ptr<Model> MakeCompromiseModel() {
  // Achen 2006, Van den Bos 1991; dutch_models.md §2: O = Σ_i c_i s_i x_i / Σ_i c_i s_i.
  return std::make_unique<StatisticModel>(
      "compromise", "the capability x salience weighted mean",
      [](const IssueTable& t) { return WeightedMean(t.position, CapabilityTimesSalience(t)); });
}

std::unique_ptr<Model> MakeWeightedMedianModel() {
  // dutch_models.md §5: M = x_(k), k the smallest index with Σ_{j<=k} w_j >= W/2, w = c s.
  return std::make_unique<StatisticModel>(
      "weighted-median", "the capability x salience weighted median",
      [](const IssueTable& t) { return WeightedMedian(t.position, CapabilityTimesSalience(t)); });
}

std::unique_ptr<Model> MakeMeanModel() {
  return std::make_unique<StatisticModel>("mean", "the unweighted mean",
                                          [](const IssueTable& t) { return Mean(t.position); });
}

std::unique_ptr<Model> MakeMedianModel() {
  return std::make_unique<StatisticModel>("median", "the unweighted (lower) median",
                                          [](const IssueTable& t) { return Median(t.position); });
}

std::unique_ptr<Model> MakeSalienceMeanModel() {
  // dutch_models.md §2, "salience only" variant: Σ_i s_i x_i / Σ_i s_i.
  return std::make_unique<StatisticModel>(
      "salience-mean", "the salience weighted mean",
      [](const IssueTable& t) { return WeightedMean(t.position, t.salience); });
}

}  // namespace entente
