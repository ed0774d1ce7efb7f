// `qctl stats record` and `qctl stats report` end to end: the real binary against
// `qctl sandbox`, writing real SQLite files; two records at once, a corrupt file.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {
namespace {

// Four simulated agents of 8 cpus in two datacenters and /web with 2 tasks of 1 cpu.
class StatsHistoryIntegration : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cluster_ = new SandboxCluster({"--simulate", "--agents", "4", "--attributes", "dc=bj1,rack=r1",
                                   "--attributes", "dc=sh1,rack=r2"});
    if (!cluster_->sb.ok()) {
      return;
    }
    cluster_->create_app(R"({"id": "/web", "cmd": "sleep 1000", "cpus": 1, "mem": 128,
                             "instances": 2, "constraints": [["dc", "CLUSTER", "bj1"]]})");
    ready_ = eventually([] { return cluster_->running() == 2; });
  }
  static void TearDownTestSuite() {
    delete cluster_;
    cluster_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(c.sb.ok()) << c.sb.error();
    ASSERT_TRUE(ready_) << "/web never reached 2 running tasks";
  }
  std::string db() const { return dir.path() + "/h/stats.db"; }

  static inline SandboxCluster* cluster_ = nullptr;
  static inline bool ready_ = false;
  const SandboxCluster& c = *cluster_;
  TempDir dir;
};

