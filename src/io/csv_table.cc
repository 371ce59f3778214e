// ParseActorTableCsv: the plain `actor,capability,position,salience` table (docs/formats/
// scenario.md, "The CSV actor table"), as used by ../shared/vectors/bdm/*.input.csv.
//
// One row per actor becomes a one-issue scenario: issue id `issue`, scale [min, max] of the
// positions ([x, x + 1] when all positions are equal), salience on [0, 1], title = file stem.
// Fields are comma-separated; a field may be double-quoted (RFC 4180) to hold commas, with ""
// for a literal quote. Blank lines are skipped; CRLF line ends and a UTF-8 BOM are accepted.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entente/io.h"
#include "io/diagnostic.h"
#include "io/number_range.h"

namespace entente {
namespace {

using io::TextPosition;

struct CsvField {
  std::string text;  // unquoted, surrounding spaces trimmed
  TextPosition pos;  // where the field starts
};

struct CsvRecord {
  int line = 0;
  std::vector<CsvField> fields;
  TextPosition end;  // just past the last character of the line
};

constexpr std::string_view kColumns[] = {"actor", "capability", "position", "salience"};

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

class CsvReader {
 public:
  CsvReader(std::string_view path, std::string_view text) : path_(path), text_(text) {}

  Status Error(TextPosition pos, std::string_view message) const {
    return Status::ParseError(io::FormatDiagnostic(path_, text_, pos, message));
  }

  // Splits the text into records, skipping blank lines.
  Status Split(std::vector<CsvRecord>* records) const {
    std::size_t offset = text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    int line = 1;
    while (offset < text_.size()) {
      std::size_t end = text_.find('\n', offset);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view raw = text_.substr(offset, end - offset);
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      const int line_start_col = static_cast<int>(offset - LineStart(offset)) + 1;
      if (!TrimBlanks(raw).empty()) {
        CsvRecord record;
        record.line = line;
        record.end = TextPosition{line, line_start_col + static_cast<int>(raw.size())};
        if (Status s = SplitLine(raw, line, line_start_col, &record); !s.ok()) return s;
        records->push_back(std::move(record));
      }
      offset = end + 1;
      ++line;
    }
    return Status::Ok();
  }

