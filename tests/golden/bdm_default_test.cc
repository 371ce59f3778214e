// The default `bdm` preset on the seven reference data sets: it settles (converges or finds a
// two-cycle) well before its round cap, and its forecast is one of the actors' positions
// inside the initial range. The expected forecasts pin today's behaviour (regression).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "entente/expected_utility.h"
#include "golden/bdm_dataset.h"

namespace entente {
namespace {

class BdmDefaultTest : public ::testing::TestWithParam<const char*> {};

TEST_P(BdmDefaultTest, SettlesInsideTheRange) {
  std::optional<IssueTable> table = testing::LoadBdmDataset(GetParam());
  ASSERT_TRUE(table.has_value());
  const IssueResult r = RunExpectedUtility(*table, *ExpectedUtilityPreset("bdm"), RunOptions{});
  const auto [lo, hi] = std::minmax_element(table->position.begin(), table->position.end());
  EXPECT_NE(r.stop, StopReason::kHalted) << r.message;
  // With the default tolerance (1e-6 of the scale width) every data set settles well before the
  // cap; greece's compromises approach 80 geometrically and take longest.
  EXPECT_EQ(r.stop, StopReason::kConverged) << r.message;
  EXPECT_LT(r.rounds, 100) << r.message;
  if (std::string(GetParam()) == "greece") EXPECT_DOUBLE_EQ(r.forecast, 80.0);
  EXPECT_GE(r.forecast, *lo);
  EXPECT_LE(r.forecast, *hi);
}

INSTANTIATE_TEST_SUITE_P(Datasets, BdmDefaultTest,
                         ::testing::Values("emission", "sultan", "china", "honduras", "argentina",
                                           "iran2013", "greece"));

}  // namespace
}  // namespace entente
