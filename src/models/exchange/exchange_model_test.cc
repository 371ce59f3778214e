#include "models/exchange/exchange_model.h"

#include <gtest/gtest.h>

#include "entente/exchange.h"
#include "entente/model.h"

namespace entente {
namespace {

Scenario Small() {
  Scenario s;
  for (const char* id : {"a", "b", "c"}) s.actors.push_back(Actor{id, id, 1.0});
  for (const char* id : {"x", "y"}) {
    Issue is;
    is.id = id;
    is.scale_min = 0;
    is.scale_max = 10;
    s.issues.push_back(is);
  }
  const double pos[2][3] = {{0, 10, 5}, {0, 10, 2}};
  const double sal[2][3] = {{0.1, 0.6, 0.5}, {0.9, 0.5, 0.3}};
  s.stances.assign(2, std::vector<std::optional<Stance>>(3));
  for (int d = 0; d < 2; ++d)
    for (int a = 0; a < 3; ++a) {
      Stance st;
      st.position = pos[d][a];
      st.salience = sal[d][a];
      s.stances[d][a] = st;
    }
  return s;
}

TEST(ExchangeOptions, ValidateNamesTheField) {
  ExchangeOptions o;
  EXPECT_TRUE(o.Validate().ok());
  o.rounds = 0;
  EXPECT_NE(o.Validate().message().find("rounds"), std::string::npos);
  o = ExchangeOptions{};
  o.p = 1.5;
  EXPECT_NE(o.Validate().message().find("p must be"), std::string::npos);
  o = ExchangeOptions{};
  o.fixed_weight = 0.8;
  EXPECT_EQ(o.Validate().code(), StatusCode::kInvalidArgument);
}

TEST(ExchangeOptions, FromRunOptions) {
  RunOptions ro;
  ro.preset = "randomized";
  ro.max_rounds = 3;
  ro.seed = 9;
  ro.params = {{"p", "0.25"}};
  Result<ExchangeOptions> o = ExchangeOptionsFrom(ro);
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->variant, ExchangeVariant::kRandomized);
  EXPECT_EQ(o->rounds, 3);
  EXPECT_EQ(o->seed, 9u);
  EXPECT_DOUBLE_EQ(o->p, 0.25);
  ro.preset = "nope";
  EXPECT_NE(ExchangeOptionsFrom(ro).status().message().find("unknown preset 'nope'"),
            std::string::npos);
  ro.preset = "";
  ro.params = {{"q", "1"}};
  EXPECT_NE(ExchangeOptionsFrom(ro).status().message().find("unknown param 'q'"),
            std::string::npos);
  ro.params = {{"p", "abc"}};
  EXPECT_NE(ExchangeOptionsFrom(ro).status().message().find("must be a number"), std::string::npos);
}

TEST(ExchangeOptions, ArithmeticParam) {
  RunOptions ro;
  ro.params = {{"arithmetic", "decimal28"}};
  Result<ExchangeOptions> o = ExchangeOptionsFrom(ro);
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->arithmetic, ExchangeArithmetic::kDecimal28);
  ro.params = {{"arithmetic", "double"}};
  EXPECT_EQ(ExchangeOptionsFrom(ro)->arithmetic, ExchangeArithmetic::kDouble);
  ro.params = {{"arithmetic", "float"}};
  EXPECT_NE(ExchangeOptionsFrom(ro).status().message().find("'double' or 'decimal28'"),
            std::string::npos);
  ro.preset = "random-rate";
  ro.params = {{"arithmetic", "decimal28"}};
  EXPECT_NE(ExchangeOptionsFrom(ro).status().message().find("equal-gain preset only"),
            std::string::npos);
}

TEST(ExchangeModel, RegisteredWithPresets) {
  Result<const ModelInfo*> info = FindModel("exchange");
  ASSERT_TRUE(info.ok());
  ASSERT_EQ((*info)->presets.size(), 3u);
  EXPECT_EQ((*info)->presets[0].name, "equal-gain");
  EXPECT_EQ((*info)->create()->name(), "exchange");
}

TEST(ExchangeModel, FillsTheGenericResultOnTheIssueScale) {
  RunOptions ro;
  ro.max_rounds = 4;
  ro.record_detail = true;
  Result<ModelRun> run = MakeExchangeModel()->Run(Small(), ro);
  ASSERT_TRUE(run.ok()) << run.status().message();
  ASSERT_EQ(run->issues.size(), 2u);
  int interactions = 0;
  for (const IssueResult& ir : run->issues) {
    EXPECT_EQ(ir.positions.size(), 5u);  // input + 4 rounds
    EXPECT_EQ(ir.weighted_mean.size(), 5u);
    EXPECT_EQ(ir.weighted_median.size(), 5u);
    EXPECT_EQ(ir.rounds, 4);
    EXPECT_EQ(ir.stop, StopReason::kRoundCap);
    EXPECT_DOUBLE_EQ(ir.forecast, ir.weighted_mean.back());
    EXPECT_GE(ir.forecast, 0.0);
    EXPECT_LE(ir.forecast, 10.0);
    EXPECT_DOUBLE_EQ(ir.positions[0][0], 0.0);
    for (const Interaction& in : ir.interactions) {
      EXPECT_EQ(in.kind, "exchange");
      EXPECT_NE(in.from, in.to);
      ++interactions;
    }
  }
  EXPECT_GT(interactions, 0);
}

TEST(ExchangeModel, RejectsAnEmptyScale) {
  Scenario s = Small();
  s.issues[1].scale_max = s.issues[1].scale_min;
  Result<ExchangeResult> r = RunExchange(s, ExchangeOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kModelFailure);
  EXPECT_NE(r.status().message().find("'y'"), std::string::npos);
}

}  // namespace
}  // namespace entente
