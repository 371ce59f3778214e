// Scoring forecasts against outcomes. See include/entente/backtest.h.
#include "entente/backtest.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <string>

#include "entente/statistics.h"

namespace entente {

namespace {

// Type-7 sample quantile (linear interpolation between order statistics) of sorted values.
double Quantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::string Label(const std::string& model, const std::string& preset) {
  return preset.empty() ? model : model + "/" + preset;
}

}  // namespace

BacktestRow SummariseErrors(const std::vector<double>& e) {
  BacktestRow row;
  row.n = static_cast<int>(e.size());
  double sum = 0.0, sq = 0.0;
  int w5 = 0, w10 = 0, w20 = 0;
  for (double x : e) {
    sum += x;
    sq += x * x;
    w5 += x <= 5.0 ? 1 : 0;
    w10 += x <= 10.0 ? 1 : 0;
    w20 += x <= 20.0 ? 1 : 0;
  }
  const double n = static_cast<double>(e.size());
  row.mae = sum / n;
  row.rmse = std::sqrt(sq / n);
  row.median_ae = MidpointMedian(e);
  row.within5 = w5 / n;
  row.within10 = w10 / n;
  row.within20 = w20 / n;
  return row;
}

PairedDifference BootstrapPairedDifference(const std::vector<double>& a,
                                           const std::vector<double>& b, int bootstrap,
                                           std::uint64_t seed) {
  const std::size_t n = a.size();
  std::vector<double> d(n);
  double total = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    d[i] = a[i] - b[i];
    total += d[i];
  }
  PairedDifference out;
  out.mean = total / static_cast<double>(n);
  std::mt19937_64 rng(seed);
  std::vector<double> means(static_cast<std::size_t>(bootstrap));
  for (double& m : means) {
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      // Index from the top 53 bits: the same on every platform (std::uniform_int_distribution
      // is not specified bit-for-bit).
      const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
      s += d[std::min(n - 1, static_cast<std::size_t>(u * static_cast<double>(n)))];
    }
    m = s / static_cast<double>(n);
  }
  std::sort(means.begin(), means.end());
  out.ci_low = Quantile(means, 0.025);
  out.ci_high = Quantile(means, 0.975);
  return out;
}

Result<BacktestReport> RunBacktest(const std::vector<BacktestCase>& cases,
                                   const std::vector<Forecaster>& forecasters,
                                   const BacktestOptions& options) {
  if (options.bootstrap < 1) {
    return Status::InvalidArgument("bootstrap resamples must be >= 1, got " +
                                   std::to_string(options.bootstrap));
  }
  if (cases.empty()) {
    return Status::InvalidArgument(
        "nothing to score: no issue has a recorded outcome and at least two positions");
  }
  BacktestReport report;
  report.reference = options.reference;
  report.bootstrap = options.bootstrap;
  report.seed = options.seed;
  report.cases = static_cast<int>(cases.size());

  // errors[f][c]: absolute error of forecaster f on case c; NaN where it failed.
  const double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::vector<double>> errors(forecasters.size(),
                                          std::vector<double>(cases.size(), kNaN));
  std::vector<int> failed(forecasters.size(), 0);
  for (std::size_t f = 0; f < forecasters.size(); ++f) {
    const Forecaster& fc = forecasters[f];
    std::string first_failure;
    for (std::size_t c = 0; c < cases.size(); ++c) {
      if (options.cancel && options.cancel()) {
        return Status::Interrupted("back-test interrupted at " + fc.model + " on " + cases[c].id);
      }
      Result<double> r = fc.forecast(cases[c]);
      if (!r.ok() && r.status().code() == StatusCode::kInterrupted) return r.status();
      if (!r.ok() || !std::isfinite(*r)) {
        if (failed[f]++ == 0) {
          first_failure = cases[c].id + " (" + cases[c].source +
                          "): " + (r.ok() ? "non-finite forecast" : r.status().message());
        }
        continue;
      }
      errors[f][c] = std::fabs(*r - cases[c].outcome);
      if (options.keep_details) {
        report.details.push_back({fc.model, fc.preset, cases[c].source, cases[c].id, *r,
                                  cases[c].outcome, errors[f][c]});
      }
    }
    if (failed[f] > 0) {
      report.failures.push_back(Label(fc.model, fc.preset) + " could not forecast " +
                                std::to_string(failed[f]) + " of " + std::to_string(cases.size()) +
                                " issues; first: " + first_failure);
    }
  }

  std::size_t ref = forecasters.size();
  for (std::size_t f = 0; f < forecasters.size(); ++f)
    if (forecasters[f].model == options.reference && ref == forecasters.size()) ref = f;

  for (std::size_t f = 0; f < forecasters.size(); ++f) {
    std::vector<double> ok;
    for (double e : errors[f])
      if (!std::isnan(e)) ok.push_back(e);
    BacktestRow row;
    if (!ok.empty()) {
      row = SummariseErrors(ok);
    } else {
      row.mae = row.median_ae = row.rmse = row.within5 = row.within10 = row.within20 = kNaN;
    }
    row.model = forecasters[f].model;
    row.preset = forecasters[f].preset;
    row.failed = failed[f];
    row.diff_vs_reference = row.ci_low = row.ci_high = kNaN;
    if (ref < forecasters.size()) {
      std::vector<double> a, b;
      for (std::size_t c = 0; c < cases.size(); ++c) {
        if (std::isnan(errors[f][c]) || std::isnan(errors[ref][c])) continue;
        a.push_back(errors[f][c]);
        b.push_back(errors[ref][c]);
      }
      row.n_paired = static_cast<int>(a.size());
      if (!a.empty()) {
        const PairedDifference d = BootstrapPairedDifference(a, b, options.bootstrap, options.seed);
        row.diff_vs_reference = d.mean;
        row.ci_low = d.ci_low;
        row.ci_high = d.ci_high;
      }
    }
    report.rows.push_back(row);
  }
  return report;
}

}  // namespace entente
