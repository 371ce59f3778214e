// The SQLite run store (include/entente/run_store.h; schema in docs/formats/run_store.md).
#include "entente/run_store.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "entente/model.h"
#include "io/csv_field.h"
#include "store/statement.h"

namespace entente {

using store::Statement;

namespace {

constexpr int kSchemaVersion = 2;

// The runs table's columns in schema version 2 (version 1 had no CHECK on kind and no summary).
constexpr char kRunsColumns[] = R"sql(
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('sweep', 'sensitivity')),
  scenario_path TEXT NOT NULL,
  scenario_hash TEXT NOT NULL,
  scenario_text TEXT NOT NULL,
  title         TEXT NOT NULL,
  options       TEXT NOT NULL,
  version       TEXT NOT NULL,
  run_seed      TEXT NOT NULL,
  samples       INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('running', 'interrupted', 'complete', 'failed')),
  created       TEXT NOT NULL,
  finished      TEXT,
  command_line  TEXT NOT NULL,
  summary       TEXT
)sql";

// The tables besides runs (sensitivity_results is new in version 2).
constexpr char kOtherTables[] = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS replications (
  run   INTEGER NOT NULL REFERENCES runs(id),
  idx   INTEGER NOT NULL,
  seed  TEXT NOT NULL,
  PRIMARY KEY (run, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS results (
  run      INTEGER NOT NULL,
  idx      INTEGER NOT NULL,
  model_no INTEGER NOT NULL,
  model    TEXT NOT NULL,
  preset   TEXT NOT NULL,
  issue    TEXT NOT NULL,
  forecast REAL,
  stop     TEXT NOT NULL,
  PRIMARY KEY (run, idx, model_no, issue),
  FOREIGN KEY (run, idx) REFERENCES replications(run, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sensitivity_results (
  run         INTEGER NOT NULL REFERENCES runs(id),
  row         INTEGER NOT NULL,
  issue       TEXT NOT NULL,
  method      TEXT NOT NULL CHECK (method IN ('base', 'oat', 'sobol', 'target')),
  rank        INTEGER,
  actor       TEXT NOT NULL,
  input_issue TEXT NOT NULL,
  field       TEXT NOT NULL,
  declared    INTEGER,
  measure     TEXT NOT NULL,
  value       REAL,
  low         REAL,
  high        REAL,
  PRIMARY KEY (run, row)
) WITHOUT ROWID;
)sql";

// The whole schema of the current version.
std::string RunStoreSchemaSql() {
  return std::string("CREATE TABLE IF NOT EXISTS runs (") + kRunsColumns + ");\n" + kOtherTables;
}

std::string NowUtc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::optional<StopReason> ParseStopReason(const std::string& name) {
  for (StopReason r : {StopReason::kConverged, StopReason::kTwoCycle, StopReason::kRoundCap,
                       StopReason::kHalted, StopReason::kStatic, StopReason::kCycle}) {
    if (name == StopReasonName(r)) return r;
  }
  return std::nullopt;
}

std::string PresetOf(const SweepModel& m) {
  if (!m.options.preset.empty()) return m.options.preset;
  Result<const ModelInfo*> info = FindModel(m.name);
  if (info.ok() && !(*info)->presets.empty()) return (*info)->presets.front().name;
  return "";
}

const char* ModeName(EventSelection::Mode mode) {
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

}  // namespace

std::string SweepOptionsToJson(const SweepOptions& o) {
  nlohmann::ordered_json j;
  nlohmann::ordered_json models = nlohmann::ordered_json::array();
  for (const SweepModel& m : o.models) {
    models.push_back({{"name", m.name},
                      {"preset", m.options.preset},
                      {"max_rounds", m.options.max_rounds},
                      {"tolerance", m.options.tolerance},
                      {"params", m.options.params}});
  }
  j["models"] = std::move(models);
  j["samples"] = o.samples;
  j["seed"] = std::to_string(o.seed);  // a string: JSON readers lose integers above 2^53
  j["events"] = {{"mode", ModeName(o.events.mode)}, {"ids", o.events.ids}};
  std::vector<std::string> thresholds;
  for (const Threshold& t : o.thresholds) thresholds.push_back(t.text);
  j["thresholds"] = thresholds;
  j["histogram_bins"] = o.histogram_bins;
  return j.dump();
}

Result<SweepOptions> SweepOptionsFromJson(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  const auto bad = [] {
    return Status::IOError(
        "run store: the stored sweep options are damaged; start a new sweep (this run cannot be "
        "resumed)");
  };
  if (j.is_discarded() || !j.is_object()) return bad();
  try {
    SweepOptions o;
    for (const auto& m : j.at("models")) {
      SweepModel sm;
      sm.name = m.at("name").get<std::string>();
      sm.options.preset = m.at("preset").get<std::string>();
      sm.options.max_rounds = m.at("max_rounds").get<int>();
      sm.options.tolerance = m.at("tolerance").get<double>();
      sm.options.params = m.at("params").get<std::map<std::string, std::string>>();
      o.models.push_back(std::move(sm));
    }
    o.samples = j.at("samples").get<std::uint64_t>();
    o.seed = std::stoull(j.at("seed").get<std::string>());
    const std::string mode = j.at("events").at("mode").get<std::string>();
    o.events.mode = mode == "none"    ? EventSelection::Mode::kNone
                    : mode == "named" ? EventSelection::Mode::kNamed
                                      : EventSelection::Mode::kEnabled;
    o.events.ids = j.at("events").at("ids").get<std::vector<std::string>>();
    for (const auto& t : j.at("thresholds")) {
      Result<Threshold> parsed = ParseThreshold(t.get<std::string>());
      if (!parsed.ok()) return bad();
      o.thresholds.push_back(*parsed);
    }
    o.histogram_bins = j.at("histogram_bins").get<int>();
    return o;
  } catch (const std::exception&) {
    return bad();
  }
}

std::string DefaultStorePath(const std::string& scenario_path) {
  const std::filesystem::path dir = std::filesystem::path(scenario_path).parent_path();
  return (dir / "runs.db").string();
}

Result<std::unique_ptr<RunStore>> RunStore::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::IOError(path + ": cannot open the run store: " + message);
  }
  std::unique_ptr<RunStore> store(new RunStore(db, path));
  // Another process (a resumed or parallel sweep) may hold the write lock for one batch.
  constexpr int kBusyTimeoutMs = 10000;  // also the retry limit below
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // Foreign keys stay off until the schema is ready: the migration rebuilds the runs table.
  // Switching a new file to WAL takes an exclusive lock, and SQLite answers SQLITE_BUSY at once
  // (without the busy handler) while another process opening the same new store holds it, so
  // these are retried, for as long as the busy timeout.
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;", "PRAGMA foreign_keys=OFF;"}) {
    const auto give_up =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    int rc = SQLITE_OK;
    char* message = nullptr;
    for (;;) {
      rc = sqlite3_exec(db, pragma, nullptr, nullptr, &message);
      if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= give_up) break;
      sqlite3_free(message);
      message = nullptr;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const std::string text = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    if ((rc & 0xff) == SQLITE_BUSY) {
      return Status::IOError(path + ": the run store stayed locked by another process for 10 s (" +
                             text +
                             "); wait for that sweep to finish, or pass --store with "
                             "another file");
    }
    if (rc != SQLITE_OK) {
      return Status::IOError(path + ": not an entente run store (" + path + ": " + text + ")");
    }
  }
  if (Status s = store->PrepareSchema(); !s.ok()) return s;
  if (Status s = store->Exec("PRAGMA foreign_keys=ON;"); !s.ok()) return s;
  return store;
}

