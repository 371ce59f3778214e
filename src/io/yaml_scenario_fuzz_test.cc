// Mutation test for the scenario readers: thousands of corrupted variants of valid files (fixed
// seed, so failures reproduce) must each be either rejected with a located parse error or
// accepted as a Scenario that satisfies the conventions of scenario.h. Nothing may crash or
// throw. (A libFuzzer target can reuse the same checks.)
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "entente/io.h"

namespace entente {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Mutate(std::string text, std::mt19937& rng) {
  static const std::string kAlphabet = "{}[],:-#'\"\n \t0.9ae!&*|>?~%@`\\";
  const int edits = 1 + static_cast<int>(rng() % 3);
  for (int e = 0; e < edits && !text.empty(); ++e) {
    const std::size_t at = rng() % text.size();
    switch (rng() % 5) {
      case 0:
        text.erase(at, 1 + rng() % 4);
        break;
      case 1:
        text.insert(at, 1, kAlphabet[rng() % kAlphabet.size()]);
        break;
      case 2:
        text[at] = kAlphabet[rng() % kAlphabet.size()];
        break;
      case 3: {  // repeat a stretch of text
        const std::size_t from = rng() % text.size();
        text.insert(at, text.substr(from, 1 + rng() % 40));
        break;
      }
      default:
        text.resize(at);
        break;
    }
  }
  return text;
}

// The conventions of scenario.h that every accepted scenario must satisfy.
void ExpectConventions(const Scenario& s, const std::string& text) {
  ASSERT_GE(s.actors.size(), 2u) << text;
  ASSERT_GE(s.issues.size(), 1u) << text;
  ASSERT_EQ(s.stances.size(), s.issues.size()) << text;
  for (const Actor& a : s.actors) {
    EXPECT_TRUE(std::isfinite(a.capability) && a.capability >= 0) << text;
  }
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    const Issue& issue = s.issues[i];
    EXPECT_LT(issue.scale_min, issue.scale_max) << text;
    ASSERT_EQ(s.stances[i].size(), s.actors.size()) << text;
    for (const auto& stance : s.stances[i]) {
      if (!stance) continue;
      EXPECT_GE(stance->position, issue.scale_min) << text;
      EXPECT_LE(stance->position, issue.scale_max) << text;
      EXPECT_GE(stance->salience, 0.0) << text;
      EXPECT_LE(stance->salience, 1.0) << text;
    }
  }
}

void RunMutations(const std::string& seed_text, const std::string& path, bool yaml, int count) {
  std::mt19937 rng(20230711);
  int accepted = 0;
  for (int n = 0; n < count; ++n) {
    const std::string text = Mutate(seed_text, rng);
    const Result<Scenario> r =
        yaml ? ParseScenarioYaml(text, path) : ParseActorTableCsv(text, path);
    if (r.ok()) {
      ++accepted;
      ExpectConventions(*r, text);
      continue;
    }
    EXPECT_EQ(r.status().code(), StatusCode::kParseError) << text;
    // "path:line:col: message"
    EXPECT_EQ(r.status().message().rfind(path + ":", 0), 0u) << r.status().message();
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(r.status().message()[path.size() + 1])))
        << r.status().message();
  }
  // Some mutations (inside comments or free text) leave the file valid.
  EXPECT_GT(accepted, 0);
  EXPECT_LT(accepted, count);
}

TEST(ScenarioReaderMutations, YamlNeverCrashesAndErrorsAreLocated) {
  RunMutations(Slurp(std::string(ENTENTE_SOURCE_DIR) + "/tests/data/good_full.yaml"), "m.yaml",
               true, 1500);
}

TEST(ScenarioReaderMutations, CsvNeverCrashesAndErrorsAreLocated) {
  RunMutations(
      "actor,capability,position,salience\nMacri,0.159,100,0.99\n\"UCR, Alliance\",0.084,90,0.9\n"
      "CFK,0.045,0,0.75\n",
      "m.csv", false, 1500);
}

}  // namespace
}  // namespace entente
