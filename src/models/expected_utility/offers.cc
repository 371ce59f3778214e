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
  // Every proposal that moves i needs b > 0 (Sch Fig. 6: conflict lost, compromise or
  // capitulation), also after the zero threshold; about half the pairs end here.
  if (!(b > 0.0)) return;
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