Status RunStore::PrepareSchema() {
  // One write transaction: two processes opening an old store at once migrate it once.
  if (Status s = Exec("BEGIN IMMEDIATE;"); !s.ok()) {
    return Status::IOError(path_ + ": not an entente run store (" + s.message() + ")");
  }
  const auto fail = [this](const Status& s) {
    Exec("ROLLBACK;");
    return s;
  };
  std::string found;
  {
    Statement has_meta(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    if (!has_meta.ok()) {
      return fail(
          Status::IOError(path_ + ": not an entente run store (" + sqlite3_errmsg(db_) + ")"));
    }
    if (has_meta.Step() == SQLITE_ROW) {
      Statement version(db_, "SELECT value FROM meta WHERE key = 'schema_version'");
      if (version.ok() && version.Step() == SQLITE_ROW) found = version.Text(0);
    }
  }
  if (found.empty()) {
    if (Status s =
            Exec(RunStoreSchemaSql() + "INSERT INTO meta(key, value) VALUES ('schema_version', '" +
                 std::to_string(kSchemaVersion) + "');");
        !s.ok()) {
      return fail(Status::IOError(path_ + ": not an entente run store (" + s.message() + ")"));
    }
  } else if (found == "1") {
    if (Status s = Migrate1To2(); !s.ok()) return fail(s);
  } else if (found != std::to_string(kSchemaVersion)) {
    return fail(Status::IOError(path_ + ": run store schema version " + found +
                                ", this entente reads versions 1 and " +
                                std::to_string(kSchemaVersion) + " (a newer entente wrote it)"));
  }
  return Exec("COMMIT;");
}

// Version 1 -> 2 (docs/formats/run_store.md, "Migration"): the runs table is rebuilt with a
// CHECK on kind and the new summary column (SQLite's ALTER TABLE cannot add a CHECK), by the
// procedure of https://sqlite.org/lang_altertable.html section 7; sensitivity_results is added.
// Runs inside PrepareSchema's transaction, with foreign keys off.
Status RunStore::Migrate1To2() {
  const std::string sql =
      std::string("CREATE TABLE runs_v2 (") + kRunsColumns +
      ");\n"
      "INSERT INTO runs_v2 (id, kind, scenario_path, scenario_hash, scenario_text, title, "
      "options, version, run_seed, samples, status, created, finished, command_line) "
      "SELECT id, kind, scenario_path, scenario_hash, scenario_text, title, options, version, "
      "run_seed, samples, status, created, finished, command_line FROM runs;\n"
      "DROP TABLE runs;\n"
      "ALTER TABLE runs_v2 RENAME TO runs;\n" +
      kOtherTables + "UPDATE meta SET value = '2' WHERE key = 'schema_version';\n";
  if (Status s = Exec(sql); !s.ok()) {
    return Status::IOError(path_ + ": cannot migrate the run store from schema version 1 to 2 (" +
                           s.message() + ")");
  }
  Statement check(db_, "PRAGMA foreign_key_check");
  if (!check.ok() || check.Step() != SQLITE_DONE) {
    return Status::IOError(path_ +
                           ": cannot migrate the run store from schema version 1 to 2: its "
                           "rows break a foreign key (PRAGMA foreign_key_check)");
  }
  return Status::Ok();
}

RunStore::~RunStore() { sqlite3_close(db_); }

Status RunStore::Exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    return Status::IOError(path_ + ": " + text);
  }
  return Status::Ok();
}

