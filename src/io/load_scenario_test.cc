#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "entente/io.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

// A scratch directory removed at the end of each test.
class LoadScenarioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("entente_load_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    EXPECT_TRUE(WriteFileAtomically(path, text).ok());
    return path;
  }
  fs::path dir_;
};

const char kTable[] = "actor,capability,position,salience\nA,1,2,0.5\nB,2,3,0.5\n";

TEST_F(LoadScenarioTest, DispatchesOnExtensionCaseInsensitively) {
  EXPECT_TRUE(LoadScenario(Write("t.csv", kTable)).ok());
  EXPECT_TRUE(LoadScenario(Write("t.CSV", kTable)).ok());
  const std::string yaml = std::string(ENTENTE_SOURCE_DIR) + "/tests/data/good_full.yaml";
  const Result<Scenario> r = LoadScenario(yaml);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->path, yaml);
  EXPECT_EQ(r->actors[0].where.file, yaml);
  // A .yml file is read as YAML: CSV text fails as a YAML scenario.
  const Result<Scenario> yml = LoadScenario(Write("t.yml", kTable));
  ASSERT_FALSE(yml.ok());
  EXPECT_NE(yml.status().message().find("the scenario: expected a mapping"), std::string::npos)
      << yml.status().message();
}

TEST_F(LoadScenarioTest, UnknownExtensionListsTheAcceptedOnes) {
  const std::string path = Write("scenario.json", "{}");
  const Result<Scenario> r = LoadScenario(path);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            path +
                ": cannot tell the format from the extension '.json'; expected .yaml or .yml "
                "(scenario file) or .csv (actor,capability,position,salience table)");
  const std::string bare = Write("scenario", "{}");
  EXPECT_NE(LoadScenario(bare).status().message().find("extension (none)"), std::string::npos);
}

TEST_F(LoadScenarioTest, MissingFileIsIOError) {
  const Result<Scenario> r = LoadScenario((dir_ / "absent.yaml").string());
  EXPECT_EQ(r.status().code(), StatusCode::kIOError);
}

TEST_F(LoadScenarioTest, OversizedFileIsLimitExceededBeforeParsing) {
  LoadLimits limits;
  limits.max_file_bytes = 16;
  const Result<Scenario> r = LoadScenario(Write("t.csv", kTable), limits);
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
}

}  // namespace
}  // namespace entente
