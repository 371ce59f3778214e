#include "models/exchange/decimal_equal_gain.h"

#include <algorithm>
#include <utility>

#include "core/decimal28.h"
#include "entente/model.h"

namespace entente::exchange {

namespace {

using Dec = Decimal28;
using DecGrid = std::vector<std::vector<Dec>>;

struct DecTable {
  int n = 0, m = 0;
  const std::vector<std::vector<char>>* has = nullptr;
  DecGrid x, s, c, w;    // [issue][actor]
  std::vector<Dec> den;  // D_d = Σ_i w_id, summed in actor order
};

struct DecSide {
  int actor = -1, supply = -1, demand = -1;
  Dec round_start, x, target, move, y, gain, nbs0, nbs1;
  bool capped = false;
  std::vector<Dec> history;
};

struct DecUpdate {
  int issue, actor;
  Dec value;
};

struct DecCandidate {
  int index = 0, p = -1, q = -1;
  DecSide a, b;
  Dec gain, dp, dq;
  bool valid = false;
  std::vector<DecUpdate> updates;
};

struct DecContext {
  const DecTable* t = nullptr;
  const DecGrid* start = nullptr;
};

const Dec& DecConst(int which) {
  static const Dec kZero = Dec::FromInt(0);
  static const Dec kHundred = Dec::FromInt(100);
  static const Dec kMin = *Dec::Parse("1E-10");  // §4.12: |m| > 1e-10, G >= 1e-10
  static const Dec kUlp = *Dec::Parse("1E-26");  // one unit of the 28th digit near 10..100
  switch (which) {
    case 0:
      return kZero;
    case 1:
      return kHundred;
    case 2:
      return kMin;
    default:
      return kUlp;
  }
}

// Outcome O_d = Σ_i w_id x_id / D_d (spec §2), summed in actor order.
Dec DecOutcome(const DecTable& t, int d, const DecGrid& pos) {
  Dec num;
  for (int i = 0; i < t.n; ++i)
    if ((*t.has)[d][i]) num = num + t.w[d][i] * pos[d][i];
  return num / t.den[d];
}

bool DecSideValid(const DecSide& s) {
  const Dec& m = s.move;
  if (!(m.Abs() > DecConst(2)) || m.Abs() > DecConst(1)) return false;
  if (s.y < DecConst(0) || s.y > DecConst(1)) return false;
  Dec sum = m;
  for (const Dec& h : s.history) {
    if (!((h * m) > DecConst(0))) return false;  // no reversal within a round
    sum = sum + h;
  }
  return sum <= DecConst(1);  // the signed sum, as upstream
}

bool DecCheckValid(const DecCandidate& c) {
  return c.gain >= DecConst(2) && DecSideValid(c.a) && DecSideValid(c.b);
}

// The saliences, capabilities, weights and weight sums of a candidate's pair: references into
// the table (no copies: each Decimal28 copy allocates), plus the movers' distances.
struct DecPair {
  const Dec &sAp, &sAq, &sBp, &sBq, &cAq, &cBp, &wAq, &wBp, &Dp, &Dq;
  Dec distA, distB;
  bool usable;
};

DecPair DecWeightsOf(const DecContext& ctx, const DecCandidate& c) {
  const DecTable& t = *ctx.t;
  DecPair pw{t.s[c.p][c.a.actor],
             t.s[c.q][c.a.actor],
             t.s[c.p][c.b.actor],
             t.s[c.q][c.b.actor],
             t.c[c.q][c.a.actor],
             t.c[c.p][c.b.actor],
             t.w[c.q][c.a.actor],
             t.w[c.p][c.b.actor],
             t.den[c.p],
             t.den[c.q],
             (c.a.target - c.a.x).Abs(),
             (c.b.target - c.b.x).Abs(),
             false};
  pw.usable = pw.wAq > DecConst(0) && pw.wBp > DecConst(0) && pw.Dp > DecConst(0) &&
              pw.Dq > DecConst(0) && pw.sAq + pw.sBq > DecConst(0) && pw.sAp + pw.sBp > DecConst(0);
  return pw;
}

// §4.3 steps 5-7: signed moves towards the targets, y = x + move, per-side gains
// G_A = dp·s_Ap − dq·s_Aq and G_B = dq·s_Bq − dp·s_Bp (Stokman & Van Oosten 1994).
void DecSetMoves(const DecPair& pw, DecCandidate& c, const Dec& move_a, const Dec& move_b,
                 const Dec& dp, const Dec& dq) {
  c.dp = dp;
  c.dq = dq;
  c.a.move = c.a.x <= c.a.target ? move_a : -move_a;
  c.b.move = c.b.x <= c.b.target ? move_b : -move_b;
  c.a.y = c.a.x + c.a.move;
  c.b.y = c.b.x + c.b.move;
  c.a.gain = dp * pw.sAp - dq * pw.sAq;
  c.b.gain = dq * pw.sBq - dp * pw.sBp;
}

// §4.3 steps 1-4 in the reference's order: shift = move·s·c/D, rate as one quotient.
void DecSolveEqualGain(const DecPair& pw, DecCandidate& c) {
  Dec move_b = pw.distB;
  Dec dp = move_b * pw.sBp * pw.cBp / pw.Dp;
  Dec dq = dp * ((pw.sAp + pw.sBp) / (pw.sAq + pw.sBq));
  Dec move_a = dq * pw.Dq / pw.wAq;
  if (move_a > pw.distA) {  // step 4: a moves fully instead
    move_a = pw.distA;
    dq = move_a * pw.sAq * pw.cAq / pw.Dq;
    dp = dq * ((pw.sAq + pw.sBq) / (pw.sAp + pw.sBp));
    move_b = dp * pw.Dp / pw.wBp;
  }
  DecSetMoves(pw, c, move_a, move_b, dp, dq);
  c.gain = (dp * pw.sAp - dq * pw.sAq).Abs();
}

// Õ_u with `side` at z (§4.3 step 9): round-start positions, this candidate's updates, z.
// With `exact`, the unrounded numerator Σ w·x instead of Σ w·x / D.
Dec DecAdjusted(const DecContext& ctx, const DecCandidate& c, const DecSide& side, const Dec& z,
                bool exact) {
  const DecTable& t = *ctx.t;
  const int u = side.supply;
  Dec num;
  for (int i = 0; i < t.n; ++i) {
    if (!(*t.has)[u][i]) continue;
    const Dec* pos = &(*ctx.start)[u][i];
    for (const DecUpdate& up : c.updates)
      if (up.issue == u && up.actor == i) pos = &up.value;
    if (i == side.actor) pos = &z;
    num = exact ? Dec::ExactSum(num, Dec::ExactProduct(t.w[u][i], *pos)) : num + t.w[u][i] * *pos;
  }
  return exact ? num : num / t.den[u];
}

bool DecCapOvershoot(const DecContext& ctx, const DecPair& pw, DecCandidate& c) {
  for (DecSide* s : {&c.a, &c.b}) {
    const bool is_a = s == &c.a;
    const Dec o0 = DecAdjusted(ctx, c, *s, s->x, false);
    const Dec o1 = DecAdjusted(ctx, c, *s, s->y, false);
    s->nbs0 = o0;
    s->nbs1 = o1;
    const Dec& t = s->target;
    const int d1 = (o1 - t).Sign();
    int d0 = (o0 - t).Sign();
    if ((o0 - t).Abs() <= DecConst(3)) {
      // Within one unit of the 28th digit the rounding cannot tell: the exact value decides.
      const Dec exact_num = DecAdjusted(ctx, c, *s, s->x, true);
      const Dec at_target = Dec::ExactProduct(t, ctx.t->den[s->supply]);
      d0 = (exact_num <=> at_target) < 0 ? -1 : ((exact_num <=> at_target) > 0 ? 1 : 0);
    }
    if (!((d0 < 0 && d1 > 0) || (d0 > 0 && d1 < 0))) continue;
    // Shorten the move so that Õ lands on T: Δ = |T·D − Õ0·D| / w (spec §4.3 step 9).
    const Dec& D = is_a ? pw.Dq : pw.Dp;
    const Dec& w = is_a ? pw.wAq : pw.wBp;
    const Dec delta = (t * D - o0 * D).Abs() / w;
    const Dec ratio = delta * w / D;
    Dec dp, dq;
    if (is_a) {
      dq = ratio;
      dp = dq * (pw.sAq + pw.sBq) / (pw.sAp + pw.sBp);
    } else {
      dp = ratio;
      dq = dp * (pw.sAp + pw.sBp) / (pw.sAq + pw.sBq);
    }
    const Dec move_a = is_a ? delta : dq * pw.Dq / pw.wAq;
    const Dec move_b = is_a ? dp * pw.Dp / pw.wBp : delta;
    DecSetMoves(pw, c, move_a, move_b, dp, dq);
    s->capped = true;
    s->nbs1 = DecAdjusted(ctx, c, *s, s->y, false);
    c.gain = c.a.gain.Abs();
    if (!DecCheckValid(c)) return false;
  }
  return true;
}

void DecCompute(const DecContext& ctx, DecCandidate& c) {
  c.valid = false;
  const DecPair pw = DecWeightsOf(ctx, c);
  if (!pw.usable) {
    c.gain = Dec();
    return;
  }
  DecSolveEqualGain(pw, c);
  if (!DecCheckValid(c)) return;
  if (!DecCapOvershoot(ctx, pw, c)) return;
  c.valid = true;
}

DecCandidate DecMakeCandidate(const DecContext& ctx, int index, int p, int q, int first,
                              int second) {
  const DecTable& t = *ctx.t;
  const DecGrid& x0 = *ctx.start;
  DecCandidate c;
  c.index = index;
  c.p = p;
  c.q = q;
  // §4.2 roles, compared cross-multiplied (first demands p on equal ratios).
  const bool swap = t.s[p][first] * t.s[q][second] < t.s[p][second] * t.s[q][first];
  const int a = swap ? second : first;
  const int b = swap ? first : second;
  c.a.actor = a;
  c.a.supply = q;
  c.a.demand = p;
  c.a.round_start = c.a.x = x0[q][a];
  c.a.target = x0[q][b];
  c.b.actor = b;
  c.b.supply = p;
  c.b.demand = q;
  c.b.round_start = c.b.x = x0[p][b];
  c.b.target = x0[p][a];
  DecCompute(ctx, c);
  return c;
}

bool DecSetUpdate(const DecContext& ctx, DecCandidate& c, int issue, int actor, const Dec& value) {
  for (DecUpdate& up : c.updates) {
    if (up.issue != issue || up.actor != actor) continue;
    const Dec& start = (*ctx.start)[issue][actor];
    const Dec kept = start <= up.value ? std::min(up.value, value) : std::max(up.value, value);
    if (kept == up.value) return false;
    up.value = kept;
    return true;
  }
  c.updates.push_back({issue, actor, value});
  return true;
}

bool DecDemandsOn(const DecCandidate& c, int actor, int issue) {
  return (c.a.actor == actor && c.a.demand == issue) || (c.b.actor == actor && c.b.demand == issue);
}

// §4.5; returns whether c was recomputed.
bool DecRecalculate(const DecContext& ctx, const DecCandidate& e, DecCandidate& c) {
  bool changed = false;
  for (DecSide* cs : {&c.a, &c.b}) {
    for (const DecSide* es : {&e.a, &e.b}) {
      if (cs->actor != es->actor || cs->supply != es->supply) continue;
      cs->history.push_back(cs->move);  // upstream quirk: the stale move stays in the history
      cs->x = es->y;
      changed = true;
    }
  }
  if (DecDemandsOn(c, e.b.actor, e.b.demand))
    changed |= DecSetUpdate(ctx, c, e.b.demand, e.a.actor, e.a.y);
  if (DecDemandsOn(c, e.a.actor, e.a.demand))
    changed |= DecSetUpdate(ctx, c, e.a.demand, e.b.actor, e.b.y);
  if (changed) DecCompute(ctx, c);
  return changed;
}

ExchangeSide DecSideRecord(const Table& t, const DecSide& s) {
  ExchangeSide o;
  o.actor = t.actor_ids[s.actor];
  o.supply_issue = t.issue_ids[s.supply];
  o.demand_issue = t.issue_ids[s.demand];
  o.round_start = s.round_start.ToDouble();
  o.supply_pos = s.x.ToDouble();
  o.move = s.move.ToDouble();
  o.y = s.y.ToDouble();
  o.target = s.target.ToDouble();
  o.gain = s.gain.ToDouble();
  o.nbs0 = s.nbs0.ToDouble();
  o.nbs1 = s.nbs1.ToDouble();
  o.capped = s.capped;
  return o;
}

Grid DecToGrid(const DecTable& t, const DecGrid& g) {
  Grid out(static_cast<std::size_t>(t.m), std::vector<double>(static_cast<std::size_t>(t.n), 0.0));
  for (int d = 0; d < t.m; ++d)
    for (int i = 0; i < t.n; ++i)
      if ((*t.has)[d][i]) out[d][i] = g[d][i].ToDouble();
  return out;
}

// x goes before y in the ranking: a strictly larger gain, or an equal one earlier in the list.
bool DecBefore(const DecCandidate& x, std::size_t x_at, const DecCandidate& y, std::size_t y_at) {
  const auto c = x.gain <=> y.gain;
  return c > 0 || (c == 0 && x_at < y_at);
}

// One round (§4.2-§4.6); returns the voting positions and fills `realised`.
DecGrid DecRunRound(const DecContext& ctx, std::vector<DecCandidate>* realised) {
  const DecTable& t = *ctx.t;
  const DecGrid& x0 = *ctx.start;
  std::vector<std::vector<char>> left(static_cast<std::size_t>(t.m),
                                      std::vector<char>(static_cast<std::size_t>(t.n), 0));
  for (int d = 0; d < t.m; ++d) {
    const Dec o = DecOutcome(t, d, x0);
    for (int i = 0; i < t.n; ++i) left[d][i] = (*t.has)[d][i] && x0[d][i] <= o;
  }
  std::vector<DecCandidate> pool;
  std::vector<int> group[4];
  for (int p = 0; p < t.m; ++p) {
    for (int q = p + 1; q < t.m; ++q) {
      for (auto& g : group) g.clear();
      for (int i = 0; i < t.n; ++i)
        if ((*t.has)[p][i] && (*t.has)[q][i]) group[left[p][i] + 2 * left[q][i]].push_back(i);
      for (int i : group[0])
        for (int j : group[3])
          pool.push_back(DecMakeCandidate(ctx, static_cast<int>(pool.size()), p, q, i, j));
      for (int i : group[1])
        for (int j : group[2])
          pool.push_back(DecMakeCandidate(ctx, static_cast<int>(pool.size()), p, q, i, j));
    }
  }
  // §4.4: a stable sort by gain (descending) before every pop. The list stays sorted between
  // pops; after a realisation only the recomputed candidates are re-sorted and merged back,
  // which equals a stable sort of the whole list.
  std::vector<int> list(pool.size());
  for (std::size_t k = 0; k < pool.size(); ++k) list[k] = static_cast<int>(k);
  std::stable_sort(list.begin(), list.end(),
                   [&](int x, int y) { return (pool[x].gain <=> pool[y].gain) > 0; });
  while (!list.empty()) {
    const int e_index = list.front();
    list.erase(list.begin());
    if (!pool[e_index].valid) continue;
    realised->push_back(pool[e_index]);
    const DecCandidate& e = realised->back();
    std::vector<std::pair<int, std::size_t>> kept, changed;  // (pool index, list position)
    for (std::size_t at = 0; at < list.size(); ++at) {
      DecCandidate& c = pool[list[at]];
      if (!c.valid) continue;
      const bool recomputed = DecRecalculate(ctx, e, c);
      if (!c.valid) continue;
      (recomputed ? changed : kept).push_back({list[at], at});
    }
    std::stable_sort(changed.begin(), changed.end(), [&](const auto& x, const auto& y) {
      return DecBefore(pool[x.first], x.second, pool[y.first], y.second);
    });
    list.clear();
    std::size_t i = 0, j = 0;
    while (i < kept.size() && j < changed.size()) {
      const bool take_changed =
          DecBefore(pool[changed[j].first], changed[j].second, pool[kept[i].first], kept[i].second);
      list.push_back(take_changed ? changed[j++].first : kept[i++].first);
    }
    while (i < kept.size()) list.push_back(kept[i++].first);
    while (j < changed.size()) list.push_back(changed[j++].first);
  }
  DecGrid voting = x0;  // §4.6: the last realised move of each (actor, issue) wins
  for (const DecCandidate& e : *realised) {
    voting[e.a.supply][e.a.actor] = e.a.y;
    voting[e.b.supply][e.b.actor] = e.b.y;
  }
  return voting;
}

}  // namespace

Result<DecimalRun> RunEqualGainDecimal28(const Scenario& scenario, const Table& t,
                                         const ExchangeOptions& options) {
  DecTable dt;
  dt.n = t.actors();
  dt.m = t.issues();
  dt.has = &t.has;
  dt.x.assign(static_cast<std::size_t>(dt.m), std::vector<Dec>(static_cast<std::size_t>(dt.n)));
  dt.s = dt.c = dt.w = dt.x;
  dt.den.assign(static_cast<std::size_t>(dt.m), Dec());
  const Dec hundred = Dec::FromInt(100);
  for (int d = 0; d < dt.m; ++d) {
    const Issue& issue = scenario.issues[static_cast<std::size_t>(d)];
    const Dec lo = Dec::FromDoubleShortest(issue.scale_min);
    const Dec hi = Dec::FromDoubleShortest(issue.scale_max);
    for (int i = 0; i < dt.n; ++i) {
      const auto& stance =
          scenario.stances[static_cast<std::size_t>(d)][static_cast<std::size_t>(i)];
      if (!stance || !t.has[d][i]) continue;
      // dutch_models.md §1, in the reference's order: x = (100/(hi − lo))·(raw − lo).
      dt.x[d][i] = hundred / (hi - lo) * (Dec::FromDoubleShortest(stance->position) - lo);
      dt.s[d][i] = Dec::FromDoubleShortest(stance->salience);
      dt.c[d][i] = Dec::FromDoubleShortest(
          stance->capability.value_or(scenario.actors[static_cast<std::size_t>(i)].capability));
      dt.w[d][i] = dt.c[d][i] * dt.s[d][i];
      dt.den[d] = dt.den[d] + dt.w[d][i];
    }
  }
  // §4.8 with the reference's binary-floating constants (Decimal(0.1), Decimal(0.4)), written
  // as the reference rounds it: x' = (1 − f)·x0 + f·y with f = fw + sw·(1 − s). Algebraically
  // the spec's x0 + f·(y − x0), but not in its last digits; only this form keeps cop21 exact for
  // all 10 rounds (docs/models/exchange.md, "Agreement with the reference implementation").
  const Dec fw = Dec::FromDoubleExact(options.fixed_weight);
  const Dec sw = Dec::FromDoubleExact(options.salience_weight);
  const Dec one = Dec::FromInt(1);
  DecimalRun run;
  DecGrid start = dt.x;
  for (int round = 1; round <= options.rounds; ++round) {
    if (options.cancel && options.cancel()) return CancelledStatus("exchange", round, "");
    DecContext ctx;
    ctx.t = &dt;
    ctx.start = &start;
    std::vector<DecCandidate> realised;
    const DecGrid voting = DecRunRound(ctx, &realised);
    DecimalRound rec;
    rec.start = DecToGrid(dt, start);
    rec.voting = DecToGrid(dt, voting);
    for (int d = 0; d < dt.m; ++d) {
      rec.outcome_start.push_back(DecOutcome(dt, d, start).ToDouble());
      rec.outcome_voting.push_back(DecOutcome(dt, d, voting).ToDouble());
    }
    for (std::size_t k = 0; k < realised.size(); ++k) {
      const DecCandidate& c = realised[k];
      RealisedExchange r;
      r.round = round;
      r.seq = static_cast<int>(k) + 1;
      r.p = t.issue_ids[c.p];
      r.q = t.issue_ids[c.q];
      r.gain = c.gain.ToDouble();
      r.dp = c.dp.ToDouble();
      r.dq = c.dq.ToDouble();
      r.valid = c.valid;
      r.i = DecSideRecord(t, c.a);
      r.j = DecSideRecord(t, c.b);
      rec.exchanges.push_back(std::move(r));
    }
    run.rounds.push_back(std::move(rec));
    DecGrid next = start;
    for (int d = 0; d < dt.m; ++d) {
      for (int i = 0; i < dt.n; ++i) {
        if (!t.has[d][i] || voting[d][i] == start[d][i]) continue;
        const Dec f = fw + sw * (one - dt.s[d][i]);
        next[d][i] = (one - f) * start[d][i] + f * voting[d][i];
      }
    }
    start = std::move(next);
  }
  run.final_start = DecToGrid(dt, start);
  return run;
}

}  // namespace entente::exchange
