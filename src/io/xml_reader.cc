#include "io/xml_reader.h"

#include <cctype>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace entente::xml {
namespace {

class XmlReader {
 public:
  XmlReader(const std::string& text, const std::string& path, std::size_t max_depth)
      : s_(text), path_(path), max_depth_(max_depth) {}

  Result<std::unique_ptr<XmlNode>> ParseDocument() {
    SkipMisc();
    if (!err_.ok()) return err_;
    if (Peek() != '<') return Fail("expected the root element '<'", Found());
    std::unique_ptr<XmlNode> root = ParseElement(max_depth_);
    if (!err_.ok()) return err_;
    SkipMisc();
    if (!err_.ok()) return err_;
    if (i_ < s_.size()) return Fail("expected end of document after the root element", Found());
    return root;
  }

 private:
  char Peek(size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }
  bool StartsWith(const char* lit) const {
    return s_.compare(i_, std::char_traits<char>::length(lit), lit) == 0;
  }
  void Advance(size_t k = 1) {
    for (size_t n = 0; n < k && i_ < s_.size(); ++n, ++i_) {
      if (s_[i_] == '\n') {
        ++line_;
        col_ = 1;
      } else {
        ++col_;
      }
    }
  }
  std::string Found() const {
    if (i_ >= s_.size()) return "end of file";
    std::string t = s_.substr(i_, 12);
    for (char& c : t) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return "'" + t + "'";
  }
  Status Fail(const std::string& expected, const std::string& found) {
    if (err_.ok()) {
      err_ = Status::ParseError(path_ + ":" + std::to_string(line_) + ":" + std::to_string(col_) +
                                ": " + expected + ", found " + found);
    }
    return err_;
  }
  void SkipSpace() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) Advance();
  }
  // Skips "<!-- ... -->"; REQUIRES StartsWith("<!--").
  void SkipComment() {
    const size_t end = s_.find("-->", i_ + 4);
    if (end == std::string::npos) {
      Fail("expected '-->' closing the comment", "end of file");
      return;
    }
    Advance(end + 3 - i_);
  }
  // Whitespace, comments, the declaration and processing instructions outside the root.
  void SkipMisc() {
    while (err_.ok()) {
      SkipSpace();
      if (StartsWith("<?")) {
        const size_t end = s_.find("?>", i_);
        if (end == std::string::npos) {
          Fail("expected '?>'", "end of file");
          return;
        }
        Advance(end + 2 - i_);
      } else if (StartsWith("<!--")) {
        SkipComment();
      } else if (StartsWith("<!")) {
        Fail("expected a document without a DTD", Found());
        return;
      } else {
        return;
      }
    }
  }
  std::string ParseName() {
    std::string n;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
          c == ':') {
        n += c;
        Advance();
      } else {
        break;
      }
    }
    return n;
  }
  // Decodes one reference starting at '&' into out.
  void ParseReference(std::string& out) {
    const size_t end = s_.find(';', i_);
    if (end == std::string::npos || end - i_ > 12) {
      Fail("expected a character reference like '&amp;'", Found());
      return;
    }
    const std::string ref = s_.substr(i_ + 1, end - i_ - 1);
    if (ref == "lt")
      out += '<';
    else if (ref == "gt")
      out += '>';
    else if (ref == "amp")
      out += '&';
    else if (ref == "quot")
      out += '"';
    else if (ref == "apos")
      out += '\'';
    else if (ref.size() > 1 && ref[0] == '#') {
      char* e = nullptr;
      const bool hex = ref[1] == 'x';
      const long cp = std::strtol(ref.c_str() + (hex ? 2 : 1), &e, hex ? 16 : 10);
      if (*e != '\0' || cp <= 0 || cp > 0x10FFFF) {
        Fail("expected a valid numeric character reference", "'&" + ref + ";'");
        return;
      }
      // UTF-8 encode.
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    } else {
      Fail("expected a predefined entity (lt, gt, amp, quot, apos) or '&#N;'", "'&" + ref + ";'");
      return;
    }
    Advance(end + 1 - i_);
  }
  // Reads a start tag "<name attr='v' ...>" or an empty-element tag "<name .../>" into a new
  // node, setting *closed for the latter. REQUIRES Peek() == '<'.
  std::unique_ptr<XmlNode> ParseStartTag(bool* closed) {
    auto node = std::make_unique<XmlNode>();
    node->line = line_;
    node->col = col_;
    *closed = false;
    Advance();  // '<'
    node->name = ParseName();
    if (node->name.empty()) {
      Fail("expected an element name after '<'", Found());
      return node;
    }
    // Attributes: name="value" pairs, ignored.
    while (err_.ok()) {
      SkipSpace();
      if (Peek() == '/' && Peek(1) == '>') {
        Advance(2);
        *closed = true;
        return node;
      }
      if (Peek() == '>') {
        Advance();
        return node;
      }
      const std::string attr = ParseName();
      SkipSpace();
      if (attr.empty() || Peek() != '=') {
        Fail("expected '>', '/>' or an attribute in <" + node->name + ">", Found());
        return node;
      }
      Advance();
      SkipSpace();
      const char q = Peek();
      if (q != '"' && q != '\'') {
        Fail("expected a quoted attribute value", Found());
        return node;
      }
      Advance();
      while (i_ < s_.size() && Peek() != q) Advance();
      if (i_ >= s_.size()) {
        Fail("expected the closing quote of the attribute", "end of file");
        return node;
      }
      Advance();
    }
    return node;
  }
  // Reads the root element and everything inside it. Iterative (the open elements are kept in
  // a vector), so no nesting within `max_depth` can exhaust the stack. REQUIRES Peek() == '<'.
  std::unique_ptr<XmlNode> ParseElement(std::size_t max_depth) {
    bool closed = false;
    std::unique_ptr<XmlNode> root = ParseStartTag(&closed);
    if (!err_.ok() || closed) return root;
    std::vector<std::unique_ptr<XmlNode>> open;  // root first, innermost last
    open.push_back(std::move(root));
    while (err_.ok()) {
      XmlNode& node = *open.back();
      if (i_ >= s_.size()) {
        Fail("expected '</" + node.name + ">'", "end of file");
        break;
      }
      if (StartsWith("</")) {
        Advance(2);
        const std::string close = ParseName();
        if (close != node.name) {
          Fail("expected '</" + node.name + ">' (opened at line " + std::to_string(node.line) + ")",
               "'</" + close + ">'");
          break;
        }
        SkipSpace();
        if (Peek() != '>') {
          Fail("expected '>'", Found());
          break;
        }
        Advance();
        std::unique_ptr<XmlNode> done = std::move(open.back());
        open.pop_back();
        if (open.empty()) return done;
        open.back()->children.push_back(std::move(done));
        continue;
      }
      if (StartsWith("<!--")) {
        SkipComment();
      } else if (StartsWith("<![CDATA[")) {
        const size_t end = s_.find("]]>", i_);
        if (end == std::string::npos) {
          Fail("expected ']]>'", "end of file");
          break;
        }
        node.text += s_.substr(i_ + 9, end - i_ - 9);
        Advance(end + 3 - i_);
      } else if (StartsWith("<?")) {
        const size_t end = s_.find("?>", i_);
        if (end == std::string::npos) {
          Fail("expected '?>'", "end of file");
          break;
        }
        Advance(end + 2 - i_);
      } else if (Peek() == '<') {
        if (open.size() >= max_depth) {
          // The same words as the YAML reader's limit (yaml_fields.cc).
          err_ = Status(StatusCode::kLimitExceeded,
                        path_ + ":" + std::to_string(line_) + ":" + std::to_string(col_) +
                            ": nesting is deeper than the limit of " + std::to_string(max_depth) +
                            " levels (raise it with --max-depth)");
          break;
        }
        std::unique_ptr<XmlNode> child = ParseStartTag(&closed);
        if (!err_.ok()) break;
        if (closed) {
          node.children.push_back(std::move(child));
        } else {
          open.push_back(std::move(child));
        }
      } else if (Peek() == '&') {
        ParseReference(node.text);
      } else {
        node.text += Peek();
        Advance();
      }
    }
    return std::move(open.front());  // err_ is set; the caller returns it
  }

  const std::string& s_;
  const std::string& path_;
  const std::size_t max_depth_;
  size_t i_ = 0;
  int line_ = 1;
  int col_ = 1;
  Status err_;
};

}  // namespace

XmlNode::~XmlNode() {
  // Take the subtree apart one level at a time, so no nesting depth can exhaust the stack.
  std::vector<std::unique_ptr<XmlNode>> pending = std::move(children);
  while (!pending.empty()) {
    std::unique_ptr<XmlNode> n = std::move(pending.back());
    pending.pop_back();
    for (std::unique_ptr<XmlNode>& c : n->children) pending.push_back(std::move(c));
    n->children.clear();
  }
}

Result<std::unique_ptr<XmlNode>> ParseXml(const std::string& text, const std::string& path,
                                          std::size_t max_depth) {
  XmlReader reader(text, path, max_depth);
  return reader.ParseDocument();
}

}  // namespace entente::xml
