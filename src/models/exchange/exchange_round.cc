#include "models/exchange/exchange_round.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace entente::exchange {

std::vector<Candidate> BuildCandidates(const RoundContext& ctx) {
  const Table& t = *ctx.table;
  const Grid& x0 = *ctx.start;
  const int n = t.actors();
  const int m = t.issues();
  // §4.1: L_id = [x_id <= O_d] (ties count as left).
  std::vector<std::vector<char>> left(m, std::vector<char>(n, 0));
  for (int d = 0; d < m; ++d) {
    const double o = t.Outcome(d, x0);
    for (int i = 0; i < n; ++i) left[d][i] = t.has[d][i] && x0[d][i] <= o;
  }
  std::vector<Candidate> out;
  std::vector<int> group[4];
  for (int p = 0; p < m; ++p) {
    for (int q = p + 1; q < m; ++q) {
      for (auto& g : group) g.clear();
      for (int i = 0; i < n; ++i) {
        if (!t.has[p][i] || !t.has[q][i]) continue;
        group[left[p][i] + 2 * left[q][i]].push_back(i);  // §4.2: g = L_ip + 2·L_iq
      }
      for (int i : group[0])
        for (int j : group[3])
          out.push_back(MakeCandidate(ctx, static_cast<int>(out.size()), p, q, false, i, j));
      for (int i : group[1])
        for (int j : group[2])
          out.push_back(MakeCandidate(ctx, static_cast<int>(out.size()), p, q, true, i, j));
    }
  }
  return out;
}

namespace {

double OwnGain(const Candidate& c, int actor) { return c.a.actor == actor ? c.a.gain : c.b.gain; }

// Random Rate's bilateral matching (dutch_models.md §4.11): the first candidate (in list order)
// that is the best remaining one for both partners by their own gain; if there is none, the
// candidate whose worse-off partner gains most.
std::size_t PickMutualBest(const std::vector<Candidate>& pool, const std::vector<int>& list,
                           int actors) {
  std::vector<double> best(actors, -1.0);
  for (int k : list) {
    const Candidate& c = pool[k];
    if (!c.valid) continue;
    best[c.a.actor] = std::max(best[c.a.actor], c.a.gain);
    best[c.b.actor] = std::max(best[c.b.actor], c.b.gain);
  }
  std::size_t fallback = 0;
  double fallback_gain = -1.0;
  for (std::size_t pos = 0; pos < list.size(); ++pos) {
    const Candidate& c = pool[list[pos]];
    if (!c.valid) continue;
    if (OwnGain(c, c.a.actor) >= best[c.a.actor] && OwnGain(c, c.b.actor) >= best[c.b.actor])
      return pos;
    if (c.gain > fallback_gain) {
      fallback_gain = c.gain;
      fallback = pos;
    }
  }
  return fallback;
}

// Gains equal to within this relative difference are ties: the reference computes in 28-digit
// decimals, where they are exactly equal; in double they differ by rounding only.
constexpr double kTieTolerance = 1e-13;

// x goes before y: a clearly larger gain.
bool Before(const Candidate& x, const Candidate& y) {
  return x.gain - y.gain > kTieTolerance * std::max(std::fabs(x.gain), std::fabs(y.gain));
}

// Stable bottom-up merge sort of `list` by gain, descending; ties keep their current order.
// Written out (rather than std::stable_sort) because the tolerant comparison is not a strict
// weak order, which the standard algorithms require.
void SortByGain(const std::vector<Candidate>& pool, std::vector<int>* list,
                std::vector<int>* scratch) {
  std::vector<int>& a = *list;
  std::vector<int>& b = *scratch;
  const std::size_t n = a.size();
  b.resize(n);
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      const std::size_t mid = std::min(lo + width, n);
      const std::size_t hi = std::min(lo + 2 * width, n);
      std::size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) b[k++] = Before(pool[a[j]], pool[a[i]]) ? a[j++] : a[i++];
      while (i < mid) b[k++] = a[i++];
      while (j < hi) b[k++] = a[j++];
    }
    std::swap(a, b);
  }
}

// Hands the valid candidates tied at the head of the ranking to options.tie_break.
std::size_t BreakTie(const RoundContext& ctx, const std::vector<Candidate>& pool,
                     const std::vector<int>& list, int seq) {
  constexpr double kNearTie = 1e-12;  // the README's near-tie bound (absolute)
  std::vector<std::size_t> at;
  std::vector<RealisedExchange> tied;
  for (std::size_t pos = 0; pos < list.size(); ++pos) {
    const Candidate& c = pool[list[pos]];
    if (pool[list[0]].gain - c.gain >= kNearTie) break;
    if (!c.valid) continue;
    at.push_back(pos);
    tied.push_back(ToRecord(*ctx.table, c, ctx.round, seq));
  }
  if (tied.size() < 2) return 0;
  const std::size_t pick = ctx.options->tie_break(tied);
  return pick < at.size() ? at[pick] : 0;
}

