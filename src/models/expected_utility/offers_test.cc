#include "models/expected_utility/offers.h"

#include <gtest/gtest.h>

namespace entente::eum {
namespace {

TEST(EumOffers, QuadrantsOfSchFig6) {
  ExpectedUtilityOptions o;                       // bdm
  Proposal p = Classify(o, 0.2, 0.5, 4.0, 10.0);  // b > a > 0: i loses the conflict
  EXPECT_EQ(p.kind, OfferKind::kConflict);
  EXPECT_TRUE(p.moves);
  EXPECT_DOUBLE_EQ(p.to, 10.0);
  p = Classify(o, 0.5, 0.2, 4.0, 10.0);  // a > b > 0: i wins; it stays
  EXPECT_EQ(p.kind, OfferKind::kConflict);
  EXPECT_FALSE(p.moves);
  p = Classify(o, -0.25, 1.0, 4.0, 10.0);  // compromise, Sch eq. (36): 4 + 6·0.25
  EXPECT_EQ(p.kind, OfferKind::kCompromise);
  EXPECT_DOUBLE_EQ(p.to, 5.5);
  p = Classify(o, -1.0, 0.25, 4.0, 10.0);  // capitulation
  EXPECT_EQ(p.kind, OfferKind::kCapitulation);
  EXPECT_DOUBLE_EQ(p.to, 10.0);
  EXPECT_EQ(Classify(o, 1.0, -0.5, 4.0, 10.0).kind, OfferKind::kAdvantage);
  EXPECT_EQ(Classify(o, -1.0, -0.5, 4.0, 10.0).kind, OfferKind::kStalemate);
  EXPECT_EQ(Classify(o, 1.0, 0.5, 4.0, 4.0).kind, OfferKind::kNone);
}

TEST(EumOffers, PresetForks) {
  ExpectedUtilityOptions o;
  o.capitulation = CapitulationRule::kNever;  // jmckib's typo
  EXPECT_FALSE(Classify(o, -1.0, 0.25, 4.0, 10.0).moves);
  o.compromise = CompromisePoint::kWeighted;  // eum: (|a| x_i + |b| x_j)/(|a| + |b|)
  EXPECT_DOUBLE_EQ(Classify(o, -0.25, 1.0, 4.0, 10.0).to, (0.25 * 4 + 1.0 * 10) / 1.25);
  o.zero_threshold = 1e-4;  // eum: a ≈ 0 and b > 0 is a compromise (here a full move)
  const Proposal p = Classify(o, 5e-5, 1.0, 4.0, 10.0);
  EXPECT_EQ(p.kind, OfferKind::kCompromise);
  EXPECT_DOUBLE_EQ(p.to, 10.0);
}

TEST(EumOffers, CategoryPriorityThenLeastMove) {
  ExpectedUtilityOptions o;
  OfferBook book(o);
  book.Reset(4);
  book.Offer(0, 1, -0.5, 1.0, 5.0, 9.0);  // compromise to 7
  book.Offer(0, 2, 0.2, 0.6, 5.0, 0.0);   // conflict lost: move 5
  book.Offer(0, 3, 0.2, 0.6, 5.0, 8.0);   // conflict lost: move 3 (least)
  double to = 0.0;
  EXPECT_EQ(book.Accepted(0, {5.0, 9.0, 0.0, 8.0}, &to), 3);
  EXPECT_DOUBLE_EQ(to, 8.0);
  EXPECT_EQ(book.Accepted(1, {5.0, 9.0, 0.0, 8.0}, &to), -1);
}

TEST(EumOffers, SamePositionPartnerCanKeepAnActorInPlace) {
  ExpectedUtilityOptions o;  // A12: skipped by default
  o.compromise = CompromisePoint::kWeighted;
  EXPECT_EQ(Classify(o, 0.2, 0.6, 4.0, 4.0).kind, OfferKind::kNone);
  o.same_position = SamePositionOffers::kClassify;  // eum
  Proposal p = Classify(o, 0.2, 0.6, 4.0, 4.0);
  EXPECT_EQ(p.kind, OfferKind::kConflict);
  EXPECT_TRUE(p.moves);
  EXPECT_EQ(p.to, 4.0);
  p = Classify(o, -0.3, 0.7, 4.0, 4.0);  // a compromise with oneself lands exactly on x_i
  EXPECT_EQ(p.kind, OfferKind::kCompromise);
  EXPECT_EQ(p.to, 4.0);
  OfferBook book(o);
  book.Reset(3);
  book.Offer(0, 1, 0.2, 0.6, 4.0, 7.0);  // conflict lost: move 3
  book.Offer(0, 2, 0.2, 0.6, 4.0, 4.0);  // conflict lost to a partner at 4: move 0 (least)
  double to = 0.0;
  EXPECT_EQ(book.Accepted(0, {4.0, 7.0, 4.0}, &to), 2);
  EXPECT_EQ(to, 4.0);
}

TEST(EumOffers, MasadTakesTheStrongestChallenge) {
  ExpectedUtilityOptions o;
  o.selection = OfferSelection::kMaxSenderEu;
  OfferBook book(o);
  book.Reset(3);
  const std::vector<double> x = {5.0, 9.0, 0.0};
  book.Offer(0, 1, -0.5, 1.0, 5.0, 9.0);  // strongest sender: compromise to 7
  book.Offer(0, 2, 0.2, 0.6, 5.0, 0.0);   // weaker conflict is ignored
  double to = 0.0;
  EXPECT_EQ(book.Accepted(0, x, &to), 1);
  EXPECT_DOUBLE_EQ(to, 7.0);
}

}  // namespace
}  // namespace entente::eum
