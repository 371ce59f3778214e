#include "io/number_range.h"

#include <gtest/gtest.h>

#include <limits>

namespace entente::io {
namespace {

TEST(NumberRange, AcceptsOrdinaryNumbersAndZero) {
  for (double x : {0.0, -0.0, 1.0, -35.5, 1e-12, -1e-12, 1e15, -1e15, 2.5e13, 0.001}) {
    EXPECT_EQ(NumberRangeProblem(x), "") << x;
  }
}

TEST(NumberRange, RefusesNonFiniteHugeAndDenormal) {
  EXPECT_EQ(NumberRangeProblem(std::numeric_limits<double>::infinity()), "must be a finite number");
  EXPECT_EQ(NumberRangeProblem(std::numeric_limits<double>::quiet_NaN()),
            "must be a finite number");
  EXPECT_EQ(NumberRangeProblem(1.0000001e15), "is too large (magnitude above 1e15)");
  EXPECT_EQ(NumberRangeProblem(-1e300), "is too large (magnitude above 1e15)");
  EXPECT_EQ(NumberRangeProblem(std::numeric_limits<double>::denorm_min()),
            "is too small to tell from 0 (magnitude below 1e-12); write 0");
  EXPECT_EQ(NumberRangeProblem(-1e-310),
            "is too small to tell from 0 (magnitude below 1e-12); write 0");
}

}  // namespace
}  // namespace entente::io
