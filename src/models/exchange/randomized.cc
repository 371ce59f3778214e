#include "models/exchange/randomized.h"

#include <algorithm>
#include <cmath>

namespace entente::exchange {

double MaximumGain(const PairWeights& pw, bool for_a) {
  // Largest feasible shifts: each mover's full move (dutch_models.md §4.3 step 1).
  const double dp_max = pw.distB * pw.wBp / pw.Dp;
  const double dq_max = pw.distA * pw.wAq / pw.Dq;
  if (for_a) {
    // b's gain dq·s_Bq − dp·s_Bp is zero at dq = dp·s_Bp/s_Bq.
    double dp = dp_max;
    double dq = pw.sBq > 0.0 ? dp * pw.sBp / pw.sBq : dq_max;
    if (dq > dq_max) {
      dq = dq_max;
      dp = pw.sBp > 0.0 ? dq * pw.sBq / pw.sBp : dp_max;
    }
    return dp * pw.sAp - dq * pw.sAq;
  }
  // a's gain dp·s_Ap − dq·s_Aq is zero at dp = dq·s_Aq/s_Ap.
  double dq = dq_max;
  double dp = pw.sAp > 0.0 ? dq * pw.sAq / pw.sAp : dp_max;
  if (dp > dp_max) {
    dp = dp_max;
    dq = pw.sAq > 0.0 ? dp * pw.sAp / pw.sAq : dq_max;
  }
  return dq * pw.sBq - dp * pw.sBp;
}

bool SplitRandomized(const RoundContext& ctx, const PairWeights& pw, Candidate& c) {
  const double u = ctx.rng->Uniform();
  const double v = ctx.rng->Uniform();
  const double z = ctx.rng->Uniform();
  const double eu_max_a = MaximumGain(pw, true);
  const double eu_max_b = MaximumGain(pw, false);
  for (Side* s : {&c.a, &c.b}) {
    s->u = u;
    s->v = v;
    s->z = z;
  }
  c.a.eu_max = eu_max_a;
  c.b.eu_max = eu_max_b;
  const bool k_is_a = u < 0.5;
  const double g = c.gain;
  const double eu_max = k_is_a ? eu_max_a : eu_max_b;
  // Dijkstra et al. 2018 (dutch_models.md §4.10): K wins or loses part of its margin.
  const double gk = v < 0.5 ? g + ctx.p * z * (eu_max - g) : g - ctx.p * z * g;
  double dp, dq, move_a, move_b;
  if (k_is_a) {
    // a makes its full move; G_A = dp·s_Ap − dq·s_Aq fixes dp.
    move_a = pw.distA;
    dq = move_a * pw.wAq / pw.Dq;
    dp = (gk + dq * pw.sAq) / pw.sAp;
    move_b = dp * pw.Dp / pw.wBp;
    if (move_b > pw.distB) {
      move_b = pw.distB;
      dp = move_b * pw.wBp / pw.Dp;
      dq = (dp * pw.sAp - gk) / pw.sAq;
      move_a = dq * pw.Dq / pw.wAq;
    }
  } else {
    // b makes its full move; G_B = dq·s_Bq − dp·s_Bp fixes dq.
    move_b = pw.distB;
    dp = move_b * pw.wBp / pw.Dp;
    dq = (gk + dp * pw.sBp) / pw.sBq;
    move_a = dq * pw.Dq / pw.wAq;
    if (move_a > pw.distA) {
      move_a = pw.distA;
      dq = move_a * pw.wAq / pw.Dq;
      dp = (dq * pw.sBq - gk) / pw.sBp;
      move_b = dp * pw.Dp / pw.wBp;
    }
  }
  if (!(dp > 0.0) || !(dq > 0.0) || !std::isfinite(dp) || !std::isfinite(dq)) return false;
  SetMoves(pw, c, move_a, move_b, dp, dq);
  if (c.a.gain < -1e-12 || c.b.gain < -1e-12 || !CheckValid(c)) return false;
  return CapOvershoot(ctx, pw, c, /*equal_gain=*/false);
}

bool SolveRandomRate(const RoundContext& ctx, const PairWeights& pw, Candidate& c) {
  if (!(pw.sAq > 0.0) || !(pw.sBq > 0.0)) return false;
  // Both gain iff s_Bp/s_Bq <= ρ <= s_Ap/s_Aq (dutch_models.md §4.11).
  const double lo = pw.sBp / pw.sBq;
  const double hi = pw.sAp / pw.sAq;
  if (!(hi > lo)) {
    c.gain = 0.0;
    return false;
  }
  const double rate = lo + c.rate_fraction * (hi - lo);
  double move_b = pw.distB;
  double dp = move_b * pw.wBp / pw.Dp;
  double dq = rate * dp;
  double move_a = dq * pw.Dq / pw.wAq;
  if (move_a > pw.distA) {
    move_a = pw.distA;
    dq = move_a * pw.wAq / pw.Dq;
    dp = dq / rate;
    move_b = dp * pw.Dp / pw.wBp;
  }
  SetMoves(pw, c, move_a, move_b, dp, dq);
  c.gain = std::min(c.a.gain, c.b.gain);
  if (!CheckValid(c)) return false;
  if (!CapOvershoot(ctx, pw, c, /*equal_gain=*/false)) return false;
  c.gain = std::min(c.a.gain, c.b.gain);
  return CheckValid(c);
}

}  // namespace entente::exchange
