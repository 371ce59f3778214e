// The keys the scenario YAML reader accepts, one list per kind of mapping.
//
// These lists are the single source of truth for "unknown key" errors (with their "did you
// mean" suggestions) and are compared against schema/scenario.schema.json by
// src/io/scenario_schema_test.cc, so the reader, the schema and docs/formats/scenario.md cannot
// drift apart silently.
#pragma once

#include <string_view>
#include <vector>

namespace entente::io {

inline const std::vector<std::string_view> kTopLevelKeys = {
    "entente",        "title",         "date",   "description", "sources",
    "salience_scale", "decision_rule", "issues", "actors",      "events"};
inline const std::vector<std::string_view> kIssueKeys = {"id",    "label",      "description",
                                                         "scale", "status_quo", "outcome"};
inline const std::vector<std::string_view> kScaleKeys = {"min", "max", "min_label", "max_label"};
inline const std::vector<std::string_view> kOutcomeKeys = {"value", "note", "source"};
inline const std::vector<std::string_view> kActorKeys = {
    "id", "name", "capability", "capability_source", "role", "veto", "description", "stances"};
inline const std::vector<std::string_view> kStanceKeys = {"position", "salience", "source", "note"};
// A capability, position or salience given as a distribution (io/yaml_distribution.h).
inline const std::vector<std::string_view> kDistributionKeys = {"uniform", "triangular", "normal",
                                                                "experts", "bootstrap"};
inline const std::vector<std::string_view> kEventKeys = {
    "id", "label", "date", "round", "enabled", "source", "description", "changes"};
inline const std::vector<std::string_view> kChangeKeys = {"actor", "issue", "capability",
                                                          "position", "salience"};
inline const std::vector<std::string_view> kChangeOpKeys = {"set", "shift", "scale"};

// Allowed values of the enumerated fields.
inline const std::vector<std::string_view> kSalienceScales = {"unit", "percent"};
inline const std::vector<std::string_view> kDecisionRules = {
    "consensus", "unanimity", "majority", "qualified-majority", "weighted-median", "weighted-mean"};
inline const std::vector<std::string_view> kRoles = {"member", "outsider"};

}  // namespace entente::io
