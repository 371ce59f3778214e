// entente._core: running models (forecast = `entente run`, compare = `entente compare`) and the
// result object, which gives the CLI's table, JSON and CSV text and the same tidy tables as
// columns.
#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/model_runner.h"
#include "cli/scenario_input.h"
#include "columns.h"
#include "entente/decision_rule.h"
#include "entente/events.h"
#include "entente/model.h"
#include "entente/report_format.h"
#include "events_arg.h"
#include "io/report_header_json.h"
#include "py_scenario.h"
#include "status_error.h"

namespace entente::python {

namespace {

namespace py = pybind11;

// The models that ran on a scenario, with everything the CLI reports carry.
struct Runs {
  Scenario scenario;  // as run: selected round-0 events applied, --rule override in place
  std::vector<ModelRun> runs;
  ReportHeader header;
  std::vector<cli::SkippedModel> skipped;  // compare only
  bool compare = false;
};

// Runs one planned model with the GIL released, then lets Python handle a pending Ctrl-C.
ModelRun RunOne(const Scenario& scenario, const cli::PlannedRun& plan) {
  std::vector<ModelRun> runs = UnwrapWithoutGil([&] { return cli::ExecuteRuns(scenario, {plan}); });
  return std::move(runs.front());
}

Runs Forecast(const PyScenario& input, const std::string& model, const std::string& preset,
              int rounds, std::optional<std::uint64_t> seed, const std::vector<std::string>& params,
              const std::optional<std::vector<std::string>>& events,
              const std::optional<std::string>& rule, bool detail,
              const std::string& generated_by) {
  cli::ModelSelection selection;
  selection.record_detail = detail;
  selection.model = model;
  selection.preset = preset;
  selection.rounds = rounds;
  selection.params = params;
  std::vector<cli::PlannedRun> plan = Unwrap(cli::PlanRuns(selection));
  if (seed) {
    for (cli::PlannedRun& p : plan) p.options.seed = *seed;
  }
  if (rule && *rule != "none") {
    const std::vector<std::string> names = DecisionRuleNames();
    if (std::find(names.begin(), names.end(), *rule) == names.end()) {
      std::string known;
      for (const std::string& n : names) known += n + ", ";
      ThrowInvalidArgument("unknown decision rule '" + *rule + "'; the rules: " + known + "none");
    }
  }
  cli::LoadedScenario loaded =
      Unwrap(cli::ApplySelectedEvents(input.scenario, EventsArgSelection(events)));
  if (rule) loaded.scenario.decision_rule = *rule == "none" ? "" : *rule;

  Runs out;
  out.scenario = std::move(loaded.scenario);
  for (const cli::PlannedRun& p : plan) out.runs.push_back(RunOne(out.scenario, p));

  std::map<std::string, std::string> options = cli::DescribeOptions(selection, plan);
  options["events"] = loaded.events;
  if (seed) options["seed"] = std::to_string(*seed);
  if (rule || !out.scenario.decision_rule.empty()) {
    options["rule"] = out.scenario.decision_rule.empty() ? "none" : out.scenario.decision_rule;
  }
  out.header = MakeReportHeader(out.scenario, std::move(options), generated_by);
  return out;
}

Runs Compare(const PyScenario& input, int rounds, std::optional<std::uint64_t> seed,
             const std::optional<std::vector<std::string>>& events,
             const std::string& generated_by) {
  if (rounds < 0) {
    ThrowInvalidArgument("--rounds must be >= 0, got " + std::to_string(rounds));
  }
  cli::LoadedScenario loaded =
      Unwrap(cli::ApplySelectedEvents(input.scenario, EventsArgSelection(events)));
  Runs out;
  out.compare = true;
  out.scenario = std::move(loaded.scenario);
  RunOptions base;
  base.max_rounds = rounds;
  if (seed) base.seed = *seed;
  out.runs =
      UnwrapWithoutGil([&] { return cli::RunEveryModel(out.scenario, base, {}, &out.skipped); });

  // The same header options as `entente compare --format csv`.
  std::map<std::string, std::string> options;
  std::string models;
  for (const ModelRun& r : out.runs) {
    models += (models.empty() ? "" : ",") + r.model;
    if (!r.preset.empty()) options["preset." + r.model] = r.preset;
  }
  options["models"] = models;
  options["rounds"] = rounds == 0 ? "model default" : std::to_string(rounds);
  options["events"] = loaded.events;
  if (seed) options["seed"] = std::to_string(*seed);
  for (const cli::SkippedModel& s : out.skipped) options["not_run." + s.model] = s.reason;
  out.header = MakeReportHeader(out.scenario, std::move(options), generated_by);
  return out;
}

std::string TableText(const Runs& r) {
  std::string text = FormatForecastTable(r.scenario, r.runs, r.header);
  if (!r.skipped.empty()) {
    text += "\nNot run:\n";
    for (const cli::SkippedModel& s : r.skipped)
      text += fmt::format("  {}: {}\n", s.model, s.reason);
  }
  return text;
}

std::string CsvText(const Runs& r, const std::string& what) {
  if (what != "positions" && what != "forecasts") {
    ThrowInvalidArgument("what must be 'positions' or 'forecasts', got '" + what + "'");
  }
  return FormatResultsCsv(r.scenario, r.runs, r.header,
                          what == "positions" ? CsvTable::kPositions : CsvTable::kForecasts);
}

// model,preset,issue,round,actor,position: the rows of `entente run --format csv`.
py::tuple PositionsColumns(const Runs& r) {
  std::vector<std::string> model, preset, issue, actor;
  std::vector<long long> round;
  std::vector<double> position;
  for (const ModelRun& run : r.runs) {
    for (const IssueResult& ir : run.issues) {
      for (std::size_t t = 0; t < ir.positions.size(); ++t) {
        for (std::size_t a = 0; a < ir.positions[t].size() && a < ir.actor_ids.size(); ++a) {
          model.push_back(run.model);
          preset.push_back(run.preset);
          issue.push_back(ir.issue_id);
          round.push_back(static_cast<long long>(t));
          actor.push_back(ir.actor_ids[a]);
          position.push_back(ir.positions[t][a]);
        }
      }
    }
  }
  Columns c;
  c.Add("model", std::move(model));
  c.Add("preset", std::move(preset));
  c.Add("issue", std::move(issue));
  c.Add("round", round);
  c.Add("actor", std::move(actor));
  c.Add("position", position);
  return c.Release();
}

// The rows of `entente run --format csv --what forecasts` (report_format.h, CsvTable).
py::tuple ForecastsColumns(const Runs& r) {
  const std::vector<ForecastSummary> rows = SummarizeForecasts(r.scenario, r.runs);
  Columns c;
  c.AddEach<std::string>("model", rows, &ForecastSummary::model);
  c.AddEach<std::string>("preset", rows, &ForecastSummary::preset);
  c.AddEach<std::string>("issue", rows, &ForecastSummary::issue);
  c.AddEach<double>("forecast", rows, &ForecastSummary::forecast);
  c.AddEach<long long>("rounds", rows, &ForecastSummary::rounds);
  c.AddEach<bool>("converged", rows, &ForecastSummary::converged);
  c.AddEach<std::string>("stop", rows,
                         [](const ForecastSummary& s) { return StopReasonName(s.stop); });
  c.AddEach<std::optional<double>>("outcome", rows, &ForecastSummary::outcome);
  c.AddEach<std::optional<double>>("error", rows, &ForecastSummary::error);
  c.AddEach<std::string>("message", rows, &ForecastSummary::message);
  c.AddEach<std::string>("rule", rows, &ForecastSummary::rule);
  c.AddEach<std::optional<double>>("rule_outcome", rows, [](const ForecastSummary& s) {
    return s.decision ? std::optional<double>(s.decision->outcome) : std::nullopt;
  });
  c.AddEach<std::string>("blockers", rows, [](const ForecastSummary& s) {
    std::string b;
    if (s.decision) {
      for (const Blocker& x : s.decision->blockers) b += (b.empty() ? "" : ";") + x.actor_id;
    }
    return b;
  });
  return c.Release();
}

// positions[round][actor] of one model on one issue, with the actor ids.
py::tuple Trajectory(const Runs& r, const std::string& model, const std::string& issue) {
  for (const ModelRun& run : r.runs) {
    if (run.model != model) continue;
    for (const IssueResult& ir : run.issues) {
      if (ir.issue_id != issue) continue;
      const std::size_t n = ir.actor_ids.size();
      py::array_t<double> a(
          {static_cast<py::ssize_t>(ir.positions.size()), static_cast<py::ssize_t>(n)});
      auto m = a.mutable_unchecked<2>();
      for (std::size_t t = 0; t < ir.positions.size(); ++t) {
        for (std::size_t j = 0; j < n; ++j) {
          m(t, j) = j < ir.positions[t].size() ? ir.positions[t][j] : 0.0;
        }
      }
      return py::make_tuple(ir.actor_ids, std::move(a));
    }
    ThrowInvalidArgument("model '" + model + "' has no result for issue '" + issue + "'");
  }
  std::string ran;
  for (const ModelRun& run : r.runs) ran += (ran.empty() ? "" : ", ") + run.model;
  ThrowInvalidArgument("model '" + model + "' did not run; these ran: " + ran);
}

}  // namespace

void BindRuns(py::module_& m) {
  py::class_<Runs>(m, "Runs", "Model runs on one scenario (see entente.Forecast).")
      .def_property_readonly("header_json",
                             [](const Runs& r) { return ReportHeaderJson(r.header).dump(); })
      .def_property_readonly("models",
                             [](const Runs& r) {
                               std::vector<std::string> out;
                               for (const ModelRun& x : r.runs) out.push_back(x.model);
                               return out;
                             })
      .def_property_readonly("not_run",
                             [](const Runs& r) {
                               std::map<std::string, std::string> out;
                               for (const auto& s : r.skipped) out[s.model] = s.reason;
                               return out;
                             })
      .def("table_text", &TableText)
      .def("json_text",
           [](const Runs& r) { return FormatResultsJson(r.scenario, r.runs, r.header); })
      .def("csv_text", &CsvText, py::arg("what"))
      .def("positions_columns", &PositionsColumns)
      .def("forecasts_columns", &ForecastsColumns)
      .def("trajectory", &Trajectory, py::arg("model"), py::arg("issue"))
      .def("explain", [](const Runs& r, const std::string& model, const std::string& issue,
                         const std::string& actor) {
        for (const ModelRun& run : r.runs) {
          if (run.model != model) continue;
          for (const IssueResult& ir : run.issues) {
            if (ir.issue_id != issue) continue;
            const std::size_t i = *r.scenario.FindIssue(issue);
            return FormatExplanation(r.scenario, i, run, ir, actor);
          }
        }
        ThrowInvalidArgument("no result of model '" + model + "' on issue '" + issue + "'");
      });

  m.def("forecast", &Forecast, py::arg("scenario"), py::arg("model"), py::arg("preset"),
        py::arg("rounds"), py::arg("seed"), py::arg("params"), py::arg("events"), py::arg("rule"),
        py::arg("detail"), py::arg("generated_by"));
  m.def("compare", &Compare, py::arg("scenario"), py::arg("rounds"), py::arg("seed"),
        py::arg("events"), py::arg("generated_by"));
}

}  // namespace entente::python
