// The bad-input suite through the library: every tests/cli/bad_input/<case>.expected holds the
// exact message LoadScenario must return for <case>.yaml/.yml/.csv (see bad_input/README.md).
// The same files drive the CLI checks in bad_input.cmake.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "entente/io.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

const char kSuiteDir[] = "tests/cli/bad_input";

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Runs the body from the repository root, where messages name files relative to it.
class BadInputSuite : public ::testing::Test {
 protected:
  void SetUp() override {
    saved_ = fs::current_path();
    fs::current_path(ENTENTE_SOURCE_DIR);
  }
  void TearDown() override { fs::current_path(saved_); }

 private:
  fs::path saved_;
};

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(ENTENTE_SOURCE_DIR) / kSuiteDir)) {
    if (entry.path().extension() == ".expected") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST_F(BadInputSuite, EveryCaseFailsWithExactlyTheExpectedMessage) {
  const std::vector<std::string> cases = CaseNames();
  EXPECT_GE(cases.size(), 20u);
  for (const std::string& name : cases) {
    SCOPED_TRACE(name);
    const fs::path dir = kSuiteDir;
    std::string input = (dir / (name + ".yaml")).string();
    StatusCode code = StatusCode::kIOError;  // no input file: it cannot be read
    for (const char* ext : {".yaml", ".yml", ".csv"}) {
      if (fs::exists(dir / (name + ext))) {
        input = (dir / (name + ext)).string();
        code = StatusCode::kParseError;
      }
    }
    LoadLimits limits;
    if (fs::exists(dir / (name + ".args"))) {
      std::istringstream args(Slurp(dir / (name + ".args")));
      std::string flag;
      std::size_t value = 0;
      ASSERT_TRUE(args >> flag >> value);
      if (flag == "--max-file-bytes") {
        limits.max_file_bytes = value;
      } else if (flag == "--max-actors") {
        limits.max_actors = value;
      } else if (flag == "--max-issues") {
        limits.max_issues = value;
      } else {
        ASSERT_EQ(flag, "--max-depth");
        limits.max_depth = value;
      }
      code = StatusCode::kLimitExceeded;
    }
    const Result<Scenario> result = LoadScenario(input, limits);
    ASSERT_FALSE(result.ok()) << input << " was accepted";
    EXPECT_EQ(result.status().code(), code) << StatusCodeName(result.status().code());
    EXPECT_EQ(result.status().message() + "\n", Slurp(dir / (name + ".expected")));
  }
}

TEST_F(BadInputSuite, EveryParseErrorNamesFileLineAndColumn) {
  for (const std::string& name : CaseNames()) {
    const std::string expected = Slurp(fs::path(kSuiteDir) / (name + ".expected"));
    if (name == "over_limit") continue;    // file size: refused before any line is read
    if (name == "missing_file") continue;  // unreadable: no line
    const std::string prefix = std::string(kSuiteDir) + "/" + name + ".";
    ASSERT_EQ(expected.rfind(prefix, 0), 0u) << name;
    // "<path>:<line>:<col>: "
    const std::size_t colon = expected.find(':');
    int line = 0, column = 0;
    char sep = 0;
    std::istringstream rest(expected.substr(colon + 1));
    EXPECT_TRUE(rest >> line >> sep >> column) << name;
    EXPECT_GT(line, 0) << name;
    EXPECT_GT(column, 0) << name;
  }
}

}  // namespace
}  // namespace entente
