#include "cli/command_line.h"

namespace entente::cli {

namespace {

// POSIX shell single quoting: 'it'\''s'.
std::string ShellQuote(const std::string& arg) {
  const bool plain = !arg.empty() && arg.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789_-./=:,+@%") == std::string::npos;
  if (plain) return arg;
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string QuoteCommandLine(int argc, const char* const* argv) {
  std::string line = "entente";
  for (int i = 1; i < argc; ++i) line += " " + ShellQuote(argv[i]);
  return line;
}

}  // namespace entente::cli
