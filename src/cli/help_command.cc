// `entente help [COMMAND]`: the general usage, or one command's options.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace entente::cli {

Action ConfigureHelp(CLI::App* app, const Invocation* /*invocation*/) {
  auto topic = std::make_shared<std::string>();
  app->add_option("COMMAND", *topic, "the command to describe");
  CLI::App* root = app->get_parent();
  return [topic, root]() {
    if (topic->empty()) {
      std::fputs(UsageText().c_str(), stdout);
      return static_cast<int>(kExitOk);
    }
    for (const Command& c : Commands()) {
      if (*topic == c.name) {
        std::fputs(root->get_subcommand(c.name)->help("entente").c_str(), stdout);
        return static_cast<int>(kExitOk);
      }
    }
    std::fprintf(stderr, "entente: unknown command '%s'\n\n%s", topic->c_str(),
                 UsageText().c_str());
    return static_cast<int>(kExitUsage);
  };
}

}  // namespace entente::cli
