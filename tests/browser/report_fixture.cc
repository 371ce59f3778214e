// A test fixture for the browser test: writes an HTML report with every section filled, so that
// the sections `entente report` shows only with a sweep or a sensitivity analysis are drawn in
// the browser too. The sweep and the sensitivity bars come from real model runs on perturbed
// copies of the scenario (a small, fixed perturbation scheme written here, not `entente sweep`);
// the captions say so.
//
// usage: entente_report_fixture SCENARIO.yaml OUT.html
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/splitmix64.h"
#include "entente/html_report.h"
#include "entente/io.h"
#include "entente/model.h"
#include "entente/report_format.h"

namespace entente {
namespace {

constexpr int kReplications = 40;
const char* const kSweepModels[] = {"eum", "compromise", "weighted-median"};

Result<ModelRun> RunModel(const std::string& name, const Scenario& s, bool detail) {
  Result<const ModelInfo*> info = FindModel(name);
  if (!info.ok()) return info.status();
  RunOptions options;
  options.record_detail = detail;
  Result<ModelRun> run = (*info)->create()->Run(s, options);
  if (run.ok() && run->preset.empty() && !(*info)->presets.empty()) {
    run->preset = (*info)->presets.front().name;
  }
  return run;
}

// Replication r: every capability × U(0.7, 1.3), every salience ± U(0, 0.15) and every position
// ± U(0, 10 % of the scale), clamped.
Scenario Perturbed(const Scenario& base, int r) {
  Scenario s = base;
  SplitMix64 rng(0x5EEDULL + static_cast<std::uint64_t>(r));
  for (Actor& a : s.actors) a.capability *= 0.7 + 0.6 * rng.Uniform();
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    const Issue& issue = s.issues[i];
    const double span = issue.scale_max - issue.scale_min;
    for (auto& st : s.stances[i]) {
      if (!st) continue;
      st->salience = std::clamp(st->salience + 0.3 * (rng.Uniform() - 0.5), 0.0, 1.0);
      st->position = std::clamp(st->position + 0.2 * span * (rng.Uniform() - 0.5), issue.scale_min,
                                issue.scale_max);
    }
  }
  return s;
}

// The statistics `entente sweep` keeps, computed here from the fixture's replications: type-7
// quantiles, 20 equal bins over the scale, and the probabilities of passing the status quo and
// the scale's midpoint.
ReportSweepStat Summarize(const std::string& model, const std::string& preset, const Issue& issue,
                          std::vector<double> x) {
  std::sort(x.begin(), x.end());
  auto quantile = [&](double p) {
    const double h = (x.size() - 1) * p;
    const std::size_t lo = static_cast<std::size_t>(h);
    const std::size_t hi = std::min(lo + 1, x.size() - 1);
    return x[lo] + (h - lo) * (x[hi] - x[lo]);
  };
  ReportSweepStat st;
  st.model = model;
  st.preset = preset;
  st.issue = issue.id;
  st.n = x.size();
  st.p05 = quantile(0.05);
  st.median = quantile(0.5);
  st.p95 = quantile(0.95);
  constexpr int kBins = 20;
  const double width = (issue.scale_max - issue.scale_min) / kBins;
  st.histogram.assign(kBins, 0);
  for (int k = 0; k <= kBins; ++k) st.bin_edges.push_back(issue.scale_min + k * width);
  for (double v : x) {
    const int k = std::min(kBins - 1, static_cast<int>((v - issue.scale_min) / width));
    ++st.histogram[std::max(0, k)];
  }
  std::vector<std::pair<std::string, double>> thresholds;
  if (issue.status_quo)
    thresholds.push_back({fmt::format("{}>{:g}", issue.id, *issue.status_quo), *issue.status_quo});
  const double mid = 0.5 * (issue.scale_min + issue.scale_max);
  thresholds.push_back({fmt::format("{}>={:g}", issue.id, mid), mid});
  for (std::size_t k = 0; k < thresholds.size(); ++k) {
    const bool strict = issue.status_quo && k == 0;
    const double t = thresholds[k].second;
    const auto hits =
        std::count_if(x.begin(), x.end(), [&](double v) { return strict ? v > t : v >= t; });
    st.thresholds.push_back(thresholds[k].first);
    st.threshold_probability.push_back(static_cast<double>(hits) / x.size());
  }
  return st;
}

Status Write(const std::string& scenario_path, const std::string& out) {
  Result<Scenario> loaded = LoadScenario(scenario_path);
  if (!loaded.ok()) return loaded.status();
  const Scenario& scenario = *loaded;
  HtmlReportInput input;
  input.scenario = &scenario;
  for (const ModelInfo& info : ModelRegistry()) {
    Result<ModelRun> run = RunModel(info.name, scenario, info.name == "eum");
    if (run.ok()) {
      input.runs.push_back(std::move(run).value());
    } else {
      input.not_run.emplace_back(info.name, run.status().message());
    }
  }

  ReportSweep sweep;
  sweep.run_id = "fixture";
  sweep.seed = 0x5EED;
  sweep.samples = kReplications;
  sweep.description =
      "test fixture: capabilities × U(0.7, 1.3), saliences ± 0.15, positions ± 10 % of the scale";
  for (const char* model : kSweepModels) {
    std::vector<std::vector<double>> finals(scenario.issues.size());  // [issue][replication]
    std::string preset;
    for (int r = 0; r < kReplications; ++r) {
      Result<ModelRun> run = RunModel(model, Perturbed(scenario, r), false);
      if (!run.ok()) return run.status();
      preset = run->preset;
      for (std::size_t i = 0; i < run->issues.size(); ++i) {
        finals[i].push_back(run->issues[i].forecast);
      }
    }
    for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
      sweep.stats.push_back(Summarize(model, preset, scenario.issues[i], finals[i]));
    }
  }
  input.sweep = std::move(sweep);

