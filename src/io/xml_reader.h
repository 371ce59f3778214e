// A small XML reader for the subset KTAB's scenario files use (src/io/ktab_xml_import.cc):
// elements, character data, comments, the XML declaration and processing instructions, CDATA,
// and the predefined and numeric character references. Attributes are accepted and ignored;
// DTDs are refused. Errors are ParseError "file:line:col: expected ..., found ...".
//
// Thread-safety: reentrant.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "entente/status.h"

namespace entente::xml {

// One element: its name, its direct character data and its child elements, in order.
struct XmlNode {
  std::string name;
  std::string text;  // concatenated character data directly inside this element
  int line = 0;
  int col = 0;
  std::vector<std::unique_ptr<XmlNode>> children;

  XmlNode() = default;
  XmlNode(const XmlNode&) = delete;
  XmlNode& operator=(const XmlNode&) = delete;
  ~XmlNode();  // iterative: destroying a deep tree does not recurse
};

// Parses a whole document; returns its root element. Elements nested more than `max_depth`
// levels deep (the root is level 1; LoadLimits::max_depth, the CLI's --max-depth) are
// StatusCode::kLimitExceeded "file:line:col: nesting is deeper than the limit of N levels
// (raise it with --max-depth)". The parse is iterative, so any depth is safe for the stack.
Result<std::unique_ptr<XmlNode>> ParseXml(const std::string& text, const std::string& path,
                                          std::size_t max_depth = 64);

}  // namespace entente::xml
