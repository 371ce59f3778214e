#include "io/report_chart_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "io/report_charts.h"

namespace entente::report {

Json OkabeIto() {
  return Json::array({kOkabeBlue, kOkabeVermillion, kOkabeGreen, kOkabePurple, kOkabeOrange,
                      kOkabeSky, "#000000", kOkabeYellow});
}

Json Chart(const std::string& title, const std::string& subtitle) {
  Json spec = {{"$schema", "https://vega.github.io/schema/vega-lite/v6.json"},
               {"title", {{"text", title}}}};
  if (!subtitle.empty()) spec["title"]["subtitle"] = subtitle;
  spec["config"] = BaseConfig();
  return spec;
}

Json PositionAxis(const Issue& issue, const std::string& field) {
  return {{"field", field},
          {"type", "quantitative"},
          {"scale", {{"domain", {issue.scale_min, issue.scale_max}}}},
          {"title", "Position: " + ScaleWords(issue)}};
}

void AddReferenceLines(const Issue& issue, const std::string& channel, Json* layers) {
  Json values = Json::array();
  if (issue.status_quo) values.push_back({{"v", *issue.status_quo}, {"label", "status quo"}});
  if (issue.outcome) values.push_back({{"v", *issue.outcome}, {"label", "recorded outcome"}});
  if (values.empty()) return;
  const Json pos = {{"field", "v"}, {"type", "quantitative"}};
  const Json dash = {{"field", "label"},
                     {"type", "nominal"},
                     {"title", "Reference"},
                     {"scale",
                      {{"domain", {"status quo", "recorded outcome"}},
                       {"range", {Json::array({2, 2}), Json::array({8, 4})}}}}};
  layers->push_back(
      {{"data", {{"values", values}}},
       {"mark", {{"type", "rule"}, {"color", "#444"}, {"strokeWidth", 1.5}}},
       {"encoding",
        {{channel, pos},
         {"strokeDash", dash},
         {"tooltip",
          {{{"field", "label"}, {"title", "Reference"}}, {{"field", "v"}, {"title", "Value"}}}}}}});
  Json text = {{"type", "text"}, {"fontSize", 10}, {"color", "#444"}};
  Json enc = {{channel, pos}, {"text", {{"field", "label"}}}};
  if (channel == "x") {
    text["y"] = 0;
    text["dy"] = -4;
    text["angle"] = 0;
    text["align"] = "left";
    text["dx"] = 3;
    text["baseline"] = "bottom";
  } else {
    text["x"] = "width";
    text["align"] = "right";
    text["dy"] = -5;
  }
  layers->push_back({{"data", {{"values", values}}}, {"mark", text}, {"encoding", enc}});
}

const IssueResult* FindIssueResult(const ModelRun& run, const std::string& issue_id) {
  for (const IssueResult& r : run.issues) {
    if (r.issue_id == issue_id) return &r;
  }
  return nullptr;
}

std::string DisplayName(const Actor& actor) { return actor.name.empty() ? actor.id : actor.name; }

std::string ActorName(const Scenario& scenario, const std::string& actor_id) {
  const auto a = scenario.FindActor(actor_id);
  return a ? DisplayName(scenario.actors[*a]) : actor_id;
}

std::vector<double> FinalForecasts(const SweepSummary& sweep, const std::string& model,
                                   const std::string& issue) {
  std::vector<double> out;
  for (const SweepTrace& t : sweep.traces) {
    if (t.model != model || t.issue != issue) continue;
    for (const std::vector<double>& f : t.forecasts) {
      if (!f.empty() && std::isfinite(f.back())) out.push_back(f.back());
    }
  }
  return out;
}

double Quantile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double h = (values.size() - 1) * q;
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - lo) * (values[hi] - values[lo]);
}

}  // namespace entente::report
