#include "core/decimal28.h"

#include <gtest/gtest.h>

#include <string>

namespace entente {
namespace {

// Every expected value below was computed once with Python 3.11's decimal module under its
// default context (prec = 28, ROUND_HALF_EVEN) and written here as text: str(Decimal(a) op
// Decimal(b)), str(Decimal(float)), str(Decimal(text)). Python is the reference semantics; the
// test does not run it.

Decimal28 D28(const char* text) {
  auto d = Decimal28::Parse(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(Decimal28());
}

struct Decimal28OpCase {
  const char* a;
  char op;
  const char* b;
  const char* expected;
};

TEST(Decimal28Test, ArithmeticMatchesPythonDecimal) {
  const Decimal28OpCase cases[] = {
      {"1", '+', "2", "3"},
      {"0.1", '+', "0.2", "0.3"},
      {"70", '+', "1E-26", "70.00000000000000000000000001"},
      {"70", '+', "4E-27", "70.00000000000000000000000000"},
      {"70", '+', "5E-27", "70.00000000000000000000000000"},
      {"70.00000000000000000000000001", '+', "5E-27", "70.00000000000000000000000002"},
      {"9999999999999999999999999999", '+', "1", "1.000000000000000000000000000E+28"},
      {"9999999999999999999999999999", '+', "0.5", "1.000000000000000000000000000E+28"},
      {"1.5", '+', "-1.5", "0.0"},
      {"0E-26", '+', "70", "70.00000000000000000000000000"},
      {"123456789012345678901234567.8", '+', "0.05", "123456789012345678901234567.8"},
      {"-123456789012345678901234567.8", '+', "-0.05", "-123456789012345678901234567.8"},
      {"1E+30", '+', "1", "1.000000000000000000000000000E+30"},
      {"1E-40", '+', "1.5", "1.500000000000000000000000000"},
      {"100", '-', "0.000000000000000000000000001", "100.0000000000000000000000000"},
      {"1", '-', "1E-28", "0.9999999999999999999999999999"},
      {"58.09940311114165852062314764", '-', "26.40436164202296234469393803",
       "31.69504146911869617592920961"},
      {"0.3", '-', "0.1", "0.2"},
      {"5", '-', "5.000", "0.000"},
      {"0.6", '*', "0.5", "0.30"},
      {"31.69504146911869617592920961", '*', "0.6", "19.01702488147121770555752577"},
      {"1.000000000000000000000000001", '*', "1.000000000000000000000000001",
       "1.000000000000000000000000002"},
      {"-2.5", '*', "4", "-10.0"},
      {"0.0000001", '*', "0.0000001", "1E-14"},
      {"12345678901234567890123456789", '*', "10", "1.234567890123456789012345679E+29"},
      {"1.25", '*', "1.5", "1.875"},
      {"3.14159265358979323846264338", '*', "2.71828182845904523536028747",
       "8.539734222673567065463550856"},
      {"1", '/', "3", "0.3333333333333333333333333333"},
      {"2", '/', "3", "0.6666666666666666666666666667"},
      {"1", '/', "7", "0.1428571428571428571428571429"},
      {"10", '/', "4", "2.5"},
      {"1.4", '/', "1.6", "0.875"},
      {"100", '/', "6.5", "15.38461538461538461538461538"},
      {"1.00", '/', "4", "0.25"},
      {"0", '/', "3.0", "0E+1"},
      {"-1", '/', "3", "-0.3333333333333333333333333333"},
      {"22", '/', "7", "3.142857142857142857142857143"},
      {"1", '/', "1E+5", "0.00001"},
      {"6.66666666666666666666666666", '/', "3", "2.22222222222222222222222222"},
      {"1E-30", '/', "3", "3.333333333333333333333333333E-31"},
      {"12", '/', "0.3", "4E+1"},
      {"987654321.123456789", '/', "0.000123456789", "8000000073900.000663390006037"},
      {"5", '/', "2", "2.5"},
      {"0.5", '/', "0.25", "2"},
  };
  for (const Decimal28OpCase& c : cases) {
    const Decimal28 a = D28(c.a), b = D28(c.b);
    Decimal28 r;
    switch (c.op) {
      case '+':
        r = a + b;
        break;
      case '-':
        r = a - b;
        break;
      case '*':
        r = a * b;
        break;
      default:
        r = a / b;
        break;
    }
    EXPECT_EQ(r.ToString(), c.expected) << c.a << ' ' << c.op << ' ' << c.b;
  }
}

struct Decimal28DoubleCase {
  double v;
  const char* exact;
  const char* shortest;
};

TEST(Decimal28Test, FromDoubleMatchesPython) {
  const Decimal28DoubleCase cases[] = {
      {0.1, "0.1000000000000000055511151231257827021181583404541015625", "0.1"},
      {0.4, "0.40000000000000002220446049250313080847263336181640625", "0.4"},
      {0.8, "0.8000000000000000444089209850062616169452667236328125", "0.8"},
      {0.3333333333333333, "0.333333333333333314829616256247390992939472198486328125",
       "0.3333333333333333"},
      {-2.5, "-2.5", "-2.5"},
      {1e-07, "9.99999999999999954748111825886258685613938723690807819366455078125E-8", "1E-7"},
      {123456.789, "123456.789000000004307366907596588134765625", "123456.789"},
      {1e+22, "10000000000000000000000", "1E+22"},
      {38.4615384615385, "38.46153846153850253131167846731841564178466796875", "38.4615384615385"},
  };
  for (const Decimal28DoubleCase& c : cases) {
    EXPECT_EQ(Decimal28::FromDoubleExact(c.v).ToString(), c.exact) << c.v;
    EXPECT_EQ(Decimal28::FromDoubleShortest(c.v).ToString(), c.shortest) << c.v;
  }
  EXPECT_EQ(Decimal28::FromDoubleExact(0.0).ToString(), "0");
}

TEST(Decimal28Test, ToStringMatchesPython) {
  const std::pair<const char*, const char*> cases[] = {
      {"0E-26", "0E-26"},
      {"1E-27", "1E-27"},
      {"1.50", "1.50"},
      {"-0.000001", "-0.000001"},
      {"0.0000001", "1E-7"},
      {"123E+2", "1.23E+4"},
      {"1E+3", "1E+3"},
      {"70.00000000000000000000000000", "70.00000000000000000000000000"},
      {"5", "5"},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(D28(text).ToString(), expected) << text;
}

// The reference's position update (dutch_models.md §4.8) with the binary-float constants
// Decimal(0.1) and Decimal(0.4): x0 + (Decimal(0.1) + Decimal(0.4)·(1 − s))·(y − x0).
TEST(Decimal28Test, PositionUpdateWithBinaryConstantsMatchesPython) {
  const Decimal28 s = D28("0.7");
  const Decimal28 x0 = D28("38.46153846153846153846153846");
  const Decimal28 y = D28("69.23076923076923076923076923");
  const Decimal28 f = Decimal28::FromDoubleExact(0.1) +
                      Decimal28::FromDoubleExact(0.4) * (Decimal28::FromInt(1) - s);
  EXPECT_EQ(f.ToString(), "0.2200000000000000122124532709");
  EXPECT_EQ((x0 + f * (y - x0)).ToString(), "45.23076923076923114499856218");
}

TEST(Decimal28Test, ComparesExactly) {
  EXPECT_EQ(D28("1.50"), D28("1.5"));
  EXPECT_LT(D28("70"), D28("70.00000000000000000000000001"));
  EXPECT_GT(D28("-1E-30"), D28("-1E-29"));
  EXPECT_EQ(D28("0E-26"), Decimal28());
  EXPECT_TRUE(D28("0E-26").IsZero());
  EXPECT_EQ(D28("-3.5").Sign(), -1);
  EXPECT_EQ(D28("-3.5").Abs().ToString(), "3.5");
  EXPECT_EQ((-D28("2.50")).ToString(), "-2.50");
}

TEST(Decimal28Test, ExactOperationsDoNotRound) {
  const Decimal28 third = D28("1") / D28("3");  // 0.333…3 (28 threes)
  EXPECT_EQ(Decimal28::ExactProduct(third, D28("3")).ToString(), "0.9999999999999999999999999999");
  EXPECT_EQ(Decimal28::ExactSum(D28("70"), D28("4E-30")).ToString(),
            "70.000000000000000000000000000004");
  EXPECT_LT(D28("1E+5"), D28("123456"));
  EXPECT_GT(D28("-1E+5"), D28("-123456"));
  EXPECT_LT(D28("99.9"), D28("100.0"));
}

TEST(Decimal28Test, ToDoubleIsNearest) {
  EXPECT_EQ(D28("0.1").ToDouble(), 0.1);
  EXPECT_EQ(D28("70.00000000000000000000000001").ToDouble(), 70.0);
  EXPECT_EQ(D28("-1.5E-7").ToDouble(), -1.5e-7);
}

TEST(Decimal28Test, ParseRejectsMalformedText) {
  for (const char* bad : {"", "-", ".", "1e", "1e+", "1.2.3", "abc", "NaN", "Infinity"})
    EXPECT_FALSE(Decimal28::Parse(bad).has_value()) << bad;
  EXPECT_EQ(D28(".5").ToString(), "0.5");
  EXPECT_EQ(D28("5.").ToString(), "5");
}

}  // namespace
}  // namespace entente
