#include "entente/backtest_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace entente {
namespace {

BacktestReport Report() {
  BacktestReport r;
  r.reference = "compromise";
  r.bootstrap = 100;
  r.seed = 7;
  r.cases = 2;
  BacktestRow a;
  a.model = "compromise";
  a.n = 2;
  a.mae = 20;
  a.median_ae = 20;
  a.rmse = 25;
  a.within5 = 0.5;
  a.within10 = 0.5;
  a.within20 = 0.5;
  a.n_paired = 2;
  BacktestRow b = a;
  b.model = "eum";
  b.preset = "bdm-1985";
  b.mae = 12.345;
  b.diff_vs_reference = -7.655;
  b.ci_low = std::numeric_limits<double>::quiet_NaN();
  a.ci_low = -1e-15;  // prints as 0.00, not -0.00
  b.ci_high = 1.5;
  r.rows = {a, b};
  r.details = {{"eum", "bdm-1985", "f.csv:2", "d1i1", 61.5, 60, 1.5}};
  r.failures = {"status-quo on d1i1 (f.csv:2): no status quo"};
  return r;
}

TEST(BacktestFormat, Csv) {
  EXPECT_EQ(FormatBacktestCsv(Report()),
            "model,preset,n,mae,median_ae,rmse,within5,within10,within20,diff_vs_compromise,"
            "ci_low,ci_high\n"
            "compromise,,2,20.00,20.00,25.00,0.500,0.500,0.500,0.00,0.00,0.00\n"
            "eum,bdm-1985,2,12.35,20.00,25.00,0.500,0.500,0.500,-7.66,,1.50\n");
  EXPECT_EQ(FormatBacktestCsv(Report(), true),
            "model,preset,source,issue,forecast,outcome,abs_error\n"
            "eum,bdm-1985,f.csv:2,d1i1,61.5000,60.0000,1.5000\n");
}

TEST(BacktestFormat, TableAlignsAndNotesFailures) {
  BacktestReport report = Report();
  report.settings = "deu_dev.csv; capability council-votes";
  const std::string t = FormatBacktestTable(report);
  EXPECT_EQ(t.rfind("deu_dev.csv; capability council-votes\nissues scored: 2;", 0), 0u);
  EXPECT_NE(t.find("issues scored: 2; paired differences against compromise"), std::string::npos);
  EXPECT_NE(t.find("B = 100, seed 7"), std::string::npos);
  EXPECT_NE(t.find("model       preset    n    mae"), std::string::npos);
  EXPECT_NE(t.find("eum         bdm-1985  2  12.35"), std::string::npos);
  EXPECT_NE(t.find("-7.66       -     1.50"), std::string::npos);
  EXPECT_NE(t.find("note: status-quo on d1i1"), std::string::npos);
  EXPECT_EQ(t.find("d1i1,"), std::string::npos);
  EXPECT_NE(FormatBacktestTable(Report(), true).find("f.csv:2  d1i1    61.5000"),
            std::string::npos);
}

TEST(BacktestFormat, JsonUsesNullForMissingNumbers) {
  const auto j = nlohmann::json::parse(FormatBacktestJson(Report(), true));
  EXPECT_EQ(j["issues"], 2);
  EXPECT_EQ(j["rows"][1]["model"], "eum");
  EXPECT_DOUBLE_EQ(j["rows"][1]["diff_vs_compromise"].get<double>(), -7.655);
  EXPECT_TRUE(j["rows"][1]["ci_low"].is_null());
  EXPECT_EQ(j["details"][0]["issue"], "d1i1");
  EXPECT_EQ(j["failures"].size(), 1u);
}

}  // namespace
}  // namespace entente
