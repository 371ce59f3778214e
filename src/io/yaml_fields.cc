#include "io/yaml_fields.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <unordered_map>

#include "io/number_range.h"

namespace entente::io {

YamlFile::YamlFile(std::string_view path, std::string_view text) : path_(path), text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::string_view YamlFile::Line(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
  const std::size_t start = line_starts_[static_cast<std::size_t>(line) - 1];
  std::size_t end = text_.find('\n', start);
  if (end == std::string_view::npos) end = text_.size();
  std::string_view result = text_.substr(start, end - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

Status YamlFile::Error(const YAML::Mark& mark, std::string_view message) const {
  if (mark.is_null()) return ErrorAt(TextPosition{}, message);
  return ErrorAt(TextPosition{mark.line + 1, mark.column + 1}, message);
}

Status YamlFile::ErrorAt(TextPosition pos, std::string_view message) const {
  return Status::ParseError(FormatDiagnostic(path_, text_, pos, message));
}

Status CheckDocumentShape(const YamlFile& file, const YAML::Node& root, std::size_t max_depth) {
  struct Pending {
    YAML::Node node;
    std::size_t depth;
  };
  const std::size_t max_nodes = 4 * file.text().size() + 10000;
  std::vector<Pending> stack{{root, 1}};
  std::size_t visited = 0;
  while (!stack.empty()) {
    const Pending p = std::move(stack.back());
    stack.pop_back();
    if (!p.node.IsSequence() && !p.node.IsMap()) continue;
    if (++visited > max_nodes) {
      return Status(StatusCode::kLimitExceeded,
                    file.Error(p.node.Mark(), "the document expands to more than " +
                                                  std::to_string(max_nodes) +
                                                  " collections (aliases repeating anchors?)")
                        .message());
    }
    if (p.depth > max_depth) {
      return Status(StatusCode::kLimitExceeded,
                    file.Error(p.node.Mark(), "nesting is deeper than the limit of " +
                                                  std::to_string(max_depth) +
                                                  " levels (raise it with --max-depth)")
                        .message());
    }
    if (p.node.IsSequence()) {
      for (const YAML::Node& child : p.node) stack.push_back({child, p.depth + 1});
    } else {
      for (const auto& kv : p.node) {
        stack.push_back({kv.first, p.depth + 1});
        stack.push_back({kv.second, p.depth + 1});
      }
    }
  }
  return Status::Ok();
}

YAML::Mark YamlEntry::mark() const {
  // An empty value (`key:` with nothing after it) has no useful position of its own.
  if (!value.IsDefined() || value.IsNull() || value.Mark().is_null()) return key_mark;
  return value.Mark();
}

bool IsStringTagged(const YAML::Node& node) {
  // "!" marks a quoted scalar; "!!str" an explicitly tagged one.
  return node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str";
}

std::string DescribeNode(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "an empty value";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  std::string scalar = node.Scalar();
  if (scalar.size() > 40) scalar = scalar.substr(0, 37) + "...";
  return "'" + scalar + "'";
}

Result<YamlMap> YamlMap::ReadOpen(const YamlFile& file, const YAML::Node& node,
                                  const YAML::Mark& where, std::string what) {
  if (!node.IsMap()) {
    const YAML::Mark mark = node.IsNull() || node.Mark().is_null() ? where : node.Mark();
    return file.Error(mark, what + ": expected a mapping, got " + DescribeNode(node));
  }
  YamlMap map;
  std::unordered_map<std::string, std::size_t> seen;  // key -> index in entries_
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;  // a copy: `it->first` lives in a temporary
    if (!key.IsScalar()) {
      return file.Error(key.Mark(),
                        what + ": expected a plain name as key, got " + DescribeNode(key));
    }
    for (const YamlEntry& earlier : map.entries_) {
      if (earlier.key == key.Scalar()) {
        return file.Error(key.Mark(), what + ": duplicate key '" + key.Scalar() +
                                          "' (first given on line " +
                                          std::to_string(YamlFile::LineOf(earlier.key_mark)) + ")");
      }
    }
    map.entries_.push_back(YamlEntry{key.Scalar(), key.Mark(), it->second});
  }
  map.file_ = &file;
  map.mark_ = node.Mark();
  map.what_ = std::move(what);
  return map;
}

Result<YamlMap> YamlMap::Read(const YamlFile& file, const YAML::Node& node, const YAML::Mark& where,
                              std::string what, const std::vector<std::string_view>& allowed) {
  Result<YamlMap> map = ReadOpen(file, node, where, std::move(what));
  if (!map.ok()) return map;
  for (const YamlEntry& entry : map->entries_) {
    bool known = false;
    for (const std::string_view key : allowed) known = known || key == entry.key;
    if (!known) {
      return file.Error(entry.key_mark, map->what_ + ": unknown key '" + entry.key + "'" +
                                            DidYouMean(entry.key, allowed));
    }
  }
  return map;
}

const YamlEntry* YamlMap::Find(std::string_view key) const {
  for (const YamlEntry& entry : entries_)
    if (entry.key == key) return &entry;
  return nullptr;
}

Result<const YamlEntry*> YamlMap::Require(std::string_view key) const {
  if (const YamlEntry* entry = Find(key)) return entry;
  return file_->Error(mark_, what_ + " is missing required field '" + std::string(key) + "'");
}

std::optional<double> ParseYamlNumber(std::string_view text) {
  // YAML 1.2 core schema (§10.3.2): [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?,
  // [-+]?\.(inf|Inf|INF), \.(nan|NaN|NAN).
  if (text == ".nan" || text == ".NaN" || text == ".NAN") {
    return std::numeric_limits<double>::quiet_NaN();
  }
  bool negative = false;
  std::string_view body = text;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  if (body.empty() || !(std::isdigit(static_cast<unsigned char>(body[0])) || body[0] == '.')) {
    return std::nullopt;
  }
  // Hex and other forms std::from_chars would accept are not YAML numbers.
  for (const char c : body) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' ||
          c == '+' || c == '-')) {
      return std::nullopt;
    }
  }
  double value = 0.0;
  const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (end != body.data() + body.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // Overflow reads as infinity; underflow as the denormal or zero strtod gives, so that the
    // range check (number_range.h) can say which.
    value = std::strtod(std::string(body).c_str(), nullptr);
    if (value == 0.0) value = std::numeric_limits<double>::denorm_min();  // below every denormal
  } else if (ec != std::errc()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

Status ReadString(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                  std::string_view field, std::string* out) {
  if (!node.IsScalar()) {
    return file.Error(mark, std::string(field) + ": expected a string, got " + DescribeNode(node));
  }
  *out = node.Scalar();
  return Status::Ok();
}

Status ReadNumber(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                  std::string_view field, double* out) {
  // A quoted scalar ("40") is a string in YAML, and is reported as such.
  const bool plain = node.IsScalar() && !IsStringTagged(node);
  const std::optional<double> value = plain ? ParseYamlNumber(node.Scalar()) : std::nullopt;
  if (!value) {
    return file.Error(mark, std::string(field) + ": expected a number, got " +
                                (node.IsScalar() && IsStringTagged(node) ? "the string " : "") +
                                DescribeNode(node));
  }
  if (const std::string problem = NumberRangeProblem(*value); !problem.empty()) {
    return file.Error(mark, std::string(field) + " " + problem + ", got " + node.Scalar());
  }
  *out = *value;
  return Status::Ok();
}

Status ReadInteger(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                   std::string_view field, long long* out) {
  long long value = 0;
  bool ok = node.IsScalar() && !IsStringTagged(node);
  if (ok) {
    std::string_view text = node.Scalar();
    if (!text.empty() && text[0] == '+') text.remove_prefix(1);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    ok = !text.empty() && ec == std::errc() && end == text.data() + text.size();
  }
  if (!ok) {
    return file.Error(mark,
                      std::string(field) + ": expected a whole number, got " + DescribeNode(node));
  }
  *out = value;
  return Status::Ok();
}

Status ReadBool(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                std::string_view field, bool* out) {
  // YAML 1.2 core schema booleans only: 'yes', 'on' and friends are YAML 1.1.
  const std::string text = node.IsScalar() && !IsStringTagged(node) ? node.Scalar() : "";
  if (text == "true" || text == "True" || text == "TRUE") {
    *out = true;
  } else if (text == "false" || text == "False" || text == "FALSE") {
    *out = false;
  } else {
    return file.Error(mark,
                      std::string(field) + ": expected true or false, got " + DescribeNode(node));
  }
  return Status::Ok();
}

Status ReadChoice(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                  std::string_view field, const std::vector<std::string_view>& allowed,
                  std::string* out) {
  std::string text;
  if (Status s = ReadString(file, node, mark, field, &text); !s.ok()) return s;
  for (const std::string_view choice : allowed) {
    if (choice == text) {
      *out = text;
      return Status::Ok();
    }
  }
  std::string list;
  for (const std::string_view choice : allowed) {
    list += list.empty() ? "" : ", ";
    list += choice;
  }
  return file.Error(mark, std::string(field) + ": expected one of " + list + ", got '" + text +
                              "'" + DidYouMean(text, allowed));
}

Status ReadStringList(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                      std::string_view field, std::vector<std::string>* out) {
  if (!node.IsSequence()) {
    return file.Error(
        mark, std::string(field) + ": expected a list of strings, got " + DescribeNode(node));
  }
  out->clear();
  for (const YAML::Node& item : node) {
    std::string text;
    const YAML::Mark item_mark = item.Mark().is_null() ? mark : item.Mark();
    if (Status s = ReadString(file, item, item_mark, field, &text); !s.ok()) return s;
    out->push_back(std::move(text));
  }
  return Status::Ok();
}

Status ReadDate(const YamlFile& file, const YAML::Node& node, const YAML::Mark& mark,
                std::string_view field, std::string* out) {
  std::string text;
  if (Status s = ReadString(file, node, mark, field, &text); !s.ok()) return s;
  auto digits = [&](std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i)
      if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    return true;
  };
  auto number = [&](std::size_t from) { return (text[from] - '0') * 10 + (text[from + 1] - '0'); };
  bool ok = (text.size() == 4 || text.size() == 7 || text.size() == 10) && digits(0, 4);
  if (ok && text.size() >= 7)
    ok = text[4] == '-' && digits(5, 2) && number(5) >= 1 && number(5) <= 12;
  if (ok && text.size() == 10)
    ok = text[7] == '-' && digits(8, 2) && number(8) >= 1 && number(8) <= 31;
  if (!ok) {
    return file.Error(mark, std::string(field) +
                                ": expected an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got '" +
                                text + "'");
  }
  *out = text;
  return Status::Ok();
}

}  // namespace entente::io
