// `qctl stats`, `stats fit` and `stats board` in-process against recorded real-shape payloads.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/cli.h"
#include "tests/support/fake_transport.h"
#include "tests/support/run_qctl.h"

namespace qctl::testing {
namespace {

using http::Method;

void serve_mesos(FakeTransport& t) {
  t.get_fixture(std::string(kMesos) + "/master/slaves", "mesos/stats-slaves.json");
  t.get_fixture(std::string(kMesos) + "/master/maintenance/status", "mesos/stats-maintenance.json");
}

CliOutcome run(FakeTransport& t, const std::vector<std::string>& args, bool marathon = false) {
  std::map<std::string, std::string> env = {{"QCTL_MESOS", kMesos},
                                            {"QCTL_CONFIG", "/nonexistent/qctl-config"}};
  if (marathon) {
    env["QCTL_MARATHON"] = kMarathon;
  }
  FakeClock clock(1717000000);
  return run_cli_in_process(args, env, &clock, &t);
}

TEST(StatsCmdTest, TablesPerDatacenterWithUnavailableAgentsApart) {
  FakeTransport t;
  serve_mesos(t);
  const auto r = run(t, {"stats", "--shape", "cpus=0.1", "--top", "1"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            R"(Allocation by dc:
GROUP   AGENTS   RESOURCE    TOTAL   ALLOCATED   ALLOC%   RESERVED   OFFERED     FREE   UNAVAILABLE
bj1        1/2   cpus           12           4    33.3%          2         0        5             3
bj1        1/2   mem          24Gi         5Gi    20.8%        2Gi         0     12Gi           7Gi
bj1        1/2   disk       97.7Gi           0       0%          0         0   97.7Gi             0
bj1        1/2   ports        1000           2     0.2%          0         0      998             0
sh2        2/3   cpus          5.3         1.1    20.8%          0         0      0.2             4
sh2        2/3   mem          10Gi       512Mi       5%          0         0    1.5Gi           8Gi
sh2        2/3   disk            0           0        -          0         0        0             0
sh2        2/3   ports         120           0       0%          0         0       20           100

Reserved by role:
GROUP   ROLE   RESOURCE   RESERVED   STATIC   DYNAMIC   ALLOCATED   FREE
bj1     web    cpus              2        1         1           2      0
bj1     web    mem             2Gi      2Gi         0           0    2Gi

Most loaded agents:
NAME     GROUP   STATUS      CPUS   MEM   DISK
a5.sh2   sh2     Available    90%    0%     0%

Least loaded agents:
NAME     GROUP   STATUS       CPUS   MEM   DISK
a1.bj1   bj1     Available   37.5%   25%     0%

Unavailable agents (not counted as free):
NAME     GROUP   STATUS        CPUS     MEM   DISK
a2.bj1   bj1     Draining       25%   12.5%     0%
a3.sh2   sh2     Maintenance     0%      0%     0%

Fragmentation (tasks of each shape that still fit):
GROUP   SHAPE            FITS   IDEAL   FRAGMENTATION   LIMITING   STRANDED-CPUS   STRANDED-MEM
bj1     cpus=0.1,mem=0     50      50               0   cpus                   0              0
sh2     cpus=0.1,mem=0      1       1               0   cpus                 0.1            1Gi
)");
  EXPECT_EQ(r.err, "");
}

TEST(StatsCmdTest, JsonHasTheDocumentedFields) {
  FakeTransport t;
  serve_mesos(t);
  const auto r = run(t, {"stats", "--no-shapes", "-o", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["group_by"], "dc");
  EXPECT_EQ(doc["groups"][0]["group"], "bj1");
  EXPECT_EQ(doc["groups"][0]["resources"]["cpus"]["reserved_dynamic"], 1.0);
  EXPECT_EQ(doc["groups"][0]["resources"]["cpus"]["revocable_allocated"], 1.0);
  EXPECT_EQ(doc["unavailable_agents"][1]["status"], "Maintenance");
  EXPECT_TRUE(doc["fragmentation"].empty());
}

TEST(StatsCmdTest, UnknownAttributeAndBadShapeAreUsageErrors) {
  FakeTransport t;
  serve_mesos(t);
  auto r = run(t, {"stats", "--by", "zone"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--by zone: unknown attribute"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("attributes: dc, rack"), std::string::npos) << r.err;
  FakeTransport t2;
  t2.allow_unused();
  r = run(t2, {"stats", "--shape", "cpus=1,mem=2G"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--shape cpus=1,mem=2G: mem: not a number >= 0: 2G"), std::string::npos)
      << r.err;
}

// Without maintenance status the agents in a window would count as free: the tables are
// still printed, with a warning, and the exit says a part is missing (6).
TEST(StatsCmdTest, AnUnreadablePartIsAPartialResult) {
  FakeTransport t;
  t.get_fixture(std::string(kMesos) + "/master/slaves", "mesos/stats-slaves.json");
  t.on(Method::kGet, std::string(kMesos) + "/master/maintenance/status", 500, "boom", {}, true);
  const auto r = run(t, {"stats", "--no-shapes"});
  EXPECT_EQ(r.code, 6) << r.err;
  EXPECT_NE(r.out.find("Allocation by dc:"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("qctl: warning: could not read maintenance status"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("qctl: stats: computed without the parts that could not be read"),
            std::string::npos)
      << r.err;
}

TEST(StatsCmdTest, EmptyClusterSaysSoAndExitsZero) {
  FakeTransport t;
  t.on(Method::kGet, std::string(kMesos) + "/master/slaves", 200,
       R"({"slaves":[],"recovered_slaves":[]})");
  t.on(Method::kGet, std::string(kMesos) + "/master/maintenance/status", 200, "{}");
  const auto r = run(t, {"stats", "--no-shapes"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "No agents found.\n");
}

// Placement stopped short: the agents that took an instance say why they take no other
// (UNIQUE here), next to the one that took none.
TEST(StatsCmdTest, FitExitsOneAndExplainsEachRejectedAgent) {
  FakeTransport t;
  serve_mesos(t);
  t.on(Method::kGet, std::string(kMarathon) + "/v2/apps/web/tasks", 404,
       R"({"message":"App '/web' does not exist"})");
  const TempDir dir;
  const auto app = dir.write(
      "web.json", R"({"id":"/web","cpus":0.1,"mem":64,"instances":3,"portDefinitions":[],)"
                  R"("constraints":[["hostname","UNIQUE"]]})");
  const auto r = run(t, {"stats", "fit", "-f", app, "--explain"}, true);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out, R"(does not fit: 2 of 3 instances of /web on 3 available agents

GROUP   AGENTS   PLACED   AGENTS-USED
bj1          1        1             1
sh2          2        1             1

Rejected agents by reason:
REASON                  AGENTS
InsufficientCpus             1
UnfulfilledConstraint        2

Why each rejected agent was rejected:
NAME     REASON                  DETAIL
a5.sh2   InsufficientCpus        cpus: need 0.1, free 0.0999
a1.bj1   UnfulfilledConstraint   constraint hostname:UNIQUE (already on this host)
a4.sh2   UnfulfilledConstraint   constraint hostname:UNIQUE (already on this host)
)");
}

TEST(StatsCmdTest, FitOfAShapeThatFitsExitsZero) {
  FakeTransport t;
  serve_mesos(t);
  const auto r =
      run(t, {"stats", "fit", "--shape", "cpus=1,mem=1024", "--instances", "5", "-o", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["placed"], 5);
  EXPECT_EQ(doc["fits"], true);
}

TEST(StatsCmdTest, FitRejectsBadInput) {
  FakeTransport t;
  t.allow_unused();
  auto r = run(t, {"stats", "fit"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("exactly one of -f APP.json, --job JOB.json or --shape"), std::string::npos);
  const TempDir dir;
  const auto bad = dir.write("bad.json", R"({"id": "/web", "cpus": )");
  r = run(t, {"stats", "fit", "-f", bad});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("not a valid JSON app definition"), std::string::npos) << r.err;
  const auto no_id = dir.write("noid.json", R"({"cpus": 1})");
  r = run(t, {"stats", "fit", "-f", no_id});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("id: required"), std::string::npos) << r.err;
  // Constraints Marathon answers 422 for are bad input, not a capacity verdict.
  const std::vector<std::pair<std::string, std::string>> constraints = {
      {R"([["dc","BOGUS"]])", "operator must be one of the following"},
      {R"([["dc","LIKE","["]])", "is not a valid regular expression"},
      {R"([["dc","MAX_PER"]])", "MAX_PER requires an integer value"},
      {R"([["hostname","UNIQUE","x"]])", "UNIQUE does not accept a value"},
      {R"([["dc","GROUP_BY","abc"]])", "GROUP BY must define an integer value"},
      {R"([["dc"]])", "Each constraint must have either 2 or 3 fields"},
  };
  for (const auto& [c, why] : constraints) {
    const auto file = dir.write("c.json", R"({"id":"/x","cpus":1,"constraints":)" + c + "}");
    r = run(t, {"stats", "fit", "-f", file});
    EXPECT_EQ(r.code, 2) << c;
    EXPECT_NE(r.err.find(why), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST(StatsCmdTest, BoardWithoutColourUsesCharactersAndALegend) {
  FakeTransport t;
  serve_mesos(t);
  const auto r = run(t, {"stats", "board"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "bj1/1  1 agent  cpus 38%  mem 25%\n"
            "  -\n"
            "bj1/2  1 agent  cpus 25%  mem 13%  1 unavailable\n"
            "  x\n"
            "sh2/<none>  1 agent  cpus 90%  mem 0%\n"
            "  #\n"
            "sh2/r9  2 agents  cpus 5%  mem 6%  1 unavailable\n"
            "  x*\n"
            "legend:  . <20%  - 20-40%  + 40-60%  * 60-80%  # >=80%  x unavailable"
            "  (load = the higher of cpus and mem allocated)\n");
}

}  // namespace
}  // namespace qctl::testing
