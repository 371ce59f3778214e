// `entente explain`: why each actor moved in each round, from a model's recorded interactions.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>

#include "entente/report_format.h"

namespace entente {

namespace {

constexpr char kLegend[] =
    "How to read this (Bueno de Mesquita's expected utility model):\n"
    "  Each line is one pair in one round, seen from ACTOR, who receives a proposal from\n"
    "  COUNTERPART. EU(actor) is ACTOR's expected utility of challenging COUNTERPART,\n"
    "  EU(other) COUNTERPART's expected utility of challenging ACTOR (as ACTOR perceives it).\n"
    "  P(win) is ACTOR's probability of prevailing in a contest with COUNTERPART.\n"
    "  The signs of the two EUs place the pair in a quadrant (BdM 1994; Scholz et al. 2011\n"
    "  §6, Fig. 6): conflict (both expect to gain by challenging; the weaker side moves),\n"
    "  compromise (the actor yields part way), capitulation (the actor yields fully),\n"
    "  advantage (the actor has the upper hand: the counterpart should move), stalemate\n"
    "  (neither expects to gain), none (same position: nothing to bargain over).\n"
    "  MOVE is where the proposal would take ACTOR; 'accepted' marks the proposal ACTOR took\n"
    "  (an actor adopts at most one proposal per round).\n";

std::string Signed(double x) { return fmt::format("{:+.4f}", x); }

}  // namespace

std::string FormatExplanation(const Scenario& scenario, std::size_t issue_index,
                              const ModelRun& run, const IssueResult& result,
                              const std::string& actor) {
  const Issue& issue = scenario.issues[issue_index];
  const double span = issue.scale_max - issue.scale_min;
  auto num = [&](double x) { return FormatTableNumber(x, span); };
  std::string out =
      fmt::format("{} on issue {}: {}\n",
                  run.preset.empty() ? run.model : run.model + " (preset " + run.preset + ")",
                  issue.id, issue.label);
  if (!actor.empty()) out += fmt::format("Only the pairs involving '{}'.\n", actor);
  out += "\n";
  if (result.interactions.empty()) {
    out += fmt::format(
        "Model '{}' records no pairwise interactions; only its positions are shown.\n", run.model);
  } else {
    out += kLegend;
  }

  std::map<int, std::vector<const Interaction*>> by_round;
  for (const Interaction& x : result.interactions) {
    if (actor.empty() || x.actor == actor || x.counterpart == actor)
      by_round[x.round].push_back(&x);
  }
  std::size_t w_actor = 5, w_other = 11;  // "actor", "counterpart"
  for (const auto& [round, list] : by_round) {
    for (const Interaction* x : list) {
      w_actor = std::max(w_actor, x->actor.size());
      w_other = std::max(w_other, x->counterpart.size());
    }
  }
  for (int t = 1; t <= result.rounds; ++t) {
    out += fmt::format("\nRound {}\n", t);
    const auto it = by_round.find(t);
    if (it == by_round.end()) {
      out += "  (no recorded interactions)\n";
    } else {
      out += fmt::format("  {:<{}}  {:<{}}  {:>9}  {:>9}  {:>6}  {:<12}  {}\n", "actor", w_actor,
                         "counterpart", w_other, "EU(actor)", "EU(other)", "P(win)", "quadrant",
                         "move");
      for (const Interaction* x : it->second) {
        out += fmt::format("  {:<{}}  {:<{}}  {:>9}  {:>9}  {:>6.3f}  {:<12}  {} -> {}{}\n",
                           x->actor, w_actor, x->counterpart, w_other, Signed(x->eu_actor),
                           Signed(x->eu_counterpart), x->probability, x->kind, num(x->from),
                           num(x->to), x->accepted ? "  accepted" : "");
      }
    }
    if (static_cast<std::size_t>(t) < result.positions.size()) {
      std::string positions;
      for (std::size_t a = 0; a < result.actor_ids.size(); ++a) {
        if (!actor.empty() && result.actor_ids[a] != actor) continue;
        positions += fmt::format("{}{} {}", positions.empty() ? "" : ", ", result.actor_ids[a],
                                 num(result.positions[t][a]));
      }
      out += fmt::format("  positions after round {}: {}\n", t, positions);
    }
  }
  out +=
      fmt::format("\nForecast {} after {} round{} ({}). {}\n", num(result.forecast), result.rounds,
                  result.rounds == 1 ? "" : "s", StopReasonName(result.stop), result.message);
  return out;
}

}  // namespace entente
