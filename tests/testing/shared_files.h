// Paths into the read-only reference folder (ENTENTE_SHARED_DIR: ../shared beside the checkout),
// for tests that read its vectors and data sets directly.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace entente::test_data {

// ENTENTE_SHARED_DIR/<relative>.
inline std::string SharedPath(const std::string& relative) {
  return std::string(ENTENTE_SHARED_DIR) + "/" + relative;
}

// The whole file ENTENTE_SHARED_DIR/<relative>; "" when it cannot be read.
inline std::string ReadSharedFile(const std::string& relative) {
  std::ifstream in(SharedPath(relative), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace entente::test_data
