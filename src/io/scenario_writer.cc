#include "entente/scenario_writer.h"

#include <fmt/format.h>

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace entente {

namespace {

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// A YAML double-quoted scalar: always safe, whatever the text holds.
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += fmt::format("\\x{:02x}", c);
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

// The shortest text that reads back to the same double (fmt's default for doubles).
std::string Number(double v) { return fmt::format("{}", v); }

std::string NumberList(const std::vector<double>& values) {
  std::string out;
  for (const double v : values) out += (out.empty() ? "" : ", ") + Number(v);
  return "[" + out + "]";
}

// An uncertain input's distribution in the syntax of docs/formats/scenario.md.
std::string DistributionYaml(const Distribution& d) {
  switch (d.kind) {
    case Distribution::Kind::kUniform:
      return "{uniform: " + NumberList({d.low, d.high}) + "}";
    case Distribution::Kind::kTriangular:
      return "{triangular: " + NumberList({d.low, d.mode, d.high}) + "}";
    case Distribution::Kind::kNormal:
      return "{normal: " + NumberList({d.mean, d.sd}) + "}";
    case Distribution::Kind::kExperts:
      return "{experts: " + NumberList(d.estimates) + (d.bootstrap ? ", bootstrap: true}" : "}");
  }
  return "";
}

// The value as the file should say it: the distribution the scenario gives for this field of
// this actor (and issue), else the number.
std::string Value(const Scenario& scenario, const std::string& actor, const std::string& issue,
                  UncertainInput::Field field, double value) {
  for (const UncertainInput& u : scenario.uncertain) {
    if (u.field == field && u.actor == actor && u.issue == issue) {
      return DistributionYaml(u.distribution);
    }
  }
  return Number(value);
}

std::string CommentBlock(const std::string& comment) {
  if (comment.empty()) return "";
  std::string out;
  std::size_t start = 0;
  while (start <= comment.size()) {
    std::size_t end = comment.find('\n', start);
    if (end == std::string::npos) end = comment.size();
    const std::string line = comment.substr(start, end - start);
    out += line.empty() ? "#\n" : "# " + line + "\n";
    start = end + 1;
  }
  return out;
}

// YAML issue ids for every issue, sanitized and made unique, in issue order.
std::vector<std::string> IssueIds(const Scenario& scenario) {
  std::vector<std::string> ids;
  std::set<std::string> used;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    std::string base = YamlIssueId(scenario.issues[k].id);
    if (base.empty()) base = "issue" + std::to_string(k + 1);
    std::string id = base;
    for (int n = 2; used.count(id) != 0; ++n) id = base + "-" + std::to_string(n);
    used.insert(id);
    ids.push_back(id);
  }
  return ids;
}

bool HasStance(const Scenario& scenario, std::size_t issue) {
  if (issue >= scenario.stances.size()) return false;
  for (const std::optional<Stance>& s : scenario.stances[issue]) {
    if (s) return true;
  }
  return false;
}

void WriteIssue(const Issue& issue, const std::string& id, std::string* out) {
  *out += fmt::format("  - id: {}\n", id);
  *out += fmt::format("    label: {}\n", Quote(issue.label.empty() ? issue.id : issue.label));
  if (!issue.description.empty()) {
    *out += fmt::format("    description: {}\n", Quote(issue.description));
  }
  *out += fmt::format("    scale: {{min: {}, max: {}", Number(issue.scale_min),
                      Number(issue.scale_max));
  if (!issue.min_label.empty()) *out += ", min_label: " + Quote(issue.min_label);
  if (!issue.max_label.empty()) *out += ", max_label: " + Quote(issue.max_label);
  *out += "}\n";
  if (issue.status_quo) *out += fmt::format("    status_quo: {}\n", Number(*issue.status_quo));
  if (issue.outcome) {
    *out += fmt::format("    outcome: {{value: {}", Number(*issue.outcome));
    if (!issue.outcome_note.empty()) *out += ", note: " + Quote(issue.outcome_note);
    if (!issue.outcome_source.empty()) *out += ", source: " + Quote(issue.outcome_source);
    *out += "}\n";
  }
}

Status WriteActor(const Scenario& scenario, std::size_t a, const std::vector<std::string>& ids,
                  std::string* out) {
  const Actor& actor = scenario.actors[a];
  *out += fmt::format("  - id: {}\n", Quote(actor.id));
  *out += fmt::format("    name: {}\n", Quote(actor.name.empty() ? actor.id : actor.name));
  if (!actor.description.empty()) {
    *out += fmt::format("    description: {}\n", Quote(actor.description));
  }
  *out += fmt::format(
      "    capability: {}\n",
      Value(scenario, actor.id, "", UncertainInput::Field::kCapability, actor.capability));
  if (!actor.capability_source.empty()) {
    *out += fmt::format("    capability_source: {}\n", Quote(actor.capability_source));
  }
  if (actor.role == Role::kOutsider) *out += "    role: outsider\n";
  if (actor.veto) *out += "    veto: true\n";
  std::string stances;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    if (k >= scenario.stances.size() || a >= scenario.stances[k].size()) continue;
    const std::optional<Stance>& s = scenario.stances[k][a];
    if (!s) continue;
    if (s->capability && *s->capability != actor.capability) {
      return Status::InvalidArgument(
          "actor '" + actor.id + "' has a capability of its own on issue '" +
          scenario.issues[k].id +
          "'; scenario YAML has one capability per actor, so it cannot be written faithfully");
    }
    const std::string& issue = scenario.issues[k].id;
    const std::string position =
        Value(scenario, actor.id, issue, UncertainInput::Field::kPosition, s->position);
    const std::string salience =
        Value(scenario, actor.id, issue, UncertainInput::Field::kSalience, s->salience);
    if (s->source.empty() && s->note.empty()) {
      stances += fmt::format("      {}: [{}, {}]\n", ids[k], position, salience);
      continue;
    }
    stances += fmt::format("      {}: {{position: {}, salience: {}", ids[k], position, salience);
    if (!s->source.empty()) stances += ", source: " + Quote(s->source);
    if (!s->note.empty()) stances += ", note: " + Quote(s->note);
    stances += "}\n";
  }
  *out += stances.empty() ? "    stances: {}\n" : "    stances:\n" + stances;
  return Status::Ok();
}

