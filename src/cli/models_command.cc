// `entente models`: every registered model and preset with its one-line description.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <string>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "entente/model.h"

namespace entente::cli {

namespace {

// The listing, one model per line and its presets indented below (default marked).
std::string ModelsListing() {
  std::size_t width = 0;
  for (const ModelInfo& m : ModelRegistry()) {
    width = std::max(width, m.name.size());
    for (std::size_t p = 0; p < m.presets.size(); ++p) {
      width = std::max(width, 2 + m.presets[p].name.size() + (p == 0 ? 10 : 0));
    }
  }
  std::string out;
  for (const ModelInfo& m : ModelRegistry()) {
    out += fmt::format("{:<{}}  {}\n", m.name, width, m.description);
    for (std::size_t p = 0; p < m.presets.size(); ++p) {
      const std::string name = "  " + m.presets[p].name + (p == 0 ? " (default)" : "");
      out += fmt::format("{:<{}}  {}\n", name, width, m.presets[p].description);
    }
  }
  out += "\nUse a model with `entente run FILE --model NAME [--preset PRESET]`.\n";
  return out;
}

}  // namespace

Action ConfigureModels(CLI::App* /*app*/, const Invocation* /*invocation*/) {
  return [] {
    std::fputs(ModelsListing().c_str(), stdout);
    return static_cast<int>(kExitOk);
  };
}

}  // namespace entente::cli
