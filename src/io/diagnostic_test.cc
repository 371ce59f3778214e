#include "io/diagnostic.h"

#include <gtest/gtest.h>

namespace entente::io {
namespace {

const char kText[] = "first line\n  second: {a: 1.4}\r\nthird\n";

TEST(FormatDiagnostic, PrintsLocationExcerptAndCaret) {
  EXPECT_EQ(FormatDiagnostic("f.yaml", kText, TextPosition{2, 14}, "a is wrong"),
            "f.yaml:2:14: a is wrong\n"
            "    2 |   second: {a: 1.4}\n"
            "      |              ^");
}

TEST(FormatDiagnostic, WithoutLineItIsPathAndMessage) {
  EXPECT_EQ(FormatDiagnostic("f.yaml", kText, TextPosition{}, "cannot read"),
            "f.yaml: cannot read");
}

TEST(FormatDiagnostic, ColumnCountsCharactersAndKeepsTabs) {
  // "é" is two bytes; the caret goes under 'x' at character 4, byte 5.
  EXPECT_EQ(FormatDiagnostic("f", "\té x\n", TextPosition{1, 5}, "m"),
            "f:1:4: m\n"
            "    1 | \té x\n"
            "      | \t  ^");
}

TEST(FormatDiagnostic, WideLineNumbersWidenTheGutter) {
  std::string text;
  for (int i = 0; i < 123456; ++i) text += "x\n";
  EXPECT_EQ(FormatDiagnostic("f", text, TextPosition{123456, 1}, "m"),
            "f:123456:1: m\n"
            "123456 | x\n"
            "       | ^");
}

TEST(FormatDiagnostic, ColumnPastTheEndStaysAtTheEnd) {
  EXPECT_EQ(FormatDiagnostic("f", "ab\n", TextPosition{1, 9}, "m"),
            "f:1:3: m\n    1 | ab\n      |   ^");
}

TEST(LineOfText, ReturnsLinesWithoutTerminators) {
  EXPECT_EQ(LineOfText(kText, 1), "first line");
  EXPECT_EQ(LineOfText(kText, 2), "  second: {a: 1.4}");
  EXPECT_EQ(LineOfText(kText, 3), "third");
  EXPECT_EQ(LineOfText(kText, 4), "");
  EXPECT_EQ(LineOfText(kText, 9), "");
  EXPECT_EQ(LineOfText(kText, 0), "");
}

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndTranspositions) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("nmae", "name"), 1u);
  EXPECT_EQ(EditDistance("salience", "salience"), 0u);
}

TEST(DidYouMean, SuggestsOnlyPlausibleTypos) {
  const std::vector<std::string_view> keys = {"position", "salience", "source", "note"};
  EXPECT_EQ(DidYouMean("postion", keys), " (did you mean 'position'?)");
  EXPECT_EQ(DidYouMean("salince", keys), " (did you mean 'salience'?)");
  EXPECT_EQ(DidYouMean("weight", keys), "");
  EXPECT_EQ(ClosestMatch("sal", {"salience"}), "salience");  // a prefix of a key
  EXPECT_EQ(ClosestMatch("x", {"id", "ab"}), "");
}

TEST(FindBinaryByte, FindsNulAndInvalidUtf8) {
  EXPECT_EQ(FindBinaryByte("plain ascii\n"), std::string_view::npos);
  EXPECT_EQ(FindBinaryByte("Communiqué § – €😀"), std::string_view::npos);
  EXPECT_EQ(FindBinaryByte(std::string_view("ab\0c", 4)), 2u);
  EXPECT_EQ(FindBinaryByte("ab\xff"), 2u);             // never valid
  EXPECT_EQ(FindBinaryByte("a\xc3"), 1u);              // truncated sequence
  EXPECT_EQ(FindBinaryByte("a\xc0\xaf"), 1u);          // overlong '/'
  EXPECT_EQ(FindBinaryByte("a\xed\xa0\x80"), 1u);      // UTF-16 surrogate
  EXPECT_EQ(FindBinaryByte("a\xf4\x90\x80\x80"), 1u);  // past U+10FFFF
}

TEST(PositionOfOffset, CountsLinesAndBytes) {
  EXPECT_EQ(PositionOfOffset("ab\ncd", 0).line, 1);
  EXPECT_EQ(PositionOfOffset("ab\ncd", 4).line, 2);
  EXPECT_EQ(PositionOfOffset("ab\ncd", 4).byte_column, 2);
}

TEST(FormatNumber, WritesNumbersAsInFiles) {
  EXPECT_EQ(FormatNumber(40), "40");
  EXPECT_EQ(FormatNumber(1.4), "1.4");
  EXPECT_EQ(FormatNumber(-0.85), "-0.85");
  EXPECT_EQ(FormatNumber(1e300), "1e+300");
}

TEST(CheckInputText, RejectsOversizedAndBinaryText) {
  EXPECT_TRUE(CheckInputText("f", "text", 10).ok());
  const Status big = CheckInputText("f", "0123456789x", 10);
  EXPECT_EQ(big.code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(big.message(),
            "f: file is 11 bytes, over the limit of 10 bytes (raise it with --max-file-bytes)");
  const Status binary = CheckInputText("f", std::string_view("ok\n\x01\x00", 5), 100);
  EXPECT_EQ(binary.code(), StatusCode::kParseError);
  EXPECT_EQ(binary.message(),
            "f:2:2: file looks binary (a NUL byte at byte 4); expected a UTF-8 text file");
}

}  // namespace
}  // namespace entente::io
