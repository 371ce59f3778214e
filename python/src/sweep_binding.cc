// entente._core: Monte Carlo sweeps (`entente sweep`, include/entente/sweep.h), recorded in a run
// store (include/entente/run_store.h) only when asked: the summary as the CLI's tidy CSV rows, a
// wide per-model-and-issue table, and the CLI's table, JSON and CSV text.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/model_runner.h"
#include "columns.h"
#include "entente/events.h"
#include "entente/report_format.h"
#include "entente/run_store.h"
#include "entente/scenario_writer.h"
#include "entente/sweep.h"
#include "entente/sweep_format.h"
#include "events_arg.h"
#include "io/report_header_json.h"
#include "py_scenario.h"
#include "status_error.h"

namespace entente::python {

namespace {

namespace py = pybind11;

struct SweepRun {
  Scenario scenario;  // as given: every replication draws its inputs, then applies the events
  SweepSummary summary;
  ReportHeader header;
  std::string store_path;  // "" when not stored
  std::int64_t run_id = 0;
};

// Calls the Python progress callback and polls Ctrl-C, on the thread that runs the sweep (the
// sweep itself runs with the GIL released).
class PythonSink : public SweepSink {
 public:
  explicit PythonSink(py::object progress) : progress_(std::move(progress)) {}

  // Stores each finished batch of `run` (one transaction each), when a store is given.
  void StoreIn(RunStore* store, std::int64_t run, const SweepOptions* options,
               const Scenario* scenario) {
    store_ = store;
    run_ = run;
    options_ = options;
    scenario_ = scenario;
  }
  Status OnBatch(const std::vector<ReplicationResult>& batch) override {
    if (store_ == nullptr) return Status::Ok();
    return store_->AddBatch(run_, batch, *options_, *scenario_);
  }

  void OnProgress(std::uint64_t done, std::uint64_t total) override {
    if (progress_.is_none() || error_) return;
    py::gil_scoped_acquire gil;
    try {
      progress_(done, total);
    } catch (py::error_already_set& e) {
      error_.emplace(std::move(e));
    }
  }
  bool Cancelled() override {
    if (error_) return true;
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) {
      error_.emplace();
      return true;
    }
    return false;
  }
  // Re-raises what the callback raised, or the pending signal (e.g. KeyboardInterrupt).
  void RaiseIfFailed() {
    if (error_) throw std::move(*error_);
  }

