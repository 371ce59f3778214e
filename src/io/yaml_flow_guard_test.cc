#include "io/yaml_flow_guard.h"

#include <gtest/gtest.h>

#include <string>

namespace entente::io {
namespace {

TEST(FindYamlCppStall, FindsTheTokenLoadAllNeverGetsPast) {
  // Each of these made yaml-cpp 0.7's LoadAll loop forever (found by fuzzing, or a shape of
  // it): a token that cannot start a node, at document level.
  struct Case {
    const char* text;
    int line, column;
  } cases[] = {{",", 1, 1},
               {" ,", 1, 2},
               {"!-,-", 1, 3},     // a tag, then ','
               {"&a,-", 1, 3},     // an anchor, then ','
               {"''!,", 1, 4},     // a quoted scalar, a tag, ','
               {"\"x\" ,", 1, 5},  // a double-quoted scalar, ','
               {"[1], 2", 1, 4},   // after a flow sequence
               {"{a: 1},", 1, 7},  // after a flow mapping
               {"--- ,", 1, 5},    // after the document marker
               {"- 1\n,", 2, 1},   // after a block sequence
               {"a: 1\n--- !x ,", 2, 8},
               {"&a\r0, b", 1, 5},  // yaml-cpp reads "a\r0" as the anchor's name
               {"# c\n,", 2, 1}};
  for (const Case& c : cases) {
    const YamlCppStall stall = FindYamlCppStall(c.text);
    EXPECT_EQ(stall.position.line, c.line) << c.text;
    EXPECT_EQ(stall.position.byte_column, c.column) << c.text;
    EXPECT_EQ(stall.token, ',') << c.text;
  }
}

TEST(FindYamlCppStall, LeavesEveryTerminatingTextAlone) {
  // Valid YAML, with ',' and quotes in each lexical context a line-based guard can misread.
  for (const char* text :
       {"a: [1,\n    2]\n", "stances: {timing: [60, 0.8]\n          , map: [1, 2]}\n",
        "note: \"quoted, [ with brackets\"\nb: 1\n", "note: 'it''s [open'\nb: 1\n",
        "a: 1 # comment, [\nb: 2\n", "a: !tag x,y\n", "- a,b\n", "a: \"two\n  lines, ]\"\nb: 1\n",
        "a\n,b\n",  // a plain scalar "a ,b"
        "d: >\n  folded text\n  , with a comma and 'quotes\"\nb: 1\n",
        "d: |\n  , literal\n  \"open\nb: 1\n", "a: x\n---\nb: y\n", "''", "", "# only\n"}) {
    EXPECT_EQ(FindYamlCppStall(text).position.line, 0) << text;
  }
  // Invalid YAML on which yaml-cpp throws: left to LoadAll's message.
  for (const char* text : {"a: 1\n, b", "a:\n  - b\n ,", "a: [1,", "*unknown ,", "]"}) {
    EXPECT_EQ(FindYamlCppStall(text).position.line, 0) << text;
  }
}

TEST(DescribeYamlCppStall, SaysWhatIsWrongAndHowToFixIt) {
  const std::string comma = DescribeYamlCppStall(FindYamlCppStall("- 1\n,"));
  EXPECT_NE(comma.find("',' separates items only inside [ ] or { }"), std::string::npos);
  EXPECT_NE(comma.find("quote the text"), std::string::npos);
  YamlCppStall other;
  other.position = TextPosition{1, 1};
  other.token = '%';
  EXPECT_NE(DescribeYamlCppStall(other).find("'%' cannot start a value"), std::string::npos);
}

TEST(ExplainYamlCppError, AddsTheCommaHintToBlockCollectionErrorsOnly) {
  EXPECT_NE(ExplainYamlCppError("a: 1\n, b", 5, "end of map not found").find("',' separates"),
            std::string::npos);
  EXPECT_EQ(ExplainYamlCppError("a: 1\nb b", 5, "end of map not found"), "end of map not found");
  EXPECT_EQ(ExplainYamlCppError("[1 ,", 3, "end of sequence flow not found"),
            "end of sequence flow not found");
  EXPECT_EQ(ExplainYamlCppError(",", -1, "end of map not found"), "end of map not found");
}

TEST(FindLoneCarriageReturn, FindsOldMacLineEndsOnly) {
  EXPECT_EQ(FindLoneCarriageReturn("a: 1\r\nb: 2\r\n").line, 0);
  EXPECT_EQ(FindLoneCarriageReturn("a: 1\nb: 2\n").line, 0);
  const TextPosition pos = FindLoneCarriageReturn("a: 1\nb: 2\rc: 3");
  EXPECT_EQ(pos.line, 2);
  EXPECT_EQ(pos.byte_column, 5);
  EXPECT_EQ(FindLoneCarriageReturn("&a\r0, b").line, 1);
}

}  // namespace
}  // namespace entente::io
