#include "models/nash/nash_model.h"

#include "entente/statistics.h"
#include "models/nash/nash.h"

namespace entente {

namespace {

class NashModel : public Model {
 public:
  std::string name() const override { return "nash"; }

  Result<ModelRun> Run(const Scenario& scenario, const RunOptions& options) const override {
    nash::Utility utility;
    if (options.preset.empty() || options.preset == "quadratic") {
      utility = nash::Utility::kQuadratic;
    } else if (options.preset == "linear") {
      utility = nash::Utility::kLinear;
    } else {
      return Status::InvalidArgument("nash: unknown preset '" + options.preset +
                                     "'; known presets: quadratic, linear");
    }
    if (!options.params.empty())
      return Status::InvalidArgument("nash: unknown param '" + options.params.begin()->first +
                                     "'; nash takes no params");
    ModelRun run;
    run.model = "nash";
    run.preset = utility == nash::Utility::kQuadratic ? "quadratic" : "linear";
    run.options = {{"utility", run.preset}, {"disagreement_point", "status quo"}};
    for (std::size_t d = 0; d < scenario.issues.size(); ++d) {
      const IssueTable table = MakeIssueTable(scenario, d);
      if (!table.status_quo)
        return Status::ModelFailure("nash needs a status_quo on issue '" + table.issue_id + "'");
      IssueResult ir;
      ir.issue_id = table.issue_id;
      ir.actor_ids = table.actor_ids;
      if (table.size() > 0) {
        std::vector<double> w(table.size());
        for (std::size_t i = 0; i < w.size(); ++i) w[i] = table.capability[i] * table.salience[i];
        ir.positions.push_back(table.position);
        ir.weighted_mean.push_back(WeightedMean(table.position, w));
        ir.weighted_median.push_back(WeightedMedian(table.position, w));
      }
      const nash::Solution sol = nash::Solve(table, utility);
      ir.forecast = sol.outcome;
      ir.rounds = 0;
      ir.converged = true;
      ir.stop = StopReason::kStatic;
      ir.message = sol.message;
      run.issues.push_back(std::move(ir));
    }
    return run;
  }
};

}  // namespace

std::unique_ptr<Model> MakeNashModel() { return std::make_unique<NashModel>(); }

}  // namespace entente
