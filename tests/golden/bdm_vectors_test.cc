// Golden tests: the EUM presets against the reference vectors of three public implementations
// (shared/vectors/bdm, read in place). Cases come from cases.csv:
//   *_jmckib → scholz-code, *_dmasadgdm → masad, *_eum → scholz-equations (eumq05: q = 0.5).
// Each check (positions, risk exponents, round-1 pairs, events) is its own parameterised suite,
// instantiated only for the cases whose vector file exists: no test is skipped for a file an
// implementation does not publish, so the test count is the number of checks actually made.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "entente/expected_utility.h"
#include "golden/bdm_dataset.h"
#include "golden/vector_csv.h"

namespace entente {
namespace {

using testing::BdmVectorDir;
using testing::CsvTable;
using testing::ReadCsv;

constexpr double kTolerance = 1e-9;

struct VectorCase {
  std::string name;     // e.g. "emission_jmckib"
  std::string dataset;  // e.g. "emission"
  std::string impl;     // "jmckib", "dmasadgdm", "eum", "eumq05"
  int rounds = 0;
};

void PrintTo(const VectorCase& c, std::ostream* os) { *os << c.name; }

std::vector<VectorCase> ReadCases() {
  std::vector<VectorCase> cases;
  std::optional<CsvTable> table = ReadCsv(BdmVectorDir() + "/cases.csv");
  if (!table) return cases;
  for (std::size_t row = 0; row < table->rows.size(); ++row) {
    VectorCase c;
    c.name = table->At(row, "case");
    const std::size_t cut = c.name.rfind('_');
    c.dataset = c.name.substr(0, cut);
    c.impl = c.name.substr(cut + 1);
    c.rounds = static_cast<int>(table->Number(row, "rounds_run"));
    cases.push_back(c);
  }
  return cases;
}

std::string PresetFor(const std::string& impl) {
  if (impl == "jmckib") return "scholz-code";
  if (impl == "dmasadgdm") return "masad";
  return "scholz-equations";
}

// The cases whose `<case><suffix>` file exists (e.g. ".risk.csv").
std::vector<VectorCase> CasesWith(const std::string& suffix) {
  std::vector<VectorCase> out;
  for (const VectorCase& c : ReadCases()) {
    if (std::filesystem::exists(BdmVectorDir() + "/" + c.name + suffix)) out.push_back(c);
  }
  return out;
}

std::string CaseName(const ::testing::TestParamInfo<VectorCase>& info) { return info.param.name; }

class BdmVectorTest : public ::testing::TestWithParam<VectorCase> {
 protected:
  void SetUp() override {
    const VectorCase& c = GetParam();
    std::optional<IssueTable> table = testing::LoadBdmDataset(c.dataset);
    ASSERT_TRUE(table.has_value()) << "cannot read " << c.dataset << ".input.csv";
    table_ = *table;
    Result<ExpectedUtilityOptions> options = ExpectedUtilityPreset(PresetFor(c.impl));
    ASSERT_TRUE(options.ok());
    options_ = *options;
    if (c.impl == "eumq05") options_.q = 0.5;
    RunOptions run;
    run.max_rounds = 10;
    run.record_detail = true;
    result_ = RunExpectedUtility(table_, options_, run);
  }

  std::size_t ActorIndex(const std::string& id) const {
    for (std::size_t k = 0; k < table_.actor_ids.size(); ++k) {
      if (table_.actor_ids[k] == id) return k;
    }
    ADD_FAILURE() << "unknown actor " << id;
    return 0;
  }

  const Interaction* Find(int round, const std::string& actor, const std::string& other) const {
    for (const Interaction& in : result_.interactions) {
      if (in.round == round && in.actor == actor && in.counterpart == other) return &in;
    }
    return nullptr;
  }

