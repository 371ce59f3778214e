// Reader for Decide's actor/issue files; see include/entente/convert.h.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "entente/convert.h"

namespace entente {

namespace {

struct DecideCell {
  std::string text;
  int column = 1;  // 1-based column of the cell's first character
};

struct Line {
  int number = 0;
  std::string text;
  std::vector<DecideCell> cells;
};

std::string TrimSpacesAndCr(const std::string& s, std::size_t* lead) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  *lead = b;
  return s.substr(b, e - b);
}

// Splits on `sep`; strips surrounding spaces and one pair of matching quotes.
std::vector<DecideCell> SplitCells(const std::string& line, char sep) {
  std::vector<DecideCell> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(sep, start);
    const std::string raw = line.substr(start, end == std::string::npos ? end : end - start);
    std::size_t lead = 0;
    DecideCell c;
    c.text = TrimSpacesAndCr(raw, &lead);
    c.column = static_cast<int>(start + lead) + 1;
    if (c.text.size() >= 2 && (c.text.front() == '\'' || c.text.front() == '"') &&
        c.text.back() == c.text.front()) {
      c.text = c.text.substr(1, c.text.size() - 2);
      c.column += 1;
    }
    cells.push_back(c);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return cells;
}

class DecideReader {
 public:
  DecideReader(const std::string& text, const std::string& path) : text_(text), path_(path) {}

  Result<Scenario> Read();

 private:
  // "path:line:col: message" plus the line and a caret under the column.
  Status Error(const Line& line, int column, const std::string& message) const {
    std::string out = path_ + ":" + std::to_string(line.number) + ":" + std::to_string(column) +
                      ": " + message + "\n";
    const std::string num = std::to_string(line.number);
    out += "   " + num + " | " + line.text + "\n";
    out += "   " + std::string(num.size(), ' ') + " | " +
           std::string(static_cast<std::size_t>(std::max(column - 1, 0)), ' ') + "^";
    return Status::ParseError(out);
  }

  // The cell at `index`, or an error naming `what` when the row is too short or it is empty.
  Status Need(const Line& line, std::size_t index, const std::string& what) const {
    if (index < line.cells.size() && !line.cells[index].text.empty()) return Status::Ok();
    const int col = static_cast<int>(line.text.size()) + 1;
    return Error(line, col, "expected " + what + ", found end of row");
  }

  Status Number(const Line& line, std::size_t index, const std::string& what, double* out) const {
    Status s = Need(line, index, what);
    if (!s.ok()) return s;
    const DecideCell& c = line.cells[index];
    std::string t = c.text;
    std::replace(t.begin(), t.end(), ',', '.');  // decimal commas occur in Dutch exports
    char* end = nullptr;
    *out = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(*out))
      return Error(line, c.column, "expected " + what + " (a number), found '" + c.text + "'");
    return Status::Ok();
  }

  const std::string& text_;
  const std::string& path_;
};

struct PendingStance {
  Line line;
  std::size_t actor, issue;
  double position, salience, power;
};