Status RunStore::Error(const std::string& what) const {
  return Status::IOError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

Result<std::int64_t> RunStore::CreateRun(const Scenario& scenario, const SweepOptions& options,
                                         const std::string& command_line) {
  return InsertRun("sweep", scenario, SweepOptionsToJson(options), options.seed, options.samples,
                   command_line);
}

Result<std::int64_t> RunStore::InsertRun(const std::string& kind, const Scenario& scenario,
                                         const std::string& options_json, std::uint64_t seed,
                                         std::uint64_t samples, const std::string& command_line) {
  Statement st(db_,
               "INSERT INTO runs(kind, scenario_path, scenario_hash, scenario_text, title, "
               "options, version, run_seed, samples, status, created, command_line) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)");
  if (!st.ok()) return Error("cannot record the run");
  st.Bind(1, kind);
  st.Bind(2, scenario.path);
  st.Bind(3, ScenarioHash(scenario));
  st.Bind(4, scenario.text);
  st.Bind(5, scenario.meta.title);
  st.Bind(6, options_json);
  st.Bind(7, std::string(ENTENTE_VERSION));
  st.Bind(8, std::to_string(seed));
  st.Bind(9, static_cast<std::int64_t>(samples));
  st.Bind(10, NowUtc());
  st.Bind(11, command_line);
  if (st.Step() != SQLITE_DONE) return Error("cannot record the run");
  return sqlite3_last_insert_rowid(db_);
}

Status RunStore::AddBatch(std::int64_t run, const std::vector<ReplicationResult>& batch,
                          const SweepOptions& options, const Scenario& scenario) {
  if (Status s = Exec("BEGIN IMMEDIATE;"); !s.ok()) return s;
  Statement rep(db_, "INSERT INTO replications(run, idx, seed) VALUES (?, ?, ?)");
  Statement res(db_,
                "INSERT INTO results(run, idx, model_no, model, preset, issue, forecast, stop) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!rep.ok() || !res.ok()) {
    Exec("ROLLBACK;");
    return Error("cannot store results");
  }
  std::vector<std::string> presets;
  for (const SweepModel& m : options.models) presets.push_back(PresetOf(m));
  const std::size_t issues = scenario.issues.size();
  for (const ReplicationResult& r : batch) {
    rep.Bind(1, run);
    rep.Bind(2, static_cast<std::int64_t>(r.index));
    rep.Bind(3, std::to_string(r.seed));
    if (rep.Step() != SQLITE_DONE) {
      Status s = Error("cannot store replication " + std::to_string(r.index));
      Exec("ROLLBACK;");
      return s;
    }
    rep.Reset();
    for (std::size_t m = 0; m < options.models.size(); ++m) {
      for (std::size_t i = 0; i < issues; ++i) {
        res.Bind(1, run);
        res.Bind(2, static_cast<std::int64_t>(r.index));
        res.Bind(3, static_cast<std::int64_t>(m));
        res.Bind(4, options.models[m].name);
        res.Bind(5, presets[m]);
        res.Bind(6, scenario.issues[i].id);
        res.BindDouble(7, r.forecast[m * issues + i]);
        res.Bind(8, std::string(StopReasonName(r.stop[m * issues + i])));
        if (res.Step() != SQLITE_DONE) {
          Status s = Error("cannot store replication " + std::to_string(r.index));
          Exec("ROLLBACK;");
          return s;
        }
        res.Reset();
      }
    }
  }
  return Exec("COMMIT;");
}

Status RunStore::SetStatus(std::int64_t run, const std::string& status) {
  Statement st(db_,
               "UPDATE runs SET status = ?, finished = CASE WHEN ? = 'complete' THEN ? ELSE "
               "finished END WHERE id = ?");
  if (!st.ok()) return Error("cannot update run " + std::to_string(run));
  st.Bind(1, status);
  st.Bind(2, status);
  st.Bind(3, NowUtc());
  st.Bind(4, run);
  if (st.Step() != SQLITE_DONE) return Error("cannot update run " + std::to_string(run));
  return Status::Ok();
}

namespace {

constexpr char kRunColumns[] =
    "SELECT id, kind, scenario_path, scenario_hash, scenario_text, title, options, version, "
    "run_seed, samples, status, created, COALESCE(finished, ''), command_line, "
    "(SELECT COUNT(*) FROM replications r WHERE r.run = runs.id), "
    "(SELECT COUNT(*) FROM sensitivity_results s WHERE s.run = runs.id), "
    "COALESCE(summary, '') FROM runs";

StoredRun ReadRun(Statement& st) {
  StoredRun r;
  r.id = st.Int(0);
  r.kind = st.Text(1);
  r.scenario_path = st.Text(2);
  r.scenario_hash = st.Text(3);
  r.scenario_text = st.Text(4);
  r.title = st.Text(5);
  r.options_json = st.Text(6);
  r.version = st.Text(7);
  r.seed = std::strtoull(st.Text(8).c_str(), nullptr, 10);
  r.samples = static_cast<std::uint64_t>(st.Int(9));
  r.status = st.Text(10);
  r.created = st.Text(11);
  r.finished = st.Text(12);
  r.command_line = st.Text(13);
  r.done = static_cast<std::uint64_t>(st.Int(14));
  r.result_rows = static_cast<std::uint64_t>(st.Int(15));
  r.summary_json = st.Text(16);
  return r;
}

}  // namespace

Result<StoredRun> RunStore::GetRun(std::int64_t run) {
  Statement st(db_, (std::string(kRunColumns) + " WHERE id = ?").c_str());
  if (!st.ok()) return Error("cannot read run " + std::to_string(run));
  st.Bind(1, run);
  const int rc = st.Step();
  if (rc == SQLITE_DONE) {
    return Status::InvalidArgument(path_ + ": no run " + std::to_string(run) +
                                   " (entente runs list shows the stored runs)");
  }
  if (rc != SQLITE_ROW) return Error("cannot read run " + std::to_string(run));
  return ReadRun(st);
}

Result<std::vector<StoredRun>> RunStore::ListRuns() {
  Statement st(db_, (std::string(kRunColumns) + " ORDER BY id").c_str());
  if (!st.ok()) return Error("cannot list runs");
  std::vector<StoredRun> out;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) out.push_back(ReadRun(st));
  if (rc != SQLITE_DONE) return Error("cannot list runs");
  return out;
}

