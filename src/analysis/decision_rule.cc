// Decision rules on one issue. See include/entente/decision_rule.h and
// docs/models/decision_rules.md.
#include "entente/decision_rule.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

#include "entente/statistics.h"

namespace entente {

namespace {

// Tolerance for comparing positions and weights that are equal in exact arithmetic.
constexpr double kEps = 1e-9;

// "35", "62.5", "33.33": at most two decimals, no trailing zeros.
std::string Num(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// "a", "a and b", "a, b and c".
std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

struct Interval {
  double low = 0.0;
  double high = 0.0;
};

// Points at least as good as SQ for an actor at x with linear loss: between SQ and 2x − SQ
// (dutch_models.md §6: i prefers y to SQ iff |y − x_i| < |SQ − x_i|; closed here).
Interval Acceptable(double x, double sq) {
  const double mirror = 2.0 * x - sq;
  return {std::min(sq, mirror), std::max(sq, mirror)};
}

bool Accepts(double x, double sq, double y) { return std::fabs(y - x) <= std::fabs(sq - x) + kEps; }

// The far end of the q-rule win-set on one side of SQ (dutch_models.md §6): walk the voters
// from the far end towards SQ, accumulating weight; the pivot is the voter at which the
// accumulated weight first passes; the win-set on that side reaches the pivot's mirror point
// 2 π − SQ when π lies beyond SQ, and stops at SQ otherwise.
template <typename Passes>
double QRuleEdge(const std::vector<double>& x, const std::vector<double>& w, double sq, bool right,
                 Passes passes) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return right ? x[a] > x[b] : x[a] < x[b]; });
  double acc = 0.0;
  for (std::size_t k : order) {
    acc += w[k];
    if (passes(acc)) {
      const double pivot = x[k];
      if (right) return pivot > sq ? 2.0 * pivot - sq : sq;
      return pivot < sq ? 2.0 * pivot - sq : sq;
    }
  }
  return sq;  // no winning coalition at all (cannot happen when the total weight passes)
}

Status NeedsStatusQuo(const std::string& rule, const DecisionTable& t) {
  if (t.status_quo) return Status::Ok();
  return Status::InvalidArgument("issue '" + t.issue_id + "' has no status quo; the '" + rule +
                                 "' rule needs one (set status_quo on the issue, or use "
                                 "weighted-mean or weighted-median)");
}

}  // namespace

const std::vector<std::string>& DecisionRuleNames() {
  static const std::vector<std::string> names = {"weighted-mean", "weighted-median",
                                                 "unanimity",     "consensus",
                                                 "majority",      "qualified-majority"};
  return names;
}

Result<DecisionTable> DecisionTable::FromIssueTable(const Scenario& scenario,
                                                    const IssueTable& table,
                                                    const std::vector<double>& final_positions) {
  if (!final_positions.empty() && final_positions.size() != table.size()) {
    return Status::InvalidArgument(
        "issue '" + table.issue_id + "': " + std::to_string(final_positions.size()) +
        " final positions for " + std::to_string(table.size()) + " actors");
  }
  DecisionTable t;
  t.issue_id = table.issue_id;
  t.scale_min = table.scale_min;
  t.scale_max = table.scale_max;
  t.status_quo = table.status_quo;
  t.actor_ids = table.actor_ids;
  t.position = final_positions.empty() ? table.position : final_positions;
  t.capability = table.capability;
  t.salience = table.salience;
  t.votes = table.votes;
  bool weighted = false;  // some actor has `votes`: the scenario gives qualified-majority weights
  for (const Actor& a : scenario.actors) weighted = weighted || a.votes.has_value();
  for (std::size_t i = 0; i < table.size(); ++i) {
    const Actor& a = scenario.actors[table.actor_index[i]];
    t.veto.push_back(a.veto);
    if (weighted) t.vote_weight.push_back(a.votes.value_or(0.0));
  }
  return t;
}

