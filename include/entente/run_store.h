// The run store: an embedded SQLite database (by default `runs.db` beside the scenario) that
// keeps every sweep so that it can be listed, inspected, exported and resumed months later.
// Schema and guarantees: docs/formats/run_store.md.
//
// Crash safety: the database is in WAL mode and every batch of replications is written in one
// transaction (its `replications` rows with their `results` rows), so a process killed at any
// moment leaves each replication either entirely stored or absent. Resuming runs exactly the
// absent ones; INSERTs of an index already stored are rejected by the primary key, so nothing is
// ever duplicated.
//
// Thread-safety: a RunStore is used from one thread at a time (the sweep's calling thread).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "entente/scenario.h"
#include "entente/status.h"
#include "entente/sweep.h"

struct sqlite3;

namespace entente {

// Everything needed to rerun a sweep, as stored in runs.options (JSON).
std::string SweepOptionsToJson(const SweepOptions& options);
Result<SweepOptions> SweepOptionsFromJson(const std::string& json);

// One row of the runs table.
struct StoredRun {
  std::int64_t id = 0;
  std::string kind;  // "sweep"
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
  std::uint64_t done = 0;  // replications stored
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

  // Records a new run with status "running"; returns its id.
  Result<std::int64_t> CreateRun(const Scenario& scenario, const SweepOptions& options,
                                 const std::string& command_line);
  // Stores one batch of replications of `run` in one transaction.
  Status AddBatch(std::int64_t run, const std::vector<ReplicationResult>& batch,
                  const SweepOptions& options, const Scenario& scenario);
  Status SetStatus(std::int64_t run, const std::string& status);

  Result<StoredRun> GetRun(std::int64_t run);
  Result<std::vector<StoredRun>> ListRuns();
  // Indices of the replications of `run` already stored, ascending.
  Result<std::vector<std::uint64_t>> StoredIndices(std::int64_t run);
  // The stored results of `run`, in index order, in ReplicationResult form (models and issues
  // in the order of `options` and `scenario`).
  Result<std::vector<ReplicationResult>> LoadResults(std::int64_t run, const SweepOptions& options,
                                                     const Scenario& scenario);
  // Tidy rows (run, replication, seed, model, preset, issue, forecast, stop) as CSV with a header
  // line, or as a JSON array of objects.
  Result<std::string> ExportCsv(std::int64_t run);
  Result<std::string> ExportJson(std::int64_t run);

  // PRAGMA integrity_check: "ok" or SQLite's report.
  Result<std::string> IntegrityCheck();

 private:
  RunStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Exec(const std::string& sql);
  Status Error(const std::string& what) const;

  sqlite3* db_ = nullptr;
  std::string path_;
};

// `runs.db` in the directory of `scenario_path` (the current directory for a bare file name).
std::string DefaultStorePath(const std::string& scenario_path);

}  // namespace entente
