// Sensitivity runs in the run store (include/entente/run_store.h; schema in
// docs/formats/run_store.md): their options as JSON, their results as tidy rows, and back.
#include <fmt/format.h>
#include <sqlite3.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "entente/run_store.h"
#include "io/csv_field.h"
#include "store/statement.h"

namespace entente {

using store::Statement;

namespace {

const char* SensitivityModeName(EventSelection::Mode mode) {
  switch (mode) {
    case EventSelection::Mode::kEnabled:
      return "enabled";
    case EventSelection::Mode::kNone:
      return "none";
    case EventSelection::Mode::kNamed:
      return "named";
  }
  return "enabled";
}

std::optional<UncertainInput::Field> ParseInputField(const std::string& name) {
  for (UncertainInput::Field f :
       {UncertainInput::Field::kPosition, UncertainInput::Field::kSalience,
        UncertainInput::Field::kCapability}) {
    if (name == InputFieldName(f)) return f;
  }
  return std::nullopt;
}

nlohmann::ordered_json RunOptionsJson(const RunOptions& run) {
  return {{"preset", run.preset},
          {"max_rounds", run.max_rounds},
          {"tolerance", run.tolerance},
          {"seed", std::to_string(run.seed)},  // strings: JSON readers lose integers above 2^53
          {"params", run.params}};
}

RunOptions RunOptionsFrom(const nlohmann::json& j) {
  RunOptions run;
  run.preset = j.at("preset").get<std::string>();
  run.max_rounds = j.at("max_rounds").get<int>();
  run.tolerance = j.at("tolerance").get<double>();
  run.seed = std::stoull(j.at("seed").get<std::string>());
  run.params = j.at("params").get<std::map<std::string, std::string>>();
  return run;
}

SensitivityRow InputRow(const std::string& issue, const char* method, int rank,
                        const SensitivityInput& input, const char* measure, double value) {
  SensitivityRow r;
  r.issue = issue;
  r.method = method;
  r.rank = rank;
  r.actor = input.actor;
  r.input_issue = input.issue;
  r.field = InputFieldName(input.field);
  r.declared = input.declared ? 1 : 0;
  r.measure = measure;
  r.value = value;
  r.low = r.high = std::nan("");
  return r;
}

SensitivityRow BaseRow(const std::string& issue, const char* measure, double value) {
  SensitivityRow r;
  r.issue = issue;
  r.method = "base";
  r.measure = measure;
  r.value = value;
  r.low = r.high = std::nan("");
  return r;
}

nlohmann::ordered_json NullOr(double v) {
  return std::isnan(v) ? nlohmann::ordered_json() : nlohmann::ordered_json(v);
}

std::string SensitivityCsvNumber(double v) {
  return std::isnan(v) ? std::string() : fmt::format("{}", v);
}

}  // namespace

std::string SensitivityRunOptionsToJson(const SensitivityRunOptions& o) {
  nlohmann::ordered_json j;
  j["analysis"] = o.target ? "target" : "indices";
  if (o.target) {
    const TargetOptions& t = o.target_options;
    j["model"] = t.model;
    j["run"] = RunOptionsJson(t.run);
    j["issue"] = t.issue;
    j["target"] = t.target;
    j["actor"] = t.actor;
    j["field"] = InputFieldName(t.field);
    j["grid"] = t.grid;
  } else {
    const SensitivityOptions& s = o.indices;
    j["model"] = s.model;
    j["run"] = RunOptionsJson(s.run);
    j["issues"] = s.issues;
    j["samples"] = s.samples;
    j["seed"] = std::to_string(s.seed);
    j["step"] = s.step;
    j["bootstrap"] = s.bootstrap;
  }
  j["events"] = {{"mode", SensitivityModeName(o.events.mode)}, {"ids", o.events.ids}};
  return j.dump();
}

Result<SensitivityRunOptions> SensitivityRunOptionsFromJson(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  const auto bad = [] {
    return Status::IOError(
        "run store: the stored sensitivity options are damaged; start a new analysis (this run "
        "cannot be resumed)");
  };
  if (j.is_discarded() || !j.is_object()) return bad();
  try {
    SensitivityRunOptions o;
    const std::string analysis = j.at("analysis").get<std::string>();
    if (analysis != "target" && analysis != "indices") return bad();
    o.target = analysis == "target";
    if (o.target) {
      TargetOptions& t = o.target_options;
      t.model = j.at("model").get<std::string>();
      t.run = RunOptionsFrom(j.at("run"));
      t.issue = j.at("issue").get<std::string>();
      t.target = j.at("target").get<double>();
      t.actor = j.at("actor").get<std::string>();
      const std::optional<UncertainInput::Field> field =
          ParseInputField(j.at("field").get<std::string>());
      if (!field) return bad();
      t.field = *field;
      t.grid = j.at("grid").get<int>();
    } else {
      SensitivityOptions& s = o.indices;
      s.model = j.at("model").get<std::string>();
      s.run = RunOptionsFrom(j.at("run"));
      s.issues = j.at("issues").get<std::vector<std::string>>();
      s.samples = j.at("samples").get<int>();
      s.seed = std::stoull(j.at("seed").get<std::string>());
      s.step = j.at("step").get<double>();
      s.bootstrap = j.at("bootstrap").get<int>();
    }
    const std::string mode = j.at("events").at("mode").get<std::string>();
    o.events.mode = mode == "none"    ? EventSelection::Mode::kNone
                    : mode == "named" ? EventSelection::Mode::kNamed
                                      : EventSelection::Mode::kEnabled;
    o.events.ids = j.at("events").at("ids").get<std::vector<std::string>>();
    return o;
  } catch (const std::exception&) {
    return bad();
  }
}

std::vector<SensitivityRow> SensitivityRowsOf(const SensitivitySummary& summary) {
  std::vector<SensitivityRow> rows;
  for (const IssueSensitivity& is : summary.issues) {
    rows.push_back(BaseRow(is.issue, "forecast", is.base_forecast));
    if (summary.samples > 0) {
      rows.push_back(BaseRow(is.issue, "mean", is.mean));
      rows.push_back(BaseRow(is.issue, "variance", is.variance));
    }
    int rank = 0;
    for (const Elasticity& e : is.elasticities) {
      ++rank;
      const auto row = [&](const char* measure, double v) {
        rows.push_back(InputRow(is.issue, "oat", rank, e.input, measure, v));
      };
      row("base_value", e.base_value);
      row("step", e.step);
      row("low_value", e.low_value);
      row("high_value", e.high_value);
      row("forecast_low", e.forecast_low);
      row("forecast_high", e.forecast_high);
      row("derivative", e.derivative);
      row("elasticity", e.elasticity ? *e.elasticity : std::nan(""));
    }
    rank = 0;
    for (const SobolIndex& x : is.sobol) {
      ++rank;
      SensitivityRow first = InputRow(is.issue, "sobol", rank, x.input, "first", x.first);
      first.low = x.first_low;
      first.high = x.first_high;
      rows.push_back(first);
      SensitivityRow total = InputRow(is.issue, "sobol", rank, x.input, "total", x.total);
      total.low = x.total_low;
      total.high = x.total_high;
      rows.push_back(total);
    }
  }
  return rows;
}

std::vector<SensitivityRow> TargetRowsOf(const TargetSummary& summary) {
  std::vector<SensitivityRow> rows;
  rows.push_back(BaseRow(summary.issue, "forecast", summary.current_forecast));
  rows.push_back(BaseRow(summary.issue, "target", summary.target));
  int rank = 0;
  for (const TargetResult& r : summary.results) {
    ++rank;
    SensitivityInput input;
    input.actor = r.actor;
    input.issue = summary.issue;
    input.field = summary.field;
    const auto row = [&](const char* measure, double v) {
      SensitivityRow out = InputRow(summary.issue, "target", rank, input, measure, v);
      out.declared = -1;
      rows.push_back(out);
    };
    const double none = std::nan("");
    row("current_value", r.current_value);
    row("range_low", r.range_low);
    row("range_high", r.range_high);
    row("reachable", r.reachable ? 1.0 : 0.0);
    row("value", r.reachable ? r.value : none);
    row("change", r.reachable ? r.change : none);
    row("forecast_at_value", r.reachable ? r.forecast_at_value : none);
    row("jump", r.reachable ? (r.jump ? 1.0 : 0.0) : none);
    row("reachable_min", r.reachable_min);
    row("reachable_max", r.reachable_max);
  }
  return rows;
}

Result<std::int64_t> RunStore::CreateSensitivityRun(const Scenario& scenario,
                                                    const SensitivityRunOptions& options,
                                                    const std::string& command_line) {
  const std::uint64_t seed =
      options.target ? options.target_options.run.seed : options.indices.seed;
  const std::uint64_t samples =
      options.target ? 0 : static_cast<std::uint64_t>(options.indices.samples);
  return InsertRun("sensitivity", scenario, SensitivityRunOptionsToJson(options), seed, samples,
                   command_line);
}

Status RunStore::StoreSensitivity(std::int64_t run, const SensitivitySummary& summary) {
  nlohmann::ordered_json j;
  j["analysis"] = "indices";
  j["model"] = summary.model;
  j["preset"] = summary.preset;
  j["samples"] = summary.samples;
  j["seed"] = std::to_string(summary.seed);
  j["bootstrap"] = summary.bootstrap;
  j["uncertain_inputs"] = summary.uncertain_inputs;
  j["evaluations"] = summary.evaluations;
  j["notes"] = summary.notes;
  return StoreSensitivityRows(run, j.dump(), SensitivityRowsOf(summary));
}

Status RunStore::StoreTarget(std::int64_t run, const TargetSummary& summary) {
  nlohmann::ordered_json j;
  j["analysis"] = "target";
  j["model"] = summary.model;
  j["preset"] = summary.preset;
  j["issue"] = summary.issue;
  j["field"] = InputFieldName(summary.field);
  j["target"] = summary.target;
  j["current_forecast"] = summary.current_forecast;
  j["evaluations"] = summary.evaluations;
  return StoreSensitivityRows(run, j.dump(), TargetRowsOf(summary));
}

Status RunStore::StoreSensitivityRows(std::int64_t run, const std::string& summary_json,
                                      const std::vector<SensitivityRow>& rows) {
  if (Status s = Exec("BEGIN IMMEDIATE;"); !s.ok()) return s;
  const auto fail = [&](const std::string& what) {
    Status s = Error(what);
    Exec("ROLLBACK;");
    return s;
  };
  const std::string where = "cannot store the results of run " + std::to_string(run);
  {
    Statement clear(db_, "DELETE FROM sensitivity_results WHERE run = ?");
    if (!clear.ok()) return fail(where);
    clear.Bind(1, run);
    if (clear.Step() != SQLITE_DONE) return fail(where);
  }
  Statement ins(db_,
                "INSERT INTO sensitivity_results(run, row, issue, method, rank, actor, "
                "input_issue, field, declared, measure, value, low, high) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return fail(where);
  std::int64_t n = 0;
  for (const SensitivityRow& r : rows) {
    ins.Bind(1, run);
    ins.Bind(2, n++);
    ins.Bind(3, r.issue);
    ins.Bind(4, r.method);
    if (r.rank > 0) {
      ins.Bind(5, static_cast<std::int64_t>(r.rank));
    } else {
      ins.BindNull(5);
    }
    ins.Bind(6, r.actor);
    ins.Bind(7, r.input_issue);
    ins.Bind(8, r.field);
    if (r.declared >= 0) {
      ins.Bind(9, static_cast<std::int64_t>(r.declared));
    } else {
      ins.BindNull(9);
    }
    ins.Bind(10, r.measure);
    ins.BindDouble(11, r.value);
    ins.BindDouble(12, r.low);
    ins.BindDouble(13, r.high);
    if (ins.Step() != SQLITE_DONE) return fail(where);
    ins.Reset();
  }
  Statement done(db_,
                 "UPDATE runs SET summary = ?, status = 'complete', "
                 "finished = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                 "WHERE id = ? AND kind = 'sensitivity'");
  if (!done.ok()) return fail(where);
  done.Bind(1, summary_json);
  done.Bind(2, run);
  if (done.Step() != SQLITE_DONE) return fail(where);
  if (sqlite3_changes(db_) != 1) {
    Exec("ROLLBACK;");
    return Status::InvalidArgument(path_ + ": run " + std::to_string(run) +
                                   " is not a sensitivity run");
  }
  return Exec("COMMIT;");
}

Result<std::vector<SensitivityRow>> RunStore::ReadSensitivityRows(std::int64_t run) {
  Statement st(db_,
               "SELECT issue, method, rank, actor, input_issue, field, declared, measure, value, "
               "low, high FROM sensitivity_results WHERE run = ? ORDER BY row");
  if (!st.ok()) return Error("cannot read run " + std::to_string(run));
  st.Bind(1, run);
  std::vector<SensitivityRow> rows;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    SensitivityRow r;
    r.issue = st.Text(0);
    r.method = st.Text(1);
    r.rank = st.IsNull(2) ? 0 : static_cast<int>(st.Int(2));
    r.actor = st.Text(3);
    r.input_issue = st.Text(4);
    r.field = st.Text(5);
    r.declared = st.IsNull(6) ? -1 : static_cast<int>(st.Int(6));
    r.measure = st.Text(7);
    r.value = st.Double(8);
    r.low = st.Double(9);
    r.high = st.Double(10);
    rows.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return Error("cannot read run " + std::to_string(run));
  return rows;
}

namespace {

// The rank-th entry (1-based) of `list`, appended when new.
template <typename T>
T* AtRank(std::vector<T>& list, int rank) {
  if (rank < 1) return nullptr;
  if (static_cast<std::size_t>(rank) > list.size()) list.resize(static_cast<std::size_t>(rank));
  return &list[static_cast<std::size_t>(rank) - 1];
}

Status DamagedSensitivityRun(const std::string& path, std::int64_t run) {
  return Status::IOError(path + ": run " + std::to_string(run) +
                         " holds sensitivity results that entente cannot read back");
}

std::optional<SensitivityInput> InputOfRow(const SensitivityRow& r) {
  const std::optional<UncertainInput::Field> field = ParseInputField(r.field);
  if (!field) return std::nullopt;
  SensitivityInput in;
  in.actor = r.actor;
  in.issue = r.input_issue;
  in.field = *field;
  in.declared = r.declared == 1;
  return in;
}

}  // namespace

Result<SensitivitySummary> RunStore::LoadSensitivity(std::int64_t run) {
  Result<StoredRun> stored = GetRun(run);
  if (!stored.ok()) return stored.status();
  const nlohmann::json j =
      nlohmann::json::parse(stored->summary_json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || j.value("analysis", "") != "indices") {
    return DamagedSensitivityRun(path_, run);
  }
  Result<std::vector<SensitivityRow>> rows = ReadSensitivityRows(run);
  if (!rows.ok()) return rows.status();
  SensitivitySummary summary;
  try {
    summary.model = j.at("model").get<std::string>();
    summary.preset = j.at("preset").get<std::string>();
    summary.samples = j.at("samples").get<int>();
    summary.seed = std::stoull(j.at("seed").get<std::string>());
    summary.bootstrap = j.at("bootstrap").get<int>();
    summary.uncertain_inputs = j.at("uncertain_inputs").get<int>();
    summary.evaluations = j.at("evaluations").get<long long>();
    summary.notes = j.at("notes").get<std::vector<std::string>>();
  } catch (const std::exception&) {
    return DamagedSensitivityRun(path_, run);
  }
  std::map<std::string, std::size_t> at;
  for (const SensitivityRow& r : *rows) {
    auto [it, fresh] = at.emplace(r.issue, summary.issues.size());
    if (fresh) summary.issues.emplace_back().issue = r.issue;
    IssueSensitivity& is = summary.issues[it->second];
    const double v = r.value;
    if (r.method == "base") {
      if (r.measure == "forecast") is.base_forecast = v;
      if (r.measure == "mean") is.mean = v;
      if (r.measure == "variance") is.variance = v;
      continue;
    }
    const std::optional<SensitivityInput> input = InputOfRow(r);
    if (!input) return DamagedSensitivityRun(path_, run);
    if (r.method == "oat") {
      Elasticity* e = AtRank(is.elasticities, r.rank);
      if (e == nullptr) return DamagedSensitivityRun(path_, run);
      e->input = *input;
      if (r.measure == "base_value") e->base_value = v;
      if (r.measure == "step") e->step = v;
      if (r.measure == "low_value") e->low_value = v;
      if (r.measure == "high_value") e->high_value = v;
      if (r.measure == "forecast_low") e->forecast_low = v;
      if (r.measure == "forecast_high") e->forecast_high = v;
      if (r.measure == "derivative") e->derivative = v;
      if (r.measure == "elasticity" && !std::isnan(v)) e->elasticity = v;
    } else if (r.method == "sobol") {
      SobolIndex* x = AtRank(is.sobol, r.rank);
      if (x == nullptr) return DamagedSensitivityRun(path_, run);
      x->input = *input;
      if (r.measure == "first") {
        x->first = v;
        x->first_low = r.low;
        x->first_high = r.high;
      } else if (r.measure == "total") {
        x->total = v;
        x->total_low = r.low;
        x->total_high = r.high;
      }
    } else {
      return DamagedSensitivityRun(path_, run);
    }
  }
  return summary;
}

Result<TargetSummary> RunStore::LoadTarget(std::int64_t run) {
  Result<StoredRun> stored = GetRun(run);
  if (!stored.ok()) return stored.status();
  const nlohmann::json j =
      nlohmann::json::parse(stored->summary_json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || j.value("analysis", "") != "target") {
    return DamagedSensitivityRun(path_, run);
  }
  Result<std::vector<SensitivityRow>> rows = ReadSensitivityRows(run);
  if (!rows.ok()) return rows.status();
  TargetSummary summary;
  try {
    summary.model = j.at("model").get<std::string>();
    summary.preset = j.at("preset").get<std::string>();
    summary.issue = j.at("issue").get<std::string>();
    const std::optional<UncertainInput::Field> field =
        ParseInputField(j.at("field").get<std::string>());
    if (!field) return DamagedSensitivityRun(path_, run);
    summary.field = *field;
    summary.target = j.at("target").get<double>();
    summary.current_forecast = j.at("current_forecast").get<double>();
    summary.evaluations = j.at("evaluations").get<long long>();
  } catch (const std::exception&) {
    return DamagedSensitivityRun(path_, run);
  }
  for (const SensitivityRow& r : *rows) {
    if (r.method == "base") continue;  // forecast and target: already in the summary
    if (r.method != "target") return DamagedSensitivityRun(path_, run);
    TargetResult* t = AtRank(summary.results, r.rank);
    if (t == nullptr) return DamagedSensitivityRun(path_, run);
    t->actor = r.actor;
    const double v = std::isnan(r.value) ? 0.0 : r.value;
    if (r.measure == "current_value") t->current_value = v;
    if (r.measure == "range_low") t->range_low = v;
    if (r.measure == "range_high") t->range_high = v;
    if (r.measure == "reachable") t->reachable = v != 0.0;
    if (r.measure == "value") t->value = v;
    if (r.measure == "change") t->change = v;
    if (r.measure == "forecast_at_value") t->forecast_at_value = v;
    if (r.measure == "jump") t->jump = v != 0.0;
    if (r.measure == "reachable_min") t->reachable_min = v;
    if (r.measure == "reachable_max") t->reachable_max = v;
  }
  return summary;
}

Result<std::string> RunStore::ExportSensitivity(std::int64_t run, bool json) {
  Result<std::vector<SensitivityRow>> rows = ReadSensitivityRows(run);
  if (!rows.ok()) return rows.status();
  if (json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const SensitivityRow& r : *rows) {
      out.push_back(
          {{"run", run},
           {"issue", r.issue},
           {"method", r.method},
           {"rank", r.rank > 0 ? nlohmann::ordered_json(r.rank) : nlohmann::ordered_json()},
           {"actor", r.actor},
           {"input_issue", r.input_issue},
           {"field", r.field},
           {"declared",
            r.declared >= 0 ? nlohmann::ordered_json(r.declared == 1) : nlohmann::ordered_json()},
           {"measure", r.measure},
           {"value", NullOr(r.value)},
           {"low", NullOr(r.low)},
           {"high", NullOr(r.high)}});
    }
    return out.dump(2) + "\n";
  }
  std::string out =
      "run,issue,method,rank,actor,input_issue,field,declared,measure,value,low,high\n";
  for (const SensitivityRow& r : *rows) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", run, io::CsvQuote(r.issue),
                       r.method, r.rank > 0 ? std::to_string(r.rank) : std::string(),
                       io::CsvQuote(r.actor), io::CsvQuote(r.input_issue), r.field,
                       r.declared < 0 ? std::string() : (r.declared == 1 ? "true" : "false"),
                       r.measure, SensitivityCsvNumber(r.value), SensitivityCsvNumber(r.low),
                       SensitivityCsvNumber(r.high));
  }
  return out;
}

}  // namespace entente
