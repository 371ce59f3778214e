// Coalitions, victory probabilities and probabilistic Condorcet elections (spec §5.2–5.3):
// given every voter's utility for every option, the probability that each option prevails.
#pragma once

#include <vector>

#include "entente/spatial_pce.h"

namespace entente::smp {

// A dense row-major matrix of doubles.
struct Matrix {
  int rows = 0;
  int cols = 0;
  std::vector<double> v;
  Matrix() = default;
  Matrix(int r, int c, double x = 0.0) : rows(r), cols(c), v(static_cast<size_t>(r) * c, x) {}
  double& operator()(int r, int c) { return v[static_cast<size_t>(r) * cols + c]; }
  double operator()(int r, int c) const { return v[static_cast<size_t>(r) * cols + c]; }
};

// Coalition strengths C(i,j) = 1e-8 + Σ_k max(0, vote_k(i:j)) for options i, j (each pair i > j
// voted once as "i over j"); utils(k, m) is
// voter k's utility for option m, weight[k] its vote weight (spec §5.2, Model::coalitions).
Matrix Coalitions(const Matrix& utils, const std::vector<double>& weight, SmpVotingRule rule);

// V(i,j) = P[i ≻ j] from coalition strengths (spec §5.2, Model::vProb); V(i,i) = ½.
Matrix VictoryProbabilities(const Matrix& coalitions, SmpVictoryProbModel model);

// Outcome probabilities from pairwise victory probabilities (and, for MarkovIncentive, the
// coalition strengths), spec §5.3 (Model::probCE2).
std::vector<double> Pce(const Matrix& victory, const Matrix& coalitions, SmpPceModel model);

// Model::scalarPCE: coalitions, victory probabilities, then the PCE.
std::vector<double> ScalarPce(const Matrix& utils, const std::vector<double>& weight,
                              const SmpOptions& options);

}  // namespace entente::smp
