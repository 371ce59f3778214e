// Every input a fuzz target once found a bug with (tests/regressions/<target>/<what-it-found>)
// runs through the same target body (fuzz/fuzz_targets.h) in every build, so a fixed finding
// stays fixed even where the fuzzers are not built. A broken contract aborts the test binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.h"

namespace entente::fuzz {
namespace {

struct RegressionCase {
  const FuzzTarget* target;
  std::filesystem::path file;
};

std::vector<RegressionCase> Cases() {
  std::vector<RegressionCase> cases;
  const std::filesystem::path root =
      std::filesystem::path(ENTENTE_SOURCE_DIR) / "tests" / "regressions";
  for (const FuzzTarget& t : FuzzTargets()) {
    const std::filesystem::path dir = root / t.name;
    if (!std::filesystem::is_directory(dir)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) cases.push_back({&t, f});
  }
  return cases;
}

// gtest prints the case by its file in test listings.
void PrintTo(const RegressionCase& c, std::ostream* os) { *os << c.file.string(); }

class FuzzRegression : public ::testing::TestWithParam<RegressionCase> {};

TEST_P(FuzzRegression, KeepsItsContract) {
  std::ifstream in(GetParam().file, std::ios::binary);
  ASSERT_TRUE(in) << GetParam().file;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  GetParam().target->run(bytes.str());  // aborts on a broken contract
}

std::string CaseName(const ::testing::TestParamInfo<RegressionCase>& info) {
  std::string name = std::string(info.param.target->name) + "_" + info.param.file.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Findings, FuzzRegression, ::testing::ValuesIn(Cases()), CaseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FuzzRegression);

}  // namespace
}  // namespace entente::fuzz
