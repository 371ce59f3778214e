#include "entente/scenario_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "entente/convert.h"
#include "entente/io.h"
#include "testing/shared_files.h"

namespace entente {
namespace {

// Writes `in` as YAML, loads it back and checks that nothing the models read has changed.
void ExpectRoundTrip(const Scenario& in, const std::string& what) {
  SCOPED_TRACE(what);
  Result<std::string> yaml = FormatScenarioYaml(in, "converted for a test\n\nsecond paragraph");
  ASSERT_TRUE(yaml.ok()) << yaml.status().message();
  Result<Scenario> out = ParseScenarioYaml(*yaml, "out.yaml");
  ASSERT_TRUE(out.ok()) << out.status().message() << "\n" << *yaml;
  EXPECT_EQ(out->meta.title, in.meta.title);
  EXPECT_EQ(out->meta.description, in.meta.description);
  ASSERT_EQ(out->actors.size(), in.actors.size());
  // Issues without any stance are left out; the others keep their order.
  std::vector<std::size_t> kept;
  for (std::size_t k = 0; k < in.issues.size(); ++k) {
    for (const std::optional<Stance>& st : in.stances[k]) {
      if (st) {
        kept.push_back(k);
        break;
      }
    }
  }
  ASSERT_EQ(out->issues.size(), kept.size());
  for (std::size_t a = 0; a < in.actors.size(); ++a) {
    EXPECT_EQ(out->actors[a].id, in.actors[a].id);
    EXPECT_EQ(out->actors[a].name, in.actors[a].name);
    EXPECT_EQ(out->actors[a].description, in.actors[a].description);
    EXPECT_NEAR(out->actors[a].capability, in.actors[a].capability, 1e-12);
    EXPECT_EQ(out->actors[a].role, in.actors[a].role);
    EXPECT_EQ(out->actors[a].veto, in.actors[a].veto);
    EXPECT_EQ(out->actors[a].votes, in.actors[a].votes);
  }
  EXPECT_EQ(out->quota, in.quota);
  for (std::size_t ko = 0; ko < kept.size(); ++ko) {
    const std::size_t k = kept[ko];
    const Issue& i = in.issues[k];
    const Issue& o = out->issues[ko];
    EXPECT_EQ(o.id.rfind(YamlIssueId(i.id), 0), 0u) << o.id;  // may gain a "-2" suffix
    EXPECT_EQ(o.label, i.label.empty() ? i.id : i.label);
    EXPECT_EQ(o.description, i.description);
    EXPECT_EQ(o.scale_min, i.scale_min);
    EXPECT_EQ(o.scale_max, i.scale_max);
    EXPECT_EQ(o.min_label, i.min_label);
    EXPECT_EQ(o.max_label, i.max_label);
    EXPECT_EQ(o.status_quo, i.status_quo);
    EXPECT_EQ(o.outcome, i.outcome);
    for (std::size_t a = 0; a < in.actors.size(); ++a) {
      const std::optional<Stance>& si = in.stances[k][a];
      const std::optional<Stance>& so = out->stances[ko][a];
      ASSERT_EQ(si.has_value(), so.has_value()) << k << "," << a;
      if (!si) continue;
      EXPECT_NEAR(so->position, si->position, 1e-12);
      EXPECT_NEAR(so->salience, si->salience, 1e-12);
      EXPECT_NEAR(so->capability.value_or(out->actors[a].capability),
                  si->capability.value_or(in.actors[a].capability), 1e-12);
      EXPECT_EQ(so->source, si->source);
      EXPECT_EQ(so->note, si->note);
    }
  }
}

std::vector<std::filesystem::path> Inputs(const std::string& dir, const std::string& prefix) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(test_data::SharedPath(dir))) {
    const std::string name = e.path().filename().string();
    if (prefix.empty() || name.rfind(prefix, 0) == 0) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ScenarioWriter, RoundTripsEveryKtabVectorInput) {
  int n = 0;
  for (const auto& dir : Inputs("vectors/ktab", "")) {
    for (const char* name : {"input.csv", "input.xml"}) {
      const std::filesystem::path path = dir / name;
      if (!std::filesystem::exists(path)) continue;
      Result<std::string> text = ReadFile(path.string());
      ASSERT_TRUE(text.ok()) << path;
      Result<KtabImport> k = path.extension() == ".csv" ? ImportKtabCsv(*text, path.string())
                                                        : ImportKtabXml(*text, path.string());
      ASSERT_TRUE(k.ok()) << k.status().message();
      ExpectRoundTrip(k->scenario, path.string());
      ++n;
    }
  }
  EXPECT_GE(n, 13);
}

TEST(ScenarioWriter, RoundTripsTheDecideInputs) {
  std::vector<std::filesystem::path> paths = Inputs("vectors/exchange/inputs", "");
  for (const auto& p : Inputs("data/stokman_decide", "")) {
    if (p.extension() == ".csv") paths.push_back(p);
  }
  ASSERT_GE(paths.size(), 5u);
  for (const auto& path : paths) {
    Result<std::string> text = ReadFile(path.string());
    ASSERT_TRUE(text.ok()) << path;
    Result<Scenario> s = ImportDecide(*text, path.string());
    ASSERT_TRUE(s.ok()) << s.status().message();
    if (s->meta.title.empty()) s->meta.title = path.stem().string();  // as `entente convert`
    ExpectRoundTrip(*s, path.string());
  }
}

Scenario Handmade() {
  Scenario s;
  s.meta.title = "A \"quoted\" title: with colon";
  s.meta.date = "2023-07-11";
  s.meta.description = "line one\nline two\twith tab \\ backslash";
  s.meta.sources = {"NATO, Vilnius Communiqué", "# not a comment"};
  s.decision_rule = "consensus";
  Issue timing;
  timing.id = "Timing Of Membership";
  timing.label = "Timing";
  timing.scale_min = -1.5;
  timing.scale_max = 2e3;
  timing.min_label = "never";
  timing.max_label = "now";
  timing.status_quo = 0.1;
  timing.outcome = 1.0 / 3.0;
  timing.outcome_note = "no timetable";
  Issue other;
  other.id = "timing-of-membership";  // clashes with the sanitized id above
  other.label = "Other";
  s.issues = {timing, other};
  Actor a;
  a.id = "usa";
  a.name = "United States";
  a.capability = 0.1 + 0.2;
  a.veto = true;
  Actor b;
  b.id = "Poland (PL)";
  b.name = "Poland";
  b.capability = 3.2;
  b.role = Role::kOutsider;
  s.actors = {a, b};
  Stance s0{1e-7, 0.8, "src: here", "a note", {}, 0.1 + 0.2};
  Stance s1{1999.999, 1.0, "", "", {}, std::nullopt};
  Stance s2{50, 0.25, "", "", {}, std::nullopt};
  s.stances = {{s0, s1}, {std::nullopt, s2}};
  Event e;
  e.id = "shock";
  e.label = "A shock";
  e.round = 2;
  e.enabled = false;
  e.changes = {{"usa", "", EventChange::Field::kCapability, EventChange::Op::kScale, 0.85, {}},
               {"Poland (PL)",
                "Timing Of Membership",
                EventChange::Field::kPosition,
                EventChange::Op::kShift,
                5,
                {}}};
  s.events = {e};
  return s;
}

TEST(ScenarioWriter, RoundTripsEveryFieldAndOddText) {
  const Scenario in = Handmade();
  ExpectRoundTrip(in, "handmade");
  Result<std::string> yaml = FormatScenarioYaml(in);
  ASSERT_TRUE(yaml.ok());
  Result<Scenario> out = ParseScenarioYaml(*yaml, "out.yaml");
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->issues[0].id, "timing-of-membership");
  EXPECT_EQ(out->issues[1].id, "timing-of-membership-2");
  EXPECT_EQ(out->meta.sources, in.meta.sources);
  EXPECT_EQ(out->meta.date, "2023-07-11");
  EXPECT_EQ(out->decision_rule, "consensus");
  EXPECT_EQ(out->issues[0].outcome_note, "no timetable");
  ASSERT_EQ(out->events.size(), 1u);
  EXPECT_EQ(out->events[0].round, 2);
  EXPECT_FALSE(out->events[0].enabled);
  ASSERT_EQ(out->events[0].changes.size(), 2u);
  EXPECT_EQ(out->events[0].changes[1].issue, "timing-of-membership");
  EXPECT_EQ(out->events[0].changes[1].value, 5.0);
}

