#include <gtest/gtest.h>

#include <string>

#include "entente/convert.h"
#include "entente/io.h"
#include "testing/shared_files.h"

namespace entente {
namespace {

TEST(KtabCsv, ImportsKtabsShippedExample) {
  const std::string path = test_data::SharedPath("vectors/ktab/dummy3/input.csv");
  Result<std::string> text = ReadFile(path);
  ASSERT_TRUE(text.ok());
  Result<KtabImport> r = ImportKtabCsv(*text, path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Scenario& sc = r->scenario;
  EXPECT_EQ(sc.meta.title, "DummyData_3Dim");
  EXPECT_EQ(sc.meta.description, "Dummy scenario to test reading format");
  ASSERT_EQ(sc.actors.size(), 7u);
  ASSERT_EQ(sc.issues.size(), 3u);
  EXPECT_EQ(sc.issues[1].id, "Pstn2");
  EXPECT_EQ(sc.actors[0].id, "SActor-00");
  EXPECT_EQ(sc.actors[0].description, "Random Spatial Actor");
  EXPECT_DOUBLE_EQ(sc.actors[2].capability, 129.643);
  EXPECT_DOUBLE_EQ(sc.stances[0][0]->position, 75.79);
  EXPECT_DOUBLE_EQ(sc.stances[2][6]->salience, 26.03 / 100.0);
  EXPECT_FALSE(r->has_model_parameters);
  EXPECT_TRUE(r->accommodation.empty());
}

TEST(KtabCsv, ImportsTheChinaSoeTables) {
  for (const char* f : {"SOE-Policy.csv", "SOE-Competitive.csv", "SOE-Pol-Comp.csv"}) {
    const std::string path = test_data::SharedPath(std::string("data/ktab_china_soe/") + f);
    Result<std::string> text = ReadFile(path);
    ASSERT_TRUE(text.ok()) << path;
    Result<KtabImport> r = ImportKtabCsv(*text, path);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_GE(r->scenario.actors.size(), 13u) << f;
    EXPECT_TRUE(SmpProblemFromScenario(r->scenario).ok()) << f;
  }
}

TEST(KtabCsv, ErrorsNameLineColumnAndExpectation) {
  const std::string head = "S,desc,3,1,\nActor,Description,Power,P1,S1,\n";
  struct Bad {
    std::string text;
    std::string where;
    std::string what;
  };
  const Bad cases[] = {
      {"S,desc,x,1,\n", "f.csv:1:8:", "number of actors"},
      {"S,desc,3,0,\n", "f.csv:1:10:", "number of dimensions"},
      {head + "A,d,10,50,50,\nB,d,10,50,50,\n", "f.csv:5:1:", "3 actor rows"},
      {head + "A,d,10,50,50,\nB,d,-1,50,50,\nC,d,1,1,1,\n", "f.csv:4:5:", "power"},
      {head + "A,d,10,150,50,\nB,d,1,50,50,\nC,d,1,1,1,\n", "f.csv:3:8:", "position in [0, 100]"},
      {head + "A,d,10,50,5x,\nB,d,1,50,50,\nC,d,1,1,1,\n", "f.csv:3:11:", "salience"},
      {head + "A,d,10,50,50\nA,d,1,50,50,\nC,d,1,1,1,\n", "f.csv:4:1:", "duplicate"},
      {head + "A,d,10,50\nB,d,1,50,50,\nC,d,1,1,1,\n", "f.csv:3:1:", "fields"},
  };
  for (const Bad& b : cases) {
    Result<KtabImport> r = ImportKtabCsv(b.text, "f.csv");
    ASSERT_FALSE(r.ok()) << b.text;
    EXPECT_EQ(r.status().code(), StatusCode::kParseError);
    EXPECT_EQ(r.status().message().rfind(b.where, 0), 0u) << r.status().message();
    EXPECT_NE(r.status().message().find(b.what), std::string::npos) << r.status().message();
  }
}

TEST(KtabCsv, QuotedFieldsAndCrLf) {
  const std::string text =
      "\"Name, with comma\",\"A \"\"quoted\"\" description\",3,1,\r\n"
      "Actor,Description,Power,Issue,Sal,\r\n"
      "A,x,1,10,50,\r\nB,y,2,20,50,\r\nC,z,3,30,50,\r\n";
  Result<KtabImport> r = ImportKtabCsv(text, "q.csv");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->scenario.meta.title, "Name, with comma");
  EXPECT_EQ(r->scenario.meta.description, "A \"quoted\" description");
  EXPECT_EQ(r->scenario.issues[0].id, "Issue");
}

}  // namespace
}  // namespace entente