Result<DecisionOutcome> ApplyDecisionRule(const std::string& rule, const DecisionTable& t,
                                          const DecisionRuleOptions& options) {
  const auto& names = DecisionRuleNames();
  if (std::find(names.begin(), names.end(), rule) == names.end()) {
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    return Status::InvalidArgument("unknown decision rule '" + rule + "'; known: " + known);
  }
  if (t.size() == 0) {
    return Status::InvalidArgument("issue '" + t.issue_id + "' has no actor with a stance");
  }
  std::vector<double> cs(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) cs[i] = t.capability[i] * t.salience[i];

  DecisionOutcome out;
  out.rule = rule;
  out.status_quo = t.status_quo;
  // Achen 2006; dutch_models.md §2: O = Σ c s x / Σ c s.
  out.compromise = WeightedMean(t.position, cs);

  if (rule == "weighted-mean" || rule == "weighted-median") {
    // dutch_models.md §5 for the median: lowest x_(k) with Σ_{j<=k} w_j >= W/2.
    out.outcome = rule == "weighted-mean" ? out.compromise : WeightedMedian(t.position, cs);
    out.win_low = out.win_high = out.outcome;
    out.status_quo_stands = t.status_quo && std::fabs(out.outcome - *t.status_quo) < kEps;
    out.message =
        std::string(rule == "weighted-mean" ? "compromise (weighted mean)" : "weighted median") +
        " " + Num(out.outcome);
    return out;
  }

  if (Status s = NeedsStatusQuo(rule, t); !s.ok()) return s;
  const double sq = *t.status_quo;
  const double c = out.compromise;

  // The voters and their weights.
  const bool qmv = rule == "qualified-majority";
  if (qmv) {
    if (!options.quota) {
      return Status::InvalidArgument("issue '" + t.issue_id +
                                     "': the 'qualified-majority' rule needs a quota "
                                     "(a scenario's top-level 'quota', e.g. 255 of the 345 "
                                     "Nice votes)");
    }
    if (!t.vote_weight.empty() && t.vote_weight.size() != t.size()) {
      return Status::InvalidArgument("issue '" + t.issue_id +
                                     "': " + std::to_string(t.vote_weight.size()) +
                                     " vote weights for " + std::to_string(t.size()) + " actors");
    }
  }
  std::vector<double> vx, vw;
  std::vector<std::size_t> voter;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.votes[i]) continue;
    const double w = qmv && !t.vote_weight.empty() ? t.vote_weight[i] : 1.0;
    if (!(w >= 0.0) || !std::isfinite(w)) {
      return Status::InvalidArgument("issue '" + t.issue_id + "': vote weight of '" +
                                     t.actor_ids[i] + "' must be finite and >= 0, got " + Num(w));
    }
    voter.push_back(i);
    vx.push_back(t.position[i]);
    vw.push_back(w);
  }
  bool any_veto = std::find(t.veto.begin(), t.veto.end(), true) != t.veto.end();
  if (voter.empty() && !any_veto) {
    return Status::InvalidArgument("issue '" + t.issue_id + "': no voting member for the '" + rule +
                                   "' rule (every actor is an outsider)");
  }
  const double total = std::accumulate(vw.begin(), vw.end(), 0.0);

  Interval win{t.scale_min, t.scale_max};
  if (rule == "unanimity" || rule == "consensus") {
    // Tsebelis 2002: the unanimity win-set is the intersection of every voter's acceptable set.
    for (std::size_t k = 0; k < voter.size(); ++k) {
      const Interval a = Acceptable(vx[k], sq);
      win.low = std::max(win.low, a.low);
      win.high = std::min(win.high, a.high);
    }
    out.needed = total;
  } else {
    // q-rule (dutch_models.md §6): majority = more than half the members' votes; qualified
    // majority = accepting weight >= quota.
    const double quota = qmv ? *options.quota : 0.0;
    auto passes = [&](double w) { return qmv ? w >= quota - kEps : w > 0.5 * total + kEps; };
    out.needed = qmv ? quota : std::floor(0.5 * total) + 1.0;
    if (!passes(total)) {
      // Even everyone together cannot pass a proposal: only SQ is possible.
      win = {sq, sq};
    } else {
      win.low = std::max(win.low, QRuleEdge(vx, vw, sq, false, passes));
      win.high = std::min(win.high, QRuleEdge(vx, vw, sq, true, passes));
    }
  }
  // Explicit veto players: any of them who prefers SQ blocks (intersect their acceptable sets).
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.veto[i]) continue;
    const Interval a = Acceptable(t.position[i], sq);
    win.low = std::max(win.low, a.low);
    win.high = std::min(win.high, a.high);
  }
  // SQ itself always remains possible (and lies inside the scale for a valid scenario).
  win.low = std::min(win.low, sq);
  win.high = std::max(win.high, sq);
  out.win_low = win.low;
  out.win_high = win.high;

  // The setter proposes the win-set point nearest the compromise (dutch_models.md §6).
  out.outcome = std::clamp(c, win.low, win.high);
  out.status_quo_stands = std::fabs(out.outcome - sq) < kEps;
  out.compromise_passes = c >= win.low - kEps && c <= win.high + kEps;

  // Who blocks the compromise, and how far each would go.
  for (std::size_t k = 0; k < voter.size(); ++k) out.support += Accepts(vx[k], sq, c) ? vw[k] : 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.votes[i] && !t.veto[i]) continue;
    if (Accepts(t.position[i], sq, c)) continue;
    const Interval a = Acceptable(t.position[i], sq);
    Blocker b;
    b.actor_id = t.actor_ids[i];
    b.position = t.position[i];
    b.veto = t.veto[i];
    b.accepts_up_to = std::clamp(c > sq ? a.high : a.low, t.scale_min, t.scale_max);
    out.blockers.push_back(b);
  }

  // The message.
  const std::string label = rule == "qualified-majority" ? "qualified-majority" : rule;
  if (out.blockers.empty()) {
    out.message = "every voting member accepts the compromise " + Num(c) + " over the status quo " +
                  Num(sq) + "; " + label + " outcome " + Num(out.outcome);
    return out;
  }
  const char* dir = c > sq ? "beyond" : "below";
  std::vector<std::string> ids;
  bool same_limit = true;
  for (const Blocker& b : out.blockers) {
    ids.push_back(b.actor_id);
    same_limit = same_limit && std::fabs(b.accepts_up_to - out.blockers[0].accepts_up_to) < kEps;
  }
  std::string who;
  if (same_limit) {
    who = JoinNames(ids) + " would block an outcome " + dir + " " +
          Num(out.blockers[0].accepts_up_to);
  } else {
    std::vector<std::string> parts;
    for (const Blocker& b : out.blockers)
      parts.push_back(b.actor_id + " " + dir + " " + Num(b.accepts_up_to));
    who = "would block an outcome: " + JoinNames(parts);
  }
  out.message = who + " (compromise " + Num(c) + ", status quo " + Num(sq) + ")";
  if (rule == "majority" || qmv) {
    out.message += "; the compromise has " + Num(out.support) + " of " + Num(total) + " votes, " +
                   (qmv ? "quota " + Num(out.needed) : "needs more than half") +
                   (out.compromise_passes ? ", so it passes" : "");
  }
  out.message += "; " + label + " outcome " + Num(out.outcome);
  if (out.status_quo_stands) out.message += " (the status quo stands)";
  return out;
}

}  // namespace entente
