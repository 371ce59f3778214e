// The Monte Carlo sweep engine (include/entente/sweep.h): a fixed pool of std::threads pulls
// batches of replication indices from an atomic counter; finished batches go back to the calling
// thread through a queue, which hands them to the SweepSink (store, progress) one at a time.
#include "entente/sweep.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "entente/uncertainty.h"

namespace entente {

bool Threshold::Passes(double x) const {
  switch (op) {
    case Op::kGe:
      return x >= value;
    case Op::kGt:
      return x > value;
    case Op::kLe:
      return x <= value;
    case Op::kLt:
      return x < value;
  }
  return false;
}

Result<Threshold> ParseThreshold(const std::string& text) {
  const auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("--threshold '" + text + "': " + why +
                                   "; expected ISSUE>=X, ISSUE>X, ISSUE<=X or ISSUE<X, e.g. "
                                   "timing>=90");
  };
  const std::size_t at = text.find_first_of("<>");
  if (at == std::string::npos) return bad("no comparison");
  Threshold t;
  t.text = text;
  std::size_t after = at + 1;
  const bool eq = after < text.size() && text[after] == '=';
  if (eq) ++after;
  t.op = text[at] == '>' ? (eq ? Threshold::Op::kGe : Threshold::Op::kGt)
                         : (eq ? Threshold::Op::kLe : Threshold::Op::kLt);
  const auto trim = [](std::string s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  };
  t.issue = trim(text.substr(0, at));
  const std::string number = trim(text.substr(after));
  if (t.issue.empty()) return bad("no issue id");
  if (number.empty()) return bad("no value");
  char* end = nullptr;
  t.value = std::strtod(number.c_str(), &end);
  if (end != number.c_str() + number.size() || !std::isfinite(t.value)) {
    return bad("'" + number + "' is not a finite number");
  }
  return t;
}

std::uint64_t ModelSeed(std::uint64_t replication_seed, std::size_t model_index) {
  return ReplicationSeed(replication_seed, (std::uint64_t{1} << 32) + model_index);
}

Status ValidateSweepOptions(const Scenario& scenario, const SweepOptions& options) {
  if (options.models.empty()) return Status::InvalidArgument("a sweep needs at least one model");
  for (const SweepModel& m : options.models) {
    Result<const ModelInfo*> info = FindModel(m.name);
    if (!info.ok()) return info.status();
    if (!m.options.preset.empty()) {
      bool known = false;
      for (const PresetInfo& p : (*info)->presets) known = known || p.name == m.options.preset;
      if (!known) {
        return Status::InvalidArgument("unknown preset '" + m.options.preset + "' for model '" +
                                       m.name + "'");
      }
    }
  }
  if (options.samples < 1) return Status::InvalidArgument("--samples must be >= 1, got 0");
  if (options.histogram_bins < 1) {
    return Status::InvalidArgument("histogram bins must be >= 1, got " +
                                   std::to_string(options.histogram_bins));
  }
  if (options.threads < 0) {
    return Status::InvalidArgument("--threads must be >= 0, got " +
                                   std::to_string(options.threads));
  }
  for (const Threshold& t : options.thresholds) {
    if (!scenario.FindIssue(t.issue)) {
      std::string ids;
      for (const Issue& issue : scenario.issues) ids += (ids.empty() ? "" : ", ") + issue.id;
      return Status::InvalidArgument("--threshold '" + t.text + "' names unknown issue '" +
                                     t.issue + "'; the scenario's issues: " + ids);
    }
  }
  if (Result<std::vector<Event>> events = SelectEvents(scenario, options.events); !events.ok()) {
    return events.status();
  }
  return Status::Ok();
}

namespace {

struct PreparedModel {
  std::string name;
  std::unique_ptr<Model> model;
  RunOptions options;
};

Result<std::vector<PreparedModel>> PrepareModels(const SweepOptions& options) {
  std::vector<PreparedModel> out;
  for (const SweepModel& m : options.models) {
    Result<const ModelInfo*> info = FindModel(m.name);
    if (!info.ok()) return info.status();
    PreparedModel p;
    p.name = m.name;
    p.model = (*info)->create();
    p.options = m.options;
    p.options.record_detail = false;
    out.push_back(std::move(p));
  }
  return out;
}

// The scenario every replication starts from: the input without its file text (which no model
// reads), so that copying it per replication stays cheap.
Scenario PrepareBase(const Scenario& scenario) {
  Scenario base = scenario;
  base.text.clear();
  base.meta.description.clear();
  base.meta.sources.clear();
  return base;
}

Result<ReplicationResult> RunOne(const Scenario& base, const SweepOptions& options,
                                 const std::vector<PreparedModel>& models, std::uint64_t index) {
  ReplicationResult r;
  r.index = index;
  r.seed = ReplicationSeed(options.seed, index);
  const Scenario drawn = SampleScenario(base, r.seed);
  Result<Scenario> sample = ApplyEvents(drawn, options.events);
  if (!sample.ok()) return sample.status();
  const std::size_t issues = base.issues.size();
  r.forecast.assign(models.size() * issues, std::nan(""));
  r.stop.assign(models.size() * issues, StopReason::kHalted);
  for (std::size_t m = 0; m < models.size(); ++m) {
    RunOptions run_options = models[m].options;
    run_options.seed = ModelSeed(r.seed, m);
    Result<ModelRun> run = models[m].model->Run(*sample, run_options);
    if (!run.ok()) {
      return Status(run.status().code(), "model '" + models[m].name + "', replication " +
                                             std::to_string(index) + ": " + run.status().message());
    }
    for (const IssueResult& ir : run->issues) {
      const auto i = base.FindIssue(ir.issue_id);
      if (!i) continue;
      r.forecast[m * issues + *i] = ir.forecast;
      r.stop[m * issues + *i] = ir.stop;
    }
  }
  return r;
}

std::uint64_t DefaultBatch(std::uint64_t count, int threads) {
  // About eight batches per thread, each small enough for a prompt progress line and a short
  // store transaction.
  const std::uint64_t b = count / (static_cast<std::uint64_t>(threads) * 8);
  return std::clamp<std::uint64_t>(b, 1, 250);
}

}  // namespace

