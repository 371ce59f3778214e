#include "analysis/sobol.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "core/splitmix64.h"

namespace entente::analysis {
namespace {

struct Point {
  double mean = 0.0;
  double variance = 0.0;
  std::vector<double> first, total;
};

// The estimators over the rows listed in `rows` (a bootstrap resample, or 0..N-1).
Point Estimate(const std::vector<double>& f_a, const std::vector<double>& f_b,
               const std::vector<std::vector<double>>& f_ab, const std::vector<std::size_t>& rows) {
  Point p;
  const double n = static_cast<double>(rows.size());
  double sum = 0.0;
  for (std::size_t j : rows) sum += f_a[j] + f_b[j];
  p.mean = sum / (2.0 * n);
  double ss = 0.0;
  for (std::size_t j : rows) {
    ss += (f_a[j] - p.mean) * (f_a[j] - p.mean) + (f_b[j] - p.mean) * (f_b[j] - p.mean);
  }
  p.variance = ss / (2.0 * n);
  // Below this the output is constant up to rounding: every index is reported as 0.
  const double floor = 1e-24 * std::max(1.0, p.mean * p.mean);
  for (const std::vector<double>& f_i : f_ab) {
    double v_first = 0.0, v_total = 0.0;
    for (std::size_t j : rows) {
      v_first += (f_b[j] - p.mean) * (f_i[j] - f_a[j]);  // Saltelli et al. 2010, Table 2 (b)
      v_total += (f_a[j] - f_i[j]) * (f_a[j] - f_i[j]);  // Jansen 1999
    }
    v_first /= n;
    v_total /= 2.0 * n;
    const bool varies = p.variance > floor;
    p.first.push_back(varies ? v_first / p.variance : 0.0);
    p.total.push_back(varies ? v_total / p.variance : 0.0);
  }
  return p;
}

// The q-quantile of `v` (sorted in place), linear interpolation between order statistics.
double Quantile(std::vector<double>& v, double q) {
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const std::size_t lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

SobolEstimate EstimateSobol(const std::vector<double>& f_a, const std::vector<double>& f_b,
                            const std::vector<std::vector<double>>& f_ab, int bootstrap,
                            std::uint64_t seed) {
  const std::size_t n = f_a.size();
  std::vector<std::size_t> rows(n);
  for (std::size_t j = 0; j < n; ++j) rows[j] = j;
  Point point = Estimate(f_a, f_b, f_ab, rows);
  SobolEstimate out;
  out.mean = point.mean;
  out.variance = point.variance;
  out.first = point.first;
  out.total = point.total;
  out.first_low = out.first_high = point.first;
  out.total_low = out.total_high = point.total;
  if (bootstrap <= 0) return out;

  const std::size_t k = f_ab.size();
  std::vector<std::vector<double>> first(k), total(k);
  SplitMix64 rng(seed);
  for (int r = 0; r < bootstrap; ++r) {
    for (std::size_t j = 0; j < n; ++j) rows[j] = static_cast<std::size_t>(rng.Next() % n);
    Point b = Estimate(f_a, f_b, f_ab, rows);
    for (std::size_t i = 0; i < k; ++i) {
      first[i].push_back(b.first[i]);
      total[i].push_back(b.total[i]);
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    out.first_low[i] = Quantile(first[i], 0.025);
    out.first_high[i] = Quantile(first[i], 0.975);
    out.total_low[i] = Quantile(total[i], 0.025);
    out.total_high[i] = Quantile(total[i], 0.975);
  }
  return out;
}

}  // namespace entente::analysis
