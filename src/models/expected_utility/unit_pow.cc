#include "models/expected_utility/unit_pow.h"

#include <bit>
#include <cmath>
#include <cstdint>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace entente::eum {

namespace {

// The range the fast path serves (unit_pow.h); anything else takes UnitPowFallback. With r ≤ 4
// these keep |r ln b| < 560, so 2^k below stays a normal number.
constexpr double kMinBase = 0x1p-200, kMaxBase = 0x1p+20;
constexpr double kMinExponent = 0.0, kMaxExponent = 4.0;

// ln 2 split so that k · kLn2Hi is exact for |k| < 2^11 (32 significant bits), and 1/ln 2.
constexpr double kLn2Hi = 0x1.62e42feep-1;
constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;
constexpr double kInvLn2 = 0x1.71547652b82fep+0;
constexpr double kSqrt2 = 0x1.6a09e667f3bcdp+0;
// 1.5 · 2^52: adding it rounds to an integer held in the low mantissa bits.
constexpr double kShifter = 0x1.8p52;
// 2^52: OR-ing a small integer into its mantissa and subtracting it converts to double.
constexpr double kTwo52 = 0x1p52;
constexpr std::uint64_t kTwo52Bits = 0x4330000000000000ULL;
constexpr std::uint64_t kMantissaMask = 0x000fffffffffffffULL;
constexpr std::uint64_t kOneBits = 0x3ff0000000000000ULL;

// ln(1 + f) = 2 atanh(s), s = f/(2 + f): 2s + s·R, R = z Σ_{k=0..9} 2/(2k+3) z^k, z = s². With
// m ∈ [√2/2, √2), |s| ≤ 0.172, so the first omitted term is below 10^-18 relative.
constexpr double kAtanh[10] = {2.0 / 3,  2.0 / 5,  2.0 / 7,  2.0 / 9,  2.0 / 11,
                               2.0 / 13, 2.0 / 15, 2.0 / 17, 2.0 / 19, 2.0 / 21};
// exp(t) = 1 + t Σ_{i=0..12} t^i/(i+1)!; |t| ≤ ln2/2, so the first omitted term is ≈ 4·10^-18.
constexpr double kExp[13] = {1.0,
                             1.0 / 2,
                             1.0 / 6,
                             1.0 / 24,
                             1.0 / 120,
                             1.0 / 720,
                             1.0 / 5040,
                             1.0 / 40320,
                             1.0 / 362880,
                             1.0 / 3628800,
                             1.0 / 39916800,
                             1.0 / 479001600,
                             1.0 / 6227020800};

// The four-lane instances of the templates below are inlined into the AVX2 row function only, so no
// 32-byte vector crosses a call and GCC's note on the AVX calling convention does not apply.
#pragma GCC diagnostic ignored "-Wpsabi"

// Lanes of doubles and of unsigned 64-bit integers (GCC vector extensions): one lane is the scalar
// path, two SSE2 (the x86-64 baseline), four AVX2. Every operation below is an element-wise
// IEEE operation, so each lane computes the same bits whatever the width; no target these
// functions are compiled for has a fused multiply-add to contract into.
template <int kLanes>
struct Lanes;
template <>
struct Lanes<1> {
  using F = double;
  using I = std::uint64_t;
};
template <>
struct Lanes<2> {
  typedef double F __attribute__((vector_size(16)));
  typedef std::uint64_t I __attribute__((vector_size(16)));
};
template <>
struct Lanes<4> {
  typedef double F __attribute__((vector_size(32)));
  typedef std::uint64_t I __attribute__((vector_size(32)));
};

// Σ c_i v^i for 10 and 13 coefficients by Estrin's scheme (pairs, then powers v², v⁴, v⁸): the
// same sum as Horner's rule to within rounding, with a third of its dependency chain.
template <class F>
[[gnu::always_inline]] inline F Estrin10(F v, const double* c) {
  const F v2 = v * v, v4 = v2 * v2;
  const F p01 = c[0] + c[1] * v, p23 = c[2] + c[3] * v, p45 = c[4] + c[5] * v;
  const F p67 = c[6] + c[7] * v, p89 = c[8] + c[9] * v;
  const F low = p01 + p23 * v2, high = p45 + p67 * v2;
  return low + (high + p89 * v4) * v4;
}

template <class F>
[[gnu::always_inline]] inline F Estrin13(F v, const double* c) {
  const F v2 = v * v, v4 = v2 * v2, v8 = v4 * v4;
  const F p01 = c[0] + c[1] * v, p23 = c[2] + c[3] * v, p45 = c[4] + c[5] * v;
  const F p67 = c[6] + c[7] * v, p89 = c[8] + c[9] * v, p1011 = c[10] + c[11] * v;
  const F q0 = p01 + p23 * v2, q1 = p45 + p67 * v2, q2 = p89 + p1011 * v2;
  return (q0 + q1 * v4) + (q2 + c[12] * v4) * v8;
}

// ln b on every lane, the first half of UnitPowLanes; every lane's b must be in the fast range.
template <int kLanes>
[[gnu::always_inline]] inline typename Lanes<kLanes>::F UnitLogLanes(typename Lanes<kLanes>::F b) {
  using F = typename Lanes<kLanes>::F;
  using I = typename Lanes<kLanes>::I;
  // ln b = e ln 2 + ln m, m ∈ [√2/2, √2).
  const I bits = std::bit_cast<I>(b);
  F m = std::bit_cast<F>((bits & kMantissaMask) | kOneBits);
  F e = std::bit_cast<F>((bits >> 52) | kTwo52Bits) - kTwo52;  // the biased exponent
  const auto halve = m > kSqrt2;  // all ones where true (a bool for one lane)
  m = halve ? m * 0.5 : m;
  e = e + (halve ? F{} + 1.0 : F{});
  e = e - 1023.0;
  const F f = m - 1.0;
  const F s = f / (2.0 + f);
  const F z = s * s;
  const F big_r = Estrin10(z, kAtanh) * z;
  const F hfsq = 0.5 * f * f;
  return e * kLn2Hi - ((hfsq - (s * (hfsq + big_r) + e * kLn2Lo)) - f);
}

// exp(r · ln_b) on every lane, the second half of UnitPowLanes.
template <int kLanes>
[[gnu::always_inline]] inline typename Lanes<kLanes>::F UnitExpLanes(typename Lanes<kLanes>::F ln_b,
                                                                     typename Lanes<kLanes>::F r) {
  using F = typename Lanes<kLanes>::F;
  using I = typename Lanes<kLanes>::I;
  // exp(y) = 2^k exp(t), y = k ln 2 + t.
  const F y = r * ln_b;
  const F shifted = y * kInvLn2 + kShifter;
  const I k_bits = std::bit_cast<I>(shifted);
  const F k = shifted - kShifter;
  const F hi = y - k * kLn2Hi;  // exact (Sterbenz; k · kLn2Hi is exact)
  const F lo = k * kLn2Lo;
  const F t = hi - lo;
  const F exp_t = 1.0 + t * Estrin13(t, kExp);
  // 2^k from k's low bits: (k + 1023) << 52 (the shifter's own bits fall off the top).
  return exp_t * std::bit_cast<F>((k_bits + 1023) << 52);
}

// b^r = exp(r ln b) on every lane; every lane's b and r must be in the fast range.
template <int kLanes>
[[gnu::always_inline]] inline typename Lanes<kLanes>::F UnitPowLanes(typename Lanes<kLanes>::F b,
                                                                     typename Lanes<kLanes>::F r) {
  return UnitExpLanes<kLanes>(UnitLogLanes<kLanes>(b), r);
}

// The cases outside the fast range, as RiskPow always answered them.
double UnitPowFallback(double b, double r) {
  if (b <= 0.0) return r > 0.0 ? 0.0 : 1.0;  // 0^0 = 1 (eum's r = 0 case)
  return std::pow(b, r);
}

bool ExponentInRange(double r) { return r >= kMinExponent && r <= kMaxExponent; }
bool BaseInRange(double b) { return b >= kMinBase && b <= kMaxBase; }  // NaN is not

// values[q..q+kLanes) in place: the lanes at once when every base is in range, else one by one.
template <int kLanes>
[[gnu::always_inline]] inline void UnitPowBlock(double* values, double r) {
  using F = typename Lanes<kLanes>::F;
  F b;
  __builtin_memcpy(&b, values, sizeof b);
  for (int l = 0; l < kLanes; ++l) {
    if (!BaseInRange(b[l])) {
      for (int q = 0; q < kLanes; ++q) values[q] = UnitPow(values[q], r);
      return;
    }
  }
  const F p = UnitPowLanes<kLanes>(b, F{} + r);
  __builtin_memcpy(values, &p, sizeof p);
}

// logs[q..q+kLanes) = ln of bases[q..), or NaN for a base outside the fast range.
template <int kLanes>
[[gnu::always_inline]] inline void UnitLogBlock(const double* bases, double* logs) {
  using F = typename Lanes<kLanes>::F;
  if constexpr (kLanes == 1) {
    *logs = BaseInRange(*bases) ? UnitLogLanes<1>(*bases) : __builtin_nan("");
  } else {
    F b;
    __builtin_memcpy(&b, bases, sizeof b);
    F l = UnitLogLanes<kLanes>(b);
    for (int q = 0; q < kLanes; ++q) {
      if (!BaseInRange(b[q])) l[q] = __builtin_nan("");
    }
    __builtin_memcpy(logs, &l, sizeof l);
  }
}

// out[q..q+kLanes) = UnitPow(bases[q..), r) from their logs: the lanes at once when no log is
// NaN, else one by one (r must be in the fast range and not 1).
template <int kLanes>
[[gnu::always_inline]] inline void UnitPowFromLogBlock(const double* bases, const double* logs,
                                                       double* out, double r) {
  using F = typename Lanes<kLanes>::F;
  for (int q = 0; q < kLanes; ++q) {
    if (logs[q] != logs[q]) {
      for (int v = 0; v < kLanes; ++v) out[v] = UnitPow(bases[v], r);
      return;
    }
  }
  F l;
  __builtin_memcpy(&l, logs, sizeof l);
  const F p = UnitExpLanes<kLanes>(l, F{} + r);
  __builtin_memcpy(out, &p, sizeof p);
}

// Four lanes from memory to memory: ln of bases[0..4) (every base in the fast range, or the
// lane is replaced afterwards), and exp(r · logs[q]) for four finite logs, with kAffine
// c0 − c1 · the power. Pointers only, so that the row functions below, compiled for AVX2, can
// inline them without a vector crossing a call between differently compiled functions.
[[gnu::always_inline]] inline void UnitLogLanes4(const double* bases, double* logs) {
  using F = Lanes<4>::F;
  F b;
  __builtin_memcpy(&b, bases, sizeof b);
  const F l = UnitLogLanes<4>(b);
  __builtin_memcpy(logs, &l, sizeof l);
}

template <bool kAffine>
[[gnu::always_inline]] inline void UnitExpLanes4(const double* logs, double* out, double r,
                                                 double c0, double c1) {
  using F = Lanes<4>::F;
  F l;
  __builtin_memcpy(&l, logs, sizeof l);
  F p = UnitExpLanes<4>(l, F{} + r);
  if constexpr (kAffine) p = c0 - c1 * p;
  __builtin_memcpy(out, &p, sizeof p);
}

#if defined(__x86_64__) && defined(__GNUC__)
#define ENTENTE_UNIT_POW_AVX2 1
// The four-lane blocks of the row functions below with their lane tests done by one vector
// compare and a mask (the generic blocks test lane by lane): the same values, bit for bit.

// Whether any of logs[0..4) is NaN.
__attribute__((target("avx2"))) inline bool AnyNanAvx2(const double* logs) {
  const __m256d l = _mm256_loadu_pd(logs);
  return _mm256_movemask_pd(_mm256_cmp_pd(l, l, _CMP_UNORD_Q)) != 0;
}

// UnitLogBlock<4>: NaN where a base is outside the fast range (NaN is not inside).
__attribute__((target("avx2"))) inline void UnitLogBlockAvx2(const double* bases, double* logs) {
  UnitLogLanes4(bases, logs);
  const __m256d b = _mm256_loadu_pd(bases);
  const __m256d inside = _mm256_and_pd(_mm256_cmp_pd(b, _mm256_set1_pd(kMinBase), _CMP_GE_OQ),
                                       _mm256_cmp_pd(b, _mm256_set1_pd(kMaxBase), _CMP_LE_OQ));
  _mm256_storeu_pd(
      logs, _mm256_blendv_pd(_mm256_set1_pd(__builtin_nan("")), _mm256_loadu_pd(logs), inside));
}

// UnitPowFromLogBlock<4>; with kAffine, c0 − c1 · the power.
template <bool kAffine>
__attribute__((target("avx2"))) inline void UnitPowFromLogBlockAvx2(const double* bases,
                                                                    const double* logs, double* out,
                                                                    double r, double c0,
                                                                    double c1) {
  if (AnyNanAvx2(logs)) {
    for (int v = 0; v < 4; ++v) {
      const double p = UnitPow(bases[v], r);
      out[v] = kAffine ? c0 - c1 * p : p;
    }
    return;
  }
  UnitExpLanes4<kAffine>(logs, out, r, c0, c1);
}

__attribute__((target("avx2"))) std::size_t UnitLogRowAvx2(const double* bases, double* logs,
                                                           std::size_t count) {
  std::size_t q = 0;
  for (; q + 4 <= count; q += 4) UnitLogBlockAvx2(bases + q, logs + q);
  return q;
}

template <bool kAffine>
__attribute__((target("avx2"))) std::size_t UnitPowRowFromLogsAvx2(const double* bases,
                                                                   const double* logs, double* out,
                                                                   std::size_t count, double r,
                                                                   double c0, double c1) {
  std::size_t q = 0;
  for (; q + 8 <= count; q += 8) {
    UnitPowFromLogBlockAvx2<kAffine>(bases + q, logs + q, out + q, r, c0, c1);
    UnitPowFromLogBlockAvx2<kAffine>(bases + q + 4, logs + q + 4, out + q + 4, r, c0, c1);
  }
  for (; q + 4 <= count; q += 4) {
    UnitPowFromLogBlockAvx2<kAffine>(bases + q, logs + q, out + q, r, c0, c1);
  }
  return q;
}

// Four lanes, two blocks an iteration so that their chains overlap; returns how many it did.
__attribute__((target("avx2"))) std::size_t UnitPowRowAvx2(double* values, std::size_t count,
                                                           double r) {
  std::size_t q = 0;
  for (; q + 8 <= count; q += 8) {
    UnitPowBlock<4>(values + q, r);
    UnitPowBlock<4>(values + q + 4, r);
  }
  for (; q + 4 <= count; q += 4) UnitPowBlock<4>(values + q, r);
  return q;
}
#endif

}  // namespace

