#include "analysis/forecast_evaluator.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace entente::analysis {

Status ParallelFor(std::size_t n, int threads, const std::function<Status(std::size_t)>& fn,
                   const std::function<bool()>& cancelled,
                   const std::function<void(std::size_t)>& done) {
  std::size_t finished = 0;  // guarded by `mutex`
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::atomic<bool> interrupted{false};
  std::mutex mutex;
  std::optional<std::size_t> failed_index;
  Status failure;
  auto worker = [&] {
    while (!stop.load(std::memory_order_relaxed)) {
      if (cancelled && cancelled()) {
        interrupted = true;
        stop = true;
        break;
      }
      const std::size_t i = next.fetch_add(1);
      if (i >= n) break;
      Status s = fn(i);
      if (s.ok() && done) {
        std::lock_guard<std::mutex> lock(mutex);
        done(++finished);
      }
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failed_index || i < *failed_index) {
          failed_index = i;
          failure = std::move(s);
        }
        stop = true;
      }
    }
  };
  const std::size_t count =
      std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(threads), n));
  if (count == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(count);
    for (std::size_t t = 0; t < count; ++t) pool.emplace_back(worker);
    for (std::thread& t : pool) t.join();
  }
  if (failed_index) return failure;
  if (interrupted) return Status::Interrupted("interrupted");
  return Status::Ok();
}

Result<ForecastEvaluator> ForecastEvaluator::Create(const std::string& model,
                                                    const RunOptions& options,
                                                    std::vector<std::size_t> issues,
                                                    const std::vector<Issue>& all_issues) {
  Result<const ModelInfo*> info = FindModel(model);
  if (!info.ok()) return info.status();
  ForecastEvaluator e;
  e.model_ = model;
  e.options_ = options;
  e.options_.record_detail = false;
  if (!options.preset.empty()) {
    const auto& presets = (*info)->presets;
    const bool known = std::any_of(presets.begin(), presets.end(),
                                   [&](const PresetInfo& p) { return p.name == options.preset; });
    if (!known) {
      std::string names;
      for (const PresetInfo& p : presets) names += (names.empty() ? "" : ", ") + p.name;
      return Status::InvalidArgument("model '" + model + "' has no preset '" + options.preset +
                                     "'" +
                                     (names.empty() ? " (it has none)" : "; presets: " + names));
    }
    e.preset_ = options.preset;
  } else if (!(*info)->presets.empty()) {
    e.preset_ = (*info)->presets.front().name;
  }
  for (std::size_t i : issues) e.issue_ids_.push_back(all_issues[i].id);
  e.instance_ = (*info)->create();
  return e;
}

Result<std::vector<double>> ForecastEvaluator::Forecasts(const Scenario& scenario) const {
  Result<ModelRun> run = instance_->Run(scenario, options_);
  if (!run.ok()) {
    return Status(run.status().code(), "model '" + model_ + "': " + run.status().message());
  }
  std::vector<double> out;
  out.reserve(issue_ids_.size());
  for (const std::string& id : issue_ids_) {
    auto it = std::find_if(run->issues.begin(), run->issues.end(),
                           [&](const IssueResult& r) { return r.issue_id == id; });
    if (it == run->issues.end()) {
      return Status::ModelFailure("model '" + model_ + "' gave no result for issue '" + id + "'");
    }
    out.push_back(it->forecast);
  }
  return out;
}

}  // namespace entente::analysis
