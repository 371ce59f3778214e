// RunSensitivity: one-at-a-time elasticities and Sobol indices (include/entente/sensitivity.h,
// docs/models/sensitivity.md).
#include "entente/sensitivity.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "analysis/forecast_evaluator.h"
#include "analysis/sensitivity_inputs.h"
#include "analysis/sobol.h"
#include "entente/uncertainty.h"

namespace entente {

using analysis::ForecastEvaluator;
using analysis::ParallelFor;

std::string DescribeInput(const SensitivityInput& input) {
  if (input.field == UncertainInput::Field::kCapability) return "capability of " + input.actor;
  return fmt::format("{} of {} on {}", InputFieldName(input.field), input.actor, input.issue);
}

const char* InputFieldName(UncertainInput::Field field) {
  switch (field) {
    case UncertainInput::Field::kCapability:
      return "capability";
    case UncertainInput::Field::kPosition:
      return "position";
    case UncertainInput::Field::kSalience:
      return "salience";
  }
  return "unknown";
}

Status SensitivityOptions::Validate() const {
  if (samples < 2) {
    return Status::InvalidArgument(fmt::format("samples must be at least 2, got {}", samples));
  }
  if (!(step > 0.0 && step <= 1.0)) {
    return Status::InvalidArgument(fmt::format("step must be in (0, 1], got {}", step));
  }
  if (threads < 1) {
    return Status::InvalidArgument(fmt::format("threads must be at least 1, got {}", threads));
  }
  if (bootstrap < 0) {
    return Status::InvalidArgument(fmt::format("bootstrap must be >= 0, got {}", bootstrap));
  }
  return Status::Ok();
}

namespace {

// The issues to report, as indices; InvalidArgument naming the known ids for an unknown one.
Result<std::vector<std::size_t>> SelectIssues(const Scenario& scenario,
                                              const std::vector<std::string>& ids) {
  std::vector<std::size_t> out;
  if (ids.empty()) {
    for (std::size_t i = 0; i < scenario.issues.size(); ++i) out.push_back(i);
    return out;
  }
  for (const std::string& id : ids) {
    std::optional<std::size_t> i = scenario.FindIssue(id);
    if (!i) return analysis::UnknownIssue(scenario, id);
    if (std::find(out.begin(), out.end(), *i) == out.end()) out.push_back(*i);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// |elasticity| descending (absent last), then |derivative x step| descending, then input order.
void RankElasticities(std::vector<Elasticity>* list) {
  std::stable_sort(list->begin(), list->end(), [](const Elasticity& x, const Elasticity& y) {
    if (x.elasticity.has_value() != y.elasticity.has_value()) return x.elasticity.has_value();
    if (x.elasticity && std::abs(*x.elasticity) != std::abs(*y.elasticity)) {
      return std::abs(*x.elasticity) > std::abs(*y.elasticity);
    }
    return std::abs(x.forecast_high - x.forecast_low) > std::abs(y.forecast_high - y.forecast_low);
  });
}

}  // namespace

Result<SensitivitySummary> RunSensitivity(const Scenario& scenario,
                                          const SensitivityOptions& options) {
  if (Status s = options.Validate(); !s.ok()) return s;
  Result<std::vector<std::size_t>> issues = SelectIssues(scenario, options.issues);
  if (!issues.ok()) return issues.status();
  Result<ForecastEvaluator> evaluator =
      ForecastEvaluator::Create(options.model, options.run, *issues, scenario.issues);
  if (!evaluator.ok()) return evaluator.status();

  Scenario base = scenario;  // the models never read the file text; do not copy it per run
  base.text.clear();
  const std::size_t q = issues->size();

  SensitivitySummary summary;
  summary.model = evaluator->model();
  summary.preset = evaluator->preset();
  summary.seed = options.seed;
  Result<std::vector<double>> f0 = evaluator->Forecasts(base);
  if (!f0.ok()) return f0.status();
  summary.evaluations = 1;

  // One-at-a-time: two runs per input (input at low_value and at high_value).
  const std::vector<analysis::OatInput> inputs = analysis::OatInputs(base, options.step);
  std::vector<double> oat(inputs.size() * 2 * q);
  const long long planned = 1 + static_cast<long long>(inputs.size() * 2) +
                            static_cast<long long>(options.samples) *
                                static_cast<long long>(scenario.uncertain.size() + 2) *
                                (scenario.uncertain.empty() ? 0 : 1);
  auto report = [&](long long offset) {
    return [&options, planned, offset](std::size_t done) {
      if (options.progress) options.progress(offset + static_cast<long long>(done), planned);
    };
  };
  Status oat_status = ParallelFor(
      inputs.size() * 2, options.threads,
      [&](std::size_t e) -> Status {
        const analysis::OatInput& in = inputs[e / 2];
        Scenario s = base;
        analysis::SetValue(s, in.input, e % 2 == 0 ? in.low_value : in.high_value);
        Result<std::vector<double>> f = evaluator->Forecasts(s);
        if (!f.ok()) return f.status();
        std::copy(f->begin(), f->end(), oat.begin() + static_cast<std::ptrdiff_t>(e * q));
        return Status::Ok();
      },
      options.cancelled, report(1));
  if (!oat_status.ok()) return oat_status;
  summary.evaluations += static_cast<long long>(inputs.size() * 2);

  for (std::size_t k = 0; k < q; ++k) {
    const Issue& issue = scenario.issues[(*issues)[k]];
    IssueSensitivity is;
    is.issue = issue.id;
    is.base_forecast = (*f0)[k];
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const analysis::OatInput& in = inputs[i];
      Elasticity el;
      el.input = in.input;
      el.base_value = in.base_value;
      el.step = in.step;
      el.low_value = in.low_value;
      el.high_value = in.high_value;
      el.forecast_low = oat[(2 * i) * q + k];
      el.forecast_high = oat[(2 * i + 1) * q + k];
      const double dx = in.high_value - in.low_value;
      el.derivative = dx > 0.0 ? (el.forecast_high - el.forecast_low) / dx : 0.0;
      // Elasticity with positions and forecasts measured from their scale's lower end.
      const double f_rel = is.base_forecast - issue.scale_min;
      const double x_rel = in.base_value - in.origin;
      if (dx > 0.0 && f_rel != 0.0) el.elasticity = el.derivative * x_rel / f_rel;
      is.elasticities.push_back(el);
    }
    RankElasticities(&is.elasticities);
    summary.issues.push_back(std::move(is));
  }

  // Variance-based indices over the declared uncertain inputs (Saltelli et al. 2010 design):
  // row j of A and B, then row j of each A_B^(i); evaluation e = j * (k + 2) + m.
  const std::size_t k_in = scenario.uncertain.size();
  summary.uncertain_inputs = static_cast<int>(k_in);
  summary.bootstrap = options.bootstrap;
  if (k_in == 0) {
    summary.notes.push_back(
        "no Sobol indices: the scenario declares no uncertain inputs (give positions, saliences "
        "or capabilities as distributions; docs/formats/scenario.md); the elasticities perturb "
        "every position, salience and capability instead");
    return summary;
  }
  const std::size_t n = static_cast<std::size_t>(options.samples);
  summary.samples = options.samples;
  // value(m, j, i): input i's draw in row j of matrix m (0 = A, 1 = B), seeded by counters only.
  auto draw = [&](std::size_t m, std::size_t j, std::size_t i) {
    const std::uint64_t row_seed = ReplicationSeed(options.seed, 2 * j + m);
    return SampleValue(scenario.uncertain[i].distribution, ReplicationSeed(row_seed, i));
  };
  const std::size_t per_row = k_in + 2;
  std::vector<double> out(n * per_row * q);
  Status sobol_status = ParallelFor(
      n * per_row, options.threads,
      [&](std::size_t e) -> Status {
        const std::size_t j = e / per_row, m = e % per_row;
        Scenario s = base;
        for (std::size_t i = 0; i < k_in; ++i) {
          // m = 0: row of A; m = 1: row of B; m = 2 + c: A with column c from B.
          const std::size_t from = (m == 1 || (m >= 2 && m - 2 == i)) ? 1 : 0;
          SetInput(s, scenario.uncertain[i], draw(from, j, i));
        }
        Result<std::vector<double>> f = evaluator->Forecasts(s);
        if (!f.ok()) {
          return Status(f.status().code(), fmt::format("Sobol sample {} (seed {}): {}", j,
                                                       options.seed, f.status().message()));
        }
        std::copy(f->begin(), f->end(), out.begin() + static_cast<std::ptrdiff_t>(e * q));
        return Status::Ok();
      },
      options.cancelled, report(summary.evaluations));
  if (!sobol_status.ok()) return sobol_status;
  summary.evaluations += static_cast<long long>(n * per_row);

  for (std::size_t k = 0; k < q; ++k) {
    std::vector<double> f_a(n), f_b(n);
    std::vector<std::vector<double>> f_ab(k_in, std::vector<double>(n));
    for (std::size_t j = 0; j < n; ++j) {
      f_a[j] = out[(j * per_row + 0) * q + k];
      f_b[j] = out[(j * per_row + 1) * q + k];
      for (std::size_t i = 0; i < k_in; ++i) f_ab[i][j] = out[(j * per_row + 2 + i) * q + k];
    }
    const analysis::SobolEstimate est = analysis::EstimateSobol(
        f_a, f_b, f_ab, options.bootstrap, ReplicationSeed(options.seed ^ 0x5EB01ULL, k));
    IssueSensitivity& is = summary.issues[k];
    is.mean = est.mean;
    is.variance = est.variance;
    for (std::size_t i = 0; i < k_in; ++i) {
      SobolIndex idx;
      idx.input = analysis::FromUncertain(scenario.uncertain[i]);
      idx.first = est.first[i];
      idx.first_low = est.first_low[i];
      idx.first_high = est.first_high[i];
      idx.total = est.total[i];
      idx.total_low = est.total_low[i];
      idx.total_high = est.total_high[i];
      is.sobol.push_back(idx);
    }
    std::stable_sort(is.sobol.begin(), is.sobol.end(),
                     [](const SobolIndex& a, const SobolIndex& b) { return a.total > b.total; });
    if (est.variance == 0.0) {
      summary.notes.push_back("the forecast of '" + is.issue +
                              "' did not vary over the samples; its indices are reported as 0");
    }
  }
  summary.notes.push_back(fmt::format(
      "Sobol indices estimated from N = {} base samples ({} model runs); with small N they are "
      "noisy (first-order indices may even come out negative): read the 95 % bootstrap "
      "intervals ({} resamples) and raise --samples until the ranking is stable",
      n, n * per_row, options.bootstrap));
  return summary;
}

}  // namespace entente
