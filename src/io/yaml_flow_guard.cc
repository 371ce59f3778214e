#include "io/yaml_flow_guard.h"

namespace entente::io {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }
bool IsBreak(char c) { return c == '\n' || c == '\r'; }
// Characters that end a tag or anchor token.
bool EndsProperty(char c) {
  return IsSpace(c) || IsBreak(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

}  // namespace

TextPosition FindStrayFlowSeparator(std::string_view text) {
  int depth = 0;  // nesting of [ ] and { }
  int line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const std::size_t line_start = i;
    // At a line's content: check the first token outside any flow collection.
    if (depth == 0) {
      std::size_t j = i;
      while (j < n && IsSpace(text[j])) ++j;
      if (text.substr(j, 3) == "---" && (j + 3 == n || EndsProperty(text[j + 3]))) j += 3;
      for (;;) {
        while (j < n && IsSpace(text[j])) ++j;
        if (j < n && (text[j] == '!' || text[j] == '&')) {
          while (j < n && !EndsProperty(text[j])) ++j;
          continue;
        }
        break;
      }
      if (j < n && text[j] == ',') {
        return TextPosition{line, static_cast<int>(j - line_start) + 1};
      }
    }
    // Walk the rest of the line, tracking flow depth; skip quoted strings and comments.
    char previous = ' ';
    while (i < n && !IsBreak(text[i])) {
      const char c = text[i];
      if (c == '#' && (IsSpace(previous) || i == line_start)) {
        while (i < n && !IsBreak(text[i])) ++i;
        break;
      }
      const bool scalar_start = IsSpace(previous) || previous == ',' || previous == '[' ||
                                previous == '{' || previous == ':' || i == line_start;
      if ((c == '"' || c == '\'') && scalar_start) {
        // A quoted scalar may span lines; count the breaks it holds.
        const char quote = c;
        ++i;
        while (i < n) {
          if (text[i] == '\\' && quote == '"' && i + 1 < n) {
            if (IsBreak(text[i + 1])) ++line;
            i += 2;
            continue;
          }
          if (text[i] == quote) {
            if (quote == '\'' && i + 1 < n && text[i + 1] == '\'') {
              i += 2;
              continue;
            }
            break;
          }
          if (text[i] == '\n') ++line;
          ++i;
        }
        previous = quote;
        if (i < n) ++i;
        continue;
      }
      if (c == '[' || c == '{') ++depth;
      if ((c == ']' || c == '}') && depth > 0) --depth;
      previous = c;
      ++i;
    }
    // Past the line break (\n, \r\n or \r).
    if (i < n && text[i] == '\r') ++i;
    if (i < n && text[i] == '\n') ++i;
    ++line;
  }
  return TextPosition{};
}

TextPosition FindLoneCarriageReturn(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
      return TextPosition{line, static_cast<int>(i - line_start) + 1};
    }
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return TextPosition{};
}

}  // namespace entente::io
