#include "entente/voting_power.h"

#include <numeric>
#include <string>

namespace entente {

namespace {

Status CheckGame(const std::vector<int>& weights, int quota, long long* total) {
  *total = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) {
      return Status::InvalidArgument("voting weight " + std::to_string(i + 1) + " is negative (" +
                                     std::to_string(weights[i]) + ")");
    }
    *total += weights[i];
  }
  if (*total > 1000000) {
    return Status::InvalidArgument("voting weights sum to " + std::to_string(*total) +
                                   ", over the supported 1000000");
  }
  if (quota < 1 || quota > *total) {
    return Status::InvalidArgument("quota " + std::to_string(quota) + " must be in [1, " +
                                   std::to_string(*total) + "] (the sum of the weights)");
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<double>> BanzhafIndex(const std::vector<int>& weights, int quota) {
  long long total = 0;
  if (Status s = CheckGame(weights, quota, &total); !s.ok()) return s;
  const std::size_t n = weights.size();
  std::vector<double> swings(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    // count[s]: number of coalitions of the other players with weight exactly s (counts are
    // at most 2^(n-1), exact in a double up to n = 54).
    std::vector<double> count(static_cast<std::size_t>(total) + 1, 0.0);
    count[0] = 1.0;
    long long reach = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      const int w = weights[j];
      reach += w;
      for (long long s = reach; s >= w; --s) count[s] += count[s - w];
    }
    // i swings S when w(S) < q <= w(S) + w_i.
    for (long long s = std::max(0LL, static_cast<long long>(quota) - weights[i]); s < quota; ++s)
      swings[i] += count[s];
  }
  const double sum = std::accumulate(swings.begin(), swings.end(), 0.0);
  if (sum > 0.0)
    for (double& b : swings) b /= sum;
  return swings;
}

Result<std::vector<double>> ShapleyShubikIndex(const std::vector<int>& weights, int quota) {
  long long total = 0;
  if (Status s = CheckGame(weights, quota, &total); !s.ok()) return s;
  const std::size_t n = weights.size();
  const std::size_t width = static_cast<std::size_t>(total) + 1;
  // 1 / (n * C(n-1, k)) = k! (n-1-k)! / n!, the probability that exactly the k players of a
  // given coalition precede i in a random ordering.
  std::vector<double> order_weight(n, 0.0);
  {
    double binom = 1.0;  // C(n-1, k)
    for (std::size_t k = 0; k < n; ++k) {
      order_weight[k] = 1.0 / (static_cast<double>(n) * binom);
      binom = binom * static_cast<double>(n - 1 - k) / static_cast<double>(k + 1);
    }
  }
  std::vector<double> phi(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    // count[k * width + s]: coalitions of the other players with k members and weight s.
    std::vector<double> count(n * width, 0.0);
    count[0] = 1.0;
    long long reach = 0;
    std::size_t members = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      const int w = weights[j];
      reach += w;
      ++members;
      for (std::size_t k = members; k >= 1; --k)
        for (long long s = reach; s >= w; --s)
          count[k * width + s] += count[(k - 1) * width + (s - w)];
    }
    const long long low = std::max(0LL, static_cast<long long>(quota) - weights[i]);
    for (std::size_t k = 0; k < n; ++k)
      for (long long s = low; s < quota; ++s) phi[i] += count[k * width + s] * order_weight[k];
  }
  return phi;
}

}  // namespace entente
