#include "cli/model_runner.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <utility>

#include "cli/interrupt.h"
#include "cli/work_limits.h"

namespace entente::cli {

namespace {

constexpr char kDefaultBargainingModel[] = "eum";

std::string PresetNames(const ModelInfo& info) {
  std::string names;
  for (const PresetInfo& p : info.presets) names += (names.empty() ? "" : ", ") + p.name;
  return names;
}

Status CheckPreset(const ModelInfo& info, const std::string& preset) {
  if (preset.empty()) return Status::Ok();
  for (const PresetInfo& p : info.presets) {
    if (p.name == preset) return Status::Ok();
  }
  if (info.presets.empty()) {
    return Status::InvalidArgument("model '" + info.name + "' has no presets; got --preset " +
                                   preset);
  }
  return Status::InvalidArgument("unknown preset '" + preset + "' for model '" + info.name +
                                 "'; its presets: " + PresetNames(info));
}

}  // namespace

const std::vector<std::string>& DefaultModelSet() {
  static const std::vector<std::string> models = {
      kDefaultBargainingModel, "compromise", "weighted-median", "mean", "median", "salience-mean"};
  return models;
}

Result<std::map<std::string, std::string>> ParseParams(const std::vector<std::string>& params) {
  std::map<std::string, std::string> out;
  for (const std::string& p : params) {
    const std::size_t eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status::InvalidArgument("--param expects key=value, got '" + p + "'");
    }
    if (!out.emplace(p.substr(0, eq), p.substr(eq + 1)).second) {
      return Status::InvalidArgument("--param " + p.substr(0, eq) + " given twice");
    }
  }
  return out;
}

Result<std::vector<PlannedRun>> PlanRuns(const ModelSelection& selection) {
  if (selection.rounds < 0) {
    return Status::InvalidArgument("--rounds must be >= 0, got " +
                                   std::to_string(selection.rounds));
  }
  Result<std::map<std::string, std::string>> params = ParseParams(selection.params);
  if (!params.ok()) return params.status();
  if (Status s = CheckRoundLimit("--rounds", selection.rounds, selection.max_rounds); !s.ok()) {
    return s;
  }
  if (auto p = params->find("max_rounds"); p != params->end()) {
    // The model validates the value; here only whether a number is over the limit.
    char* end = nullptr;
    const double v = std::strtod(p->second.c_str(), &end);
    if (end != p->second.c_str() && v > selection.max_rounds) {
      return CheckRoundLimit("--param max_rounds=" + p->second,
                             v > 1e18 ? static_cast<long long>(1e18) : static_cast<long long>(v),
                             selection.max_rounds);
    }
  }

  // Which models, and which of them receives --preset and --param.
  std::vector<const ModelInfo*> models;
  std::string tuned = selection.model;
  if (!selection.model.empty()) {
    Result<const ModelInfo*> info = FindModel(selection.model);
    if (!info.ok()) return info.status();
    models.push_back(*info);
  } else {
    for (const std::string& name : DefaultModelSet()) {
      if (Result<const ModelInfo*> info = FindModel(name); info.ok()) models.push_back(*info);
    }
    tuned = kDefaultBargainingModel;
    const bool tuning = !selection.preset.empty() || !params->empty();
    if (tuning && !FindModel(tuned).ok()) {
      return Status::InvalidArgument(
          "--preset and --param without --model apply to 'eum', which is not available; "
          "name a model with --model");
    }
  }

  std::vector<PlannedRun> plan;
  for (const ModelInfo* info : models) {
    PlannedRun run;
    run.info = info;
    run.options.max_rounds = selection.rounds;
    run.options.record_detail = selection.record_detail;
    if (info->name == tuned) {
      if (Status s = CheckPreset(*info, selection.preset); !s.ok()) return s;
      run.options.preset = selection.preset;
      run.options.params = *params;
    }
    plan.push_back(std::move(run));
  }
  return plan;
}

Result<std::vector<ModelRun>> ExecuteRuns(const Scenario& scenario,
                                          const std::vector<PlannedRun>& plan) {
  std::vector<ModelRun> runs;
  for (const PlannedRun& p : plan) {
    if (InterruptSignal() != 0) return Status::Interrupted("interrupted");
    const std::unique_ptr<Model> model = p.info->create();
    RunOptions options = p.options;
    // Models poll this once per round, so a signal stops a long run inside the model.
    if (!options.cancel) options.cancel = [] { return InterruptSignal() != 0; };
    Result<ModelRun> run = model->Run(scenario, options);
    if (!run.ok()) {
      const Status& s = run.status();
      if (s.code() == StatusCode::kInterrupted) return s;
      return Status(s.code(), "model '" + p.info->name + "': " + s.message());
    }
    if (run->model.empty()) run->model = p.info->name;
    if (run->preset.empty()) {
      run->preset = !p.options.preset.empty()  ? p.options.preset
                    : !p.info->presets.empty() ? p.info->presets.front().name
                                               : "";
    }
    runs.push_back(std::move(run).value());
  }
  if (InterruptSignal() != 0) return Status::Interrupted("interrupted");
  return runs;
}

Result<std::vector<ModelRun>> RunEveryModel(const Scenario& scenario, const RunOptions& base,
                                            const std::vector<std::string>& record_detail,
                                            std::vector<SkippedModel>* skipped) {
  std::vector<ModelRun> runs;
  for (const ModelInfo& info : ModelRegistry()) {
    PlannedRun plan;
    plan.info = &info;
    plan.options.max_rounds = base.max_rounds;
    plan.options.seed = base.seed;
    plan.options.record_detail =
        std::find(record_detail.begin(), record_detail.end(), info.name) != record_detail.end();
    Result<std::vector<ModelRun>> one = ExecuteRuns(scenario, {plan});
    if (one.ok()) {
      for (ModelRun& r : *one) runs.push_back(std::move(r));
      continue;
    }
    if (one.status().code() == StatusCode::kInterrupted) return one.status();
    std::string reason = one.status().message();
    const std::string prefix = "model '" + info.name + "': ";
    if (reason.rfind(prefix, 0) == 0) reason = reason.substr(prefix.size());
    skipped->push_back({info.name, reason});
  }
  return runs;
}

std::map<std::string, std::string> DescribeOptions(const ModelSelection& selection,
                                                   const std::vector<PlannedRun>& plan) {
  std::map<std::string, std::string> out;
  std::string models;
  for (const PlannedRun& p : plan) models += (models.empty() ? "" : ",") + p.info->name;
  out["models"] = models;
  out["rounds"] = selection.rounds == 0 ? "model default" : std::to_string(selection.rounds);
  for (const PlannedRun& p : plan) {
    if (!p.info->presets.empty()) {
      out["preset." + p.info->name] =
          p.options.preset.empty() ? p.info->presets.front().name : p.options.preset;
    }
    for (const auto& [key, value] : p.options.params) {
      out["param." + p.info->name + "." + key] = value;
    }
  }
  return out;
}

std::map<std::string, std::string> DescribeEveryModelRun(const std::vector<ModelRun>& runs,
                                                         int rounds, const std::string& events) {
  std::map<std::string, std::string> options;
  std::string models;
  for (const ModelRun& r : runs) {
    models += (models.empty() ? "" : ",") + r.model;
    if (!r.preset.empty()) options["preset." + r.model] = r.preset;
  }
  options["models"] = models;
  options["rounds"] = rounds == 0 ? "model default" : std::to_string(rounds);
  options["events"] = events;
  return options;
}

}  // namespace entente::cli
