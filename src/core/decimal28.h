// Decimal28: an exact decimal number (sign, integer coefficient, power-of-ten exponent) whose
// arithmetic rounds every result to 28 significant digits, half to even. This is the default
// context of Python's `decimal` module (prec = 28, ROUND_HALF_EVEN), the arithmetic of the
// reference implementation of the exchange model (docs/models/exchange.md): its exact ties and
// its "adjusted mean exactly at the target" cases are decided by this rounding, so reproducing
// them needs the same arithmetic in the same order of operations.
//
// Semantics follow the General Decimal Arithmetic specification as Python implements it:
// + − × ÷ compute the exact result and round it once (division: the correctly rounded
// quotient); construction from text or from a double is exact, not rounded (like `Decimal(str)`
// and `Decimal(float)`); comparisons are exact. ToString() gives Python's `str(Decimal)` text,
// including the result exponents (`0E-26`, `1.50`). Not supported, because nothing here needs
// them: NaN, infinities, signed zeros (every zero is +0), exponent limits (Emax/Emin), other
// precisions or rounding modes.
//
// The coefficient is a GMP integer (any number of digits), so operands with more than 28 digits,
// such as `Decimal(0.1)`'s 55, are held exactly, as in Python.
//
// Thread-safety: a plain value; distinct objects may be used from different threads.
#pragma once

#include <gmp.h>

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace entente {

class Decimal28 {
 public:
  static constexpr int kPrecision = 28;

  Decimal28();  // 0
  Decimal28(const Decimal28& other);
  Decimal28(Decimal28&& other) noexcept;
  Decimal28& operator=(const Decimal28& other);
  Decimal28& operator=(Decimal28&& other) noexcept;
  ~Decimal28();

  // The integer `v`, exactly (Decimal(v)).
  static Decimal28 FromInt(long v);
  // Decimal(text), exactly: optional sign, digits with an optional '.', optional exponent
  // (`e`/`E`, optional sign, digits). nullopt for anything else (no NaN/Infinity, no spaces).
  static std::optional<Decimal28> Parse(std::string_view text);
  // Decimal(v) for a finite double: its exact binary value (0.1 has 55 digits).
  // REQUIRES: std::isfinite(v).
  static Decimal28 FromDoubleExact(double v);
  // The shortest decimal text that reads back as `v` (as Python's repr(float)), exactly: the
  // decimal a user typed for a short input such as 0.8 or 38.4615384615385.
  // REQUIRES: std::isfinite(v).
  static Decimal28 FromDoubleShortest(double v);

  friend Decimal28 operator+(const Decimal28& a, const Decimal28& b);
  friend Decimal28 operator-(const Decimal28& a, const Decimal28& b);
  friend Decimal28 operator*(const Decimal28& a, const Decimal28& b);
  // REQUIRES: !b.IsZero() (Python raises DivisionByZero / DivisionUndefined).
  friend Decimal28 operator/(const Decimal28& a, const Decimal28& b);
  // The exact sum and product, not rounded (any number of digits): for exact comparisons.
  static Decimal28 ExactSum(const Decimal28& a, const Decimal28& b);
  static Decimal28 ExactProduct(const Decimal28& a, const Decimal28& b);
  Decimal28 operator-() const;  // exact, like Python's unary minus under the default context
  Decimal28 Abs() const;        // exact

  friend bool operator==(const Decimal28& a, const Decimal28& b);
  friend std::strong_ordering operator<=>(const Decimal28& a, const Decimal28& b);

  bool IsZero() const;
  int Sign() const;  // -1, 0, 1
  // The nearest double (round half even), as float(Decimal) in Python.
  double ToDouble() const;
  // Python's str(Decimal): plain notation when exponent <= 0 and the adjusted exponent >= -6,
  // scientific (`1.5E-7`, `0E-26`, `1E+3`) otherwise.
  std::string ToString() const;

 private:
  // Rounds the coefficient to kPrecision digits, half even (Python's _fix).
  void Round();

  // Sets x and y to a's and b's coefficients scaled to their common (smaller) exponent, which
  // it returns: then a = x · 10^e and b = y · 10^e exactly.
  static long Align(const Decimal28& a, const Decimal28& b, mpz_ptr x, mpz_ptr y);

  mpz_t coefficient_;  // signed; the value is coefficient_ · 10^exponent_
  long exponent_ = 0;
};

}  // namespace entente
