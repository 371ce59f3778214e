#include "io/diagnostic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace entente::io {

std::string_view LineOfText(std::string_view text, int line) {
  if (line < 1) return {};
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view result = text.substr(start, end - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

int CountCodePoints(std::string_view bytes) {
  int n = 0;
  for (const char c : bytes) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string FormatDiagnostic(std::string_view path, std::string_view text, TextPosition pos,
                             std::string_view message) {
  std::string out(path);
  if (pos.line < 1) {
    out += ": ";
    out += message;
    return out;
  }
  const std::string_view line = LineOfText(text, pos.line);
  const std::size_t byte_col = std::min<std::size_t>(
      static_cast<std::size_t>(std::max(pos.byte_column, 1)) - 1, line.size());
  const std::string_view prefix = line.substr(0, byte_col);
  const int column = CountCodePoints(prefix) + 1;
  out += ":" + std::to_string(pos.line) + ":" + std::to_string(column) + ": ";
  out += message;

  char number[32];
  std::snprintf(number, sizeof number, "%5d", pos.line);
  const std::string gutter(std::string(number).size(), ' ');
  out += "\n";
  out += number;
  out += " | ";
  out += line;
  out += "\n" + gutter + " | ";
  // Keep tabs so the caret sits under the same character in a terminal.
  for (const char c : prefix) {
    if (c == '\t') {
      out += '\t';
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      out += ' ';
    }
  }
  out += '^';
  return out;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  // Levenshtein distance extended with adjacent transpositions (the "optimal string alignment"
  // distance, Damerau 1964): 'nmae' is one edit from 'name', as a typist would expect.
  const std::size_t w = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * w);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best =
          std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, d[(i - 2) * w + j - 2] + 1);
      }
      d[i * w + j] = best;
    }
  }
  return d[a.size() * w + b.size()];
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string best;
  std::size_t best_distance = static_cast<std::size_t>(-1);
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  for (const std::string_view candidate : candidates) {
    const std::size_t d = EditDistance(word, candidate);
    const bool contains = word.size() >= 3 && candidate.size() >= 3 &&
                          (candidate.find(word) != std::string_view::npos ||
                           word.find(candidate) != std::string_view::npos);
    if ((d <= limit || contains) && d < best_distance) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::string match = ClosestMatch(word, candidates);
  if (match.empty()) return "";
  return " (did you mean '" + match + "'?)";
}

std::size_t FindBinaryByte(std::string_view text) {
  // UTF-8 as in RFC 3629 §4: no overlong forms, no surrogates, nothing past U+10FFFF.
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return i;
    if (c < 0x80) {
      ++i;
      continue;
    }
    int length = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + static_cast<std::size_t>(length) > text.size()) return i;
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < lo || second > hi) return i;
    for (int k = 2; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      if ((next & 0xC0) != 0x80) return i;
    }
    i += static_cast<std::size_t>(length);
  }
  return std::string_view::npos;
}

TextPosition PositionOfOffset(std::string_view text, std::size_t offset) {
  TextPosition pos{1, 1};
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.byte_column = 1;
    } else {
      ++pos.byte_column;
    }
  }
  return pos;
}

std::string FormatNumber(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", value);
  return buf;
}

Status CheckInputText(std::string_view path, std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    return Status::LimitExceeded(std::string(path) + ": file is " + std::to_string(text.size()) +
                                 " bytes, over the limit of " + std::to_string(max_bytes) +
                                 " bytes (raise it with --max-file-bytes)");
  }
  const std::size_t bad = FindBinaryByte(text);
  if (bad == std::string_view::npos) return Status::Ok();
  const TextPosition pos = PositionOfOffset(text, bad);
  // No excerpt: echoing binary bytes to a terminal helps nobody.
  const std::string what = text[bad] == '\0' ? "a NUL byte" : "invalid UTF-8";
  return Status::ParseError(
      std::string(path) + ":" + std::to_string(pos.line) + ":" +
      std::to_string(
          CountCodePoints(
              LineOfText(text, pos.line).substr(0, static_cast<std::size_t>(pos.byte_column - 1))) +
          1) +
      ": file looks binary (" + what + " at byte " + std::to_string(bad) +
      "); expected a UTF-8 text file");
}

}  // namespace entente::io
