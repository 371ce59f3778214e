// Python values <-> scenario YAML text, so that a scenario written as a Python dict goes through
// exactly the reader and validation a YAML file does (ParseScenarioYaml), with the same messages.
#pragma once

#include <pybind11/pybind11.h>

#include <string>

namespace entente::python {

// Block-style YAML for a Python value built from dict/Mapping, list/tuple, str, bool, int,
// float (numpy scalars included), None and date/datetime (written as ISO text). Strings are
// double-quoted, so they stay strings; numbers are written with Python's repr (the shortest
// text that reads back to the same double). Throws py::type_error naming where in the value
// (e.g. "scenario['actors'][2]['capability']") an unsupported type sits.
std::string PythonToYaml(pybind11::handle value);

// The Python value of a YAML document: mappings become dicts (in file order, keys as str),
// sequences lists, plain scalars null/bool/int/float by the YAML 1.2 core schema or else str,
// quoted and block scalars str.
// REQUIRES: `text` parses as YAML (e.g. it came from FormatScenarioYaml or a validated file).
pybind11::object YamlToPython(const std::string& text);

}  // namespace entente::python
