#include "core/chronos/decode.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/fake_transport.h"

namespace qctl::chronos {
namespace {

std::string fixture(const std::string& name) { return qctl::testing::read_fixture(name); }

const model::Job& find_job(const std::vector<model::Job>& jobs, const std::string& name) {
  for (const auto& j : jobs) {
    if (j.name == name) {
      return j;
    }
  }
  throw std::runtime_error("no job " + name);
}

TEST(ChronosDecodeTest, JobsFixture) {
  auto body = fixture("chronos/jobs.json");
  const auto jobs = decode_jobs(body);
  ASSERT_EQ(jobs.size(), 5u);

  const auto& etl = find_job(jobs, "hourly-etl");
  EXPECT_EQ(etl.schedule, "R/2024-05-31T16:00:00.000Z/PT1H");
  EXPECT_FALSE(etl.is_dependent());
  EXPECT_TRUE(etl.concurrent);
  EXPECT_EQ(etl.retries, 3);
  EXPECT_DOUBLE_EQ(etl.cpus, 1.0);
  EXPECT_DOUBLE_EQ(etl.mem, 2048);
  EXPECT_EQ(etl.success_count, 1204);
  ASSERT_EQ(etl.fetch.size(), 1u);
  EXPECT_TRUE(etl.fetch[0].cache);
  EXPECT_EQ(etl.uris.size(), 1u);
  ASSERT_EQ(etl.environment_variables.size(), 2u);
  EXPECT_EQ(etl.environment_variables[1].name, "ETL_WINDOW");
  ASSERT_TRUE(etl.container.has_value());
  EXPECT_EQ(etl.container->image, "registry.example.com/data/etl:4.2");
  EXPECT_EQ(etl.container->network, "BRIDGE");
  EXPECT_TRUE(etl.container->force_pull_image);
  EXPECT_NE(etl.container->raw_json.find("/srv/etl/spool"), std::string::npos);
  ASSERT_EQ(etl.constraints.size(), 1u);
  EXPECT_EQ(etl.constraints[0], (model::Constraint{"dc", "LIKE", "bj1|sh2", true}));

  const auto& billing = find_job(jobs, "billing-export");
  EXPECT_TRUE(billing.high_priority);
  EXPECT_EQ(billing.schedule_time_zone, "Asia/Shanghai");
  EXPECT_FALSE(billing.container.has_value());

  const auto& publish = find_job(jobs, "report-publish");
  EXPECT_TRUE(publish.is_dependent());
  EXPECT_EQ(publish.parents, std::vector<std::string>{"nightly-report"});
  EXPECT_EQ(publish.schedule, "");

  const auto& cleanup = find_job(jobs, "cleanup-tmp");
  EXPECT_FALSE(cleanup.shell);
  EXPECT_EQ(cleanup.arguments, (std::vector<std::string>{"--older-than", "7d", "/scratch"}));
  EXPECT_EQ(cleanup.errors_since_last_success, 3);
  EXPECT_EQ(cleanup.run_as_user, "nobody");
  EXPECT_EQ(last_state(cleanup), "failure");
  EXPECT_EQ(cleanup.constraints[0].op, "EQUALS");
}

TEST(ChronosDecodeTest, DocsSamplesWithStringNumbersAndOldFields) {
  auto docker = fixture("chronos/chronos-docker-job-sample.json");
  const auto d = decode_job(docker);
  EXPECT_EQ(d.name, "dockerjob");
  EXPECT_DOUBLE_EQ(d.cpus, 0.5);  // "cpus": "0.5"
  EXPECT_DOUBLE_EQ(d.mem, 512);   // "mem": "512"
  ASSERT_TRUE(d.container.has_value());
  EXPECT_EQ(d.container->type, "DOCKER");
  EXPECT_EQ(d.container->image, "libmesos/ubuntu");
  EXPECT_NE(d.container->raw_json.find("\"volumes\""), std::string::npos);
  EXPECT_TRUE(d.fetch.empty());

  auto dependent = fixture("chronos/chronos-dependent-job-sample.json");
  const auto dep = decode_job(dependent);
  EXPECT_TRUE(dep.is_dependent());
  EXPECT_EQ(dep.parents.size(), 2u);
  EXPECT_EQ(dep.success_count, 100);
  EXPECT_EQ(last_state(dep), "success");

  auto iso = fixture("chronos/chronos-iso8601-job-sample.json");
  const auto i = decode_job(iso);
  EXPECT_EQ(i.schedule, "R10/2012-10-01T05:52:00Z/PT2S");
  EXPECT_EQ(i.owner, "bob@airbnb.com");
  EXPECT_TRUE(i.shell);  // default when absent
  EXPECT_EQ(i.retries, 2);
  EXPECT_EQ(last_state(i), "fresh");

  auto full = fixture("chronos/chronos-job-full-sample.json");
  const auto f = decode_job(full);
  EXPECT_FALSE(f.shell);
  EXPECT_EQ(f.arguments, (std::vector<std::string>{"-verbose", "-debug"}));
  EXPECT_DOUBLE_EQ(f.disk, 10240);
  ASSERT_EQ(f.fetch.size(), 1u);
  EXPECT_FALSE(f.fetch[0].extract);
  EXPECT_EQ(f.environment_variables[0].value, "-Xmx1000m");
  EXPECT_EQ(f.error_count, 3);
  EXPECT_EQ(last_state(f), "success");  // lastSuccess 2014-03-08 is after lastError 2014-03-01
}

TEST(ChronosDecodeTest, JobWithoutNameOrNotAnArray) {
  std::string nameless = R"({"command":"true"})";
  EXPECT_THROW((void)decode_job(nameless), json::DecodeError);
  std::string object = R"({"jobs":[]})";
  EXPECT_THROW((void)decode_jobs(object), json::DecodeError);
  std::string empty = "[]";
  EXPECT_TRUE(decode_jobs(empty).empty());
}

TEST(ChronosDecodeTest, Summary) {
  auto body = fixture("chronos/jobs-summary.json");
  const auto s = decode_summary(body);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].name, "hourly-etl");
  EXPECT_EQ(s[0].status, "success");
  EXPECT_EQ(s[0].state, "2 running");
  EXPECT_EQ(s[1].state, "queued");
  EXPECT_EQ(s[3].status, "fresh");
  EXPECT_EQ(s[3].schedule, "");
  EXPECT_EQ(s[3].parents, std::vector<std::string>{"nightly-report"});
  EXPECT_EQ(s[4].status, "failure");
  EXPECT_FALSE(s[4].disabled);
}

