// Reader for DEU issue tables (see include/entente/deu.h and /shared/data/deu/SOURCE.md).
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "io/trim.h"
#include "entente/deu.h"
#include "entente/io.h"

namespace entente {

namespace {

// One cell of a row, with the 1-based column where it starts.
struct DeuCell {
  std::string text;
  int column = 0;
};

std::vector<DeuCell> SplitCsvLine(const std::string& line) {
  std::vector<DeuCell> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::size_t end = comma == std::string::npos ? line.size() : comma;
    cells.push_back({line.substr(start, end - start), static_cast<int>(start) + 1});
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return cells;
}

// "file:line:col: message", then the line and a caret under col.
Status RowError(const std::string& path, int line_no, int column, const std::string& message,
                const std::string& line) {
  std::string gutter = std::to_string(line_no);
  std::string text = path + ":" + std::to_string(line_no) + ":" + std::to_string(column) + ": " +
                     message + "\n " + gutter + " | " + line + "\n " +
                     std::string(gutter.size(), ' ') + " | " +
                     std::string(column > 0 ? column - 1 : 0, ' ') + "^";
  return Status::ParseError(text);
}

bool ParseNumber(const std::string& text, double* out) {
  if (text.empty()) return false;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool ValidDate(const DeuDate& d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= kDays[d.month - 1];
}

int ExpandYear(int yy) { return yy >= 50 ? 1900 + yy : 2000 + yy; }

}  // namespace

const std::vector<std::string>& DeuActorCodes() {
  static const std::vector<std::string> codes = {
      "com", "ep", "at", "be", "bu", "cr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "el", "hu",
      "ie",  "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "si", "sk", "es", "se", "uk"};
  return codes;
}

std::string DeuActorName(const std::string& code) {
  static const std::map<std::string, std::string> names = {{"com", "European Commission"},
                                                           {"ep", "European Parliament"},
                                                           {"at", "Austria"},
                                                           {"be", "Belgium"},
                                                           {"bu", "Bulgaria"},
                                                           {"cr", "Croatia"},
                                                           {"cy", "Cyprus"},
                                                           {"cz", "Czech Republic"},
                                                           {"dk", "Denmark"},
                                                           {"ee", "Estonia"},
                                                           {"fi", "Finland"},
                                                           {"fr", "France"},
                                                           {"de", "Germany"},
                                                           {"el", "Greece"},
                                                           {"hu", "Hungary"},
                                                           {"ie", "Ireland"},
                                                           {"it", "Italy"},
                                                           {"lv", "Latvia"},
                                                           {"lt", "Lithuania"},
                                                           {"lu", "Luxembourg"},
                                                           {"mt", "Malta"},
                                                           {"nl", "Netherlands"},
                                                           {"pl", "Poland"},
                                                           {"pt", "Portugal"},
                                                           {"ro", "Romania"},
                                                           {"si", "Slovenia"},
                                                           {"sk", "Slovakia"},
                                                           {"es", "Spain"},
                                                           {"se", "Sweden"},
                                                           {"uk", "United Kingdom"}};
  const auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

int DeuIssue::PositionCount() const {
  int n = 0;
  for (const auto& p : position) n += p.has_value() ? 1 : 0;
  return n;
}

std::optional<DeuDate> ParseDeuDate(const std::string& raw) {
  const std::string text = io::TrimmedCopy(raw);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dash = text.find('-', start);
    parts.push_back(
        text.substr(start, dash == std::string::npos ? std::string::npos : dash - start));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  if (parts.size() != 3) return std::nullopt;
  for (const auto& p : parts)
    if (!AllDigits(p)) return std::nullopt;
  DeuDate d;
  if (parts[0].size() == 4 && parts[1].size() == 2 && parts[2].size() == 2) {
    // Artefact: "CCdd-mm-yy" holds dd-mm-yy with the day written as a year.
    d.day = std::atoi(parts[0].c_str()) % 100;
    d.month = std::atoi(parts[1].c_str());
    d.year = ExpandYear(std::atoi(parts[2].c_str()));
  } else if (parts[0].size() <= 2 && parts[1].size() <= 2 &&
             (parts[2].size() == 2 || parts[2].size() == 4)) {
    d.day = std::atoi(parts[0].c_str());
    d.month = std::atoi(parts[1].c_str());
    const int y = std::atoi(parts[2].c_str());
    d.year = parts[2].size() == 2 ? ExpandYear(y) : y;
  } else {
    return std::nullopt;
  }
  if (!ValidDate(d)) return std::nullopt;
  return d;
}

Result<DeuTable> ParseDeuCsv(const std::string& text, const std::string& path) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    start = nl + 1;
  }
  if (lines.empty() || io::TrimmedCopy(lines[0]).empty()) {
    return Status::ParseError(path + ":1:1: empty file; expected a DEU header row");
  }
  const std::vector<DeuCell> header = SplitCsvLine(lines[0]);
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = io::TrimmedCopy(header[i].text);
    if (col.count(name)) {
      return RowError(path, 1, header[i].column, "duplicate column '" + name + "'", lines[0]);
    }
    col[name] = i;
  }
  for (const char* required : {"prnr", "isnr", "proc", "counvte", "intro", "rp", "out"}) {
    if (!col.count(required)) {
      return RowError(path, 1, 1,
                      std::string("missing column '") + required + "' in the DEU header", lines[0]);
    }
  }
  const auto& codes = DeuActorCodes();
  bool any_actor = false;
  for (const auto& c : codes) any_actor = any_actor || col.count("p" + c) > 0;
  if (!any_actor) {
    return RowError(path, 1, 1, "no actor position column (p<actor>, e.g. 'pcom') in the header",
                    lines[0]);
  }

