#include "models/spatial_pce/pce.h"

#include <algorithm>
#include <cmath>

#include "models/spatial_pce/smp_math.h"

namespace entente::smp {

Matrix Coalitions(const Matrix& utils, const std::vector<double>& weight, SmpVotingRule rule) {
  const int m = utils.cols;
  const int voters = utils.rows;
  Matrix c(m, m, 1e-8);
  // by_option(i, k) = utils(k, i): option-major, so the voter loop reads contiguous memory.
  Matrix by_option(m, voters);
  for (int k = 0; k < voters; ++k) {
    for (int i = 0; i < m; ++i) by_option(i, k) = utils(k, i);
  }
  // Spec §5.2: C(i,j) = 1e-8 + Σ_k max(0, v_k(i:j)). As in KTAB (Model::coalitions), each pair
  // i > j is voted on once, as "i over j": positive votes count for i, negative ones for j. This
  // matters only for the asymmetric ASymProsp rule.
  const auto fill = [&](auto vote) {
    for (int i = 0; i < m; ++i) {
      for (int j = 0; j < i; ++j) {
        double cij = 1e-8;
        double cji = 1e-8;
        const double* ui = &by_option.v[static_cast<size_t>(i) * voters];
        const double* uj = &by_option.v[static_cast<size_t>(j) * voters];
        for (int k = 0; k < voters; ++k) {
          const double vk = vote(weight[k], ui[k], uj[k]);
          cij += vk > 0.0 ? vk : 0.0;  // adding +0.0 leaves a sum unchanged
          cji -= vk < 0.0 ? vk : 0.0;
        }
        c(i, j) = cij;
        c(j, i) = cji;
      }
    }
  };
  // The common rule gets its own instantiation so the inner loop has no switch.
  if (rule == SmpVotingRule::kProp) {
    fill([](double w, double a, double b) { return w * (a - b); });
  } else {
    fill([rule](double w, double a, double b) { return Vote(rule, w, a, b); });
  }
  return c;
}

namespace {

// Binary victory model (spec §5.2, Binary; KTAB's Model::vProb): a 10 % strength advantage
// (C_ij >= 1.1 C_ji) wins, linear in the strength share C_ij/(C_ij + C_ji) in between. As every
// VPModel of KTAB's, the result is y_i/(y_i + y_j); for Binary y_i = max(b, 1e-6) and
// y_j = max(1 − b, 1e-6), with b the clipped share, so an outright winner gets 1/(1 + 1e-6),
// not 1. Derived from KTAB's two-option bargain queues in shared/vectors/ktab/var4: every such
// queue with one side winning outright gives the same Markov-uniform value, which the iteration
// reproduces only with the loser at 1e-6/(1 + 1e-6); with this form var4 matches to ~1e-15.
double BinaryVictory(double ci, double cj) {
  constexpr double kThresh = 1.10;
  constexpr double kFloor = 1e-6;
  const double lo = 1.0 / (1.0 + kThresh);
  const double hi = kThresh / (1.0 + kThresh);
  const double share = ci / (ci + cj);
  const double b = std::clamp((share - lo) / (hi - lo), 0.0, 1.0);
  const double yi = std::max(b, kFloor);
  const double yj = std::max(1.0 - b, kFloor);
  return yi / (yi + yj);
}

}  // namespace

Matrix VictoryProbabilities(const Matrix& coalitions, SmpVictoryProbModel model) {
  const int m = coalitions.rows;
  Matrix p(m, m, 0.5);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < m; ++j) {
      if (i == j) continue;
      const double ci = coalitions(i, j);
      const double cj = coalitions(j, i);
      double pij = 0.5;
      switch (model) {  // Spec §5.2: V = C_ij^ν / (C_ij^ν + C_ji^ν).
        case SmpVictoryProbModel::kLinear:
          pij = ci / (ci + cj);
          break;
        case SmpVictoryProbModel::kSquare: {
          const double a = ci * ci, b = cj * cj;
          pij = a / (a + b);
          break;
        }
        case SmpVictoryProbModel::kQuartic: {
          const double a = ci * ci * ci * ci, b = cj * cj * cj * cj;
          pij = a / (a + b);
          break;
        }
        case SmpVictoryProbModel::kOctic: {
          const double a2 = ci * ci, b2 = cj * cj;
          const double a4 = a2 * a2, b4 = b2 * b2;
          pij = (a4 * a4) / (a4 * a4 + b4 * b4);
          break;
        }
        case SmpVictoryProbModel::kBinary:
          pij = BinaryVictory(ci, cj);
          break;
      }
      p(i, j) = pij;
    }
  }
  return p;
}