void WriteEvent(const Event& event, const std::map<std::string, std::string>& issue_ids,
                std::string* out) {
  *out += fmt::format("  - id: {}\n", Quote(event.id));
  *out += fmt::format("    label: {}\n", Quote(event.label));
  if (!event.date.empty()) *out += fmt::format("    date: {}\n", event.date);
  if (!event.description.empty()) {
    *out += fmt::format("    description: {}\n", Quote(event.description));
  }
  if (!event.source.empty()) *out += fmt::format("    source: {}\n", Quote(event.source));
  if (event.round != 0) *out += fmt::format("    round: {}\n", event.round);
  if (!event.enabled) *out += "    enabled: false\n";
  *out += "    changes:\n";
  for (const EventChange& c : event.changes) {
    const char* field = c.field == EventChange::Field::kCapability ? "capability"
                        : c.field == EventChange::Field::kPosition ? "position"
                                                                   : "salience";
    const char* op = c.op == EventChange::Op::kSet     ? "set"
                     : c.op == EventChange::Op::kShift ? "shift"
                                                       : "scale";
    *out += "      - {actor: " + Quote(c.actor);
    if (!c.issue.empty()) {
      const auto it = issue_ids.find(c.issue);
      *out += ", issue: " + (it == issue_ids.end() ? Quote(c.issue) : it->second);
    }
    *out += fmt::format(", {}: {{{}: {}}}}}\n", field, op, Number(c.value));
  }
}

}  // namespace

std::string YamlIssueId(const std::string& id) {
  std::string out;
  for (const char ch : id) {
    const char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    out += IsIdChar(c) ? c : '-';
  }
  return out;
}

Result<std::string> FormatScenarioYaml(const Scenario& scenario, const std::string& comment) {
  if (scenario.meta.title.empty()) {
    return Status::InvalidArgument("the scenario has no title; scenario YAML requires one");
  }
  const std::vector<std::string> ids = IssueIds(scenario);
  std::map<std::string, std::string> issue_ids;
  for (std::size_t k = 0; k < ids.size(); ++k) issue_ids[scenario.issues[k].id] = ids[k];

  std::string out = CommentBlock(comment);
  out += "entente: 1\n";
  out += "title: " + Quote(scenario.meta.title) + "\n";
  if (!scenario.meta.date.empty()) out += "date: " + scenario.meta.date + "\n";
  if (!scenario.meta.description.empty()) {
    out += "description: " + Quote(scenario.meta.description) + "\n";
  }
  if (!scenario.meta.sources.empty()) {
    out += "sources:\n";
    for (const std::string& s : scenario.meta.sources) out += "  - " + Quote(s) + "\n";
  }
  out += "salience_scale: unit\n";
  if (!scenario.decision_rule.empty()) out += "decision_rule: " + scenario.decision_rule + "\n";

  out += "\nissues:\n";
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    if (HasStance(scenario, k)) {
      WriteIssue(scenario.issues[k], ids[k], &out);
    } else {
      out += "  # left out: issue " + Quote(scenario.issues[k].id) +
             " (no actor has a stance on it)\n";
    }
  }
  out += "\nactors:\n";
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    if (a != 0) out += "\n";
    if (Status s = WriteActor(scenario, a, ids, &out); !s.ok()) return s;
  }
  if (!scenario.events.empty()) {
    out += "\nevents:\n";
    for (const Event& e : scenario.events) WriteEvent(e, issue_ids, &out);
  }
  return out;
}

}  // namespace entente
