#include "models/expected_utility/offers.h"

#include <cmath>

namespace entente::eum {

const char* OfferKindName(OfferKind kind) {
  switch (kind) {
    case OfferKind::kNone:
      return "none";
    case OfferKind::kConflict:
      return "conflict";
    case OfferKind::kCompromise:
      return "compromise";
    case OfferKind::kCapitulation:
      return "capitulation";
    case OfferKind::kAdvantage:
      return "advantage";
    case OfferKind::kStalemate:
      return "stalemate";
  }
  return "none";
}

Proposal Classify(const ExpectedUtilityOptions& options, double a, double b, double xi, double xj) {
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

void OfferBook::Reset(std::size_t n) { best_.assign(n * 3, Best{}); }

void OfferBook::Offer(std::size_t i, std::size_t j, double a, double b, double xi, double xj) {
  if (xi == xj && options_.same_position == SamePositionOffers::kSkip) return;
  if (options_.selection == OfferSelection::kMaxSenderEu) {
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
  const Proposal p = Classify(options_, a, b, xi, xj);
  if (!p.moves) return;
  // Sch §6.2: category priority (conflict lost, compromise, capitulation), then least move.
  const int category = p.kind == OfferKind::kConflict     ? 0
                       : p.kind == OfferKind::kCompromise ? 1
                                                          : 2;
  double key = std::abs(p.to - xi);
  if (category == 1 && options_.selection == OfferSelection::kScholzCode) {
    // jmckib ("faithful to Scholz' original code"): the least weighted *position*.
    key = (std::abs(a) * xi + std::abs(b) * xj) / (std::abs(a) + std::abs(b));
  }
  Best& best = best_[i * 3 + static_cast<std::size_t>(category)];
  if (best.j < 0 || key < best.key) best = Best{static_cast<long>(j), key, p.to, b};
}

long OfferBook::Accepted(std::size_t i, const std::vector<double>& x, double* to) const {
  if (options_.selection == OfferSelection::kMaxSenderEu) {
    const Best& best = best_[i * 3];
    if (best.j < 0) return -1;
    // i classifies the strongest challenge with its own E^i(U_ij) (stored in `to`).
    const Proposal p =
        Classify(options_, best.to, best.b, x[i], x[static_cast<std::size_t>(best.j)]);
    if (!p.moves) return -1;
    *to = p.to;
    return best.j;
  }
  for (std::size_t c = 0; c < 3; ++c) {
    const Best& best = best_[i * 3 + c];
    if (best.j >= 0) {
      *to = best.to;
      return best.j;
    }
  }
  return -1;
}

}  // namespace entente::eum
