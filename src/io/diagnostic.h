// Compiler-style diagnostics for input files, and the helpers every reader shares.
//
// A diagnostic reads like a compiler's:
//
//   tests/cli/bad_input/salience_out_of_scale.yaml:14:38: salience of 'hungary' on 'timing' ...
//      14 |     timing: {position: 40, salience: 1.4}
//         |                                      ^
//
// i.e. `file:line:col: message`, then the offending line with its number and a caret under the
// column. Columns count characters (UTF-8 code points), not bytes. docs/formats/scenario.md,
// "Error messages", documents the format; tests assert the exact text.
//
// Thread-safety: stateless functions; reentrant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "entente/status.h"

namespace entente::io {

// A position in a text: 1-based line; 1-based column in bytes; 0 = unknown.
struct TextPosition {
  int line = 0;
  int byte_column = 0;
};

// Formats `message` located at `pos` in `text` (the whole file) read from `path`:
// "path:line:col: message\n<excerpt>\n<caret>". Without a known line it is "path: message".
// Tabs in the excerpt are kept in the caret line so the caret lines up.
std::string FormatDiagnostic(std::string_view path, std::string_view text, TextPosition pos,
                             std::string_view message);

// The `line`-th line of `text` (1-based) without its line terminator; empty past the end.
std::string_view LineOfText(std::string_view text, int line);

// Number of UTF-8 code points in `bytes` (continuation bytes are not counted).
int CountCodePoints(std::string_view bytes);

// Edit distance between two strings: insertions, deletions, substitutions and transpositions of
// adjacent characters each cost one (optimal string alignment distance).
std::size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` by edit distance if it is close enough to be a plausible typo
// (distance <= max(1, |word| / 3) or one contains the other), else "".
std::string ClosestMatch(std::string_view word, const std::vector<std::string_view>& candidates);

// " (did you mean 'X'?)" for ClosestMatch, or "" when nothing is close.
std::string DidYouMean(std::string_view word, const std::vector<std::string_view>& candidates);

// Where the text stops being UTF-8 text: the byte offset of the first NUL byte or invalid UTF-8
// sequence, or npos for clean text.
std::size_t FindBinaryByte(std::string_view text);

// Converts a byte offset in `text` to a line/column position.
TextPosition PositionOfOffset(std::string_view text, std::size_t offset);

// Formats a number as a human would write it in a scenario file: integers without a decimal
// point ("40"), others with up to 15 significant digits ("1.4", "0.85"); "nan", "inf", "-inf".
std::string FormatNumber(double value);

// Checks what every reader checks before parsing: `text` fits `max_bytes` (else
// kLimitExceeded) and looks like text (else kParseError "file looks binary", located at the
// first NUL byte or invalid UTF-8 sequence, without an excerpt).
Status CheckInputText(std::string_view path, std::string_view text, std::size_t max_bytes);

}  // namespace entente::io
