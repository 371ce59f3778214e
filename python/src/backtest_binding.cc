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
    ThrowInvalidArgument("--bootstrap must be >= 1, got " + std::to_string(bootstrap));
  }
  if (format != "" && format != "deu" && format != "scenario") {
    ThrowInvalidArgument("format must be 'deu' or 'scenario', got '" + format + "'");
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
  Columns c;
  c.AddEach<std::string>("model", r.rows, &BacktestRow::model);
  c.AddEach<std::string>("preset", r.rows, &BacktestRow::preset);
  c.AddEach<long long>("n", r.rows, &BacktestRow::n);
  c.AddEach<double>("mae", r.rows, &BacktestRow::mae);
  c.AddEach<double>("median_ae", r.rows, &BacktestRow::median_ae);
  c.AddEach<double>("rmse", r.rows, &BacktestRow::rmse);
  c.AddEach<double>("within5", r.rows, &BacktestRow::within5);
  c.AddEach<double>("within10", r.rows, &BacktestRow::within10);
  c.AddEach<double>("within20", r.rows, &BacktestRow::within20);
  c.AddEach<double>("diff_vs_" + r.reference, r.rows, &BacktestRow::diff_vs_reference);
  c.AddEach<double>("ci_low", r.rows, &BacktestRow::ci_low);
  c.AddEach<double>("ci_high", r.rows, &BacktestRow::ci_high);
  return c.Release();
}

py::tuple DetailsColumns(const BacktestReport& r) {
  Columns c;
  c.AddEach<std::string>("model", r.details, &IssueForecast::model);
  c.AddEach<std::string>("preset", r.details, &IssueForecast::preset);
  c.AddEach<std::string>("source", r.details, &IssueForecast::source);
  c.AddEach<std::string>("issue", r.details, &IssueForecast::issue);
  c.AddEach<double>("forecast", r.details, &IssueForecast::forecast);
  c.AddEach<double>("outcome", r.details, &IssueForecast::outcome);
  c.AddEach<double>("abs_error", r.details, &IssueForecast::abs_error);
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
