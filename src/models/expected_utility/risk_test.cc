// UpdateRisk's security levels (Sch eq. 34): under Q = 1 they are summed by position
// (risk.cc, SecurityByPosition); they must equal the actor-by-actor sum of E(U_ji) to rounding.
#include "models/expected_utility/risk.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "entente/expected_utility.h"
#include "models/expected_utility/contest.h"

namespace entente::eum {
namespace {

struct Actors {
  std::vector<double> position, salience, weight;
  double range = 0.0;
};

// n actors on a 0–100 scale at multiples of 10 (so several share a position), with random
// saliences and capabilities.
Actors RandomActors(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> step(0, 10);
  std::uniform_real_distribution<double> salience(0.05, 1.0), capability(1.0, 10.0);
  Actors a;
  for (std::size_t k = 0; k < n; ++k) {
    a.position.push_back(10.0 * step(rng));
    a.salience.push_back(salience(rng));
    a.weight.push_back(capability(rng) * a.salience.back());
  }
  const auto [lo, hi] = std::minmax_element(a.position.begin(), a.position.end());
  a.range = *hi - *lo;
  return a;
}

TEST(EumRisk, SecurityByPositionEqualsTheActorByActorSum) {
  for (const char* preset : {"bdm", "scholz-code", "masad", "scholz-equations"}) {
    const ExpectedUtilityOptions options = *ExpectedUtilityPreset(preset);
    ASSERT_EQ(options.q, 1.0) << preset;
    for (unsigned seed = 1; seed <= 30; ++seed) {
      const std::size_t n = 3 + seed % 40;
      const Actors a = RandomActors(n, seed);
      if (!(a.range > 0.0)) continue;
      Contest contest(options, a.weight, a.salience, a.range);
      std::vector<double> r(n), security(n);
      UpdateRisk(options, contest, a.position, 0.0, true, r, security);
      ASSERT_TRUE(contest.by_position()) << preset << " seed " << seed;

      // Every E(U_ji) of j challenging i with every r = 1, summed over j != i.
      Contest reference(options, a.weight, a.salience, a.range);
      const std::vector<double> ones(n, 1.0);
      reference.Prepare(a.position, ones, 0.0, true);
      std::vector<double> expected(n, 0.0);
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
          if (j != i) expected[i] += reference.Evaluate(j, i).a_ij;
        }
      }
      double scale = 1.0;
      for (double s : expected) scale = std::max(scale, std::abs(s));
      for (std::size_t i = 0; i < n; ++i) {
        EXPECT_NEAR(security[i], expected[i], 1e-13 * scale)
            << preset << " seed " << seed << " actor " << i;
      }
      // Actors at one position with one salience are equally secure, to the bit.
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
          if (a.position[i] == a.position[j] && a.salience[i] == a.salience[j]) {
            EXPECT_EQ(security[i], security[j]);
          }
        }
      }
      // The exponents follow (eqs. 33, 34), each in [0.5, 2].
      for (double ri : r) {
        EXPECT_GE(ri, 0.5 - 1e-15);
        EXPECT_LE(ri, 2.0 + 1e-15);
      }
    }
  }
}

TEST(EumRisk, EqualSecurityLevelsAreDegenerate) {
  // Two actors at the ends of the scale with equal weights: S_1 = S_2, so R is 0/0 and the
  // exponents take the degenerate rule (bdm: risk-one).
  const ExpectedUtilityOptions options = *ExpectedUtilityPreset("bdm");
  const std::vector<double> position{0.0, 100.0}, salience{0.5, 0.5}, weight{1.0, 1.0};
  Contest contest(options, weight, salience, 100.0);
  std::vector<double> r(2), security(2);
  EXPECT_FALSE(UpdateRisk(options, contest, position, 50.0, true, r, security));
  EXPECT_EQ(security[0], security[1]);
  EXPECT_EQ(r, (std::vector<double>{1.0, 1.0}));
}

}  // namespace
}  // namespace entente::eum
