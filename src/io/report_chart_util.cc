#include "io/report_chart_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "io/report_charts.h"

namespace entente::report {

Json OkabeIto() {
  return Json::array({kOkabeBlue, kOkabeVermillion, kOkabeGreen, kOkabePurple, kOkabeOrange,
                      kOkabeSky, "#000000", kOkabeYellow});
}

Json Chart(const std::string& title, const std::string& subtitle) {
  Json spec = {{"$schema", "https://vega.github.io/schema/vega-lite/v6.json"},
               {"title", {{"text", title}}}};
  if (!subtitle.empty()) {
    // Titles do not wrap by themselves: break the subtitle into lines of at most ~105
    // characters at spaces.
    Json lines = Json::array();
    std::string line;
    std::size_t start = 0;
    while (start <= subtitle.size()) {
      std::size_t end = subtitle.find(' ', start);
      if (end == std::string::npos) end = subtitle.size();
      const std::string word = subtitle.substr(start, end - start);
      if (!line.empty() && line.size() + 1 + word.size() > 105) {
        lines.push_back(line);
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
      start = end + 1;
    }
    if (!line.empty()) lines.push_back(line);
    spec["title"]["subtitle"] = lines;
  }
  spec["config"] = BaseConfig();
  return spec;
}

Json ChartOfRows(const std::string& title, const std::string& subtitle, Json values, Json width,
                 Json height) {
  Json spec = Chart(title, subtitle);
  spec["data"] = {{"values", std::move(values)}};
  spec["width"] = std::move(width);
  spec["height"] = std::move(height);
  return spec;
}

Json Step(int pixels) { return {{"step", pixels}}; }

Json Quantitative(const std::string& field) { return {{"field", field}, {"type", "quantitative"}}; }

Json TooltipField(const std::string& field, const std::string& title, const std::string& format) {
  Json entry = {{"field", field}, {"title", title}};
  if (!format.empty()) entry["format"] = format;
  return entry;
}

Json FilterTransform(const std::string& test) { return Json::array({{{"filter", test}}}); }

Json ModelRowAxis(const Json& order) {
  return {{"field", "model"}, {"type", "nominal"}, {"sort", order}, {"title", "Model (preset)"}};
}

Json PositionAxis(const Issue& issue, const std::string& field) {
  return {{"field", field},
          {"type", "quantitative"},
          {"scale", {{"domain", {issue.scale_min, issue.scale_max}}}},
          {"title", "Position: " + ScaleWords(issue)}};
}

void AddReferenceLines(const Issue& issue, const std::string& channel, Json* layers) {
  // One rule per line, dashed differently and labelled in place (no legend needed).
  std::vector<std::tuple<double, std::string, Json>> lines;
  if (issue.status_quo) lines.emplace_back(*issue.status_quo, "status quo", Json{2, 2});
  if (issue.outcome) lines.emplace_back(*issue.outcome, "recorded outcome", Json{8, 4});
  for (const auto& [v, label, dash] : lines) {
    const Json data = {{"values", Json::array({{{"v", v}, {"label", label}}})}};
    const Json pos = Quantitative("v");
    layers->push_back(
        {{"data", data},
         {"mark",
          {{"type", "rule"}, {"color", "#444"}, {"strokeWidth", 1.5}, {"strokeDash", dash}}},
         {"encoding",
          {{channel, pos},
           {"tooltip", {TooltipField("label", "Reference"), TooltipField("v", "Value")}}}}});
    Json text = {{"type", "text"}, {"fontSize", 10}, {"color", "#444"}};
    if (channel == "x") {
      text["y"] = 0;
      text["dy"] = -4;
      text["dx"] = 3;
      text["align"] = "left";
      text["baseline"] = "bottom";
    } else {
      text["x"] = "width";
      text["align"] = "right";
      text["dy"] = -5;
    }
    layers->push_back({{"data", data},
                       {"mark", text},
                       {"encoding", {{channel, pos}, {"text", {{"field", "label"}}}}}});
  }
}

double Compact(double v) {
  if (!std::isfinite(v)) return v;
  return std::stod(fmt::format("{:.6g}", v));
}

Json NameLookup(const Scenario& scenario, const std::string& key) {
  Json names = Json::array();
  for (const Actor& a : scenario.actors) names.push_back({{key, a.id}, {"name", DisplayName(a)}});
  return {{"lookup", key},
          {"from", {{"data", {{"values", names}}}, {"key", key}, {"fields", {"name"}}}}};
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

const ReportSweepStat* FindSweepStat(const ReportSweep& sweep, const std::string& model,
                                     const std::string& issue) {
  for (const ReportSweepStat& st : sweep.stats) {
    if (st.model == model && st.issue == issue) return &st;
  }
  return nullptr;
}

double Quantile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double h = (values.size() - 1) * q;
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - lo) * (values[hi] - values[lo]);
}

}  // namespace entente::report
