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

#include "entente/model.h"

namespace entente {

namespace {

constexpr int kSchemaVersion = 1;

constexpr char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,
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
  command_line  TEXT NOT NULL
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
)sql";

// A prepared statement, finalised on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return stmt_; }
  void Bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void BindDouble(int i, double v) {
    if (std::isnan(v)) {
      sqlite3_bind_null(stmt_, i);
    } else {
      sqlite3_bind_double(stmt_, i, v);
    }
  }
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(t));
  }
  std::int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL ? std::nan("")
                                                          : sqlite3_column_double(stmt_, col);
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

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
    return Status::IOError("run store: the stored sweep options are damaged");
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
  sqlite3_busy_timeout(db, 10000);
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;", "PRAGMA foreign_keys=ON;"}) {
    if (Status s = store->Exec(pragma); !s.ok()) {
      return Status::IOError(path + ": not an entente run store (" + s.message() + ")");
    }
  }
  if (Status s = store->Exec(std::string("BEGIN IMMEDIATE;") + kSchema); !s.ok()) {
    store->Exec("ROLLBACK;");
    return Status::IOError(path + ": not an entente run store (" + s.message() + ")");
  }
  Statement version(db, "SELECT value FROM meta WHERE key = 'schema_version'");
  std::string found;
  if (version.ok() && version.Step() == SQLITE_ROW) found = version.Text(0);
  if (found.empty()) {
    if (Status s = store->Exec("INSERT INTO meta(key, value) VALUES ('schema_version', '" +
                               std::to_string(kSchemaVersion) + "');");
        !s.ok()) {
      store->Exec("ROLLBACK;");
      return s;
    }
  } else if (found != std::to_string(kSchemaVersion)) {
    store->Exec("ROLLBACK;");
    return Status::IOError(path + ": run store schema version " + found +
                           ", this entente reads version " + std::to_string(kSchemaVersion));
  }
  if (Status s = store->Exec("COMMIT;"); !s.ok()) return s;
  return store;
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
  Statement st(db_,
               "INSERT INTO runs(kind, scenario_path, scenario_hash, scenario_text, title, "
               "options, version, run_seed, samples, status, created, command_line) "
               "VALUES ('sweep', ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)");
  if (!st.ok()) return Error("cannot record the run");
  st.Bind(1, scenario.path);
  st.Bind(2, ScenarioHash(scenario));
  st.Bind(3, scenario.text);
  st.Bind(4, scenario.meta.title);
  st.Bind(5, SweepOptionsToJson(options));
  st.Bind(6, std::string(ENTENTE_VERSION));
  st.Bind(7, std::to_string(options.seed));
  st.Bind(8, static_cast<std::int64_t>(options.samples));
  st.Bind(9, NowUtc());
  st.Bind(10, command_line);
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
    "(SELECT COUNT(*) FROM replications r WHERE r.run = runs.id) FROM runs";

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

namespace {

constexpr char kExportQuery[] =
    "SELECT r.idx, p.seed, r.model, r.preset, r.issue, r.forecast, r.stop FROM results r "
    "JOIN replications p ON p.run = r.run AND p.idx = r.idx WHERE r.run = ? "
    "ORDER BY r.idx, r.model_no, r.issue";

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Result<std::string> RunStore::ExportCsv(std::int64_t run) {
  if (Result<StoredRun> r = GetRun(run); !r.ok()) return r.status();
  Statement st(db_, kExportQuery);
  if (!st.ok()) return Error("cannot export run " + std::to_string(run));
  st.Bind(1, run);
  std::string out = "run,replication,seed,model,preset,issue,forecast,stop\n";
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    const double f = st.Double(5);
    out += fmt::format("{},{},{},{},{},{},{},{}\n", run, st.Int(0), st.Text(1),
                       CsvField(st.Text(2)), CsvField(st.Text(3)), CsvField(st.Text(4)),
                       std::isnan(f) ? std::string() : fmt::format("{}", f), CsvField(st.Text(6)));
  }
  if (rc != SQLITE_DONE) return Error("cannot export run " + std::to_string(run));
  return out;
}

Result<std::string> RunStore::ExportJson(std::int64_t run) {
  if (Result<StoredRun> r = GetRun(run); !r.ok()) return r.status();
  Statement st(db_, kExportQuery);
  if (!st.ok()) return Error("cannot export run " + std::to_string(run));
  st.Bind(1, run);
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    const double f = st.Double(5);
    rows.push_back(
        {{"run", run},
         {"replication", st.Int(0)},
         {"seed", st.Text(1)},
         {"model", st.Text(2)},
         {"preset", st.Text(3)},
         {"issue", st.Text(4)},
         {"forecast", std::isnan(f) ? nlohmann::ordered_json() : nlohmann::ordered_json(f)},
         {"stop", st.Text(6)}});
  }
  if (rc != SQLITE_DONE) return Error("cannot export run " + std::to_string(run));
  return rows.dump(2) + "\n";
}

Result<std::string> RunStore::IntegrityCheck() {
  Statement st(db_, "PRAGMA integrity_check");
  if (!st.ok()) return Error("cannot check integrity");
  std::string out;
  while (st.Step() == SQLITE_ROW) out += (out.empty() ? "" : "\n") + st.Text(0);
  return out;
}

}  // namespace entente
