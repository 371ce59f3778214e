#include "models/expected_utility/unit_pow.h"

#include <bit>
#include <cmath>
#include <cstdint>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define ENTENTE_UNIT_POW_X86 1
#endif

namespace entente::eum {

namespace {

// The range the fast path serves (unit_pow.h); anything else takes UnitPowFallback.
// With r ≤ 4 they keep |r ln b| < 560, so 2^k stays a normal number.
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

// ln(1 + f) = 2 atanh(s), s = f/(2 + f): 2s + s·R with R = Σ_{k=1..10} 2/(2k+1) s^{2k}. With
// m ∈ [√2/2, √2), |s| ≤ 0.172, so the first omitted term is below 10^-18 relative.
constexpr double kAtanh[10] = {2.0 / 3,  2.0 / 5,  2.0 / 7,  2.0 / 9,  2.0 / 11,
                               2.0 / 13, 2.0 / 15, 2.0 / 17, 2.0 / 19, 2.0 / 21};
// exp(t) = 1 + t·Σ_{i=0..12} t^i/(i+1)!; |t| ≤ ln2/2, so the first omitted term is ≈ 4·10^-18.
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

// The cases outside the fast range, as RiskPow always answered them.
double UnitPowFallback(double b, double r) {
  if (b <= 0.0) return r > 0.0 ? 0.0 : 1.0;  // 0^0 = 1 (eum's r = 0 case)
  return std::pow(b, r);
}

bool ExponentInRange(double r) { return r >= kMinExponent && r <= kMaxExponent; }

// The fast path for one value; the vector kernels below repeat these operations lane by lane.
double UnitPowCore(double b, double r) {
  // ln b = e ln 2 + ln m, m ∈ [√2/2, √2).
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(b);
  double m = std::bit_cast<double>((bits & kMantissaMask) | kOneBits);
  double e = std::bit_cast<double>((bits >> 52) | kTwo52Bits) - kTwo52;  // biased exponent
  const bool halve = m > kSqrt2;
  m = halve ? m * 0.5 : m;
  e = e + (halve ? 1.0 : 0.0);
  e = e - 1023.0;
  const double f = m - 1.0;
  const double s = f / (2.0 + f);
  const double z = s * s;
  double series = kAtanh[9];
  for (int k = 8; k >= 0; --k) series = series * z + kAtanh[k];
  const double big_r = series * z;
  const double hfsq = 0.5 * f * f;
  const double ln_b = e * kLn2Hi - ((hfsq - (s * (hfsq + big_r) + e * kLn2Lo)) - f);
  // exp(y) = 2^k exp(t), y = k ln 2 + t.
  const double y = r * ln_b;
  const double shifted = y * kInvLn2 + kShifter;
  const std::uint64_t k_bits = std::bit_cast<std::uint64_t>(shifted);
  const double k = shifted - kShifter;
  const double hi = y - k * kLn2Hi;  // exact (Sterbenz; k · kLn2Hi is exact)
  const double lo = k * kLn2Lo;
  const double t = hi - lo;
  double poly = kExp[12];
  for (int i = 11; i >= 0; --i) poly = poly * t + kExp[i];
  const double exp_t = 1.0 + t * poly;
  // 2^k from k's low bits: (k + 1023) << 52 (the shifter's own bits fall off the top).
  const double scale = std::bit_cast<double>((k_bits + 1023) << 52);
  return exp_t * scale;
}

#if defined(ENTENTE_UNIT_POW_X86)
// UnitPowCore on two lanes (SSE2, the x86-64 baseline).
__m128d UnitPowSse2(__m128d b, __m128d r) {
  const __m128i bits = _mm_castpd_si128(b);
  __m128d m = _mm_castsi128_pd(
      _mm_or_si128(_mm_and_si128(bits, _mm_set1_epi64x(static_cast<long long>(kMantissaMask))),
                   _mm_set1_epi64x(static_cast<long long>(kOneBits))));
  __m128d e = _mm_sub_pd(
      _mm_castsi128_pd(_mm_or_si128(_mm_srli_epi64(bits, 52),
                                    _mm_set1_epi64x(static_cast<long long>(kTwo52Bits)))),
      _mm_set1_pd(kTwo52));
  const __m128d halve = _mm_cmpgt_pd(m, _mm_set1_pd(kSqrt2));
  m = _mm_or_pd(_mm_and_pd(halve, _mm_mul_pd(m, _mm_set1_pd(0.5))), _mm_andnot_pd(halve, m));
  e = _mm_add_pd(e, _mm_and_pd(halve, _mm_set1_pd(1.0)));
  e = _mm_sub_pd(e, _mm_set1_pd(1023.0));
  const __m128d f = _mm_sub_pd(m, _mm_set1_pd(1.0));
  const __m128d s = _mm_div_pd(f, _mm_add_pd(_mm_set1_pd(2.0), f));
  const __m128d z = _mm_mul_pd(s, s);
  __m128d series = _mm_set1_pd(kAtanh[9]);
  for (int k = 8; k >= 0; --k) {
    series = _mm_add_pd(_mm_mul_pd(series, z), _mm_set1_pd(kAtanh[k]));
  }
  const __m128d big_r = _mm_mul_pd(series, z);
  const __m128d hfsq = _mm_mul_pd(_mm_mul_pd(_mm_set1_pd(0.5), f), f);
  const __m128d inner =
      _mm_add_pd(_mm_mul_pd(s, _mm_add_pd(hfsq, big_r)), _mm_mul_pd(e, _mm_set1_pd(kLn2Lo)));
  const __m128d ln_b =
      _mm_sub_pd(_mm_mul_pd(e, _mm_set1_pd(kLn2Hi)), _mm_sub_pd(_mm_sub_pd(hfsq, inner), f));
  const __m128d y = _mm_mul_pd(r, ln_b);
  const __m128d shifted = _mm_add_pd(_mm_mul_pd(y, _mm_set1_pd(kInvLn2)), _mm_set1_pd(kShifter));
  const __m128i k_bits = _mm_castpd_si128(shifted);
  const __m128d k = _mm_sub_pd(shifted, _mm_set1_pd(kShifter));
  const __m128d hi = _mm_sub_pd(y, _mm_mul_pd(k, _mm_set1_pd(kLn2Hi)));
  const __m128d lo = _mm_mul_pd(k, _mm_set1_pd(kLn2Lo));
  const __m128d t = _mm_sub_pd(hi, lo);
  __m128d poly = _mm_set1_pd(kExp[12]);
  for (int i = 11; i >= 0; --i) poly = _mm_add_pd(_mm_mul_pd(poly, t), _mm_set1_pd(kExp[i]));
  const __m128d exp_t = _mm_add_pd(_mm_set1_pd(1.0), _mm_mul_pd(t, poly));
  const __m128d scale =
      _mm_castsi128_pd(_mm_slli_epi64(_mm_add_epi64(k_bits, _mm_set1_epi64x(1023)), 52));
  return _mm_mul_pd(exp_t, scale);
}

// UnitPowCore on four lanes; AVX2 for the 256-bit integer shifts. No FMA: the same roundings.
__attribute__((target("avx2"))) __m256d UnitPowAvx2(__m256d b, __m256d r) {
  const __m256i bits = _mm256_castpd_si256(b);
  __m256d m = _mm256_castsi256_pd(_mm256_or_si256(
      _mm256_and_si256(bits, _mm256_set1_epi64x(static_cast<long long>(kMantissaMask))),
      _mm256_set1_epi64x(static_cast<long long>(kOneBits))));
  __m256d e = _mm256_sub_pd(
      _mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(bits, 52),
                                          _mm256_set1_epi64x(static_cast<long long>(kTwo52Bits)))),
      _mm256_set1_pd(kTwo52));
  const __m256d halve = _mm256_cmp_pd(m, _mm256_set1_pd(kSqrt2), _CMP_GT_OQ);
  m = _mm256_blendv_pd(m, _mm256_mul_pd(m, _mm256_set1_pd(0.5)), halve);
  e = _mm256_add_pd(e, _mm256_and_pd(halve, _mm256_set1_pd(1.0)));
  e = _mm256_sub_pd(e, _mm256_set1_pd(1023.0));
  const __m256d f = _mm256_sub_pd(m, _mm256_set1_pd(1.0));
  const __m256d s = _mm256_div_pd(f, _mm256_add_pd(_mm256_set1_pd(2.0), f));
  const __m256d z = _mm256_mul_pd(s, s);
  __m256d series = _mm256_set1_pd(kAtanh[9]);
  for (int k = 8; k >= 0; --k) {
    series = _mm256_add_pd(_mm256_mul_pd(series, z), _mm256_set1_pd(kAtanh[k]));
  }
  const __m256d big_r = _mm256_mul_pd(series, z);
  const __m256d hfsq = _mm256_mul_pd(_mm256_mul_pd(_mm256_set1_pd(0.5), f), f);
  const __m256d inner = _mm256_add_pd(_mm256_mul_pd(s, _mm256_add_pd(hfsq, big_r)),
                                      _mm256_mul_pd(e, _mm256_set1_pd(kLn2Lo)));
  const __m256d ln_b = _mm256_sub_pd(_mm256_mul_pd(e, _mm256_set1_pd(kLn2Hi)),
                                     _mm256_sub_pd(_mm256_sub_pd(hfsq, inner), f));
  const __m256d y = _mm256_mul_pd(r, ln_b);
  const __m256d shifted =
      _mm256_add_pd(_mm256_mul_pd(y, _mm256_set1_pd(kInvLn2)), _mm256_set1_pd(kShifter));
  const __m256i k_bits = _mm256_castpd_si256(shifted);
  const __m256d k = _mm256_sub_pd(shifted, _mm256_set1_pd(kShifter));
  const __m256d hi = _mm256_sub_pd(y, _mm256_mul_pd(k, _mm256_set1_pd(kLn2Hi)));
  const __m256d lo = _mm256_mul_pd(k, _mm256_set1_pd(kLn2Lo));
  const __m256d t = _mm256_sub_pd(hi, lo);
  __m256d poly = _mm256_set1_pd(kExp[12]);
  for (int i = 11; i >= 0; --i) {
    poly = _mm256_add_pd(_mm256_mul_pd(poly, t), _mm256_set1_pd(kExp[i]));
  }
  const __m256d exp_t = _mm256_add_pd(_mm256_set1_pd(1.0), _mm256_mul_pd(t, poly));
  const __m256d scale = _mm256_castsi256_pd(
      _mm256_slli_epi64(_mm256_add_epi64(k_bits, _mm256_set1_epi64x(1023)), 52));
  return _mm256_mul_pd(exp_t, scale);
}