// Sorts `changed` (with its list positions) by gain and merges it into the sorted `kept`: the
// result equals a stable sort of the list the two came from.
void MergeChanged(const std::vector<Candidate>& pool, const std::vector<int>& kept,
                  const std::vector<std::size_t>& kept_at, std::vector<int>* changed,
                  std::vector<std::size_t>* changed_at, std::vector<int>* scratch,
                  std::vector<int>* out) {
  // Sort the changed ones (few) stably, then look their list positions up again.
  std::vector<std::size_t> at_of(pool.size());
  for (std::size_t k = 0; k < changed->size(); ++k) at_of[(*changed)[k]] = (*changed_at)[k];
  SortByGain(pool, changed, scratch);
  const std::vector<int>& c = *changed;
  std::vector<std::size_t> c_at(c.size());
  for (std::size_t k = 0; k < c.size(); ++k) c_at[k] = at_of[c[k]];
  scratch->clear();
  std::size_t i = 0, j = 0;
  while (i < kept.size() && j < c.size()) {
    const Candidate& u = pool[kept[i]];
    const Candidate& v = pool[c[j]];
    const bool take_changed = Before(v, u) || (!Before(u, v) && c_at[j] < kept_at[i]);
    scratch->push_back(take_changed ? c[j++] : kept[i++]);
  }
  while (i < kept.size()) scratch->push_back(kept[i++]);
  while (j < c.size()) scratch->push_back(c[j++]);
  std::swap(*out, *scratch);
}

}  // namespace

RoundResult RunRound(const RoundContext& ctx, bool keep_initial) {
  const Table& t = *ctx.table;
  RoundResult result;
  std::vector<Candidate> pool = BuildCandidates(ctx);
  if (keep_initial) result.initial = pool;
  // The candidate list: indices into pool, creation order; removal never reorders the rest.
  std::vector<int> list(pool.size());
  for (std::size_t k = 0; k < pool.size(); ++k) list[k] = static_cast<int>(k);
  // `list` stays sorted between pops: after a realisation only the recalculated candidates are
  // re-sorted and merged back, which equals a full stable sort (ties keep list order).
  std::vector<int> kept, changed, scratch;
  std::vector<std::size_t> kept_at, changed_at;
  bool sorted = false;
  while (!list.empty()) {
    std::size_t pos = 0;
    if (ctx.variant == ExchangeVariant::kRandomRate) {
      pos = PickMutualBest(pool, list, t.actors());
    } else {
      // §4.4: stable sort by gain, descending, before every pop (the README's tie rule).
      if (!sorted) SortByGain(pool, &list, &scratch);
      sorted = true;
      if (ctx.options != nullptr && ctx.options->tie_break)
        pos = BreakTie(ctx, pool, list, static_cast<int>(result.realised.size()) + 1);
    }
    const int e_index = list[pos];
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(pos));
    const Candidate& e = pool[e_index];
    if (!e.valid) continue;
    result.realised.push_back(e);
    // Recalculate every remaining candidate against e; drop the invalid ones.
    kept.clear();
    changed.clear();
    kept_at.clear();
    changed_at.clear();
    for (std::size_t at = 0; at < list.size(); ++at) {
      Candidate& c = pool[list[at]];
      if (!c.valid) continue;
      const bool recomputed = Recalculate(ctx, e, c);
      if (!c.valid) continue;
      (recomputed ? changed : kept).push_back(list[at]);
      (recomputed ? changed_at : kept_at).push_back(at);
    }
    if (ctx.variant == ExchangeVariant::kRandomRate) {
      list = kept;  // no ranking: restore list order
      list.insert(list.end(), changed.begin(), changed.end());
      std::vector<std::pair<std::size_t, int>> order;
      for (std::size_t k = 0; k < kept.size(); ++k) order.push_back({kept_at[k], kept[k]});
      for (std::size_t k = 0; k < changed.size(); ++k) order.push_back({changed_at[k], changed[k]});
      std::sort(order.begin(), order.end());
      for (std::size_t k = 0; k < order.size(); ++k) list[k] = order[k].second;
      continue;
    }
    MergeChanged(pool, kept, kept_at, &changed, &changed_at, &scratch, &list);
  }
  // §4.6: voting positions; for repeated (actor, issue) pairs the last exchange wins.
  result.voting = *ctx.start;
  for (const Candidate& e : result.realised) {
    result.voting[e.a.supply][e.a.actor] = e.a.y;
    result.voting[e.b.supply][e.b.actor] = e.b.y;
  }
  return result;
}

Grid NextStart(const Table& t, const Grid& start, const Grid& voting, double fixed_weight,
               double salience_weight) {
  Grid next = start;
  for (int d = 0; d < t.issues(); ++d) {
    for (int i = 0; i < t.actors(); ++i) {
      if (!t.has[d][i] || voting[d][i] == start[d][i]) continue;
      // dutch_models.md §4.8 (Decide's new_start_position).
      const double f = fixed_weight + salience_weight * (1.0 - t.s[d][i]);
      next[d][i] = start[d][i] + f * (voting[d][i] - start[d][i]);
    }
  }
  return next;
}

}  // namespace entente::exchange
