// A small XML reader for the subset KTAB's scenario files use (src/io/ktab_xml_import.cc):
// elements, character data, comments, the XML declaration and processing instructions, CDATA,
// and the predefined and numeric character references. Attributes are accepted and ignored;
// DTDs are refused. Errors are ParseError "file:line:col: expected ..., found ...".
//
// Thread-safety: reentrant.
#pragma once

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
};

// Parses a whole document; returns its root element.
Result<std::unique_ptr<XmlNode>> ParseXml(const std::string& text, const std::string& path);

}  // namespace entente::xml
