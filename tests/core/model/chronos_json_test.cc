#include "core/model/chronos_json.h"

#include <gtest/gtest.h>

#include <string>

#include "core/chronos/decode.h"
#include "tests/support/fake_transport.h"

namespace qctl::model {
namespace {

using nlohmann::json;

std::vector<Job> fixture_jobs() {
  std::string body = qctl::testing::read_fixture("chronos/jobs.json");
  return chronos::decode_jobs(body);
}

TEST(ChronosJsonTest, JobHasStableSnakeCaseFields) {
  const auto jobs = fixture_jobs();
  const json etl = to_json(jobs[0]);
  EXPECT_EQ(etl.at("name"), "hourly-etl");
  EXPECT_EQ(etl.at("kind"), "scheduled");
  EXPECT_EQ(etl.at("high_priority"), false);
  EXPECT_EQ(etl.at("success_count"), 1204);
  EXPECT_EQ(etl.at("container").at("image"), "registry.example.com/data/etl:4.2");
  EXPECT_EQ(etl.at("container").at("force_pull_image"), true);
  EXPECT_EQ(etl.at("constraints"), json::parse(R"([["dc","LIKE","bj1|sh2"]])"));
  EXPECT_EQ(etl.at("environment_variables")[0].at("name"), "WAREHOUSE_URL");

  const json billing = to_json(jobs[1]);
  EXPECT_EQ(billing.at("high_priority"), true);
  EXPECT_TRUE(billing.at("container").is_null());

  const json publish = to_json(jobs[3]);
  EXPECT_EQ(publish.at("kind"), "dependent");
  EXPECT_EQ(publish.at("parents"), json::array({"nightly-report"}));
}

TEST(ChronosJsonTest, WritesBackInChronosFieldNames) {
  const auto jobs = fixture_jobs();
  const json etl = job_to_chronos_json(jobs[0]);
  EXPECT_EQ(etl.at("name"), "hourly-etl");
  EXPECT_EQ(etl.at("schedule"), "R/2024-05-31T16:00:00.000Z/PT1H");
  EXPECT_EQ(etl.at("highPriority"), false);
  EXPECT_EQ(etl.at("successCount"), 1204);  // kept so an upsert does not reset it
  EXPECT_EQ(etl.at("lastSuccess"), "2024-05-31T15:05:12.408Z");
  EXPECT_EQ(etl.at("fetch")[0].at("uri"), "https://artifacts.example.com/etl/etl-4.2.tgz");
  EXPECT_FALSE(etl.contains("uris"));  // both together are a 400
  EXPECT_FALSE(etl.contains("parents"));
  EXPECT_EQ(etl.at("container").at("volumes")[0].at("hostPath"), "/srv/etl/spool");
  EXPECT_EQ(etl.at("container").at("forcePullImage"), true);
  EXPECT_EQ(etl.at("environmentVariables")[1].at("value"), "1h");
  EXPECT_EQ(etl.at("concurrent"), true);

  Job raised = jobs[1];
  raised.high_priority = true;
  EXPECT_EQ(job_to_chronos_json(raised).at("highPriority"), true);
  EXPECT_EQ(job_to_chronos_json(raised).at("scheduleTimeZone"), "Asia/Shanghai");

  const json publish = job_to_chronos_json(jobs[3]);
  EXPECT_EQ(publish.at("parents"), json::array({"nightly-report"}));
  EXPECT_FALSE(publish.contains("schedule"));

  const json cleanup = job_to_chronos_json(jobs[4]);
  EXPECT_EQ(cleanup.at("shell"), false);
  EXPECT_EQ(cleanup.at("arguments"), json::array({"--older-than", "7d", "/scratch"}));
  EXPECT_EQ(cleanup.at("runAsUser"), "nobody");
  EXPECT_EQ(cleanup.at("constraints"), json::parse(R"([["dc","EQUALS","bj1"]])"));
}

TEST(ChronosJsonTest, WriteBackRoundTripsThroughTheDecoder) {
  for (const auto& job : fixture_jobs()) {
    std::string text = job_to_chronos_json(job).dump();
    const Job back = chronos::decode_job(text);
    json expected = to_json(job);
    json actual = to_json(back);
    // Chronos mirrors fetch into uris when it answers; the write-back sends only fetch.
    expected.erase("uris");
    actual.erase("uris");
    EXPECT_EQ(actual.dump(), expected.dump()) << job.name;
  }
}

TEST(ChronosJsonTest, UrisOnlyWhenThereIsNoFetch) {
  Job j;
  j.name = "legacy";
  j.uris = {"http://example.com/a.tgz"};
  const json out = job_to_chronos_json(j);
  EXPECT_EQ(out.at("uris"), json::array({"http://example.com/a.tgz"}));
  EXPECT_FALSE(out.contains("fetch"));
  EXPECT_FALSE(out.contains("schedule"));  // no schedule: Chronos runs it once, now
}

TEST(ChronosJsonTest, SummaryGraphAndStat) {
  std::string summary = qctl::testing::read_fixture("chronos/jobs-summary.json");
  const json s = to_json(chronos::decode_summary(summary)[0]);
  EXPECT_EQ(s, json::parse(R"({"name":"hourly-etl","status":"success","state":"2 running",
      "schedule":"R/2024-05-31T16:00:00.000Z/PT1H","parents":[],"disabled":false})"));

  const json g =
      to_json(chronos::decode_graph_csv(qctl::testing::read_fixture("chronos/graph.csv")));
  EXPECT_EQ(g.at("links")[0], (json{{"parent", "nightly-report"}, {"child", "report-publish"}}));
  EXPECT_EQ(g.at("nodes")[4].at("last_state"), "failure");

  std::string stat = qctl::testing::read_fixture("chronos/job-stat.json");
  const json st = to_json(chronos::decode_job_stat(stat));
  EXPECT_EQ(st.at("histogram").at("count"), 1221.0);
  EXPECT_EQ(st.at("history")[1].at("duration"), "5m9s");
}

}  // namespace
}  // namespace qctl::model
