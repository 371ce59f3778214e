#include "io/yaml_fields.h"

#include <gtest/gtest.h>

#include <cmath>

namespace entente::io {
namespace {

TEST(ParseYamlNumber, AcceptsYaml12CoreNumbers) {
  EXPECT_EQ(ParseYamlNumber("40"), 40.0);
  EXPECT_EQ(ParseYamlNumber("-1.5"), -1.5);
  EXPECT_EQ(ParseYamlNumber("+2"), 2.0);
  EXPECT_EQ(ParseYamlNumber(".5"), 0.5);
  EXPECT_EQ(ParseYamlNumber("3.5e0"), 3.5);
  EXPECT_EQ(ParseYamlNumber("2E-3"), 0.002);
  EXPECT_TRUE(std::isinf(*ParseYamlNumber(".inf")));
  EXPECT_LT(*ParseYamlNumber("-.Inf"), 0);
  EXPECT_TRUE(std::isnan(*ParseYamlNumber(".NaN")));
  EXPECT_TRUE(std::isinf(*ParseYamlNumber("1e999")));
}

TEST(ParseYamlNumber, RejectsEverythingElse) {
  for (const char* text : {"", "forty", "0x10", "1,5", "1.2.3", "nan", "inf", "- 1", "1 ", "e5",
                           "+", "--1", "1e", "Infinity"}) {
    EXPECT_FALSE(ParseYamlNumber(text).has_value()) << text;
  }
}

// Reads `key` of a one-line YAML mapping with `read`, returning "" or the error message.
template <typename T, typename Reader>
std::string Read(const std::string& yaml, Reader read, T* out) {
  const YamlFile file("f.yaml", yaml);
  const YAML::Node root = YAML::Load(yaml);
  Result<YamlMap> map = YamlMap::Read(file, root, YAML::Mark(), "the test", {"v"});
  if (!map.ok()) return map.status().message();
  const YamlEntry* entry = map->Find("v");
  const Status s = read(file, entry->value, entry->mark(), "'v'", out);
  return s.ok() ? "" : s.message();
}

TEST(ReadDate, AcceptsIsoCalendarDatesOnly) {
  std::string date;
  EXPECT_EQ(Read("v: 2023-07-11", ReadDate, &date), "");
  EXPECT_EQ(date, "2023-07-11");
  EXPECT_EQ(Read("v: 2008-04", ReadDate, &date), "");
  EXPECT_EQ(Read("v: 2008", ReadDate, &date), "");
  EXPECT_EQ(Read("v: 2023-13-01", ReadDate, &date),
            "f.yaml:1:4: 'v': expected an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got "
            "'2023-13-01'\n"
            "    1 | v: 2023-13-01\n"
            "      |    ^");
  EXPECT_NE(Read("v: 2023-7-1", ReadDate, &date), "");
  EXPECT_NE(Read("v: 2023-07-32", ReadDate, &date), "");
}

TEST(ReadBool, AcceptsCoreSchemaBooleansOnly) {
  bool b = false;
  EXPECT_EQ(Read("v: true", ReadBool, &b), "");
  EXPECT_TRUE(b);
  EXPECT_EQ(Read("v: FALSE", ReadBool, &b), "");
  EXPECT_FALSE(b);
  EXPECT_NE(Read("v: \"true\"", ReadBool, &b), "");
  EXPECT_EQ(Read("v: on", ReadBool, &b),
            "f.yaml:1:4: 'v': expected true or false, got 'on'\n"
            "    1 | v: on\n"
            "      |    ^");
}

TEST(ReadInteger, RejectsFractionsAndStrings) {
  long long n = 0;
  EXPECT_EQ(Read("v: 12", ReadInteger, &n), "");
  EXPECT_EQ(n, 12);
  EXPECT_EQ(Read("v: -3", ReadInteger, &n), "");
  EXPECT_EQ(n, -3);
  EXPECT_NE(Read("v: 1.5", ReadInteger, &n), "");
  EXPECT_NE(Read("v: '1'", ReadInteger, &n), "");
}

TEST(ReadNumber, TaggedStringsAreStrings) {
  double x = 0;
  const auto ReadNumber = [](const YamlFile& f, const YAML::Node& n, const YAML::Mark& m,
                             std::string_view field,
                             double* out) { return io::ReadNumber(f, n, m, field, out); };
  EXPECT_EQ(Read("v: !!str 40", ReadNumber, &x),
            "f.yaml:1:4: 'v': expected a number, got the string '40'\n"
            "    1 | v: !!str 40\n"
            "      |    ^");
  EXPECT_EQ(Read("v: [1, 2]", ReadNumber, &x),
            "f.yaml:1:4: 'v': expected a number, got a list\n"
            "    1 | v: [1, 2]\n"
            "      |    ^");
}

TEST(YamlMap, ReportsNonMappingsAndComplexKeys) {
  const std::string yaml = "[1, 2]";
  const YamlFile file("f.yaml", yaml);
  Result<YamlMap> map = YamlMap::Read(file, YAML::Load(yaml), YAML::Mark(), "the test", {"v"});
  EXPECT_EQ(map.status().message(),
            "f.yaml:1:1: the test: expected a mapping, got a list\n"
            "    1 | [1, 2]\n"
            "      | ^");
  const std::string complex = "? [a, b]\n: 1\n";
  const YamlFile file2("f.yaml", complex);
  map = YamlMap::ReadOpen(file2, YAML::Load(complex), YAML::Mark(), "the test");
  EXPECT_EQ(map.status().message(),
            "f.yaml:1:3: the test: expected a plain name as key, got a list\n"
            "    1 | ? [a, b]\n"
            "      |   ^");
}

}  // namespace
}  // namespace entente::io
