// b^r for the EUM's utilities (Scholz et al. 2011, eqs. 15–19, 24): bases in [0, 1] (half a
// normalised distance from 0.5), risk exponents r ∈ [0.5, 2] (eq. 33) or 0 (eum's degenerate
// case), computed as exp(r · ln b) with a fixed sequence of IEEE operations.
//
// Contract:
// * UnitPow(b, r) and UnitPowRow(values, count, r) give the same bits for the same (b, r),
//   whichever instruction set the row uses (scalar, SSE2, or AVX2 chosen at run time): every
//   path performs the same roundings in the same order and none fuses a multiply-add. So the
//   EUM's results do not depend on the processor or on which path evaluated a utility.
// * For b ∈ [2^-200, 2^20] and r ∈ [0, 4] the result is within 4·10^-16·(1 + |r ln b|) of the
//   exact value, relative (unit_pow_test.cc measures it against std::pow). Outside that range,
//   and for b ≤ 0, it defers to the same special cases and std::pow as before, so the answer is
//   still defined: b ≤ 0 gives 0 for r > 0 and 1 for r ≤ 0 (0^0 = 1, eum's r = 0 case).
// * r == 1 returns b exactly (no rounding), as the risk-neutral pass expects.
//
// Why not std::pow: glibc's pow is correctly rounded but costs ≈ 125 instructions a call and
// cannot be vectorised; the EUM's utility table needs ≈ 900 a round (BENCHMARKS.md, "Monte Carlo
// sweeps"). The last bit can differ from std::pow's; golden tests hold to their tolerances.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>

namespace entente::eum {

// b^r (see the contract above).
double UnitPow(double b, double r);

// values[q] = UnitPow(values[q], r) for q < count, in place, vectorised where the processor
// allows; bit-identical to calling UnitPow on each value.
void UnitPowRow(double* values, std::size_t count, double r);

// The same powers split in two, for many exponents over one set of bases (the EUM's utility
// rows share their bases across risk exponents): UnitLogRow takes the logarithms once, and
// UnitPowRowFromLogs(bases, logs, out, count, r) then sets out[q] = UnitPow(bases[q], r),
// bit-identical, for any r. logs[q] is NaN for a base outside the fast range (those powers
// are taken one by one from the base).
void UnitLogRow(const double* bases, double* logs, std::size_t count);
void UnitPowRowFromLogs(const double* bases, const double* logs, double* out, std::size_t count,
                        double r);
// out[q] = c0 − c1 · UnitPow(bases[q], r), the same bits as UnitPowRowFromLogs followed by
// that expression (the EUM's utilities 2 − 4·b^r, Sch eqs. 15, 16), in one pass.
void UnitPowAffineRowFromLogs(const double* bases, const double* logs, double* out,
                              std::size_t count, double r, double c0, double c1);

}  // namespace entente::eum