Result<ReplicationResult> RunReplication(const Scenario& scenario, const SweepOptions& options,
                                         std::uint64_t index) {
  Result<std::vector<PreparedModel>> models = PrepareModels(options);
  if (!models.ok()) return models.status();
  return RunOne(PrepareBase(scenario), options, *models, index);
}

Result<std::vector<ReplicationResult>> RunReplications(const Scenario& scenario,
                                                       const SweepOptions& options,
                                                       const std::vector<std::uint64_t>& indices,
                                                       SweepSink* sink) {
  if (Status s = ValidateSweepOptions(scenario, options); !s.ok()) return s;
  Result<std::vector<PreparedModel>> models = PrepareModels(options);
  if (!models.ok()) return models.status();
  const Scenario base = PrepareBase(scenario);

  int threads = options.threads;
  if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::uint64_t count = indices.size();
  const std::uint64_t batch = options.batch > 0 ? options.batch : DefaultBatch(count, threads);
  const std::uint64_t batches = (count + batch - 1) / batch;
  threads = static_cast<int>(std::min<std::uint64_t>(threads, std::max<std::uint64_t>(batches, 1)));

  std::atomic<std::uint64_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::vector<ReplicationResult>> finished;
  int running = threads;
  Status error;

  const auto worker = [&] {
    while (!stop.load()) {
      const std::uint64_t b = next.fetch_add(1);
      if (b >= batches) break;
      std::vector<ReplicationResult> out;
      const std::uint64_t end = std::min(count, (b + 1) * batch);
      for (std::uint64_t k = b * batch; k < end; ++k) {
        Result<ReplicationResult> r = RunOne(base, options, *models, indices[k]);
        if (!r.ok()) {
          std::lock_guard<std::mutex> lock(mu);
          if (error.ok()) error = r.status();
          stop = true;
          break;
        }
        out.push_back(std::move(r).value());
      }
      if (stop.load() && out.size() != end - b * batch) break;  // a failed batch is dropped
      std::sort(out.begin(), out.end(),
                [](const auto& x, const auto& y) { return x.index < y.index; });
      std::lock_guard<std::mutex> lock(mu);
      finished.push_back(std::move(out));
      cv.notify_one();
    }
    std::lock_guard<std::mutex> lock(mu);
    --running;
    cv.notify_one();
  };

  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);

  std::vector<ReplicationResult> all;
  all.reserve(count);
  bool cancelled = false;
  Status sink_error;
  std::uint64_t done = 0;
  for (;;) {
    std::vector<ReplicationResult> got;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return !finished.empty() || running == 0; });
      if (finished.empty()) break;  // every worker has stopped and nothing is left
      got = std::move(finished.front());
      finished.pop_front();
    }
    if (sink != nullptr && sink_error.ok()) {
      if (Status s = sink->OnBatch(got); !s.ok()) {
        sink_error = s;
        stop = true;
      }
    }
    if (!sink_error.ok()) continue;  // not handed over: not counted as done
    done += got.size();
    for (ReplicationResult& r : got) all.push_back(std::move(r));
    if (sink != nullptr) {
      sink->OnProgress(done, count);
      if (!cancelled && sink->Cancelled()) {
        cancelled = true;
        stop = true;
      }
    }
  }
  for (std::thread& t : pool) t.join();

  if (!error.ok()) return error;
  if (!sink_error.ok()) return sink_error;
  if (cancelled && done < count) {
    return Status::Interrupted("interrupted after " + std::to_string(done) + " of " +
                               std::to_string(count) + " replications");
  }
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.index < y.index; });
  return all;
}

double Quantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nan("");
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

