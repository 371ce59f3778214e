// Scenario: a contested decision written down — who the actors are, what the issues are, and
// where each actor stands on each issue and how much it cares.
//
// This is the in-memory form every model reads. Files become Scenarios through io.h
// (LoadScenario); docs/formats/scenario.md documents the YAML form.
//
// Conventions, fixed at load time so that models never re-check them:
//  * salience is always stored on [0, 1] (a file may declare a 0–100 scale; it is divided by 100);
//  * positions lie inside their issue's [scale_min, scale_max];
//  * capability is finite and >= 0; only ratios between actors matter.
//
// Thread-safety: a const Scenario may be read from many threads at once.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace entente {

// Where a value came from in its file, for error messages. line/column are 1-based; 0 = unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

// Whether an actor has a say in the formal decision.
enum class Role {
  kMember,    // takes part in bargaining and votes under the decision rule
  kOutsider,  // takes part in bargaining (it can pressure, be pressured) but never votes
};

const char* RoleName(Role role);  // "member" / "outsider"

struct Actor {
  std::string id;           // short unique key, e.g. "usa"
  std::string name;         // display name, e.g. "United States"
  double capability = 0.0;  // >= 0; relative power resources
  Role role = Role::kMember;
  bool veto = false;  // an explicit veto player under the decision rule
  // Vote weight under the qualified-majority rule (e.g. EU Council votes); nullopt = one vote per
  // member. Members only: an outsider never votes.
  std::optional<double> votes;
  std::string description;
  std::string capability_source;  // free-text note on where the number came from
  SourceLocation where;
};

struct Issue {
  std::string id;     // short unique key, e.g. "timing"
  std::string label;  // display label
  std::string description;
  double scale_min = 0.0;
  double scale_max = 100.0;
  std::string min_label;  // what scale_min means, e.g. "postponed indefinitely"
  std::string max_label;  // what scale_max means, e.g. "immediate"
  std::optional<double> status_quo;
  std::optional<double> outcome;  // the recorded real outcome, when known
  std::string outcome_note;       // what happened
  std::string outcome_source;     // where the recorded outcome is documented
  SourceLocation where;
};

// An actor's stance on one issue.
struct Stance {
  double position = 0.0;  // inside the issue's scale
  double salience = 0.0;  // on [0, 1]
  std::string source;     // free-text note on where the numbers came from
  std::string note;       // free-text remark kept for reports
  SourceLocation where;
  // Optional per-issue capability overriding Actor::capability on this issue only (>= 0). Set by
  // inputs that give power per actor-issue (Decide files); models read it via MakeIssueTable.
  std::optional<double> capability;
};

// One change an event makes to one actor's inputs.
struct EventChange {
  enum class Field { kCapability, kPosition, kSalience };
  enum class Op { kSet, kShift, kScale };  // x := v, x := x + v, x := x * v
  std::string actor;                       // actor id
  std::string issue;                       // issue id; empty for capability changes
  Field field = Field::kCapability;
  Op op = Op::kSet;
  double value = 0.0;
  SourceLocation where;
};

// A what-if shock (e.g. the June 2023 Wagner mutiny) that changes named actors' capability,
// salience or position. Results are clamped to the issue's scale, salience to [0, 1] and
// capability to >= 0.
struct Event {
  std::string id;
  std::string label;
  std::string date;
  std::string description;
  std::string source;
  int round = 0;        // applied before this bargaining round; 0 = before bargaining starts
  bool enabled = true;  // on by default (`entente run --no-events` turns every event off)
  std::vector<EventChange> changes;
  SourceLocation where;
};

// A distribution over one input number (docs/formats/scenario.md, "Uncertain inputs"). The
// scenario's point value for that number (Actor::capability, Stance::position/salience) is the
// distribution's centre (PointValue in uncertainty.h), so `entente run` is unchanged; `sweep` and
// `sensitivity` draw from the distribution.
struct Distribution {
  enum class Kind {
    kUniform,     // uniform on [low, high]
    kTriangular,  // triangular on [low, high] with its peak at mode
    kNormal,      // normal(mean, sd) truncated to [low, high] (the field's valid range)
    kExperts,     // a list of expert estimates
  };
  Kind kind = Kind::kUniform;
  double low = 0.0;
  double high = 0.0;
  double mode = 0.0;  // kTriangular
  double mean = 0.0;  // kNormal
  double sd = 0.0;    // kNormal, > 0
  std::vector<double> estimates;  // kExperts, non-empty
  // kExperts: false = each draw picks one estimate at random; true = each draw is the mean of a
  // bootstrap resample (same size, with replacement) of the estimates.
  bool bootstrap = false;
};

// One uncertain number of the scenario: which field of which actor (and issue) it is, and its
// distribution. Values are in the scenario's stored units (salience on [0, 1]).
struct UncertainInput {
  enum class Field { kCapability, kPosition, kSalience };
  std::string actor;  // actor id
  std::string issue;  // issue id; empty for capability
  Field field = Field::kCapability;
  Distribution distribution;
  SourceLocation where;
};

struct ScenarioMetadata {
  std::string title;
  std::string date;  // ISO date of the decision, as written
  std::string description;
  std::vector<std::string> sources;
};

struct Scenario {
  ScenarioMetadata meta;
  std::vector<Actor> actors;
  std::vector<Issue> issues;
  // stances[issue][actor]: nullopt where the actor takes no part in that issue.
  std::vector<std::vector<std::optional<Stance>>> stances;
  std::vector<Event> events;
  // Decision rule named by the file ("" = model default). See docs/formats/scenario.md.
  std::string decision_rule;
  // Vote weight a proposal needs under the qualified-majority rule, in units of Actor::votes
  // (one per member when no actor has votes), e.g. 255 of the 345 Nice votes.
  std::optional<double> quota;
  // Inputs given as distributions rather than points, in file order (empty for a point scenario).
  std::vector<UncertainInput> uncertain;
  // The file this came from and its exact text (for hashing and reproducibility).
  std::string path;
  std::string text;

  std::optional<std::size_t> FindActor(const std::string& id) const;
  std::optional<std::size_t> FindIssue(const std::string& id) const;
};

// One issue's bargaining table as the one-dimensional models see it: only the actors with a
// stance on the issue, in scenario order.
struct IssueTable {
  std::string issue_id;
  double scale_min = 0.0;
  double scale_max = 100.0;
  std::optional<double> status_quo;
  std::vector<std::size_t> actor_index;  // index into Scenario::actors
  std::vector<std::string> actor_ids;
  std::vector<double> position;
  std::vector<double> capability;
  std::vector<double> salience;  // [0, 1]
  std::vector<bool> votes;       // false for outsiders

  std::size_t size() const { return position.size(); }
};

IssueTable MakeIssueTable(const Scenario& scenario, std::size_t issue);

// FNV-1a 64-bit hash of the scenario text, as 16 hex digits: identifies the exact input a
// result came from.
std::string ScenarioHash(const Scenario& scenario);

}  // namespace entente
