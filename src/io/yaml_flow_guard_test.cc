#include "io/yaml_flow_guard.h"

#include <gtest/gtest.h>

namespace entente::io {
namespace {

TEST(FindStrayFlowSeparator, FindsTheInputsThatHangYamlCpp) {
  // Each of these made yaml-cpp 0.7's LoadAll loop forever.
  struct Case {
    const char* text;
    int line, column;
  } cases[] = {{",", 1, 1},
               {" ,", 1, 2},
               {"!-,-", 1, 3},
               {"&a,-", 1, 3},
               {"--- ,", 1, 5},
               {"- 1\n,", 2, 1},
               {"a: 1\n% x\n, b", 3, 1},
               {"# c\n,", 2, 1},
               {"a: 1\n--- !x ,", 2, 8}};
  for (const Case& c : cases) {
    const TextPosition pos = FindStrayFlowSeparator(c.text);
    EXPECT_EQ(pos.line, c.line) << c.text;
    EXPECT_EQ(pos.byte_column, c.column) << c.text;
  }
}

TEST(FindStrayFlowSeparator, LeavesValidYamlAlone) {
  for (const char* text :
       {"a: [1,\n    2]\n", "stances: {timing: [60, 0.8]\n          , map: [1, 2]}\n",
        "note: \"quoted, [ with brackets\"\nb: 1\n", "note: 'it''s [open'\nb: 1\n",
        "a: 1 # comment, [\nb: 2\n", "a: !tag x,y\n", "- a,b\n", "a: \"two\n  lines, ]\"\nb: 1\n",
        ""}) {
    EXPECT_EQ(FindStrayFlowSeparator(text).line, 0) << text;
  }
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