  // Sensitivity of eum: each of the eight heaviest actors' positions ± 10 % of the scale.
  ReportSensitivity sa;
  sa.model = "eum";
  sa.preset = "bdm";
  sa.method = "test fixture: one position at a time moved ± 10 % of the scale";
  Result<ModelRun> base = RunModel("eum", scenario, false);
  if (!base.ok()) return base.status();
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    const Issue& issue = scenario.issues[i];
    std::vector<std::pair<double, std::size_t>> weight;
    for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
      if (const auto& st = scenario.stances[i][a]) {
        weight.push_back({-scenario.actors[a].capability * st->salience, a});
      }
    }
    std::sort(weight.begin(), weight.end());
    weight.resize(std::min<std::size_t>(weight.size(), 8));
    const double step = 0.1 * (issue.scale_max - issue.scale_min);
    for (const auto& [w, a] : weight) {
      ReportSensitivityBar bar;
      bar.issue = issue.id;
      bar.input = "position of " + scenario.actors[a].id;
      bar.forecast_base = base->issues[i].forecast;
      const double x = scenario.stances[i][a]->position;
      for (int end = 0; end < 2; ++end) {
        Scenario s = scenario;
        const double v =
            std::clamp(x + (end == 0 ? -step : step), issue.scale_min, issue.scale_max);
        s.stances[i][a]->position = v;
        Result<ModelRun> run = RunModel("eum", s, false);
        if (!run.ok()) return run.status();
        (end == 0 ? bar.input_low : bar.input_high) = v;
        (end == 0 ? bar.forecast_low : bar.forecast_high) = run->issues[i].forecast;
      }
      sa.bars.push_back(bar);
    }
  }
  input.sensitivity = std::move(sa);
  input.header = MakeReportHeader(scenario, {{"fixture", "tests/browser/report_fixture.cc"}},
                                  "entente_report_fixture " + scenario_path);
  Result<std::string> page = FormatHtmlReport(input);
  if (!page.ok()) return page.status();
  return WriteFileAtomically(out, *page);
}

}  // namespace
}  // namespace entente

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: entente_report_fixture SCENARIO.yaml OUT.html\n");
    return 2;
  }
  const entente::Status s = entente::Write(argv[1], argv[2]);
  if (!s.ok()) {
    std::fprintf(stderr, "entente_report_fixture: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}