 private:
  py::object progress_;
  std::optional<py::error_already_set> error_;
  RunStore* store_ = nullptr;
  std::int64_t run_ = 0;
  const SweepOptions* options_ = nullptr;
  const Scenario* scenario_ = nullptr;
};

// The scenario as the run store keeps it: its text, or (a scenario built from a dict) the YAML
// entente writes for it, so that the run can be shown and resumed by the CLI.
Scenario StorableScenario(const Scenario& scenario) {
  Scenario out = scenario;
  if (out.text.empty()) {
    out.text = Unwrap(FormatScenarioYaml(scenario));
    if (out.path.empty()) out.path = "python.yaml";
  }
  return out;
}

// "none" also when the selection is invalid: the sweep itself reports that error.
std::string EventsText(const Scenario& scenario, const EventSelection& selection) {
  Result<std::vector<Event>> selected = SelectEvents(scenario, selection);
  return selected.ok() ? EventIdsText(*selected) : "none";
}

SweepRun Sweep(const PyScenario& input, const std::string& model, const std::string& preset,
               int rounds, const std::vector<std::string>& params, std::uint64_t samples,
               std::uint64_t seed, int threads, const std::vector<std::string>& thresholds,
               int bins, const std::optional<std::vector<std::string>>& events, py::object progress,
               const std::string& generated_by, const std::string& store_path) {
  cli::ModelSelection selection;
  selection.model = model;
  selection.preset = preset;
  selection.rounds = rounds;
  selection.params = params;
  const std::vector<cli::PlannedRun> plan = Unwrap(cli::PlanRuns(selection));
  SweepOptions options;
  for (const cli::PlannedRun& p : plan)
    options.models.push_back(SweepModel{p.info->name, p.options});
  options.samples = samples;
  options.seed = seed;
  options.threads = threads;
  options.events = EventsArgSelection(events);
  options.histogram_bins = bins;
  for (const std::string& t : thresholds) options.thresholds.push_back(Unwrap(ParseThreshold(t)));
  ThrowIfError(ValidateSweepOptions(input.scenario, options));

  SweepRun out;
  out.scenario = input.scenario;
  PythonSink sink(std::move(progress));
  std::unique_ptr<RunStore> store;
  const Scenario stored = store_path.empty() ? Scenario() : StorableScenario(input.scenario);
  if (!store_path.empty()) {
    store = Unwrap(RunStore::Open(store_path));
    out.store_path = store_path;
    out.run_id = Unwrap(store->CreateRun(stored, options, generated_by));
    sink.StoreIn(store.get(), out.run_id, &options, &stored);
  }
  Result<SweepSummary> summary = Status::Internal("not run");
  {
    py::gil_scoped_release release;
    summary = RunSweep(out.scenario, options, &sink);
  }
  if (store != nullptr) {
    const StatusCode code = summary.ok() ? StatusCode::kOk : summary.status().code();
    store->SetStatus(out.run_id, code == StatusCode::kOk            ? "complete"
                                 : code == StatusCode::kInterrupted ? "interrupted"
                                                                    : "failed");
  }
  sink.RaiseIfFailed();
  out.summary = Unwrap(std::move(summary));

  // The header `entente sweep --no-store` writes.
  std::map<std::string, std::string> header;
  std::string models;
  for (const std::string& m : out.summary.models) models += (models.empty() ? "" : ",") + m;
  header["models"] = models;
  header["samples"] = std::to_string(options.samples);
  header["seed"] = std::to_string(options.seed);
  header["events"] = EventsText(out.scenario, options.events);
  header["histogram_bins"] = std::to_string(options.histogram_bins);
  for (const SweepModel& m : options.models) {
    if (m.options.max_rounds != 0) {
      header["rounds." + m.name] = std::to_string(m.options.max_rounds);
    }
    for (const auto& [key, value] : m.options.params) {
      header["param." + m.name + "." + key] = value;
    }
  }
  if (store != nullptr) header["run"] = store_path + "#" + std::to_string(out.run_id);
  out.header = MakeReportHeader(out.scenario, std::move(header), generated_by);
  return out;
}

// model,preset,issue,statistic,label,lower,upper,value: the rows of `entente sweep --format csv`.
py::tuple TidyColumns(const SweepRun& r) {
  std::vector<std::string> model, preset, issue, statistic, label;
  std::vector<std::optional<double>> lower, upper;
  std::vector<double> value;
  for (const SweepStat& st : r.summary.stats) {
    const auto row = [&](const std::string& stat, const std::string& text, std::optional<double> lo,
                         std::optional<double> hi, double v) {
      model.push_back(st.model);
      preset.push_back(st.preset);
      issue.push_back(st.issue);
      statistic.push_back(stat);
      label.push_back(text);
      lower.push_back(lo);
      upper.push_back(hi);
      value.push_back(v);
    };
    row("point", "", std::nullopt, std::nullopt, st.point);
    row("n", "", std::nullopt, std::nullopt, static_cast<double>(st.n));
    row("mean", "", std::nullopt, std::nullopt, st.mean);
    row("sd", "", std::nullopt, std::nullopt, st.sd);
    row("min", "", std::nullopt, std::nullopt, st.min);
    row("p05", "", std::nullopt, std::nullopt, st.p05);
    row("median", "", std::nullopt, std::nullopt, st.median);
    row("p95", "", std::nullopt, std::nullopt, st.p95);
    row("max", "", std::nullopt, std::nullopt, st.max);
    row("not_converged", "", std::nullopt, std::nullopt, static_cast<double>(st.not_converged));
    for (std::size_t b = 0; b < st.histogram.size(); ++b) {
      row("histogram", "", st.bin_edges[b], st.bin_edges[b + 1],
          static_cast<double>(st.histogram[b]));
    }
    for (std::size_t t = 0; t < st.thresholds.size(); ++t) {
      row("probability", st.thresholds[t], std::nullopt, std::nullopt, st.threshold_probability[t]);
    }
  }
  Columns c;
  c.Add("model", std::move(model));
  c.Add("preset", std::move(preset));
  c.Add("issue", std::move(issue));
  c.Add("statistic", std::move(statistic));
  c.Add("label", std::move(label));
  c.Add("lower", lower);
  c.Add("upper", upper);
  c.Add("value", value);
  return c.Release();
}

// One row per model and issue: point (the forecast at the distributions' centres), n, mean, sd,
// min, p05, median, p95, max, not_converged and one column per threshold ("P(timing>=90)").
py::tuple StatsColumns(const SweepRun& r) {
  const std::vector<SweepStat>& stats = r.summary.stats;
  Columns c;
  c.AddEach<std::string>("model", stats, &SweepStat::model);
  c.AddEach<std::string>("preset", stats, &SweepStat::preset);
  c.AddEach<std::string>("issue", stats, &SweepStat::issue);
  c.AddEach<double>("point", stats, &SweepStat::point);
  c.AddEach<long long>("n", stats, &SweepStat::n);
  c.AddEach<double>("mean", stats, &SweepStat::mean);
  c.AddEach<double>("sd", stats, &SweepStat::sd);
  c.AddEach<double>("min", stats, &SweepStat::min);
  c.AddEach<double>("p05", stats, &SweepStat::p05);
  c.AddEach<double>("median", stats, &SweepStat::median);
  c.AddEach<double>("p95", stats, &SweepStat::p95);
  c.AddEach<double>("max", stats, &SweepStat::max);
  c.AddEach<long long>("not_converged", stats, &SweepStat::not_converged);
  // The thresholds in the order they first appear; NaN where a row lacks one.
  std::vector<std::string> thresholds;
  for (const SweepStat& st : stats) {
    for (const std::string& t : st.thresholds) {
      if (std::find(thresholds.begin(), thresholds.end(), t) == thresholds.end()) {
        thresholds.push_back(t);
      }
    }
  }
  for (const std::string& t : thresholds) {
    c.AddEach<std::optional<double>>("P(" + t + ")", stats, [&t](const SweepStat& st) {
      std::optional<double> p;
      for (std::size_t k = 0; k < st.thresholds.size(); ++k) {
        if (st.thresholds[k] == t) p = st.threshold_probability[k];
      }
      return p;
    });
  }
  return c.Release();
}

}  // namespace

