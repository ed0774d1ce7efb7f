// The sandbox's Mesos agent endpoints: /state, /containers, statistics and the files API.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/sandbox/mesos/mesos_world.h"
#include "tests/support/fake_transport.h"

namespace qctl::sandbox::mesos {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::MesosWorld;
using testing::shape_diff;

class SandboxMesosAgent : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = fs::temp_directory_path() / ("qctl-mesos-agent-" + std::to_string(::getpid()));
    fs::create_directories(work_);
    w.world.agent(w.agent_ids[0])->work_dir = work_.string();
    SimTask& proc = w.launch("proc.1", 0, w.marathon_id, {31005});
    proc.pid = ::getpid();  // a real process for /proc readings
    proc.sandbox_dir = sandbox_of(proc);
    fs::create_directories(proc.sandbox_dir);
    std::ofstream(proc.sandbox_dir + "/stdout") << "0123456789";
    w.world.update("proc.1", "TASK_RUNNING", "");
    SimTask& docker = w.launch("docker.1", 0, w.marathon_id, {31006});
    docker.spec.container = ContainerKind::kDocker;
    docker.spec.image = "nginx:1.25";
    docker.pid = ::getpid();
    w.world.update("docker.1", "TASK_RUNNING", "");
    SimTask& done = w.launch("done.1", 0, w.chronos_id);
    done.sandbox_dir = sandbox_of(done);
    fs::create_directories(done.sandbox_dir);
    w.world.update("done.1", "TASK_FINISHED", "");
    w.launch("cron.1", 0, w.chronos_id);
    mount_agent(router, w.world, w.agent_ids[0], w.options);
  }
  void TearDown() override { fs::remove_all(work_); }

  std::string sandbox_of(const SimTask& t) const {
    return work_.string() + "/slaves/" + t.agent_id + "/frameworks/" + t.spec.framework_id +
           "/executors/" + t.executor_id + "/runs/" + t.container_id;
  }
  json get_json(const std::string& path, const std::string& query = "") {
    http::Response r = MesosWorld::get(router, path, query);
    EXPECT_EQ(r.status, 200) << path << "?" << query << ": " << r.body;
    return json::parse(r.body);
  }
  http::Response read(const std::string& query) {
    return MesosWorld::get(router, "/files/read", query);
  }
  std::string latest() const {
    return "/frameworks/" + w.marathon_id + "/executors/proc.1/runs/latest";
  }

  fs::path work_;
  MesosWorld w;
  http::Router router;
};

TEST_F(SandboxMesosAgent, StateHasTheRealShapeAndMapsTasksToSandboxes) {
  json state = get_json("/state");
  EXPECT_EQ(state, get_json("/slave(1)/state"));
  // The fixture's executor `type` and `labels` belong to custom executors.
  EXPECT_EQ(shape_diff(json::parse(qctl::testing::read_fixture("mesos/agent-state.json")), state,
                       {"type", "labels", "domain"}),
            "");
  const json& marathon = state["frameworks"][0];
  ASSERT_EQ(marathon["executors"].size(), 2U);
  const json& proc = marathon["executors"][1];  // executors come sorted by task id
  SimTask* task = w.world.task("proc.1");
  EXPECT_EQ(proc["container"], task->container_id);
  EXPECT_EQ(proc["directory"], task->sandbox_dir);
  EXPECT_EQ(proc["tasks"][0]["id"], "proc.1");
  EXPECT_EQ(proc["resources"]["cpus"], 0.6);  // task + command executor allowance
  EXPECT_EQ(proc["resources"]["mem"], 288.0);
  EXPECT_EQ(proc["name"], "Command Executor (Task: proc.1) (Command: sh -c 'sleep 1000')");
  const json& chronos = state["frameworks"][1];
  EXPECT_EQ(chronos["role"], "*");
  EXPECT_EQ(chronos["executors"][0]["id"], "cron.1");
  EXPECT_EQ(chronos["completed_executors"][0]["completed_tasks"][0]["state"], "TASK_FINISHED");
}

TEST_F(SandboxMesosAgent, ContainersReportExecutorPidOnlyForMesosContainers) {
  json containers = get_json("/containers");
  EXPECT_EQ(shape_diff(json::parse(qctl::testing::read_fixture("mesos/agent-containers.json")),
                       containers, {"executor_pid", "network_infos"}),
            "");
  ASSERT_EQ(containers.size(), 3U);
  for (const json& c : containers) {
    if (c["executor_id"] == "proc.1") {
      EXPECT_EQ(c["status"]["executor_pid"], ::getpid());
    } else {
      EXPECT_FALSE(c["status"].contains("executor_pid")) << "Docker reports no executor pid";
    }
  }
  std::string cid = w.world.task("docker.1")->container_id;
  EXPECT_EQ(get_json("/containers", "container_id=" + cid).size(), 1U);
}

