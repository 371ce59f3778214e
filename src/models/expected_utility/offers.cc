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
