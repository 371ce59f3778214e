#include "models/expected_utility/unit_pow.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace entente::eum {
namespace {

// The accuracy contract of unit_pow.h, against glibc's correctly rounded std::pow, on the bases
// and exponents the utilities produce (0.5 ± d/2, 0.5 ± (dm + d)/4, r ∈ [0.5, 2]) and beyond.
TEST(EumUnitPow, WithinContractOfStdPow) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0), exponent(0.0, 4.0);
  double worst = 0.0;
  for (int trial = 0; trial < 200000; ++trial) {
    const double b =
        trial % 4 == 0 ? std::ldexp(unit(rng), -static_cast<int>(trial % 997)) : unit(rng);
    const double r = trial % 3 == 0 ? 0.5 + 1.5 * unit(rng) : exponent(rng);
    if (!(b > 0.0)) continue;
    const double exact = std::pow(b, r);
    const double got = UnitPow(b, r);
    if (exact == 0.0 || !std::isnormal(exact)) {  // outside the fast range: std::pow itself
      ASSERT_EQ(got, exact) << "b = " << b << ", r = " << r;
      continue;
    }
    const double bound = 4e-16 * (1.0 + std::abs(r * std::log(b)));
    const double error = std::abs(got - exact) / exact;
    worst = std::max(worst, error / bound);
    ASSERT_LE(error, bound) << "b = " << b << ", r = " << r;
  }
  EXPECT_GT(worst, 0.0);  // the comparison ran on values that differ somewhere
}

TEST(EumUnitPow, ExactCases) {
  EXPECT_EQ(UnitPow(1.0, 0.7), 1.0);
  EXPECT_EQ(UnitPow(0.5, 2.0), 0.25);
  EXPECT_EQ(UnitPow(0.25, 0.5), 0.5);
  EXPECT_EQ(UnitPow(0.3, 0.0), 1.0);
  EXPECT_EQ(UnitPow(0.3, 1.0), 0.3);  // r = 1 is the base itself, not exp(ln b)
  EXPECT_EQ(UnitPow(0.1234567, 1.0), 0.1234567);
}

// Outside the fast range the old RiskPow answers stand: 0^r = 0 for r > 0, 0^0 = 1.
TEST(EumUnitPow, SpecialCases) {
  EXPECT_EQ(UnitPow(0.0, 0.5), 0.0);
  EXPECT_EQ(UnitPow(0.0, 0.0), 1.0);
  EXPECT_EQ(UnitPow(-0.0, 2.0), 0.0);
  EXPECT_EQ(UnitPow(0x1p-1060, 0.5), std::pow(0x1p-1060, 0.5));
  EXPECT_EQ(UnitPow(0x1p-300, 3.9), std::pow(0x1p-300, 3.9));
  EXPECT_EQ(UnitPow(0.5, 9.0), std::pow(0.5, 9.0));
  EXPECT_TRUE(std::isnan(UnitPow(std::nan(""), 0.5)));
}

// The row gives UnitPow's bits for every lane, whichever kernel handled it: counts that leave
// four-lane blocks, a two-lane tail and a single value, with out-of-range bases mixed in.
TEST(EumUnitPow, RowIsBitIdenticalToScalar) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (std::size_t count : {1u, 2u, 3u, 4u, 5u, 7u, 8u, 33u, 64u, 101u}) {
    for (double r : {0.0, 0.5, 0.73, 1.0, 1.5, 2.0, 3.99, 5.0}) {
      std::vector<double> values(count);
      for (std::size_t q = 0; q < count; ++q) {
        values[q] = q % 9 == 4 ? 0.0 : (q % 13 == 6 ? 0x1p-1050 : unit(rng));
      }
      std::vector<double> row = values;
      UnitPowRow(row.data(), count, r);
      for (std::size_t q = 0; q < count; ++q) {
        EXPECT_EQ(std::bit_cast<std::uint64_t>(row[q]),
                  std::bit_cast<std::uint64_t>(UnitPow(values[q], r)))
            << "count " << count << ", r " << r << ", lane " << q << ", base " << values[q];
      }
    }
  }
}

// Logarithms once, then powers for many exponents: UnitPow's bits for every lane, whichever
// kernel took the logarithm or the power, out-of-range bases and exponents included.
TEST(EumUnitPow, PowersFromSharedLogsAreBitIdenticalToScalar) {
  std::mt19937_64 rng(13);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (std::size_t count : {1u, 2u, 3u, 4u, 5u, 7u, 8u, 9u, 33u, 64u, 101u}) {
    std::vector<double> bases(count), logs(count), out(count);
    for (std::size_t q = 0; q < count; ++q) {
      bases[q] = q % 9 == 4 ? 0.0 : (q % 13 == 6 ? 0x1p-1050 : (q % 11 == 3 ? 1.0 : unit(rng)));
    }
    UnitLogRow(bases.data(), logs.data(), count);
    for (double r : {0.0, 0.5, 0.73, 1.0, 1.5, 2.0, 3.99, 5.0, -0.5}) {
      UnitPowRowFromLogs(bases.data(), logs.data(), out.data(), count, r);
      for (std::size_t q = 0; q < count; ++q) {
        EXPECT_EQ(std::bit_cast<std::uint64_t>(out[q]),
                  std::bit_cast<std::uint64_t>(UnitPow(bases[q], r)))
            << "count " << count << ", r " << r << ", lane " << q << ", base " << bases[q];
      }
      // The utilities' form, 2 − 4·b^r in one pass: the same bits as the expression on UnitPow.
      UnitPowAffineRowFromLogs(bases.data(), logs.data(), out.data(), count, r, 2.0, 4.0);
      for (std::size_t q = 0; q < count; ++q) {
        EXPECT_EQ(std::bit_cast<std::uint64_t>(out[q]),
                  std::bit_cast<std::uint64_t>(2.0 - 4.0 * UnitPow(bases[q], r)))
            << "affine, count " << count << ", r " << r << ", lane " << q;
      }
    }
  }
}

}  // namespace
}  // namespace entente::eum
