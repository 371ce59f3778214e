// entente._core: loading scenarios (files of every accepted format, YAML text, Python dicts) and
// reading them back (YAML, dict, tidy tables of actors, issues and stances).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
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
  Columns c;
  c.AddEach<std::string>("actor", s.actors, &Actor::id);
  c.AddEach<std::string>("name", s.actors, &Actor::name);
  c.AddEach<double>("capability", s.actors, &Actor::capability);
  c.AddEach<std::string>("role", s.actors, [](const Actor& a) { return RoleName(a.role); });
  c.AddEach<bool>("veto", s.actors, &Actor::veto);
  c.AddEach<std::string>("capability_source", s.actors, &Actor::capability_source);
  return c.Release();
}

py::tuple IssuesTable(const Scenario& s) {
  Columns c;
  c.AddEach<std::string>("issue", s.issues, &Issue::id);
  c.AddEach<std::string>("label", s.issues, &Issue::label);
  c.AddEach<double>("scale_min", s.issues, &Issue::scale_min);
  c.AddEach<double>("scale_max", s.issues, &Issue::scale_max);
  c.AddEach<std::string>("min_label", s.issues, &Issue::min_label);
  c.AddEach<std::string>("max_label", s.issues, &Issue::max_label);
  c.AddEach<std::optional<double>>("status_quo", s.issues, &Issue::status_quo);
  c.AddEach<std::optional<double>>("outcome", s.issues, &Issue::outcome);
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
