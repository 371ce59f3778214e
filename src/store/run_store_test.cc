#include "entente/run_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <thread>

#include "entente/io.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

class RunStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("entente_store_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Result<Scenario> s =
        LoadScenario(std::string(ENTENTE_SOURCE_DIR) + "/tests/data/two_issues.yaml");
    ASSERT_TRUE(s.ok()) << s.status().message();
    scenario_ = *s;
    options_.models = {SweepModel{"compromise", {}}, SweepModel{"eum", {}}};
    options_.samples = 10;
    options_.seed = 0xFFFFFFFFFFFFFFF0ULL;  // uses all 64 bits
    options_.thresholds = {*ParseThreshold("timing>=40")};
    options_.events = EventSelection::Named({"boost-b"});
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path() const { return (dir_ / "runs.db").string(); }

  fs::path dir_;
  Scenario scenario_;
  SweepOptions options_;
};

TEST_F(RunStoreTest, OptionsRoundTripThroughJson) {
  options_.models[1].options.preset = "masad";
  options_.models[1].options.max_rounds = 7;
  options_.models[1].options.params = {{"q", "0.5"}};
  options_.histogram_bins = 9;
  Result<SweepOptions> back = SweepOptionsFromJson(SweepOptionsToJson(options_));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->seed, options_.seed);
  EXPECT_EQ(back->samples, 10u);
  EXPECT_EQ(back->models.size(), 2u);
  EXPECT_EQ(back->models[1].options.preset, "masad");
  EXPECT_EQ(back->models[1].options.max_rounds, 7);
  EXPECT_EQ(back->models[1].options.params.at("q"), "0.5");
  EXPECT_EQ(back->events.mode, EventSelection::Mode::kNamed);
  EXPECT_EQ(back->events.ids, std::vector<std::string>{"boost-b"});
  EXPECT_EQ(back->thresholds[0].text, "timing>=40");
  EXPECT_EQ(back->histogram_bins, 9);
  EXPECT_FALSE(SweepOptionsFromJson("{").ok());
}

