// Internal to the sensitivity analysis: variance-based sensitivity indices from the Saltelli
// sampling scheme (docs/models/sensitivity.md).
//
// Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M. & Tarantola, S. (2010).
// "Variance based sensitivity analysis of model output. Design and estimator for the total
// sensitivity index." Computer Physics Communications 181(2), 259-270.
// Jansen, M. J. W. (1999). "Analysis of variance designs for model output." Computer Physics
// Communications 117(1-2), 35-43.
//
// Given two independent N x k sample matrices A and B of the inputs, and for each input i the
// matrix A_B^(i) (A with its column i taken from B):
//   Var(Y)   ~ the variance of the 2N outputs f(A) and f(B) together;
//   V_i      ~ (1/N) sum_j f(B)_j (f(A_B^(i))_j - f(A)_j)       Saltelli et al. 2010, Table 2 (b)
//   V_Ti     ~ (1/2N) sum_j (f(A)_j - f(A_B^(i))_j)^2             Jansen 1999; ibid. Table 2 (f)
//   S_i = V_i / Var(Y),  S_Ti = V_Ti / Var(Y).
// In V_i, f(B)_j is centred on the sample mean of Y (as SALib does by standardising Y): the
// expectation is unchanged, since E[f(A_B^(i)) - f(A)] = 0, but the variance of the estimate no
// longer grows with the square of the output's mean (a forecast of 35 +/- 5 on a 0-100 scale).
#pragma once

#include <cstdint>
#include <vector>

namespace entente::analysis {

struct SobolEstimate {
  std::vector<double> first;                                         // S_i per input
  std::vector<double> total;                                         // S_Ti per input
  std::vector<double> first_low, first_high, total_low, total_high;  // 95 % percentile bounds
  double mean = 0.0;
  double variance = 0.0;  // 0 when the output never varied (every index is then 0)
};

// f_a[j], f_b[j]: outputs on rows j of A and B; f_ab[i][j]: output on row j of A_B^(i).
// `bootstrap` resamples of the N rows (drawn with SplitMix64 seeded from `seed`) give the 95 %
// percentile intervals; with bootstrap = 0 they equal the estimates.
// REQUIRES: f_a.size() == f_b.size() == f_ab[i].size() >= 2.
SobolEstimate EstimateSobol(const std::vector<double>& f_a, const std::vector<double>& f_b,
                            const std::vector<std::vector<double>>& f_ab, int bootstrap,
                            std::uint64_t seed);

}  // namespace entente::analysis
