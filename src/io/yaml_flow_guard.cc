#include "io/yaml_flow_guard.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

namespace entente::io {

namespace {

// Reads a string_view in place (no copy of a file that may be megabytes).
class GuardViewBuf : public std::streambuf {
 public:
  explicit GuardViewBuf(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only ever read
    setg(begin, begin, begin + text.size());
  }
};

// Builds nothing; remembers where the current document began.
class GuardDocumentStarts : public YAML::EventHandler {
 public:
  YAML::Mark start;

  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

YamlCppStall FindYamlCppStall(std::string_view text) {
  GuardViewBuf buffer(text);
  std::istream in(&buffer);
  GuardDocumentStarts handler;
  int previous_start = -1;
  try {
    YAML::Parser parser(in);
    // Every document consumes at least one token unless it stalls (yaml_flow_guard.h), so
    // this loop ends after at most one document per token of the text.
    while (parser.HandleNextDocument(handler)) {
      if (handler.start.pos == previous_start) {
        YamlCppStall stall;
        stall.position = TextPosition{handler.start.line + 1, handler.start.column + 1};
        const auto offset = static_cast<std::size_t>(handler.start.pos);
        stall.token = offset < text.size() ? text[offset] : '\0';
        return stall;
      }
      previous_start = handler.start.pos;
    }
  } catch (const YAML::Exception&) {
    // LoadAll throws the same exception at the same place; the reader reports it.
  }
  return YamlCppStall{};
}

std::string DescribeYamlCppStall(const YamlCppStall& stall) {
  if (stall.token == ',') {
    return "invalid YAML: ',' separates items only inside [ ] or { }; here it stands outside "
           "them, where a value should start (remove it, or quote the text that holds it, "
           "e.g. \"a, b\")";
  }
  std::string token = "this token";
  if (stall.token > ' ' && stall.token < 0x7f) token = std::string("'") + stall.token + "'";
  return "invalid YAML: " + token +
         " cannot start a value here, outside any collection (remove it, or quote the text "
         "that holds it)";
}

std::string ExplainYamlCppError(std::string_view text, int offset, const std::string& message) {
  const bool block_end =
      message == YAML::ErrorMsg::END_OF_MAP || message == YAML::ErrorMsg::END_OF_SEQ;
  if (block_end && offset >= 0 && static_cast<std::size_t>(offset) < text.size() &&
      text[static_cast<std::size_t>(offset)] == ',') {
    return message +
           " (',' separates items only inside [ ] or { }; remove it, or quote the text that "
           "holds it, e.g. \"a, b\")";
  }
  return message;
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