double UnitPow(double b, double r) {
  if (r == 1.0) return b;
  if (!BaseInRange(b) || !ExponentInRange(r)) return UnitPowFallback(b, r);
  return UnitPowLanes<1>(b, r);
}

void UnitPowRow(double* values, std::size_t count, double r) {
  if (r == 1.0) return;
  std::size_t q = 0;
  if (!ExponentInRange(r)) {
    for (; q < count; ++q) values[q] = UnitPowFallback(values[q], r);
    return;
  }
#if defined(ENTENTE_UNIT_POW_AVX2)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) q = UnitPowRowAvx2(values, count, r);
#endif
  for (; q + 2 <= count; q += 2) UnitPowBlock<2>(values + q, r);
  for (; q < count; ++q) values[q] = UnitPow(values[q], r);
}

void UnitLogRow(const double* bases, double* logs, std::size_t count) {
  std::size_t q = 0;
#if defined(ENTENTE_UNIT_POW_AVX2)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) q = UnitLogRowAvx2(bases, logs, count);
#endif
  for (; q + 2 <= count; q += 2) UnitLogBlock<2>(bases + q, logs + q);
  for (; q < count; ++q) UnitLogBlock<1>(bases + q, logs + q);
}

namespace {
// UnitPowRowFromLogs, with kAffine c0 − c1 · each power.
template <bool kAffine>
void PowRowFromLogs(const double* bases, const double* logs, double* out, std::size_t count,
                    double r, double c0, double c1) {
  // out[plain..count) receives the powers themselves; the AVX2 kernel writes out[0..plain)
  // already as c0 − c1 · power when kAffine.
  std::size_t plain = 0;
  if (r == 1.0 || !ExponentInRange(r)) {
    for (std::size_t q = 0; q < count; ++q) out[q] = UnitPow(bases[q], r);
  } else {
#if defined(ENTENTE_UNIT_POW_AVX2)
    static const bool avx2 = __builtin_cpu_supports("avx2");
    if (avx2) plain = UnitPowRowFromLogsAvx2<kAffine>(bases, logs, out, count, r, c0, c1);
#endif
    std::size_t q = plain;
    for (; q + 2 <= count; q += 2) UnitPowFromLogBlock<2>(bases + q, logs + q, out + q, r);
    for (; q < count; ++q) UnitPowFromLogBlock<1>(bases + q, logs + q, out + q, r);
  }
  if constexpr (kAffine) {
    for (std::size_t q = plain; q < count; ++q) out[q] = c0 - c1 * out[q];
  }
}
}  // namespace

void UnitPowRowFromLogs(const double* bases, const double* logs, double* out, std::size_t count,
                        double r) {
  PowRowFromLogs<false>(bases, logs, out, count, r, 0.0, 0.0);
}

void UnitPowAffineRowFromLogs(const double* bases, const double* logs, double* out,
                              std::size_t count, double r, double c0, double c1) {
  PowRowFromLogs<true>(bases, logs, out, count, r, c0, c1);
}

}  // namespace entente::eum
