#include "cli/scenario_formats.h"

#include <gtest/gtest.h>

#include <string>

#include "entente/convert.h"
#include "testing/shared_files.h"

namespace entente::cli {
namespace {

TEST(GuessScenarioFormat, ByExtensionAndFirstLine) {
  EXPECT_EQ(GuessScenarioFormat("a.yaml", "entente: 1\n"), ScenarioFormat::kEntente);
  EXPECT_EQ(GuessScenarioFormat("a.YML", ""), ScenarioFormat::kEntente);
  EXPECT_EQ(GuessScenarioFormat("a.xml", ""), ScenarioFormat::kKtabXml);
  EXPECT_EQ(GuessScenarioFormat("a.dat", "\n  <?xml version=\"1.0\"?>"), ScenarioFormat::kKtabXml);
  EXPECT_EQ(GuessScenarioFormat("a.txt", ""), ScenarioFormat::kDecide);
  EXPECT_EQ(GuessScenarioFormat("a.csv", "\xEF\xBB\xBF#O;Paris;;;\n"), ScenarioFormat::kDecide);
  EXPECT_EQ(GuessScenarioFormat("a", "'#A'\t'N1'\t'N1'\n"), ScenarioFormat::kDecide);
  EXPECT_EQ(GuessScenarioFormat("a.csv", "Dummy ,\"a, b\",7,3,\r\nActor,..."),
            ScenarioFormat::kKtabCsv);
  EXPECT_EQ(GuessScenarioFormat("a.csv", "actor,capability,position,salience\n"),
            ScenarioFormat::kEntente);
  EXPECT_EQ(GuessScenarioFormat("a.csv", "x,y,7.5,3\n"), ScenarioFormat::kEntente);
  EXPECT_EQ(GuessScenarioFormat("a.dat", "x,y,z\n"), ScenarioFormat::kUnknown);
  EXPECT_EQ(GuessScenarioFormat("dir.v2/file", "x\n"), ScenarioFormat::kUnknown);
}

TEST(ParseScenarioFormat, NamesRoundTrip) {
  for (const char* name : {"ktab-csv", "ktab-xml", "decide"}) {
    Result<ScenarioFormat> f = ParseScenarioFormat(name);
    ASSERT_TRUE(f.ok()) << name;
    EXPECT_STREQ(ScenarioFormatName(*f), name);
  }
  EXPECT_EQ(ParseScenarioFormat("yaml").status().code(), StatusCode::kInvalidArgument);
}

TEST(ReadAnyScenario, ReadsEveryFormatAndKeepsKtabParameters) {
  Result<ImportedScenario> xml =
      ReadAnyScenario(test_data::SharedPath("vectors/ktab/var1/input.xml"), {});
  ASSERT_TRUE(xml.ok()) << xml.status().message();
  EXPECT_EQ(xml->format, ScenarioFormat::kKtabXml);
  EXPECT_NE(xml->notes.find("VotingRule="), std::string::npos) << xml->notes;
  EXPECT_FALSE(xml->scenario.text.empty());

  Result<Scenario> csv =
      LoadAnyScenario(test_data::SharedPath("vectors/ktab/dummy3/input.csv"), {});
  ASSERT_TRUE(csv.ok()) << csv.status().message();
  EXPECT_EQ(csv->actors.size(), 7u);
  EXPECT_EQ(csv->path, test_data::SharedPath("vectors/ktab/dummy3/input.csv"));

  Result<ImportedScenario> decide =
      ReadAnyScenario(test_data::SharedPath("data/stokman_decide/CoP21_original_2016.csv"), {});
  ASSERT_TRUE(decide.ok()) << decide.status().message();
  EXPECT_EQ(decide->format, ScenarioFormat::kDecide);

  Result<ImportedScenario> table =
      ReadAnyScenario(test_data::SharedPath("vectors/bdm/emission.input.csv"), {});
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->format, ScenarioFormat::kEntente);
}

TEST(ReadAnyScenario, DropsIssuesWithoutStances) {
  const std::string path =
      test_data::SharedPath("data/stokman_decide/kopenhagen_original_2016.csv");
  Result<std::string> text = ReadFile(path);
  ASSERT_TRUE(text.ok());
  Result<Scenario> raw = ImportDecide(*text, path);
  ASSERT_TRUE(raw.ok()) << raw.status().message();
  Result<Scenario> read = LoadAnyScenario(path, {});
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_LT(read->issues.size(), raw->issues.size());
  ASSERT_EQ(read->stances.size(), read->issues.size());
  for (const auto& row : read->stances) {
    bool any = false;
    for (const auto& st : row) any = any || st.has_value();
    EXPECT_TRUE(any);
  }
  EXPECT_EQ(read->text, *text);  // the hash identifies the original file
}

TEST(ReadAnyScenario, LimitsAndUnknownExtensions) {
  LoadLimits few;
  few.max_actors = 3;
  Result<Scenario> big =
      LoadAnyScenario(test_data::SharedPath("vectors/ktab/dummy3/input.csv"), few);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kLimitExceeded);
  // Any other extension goes to LoadScenario, which names the extensions it reads.
  Result<Scenario> other = LoadAnyScenario("no_such_file.json", {});
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace entente::cli
