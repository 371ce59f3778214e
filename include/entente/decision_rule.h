// Decision rules: how a group turns the positions its actors end up with into a decision.
//
// Any model's final positions can be put through a rule (DecisionTable::FromIssueTable takes
// the positions separately). The procedural rules follow the one-dimensional spatial logic of
// dutch_models.md §6 (Tsebelis 2002; Steunenberg 1994): each actor has linear (distance)
// preferences peaked at its position, the status quo SQ stands unless a proposal wins under
// the rule, and the proposal is the point of the rule's win-set nearest the compromise (the
// capability × salience weighted mean, Achen 2006) — a setter who wants the compromise.
//
// Acceptance is weak: an actor accepts y when |y − x_i| <= |SQ − x_i|, so each actor's
// acceptable set is the closed interval between SQ and its mirror image 2 x_i − SQ, and every
// win-set is a closed interval containing SQ (dutch_models.md §6 takes cl W(SQ) ∪ {SQ}).
//
// Rules (names as written in scenarios and on the command line):
//   weighted-mean       the compromise Σ c s x / Σ c s over every actor with a stance
//   weighted-median     lowest position where cumulative c s reaches half (dutch_models.md §5)
//   unanimity           SQ stands unless every voting member (and every veto player) accepts
//   consensus           unanimity of the members, reported with who blocks the compromise
//   majority            one vote per member; passes with more than half of the members' votes
//   qualified-majority  per-member vote weights; passes when the accepting weight reaches the
//                       quota (e.g. EU Council QMV, Nice: 255 of 345 votes)
// In every procedural rule an explicit veto player (Actor::veto) who prefers SQ blocks, and
// outsiders (Role::kOutsider) never vote, though they count in the compromise.
//
// Thread-safety: reentrant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

// The actors of one issue as a decision rule sees them.
struct DecisionTable {
  std::string issue_id;
  double scale_min = 0.0;
  double scale_max = 100.0;
  std::optional<double> status_quo;
  std::vector<std::string> actor_ids;
  std::vector<double> position;     // final positions (e.g. a model's last round)
  std::vector<double> capability;   // >= 0
  std::vector<double> salience;     // [0, 1]
  std::vector<bool> votes;          // false for outsiders: they never vote
  std::vector<bool> veto;           // explicit veto players
  std::vector<double> vote_weight;  // qualified-majority weights; empty = 1 per member

  std::size_t size() const { return position.size(); }

  // The table of an issue with `final_positions` (one per table actor; empty = the input
  // positions) and the veto flags of the scenario's actors.
  // InvalidArgument when final_positions has the wrong length.
  static Result<DecisionTable> FromIssueTable(const Scenario& scenario, const IssueTable& table,
                                              const std::vector<double>& final_positions = {});
};

struct DecisionRuleOptions {
  // qualified-majority: the quota in vote-weight units (e.g. 255). Required by that rule.
  std::optional<double> quota;
};

// A member who would block the compromise: it prefers SQ to it.
struct Blocker {
  std::string actor_id;
  double position = 0.0;
  bool veto = false;  // an explicit veto player (else a voting member)
  // The most ambitious outcome it would accept in the compromise's direction: the far end of
  // its acceptable set, clamped to the scale (SQ itself when it wants to move the other way).
  double accepts_up_to = 0.0;
};

struct DecisionOutcome {
  std::string rule;
  double outcome = 0.0;
  double compromise = 0.0;  // Σ c s x / Σ c s (unweighted mean when every c s is 0)
  std::optional<double> status_quo;
  bool status_quo_stands = false;  // the outcome is SQ (no admissible change)
  // The win-set [low, high] (procedural rules; it contains SQ). low == high == SQ when empty.
  double win_low = 0.0;
  double win_high = 0.0;
  bool compromise_passes = true;  // the compromise itself lies in the win-set
  std::vector<Blocker> blockers;  // members and veto players who prefer SQ to the compromise
  // Voting weight of the members who would accept the compromise, and the weight needed
  // (procedural rules; for unanimity the needed weight is the total of the voters).
  double support = 0.0;
  double needed = 0.0;
  std::string message;  // one sentence, e.g. "hu and tr would block an outcome beyond 35; ..."
};

// Names of the rules, in the order above.
const std::vector<std::string>& DecisionRuleNames();

// Applies `rule` to `table`. Errors (InvalidArgument): unknown rule (listing the names); a
// procedural rule on an issue without status quo ("issue 'timing' has no status quo; the
// 'consensus' rule needs one"); qualified-majority without a quota or with vote weights of the
// wrong length or negative; no voting member.
Result<DecisionOutcome> ApplyDecisionRule(const std::string& rule, const DecisionTable& table,
                                          const DecisionRuleOptions& options = {});

}  // namespace entente
