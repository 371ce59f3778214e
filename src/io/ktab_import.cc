// KTAB SMP CSV importer (format: shared/models/spatial_pce.md, "CSV input"; KTAB's reader is
// examples/smp/libsrc/smpread.cpp:67-258).
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "io/trim.h"
#include "entente/convert.h"

namespace entente {
namespace {

struct Field {
  std::string text;
  int column = 1;  // 1-based column of the field's first character
};

// Splits one CSV line; fields may be double-quoted ("" inside quotes is a quote).
std::vector<Field> SplitLine(const std::string& line) {
  std::vector<Field> out;
  size_t i = 0;
  while (true) {
    Field f;
    f.column = static_cast<int>(i) + 1;
    size_t p = i;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
    if (p < line.size() && line[p] == '"') {
      ++p;
      while (p < line.size()) {
        if (line[p] == '"' && p + 1 < line.size() && line[p + 1] == '"') {
          f.text += '"';
          p += 2;
        } else if (line[p] == '"') {
          ++p;
          break;
        } else {
          f.text += line[p++];
        }
      }
      while (p < line.size() && line[p] != ',') ++p;
    } else {
      while (p < line.size() && line[p] != ',') f.text += line[p++];
      f.text = io::TrimmedCopy(f.text);
    }
    out.push_back(f);
    if (p >= line.size()) break;
    i = p + 1;
  }
  // KTAB's files end each line with a comma: drop one trailing empty field.
  if (out.size() > 1 && out.back().text.empty()) out.pop_back();
  return out;
}

Status Error(const std::string& path, int line, int col, const std::string& what) {
  return Status::ParseError(path + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " +
                            what);
}

bool ParseNumber(const std::string& s, double& out) {
  if (s.empty()) return false;
  errno = 0;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return errno == 0 && end == s.c_str() + s.size() && std::isfinite(out);
}

}  // namespace

Result<KtabImport> ImportKtabCsv(const std::string& text, const std::string& path) {
  std::vector<std::string> lines;
  {
    std::string cur;
    for (char c : text) {
      if (c == '\n') {
        lines.push_back(cur);
        cur.clear();
      } else if (c != '\r') {
        cur += c;
      }
    }
    if (!cur.empty()) lines.push_back(cur);
  }
  if (lines.empty()) return Error(path, 1, 1, "expected the KTAB title line, found an empty file");
  const std::vector<Field> title = SplitLine(lines[0]);
  if (title.size() < 4) {
    return Error(path, 1, 1,
                 "expected 'name, description, actors, dimensions', found " +
                     std::to_string(title.size()) + " field(s)");
  }
  double nd = 0.0, dd = 0.0;
  if (!ParseNumber(title[2].text, nd) || nd != std::floor(nd) || nd < 3 || nd > 250) {
    return Error(
        path, 1, title[2].column,
        "expected the number of actors (an integer in [3, 250]), found '" + title[2].text + "'");
  }
  if (!ParseNumber(title[3].text, dd) || dd != std::floor(dd) || dd < 1 || dd > 10000) {
    return Error(
        path, 1, title[3].column,
        "expected the number of dimensions (an integer >= 1), found '" + title[3].text + "'");
  }
  const int n = static_cast<int>(nd);
  const int d = static_cast<int>(dd);
  if (lines.size() < 2) return Error(path, 2, 1, "expected the header line, found end of file");
  const std::vector<Field> header = SplitLine(lines[1]);
  if (static_cast<int>(header.size()) < 3 + 2 * d) {
    return Error(path, 2, 1,
                 "expected a header with " + std::to_string(3 + 2 * d) + " columns, found " +
                     std::to_string(header.size()));
  }
  KtabImport out;
  Scenario& sc = out.scenario;
  sc.path = path;
  sc.text = text;
  sc.meta.title = title[0].text;
  sc.meta.description = title[1].text;
  for (int k = 0; k < d; ++k) {
    Issue issue;
    issue.id = header[3 + 2 * k].text;
    if (issue.id.empty()) issue.id = "dim" + std::to_string(k + 1);
    issue.label = issue.id;
    issue.scale_min = 0.0;
    issue.scale_max = 100.0;
    issue.where = {path, 2, header[3 + 2 * k].column};
    sc.issues.push_back(issue);
  }
  sc.stances.assign(d, std::vector<std::optional<Stance>>(n));
  for (int a = 0; a < n; ++a) {
    const int lineno = a + 3;
    if (static_cast<size_t>(a + 2) >= lines.size()) {
      return Error(
          path, lineno, 1,
          "expected " + std::to_string(n) + " actor rows, found only " + std::to_string(a));
    }
    const std::vector<Field> row = SplitLine(lines[a + 2]);
    if (static_cast<int>(row.size()) != 3 + 2 * d) {
      return Error(path, lineno, 1,
                   "expected " + std::to_string(3 + 2 * d) +
                       " fields (name, description, power, position and salience per "
                       "dimension), found " +
                       std::to_string(row.size()));
    }
    Actor actor;
    actor.id = row[0].text;
    actor.name = row[0].text;
    actor.description = row[1].text;
    actor.where = {path, lineno, row[0].column};
    if (actor.id.empty() || actor.id.size() > 25) {
      return Error(path, lineno, row[0].column,
                   "expected an actor name of 1-25 characters, found '" + actor.id + "'");
    }
    if (sc.FindActor(actor.id)) {
      return Error(path, lineno, row[0].column, "duplicate actor name '" + actor.id + "'");
    }
    if (!ParseNumber(row[2].text, actor.capability) || actor.capability < 0.0 ||
        actor.capability > 1e8) {
      return Error(path, lineno, row[2].column,
                   "expected a power in [0, 1e8], found '" + row[2].text + "'");
    }
    double total = 0.0;
    for (int k = 0; k < d; ++k) {
      const Field& fp = row[3 + 2 * k];
      const Field& fs = row[4 + 2 * k];
      double p = 0.0, s = 0.0;
      if (!ParseNumber(fp.text, p) || p < 0.0 || p > 100.0) {
        return Error(path, lineno, fp.column,
                     "expected a position in [0, 100], found '" + fp.text + "'");
      }
      if (!ParseNumber(fs.text, s) || s < 0.0 || s > 100.0) {
        return Error(path, lineno, fs.column,
                     "expected a salience in [0, 100], found '" + fs.text + "'");
      }
      total += s;
      Stance st;
      st.position = p;
      st.salience = s / 100.0;  // KTAB divides by 100 (smpread.cpp:249-250)
      st.where = {path, lineno, fp.column};
      sc.stances[k][a] = st;
    }
    if (total > 100.0 + 1e-9) {
      return Error(path, lineno, row[4].column,
                   "expected saliences summing to at most 100, found " + std::to_string(total));
    }
    sc.actors.push_back(actor);
  }
  return out;
}

}  // namespace entente