  DeuTable table;
  table.path = path;
  for (std::size_t li = 1; li < lines.size(); ++li) {
    const std::string& line = lines[li];
    const int line_no = static_cast<int>(li) + 1;
    if (io::TrimmedCopy(line).empty()) continue;
    const std::vector<DeuCell> cells = SplitCsvLine(line);
    if (cells.size() != header.size()) {
      return RowError(path, line_no, 1,
                      "row has " + std::to_string(cells.size()) + " fields, header has " +
                          std::to_string(header.size()),
                      line);
    }
    auto cell = [&](const std::string& name) -> const DeuCell& { return cells[col.at(name)]; };
    // A 0–100 value, or nullopt when blank.
    auto scaled = [&](const std::string& name, std::optional<double>* out) -> Status {
      *out = std::nullopt;
      if (!col.count(name)) return Status::Ok();
      const DeuCell& c = cell(name);
      const std::string t = io::TrimmedCopy(c.text);
      if (t.empty()) return Status::Ok();
      double v = 0.0;
      if (!ParseNumber(t, &v)) {
        return RowError(path, line_no, c.column,
                        "column '" + name + "' must be a number on [0, 100], got '" + t + "'",
                        line);
      }
      if (v < 0.0 || v > 100.0) {
        return RowError(path, line_no, c.column,
                        "column '" + name + "' must be on [0, 100], got " + t, line);
      }
      *out = v;
      return Status::Ok();
    };

    DeuIssue row;
    row.line = line_no;
    row.proposal = io::TrimmedCopy(cell("prnr").text);
    row.issue = io::TrimmedCopy(cell("isnr").text);
    if (col.count("prname")) row.proposal_name = io::TrimmedCopy(cell("prname").text);
    row.procedure = io::TrimmedCopy(cell("proc").text);
    row.council_rule = io::TrimmedCopy(cell("counvte").text);
    if (row.issue.empty()) {
      return RowError(path, line_no, cell("isnr").column, "column 'isnr' (issue code) is blank",
                      line);
    }
    if (row.procedure != "COD" && row.procedure != "CNS") {
      return RowError(path, line_no, cell("proc").column,
                      "column 'proc' must be COD or CNS, got '" + row.procedure + "'", line);
    }
    if (row.council_rule != "QMV" && row.council_rule != "Unan" && row.council_rule != "QMV(10)") {
      return RowError(
          path, line_no, cell("counvte").column,
          "column 'counvte' must be QMV, QMV(10) or Unan, got '" + row.council_rule + "'", line);
    }
    const auto date = ParseDeuDate(cell("intro").text);
    if (!date) {
      return RowError(
          path, line_no, cell("intro").column,
          "column 'intro' must be a date dd-mm-yy, got '" + io::TrimmedCopy(cell("intro").text) + "'", line);
    }
    row.intro = *date;
    for (const auto& c : codes) {
      std::optional<double> p, s;
      if (Status st = scaled("p" + c, &p); !st.ok()) return st;
      if (Status st = scaled("s" + c, &s); !st.ok()) return st;
      row.position.push_back(p);
      row.salience.push_back(s);
    }
    if (Status st = scaled("rp", &row.reference_point); !st.ok()) return st;
    if (Status st = scaled("out", &row.outcome); !st.ok()) return st;
    table.issues.push_back(std::move(row));
  }
  return table;
}

Result<DeuTable> LoadDeuCsv(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseDeuCsv(*text, path);
}

}  // namespace entente