Result<std::vector<std::uint64_t>> RunStore::StoredIndices(std::int64_t run) {
  Statement st(db_, "SELECT idx FROM replications WHERE run = ? ORDER BY idx");
  if (!st.ok()) return Error("cannot read run " + std::to_string(run));
  st.Bind(1, run);
  std::vector<std::uint64_t> out;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) out.push_back(static_cast<std::uint64_t>(st.Int(0)));
  if (rc != SQLITE_DONE) return Error("cannot read run " + std::to_string(run));
  return out;
}

Result<std::vector<ReplicationResult>> RunStore::LoadResults(std::int64_t run,
                                                             const SweepOptions& options,
                                                             const Scenario& scenario) {
  Statement reps(db_, "SELECT idx, seed FROM replications WHERE run = ? ORDER BY idx");
  Statement res(db_,
                "SELECT idx, model_no, issue, forecast, stop FROM results WHERE run = ? "
                "ORDER BY idx, model_no, issue");
  if (!reps.ok() || !res.ok()) return Error("cannot read run " + std::to_string(run));
  const std::size_t issues = scenario.issues.size();
  const std::size_t width = options.models.size() * issues;
  std::vector<ReplicationResult> out;
  std::map<std::uint64_t, std::size_t> at;
  reps.Bind(1, run);
  int rc;
  while ((rc = reps.Step()) == SQLITE_ROW) {
    ReplicationResult r;
    r.index = static_cast<std::uint64_t>(reps.Int(0));
    r.seed = std::strtoull(reps.Text(1).c_str(), nullptr, 10);
    r.forecast.assign(width, std::nan(""));
    r.stop.assign(width, StopReason::kHalted);
    at[r.index] = out.size();
    out.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return Error("cannot read run " + std::to_string(run));
  res.Bind(1, run);
  std::vector<std::size_t> filled(out.size(), 0);
  while ((rc = res.Step()) == SQLITE_ROW) {
    const auto k = at.find(static_cast<std::uint64_t>(res.Int(0)));
    const std::int64_t m = res.Int(1);
    const auto i = scenario.FindIssue(res.Text(2));
    const auto stop = ParseStopReason(res.Text(4));
    if (k == at.end() || m < 0 || static_cast<std::size_t>(m) >= options.models.size() || !i ||
        !stop) {
      return Status::IOError(path_ + ": run " + std::to_string(run) +
                             " holds a result that does not match its scenario or options");
    }
    ReplicationResult& r = out[k->second];
    r.forecast[m * issues + *i] = res.Double(3);
    r.stop[m * issues + *i] = *stop;
    ++filled[k->second];
  }
  if (rc != SQLITE_DONE) return Error("cannot read run " + std::to_string(run));
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (filled[k] != width) {
      return Status::IOError(path_ + ": replication " + std::to_string(out[k].index) + " of run " +
                             std::to_string(run) + " has " + std::to_string(filled[k]) +
                             " results, expected " + std::to_string(width));
    }
  }
  return out;
}

