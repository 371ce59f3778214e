#include "io/csv_field.h"

#include <fmt/format.h>

namespace entente::io {

std::string CsvQuote(std::string_view s, bool always_quote) {
  if (!always_quote && s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvNumber(double x) { return fmt::format("{}", x); }

}  // namespace entente::io
