#include "cli/command_line.h"

#include <gtest/gtest.h>

namespace entente::cli {
namespace {

TEST(CommandLineTest, QuotesOnlyArgumentsThatNeedIt) {
  const char* argv[] = {"/usr/bin/entente", "run", "a b.yaml", "--param", "q=0.5", "it's", ""};
  EXPECT_EQ(QuoteCommandLine(7, argv), "entente run 'a b.yaml' --param q=0.5 'it'\\''s' ''");
}

TEST(CommandLineTest, ProgramPathBecomesEntente) {
  const char* argv[] = {"./build/release/entente"};
  EXPECT_EQ(QuoteCommandLine(1, argv), "entente");
}

}  // namespace
}  // namespace entente::cli
