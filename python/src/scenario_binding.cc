// entente._core: loading scenarios (files of every accepted format, YAML text, Python dicts) and
// reading them back (YAML, dict, tidy tables of actors, issues and stances).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <utility>
#include <vector>

#include "cli/scenario_formats.h"
#include "columns.h"
#include "entente/io.h"
#include "entente/scenario.h"
#include "entente/scenario_writer.h"
#include "py_scenario.h"
#include "status_error.h"
#include "yaml_bridge.h"

namespace entente::python {

namespace {

namespace py = pybind11;

PyScenario Load(const std::string& path, const std::string& format, std::size_t max_file_bytes,
                std::size_t max_actors, std::size_t max_issues, std::size_t max_depth) {
  LoadLimits limits;
  limits.max_file_bytes = max_file_bytes;
  limits.max_actors = max_actors;
  limits.max_issues = max_issues;
  limits.max_depth = max_depth;
  cli::ScenarioFormat chosen = cli::ScenarioFormat::kUnknown;
  if (!format.empty()) chosen = Unwrap(cli::ParseScenarioFormat(format));
  cli::ImportedScenario imported;
  {
    py::gil_scoped_release release;
    imported = Unwrap(cli::ReadAnyScenario(path, limits, chosen));
  }
  PyScenario out;
  out.format = cli::ScenarioFormatName(imported.format);
  out.notes = imported.notes;
  const bool yaml = path.size() > 5 && (path.ends_with(".yaml") || path.ends_with(".yml"));
  out.yaml_text = imported.format == cli::ScenarioFormat::kEntente && yaml;
  out.scenario = std::move(imported.scenario);
  return out;
}

PyScenario FromYaml(const std::string& text, const std::string& name) {
  PyScenario out;
  out.scenario = Unwrap(ParseScenarioYaml(text, name));
  out.format = "entente";
  out.yaml_text = true;
  return out;
}

PyScenario FromDict(py::handle value, const std::string& name) {
  return FromYaml(PythonToYaml(value), name);
}

std::string ToYaml(const PyScenario& s) {
  if (s.yaml_text) return s.scenario.text;
  return Unwrap(FormatScenarioYaml(s.scenario));
}

py::object ToDict(const PyScenario& s) { return YamlToPython(ToYaml(s)); }

py::tuple ActorsTable(const Scenario& s) {
  std::vector<std::string> id, name, role, source;
  std::vector<double> capability;
  std::vector<bool> veto;
  for (const Actor& a : s.actors) {
    id.push_back(a.id);
    name.push_back(a.name);
    capability.push_back(a.capability);
    role.push_back(RoleName(a.role));
    veto.push_back(a.veto);
    source.push_back(a.capability_source);
  }
  Columns c;
  c.Add("actor", std::move(id));
  c.Add("name", std::move(name));
  c.Add("capability", capability);
  c.Add("role", std::move(role));
  c.Add("veto", veto);
  c.Add("capability_source", std::move(source));
  return c.Release();
}

py::tuple IssuesTable(const Scenario& s) {
  std::vector<std::string> id, label, min_label, max_label;
  std::vector<double> lo, hi;
  std::vector<std::optional<double>> status_quo, outcome;
  for (const Issue& i : s.issues) {
    id.push_back(i.id);
    label.push_back(i.label);
    lo.push_back(i.scale_min);
    hi.push_back(i.scale_max);
    min_label.push_back(i.min_label);
    max_label.push_back(i.max_label);
    status_quo.push_back(i.status_quo);
    outcome.push_back(i.outcome);
  }
  Columns c;
  c.Add("issue", std::move(id));
  c.Add("label", std::move(label));
  c.Add("scale_min", lo);
  c.Add("scale_max", hi);
  c.Add("min_label", std::move(min_label));
  c.Add("max_label", std::move(max_label));
  c.Add("status_quo", status_quo);
  c.Add("outcome", outcome);
  return c.Release();
}

// One row per (issue, actor) with a stance; capability is the one in force on the issue.
py::tuple StancesTable(const Scenario& s) {
  std::vector<std::string> issue, actor, source;
  std::vector<double> position, salience, capability;
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    for (std::size_t a = 0; a < s.actors.size(); ++a) {
      const std::optional<Stance>& st = s.stances[i][a];
      if (!st) continue;
      issue.push_back(s.issues[i].id);
      actor.push_back(s.actors[a].id);
      position.push_back(st->position);
      salience.push_back(st->salience);
      capability.push_back(st->capability.value_or(s.actors[a].capability));
      source.push_back(st->source);
    }
  }
  Columns c;
  c.Add("issue", std::move(issue));
  c.Add("actor", std::move(actor));
  c.Add("position", position);
  c.Add("salience", salience);
  c.Add("capability", capability);
  c.Add("source", std::move(source));
  return c.Release();
}

template <typename T, typename F>
std::vector<std::string> Ids(const std::vector<T>& items, F id) {
  std::vector<std::string> out;
  for (const T& x : items) out.push_back(id(x));
  return out;
}

}  // namespace

void BindScenario(py::module_& m) {
  py::class_<PyScenario>(m, "Scenario", "A validated scenario (see entente.Scenario).")
      .def_property_readonly("title", [](const PyScenario& s) { return s.scenario.meta.title; })
      .def_property_readonly("date", [](const PyScenario& s) { return s.scenario.meta.date; })
      .def_property_readonly("description",
                             [](const PyScenario& s) { return s.scenario.meta.description; })
      .def_property_readonly("sources", [](const PyScenario& s) { return s.scenario.meta.sources; })
      .def_property_readonly("path", [](const PyScenario& s) { return s.scenario.path; })
      .def_property_readonly("hash", [](const PyScenario& s) { return ScenarioHash(s.scenario); })
      .def_property_readonly("format", [](const PyScenario& s) { return s.format; })
      .def_property_readonly("notes", [](const PyScenario& s) { return s.notes; })
      .def_property_readonly("decision_rule",
                             [](const PyScenario& s) { return s.scenario.decision_rule; })
      .def_property_readonly("actor_ids",
                             [](const PyScenario& s) {
                               return Ids(s.scenario.actors, [](const Actor& a) { return a.id; });
                             })
      .def_property_readonly("issue_ids",
                             [](const PyScenario& s) {
                               return Ids(s.scenario.issues, [](const Issue& i) { return i.id; });
                             })
      .def_property_readonly("event_ids",
                             [](const PyScenario& s) {
                               return Ids(s.scenario.events, [](const Event& e) { return e.id; });
                             })
      .def("to_yaml", &ToYaml)
      .def("to_dict", &ToDict)
      .def("actors_columns", [](const PyScenario& s) { return ActorsTable(s.scenario); })
      .def("issues_columns", [](const PyScenario& s) { return IssuesTable(s.scenario); })
      .def("stances_columns", [](const PyScenario& s) { return StancesTable(s.scenario); });

  m.def("load", &Load, py::arg("path"), py::arg("format") = "",
        py::arg("max_file_bytes") = LoadLimits{}.max_file_bytes,
        py::arg("max_actors") = LoadLimits{}.max_actors,
        py::arg("max_issues") = LoadLimits{}.max_issues,
        py::arg("max_depth") = LoadLimits{}.max_depth);
  m.def("from_yaml", &FromYaml, py::arg("text"), py::arg("name"));
  m.def("from_dict", &FromDict, py::arg("value"), py::arg("name"));
}

}  // namespace entente::python
