#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "entente/io.h"

namespace entente {
namespace {

TEST(ParseActorTableCsv, BuildsAOneIssueScenario) {
  const std::string text =
      "actor,capability,position,salience\n"
      "Macri,0.159,100,0.99\n"
      "UCR Alliance,0.084,90,0.9\r\n"
      "\n"
      "\"Frente, Renovador\",0.05,0,1\n";
  Result<Scenario> r = ParseActorTableCsv(text, "data/argentina.input.csv");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Scenario& s = *r;
  EXPECT_EQ(s.meta.title, "argentina.input");
  EXPECT_EQ(s.text, text);
  EXPECT_EQ(s.path, "data/argentina.input.csv");
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.issues[0].id, "issue");
  EXPECT_DOUBLE_EQ(s.issues[0].scale_min, 0);
  EXPECT_DOUBLE_EQ(s.issues[0].scale_max, 100);
  ASSERT_EQ(s.actors.size(), 3u);
  EXPECT_EQ(s.actors[1].id, "UCR Alliance");
  EXPECT_EQ(s.actors[1].name, "UCR Alliance");
  EXPECT_EQ(s.actors[2].id, "Frente, Renovador");
  EXPECT_DOUBLE_EQ(s.actors[0].capability, 0.159);
  EXPECT_DOUBLE_EQ(s.stances[0][1]->position, 90);
  EXPECT_DOUBLE_EQ(s.stances[0][1]->salience, 0.9);
  EXPECT_EQ(s.actors[2].where.line, 5);
  EXPECT_TRUE(s.events.empty());
}

TEST(ParseActorTableCsv, ColumnsMayComeInAnyOrder) {
  Result<Scenario> r =
      ParseActorTableCsv("salience,position,actor,capability\n0.5,3,A,1\n1,4,B,2\n", "t.csv");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->actors[1].id, "B");
  EXPECT_DOUBLE_EQ(r->stances[0][1]->position, 4);
  EXPECT_DOUBLE_EQ(r->stances[0][0]->salience, 0.5);
}

TEST(ParseActorTableCsv, EqualPositionsGiveAUnitWideScale) {
  Result<Scenario> r =
      ParseActorTableCsv("actor,capability,position,salience\nA,1,7,1\nB,1,7,1\n", "t.csv");
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->issues[0].scale_min, 7);
  EXPECT_DOUBLE_EQ(r->issues[0].scale_max, 8);
}

TEST(ParseActorTableCsv, ReadsEverySharedBdmInput) {
  const std::filesystem::path dir = std::filesystem::path(ENTENTE_SHARED_DIR) / "vectors" / "bdm";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no shared vectors at " << dir;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 10 || name.substr(name.size() - 10) != ".input.csv") continue;
    Result<Scenario> r = LoadScenario(entry.path().string());
    EXPECT_TRUE(r.ok()) << r.status().message();
    if (r.ok()) EXPECT_GE(r->actors.size(), 4u) << name;
    ++files;
  }
  EXPECT_GE(files, 7);
}

TEST(ParseActorTableCsv, ErrorsNameLineColumnAndField) {
  EXPECT_EQ(
      ParseActorTableCsv("actor,capability,position,salience\nA,1,2,0.5\nB,2,x3,0.5\n", "t.csv")
          .status()
          .message(),
      "t.csv:3:5: position of 'B': expected a number, got 'x3'\n"
      "    3 | B,2,x3,0.5\n"
      "      |     ^");
  EXPECT_EQ(ParseActorTableCsv("actor,capability,position,salience\n,1,2,0.5\nB,2,3,0.5\n", "t.csv")
                .status()
                .message(),
            "t.csv:2:1: actor name must not be empty\n"
            "    2 | ,1,2,0.5\n"
            "      | ^");
  EXPECT_EQ(ParseActorTableCsv("actor,capability,position,salience,actor\nA,1,2,0.5,A\n", "t.csv")
                .status()
                .message(),
            "t.csv:1:36: duplicate column 'actor'\n"
            "    1 | actor,capability,position,salience,actor\n"
            "      |                                    ^");
  EXPECT_EQ(
      ParseActorTableCsv("actor,capability,position,salience\nA,1,2,0.5,9\nB,1,2,1\n", "t.csv")
          .status()
          .message(),
      "t.csv:2:11: row has 5 fields, expected 4 like the header\n"
      "    2 | A,1,2,0.5,9\n"
      "      |           ^");
  EXPECT_EQ(
      ParseActorTableCsv("actor,capability,position,salience\n\"A\"x,1,2,0.5\nB,1,2,1\n", "t.csv")
          .status()
          .message(),
      "t.csv:2:4: expected ',' after a quoted field, got 'x'\n"
      "    2 | \"A\"x,1,2,0.5\n"
      "      |    ^");
  EXPECT_EQ(
      ParseActorTableCsv("actor,capability,position,salience\nA,1,1e999,0.5\nB,1,2,1\n", "t.csv")
          .status()
          .message(),
      "t.csv:2:5: position of 'A' must be a finite number, got 1e999\n"
      "    2 | A,1,1e999,0.5\n"
      "      |     ^");
}

TEST(ParseActorTableCsv, TooManyRowsIsLimitExceeded) {
  LoadLimits limits;
  limits.max_actors = 2;
  Result<Scenario> r = ParseActorTableCsv(
      "actor,capability,position,salience\nA,1,1,1\nB,1,2,1\nC,1,3,1\n", "t.csv", limits);
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(r.status().message(),
            "t.csv:4:1: table has 3 actors, over the limit of 2 (raise it with --max-actors)\n"
            "    4 | C,1,3,1\n"
            "      | ^");
}

}  // namespace
}  // namespace entente
