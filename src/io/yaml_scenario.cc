// ParseScenarioYaml: the scenario YAML format of docs/formats/scenario.md.
//
// The reader walks the document once, top-down, and stops at the first problem, which it
// reports with file, line, column, the field in words, what was expected and what was found.
// Order of work: header fields, issues, actors with their stances, events, then the checks that
// need everything (every issue has a stance and some weight, at least two actors).
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "entente/io.h"
#include "io/diagnostic.h"
#include "io/scenario_keys.h"
#include "io/yaml_distribution.h"
#include "io/yaml_fields.h"
#include "io/yaml_flow_guard.h"

namespace entente {
namespace io {
namespace {

// Events and their changes are bounded only by the file size limit.
constexpr std::size_t kNoLimit = std::numeric_limits<std::size_t>::max();


std::string Interval(double lo, double hi) {
  return "[" + FormatNumber(lo) + ", " + FormatNumber(hi) + "]";
}

bool IsIssueId(std::string_view id) {
  if (id.empty()) return false;
  for (const char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

// "issue 'timing'" when the item is a mapping with a plain `id`, else "issue #2".
std::string ItemName(std::string_view kind, std::size_t index, const YAML::Node& node) {
  if (node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == "id" && it->second.IsScalar() &&
          !it->second.Scalar().empty()) {
        return std::string(kind) + " " + Quoted(it->second.Scalar());
      }
    }
  }
  return std::string(kind) + " #" + std::to_string(index + 1);
}

class ScenarioReader {
 public:
  ScenarioReader(const YamlFile& file, const LoadLimits& limits) : file_(file), limits_(limits) {}

  Status Read(const YAML::Node& root, Scenario* scenario);

 private:
  SourceLocation Locate(const YAML::Mark& mark) const;
  Status ReadHeader(const YamlMap& top, Scenario* scenario);
  // A non-empty list of at most `limit` items under `entry`.
  Status CheckList(const YamlEntry& entry, std::string_view noun, std::size_t minimum,
                   std::size_t limit);
  Status ReadIssue(const YAML::Node& node, std::size_t index, const Scenario& scenario,
                   Issue* issue);
  Status ReadActor(const YAML::Node& node, std::size_t index, Scenario* scenario);
  Status ReadStance(const YamlEntry& entry, const Actor& actor, const Issue& issue, Stance* stance);
  Status ReadEvent(const YAML::Node& node, std::size_t index, const Scenario& scenario,
                   Event* event);
  Status ReadChange(const YAML::Node& node, const std::string& what, const Scenario& scenario,
                    EventChange* change);
  Status CheckIssueWeights(const Scenario& scenario);
  // Actor `votes` and the top-level `quota` of the qualified-majority rule.
  Status CheckVotes(const Scenario& scenario);
  Status CheckInScale(const YamlEntry& entry, const std::string& field, double value, double lo,
                      double hi);
  // Records an input given as a distribution (Scenario::uncertain, file order).
  void AddUncertain(const std::string& actor, const std::string& issue, UncertainInput::Field field,
                    Distribution distribution, const YAML::Mark& mark);

  std::optional<std::size_t> IssueIndex(const std::string& id) const;
  std::optional<std::size_t> ActorIndex(const std::string& id) const;