  IssueTable table_;
  ExpectedUtilityOptions options_;
  IssueResult result_;
};

class BdmPositions : public BdmVectorTest {};
class BdmRisk : public BdmVectorTest {};
class BdmRoundOnePairs : public BdmVectorTest {};
class BdmEvents : public BdmVectorTest {};

TEST_P(BdmPositions, PerRound) {
  const VectorCase& c = GetParam();
  std::optional<CsvTable> rounds = ReadCsv(BdmVectorDir() + "/" + c.name + ".rounds.csv");
  ASSERT_TRUE(rounds.has_value());
  ASSERT_EQ(result_.rounds, c.rounds) << result_.message;
  for (std::size_t row = 0; row < rounds->rows.size(); ++row) {
    const auto t = static_cast<std::size_t>(rounds->Number(row, "round"));
    const std::size_t a = ActorIndex(rounds->At(row, "actor"));
    ASSERT_LT(t, result_.positions.size());
    EXPECT_NEAR(result_.positions[t][a], rounds->Number(row, "position"), kTolerance)
        << c.name << " round " << t << " actor " << rounds->At(row, "actor");
  }
}

TEST_P(BdmRisk, PerRound) {
  const VectorCase& c = GetParam();
  std::optional<CsvTable> risk = ReadCsv(BdmVectorDir() + "/" + c.name + ".risk.csv");
  ASSERT_TRUE(risk.has_value());
  ASSERT_EQ(result_.series.size(), 1u);
  const RoundSeries& series = result_.series[0];
  EXPECT_EQ(series.name, "risk");
  for (std::size_t row = 0; row < risk->rows.size(); ++row) {
    const auto t = static_cast<std::size_t>(risk->Number(row, "round"));
    const std::size_t a = ActorIndex(risk->At(row, "actor"));
    ASSERT_LE(t, series.values.size());
    EXPECT_NEAR(series.values[t - 1][a], risk->Number(row, "r"), kTolerance)
        << c.name << " round " << t << " actor " << risk->At(row, "actor");
  }
}

TEST_P(BdmRoundOnePairs, AfterTheRiskUpdate) {
  const VectorCase& c = GetParam();
  std::optional<CsvTable> pairs = ReadCsv(BdmVectorDir() + "/" + c.name + ".pairs_round1.csv");
  ASSERT_TRUE(pairs.has_value());
  for (std::size_t row = 0; row < pairs->rows.size(); ++row) {
    const std::string& i = pairs->At(row, "perceiver_i");
    const std::string& j = pairs->At(row, "other_j");
    const Interaction* ij = Find(1, i, j);
    const Interaction* ji = Find(1, j, i);
    ASSERT_TRUE(ij && ji) << i << " / " << j;
    EXPECT_NEAR(ij->probability, pairs->Number(row, "P_ij"), kTolerance) << i << "→" << j;
    EXPECT_NEAR(ji->probability, pairs->Number(row, "P_ji"), kTolerance) << j << "→" << i;
    EXPECT_NEAR(ij->eu_actor, pairs->Number(row, "EU_i_ij"), kTolerance) << i << "→" << j;
    EXPECT_NEAR(ij->eu_counterpart, pairs->Number(row, "EU_i_ji"), kTolerance) << i << "←" << j;
  }
}

TEST_P(BdmEvents, AcceptedOffers) {
  const VectorCase& c = GetParam();
  std::optional<CsvTable> events = ReadCsv(BdmVectorDir() + "/" + c.name + ".events.csv");
  ASSERT_TRUE(events.has_value());
  std::vector<const Interaction*> accepted;
  for (const Interaction& in : result_.interactions) {
    if (in.accepted) accepted.push_back(&in);
  }
  if (c.impl == "jmckib") {
    ASSERT_EQ(accepted.size(), events->rows.size());
    for (std::size_t row = 0; row < events->rows.size(); ++row) {
      const Interaction& in = *accepted[row];
      const std::string type = events->At(row, "offer_type");
      EXPECT_EQ(in.round, static_cast<int>(events->Number(row, "round")));
      EXPECT_EQ(in.actor, events->At(row, "actor"));
      EXPECT_EQ(in.counterpart, events->At(row, "counterpart")) << c.name << " row " << row;
      EXPECT_EQ(in.kind, type == "confrontation" ? "conflict" : type);
      EXPECT_NEAR(in.eu_actor, events->Number(row, "eu_ij"), kTolerance);
      EXPECT_NEAR(in.eu_counterpart, events->Number(row, "eu_ji"), kTolerance);
      EXPECT_NEAR(in.to, events->Number(row, "new_position"), kTolerance);
    }
    return;
  }
  // dmasadgdm prints one sentence per move: "A loses confrontation to B", "A compromises
  // with B", "A capituates to B" (sic); the halt line is checked through the stop reason.
  std::vector<std::string> expected;
  for (std::size_t row = 0; row < events->rows.size(); ++row) {
    const std::string& text = events->At(row, "event");
    if (text.rfind("halted", 0) == 0) {
      EXPECT_EQ(result_.stop, StopReason::kHalted);
      continue;
    }
    expected.push_back(events->At(row, "round") + ": " + text);
  }
  std::vector<std::string> ours;
  for (const Interaction* in : accepted) {
    const std::string verb = in->kind == "conflict"     ? " loses confrontation to "
                             : in->kind == "compromise" ? " compromises with "
                                                        : " capituates to ";
    ours.push_back(std::to_string(in->round) + ": " + in->actor + verb + in->counterpart);
  }
  std::sort(expected.begin(), expected.end());
  std::sort(ours.begin(), ours.end());
  EXPECT_EQ(ours, expected);
}

INSTANTIATE_TEST_SUITE_P(Vectors, BdmPositions, ::testing::ValuesIn(CasesWith(".rounds.csv")),
                         CaseName);
INSTANTIATE_TEST_SUITE_P(Vectors, BdmRisk, ::testing::ValuesIn(CasesWith(".risk.csv")), CaseName);
INSTANTIATE_TEST_SUITE_P(Vectors, BdmRoundOnePairs,
                         ::testing::ValuesIn(CasesWith(".pairs_round1.csv")), CaseName);
INSTANTIATE_TEST_SUITE_P(Vectors, BdmEvents, ::testing::ValuesIn(CasesWith(".events.csv")),
                         CaseName);

TEST(BdmVectorCases, AllPresent) {
  // 7 data sets × 3 implementations + emission at q = 0.5; which files each publishes.
  EXPECT_EQ(ReadCases().size(), 22u);
  EXPECT_EQ(CasesWith(".rounds.csv").size(), 22u);
  EXPECT_EQ(CasesWith(".risk.csv").size(), 14u);         // jmckib, dmasadgdm
  EXPECT_EQ(CasesWith(".pairs_round1.csv").size(), 7u);  // jmckib
  EXPECT_EQ(CasesWith(".events.csv").size(), 14u);       // jmckib, dmasadgdm
}

}  // namespace
}  // namespace entente