TEST_F(StatsHistoryIntegration, TwoRecordsAtOnceBothLandAndReportSeesThem) {
  ProcessResult first;
  ProcessResult second;
  std::thread other([&] { second = c.qctl({"stats", "record", "--db", db(), "--quiet"}); });
  first = c.qctl({"stats", "record", "--db", db(), "--quiet"});
  other.join();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(first.out + second.out, "");  // --quiet: nothing for cron to mail

  const auto r = c.qctl({"stats", "report", "--db", db(), "--since", "1h", "-o", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["context"], "(env)");
  EXPECT_EQ(j["by"], "dc");  // the datacenter-like attribute by default
  EXPECT_EQ(j["snapshots"], 2);
  ASSERT_EQ(j["groups"].size(), 2u);
  EXPECT_EQ(j["groups"][0]["name"], "bj1");
  // bj1: 2 agents x 8 cpus, /web's 2 tasks of 1 cpu there: 12.5%.
  EXPECT_EQ(j["groups"][0]["resources"]["cpus"]["total"], 16.0);
  EXPECT_EQ(j["groups"][0]["resources"]["cpus"]["avg_percent"], 12.5);
  EXPECT_EQ(j["groups"][1]["resources"]["cpus"]["peak_percent"], 0.0);
  EXPECT_EQ(j["tasks"]["by_state"]["TASK_RUNNING"], 2);
  EXPECT_TRUE(j["chronos"]["runs_succeeded"].is_number());

  const auto table = c.qctl({"stats", "report", "--db", db(), "--by", "rack", "--chart", "always"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(row_of(table.out, "r1").find("cpus"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("cpus allocation"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("\u2581"), std::string::npos) << table.out;

  const auto prom = c.qctl({"stats", "report", "--db", db(), "--format", "prometheus"});
  ASSERT_EQ(prom.exit_code, 0) << prom.err;
  EXPECT_NE(prom.out.find("qctl_stats_allocation_avg_ratio{context=\"(env)\",by=\"dc\","
                          "group=\"bj1\",resource=\"cpus\"} 0.125\n"),
            std::string::npos)
      << prom.out;
}

TEST_F(StatsHistoryIntegration, DefaultDatabaseUnderXdgDataHome) {
  const std::map<std::string, std::string> env = {{"XDG_DATA_HOME", dir.path() + "/data"}};
  const auto r = c.qctl({"stats", "record"}, env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto path = dir.path() + "/data/qctl/stats.db";
  EXPECT_EQ(r.out.rfind("recorded snapshot 1 of context (env) (", 0), 0u) << r.out;
  EXPECT_NE(r.out.find(" in " + path + "\n"), std::string::npos) << r.out;
  const auto csv = c.qctl({"stats", "report", "-o", "csv", "--no-headers"}, env);
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("bj1,cpus,12.5,12.5,", 0), 0u) << csv.out;
}

TEST_F(StatsHistoryIntegration, ClusterGroupIsNamedAfterTheCluster) {
  ASSERT_EQ(c.qctl({"stats", "record", "--db", db(), "-q"}).exit_code, 0);
  const auto j = c.qctl_json({"stats", "report", "--db", db(), "--by", "cluster"});
  ASSERT_EQ(j["groups"].size(), 1u) << j.dump();
  EXPECT_EQ(j["groups"][0]["name"], "sandbox");  // the master's "cluster" field
  EXPECT_EQ(j["groups"][0]["resources"]["cpus"]["total"], 32.0);
}

TEST_F(StatsHistoryIntegration, CorruptDatabaseIsRefusedAndLeftAlone) {
  const auto path = dir.write("stats.db", "SQLite format 3\nnot really\n");
  const auto r = c.qctl({"stats", "record", "--db", path});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(r.err.rfind("qctl: " + path + ": not a usable stats history: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("hint: qctl leaves the file as it is"), std::string::npos) << r.err;
  std::ifstream in(path);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "SQLite format 3\nnot really\n");
  const auto report = c.qctl({"stats", "report", "--db", path});
  EXPECT_EQ(report.exit_code, 1) << report.err;
}

TEST_F(StatsHistoryIntegration, LockedDatabaseFailsClearlyAndLosesNothing) {
  ASSERT_EQ(c.qctl({"stats", "record", "--db", db(), "-q"}).exit_code, 0);
  sqlite3* other = nullptr;  // another writer in the middle of its transaction
  ASSERT_EQ(sqlite3_open(db().c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  const auto r = c.qctl({"stats", "record", "--db", db(), "--lock-timeout", "300ms"});
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "qctl: " + db() +
                       ": database is locked by another writer (waited 300ms)\n"
                       "hint: another 'qctl stats record' may be running; retry, or wait longer "
                       "with --lock-timeout\n");
  const auto j = c.qctl_json({"stats", "report", "--db", db()});
  EXPECT_EQ(j["snapshots"], 1);
}

TEST_F(StatsHistoryIntegration, UnreachableMarathonStillRecordsTheRest) {
  const auto r = c.qctl({"stats", "record", "--db", db(), "-q", "--timeout", "2s"},
                        {{"QCTL_MARATHON", "http://127.0.0.1:1"}});
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_NE(r.err.find("qctl: warning: Marathon apps: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("qctl: stats record: snapshot recorded without the parts that failed"),
            std::string::npos)
      << r.err;
  const auto j = c.qctl_json({"stats", "report", "--db", db()});
  EXPECT_EQ(j["snapshots"], 1);
  EXPECT_TRUE(j["marathon"]["queue_peak"].is_null());
  EXPECT_EQ(j["groups"][0]["resources"]["cpus"]["avg_percent"], 12.5);
}

// After a master failover the agents come back over minutes: a snapshot of that window would
// show an empty cluster and make the report count every task as started again.
TEST(StatsHistoryFailover, NothingIsRecordedWhileAgentsReregister) {
  SandboxCluster c({"--simulate", "--masters", "2", "--agents", "2"});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  TempDir dir;
  const std::string db = dir.path() + "/stats.db";
  ASSERT_EQ(c.qctl({"stats", "record", "--db", db, "-q"}).exit_code, 0);
  c.admin("mesos/leader", R"({"leader":1,"reregister_seconds":60})");
  const auto r = c.qctl({"stats", "record", "--db", db, "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("not recorded: 2 agents have not re-registered since a master failover"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(c.qctl_json({"stats", "report", "--db", db})["snapshots"], 1);
}

}  // namespace
}  // namespace qctl::testing
