#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "entente/deu.h"

namespace entente {
namespace {

DeuIssue MakeIssue(const std::string& proc, const std::string& rule, DeuDate date) {
  DeuIssue i;
  i.line = 7;
  i.proposal = "d99001";
  i.issue = "d99001i1";
  i.procedure = proc;
  i.council_rule = rule;
  i.intro = date;
  i.position.assign(DeuActorCodes().size(), std::nullopt);
  i.salience.assign(DeuActorCodes().size(), std::nullopt);
  auto set = [&](const std::string& code, double p, std::optional<double> s) {
    for (std::size_t a = 0; a < DeuActorCodes().size(); ++a)
      if (DeuActorCodes()[a] == code) i.position[a] = p, i.salience[a] = s;
  };
  set("com", 100, 50);
  set("ep", 80, 40);
  set("de", 0, 80);
  set("lu", 50, std::nullopt);
  set("pl", 20, 10);  // not a member before May 2004
  i.reference_point = 0;
  i.outcome = 60;
  return i;
}

std::map<std::string, double> Capabilities(const Scenario& s) {
  std::map<std::string, double> m;
  for (const Actor& a : s.actors) m[a.id] = a.capability;
  return m;
}

TEST(CouncilRegime, TotalsAndQuotasByDate) {
  struct Case {
    DeuDate date;
    const char* name;
    int total, quota;
    std::size_t members;
  } cases[] = {{{2004, 4, 30}, "pre-Nice EU-15", 87, 62, 15},
               {{2004, 7, 14}, "transitional EU-25", 124, 88, 25},
               {{2004, 11, 1}, "Nice EU-25", 321, 232, 25},
               {{2007, 1, 1}, "Nice EU-27", 345, 255, 27},
               {{2016, 3, 8}, "Nice EU-28", 352, 260, 28}};
  for (const Case& c : cases) {
    const CouncilRegime r = CouncilRegimeAt(c.date);
    EXPECT_EQ(r.name, c.name);
    EXPECT_EQ(r.total, c.total) << c.name;
    EXPECT_EQ(r.quota, c.quota) << c.name;
    EXPECT_EQ(r.members.size(), c.members) << c.name;
  }
}

TEST(CouncilRegime, WeightsMatchTheSharedTable) {
  std::ifstream in(std::string(ENTENTE_SHARED_DIR) + "/data/deu/council_voting_weights.csv");
  ASSERT_TRUE(in);
  std::string line;
  std::getline(in, line);  // header
  const CouncilRegime pre = CouncilRegimeAt({2000, 1, 1});
  const CouncilRegime nice = CouncilRegimeAt({2014, 1, 1});
  int rows = 0;
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::string code, name, pre_w, nice_w;
    std::getline(ss, code, ',');
    std::getline(ss, name, ',');
    std::getline(ss, pre_w, ',');
    std::getline(ss, nice_w, ',');
    ++rows;
    auto weight = [&](const CouncilRegime& r) {
      for (std::size_t i = 0; i < r.members.size(); ++i)
        if (r.members[i] == code) return r.weights[i];
      return -1;
    };
    EXPECT_EQ(weight(nice), std::stoi(nice_w)) << code;
    if (pre_w.empty()) {
      EXPECT_EQ(weight(pre), -1) << code;
    } else {
      EXPECT_EQ(weight(pre), std::stoi(pre_w)) << code;
    }
  }
  EXPECT_EQ(rows, 28);
}

TEST(DeuIssueToScenario, CouncilVotesLargestStateRule) {
  auto s = DeuIssueToScenario(MakeIssue("COD", "QMV", {2000, 1, 26}), "f.csv", {});
  ASSERT_TRUE(s.ok());
  auto cap = Capabilities(*s);
  EXPECT_EQ(cap.size(), 5u);
  EXPECT_EQ(cap["de"], 10);
  EXPECT_EQ(cap["lu"], 2);
  EXPECT_EQ(cap["pl"], 0);    // no Council seat in 2000
  EXPECT_EQ(cap["com"], 10);  // largest member state
  EXPECT_EQ(cap["ep"], 10);   // co-decision
  EXPECT_EQ(s->actors[0].role, Role::kOutsider);
  EXPECT_EQ(s->issues[0].status_quo, 0.0);
  EXPECT_EQ(s->issues[0].outcome, 60.0);
  EXPECT_DOUBLE_EQ(s->stances[0][2]->salience, 0.8);
  EXPECT_DOUBLE_EQ(s->stances[0][3]->salience, 0.0);  // blank salience
}

TEST(DeuIssueToScenario, ConsultationAndCoEqualRules) {
  DeuCapabilityOptions opt;
  auto cns = DeuIssueToScenario(MakeIssue("CNS", "QMV", {2000, 1, 26}), "f.csv", opt);
  EXPECT_EQ(Capabilities(*cns)["ep"], 0);
  opt.institutions = DeuInstitutions::kCoEqual;
  auto cod = DeuIssueToScenario(MakeIssue("COD", "QMV", {2000, 1, 26}), "f.csv", opt);
  EXPECT_EQ(Capabilities(*cod)["ep"], 87);  // the whole Council's votes
  opt.institutions = DeuInstitutions::kNone;
  auto none = DeuIssueToScenario(MakeIssue("COD", "QMV", {2000, 1, 26}), "f.csv", opt);
  EXPECT_EQ(Capabilities(*none)["com"], 0);
}

TEST(DeuIssueToScenario, PowerIndicesAndEqual) {
  DeuCapabilityOptions opt;
  opt.mapping = DeuCapability::kShapleyShubik;
  auto qmv = Capabilities(*DeuIssueToScenario(MakeIssue("CNS", "QMV", {2000, 1, 26}), "f", opt));
  EXPECT_GT(qmv["de"], qmv["lu"]);
  EXPECT_DOUBLE_EQ(qmv["com"], qmv["de"]);
  auto unan = Capabilities(*DeuIssueToScenario(MakeIssue("CNS", "Unan", {2000, 1, 26}), "f", opt));
  EXPECT_NEAR(unan["de"], 1.0 / 15.0, 1e-12);
  EXPECT_NEAR(unan["lu"], 1.0 / 15.0, 1e-12);
  opt.mapping = DeuCapability::kBanzhaf;
  auto bz = Capabilities(*DeuIssueToScenario(MakeIssue("CNS", "QMV", {2010, 1, 1}), "f", opt));
  EXPECT_GT(bz["de"], bz["pl"]);
  EXPECT_GT(bz["pl"], bz["lu"]);
  opt.mapping = DeuCapability::kEqual;
  auto eq = Capabilities(*DeuIssueToScenario(MakeIssue("COD", "QMV", {2010, 1, 1}), "f", opt));
  EXPECT_EQ(eq["de"], 1);
  EXPECT_EQ(eq["lu"], 1);
  EXPECT_EQ(eq["ep"], 1);
}

TEST(DeuCapabilityNames, RoundTripAndErrors) {
  for (auto m : {DeuCapability::kCouncilVotes, DeuCapability::kShapleyShubik,
                 DeuCapability::kBanzhaf, DeuCapability::kEqual})
    EXPECT_EQ(*ParseDeuCapability(DeuCapabilityName(m)), m);
  EXPECT_EQ(ParseDeuCapability("gdp").status().message(),
            "unknown capability mapping 'gdp'; known: council-votes, shapley-shubik, banzhaf, "
            "equal");
  EXPECT_EQ(*ParseDeuInstitutions("co-equal"), DeuInstitutions::kCoEqual);
  EXPECT_FALSE(ParseDeuInstitutions("x").ok());
}

}  // namespace
}  // namespace entente
