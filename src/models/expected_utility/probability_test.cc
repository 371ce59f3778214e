#include "models/expected_utility/probability.h"

#include <gtest/gtest.h>

#include <random>

namespace entente::eum {
namespace {

struct Synthetic {
  std::vector<double> x, w, r;
};

Synthetic Make(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Synthetic s;
  for (std::size_t k = 0; k < n; ++k) {
    // Positions on a coarse grid so that ties (and midpoints on voters) occur.
    s.x.push_back(std::floor(u(rng) * 21.0) * 5.0);
    s.w.push_back(u(rng) * u(rng));
    s.r.push_back(0.5 + 1.5 * u(rng));
  }
  return s;
}

TEST(EumProbability, PrefixSumPathMatchesDirectLoop) {
  for (const char* mode : {"positive", "net"}) {
    ExpectedUtilityOptions options;
    if (std::string(mode) == "net") options.numerator = ProbabilityNumerator::kNetVotes;
    const Synthetic s = Make(150, 7);
    ProbabilityTable fast(options, s.w, 100.0), direct(options, s.w, 100.0);
    direct.set_force_direct(true);
    fast.Prepare(s.x, s.r);
    direct.Prepare(s.x, s.r);
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      for (std::size_t j = 0; j < s.x.size(); ++j) {
        ASSERT_NEAR(fast.Probability(i, j), direct.Probability(i, j), 1e-12)
            << mode << " " << i << "," << j;
      }
    }
  }
}

TEST(EumProbability, AllPairsSweepGivesExactlyThePairValues) {
  // The sorted sweep of AllPairs must reproduce Pair to the bit, on both paths (150 actors on a
  // coarse grid: prefix sums, ties and midpoints on voters; 40: the direct loop).
  for (std::size_t n : {std::size_t{150}, std::size_t{40}}) {
    for (const char* mode : {"positive", "net"}) {
      ExpectedUtilityOptions options;
      if (std::string(mode) == "net") options.numerator = ProbabilityNumerator::kNetVotes;
      const Synthetic s = Make(n, 5);
      ProbabilityTable table(options, s.w, 100.0);
      table.Prepare(s.x, s.r);
      std::vector<double> all;
      table.AllPairs(all);
      ASSERT_EQ(all.size(), n * n);
      for (std::size_t i = 0; i < n; ++i) {
        EXPECT_EQ(all[i * n + i], 0.0);
        for (std::size_t j = i + 1; j < n; ++j) {
          double pij = 0.0, pji = 0.0;
          table.Pair(i, j, &pij, &pji);
          ASSERT_EQ(all[i * n + j], pij) << n << " " << mode << " " << i << "," << j;
          ASSERT_EQ(all[j * n + i], pji) << n << " " << mode << " " << j << "," << i;
        }
      }
    }
  }
}

TEST(EumProbability, EveryVoteSumKernelGivesThePairValues) {
  // ComputePositionPairs' scalar, SSE2 and AVX vote sums must reproduce DirectPair to the bit
  // (37 actors on a coarse grid: a number of distinct positions that leaves partial blocks of
  // four), with linear and voter-risk votes, positive and net numerators.
  const Synthetic s = Make(37, 9);
  using Kind = ProbabilityTable::VoteSums;
  for (Kind kind : {Kind::kScalar, Kind::kSse2, Kind::kAvx, Kind::kAuto}) {
    for (int variant = 0; variant < 3; ++variant) {
      ExpectedUtilityOptions options;
      if (variant == 1) options.vote_risk = VoteRisk::kVoterRisk;
      if (variant == 2) options.numerator = ProbabilityNumerator::kNetVotes;
      ProbabilityTable table(options, s.w, 100.0);
      table.set_vote_sums(kind);
      table.Prepare(s.x, s.r);
      std::vector<double> all;
      table.AllPairs(all);
      const std::size_t n = s.x.size();
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
          double pij = 0.0, pji = 0.0;
          table.Pair(i, j, &pij, &pji);
          ASSERT_EQ(all[i * n + j], pij) << static_cast<int>(kind) << " " << variant;
          ASSERT_EQ(all[j * n + i], pji) << static_cast<int>(kind) << " " << variant;
        }
      }
    }
  }
}