// Whether every lane's base is in the fast range (NaN is not).
bool BasesInRange(__m128d b) {
  const __m128d ok =
      _mm_and_pd(_mm_cmpge_pd(b, _mm_set1_pd(kMinBase)), _mm_cmple_pd(b, _mm_set1_pd(kMaxBase)));
  return _mm_movemask_pd(ok) == 0x3;
}

__attribute__((target("avx2"))) bool BasesInRangeAvx2(__m256d b) {
  const __m256d ok = _mm256_and_pd(_mm256_cmp_pd(b, _mm256_set1_pd(kMinBase), _CMP_GE_OQ),
                                   _mm256_cmp_pd(b, _mm256_set1_pd(kMaxBase), _CMP_LE_OQ));
  return _mm256_movemask_pd(ok) == 0xf;
}

__attribute__((target("avx2"))) std::size_t UnitPowRowAvx2(double* values, std::size_t count,
                                                           double r) {
  const __m256d rv = _mm256_set1_pd(r);
  std::size_t q = 0;
  for (; q + 4 <= count; q += 4) {
    const __m256d b = _mm256_loadu_pd(values + q);
    if (BasesInRangeAvx2(b)) {
      _mm256_storeu_pd(values + q, UnitPowAvx2(b, rv));
    } else {
      for (std::size_t l = q; l < q + 4; ++l) values[l] = UnitPow(values[l], r);
    }
  }
  return q;
}
#endif

}  // namespace

double UnitPow(double b, double r) {
  if (r == 1.0) return b;
  if (!(b >= kMinBase && b <= kMaxBase) || !ExponentInRange(r)) return UnitPowFallback(b, r);
  return UnitPowCore(b, r);
}

void UnitPowRow(double* values, std::size_t count, double r) {
  if (r == 1.0) return;
  std::size_t q = 0;
  if (!ExponentInRange(r)) {
    for (; q < count; ++q) values[q] = UnitPowFallback(values[q], r);
    return;
  }
#if defined(ENTENTE_UNIT_POW_X86)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) q = UnitPowRowAvx2(values, count, r);
  const __m128d rv = _mm_set1_pd(r);
  for (; q + 2 <= count; q += 2) {
    const __m128d b = _mm_loadu_pd(values + q);
    if (BasesInRange(b)) {
      _mm_storeu_pd(values + q, UnitPowSse2(b, rv));
    } else {
      values[q] = UnitPow(values[q], r);
      values[q + 1] = UnitPow(values[q + 1], r);
    }
  }
#endif
  for (; q < count; ++q) values[q] = UnitPow(values[q], r);
}

}  // namespace entente::eum
