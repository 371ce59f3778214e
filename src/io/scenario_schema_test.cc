// Keeps schema/scenario.schema.json, the reader's key lists (scenario_keys.h) and the reader's
// behaviour in sync: same keys, same enumerations, same required fields, and every file the
// reader accepts under tests/ and scenarios/ also satisfies the schema.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "entente/io.h"
#include "io/scenario_keys.h"
#include "io/yaml_fields.h"

namespace entente::io {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json LoadSchema() {
  std::ifstream in(fs::path(ENTENTE_SOURCE_DIR) / "schema" / "scenario.schema.json");
  EXPECT_TRUE(in.good());
  return json::parse(in, nullptr, /*allow_exceptions=*/false);
}

std::set<std::string> Keys(const std::vector<std::string_view>& list) {
  return {list.begin(), list.end()};
}

std::set<std::string> PropertyNames(const json& object_schema) {
  std::set<std::string> names;
  for (const auto& [name, unused] : object_schema.at("properties").items()) names.insert(name);
  return names;
}

std::set<std::string> EnumValues(const json& schema) {
  std::set<std::string> values;
  for (const json& v : schema.at("enum")) values.insert(v.get<std::string>());
  return values;
}

TEST(ScenarioSchema, IsDraft202012Json) {
  const json schema = LoadSchema();
  ASSERT_FALSE(schema.is_discarded()) << "schema/scenario.schema.json is not valid JSON";
  EXPECT_EQ(schema.at("$schema"), "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema.at("additionalProperties"), false);
}

TEST(ScenarioSchema, ListsExactlyTheKeysTheReaderAccepts) {
  const json schema = LoadSchema();
  const json& defs = schema.at("$defs");
  EXPECT_EQ(PropertyNames(schema), Keys(kTopLevelKeys));
  EXPECT_EQ(PropertyNames(defs.at("issue")), Keys(kIssueKeys));
  EXPECT_EQ(PropertyNames(defs.at("scale")), Keys(kScaleKeys));
  EXPECT_EQ(PropertyNames(defs.at("outcome")), Keys(kOutcomeKeys));
  EXPECT_EQ(PropertyNames(defs.at("actor")), Keys(kActorKeys));
  EXPECT_EQ(PropertyNames(defs.at("stance")), Keys(kStanceKeys));
  EXPECT_EQ(PropertyNames(defs.at("event")), Keys(kEventKeys));
  EXPECT_EQ(PropertyNames(defs.at("change")), Keys(kChangeKeys));
  EXPECT_EQ(PropertyNames(defs.at("change_op")), Keys(kChangeOpKeys));
  EXPECT_EQ(PropertyNames(defs.at("distribution")), Keys(kDistributionKeys));
  for (const char* def : {"issue", "scale", "outcome", "actor", "stance", "event", "change",
                          "change_op", "distribution"}) {
    EXPECT_EQ(defs.at(def).at("additionalProperties"), false) << def;
  }
}

TEST(ScenarioSchema, EnumerationsMatchTheReader) {
  const json schema = LoadSchema();
  EXPECT_EQ(EnumValues(schema.at("properties").at("salience_scale")), Keys(kSalienceScales));
  EXPECT_EQ(EnumValues(schema.at("properties").at("decision_rule")), Keys(kDecisionRules));
  EXPECT_EQ(EnumValues(schema.at("$defs").at("actor").at("properties").at("role")), Keys(kRoles));
}

// Every property anywhere in the schema has a description, for editor completion.
void ExpectDescribed(const json& node, const std::string& where) {
  if (!node.is_object()) return;
  if (node.contains("properties")) {
    for (const auto& [name, property] : node.at("properties").items()) {
      EXPECT_TRUE(property.contains("description") &&
                  !property.at("description").get<std::string>().empty())
          << where << "/" << name;
    }
  }
  for (const auto& [name, child] : node.items()) {
    if (child.is_object()) ExpectDescribed(child, where + "/" + name);
  }
}

TEST(ScenarioSchema, EveryFieldHasADescription) { ExpectDescribed(LoadSchema(), "#"); }

// --- A small validator for the subset of JSON Schema the scenario schema uses, applied to YAML
// --- read the way the entente reader reads it (YAML 1.2 core schema scalars).

class MiniValidator {
 public:
  explicit MiniValidator(const json& root) : root_(root) {}

  // Empty when `node` satisfies `schema`, else the first problem found.
  std::string Check(const YAML::Node& node, const json& schema, const std::string& at) const {
    if (schema.contains("$ref")) {
      const std::string ref = schema.at("$ref");  // "#/$defs/<name>"
      const std::string problem = Check(node, root_.at("$defs").at(ref.substr(8)), at);
      if (!problem.empty()) return problem;
    }
    if (schema.contains("oneOf")) {
      int passing = 0;
      for (const json& branch : schema.at("oneOf")) passing += Check(node, branch, at).empty();
      if (passing != 1) return at + ": matches " + std::to_string(passing) + " oneOf branches";
    }
    if (schema.contains("not") && Check(node, schema.at("not"), at).empty()) {
      return at + ": matches a 'not' schema";
    }
    if (schema.contains("const") &&
        !(node.IsScalar() && node.Scalar() == schema.at("const").dump()))
      return at + ": not " + schema.at("const").dump();
    if (schema.contains("enum")) {
      bool found = false;
      for (const json& v : schema.at("enum"))
        found = found || (node.IsScalar() && node.Scalar() == v);
      if (!found) return at + ": not in enum";
    }
    if (schema.contains("required")) {
      if (!node.IsMap()) return at + ": not a mapping";
      for (const json& key : schema.at("required")) {
        if (!node[key.get<std::string>()]) return at + ": missing " + key.get<std::string>();
      }
    }
    if (schema.contains("type")) {
      if (std::string problem = CheckType(node, schema, at); !problem.empty()) return problem;
    }
    return "";
  }

 private:
  std::string CheckType(const YAML::Node& node, const json& schema, const std::string& at) const {
    const std::string type = schema.at("type");
    if (type == "object") {
      if (!node.IsMap()) return at + ": not a mapping";
      for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string key = it->first.Scalar();
        const std::string here = at + "/" + key;
        if (schema.contains("properties") && schema.at("properties").contains(key)) {
          if (auto p = Check(it->second, schema.at("properties").at(key), here); !p.empty())
            return p;
        } else if (schema.contains("additionalProperties") &&
                   schema.at("additionalProperties").is_object()) {
          if (schema.contains("propertyNames") &&
              !std::regex_match(
                  key, std::regex(schema.at("propertyNames").at("pattern").get<std::string>()))) {
            return here + ": key does not match propertyNames";
          }
          if (auto p = Check(it->second, schema.at("additionalProperties"), here); !p.empty())
            return p;
        } else {
          return here + ": key not allowed";
        }
      }
      if (schema.contains("maxProperties") && node.size() > schema.at("maxProperties"))
        return at + ": too many keys";
      if (schema.contains("minProperties") && node.size() < schema.at("minProperties"))
        return at + ": too few keys";
      return "";
    }
    if (type == "array") {
      if (!node.IsSequence()) return at + ": not a list";
      if (schema.contains("minItems") && node.size() < schema.at("minItems")) return at + ": short";
      if (schema.contains("maxItems") && node.size() > schema.at("maxItems")) return at + ": long";
      for (std::size_t i = 0; i < node.size(); ++i) {
        const json* item = nullptr;
        if (schema.contains("prefixItems") && i < schema.at("prefixItems").size()) {
          item = &schema.at("prefixItems").at(i);
        } else if (schema.contains("items")) {
          item = &schema.at("items");
        }
        if (item) {
          if (auto p = Check(node[i], *item, at + "/" + std::to_string(i)); !p.empty()) return p;
        }
      }
      return "";
    }
    if (!node.IsScalar()) return at + ": not a scalar";
    const bool plain = node.Tag() != "!";
    if (type == "string") {
      if (schema.contains("minLength") && node.Scalar().size() < schema.at("minLength"))
        return at + ": too short";
      if (schema.contains("pattern") &&
          !std::regex_search(node.Scalar(), std::regex(schema.at("pattern").get<std::string>())))
        return at + ": does not match pattern";
      return "";
    }
    if (type == "boolean") {
      const std::string& s = node.Scalar();
      return plain && (s == "true" || s == "false") ? "" : at + ": not a boolean";
    }
    const std::optional<double> number = plain ? ParseYamlNumber(node.Scalar()) : std::nullopt;
    if (!number) return at + ": not a number";
    if (type == "integer" && *number != static_cast<double>(static_cast<long long>(*number)))
      return at + ": not an integer";
    if (schema.contains("minimum") && *number < schema.at("minimum").get<double>())
      return at + ": below minimum";
    if (schema.contains("maximum") && *number > schema.at("maximum").get<double>())
      return at + ": above maximum";
    return "";
  }

  const json& root_;
};

std::vector<fs::path> AcceptedFiles() {
  std::vector<fs::path> files;
  for (const char* dir : {"tests", "scenarios"}) {
    const fs::path root = fs::path(ENTENTE_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
        if (LoadScenario(entry.path().string()).ok()) files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ScenarioSchema, EveryFileTheReaderAcceptsSatisfiesTheSchema) {
  const json schema = LoadSchema();
  const MiniValidator validator(schema);
  const std::vector<fs::path> files = AcceptedFiles();
  ASSERT_FALSE(files.empty());
  for (const fs::path& file : files) {
    const YAML::Node node = YAML::LoadFile(file.string());
    EXPECT_EQ(validator.Check(node, schema, "#"), "") << file;
  }
}

TEST(ScenarioSchema, MiniValidatorRejectsWhatTheSchemaForbids) {
  const json schema = LoadSchema();
  const MiniValidator validator(schema);
  YAML::Node node = YAML::LoadFile(std::string(ENTENTE_SOURCE_DIR) + "/tests/data/good_full.yaml");
  ASSERT_EQ(validator.Check(node, schema, "#"), "");
  node["actors"][0]["stances"]["timing"]["weight"] = 3;
  EXPECT_EQ(validator.Check(node, schema, "#"),
            "#/actors/0/stances/timing: matches 0 oneOf branches");
}

// The schema's "required" lists are what the reader requires: removing a key from a valid file
// gives "missing required field '<key>'" exactly when the schema lists it as required.
TEST(ScenarioSchema, RequiredFieldsMatchTheReader) {
  const json schema = LoadSchema();
  const json& defs = schema.at("$defs");
  const std::string path = std::string(ENTENTE_SOURCE_DIR) + "/tests/data/good_full.yaml";
  struct Target {
    const json* def;
    std::function<YAML::Node(YAML::Node&)> locate;
  };
  const std::vector<Target> targets = {
      {&schema, [](YAML::Node& n) { return n; }},
      {&defs.at("issue"), [](YAML::Node& n) { return n["issues"][0]; }},
      {&defs.at("scale"), [](YAML::Node& n) { return n["issues"][0]["scale"]; }},
      {&defs.at("outcome"), [](YAML::Node& n) { return n["issues"][0]["outcome"]; }},
      {&defs.at("actor"), [](YAML::Node& n) { return n["actors"][0]; }},
      {&defs.at("stance"), [](YAML::Node& n) { return n["actors"][0]["stances"]["timing"]; }},
      {&defs.at("event"), [](YAML::Node& n) { return n["events"][0]; }},
      {&defs.at("change"), [](YAML::Node& n) { return n["events"][0]["changes"][0]; }},
  };
  for (const Target& target : targets) {
    std::set<std::string> required;
    for (const json& key : target.def->at("required")) required.insert(key.get<std::string>());
    for (const auto& [key, unused] : target.def->at("properties").items()) {
      YAML::Node doc = YAML::LoadFile(path);
      YAML::Node map = target.locate(doc);
      ASSERT_TRUE(map.IsMap());
      if (!map[key]) continue;  // the example does not use this optional key here
      map.remove(key);
      YAML::Emitter out;
      out << doc;
      const Result<Scenario> r = ParseScenarioYaml(out.c_str(), "edited.yaml");
      const bool reported_missing =
          !r.ok() &&
          r.status().message().find("missing required field '" + key + "'") != std::string::npos;
      EXPECT_EQ(reported_missing, required.count(key) == 1) << key << "\n" << r.status().message();
    }
  }
}

}  // namespace
}  // namespace entente::io
