#include <gtest/gtest.h>

#include <string>

#include "entente/convert.h"
#include "entente/io.h"
#include "testing/shared_files.h"

namespace entente {
namespace {

TEST(KtabXml, ImportsParametersAndAccommodation) {
  const std::string path = test_data::SharedPath("vectors/ktab/ideal1/input.xml");
  Result<std::string> text = ReadFile(path);
  ASSERT_TRUE(text.ok());
  Result<KtabImport> r = ImportKtabXml(*text, path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->scenario.meta.title, "DummyData_3Dim");
  EXPECT_EQ(r->prng_seed, 42u);
  EXPECT_TRUE(r->has_model_parameters);
  ASSERT_EQ(r->scenario.actors.size(), 7u);
  ASSERT_EQ(r->accommodation.size(), 49u);
  EXPECT_DOUBLE_EQ(r->accommodation[0 * 7 + 0], 0.85);
  EXPECT_DOUBLE_EQ(r->accommodation[0 * 7 + 2], 0.10);
  EXPECT_DOUBLE_EQ(r->accommodation[2 * 7 + 2], 0.0);
  EXPECT_DOUBLE_EQ(r->accommodation[5 * 7 + 0], 0.15);
}

TEST(KtabXml, ReadsEveryEnumSpelling) {
  const std::string path = test_data::SharedPath("vectors/ktab/var4/input.xml");
  Result<std::string> text = ReadFile(path);
  ASSERT_TRUE(text.ok());
  Result<KtabImport> r = ImportKtabXml(*text, path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->options.victory_prob_model, SmpVictoryProbModel::kBinary);
  EXPECT_EQ(r->options.pce_model, SmpPceModel::kMarkovUniform);
  EXPECT_EQ(r->options.voting_rule, SmpVotingRule::kCubic);
  EXPECT_EQ(r->options.big_r_adjust, SmpBigRAdjust::kHalf);
  EXPECT_EQ(r->options.big_r_range, SmpBigRRange::kMin);
  EXPECT_EQ(r->options.third_party_commit, SmpThirdPartyCommit::kNoCommit);
  EXPECT_EQ(r->options.inter_vec_brgn, SmpInterVecBrgn::kS2PMax);
}

std::string Doc(const std::string& actors, const std::string& extra = "") {
  return "<?xml version=\"1.0\"?>\n<!-- test -->\n<Scenario>\n  <name>T &amp; U</name>\n"
         "  <desc><![CDATA[a <b> c]]></desc>\n"
         "  <Dimensions><dName>D1</dName></Dimensions>\n  <Actors>\n" +
         actors + "  </Actors>\n" + extra + "</Scenario>\n";
}

std::string ActorXml(const std::string& name, const std::string& cap, const std::string& pos,
                     const std::string& sal) {
  return "    <Actor><name>" + name + "</name><description>x</description><capability>" + cap +
         "</capability><Position><dCoord>" + pos + "</dCoord></Position><Salience><dSal>" + sal +
         "</dSal></Salience></Actor>\n";
}

TEST(KtabXml, MinimalDocumentWithEntitiesAndCdata) {
  const std::string d = Doc(ActorXml("A", "1", "10", "50") + ActorXml("B", "2", "20", "50") +
                            ActorXml("C", "3", "30", "50"));
  Result<KtabImport> r = ImportKtabXml(d, "m.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->scenario.meta.title, "T & U");
  EXPECT_EQ(r->scenario.meta.description, "a <b> c");
  EXPECT_FALSE(r->has_model_parameters);
  EXPECT_TRUE(r->accommodation.empty());
}

TEST(KtabXml, ErrorsNameLineColumnAndExpectation) {
  const std::string ok3 = ActorXml("B", "2", "20", "50") + ActorXml("C", "3", "30", "50");
  struct Bad {
    std::string text;
    std::string where;
    std::string what;
  };
  const Bad cases[] = {
      // KTAB's shipped smpExample.xml problem: an empty <dCoord>.
      {Doc(ActorXml("A", "1", "", "50") + ok3), "x.xml:8:", "a position"},
      {Doc(ActorXml("A", "1", "10", "50") + ok3,
           "<ModelParameters><VotingRule>Proportional</VotingRule></ModelParameters>"),
       "x.xml:12:", "expected one of Binary"},
      {"<Scenario><name>x</nam></Scenario>", "x.xml:1:", "expected '</name>'"},
      {"<Scenario><name>x</name>", "x.xml:1:", "end of file"},
      {"<Other/>", "x.xml:1:1:", "<Scenario>"},
      {Doc(ActorXml("A", "1", "10", "50")), "x.xml:7:", "3 to 250 actors"},
      {Doc(ActorXml("A", "1", "10", "50") + ok3,
           "<IdealAdjustment><iaPair><adjustingIdeal>Z</adjustingIdeal><referencePos>A"
           "</referencePos><adjust>0.5</adjust></iaPair></IdealAdjustment>"),
       "x.xml:12:", "actor name"},
      {"<Scenario>&bogus;</Scenario>", "x.xml:1:11:", "predefined entity"},
  };
  for (const Bad& b : cases) {
    Result<KtabImport> r = ImportKtabXml(b.text, "x.xml");
    ASSERT_FALSE(r.ok()) << b.text;
    EXPECT_EQ(r.status().code(), StatusCode::kParseError);
    EXPECT_EQ(r.status().message().rfind(b.where, 0), 0u) << r.status().message();
    EXPECT_NE(r.status().message().find(b.what), std::string::npos) << r.status().message();
  }
}

}  // namespace
}  // namespace entente
