// Capability mappings for DEU issues: Council regimes by date, power indices, and the rule for
// the Commission and the European Parliament. See include/entente/deu.h.
#include <algorithm>
#include <map>
#include <mutex>
#include <numeric>
#include <string>
#include <tuple>

#include "entente/deu.h"
#include "entente/voting_power.h"

namespace entente {

namespace {

struct Weight {
  const char* code;
  int pre_nice;  // EC Treaty art. 205(2) (EU-15); 2003 Act of Accession art. 26 for newcomers
  int nice;      // Treaty of Nice, Protocol on enlargement art. 3; 2005/2012 Acts of Accession
};

// Council weighted votes (checked against shared/data/deu/council_voting_weights.csv by
// deu_capability_test.cc). pre_nice for the ten 2004 entrants are the transitional weights of
// 1 May – 31 Oct 2004.
constexpr Weight kWeights[] = {
    {"at", 4, 10}, {"be", 5, 12}, {"bu", 0, 10},  {"cr", 0, 7},   {"cy", 2, 4},   {"cz", 5, 12},
    {"dk", 3, 7},  {"ee", 3, 4},  {"fi", 3, 7},   {"fr", 10, 29}, {"de", 10, 29}, {"el", 5, 12},
    {"hu", 5, 12}, {"ie", 3, 7},  {"it", 10, 29}, {"lv", 3, 4},   {"lt", 3, 7},   {"lu", 2, 4},
    {"mt", 2, 3},  {"nl", 5, 13}, {"pl", 8, 27},  {"pt", 5, 12},  {"ro", 0, 14},  {"si", 3, 4},
    {"sk", 3, 7},  {"es", 8, 27}, {"se", 4, 10},  {"uk", 10, 29}};

bool InEu15(const std::string& c) {
  static const char* kEu15[] = {"at", "be", "dk", "fi", "fr", "de", "el", "ie",
                                "it", "lu", "nl", "pt", "es", "se", "uk"};
  return std::find_if(std::begin(kEu15), std::end(kEu15), [&](const char* x) { return c == x; }) !=
         std::end(kEu15);
}

CouncilRegime BuildRegime(const std::string& name, bool nice, int quota, bool with_2004,
                          bool with_2007, bool with_2013) {
  CouncilRegime r;
  r.name = name;
  r.quota = quota;
  for (const Weight& w : kWeights) {
    const std::string c = w.code;
    const bool member = InEu15(c) || ((c == "bu" || c == "ro") ? with_2007
                                      : c == "cr"              ? with_2013
                                                               : with_2004);
    if (!member) continue;
    r.members.push_back(c);
    r.weights.push_back(nice ? w.nice : w.pre_nice);
  }
  r.total = std::accumulate(r.weights.begin(), r.weights.end(), 0);
  return r;
}

// Power indices per (regime, quota, mapping), computed once: the Shapley–Shubik DP for 28
// members takes milliseconds, and a DEU file has hundreds of rows.
const std::vector<double>& CachedIndex(const CouncilRegime& regime, int quota,
                                       DeuCapability mapping) {
  static std::mutex mu;
  static std::map<std::tuple<std::string, int, int>, std::vector<double>> cache;
  std::lock_guard<std::mutex> lock(mu);
  const auto key = std::make_tuple(regime.name, quota, static_cast<int>(mapping));
  auto it = cache.find(key);
  if (it == cache.end()) {
    // The game is valid by construction (weights > 0, quota in [1, total]).
    Result<std::vector<double>> index = mapping == DeuCapability::kBanzhaf
                                            ? BanzhafIndex(regime.weights, quota)
                                            : ShapleyShubikIndex(regime.weights, quota);
    it = cache.emplace(key, index.ok() ? *index : std::vector<double>(regime.members.size(), 0.0))
             .first;
  }
  return it->second;
}

}  // namespace

CouncilRegime CouncilRegimeAt(const DeuDate& date) {
  const int k = date.Key();
  if (k < 20040501) return BuildRegime("pre-Nice EU-15", false, 62, false, false, false);
  if (k < 20041101) return BuildRegime("transitional EU-25", false, 88, true, false, false);
  if (k < 20070101) return BuildRegime("Nice EU-25", true, 232, true, false, false);
  if (k < 20130701) return BuildRegime("Nice EU-27", true, 255, true, true, false);
  return BuildRegime("Nice EU-28", true, 260, true, true, true);
}

Result<DeuCapability> ParseDeuCapability(const std::string& name) {
  if (name == "council-votes") return DeuCapability::kCouncilVotes;
  if (name == "shapley-shubik") return DeuCapability::kShapleyShubik;
  if (name == "banzhaf") return DeuCapability::kBanzhaf;
  if (name == "equal") return DeuCapability::kEqual;
  return Status::InvalidArgument("unknown capability mapping '" + name +
                                 "'; known: council-votes, shapley-shubik, banzhaf, equal");
}

Result<DeuInstitutions> ParseDeuInstitutions(const std::string& name) {
  if (name == "largest-state") return DeuInstitutions::kLargestState;
  if (name == "co-equal") return DeuInstitutions::kCoEqual;
  if (name == "none") return DeuInstitutions::kNone;
  return Status::InvalidArgument("unknown institutions rule '" + name +
                                 "'; known: largest-state, co-equal, none");
}

const char* DeuCapabilityName(DeuCapability mapping) {
  switch (mapping) {
    case DeuCapability::kCouncilVotes:
      return "council-votes";
    case DeuCapability::kShapleyShubik:
      return "shapley-shubik";
    case DeuCapability::kBanzhaf:
      return "banzhaf";
    case DeuCapability::kEqual:
      return "equal";
  }
  return "unknown";
}

const char* DeuInstitutionsName(DeuInstitutions rule) {
  switch (rule) {
    case DeuInstitutions::kLargestState:
      return "largest-state";
    case DeuInstitutions::kCoEqual:
      return "co-equal";
    case DeuInstitutions::kNone:
      return "none";
  }
  return "unknown";
}

Result<Scenario> DeuIssueToScenario(const DeuIssue& issue, const std::string& path,
                                    const DeuCapabilityOptions& options) {
  const CouncilRegime regime = CouncilRegimeAt(issue.intro);
  const bool unanimity = issue.council_rule == "Unan";
  const int quota = unanimity && options.unanimity_game_for_unan ? regime.total : regime.quota;

  // Member-state capability under the mapping, in regime order.
  std::vector<double> member_cap(regime.members.size(), 1.0);
  std::string how = DeuCapabilityName(options.mapping);
  switch (options.mapping) {
    case DeuCapability::kCouncilVotes:
      for (std::size_t i = 0; i < member_cap.size(); ++i) member_cap[i] = regime.weights[i];
      break;
    case DeuCapability::kShapleyShubik:
    case DeuCapability::kBanzhaf:
      member_cap = CachedIndex(regime, quota, options.mapping);
      how += " (quota " + std::to_string(quota) + " of " + std::to_string(regime.total) + ")";
      break;
    case DeuCapability::kEqual:
      break;
  }
  const double largest = *std::max_element(member_cap.begin(), member_cap.end());
  const double council = std::accumulate(member_cap.begin(), member_cap.end(), 0.0);
  const bool cod = issue.procedure == "COD";

  Scenario s;
  s.path = path;
  s.meta.title = issue.proposal + " " + issue.proposal_name;
  Issue is;
  is.id = issue.issue;
  is.label = issue.proposal_name;
  is.scale_min = 0.0;
  is.scale_max = 100.0;
  is.status_quo = issue.reference_point;
  is.outcome = issue.outcome;
  is.where = {path, issue.line, 0};
  s.issues.push_back(is);
  s.stances.emplace_back();
  const auto& codes = DeuActorCodes();
  for (std::size_t a = 0; a < codes.size(); ++a) {
    if (!issue.position[a]) continue;
    const std::string& code = codes[a];
    Actor actor;
    actor.id = code;
    actor.name = DeuActorName(code);
    actor.where = {path, issue.line, 0};
    if (code == "com" || code == "ep") {
      actor.role = Role::kOutsider;
      // Under co-decision the EP must approve the act: a veto player (dutch_models.md §6).
      actor.veto = code == "ep" && cod;
      if (options.institutions == DeuInstitutions::kNone || (code == "ep" && !cod)) {
        actor.capability = 0.0;
      } else if (code == "ep" && options.institutions == DeuInstitutions::kCoEqual) {
        actor.capability = council;
      } else {
        actor.capability = largest;
      }
      actor.capability_source = std::string("institutions rule ") +
                                DeuInstitutionsName(options.institutions) + ", " + issue.procedure +
                                ", " + how + ", " + regime.name;
    } else {
      const auto it = std::find(regime.members.begin(), regime.members.end(), code);
      if (it == regime.members.end()) {
        actor.capability = 0.0;
        actor.role = Role::kOutsider;  // no seat in the Council: it cannot vote
        actor.capability_source = "not a Council member under " + regime.name;
      } else {
        actor.capability = member_cap[static_cast<std::size_t>(it - regime.members.begin())];
        actor.capability_source = how + ", " + regime.name;
      }
    }
    Stance st;
    st.position = *issue.position[a];
    st.salience = issue.salience[a].value_or(0.0) / 100.0;
    st.where = actor.where;
    s.actors.push_back(actor);
    s.stances[0].push_back(st);
  }
  return s;
}

}  // namespace entente
