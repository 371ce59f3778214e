#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "entente/io.h"

namespace entente {
namespace {

const char kMinimal[] = R"(entente: 1
title: "Minimal"
issues:
  - id: timing
    label: "Timing"
    scale: {min: 0, max: 100}
actors:
  - id: a
    name: "A"
    capability: 2
    stances:
      timing: {position: 40, salience: 0.8}
  - id: b
    name: "B"
    capability: 1
    stances:
      timing: [60, 0.5]
)";

// Parses `text`, expecting failure, and returns the message.
std::string ErrorOf(const std::string& text, const std::string& path = "s.yaml") {
  Result<Scenario> r = ParseScenarioYaml(text, path);
  EXPECT_FALSE(r.ok()) << "accepted:\n" << text;
  return r.status().message();
}

// kMinimal with `from` replaced by `to` (which must occur exactly once).
std::string Edit(const std::string& from, const std::string& to) {
  std::string text = kMinimal;
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(ParseScenarioYaml, ReadsMinimalScenario) {
  Result<Scenario> r = ParseScenarioYaml(kMinimal, "min.yaml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Scenario& s = *r;
  EXPECT_EQ(s.meta.title, "Minimal");
  EXPECT_EQ(s.path, "min.yaml");
  EXPECT_EQ(s.text, kMinimal);
  ASSERT_EQ(s.actors.size(), 2u);
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.actors[1].id, "b");
  EXPECT_EQ(s.actors[0].role, Role::kMember);
  EXPECT_FALSE(s.actors[0].veto);
  ASSERT_TRUE(s.stances[0][1].has_value());
  EXPECT_DOUBLE_EQ(s.stances[0][1]->position, 60);
  EXPECT_DOUBLE_EQ(s.stances[0][1]->salience, 0.5);
  EXPECT_EQ(s.stances[0][0]->where.line, 12);
  EXPECT_EQ(s.stances[0][0]->where.column, 7);
  EXPECT_EQ(s.actors[1].where.line, 13);
  EXPECT_EQ(s.actors[1].where.column, 5);
  EXPECT_EQ(s.issues[0].where.line, 4);
  EXPECT_EQ(s.issues[0].where.file, "min.yaml");
  EXPECT_TRUE(s.events.empty());
  EXPECT_EQ(s.decision_rule, "");
}

TEST(ParseScenarioYaml, ReadsQualifiedMajorityVotesAndQuota) {
  std::string text = Edit("title: \"Minimal\"\n",
                          "title: \"Minimal\"\ndecision_rule: qualified-majority\nquota: 2.5\n");
  text.replace(text.find("    capability: 2\n"), 18, "    capability: 2\n    votes: 2\n");
  text.replace(text.find("    capability: 1\n"), 18, "    capability: 1\n    votes: 1.5\n");
  Result<Scenario> r = ParseScenarioYaml(text, "qmv.yaml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->decision_rule, "qualified-majority");
  EXPECT_EQ(r->quota, 2.5);
  EXPECT_EQ(r->actors[0].votes, 2.0);
  EXPECT_EQ(r->actors[1].votes, 1.5);
  // Without votes every member has one: a quota of 2 of the 2 members is fine, 3 is not.
  EXPECT_TRUE(
      ParseScenarioYaml(Edit("title: \"Minimal\"\n", "title: \"Minimal\"\nquota: 2\n"), "s.yaml")
          .ok());
  EXPECT_EQ(ErrorOf(Edit("title: \"Minimal\"\n", "title: \"Minimal\"\nquota: 3\n")),
            "s.yaml:3:8: 'quota' 3 exceeds the members' total votes 2; no proposal could ever "
            "pass\n"
            "    3 | quota: 3\n"
            "      |        ^");
  EXPECT_FALSE(ParseScenarioYaml(kMinimal, "s.yaml")->quota.has_value());
}

TEST(ParseScenarioYaml, ReadsEveryFieldOfTheFullExample) {
  Result<Scenario> r = LoadScenario(std::string(ENTENTE_SOURCE_DIR) + "/tests/data/good_full.yaml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Scenario& s = *r;
  EXPECT_EQ(s.meta.title, "Test summit: a membership path");
  EXPECT_EQ(s.meta.date, "2023-07-11");
  EXPECT_EQ(s.meta.description, "Free text over\ntwo lines.\n");
  ASSERT_EQ(s.meta.sources.size(), 2u);
  EXPECT_EQ(s.meta.sources[0], "Communiqué, para. 11");
  EXPECT_EQ(s.decision_rule, "consensus");

  ASSERT_EQ(s.issues.size(), 2u);
  const Issue& timing = s.issues[0];
  EXPECT_EQ(timing.label, "Timing of membership");
  EXPECT_EQ(timing.description, "When membership comes");
  EXPECT_EQ(timing.min_label, "postponed indefinitely");
  EXPECT_EQ(timing.max_label, "immediate");
  EXPECT_EQ(timing.status_quo, 10.0);
  EXPECT_EQ(timing.outcome, 35.0);
  EXPECT_EQ(timing.outcome_note, "no timetable set");
  EXPECT_EQ(timing.outcome_source, "Communiqué para. 11");
  EXPECT_DOUBLE_EQ(s.issues[1].scale_min, -1);
  EXPECT_DOUBLE_EQ(s.issues[1].scale_max, 1);
  EXPECT_FALSE(s.issues[1].status_quo.has_value());

  ASSERT_EQ(s.actors.size(), 3u);
  EXPECT_EQ(s.actors[0].name, "United States");
  EXPECT_DOUBLE_EQ(s.actors[0].capability, 42.1);
  EXPECT_EQ(s.actors[0].capability_source, "SIPRI milex 2022 share");
  EXPECT_EQ(s.actors[0].description, "The largest Ally");
  EXPECT_TRUE(s.actors[1].veto);
  EXPECT_EQ(s.actors[2].role, Role::kOutsider);
  EXPECT_DOUBLE_EQ(s.actors[2].capability, 3.5);

  // salience_scale: percent divides by 100.
  EXPECT_DOUBLE_EQ(s.stances[0][0]->salience, 0.8);
  EXPECT_EQ(s.stances[0][0]->source, "facts §2.2");
  EXPECT_EQ(s.stances[0][0]->note, "cautious");
  EXPECT_DOUBLE_EQ(s.stances[1][0]->position, 0.5);
  EXPECT_DOUBLE_EQ(s.stances[1][0]->salience, 0.6);
  EXPECT_FALSE(s.stances[1][1].has_value());  // deu skips 'map'
  EXPECT_DOUBLE_EQ(s.stances[1][2]->salience, 0.0);

  ASSERT_EQ(s.events.size(), 2u);
  const Event& e = s.events[0];
  EXPECT_EQ(e.id, "wagner-mutiny");
  EXPECT_EQ(e.label, "Mutiny weakens a rival");
  EXPECT_EQ(e.date, "2023-06-24");
  EXPECT_EQ(e.round, 0);
  EXPECT_TRUE(e.enabled);
  EXPECT_EQ(e.source, "news");
  EXPECT_EQ(e.description, "A what-if");
  ASSERT_EQ(e.changes.size(), 3u);
  EXPECT_EQ(e.changes[0].actor, "usa");
  EXPECT_EQ(e.changes[0].field, EventChange::Field::kCapability);
  EXPECT_EQ(e.changes[0].op, EventChange::Op::kScale);
  EXPECT_DOUBLE_EQ(e.changes[0].value, 0.85);
  EXPECT_EQ(e.changes[1].issue, "timing");
  EXPECT_EQ(e.changes[1].field, EventChange::Field::kPosition);
  EXPECT_EQ(e.changes[1].op, EventChange::Op::kShift);
  EXPECT_EQ(e.changes[2].field, EventChange::Field::kSalience);
  EXPECT_EQ(e.changes[2].op, EventChange::Op::kSet);
  EXPECT_DOUBLE_EQ(e.changes[2].value, 0.7);  // percent scale
  EXPECT_EQ(s.events[1].round, 3);
  EXPECT_FALSE(s.events[1].enabled);
  EXPECT_EQ(s.events[1].changes[0].op, EventChange::Op::kSet);
}

TEST(ParseScenarioYaml, SalienceOutOfScaleShowsLineAndCaret) {
  EXPECT_EQ(ErrorOf(Edit("salience: 0.8", "salience: 1.4")),
            "s.yaml:12:40: salience of 'a' on 'timing' must be in [0, 1], got 1.4\n"
            "   12 |       timing: {position: 40, salience: 1.4}\n"
            "      |                                        ^");
}

TEST(ParseScenarioYaml, UnknownKeySuggestsTheClosestKnownKey) {
  EXPECT_EQ(ErrorOf(Edit("    name: \"A\"", "    nmae: \"A\"")),
            "s.yaml:9:5: actor 'a': unknown key 'nmae' (did you mean 'name'?)\n"
            "    9 |     nmae: \"A\"\n"
            "      |     ^");
}

TEST(ParseScenarioYaml, WrongTypeSaysWhatWasFound) {
  EXPECT_EQ(ErrorOf(Edit("capability: 2", "capability: forty")),
            "s.yaml:10:17: capability of 'a': expected a number, got 'forty'\n"
            "   10 |     capability: forty\n"
            "      |                 ^");
  EXPECT_EQ(ErrorOf(Edit("capability: 2", "capability: \"2\"")),
            "s.yaml:10:17: capability of 'a': expected a number, got the string '2'\n"
            "   10 |     capability: \"2\"\n"
            "      |                 ^");
}

TEST(ParseScenarioYaml, EmptyValuePointsAtItsKey) {
  EXPECT_EQ(ErrorOf(Edit("capability: 2", "capability:")),
            "s.yaml:10:5: capability of 'a': expected a number, got an empty value\n"
            "   10 |     capability:\n"
            "      |     ^");
}

TEST(ParseScenarioYaml, RejectsNonFiniteNumbers) {
  for (const char* bad : {".nan", ".inf", "-.Inf", "1e999"}) {
    const std::string message = ErrorOf(Edit("position: 40", std::string("position: ") + bad));
    EXPECT_NE(message.find("position of 'a' on 'timing' must be a finite number, got " +
                           std::string(bad)),
              std::string::npos)
        << message;
  }
}

TEST(ParseScenarioYaml, ColumnsCountCharactersNotBytes) {
  EXPECT_EQ(ErrorOf(Edit("name: \"A\"\n    capability: 2",
                         "name: \"Ä\"\n    capability: 2\n    "
                         "description: \"é\", veto: 3")),
            "s.yaml:11:21: invalid YAML: end of map not found (',' separates items only "
            "inside [ ] or { }; remove it, or quote the text that holds it, e.g. \"a, b\")\n"
            "   11 |     description: \"é\", veto: 3\n"
            "      |                     ^");
}

TEST(ParseScenarioYaml, SyntaxErrorIsReexpressedWithLocation) {
  EXPECT_EQ(ErrorOf(Edit("{min: 0, max: 100}", "{min: 0, max: 100")),
            "s.yaml:7:7: invalid YAML: end of map flow not found\n"
            "    7 | actors:\n"
            "      |       ^");
}

TEST(ParseScenarioYaml, RejectsEmptyAndBinaryText) {
  EXPECT_EQ(ErrorOf(""),
            "s.yaml:1:1: file is empty; expected a scenario with 'entente', 'title', 'issues' "
            "and 'actors'\n"
            "    1 | \n"
            "      | ^");
  EXPECT_EQ(ErrorOf(std::string("entente: 1\ntitle: \"x\0y\"\n", 22)),
            "s.yaml:2:10: file looks binary (a NUL byte at byte 20); expected a UTF-8 text file");
  EXPECT_EQ(ErrorOf("entente: 1\ntitle: \"\xC3\x28\"\n"),
            "s.yaml:2:9: file looks binary (invalid UTF-8 at byte 19); expected a UTF-8 text file");
}

TEST(ParseScenarioYaml, AcceptsCommentsOnlyAsEmpty) {
  EXPECT_NE(ErrorOf("# nothing here\n").find("file is empty"), std::string::npos);
}

TEST(ParseScenarioYaml, LimitsAreLimitExceeded) {
  LoadLimits limits;
  limits.max_actors = 1;
  Result<Scenario> r = ParseScenarioYaml(kMinimal, "s.yaml", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(
      r.status().message(),
      "s.yaml:7:1: 'actors' lists 2 actors, over the limit of 1 (raise it with --max-actors)\n"
      "    7 | actors:\n"
      "      | ^");
  limits = LoadLimits{};
  limits.max_file_bytes = 10;
  r = ParseScenarioYaml(kMinimal, "s.yaml", limits);
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
}

TEST(ParseScenarioYaml, NestingDeeperThanTheLimitIsLimitExceeded) {
  const std::string deep =
      "entente: 1\nnotes: " + std::string(100, '[') + std::string(100, ']') + "\n";
  Result<Scenario> r = ParseScenarioYaml(deep, "d.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(r.status().message().rfind("d.yaml:2:", 0), 0u) << r.status().message();
  EXPECT_NE(r.status().message().find(
                "nesting is deeper than the limit of 64 levels (raise it with --max-depth)"),
            std::string::npos)
      << r.status().message();
  LoadLimits raised;
  raised.max_depth = 200;  // past the limit the reader reports what is wrong with the file
  r = ParseScenarioYaml(deep, "d.yaml", raised);
  EXPECT_EQ(r.status().code(), StatusCode::kParseError) << r.status().message();
}

TEST(ParseScenarioYaml, AliasBombIsLimitExceededNotAHang) {
  // Nine levels of ten aliases each: 10^9 nodes once expanded, from a few hundred bytes.
  std::string text = "entente: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 10; ++level) {
    const std::string prev = "*a" + std::to_string(level - 1);
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", " : "") + prev;
    text += "]\n";
  }
  Result<Scenario> r = ParseScenarioYaml(text, "bomb.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_NE(r.status().message().find("(aliases repeating anchors?)"), std::string::npos)
      << r.status().message();
}

TEST(ParseScenarioYaml, HugeAndDenormalNumbersAreRefused) {
  EXPECT_NE(ErrorOf(Edit("capability: 2", "capability: 1e16"))
                .find("capability of 'a' is too large (magnitude above 1e15), got 1e16"),
            std::string::npos);
  EXPECT_NE(ErrorOf(Edit("capability: 2", "capability: 1e-310"))
                .find("capability of 'a' is too small to tell from 0 (magnitude below 1e-12); "
                      "write 0, got 1e-310"),
            std::string::npos)
      << ErrorOf(Edit("capability: 2", "capability: 1e-310"));
  EXPECT_NE(ErrorOf(Edit("capability: 2", "capability: 1e-400")).find("too small to tell from 0"),
            std::string::npos);
}

}  // namespace
}  // namespace entente