TEST(ScenarioWriter, RoundTripsQualifiedMajorityVotesAndQuota) {
  Result<Scenario> in =
      LoadScenario(std::string(ENTENTE_SOURCE_DIR) + "/tests/data/qmv_council.yaml");
  ASSERT_TRUE(in.ok()) << in.status().message();
  ExpectRoundTrip(*in, "qmv_council");
}

TEST(ScenarioWriter, ReadableShortStancesAndCommentHeader) {
  Result<std::string> yaml = FormatScenarioYaml(Handmade(), "first\n\nthird");
  ASSERT_TRUE(yaml.ok());
  EXPECT_EQ(yaml->rfind("# first\n#\n# third\nentente: 1\n", 0), 0u) << *yaml;
  EXPECT_NE(yaml->find("      timing-of-membership-2: [50, 0.25]\n"), std::string::npos) << *yaml;
  EXPECT_NE(yaml->find("\n  - id: \"Poland (PL)\"\n"), std::string::npos) << *yaml;
}

TEST(ScenarioWriter, LeavesOutIssuesWithoutStances) {
  Scenario s = Handmade();
  s.stances[1] = {std::nullopt, std::nullopt};
  ExpectRoundTrip(s, "issue without stances");
  Result<std::string> yaml = FormatScenarioYaml(s);
  ASSERT_TRUE(yaml.ok());
  EXPECT_NE(yaml->find("  # left out: issue \"timing-of-membership\" (no actor has a stance"),
            std::string::npos)
      << *yaml;
}

TEST(ScenarioWriter, RefusesWhatYamlCannotHold) {
  Scenario s = Handmade();
  s.stances[0][0]->capability = 7.0;  // differs from the actor's capability
  Result<std::string> yaml = FormatScenarioYaml(s);
  ASSERT_FALSE(yaml.ok());
  EXPECT_EQ(yaml.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(yaml.status().message().find("'usa'"), std::string::npos);
  s = Handmade();
  s.meta.title.clear();
  EXPECT_FALSE(FormatScenarioYaml(s).ok());
}

TEST(ScenarioWriter, SanitizesIssueIds) {
  EXPECT_EQ(YamlIssueId("timing"), "timing");
  EXPECT_EQ(YamlIssueId("Pstn1"), "pstn1");
  EXPECT_EQ(YamlIssueId("CO2 cut/2030"), "co2-cut-2030");
}

}  // namespace
}  // namespace entente
