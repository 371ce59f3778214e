// Offers: how a pair's two expected utilities turn into a proposal to an actor (Scholz et al.
// 2011 §6.1, Fig. 6; BdM 1994's quadrant chart), and which of its proposals an actor accepts
// (Sch §6.2; A9).
//
// Thread-safety: OfferBook is a plain value; use one per thread.
#pragma once

#include <cstddef>
#include <vector>

#include "entente/expected_utility.h"

namespace entente::eum {

enum class OfferKind {
  kNone,          // same position: nothing to bargain over
  kConflict,      // both expect to gain by challenging; i loses when b > a > 0
  kCompromise,    // b > 0 > a, b > |a|: i moves part-way toward j (Sch eq. 36)
  kCapitulation,  // b > 0 > a, b < |a|: i moves fully to x_j
  kAdvantage,     // a > 0 > b: i has the upper hand; the proposal goes to j
  kStalemate,     // a <= 0 and b <= 0: status quo
};

// "none", "conflict", "compromise", "capitulation", "advantage", "stalemate".
const char* OfferKindName(OfferKind kind);

struct Proposal {
  OfferKind kind = OfferKind::kNone;
  bool moves = false;  // whether the proposal asks i to move (i's side of the chart)
  double to = 0.0;     // where i would move (x_i when it does not)
};

// Classifies the pair from i's side: a = E^i(U_ij), b = the other side's EU of challenging i.
// |E| < options.zero_threshold counts as 0 first (eum).
Proposal Classify(const ExpectedUtilityOptions& options, double a, double b, double xi, double xj);

// Collects the proposals each actor receives in a round and keeps the one it accepts.
// Offers must arrive for each actor in increasing counterpart order (ties keep the first).
class OfferBook {
 public:
  explicit OfferBook(const ExpectedUtilityOptions& options) : options_(options) {}

  void Reset(std::size_t n);
  // The pair (i, j) as seen from i: a = E^i(U_ij), b = j's EU of challenging i (A1).
  void Offer(std::size_t i, std::size_t j, double a, double b, double xi, double xj);
  // i's accepted counterpart, or -1 when it keeps its position; *to = the new position.
  // x holds the positions the offers were made from.
  long Accepted(std::size_t i, const std::vector<double>& x, double* to) const;

 private:
  struct Best {
    long j = -1;
    double key = 0.0;
    double to = 0.0;
    double b = 0.0;
  };
  ExpectedUtilityOptions options_;
  // best_[i * 3 + c]: the best proposal of category c (0 conflict, 1 compromise,
  // 2 capitulation); for kMaxSenderEu only slot 0 holds the strongest challenge.
  std::vector<Best> best_;
};

}  // namespace entente::eum
