#include "entente/scenario.h"

#include <cstdint>
#include <cstdio>

namespace entente {

const char* RoleName(Role role) { return role == Role::kMember ? "member" : "outsider"; }

std::optional<std::size_t> Scenario::FindActor(const std::string& id) const {
  for (std::size_t i = 0; i < actors.size(); ++i)
    if (actors[i].id == id) return i;
  return std::nullopt;
}

std::optional<std::size_t> Scenario::FindIssue(const std::string& id) const {
  for (std::size_t i = 0; i < issues.size(); ++i)
    if (issues[i].id == id) return i;
  return std::nullopt;
}

IssueTable MakeIssueTable(const Scenario& scenario, std::size_t issue) {
  const Issue& is = scenario.issues[issue];
  IssueTable table;
  table.issue_id = is.id;
  table.scale_min = is.scale_min;
  table.scale_max = is.scale_max;
  table.status_quo = is.status_quo;
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    const auto& stance = scenario.stances[issue][a];
    if (!stance) continue;
    const Actor& actor = scenario.actors[a];
    table.actor_index.push_back(a);
    table.actor_ids.push_back(actor.id);
    table.position.push_back(stance->position);
    table.capability.push_back(stance->capability.value_or(actor.capability));
    table.salience.push_back(stance->salience);
    table.votes.push_back(actor.role == Role::kMember);
  }
  return table;
}

std::string ScenarioHash(const Scenario& scenario) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : scenario.text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace entente
