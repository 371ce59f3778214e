#include <gtest/gtest.h>

#include <string>

#include "entente/convert.h"
#include "testing/shared_files.h"

namespace entente {
namespace {

TEST(DecideImport, ReadsTabSeparatedQuotedFile) {
  Result<Scenario> s =
      ImportDecide(test_data::ReadSharedFile("vectors/exchange/inputs/synth6x3.txt"), "s.txt");
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->actors.size(), 6u);
  ASSERT_EQ(s->issues.size(), 3u);
  EXPECT_EQ(s->actors[0].id, "N1");
  EXPECT_EQ(s->issues[2].id, "Z");
  EXPECT_DOUBLE_EQ(s->issues[2].scale_min, 0.0);
  EXPECT_DOUBLE_EQ(s->issues[2].scale_max, 10.0);
  ASSERT_TRUE(s->stances[2][0].has_value());
  EXPECT_DOUBLE_EQ(s->stances[2][0]->position, 4.9);
  EXPECT_DOUBLE_EQ(s->stances[2][0]->salience, 0.68);
  EXPECT_DOUBLE_EQ(s->actors[0].capability, 0.72);
  EXPECT_FALSE(s->stances[2][0]->capability.has_value());
  EXPECT_EQ(s->stances[2][0]->where.line, 18);
}

TEST(DecideImport, ReadsSemicolonFileWithNamesAnchorsAndComments) {
  Result<Scenario> s = ImportDecide(
      test_data::ReadSharedFile("data/stokman_decide/kopenhagen_original_2016.csv"), "k.csv");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->meta.title, "Copenhagen negotiations");
  EXPECT_NE(s->meta.description.find("Clarisse Siebert"), std::string::npos);
  EXPECT_EQ(s->actors.size(), 11u);
  EXPECT_EQ(s->issues.size(), 9u);
  EXPECT_EQ(s->actors[1].id, "EU");
  EXPECT_EQ(s->actors[1].name, "EU (incl Norway)");
}

TEST(DecideImport, ReadsEveryPublishedFile) {
  for (const char* f :
       {"data/stokman_decide/CoP21_original_2016.csv", "data/stokman_decide/cop21_head.tsv",
        "data/stokman_decide/copenhagen_head.tsv",
        "data/stokman_decide/verkiezing_2012_original_2016.csv",
        "vectors/exchange/inputs/tiny2.txt"}) {
    Result<Scenario> s = ImportDecide(test_data::ReadSharedFile(f), f);
    ASSERT_TRUE(s.ok()) << f << ": " << s.status().message();
    EXPECT_FALSE(s->actors.empty()) << f;
    EXPECT_FALSE(s->issues.empty()) << f;
  }
  Result<Scenario> cop =
      ImportDecide(test_data::ReadSharedFile("data/stokman_decide/cop21_head.tsv"), "c");
  ASSERT_TRUE(cop.ok());
  int stances = 0;
  for (const auto& row : cop->stances)
    for (const auto& st : row) stances += st.has_value();
  EXPECT_EQ(stances, 181);
}

TEST(DecideImport, PerIssuePowerGoesIntoTheStance) {
  const std::string text =
      "#A;a;Alpha\n#A;b;Beta\n#P;x;X\n#P;y;Y\n"
      "#D;a;x;10;0.5;1\n#D;a;y;20;0.5;2\n#D;b;x;30;0.5;1\n";
  Result<Scenario> s = ImportDecide(text, "p.csv");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_DOUBLE_EQ(s->actors[0].capability, 1.0);
  EXPECT_FALSE(s->stances[0][0]->capability.has_value());
  ASSERT_TRUE(s->stances[1][0]->capability.has_value());
  EXPECT_DOUBLE_EQ(*s->stances[1][0]->capability, 2.0);
  EXPECT_FALSE(s->stances[1][1].has_value());
}

TEST(DecideImport, PercentSaliencesAreScaled) {
  Result<Scenario> s = ImportDecide("#A;a;A\n#P;x;X\n#D;a;x;10;80;1\n", "p.csv");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_DOUBLE_EQ(s->stances[0][0]->salience, 0.8);
}

struct BadCase {
  const char* text;
  const char* message;
};

TEST(DecideImport, MalformedFilesGiveLocatedErrors) {
  const BadCase cases[] = {
      {"#A;a;A\n#P;x;X\n#D;a;x;ten;0.5;1\n",
       "bad.csv:3:8: expected a position (a number), found 'ten'\n"
       "   3 | #D;a;x;ten;0.5;1\n"
       "     |        ^"},
      {"#A;a;A\n#P;x;X\n#D;b;x;1;0.5;1\n",
       "bad.csv:3:4: expected an actor declared by an #A row, found 'b'\n"
       "   3 | #D;b;x;1;0.5;1\n"
       "     |    ^"},
      {"#A;a;A\n#P;x;X\n#D;a;x;1;0.5\n",
       "bad.csv:3:13: expected a power, found end of row\n"
       "   3 | #D;a;x;1;0.5\n"
       "     |             ^"},
      {"#A;a;A\n#A;a;B\n",
       "bad.csv:2:4: duplicate actor 'a'\n"
       "   2 | #A;a;B\n"
       "     |    ^"},
      {"#A;a;A\n#P;x;X\n#M;x;0\n#M;x;10\n#D;a;x;11;0.5;1\n",
       "bad.csv:5:8: position of 'a' on 'x' must be in [0, 10], found 11\n"
       "   5 | #D;a;x;11;0.5;1\n"
       "     |        ^"},
      {"#A;a;A\n#X;x\n",
       "bad.csv:2:1: expected a row tag (#A, #P, #M, #D, #O, #/ or #0), found '#X'\n"
       "   2 | #X;x\n"
       "     | ^"},
      {"#A;a;A\n#P;x;X\n#D;a;x;1;-0.5;1\n",
       "bad.csv:3:10: salience must be in [0, 1] (or 0-100), found '-0.5'\n"
       "   3 | #D;a;x;1;-0.5;1\n"
       "     |          ^"},
      {"#A;a;A\n#P;x;X\n#D;a;x;1;0.5;1\n#D;a;x;2;0.5;1\n",
       "bad.csv:4:1: duplicate stance of 'a' on 'x'\n"
       "   4 | #D;a;x;2;0.5;1\n"
       "     | ^"},
      {"#P;x;X\n", "bad.csv:1:1: expected at least one actor (#A row), found none"},
  };
  for (const BadCase& c : cases) {
    Result<Scenario> s = ImportDecide(c.text, "bad.csv");
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.status().code(), StatusCode::kParseError);
    EXPECT_EQ(s.status().message(), c.message);
  }
}

}  // namespace
}  // namespace entente