TEST_F(RunStoreTest, StoresBatchesAndReadsThemBackExactly) {
  Result<std::unique_ptr<RunStore>> store = RunStore::Open(Path());
  ASSERT_TRUE(store.ok()) << store.status().message();
  Result<std::int64_t> run = (*store)->CreateRun(scenario_, options_, "entente sweep x");
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(*run, 1);

  auto results = RunReplications(scenario_, options_, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, nullptr);
  ASSERT_TRUE(results.ok()) << results.status().message();
  std::vector<ReplicationResult> first(results->begin(), results->begin() + 4);
  std::vector<ReplicationResult> second(results->begin() + 4, results->end());
  ASSERT_TRUE((*store)->AddBatch(*run, second, options_, scenario_).ok());
  EXPECT_EQ(*(*store)->StoredIndices(*run), (std::vector<std::uint64_t>{4, 5, 6, 7, 8, 9}));
  ASSERT_TRUE((*store)->AddBatch(*run, first, options_, scenario_).ok());

  // A batch repeating a stored replication is refused as a whole.
  std::vector<ReplicationResult> again = {(*results)[2]};
  EXPECT_FALSE((*store)->AddBatch(*run, again, options_, scenario_).ok());
  EXPECT_EQ((*store)->StoredIndices(*run)->size(), 10u);

  store->reset();  // close and reopen
  store = RunStore::Open(Path());
  ASSERT_TRUE(store.ok());
  Result<std::vector<ReplicationResult>> back = (*store)->LoadResults(*run, options_, scenario_);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), 10u);
  for (std::size_t k = 0; k < 10; ++k) {
    EXPECT_EQ((*back)[k].index, k);
    EXPECT_EQ((*back)[k].seed, (*results)[k].seed);
    EXPECT_EQ((*back)[k].forecast, (*results)[k].forecast);  // bit for bit
    EXPECT_EQ((*back)[k].stop, (*results)[k].stop);
  }
  Result<SweepSummary> a = Summarize(scenario_, options_, *results);
  Result<SweepSummary> b = Summarize(scenario_, options_, *back);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->stats[0].mean, b->stats[0].mean);

  ASSERT_TRUE((*store)->SetStatus(*run, "complete").ok());
  Result<StoredRun> stored = (*store)->GetRun(*run);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->status, "complete");
  EXPECT_FALSE(stored->finished.empty());
  EXPECT_EQ(stored->done, 10u);
  EXPECT_EQ(stored->seed, options_.seed);
  EXPECT_EQ(stored->scenario_hash, ScenarioHash(scenario_));
  EXPECT_EQ(stored->scenario_text, scenario_.text);
  EXPECT_EQ(stored->command_line, "entente sweep x");
  EXPECT_EQ(*(*store)->IntegrityCheck(), "ok");
  EXPECT_EQ((*store)->ListRuns()->size(), 1u);
  EXPECT_EQ((*store)->GetRun(99).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(RunStoreTest, ExportsTidyRows) {
  Result<std::unique_ptr<RunStore>> store = RunStore::Open(Path());
  ASSERT_TRUE(store.ok());
  options_.samples = 2;
  Result<std::int64_t> run = (*store)->CreateRun(scenario_, options_, "");
  auto results = RunReplications(scenario_, options_, {0, 1}, nullptr);
  ASSERT_TRUE(results.ok());
  ASSERT_TRUE((*store)->AddBatch(*run, *results, options_, scenario_).ok());
  Result<std::string> csv = (*store)->ExportCsv(*run);
  ASSERT_TRUE(csv.ok());
  // Header + 2 replications × 2 models × 2 issues.
  EXPECT_EQ(std::count(csv->begin(), csv->end(), '\n'), 1 + 8);
  EXPECT_EQ(csv->substr(0, csv->find('\n')),
            "run,replication,seed,model,preset,issue,forecast,stop");
  EXPECT_NE(csv->find("1,0," + std::to_string((*results)[0].seed) + ",eum,bdm,"),
            std::string::npos);
  Result<std::string> json = (*store)->ExportJson(*run);
  ASSERT_TRUE(json.ok());
  EXPECT_NE(json->find("\"model\": \"compromise\""), std::string::npos);
}

TEST_F(RunStoreTest, RefusesAFileThatIsNotAStore) {
  const std::string path = (dir_ / "not.db").string();
  ASSERT_TRUE(WriteFileAtomically(path, "this is not a database, just text\n").ok());
  Result<std::unique_ptr<RunStore>> store = RunStore::Open(path);
  EXPECT_EQ(store.status().code(), StatusCode::kIOError);
  EXPECT_EQ(RunStore::Open((dir_ / "missing" / "runs.db").string()).status().code(),
            StatusCode::kIOError);
}

TEST_F(RunStoreTest, TwoOpensOfOneNewStoreAtOnceBothSucceed) {
  // Two sweeps (or a sweep and an analyst's sqlite3) opening one new store at the same moment:
  // while one switches the fresh file to WAL, the other's switch can answer SQLITE_BUSY without
  // the busy handler, and must be retried rather than reported as "not an entente run store".
  for (int attempt = 0; attempt < 40; ++attempt) {
    const std::string path = (dir_ / ("race" + std::to_string(attempt) + ".db")).string();
    Result<std::unique_ptr<RunStore>> first = Status::IOError("not opened"),
                                      second = Status::IOError("not opened");
    std::thread other([&] { second = RunStore::Open(path); });
    first = RunStore::Open(path);
    other.join();
    ASSERT_TRUE(first.ok()) << attempt << ": " << first.status().message();
    ASSERT_TRUE(second.ok()) << attempt << ": " << second.status().message();
  }
}

TEST(DefaultStorePath, IsBesideTheScenario) {
  EXPECT_EQ(DefaultStorePath("scenarios/x/scenario.yaml"), "scenarios/x/runs.db");
  EXPECT_EQ(DefaultStorePath("scenario.yaml"), "runs.db");
}

}  // namespace
}  // namespace entente
