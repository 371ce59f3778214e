#include "io/xml_reader.h"

#include <cctype>
#include <cstdlib>
#include <memory>
#include <string>

namespace entente::xml {
namespace {

class XmlReader {
 public:
  XmlReader(const std::string& text, const std::string& path) : s_(text), path_(path) {}

  Result<std::unique_ptr<XmlNode>> ParseDocument() {
    SkipMisc();
    if (!err_.ok()) return err_;
    if (Peek() != '<') return Fail("expected the root element '<'", Found());
    std::unique_ptr<XmlNode> root = ParseElement(0);
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
  // REQUIRES Peek() == '<' at the start of a start tag.
  std::unique_ptr<XmlNode> ParseElement(int depth) {
    auto node = std::make_unique<XmlNode>();
    node->line = line_;
    node->col = col_;
    if (depth > 64) {
      Fail("expected elements nested at most 64 deep", "deeper nesting");
      return node;
    }
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
        return node;
      }
      if (Peek() == '>') {
        Advance();
        break;
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
    // Content.
    while (err_.ok()) {
      if (i_ >= s_.size()) {
        Fail("expected '</" + node->name + ">'", "end of file");
        return node;
      }
      if (StartsWith("</")) {
        Advance(2);
        const std::string close = ParseName();
        if (close != node->name) {
          Fail("expected '</" + node->name + ">' (opened at line " + std::to_string(node->line) +
                   ")",
               "'</" + close + ">'");
          return node;
        }
        SkipSpace();
        if (Peek() != '>') {
          Fail("expected '>'", Found());
          return node;
        }
        Advance();
        return node;
      }
      if (StartsWith("<!--")) {
        SkipComment();
      } else if (StartsWith("<![CDATA[")) {
        const size_t end = s_.find("]]>", i_);
        if (end == std::string::npos) {
          Fail("expected ']]>'", "end of file");
          return node;
        }
        node->text += s_.substr(i_ + 9, end - i_ - 9);
        Advance(end + 3 - i_);
      } else if (StartsWith("<?")) {
        const size_t end = s_.find("?>", i_);
        if (end == std::string::npos) {
          Fail("expected '?>'", "end of file");
          return node;
        }
        Advance(end + 2 - i_);
      } else if (Peek() == '<') {
        node->children.push_back(ParseElement(depth + 1));
      } else if (Peek() == '&') {
        ParseReference(node->text);
      } else {
        node->text += Peek();
        Advance();
      }
    }
    return node;
  }

  const std::string& s_;
  const std::string& path_;
  size_t i_ = 0;
  int line_ = 1;
  int col_ = 1;
  Status err_;
};

}  // namespace

Result<std::unique_ptr<XmlNode>> ParseXml(const std::string& text, const std::string& path) {
  XmlReader reader(text, path);
  return reader.ParseDocument();
}

}  // namespace entente::xml
