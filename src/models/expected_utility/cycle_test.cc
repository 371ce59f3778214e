#include "models/expected_utility/cycle.h"

#include <gtest/gtest.h>

namespace entente::eum {
namespace {

using States = std::vector<std::vector<double>>;

TEST(EumCycle, FindsTheShortestRepeat) {
  // Rounds 0..6: A B C A B C A, a cycle of length 3 (and also of 6: the shortest is reported).
  const States s = {{1, 2}, {3, 4}, {5, 6}, {1, 2}, {3, 4}, {5, 6}, {1, 2}};
  EXPECT_EQ(CycleLength(s, 0, 6, 1e-9), 3);
}

TEST(EumCycle, TwoCycleAndTheLimitOnK) {
  const States two = {{1, 2}, {3, 4}, {1, 2}};
  EXPECT_EQ(CycleLength(two, 0, 2, 1e-9), 2);
  const States three = {{1, 2}, {3, 4}, {5, 6}, {1, 2}};
  EXPECT_EQ(CycleLength(three, 0, 2, 1e-9), 0);  // only two-cycles asked for
  EXPECT_EQ(CycleLength(three, 0, 3, 1e-9), 3);
}

TEST(EumCycle, ToleranceIsStrictAndPerActor) {
  const States s = {{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}, {1.0 + 1e-5, 2.0 - 1e-5}};
  EXPECT_EQ(CycleLength(s, 0, 3, 1e-4), 3);
  EXPECT_EQ(CycleLength(s, 0, 3, 1e-6), 0);
  EXPECT_EQ(CycleLength(s, 0, 3, 1e-5), 0);  // |difference| must be < tolerance
}

TEST(EumCycle, DoesNotLookPastTheFirstStateOfTheCurrentInputs) {
  const States s = {{1, 2}, {3, 4}, {5, 6}, {1, 2}};
  EXPECT_EQ(CycleLength(s, 1, 3, 1e-9), 0);  // round 0 came from other inputs (an event)
}

TEST(EumCycle, ConvergenceIsNotACycle) {
  // k = 1 (no move) is convergence, reported by the caller; the detector starts at k = 2.
  const States s = {{1, 2}, {3, 4}, {3, 4}};
  EXPECT_EQ(CycleLength(s, 0, 2, 1e-9), 0);
  EXPECT_EQ(CycleLength({{1, 2}}, 0, 5, 1e-9), 0);
}

}  // namespace
}  // namespace entente::eum
