// Sampling uncertain inputs (include/entente/uncertainty.h).
//
// Every draw is a pure function of a 64-bit seed: SplitMix64 (src/core/splitmix64.h) seeded with
// it. Seeds are derived by counters (run seed, replication index, input index), never by a shared
// generator, so that what replication i draws does not depend on which replications ran before it
// or on which thread or MPI rank runs it.
#include "entente/uncertainty.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/splitmix64.h"

namespace entente {
namespace {

// SplitMix64's output function (Steele, Lea & Flood 2014): a bijective 64-bit mixer.
std::uint64_t Mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Standard normal CDF Φ(z) = erfc(−z/√2)/2, accurate in the lower tail.
double NormalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative error 1.15e-9) refined by
// one Halley step on Φ(x) − p, which brings it to full double precision.
double NormalQuantile(double p) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  double x;
  if (p < kLow) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else if (p <= 1.0 - kLow) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  } else {
    const double q = std::sqrt(-2.0 * std::log(1.0 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  // Halley refinement.
  const double e = NormalCdf(x) - p;
  const double u = e * std::sqrt(2.0 * M_PI) * std::exp(x * x / 2.0);
  return x - u / (1.0 + x * u / 2.0);
}

// A draw from normal(mean, sd) truncated to [low, high] by inversion: u uniform on
// [Φ(α), Φ(β)], x = mean + sd·Φ⁻¹(u), with α, β the standardised bounds. When the interval lies
// in the upper tail the draw is made on the mirrored distribution, where Φ keeps its precision.
double TruncatedNormal(double mean, double sd, double low, double high, double u) {
  double alpha = (low - mean) / sd;
  double beta = (high - mean) / sd;
  const bool mirror = alpha > 0.0;
  if (mirror) {
    const double t = alpha;
    alpha = -beta;
    beta = -t;
  }
  const double pa = NormalCdf(alpha);
  const double pb = NormalCdf(beta);
  double z;
  if (!(beta > alpha)) {
    z = alpha;
  } else if (pb < 1e-290) {
    // So far in the lower tail (β < −36) that Φ underflows: there the density exp(−z²/2) is
    // exp(−β²/2)·exp(λ(z − β)) to first order, λ = −β > 0, an exponential on [α, β] sampled by
    // inversion: z = β + ln V / λ, V uniform on [exp(−λ(β − α)), 1].
    const double lambda = -beta;
    const double v_min = std::exp(-lambda * (beta - alpha));
    z = beta + std::log(v_min + u * (1.0 - v_min)) / lambda;
    z = std::clamp(z, alpha, beta);
  } else if (!(pb > pa)) {
    // An interval too narrow for Φ to resolve: the density is flat across it.
    z = alpha + u * (beta - alpha);
  } else {
    const double p = pa + u * (pb - pa);
    z = p <= 0.0 ? alpha : p >= 1.0 ? beta : NormalQuantile(p);
    z = std::clamp(z, alpha, beta);
  }
  if (mirror) z = -z;
  return std::clamp(mean + sd * z, low, high);
}

}  // namespace

double PointValue(const Distribution& distribution) {
  switch (distribution.kind) {
    case Distribution::Kind::kUniform:
      return 0.5 * (distribution.low + distribution.high);
    case Distribution::Kind::kTriangular:
      return distribution.mode;
    case Distribution::Kind::kNormal:
      return distribution.mean;
    case Distribution::Kind::kExperts: {
      if (distribution.estimates.empty()) return 0.0;
      double sum = 0.0;
      for (const double v : distribution.estimates) sum += v;
      return sum / static_cast<double>(distribution.estimates.size());
    }
  }
  return 0.0;
}

std::uint64_t ReplicationSeed(std::uint64_t run_seed, std::uint64_t index) {
  // Two rounds of the finaliser: the run seed is mixed first so that runs with nearby seeds do
  // not share replication seeds shifted by one index.
  return Mix64(Mix64(run_seed ^ 0x6A09E667F3BCC909ULL) + (index + 1) * 0x9E3779B97F4A7C15ULL);
}

double SampleValue(const Distribution& d, std::uint64_t seed) {
  SplitMix64 rng(seed);
  switch (d.kind) {
    case Distribution::Kind::kUniform:
      return d.low + rng.Uniform() * (d.high - d.low);
    case Distribution::Kind::kTriangular: {
      // Inverse CDF of the triangular distribution on [a, b] with mode c:
      // F(c) = (c − a)/(b − a); x = a + √(u(b − a)(c − a)) below it, b − √((1 − u)(b − a)(b − c))
      // above it.
      const double a = d.low, b = d.high, c = d.mode;
      if (!(b > a)) return a;
      const double u = rng.Uniform();
      const double fc = (c - a) / (b - a);
      const double x = u < fc ? a + std::sqrt(u * (b - a) * (c - a))
                              : b - std::sqrt((1.0 - u) * (b - a) * (b - c));
      return std::clamp(x, a, b);
    }
    case Distribution::Kind::kNormal:
      if (!(d.sd > 0.0)) return std::clamp(d.mean, d.low, d.high);
      return TruncatedNormal(d.mean, d.sd, d.low, d.high, rng.Uniform());
    case Distribution::Kind::kExperts: {
      const std::size_t n = d.estimates.size();
      if (n == 0) return 0.0;
      // Index k = floor(u·n): uniform on 0..n−1 up to a 2^-53 bias.
      const auto pick = [&] {
        return std::min(n - 1, static_cast<std::size_t>(rng.Uniform() * static_cast<double>(n)));
      };
      if (!d.bootstrap) return d.estimates[pick()];
      // Bootstrap (Efron 1979): the mean of n estimates resampled with replacement.
      double sum = 0.0;
      for (std::size_t i = 0; i < n; ++i) sum += d.estimates[pick()];
      return sum / static_cast<double>(n);
    }
  }
  return 0.0;
}

namespace {

double Clamp(const Scenario& scenario, const UncertainInput& input, double value) {
  switch (input.field) {
    case UncertainInput::Field::kCapability:
      return std::max(0.0, value);
    case UncertainInput::Field::kSalience:
      return std::clamp(value, 0.0, 1.0);
    case UncertainInput::Field::kPosition: {
      const auto i = scenario.FindIssue(input.issue);
      if (!i) return value;
      const Issue& issue = scenario.issues[*i];
      return std::clamp(value, issue.scale_min, issue.scale_max);
    }
  }
  return value;
}

Stance* FindStance(Scenario& scenario, const UncertainInput& input) {
  const auto a = scenario.FindActor(input.actor);
  const auto i = scenario.FindIssue(input.issue);
  if (!a || !i) return nullptr;
  auto& stance = scenario.stances[*i][*a];
  return stance ? &*stance : nullptr;
}

}  // namespace

void SetInput(Scenario& scenario, const UncertainInput& input, double value) {
  value = Clamp(scenario, input, value);
  if (input.field == UncertainInput::Field::kCapability) {
    if (const auto a = scenario.FindActor(input.actor)) scenario.actors[*a].capability = value;
    return;
  }
  if (Stance* stance = FindStance(scenario, input)) {
    (input.field == UncertainInput::Field::kPosition ? stance->position : stance->salience) = value;
  }
}

double GetInput(const Scenario& scenario, const UncertainInput& input) {
  if (input.field == UncertainInput::Field::kCapability) {
    const auto a = scenario.FindActor(input.actor);
    return a ? scenario.actors[*a].capability : std::numeric_limits<double>::quiet_NaN();
  }
  const auto a = scenario.FindActor(input.actor);
  const auto i = scenario.FindIssue(input.issue);
  if (!a || !i || !scenario.stances[*i][*a]) return std::numeric_limits<double>::quiet_NaN();
  const Stance& stance = *scenario.stances[*i][*a];
  return input.field == UncertainInput::Field::kPosition ? stance.position : stance.salience;
}

Scenario SampleScenario(const Scenario& base, std::uint64_t replication_seed) {
  Scenario sample = base;
  for (std::size_t k = 0; k < base.uncertain.size(); ++k) {
    const UncertainInput& input = base.uncertain[k];
    SetInput(sample, input, SampleValue(input.distribution, ReplicationSeed(replication_seed, k)));
  }
  return sample;
}

}  // namespace entente
