// Pieces shared by the report's chart builders (io/report_charts.h): the palette, the position
// axis in the issue's words, reference lines, look-ups and quantiles.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "entente/html_report.h"
#include "entente/model.h"
#include "entente/scenario.h"

namespace entente::report {

using Json = nlohmann::ordered_json;

// Chart width in pixels (fits an A4 page in portrait at the print stylesheet's scale).
inline constexpr int kWidth = 640;

// Okabe & Ito (2002), "Color Universal Design": safe for protanopia, deuteranopia, tritanopia.
inline constexpr char kOkabeOrange[] = "#E69F00";
inline constexpr char kOkabeSky[] = "#56B4E9";
inline constexpr char kOkabeGreen[] = "#009E73";
inline constexpr char kOkabeYellow[] = "#F0E442";
inline constexpr char kOkabeBlue[] = "#0072B2";
inline constexpr char kOkabeVermillion[] = "#D55E00";
inline constexpr char kOkabePurple[] = "#CC79A7";
// The palette in the order categories take it (yellow last: weakest on white paper).
Json OkabeIto();

// A spec skeleton: schema, title with subtitle, shared config.
Json Chart(const std::string& title, const std::string& subtitle);

// Chart(title, subtitle) over inline rows: then "data" {"values": values}, "width" and
// "height" (pixels, or Step(n) for n pixels per band of a nominal axis).
Json ChartOfRows(const std::string& title, const std::string& subtitle, Json values, Json width,
                 Json height);

// {"step": pixels}: a height or width given per band of a nominal axis.
Json Step(int pixels);

// {"field": field, "type": "quantitative"}: a bare quantitative encoding.
Json Quantitative(const std::string& field);

// A tooltip entry: {"field": field, "title": title} and "format" when not empty (d3-format).
Json TooltipField(const std::string& field, const std::string& title,
                  const std::string& format = "");

// A layer's "transform": one filter on a Vega expression, e.g. "datum.kind == 'winset'".
Json FilterTransform(const std::string& test);

// The nominal axis of one band per model, labelled as ModelLabel writes them, in `order`.
Json ModelRowAxis(const Json& order);

// A quantitative encoding of `field` on the issue's scale, titled with the scale's words.
Json PositionAxis(const Issue& issue, const std::string& field);

// Appends rule + label layers for the issue's status quo and recorded outcome (when known) on
// channel "x" or "y".
void AddReferenceLines(const Issue& issue, const std::string& channel, Json* layers);

// `v` to 6 significant digits: plenty for a chart and its tooltips, and half the page size.
double Compact(double v);

// A Vega-Lite lookup transform adding "name" (the actor's display name) to rows whose `key`
// field holds an actor id (so that rows need not repeat the names).
Json NameLookup(const Scenario& scenario, const std::string& key);

// The run's result on the issue, or nullptr.
const IssueResult* FindIssueResult(const ModelRun& run, const std::string& issue_id);

// The actor's display name (its id when it has none).
std::string DisplayName(const Actor& actor);
std::string ActorName(const Scenario& scenario, const std::string& actor_id);

// The sweep's statistics of `model` on `issue`, or nullptr.
const ReportSweepStat* FindSweepStat(const ReportSweep& sweep, const std::string& model,
                                     const std::string& issue);

// Linear-interpolation quantile (Hyndman & Fan 1996, type 7, as numpy's default).
// REQUIRES: values non-empty, 0 <= q <= 1.
double Quantile(std::vector<double> values, double q);

}  // namespace entente::report
