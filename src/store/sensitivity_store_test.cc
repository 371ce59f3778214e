// Sensitivity runs in the run store, the schema 1 -> 2 migration and the export order.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "entente/io.h"
#include "entente/report_format.h"
#include "entente/run_store.h"
#include "entente/sensitivity_format.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

class SensitivityStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("entente_sens_store_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Result<Scenario> s =
        LoadScenario(std::string(ENTENTE_SOURCE_DIR) + "/tests/data/uncertain.yaml");
    ASSERT_TRUE(s.ok()) << s.status().message();
    scenario_ = *s;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path() const { return (dir_ / "runs.db").string(); }

  // Runs SQL on the store file directly (sqlite3 C API), as another program would.
  void RawSql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(Path().c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
  }

  fs::path dir_;
  Scenario scenario_;
};

SensitivityRunOptions IndicesOptions() {
  SensitivityRunOptions o;
  o.indices.model = "compromise";
  o.indices.samples = 8;
  o.indices.bootstrap = 5;
  o.indices.seed = 0xFFFFFFFFFFFFFFF1ULL;
  o.indices.run.seed = o.indices.seed;
  return o;
}

TEST_F(SensitivityStoreTest, OptionsRoundTripThroughJson) {
  SensitivityRunOptions o = IndicesOptions();
  o.indices.issues = {"budget"};
  o.indices.step = 0.1;
  o.indices.run.params = {{"q", "0.5"}};
  o.indices.run.max_rounds = 7;
  o.events = EventSelection::Named({"boost-b"});
  Result<SensitivityRunOptions> back =
      SensitivityRunOptionsFromJson(SensitivityRunOptionsToJson(o));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_FALSE(back->target);
  EXPECT_EQ(back->indices.model, "compromise");
  EXPECT_EQ(back->indices.samples, 8);
  EXPECT_EQ(back->indices.bootstrap, 5);
  EXPECT_EQ(back->indices.seed, o.indices.seed);  // all 64 bits
  EXPECT_EQ(back->indices.run.seed, o.indices.seed);
  EXPECT_EQ(back->indices.step, 0.1);
  EXPECT_EQ(back->indices.issues, std::vector<std::string>{"budget"});
  EXPECT_EQ(back->indices.run.params.at("q"), "0.5");
  EXPECT_EQ(back->indices.run.max_rounds, 7);
  EXPECT_EQ(back->events.mode, EventSelection::Mode::kNamed);

  SensitivityRunOptions t;
  t.target = true;
  t.target_options.model = "mean";
  t.target_options.issue = "timing";
  t.target_options.target = 42.5;
  t.target_options.actor = "b";
  t.target_options.field = UncertainInput::Field::kSalience;
  back = SensitivityRunOptionsFromJson(SensitivityRunOptionsToJson(t));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_TRUE(back->target);
  EXPECT_EQ(back->target_options.issue, "timing");
  EXPECT_EQ(back->target_options.target, 42.5);
  EXPECT_EQ(back->target_options.actor, "b");
  EXPECT_EQ(back->target_options.field, UncertainInput::Field::kSalience);
  EXPECT_EQ(back->target_options.grid, 41);
  EXPECT_FALSE(SensitivityRunOptionsFromJson("{\"analysis\":\"x\"}").ok());
  EXPECT_FALSE(SensitivityRunOptionsFromJson("[").ok());
}

