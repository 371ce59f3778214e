#include <gtest/gtest.h>

#include <string>

#include "entente/deu.h"

namespace entente {
namespace {

const char kHeader[] =
    "prnr,prname,isnr,proc,counvte,intro,pcom,pep,pde,pfr,scom,sep,sde,sfr,rp,out\n";

TEST(DeuReader, ReadsBlanksAsMissing) {
  const std::string text =
      std::string(kHeader) + "d00032,docs,d00032i1,COD,QMV,26-01-00,100,,40,0,50,,80,20,,60\n";
  auto t = ParseDeuCsv(text, "x.csv");
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->issues.size(), 1u);
  const DeuIssue& i = t->issues[0];
  EXPECT_EQ(i.issue, "d00032i1");
  EXPECT_EQ(i.line, 2);
  EXPECT_EQ(i.intro.Key(), 20000126);
  EXPECT_EQ(i.PositionCount(), 3);
  EXPECT_EQ(*i.position[0], 100.0);  // com
  EXPECT_FALSE(i.position[1]);       // ep blank
  EXPECT_FALSE(i.reference_point);
  EXPECT_EQ(*i.outcome, 60.0);
}

TEST(DeuReader, ParsesTheDateForms) {
  EXPECT_EQ(ParseDeuDate("26-01-00")->Key(), 20000126);
  EXPECT_EQ(ParseDeuDate("13-03-96")->Key(), 19960313);
  EXPECT_EQ(ParseDeuDate("08-03-2016")->Key(), 20160308);
  // Spreadsheet artefact: 14-07-04 written as 2014-07-04; 30-05-05 as 1930-05-05.
  EXPECT_EQ(ParseDeuDate("2014-07-04")->Key(), 20040714);
  EXPECT_EQ(ParseDeuDate("1930-05-05")->Key(), 20050530);
  EXPECT_FALSE(ParseDeuDate("999"));
  EXPECT_FALSE(ParseDeuDate("31-02-01"));
}

TEST(DeuReader, MalformedCellNamesFileLineColumn) {
  const std::string text =
      std::string(kHeader) + "d00032,docs,d00032i1,COD,QMV,26-01-00,100,,4x,0,50,,80,20,,60\n";
  auto t = ParseDeuCsv(text, "x.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(),
            "x.csv:2:44: column 'pde' must be a number on [0, 100], got '4x'\n"
            " 2 | d00032,docs,d00032i1,COD,QMV,26-01-00,100,,4x,0,50,,80,20,,60\n"
            "   |                                            ^");
}

TEST(DeuReader, RejectsOutOfRangeWrongWidthAndBadDate) {
  const std::string h = kHeader;
  auto range = ParseDeuCsv(h + "d1,n,d1i1,CNS,QMV,26-01-00,100,,40,0,50,,80,20,,160\n", "f.csv");
  EXPECT_NE(range.status().message().find("f.csv:2:"), std::string::npos);
  EXPECT_NE(range.status().message().find("column 'out' must be on [0, 100], got 160"),
            std::string::npos);
  auto width = ParseDeuCsv(h + "d1,n,d1i1,CNS,QMV,26-01-00,100\n", "f.csv");
  EXPECT_NE(width.status().message().find("f.csv:2:1: row has 7 fields, header has 16"),
            std::string::npos);
  auto date = ParseDeuCsv(h + "d1,n,d1i1,CNS,QMV,999,100,,40,0,50,,80,20,,60\n", "f.csv");
  EXPECT_NE(
      date.status().message().find("f.csv:2:19: column 'intro' must be a date dd-mm-yy, got '999'"),
      std::string::npos);
  auto proc = ParseDeuCsv(h + "d1,n,d1i1,XYZ,QMV,26-01-00,100,,40,0,50,,80,20,,60\n", "f.csv");
  EXPECT_NE(proc.status().message().find("column 'proc' must be COD or CNS, got 'XYZ'"),
            std::string::npos);
}

TEST(DeuReader, RequiresHeaderColumns) {
  auto t = ParseDeuCsv("prnr,isnr\nd1,d1i1\n", "h.csv");
  EXPECT_EQ(t.status().code(), StatusCode::kParseError);
  EXPECT_NE(t.status().message().find("h.csv:1:1: missing column 'proc'"), std::string::npos);
  EXPECT_FALSE(ParseDeuCsv("", "e.csv").ok());
}

TEST(DeuReader, ReadsTheSharedDevelopmentFile) {
  auto t = LoadDeuCsv(std::string(ENTENTE_SHARED_DIR) + "/data/deu/deu_dev.csv");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->issues.size(), 250u);
  int with_outcome = 0, with_rp = 0;
  for (const auto& i : t->issues) {
    with_outcome += i.outcome ? 1 : 0;
    with_rp += i.reference_point ? 1 : 0;
  }
  EXPECT_EQ(with_outcome, 246);
  EXPECT_EQ(with_rp, 180);
}

}  // namespace
}  // namespace entente