namespace {

std::vector<double> Normalised(std::vector<double> p) {
  double s = 0.0;
  for (double x : p) s += x;
  for (double& x : p) x /= s;
  return p;
}

// Conditional PCE: P_i ∝ Π_j V(i,j) (spec §5.3, condPCE).
std::vector<double> ConditionalPce(const Matrix& v) {
  std::vector<double> p(v.rows);
  for (int i = 0; i < v.rows; ++i) {
    double x = 1.0;
    for (int j = 0; j < v.cols; ++j) x *= v(i, j);
    p[i] = x;
  }
  return Normalised(p);
}

// Markov-uniform PCE (spec §5.3): q_i = (1/M) Σ_j V(i,j)(p_i + p_j), p ← (p + q)/2, from uniform,
// until max |q − p| < 1e-6. Capped at 1e6 iterations (KTAB has no working cap).
std::vector<double> MarkovUniformPce(const Matrix& v) {
  const int m = v.rows;
  std::vector<double> p(m, 1.0 / m), q(m);
  for (int iter = 0; iter < 1000000; ++iter) {
    double change = 0.0;
    for (int i = 0; i < m; ++i) {
      double s = 0.0;
      for (int j = 0; j < m; ++j) s += v(i, j) * (p[i] + p[j]);
      q[i] = s / m;
      change = std::max(change, std::fabs(q[i] - p[i]));
    }
    for (int i = 0; i < m; ++i) p[i] = (p[i] + q[i]) / 2.0;
    if (change < 1e-6) break;
  }
  return Normalised(p);
}

// Markov-incentive PCE (spec §5.3; KTAB/kmodel/doc/markov-incentives.tex): challenge incentives
// n[a→b] = S[a:b] P[a ≻ b] (+1e-10 on the diagonal), challenge probabilities
// P[a→b | b] = n[a→b] / Σ_α n[α→b], C_t(a,b) = p_t(a) P[b→a | a], and
// q(a) = Σ_b V(a,b) (C_t(a,b) + C_t(b,a)), p_{t+1} = ½ (p_t + q), until max |q − p_t| < 1e-8.
std::vector<double> MarkovIncentivePce(const Matrix& v, const Matrix& s) {
  const int m = v.rows;
  Matrix chlg(m, m);  // chlg(a,b) = P[a→b | b]
  for (int b = 0; b < m; ++b) {
    double total = 0.0;
    for (int a = 0; a < m; ++a) {
      const double n = s(a, b) * v(a, b) + (a == b ? 1e-10 : 0.0);
      chlg(a, b) = n;
      total += n;
    }
    for (int a = 0; a < m; ++a) chlg(a, b) /= total;
  }
  std::vector<double> p(m, 1.0 / m), next(m);
  Matrix c(m, m);
  for (int iter = 0; iter < 1000000; ++iter) {
    for (int a = 0; a < m; ++a) {
      for (int b = 0; b < m; ++b) c(a, b) = p[a] * chlg(b, a);
    }
    double change = 0.0;
    for (int a = 0; a < m; ++a) {
      double x = 0.0;
      for (int b = 0; b < m; ++b) x += v(a, b) * (c(a, b) + c(b, a));
      next[a] = (p[a] + x) / 2.0;
      change = std::max(change, std::fabs(x - p[a]));  // the un-averaged step, as in KTAB
    }
    p.swap(next);
    if (change < 1e-8) break;
  }
  return Normalised(p);
}

}  // namespace

std::vector<double> Pce(const Matrix& victory, const Matrix& coalitions, SmpPceModel model) {
  switch (model) {
    case SmpPceModel::kConditional:
      return ConditionalPce(victory);
    case SmpPceModel::kMarkovUniform:
      return MarkovUniformPce(victory);
    case SmpPceModel::kMarkovIncentive:
      return MarkovIncentivePce(victory, coalitions);
  }
  return ConditionalPce(victory);
}

std::vector<double> ScalarPce(const Matrix& utils, const std::vector<double>& weight,
                              const SmpOptions& options) {
  const Matrix c = Coalitions(utils, weight, options.voting_rule);
  const Matrix v = VictoryProbabilities(c, options.victory_prob_model);
  return Pce(v, c, options.pce_model);
}

}  // namespace entente::smp