TEST_F(SandboxMesosAgent, StatisticsReadTheProcess) {
  json stats = get_json("/monitor/statistics");
  ASSERT_EQ(stats.size(), 3U);
  const json& s = stats[2]["statistics"];  // proc.1 (sorted by task id)
  EXPECT_EQ(s["cpus_limit"], 0.6);
  EXPECT_EQ(s["mem_limit_bytes"], 288 * 1024 * 1024);
  EXPECT_GT(s["mem_rss_bytes"].get<std::int64_t>(), 0);
  EXPECT_TRUE(s["cpus_user_time_secs"].is_number_float());
  EXPECT_EQ(s["timestamp"], w.clock);
  json metrics = get_json("/metrics/snapshot");
  EXPECT_EQ(metrics["slave/tasks_running"], 2.0);
  EXPECT_EQ(metrics["slave/tasks_staging"], 1.0);
  EXPECT_EQ(metrics["slave/cpus_total"], 8.0);
}

TEST_F(SandboxMesosAgent, FilesReadFollowsTheOffsetRules) {
  std::string path = "path=" + latest() + "/stdout";
  EXPECT_EQ(read(path).body, R"({"data":"","offset":10})");  // no offset = size probe
  EXPECT_EQ(read(path + "&offset=-1&length=4").body, R"({"data":"","offset":10})");
  EXPECT_EQ(read(path + "&offset=0").body, R"({"data":"0123456789","offset":0})");
  EXPECT_EQ(read(path + "&offset=3&length=4").body, R"({"data":"3456","offset":3})");
  EXPECT_EQ(read(path + "&offset=50").body, R"({"data":"","offset":50})");
  EXPECT_EQ(read(path + "&offset=-2").status, 400);
  EXPECT_EQ(read(path + "&length=x").status, 400);
  EXPECT_EQ(read("offset=0").status, 400);
  EXPECT_EQ(read("path=" + latest() + "/missing&offset=0").status, 404);
  EXPECT_EQ(read("path=/etc/passwd&offset=0").status, 404);  // not attached
  EXPECT_EQ(read("path=" + latest() + "/../../../../..&offset=0").status, 400);
  EXPECT_EQ(read("path=" + latest() + "&offset=0").status, 400);  // a directory
  // The real run path and the work_dir "latest" path name the same file.
  std::string real = w.world.task("proc.1")->sandbox_dir + "/stdout";
  EXPECT_EQ(read("path=" + real + "&offset=0&length=2").body, R"({"data":"01","offset":0})");
}

TEST_F(SandboxMesosAgent, FilesReadCapsAtSixteenPages) {
  std::string big(200000, 'x');
  std::ofstream(w.world.task("proc.1")->sandbox_dir + "/big") << big;
  json chunk = json::parse(read("path=" + latest() + "/big&offset=0").body);
  EXPECT_EQ(chunk["data"].get<std::string>().size(),
            static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)) * 16);
}

TEST_F(SandboxMesosAgent, FilesBrowseAndDownload) {
  json listing = get_json("/files/browse", "path=" + latest());
  ASSERT_EQ(listing.size(), 1U);
  EXPECT_EQ(listing[0]["path"], latest() + "/stdout");
  EXPECT_EQ(listing[0]["size"], 10);
  EXPECT_EQ(listing[0]["mode"].get<std::string>().substr(0, 1), "-");
  EXPECT_TRUE(listing[0]["mtime"].is_number_float());
  EXPECT_TRUE(listing[0]["uid"].is_string());
  EXPECT_EQ(MesosWorld::get(router, "/files/browse").status, 400);
  http::Response file = MesosWorld::get(router, "/files/download", "path=" + latest() + "/stdout");
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, "0123456789");
  EXPECT_EQ(MesosWorld::get(router, "/files/download", "path=" + latest()).status, 400);
}

TEST_F(SandboxMesosAgent, RealmsAndVersion) {
  http::Request q;
  q.path = "/monitor/statistics";
  EXPECT_EQ(router.auth().realm(q), "mesos-agent-readonly");
  q.path = "/files/read";
  EXPECT_EQ(router.auth().realm(q), "mesos-agent-readonly");
  q.path = "/health";
  EXPECT_EQ(router.auth().realm(q), "");
  EXPECT_EQ(MesosWorld::get(router, "/health").status, 200);
  EXPECT_EQ(get_json("/version")["version"], "1.11.0");
}

}  // namespace
}  // namespace qctl::sandbox::mesos
