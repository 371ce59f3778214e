// Table and JSON writers for sensitivity analyses and target searches.
#include "entente/sensitivity_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "io/report_header_json.h"

namespace entente {
namespace {

using Json = nlohmann::ordered_json;

// The span an input's numbers are rounded on: the issue's scale for a position, 1 for a
// salience, the value itself (at least 1) for a capability.
double InputSpan(const Scenario& scenario, const SensitivityInput& in, double value) {
  if (in.field == UncertainInput::Field::kSalience) return 1.0;
  if (in.field == UncertainInput::Field::kCapability) return std::max(1.0, std::abs(value));
  const std::optional<std::size_t> i = scenario.FindIssue(in.issue);
  return i ? scenario.issues[*i].scale_max - scenario.issues[*i].scale_min : 100.0;
}

const Issue* FindIssue(const Scenario& scenario, const std::string& id) {
  const std::optional<std::size_t> i = scenario.FindIssue(id);
  return i ? &scenario.issues[*i] : nullptr;
}

// A signed number rounded for a table, 4 significant digits.
std::string Signed(double v) { return fmt::format("{:+.4g}", v); }

std::string ModelLabel(const std::string& model, const std::string& preset) {
  return preset.empty() ? model : model + " (preset " + preset + ")";
}

// Pretty at the top, one line per member or row (as the other commands' JSON): readable,
// diffable, and short for long runs.
std::string Document(const Json& doc) {
  std::string out = "{";
  bool first = true;
  for (const auto& [key, value] : doc.items()) {
    out += first ? "\n  " : ",\n  ";
    first = false;
    out += Json(key).dump() + ": ";
    if (!value.is_array()) {
      out += value.dump();
      continue;
    }
    out += "[";
    for (std::size_t i = 0; i < value.size(); ++i) {
      out += (i == 0 ? "\n    " : ",\n    ") + value[i].dump();
    }
    out += value.empty() ? "]" : "\n  ]";
  }
  return out + "\n}\n";
}

std::string Footer(const ReportHeader& header) {
  std::string out = fmt::format("Scenario \"{}\" from {} (hash {}), entente {}.\n", header.title,
                                header.scenario_path, header.scenario_hash, header.entente_version);
  std::string options;
  for (const auto& [key, value] : header.options) {
    if (key == "format") continue;
    options += (options.empty() ? "" : ", ") + key + "=" + value;
  }
  if (!options.empty()) out += fmt::format("Options: {}.\n", options);
  return out;
}

Json InputJson(const SensitivityInput& in) {
  return {{"input", DescribeInput(in)},
          {"actor", in.actor},
          {"input_issue", in.issue},
          {"field", InputFieldName(in.field)},
          {"declared", in.declared}};
}

}  // namespace

std::string FormatSensitivityTable(const Scenario& scenario, const SensitivitySummary& summary,
                                   const ReportHeader& header) {
  std::string out = fmt::format("{}: sensitivity of the forecasts\n",
                                header.title.empty() ? "(untitled)" : header.title);
  out += fmt::format("model {}, {} model runs\n\n", ModelLabel(summary.model, summary.preset),
                     summary.evaluations);
  for (const IssueSensitivity& is : summary.issues) {
    const Issue* issue = FindIssue(scenario, is.issue);
    const double span = issue ? issue->scale_max - issue->scale_min : 100.0;
    out += fmt::format("{}: {}\n", is.issue, issue ? issue->label : "");
    out += fmt::format("  forecast on the point inputs: {}\n\n",
                       FormatTableNumber(is.base_forecast, span));
    std::size_t width = 5;
    int silent = 0;
    for (const Elasticity& e : is.elasticities) {
      if (e.forecast_high == e.forecast_low) continue;
      width = std::max(width, DescribeInput(e.input).size());
    }
    out +=
        "  one-at-a-time (central differences; elasticity = dF/dx * x / F, from each "
        "scale's lower end):\n";
    out += fmt::format("  {:>4}  {:<{}}  {:>9}  {:>21}  {:>21}  {:>11}  {:>10}\n", "rank", "input",
                       width, "value", "moved to", "forecast", "dF/dx", "elasticity");
    int rank = 0;
    for (const Elasticity& e : is.elasticities) {
      if (e.forecast_high == e.forecast_low) {
        ++silent;
        continue;
      }
      const double ispan = InputSpan(scenario, e.input, e.base_value);
      out += fmt::format(
          "  {:>4}  {:<{}}  {:>9}  {:>21}  {:>21}  {:>11}  {:>10}\n", ++rank,
          DescribeInput(e.input), width, FormatTableNumber(e.base_value, ispan),
          FormatTableNumber(e.low_value, ispan) + " .. " + FormatTableNumber(e.high_value, ispan),
          FormatTableNumber(e.forecast_low, span) + " .. " +
              FormatTableNumber(e.forecast_high, span),
          Signed(e.derivative), e.elasticity ? Signed(*e.elasticity) : "n/a");
    }
    if (rank == 0) out += "  (no input moved this forecast at the step used)\n";
    if (silent > 0) {
      out += fmt::format(
          "  {} more input{} did not move this forecast at the step used (listed "
          "in the JSON)\n",
          silent, silent == 1 ? "" : "s");
    }
    if (!is.sobol.empty()) {
      std::size_t w = 5;
      for (const SobolIndex& s : is.sobol) w = std::max(w, DescribeInput(s.input).size());
      out += fmt::format(
          "\n  variance-based indices (N = {}, seed {}; first-order: Saltelli et al. 2010, "
          "total: Jansen 1999; [95 % bootstrap interval]):\n",
          summary.samples, summary.seed);
      out += fmt::format("  {:>4}  {:<{}}  {:>24}  {:>24}\n", "rank", "input", w, "first-order",
                         "total");
      int r = 0, inert = 0;
      for (const SobolIndex& s : is.sobol) {
        if (s.first == 0.0 && s.total == 0.0) {
          ++inert;
          continue;
        }
        out +=
            fmt::format("  {:>4}  {:<{}}  {:>24}  {:>24}\n", ++r, DescribeInput(s.input), w,
                        fmt::format("{:.3f} [{:.3f}, {:.3f}]", s.first, s.first_low, s.first_high),
                        fmt::format("{:.3f} [{:.3f}, {:.3f}]", s.total, s.total_low, s.total_high));
      }
      if (inert > 0) {
        out += fmt::format("  {} more input{} never moved this forecast (indices 0)\n", inert,
                           inert == 1 ? "" : "s");
      }
      out += fmt::format("  forecast over the samples: mean {}, sd {}\n",
                         FormatTableNumber(is.mean, span),
                         FormatTableNumber(std::sqrt(is.variance), span));
    }
    out += "\n";
  }
  for (const std::string& note : summary.notes) out += "Note: " + note + ".\n";
  out += fmt::format("Numbers from model {}, seed {}, {} Sobol samples, {} bootstrap resamples.\n",
                     ModelLabel(summary.model, summary.preset), summary.seed, summary.samples,
                     summary.bootstrap);
  out += Footer(header);
  return out;
}

std::string FormatSensitivityJson(const SensitivitySummary& summary, const ReportHeader& header) {
  Json elasticities = Json::array();
  Json sobol = Json::array();
  Json forecasts = Json::array();
  for (const IssueSensitivity& is : summary.issues) {
    Json f = {{"issue", is.issue}, {"base_forecast", is.base_forecast}};
    if (!is.sobol.empty()) {
      f["sample_mean"] = is.mean;
      f["sample_variance"] = is.variance;
    }
    forecasts.push_back(f);
    int rank = 0;
    for (const Elasticity& e : is.elasticities) {
      Json row = {{"issue", is.issue}, {"rank", ++rank}};
      row.update(InputJson(e.input));
      row.update(Json{{"value", e.base_value},
                      {"step", e.step},
                      {"low_value", e.low_value},
                      {"high_value", e.high_value},
                      {"forecast_low", e.forecast_low},
                      {"forecast_high", e.forecast_high},
                      {"derivative", e.derivative},
                      {"elasticity", e.elasticity ? Json(*e.elasticity) : Json(nullptr)}});
      elasticities.push_back(row);
    }
    rank = 0;
    for (const SobolIndex& s : is.sobol) {
      Json row = {{"issue", is.issue}, {"rank", ++rank}};
      row.update(InputJson(s.input));
      row.update(Json{{"first", s.first},
                      {"first_low", s.first_low},
                      {"first_high", s.first_high},
                      {"total", s.total},
                      {"total_low", s.total_low},
                      {"total_high", s.total_high}});
      sobol.push_back(row);
    }
  }
  Json doc = {{"header", ReportHeaderJson(header)},
              {"analysis",
               {{"model", summary.model},
                {"preset", summary.preset},
                {"samples", summary.samples},
                {"seed", summary.seed},
                {"bootstrap", summary.bootstrap},
                {"uncertain_inputs", summary.uncertain_inputs},
                {"evaluations", summary.evaluations}}},
              {"forecasts", forecasts},
              {"elasticities", elasticities},
              {"sobol", sobol},
              {"notes", summary.notes}};
  return Document(doc);
}

std::string FormatTargetTable(const Scenario& scenario, const TargetSummary& summary,
                              const ReportHeader& header) {
  const Issue* issue = FindIssue(scenario, summary.issue);
  const double span = issue ? issue->scale_max - issue->scale_min : 100.0;
  const double fspan = summary.field == UncertainInput::Field::kSalience ? 1.0 : span;
  std::string out = fmt::format("{}: what would take '{}' to {}?\n",
                                header.title.empty() ? "(untitled)" : header.title, summary.issue,
                                FormatTableNumber(summary.target, span));
  out +=
      fmt::format("model {}: forecast today {}; varying each actor's {} alone\n\n",
                  ModelLabel(summary.model, summary.preset),
                  FormatTableNumber(summary.current_forecast, span), InputFieldName(summary.field));
  std::size_t width = 5;
  for (const TargetResult& r : summary.results) width = std::max(width, r.actor.size());
  out += fmt::format("  {:<{}}  {:>9}  {:>9}  {:>9}  {}\n", "actor", width, "today", "needed",
                     "change", "forecast there");
  for (const TargetResult& r : summary.results) {
    if (!r.reachable) {
      out += fmt::format(
          "  {:<{}}  {:>9}  no value in [{}, {}] reaches {}: the forecast stays "
          "within [{}, {}]\n",
          r.actor, width, FormatTableNumber(r.current_value, fspan),
          FormatTableNumber(r.range_low, fspan), FormatTableNumber(r.range_high, fspan),
          FormatTableNumber(summary.target, span), FormatTableNumber(r.reachable_min, span),
          FormatTableNumber(r.reachable_max, span));
      continue;
    }
    std::string change = FormatTableNumber(r.change, fspan);
    if (r.change > 0) change = "+" + change;
    out += fmt::format("  {:<{}}  {:>9}  {:>9}  {:>9}  {}{}\n", r.actor, width,
                       FormatTableNumber(r.current_value, fspan), FormatTableNumber(r.value, fspan),
                       change, FormatTableNumber(r.forecast_at_value, span),
                       r.jump ? " (the forecast jumps past the target here)" : "");
  }
  out += fmt::format("\n{} model runs. Numbers from model {}.\n", summary.evaluations,
                     ModelLabel(summary.model, summary.preset));
  out += Footer(header);
  return out;
}

std::string FormatTargetJson(const TargetSummary& summary, const ReportHeader& header) {
  Json results = Json::array();
  int rank = 0;
  for (const TargetResult& r : summary.results) {
    Json row = {{"rank", ++rank},
                {"actor", r.actor},
                {"field", InputFieldName(summary.field)},
                {"current_value", r.current_value},
                {"range_low", r.range_low},
                {"range_high", r.range_high},
                {"reachable", r.reachable},
                {"value", r.reachable ? Json(r.value) : Json(nullptr)},
                {"change", r.reachable ? Json(r.change) : Json(nullptr)},
                {"forecast_at_value", r.reachable ? Json(r.forecast_at_value) : Json(nullptr)},
                {"jump", r.jump},
                {"reachable_min", r.reachable_min},
                {"reachable_max", r.reachable_max}};
    results.push_back(row);
  }
  Json doc = {{"header", ReportHeaderJson(header)},
              {"target",
               {{"model", summary.model},
                {"preset", summary.preset},
                {"issue", summary.issue},
                {"field", InputFieldName(summary.field)},
                {"target", summary.target},
                {"current_forecast", summary.current_forecast},
                {"evaluations", summary.evaluations}}},
              {"results", results}};
  return Document(doc);
}

}  // namespace entente
