#include "yaml_bridge.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <regex>
#include <string>

namespace entente::python {

namespace {

namespace py = pybind11;

bool IsPlainKey(const std::string& key) {
  static const std::regex plain("[A-Za-z_][A-Za-z0-9_-]*");
  return std::regex_match(key, plain);
}

std::string FloatText(double x) {
  if (std::isnan(x)) return ".nan";
  if (std::isinf(x)) return x > 0 ? ".inf" : "-.inf";
  return py::repr(py::float_(x)).cast<std::string>();  // shortest round-trip text
}

void Emit(py::handle value, const std::string& where, YAML::Emitter* out) {
  if (value.is_none()) {
    *out << YAML::Null;
  } else if (py::isinstance<py::bool_>(value)) {
    *out << YAML::TrueFalseBool << value.cast<bool>();
  } else if (py::isinstance<py::str>(value)) {
    *out << YAML::DoubleQuoted << value.cast<std::string>();
  } else if (py::isinstance<py::int_>(value)) {
    *out << py::str(value).cast<std::string>();
  } else if (py::isinstance<py::float_>(value)) {
    *out << FloatText(value.cast<double>());
  } else if (py::hasattr(value, "isoformat")) {  // datetime.date / datetime.datetime
    *out << value.attr("isoformat")().cast<std::string>();
  } else if (py::isinstance<py::dict>(value) ||
             py::isinstance(value, py::module_::import("collections.abc").attr("Mapping"))) {
    *out << YAML::BeginMap;
    for (py::handle key : value.attr("keys")()) {
      if (!py::isinstance<py::str>(key)) {
        throw py::type_error(where + ": keys must be str, got " +
                             py::repr(key).cast<std::string>());
      }
      const std::string k = key.cast<std::string>();
      *out << YAML::Key;
      if (IsPlainKey(k)) {
        *out << k;
      } else {
        *out << YAML::DoubleQuoted << k;
      }
      *out << YAML::Value;
      Emit(value[key], where + "[" + py::repr(key).cast<std::string>() + "]", out);
    }
    *out << YAML::EndMap;
  } else if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    *out << YAML::BeginSeq;
    std::size_t i = 0;
    for (py::handle item : value) {
      Emit(item, where + "[" + std::to_string(i++) + "]", out);
    }
    *out << YAML::EndSeq;
  } else if (py::hasattr(value, "__index__")) {  // numpy integers
    *out << py::str(py::int_(py::reinterpret_borrow<py::object>(value))).cast<std::string>();
  } else if (py::hasattr(value, "__float__") && !py::hasattr(value, "__len__")) {  // numpy floats
    *out << FloatText(py::float_(py::reinterpret_borrow<py::object>(value)).cast<double>());
  } else {
    throw py::type_error(where + ": cannot write a value of type '" +
                         py::str(value.get_type().attr("__name__")).cast<std::string>() +
                         "' into a scenario (expected dict, list, str, number, bool or None)");
  }
}

py::object Scalar(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return py::str(text);  // quoted: always a string
  // YAML 1.2 core schema.
  static const std::regex null_re("~|null|Null|NULL|");
  static const std::regex true_re("true|True|TRUE");
  static const std::regex false_re("false|False|FALSE");
  static const std::regex int_re("[-+]?[0-9]+");
  static const std::regex float_re(
      "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|"
      "NAN)");
  if (std::regex_match(text, null_re)) return py::none();
  if (std::regex_match(text, true_re)) return py::bool_(true);
  if (std::regex_match(text, false_re)) return py::bool_(false);
  if (std::regex_match(text, int_re)) return py::int_(py::str(text));
  if (std::regex_match(text, float_re)) {
    if (text.find("nan") != std::string::npos || text.find("NaN") != std::string::npos ||
        text.find("NAN") != std::string::npos) {
      return py::float_(std::nan(""));
    }
    if (text.find_first_of("iI") != std::string::npos) {
      return py::float_(text[0] == '-' ? -INFINITY : INFINITY);
    }
    return py::float_(std::stod(text));
  }
  return py::str(text);
}

py::object Convert(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      py::dict d;
      // Keys stay text (an issue id "2024" is not a number).
      for (const auto& kv : node) d[py::str(kv.first.Scalar())] = Convert(kv.second);
      return d;
    }
    case YAML::NodeType::Sequence: {
      py::list l;
      for (const auto& item : node) l.append(Convert(item));
      return l;
    }
    case YAML::NodeType::Scalar:
      return Scalar(node);
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return py::none();
}

}  // namespace

std::string PythonToYaml(py::handle value) {
  YAML::Emitter out;
  out.SetIndent(2);
  Emit(value, "scenario", &out);
  return std::string(out.c_str()) + "\n";
}

py::object YamlToPython(const std::string& text) { return Convert(YAML::Load(text)); }

}  // namespace entente::python
