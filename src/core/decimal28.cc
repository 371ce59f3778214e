#include "core/decimal28.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

namespace entente {

namespace {

// RAII holder for a temporary GMP integer.
class Decimal28Int {
 public:
  Decimal28Int() { mpz_init(v_); }
  Decimal28Int(const Decimal28Int&) = delete;
  Decimal28Int& operator=(const Decimal28Int&) = delete;
  ~Decimal28Int() { mpz_clear(v_); }
  mpz_ptr get() { return v_; }

 private:
  mpz_t v_;
};

// 10^k for 0 <= k < kDecimal28Powers, computed once (thread-safe static initialisation) and
// never freed; the arithmetic needs such powers in every rounding.
constexpr long kDecimal28Powers = 160;
struct Decimal28PowerTable {
  Decimal28PowerTable() {
    for (long k = 0; k < kDecimal28Powers; ++k) {
      mpz_init(p[k]);
      mpz_ui_pow_ui(p[k], 10, static_cast<unsigned long>(k));
    }
  }
  mpz_t p[kDecimal28Powers];
};

// 10^k (k >= 0): from the table, or computed into `scratch` beyond it.
mpz_srcptr Decimal28Pow10(long k, mpz_ptr scratch) {
  static const Decimal28PowerTable* table = new Decimal28PowerTable();  // never freed
  if (k < kDecimal28Powers) return table->p[k];
  mpz_ui_pow_ui(scratch, 10, static_cast<unsigned long>(k));
  return scratch;
}

// Number of decimal digits of |x|; 1 for 0 (Python's len(coefficient string)).
long Decimal28Digits(mpz_srcptr x) {
  if (mpz_sgn(x) == 0) return 1;
  long n = static_cast<long>(mpz_sizeinbase(x, 10));  // exact or one too many
  Decimal28Int scratch;
  if (mpz_cmpabs(x, Decimal28Pow10(n - 1, scratch.get())) < 0) --n;
  return n;
}

// x ·= 10^k, k >= 0.
void Decimal28Shift(mpz_ptr x, long k) {
  if (k <= 0) return;
  Decimal28Int scratch;
  mpz_mul(x, x, Decimal28Pow10(k, scratch.get()));
}

}  // namespace

Decimal28::Decimal28() { mpz_init(coefficient_); }

Decimal28::Decimal28(const Decimal28& other) : exponent_(other.exponent_) {
  mpz_init_set(coefficient_, other.coefficient_);
}

Decimal28::Decimal28(Decimal28&& other) noexcept : exponent_(other.exponent_) {
  mpz_init(coefficient_);
  mpz_swap(coefficient_, other.coefficient_);
}

Decimal28& Decimal28::operator=(const Decimal28& other) {
  if (this != &other) {
    mpz_set(coefficient_, other.coefficient_);
    exponent_ = other.exponent_;
  }
  return *this;
}

Decimal28& Decimal28::operator=(Decimal28&& other) noexcept {
  mpz_swap(coefficient_, other.coefficient_);
  std::swap(exponent_, other.exponent_);
  return *this;
}

Decimal28::~Decimal28() { mpz_clear(coefficient_); }

Decimal28 Decimal28::FromInt(long v) {
  Decimal28 d;
  mpz_set_si(d.coefficient_, v);
  return d;
}

std::optional<Decimal28> Decimal28::Parse(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::string digits;
  long fraction_digits = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch >= '0' && ch <= '9') {
      digits.push_back(ch);
      if (seen_point) ++fraction_digits;
    } else if (ch == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (digits.empty()) return std::nullopt;
  long exponent = 0;
  if (i < text.size()) {
    if (text[i] != 'e' && text[i] != 'E') return std::nullopt;
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exp_negative = text[i++] == '-';
    if (i == text.size()) return std::nullopt;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      if (exponent > 100000000) return std::nullopt;  // far outside any use here
      exponent = exponent * 10 + (text[i] - '0');
    }
    if (exp_negative) exponent = -exponent;
  }
  Decimal28 d;
  mpz_set_str(d.coefficient_, digits.c_str(), 10);
  if (negative) mpz_neg(d.coefficient_, d.coefficient_);
  d.exponent_ = exponent - fraction_digits;
  return d;
}