TEST(EumProbability, LinearVotesMatchTheVoterByVoterSum) {
  // The direct path's linear votes (side weights plus the voters between) against eq. (30)
  // summed voter by voter, on a coarse grid (shared positions, voters on midpoints) and on
  // positions a hair apart (creeping actors).
  // With the all-pairs denominator (A2) the positive votes are divided by the pass's total.
  for (int grid = 0; grid < 2; ++grid) {
    for (const char* mode : {"positive", "net", "all-pairs"}) {
      ExpectedUtilityOptions options;
      if (std::string(mode) == "net") options.numerator = ProbabilityNumerator::kNetVotes;
      if (std::string(mode) == "all-pairs") options.denominator = ProbabilityDenominator::kAllPairs;
      Synthetic s = Make(40, 13);
      if (grid == 1) {
        for (std::size_t k = 0; k < s.x.size(); ++k) s.x[k] = 50.0 + 1e-7 * s.x[k];
      }
      ProbabilityTable table(options, s.w, 100.0);
      table.Prepare(s.x, s.r);
      std::vector<double> all;
      table.AllPairs(all);
      const std::size_t n = s.x.size();
      double all_pairs = 0.0;  // Σ_k Σ_a Σ_b |v_k(a, b)|
      for (std::size_t k = 0; k < n; ++k) {
        for (double xa : s.x) {
          for (double xb : s.x) {
            all_pairs += s.w[k] * std::abs(std::abs(s.x[k] - xb) - std::abs(s.x[k] - xa)) / 100.0;
          }
        }
      }
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
          if (s.x[i] == s.x[j]) continue;
          double net = 0.0, positive = 0.0, absolute = 0.0;
          for (std::size_t k = 0; k < n; ++k) {
            const double v =
                s.w[k] * (std::abs(s.x[k] - s.x[j]) - std::abs(s.x[k] - s.x[i])) / 100.0;
            net += v;
            positive += std::max(v, 0.0);
            absolute += std::abs(v);
          }
          const double expected = (std::string(mode) == "net" ? std::max(net, 0.0) : positive) /
                                  (std::string(mode) == "all-pairs" ? all_pairs : absolute);
          ASSERT_NEAR(all[i * n + j], expected, 1e-13)
              << grid << " " << mode << " " << i << "," << j;
        }
      }
    }
  }
}

TEST(EumProbability, Eq30ProbabilitiesSumToOne) {
  ExpectedUtilityOptions options;
  const Synthetic s = Make(40, 3);
  ProbabilityTable table(options, s.w, 100.0);
  table.Prepare(s.x, s.r);
  for (std::size_t i = 0; i < s.x.size(); ++i) {
    for (std::size_t j = 0; j < s.x.size(); ++j) {
      double pij = 0.0, pji = 0.0;
      table.Pair(i, j, &pij, &pji);
      if (s.x[i] == s.x[j]) {
        EXPECT_EQ(pij, 0.0);  // A12
      } else {
        EXPECT_NEAR(pij + pji, 1.0, 1e-12);
      }
    }
  }
}

TEST(EumProbability, AllPairsDenominatorMatchesTripleSum) {
  ExpectedUtilityOptions options;
  options.denominator = ProbabilityDenominator::kAllPairs;
  options.vote_risk = VoteRisk::kVoterRisk;
  const Synthetic s = Make(25, 11);
  ProbabilityTable table(options, s.w, 100.0);
  table.Prepare(s.x, s.r);
  double expected = 0.0;  // Σ_k Σ_a Σ_b |v_k(a, b)| written out
  for (std::size_t k = 0; k < s.x.size(); ++k) {
    for (double xa : s.x) {
      for (double xb : s.x) {
        expected += s.w[k] * std::abs(std::pow(std::abs(s.x[k] - xb) / 100.0, s.r[k]) -
                                      std::pow(std::abs(s.x[k] - xa) / 100.0, s.r[k]));
      }
    }
  }
  EXPECT_NEAR(table.all_pairs_denominator(), expected, 1e-12 * expected);
}

}  // namespace
}  // namespace entente::eum
