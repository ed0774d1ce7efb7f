// `qctl stats report` and `record` in-process on real SQLite files made through the store:
// formats, the chart, and every bad input (unknown grouping, bad window, conflicting
// formats, no database, a newer schema, several contexts).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/stats/history/store.h"
#include "tests/core/stats/history/history_test_util.h"
#include "tests/support/cli.h"
#include "tests/support/run_qctl.h"

namespace qctl::testing {
namespace {

namespace h = stats::history;

constexpr double kNow = 1700000000;

class StatsHistoryReportCmd : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = h::open_store(db(), {});
    for (int i = 0; i < 3; ++i) {
      store->append(make_snapshot(kNow - 600 + 60 * i, {"dc-a", "dc-b"}, 2.0 * (i + 1)));
    }
  }
  std::string db() const { return dir_.path() + "/data/qctl/stats.db"; }
  CliOutcome run(std::vector<std::string> args) {
    args.insert(args.begin(), {"stats", "report"});
    return run_cli_in_process(args, {{"XDG_DATA_HOME", dir_.path() + "/data"}}, &clock_);
  }
  TempDir dir_;
  FakeClock clock_{kNow};
};

TEST_F(StatsHistoryReportCmd, TableFromTheDefaultDatabase) {
  const auto r = run({"--since", "1h"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Context prod, by dc: 3 snapshots"), std::string::npos) << r.out;
  // dc-a cpus: 20%, 40%, 60% of 10.
  EXPECT_NE(r.out.find("dc-a   cpus       40.0%   60.0%   2023-11-14 22:05 UTC   60.0%\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("dc-b   mem        50.0%   50.0%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Tasks now: 3 TASK_RUNNING\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("allocation, "), std::string::npos) << "no chart when not a TTY";
}

TEST_F(StatsHistoryReportCmd, ChartOnRequest) {
  const auto r = run({"--chart", "always", "--by", "cluster"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("cpus allocation, 2023-11-14 22:03 UTC to 2023-11-14 22:05 UTC"),
            std::string::npos)
      << r.out;
  // 20% -> the 2nd of 8 levels at the left, 60% -> the 5th at the right.
  EXPECT_NE(r.out.find("all   \u2582"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\u2585  avg 40.0%  peak 60.0%\n"), std::string::npos) << r.out;
}

TEST_F(StatsHistoryReportCmd, MachineFormats) {
  const auto as_json = run({"-o", "json"});
  ASSERT_EQ(as_json.code, 0) << as_json.err;
  const auto j = nlohmann::json::parse(as_json.out);
  EXPECT_EQ(j["snapshots"], 3);
  EXPECT_EQ(j["groups"][0]["series_percent"]["cpus"].size(), 60u);
  const auto csv = run({"-o", "csv"});
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_NE(csv.out.find("\ndc-a,cpus,40,60,2023-11-14T22:05:20Z,60,6,10,3\n"), std::string::npos)
      << csv.out;
  const auto graphite = run({"--format", "graphite", "--prefix", "ops.mesos"});
  ASSERT_EQ(graphite.code, 0) << graphite.err;
  EXPECT_NE(graphite.out.find("ops.mesos.prod.dc.dc-a.cpus.peak_percent 60 1700000000\n"),
            std::string::npos)
      << graphite.out;
}

TEST_F(StatsHistoryReportCmd, BadInput) {
  auto r = run({"--by", "rack"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "qctl: no history grouped by 'rack' in the window\n"
            "hint: recorded groupings: cluster, dc\n");
  r = run({"--since", "soon"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--since: 'soon' is not a positive duration"), std::string::npos);
  r = run({"--format", "prometheus", "-o", "json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot be combined"), std::string::npos) << r.err;
  r = run({"-o", "xml"});
  EXPECT_EQ(r.code, 2);
  r = run({"--db", dir_.path() + "/missing.db"});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("missing.db: no stats history database"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("hint: record snapshots first"), std::string::npos) << r.err;
}

TEST_F(StatsHistoryReportCmd, EmptyWindowIsNotAnError) {
  clock_.set(kNow + 30 * 86400);
  const auto r = run({"--since", "1d"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("No snapshots of context prod in the last 1d"), std::string::npos) << r.err;
}

TEST_F(StatsHistoryReportCmd, NewerSchemaIsRefused) {
  set_user_version(db(), 7);
  const auto r = run({});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "qctl: " + db() +
                       ": history schema version 7 is newer than this qctl "
                       "understands (1)\nhint: upgrade qctl; the file was not changed\n");
}

TEST_F(StatsHistoryReportCmd, SeveralContextsNeedOneChosen) {
  h::open_store(db(), {})->append(make_snapshot(kNow - 60, {"dc-a"}, 1, "staging"));
  const auto r = run({});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("several contexts (prod, staging)"), std::string::npos) << r.err;
}

TEST_F(StatsHistoryReportCmd, RecordNeedsAContext) {
  const auto r = run_cli_in_process({"stats", "record", "--db", db()}, {}, &clock_);
  EXPECT_EQ(r.code, 2) << r.out;
}

}  // namespace
}  // namespace qctl::testing