// Stored, reopened and rebuilt, an analysis prints exactly as it did.
TEST_F(SensitivityStoreTest, StoresAnAnalysisAndRebuildsItExactly) {
  const SensitivityRunOptions options = IndicesOptions();
  Result<SensitivitySummary> summary = RunSensitivity(scenario_, options.indices);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  ASSERT_FALSE(summary->issues[0].sobol.empty());
  {
    Result<std::unique_ptr<RunStore>> store = RunStore::Open(Path());
    ASSERT_TRUE(store.ok()) << store.status().message();
    Result<std::int64_t> run =
        (*store)->CreateSensitivityRun(scenario_, options, "entente sensitivity x");
    ASSERT_TRUE(run.ok()) << run.status().message();
    Result<StoredRun> before = (*store)->GetRun(*run);
    EXPECT_EQ(before->kind, "sensitivity");
    EXPECT_EQ(before->status, "running");
    EXPECT_EQ(before->result_rows, 0u);
    ASSERT_TRUE((*store)->StoreSensitivity(*run, *summary).ok());
    // Storing again (a resumed run) replaces the rows.
    ASSERT_TRUE((*store)->StoreSensitivity(*run, *summary).ok());
  }
  Result<std::unique_ptr<RunStore>> store = RunStore::Open(Path());
  ASSERT_TRUE(store.ok());
  Result<StoredRun> run = (*store)->GetRun(1);
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->status, "complete");
  EXPECT_FALSE(run->finished.empty());
  EXPECT_EQ(run->samples, 8u);
  EXPECT_EQ(run->seed, options.indices.seed);
  EXPECT_EQ(run->result_rows, SensitivityRowsOf(*summary).size());
  Result<SensitivitySummary> back = (*store)->LoadSensitivity(1);
  ASSERT_TRUE(back.ok()) << back.status().message();
  const ReportHeader header = MakeReportHeader(scenario_, {}, "x");
  EXPECT_EQ(FormatSensitivityJson(*back, header), FormatSensitivityJson(*summary, header));
  EXPECT_EQ(FormatSensitivityTable(scenario_, *back, header),
            FormatSensitivityTable(scenario_, *summary, header));

  // Tidy rows: issues in scenario order, inputs by rank; intervals on the Sobol rows.
  Result<std::string> csv = (*store)->ExportCsv(1);
  ASSERT_TRUE(csv.ok()) << csv.status().message();
  EXPECT_EQ(csv->substr(0, csv->find('\n')),
            "run,issue,method,rank,actor,input_issue,field,declared,measure,value,low,high");
  EXPECT_EQ(csv->find("\n1,timing,base,,,,,,forecast,"), csv->find('\n'));
  EXPECT_LT(csv->find(",timing,sobol,1,"), csv->find(",budget,base,"));
  EXPECT_NE(csv->find(",timing,oat,1,"), std::string::npos);
  const SobolIndex& top = summary->issues[0].sobol[0];
  EXPECT_NE(csv->find(fmt::format(",timing,sobol,1,{},{},{},true,total,{},{},{}\n", top.input.actor,
                                  top.input.issue, InputFieldName(top.input.field), top.total,
                                  top.total_low, top.total_high)),
            std::string::npos)
      << *csv;
  Result<std::string> json = (*store)->ExportJson(1);
  ASSERT_TRUE(json.ok());
  EXPECT_NE(json->find("\"method\": \"sobol\""), std::string::npos);
  EXPECT_EQ(*(*store)->IntegrityCheck(), "ok");
}

TEST_F(SensitivityStoreTest, StoresATargetSearch) {
  SensitivityRunOptions options;
  options.target = true;
  options.target_options.model = "compromise";
  options.target_options.issue = "timing";
  options.target_options.target = 45;
  options.target_options.grid = 5;
  Result<TargetSummary> summary = SolveTarget(scenario_, options.target_options);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  Result<std::unique_ptr<RunStore>> store = RunStore::Open(Path());
  ASSERT_TRUE(store.ok());
  Result<std::int64_t> run = (*store)->CreateSensitivityRun(scenario_, options, "");
  ASSERT_TRUE(run.ok());
  EXPECT_EQ((*store)->GetRun(*run)->samples, 0u);
  ASSERT_TRUE((*store)->StoreTarget(*run, *summary).ok());
  Result<TargetSummary> back = (*store)->LoadTarget(*run);
  ASSERT_TRUE(back.ok()) << back.status().message();
  const ReportHeader header = MakeReportHeader(scenario_, {}, "x");
  EXPECT_EQ(FormatTargetJson(*back, header), FormatTargetJson(*summary, header));
  EXPECT_EQ(FormatTargetTable(scenario_, *back, header),
            FormatTargetTable(scenario_, *summary, header));
  // A sensitivity summary is not read back as a target search, nor stored on a sweep run.
  EXPECT_FALSE((*store)->LoadSensitivity(*run).ok());
  SweepOptions sweep;
  sweep.models = {SweepModel{"mean", {}}};
  sweep.samples = 1;
  Result<std::int64_t> sweep_run = (*store)->CreateRun(scenario_, sweep, "");
  ASSERT_TRUE(sweep_run.ok());
  EXPECT_FALSE((*store)->StoreTarget(*sweep_run, *summary).ok());
  EXPECT_EQ((*store)->GetRun(*sweep_run)->status, "running");
}

