#include "io/csv_field.h"

#include <gtest/gtest.h>

#include <string>

namespace entente::io {
namespace {

TEST(CsvQuote, PlainTextStaysAsItIs) {
  EXPECT_EQ(CsvQuote("Germany"), "Germany");
  EXPECT_EQ(CsvQuote(""), "");
}

TEST(CsvQuote, SeparatorsQuotesAndLineEndsAreQuoted) {
  EXPECT_EQ(CsvQuote("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvQuote("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvQuote("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvQuote("cr\r"), "\"cr\r\"");
}

TEST(CsvQuote, AlwaysQuoteQuotesEvenPlainText) {
  EXPECT_EQ(CsvQuote("x;y", /*always_quote=*/true), "\"x;y\"");
}

TEST(CsvNumber, ShortestTextThatReadsBack) {
  EXPECT_EQ(CsvNumber(0.1), "0.1");
  EXPECT_EQ(CsvNumber(35), "35");
  EXPECT_EQ(std::stod(CsvNumber(1.0 / 3.0)), 1.0 / 3.0);
}

}  // namespace
}  // namespace entente::io
