// Offers: how a pair's two expected utilities turn into a proposal to an actor (Scholz et al.
// 2011 §6.1, Fig. 6; BdM 1994's quadrant chart), and which of its proposals an actor accepts
// (Sch §6.2; A9).
//
// Thread-safety: OfferBook is a plain value; use one per thread.
#pragma once

#include <cmath>
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

// The offer rules of the bdm preset as compile-time constants: ClassifyBy and OfferBook::OfferBy
// read the same fields from this as from ExpectedUtilityOptions, so their bdm instances are the
// general code with the option tests folded away (same results).
struct BdmOfferRules {
  static constexpr SamePositionOffers same_position = SamePositionOffers::kSkip;
  static constexpr double zero_threshold = 0.0;
  static constexpr CompromisePoint compromise = CompromisePoint::kFraction;
  static constexpr CapitulationRule capitulation = CapitulationRule::kFires;
  static constexpr OfferSelection selection = OfferSelection::kLeastMove;
  // Whether `options` has exactly these rules.
  static bool Match(const ExpectedUtilityOptions& options) {
    return options.same_position == same_position && options.zero_threshold == zero_threshold &&
           options.compromise == compromise && options.capitulation == capitulation &&
           options.selection == selection;
  }
};

// Classify with the rules read from `rules` (ExpectedUtilityOptions or BdmOfferRules).
template <class Rules>
Proposal ClassifyBy(const Rules& rules, double a, double b, double xi, double xj);

// Collects the proposals each actor receives in a round and keeps the one it accepts.
// Offers must arrive for each actor in increasing counterpart order (ties keep the first).
class OfferBook {
 public:
  explicit OfferBook(const ExpectedUtilityOptions& options) : options_(options) {}

  void Reset(std::size_t n);
  // The pair (i, j) as seen from i: a = E^i(U_ij), b = j's EU of challenging i (A1).
  void Offer(std::size_t i, std::size_t j, double a, double b, double xi, double xj) {
    OfferBy(options_, i, j, a, b, xi, xj);
  }
  // Offer with the rules read from `rules`; REQUIRES: they are this book's options' rules
  // (BdmOfferRules::Match for BdmOfferRules).
  template <class Rules>
  void OfferBy(const Rules& rules, std::size_t i, std::size_t j, double a, double b, double xi,
               double xj);
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

inline Proposal Classify(const ExpectedUtilityOptions& options, double a, double b, double xi,
                         double xj) {
  return ClassifyBy(options, a, b, xi, xj);
}

// Inline: OfferBook::Offer classifies every pair of a round.
template <class Rules>
inline Proposal ClassifyBy(const Rules& options, double a, double b, double xi, double xj) {
  Proposal p;
  p.to = xi;
  // A12: no offers between actors at the same position, unless they are classified like any
  // pair (eum); the proposal then moves i nowhere, to = x_j = x_i (a compromise too).
  if (xi == xj && options.same_position == SamePositionOffers::kSkip) return p;
  if (std::abs(a) < options.zero_threshold) a = 0.0;
  if (std::abs(b) < options.zero_threshold) b = 0.0;
  // With a zero threshold (eum) "a ≈ 0, b > 0" is a compromise; otherwise a must be < 0.
  const bool a_negative = a < 0.0 || (a == 0.0 && options.zero_threshold > 0.0);
  if (a > 0.0 && b > 0.0) {
    // Sch Fig. 6, conflict: the one with the larger EU expects to win; i loses if b > a.
    p.kind = OfferKind::kConflict;
    if (b > a) {
      p.moves = true;
      p.to = xj;
    }
  } else if (b > 0.0 && a_negative) {
    const double ratio = std::abs(a / b);
    if (b > std::abs(a)) {
      // Compromise: i concedes part of the distance. Sch eq. (36): x_i + (x_j − x_i)|a/b|;
      // eum: (|a| x_i + |b| x_j) / (|a| + |b|) (A8).
      p.kind = OfferKind::kCompromise;
      p.moves = true;
      p.to = xi == xj ? xi  // exactly: the weighted mean of x_i with itself can miss by an ulp
             : options.compromise == CompromisePoint::kFraction
                 ? xi + (xj - xi) * ratio
                 : (std::abs(a) * xi + std::abs(b) * xj) / (std::abs(a) + std::abs(b));
    } else if (b < std::abs(a)) {
      // Capitulation (Sch Fig. 6): i gives in fully, unless the jmckib typo disables it (A10).
      p.kind = OfferKind::kCapitulation;
      if (options.capitulation == CapitulationRule::kFires) {
        p.moves = true;
        p.to = xj;
      }
    } else {
      p.kind = OfferKind::kStalemate;  // b == |a|: on the boundary, nobody moves
    }
  } else if (a > 0.0 && b <= 0.0) {
    p.kind = OfferKind::kAdvantage;
  } else {
    p.kind = OfferKind::kStalemate;
  }
  return p;
}

// Inline: the round offers once per pair of classes in each direction.
template <class Rules>
[[gnu::always_inline]] inline void OfferBook::OfferBy(const Rules& rules, std::size_t i,
                                                      std::size_t j, double a, double b, double xi,
                                                      double xj) {
  if (xi == xj && rules.same_position == SamePositionOffers::kSkip) return;
  if (rules.selection == OfferSelection::kMaxSenderEu) {
    // dmasadgdm: j challenges i when its own EU b > 0; i considers only the strongest
    // challenge, ties broken by the least distance; it is classified later.
    if (!(b > 0.0)) return;
    Best& best = best_[i * 3];
    const double dist = std::abs(xi - xj);
    if (best.j < 0 || b > best.b || (b == best.b && dist < best.key)) {
      best = Best{static_cast<long>(j), dist, a, b};  // `to` holds a until classified
    }
    return;
  }
  // Every proposal that moves i needs b > 0 (Sch Fig. 6: conflict lost, compromise or
  // capitulation), also after the zero threshold; about half the pairs end here.
  if (!(b > 0.0)) return;
  const Proposal p = ClassifyBy(rules, a, b, xi, xj);
  if (!p.moves) return;
  // Sch §6.2: category priority (conflict lost, compromise, capitulation), then least move.
  const int category = p.kind == OfferKind::kConflict     ? 0
                       : p.kind == OfferKind::kCompromise ? 1
                                                          : 2;
  double key = std::abs(p.to - xi);
  if (category == 1 && rules.selection == OfferSelection::kScholzCode) {
    // jmckib ("faithful to Scholz' original code"): the least weighted *position*.
    key = (std::abs(a) * xi + std::abs(b) * xj) / (std::abs(a) + std::abs(b));
  }
  Best& best = best_[i * 3 + static_cast<std::size_t>(category)];
  if (best.j < 0 || key < best.key) best = Best{static_cast<long>(j), key, p.to, b};
}

}  // namespace entente::eum
