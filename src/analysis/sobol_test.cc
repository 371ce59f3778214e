// The Sobol estimators on the Ishigami function (Ishigami & Homma 1990), the standard check with
// interactions: Y = sin x1 + 7 sin^2 x2 + 0.1 x3^4 sin x1, x_i ~ U(-pi, pi). Its indices are known
// analytically (e.g. Saltelli et al. 2010, section 4): S = (0.3139, 0.4424, 0),
// S_T = (0.5576, 0.4424, 0.2437).
#include "analysis/sobol.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "core/splitmix64.h"

namespace entente::analysis {
namespace {

double Ishigami(const double x[3]) {
  return std::sin(x[0]) + 7.0 * std::sin(x[1]) * std::sin(x[1]) +
         0.1 * std::pow(x[2], 4) * std::sin(x[0]);
}

TEST(Sobol, IshigamiIndices) {
  const std::size_t n = 20000;
  SplitMix64 rng(42);
  std::vector<std::vector<double>> a(n, std::vector<double>(3)), b = a;
  for (std::size_t j = 0; j < n; ++j) {
    for (int i = 0; i < 3; ++i) {
      a[j][i] = std::numbers::pi * (2.0 * rng.Uniform() - 1.0);
      b[j][i] = std::numbers::pi * (2.0 * rng.Uniform() - 1.0);
    }
  }
  std::vector<double> f_a(n), f_b(n);
  std::vector<std::vector<double>> f_ab(3, std::vector<double>(n));
  for (std::size_t j = 0; j < n; ++j) {
    f_a[j] = Ishigami(a[j].data());
    f_b[j] = Ishigami(b[j].data());
    for (int i = 0; i < 3; ++i) {
      std::vector<double> x = a[j];
      x[i] = b[j][i];
      f_ab[i][j] = Ishigami(x.data());
    }
  }
  const SobolEstimate e = EstimateSobol(f_a, f_b, f_ab, 100, 1);
  const double first[] = {0.3139, 0.4424, 0.0}, total[] = {0.5576, 0.4424, 0.2437};
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(e.first[i], first[i], 0.03) << "x" << i + 1;
    EXPECT_NEAR(e.total[i], total[i], 0.03) << "x" << i + 1;
    EXPECT_LT(e.first_low[i], e.first_high[i]);
    EXPECT_LT(e.total_low[i], e.total_high[i]);
  }
  EXPECT_NEAR(e.variance, 13.845, 0.5);  // Var Y = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2
}

TEST(Sobol, ConstantOutputGivesZeroIndices) {
  const std::vector<double> f(10, 3.0);
  const SobolEstimate e = EstimateSobol(f, f, {f, f}, 10, 1);
  EXPECT_EQ(e.variance, 0.0);
  EXPECT_EQ(e.first[0], 0.0);
  EXPECT_EQ(e.total[1], 0.0);
}

}  // namespace
}  // namespace entente::analysis
