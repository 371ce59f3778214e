// The uncertain-input syntax of docs/formats/scenario.md as the scenario reader sees it. Error
// texts are covered byte for byte by tests/cli/bad_input/uncertain_*.
#include "io/yaml_distribution.h"

#include <gtest/gtest.h>

#include <string>

#include "entente/io.h"
#include "entente/scenario_writer.h"
#include "entente/uncertainty.h"

namespace entente {
namespace {

const char kScenario[] = R"(entente: 1
title: "Uncertain"
salience_scale: SCALE
issues:
  - id: timing
    label: "Timing"
    scale: {min: 0, max: 100}
actors:
  - id: a
    name: "A"
    capability: {triangular: [1, 2, 6]}
    stances:
      timing: {position: {uniform: [30, 50]}, salience: SALIENCE}
  - id: b
    name: "B"
    capability: 1
    stances:
      timing: [{experts: [60, 70, 95], bootstrap: true}, {normal: [NMEAN, NSD]}]
  - id: c
    name: "C"
    capability: {experts: [1, 3]}
    stances:
      timing: [80, 0.5]
)";

std::string Text(const std::string& scale, const std::string& salience, const std::string& mean,
                 const std::string& sd) {
  std::string text = kScenario;
  const auto put = [&](const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
  };
  put("SCALE", scale);
  put("SALIENCE", salience);
  put("NMEAN", mean);
  put("NSD", sd);
  return text;
}

TEST(UncertainInputs, AreReadInFileOrderWithPointValuesAtTheirCentre) {
  Result<Scenario> r = ParseScenarioYaml(Text("unit", "0.8", "0.6", "0.1"), "u.yaml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Scenario& s = *r;
  ASSERT_EQ(s.uncertain.size(), 5u);

  const UncertainInput& cap_a = s.uncertain[0];
  EXPECT_EQ(cap_a.actor, "a");
  EXPECT_EQ(cap_a.issue, "");
  EXPECT_EQ(cap_a.field, UncertainInput::Field::kCapability);
  EXPECT_EQ(cap_a.distribution.kind, Distribution::Kind::kTriangular);
  EXPECT_EQ(cap_a.distribution.low, 1);
  EXPECT_EQ(cap_a.distribution.mode, 2);
  EXPECT_EQ(cap_a.distribution.high, 6);
  EXPECT_EQ(s.actors[0].capability, 2);  // the mode
  EXPECT_EQ(cap_a.where.line, 11);
  EXPECT_EQ(cap_a.where.column, 17);

  const UncertainInput& pos_a = s.uncertain[1];
  EXPECT_EQ(pos_a.issue, "timing");
  EXPECT_EQ(pos_a.field, UncertainInput::Field::kPosition);
  EXPECT_EQ(pos_a.distribution.kind, Distribution::Kind::kUniform);
  EXPECT_EQ(s.stances[0][0]->position, 40);  // the midpoint

  const UncertainInput& pos_b = s.uncertain[2];
  EXPECT_EQ(pos_b.actor, "b");
  EXPECT_EQ(pos_b.distribution.kind, Distribution::Kind::kExperts);
  EXPECT_TRUE(pos_b.distribution.bootstrap);
  EXPECT_EQ(s.stances[0][1]->position, 75);  // mean of 60, 70, 95

  const UncertainInput& sal_b = s.uncertain[3];
  EXPECT_EQ(sal_b.field, UncertainInput::Field::kSalience);
  EXPECT_EQ(sal_b.distribution.kind, Distribution::Kind::kNormal);
  EXPECT_EQ(sal_b.distribution.mean, 0.6);
  EXPECT_EQ(sal_b.distribution.sd, 0.1);
  EXPECT_EQ(sal_b.distribution.low, 0);  // truncated to the salience scale
  EXPECT_EQ(sal_b.distribution.high, 1);
  EXPECT_EQ(s.stances[0][1]->salience, 0.6);

  // c's capability: experts without bootstrap.
  EXPECT_EQ(s.uncertain[4].actor, "c");
  EXPECT_EQ(s.uncertain[4].field, UncertainInput::Field::kCapability);
  EXPECT_FALSE(s.uncertain[4].distribution.bootstrap);
  EXPECT_EQ(s.actors[2].capability, 2);
}

TEST(UncertainInputs, PercentSalienceIsConvertedToTheUnitScale) {
  Result<Scenario> r =
      ParseScenarioYaml(Text("percent", "{uniform: [40, 90]}", "60", "10"), "u.yaml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Scenario& s = *r;
  ASSERT_EQ(s.uncertain.size(), 6u);
  const Distribution& d = s.uncertain[2].distribution;  // a's salience
  EXPECT_EQ(s.uncertain[2].field, UncertainInput::Field::kSalience);
  EXPECT_DOUBLE_EQ(d.low, 0.4);
  EXPECT_DOUBLE_EQ(d.high, 0.9);
  EXPECT_DOUBLE_EQ(s.stances[0][0]->salience, 0.65);
  const Distribution& n = s.uncertain[4].distribution;  // b's salience
  EXPECT_DOUBLE_EQ(n.mean, 0.6);
  EXPECT_DOUBLE_EQ(n.sd, 0.1);
  EXPECT_DOUBLE_EQ(n.high, 1.0);
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const double v = SampleValue(d, seed);
    EXPECT_GE(v, 0.4);
    EXPECT_LE(v, 0.9);
  }
}

TEST(UncertainInputs, SampledScenariosStayValid) {
  Result<Scenario> r = ParseScenarioYaml(Text("unit", "0.8", "0.6", "0.5"), "u.yaml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (std::uint64_t i = 0; i < 300; ++i) {
    const Scenario s = SampleScenario(*r, ReplicationSeed(3, i));
    EXPECT_GE(s.actors[0].capability, 1);
    EXPECT_LE(s.actors[0].capability, 6);
    EXPECT_GE(s.stances[0][0]->position, 30);
    EXPECT_LE(s.stances[0][0]->position, 50);
    EXPECT_GE(s.stances[0][1]->position, 60);
    EXPECT_LE(s.stances[0][1]->position, 95);
    EXPECT_GE(s.stances[0][1]->salience, 0);
    EXPECT_LE(s.stances[0][1]->salience, 1);
    const double c = s.actors[2].capability;
    EXPECT_TRUE(c == 1 || c == 3) << c;
  }
}

TEST(UncertainInputs, SurviveTheScenarioWriter) {
  Result<Scenario> r =
      ParseScenarioYaml(Text("percent", "{uniform: [40, 90]}", "60", "10"), "u.yaml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  Result<std::string> text = FormatScenarioYaml(*r);
  ASSERT_TRUE(text.ok()) << text.status().message();
  Result<Scenario> back = ParseScenarioYaml(*text, "back.yaml");
  ASSERT_TRUE(back.ok()) << back.status().message() << "\n" << *text;
  ASSERT_EQ(back->uncertain.size(), r->uncertain.size());
  for (std::size_t k = 0; k < r->uncertain.size(); ++k) {
    const UncertainInput& a = r->uncertain[k];
    const UncertainInput& b = back->uncertain[k];
    EXPECT_EQ(a.actor, b.actor);
    EXPECT_EQ(a.issue, b.issue);
    EXPECT_EQ(a.field, b.field);
    EXPECT_EQ(a.distribution.kind, b.distribution.kind);
    EXPECT_DOUBLE_EQ(a.distribution.low, b.distribution.low);
    EXPECT_DOUBLE_EQ(a.distribution.high, b.distribution.high);
    EXPECT_DOUBLE_EQ(a.distribution.mean, b.distribution.mean);
    EXPECT_DOUBLE_EQ(a.distribution.sd, b.distribution.sd);
    EXPECT_EQ(a.distribution.estimates, b.distribution.estimates);
    EXPECT_EQ(a.distribution.bootstrap, b.distribution.bootstrap);
  }
}

TEST(UncertainInputs, PointScenarioHasNone) {
  Result<Scenario> r = LoadScenario(std::string(ENTENTE_SOURCE_DIR) + "/tests/data/good_full.yaml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->uncertain.empty());
}

}  // namespace
}  // namespace entente
