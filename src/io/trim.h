// Whitespace trimming shared by the table and file importers.
//
// Thread-safety: stateless.
#pragma once

#include <string>
#include <string_view>

namespace entente::io {

// `s` without leading and trailing whitespace (std::isspace in the "C" locale: space, tab,
// CR, LF, VT, FF). The result views `s`.
std::string_view TrimSpace(std::string_view s);

// The same, as a string of its own.
inline std::string TrimmedCopy(std::string_view s) { return std::string(TrimSpace(s)); }

}  // namespace entente::io
