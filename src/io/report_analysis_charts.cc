// Report charts of the analyses around a run: Monte Carlo outcome distribution and threshold
// probabilities, sensitivity (tornado), and the expected utility model's perception map.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "io/report_chart_util.h"
#include "io/report_charts.h"

namespace entente::report {

namespace {

// The sweep's statistics on the issue, in the sweep's order.
std::vector<const ReportSweepStat*> StatsOn(const ReportSweep& sweep, const std::string& issue) {
  std::vector<const ReportSweepStat*> out;
  for (const ReportSweepStat& st : sweep.stats) {
    if (st.issue == issue) out.push_back(&st);
  }
  return out;
}

}  // namespace

Json OutcomeHistogram(const Scenario& scenario, std::size_t issue_index, const ReportSweep& sweep) {
  const Issue& issue = scenario.issues[issue_index];
  Json values = Json::array();
  Json order = Json::array();
  for (const ReportSweepStat* st : StatsOn(sweep, issue.id)) {
    const std::string label = ModelLabel(st->model, st->preset);
    order.push_back(label);
    for (std::size_t k = 0; k < st->histogram.size() && k + 1 < st->bin_edges.size(); ++k) {
      values.push_back(
          {{"model", label},
           {"bin_start", st->bin_edges[k]},
           {"bin_end", st->bin_edges[k + 1]},
           {"count", st->histogram[k]},
           {"share", st->n == 0 ? 0.0 : static_cast<double>(st->histogram[k]) / st->n}});
    }
  }
  Json spec = Chart(fmt::format("{}: distribution of the forecast over {} Monte Carlo draws",
                                issue.label, sweep.samples),
                    "Share of the replications whose final forecast falls in each bin");
  spec["data"] = {{"values", values}};
  Json row = ModelRowAxis(order);
  row["header"] = {{"labelAngle", 0}, {"labelAlign", "left"}};
  spec["facet"] = {{"row", row}};
  // Binned already: "binned" makes the bars stand on the axis from bin_start to bin_end.
  Json x = {{"field", "bin_start"},
            {"type", "quantitative"},
            {"bin", {{"binned", true}}},
            {"scale", {{"domain", {issue.scale_min, issue.scale_max}}}},
            {"title", "Forecast: " + ScaleWords(issue)}};
  spec["spec"] = {
      {"width", kWidth - 120},
      {"height", 90},
      {"mark", {{"type", "bar"}, {"color", kOkabeBlue}, {"stroke", "#fff"}, {"strokeWidth", 0.5}}},
      {"encoding",
       {{"x", x},
        {"x2", {{"field", "bin_end"}}},
        {"y",
         {{"field", "share"},
          {"type", "quantitative"},
          {"axis", {{"format", ".0%"}}},
          {"title", "Share of draws"}}},
        {"tooltip",
         {TooltipField("bin_start", "From", ".4~f"), TooltipField("bin_end", "To", ".4~f"),
          TooltipField("count", "Draws"), TooltipField("share", "Share", ".1%")}}}}};
  return spec;
}

Json ThresholdChart(const Scenario& scenario, std::size_t issue_index, const ReportSweep& sweep) {
  const Issue& issue = scenario.issues[issue_index];
  Json values = Json::array();
  Json order = Json::array();
  Json models = Json::array();
  for (const ReportSweepStat* st : StatsOn(sweep, issue.id)) {
    const std::string label = ModelLabel(st->model, st->preset);
    models.push_back(label);
    for (std::size_t k = 0; k < st->thresholds.size() && k < st->threshold_probability.size();
         ++k) {
      if (std::find(order.begin(), order.end(), st->thresholds[k]) == order.end()) {
        order.push_back(st->thresholds[k]);
      }
      values.push_back({{"model", label},
                        {"threshold", st->thresholds[k]},
                        {"probability", st->threshold_probability[k]},
                        {"draws", st->n}});
    }
  }
  Json spec = ChartOfRows(
      fmt::format("{}: probability that the forecast passes a threshold", issue.label),
      "Share of the Monte Carlo draws whose final forecast passes each threshold (scale: " +
          ScaleWords(issue) + ")",
      values, kWidth, Step(14));
  spec["mark"] = {{"type", "bar"}};
  spec["encoding"] = {
      {"y", {{"field", "threshold"}, {"type", "nominal"}, {"sort", order}, {"title", "Threshold"}}},
      {"yOffset", {{"field", "model"}, {"sort", models}}},
      {"x",
       {{"field", "probability"},
        {"type", "quantitative"},
        {"scale", {{"domain", {0, 1}}}},
        {"axis", {{"format", ".0%"}}},
        {"title", "Probability (share of draws)"}}},
      {"color", {{"field", "model"}, {"type", "nominal"}, {"sort", models}, {"title", "Model"}}},
      {"tooltip",
       {TooltipField("model", "Model"), TooltipField("threshold", "Threshold"),
        TooltipField("probability", "Probability", ".1%"), TooltipField("draws", "Draws")}}};
  return spec;
}

Json TornadoChart(const Scenario& scenario, std::size_t issue_index,
                  const ReportSensitivity& sensitivity) {
  const Issue& issue = scenario.issues[issue_index];
  std::vector<const ReportSensitivityBar*> bars;
  for (const ReportSensitivityBar& b : sensitivity.bars) {
    if (b.issue == issue.id) bars.push_back(&b);
  }
  std::stable_sort(bars.begin(), bars.end(),
                   [](const ReportSensitivityBar* a, const ReportSensitivityBar* b) {
                     return std::abs(a->forecast_high - a->forecast_low) >
                            std::abs(b->forecast_high - b->forecast_low);
                   });
  Json values = Json::array();
  Json order = Json::array();
  double base = 0.0;
  for (const ReportSensitivityBar* b : bars) {
    order.push_back(b->input);
    base = b->forecast_base;
    for (int end = 0; end < 2; ++end) {
      values.push_back({{"input", b->input},
                        {"end", end == 0 ? "input at its low end" : "input at its high end"},
                        {"input_value", end == 0 ? b->input_low : b->input_high},
                        {"base", b->forecast_base},
                        {"forecast", end == 0 ? b->forecast_low : b->forecast_high}});
    }
  }
  Json spec = ChartOfRows(
      fmt::format("{}: which inputs move the forecast most", issue.label),
      fmt::format("{}, {}; bars run from the forecast at the stated inputs ({:.4g}) "
                  "to the forecast with one input at an end of its range",
                  ModelLabel(sensitivity.model, sensitivity.preset), sensitivity.method, base),
      values, kWidth - 120, Step(18));
  const Json y = {{"field", "input"}, {"type", "nominal"}, {"sort", order}, {"title", "Input"}};
  Json layers = Json::array();
  layers.push_back({{"mark", {{"type", "bar"}, {"height", 12}}},
                    {"encoding",
                     {{"y", y},
                      {"x", PositionAxis(issue, "base")},
                      {"x2", {{"field", "forecast"}}},
                      {"color",
                       {{"field", "end"},
                        {"type", "nominal"},
                        {"title", "Forecast with the"},
                        {"scale",
                         {{"domain", {"input at its low end", "input at its high end"}},
                          {"range", {kOkabeVermillion, kOkabeBlue}}}}}},
                      {"tooltip",
                       {TooltipField("input", "Input"), TooltipField("end", "Set to"),
                        TooltipField("input_value", "Input value", ".4~g"),
                        TooltipField("forecast", "Forecast", ".4~f")}}}}});
  layers.push_back({{"mark", {{"type", "rule"}, {"color", "#000"}}},
                    {"encoding", {{"x", {{"datum", base}, {"type", "quantitative"}}}}}});
  spec["layer"] = layers;
  return spec;
}

Json PerceptionChart(const Scenario& scenario, std::size_t issue_index, const IssueResult& result,
                     int max_rounds) {
  const Issue& issue = scenario.issues[issue_index];
  Json values = Json::array();
  double extent = 0.0;
  int last_round = 0;
  std::set<std::string> actors;
  for (const Interaction& x : result.interactions) {
    if (x.round > max_rounds || x.kind == "none") continue;
    last_round = std::max(last_round, x.round);
    actors.insert(x.actor);
    extent = std::max({extent, std::abs(x.eu_actor), std::abs(x.eu_counterpart)});
    values.push_back({{"r", x.round},
                      {"a", x.actor},
                      {"c", x.counterpart},
                      {"x", Compact(x.eu_actor)},
                      {"y", Compact(x.eu_counterpart)},
                      {"k", x.kind},
                      {"p", Compact(x.probability)},
                      {"to", Compact(x.to)},
                      {"acc", x.accepted ? "yes" : "no"}});
  }
  if (extent <= 0.0) extent = 1.0;
  extent *= 1.05;
  // Default view: the actor with the largest capability × salience on the issue.
  std::string first;
  double weight = -1.0;
  Json options = Json::array(), labels = Json::array();
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    const Actor& actor = scenario.actors[a];
    if (!actors.count(actor.id)) continue;
    options.push_back(actor.id);
    labels.push_back(DisplayName(actor));
    const auto& s = scenario.stances[issue_index][a];
    const double w = s ? s->capability.value_or(actor.capability) * s->salience : 0.0;
    if (w > weight) weight = w, first = actor.id;
  }
  Json spec = ChartOfRows(
      fmt::format("{}: how each actor sees the challenges it faces", issue.label),
      "One point per counterpart: x = the actor's expected utility of challenging it, y = the "
      "counterpart's expected utility of challenging the actor, as the actor perceives it",
      values, 420, 420);
  spec["params"] = Json::array(
      {{{"name", "actor"},
        {"value", first},
        {"bind",
         {{"input", "select"}, {"options", options}, {"labels", labels}, {"name", "Actor "}}}},
       {{"name", "round"},
        {"value", 1},
        {"bind",
         {{"input", "range"},
          {"min", 1},
          {"max", std::max(1, last_round)},
          {"step", 1},
          {"name", "Round "}}}}});
  const Json scale = {{"domain", {-extent, extent}}, {"nice", false}};
  const Json kinds = {"conflict", "compromise", "capitulation", "advantage", "stalemate"};
  Json layers = Json::array();
  // Quadrant boundaries: the axes and, in the upper-left quadrant, b = |a| (Scholz et al. 2011
  // Fig. 6: above it the actor compromises, below it the actor capitulates).
  layers.push_back({{"data",
                     {{"values",
                       {{{"x", -extent}, {"y", 0}, {"x2", extent}, {"y2", 0}},
                        {{"x", 0}, {"y", -extent}, {"x2", 0}, {"y2", extent}},
                        {{"x", -extent}, {"y", extent}, {"x2", 0}, {"y2", 0}}}}}},
                    {"mark", {{"type", "rule"}, {"color", "#888"}, {"strokeDash", {3, 3}}}},
                    {"encoding",
                     {{"x", {{"field", "x"}, {"type", "quantitative"}, {"scale", scale}}},
                      {"y", {{"field", "y"}, {"type", "quantitative"}, {"scale", scale}}},
                      {"x2", {{"field", "x2"}}},
                      {"y2", {{"field", "y2"}}}}}});
  const double e = extent;
  layers.push_back(
      {{"data",
        {{"values",
          {{{"x", 0.5 * e}, {"y", 0.92 * e}, {"t", "conflict"}},
           {{"x", -0.3 * e}, {"y", 0.92 * e}, {"t", "compromise"}},
           {{"x", -0.7 * e}, {"y", 0.15 * e}, {"t", "capitulation"}},
           {{"x", 0.5 * e}, {"y", -0.92 * e}, {"t", "advantage"}},
           {{"x", -0.5 * e}, {"y", -0.92 * e}, {"t", "stalemate"}}}}}},
       {"mark", {{"type", "text"}, {"fontSize", 12}, {"fontWeight", "bold"}, {"color", "#666"}}},
       {"encoding",
        {{"x", Quantitative("x")}, {"y", Quantitative("y")}, {"text", {{"field", "t"}}}}}});
  layers.push_back(
      {{"transform",
        {{{"filter", "datum.a == actor && datum.r == round"}}, NameLookup(scenario, "c")}},
       {"mark",
        {{"type", "point"}, {"filled", true}, {"size", 60}, {"opacity", 0.85}, {"clip", true}}},
       {"encoding",
        {{"x",
          {{"field", "x"},
           {"type", "quantitative"},
           {"scale", scale},
           {"title", "Actor's expected utility of challenging the counterpart"}}},
         {"y",
          {{"field", "y"},
           {"type", "quantitative"},
           {"scale", scale},
           {"title", "Counterpart's expected utility of challenging the actor"}}},
         {"color",
          {{"field", "k"},
           {"type", "nominal"},
           {"title", "Quadrant"},
           {"scale",
            {{"domain", kinds},
             {"range", {kOkabeVermillion, kOkabeBlue, kOkabePurple, kOkabeGreen, "#777777"}}}}}},
         {"shape",
          {{"field", "k"},
           {"type", "nominal"},
           {"title", "Quadrant"},
           {"scale",
            {{"domain", kinds},
             {"range", {"circle", "square", "triangle-up", "diamond", "cross"}}}}}},
         {"tooltip",
          {TooltipField("name", "Counterpart"), TooltipField("k", "Quadrant"),
           TooltipField("x", "EU(actor)", "+.4f"), TooltipField("y", "EU(counterpart)", "+.4f"),
           TooltipField("p", "P(actor wins)", ".3f"),
           TooltipField("to", "Offer moves actor to", ".4~f"),
           TooltipField("acc", "Accepted")}}}}});
  spec["layer"] = layers;
  return spec;
}

}  // namespace entente::report