Decimal28 Decimal28::FromDoubleExact(double v) {
  Decimal28 d;
  if (v == 0.0) return d;
  int e2 = 0;
  const double m = std::frexp(std::fabs(v), &e2);  // |v| = m·2^e2, m in [0.5, 1)
  auto mantissa = static_cast<unsigned long long>(std::ldexp(m, 53));
  e2 -= 53;
  while ((mantissa & 1ULL) == 0 && e2 < 0) {
    mantissa >>= 1;
    ++e2;
  }
  mpz_import(d.coefficient_, 1, 1, sizeof(mantissa), 0, 0, &mantissa);
  if (e2 >= 0) {
    mpz_mul_2exp(d.coefficient_, d.coefficient_, static_cast<unsigned long>(e2));
  } else {
    // n/2^k = n·5^k/10^k.
    Decimal28Int five;
    mpz_ui_pow_ui(five.get(), 5, static_cast<unsigned long>(-e2));
    mpz_mul(d.coefficient_, d.coefficient_, five.get());
    d.exponent_ = e2;
  }
  if (v < 0.0) mpz_neg(d.coefficient_, d.coefficient_);
  return d;
}

Decimal28 Decimal28::FromDoubleShortest(double v) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof(buf), v);
  return *Parse(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
}

void Decimal28::Round() {
  const long n = Decimal28Digits(coefficient_);
  if (n <= kPrecision) return;
  long k = n - kPrecision;
  const int sign = mpz_sgn(coefficient_);
  Decimal28Int q, r, scratch;
  mpz_abs(q.get(), coefficient_);
  mpz_srcptr p = Decimal28Pow10(k, scratch.get());
  mpz_tdiv_qr(q.get(), r.get(), q.get(), p);
  // Half even: up when the dropped part exceeds half a unit, or equals it and q is odd.
  mpz_mul_2exp(r.get(), r.get(), 1);  // 2r compared with 10^k
  const int c = mpz_cmp(r.get(), p);
  if (c > 0 || (c == 0 && mpz_odd_p(q.get()))) mpz_add_ui(q.get(), q.get(), 1);
  if (Decimal28Digits(q.get()) > kPrecision) {  // 99…9 rounded up to 10^28
    mpz_tdiv_q_ui(q.get(), q.get(), 10);
    ++k;
  }
  mpz_set(coefficient_, q.get());
  if (sign < 0) mpz_neg(coefficient_, coefficient_);
  exponent_ += k;
}

long Decimal28::Align(const Decimal28& a, const Decimal28& b, mpz_ptr x, mpz_ptr y) {
  const long e = std::min(a.exponent_, b.exponent_);
  mpz_set(x, a.coefficient_);
  mpz_set(y, b.coefficient_);
  Decimal28Shift(x, a.exponent_ - e);
  Decimal28Shift(y, b.exponent_ - e);
  return e;
}

Decimal28 Decimal28::ExactSum(const Decimal28& a, const Decimal28& b) {
  Decimal28 out;
  Decimal28Int x, y;
  out.exponent_ = Align(a, b, x.get(), y.get());
  mpz_add(out.coefficient_, x.get(), y.get());
  return out;
}

Decimal28 Decimal28::ExactProduct(const Decimal28& a, const Decimal28& b) {
  Decimal28 out;
  mpz_mul(out.coefficient_, a.coefficient_, b.coefficient_);
  out.exponent_ = a.exponent_ + b.exponent_;
  return out;
}

// Rounded once, after the exact result (General Decimal Arithmetic: add, multiply).
Decimal28 operator+(const Decimal28& a, const Decimal28& b) {
  Decimal28 out = Decimal28::ExactSum(a, b);
  out.Round();
  return out;
}

Decimal28 operator-(const Decimal28& a, const Decimal28& b) { return a + (-b); }

Decimal28 operator*(const Decimal28& a, const Decimal28& b) {
  Decimal28 out = Decimal28::ExactProduct(a, b);
  out.Round();
  return out;
}

Decimal28 operator/(const Decimal28& a, const Decimal28& b) {
  // The General Decimal Arithmetic division, as Python's decimal writes it: a quotient with
  // kPrecision + 1 or more digits, a sticky unit when inexact, then one rounding.
  Decimal28 out;
  const long ideal = a.exponent_ - b.exponent_;
  if (mpz_sgn(a.coefficient_) == 0) {
    out.exponent_ = ideal;
    return out;
  }
  const long shift =
      Decimal28Digits(b.coefficient_) - Decimal28Digits(a.coefficient_) + Decimal28::kPrecision + 1;
  long exp = ideal - shift;
  Decimal28Int n, d, q, r;
  mpz_abs(n.get(), a.coefficient_);
  mpz_abs(d.get(), b.coefficient_);
  if (shift >= 0) {
    Decimal28Shift(n.get(), shift);
  } else {
    Decimal28Shift(d.get(), -shift);
  }
  mpz_tdiv_qr(q.get(), r.get(), n.get(), d.get());
  if (mpz_sgn(r.get()) != 0) {
    if (mpz_divisible_ui_p(q.get(), 5)) mpz_add_ui(q.get(), q.get(), 1);
  } else {
    while (exp < ideal && mpz_divisible_ui_p(q.get(), 10)) {
      mpz_tdiv_q_ui(q.get(), q.get(), 10);
      ++exp;
    }
  }
  mpz_set(out.coefficient_, q.get());
  if (mpz_sgn(a.coefficient_) * mpz_sgn(b.coefficient_) < 0) mpz_neg(out.coefficient_, q.get());
  out.exponent_ = exp;
  out.Round();
  return out;
}

