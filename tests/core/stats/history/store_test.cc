// The SQLite history store on real files: round trip, schema version, refusals that leave
// the file untouched, a held lock, concurrent writers, pruning.
#include "core/stats/history/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <mutex>
#include <thread>

#include "core/error.h"
#include "tests/core/stats/history/history_test_util.h"
#include "tests/support/run_qctl.h"

namespace qctl::testing {
namespace {

namespace h = stats::history;

class StatsHistoryStoreTest : public ::testing::Test {
 protected:
  std::string path() const { return dir_.path() + "/sub/stats.db"; }
  std::unique_ptr<h::Store> open(bool read_only = false) {
    return h::open_store(path(), {read_only, std::chrono::milliseconds(200)});
  }
  TempDir dir_;
};

TEST_F(StatsHistoryStoreTest, AppendsAndLoadsOneGroupingInTimeOrder) {
  auto store = open();
  auto s1 = make_snapshot(1000, {"dc-a", "dc-b"}, 2);
  s1.counters[*h::counter_index("chronos_success_count")] = 7;
  store->append(s1);
  store->append(make_snapshot(1060, {"dc-a", "dc-b"}, 4));
  store->append(make_snapshot(1030, {"dc-a"}, 3, "other"));

  const auto hist = store->load({"prod", "dc", 0, 2000});
  ASSERT_EQ(hist.groups, (std::vector<std::string>{"dc-a", "dc-b"}));
  ASSERT_EQ(hist.points.size(), 4u);
  EXPECT_EQ(hist.points[0].taken_at, 1000);
  EXPECT_EQ(hist.points[3].taken_at, 1060);
  EXPECT_EQ(hist.points[3].values.resources[0].allocated, 4);
  EXPECT_EQ(hist.points[0].values, s1.groups[1].values);
  ASSERT_EQ(hist.counters.size(), 2u);
  EXPECT_EQ(hist.counters[0].values[*h::counter_index("chronos_success_count")], 7);
  EXPECT_TRUE(std::isnan(hist.counters[1].values[*h::counter_index("chronos_success_count")]));

  EXPECT_EQ(store->load({"prod", "dc", 1010, 2000}).points.size(), 2u);
  EXPECT_EQ(store->dimensions("prod", 0, 2000), (std::vector<std::string>{"cluster", "dc"}));
  EXPECT_EQ(store->last_task_states({"prod", "dc", 0, 2000}).at("TASK_RUNNING"), 3);
  const auto contexts = store->contexts();
  ASSERT_EQ(contexts.size(), 2u);
  EXPECT_EQ(contexts[1].context, "prod");
  EXPECT_EQ(contexts[1].snapshots, 2);
  EXPECT_EQ(contexts[1].last, 1060);
  EXPECT_EQ(contexts[1].default_dimension, "dc");
}

TEST_F(StatsHistoryStoreTest, WritesTheSchemaVersionAndReopens) {
  open()->append(make_snapshot(1000, {"dc-a"}, 1));
  const auto bytes = read_file(path());
  ASSERT_GE(bytes.size(), 64u);
  EXPECT_EQ(static_cast<int>(bytes[63]), h::kSchemaVersion);
  EXPECT_EQ(open(true)->contexts().size(), 1u);
}

TEST_F(StatsHistoryStoreTest, RefusesANewerSchemaWithoutTouchingIt) {
  open()->append(make_snapshot(1000, {"dc-a"}, 1));
  set_user_version(path(), 99);
  const auto before = read_file(path());
  for (bool read_only : {false, true}) {
    try {
      open(read_only);
      FAIL() << "a newer schema was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::kApi);
      EXPECT_NE(e.line().find("schema version 99 is newer"), std::string::npos) << e.line();
      EXPECT_NE(e.hint().find("upgrade qctl"), std::string::npos);
    }
  }
  EXPECT_EQ(read_file(path()), before);
}

TEST_F(StatsHistoryStoreTest, RefusesAFileThatIsNotADatabaseWithoutTouchingIt) {
  const auto file = dir_.write("notes.db", std::string(4096, 'x'));
  try {
    static_cast<void>(h::open_store(file, {}));
    FAIL() << "garbage was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kApi);
    EXPECT_NE(e.line().find("not a usable stats history"), std::string::npos) << e.line();
    EXPECT_NE(e.hint().find("move it aside"), std::string::npos);
  }
  EXPECT_EQ(read_file(file), std::string(4096, 'x'));
}

TEST_F(StatsHistoryStoreTest, RefusesSomeoneElsesSqliteDatabase) {
  const auto file = dir_.path() + "/app.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE users (name TEXT)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  try {
    static_cast<void>(h::open_store(file, {}));
    FAIL() << "a foreign database was accepted";
  } catch (const Error& e) {
    EXPECT_NE(e.line().find("not a qctl stats history (it has a table 'users')"), std::string::npos)
        << e.line();
  }
}

TEST_F(StatsHistoryStoreTest, ReportsALockHeldTooLongAndLosesNothing) {
  auto store = open();
  store->append(make_snapshot(1000, {"dc-a"}, 1));
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path().c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  try {
    store->append(make_snapshot(1060, {"dc-a"}, 2));
    FAIL() << "appended under another writer's lock";
  } catch (const Error& e) {
    EXPECT_EQ(e.line(), path() + ": database is locked by another writer (waited 200ms)");
  }
  // Readers are not blocked by a writer in WAL mode.
  EXPECT_EQ(open(true)->contexts().at(0).snapshots, 1);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  store->append(make_snapshot(1120, {"dc-a"}, 3));
  EXPECT_EQ(store->contexts().at(0).snapshots, 2);
}

TEST_F(StatsHistoryStoreTest, ConcurrentWritersAllLand) {
  constexpr int kWriters = 4;
  constexpr int kEach = 15;
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  std::mutex mutex;
  std::string errors;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([this, w, &failures, &mutex, &errors] {
      try {
        auto store = h::open_store(path(), {false, std::chrono::seconds(20)});
        for (int i = 0; i < kEach; ++i) {
          store->append(make_snapshot(1000 + w * 100 + i, {"dc-a", "dc-b"}, 1));
        }
      } catch (const std::exception& e) {
        ++failures;
        const std::lock_guard<std::mutex> lock(mutex);
        errors += std::string(e.what()) + "\n";
      }
    });
  }
  for (auto& t : writers) {
    t.join();
  }
  EXPECT_EQ(failures, 0) << errors;
  const auto hist = open(true)->load({"prod", "dc", 0, 1e9});
  EXPECT_EQ(hist.counters.size(), static_cast<std::size_t>(kWriters * kEach));
  EXPECT_EQ(hist.points.size(), static_cast<std::size_t>(kWriters * kEach * 2));
  EXPECT_EQ(hist.groups.size(), 2u);  // no duplicate groups from racing writers
}

