#include "io/trim.h"

#include <gtest/gtest.h>

namespace entente::io {
namespace {

TEST(TrimSpace, DropsWhitespaceAtBothEndsOnly) {
  EXPECT_EQ(TrimSpace("  a b \t\r\n"), "a b");
  EXPECT_EQ(TrimSpace("x"), "x");
  EXPECT_EQ(TrimSpace(" \t "), "");
  EXPECT_EQ(TrimSpace(""), "");
}

}  // namespace
}  // namespace entente::io
