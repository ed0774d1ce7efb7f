// `qctl queue list` and `qctl queue priority` end to end against `qctl sandbox`: a one-agent
// cluster (1 cpu) filled by a long job, so the Chronos jobs that follow must wait in its two
// queues; the sandbox's Chronos drains the high queue first and requeues a task with its
// job's current priority when no offer fits, as real Chronos does.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {
namespace {

/// A sandbox whose single agent runs one 1-cpu job at a time (real `sleep` processes, so a
/// job runs until it is killed).
class QueueSandbox : public SandboxCluster {
 public:
  explicit QueueSandbox(const std::string& chronos_api = "3")
      : SandboxCluster({"--agents", "1", "--resources", "cpus=1,mem=1024", "--isolation", "none",
                        "--chronos-api", chronos_api}) {}

  [[nodiscard]] std::string chronos_api() const {
    return sb.chronos() + sb.endpoints()["chronos_prefix"].get<std::string>();
  }

  /// POST {prefix}/iso8601: a 1-cpu job due now that runs until killed.
  void submit(const std::string& name, bool high = false) const {
    const nlohmann::json job = {
        {"name", name}, {"command", "sleep 600"}, {"schedule", "R1//PT10M"}, {"cpus", 1},
        {"mem", 32},    {"highPriority", high}};
    const auto r = http_call("POST", chronos_api() + "/iso8601", job.dump(),
                             {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 204) << r.body;
  }

  /// The job's summary state (graph/csv on 2.x); "" when the job is not listed.
  [[nodiscard]] std::string state(const std::string& name) const {
    if (sb.endpoints()["chronos_prefix"] == "/scheduler") {
      std::istringstream csv(http_call("GET", chronos_api() + "/graph/csv").body);
      for (std::string line; std::getline(csv, line);) {
        if (line.rfind("node," + name + ",", 0) == 0) {
          return line.substr(line.rfind(',') + 1);
        }
      }
      return "";
    }
    const auto body = nlohmann::json::parse(http_call("GET", chronos_api() + "/jobs/summary").body);
    for (const auto& job : body["jobs"]) {
      if (job["name"] == name) {
        return job["state"].get<std::string>();
      }
    }
    return "";
  }

  [[nodiscard]] bool running(const std::string& name) const {
    const auto s = state(name);
    return s == "running" || s == "1 running";
  }

  /// DELETE {prefix}/task/kill/NAME: frees the cluster.
  void kill(const std::string& name) const {
    const auto r = http_call("DELETE", chronos_api() + "/task/kill/" + name);
    EXPECT_EQ(r.status, 204) << r.body;
  }

  /// Fills the agent with `filler` and waits until it runs.
  void fill() const {
    submit("filler");
    ASSERT_TRUE(eventually([&] { return running("filler"); })) << state("filler");
  }

  /// `qctl queue list -o json`, null on failure.
  [[nodiscard]] nlohmann::json queue() const { return qctl_json({"queue", "list"}); }
};

std::vector<std::string> names(const nlohmann::json& jobs) {
  std::vector<std::string> out;
  for (const auto& j : jobs) {
    out.push_back(j["name"].get<std::string>());
  }
  return out;
}

TEST(QueueSandboxTest, HighPriorityJobStartsFirstOnAFullCluster) {
  QueueSandbox c;
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  c.fill();
  c.submit("normal-job");
  c.submit("high-job", true);
  ASSERT_TRUE(eventually(
      [&] { return c.state("normal-job") == "queued" && c.state("high-job") == "queued"; }));

  // Both wait, each in its queue, and the gauges count them.
  nlohmann::json doc;
  ASSERT_TRUE(eventually([&] {
    doc = c.queue();
    return doc.is_object() && doc["chronos"]["gauges"]["high"] == 1 &&
           doc["chronos"]["gauges"]["normal"] == 1;
  })) << doc.dump();
  EXPECT_EQ(names(doc["chronos"]["high"]), std::vector<std::string>{"high-job"});
  EXPECT_EQ(names(doc["chronos"]["normal"]), std::vector<std::string>{"normal-job"});
  const auto table = c.qctl({"queue", "list"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(row_of(table.out, "chronos/high").find("high-job"), std::string::npos) << table.out;
  EXPECT_NE(row_of(table.out, "chronos/normal").find("normal-job"), std::string::npos) << table.out;
  EXPECT_NE(row_of(table.out, "chronos/normal").find("high queue (1)"), std::string::npos)
      << table.out;
  // The filler holds the one agent: no room for either, and the row says so.
  EXPECT_NE(row_of(table.out, "chronos/high").find("no agent has room now: Insufficient"),
            std::string::npos)
      << table.out;
  EXPECT_NE(doc["chronos"]["high"][0]["blocked_by"][0].get<std::string>().find("1 agent)"),
            std::string::npos)
      << doc.dump();
  // The normal job: no room and the high queue ahead, both in JSON as in the table.
  EXPECT_EQ(doc["chronos"]["normal"][0]["blocked_by"].size(), 2U) << doc.dump();
  EXPECT_EQ(doc["chronos"]["normal"][0]["blocked_by"][1], "high queue (1)") << doc.dump();
  EXPECT_NE(table.out.find("Chronos queues (/metrics): high 1, normal 1"), std::string::npos)
      << table.out;

  // Free the agent: the high job takes it; the normal one (queued first) keeps waiting.
  c.kill("filler");
  ASSERT_TRUE(eventually([&] { return c.running("high-job"); })) << c.state("high-job");
  EXPECT_EQ(c.state("normal-job"), "queued");
  doc = c.queue();
  EXPECT_TRUE(doc["chronos"]["high"].empty()) << doc.dump();
  EXPECT_EQ(names(doc["chronos"]["normal"]), std::vector<std::string>{"normal-job"});
}

// A job bigger than any agent can ever offer waits forever: BLOCKED BY names the resource.
TEST(QueueSandboxTest, AJobNoAgentCanTakeSaysWhy) {
  QueueSandbox c;
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  const nlohmann::json job = {{"name", "huge"}, {"command", "true"}, {"schedule", "R1//PT10M"},
                              {"cpus", 64}, {"mem", 64}};
  const auto r = http_call("POST", c.chronos_api() + "/iso8601", job.dump(),
                           {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 204) << r.body;
  ASSERT_TRUE(eventually([&] { return c.state("huge") == "queued"; })) << c.state("huge");
  const auto table = c.qctl({"queue", "list", "huge"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(row_of(table.out, "chronos/normal")
                .find("no agent has room now: InsufficientCpus (1 agent)"),
            std::string::npos)
      << table.out;
}

TEST(QueueSandboxTest, PriorityMovesAWaitingJobAheadWhenChronosRequeuesIt) {
  QueueSandbox c;
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  c.fill();
  c.submit("first");
  ASSERT_TRUE(eventually([&] { return c.state("first") == "queued"; }));
  c.submit("urgent");
  ASSERT_TRUE(eventually([&] { return c.state("urgent") == "queued"; }));

  const auto r = c.qctl({"queue", "priority", "urgent", "high", "--run"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(row_of(r.out, "urgent").find("before   normal     queued   normal"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("after    high       queued   normal"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("stays there: Chronos moves it to the high queue only if an offer "
                       "round finds no room for it and requeues it"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--run not sent: job urgent is already queued"), std::string::npos) << r.err;

  // The next offer round with no room requeues the task into the high queue.
  nlohmann::json doc;
  ASSERT_TRUE(eventually([&] {
    doc = c.queue();
    return doc.is_object() && doc["chronos"]["gauges"]["high"] == 1 &&
           doc["chronos"]["note"].is_null();
  })) << doc.dump();
  EXPECT_EQ(names(doc["chronos"]["high"]), std::vector<std::string>{"urgent"});

  c.kill("filler");
  ASSERT_TRUE(eventually([&] { return c.running("urgent"); })) << c.state("urgent");
  EXPECT_EQ(c.state("first"), "queued");
}

TEST(QueueSandboxTest, MarathonAppThatCannotFitShowsWhatBlocksIt) {
  QueueSandbox c;
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  c.create_app(R"({"id": "/too-big", "cmd": "sleep 600", "cpus": 2, "mem": 32, "instances": 1})");
  ProcessResult r;
  ASSERT_TRUE(eventually([&] {
    r = c.qctl({"queue", "list"});
    return r.exit_code == 0 &&
           row_of(r.out, "marathon").find("InsufficientCpus") != std::string::npos;
  })) << r.out
      << r.err;
  EXPECT_NE(row_of(r.out, "marathon").find("/too-big"), std::string::npos) << r.out;
  const auto doc = c.queue();
  ASSERT_EQ(doc["marathon"].size(), 1u) << doc.dump();
  EXPECT_EQ(doc["marathon"][0]["app_id"], "/too-big");
  EXPECT_EQ(doc["marathon"][0]["count"], 1);
  EXPECT_EQ(doc["marathon"][0]["blocked_by"][0], "InsufficientCpus");
}

TEST(QueueSandboxTest, EmptyQueuesAndUnknownJob) {
  QueueSandbox c;
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  auto r = c.qctl({"queue", "list"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "Nothing is waiting.\n");
  r = c.qctl({"queue", "priority", "no-such-job", "high", "--run"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("job 'no-such-job' not found"), std::string::npos) << r.err;
  r = c.qctl({"queue", "priority", "no-such-job", "soon"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(QueueSandboxTest, Chronos2xPathsWork) {
  QueueSandbox c("2");
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  c.fill();
  c.submit("waiting");
  ASSERT_TRUE(eventually([&] { return c.state("waiting") == "queued"; }));
  const auto r = c.qctl({"queue", "priority", "waiting", "high"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("(POST /scheduler/iso8601)"), std::string::npos) << r.err;
  nlohmann::json doc;
  ASSERT_TRUE(eventually([&] {
    doc = c.queue();
    return doc.is_object() && doc["chronos"]["gauges"]["high"] == 1;
  })) << doc.dump();
  EXPECT_EQ(names(doc["chronos"]["high"]), std::vector<std::string>{"waiting"});
}

}  // namespace
}  // namespace qctl::testing