TEST(ChronosDecodeTest, GraphCsv) {
  const auto g = decode_graph_csv(fixture("chronos/graph.csv"));
  ASSERT_EQ(g.nodes.size(), 5u);
  EXPECT_EQ(g.nodes[0].name, "hourly-etl");
  EXPECT_EQ(g.nodes[0].last_state, "success");
  EXPECT_EQ(g.nodes[0].current_state, "2 running");
  ASSERT_EQ(g.links.size(), 1u);
  EXPECT_EQ(g.links[0].parent, "nightly-report");
  EXPECT_EQ(g.links[0].child, "report-publish");

  const auto crlf = decode_graph_csv("node,a,fresh,idle\r\nlink,a,b\r\n\r\n");
  EXPECT_EQ(crlf.nodes[0].current_state, "idle");
  EXPECT_EQ(crlf.links[0].child, "b");
  EXPECT_TRUE(decode_graph_csv("").nodes.empty());
  EXPECT_THROW((void)decode_graph_csv("node,a,fresh\n"), json::DecodeError);
  EXPECT_THROW((void)decode_graph_csv("<html><body>404</body></html>"), json::DecodeError);
}

TEST(ChronosDecodeTest, JobStat) {
  auto body = fixture("chronos/job-stat.json");
  const auto s = decode_job_stat(body);
  EXPECT_DOUBLE_EQ(s.histogram.at("median"), 288.0);
  EXPECT_DOUBLE_EQ(s.histogram.at("99thPercentile"), 450.2);
  EXPECT_DOUBLE_EQ(s.histogram.at("count"), 1221);
  ASSERT_EQ(s.history.size(), 3u);
  EXPECT_EQ(s.history[0].end_time, "N/A");
  EXPECT_EQ(s.history[0].duration, "");
  EXPECT_EQ(s.history[1].duration, "5m9s");
  EXPECT_EQ(s.history[1].task_id, "ct:1717167600000:0:hourly-etl:");
  EXPECT_EQ(s.history[2].status, "fail");
}

TEST(ChronosDecodeTest, LeaderAndMetricGauges) {
  auto leader = fixture("chronos/leader.json");
  EXPECT_EQ(decode_leader(leader), "master2.dc1.example.com:4400");

  auto metrics = fixture("chronos/metrics.json");
  const auto gauges = decode_metric_gauges(metrics);
  EXPECT_DOUBLE_EQ(gauges.at("org.apache.mesos.chronos.scheduler.jobs.TaskManager.highQueueSize"),
                   1);
  EXPECT_DOUBLE_EQ(gauges.at("org.apache.mesos.chronos.scheduler.jobs.TaskManager.queueSize"), 0);
  EXPECT_EQ(gauges.count("jvm.threads.deadlocks"), 0u);  // a list, not a number
}

TEST(ChronosDecodeTest, LastStateFollowsChronosExporter) {
  model::Job j;
  EXPECT_EQ(last_state(j), "fresh");
  j.last_error = "2024-05-31T02:00:41.922Z";
  EXPECT_EQ(last_state(j), "failure");
  j.last_success = "2024-05-31T02:00:40.000Z";
  EXPECT_EQ(last_state(j), "failure");
  j.last_success = "2024-05-31T03:00:00.000Z";
  EXPECT_EQ(last_state(j), "success");
  j.last_error.clear();
  EXPECT_EQ(last_state(j), "success");
}

TEST(ChronosDecodeTest, SummarizeForChronos2) {
  auto body = fixture("chronos/jobs.json");
  const auto jobs = decode_jobs(body);
  auto graph = decode_graph_csv(fixture("chronos/graph.csv"));
  graph.nodes.erase(graph.nodes.begin() + 4);  // cleanup-tmp missing from the graph
  const auto s = summarize(jobs, graph);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].name, "hourly-etl");
  EXPECT_EQ(s[0].state, "2 running");
  EXPECT_EQ(s[3].name, "report-publish");
  EXPECT_EQ(s[3].schedule, "");
  EXPECT_EQ(s[3].parents, std::vector<std::string>{"nightly-report"});
  EXPECT_EQ(s[4].name, "cleanup-tmp");
  EXPECT_EQ(s[4].status, "failure");  // derived from lastSuccess/lastError
  EXPECT_EQ(s[4].state, "idle");
  EXPECT_EQ(s[4].schedule, "R/2024-06-01T02:00:00.000Z/P1D");
}

}  // namespace
}  // namespace qctl::chronos
