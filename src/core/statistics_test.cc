#include "entente/statistics.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(WeightedMedian, SmallestValueWhereCumulativeWeightReachesHalf) {
  // Sorted: 1 (w1), 2 (w1), 3 (w2): total 4, half 2 reached at value 2.
  EXPECT_DOUBLE_EQ(WeightedMedian({3, 1, 2}, {2, 1, 1}), 2.0);
  EXPECT_DOUBLE_EQ(WeightedMedian({3, 1, 2}, {3, 1, 1}), 3.0);
}

TEST(WeightedMedian, AllZeroWeightsFallBackToUnweighted) {
  EXPECT_DOUBLE_EQ(WeightedMedian({5, 1, 9, 7}, {0, 0, 0, 0}), 5.0);
}

TEST(WeightedMedian, ExactHalfSurvivesRounding) {
  // Saliences 1, 6, 7 on a 0–100 scale: 0.01 + 0.06 is exactly half of 0.14 in real numbers,
  // but in doubles the sum falls just short of half the rounded total.
  EXPECT_DOUBLE_EQ(WeightedMedian({10, 20, 30}, {0.01, 0.06, 0.07}), 20.0);
  EXPECT_DOUBLE_EQ(WeightedMedian({10, 20, 30}, {0.02, 0.12, 0.14}), 20.0);
}

TEST(WeightedMean, IsWeightedAverage) {
  EXPECT_DOUBLE_EQ(WeightedMean({0, 10}, {1, 3}), 7.5);
  EXPECT_DOUBLE_EQ(WeightedMean({0, 10}, {0, 0}), 5.0);
}

TEST(Median, LowerMedianOnEvenCount) { EXPECT_DOUBLE_EQ(Median({4, 1, 3, 2}), 2.0); }

TEST(MidpointMedian, MiddleValueOrMidpointOfTheTwoMiddleValues) {
  EXPECT_DOUBLE_EQ(MidpointMedian({4, 1, 3, 2}), 2.5);
  EXPECT_DOUBLE_EQ(MidpointMedian({9, 1, 5}), 5.0);
  EXPECT_DOUBLE_EQ(MidpointMedian({7}), 7.0);
  EXPECT_DOUBLE_EQ(MidpointMedian({-1, 3}), 1.0);
}

}  // namespace
}  // namespace entente
