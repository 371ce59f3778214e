#include "io/xml_reader.h"

#include <gtest/gtest.h>

namespace entente::xml {
namespace {

TEST(XmlReader, ParsesElementsTextAndPositions) {
  const std::string doc =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n<a x=\"1\" y='2'>\n"
      "  <b>one &lt;&amp;&gt; &#65;&#x42;</b>\n  <c/>\n  <d><![CDATA[<raw>]]></d>\n</a>\n";
  Result<std::unique_ptr<XmlNode>> r = ParseXml(doc, "t.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const XmlNode& a = **r;
  EXPECT_EQ(a.name, "a");
  EXPECT_EQ(a.line, 3);
  ASSERT_EQ(a.children.size(), 3u);
  EXPECT_EQ(a.children[0]->text, "one <&> AB");
  EXPECT_EQ(a.children[0]->line, 4);
  EXPECT_EQ(a.children[0]->col, 3);
  EXPECT_EQ(a.children[1]->name, "c");
  EXPECT_TRUE(a.children[1]->children.empty());
  EXPECT_EQ(a.children[2]->text, "<raw>");
}

TEST(XmlReader, ReportsWhereAndWhat) {
  struct Bad {
    std::string text;
    std::string message_start;
  };
  const Bad cases[] = {
      {"", "t.xml:1:1: expected the root element '<', found end of file"},
      {"<a><b></a>", "t.xml:1:10: expected '</b>' (opened at line 1), found '</a>'"},
      {"<a>\n<b>x</b>", "t.xml:2:9: expected '</a>', found end of file"},
      {"<a></a><b/>", "t.xml:1:8: expected end of document after the root element"},
      {"<!DOCTYPE a><a/>", "t.xml:1:1: expected a document without a DTD"},
      {"<a y=1/>", "t.xml:1:6: expected a quoted attribute value"},
      {"<a>&#0;</a>", "t.xml:1:4: expected a valid numeric character reference"},
      {"<a><!-- never closed</a>", "t.xml:1:4: expected '-->' closing the comment"},
  };
  for (const Bad& b : cases) {
    Result<std::unique_ptr<XmlNode>> r = ParseXml(b.text, "t.xml");
    ASSERT_FALSE(r.ok()) << b.text;
    EXPECT_EQ(r.status().code(), StatusCode::kParseError);
    EXPECT_EQ(r.status().message().rfind(b.message_start, 0), 0u) << r.status().message();
  }
}

TEST(XmlReader, RefusesNestingDeeperThanTheLimit) {
  std::string doc;
  for (int i = 0; i < 100; ++i) doc += "<a>";
  for (int i = 0; i < 100; ++i) doc += "</a>";
  Result<std::unique_ptr<XmlNode>> r = ParseXml(doc, "t.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  // The 65th <a> starts at byte 193 (64 × 3 before it).
  EXPECT_EQ(r.status().message(),
            "t.xml:1:193: nesting is deeper than the limit of 64 levels (raise it with "
            "--max-depth)");
  EXPECT_TRUE(ParseXml(doc, "t.xml", 100).ok());
  r = ParseXml(doc, "t.xml", 99);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("the limit of 99 levels"), std::string::npos);
}

TEST(XmlReader, AnyDepthWithinARaisedLimitIsSafeForTheStack) {
  // Parsing and destroying are iterative: 100,000 levels would overflow a recursive reader.
  constexpr int kDepth = 100000;
  std::string doc;
  for (int i = 0; i < kDepth; ++i) doc += "<a>";
  doc += "x";
  for (int i = 0; i < kDepth; ++i) doc += "</a>";
  Result<std::unique_ptr<XmlNode>> r = ParseXml(doc, "t.xml", kDepth);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const XmlNode* n = r->get();
  int depth = 1;
  while (!n->children.empty()) {
    n = n->children.front().get();
    ++depth;
  }
  EXPECT_EQ(depth, kDepth);
  EXPECT_EQ(n->text, "x");
  // An unclosed deep document fails cleanly too.
  EXPECT_FALSE(ParseXml(doc.substr(0, 3 * kDepth), "t.xml", kDepth).ok());
}

}  // namespace
}  // namespace entente::xml