Result<SweepSummary> Summarize(const Scenario& scenario, const SweepOptions& options,
                               std::vector<ReplicationResult> results) {
  std::sort(results.begin(), results.end(),
            [](const auto& x, const auto& y) { return x.index < y.index; });
  if (results.size() != options.samples) {
    return Status::Internal("sweep summary: " + std::to_string(results.size()) +
                            " replication results for " + std::to_string(options.samples) +
                            " samples");
  }
  const std::size_t issues = scenario.issues.size();
  for (std::uint64_t k = 0; k < results.size(); ++k) {
    if (results[k].index != k || results[k].forecast.size() != options.models.size() * issues) {
      return Status::Internal("sweep summary: replication " + std::to_string(k) +
                              " is missing, repeated or malformed");
    }
  }
  // The point forecasts: every model once on the scenario as `entente run` reads it.
  Result<std::vector<PreparedModel>> models = PrepareModels(options);
  if (!models.ok()) return models.status();
  Result<Scenario> point_scenario = ApplyEvents(PrepareBase(scenario), options.events);
  if (!point_scenario.ok()) return point_scenario.status();
  std::vector<double> point(options.models.size() * issues, std::nan(""));
  for (std::size_t m = 0; m < models->size(); ++m) {
    RunOptions run_options = (*models)[m].options;
    run_options.seed = ModelSeed(options.seed, m);
    Result<ModelRun> run = (*models)[m].model->Run(*point_scenario, run_options);
    if (!run.ok()) {
      return Status(run.status().code(), "model '" + (*models)[m].name +
                                             "' at the point values: " + run.status().message());
    }
    for (const IssueResult& ir : run->issues) {
      if (const auto i = scenario.FindIssue(ir.issue_id)) point[m * issues + *i] = ir.forecast;
    }
  }

  SweepSummary summary;
  summary.samples = options.samples;
  summary.seed = options.seed;
  for (std::size_t m = 0; m < options.models.size(); ++m) {
    const SweepModel& sm = options.models[m];
    std::string preset = sm.options.preset;
    if (preset.empty()) {
      if (Result<const ModelInfo*> info = FindModel(sm.name);
          info.ok() && !(*info)->presets.empty())
        preset = (*info)->presets.front().name;
    }
    summary.models.push_back(preset.empty() ? sm.name : sm.name + " (" + preset + ")");
    for (std::size_t i = 0; i < issues; ++i) {
      const Issue& issue = scenario.issues[i];
      SweepStat st;
      st.model = sm.name;
      st.preset = preset;
      st.issue = issue.id;
      st.point = point[m * issues + i];
      std::vector<double> x;
      x.reserve(results.size());
      for (const ReplicationResult& r : results) {
        x.push_back(r.forecast[m * issues + i]);
        const StopReason stop = r.stop[m * issues + i];
        if (stop == StopReason::kRoundCap || stop == StopReason::kHalted) ++st.not_converged;
      }
      st.n = x.size();
      // Sums in replication order: the same figures for any thread count or split.
      double sum = 0.0;
      for (double v : x) sum += v;
      st.mean = sum / static_cast<double>(st.n);
      double ss = 0.0;
      for (double v : x) ss += (v - st.mean) * (v - st.mean);
      st.sd = st.n > 1 ? std::sqrt(ss / static_cast<double>(st.n - 1)) : 0.0;
      std::vector<double> sorted = x;
      std::sort(sorted.begin(), sorted.end());
      st.min = sorted.front();
      st.max = sorted.back();
      st.p05 = Quantile(sorted, 0.05);
      st.median = Quantile(sorted, 0.5);
      st.p95 = Quantile(sorted, 0.95);
      const int bins = options.histogram_bins;
      const double lo = issue.scale_min, hi = issue.scale_max, width = (hi - lo) / bins;
      for (int b = 0; b <= bins; ++b) st.bin_edges.push_back(b == bins ? hi : lo + b * width);
      st.histogram.assign(bins, 0);
      // kSweepResolution of the scale, in bin widths: rounding noise just below an edge does
      // not split one value's replications over two bins.
      const double edge_slack = kSweepResolution * bins;
      for (double v : x) {
        int b = static_cast<int>(std::floor((v - lo) / width + edge_slack));
        b = std::clamp(b, 0, bins - 1);
        ++st.histogram[b];
      }
      for (const Threshold& t : options.thresholds) {
        if (t.issue != issue.id) continue;
        std::uint64_t pass = 0;
        for (double v : x) pass += t.Passes(v) ? 1 : 0;
        st.thresholds.push_back(t.text);
        st.threshold_probability.push_back(static_cast<double>(pass) / static_cast<double>(st.n));
      }
      summary.stats.push_back(std::move(st));
    }
  }
  return summary;
}

Result<SweepSummary> RunSweep(const Scenario& scenario, const SweepOptions& options,
                              SweepSink* sink) {
  std::vector<std::uint64_t> indices(options.samples);
  for (std::uint64_t k = 0; k < options.samples; ++k) indices[k] = k;
  Result<std::vector<ReplicationResult>> results =
      RunReplications(scenario, options, indices, sink);
  if (!results.ok()) return results.status();
  return Summarize(scenario, options, std::move(results).value());
}

}  // namespace entente
