// Guards in front of yaml-cpp 0.7 (Debian 12), which never returns on some invalid documents.
//
// What the loop is. yaml-cpp's scanner turns every ',' that starts a token into a FLOW_ENTRY
// token, also outside any [ ] or { } (block context), where YAML does not allow it. Inside a
// block mapping or sequence the parser then throws ("end of map not found"), but at document
// level `SingleDocParser::HandleNode` neither consumes nor rejects a token that cannot start a
// node: it reports an empty node and returns. `YAML::LoadAll` then asks for the next document,
// which starts at the same token, consumes nothing, and so on forever (each empty document is
// kept, so memory grows too). Fuzzing found it as ",", "!-,-" (a tag, then ','), "- 1\n,"
// (',' after a block sequence), "''!," (a quoted scalar, a tag, ','), "[1], 2" (',' after a
// flow collection) and "&a\r0, b" (yaml-cpp does not take a lone CR as a line break, so the
// anchor is "a\r0"); tests/regressions/ keeps them.
//
// The guard. FindYamlCppStall runs yaml-cpp's own parser over the text with an event handler
// that builds nothing, one document at a time, and stops at the first document that begins
// at the same byte as the one before it: the parser's only state between documents is its
// token queue, so a document that consumed no token is followed by the same one forever.
// Because it uses yaml-cpp's own scanner, it needs no model of YAML's lexical context (block
// scalars, quoted and plain scalars, comments, flow depth, tags, anchors) and cannot disagree
// with it; a text on which it finds nothing is loaded by LoadAll exactly as without the guard.
// The cost is a second parse of the text without building nodes: about 0.7 of LoadAll's time
// (measured on the flagship scenario, 60 KB, and on an 8 MB file of 60,000 actors).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "io/diagnostic.h"

namespace entente::io {

// Where yaml-cpp 0.7's LoadAll would stop making progress on a text.
struct YamlCppStall {
  TextPosition position;  // line 0 when LoadAll terminates (returns or throws)
  char token = 0;         // the first byte of the token it cannot get past
};

// The token at which YAML::LoadAll(text) would loop forever, or a position with line 0 when it
// terminates. Throws nothing: where yaml-cpp throws, the text is left for LoadAll to reject.
YamlCppStall FindYamlCppStall(std::string_view text);

// "invalid YAML: ...": what is wrong at a stall and how to fix it.
std::string DescribeYamlCppStall(const YamlCppStall& stall);

// yaml-cpp's message for an exception at byte `offset` of `text`, with a hint when it is a
// block collection's "end of map/sequence not found" at a ',' (one outside [ ] or { }).
std::string ExplainYamlCppError(std::string_view text, int offset, const std::string& message);

// The position of the first carriage return not followed by a line feed (an old Mac line end),
// or line 0 when there is none. yaml-cpp 0.7 does not take a lone CR as a line break (the
// whole file reads as one line, and "&a\r0, b" stalls it as above), so the reader refuses them;
// "\n" and "\r\n" are fine.
TextPosition FindLoneCarriageReturn(std::string_view text);

}  // namespace entente::io
