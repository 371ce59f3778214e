// A focused search for inputs on which yaml-cpp never returns (fuzz/README.md, "yaml-cpp 0.7
// hangs"): each input goes through the YAML scenario reader (ParseScenarioYaml: its guards,
// then yaml-cpp's LoadAll), and a hang shows as a libFuzzer timeout. Debian's yaml-cpp is not
// compiled with coverage instrumentation, so libFuzzer would see little of what an input does
// inside it; this target adds feedback of its own: the sequence of yaml-cpp token types
// (YAML::Parser::PrintTokens), hashed by trigram into libFuzzer's extra counters, so inputs
// with new token shapes are kept. Built on request only (`--target fuzz_yaml_cpp_hang`).
#include <yaml-cpp/parser.h>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "entente/io.h"

namespace {

constexpr std::size_t kHangTrigramBuckets = 1 << 14;
// libFuzzer treats this section as coverage counters.
__attribute__((section("__libfuzzer_extra_counters")))
std::uint8_t hang_trigram_counters[kHangTrigramBuckets];

// FNV-1a of a PrintTokens line's token name (the text before ':').
std::uint32_t HangTokenName(const std::string& line) {
  std::uint32_t h = 2166136261u;
  for (const char c : line) {
    if (c == ':') break;
    h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  }
  return h;
}

void CountTokenTrigrams(const std::string& text) {
  std::istringstream in(text);
  std::ostringstream tokens;
  try {
    YAML::Parser parser(in);
    parser.PrintTokens(tokens);  // scans only: it cannot loop like LoadAll
  } catch (...) {
    // A scanner error ends the token list; what came before still counts.
  }
  std::istringstream lines(tokens.str());
  std::string line;
  std::uint32_t a = 0, b = 0;
  while (std::getline(lines, line)) {
    const std::uint32_t c = HangTokenName(line);
    ++hang_trigram_counters[(a * 31u + b * 7u + c) % kHangTrigramBuckets];
    a = b;
    b = c;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (text.find('\0') == std::string::npos) CountTokenTrigrams(text);
  (void)entente::ParseScenarioYaml(text, "fuzz.yaml");  // must return; errors are fine
  return 0;
}