TEST_F(StatsHistoryStoreTest, PrunesOnlyOldSnapshotsOfOneContext) {
  auto store = open();
  for (double t : {100.0, 200.0, 300.0}) {
    store->append(make_snapshot(t, {"dc-a"}, 1));
    store->append(make_snapshot(t, {"dc-a"}, 1, "other"));
  }
  EXPECT_EQ(store->prune("prod", 250), 2);
  EXPECT_EQ(store->load({"prod", "dc", 0, 1000}).points.size(), 1u);
  EXPECT_EQ(store->load({"other", "dc", 0, 1000}).points.size(), 3u);
}

TEST_F(StatsHistoryStoreTest, ReadOnlyNeverCreatesAFile) {
  EXPECT_THROW(open(true), NotFoundError);
  EXPECT_FALSE(std::ifstream(path()).good());
}

TEST(StatsHistoryPaths, XdgDataHomeThenHome) {
  EXPECT_EQ(h::default_db_path("/x", "/home/u"), "/x/qctl/stats.db");
  EXPECT_EQ(h::default_db_path(std::nullopt, "/home/u"), "/home/u/.local/share/qctl/stats.db");
  EXPECT_EQ(h::default_db_path("relative", "/home/u"), "/home/u/.local/share/qctl/stats.db");
  EXPECT_EQ(h::default_db_path(std::nullopt, std::nullopt), std::nullopt);
}

}  // namespace
}  // namespace qctl::testing