ExportOrder ExportOrderOf(const Scenario& scenario) {
  ExportOrder order;
  for (const Issue& i : scenario.issues) order.issues.push_back(i.id);
  return order;
}

namespace {

constexpr char kExportQuery[] =
    "SELECT r.idx, p.seed, r.model, r.preset, r.issue, r.forecast, r.stop, r.model_no "
    "FROM results r JOIN replications p ON p.run = r.run AND p.idx = r.idx WHERE r.run = ? "
    "ORDER BY r.idx, r.model_no, r.issue";

struct ExportedResult {
  std::int64_t idx = 0;
  std::string seed, model, preset, issue;
  double forecast = 0.0;
  std::string stop;
  std::int64_t model_no = 0;
  std::size_t issue_no = 0;  // position in ExportOrder::issues (its size when absent)
};

}  // namespace

// The sweep's rows: by replication, model, then issue in the scenario's order (issues the order
// does not name, from a damaged or foreign store, come last, by id as SQLite sorted them).
Result<std::string> RunStore::ExportSweep(std::int64_t run, const ExportOrder& order, bool json) {
  Statement st(db_, kExportQuery);
  if (!st.ok()) return Error("cannot export run " + std::to_string(run));
  st.Bind(1, run);
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < order.issues.size(); ++i) position.emplace(order.issues[i], i);
  std::vector<ExportedResult> rows;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    ExportedResult r;
    r.idx = st.Int(0);
    r.seed = st.Text(1);
    r.model = st.Text(2);
    r.preset = st.Text(3);
    r.issue = st.Text(4);
    r.forecast = st.Double(5);
    r.stop = st.Text(6);
    r.model_no = st.Int(7);
    const auto at = position.find(r.issue);
    r.issue_no = at == position.end() ? order.issues.size() : at->second;
    rows.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return Error("cannot export run " + std::to_string(run));
  std::stable_sort(rows.begin(), rows.end(), [](const ExportedResult& a, const ExportedResult& b) {
    if (a.idx != b.idx) return a.idx < b.idx;
    if (a.model_no != b.model_no) return a.model_no < b.model_no;
    return a.issue_no < b.issue_no;
  });
  if (json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const ExportedResult& r : rows) {
      out.push_back({{"run", run},
                     {"replication", r.idx},
                     {"seed", r.seed},
                     {"model", r.model},
                     {"preset", r.preset},
                     {"issue", r.issue},
                     {"forecast", std::isnan(r.forecast) ? nlohmann::ordered_json()
                                                         : nlohmann::ordered_json(r.forecast)},
                     {"stop", r.stop}});
    }
    return out.dump(2) + "\n";
  }
  std::string out = "run,replication,seed,model,preset,issue,forecast,stop\n";
  for (const ExportedResult& r : rows) {
    out += fmt::format("{},{},{},{},{},{},{},{}\n", run, r.idx, r.seed, io::CsvQuote(r.model),
                       io::CsvQuote(r.preset), io::CsvQuote(r.issue),
                       std::isnan(r.forecast) ? std::string() : fmt::format("{}", r.forecast),
                       io::CsvQuote(r.stop));
  }
  return out;
}

Result<std::string> RunStore::ExportCsv(std::int64_t run, const ExportOrder& order) {
  Result<StoredRun> r = GetRun(run);
  if (!r.ok()) return r.status();
  if (r->kind == "sensitivity") return ExportSensitivity(run, /*json=*/false);
  return ExportSweep(run, order, /*json=*/false);
}

Result<std::string> RunStore::ExportJson(std::int64_t run, const ExportOrder& order) {
  Result<StoredRun> r = GetRun(run);
  if (!r.ok()) return r.status();
  if (r->kind == "sensitivity") return ExportSensitivity(run, /*json=*/true);
  return ExportSweep(run, order, /*json=*/true);
}

Result<std::string> RunStore::IntegrityCheck() {
  Statement st(db_, "PRAGMA integrity_check");
  if (!st.ok()) return Error("cannot check integrity");
  std::string out;
  while (st.Step() == SQLITE_ROW) {
    if (!out.empty()) out += '\n';
    out += st.Text(0);
  }
  return out;
}

}  // namespace entente
