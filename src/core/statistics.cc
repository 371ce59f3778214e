#include "entente/statistics.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace entente {

namespace {
bool AllZero(const std::vector<double>& w) {
  return std::all_of(w.begin(), w.end(), [](double x) { return x == 0.0; });
}
}  // namespace

double Mean(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double Median(const std::vector<double>& values) {
  return WeightedMedian(values, std::vector<double>(values.size(), 1.0));
}

double MidpointMedian(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double WeightedMean(const std::vector<double>& values, const std::vector<double>& weights) {
  if (AllZero(weights)) return Mean(values);
  double num = 0.0, den = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    num += weights[i] * values[i];
    den += weights[i];
  }
  return num / den;
}

double WeightedMedian(const std::vector<double>& values, const std::vector<double>& weights) {
  if (AllZero(weights)) return Median(values);
  const std::size_t n = values.size();
  // The actors in increasing order of value, ties in index order. Models call this once a
  // round, so small inputs (the common case) are sorted by insertion in place, without the
  // allocations of a vector and std::stable_sort's buffer; the order is the same.
  constexpr std::size_t kSmall = 64;
  std::array<std::size_t, kSmall> small_order;
  std::vector<std::size_t> large_order;
  std::size_t* order = small_order.data();
  if (n > kSmall) {
    large_order.resize(n);
    order = large_order.data();
  }
  std::iota(order, order + n, std::size_t{0});
  const auto before = [&](std::size_t a, std::size_t b) { return values[a] < values[b]; };
  if (n <= kSmall) {
    for (std::size_t t = 1; t < n; ++t) {
      const std::size_t k = order[t];
      std::size_t u = t;
      for (; u > 0 && before(k, order[u - 1]); --u) order[u] = order[u - 1];
      order[u] = k;
    }
  } else {
    std::stable_sort(order, order + n, before);
  }
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  // Half the total, less a relative 1e-12: a cumulative weight that reaches exactly half in
  // exact arithmetic must not miss it through rounding (e.g. saliences 0.29 + 0.21 read from a
  // 0–100 scale).
  const double half = 0.5 * total * (1.0 - 1e-12);
  double cumulative = 0.0;
  for (std::size_t t = 0; t < n; ++t) {
    cumulative += weights[order[t]];
    if (cumulative >= half) return values[order[t]];
  }
  return values[order[n - 1]];
}

}  // namespace entente