 private:
  std::size_t LineStart(std::size_t offset) const {
    const std::size_t nl = offset == 0 ? std::string_view::npos : text_.rfind('\n', offset - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  }

  Status SplitLine(std::string_view raw, int line, int first_col, CsvRecord* record) const {
    std::size_t i = 0;
    while (true) {
      std::size_t start = i;
      while (start < raw.size() && (raw[start] == ' ' || raw[start] == '\t')) ++start;
      CsvField field;
      field.pos = TextPosition{line, first_col + static_cast<int>(start)};
      if (start < raw.size() && raw[start] == '"') {
        std::size_t j = start + 1;
        while (true) {
          if (j >= raw.size()) {
            return Error(field.pos,
                         "unterminated quoted field: expected a closing '\"' on the "
                         "same line");
          }
          if (raw[j] == '"') {
            if (j + 1 < raw.size() && raw[j + 1] == '"') {
              field.text += '"';
              j += 2;
              continue;
            }
            ++j;
            break;
          }
          field.text += raw[j++];
        }
        while (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t')) ++j;
        if (j < raw.size() && raw[j] != ',') {
          return Error(TextPosition{line, first_col + static_cast<int>(j)},
                       "expected ',' after a quoted field, got '" + std::string(1, raw[j]) + "'");
        }
        i = j;
      } else {
        std::size_t j = raw.find(',', start);
        if (j == std::string_view::npos) j = raw.size();
        field.text = std::string(TrimBlanks(raw.substr(start, j - start)));
        i = j;
      }
      record->fields.push_back(std::move(field));
      if (i >= raw.size()) break;
      ++i;  // past the comma
    }
    return Status::Ok();
  }

  std::string_view path_;
  std::string_view text_;
};

std::string FileStem(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

}  // namespace

Result<Scenario> ParseActorTableCsv(const std::string& text, const std::string& path,
                                    const LoadLimits& limits) {
  if (Status s = io::CheckInputText(path, text, limits.max_file_bytes); !s.ok()) return s;
  const CsvReader reader(path, text);
  std::vector<CsvRecord> records;
  if (Status s = reader.Split(&records); !s.ok()) return s;
  if (records.empty()) {
    return reader.Error(TextPosition{1, 1},
                        "file is empty; expected the header actor,capability,position,salience "
                        "and one row per actor");
  }

  // Header: the four columns, in any order, each once.
  const CsvRecord& header = records.front();
  int column_of[4] = {-1, -1, -1, -1};
  const std::vector<std::string_view> names(std::begin(kColumns), std::end(kColumns));
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const CsvField& field = header.fields[c];
    const auto known = std::find(names.begin(), names.end(), field.text);
    if (known == names.end()) {
      return reader.Error(field.pos, "unknown column '" + field.text +
                                         "'; expected actor,capability,position,salience" +
                                         io::DidYouMean(field.text, names));
    }
    const auto k = static_cast<std::size_t>(known - names.begin());
    if (column_of[k] >= 0) {
      return reader.Error(field.pos, "duplicate column '" + field.text + "'");
    }
    column_of[k] = static_cast<int>(c);
  }
  for (std::size_t k = 0; k < 4; ++k) {
    if (column_of[k] < 0) {
      return reader.Error(header.end, "header is missing column '" + std::string(kColumns[k]) +
                                          "'; expected actor,capability,position,salience");
    }
  }

  const std::size_t rows = records.size() - 1;
  if (rows > limits.max_actors) {
    return Status::LimitExceeded(io::FormatDiagnostic(
        path, text, records[limits.max_actors + 1].fields.front().pos,
        "table has " + std::to_string(rows) + " actors, over the limit of " +
            std::to_string(limits.max_actors) + " (raise it with --max-actors)"));
  }

  Scenario scenario;
  scenario.path = path;
  scenario.text = text;
  scenario.meta.title = FileStem(path);
  Issue issue;
  issue.id = "issue";
  issue.label = "issue";
  issue.where = SourceLocation{path, header.line, 1};
  scenario.stances.assign(1, {});
  std::vector<int> row_line;                                  // per actor
  std::unordered_map<std::string, std::size_t> row_of_actor;  // id -> index
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (record.fields.size() != header.fields.size()) {
      const TextPosition where = record.fields.size() > header.fields.size()
                                     ? record.fields[header.fields.size()].pos
                                     : record.end;
      return reader.Error(where, "row has " + std::to_string(record.fields.size()) +
                                     " fields, expected " + std::to_string(header.fields.size()) +
                                     " like the header");
    }
    const CsvField& name = record.fields[static_cast<std::size_t>(column_of[0])];
    if (name.text.empty()) return reader.Error(name.pos, "actor name must not be empty");
    if (const auto first = row_of_actor.find(name.text); first != row_of_actor.end()) {
      return reader.Error(name.pos, "duplicate actor '" + name.text + "' (first on line " +
                                        std::to_string(row_line[first->second]) + ")");
    }
    row_of_actor.emplace(name.text, row_line.size());
    double value[4] = {0, 0, 0, 0};
    for (std::size_t k = 1; k < 4; ++k) {
      const CsvField& field = record.fields[static_cast<std::size_t>(column_of[k])];
      const std::string what = std::string(kColumns[k]) + " of '" + name.text + "'";
      std::string_view digits = field.text;
      if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
      const auto [end, ec] =
          std::from_chars(digits.data(), digits.data() + digits.size(), value[k]);
      if (digits.empty() || end != digits.data() + digits.size() ||
          ec == std::errc::invalid_argument) {
        return reader.Error(field.pos, what + ": expected a number, got '" + field.text + "'");
      }
      if (ec == std::errc::result_out_of_range) {  // overflow -> inf, underflow -> tiny
        value[k] = std::strtod(std::string(digits).c_str(), nullptr);
        if (value[k] == 0.0) value[k] = std::numeric_limits<double>::denorm_min();
      }
      if (const std::string problem = io::NumberRangeProblem(value[k]); !problem.empty()) {
        return reader.Error(field.pos, what + " " + problem + ", got " + field.text);
      }
    }
    const auto& cap_field = record.fields[static_cast<std::size_t>(column_of[1])];
    const auto& sal_field = record.fields[static_cast<std::size_t>(column_of[3])];
    if (value[1] < 0) {
      return reader.Error(cap_field.pos, "capability of '" + name.text + "' must be >= 0, got " +
                                             io::FormatNumber(value[1]));
    }
    if (value[3] < 0 || value[3] > 1) {
      return reader.Error(sal_field.pos, "salience of '" + name.text + "' must be in [0, 1], got " +
                                             io::FormatNumber(value[3]));
    }
    Actor actor;
    actor.id = name.text;
    actor.name = name.text;
    actor.capability = value[1];
    actor.where = SourceLocation{path, record.line, 1};
    Stance stance;
    stance.position = value[2];
    stance.salience = value[3];
    stance.where = SourceLocation{path, record.line, 1};
    scenario.actors.push_back(std::move(actor));
    scenario.stances[0].push_back(std::move(stance));
    row_line.push_back(record.line);
  }
  if (rows < 2) {
    return reader.Error(records.back().end, "table has " + std::to_string(rows) + " actor" +
                                                (rows == 1 ? "" : "s") +
                                                "; expected at least two rows");
  }

  double lo = scenario.stances[0][0]->position, hi = lo, weight = 0.0;
  for (std::size_t a = 0; a < rows; ++a) {
    lo = std::min(lo, scenario.stances[0][a]->position);
    hi = std::max(hi, scenario.stances[0][a]->position);
    weight += scenario.actors[a].capability * scenario.stances[0][a]->salience;
  }
  if (!(weight > 0.0)) {
    return reader.Error(header.fields.front().pos,
                        "the table has no weight: capability × salience is zero for every actor");
  }
  issue.scale_min = lo;
  issue.scale_max = hi > lo ? hi : lo + 1.0;
  scenario.issues.push_back(std::move(issue));
  return scenario;
}

}  // namespace entente