Result<Scenario> DecideReader::Read() {
  // One separator for the whole file: tab if the first data row has one, else ';'.
  std::vector<Line> lines;
  {
    std::size_t pos = 0;
    int number = 0;
    while (pos <= text_.size()) {
      const std::size_t end = text_.find('\n', pos);
      Line l;
      l.number = ++number;
      l.text = text_.substr(pos, end == std::string::npos ? end : end - pos);
      if (!l.text.empty() && l.text.back() == '\r') l.text.pop_back();
      lines.push_back(l);
      if (end == std::string::npos) break;
      pos = end + 1;
    }
  }
  char sep = ';';
  for (const Line& l : lines) {
    if (l.text.find_first_not_of(" \t") == std::string::npos) continue;
    if (l.text.find('\t') != std::string::npos) sep = '\t';
    break;
  }
  Scenario s;
  s.path = path_;
  s.text = text_;
  std::map<std::string, std::size_t> actor_index, issue_index;
  std::vector<std::vector<std::pair<double, std::string>>> anchors;
  std::vector<PendingStance> stances;
  for (Line& line : lines) {
    if (line.text.find_first_not_of(" \t;") == std::string::npos) continue;
    line.cells = SplitCells(line.text, sep);
    const DecideCell& tag = line.cells[0];
    auto cell = [&](std::size_t k) {
      return k < line.cells.size() ? line.cells[k].text : std::string();
    };
    if (tag.text == "#/" || tag.text == "#0") {
      std::string comment;
      for (std::size_t k = 1; k < line.cells.size(); ++k)
        if (!line.cells[k].text.empty()) comment += (comment.empty() ? "" : "; ") + cell(k);
      if (!comment.empty())
        s.meta.description += (s.meta.description.empty() ? "" : "\n") + comment;
    } else if (tag.text == "#O") {
      s.meta.title = cell(1);
    } else if (tag.text == "#A" || tag.text == "#P") {
      const bool is_actor = tag.text == "#A";
      Status st = Need(line, 1, is_actor ? "an actor key" : "an issue key");
      if (!st.ok()) return st;
      const std::string key = cell(1);
      auto& index = is_actor ? actor_index : issue_index;
      if (index.count(key))
        return Error(line, line.cells[1].column,
                     std::string("duplicate ") + (is_actor ? "actor" : "issue") + " '" + key + "'");
      const std::string name = cell(2).empty() ? key : cell(2);
      if (is_actor) {
        Actor a;
        a.id = key;
        a.name = name;
        a.description = cell(3);
        a.capability = -1.0;  // set from the first #D row
        a.where = {path_, line.number, tag.column};
        index[key] = s.actors.size();
        s.actors.push_back(a);
      } else {
        Issue is;
        is.id = key;
        is.label = name;
        is.description = cell(3);
        is.where = {path_, line.number, tag.column};
        index[key] = s.issues.size();
        s.issues.push_back(is);
        anchors.emplace_back();
      }
    } else if (tag.text == "#M") {
      Status st = Need(line, 1, "an issue key");
      if (!st.ok()) return st;
      auto it = issue_index.find(cell(1));
      if (it == issue_index.end())
        return Error(line, line.cells[1].column,
                     "expected an issue declared by an earlier #P row, found '" + cell(1) + "'");
      double value = 0.0;
      st = Number(line, 2, "a scale position", &value);
      if (!st.ok()) return st;
      anchors[it->second].push_back({value, cell(3)});
    } else if (tag.text == "#D") {
      PendingStance p;
      p.line = line;
      Status st = Need(line, 1, "an actor key");
      if (!st.ok()) return st;
      auto a = actor_index.find(cell(1));
      if (a == actor_index.end())
        return Error(line, line.cells[1].column,
                     "expected an actor declared by an #A row, found '" + cell(1) + "'");
      st = Need(line, 2, "an issue key");
      if (!st.ok()) return st;
      auto i = issue_index.find(cell(2));
      if (i == issue_index.end())
        return Error(line, line.cells[2].column,
                     "expected an issue declared by a #P row, found '" + cell(2) + "'");
      p.actor = a->second;
      p.issue = i->second;
      if (!(st = Number(line, 3, "a position", &p.position)).ok()) return st;
      if (!(st = Number(line, 4, "a salience", &p.salience)).ok()) return st;
      if (!(st = Number(line, 5, "a power", &p.power)).ok()) return st;
      if (p.salience < 0.0 || p.salience > 100.0)
        return Error(line, line.cells[4].column,
                     "salience must be in [0, 1] (or 0-100), found '" + cell(4) + "'");
      if (p.power < 0.0)
        return Error(line, line.cells[5].column, "power must be >= 0, found '" + cell(5) + "'");
      stances.push_back(p);
    } else {
      return Error(line, tag.column,
                   "expected a row tag (#A, #P, #M, #D, #O, #/ or #0), found '" + tag.text + "'");
    }
  }
  if (s.actors.empty())
    return Status::ParseError(path_ + ":1:1: expected at least one actor (#A row), found none");
  if (s.issues.empty())
    return Status::ParseError(path_ + ":1:1: expected at least one issue (#P row), found none");
  for (std::size_t d = 0; d < s.issues.size(); ++d) {
    if (anchors[d].empty()) continue;  // 0-100 by default
    auto [lo, hi] = std::minmax_element(anchors[d].begin(), anchors[d].end());
    s.issues[d].scale_min = lo->first;
    s.issues[d].scale_max = hi->first;
    s.issues[d].min_label = lo->second;
    s.issues[d].max_label = hi->second;
  }
  const bool percent = std::any_of(stances.begin(), stances.end(),
                                   [](const PendingStance& p) { return p.salience > 1.0; });
  s.stances.assign(s.issues.size(), std::vector<std::optional<Stance>>(s.actors.size()));
  for (const PendingStance& p : stances) {
    const Issue& is = s.issues[p.issue];
    if (s.stances[p.issue][p.actor])
      return Error(p.line, p.line.cells[0].column,
                   "duplicate stance of '" + s.actors[p.actor].id + "' on '" + is.id + "'");
    if (p.position < is.scale_min || p.position > is.scale_max)
      return Error(p.line, p.line.cells[3].column,
                   "position of '" + s.actors[p.actor].id + "' on '" + is.id + "' " +
                       fmt::format("must be in [{}, {}], found {}", is.scale_min, is.scale_max,
                                   p.line.cells[3].text));
    Actor& actor = s.actors[p.actor];
    if (actor.capability < 0.0) actor.capability = p.power;
    Stance st;
    st.position = p.position;
    st.salience = percent ? p.salience / 100.0 : p.salience;
    if (p.power != actor.capability) st.capability = p.power;
    st.where = {path_, p.line.number, p.line.cells[0].column};
    st.source = path_;
    s.stances[p.issue][p.actor] = st;
  }
  for (Actor& a : s.actors)
    if (a.capability < 0.0) a.capability = 0.0;  // an actor with no stance at all
  return s;
}

}  // namespace

Result<Scenario> ImportDecide(const std::string& text, const std::string& path) {
  return DecideReader(text, path).Read();
}

}  // namespace entente
