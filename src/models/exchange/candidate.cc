#include "models/exchange/candidate.h"

#include <algorithm>
#include <cmath>

#include "models/exchange/randomized.h"

namespace entente::exchange {

namespace {

constexpr double kMinMove = 1e-10;    // dutch_models.md §4.12: |m| > 1e-10
constexpr double kMinGain = 1e-10;    // G >= 1e-10
constexpr double kBoundSlack = 1e-9;  // positions may exceed [0, 100] by rounding only
constexpr double kAtTarget = 1e-9;    // an adjusted mean this close to a target is at it

bool SideValid(const Side& s) {
  const double m = s.move;
  if (!(std::fabs(m) > kMinMove) || std::fabs(m) > 100.0) return false;
  if (s.y < -kBoundSlack || s.y > 100.0 + kBoundSlack) return false;
  double sum = m;
  for (double h : s.history) {
    // Every entry of the move history has the same strict sign: no reversal within a round.
    if (!(h * m > 0.0)) return false;
    sum += h;
  }
  // The signed sum, as upstream checks it: only upward moves are limited by it.
  return sum <= 100.0 + kBoundSlack;
}

// Equal Gain rate dq/dp = (s_Ap + s_Bp)/(s_Aq + s_Bq): from G_A = dp·s_Ap − dq·s_Aq equal to
// G_B = dq·s_Bq − dp·s_Bp (Stokman & Van Oosten 1994; dutch_models.md §4.3 step 2).
void SolveEqualGain(const PairWeights& pw, Candidate& c) {
  // Step 1: b makes its full move on p.
  double move_b = pw.distB;
  double dp = move_b * pw.wBp / pw.Dp;
  double dq = dp * (pw.sAp + pw.sBp) / (pw.sAq + pw.sBq);
  // Step 3: a's move follows.
  double move_a = dq * pw.Dq / pw.wAq;
  if (move_a > pw.distA) {
    // Step 4: a's move is too long; start from a's full move instead.
    move_a = pw.distA;
    dq = move_a * pw.wAq / pw.Dq;
    dp = dq * (pw.sAq + pw.sBq) / (pw.sAp + pw.sBp);
    move_b = dp * pw.Dp / pw.wBp;
  }
  SetMoves(pw, c, move_a, move_b, dp, dq);
  // Step 7: G = |dp·s_Ap − dq·s_Aq|.
  c.gain = std::fabs(dp * pw.sAp - dq * pw.sAq);
}

double Sign(double from, double to) { return from <= to ? 1.0 : -1.0; }

}  // namespace

PairWeights WeightsOf(const RoundContext& ctx, const Candidate& c) {
  const Table& t = *ctx.table;
  PairWeights pw;
  pw.sAp = t.s[c.p][c.a.actor];
  pw.sAq = t.s[c.q][c.a.actor];
  pw.sBp = t.s[c.p][c.b.actor];
  pw.sBq = t.s[c.q][c.b.actor];
  pw.wAq = t.w[c.q][c.a.actor];
  pw.wBp = t.w[c.p][c.b.actor];
  pw.Dp = t.denom[c.p];
  pw.Dq = t.denom[c.q];
  pw.distA = std::fabs(c.a.target - c.a.x);
  pw.distB = std::fabs(c.b.target - c.b.x);
  pw.usable = pw.wAq > 0.0 && pw.wBp > 0.0 && pw.Dp > 0.0 && pw.Dq > 0.0 && pw.sAq + pw.sBq > 0.0 &&
              pw.sAp + pw.sBp > 0.0;
  return pw;
}

void SetMoves(const PairWeights& pw, Candidate& c, double move_a, double move_b, double dp,
              double dq) {
  c.dp = dp;
  c.dq = dq;
  // §4.3 steps 5-6: signed moves towards the targets. A full move lands exactly on the target.
  c.a.move = Sign(c.a.x, c.a.target) * move_a;
  c.b.move = Sign(c.b.x, c.b.target) * move_b;
  c.a.y = move_a == pw.distA ? c.a.target : c.a.x + c.a.move;
  c.b.y = move_b == pw.distB ? c.b.target : c.b.x + c.b.move;
  c.a.gain = dp * pw.sAp - dq * pw.sAq;
  c.b.gain = dq * pw.sBq - dp * pw.sBp;
}

bool CheckValid(const Candidate& c) {
  return c.gain >= kMinGain && SideValid(c.a) && SideValid(c.b);
}

double AdjustedMean(const RoundContext& ctx, const Candidate& c, const Side& side, double z) {
  const Table& t = *ctx.table;
  const int u = side.supply;
  const Grid& x0 = *ctx.start;
  double sum = ctx.start_sum[u];
  for (const Update& up : c.updates) {
    if (up.issue != u || up.actor == side.actor) continue;
    sum += t.w[u][up.actor] * (up.value - x0[u][up.actor]);
  }
  sum += t.w[u][side.actor] * (z - x0[u][side.actor]);
  return sum / t.denom[u];
}

bool CapOvershoot(const RoundContext& ctx, const PairWeights& pw, Candidate& c, bool equal_gain) {
  const double rate = c.dq / c.dp;  // preserved: for Equal Gain this is the EG rate
  for (Side* s : {&c.a, &c.b}) {
    const double o0 = AdjustedMean(ctx, c, *s, s->x);
    const double o1 = AdjustedMean(ctx, c, *s, s->y);
    s->nbs0 = o0;
    s->nbs1 = o1;
    const double t = s->target;
    // The outcome would pass the partner's position: T between O0 and O1, or the outcome is
    // already at T (then the capped move is zero and the candidate invalid).
    const double d0 = std::fabs(o0 - t) < kAtTarget ? 0.0 : o0 - t;
    const double d1 = o1 - t;
    const bool at_target = d0 == 0.0 && s->x == s->round_start;
    const bool between = at_target || (d0 < 0.0 && d1 > 0.0) || (d0 > 0.0 && d1 < 0.0);
    if (!between) continue;
    // Shorten the move so that Õ_u lands on the target: Δ_S = |T·D_u − Σ w x̃| / w_Su.
    const double D = s == &c.a ? pw.Dq : pw.Dp;
    const double w = s == &c.a ? pw.wAq : pw.wBp;
    const double delta = std::fabs(t * D - o0 * D) / w;
    const double ratio = delta * w / D;
    double dp, dq;
    if (s == &c.a) {
      dq = ratio;
      dp = dq / rate;
    } else {
      dp = ratio;
      dq = dp * rate;
    }
    const double move_a = s == &c.a ? delta : dq * pw.Dq / pw.wAq;
    const double move_b = s == &c.b ? delta : dp * pw.Dp / pw.wBp;
    SetMoves(pw, c, move_a, move_b, dp, dq);
    s->capped = true;
    s->nbs1 = AdjustedMean(ctx, c, *s, s->y);
    if (equal_gain) c.gain = std::fabs(c.a.gain);
    if (!CheckValid(c)) return false;
  }
  return true;
}

void Compute(const RoundContext& ctx, Candidate& c) {
  c.valid = false;
  const PairWeights pw = WeightsOf(ctx, c);
  if (!pw.usable) {
    c.gain = 0.0;
    return;
  }
  if (ctx.variant == ExchangeVariant::kRandomRate) {
    c.valid = SolveRandomRate(ctx, pw, c);
    return;
  }
  SolveEqualGain(pw, c);
  if (!CheckValid(c)) return;
  if (!CapOvershoot(ctx, pw, c, /*equal_gain=*/true)) return;
  if (ctx.variant == ExchangeVariant::kRandomized && ctx.p > 0.0) {  // p = 0 is Equal Gain
    c.valid = SplitRandomized(ctx, WeightsOf(ctx, c), c);
    return;
  }
  c.valid = true;
}

Candidate MakeCandidate(const RoundContext& ctx, int index, int p, int q, bool bc, int first,
                        int second) {
  const Table& t = *ctx.table;
  const Grid& x0 = *ctx.start;
  Candidate c;
  c.index = index;
  c.p = p;
  c.q = q;
  c.bc = bc;
  // §4.2 roles: r_k = s_kp / s_kq; the actor with the higher ratio demands p (first on ties).
  // Compared cross-multiplied so that zero saliences on q need no division.
  const double lhs = t.s[p][first] * t.s[q][second];
  const double rhs = t.s[p][second] * t.s[q][first];
  // Inputs are short decimals: a relative difference below 1e-12 is an exact tie in decimal.
  const bool swap = lhs < rhs && rhs - lhs > 1e-12 * std::max(lhs, rhs);
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
  if (ctx.variant == ExchangeVariant::kRandomRate) c.rate_fraction = ctx.rng->Uniform();
  Compute(ctx, c);
  return c;
}

namespace {

// §4.5 step 2: record that `actor` now stands at `value` on `issue` in c's adjusted means.
bool SetUpdate(const RoundContext& ctx, Candidate& c, int issue, int actor, double value) {
  for (Update& up : c.updates) {
    if (up.issue != issue || up.actor != actor) continue;
    const double start = (*ctx.start)[issue][actor];
    const double kept = start <= up.value ? std::min(up.value, value) : std::max(up.value, value);
    if (kept == up.value) return false;
    up.value = kept;
    return true;
  }
  c.updates.push_back({issue, actor, value});
  return true;
}

bool DemandsOn(const Candidate& c, int actor, int issue) {
  return (c.a.actor == actor && c.a.demand == issue) || (c.b.actor == actor && c.b.demand == issue);
}

}  // namespace

bool Recalculate(const RoundContext& ctx, const Candidate& e, Candidate& c) {
  bool changed = false;
  // Step 1: supply propagation.
  for (Side* cs : {&c.a, &c.b}) {
    for (const Side* es : {&e.a, &e.b}) {
      if (cs->actor != es->actor || cs->supply != es->supply) continue;
      cs->history.push_back(cs->move);  // upstream quirk: the stale move stays in the history
      cs->x = es->y;
      changed = true;
    }
  }
  // Step 2: demand-side updates, for e.b then e.a.
  if (DemandsOn(c, e.b.actor, e.b.demand))
    changed |= SetUpdate(ctx, c, e.b.demand, e.a.actor, e.a.y);
  if (DemandsOn(c, e.a.actor, e.a.demand))
    changed |= SetUpdate(ctx, c, e.a.demand, e.b.actor, e.b.y);
  if (changed) Compute(ctx, c);
  return changed;
}

RealisedExchange ToRecord(const Table& t, const Candidate& c, int round, int seq) {
  RealisedExchange r;
  r.round = round;
  r.seq = seq;
  r.p = t.issue_ids[c.p];
  r.q = t.issue_ids[c.q];
  r.gain = c.gain;
  r.dp = c.dp;
  r.dq = c.dq;
  r.valid = c.valid;
  auto side = [&](const Side& s) {
    ExchangeSide o;
    o.actor = t.actor_ids[s.actor];
    o.supply_issue = t.issue_ids[s.supply];
    o.demand_issue = t.issue_ids[s.demand];
    o.round_start = s.round_start;
    o.supply_pos = s.x;
    o.move = s.move;
    o.y = s.y;
    o.target = s.target;
    o.gain = s.gain;
    o.nbs0 = s.nbs0;
    o.nbs1 = s.nbs1;
    o.capped = s.capped;
    o.u = s.u;
    o.v = s.v;
    o.z = s.z;
    o.eu_max = s.eu_max;
    return o;
  };
  r.i = side(c.a);
  r.j = side(c.b);
  return r;
}

}  // namespace entente::exchange