// A store written by schema version 1 (the SQL of entente 0.x before sensitivity runs were
// stored), with one sweep run in it, opens: it is migrated to version 2 and keeps its run.
TEST_F(SensitivityStoreTest, MigratesAVersion1Store) {
  RawSql(R"sql(
PRAGMA journal_mode=WAL;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, scenario_path TEXT NOT NULL,
  scenario_hash TEXT NOT NULL, scenario_text TEXT NOT NULL, title TEXT NOT NULL,
  options TEXT NOT NULL, version TEXT NOT NULL, run_seed TEXT NOT NULL, samples INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'interrupted', 'complete', 'failed')),
  created TEXT NOT NULL, finished TEXT, command_line TEXT NOT NULL);
CREATE TABLE replications (run INTEGER NOT NULL REFERENCES runs(id), idx INTEGER NOT NULL,
  seed TEXT NOT NULL, PRIMARY KEY (run, idx)) WITHOUT ROWID;
CREATE TABLE results (run INTEGER NOT NULL, idx INTEGER NOT NULL, model_no INTEGER NOT NULL,
  model TEXT NOT NULL, preset TEXT NOT NULL, issue TEXT NOT NULL, forecast REAL,
  stop TEXT NOT NULL, PRIMARY KEY (run, idx, model_no, issue),
  FOREIGN KEY (run, idx) REFERENCES replications(run, idx)) WITHOUT ROWID;
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO runs VALUES (7, 'sweep', 'u.yaml', '0123456789abcdef', 'text', 'T',
  '{"models":[{"name":"mean","preset":"","max_rounds":0,"tolerance":1e-06,"params":{}}],"samples":2,"seed":"3","events":{"mode":"enabled","ids":[]},"thresholds":[],"histogram_bins":20}',
  '0.9', '3', 2, 'interrupted', '2026-01-01T00:00:00Z', NULL, 'entente sweep u.yaml');
INSERT INTO replications VALUES (7, 0, '99');
INSERT INTO results VALUES (7, 0, 0, 'mean', '', 'timing', 41.5, 'static');
INSERT INTO results VALUES (7, 0, 0, 'mean', '', 'budget', 0.5, 'static');
)sql");
  Result<std::unique_ptr<RunStore>> store = RunStore::Open(Path());
  ASSERT_TRUE(store.ok()) << store.status().message();
  Result<StoredRun> run = (*store)->GetRun(7);
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(run->kind, "sweep");
  EXPECT_EQ(run->status, "interrupted");
  EXPECT_EQ(run->done, 1u);
  EXPECT_EQ(run->seed, 3u);
  EXPECT_EQ(run->command_line, "entente sweep u.yaml");
  EXPECT_EQ(*(*store)->IntegrityCheck(), "ok");
  // The old run resumes: its stored results load, and new batches go in.
  Result<SweepOptions> options = SweepOptionsFromJson(run->options_json);
  ASSERT_TRUE(options.ok());
  Result<std::vector<ReplicationResult>> results = (*store)->LoadResults(7, *options, scenario_);
  ASSERT_TRUE(results.ok()) << results.status().message();
  EXPECT_EQ((*results)[0].forecast[0], 41.5);
  ReplicationResult next = (*results)[0];
  next.index = 1;
  EXPECT_TRUE((*store)->AddBatch(7, {next}, *options, scenario_).ok());
  // Issues export in the scenario's order (timing before budget), not alphabetically.
  Result<std::string> csv = (*store)->ExportCsv(7, ExportOrderOf(scenario_));
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv->substr(csv->find('\n') + 1),
            "7,0,99,mean,,timing,41.5,static\n7,0,99,mean,,budget,0.5,static\n"
            "7,1,99,mean,,timing,41.5,static\n7,1,99,mean,,budget,0.5,static\n");
  // The new schema is in force: a sensitivity run goes in, an unknown kind does not.
  EXPECT_TRUE((*store)->CreateSensitivityRun(scenario_, IndicesOptions(), "").ok());
  store->reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(Path().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &st,
                               nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "2");
  sqlite3_finalize(st);
  EXPECT_NE(sqlite3_exec(db,
                         "INSERT INTO runs(kind, scenario_path, scenario_hash, scenario_text, "
                         "title, options, version, run_seed, samples, status, created, "
                         "command_line) VALUES ('other', '', '', '', '', '', '', '0', 0, "
                         "'running', '', '')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  // Opening it again is a no-op.
  store = RunStore::Open(Path());
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->ListRuns()->size(), 2u);
}

TEST_F(SensitivityStoreTest, RefusesANewerSchema) {
  RawSql(
      "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "INSERT INTO meta VALUES ('schema_version', '3');");
  Result<std::unique_ptr<RunStore>> store = RunStore::Open(Path());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("schema version 3"), std::string::npos);
}

}  // namespace
}  // namespace entente
