// Report charts of the scenario and the models' runs: stances, trajectories, the models side by
// side, and who blocks what under the decision rule.
#include "io/report_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "io/report_chart_util.h"

namespace entente::report {

std::string ModelLabel(const std::string& model, const std::string& preset) {
  return preset.empty() ? model : model + " (" + preset + ")";
}

std::string ScaleWords(const Issue& issue) {
  const std::string lo = issue.min_label.empty() ? "" : " = " + issue.min_label;
  const std::string hi = issue.max_label.empty() ? "" : " = " + issue.max_label;
  return fmt::format("{:g}{} … {:g}{}", issue.scale_min, lo, issue.scale_max, hi);
}

Json BaseConfig() {
  return Json{
      {"font", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
      {"title", {{"anchor", "start"}, {"fontSize", 15}, {"subtitleFontSize", 12}}},
      {"axis", {{"labelFontSize", 11}, {"titleFontSize", 12}, {"labelLimit", 260}}},
      {"legend", {{"labelFontSize", 11}, {"titleFontSize", 12}, {"labelLimit", 260}}},
      {"range", {{"category", OkabeIto()}}},
      {"view", {{"stroke", "#ddd"}}},
  };
}

Json StanceChart(const Scenario& scenario, std::size_t issue_index) {
  const Issue& issue = scenario.issues[issue_index];
  Json values = Json::array();
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    const auto& stance = scenario.stances[issue_index][a];
    if (!stance) continue;
    const Actor& actor = scenario.actors[a];
    values.push_back({{"actor", actor.id},
                      {"name", DisplayName(actor)},
                      {"role", RoleName(actor.role)},
                      {"capability", stance->capability.value_or(actor.capability)},
                      {"position", stance->position},
                      {"salience", stance->salience}});
  }
  Json spec =
      ChartOfRows(fmt::format("{}: where each actor stands and how much it cares", issue.label),
                  "Point area = capability; outsiders (who bargain but never vote) as diamonds",
                  values, kWidth, 260);
  Json layers = Json::array();
  layers.push_back(
      {{"mark", {{"type", "point"}, {"filled", true}, {"opacity", 0.75}, {"stroke", "#222"}}},
       {"encoding",
        {{"x", PositionAxis(issue, "position")},
         {"y",
          {{"field", "salience"},
           {"type", "quantitative"},
           {"scale", {{"domain", {0, 1}}}},
           {"title", "Salience (0 = indifferent … 1 = top priority)"}}},
         {"size",
          {{"field", "capability"},
           {"type", "quantitative"},
           {"title", "Capability"},
           {"scale", {{"range", {30, 900}}}}}},
         {"shape",
          {{"field", "role"},
           {"type", "nominal"},
           {"title", "Role"},
           {"scale", {{"domain", {"member", "outsider"}}, {"range", {"circle", "diamond"}}}}}},
         {"color", {{"value", kOkabeBlue}}},
         {"tooltip",
          {TooltipField("name", "Actor"), TooltipField("position", "Position"),
           TooltipField("salience", "Salience", ".2f"),
           TooltipField("capability", "Capability", ",.4~g"), TooltipField("role", "Role")}}}}});
  layers.push_back({{"mark", {{"type", "text"}, {"dy", -10}, {"fontSize", 9}, {"color", "#333"}}},
                    {"encoding",
                     {{"x", Quantitative("position")},
                      {"y", Quantitative("salience")},
                      {"text", {{"field", "actor"}}}}}});
  AddReferenceLines(issue, "x", &layers);
  spec["layer"] = layers;
  return spec;
}

Json TrajectoryChart(const Scenario& scenario, std::size_t issue_index,
                     const std::vector<ModelRun>& runs) {
  const Issue& issue = scenario.issues[issue_index];
  Json values = Json::array();
  std::vector<std::string> dynamic_models, all_models;
  int max_round = 1;
  for (const ModelRun& run : runs) {
    for (const IssueResult& r : run.issues) {
      if (r.issue_id == issue.id) max_round = std::max<int>(max_round, r.positions.size() - 1);
    }
  }
  for (const ModelRun& run : runs) {
    const IssueResult* r = FindIssueResult(run, issue.id);
    if (r == nullptr) continue;
    const std::string label = ModelLabel(run.model, run.preset);
    all_models.push_back(label);
    if (r->positions.size() > 1) {
      dynamic_models.push_back(label);
      for (std::size_t t = 0; t < r->positions.size(); ++t) {
        for (std::size_t a = 0; a < r->actor_ids.size() && a < r->positions[t].size(); ++a) {
          values.push_back({{"kind", "actor"},
                            {"model", label},
                            {"actor", r->actor_ids[a]},
                            {"round", t},
                            {"position", Compact(r->positions[t][a])}});
        }
      }
    }
    const std::vector<double> path = ForecastPath(*r);
    if (path.size() == 1) {  // a static forecast: the same value at every round
      for (int t : {0, max_round}) {
        values.push_back(
            {{"kind", "forecast"}, {"model", label}, {"round", t}, {"position", path[0]}});
      }
    } else {
      for (std::size_t t = 0; t < path.size(); ++t) {
        values.push_back(
            {{"kind", "forecast"}, {"model", label}, {"round", t}, {"position", Compact(path[t])}});
      }
    }
  }
  Json spec = ChartOfRows(
      fmt::format("{}: positions round by round, and each model's forecast", issue.label),
      dynamic_models.empty()
          ? "No model here bargains in rounds; lines are the static forecasts"
          : "Grey: each actor's position under the model picked below; coloured: "
            "each model's forecast (static models as flat lines)",
      values, kWidth, 320);
  const std::string model_param = "positions_of";
  if (!dynamic_models.empty()) {
    Json options = Json::array();
    for (const std::string& m : dynamic_models) options.push_back(m);
    spec["params"] = Json::array(
        {{{"name", model_param},
          {"value", dynamic_models.front()},
          {"bind",
           {{"input", "select"}, {"options", options}, {"name", "Actor positions under "}}}}});
  }
  const Json x = {{"field", "round"},
                  {"type", "quantitative"},
                  {"title", "Bargaining round (0 = the stated positions)"},
                  {"axis", {{"tickMinStep", 1}, {"format", "d"}}},
                  {"scale", {{"domain", {0, max_round}}}}};
  Json layers = Json::array();
  if (!dynamic_models.empty()) {
    layers.push_back(
        {{"transform",
          {{{"filter", "datum.kind == 'actor' && datum.model == " + model_param}},
           NameLookup(scenario, "actor")}},
         {"mark", {{"type", "line"}, {"strokeWidth", 1}, {"color", "#9a9a9a"}, {"opacity", 0.7}}},
         {"encoding",
          {{"x", x},
           {"y", PositionAxis(issue, "position")},
           {"detail", {{"field", "actor"}}},
           {"tooltip",
            {TooltipField("name", "Actor"), TooltipField("round", "Round"),
             TooltipField("position", "Position", ".4~f")}}}}});
  }
  Json model_domain = Json::array();
  for (const std::string& m : all_models) model_domain.push_back(m);
  layers.push_back({{"transform", FilterTransform("datum.kind == 'forecast'")},
                    {"mark", {{"type", "line"}, {"strokeWidth", 2.5}}},
                    {"encoding",
                     {{"x", x},
                      {"y", Quantitative("position")},
                      {"color",
                       {{"field", "model"},
                        {"type", "nominal"},
                        {"title", "Forecast of"},
                        {"scale", {{"domain", model_domain}}}}},
                      {"strokeDash",
                       {{"field", "model"},
                        {"type", "nominal"},
                        {"title", "Forecast of"},
                        {"scale", {{"domain", model_domain}}}}},
                      {"tooltip",
                       {TooltipField("model", "Model"), TooltipField("round", "Round"),
                        TooltipField("position", "Forecast", ".4~f")}}}}});
  AddReferenceLines(issue, "y", &layers);
  spec["layer"] = layers;
  return spec;
}

Json ModelsChart(const Scenario& scenario, std::size_t issue_index,
                 const std::vector<ModelRun>& runs, const ReportSweep* sweep) {
  const Issue& issue = scenario.issues[issue_index];
  Json values = Json::array();
  Json order = Json::array();
  bool any_interval = false;
  for (const ModelRun& run : runs) {
    const IssueResult* r = FindIssueResult(run, issue.id);
    if (r == nullptr) continue;
    const std::string label = ModelLabel(run.model, run.preset);
    order.push_back(label);
    Json row = {{"model", label},
                {"forecast", r->forecast},
                {"rounds", r->rounds},
                {"stop", StopReasonName(r->stop)}};
    if (issue.outcome) row["error"] = r->forecast - *issue.outcome;
    if (sweep != nullptr) {
      if (const ReportSweepStat* st = FindSweepStat(*sweep, run.model, issue.id)) {
        row["p05"] = st->p05;
        row["p50"] = st->median;
        row["p95"] = st->p95;
        any_interval = true;
      }
    }
    values.push_back(row);
  }
  Json spec = ChartOfRows(
      fmt::format("{}: every model's forecast", issue.label),
      any_interval ? "Dot: forecast at the stated inputs; bar: 5–95 % of the Monte Carlo "
                     "forecasts, tick: their median"
                   : "Dot: forecast at the stated inputs (no sweep given: no intervals)",
      values, kWidth, Step(22));
  const Json y = ModelRowAxis(order);
  Json tooltip = {TooltipField("model", "Model"), TooltipField("forecast", "Forecast", ".4~f"),
                  TooltipField("rounds", "Rounds"), TooltipField("stop", "Stopped")};
  if (issue.outcome) {
    tooltip.push_back(TooltipField("error", "Error vs recorded", "+.2f"));
  }
  if (any_interval) {
    tooltip.push_back(TooltipField("p05", "MC 5 %", ".2f"));
    tooltip.push_back(TooltipField("p95", "MC 95 %", ".2f"));
  }
  Json layers = Json::array();
  if (any_interval) {
    layers.push_back({{"mark", {{"type", "rule"}, {"strokeWidth", 6}, {"opacity", 0.45}}},
                      {"encoding",
                       {{"y", y},
                        {"x", PositionAxis(issue, "p05")},
                        {"x2", {{"field", "p95"}}},
                        {"color", {{"value", kOkabeSky}}},
                        {"tooltip", tooltip}}}});
    layers.push_back({{"mark", {{"type", "tick"}, {"thickness", 2}, {"color", "#000"}}},
                      {"encoding", {{"y", y}, {"x", Quantitative("p50")}, {"tooltip", tooltip}}}});
  }
  layers.push_back(
      {{"mark", {{"type", "point"}, {"filled", true}, {"size", 90}, {"color", kOkabeBlue}}},
       {"encoding", {{"y", y}, {"x", PositionAxis(issue, "forecast")}, {"tooltip", tooltip}}}});
  layers.push_back({{"mark", {{"type", "text"}, {"align", "left"}, {"dx", 8}, {"fontSize", 10}}},
                    {"encoding",
                     {{"y", y},
                      {"x", Quantitative("forecast")},
                      {"text", {{"field", "forecast"}, {"format", ".1f"}}}}}});
  AddReferenceLines(issue, "x", &layers);
  spec["layer"] = layers;
  return spec;
}

Json BlockingChart(const Scenario& scenario, std::size_t issue_index,
                   const std::vector<ForecastSummary>& summaries) {
  const Issue& issue = scenario.issues[issue_index];
  Json values = Json::array();
  Json order = Json::array();
  std::string rule;
  for (const ForecastSummary& s : summaries) {
    if (!s.decision) continue;
    const DecisionOutcome& d = *s.decision;
    rule = d.rule;
    const std::string label = ModelLabel(s.model, s.preset);
    order.push_back(label);
    std::string blockers;
    for (const Blocker& b : d.blockers) {
      blockers += (blockers.empty() ? "" : ", ") + ActorName(scenario, b.actor_id);
    }
    values.push_back({{"kind", "winset"},
                      {"model", label},
                      {"low", d.win_low},
                      {"high", d.win_high},
                      {"compromise", d.compromise},
                      {"outcome", d.outcome},
                      {"blockers", blockers.empty() ? "nobody" : blockers},
                      {"verdict", d.message}});
    for (const Blocker& b : d.blockers) {
      values.push_back({{"kind", "blocker"},
                        {"model", label},
                        {"actor", b.actor_id},
                        {"name", ActorName(scenario, b.actor_id)},
                        {"limit", b.accepts_up_to},
                        {"position", b.position},
                        {"who", b.veto ? "veto player" : "member"}});
    }
  }
  Json spec = ChartOfRows(
      fmt::format("{}: who blocks what under {}", issue.label, rule),
      "Bar: what the rule lets pass from each model's final positions (the win-set); diamond: "
      "the compromise; circle: the rule's outcome; triangles: how far each blocker would go",
      values, kWidth, Step(26));
  const Json y = ModelRowAxis(order);
  Json layers = Json::array();
  layers.push_back({{"transform", FilterTransform("datum.kind == 'winset'")},
                    {"mark", {{"type", "bar"}, {"height", 10}, {"color", kOkabeSky}}},
                    {"encoding",
                     {{"y", y},
                      {"x", PositionAxis(issue, "low")},
                      {"x2", {{"field", "high"}}},
                      {"tooltip",
                       {TooltipField("model", "Model"), TooltipField("low", "Win-set from", ".4~f"),
                        TooltipField("high", "to", ".4~f"), TooltipField("blockers", "Blocked by"),
                        TooltipField("verdict", "Verdict")}}}}});
  layers.push_back(
      {{"transform", FilterTransform("datum.kind == 'blocker'")},
       {"mark",
        {{"type", "point"},
         {"shape", "triangle-down"},
         {"filled", true},
         {"size", 70},
         {"yOffset", -9}}},
       {"encoding",
        {{"y", y},
         {"x", Quantitative("limit")},
         {"color",
          {{"field", "who"},
           {"type", "nominal"},
           {"title", "Blocker"},
           {"scale",
            {{"domain", {"member", "veto player"}}, {"range", {kOkabeVermillion, "#000"}}}}}},
         {"tooltip",
          {TooltipField("name", "Blocker"), TooltipField("who", "As"),
           TooltipField("position", "Final position", ".4~f"),
           TooltipField("limit", "Accepts up to", ".4~f")}}}}});
  layers.push_back({{"transform", FilterTransform("datum.kind == 'winset'")},
                    {"mark",
                     {{"type", "point"},
                      {"shape", "diamond"},
                      {"filled", true},
                      {"size", 80},
                      {"color", kOkabeOrange}}},
                    {"encoding",
                     {{"y", y},
                      {"x", Quantitative("compromise")},
                      {"tooltip", {TooltipField("compromise", "Compromise", ".4~f")}}}}});
  layers.push_back({{"transform", FilterTransform("datum.kind == 'winset'")},
                    {"mark",
                     {{"type", "point"},
                      {"shape", "circle"},
                      {"filled", false},
                      {"strokeWidth", 2},
                      {"size", 120},
                      {"color", "#000"}}},
                    {"encoding",
                     {{"y", y},
                      {"x", Quantitative("outcome")},
                      {"tooltip", {TooltipField("outcome", "Rule's outcome", ".4~f")}}}}});
  AddReferenceLines(issue, "x", &layers);
  spec["layer"] = layers;
  return spec;
}

}  // namespace entente::report
