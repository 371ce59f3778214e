// A guard in front of yaml-cpp 0.7 (Debian 12): its parser never returns on some invalid
// documents in which a ',' (the flow-collection separator) stands where a block node should
// start, e.g. ",", "!tag,x", "- 1\n," (found by fuzz/yaml_scenario and fuzz/models; kept in
// tests/regressions/). FindStrayFlowSeparator finds such a ',' first, so the reader can refuse
// the file with a located message instead of hanging.
//
// Thread-safety: pure function.
#pragma once

#include <string_view>

#include "io/diagnostic.h"

namespace entente::io {

// The position of the first ',' that begins a line's content outside any [ ] or { } collection
// (after indentation, a '---' document marker, and node properties: '!tag' and '&anchor'
// tokens), or a position with line 0 when there is none. Quoted strings and comments are
// skipped. Such a ',' is never valid YAML (an indicator cannot start a plain scalar in block
// context), so refusing it never rejects a valid file.
TextPosition FindStrayFlowSeparator(std::string_view text);

// The position of the first carriage return not followed by a line feed (an old Mac line end),
// or line 0 when there is none. yaml-cpp 0.7 can loop forever on such line ends (e.g.
// "&a\r0, b", found by fuzz/yaml_scenario), so the reader refuses them; "\n" and "\r\n" are fine.
TextPosition FindLoneCarriageReturn(std::string_view text);

}  // namespace entente::io