  const YamlFile& file_;
  const LoadLimits& limits_;
  // Id -> index, so that large scenarios load in linear time.
  std::unordered_map<std::string, std::size_t> issue_index_;
  std::unordered_map<std::string, std::size_t> actor_index_;
  double salience_max_ = 1.0;  // 100 under `salience_scale: percent`
  std::vector<YAML::Mark> issue_marks_;
  std::vector<YAML::Mark> actor_marks_;
  YAML::Mark rule_mark_, quota_mark_;  // of `decision_rule` and `quota`, for CheckVotes
  std::vector<UncertainInput> uncertain_;
};

void ScenarioReader::AddUncertain(const std::string& actor, const std::string& issue,
                                  UncertainInput::Field field, Distribution distribution,
                                  const YAML::Mark& mark) {
  UncertainInput input;
  input.actor = actor;
  input.issue = issue;
  input.field = field;
  input.distribution = std::move(distribution);
  input.where = Locate(mark);
  uncertain_.push_back(std::move(input));
}

std::optional<std::size_t> ScenarioReader::IssueIndex(const std::string& id) const {
  const auto it = issue_index_.find(id);
  if (it == issue_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> ScenarioReader::ActorIndex(const std::string& id) const {
  const auto it = actor_index_.find(id);
  if (it == actor_index_.end()) return std::nullopt;
  return it->second;
}

SourceLocation ScenarioReader::Locate(const YAML::Mark& mark) const {
  SourceLocation where;
  where.file = std::string(file_.path());
  if (mark.is_null()) return where;
  where.line = mark.line + 1;
  // Columns count characters, as in diagnostics.
  const std::string_view line = file_.Line(where.line);
  where.column =
      CountCodePoints(line.substr(0, std::min<std::size_t>(line.size(), mark.column))) + 1;
  return where;
}

Status ScenarioReader::CheckInScale(const YamlEntry& entry, const std::string& field, double value,
                                    double lo, double hi) {
  if (value >= lo && value <= hi) return Status::Ok();
  return file_.Error(entry.mark(),
                     field + " must be in " + Interval(lo, hi) + ", got " + FormatNumber(value));
}

Status ScenarioReader::CheckList(const YamlEntry& entry, std::string_view noun, std::size_t minimum,
                                 std::size_t limit) {
  const std::string key = Quoted(entry.key);
  if (!entry.value.IsSequence()) {
    return file_.Error(entry.mark(), key + ": expected a list of " + std::string(noun) + ", got " +
                                         DescribeNode(entry.value));
  }
  if (entry.value.size() > limit) {
    return Status(
        StatusCode::kLimitExceeded,
        FormatDiagnostic(file_.path(), file_.text(),
                         TextPosition{entry.key_mark.line + 1, entry.key_mark.column + 1},
                         key + " lists " + std::to_string(entry.value.size()) + " " +
                             std::string(noun) + ", over the limit of " + std::to_string(limit) +
                             " (raise it with --max-" + std::string(noun) + ")"));
  }
  if (entry.value.size() < minimum) {
    return file_.Error(entry.key_mark,
                       key + " must list at least " + (minimum == 1 ? std::string("one") : "two") +
                           " " +
                           std::string(minimum == 1 ? noun.substr(0, noun.size() - 1) : noun) +
                           ", got " + std::to_string(entry.value.size()));
  }
  return Status::Ok();
}

Status ScenarioReader::Read(const YAML::Node& root, Scenario* scenario) {
  if (root.IsNull()) {
    return file_.ErrorAt(TextPosition{1, 1},
                         "file is empty; expected a scenario with 'entente', 'title', 'issues' "
                         "and 'actors'");
  }
  Result<YamlMap> top = YamlMap::Read(file_, root, YAML::Mark(), "the scenario", kTopLevelKeys);
  if (!top.ok()) return top.status();
  if (Status s = ReadHeader(*top, scenario); !s.ok()) return s;

  Result<const YamlEntry*> issues = top->Require("issues");
  if (!issues.ok()) return issues.status();
  if (Status s = CheckList(**issues, "issues", 1, limits_.max_issues); !s.ok()) return s;
  std::size_t index = 0;
  for (const YAML::Node& node : (*issues)->value) {
    Issue issue;
    if (Status s = ReadIssue(node, index++, *scenario, &issue); !s.ok()) return s;
    issue_marks_.push_back(node.Mark());
    issue_index_.emplace(issue.id, scenario->issues.size());
    scenario->issues.push_back(std::move(issue));
  }

  Result<const YamlEntry*> actors = top->Require("actors");
  if (!actors.ok()) return actors.status();
  if (Status s = CheckList(**actors, "actors", 2, limits_.max_actors); !s.ok()) return s;
  scenario->stances.assign(scenario->issues.size(), {});
  index = 0;
  for (const YAML::Node& node : (*actors)->value) {
    if (Status s = ReadActor(node, index++, scenario); !s.ok()) return s;
    actor_marks_.push_back(node.Mark());
  }

  if (const YamlEntry* events = top->Find("events")) {
    if (Status s = CheckList(*events, "events", 0, kNoLimit); !s.ok()) return s;
    index = 0;
    for (const YAML::Node& node : events->value) {
      Event event;
      if (Status s = ReadEvent(node, index++, *scenario, &event); !s.ok()) return s;
      scenario->events.push_back(std::move(event));
    }
  }
  if (Status s = CheckVotes(*scenario); !s.ok()) return s;
  scenario->uncertain = std::move(uncertain_);
  return CheckIssueWeights(*scenario);
}

Status ScenarioReader::CheckVotes(const Scenario& scenario) {
  // Vote weights are all or nothing among the members, so that no member silently gets 0 or 1.
  const Actor* first = nullptr;
  double total = 0.0;
  std::size_t members = 0;
  for (const Actor& a : scenario.actors) {
    if (a.role != Role::kMember) continue;
    ++members;
    if (a.votes && first == nullptr) first = &a;
    total += a.votes.value_or(0.0);
  }
  if (first != nullptr) {
    for (std::size_t i = 0; i < scenario.actors.size(); ++i) {
      const Actor& a = scenario.actors[i];
      if (a.role != Role::kMember || a.votes) continue;
      return file_.Error(actor_marks_[i],
                         "actor " + Quoted(a.id) + " has no 'votes'; when one member has them (" +
                             Quoted(first->id) + ", line " + std::to_string(first->where.line) +
                             "), every member needs them");
    }
  } else {
    total = static_cast<double>(members);  // one vote per member
  }
  if (scenario.quota && *scenario.quota > total) {
    return file_.Error(quota_mark_, "'quota' " + FormatNumber(*scenario.quota) +
                                        " exceeds the members' total votes " + FormatNumber(total) +
                                        "; no proposal could ever pass");
  }
  if (scenario.decision_rule == "qualified-majority" && !scenario.quota) {
    return file_.Error(rule_mark_,
                       "'decision_rule' qualified-majority needs a top-level 'quota': the votes a "
                       "proposal needs (e.g. 255 of the 345 Nice votes)");
  }
  return Status::Ok();
}

Status ScenarioReader::ReadHeader(const YamlMap& top, Scenario* scenario) {
  Result<const YamlEntry*> version = top.Require("entente");
  if (!version.ok()) return version.status();
  long long v = 0;
  if (Status s = ReadInteger(file_, (*version)->value, (*version)->mark(),
                             "format version "
                             "'entente'",
                             &v);
      !s.ok()) {
    return s;
  }
  if (v != 1) {
    return file_.Error((*version)->mark(),
                       "unsupported format version 'entente': expected 1, "
                       "got " +
                           std::to_string(v));
  }
  Result<const YamlEntry*> title = top.Require("title");
  if (!title.ok()) return title.status();
  if (Status s = ReadString(file_, **title, "'title'", &scenario->meta.title); !s.ok()) return s;
  if (scenario->meta.title.empty()) {
    return file_.Error((*title)->mark(), "'title' must not be empty");
  }
  if (const YamlEntry* e = top.Find("date")) {
    if (Status s = ReadDate(file_, e->value, e->mark(), "'date'", &scenario->meta.date); !s.ok())
      return s;
  }
  if (const YamlEntry* e = top.Find("description")) {
    if (Status s = ReadString(file_, *e, "'description'", &scenario->meta.description); !s.ok())
      return s;
  }
  if (const YamlEntry* e = top.Find("sources")) {
    if (Status s = ReadStringList(file_, e->value, e->mark(), "'sources'", &scenario->meta.sources);
        !s.ok())
      return s;
  }
  if (const YamlEntry* e = top.Find("salience_scale")) {
    std::string scale;
    if (Status s =
            ReadChoice(file_, e->value, e->mark(), "'salience_scale'", kSalienceScales, &scale);
        !s.ok())
      return s;
    salience_max_ = scale == "percent" ? 100.0 : 1.0;
  }
  if (const YamlEntry* e = top.Find("decision_rule")) {
    if (Status s = ReadChoice(file_, e->value, e->mark(), "'decision_rule'", kDecisionRules,
                              &scenario->decision_rule);
        !s.ok())
      return s;
    rule_mark_ = e->mark();
  }
  if (const YamlEntry* e = top.Find("quota")) {
    double quota = 0.0;
    if (Status s = ReadNumber(file_, *e, "'quota'", &quota); !s.ok()) return s;
    if (!(quota > 0.0)) {
      return file_.Error(e->mark(), "'quota' must be > 0, got " + FormatNumber(quota));
    }
    scenario->quota = quota;
    quota_mark_ = e->mark();
  }
  return Status::Ok();
}

Status ScenarioReader::ReadIssue(const YAML::Node& node, std::size_t index,
                                 const Scenario& scenario, Issue* issue) {
  const std::string name = ItemName("issue", index, node);
  Result<YamlMap> map = YamlMap::Read(file_, node, node.Mark(), name, kIssueKeys);
  if (!map.ok()) return map.status();
  issue->where = Locate(node.Mark());

  Result<const YamlEntry*> id = map->Require("id");
  if (!id.ok()) return id.status();
  if (Status s = ReadString(file_, **id, "id of " + name, &issue->id); !s.ok()) return s;
  if (!IsIssueId(issue->id)) {
    return file_.Error((*id)->mark(), "id of " + name +
                                          ": expected lower-case letters, digits, '_' or '-', "
                                          "got " +
                                          Quoted(issue->id));
  }
  if (const auto first = IssueIndex(issue->id)) {
    return file_.Error((*id)->mark(), "duplicate issue id " + Quoted(issue->id) +
                                          " (first declared on line " +
                                          std::to_string(scenario.issues[*first].where.line) + ")");
  }
  const std::string what = "issue " + Quoted(issue->id);
  Result<const YamlEntry*> label = map->Require("label");
  if (!label.ok()) return label.status();
  if (Status s = ReadString(file_, **label, "label of " + what, &issue->label); !s.ok()) return s;
  if (const YamlEntry* e = map->Find("description")) {
    if (Status s = ReadString(file_, *e, "description of " + what, &issue->description); !s.ok())
      return s;
  }

  Result<const YamlEntry*> scale_entry = map->Require("scale");
  if (!scale_entry.ok()) return scale_entry.status();
  const std::string scale_what = "scale of " + what;
  Result<YamlMap> scale =
      YamlMap::Read(file_, (*scale_entry)->value, (*scale_entry)->mark(), scale_what, kScaleKeys);
  if (!scale.ok()) return scale.status();
  Result<const YamlEntry*> lo = scale->Require("min");
  if (!lo.ok()) return lo.status();
  if (Status s = ReadNumber(file_, **lo, "min of the " + scale_what, &issue->scale_min); !s.ok())
    return s;
  Result<const YamlEntry*> hi = scale->Require("max");
  if (!hi.ok()) return hi.status();
  if (Status s = ReadNumber(file_, **hi, "max of the " + scale_what, &issue->scale_max); !s.ok())
    return s;
  if (!(issue->scale_max > issue->scale_min)) {
    return file_.Error((*hi)->mark(), scale_what + ": max must be greater than min, got min " +
                                          FormatNumber(issue->scale_min) + " and max " +
                                          FormatNumber(issue->scale_max));
  }
  if (const YamlEntry* e = scale->Find("min_label")) {
    if (Status s = ReadString(file_, *e, "min_label of the " + scale_what, &issue->min_label);
        !s.ok())
      return s;
  }
  if (const YamlEntry* e = scale->Find("max_label")) {
    if (Status s = ReadString(file_, *e, "max_label of the " + scale_what, &issue->max_label);
        !s.ok())
      return s;
  }

  if (const YamlEntry* e = map->Find("status_quo")) {
    double sq = 0.0;
    if (Status s = ReadNumber(file_, *e, "status_quo of " + what, &sq); !s.ok()) return s;
    if (Status s =
            CheckInScale(*e, "status_quo of " + what, sq, issue->scale_min, issue->scale_max);
        !s.ok())
      return s;
    issue->status_quo = sq;
  }
  if (const YamlEntry* e = map->Find("outcome")) {
    const std::string outcome_what = "outcome of " + what;
    Result<YamlMap> outcome = YamlMap::Read(file_, e->value, e->mark(), outcome_what, kOutcomeKeys);
    if (!outcome.ok()) return outcome.status();
    Result<const YamlEntry*> value = outcome->Require("value");
    if (!value.ok()) return value.status();
    double v = 0.0;
    if (Status s = ReadNumber(file_, **value, "value of the " + outcome_what, &v); !s.ok())
      return s;
    if (Status s = CheckInScale(**value, "value of the " + outcome_what, v, issue->scale_min,
                                issue->scale_max);
        !s.ok())
      return s;
    issue->outcome = v;
    if (const YamlEntry* n = outcome->Find("note")) {
      if (Status s = ReadString(file_, *n, "note of the " + outcome_what, &issue->outcome_note);
          !s.ok())
        return s;
    }
    if (const YamlEntry* n = outcome->Find("source")) {
      if (Status s = ReadString(file_, *n, "source of the " + outcome_what, &issue->outcome_source);
          !s.ok())
        return s;
    }
  }
  return Status::Ok();
}

Status ScenarioReader::ReadActor(const YAML::Node& node, std::size_t index, Scenario* scenario) {
  const std::string name = ItemName("actor", index, node);
  Result<YamlMap> map = YamlMap::Read(file_, node, node.Mark(), name, kActorKeys);
  if (!map.ok()) return map.status();
  Actor actor;
  actor.where = Locate(node.Mark());

  Result<const YamlEntry*> id = map->Require("id");
  if (!id.ok()) return id.status();
  if (Status s = ReadString(file_, **id, "id of " + name, &actor.id); !s.ok()) return s;
  if (actor.id.empty()) return file_.Error((*id)->mark(), "id of " + name + " must not be empty");
  if (const auto first = ActorIndex(actor.id)) {
    return file_.Error((*id)->mark(),
                       "duplicate actor id " + Quoted(actor.id) + " (first declared on line " +
                           std::to_string(scenario->actors[*first].where.line) + ")");
  }
  const std::string who = Quoted(actor.id);
  Result<const YamlEntry*> display = map->Require("name");
  if (!display.ok()) return display.status();
  if (Status s = ReadString(file_, **display, "name of " + who, &actor.name); !s.ok()) return s;

  Result<const YamlEntry*> capability = map->Require("capability");
  if (!capability.ok()) return capability.status();
  std::optional<Distribution> capability_distribution;
  if (Status s = ReadUncertainNumber(file_, **capability, "capability of " + who,
                                     FieldRange{0.0, std::numeric_limits<double>::infinity()},
                                     &actor.capability, &capability_distribution);
      !s.ok())
    return s;
  if (capability_distribution) {
    AddUncertain(actor.id, "", UncertainInput::Field::kCapability,
                 std::move(*capability_distribution), (*capability)->mark());
  }
  if (actor.capability < 0) {
    return file_.Error((*capability)->mark(), "capability of " + who + " must be >= 0, got " +
                                                  FormatNumber(actor.capability));
  }
  if (const YamlEntry* e = map->Find("capability_source")) {
    if (Status s = ReadString(file_, *e, "capability_source of " + who, &actor.capability_source);
        !s.ok())
      return s;
  }
  if (const YamlEntry* e = map->Find("role")) {
    std::string role;
    if (Status s = ReadChoice(file_, e->value, e->mark(), "role of " + who, kRoles, &role); !s.ok())
      return s;
    actor.role = role == "outsider" ? Role::kOutsider : Role::kMember;
  }
  if (const YamlEntry* e = map->Find("veto")) {
    if (Status s = ReadBool(file_, e->value, e->mark(), "veto of " + who, &actor.veto); !s.ok())
      return s;
  }
  if (const YamlEntry* e = map->Find("votes")) {
    double votes = 0.0;
    if (Status s = ReadNumber(file_, *e, "votes of " + who, &votes); !s.ok()) return s;
    if (votes < 0) {
      return file_.Error(e->mark(),
                         "votes of " + who + " must be >= 0, got " + FormatNumber(votes));
    }
    if (actor.role == Role::kOutsider) {
      return file_.Error(e->mark(), "votes of " + who +
                                        ": an outsider never votes; remove 'votes' or make it a "
                                        "member");
    }
    actor.votes = votes;
  }
  if (const YamlEntry* e = map->Find("description")) {
    if (Status s = ReadString(file_, *e, "description of " + who, &actor.description); !s.ok())
      return s;
  }

  Result<const YamlEntry*> stances_entry = map->Require("stances");
  if (!stances_entry.ok()) return stances_entry.status();
  Result<YamlMap> stances = YamlMap::ReadOpen(file_, (*stances_entry)->value,
                                              (*stances_entry)->mark(), "stances of " + who);
  if (!stances.ok()) return stances.status();
  const std::size_t a = scenario->actors.size();
  for (auto& row : scenario->stances) row.emplace_back();
  for (const YamlEntry& entry : stances->entries()) {
    const auto i = IssueIndex(entry.key);
    if (!i) {
      std::vector<std::string_view> issue_ids;
      for (const Issue& issue : scenario->issues) issue_ids.push_back(issue.id);
      return file_.Error(entry.key_mark, "stance of " + who + " names undeclared issue " +
                                             Quoted(entry.key) + DidYouMean(entry.key, issue_ids));
    }
    Stance stance;
    if (Status s = ReadStance(entry, actor, scenario->issues[*i], &stance); !s.ok()) return s;
    scenario->stances[*i][a] = std::move(stance);
  }
  actor_index_.emplace(actor.id, a);
  scenario->actors.push_back(std::move(actor));
  return Status::Ok();
}

Status ScenarioReader::ReadStance(const YamlEntry& entry, const Actor& actor, const Issue& issue,
                                  Stance* stance) {
  const std::string of = " of " + Quoted(actor.id) + " on " + Quoted(issue.id);
  stance->where = Locate(entry.key_mark);
  YamlEntry position, salience;
  if (entry.value.IsSequence()) {
    // Short form: [position, salience].
    if (entry.value.size() != 2) {
      return file_.Error(entry.mark(), "stance" + of +
                                           ": expected [position, salience], got a "
                                           "list of " +
                                           std::to_string(entry.value.size()) +
                                           (entry.value.size() == 1 ? " item" : " items"));
    }
    position = YamlEntry{"position", entry.key_mark, entry.value[0]};
    salience = YamlEntry{"salience", entry.key_mark, entry.value[1]};
  } else {
    Result<YamlMap> map =
        YamlMap::Read(file_, entry.value, entry.mark(), "stance" + of, kStanceKeys);
    if (!map.ok()) return map.status();
    Result<const YamlEntry*> p = map->Require("position");
    if (!p.ok()) return p.status();
    Result<const YamlEntry*> s = map->Require("salience");
    if (!s.ok()) return s.status();
    position = **p;
    salience = **s;
    if (const YamlEntry* e = map->Find("source")) {
      if (Status st = ReadString(file_, *e, "source of the stance" + of, &stance->source); !st.ok())
        return st;
    }
    if (const YamlEntry* e = map->Find("note")) {
      if (Status st = ReadString(file_, *e, "note of the stance" + of, &stance->note); !st.ok())
        return st;
    }
  }
  // Either number may be a distribution (yaml_distribution.h); the stance then holds its centre.
  std::optional<Distribution> position_distribution, salience_distribution;
  if (Status s = ReadUncertainNumber(file_, position, "position" + of,
                                     FieldRange{issue.scale_min, issue.scale_max},
                                     &stance->position, &position_distribution);
      !s.ok())
    return s;
  if (Status s = CheckInScale(position, "position" + of, stance->position, issue.scale_min,
                              issue.scale_max);
      !s.ok())
    return s;
  if (Status s =
          ReadUncertainNumber(file_, salience, "salience" + of, FieldRange{0.0, salience_max_},
                              &stance->salience, &salience_distribution);
      !s.ok())
    return s;
  if (Status s = CheckInScale(salience, "salience" + of, stance->salience, 0.0, salience_max_);
      !s.ok())
    return s;
  stance->salience /= salience_max_;
  if (position_distribution) {
    AddUncertain(actor.id, issue.id, UncertainInput::Field::kPosition,
                 std::move(*position_distribution), position.mark());
  }
  if (salience_distribution) {
    ScaleDistribution(&*salience_distribution, salience_max_);
    AddUncertain(actor.id, issue.id, UncertainInput::Field::kSalience,
                 std::move(*salience_distribution), salience.mark());
  }
  return Status::Ok();
}

Status ScenarioReader::ReadEvent(const YAML::Node& node, std::size_t index,
                                 const Scenario& scenario, Event* event) {
  const std::string name = ItemName("event", index, node);
  Result<YamlMap> map = YamlMap::Read(file_, node, node.Mark(), name, kEventKeys);
  if (!map.ok()) return map.status();
  event->where = Locate(node.Mark());
  Result<const YamlEntry*> id = map->Require("id");
  if (!id.ok()) return id.status();
  if (Status s = ReadString(file_, **id, "id of " + name, &event->id); !s.ok()) return s;
  if (event->id.empty()) return file_.Error((*id)->mark(), "id of " + name + " must not be empty");
  for (const Event& earlier : scenario.events) {
    if (earlier.id == event->id) {
      return file_.Error((*id)->mark(), "duplicate event id " + Quoted(event->id) +
                                            " (first declared on line " +
                                            std::to_string(earlier.where.line) + ")");
    }
  }
  const std::string what = "event " + Quoted(event->id);
  Result<const YamlEntry*> label = map->Require("label");
  if (!label.ok()) return label.status();
  if (Status s = ReadString(file_, **label, "label of " + what, &event->label); !s.ok()) return s;
  if (const YamlEntry* e = map->Find("date")) {
    if (Status s = ReadDate(file_, e->value, e->mark(), "date of " + what, &event->date); !s.ok())
      return s;
  }
  if (const YamlEntry* e = map->Find("round")) {
    long long round = 0;
    if (Status s = ReadInteger(file_, e->value, e->mark(), "round of " + what, &round); !s.ok())
      return s;
    if (round < 0 || round > 1000000) {
      return file_.Error(
          e->mark(), "round of " + what + " must be in [0, 1000000], got " + std::to_string(round));
    }
    event->round = static_cast<int>(round);
  }
  if (const YamlEntry* e = map->Find("enabled")) {
    if (Status s = ReadBool(file_, e->value, e->mark(), "enabled of " + what, &event->enabled);
        !s.ok())
      return s;
  }
  if (const YamlEntry* e = map->Find("source")) {
    if (Status s = ReadString(file_, *e, "source of " + what, &event->source); !s.ok()) return s;
  }
  if (const YamlEntry* e = map->Find("description")) {
    if (Status s = ReadString(file_, *e, "description of " + what, &event->description); !s.ok())
      return s;
  }
  Result<const YamlEntry*> changes = map->Require("changes");
  if (!changes.ok()) return changes.status();
  if (Status s = CheckList(**changes, "changes", 1, kNoLimit); !s.ok()) return s;
  std::size_t index_in_event = 0;
  for (const YAML::Node& change_node : (*changes)->value) {
    EventChange change;
    const std::string change_what = "change #" + std::to_string(++index_in_event) + " of " + what;
    if (Status s = ReadChange(change_node, change_what, scenario, &change); !s.ok()) return s;
    event->changes.push_back(std::move(change));
  }
  return Status::Ok();
}

Status ScenarioReader::ReadChange(const YAML::Node& node, const std::string& what,
                                  const Scenario& scenario, EventChange* change) {
  Result<YamlMap> map = YamlMap::Read(file_, node, node.Mark(), what, kChangeKeys);
  if (!map.ok()) return map.status();
  change->where = Locate(node.Mark());
  Result<const YamlEntry*> actor_entry = map->Require("actor");
  if (!actor_entry.ok()) return actor_entry.status();
  if (Status s = ReadString(file_, **actor_entry, "actor of " + what, &change->actor); !s.ok())
    return s;
  const auto actor = ActorIndex(change->actor);
  if (!actor) {
    std::vector<std::string_view> ids;
    for (const Actor& a : scenario.actors) ids.push_back(a.id);
    return file_.Error(
        (*actor_entry)->mark(),
        what + " names unknown actor " + Quoted(change->actor) + DidYouMean(change->actor, ids));
  }

  const YamlEntry* target = nullptr;
  const YamlEntry* extra = nullptr;  // a second field, which is one too many
  int targets = 0;
  for (const char* field : {"capability", "position", "salience"}) {
    if (const YamlEntry* e = map->Find(field)) {
      if (target == nullptr) {
        target = e;
      } else if (extra == nullptr) {
        extra = e;
      }
      ++targets;
    }
  }
  if (targets != 1) {
    return file_.Error(targets == 0 ? map->mark() : extra->key_mark,
                       what + " must change exactly one of capability, position, salience, got " +
                           (targets == 0 ? std::string("none") : std::to_string(targets)));
  }
  change->field = target->key == "capability" ? EventChange::Field::kCapability
                  : target->key == "position" ? EventChange::Field::kPosition
                                              : EventChange::Field::kSalience;
  const YamlEntry* issue_entry = map->Find("issue");
  const Issue* issue = nullptr;
  if (change->field == EventChange::Field::kCapability) {
    if (issue_entry != nullptr) {
      return file_.Error(issue_entry->key_mark,
                         what +
                             " changes capability, which belongs to the actor: it takes no "
                             "'issue'");
    }
  } else {
    if (issue_entry == nullptr) {
      return file_.Error(map->mark(),
                         what + " changes " + target->key + " and so needs an 'issue'");
    }
    if (Status s = ReadString(file_, *issue_entry, "issue of " + what, &change->issue); !s.ok())
      return s;
    const auto i = IssueIndex(change->issue);
    if (!i) {
      std::vector<std::string_view> ids;
      for (const Issue& is : scenario.issues) ids.push_back(is.id);
      return file_.Error(
          issue_entry->mark(),
          what + " names unknown issue " + Quoted(change->issue) + DidYouMean(change->issue, ids));
    }
    if (!scenario.stances[*i][*actor]) {
      return file_.Error(issue_entry->mark(), what + ": " + Quoted(change->actor) +
                                                  " has no stance on " + Quoted(change->issue) +
                                                  " to change");
    }
    issue = &scenario.issues[*i];
  }

  const std::string op_what = target->key + " " + what;
  Result<YamlMap> op = YamlMap::Read(file_, target->value, target->mark(), op_what, kChangeOpKeys);
  if (!op.ok()) return op.status();
  if (op->entries().size() != 1) {
    return file_.Error(
        op->entries().empty() ? target->mark() : op->entries()[1].key_mark,
        op_what + ": expected exactly one of set, shift, scale, got " +
            (op->entries().empty() ? std::string("none") : std::to_string(op->entries().size())));
  }
  const YamlEntry& op_entry = op->entries().front();
  change->op = op_entry.key == "set"     ? EventChange::Op::kSet
               : op_entry.key == "shift" ? EventChange::Op::kShift
                                         : EventChange::Op::kScale;
  const std::string value_what = op_entry.key + " of " + op_what;
  if (Status s = ReadNumber(file_, op_entry, value_what, &change->value); !s.ok()) return s;
  switch (change->op) {
    case EventChange::Op::kScale:
      if (change->value < 0) {
        return file_.Error(op_entry.mark(),
                           value_what + " must be >= 0, got " + FormatNumber(change->value));
      }
      break;
    case EventChange::Op::kSet:
      if (change->field == EventChange::Field::kCapability && change->value < 0) {
        return file_.Error(op_entry.mark(),
                           value_what + " must be >= 0, got " + FormatNumber(change->value));
      }
      if (change->field == EventChange::Field::kPosition) {
        if (Status s = CheckInScale(op_entry, value_what, change->value, issue->scale_min,
                                    issue->scale_max);
            !s.ok())
          return s;
      }
      if (change->field == EventChange::Field::kSalience) {
        if (Status s = CheckInScale(op_entry, value_what, change->value, 0.0, salience_max_);
            !s.ok())
          return s;
      }
      break;
    case EventChange::Op::kShift:
      break;
  }
  // Saliences are stored on [0, 1]; a set or shift written on the percent scale is converted.
  if (change->field == EventChange::Field::kSalience && change->op != EventChange::Op::kScale) {
    change->value /= salience_max_;
  }
  return Status::Ok();
}

Status ScenarioReader::CheckIssueWeights(const Scenario& scenario) {
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    bool any_stance = false;
    double weight = 0.0;
    for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
      if (const auto& stance = scenario.stances[i][a]) {
        any_stance = true;
        weight += scenario.actors[a].capability * stance->salience;
      }
    }
    const std::string what = "issue " + Quoted(scenario.issues[i].id);
    if (!any_stance) {
      return file_.Error(issue_marks_[i],
                         what + " has no stances: no actor lists it under 'stances'");
    }
    if (!(weight > 0.0)) {
      return file_.Error(issue_marks_[i], what +
                                              " has no weight: capability × salience is zero "
                                              "for every actor with a stance on it");
    }
  }
  return Status::Ok();
}

}  // namespace
}  // namespace io

Result<Scenario> ParseScenarioYaml(const std::string& text, const std::string& path,
                                   const LoadLimits& limits) {
  if (Status s = io::CheckInputText(path, text, limits.max_file_bytes); !s.ok()) return s;
  const io::YamlFile file(path, text);
  if (const io::TextPosition cr = io::FindLoneCarriageReturn(text); cr.line > 0) {
    // yaml-cpp 0.7 can loop forever on such line ends (io/yaml_flow_guard.h).
    return file.ErrorAt(cr,
                        "a carriage return without a line feed (an old Mac line end); save the "
                        "file with \\n or \\r\\n line ends");
  }
  if (const io::YamlCppStall stall = io::FindYamlCppStall(text); stall.position.line > 0) {
    // yaml-cpp 0.7's LoadAll would never return on this text (io/yaml_flow_guard.h).
    return file.ErrorAt(stall.position, io::DescribeYamlCppStall(stall));
  }
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(text);
  } catch (const YAML::Exception& e) {
    // yaml-cpp's own message, re-expressed at its mark with our excerpt and caret.
    return file.Error(e.mark, "invalid YAML: " + io::ExplainYamlCppError(text, e.mark.pos, e.msg));
  }
  if (documents.size() > 1) {
    return file.Error(documents[1].Mark(), "expected one YAML document, found " +
                                               std::to_string(documents.size()) +
                                               " (a second '---' starts another)");
  }
  const YAML::Node root = documents.empty() ? YAML::Node() : documents.front();
  if (Status s = io::CheckDocumentShape(file, root, limits.max_depth); !s.ok()) return s;
  Scenario scenario;
  scenario.path = path;
  scenario.text = text;
  io::ScenarioReader reader(file, limits);
  try {
    if (Status s = reader.Read(root, &scenario); !s.ok()) return s;
  } catch (const YAML::Exception& e) {
    // Not expected (the reader asks yaml-cpp for nothing that throws), but never let it escape.
    return file.Error(e.mark, "invalid YAML: " + e.msg);
  }
  return scenario;
}

}  // namespace entente
