// Report writers: turn model runs into the text, JSON and CSV that `entente run` and
// `entente explain` print, so that other front ends (the Python API) produce the same output.
//
// Formats (docs/manual.md, "Output formats"):
//  * table: per issue the scale in words, each model's forecast, rounds, stop reason, the error
//    against a recorded outcome and the spread between models, then a provenance footer.
//    Numbers are rounded for reading (FormatTableNumber).
//  * JSON: {"header": {...}, "rows": [tidy position rows], "forecasts": [summary rows]}; each
//    summary has rule, rule_outcome, status_quo_stands and blockers (actor ids).
//  * CSV: a first line "# " + the header as compact JSON, then one tidy table (positions or
//    forecasts). pandas reads it with read_csv(path, comment='#').
// JSON and CSV print every number with the shortest text that reads back to the same double.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "entente/decision_rule.h"
#include "entente/model.h"
#include "entente/scenario.h"

namespace entente {

// Where a report's numbers came from: enough to reproduce the run exactly.
struct ReportHeader {
  std::string entente_version;                 // e.g. "0.1.0"
  std::string scenario_path;                   // as given on the command line
  std::string scenario_hash;                   // ScenarioHash(scenario)
  std::string title;                           // the scenario's title
  std::map<std::string, std::string> options;  // every run option in force, by name
  std::string generated_by;                    // the command line that produced the report
};

// Fills version, path, hash and title from the scenario.
ReportHeader MakeReportHeader(const Scenario& scenario, std::map<std::string, std::string> options,
                              std::string generated_by);

// One model's headline result on one issue.
struct ForecastSummary {
  std::string model;
  std::string preset;  // "" for models without presets
  std::string issue;
  double forecast = 0.0;
  int rounds = 0;
  bool converged = false;
  StopReason stop = StopReason::kStatic;
  std::string message;
  std::optional<double> outcome;  // the scenario's recorded outcome, when known
  std::optional<double> error;    // forecast - outcome, when the outcome is known
  // The scenario's decision rule (Scenario::decision_rule) applied to the model's final
  // positions on the issue; rule is "" when the scenario names none.
  std::string rule;
  std::optional<DecisionOutcome> decision;  // absent when the rule could not be applied
  std::string rule_problem;                 // why not (e.g. the issue has no status quo)
};

// Applies scenario.decision_rule to the last round of `result` (members vote, outsiders never,
// veto players per Actor::veto, the issue's status quo) and fills the rule fields of `summary`.
// Never fails: a rule that cannot be applied leaves `decision` empty and says why.
void ApplyRuleToSummary(const Scenario& scenario, const IssueResult& result,
                        ForecastSummary* summary);

// One readable line on the rule's verdict for a summary, with actor display names and at most
// six of them ("and N more"), numbers rounded like the table, e.g. "consensus: 35.0; Hungary
// and Turkey would block anything beyond 35.0; the status quo stands if the compromise 41.2 is
// pushed". "" when no rule applies.
std::string FormatRuleLine(const Scenario& scenario, const ForecastSummary& summary);

// One summary per (run, issue), in run order then issue order.
std::vector<ForecastSummary> SummarizeForecasts(const Scenario& scenario,
                                                const std::vector<ModelRun>& runs);

// `value` rounded for a table on a scale `span` wide: 1 decimal on a 0–100 scale, 3 on a 0–1
// scale (3 - ceil(log10(span)) decimals, clamped to [1, 8]).
std::string FormatTableNumber(double value, double span);

// The human-readable forecast table (ends with a newline).
std::string FormatForecastTable(const Scenario& scenario, const std::vector<ModelRun>& runs,
                                const ReportHeader& header);

// The JSON document (pretty-printed, ends with a newline).
std::string FormatResultsJson(const Scenario& scenario, const std::vector<ModelRun>& runs,
                              const ReportHeader& header);

// Which table a CSV report holds.
enum class CsvTable {
  kPositions,  // model,preset,issue,round,actor,position: every round of every model
  kForecasts,  // model,preset,issue,forecast,rounds,converged,stop,outcome,error,message,
               // rule,rule_outcome,blockers (actor ids joined by ';')
};

// The CSV document: "# " + compact header JSON, the column names, then the rows.
std::string FormatResultsCsv(const Scenario& scenario, const std::vector<ModelRun>& runs,
                             const ReportHeader& header, CsvTable table);

// `entente explain`: round by round, who dealt with whom, the expected utilities, the
// probability, the quadrant and the move, from `result.interactions`. With a non-empty
// `actor`, only the interactions involving that actor. Starts with a short legend.
// REQUIRES: `issue` indexes scenario.issues and result.issue_id names that issue.
std::string FormatExplanation(const Scenario& scenario, std::size_t issue, const ModelRun& run,
                              const IssueResult& result, const std::string& actor);

}  // namespace entente
