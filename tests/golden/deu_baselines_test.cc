// Golden test: the baseline MAEs on the DEU development subset (Thomson, Stokman, Achen &
// König 2006; Thomson et al. 2012; Arregui & Perarnaud 2022; doi:10.34810/data53, CC BY 4.0).
// The expected figures are what a three-line script computes on deu_dev.csv: 246 issues with an
// outcome and at least two positions.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "entente/backtest.h"
#include "entente/deu.h"

namespace entente {
namespace {

TEST(DeuGolden, BaselineMeanAbsoluteErrors) {
  auto table = LoadDeuCsv(std::string(ENTENTE_SHARED_DIR) + "/data/deu/deu_dev.csv");
  ASSERT_TRUE(table.ok()) << table.status().message();
  auto cases = DeuBacktestCases(*table, {});
  ASSERT_TRUE(cases.ok());
  ASSERT_EQ(cases->size(), 246u);
  BacktestOptions opt;
  opt.bootstrap = 200;
  auto report = RunBacktest(*cases, BaselineForecasters(), opt);
  ASSERT_TRUE(report.ok()) << report.status().message();
  std::map<std::string, BacktestRow> rows;
  for (const BacktestRow& r : report->rows) rows[r.model] = r;
  auto rounded = [](double x) { return std::round(x * 100.0) / 100.0; };
  EXPECT_EQ(rows["mean"].n, 246);
  EXPECT_DOUBLE_EQ(rounded(rows["mean"].mae), 23.15);
  EXPECT_DOUBLE_EQ(rounded(rows["salience-mean"].mae), 23.21);
  EXPECT_DOUBLE_EQ(rounded(rows["midpoint-median"].mae), 27.75);
  EXPECT_DOUBLE_EQ(rounded(rows["salience-median"].mae), 27.34);
  EXPECT_EQ(rows["salience-median"].n, 246);
  // The status quo is recorded on fewer issues: it is scored on those only.
  EXPECT_LT(rows["status-quo"].n, 246);
  EXPECT_EQ(rows["status-quo"].n + rows["status-quo"].failed, 246);
  EXPECT_EQ(rows["procedural"].n, rows["status-quo"].n);
  // The compromise model under the default mapping (Council votes of the regime at `intro`;
  // Commission = largest state; EP = largest state under COD, 0 under CNS), cross-checked with
  // an independent script when this test was written.
  EXPECT_DOUBLE_EQ(rounded(rows["compromise"].mae), 22.81);
}

}  // namespace
}  // namespace entente
