// A priori voting power in weighted voting games [q; w_1, ..., w_n]: a coalition wins when the
// sum of its members' weights reaches the quota q.
//
// Both indices are computed exactly by dynamic programming over weight sums (no sampling), in
// O(n^2 * W) time for Banzhaf and O(n^3 * W) for Shapley–Shubik, W = Σ w: a few milliseconds for
// the 28 members of the EU Council under the Treaty of Nice.
//
// Thread-safety: reentrant.
#pragma once

#include <vector>

#include "entente/status.h"

namespace entente {

// Normalised Banzhaf index (Banzhaf 1965; Penrose 1946): the number of coalitions in which i is
// a swing player (the coalition wins with i and loses without), divided by the total number of
// swings of all players. Sums to 1.
// InvalidArgument when a weight is negative, the quota is not in [1, Σ w], or Σ w > 10^6.
Result<std::vector<double>> BanzhafIndex(const std::vector<int>& weights, int quota);

// Shapley–Shubik index (Shapley & Shubik 1954): the share of the n! orderings of the players in
// which i is pivotal, φ_i = Σ_{S ∌ i, S loses, S ∪ {i} wins} |S|! (n − |S| − 1)! / n!. Sums to 1.
// Same errors as BanzhafIndex.
Result<std::vector<double>> ShapleyShubikIndex(const std::vector<int>& weights, int quota);

}  // namespace entente
