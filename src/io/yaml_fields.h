// Typed, validated access to yaml-cpp nodes, with compiler-style diagnostics.
//
// The scenario reader (yaml_scenario.cc) is written in terms of these helpers so that every
// rejected value gets the same kind of message: the field named in words ("capability of
// 'usa'"), what was expected and what was found, at the value's line and column.
//
// Nothing here throws: yaml-cpp is only asked for scalars, marks and iteration, never for
// conversions (which throw); numbers and booleans are parsed by hand.
//
// Thread-safety: a YamlFile is immutable after construction; reentrant.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/status.h"
#include "io/diagnostic.h"

namespace entente::io {

// The file being read: its path and text, for locating and formatting errors.
class YamlFile {
 public:
  YamlFile(std::string_view path, std::string_view text);

  std::string_view path() const { return path_; }
  std::string_view text() const { return text_; }
  // The 1-based `line` without its terminator (constant time); empty past the end.
  std::string_view Line(int line) const;
  // A kParseError at `mark` (yaml-cpp's 0-based mark; a null mark gives no location).
  Status Error(const YAML::Mark& mark, std::string_view message) const;
  Status ErrorAt(TextPosition pos, std::string_view message) const;
  // 1-based line of a mark, or 0 when unknown.
  static int LineOf(const YAML::Mark& mark) { return mark.is_null() ? 0 : mark.line + 1; }

 private:
  std::string_view path_;
  std::string_view text_;
  std::vector<std::size_t> line_starts_;  // byte offset where each line starts
};

// Limits on a parsed document's shape, checked before anything reads it (io.h, LoadLimits):
// LimitExceeded, located at the offending node, when collections nest deeper than `max_depth`
// (the top-level mapping is depth 1) or when the document, with aliases expanded, holds more
// nodes than four per byte of text plus 10,000 (an alias "bomb" repeating anchors). The walk
// is iterative, so no input depth can exhaust the stack here.
Status CheckDocumentShape(const YamlFile& file, const YAML::Node& root, std::size_t max_depth);

// One `key: value` pair of a mapping.
struct YamlEntry {
  std::string key;
  YAML::Mark key_mark;
  YAML::Node value;
  // Where to point for this value: the value itself, or its key when the value is empty.
  YAML::Mark mark() const;
};

// A YAML mapping whose keys were checked: all scalars, all in the allowed list, none repeated.
class YamlMap {
 public:
  // `what` names the mapping in messages, e.g. "issue 'timing'" or "the scenario".
  // `where` is used when the node itself carries no position (an empty value).
  static Result<YamlMap> Read(const YamlFile& file, const YAML::Node& node, const YAML::Mark& where,
                              std::string what, const std::vector<std::string_view>& allowed);
  // The same without restricting the keys (e.g. `stances:`, keyed by issue id); keys must
  // still be plain scalars and unique.
  static Result<YamlMap> ReadOpen(const YamlFile& file, const YAML::Node& node,
                                  const YAML::Mark& where, std::string what);

  const YamlEntry* Find(std::string_view key) const;
  // The entry, or a "missing required field" error pointing at the mapping.
  Result<const YamlEntry*> Require(std::string_view key) const;
  const std::vector<YamlEntry>& entries() const { return entries_; }
  const YAML::Mark& mark() const { return mark_; }
  const std::string& what() const { return what_; }

 private:
  const YamlFile* file_ = nullptr;
  YAML::Mark mark_;
  std::string what_;
  std::vector<YamlEntry> entries_;
};

// Whether a scalar is a string by its tag: quoted ("40") or tagged !!str. Such scalars are
// never read as numbers or booleans.
bool IsStringTagged(const YAML::Node& node);

// `s` in single quotes, as messages name keys, ids and values: 'timing'.
inline std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// "a mapping", "a list", "an empty value", "'forty'": how a node is described in messages.
std::string DescribeNode(const YAML::Node& node);

// Each reader checks the node's kind and converts it; `field` names the value in messages
// ("capability of 'usa'"). `mark` is where to point.
Status ReadString(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                  std::string_view field, std::string* out);
// A finite number (YAML 1.2 core schema floats and integers; .nan and .inf are rejected).
Status ReadNumber(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                  std::string_view field, double* out);
Status ReadInteger(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                   std::string_view field, long long* out);
Status ReadBool(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                std::string_view field, bool* out);
// One of `allowed`; otherwise an error listing them (with a "did you mean").
Status ReadChoice(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                  std::string_view field, const std::vector<std::string_view>& allowed,
                  std::string* out);
// A list of strings.
Status ReadStringList(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                      std::string_view field, std::vector<std::string>* out);
// An ISO 8601 calendar date: YYYY, YYYY-MM or YYYY-MM-DD.
Status ReadDate(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                std::string_view field, std::string* out);

// Convenience overloads reading an entry's value at the entry's mark.
inline Status ReadString(const YamlFile& f, const YamlEntry& e, std::string_view field,
                         std::string* out) {
  return ReadString(f, e.value, e.mark(), field, out);
}
inline Status ReadNumber(const YamlFile& f, const YamlEntry& e, std::string_view field,
                         double* out) {
  return ReadNumber(f, e.value, e.mark(), field, out);
}

// Parses a YAML 1.2 core-schema number ("40", "-1.5e3", "+2", ".inf", ".nan"); nullopt when
// `text` is not a number. Non-finite values are returned as such.
std::optional<double> ParseYamlNumber(std::string_view text);

}  // namespace entente::io
