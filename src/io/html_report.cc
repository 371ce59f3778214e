// The HTML report: page layout, tables, notes for absent sections, and the script that draws
// every chart with the embedded Vega-Lite (include/entente/html_report.h).
#include "entente/html_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "entente/sweep.h"
#include "io/report_assets.h"
#include "io/report_chart_util.h"
#include "io/report_charts.h"

namespace entente {

namespace {

using report::Json;

constexpr char kStyle[] = R"css(
:root { --fg: #1a1a1a; --muted: #555; --rule: #d9d9d9; --accent: #0072B2; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
       max-width: 1020px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid var(--accent); }
h3 { margin-top: 1.8rem; }
.meta, figcaption, .provenance { color: var(--muted); font-size: 12.5px; }
table { border-collapse: collapse; font-size: 13px; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .25rem .55rem; text-align: left; vertical-align: top; }
th { background: #f3f6f9; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1.4rem 0 2rem; break-inside: avoid; page-break-inside: avoid; }
.chart { min-height: 60px; }
.note { border-left: 4px solid #E69F00; background: #fff8e6; padding: .5rem .8rem; margin: 1rem 0; font-size: 14px; }
nav ul { columns: 2; font-size: 14px; } code { font-size: 12.5px; }
.vega-bindings { font-size: 13px; margin-top: .3rem; } .vega-bind { display: inline-block; margin-right: 1.2rem; }
@media print {
  nav, .vega-actions, .vega-bindings, details.licenses { display: none !important; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  section.issue { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
  h2 { border-bottom-color: #000; }
  .note { background: none; border-left-color: #000; }
}
)css";

// Runs `document.body` through every chart: embed, mark rendered (data-rendered), report
// failures on the console and in place of the chart.
constexpr char kDrawScript[] = R"js(
(function () {
  var charts = JSON.parse(document.getElementById('entente-charts').textContent);
  var options = {renderer: 'svg', actions: {export: true, source: true, compiled: false, editor: false}};
  Promise.all(charts.map(function (c) {
    var el = document.getElementById(c.id);
    return vegaEmbed(el, c.spec, options).then(function () {
      el.setAttribute('data-rendered', 'true');
    }).catch(function (err) {
      el.setAttribute('data-rendered', 'error');
      el.textContent = 'This chart could not be drawn: ' + err;
      console.error('entente report: chart ' + c.id + ' failed: ' + err);
    });
  })).then(function () { document.body.setAttribute('data-charts-done', String(charts.length)); });
})();
)js";

std::string Escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Num(double v) { return fmt::format("{:.4g}", v); }

// JSON that is safe inside <script>: every '<' (only possible inside strings) as \u003c.
std::string ScriptSafeJson(const Json& j) {
  const std::string text = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

class Page {
 public:
  explicit Page(const HtmlReportInput& in) : in_(in), s_(*in.scenario) {}

  std::string Build();

 private:
  void Figure(const std::string& id, Json spec, const std::string& made_by,
              const std::string& extra = "");
  void Note(const std::string& text) { body_ += "<p class=\"note\">" + Escape(text) + "</p>\n"; }
  std::string Inputs() const;
  std::string ModelsMadeBy(const std::vector<ModelRun>& runs) const;
  void ScenarioSection();
  void SummarySection(const std::vector<ForecastSummary>& summaries);
  void IssueSection(std::size_t i, const std::vector<ForecastSummary>& summaries);

  const HtmlReportInput& in_;
  const Scenario& s_;
  std::string body_;
  std::string nav_;
  Json charts_ = Json::array();
};

std::string Page::Inputs() const {
  const ReportHeader& h = in_.header;
  std::string events;
  if (auto it = h.options.find("events"); it != h.options.end()) events = "; events: " + it->second;
  return fmt::format("inputs: {} (hash {}){}; entente {}", h.scenario_path, h.scenario_hash, events,
                     h.entente_version);
}

std::string Page::ModelsMadeBy(const std::vector<ModelRun>& runs) const {
  std::string out;
  for (const ModelRun& r : runs) {
    out +=
        (out.empty() ? "" : ", ") + (r.preset.empty() ? r.model : r.model + " preset " + r.preset);
  }
  return "models: " + out;
}

void Page::Figure(const std::string& id, Json spec, const std::string& made_by,
                  const std::string& extra) {
  charts_.push_back({{"id", id}, {"spec", std::move(spec)}});
  body_ += fmt::format(
      "<figure>\n<div class=\"chart\" id=\"{}\"></div>\n<figcaption>{}{}. "
      "{}.</figcaption>\n</figure>\n",
      id, extra.empty() ? "" : Escape(extra) + " ", Escape(made_by), Escape(Inputs()));
}

void Page::ScenarioSection() {
  nav_ += "<li><a href=\"#scenario\">The scenario</a></li>\n";
  body_ += "<section id=\"scenario\">\n<h2>The scenario</h2>\n";
  if (!s_.meta.description.empty()) body_ += "<p>" + Escape(s_.meta.description) + "</p>\n";
  body_ +=
      "<h3>Issues</h3>\n<table><tr><th>Issue</th><th>Scale</th><th>Status quo</th>"
      "<th>Recorded outcome</th></tr>\n";
  for (const Issue& issue : s_.issues) {
    body_ += fmt::format(
        "<tr><td><b>{}</b><br><code>{}</code></td><td>{}</td><td class=\"num\">{}</td>"
        "<td>{}{}</td></tr>\n",
        Escape(issue.label), Escape(issue.id), Escape(report::ScaleWords(issue)),
        issue.status_quo ? Num(*issue.status_quo) : "—",
        issue.outcome ? "<b>" + Num(*issue.outcome) + "</b>" : "—",
        issue.outcome_note.empty() ? "" : "<br>" + Escape(issue.outcome_note));
  }
  body_ +=
      "</table>\n<h3>Actors</h3>\n<table><tr><th>Actor</th><th>Capability</th><th>Role</th>"
      "<th>Veto</th><th>Capability source</th></tr>\n";
  for (const Actor& a : s_.actors) {
    body_ += fmt::format(
        "<tr><td>{} <code>{}</code></td><td class=\"num\">{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td></tr>\n",
        Escape(report::DisplayName(a)), Escape(a.id), Num(a.capability), RoleName(a.role),
        a.veto ? "yes" : "", Escape(a.capability_source));
  }
  body_ += "</table>\n";
  for (std::size_t i = 0; i < s_.issues.size(); ++i) {
    const Issue& issue = s_.issues[i];
    Figure("stance-" + issue.id, report::StanceChart(s_, i), "The stated inputs, before any model");
    body_ += "<details><summary>Positions, salience and sources on " + Escape(issue.label) +
             "</summary>\n<table><tr><th>Actor</th><th>Position</th><th>Salience</th>"
             "<th>Source</th></tr>\n";
    for (std::size_t a = 0; a < s_.actors.size(); ++a) {
      const auto& st = s_.stances[i][a];
      if (!st) continue;
      body_ += fmt::format(
          "<tr><td>{}</td><td class=\"num\">{}</td><td "
          "class=\"num\">{:.2f}</td><td>{}{}</td></tr>\n",
          Escape(report::DisplayName(s_.actors[a])), Num(st->position), st->salience,
          Escape(st->source), st->note.empty() ? "" : "<br><i>" + Escape(st->note) + "</i>");
    }
    body_ += "</table>\n</details>\n";
  }
  if (!s_.events.empty()) {
    body_ += "<h3>Events (what-ifs)</h3>\n<ul>\n";
    for (const Event& e : s_.events) {
      body_ += fmt::format("<li><b>{}</b> ({}; before round {}){}: {}</li>\n", Escape(e.label),
                           Escape(e.date), e.round, e.enabled ? "" : ", off by default",
                           Escape(e.description));
    }
    body_ += "</ul>\n";
  }
  if (!s_.meta.sources.empty()) {
    body_ += "<h3>Sources</h3>\n<ol>\n";
    for (const std::string& src : s_.meta.sources) body_ += "<li>" + Escape(src) + "</li>\n";
    body_ += "</ol>\n";
  }
  body_ += "</section>\n";
}

void Page::SummarySection(const std::vector<ForecastSummary>& summaries) {
  nav_ += "<li><a href=\"#forecasts\">Forecasts at a glance</a></li>\n";
  body_ += "<section id=\"forecasts\">\n<h2>Forecasts at a glance</h2>\n<table><tr><th>Model</th>";
  for (const Issue& issue : s_.issues) body_ += "<th>" + Escape(issue.id) + "</th>";
  body_ += "</tr>\n";
  for (const ModelRun& run : in_.runs) {
    body_ += "<tr><td>" + Escape(report::ModelLabel(run.model, run.preset)) + "</td>";
    for (const Issue& issue : s_.issues) {
      std::string cell = "—";
      for (const ForecastSummary& f : summaries) {
        if (f.model == run.model && f.preset == run.preset && f.issue == issue.id) {
          cell =
              Num(f.forecast) + (f.error ? fmt::format(" <small>({:+.1f})</small>", *f.error) : "");
        }
      }
      body_ += "<td class=\"num\">" + cell + "</td>";
    }
    body_ += "</tr>\n";
  }
  body_ += "<tr><td><i>recorded outcome</i></td>";
  for (const Issue& issue : s_.issues) {
    body_ += "<td class=\"num\"><i>" + (issue.outcome ? Num(*issue.outcome) : "—") + "</i></td>";
  }
  body_ +=
      "</tr>\n</table>\n<p class=\"meta\">In brackets: forecast minus the recorded outcome.</p>\n";
  if (!in_.not_run.empty()) {
    body_ += "<p class=\"meta\">Not run:</p><ul class=\"meta\">\n";
    for (const auto& [model, why] : in_.not_run) {
      body_ += "<li>" + Escape(model) + ": " + Escape(why) + "</li>\n";
    }
    body_ += "</ul>\n";
  }
  body_ += "</section>\n";
}

void Page::IssueSection(std::size_t i, const std::vector<ForecastSummary>& summaries) {
  const Issue& issue = s_.issues[i];
  nav_ += "<li><a href=\"#issue-" + Escape(issue.id) + "\">" + Escape(issue.label) + "</a></li>\n";
  body_ += "<section class=\"issue\" id=\"issue-" + Escape(issue.id) + "\">\n<h2>" +
           Escape(issue.label) + "</h2>\n";
  if (!issue.description.empty()) body_ += "<p>" + Escape(issue.description) + "</p>\n";
  const std::string made_by = ModelsMadeBy(in_.runs);

  body_ += "<h3>Round by round</h3>\n";
  Figure("trajectory-" + issue.id, report::TrajectoryChart(s_, i, in_.runs), made_by);

  body_ += "<h3>The models side by side</h3>\n";
  const ReportSweep* sweep = in_.sweep ? &*in_.sweep : nullptr;
  Figure("models-" + issue.id, report::ModelsChart(s_, i, in_.runs, sweep), made_by,
         sweep ? fmt::format("Intervals from sweep {} ({} replications, seed {}).", sweep->run_id,
                             sweep->samples, sweep->seed)
               : "");

  body_ += "<h3>Uncertainty: outcome distribution and thresholds</h3>\n";
  if (sweep == nullptr) {
    Note(
        "No Monte Carlo sweep was given to this report, so there are no intervals, no outcome "
        "distribution and no threshold probabilities.");
  } else if (std::none_of(sweep->stats.begin(), sweep->stats.end(),
                          [&](const ReportSweepStat& t) { return t.issue == issue.id; })) {
    Note("Sweep " + sweep->run_id + " holds no forecasts for this issue.");
  } else {
    const std::string by = fmt::format("Sweep {}: {} ({} replications, seed {})", sweep->run_id,
                                       sweep->description, sweep->samples, sweep->seed);
    Figure("histogram-" + issue.id, report::OutcomeHistogram(s_, i, *sweep), by);
    // A zero-width interval says only that the drawn inputs do not move this forecast.
    for (const ReportSweepStat& t : sweep->stats) {
      if (t.issue != issue.id || t.n == 0 ||
          !SameAtSweepResolution(t.p05, t.p95, issue.scale_max - issue.scale_min)) {
        continue;
      }
      Note(fmt::format(
          "{}: the 5–95 % interval has zero width (at least 90 % of the {} replications gave "
          "{:g}): the sweep's uncertain inputs do not move this forecast. That is not certainty "
          "about the outcome: inputs written as numbers are not drawn.",
          report::ModelLabel(t.model, t.preset), t.n, t.median));
    }
    const bool thresholds = std::any_of(
        sweep->stats.begin(), sweep->stats.end(),
        [&](const ReportSweepStat& t) { return t.issue == issue.id && !t.thresholds.empty(); });
    if (thresholds) {
      Figure("thresholds-" + issue.id, report::ThresholdChart(s_, i, *sweep), by);
    } else {
      Note("Sweep " + sweep->run_id +
           " has no thresholds on this issue (`entente sweep "
           "--threshold`), so there are no threshold probabilities.");
    }
  }

  body_ += "<h3>Sensitivity</h3>\n";
  bool tornado = false;
  if (in_.sensitivity) {
    for (const ReportSensitivityBar& b : in_.sensitivity->bars)
      tornado = tornado || b.issue == issue.id;
  }
  if (!in_.sensitivity) {
    Note("No sensitivity analysis was given to this report.");
  } else if (!tornado) {
    Note("No single input moves this issue's forecast in the sensitivity analysis (model: " +
         report::ModelLabel(in_.sensitivity->model, in_.sensitivity->preset) +
         "; method: " + in_.sensitivity->method + ").");
  } else {
    const ReportSensitivity& sa = *in_.sensitivity;
    Figure("tornado-" + issue.id, report::TornadoChart(s_, i, sa),
           "model: " + report::ModelLabel(sa.model, sa.preset) + "; method: " + sa.method);
  }

  body_ += "<h3>How the actors see each other (expected utility model)</h3>\n";
  const ModelRun* detail = nullptr;
  const IssueResult* detail_result = nullptr;
  for (const ModelRun& run : in_.runs) {
    const IssueResult* r = report::FindIssueResult(run, issue.id);
    if (r != nullptr && !r->interactions.empty()) {
      detail = &run;
      detail_result = r;
      break;
    }
  }
  if (detail == nullptr) {
    Note(
        "No run recorded the expected utility model's challenges on this issue (the eum model "
        "did not run, or ran without recording detail).");
  } else {
    const int shown = std::min(in_.perception_rounds, detail_result->rounds);
    Figure("perception-" + issue.id,
           report::PerceptionChart(s_, i, *detail_result, in_.perception_rounds),
           "model: " + report::ModelLabel(detail->model, detail->preset),
           fmt::format("Rounds 1–{} of {} (`entente explain --issue {}` lists every round).", shown,
                       detail_result->rounds, issue.id));
  }

  body_ += "<h3>Who blocks what</h3>\n";
  std::vector<ForecastSummary> mine;
  std::string problem;
  for (const ForecastSummary& f : summaries) {
    if (f.issue != issue.id) continue;
    if (f.decision) mine.push_back(f);
    if (!f.rule_problem.empty()) problem = f.rule_problem;
  }
  if (s_.decision_rule.empty()) {
    Note(
        "The scenario names no decision rule (decision_rule: in the file, or `entente run "
        "--rule`), so there is nobody to block.");
  } else if (mine.empty()) {
    Note("The " + s_.decision_rule + " rule cannot be applied here: " + problem);
  } else {
    Figure("blocking-" + issue.id, report::BlockingChart(s_, i, mine), made_by,
           "Rule: " + s_.decision_rule + ", applied to each model's final positions.");
    body_ += "<ul class=\"meta\">\n";
    for (const ForecastSummary& f : mine) {
      body_ += "<li>" + Escape(report::ModelLabel(f.model, f.preset)) + ": " +
               Escape(FormatRuleLine(s_, f)) + "</li>\n";
    }
    body_ += "</ul>\n";
  }
  body_ += "</section>\n";
}

std::string Page::Build() {
  const std::vector<ForecastSummary> summaries = SummarizeForecasts(s_, in_.runs);
  ScenarioSection();
  SummarySection(summaries);
  for (std::size_t i = 0; i < s_.issues.size(); ++i) IssueSection(i, summaries);

  const ReportHeader& h = in_.header;
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<meta name=\"generator\" content=\"entente " + Escape(h.entente_version) + "\">\n";
  page += "<title>" + Escape(s_.meta.title.empty() ? "entente report" : s_.meta.title) +
          "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  page += "<header>\n<h1>" + Escape(s_.meta.title) + "</h1>\n<p class=\"meta\">" +
          Escape(s_.meta.date) + "</p>\n<div class=\"provenance\"><p>Made by <code>" +
          Escape(h.generated_by) + "</code> with entente " + Escape(h.entente_version) +
          " from <code>" + Escape(h.scenario_path) + "</code> (hash " + Escape(h.scenario_hash) +
          ").";
  std::string opts;
  for (const auto& [k, v] : h.options) opts += (opts.empty() ? "" : "; ") + k + " = " + v;
  if (!opts.empty()) page += " Options: " + Escape(opts) + ".";
  page += "</p></div>\n</header>\n<nav><h2>Contents</h2>\n<ul>\n" + nav_ + "</ul>\n</nav>\n";
  page += body_;

  page += "<footer class=\"meta\">\n<p>Charts drawn in your browser by ";
  std::string names;
  for (const ReportAsset& a : ReportAssets()) {
    names += (names.empty() ? "" : ", ") + fmt::format("{} {}", a.name, a.version);
  }
  page += Escape(names) +
          ", embedded in this file (no network needed). Every chart is a Vega-Lite "
          "specification with its data; use a chart's menu to save it as SVG or PNG or to view "
          "its specification.</p>\n<details class=\"licenses\"><summary>Licenses of the "
          "embedded chart library</summary>\n";
  for (const ReportAsset& a : ReportAssets()) {
    page += fmt::format("<h4>{} {} ({})</h4>\n<pre>{}</pre>\n", Escape(a.name), Escape(a.version),
                        Escape(a.license), Escape(a.license_text));
  }
  page += "</details>\n</footer>\n";
  page += "<script id=\"entente-charts\" type=\"application/json\">" + ScriptSafeJson(charts_) +
          "</script>\n";
  for (const ReportAsset& a : ReportAssets()) {
    page += fmt::format("<script>/* {} {} ({}) */\n", a.name, a.version, a.license);
    page += a.script;
    page += "\n</script>\n";
  }
  page += "<script>";
  page += kDrawScript;
  page += "</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace

std::vector<double> ForecastPath(const IssueResult& result) {
  const double f = result.forecast;
  auto matches = [&](const std::vector<double>& path) {
    return path.size() == result.positions.size() && !path.empty() &&
           std::abs(path.back() - f) <= 1e-12 * std::max(1.0, std::abs(f));
  };
  if (result.positions.size() > 1) {
    if (matches(result.weighted_median)) return result.weighted_median;
    if (matches(result.weighted_mean)) return result.weighted_mean;
  }
  return {f};
}

Result<std::string> FormatHtmlReport(const HtmlReportInput& input) {
  if (ReportAssets().empty()) {
    return Status::Internal(
        "this entente was built without the chart library (Vega, Vega-Lite, vega-embed); run "
        "scripts/setup.sh, then configure and build again");
  }
  Page page(input);
  return page.Build();
}

}  // namespace entente
