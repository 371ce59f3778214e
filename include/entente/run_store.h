// The run store: an embedded SQLite database (by default `runs.db` beside the scenario) that
// keeps every sweep and sensitivity run so that it can be listed, inspected, exported and resumed
// months later. Schema (version 2), kinds, migration and guarantees: docs/formats/run_store.md.
//
// Crash safety: the database is in WAL mode and every batch of replications is written in one
// transaction (its `replications` rows with their `results` rows), so a process killed at any
// moment leaves each replication either entirely stored or absent. Resuming runs exactly the
// absent ones; INSERTs of an index already stored are rejected by the primary key, so nothing is
// ever duplicated. A sensitivity run is recorded as `running` when it starts and gets all its
// result rows, with status `complete`, in one transaction when it ends: a killed one holds no
// partial result.
//
// Opening a store written by an older entente (schema version 1) migrates it to version 2 in one
// transaction; a store of a newer version is refused.
//
// Thread-safety: a RunStore is used from one thread at a time (the sweep's calling thread).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "entente/events.h"
#include "entente/scenario.h"
#include "entente/sensitivity.h"
#include "entente/status.h"
#include "entente/sweep.h"

struct sqlite3;

namespace entente {

// Everything needed to rerun a sweep, as stored in runs.options (JSON).
std::string SweepOptionsToJson(const SweepOptions& options);
Result<SweepOptions> SweepOptionsFromJson(const std::string& json);

// Everything needed to rerun `entente sensitivity`, as stored in runs.options (JSON). Threads,
// callbacks and RunOptions::cancel are not stored (results do not depend on them).
struct SensitivityRunOptions {
  bool target = false;           // false: RunSensitivity(indices); true: SolveTarget(target)
  SensitivityOptions indices;    // model, run (preset, rounds, params, seed), issues, samples,
                                 // seed, step, bootstrap
  TargetOptions target_options;  // model, run, issue, target, actor, field, grid
  EventSelection events;         // the events applied to the scenario before the analysis
};
std::string SensitivityRunOptionsToJson(const SensitivityRunOptions& options);
Result<SensitivityRunOptions> SensitivityRunOptionsFromJson(const std::string& json);

// One tidy row of a stored sensitivity run (table sensitivity_results): one measure of one input
// (or of the issue) on one issue's forecast. Methods and measures: docs/formats/run_store.md.
struct SensitivityRow {
  std::string issue;        // the forecast's issue
  std::string method;       // "base", "oat", "sobol" or "target"
  int rank = 0;             // 1-based rank within (issue, method); 0 = none (method "base")
  std::string actor;        // the input's actor ("" for method "base")
  std::string input_issue;  // the input's issue ("" for a capability and for "base")
  std::string field;        // "position", "salience", "capability" ("" for "base")
  int declared = -1;        // 1: a declared uncertain input, 0: not, -1: not applicable
  std::string measure;      // e.g. "elasticity", "first", "total", "value"
  double value = 0.0;       // NaN = absent (stored as NULL)
  double low = 0.0;         // 95 % bootstrap interval of "first" / "total"; NaN elsewhere
  double high = 0.0;
};
// The rows of a sensitivity summary / a target search, in report order.
std::vector<SensitivityRow> SensitivityRowsOf(const SensitivitySummary& summary);
std::vector<SensitivityRow> TargetRowsOf(const TargetSummary& summary);

// The scenario's issue ids in file order: the order a sweep's export lists them in (as `entente
// run` prints them). No export lists actors outside the report order.
struct ExportOrder {
  std::vector<std::string> issues;
};
ExportOrder ExportOrderOf(const Scenario& scenario);

// One row of the runs table.
struct StoredRun {
  std::int64_t id = 0;
  std::string kind;  // "sweep" or "sensitivity"
  std::string scenario_path;
  std::string scenario_hash;
  std::string scenario_text;
  std::string title;
  std::string options_json;
  std::string version;
  std::uint64_t seed = 0;
  std::uint64_t samples = 0;
  std::string status;    // "running", "interrupted", "complete", "failed"
  std::string created;   // ISO 8601 UTC
  std::string finished;  // "" until complete
  std::string command_line;
  std::uint64_t done = 0;         // sweep: replications stored
  std::uint64_t result_rows = 0;  // sensitivity: rows in sensitivity_results (0 until complete)
  std::string summary_json;       // sensitivity: run-level facts of the finished analysis
};

class RunStore {
 public:
  // Opens (creating when absent) the store at `path`: WAL mode, schema created or checked.
  // kIOError when the file cannot be opened or is not an entente run store.
  static Result<std::unique_ptr<RunStore>> Open(const std::string& path);
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  const std::string& path() const { return path_; }