Decimal28 Decimal28::operator-() const {
  Decimal28 out(*this);
  mpz_neg(out.coefficient_, out.coefficient_);
  return out;
}

Decimal28 Decimal28::Abs() const {
  Decimal28 out(*this);
  mpz_abs(out.coefficient_, out.coefficient_);
  return out;
}

std::strong_ordering operator<=>(const Decimal28& a, const Decimal28& b) {
  // Fast paths (the exchange model sorts thousands of gains): signs, equal exponents, and
  // magnitudes whose digit counts put them two or more decades apart.
  const int sa = mpz_sgn(a.coefficient_), sb = mpz_sgn(b.coefficient_);
  if (sa != sb) return sa < sb ? std::strong_ordering::less : std::strong_ordering::greater;
  if (sa == 0) return std::strong_ordering::equal;
  if (a.exponent_ == b.exponent_) {
    const int c = mpz_cmp(a.coefficient_, b.coefficient_);
    return c < 0 ? std::strong_ordering::less
                 : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
  }
  // mpz_sizeinbase is exact or one too large, so the adjusted exponents are within one.
  const long adj_a = a.exponent_ + static_cast<long>(mpz_sizeinbase(a.coefficient_, 10));
  const long adj_b = b.exponent_ + static_cast<long>(mpz_sizeinbase(b.coefficient_, 10));
  if (adj_a >= adj_b + 2)
    return sa > 0 ? std::strong_ordering::greater : std::strong_ordering::less;
  if (adj_b >= adj_a + 2)
    return sa > 0 ? std::strong_ordering::less : std::strong_ordering::greater;
  Decimal28Int x, y;
  Decimal28::Align(a, b, x.get(), y.get());
  const int c = mpz_cmp(x.get(), y.get());
  return c < 0 ? std::strong_ordering::less
               : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

bool operator==(const Decimal28& a, const Decimal28& b) {
  return (a <=> b) == std::strong_ordering::equal;
}

bool Decimal28::IsZero() const { return mpz_sgn(coefficient_) == 0; }

int Decimal28::Sign() const { return mpz_sgn(coefficient_); }

double Decimal28::ToDouble() const { return std::strtod(ToString().c_str(), nullptr); }

std::string Decimal28::ToString() const {
  // Python's Decimal.__str__ (eng = False).
  char* raw = mpz_get_str(nullptr, 10, coefficient_);
  std::string digits(raw[0] == '-' ? raw + 1 : raw);
  void (*free_fn)(void*, size_t);
  mp_get_memory_functions(nullptr, nullptr, &free_fn);
  free_fn(raw, std::char_traits<char>::length(raw) + 1);
  const std::string sign = mpz_sgn(coefficient_) < 0 ? "-" : "";
  const long len = static_cast<long>(digits.size());
  const long leftdigits = exponent_ + len;
  const long dotplace = (exponent_ <= 0 && leftdigits > -6) ? leftdigits : 1;
  std::string intpart, fracpart;
  if (dotplace <= 0) {
    intpart = "0";
    fracpart = "." + std::string(static_cast<std::size_t>(-dotplace), '0') + digits;
  } else if (dotplace >= len) {
    intpart = digits + std::string(static_cast<std::size_t>(dotplace - len), '0');
  } else {
    intpart = digits.substr(0, static_cast<std::size_t>(dotplace));
    fracpart = "." + digits.substr(static_cast<std::size_t>(dotplace));
  }
  std::string exp;
  if (leftdigits != dotplace) {
    const long e = leftdigits - dotplace;
    exp = std::string("E") + (e >= 0 ? "+" : "-") + std::to_string(e >= 0 ? e : -e);
  }
  return sign + intpart + fracpart + exp;
}

}  // namespace entente
