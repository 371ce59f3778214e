#include "entente/voting_power.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

namespace entente {
namespace {

// Brute force over all 2^n coalitions: Banzhaf swings and Shapley–Shubik weights.
void BruteForce(const std::vector<int>& w, int q, std::vector<double>* bz,
                std::vector<double>* ss) {
  const int n = static_cast<int>(w.size());
  bz->assign(n, 0.0);
  ss->assign(n, 0.0);
  std::vector<double> fact(n + 1, 1.0);
  for (int k = 1; k <= n; ++k) fact[k] = fact[k - 1] * k;
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    int weight = 0, size = 0;
    for (int j = 0; j < n; ++j)
      if (mask & (1u << j)) weight += w[j], ++size;
    for (int i = 0; i < n; ++i) {
      if (mask & (1u << i)) continue;
      if (weight < q && weight + w[i] >= q) {
        (*bz)[i] += 1.0;
        (*ss)[i] += fact[size] * fact[n - size - 1] / fact[n];
      }
    }
  }
  const double total = std::accumulate(bz->begin(), bz->end(), 0.0);
  for (double& b : *bz) b /= total;
}

TEST(VotingPower, HandComputedThreePlayerGame) {
  // [3; 2, 1, 1]: player 1 swings {2}, {3}, {2,3}; players 2 and 3 swing only {1}.
  auto bz = BanzhafIndex({2, 1, 1}, 3);
  ASSERT_TRUE(bz.ok());
  EXPECT_DOUBLE_EQ((*bz)[0], 3.0 / 5.0);
  EXPECT_DOUBLE_EQ((*bz)[1], 1.0 / 5.0);
  // Player 1 is pivotal in 4 of the 6 orderings (second or third, unless after only... ): the
  // orderings 213, 312, 231, 321; players 2 and 3 in one each (123, 132).
  auto ss = ShapleyShubikIndex({2, 1, 1}, 3);
  ASSERT_TRUE(ss.ok());
  EXPECT_NEAR((*ss)[0], 4.0 / 6.0, 1e-12);
  EXPECT_NEAR((*ss)[1], 1.0 / 6.0, 1e-12);
  EXPECT_NEAR((*ss)[2], 1.0 / 6.0, 1e-12);
}

TEST(VotingPower, MatchesBruteForceOnPreNiceCouncil) {
  // EU-15 before November 2004: 87 votes, QMV 62 (EC Treaty art. 205(2)).
  const std::vector<int> w = {10, 10, 10, 10, 8, 5, 5, 5, 5, 4, 4, 3, 3, 3, 2};
  std::vector<double> bz, ss;
  BruteForce(w, 62, &bz, &ss);
  auto b = BanzhafIndex(w, 62);
  auto s = ShapleyShubikIndex(w, 62);
  ASSERT_TRUE(b.ok() && s.ok());
  for (std::size_t i = 0; i < w.size(); ++i) {
    EXPECT_NEAR((*b)[i], bz[i], 1e-12) << i;
    EXPECT_NEAR((*s)[i], ss[i], 1e-12) << i;
  }
  EXPECT_NEAR(std::accumulate(s->begin(), s->end(), 0.0), 1.0, 1e-12);
}

TEST(VotingPower, UnanimityGivesEqualPower) {
  auto s = ShapleyShubikIndex({29, 4, 3}, 36);
  ASSERT_TRUE(s.ok());
  for (double x : *s) EXPECT_NEAR(x, 1.0 / 3.0, 1e-12);
}

TEST(VotingPower, RejectsBadGames) {
  EXPECT_EQ(BanzhafIndex({2, 1}, 4).status().message(),
            "quota 4 must be in [1, 3] (the sum of the weights)");
  EXPECT_EQ(ShapleyShubikIndex({2, -1}, 1).status().message(), "voting weight 2 is negative (-1)");
}

}  // namespace
}  // namespace entente
