// libFuzzer entry point for the yaml_scenario target (fuzz/fuzz_targets.h; fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  entente::fuzz::FuzzYamlScenario(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