  // Records a new sweep run with status "running"; returns its id.
  Result<std::int64_t> CreateRun(const Scenario& scenario, const SweepOptions& options,
                                 const std::string& command_line);
  // Stores one batch of replications of `run` in one transaction.
  Status AddBatch(std::int64_t run, const std::vector<ReplicationResult>& batch,
                  const SweepOptions& options, const Scenario& scenario);
  Status SetStatus(std::int64_t run, const std::string& status);

  // Records a new sensitivity run (kind "sensitivity") with status "running"; returns its id.
  // runs.samples is the Sobol base sample size N (0 for a target search).
  Result<std::int64_t> CreateSensitivityRun(const Scenario& scenario,
                                            const SensitivityRunOptions& options,
                                            const std::string& command_line);
  // Stores a finished analysis of sensitivity run `run` as tidy rows and marks it complete, all
  // in one transaction (rows of an earlier attempt, if any, are replaced).
  Status StoreSensitivity(std::int64_t run, const SensitivitySummary& summary);
  Status StoreTarget(std::int64_t run, const TargetSummary& summary);
  // Rebuilds the summary that StoreSensitivity / StoreTarget stored (for `runs show`).
  Result<SensitivitySummary> LoadSensitivity(std::int64_t run);
  Result<TargetSummary> LoadTarget(std::int64_t run);

  Result<StoredRun> GetRun(std::int64_t run);
  Result<std::vector<StoredRun>> ListRuns();
  // Indices of the replications of `run` already stored, ascending.
  Result<std::vector<std::uint64_t>> StoredIndices(std::int64_t run);
  // The stored results of `run`, in index order, in ReplicationResult form (models and issues
  // in the order of `options` and `scenario`).
  Result<std::vector<ReplicationResult>> LoadResults(std::int64_t run, const SweepOptions& options,
                                                     const Scenario& scenario);
  // Tidy rows as CSV with a header line, or as a JSON array of objects. A sweep:
  // (run, replication, seed, model, preset, issue, forecast, stop), by replication, model, then
  // issue in `order` (issues it does not name last, by id). A sensitivity run:
  // (run, issue, method, rank, actor, input_issue, field, declared, measure, value, low, high) in
  // the order the report prints them (issues in scenario order, inputs by rank).
  Result<std::string> ExportCsv(std::int64_t run, const ExportOrder& order = {});
  Result<std::string> ExportJson(std::int64_t run, const ExportOrder& order = {});

  // PRAGMA integrity_check: "ok" or SQLite's report.
  Result<std::string> IntegrityCheck();

 private:
  RunStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Exec(const std::string& sql);
  Status Error(const std::string& what) const;
  // Creates or migrates the schema (Open).
  Status PrepareSchema();
  Status Migrate1To2();
  Status StoreSensitivityRows(std::int64_t run, const std::string& summary_json,
                              const std::vector<SensitivityRow>& rows);
  Result<std::vector<SensitivityRow>> ReadSensitivityRows(std::int64_t run);
  Result<std::string> ExportSensitivity(std::int64_t run, bool json);
  Result<std::string> ExportSweep(std::int64_t run, const ExportOrder& order, bool json);
  Result<std::int64_t> InsertRun(const std::string& kind, const Scenario& scenario,
                                 const std::string& options_json, std::uint64_t seed,
                                 std::uint64_t samples, const std::string& command_line);

  sqlite3* db_ = nullptr;
  std::string path_;
};

// `runs.db` in the directory of `scenario_path` (the current directory for a bare file name).
std::string DefaultStorePath(const std::string& scenario_path);

}  // namespace entente
