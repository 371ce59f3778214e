// One field of a CSV line as every CSV writer of entente emits it (RFC 4180).
//
// Thread-safety: stateless.
#pragma once

#include <string>
#include <string_view>

namespace entente::io {

// `s` as a CSV field: quoted when it holds a comma, a double quote, CR or LF (or always, with
// `always_quote`, e.g. for a ';'-joined list), with the quotes inside doubled; else unchanged.
std::string CsvQuote(std::string_view s, bool always_quote = false);

// `x` as the shortest text that reads back to the same double (fmt's default format).
std::string CsvNumber(double x);

}  // namespace entente::io
