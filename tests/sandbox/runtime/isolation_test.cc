// Namespaced tasks, the Docker names file and COMMAND health checks with real processes.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <filesystem>

#include "sandbox/runtime/runners.h"
#include "tests/sandbox/runtime/process_fixture.h"

namespace qctl::sandbox::runtime::testing {
namespace {

using SandboxRuntimeIsolation = ProcessFixture;

std::string ns_of(int pid, const char* kind) {
  std::error_code ec;
  return std::filesystem::read_symlink("/proc/" + std::to_string(pid) + "/ns/" + kind, ec).string();
}

// Whether any process still lives in the PID namespace `ns` ("pid:[4026…]").
bool namespace_alive(const std::string& ns) {
  return std::ranges::any_of(std::filesystem::directory_iterator("/proc"), [&](const auto& entry) {
    const std::string name = entry.path().filename().string();
    return name.find_first_not_of("0123456789") == std::string::npos &&
           ns_of(std::stoi(name), "pid") == ns;
  });
}

TEST_F(SandboxRuntimeIsolation, NamespacedTaskSeesOnlyItselfAndTheAgentHostname) {
  if (!namespaces_available()) {
    GTEST_SKIP() << "no PID/mount/UTS/IPC namespaces here (needs root)";
  }
  start(Isolation::kNamespaces);
  const Launched t =
      launch(shell("ns",
                   "echo pid=$$; echo host=$(hostname); echo procs=$(ls /proc | grep -c '^[0-9]'); "
                   "echo done; sleep 60"));
  ASSERT_TRUE(wait_for(t.id, "TASK_RUNNING"));
  const std::string pid_ns = ns_of(t.pid, "pid");
  EXPECT_NE(pid_ns, ns_of(getpid(), "pid"));
  EXPECT_NE(ns_of(t.pid, "uts"), ns_of(getpid(), "uts"));
  EXPECT_NE(ns_of(t.pid, "mnt"), ns_of(getpid(), "mnt"));
  EXPECT_NE(ns_of(t.pid, "ipc"), ns_of(getpid(), "ipc"));

  const std::string out = wait_output(t, "done\n");
  // pid 1 is the container's init (as mesos-executor is in a Mesos container); the
  // command is its child, pid 2, and /proc shows the namespace's few processes only.
  EXPECT_NE(out.find("pid=2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("host=agent-1.example\n"), std::string::npos) << out;
  const auto procs = out.find("procs=");
  ASSERT_NE(procs, std::string::npos) << out;
  EXPECT_LE(std::stoi(out.substr(procs + 6)), 6) << out;  // init, sh, the $( ) pipeline

  {
    auto lock = world_.lock();
    world_.kill(t.id);
  }
  const auto killed = wait_for(t.id, "TASK_KILLED");
  ASSERT_TRUE(killed);
  EXPECT_EQ(killed->message, "Command terminated with signal Terminated");
  EXPECT_FALSE(namespace_alive(pid_ns));
}

TEST_F(SandboxRuntimeIsolation, StopAllTearsDownEveryNamespace) {
  if (!namespaces_available()) {
    GTEST_SKIP() << "no namespaces here";
  }
  start(Isolation::kNamespaces, /*grace=*/0.3);
  const Launched a = launch(shell("a", "sleep 60 & sleep 60"));
  const Launched b = launch(shell("b", "trap '' TERM; sleep 60"));
  ASSERT_TRUE(wait_for(b.id, "TASK_RUNNING"));
  const std::string ns_a = ns_of(a.pid, "pid");
  const std::string ns_b = ns_of(b.pid, "pid");
  {
    auto lock = world_.lock();
    runner_->stop_all();
  }
  EXPECT_EQ(states_of(a.id).back(), "TASK_KILLED");
  EXPECT_EQ(states_of(b.id).back(), "TASK_KILLED");
  EXPECT_FALSE(namespace_alive(ns_a));
  EXPECT_FALSE(namespace_alive(ns_b));
}

TEST_F(SandboxRuntimeIsolation, DockerNamesFileFollowsTheTask) {
  start(Isolation::kNone, 3, "1.3.2");
  TaskSpec spec = shell("docker", "echo $MESOS_CONTAINER_NAME; sleep 60");
  spec.container = ContainerKind::kDocker;
  spec.image = "nginx:1.25";
  const Launched t = launch(spec);
  ASSERT_TRUE(wait_for(t.id, "TASK_RUNNING"));
  // 0.23 to 1.3 agents name the container mesos-<agentId>.<containerId>.
  const std::string long_name = "mesos-" + agent_id_ + "." + t.container_id;
  EXPECT_EQ(wait_output(t, "\n"), long_name + "\n");
  const std::string file = dir_ + "/docker-names";
  const std::string pid = std::to_string(t.pid);
  EXPECT_EQ(read_file(file), "mesos-" + t.container_id + " " + pid + "\n" + "mesos-" + agent_id_ +
                                 "." + t.container_id + " " + pid + "\n");
  {
    auto lock = world_.lock();
    world_.kill(t.id);
  }
  ASSERT_TRUE(wait_for(t.id, "TASK_KILLED"));
  EXPECT_EQ(read_file(file), "");
}

TEST_F(SandboxRuntimeIsolation, CurrentAgentsUseOnlyTheContainerIdName) {
  start(Isolation::kNone);
  TaskSpec spec = shell("docker", "sleep 60");
  spec.container = ContainerKind::kDocker;
  const Launched t = launch(spec);
  ASSERT_TRUE(wait_for(t.id, "TASK_RUNNING"));
  EXPECT_EQ(read_file(dir_ + "/docker-names"),
            "mesos-" + t.container_id + " " + std::to_string(t.pid) + "\n");
}

HealthCheckSpec quick_check(const std::string& command) {
  HealthCheckSpec check;
  check.command = command;
  check.delay_seconds = 0;
  check.grace_period_seconds = 0;
  check.interval_seconds = 0.02;
  check.timeout_seconds = 5;
  return check;
}

TEST_F(SandboxRuntimeIsolation, HealthCheckFlipsHealthyWhenTheCommandPasses) {
  start(Isolation::kNone);
  TaskSpec spec = shell("hc", "sleep 60");
  spec.health_check = quick_check("test -f ready");
  const Launched t = launch(spec);
  ASSERT_TRUE(wait_for(t.id, "TASK_RUNNING", false));
  std::ofstream(t.sandbox + "/ready").put('\n');
  ASSERT_TRUE(wait_for(t.id, "TASK_RUNNING", true));
  std::filesystem::remove(t.sandbox + "/ready");
  auto lock = world_.lock();
  recorder_.seen.clear();
  lock.unlock();
  ASSERT_TRUE(wait_for(t.id, "TASK_RUNNING", false));
  lock.lock();
  EXPECT_EQ(world_.task(t.id)->healthy, false);
}

TEST_F(SandboxRuntimeIsolation, HealthCheckTimesOutAsAFailure) {
  start(Isolation::kNone);
  TaskSpec spec = shell("slow", "sleep 60");
  spec.health_check = quick_check("sleep 30");
  spec.health_check->timeout_seconds = 0.1;
  const Launched t = launch(spec);
  ASSERT_TRUE(wait_for(t.id, "TASK_RUNNING", false));
  destroy_runner();
  EXPECT_EQ(task_children(), 0U);
}

TEST_F(SandboxRuntimeIsolation, HealthCheckRunsInsideTheTaskNamespaces) {
  if (!namespaces_available()) {
    GTEST_SKIP() << "no namespaces here";
  }
  start(Isolation::kNamespaces);
  TaskSpec spec = shell("nshc", "sleep 60");
  spec.health_check = quick_check("test \"$(hostname)\" = agent-1.example && test -d /proc/2");
  const Launched t = launch(spec);
  ASSERT_TRUE(wait_for(t.id, "TASK_RUNNING", true));
  destroy_runner();  // kills the task and any check in flight
  EXPECT_EQ(task_children(), 0U);
}

}  // namespace
}  // namespace qctl::sandbox::runtime::testing