void BindSweep(py::module_& m) {
  py::class_<SweepRun>(m, "SweepRun", "A Monte Carlo sweep (see entente.Sweep).")
      .def_property_readonly("header_json",
                             [](const SweepRun& r) { return ReportHeaderJson(r.header).dump(); })
      .def_property_readonly("models", [](const SweepRun& r) { return r.summary.models; })
      .def_property_readonly("samples", [](const SweepRun& r) { return r.summary.samples; })
      .def_property_readonly("seed", [](const SweepRun& r) { return r.summary.seed; })
      .def_property_readonly("store_path", [](const SweepRun& r) { return r.store_path; })
      .def_property_readonly("run_id", [](const SweepRun& r) { return r.run_id; })
      .def("tidy_columns", &TidyColumns)
      .def("stats_columns", &StatsColumns)
      .def("table_text",
           [](const SweepRun& r) { return FormatSweepTable(r.scenario, r.summary, r.header); })
      .def("json_text",
           [](const SweepRun& r) { return FormatSweepJson(r.scenario, r.summary, r.header); })
      .def("csv_text",
           [](const SweepRun& r) { return FormatSweepCsv(r.scenario, r.summary, r.header); });

  m.def("sweep", &Sweep, py::arg("scenario"), py::arg("model"), py::arg("preset"),
        py::arg("rounds"), py::arg("params"), py::arg("samples"), py::arg("seed"),
        py::arg("threads"), py::arg("thresholds"), py::arg("bins"), py::arg("events"),
        py::arg("progress"), py::arg("generated_by"), py::arg("store") = "");
}

}  // namespace entente::python
