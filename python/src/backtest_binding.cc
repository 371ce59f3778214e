// entente._core: back-testing (`entente backtest`) on DEU tables, scenario files and scenarios
// already loaded, with the summary and per-issue rows as tidy columns.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "cli/backtest_input.h"
#include "columns.h"
#include "entente/backtest.h"
#include "entente/backtest_format.h"
#include "entente/deu.h"
#include "py_scenario.h"
#include "status_error.h"

namespace entente::python {

namespace {

namespace py = pybind11;

// Paths are loaded as the CLI loads them; loaded scenarios contribute every issue with an
// outcome. `labels` names each input for the report's settings line.
BacktestReport Backtest(const std::vector<std::string>& paths, const py::list& scenarios,
                        const std::vector<std::string>& labels, const std::string& format,
                        const std::string& capability, const std::string& institutions,
                        const std::vector<std::string>& models, std::uint64_t seed, int bootstrap) {
  DeuCapabilityOptions mapping;
  mapping.mapping = Unwrap(ParseDeuCapability(capability));
  mapping.institutions = Unwrap(ParseDeuInstitutions(institutions));
  if (bootstrap < 1) {
    ThrowIfError(
        Status::InvalidArgument("--bootstrap must be >= 1, got " + std::to_string(bootstrap)));
  }
  if (format != "" && format != "deu" && format != "scenario") {
    ThrowIfError(
        Status::InvalidArgument("format must be 'deu' or 'scenario', got '" + format + "'"));
  }
  BacktestOptions options;
  options.seed = seed;
  options.bootstrap = bootstrap;
  options.keep_details = true;
  // As the CLI: the reference model is always scored, so every row has its paired difference.
  std::vector<std::string> only = models;
  if (!only.empty() && std::find(only.begin(), only.end(), options.reference) == only.end()) {
    only.push_back(options.reference);
  }
  std::vector<Forecaster> forecasters = Unwrap(AllForecasters(only));

  std::vector<const Scenario*> loaded;
  for (py::handle s : scenarios) loaded.push_back(&s.cast<const PyScenario&>().scenario);
  BacktestReport report;
  {
    py::gil_scoped_release release;
    std::vector<BacktestCase> cases = Unwrap(cli::LoadBacktestCases(paths, format, mapping));
    for (const Scenario* s : loaded) {
      std::vector<BacktestCase> c = ScenarioBacktestCases(*s);
      cases.insert(cases.end(), c.begin(), c.end());
    }
    report = Unwrap(RunBacktest(cases, forecasters, options));
  }
  std::string files;
  for (const std::string& l : labels) files += (files.empty() ? "" : ", ") + l;
  report.settings =
      "back-test of " + files + "; DEU capability " + capability + ", institutions " + institutions;
  return report;
}

py::tuple RowsColumns(const BacktestReport& r) {
  std::vector<std::string> model, preset;
  std::vector<long long> n, failed, n_paired;
  std::vector<double> mae, median_ae, rmse, w5, w10, w20, diff, lo, hi;
  for (const BacktestRow& row : r.rows) {
    model.push_back(row.model);
    preset.push_back(row.preset);
    n.push_back(row.n);
    mae.push_back(row.mae);
    median_ae.push_back(row.median_ae);
    rmse.push_back(row.rmse);
    w5.push_back(row.within5);
    w10.push_back(row.within10);
    w20.push_back(row.within20);
    diff.push_back(row.diff_vs_reference);
    lo.push_back(row.ci_low);
    hi.push_back(row.ci_high);
  }
  Columns c;
  c.Add("model", std::move(model));
  c.Add("preset", std::move(preset));
  c.Add("n", n);
  c.Add("mae", mae);
  c.Add("median_ae", median_ae);
  c.Add("rmse", rmse);
  c.Add("within5", w5);
  c.Add("within10", w10);
  c.Add("within20", w20);
  c.Add("diff_vs_" + r.reference, diff);
  c.Add("ci_low", lo);
  c.Add("ci_high", hi);
  return c.Release();
}

py::tuple DetailsColumns(const BacktestReport& r) {
  std::vector<std::string> model, preset, source, issue;
  std::vector<double> forecast, outcome, abs_error;
  for (const IssueForecast& d : r.details) {
    model.push_back(d.model);
    preset.push_back(d.preset);
    source.push_back(d.source);
    issue.push_back(d.issue);
    forecast.push_back(d.forecast);
    outcome.push_back(d.outcome);
    abs_error.push_back(d.abs_error);
  }
  Columns c;
  c.Add("model", std::move(model));
  c.Add("preset", std::move(preset));
  c.Add("source", std::move(source));
  c.Add("issue", std::move(issue));
  c.Add("forecast", forecast);
  c.Add("outcome", outcome);
  c.Add("abs_error", abs_error);
  return c.Release();
}

}  // namespace

void BindBacktest(py::module_& m) {
  py::class_<BacktestReport>(m, "BacktestReport", "A back-test (see entente.Backtest).")
      .def_readonly("settings", &BacktestReport::settings)
      .def_readonly("reference", &BacktestReport::reference)
      .def_readonly("bootstrap", &BacktestReport::bootstrap)
      .def_readonly("seed", &BacktestReport::seed)
      .def_readonly("cases", &BacktestReport::cases)
      .def_readonly("failures", &BacktestReport::failures)
      .def("rows_columns", &RowsColumns)
      .def("details_columns", &DetailsColumns)
      .def(
          "table_text",
          [](const BacktestReport& r, bool details) { return FormatBacktestTable(r, details); },
          py::arg("details") = false)
      .def(
          "json_text",
          [](const BacktestReport& r, bool details) { return FormatBacktestJson(r, details); },
          py::arg("details") = false)
      .def(
          "csv_text",
          [](const BacktestReport& r, bool details) { return FormatBacktestCsv(r, details); },
          py::arg("details") = false);

  m.def("backtest", &Backtest, py::arg("paths"), py::arg("scenarios"), py::arg("labels"),
        py::arg("format"), py::arg("capability"), py::arg("institutions"), py::arg("models"),
        py::arg("seed"), py::arg("bootstrap"));
}

}  // namespace entente::python
